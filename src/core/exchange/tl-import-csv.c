/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-import-private.h"

/* CSV as spreadsheets really write it: comma, semicolon (French Excel) or
 * tab separated, found from the header line; fields quoted with '"' may
 * hold separators, doubled quotes and line breaks; lines end in CRLF, LF
 * or CR. A stray quote inside an unquoted field is kept as a character,
 * as spreadsheets do; a quote never closed is an error, since it swallows
 * the rest of the file. The first record is the header. */

/* Tideline's exports (tl-export-csv.c) put a "'" before a free-text cell
 * starting with '=', '+', '-', '@', tab or carriage return, so that a
 * spreadsheet shows it as text instead of running it as a formula, and
 * before one already starting with "'", so that the escape is reversible.
 * Reading drops one "'" followed by any of these, giving back exactly the
 * text that was exported. '\n' is there because a carriage return in a
 * quoted cell reaches add_record () as a '\n'. A lone "'", or one
 * followed by anything else, is text and kept. Header cells are names,
 * never escaped. */
static const char escaped_starts[] = "=+-@'\t\r\n";

/* Helpers */

/* The separator is the candidate found most often outside quotes in the
 * header line; a comma when there is none (a file of one column). */
static char
detect_separator (const char *text,
                  const char *end)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }

  return best;
}

typedef struct {
  GString   *cells;     /* the record's fields, each ended by '\0' */
  GArray    *starts;    /* offset of each field in cells */
  GPtrArray *pointers;  /* scratch: the fields as strings */
} Record;

static void
record_clear (Record *record)
{
  g_string_truncate (record->cells, 0);
  g_array_set_size (record->starts, 0);
}

static void
record_end_field (Record *record,
                  gsize   start)
{
  g_string_append_c (record->cells, '\0');
  g_array_append_val (record->starts, start);
}

/* A record of empty fields is a blank line: spreadsheets write ",,,," for
 * a row that is empty. (Each field takes its '\0' alone.) */
static gboolean
record_is_blank (Record *record)
{
  return record->cells->len == record->starts->len;
}

static const char * const *
record_fields (Record *record)
{
  g_ptr_array_set_size (record->pointers, 0);
  for (guint i = 0; i < record->starts->len; i++)
    g_ptr_array_add (record->pointers, record->cells->str + g_array_index (record->starts, gsize, i));

  return (const char * const *) record->pointers->pdata;
}

static gboolean
add_record (TlImportSource  *self,
            Record          *record,
            guint            line,
            gboolean        *header_done,
            GError         **error)
{
  const char * const *fields;

  if (record_is_blank (record))
    return TRUE;

  fields = record_fields (record);
  if (!*header_done)
    {
      for (guint i = 0; i < record->starts->len; i++)
        {
          g_autofree char *name = g_strstrip (g_strdup (fields[i]));

          if (*name == '\0')
            {
              g_free (name);
              /* Translators: the name given to a column with no header */
              name = g_strdup_printf (_("Column %u"), i + 1);
            }
          /* Two columns of the same name stay two columns. */
          if (g_hash_table_contains (self->column_index, name))
            {
              g_autofree char *unique = g_strdup_printf ("%s (%u)", name, i + 1);
              tl_import_source_add_column (self, unique);
            }
          else
            tl_import_source_add_column (self, name);
        }
      *header_done = TRUE;
      return TRUE;
    }

  for (guint i = 0; i < record->starts->len; i++)
    if (fields[i][0] == '\'' && fields[i][1] != '\0' && strchr (escaped_starts, fields[i][1]) != NULL)
      record->pointers->pdata[i] = (char *) fields[i] + 1;

  return tl_import_source_add_row (self, line, fields, record->starts->len, error);
}

/* Internal API */

struct _TlCsvReader
{
  TlImportSource *self;
  const char     *p;
  const char     *end;
  Record          record;
  gboolean        header_done;
  guint           line;
  guint           record_line;
  char            sep;
};

TlCsvReader *
tl_csv_reader_new (TlImportSource *self,
                   const char     *text,
                   gsize           len)
{
  TlCsvReader *r = g_new0 (TlCsvReader, 1);

  r->self = self;
  r->p = text;
  r->end = text + len;
  r->record.cells = g_string_sized_new (1024);
  r->record.starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->record.pointers = g_ptr_array_new ();
  r->line = r->record_line = 1;
  r->sep = self->separator = detect_separator (text, r->end);

  return r;
}

void
tl_csv_reader_free (TlCsvReader *r)
{
  if (r == NULL)
    return;

  g_string_free (r->record.cells, TRUE);
  g_array_unref (r->record.starts);
  g_ptr_array_unref (r->record.pointers);
  g_free (r);
}

/* Reads the header, then rows until the source has @until_rows of them
 * (or the file ends: *@out_done). Text is read only up to the end of a
 * record, so that a caller can hand the rows read so far to others. */
gboolean
tl_csv_reader_read (TlCsvReader  *r,
                    guint         until_rows,
                    gboolean     *out_done,
                    GError      **error)
{
  TlImportSource *self = r->self;
  Record *record = &r->record;
  const char *p = r->p, *end = r->end;
  gboolean ok = TRUE;
  char sep = r->sep;

  *out_done = FALSE;
  while (ok && p < end)
    {
      gsize start = record->cells->len;

      /* Between two records: enough for now? */
      if (record->starts->len == 0 && r->header_done && self->rows->len >= until_rows)
        break;

      if (*p == '"')
        {
          guint quote_line = r->line;

          /* A quoted field: runs to the closing quote. Plain text is
           * copied a run at a time, up to the next quote or line break. */
          for (p++;;)
            {
              const char *q = p;

              while (q < end && *q != '"' && *q != '\r' && *q != '\n')
                q++;
              g_string_append_len (record->cells, p, q - p);
              p = q;

              if (p >= end)
                {
                  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                               _("Line %u of “%s”: a quoted field is never closed (a '\"' is missing)"),
                               quote_line, self->display_name);
                  ok = FALSE;
                  break;
                }
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (record->cells, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  /* A line break in a cell is a '\n', whatever the file uses. */
                  if (*p == '\r' && p + 1 < end && p[1] == '\n')
                    p++;
                  g_string_append_c (record->cells, '\n');
                  r->line++;
                  p++;
                }
            }
          if (!ok)
            break;
        }

      /* Unquoted (or what follows a closing quote): up to the separator or
       * the end of the line. */
      {
        const char *q = p;

        while (q < end && *q != sep && *q != '\n' && *q != '\r')
          q++;
        g_string_append_len (record->cells, p, q - p);
        p = q;
      }
      record_end_field (record, start);

      if (record->starts->len > TL_IMPORT_MAX_COLUMNS || record->cells->len > TL_IMPORT_MAX_LINE_BYTES)
        {
          g_autofree char *where = tl_import_source_where (self, r->record_line);

          if (record->starts->len > TL_IMPORT_MAX_COLUMNS)
            tl_import_set_limit_error (error, self->display_name, where, TL_IMPORT_MAX_COLUMNS,
                                       _("fields in one row"));
          else
            tl_import_set_limit_error (error, self->display_name, where, TL_IMPORT_MAX_LINE_BYTES,
                                       _("bytes in one line"));
          ok = FALSE;
          break;
        }

      if (p < end && *p == sep)
        {
          p++;
          /* A separator at the very end of the file still ends a field. */
          if (p == end)
            record_end_field (record, record->cells->len);
          continue;
        }

      /* End of the record. */
      if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      if (p < end)
        p++;
      ok = add_record (self, record, r->record_line, &r->header_done, error);
      record_clear (record);
      r->line++;
      r->record_line = r->line;
    }

  r->p = p;
  if (ok && p >= end)
    {
      if (record->starts->len > 0)
        ok = add_record (self, record, r->record_line, &r->header_done, error);
      record_clear (record);
      *out_done = TRUE;
    }

  return ok;
}

gboolean
tl_import_read_csv (TlImportSource  *self,
                    const char      *text,
                    gsize            len,
                    GError         **error)
{
  TlCsvReader *r = tl_csv_reader_new (self, text, len);
  gboolean done = FALSE;
  gboolean ok = tl_csv_reader_read (r, G_MAXUINT, &done, error);

  tl_csv_reader_free (r);
  return ok;
}
