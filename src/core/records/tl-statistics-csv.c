/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-statistics-private.h"

/* The records of a file of official figures, as spreadsheets write
 * them. */

/* The separator of the file's fields: a comma, or the semicolon or tab
 * that spreadsheets write in languages whose decimal mark is a comma, as
 * French ones do. The one found most often, outside quotes, on the first
 * line that is not blank. */
static char
find_separator (const char *p,
                const char *end)
{
  static const char separators[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (separators)] = { 0, };
  gboolean quoted = FALSE, seen_text = FALSE;
  char best = ',';
  guint most = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (seen_text)
            break;
        }
      else if (!quoted)
        {
          for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
            if (*p == separators[i])
              counts[i]++;
          if (*p != ' ')
            seen_text = TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (counts[i] > most)
      {
        most = counts[i];
        best = separators[i];
      }

  return best;
}

/* Reads one record: fields separated by the reader's separator (commas,
 * or semicolons or tabs: find_separator()), double-quoted when they hold
 * it, quotes or line breaks (a quote inside doubled), lines ended by LF
 * or CRLF, as spreadsheets write them. Returns NULL at the end. */
GStrv
tl_statistics_read_record (TlStatisticsReader *reader)
{
  g_autoptr(GStrvBuilder) fields = NULL;
  g_autoptr(GString) field = NULL;
  gboolean quoted = FALSE;

  if (reader->p >= reader->end)
    return NULL;

  fields = g_strv_builder_new ();
  field = g_string_new (NULL);

  while (reader->p < reader->end)
    {
      char c = *reader->p++;

      if (quoted)
        {
          if (c == '"' && reader->p < reader->end && *reader->p == '"')
            g_string_append_c (field, *reader->p++);
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
            }
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == reader->separator)
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
        }
      else if (c == '\n')
        {
          reader->line++;
          break;
        }
      else if (c == '\r' && reader->p < reader->end && *reader->p == '\n')
        continue;
      else
        g_string_append_c (field, c);
    }

  g_strv_builder_add (fields, field->str);
  return g_strv_builder_end (fields);
}

gboolean
tl_statistics_is_blank_record (GStrv record)
{
  for (guint i = 0; record[i] != NULL; i++)
    if (*g_strstrip (record[i]) != '\0')
      return FALSE;

  return TRUE;
}

void
tl_statistics_reader_init (TlStatisticsReader *reader,
                           const char         *data,
                           gsize               length)
{
  reader->p = data;
  reader->end = data + length;
  reader->line = 1;
  /* Spreadsheets start "CSV UTF-8" files with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->p += 3;
  reader->separator = find_separator (reader->p, reader->end);
}
