/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-exchange-format.h"

/* The exchange formats by name, extension and label, and the export error
 * domain they report through. */

static const struct {
  const char *name;
  const char *extension;
  const char *label;
  const char *mime_type;
} formats[] = {
  [TL_EXCHANGE_FORMAT_CSV] = { "csv", "csv", N_("CSV (spreadsheets)"), "text/csv" },
  [TL_EXCHANGE_FORMAT_GEOJSON] = { "geojson", "geojson", N_("GeoJSON (GIS)"), "application/geo+json" },
  [TL_EXCHANGE_FORMAT_KML] = { "kml", "kml", N_("KML (Google Earth)"), "application/vnd.google-earth.kml+xml" },
  [TL_EXCHANGE_FORMAT_GPX] = { "gpx", "gpx", N_("GPX (chart plotters, GPS)"), "application/gpx+xml" },
};

G_DEFINE_QUARK (tl-export-error-quark, tl_export_error)

/* Public API */

const char *
tl_exchange_format_to_string (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return formats[format].name;
}

/**
 * tl_exchange_format_from_string:
 * @str: (nullable): "csv", "geojson", "kml" or "gpx", in any case
 * @out_format: (out): the format
 *
 * Returns: whether @str names a format
 */
gboolean
tl_exchange_format_from_string (const char       *str,
                                TlExchangeFormat *out_format)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (str, formats[i].name) == 0)
      {
        *out_format = i;
        return TRUE;
      }

  return FALSE;
}

const char *
tl_exchange_format_get_extension (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return formats[format].extension;
}

/* Returns: (transfer none): the translated name shown in format choosers. */
const char *
tl_exchange_format_get_label (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return _(formats[format].label);
}

const char *
tl_exchange_format_get_mime_type (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return formats[format].mime_type;
}

/**
 * tl_exchange_format_guess:
 * @filename: a file name
 * @out_format: (out): the format its extension names
 *
 * Knows .csv, .tsv and .txt (CSV), .geojson and .json, .kml and .gpx.
 *
 * Returns: whether the extension is known
 */
gboolean
tl_exchange_format_guess (const char       *filename,
                          TlExchangeFormat *out_format)
{
  const char *dot = strrchr (filename, '.');

  if (dot == NULL)
    return FALSE;
  dot++;

  if (g_ascii_strcasecmp (dot, "tsv") == 0 || g_ascii_strcasecmp (dot, "txt") == 0)
    {
      *out_format = TL_EXCHANGE_FORMAT_CSV;
      return TRUE;
    }
  if (g_ascii_strcasecmp (dot, "json") == 0)
    {
      *out_format = TL_EXCHANGE_FORMAT_GEOJSON;
      return TRUE;
    }

  return tl_exchange_format_from_string (dot, out_format);
}
