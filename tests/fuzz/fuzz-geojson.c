/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-fuzz.h"
#include "tl-import.h"

/* The GEOJSON reader, then validation of every row it made. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;

  source = tl_import_source_new_from_bytes (bytes, TL_EXCHANGE_FORMAT_GEOJSON, "fuzz", &error);
  if (source == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  result = tl_import_source_validate (source, NULL, NULL);
  return 0;
}
