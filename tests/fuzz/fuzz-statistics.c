/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-fuzz.h"
#include "tl-statistics.h"

/* The reader of official daily figures: header, mapping, rows, checks. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) header = tl_statistics_read_header ((const char *) data, (gssize) size);
  g_autoptr(TlStatisticsFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TlStatisticsMapping mapping;

  if (header == NULL)
    return 0;
  tl_statistics_detect_mapping ((const char * const *) header, &mapping);
  file = tl_statistics_parse ((const char *) data, (gssize) size, &mapping, &error);
  if (file != NULL)
    tl_statistics_file_check (file, NULL);
  else
    g_assert (error != NULL);
  return 0;
}
