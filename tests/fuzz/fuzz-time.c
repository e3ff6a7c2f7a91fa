/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-fuzz.h"
#include "tl-time.h"

/* The time parser, in a zone with summer time. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GTimeZone *zone;
  g_autofree char *text = tl_fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  gint64 utc = 0;

  if (zone == NULL)
    zone = g_time_zone_new_identifier ("Europe/Paris");
  if (!tl_time_parse (zone, text, G_GINT64_CONSTANT (1795651200), &utc, &error))
    g_assert (error != NULL);
  return 0;
}
