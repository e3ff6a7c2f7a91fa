/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-export-fields.h"
#include "tl-import-private.h"

/* Import sources (a file read into a table of text cells) and the mapping
 * of their columns to event fields. Validation is in tl-import-rows.c and
 * tl-import-run.c, results and their commit in tl-import-result.c. */

/* Reads the file as text: a byte order mark is dropped; text that is not
 * UTF-8 is taken as Windows-1252, which is what French spreadsheets save
 * as "CSV". */
static char *
decode_text (const char  *data,
             gsize        len,
             const char  *display_name,
             gsize       *out_len,
             GError     **error)
{
  char *text;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      text = g_convert (data, (gssize) len, "UTF-8", "UTF-16", NULL, out_len, NULL);
      if (text == NULL)
        g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                     _("“%s” is not readable text"), display_name);
      return text;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                   _("“%s” is not a text file (CSV, GeoJSON, KML or GPX)"), display_name);
      return NULL;
    }

  if (g_utf8_validate_len (data, len, NULL))
    {
      *out_len = len;
      return g_strndup (data, len);
    }

  text = g_convert (data, (gssize) len, "UTF-8", "WINDOWS-1252", NULL, out_len, NULL);
  if (text == NULL)
    g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                 _("“%s” is not readable text: save it as UTF-8 and try again"), display_name);
  return text;
}

/* Internal API */

/* The file's bytes, with its format guessed from its name and its name as
 * messages show it. */
GBytes *
tl_import_load_file (const char        *path,
                     TlExchangeFormat  *out_format,
                     char             **out_display_name,
                     GError           **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!tl_exchange_format_guess (path, out_format))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                   _("Tideline cannot import “%s”: it imports CSV (.csv, .tsv, .txt), "
                     "GeoJSON (.geojson, .json), KML (.kml) and GPX (.gpx) files"),
                   display);
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  *out_display_name = g_steal_pointer (&display);
  return g_mapped_file_get_bytes (mapped);
}

/* The file as UTF-8 text, if it is not too big. */
char *
tl_import_decode_text (GBytes      *bytes,
                       const char  *display_name,
                       gsize       *out_len,
                       GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > TL_IMPORT_MAX_BYTES)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *max_text = g_format_size (TL_IMPORT_MAX_BYTES);

      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_BIG,
                   _("“%s” is %s; Tideline imports files up to %s. "
                     "Split the file and import each part."),
                   display_name, size_text, max_text);
      return NULL;
    }

  return decode_text (size > 0 ? data : "", size, display_name, out_len, error);
}

/* Public API */

/**
 * tl_import_source_new_from_bytes:
 * @bytes: the file's content
 * @format: its format
 * @display_name: the file name, for messages
 * @error: return location for a #TL_IMPORT_ERROR
 *
 * Reads the whole file into rows and guesses the column mapping.
 *
 * Returns: (transfer full) (nullable): the source
 */
TlImportSource *
tl_import_source_new_from_bytes (GBytes            *bytes,
                                 TlExchangeFormat   format,
                                 const char        *display_name,
                                 GError           **error)
{
  g_autoptr(TlImportSource) self = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);

  text = tl_import_decode_text (bytes, display_name, &len, error);
  if (text == NULL)
    return NULL;

  self = tl_import_source_new (format, display_name);
  switch (format)
    {
    case TL_EXCHANGE_FORMAT_CSV:
      ok = tl_import_read_csv (self, text, len, error);
      break;
    case TL_EXCHANGE_FORMAT_GEOJSON:
      ok = tl_import_read_geojson (self, text, len, error);
      break;
    case TL_EXCHANGE_FORMAT_KML:
      ok = tl_import_read_kml (self, text, len, error);
      break;
    case TL_EXCHANGE_FORMAT_GPX:
      ok = tl_import_read_gpx (self, text, len, error);
      break;
    case TL_EXCHANGE_N_FORMATS:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return NULL;

  if (self->rows->len == 0)
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY,
                   _("“%s” holds no events"), display_name);
      return NULL;
    }

  tl_import_source_guess_mapping (self);
  return g_steal_pointer (&self);
}

/**
 * tl_import_source_new_from_file:
 * @path: (type filename): a .csv, .tsv, .txt, .geojson, .json, .kml or
 *   .gpx file
 * @error: return location for a #TL_IMPORT_ERROR
 *
 * Returns: (transfer full) (nullable): the source
 */
TlImportSource *
tl_import_source_new_from_file (const char  *path,
                                GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TlExchangeFormat format;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = tl_import_load_file (path, &format, &display, error);
  if (bytes == NULL)
    return NULL;

  return tl_import_source_new_from_bytes (bytes, format, display, error);
}
