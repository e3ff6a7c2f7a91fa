/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-fuzz.h"
#include "tl-import.h"

/* The KML and GPX readers (the first byte chooses), then validation of
 * every row they made. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  TlExchangeFormat format;

  if (size < 1)
    return 0;
  format = data[0] & 1 ? TL_EXCHANGE_FORMAT_GPX : TL_EXCHANGE_FORMAT_KML;
  bytes = g_bytes_new_static (data + 1, size - 1);
  source = tl_import_source_new_from_bytes (bytes, format, "fuzz", &error);
  if (source == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  result = tl_import_source_validate (source, NULL, NULL);
  return 0;
}
