/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-export-fields.h"

/* CSV as RFC 4180 has it: UTF-8, a header row, CRLF line ends, fields
 * quoted when they hold a separator, a quote or a line break. Times are
 * ISO 8601 UTC, positions decimal degrees, unknown values empty. */

/* A byte order mark: without it, spreadsheets on Windows read UTF-8 as
 * their ANSI code page and garble every accented place name. GDAL and
 * Tideline's importer skip it. */
static const char utf8_bom[] = "\xef\xbb\xbf";

/* Formula injection: a spreadsheet runs a cell that starts with '=',
 * '+', '-' or '@' as a formula (some skip a leading tab or carriage return
 * first), so a report's notes reading "=HYPERLINK(…)" would become a live
 * link, or worse, on a partner agency's desk. As OWASP recommends, a
 * free-text cell (place, unit, notes) starting with one of those gets a
 * leading "'", which makes spreadsheets take it as text; the "'" may show.
 * A text that already starts with "'" gets one too, so that the escape can
 * always be undone: tl-import-csv.c drops one "'" followed by any of
 * these characters, and an export reads back exactly. Numbers (a negative
 * longitude), times, kinds, statuses and details are never escaped: they
 * are not typed in as text, and numbers must stay numbers. */
static const char formula_starts[] = "=+-@\t\r'";

/* Helpers */

static gboolean
is_free_text (TlExportField field)
{
  return field == TL_EXPORT_FIELD_PLACE || field == TL_EXPORT_FIELD_UNIT ||
         field == TL_EXPORT_FIELD_NOTES;
}

static void
append_field (TlExportWriter *writer,
              const char     *text)
{
  gsize len;

  if (text == NULL)
    return;

  len = strlen (text);
  /* Leading or trailing spaces are quoted too, so that no reader trims
   * them away. */
  if (strpbrk (text, ",\"\r\n") == NULL &&
      (len == 0 || (text[0] != ' ' && text[len - 1] != ' ')))
    {
      tl_export_writer_append (writer, text, (gssize) len);
      return;
    }

  tl_export_writer_append (writer, "\"", 1);
  for (const char *p = text; *p != '\0';)
    {
      const char *quote = strchr (p, '"');

      if (quote == NULL)
        {
          tl_export_writer_append (writer, p, -1);
          break;
        }
      tl_export_writer_append (writer, p, quote + 1 - p);
      tl_export_writer_append (writer, "\"", 1);
      p = quote + 1;
    }
  tl_export_writer_append (writer, "\"", 1);
}

/* Internal API */

void
tl_export_write_csv (TlExportWriter *writer,
                     GPtrArray      *events)
{
  tl_export_writer_append (writer, utf8_bom, -1);
  for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
    {
      if (f > 0)
        tl_export_writer_append (writer, ",", 1);
      tl_export_writer_append (writer, tl_export_field_names[f], -1);
    }
  tl_export_writer_append (writer, "\r\n", 2);

  for (guint i = 0; i < events->len && writer->error == NULL; i++)
    {
      TlEventData data;

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
        {
          char buf[TL_EXPORT_TEXT_SIZE];
          const char *text = tl_export_field_text (&data, f, buf);
          g_autofree char *escaped = NULL;

          if (f > 0)
            tl_export_writer_append (writer, ",", 1);
          if (is_free_text (f) && text != NULL && *text != '\0' && strchr (formula_starts, *text) != NULL)
            text = escaped = g_strconcat ("'", text, NULL);
          append_field (writer, text);
        }
      tl_export_writer_append (writer, "\r\n", 2);
    }
}

/* The CSV's sidecar for GDAL (and QGIS): one type per column, so that
 * times read as times, counts as numbers and the two coordinates as the
 * point's geometry, instead of every column a string. */
char *
tl_export_csvt_text (void)
{
  GString *out = g_string_new (NULL);

  for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
    {
      const char *type;

      switch ((TlExportField) f)
        {
        case TL_EXPORT_FIELD_TIME:
        case TL_EXPORT_FIELD_END_TIME:
          type = "DateTime";
          break;
        case TL_EXPORT_FIELD_LATITUDE:
          type = "CoordY";
          break;
        case TL_EXPORT_FIELD_LONGITUDE:
          type = "CoordX";
          break;
        case TL_EXPORT_FIELD_BOATS:
        case TL_EXPORT_FIELD_PEOPLE:
        case TL_EXPORT_FIELD_RESCUED:
        case TL_EXPORT_FIELD_DECEASED:
        case TL_EXPORT_FIELD_MISSING:
        case TL_EXPORT_FIELD_CASE_ID:
          type = "Integer";
          break;
        case TL_EXPORT_FIELD_ID:
        case TL_EXPORT_FIELD_KIND:
        case TL_EXPORT_FIELD_PLACE:
        case TL_EXPORT_FIELD_UNIT:
        case TL_EXPORT_FIELD_STATUS:
        case TL_EXPORT_FIELD_NOTES:
        case TL_EXPORT_FIELD_DETAILS:
        case TL_EXPORT_N_FIELDS:
        default:
          type = "String";
          break;
        }
      g_string_append_printf (out, "%s\"%s\"", f > 0 ? "," : "", type);
    }
  g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}
