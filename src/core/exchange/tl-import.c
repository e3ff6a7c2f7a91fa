/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-export-fields.h"
#include "tl-import-private.h"

/* Import sources (a file read into a table of text cells) and the mapping
 * of their columns to event fields. Validation is in tl-import-rows.c and
 * tl-import-run.c, results and their commit in tl-import-result.c. */

/* The line of @data that @offset is on, counting from 1. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (const char *p = data; (p = memchr (p, '\n', data + offset - p)) != NULL; p++)
    line++;
  return line;
}

static void
set_encoding_error (GError     **error,
                    const char  *display_name,
                    const char  *encoding,
                    guint        line,
                    gsize        offset)
{
  g_autofree char *byte = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);

  if (encoding == NULL)
    g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_ENCODING,
                 /* Translators: "Line 4 of “x.csv” (byte 120) is not UTF-8 text: …" */
                 _("Line %u of “%s” (byte %s) is not UTF-8 text: save the file as UTF-8, "
                   "or name its encoding (for example windows-1252)"),
                 line, display_name, byte);
  else
    g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_ENCODING,
                 /* Translators: "Line 4 of “x.csv” (byte 120) is not UTF-16 text" */
                 _("Line %u of “%s” (byte %s) is not %s text"),
                 line, display_name, byte, encoding);
}

/* Converts @data from @encoding; on a bad sequence, says where it is.
 * @skip: bytes before @data in the file (a byte order mark). */
static char *
convert_text (const char  *data,
              gsize        len,
              gsize        skip,
              const char  *encoding,
              const char  *display_name,
              gsize       *out_len,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize read = 0;
  char *text = g_convert (data, (gssize) len, "UTF-8", encoding, &read, out_len, &local_error);
  g_autofree char *before = NULL;
  gsize before_len = 0;

  /* With bytes_read asked for, g_convert() stops at an incomplete
   * character at the end without an error. */
  if (text != NULL && read == len)
    return text;
  if (text != NULL)
    {
      set_encoding_error (error, display_name, encoding, line_at (text, *out_len), skip + read);
      g_free (text);
      return NULL;
    }

  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_ENCODING,
                   _("Tideline does not know the text encoding “%s”"), encoding);
      return NULL;
    }

  /* The text before the bad sequence converts: its lines are the line. */
  before = g_convert (data, (gssize) read, "UTF-8", encoding, NULL, &before_len, NULL);
  set_encoding_error (error, display_name, encoding,
                      before != NULL ? line_at (before, before_len) : 1, skip + read);
  return NULL;
}

/* g_utf8_validate_len(), with the same answer and @out_end, in a tenth
 * of the time on text that is mostly ASCII (it was a twentieth of a CSV
 * import, before any row could be read): ASCII is skipped eight bytes at
 * a time, and each run of other bytes is checked alone. A run ends
 * before an ASCII byte, which no multi-byte character holds, so checking
 * runs apart is checking the whole. */
static gboolean
utf8_validate (const char  *data,
               gsize        len,
               const char **out_end)
{
  const char *p = data, *end = data + len;

  while (p < end)
    {
      const char *run;
      guint64 word;

      for (; end - p >= 8; p += 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
        }
      while (p < end && (guchar) *p < 0x80)
        p++;
      if (p == end)
        break;

      for (run = p; p < end && (guchar) *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len (run, (gsize) (p - run), out_end))
        return FALSE;
    }

  *out_end = end;
  return TRUE;
}

/* Reads the file as text. UTF-8, with or without a byte order mark, and
 * UTF-16 with one are read as they are; other text is refused with where
 * it stops being UTF-8, unless the caller names its encoding (a French
 * spreadsheet's "CSV" is windows-1252). The text is @data itself when it
 * can be, so that a big file is not held twice.
 *
 * Returns: (transfer none): the text, in @data or *@out_owned */
static const char *
decode_text (const char  *data,
             gsize        len,
             const char  *display_name,
             const char  *encoding,
             gsize       *out_len,
             char       **out_owned,
             GError     **error)
{
  const char *end = NULL;
  const char *from = encoding;
  gsize skip = 0;

  *out_owned = NULL;
  if (from != NULL && (g_ascii_strcasecmp (from, "UTF-8") == 0 || g_ascii_strcasecmp (from, "UTF8") == 0))
    from = NULL;

  /* A byte order mark says what the text is, whatever was asked. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      skip = 3;
      from = NULL;
    }
  else if (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      skip = 2;
      from = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
    }
  data += skip;
  len -= skip;

  if (from != NULL)
    {
      if ((*out_owned = convert_text (data, len, skip, from, display_name, out_len, error)) == NULL)
        return NULL;
      data = *out_owned;
      len = *out_len;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_clear_pointer (out_owned, g_free);
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                   _("“%s” is not a text file (CSV, GeoJSON, KML or GPX)"), display_name);
      return NULL;
    }

  if (from == NULL && !utf8_validate (data, len, &end))
    {
      gsize offset = (gsize) (end - data);

      set_encoding_error (error, display_name, NULL, line_at (data, offset), skip + offset);
      return NULL;
    }

  *out_len = len;
  return len > 0 ? data : "";
}

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

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO,
                   _("Could not read “%s”: it is a folder, not a file"), display);
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

/* The file as UTF-8 text, if it is not too big: @bytes themselves when
 * they are UTF-8, or a converted copy in *@out_owned.
 *
 * Returns: (transfer none) (nullable): the text, not NUL-terminated */
const char *
tl_import_decode_text (GBytes      *bytes,
                       const char  *display_name,
                       const char  *encoding,
                       gsize       *out_len,
                       char       **out_owned,
                       GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  *out_owned = NULL;
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

  return decode_text (size > 0 ? data : "", size, display_name, encoding, out_len, out_owned, error);
}

/* Public API */

/* Internal API */

TlImportSource *
tl_import_source_new_from_text (const char        *text,
                                gsize              len,
                                TlExchangeFormat   format,
                                const char        *display_name,
                                GError           **error)
{
  g_autoptr(TlImportSource) self = tl_import_source_new (format, display_name);
  gboolean ok = FALSE;

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

/* Public API */

/**
 * tl_import_source_new_from_bytes:
 * @bytes: the file's content
 * @format: its format
 * @display_name: the file name, for messages
 * @error: return location for a #TL_IMPORT_ERROR
 *
 * Reads the whole file into rows and guesses the column mapping. The
 * text must be UTF-8 or UTF-16 with a byte order mark.
 *
 * Returns: (transfer full) (nullable): the source
 */
TlImportSource *
tl_import_source_new_from_bytes (GBytes            *bytes,
                                 TlExchangeFormat   format,
                                 const char        *display_name,
                                 GError           **error)
{
  return tl_import_source_new_from_bytes_with_encoding (bytes, format, display_name, NULL, error);
}

/**
 * tl_import_source_new_from_bytes_with_encoding:
 * @bytes: the file's content
 * @format: its format
 * @display_name: the file name, for messages
 * @encoding: (nullable): the text's encoding (e.g. "windows-1252"), when
 *   the operator named one; %NULL for UTF-8
 * @error: return location for a #TL_IMPORT_ERROR
 *
 * Returns: (transfer full) (nullable): the source
 */
TlImportSource *
tl_import_source_new_from_bytes_with_encoding (GBytes            *bytes,
                                               TlExchangeFormat   format,
                                               const char        *display_name,
                                               const char        *encoding,
                                               GError           **error)
{
  g_autofree char *owned = NULL;
  const char *text;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);

  text = tl_import_decode_text (bytes, display_name, encoding, &len, &owned, error);
  if (text == NULL)
    return NULL;

  return tl_import_source_new_from_text (text, len, format, display_name, error);
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
  return tl_import_source_new_from_file_with_encoding (path, NULL, error);
}

/**
 * tl_import_source_new_from_file_with_encoding:
 * @path: (type filename): a .csv, .tsv, .txt, .geojson, .json, .kml or
 *   .gpx file
 * @encoding: (nullable): its text encoding, when the operator named one
 * @error: return location for a #TL_IMPORT_ERROR
 *
 * Returns: (transfer full) (nullable): the source
 */
TlImportSource *
tl_import_source_new_from_file_with_encoding (const char  *path,
                                              const char  *encoding,
                                              GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TlExchangeFormat format;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = tl_import_load_file (path, &format, &display, error);
  if (bytes == NULL)
    return NULL;

  return tl_import_source_new_from_bytes_with_encoding (bytes, format, display, encoding, error);
}

/**
 * tl_import_source_new_from_file_guessing:
 * @path: (type filename): a .csv, .tsv, .txt, .geojson, .json, .kml or
 *   .gpx file
 * @out_encoding: (out) (transfer full) (nullable): %NULL when the file is
 *   Unicode text (UTF-8, or UTF-16 with a byte order mark), else the
 *   encoding it was read as
 * @error: return location for a #TL_IMPORT_ERROR
 *
 * Reads @path as tl_import_source_new_from_file() does, for a window that
 * shows what it guessed and lets the officer choose: a file that is not
 * Unicode text is read as Windows-1252 (what spreadsheets in France and
 * Britain save as "CSV"), or as ISO-8859-15 if it holds bytes that
 * Windows-1252 leaves undefined. The command line guesses nothing: it
 * reads another encoding only when named (`--encoding`).
 *
 * Returns: (transfer full) (nullable): the source
 */
TlImportSource *
tl_import_source_new_from_file_guessing (const char  *path,
                                         char       **out_encoding,
                                         GError     **error)
{
  static const char *legacy[] = { "windows-1252", "ISO-8859-15" };
  g_autoptr(GError) unicode_error = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TlExchangeFormat format;
  TlImportSource *source;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (out_encoding != NULL, NULL);

  *out_encoding = NULL;
  bytes = tl_import_load_file (path, &format, &display, error);
  if (bytes == NULL)
    return NULL;

  source = tl_import_source_new_from_bytes_with_encoding (bytes, format, display, NULL, &unicode_error);
  if (source != NULL || !g_error_matches (unicode_error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_ENCODING))
    {
      if (source == NULL)
        g_propagate_error (error, g_steal_pointer (&unicode_error));
      return source;
    }

  for (guint i = 0; i < G_N_ELEMENTS (legacy); i++)
    {
      source = tl_import_source_new_from_bytes_with_encoding (bytes, format, display, legacy[i], NULL);
      if (source != NULL)
        {
          *out_encoding = g_strdup (legacy[i]);
          return source;
        }
    }

  /* Neither: what is wrong with it as Unicode is the most useful. */
  g_propagate_error (error, g_steal_pointer (&unicode_error));
  return NULL;
}
