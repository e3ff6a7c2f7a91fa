/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tl-coordinates.h"

static const char * const format_names[] = { "ddm", "dd", "dms" };

/**
 * tl_coordinate_format_to_string:
 * @format: a #TlCoordinateFormat
 *
 * Returns: (transfer none): the stable name of @format ("ddm", "dd" or
 *   "dms"), as stored in GSettings
 */
const char *
tl_coordinate_format_to_string (TlCoordinateFormat format)
{
  g_return_val_if_fail (format <= TL_COORDINATE_FORMAT_DMS, format_names[0]);

  return format_names[format];
}

/**
 * tl_coordinate_format_from_string:
 * @str: (nullable): a name from tl_coordinate_format_to_string()
 * @out_format: (out): where to store the format
 *
 * Reads a stored format name. On failure @out_format is set to
 * %TL_COORDINATE_FORMAT_DDM, the default, so a caller may ignore the
 * return value.
 *
 * Returns: %TRUE if @str is a known name
 */
gboolean
tl_coordinate_format_from_string (const char         *str,
                                  TlCoordinateFormat *out_format)
{
  g_return_val_if_fail (out_format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_strcmp0 (str, format_names[i]) == 0)
        {
          *out_format = (TlCoordinateFormat) i;
          return TRUE;
        }
    }

  *out_format = TL_COORDINATE_FORMAT_DDM;
  return FALSE;
}

/**
 * tl_coordinates_format:
 * @lat: latitude in degrees, -90 to 90
 * @lon: longitude in degrees, -180 to 180
 * @format: how to write it
 *
 * Writes a position for display. DDM gives minutes to 0.001′ (under 2 m),
 * DD gives degrees to 0.00001° (about 1 m), DMS gives seconds to 0.1″
 * (about 3 m); the value is rounded, never truncated, and a position that
 * rounds to 0 is written N or E. The text reads back with
 * tl_coordinates_parse().
 *
 * Returns: (transfer full): the position as text
 */
char *
tl_coordinates_format (double             lat,
                       double             lon,
                       TlCoordinateFormat format)
{
  gint64 lat_units, lon_units;

  g_return_val_if_fail (isfinite (lat) && isfinite (lon), NULL);

  switch (format)
    {
    case TL_COORDINATE_FORMAT_DD:
      {
        char lat_text[G_ASCII_DTOSTR_BUF_SIZE];
        char lon_text[G_ASCII_DTOSTR_BUF_SIZE];
        /* Round first so that -0.000001 is written 0.00000, not -0.00000. */
        double lat_r = round (lat * 1e5) / 1e5 + 0.0;
        double lon_r = round (lon * 1e5) / 1e5 + 0.0;

        g_ascii_formatd (lat_text, sizeof lat_text, "%.5f", lat_r);
        g_ascii_formatd (lon_text, sizeof lon_text, "%.5f", lon_r);
        return g_strdup_printf ("%s°, %s°", lat_text, lon_text);
      }

    case TL_COORDINATE_FORMAT_DMS:
      /* tenths of a second */
      lat_units = llround (fabs (lat) * 36000.0);
      lon_units = llround (fabs (lon) * 36000.0);
      return g_strdup_printf ("%02d°%02d′%02d.%d″%c %03d°%02d′%02d.%d″%c",
                              (int) (lat_units / 36000), (int) (lat_units % 36000 / 600),
                              (int) (lat_units % 600 / 10), (int) (lat_units % 10),
                              lat < 0 && lat_units != 0 ? 'S' : 'N',
                              (int) (lon_units / 36000), (int) (lon_units % 36000 / 600),
                              (int) (lon_units % 600 / 10), (int) (lon_units % 10),
                              lon < 0 && lon_units != 0 ? 'W' : 'E');

    case TL_COORDINATE_FORMAT_DDM:
    default:
      /* thousandths of a minute */
      lat_units = llround (fabs (lat) * 60000.0);
      lon_units = llround (fabs (lon) * 60000.0);
      return g_strdup_printf ("%02d°%02d.%03d′%c %03d°%02d.%03d′%c",
                              (int) (lat_units / 60000), (int) (lat_units % 60000 / 1000),
                              (int) (lat_units % 1000),
                              lat < 0 && lat_units != 0 ? 'S' : 'N',
                              (int) (lon_units / 60000), (int) (lon_units % 60000 / 1000),
                              (int) (lon_units % 1000),
                              lon < 0 && lon_units != 0 ? 'W' : 'E');
    }
}
