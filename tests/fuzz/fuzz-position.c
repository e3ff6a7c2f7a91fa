/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-coordinates.h"
#include "tl-fuzz.h"

/* The position parser: every maritime notation a desk may type. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = tl_fuzz_text (data, size);
  g_autoptr(GError) error = NULL;
  double lat = 0, lon = 0;

  if (tl_coordinates_parse (text, &lat, &lon, &error))
    {
      g_autofree char *again = tl_coordinates_format (lat, lon, TL_COORDINATE_FORMAT_DDM);

      g_assert (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180);
      g_assert (again != NULL);
    }
  else
    g_assert (error != NULL);
  return 0;
}
