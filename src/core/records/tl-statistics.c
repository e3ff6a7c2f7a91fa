/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tl-statistics-private.h"

/* Rows kept as written for the import dialog's preview. */
#define PREVIEW_ROWS 8
/* Problems listed in an error message; the rest are counted. */
#define MAX_LISTED_PROBLEMS 10

G_DEFINE_QUARK (tl-statistics-error-quark, tl_statistics_error)


static const char *month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

/* helpers */

gboolean
tl_statistics_name_has (const char *name,
          const char *word)
{
  g_autofree char *folded = g_utf8_strdown (name, -1);

  return strstr (folded, word) != NULL;
}

void
tl_statistics_add_problem (TlStatisticsFile *file,
             guint             line,
             char             *message)
{
  TlStatisticsProblem problem = { line, message };

  g_array_append_val (file->problems, problem);
}

static void
clear_problem (gpointer data)
{
  TlStatisticsProblem *problem = data;

  g_free (problem->message);
}

/* Reads a count: digits, with thousands separated by commas, spaces or
 * no-break spaces as published figures often are. Empty, "-", "n/a":
 * not given (-1). */
gboolean
tl_statistics_parse_count (const char *text,
             int        *out_count)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *folded = g_utf8_strdown (text, -1);
  guint64 value;

  g_strstrip (folded);
  if (*folded == '\0' || g_str_equal (folded, "-") || g_str_equal (folded, "n/a") ||
      g_str_equal (folded, "na") || g_str_equal (folded, ".."))
    {
      *out_count = -1;
      return TRUE;
    }

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, c);
      else if (c != ',' && c != ' ' && c != 0x00A0 && c != 0x202F)
        return FALSE;
    }

  if (digits->len == 0 || digits->len > 9 ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *out_count = (int) value;
  return TRUE;
}

static int
month_from_name (const char *name)
{
  g_autofree char *folded = g_utf8_strdown (name, -1);
  gsize len = strlen (folded);

  if (len < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strncmp (month_names[i], folded, len) == 0)
      return i + 1;

  return 0;
}

const char *
tl_statistics_column_name (const TlStatisticsFile *file,
                           int                     column)
{
  return column >= 0 && (guint) column < g_strv_length (file->header) ? file->header[column] : "";
}

/* "Cumulative people", "Boats to date", "Running total": a running
 * total, not a day's figure. */
gboolean
tl_statistics_is_cumulative_name (const char *name)
{
  static const char *words[] = { "cumulative", "to date", "running", "total so far", "ytd", "year-to-date" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (tl_statistics_name_has (name, words[i]))
      return TRUE;
  return FALSE;
}

static void
detect_cumulative (TlStatisticsFile *file)
{
  file->cumulative_people = file->cumulative_boats = -1;
  for (int i = 0; file->header[i] != NULL; i++)
    {
      if (!tl_statistics_is_cumulative_name (file->header[i]) || i == file->mapping.date ||
          i == file->mapping.people || i == file->mapping.boats ||
          i == file->mapping.year || i == file->mapping.week)
        continue;
      if (tl_statistics_name_has (file->header[i], "boat") && !tl_statistics_name_has (file->header[i], "people"))
        {
          if (file->cumulative_boats < 0)
            file->cumulative_boats = i;
        }
      else if (file->cumulative_people < 0)
        file->cumulative_people = i;
    }
}

/* A row's running totals, -1 where not given, in the order of the
 * day's people and boats. */
typedef struct {
  gint64 total[2];
} Totals;

static int
compare_day_index (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  GArray *days = data;

  return strcmp (g_array_index (days, TlStatisticsDay, *(const guint *) a).date,
                 g_array_index (days, TlStatisticsDay, *(const guint *) b).date);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const TlStatisticsDay *) a)->date, ((const TlStatisticsDay *) b)->date);
}

static gboolean
date_parse (const char *iso,
            GDate      *out)
{
  int y, m, d;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* What the running totals say about the days, in date order: see
 * TlStatisticsFile. */
static void
apply_cumulative (TlStatisticsFile *file,
                  GArray           *totals)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), file->days->len);
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));

  for (guint i = 0; i < file->days->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_day_index, file->days);

  for (guint k = 1; k < order->len; k++)
    {
      guint prev_i = g_array_index (order, guint, k - 1), cur_i = g_array_index (order, guint, k);
      const Totals *prev = &g_array_index (totals, Totals, prev_i);
      const Totals *cur = &g_array_index (totals, Totals, cur_i);
      TlStatisticsDay *day = &g_array_index (file->days, TlStatisticsDay, cur_i);
      int *values[] = { &day->people, &day->boats };
      GDate prev_date, cur_date, date;
      gboolean next_day, unchanged = TRUE, any = FALSE;
      int gap;

      if (!date_parse (g_array_index (file->days, TlStatisticsDay, prev_i).date, &prev_date) ||
          !date_parse (day->date, &cur_date))
        continue;
      gap = g_date_days_between (&prev_date, &cur_date);
      next_day = gap == 1;

      for (guint s = 0; s < 2; s++)
        {
          if (prev->total[s] < 0 || cur->total[s] < 0)
            continue;
          any = TRUE;
          if (cur->total[s] != prev->total[s])
            unchanged = FALSE;
          if (*values[s] >= 0)
            continue;
          if (cur->total[s] == prev->total[s])
            *values[s] = 0;
          else if (next_day && cur->total[s] > prev->total[s] && cur->total[s] - prev->total[s] <= G_MAXINT)
            *values[s] = (int) (cur->total[s] - prev->total[s]);
        }

      /* Days left out between two rows of the same totals had none. */
      if (!any || !unchanged || gap <= 1 || gap > 366)
        continue;
      date = prev_date;
      for (int d = 1; d < gap; d++)
        {
          TlStatisticsDay zero = { "", -1, -1 };

          g_date_add_days (&date, 1);
          g_snprintf (zero.date, sizeof zero.date, "%04d-%02d-%02d",
                      g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
          if (prev->total[0] >= 0 && cur->total[0] >= 0)
            zero.people = 0;
          if (prev->total[1] >= 0 && cur->total[1] >= 0)
            zero.boats = 0;
          g_array_append_val (filled, zero);
        }
    }

  if (filled->len > 0)
    {
      g_array_append_vals (file->days, filled->data, filled->len);
      g_array_sort (file->days, compare_days);
    }
}

static void
read_day (TlStatisticsFile *file,
          GStrv             record,
          guint             line,
          GHashTable       *seen,
          GArray           *totals)
{
  const TlStatisticsMapping *m = &file->mapping;
  guint n_fields = g_strv_length (record);
  TlStatisticsDay day = { "", -1, -1 };
  int columns[] = { m->people, m->boats };
  int *values[] = { &day.people, &day.boats };

  if ((guint) m->date >= n_fields || !tl_statistics_parse_date (record[m->date], day.date))
    {
      tl_statistics_add_problem (file, line,
                   /* Translators: %s is what the file has in its date column */
                   g_strdup_printf (_("“%s” is not a date (use 2026-03-29 or 29/03/2026)"),
                                    (guint) m->date < n_fields ? record[m->date] : ""));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (columns[i] < 0)
        continue;
      if ((guint) columns[i] >= n_fields)
        continue;   /* a short row: the figure was not given */
      if (!tl_statistics_parse_count (record[columns[i]], values[i]))
        {
          tl_statistics_add_problem (file, line,
                       /* Translators: the first %s is a value, the second a column name */
                       g_strdup_printf (_("“%s” in column “%s” is not a count"),
                                        record[columns[i]], tl_statistics_column_name (file, columns[i])));
          return;
        }
    }

  if (g_hash_table_contains (seen, day.date))
    {
      tl_statistics_add_problem (file, line,
                   /* Translators: %s is a date */
                   g_strdup_printf (_("%s appears more than once"), day.date));
      return;
    }

  {
    int total_columns[] = { file->cumulative_people, file->cumulative_boats };
    Totals row = { { -1, -1 } };

    for (guint i = 0; i < G_N_ELEMENTS (total_columns); i++)
      {
        int value;

        if (total_columns[i] < 0 || (guint) total_columns[i] >= n_fields)
          continue;
        if (!tl_statistics_parse_count (record[total_columns[i]], &value))
          {
            tl_statistics_add_problem (file, line,
                         /* Translators: the first %s is a value, the second a column name */
                         g_strdup_printf (_("“%s” in column “%s” is not a count"),
                                          record[total_columns[i]], tl_statistics_column_name (file, total_columns[i])));
            return;
          }
        row.total[i] = value;
      }
    g_array_append_val (totals, row);
  }

  g_hash_table_add (seen, g_strdup (day.date));
  g_array_append_val (file->days, day);
}

/* public API */

/**
 * tl_statistics_parse_date:
 * @text: a date as published: 2026-03-29, 29/03/2026, 2026/03/29,
 *   29 March 2026 or 29 Mar 2026 (a time after it is ignored)
 * @out_iso: (out caller-allocates): the date as YYYY-MM-DD
 *
 * Slashed dates are read day first, as in British and French sources.
 *
 * Returns: whether @text is a real date.
 */
gboolean
tl_statistics_parse_date (const char *text,
                          char        out_iso[11])
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char name[32];
  int y = 0, m = 0, d = 0;
  int n = 0;

  if (sscanf (copy, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10)
    ;
  else if (sscanf (copy, "%4d/%2d/%2d%n", &y, &m, &d, &n) == 3 && n == 10)
    ;
  else if (sscanf (copy, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && n >= 8 && y >= 1000)
    ;
  else if (sscanf (copy, "%2d %31[A-Za-z] %4d%n", &d, name, &y, &n) == 3)
    m = month_from_name (name);
  else
    return FALSE;

  /* Something after the date must be a time, never more digits. */
  if (copy[n] != '\0' && copy[n] != ' ' && copy[n] != 'T')
    return FALSE;

  if (y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_snprintf (out_iso, 11, "%04d-%02d-%02d", y, m, d);
  return TRUE;
}

/**
 * tl_statistics_detect_mapping:
 * @header: (array zero-terminated=1): the column names
 * @out_mapping: (out): the date, people and boats columns found, -1 for
 *   those not found
 *
 * Recognises names such as "Date", "Day", "People", "Number of people
 * detected", "Migrants arrived", "Boats", "Small boats"; without a date,
 * a weekly series' "Year"/"Année" and "Week"/"Semaine"/"Wk". Without a
 * column of days' dates, a column of dates named for a week ("Week
 * ending", "Semaine du") is the date column: tl_statistics_parse() reads
 * it as a weekly series.
 */
void
tl_statistics_detect_mapping (const char * const  *header,
                              TlStatisticsMapping *out_mapping)
{
  static const char *people_words[] = { "people", "person", "migrant", "individual", "arrival", "arrived" };
  int week_dates = -1;

  g_return_if_fail (header != NULL);
  g_return_if_fail (out_mapping != NULL);

  *out_mapping = (TlStatisticsMapping) TL_STATISTICS_MAPPING_INIT;
  tl_statistics_detect_week_columns (header, out_mapping);

  for (int i = 0; header[i] != NULL; i++)
    {
      if (i == out_mapping->year || i == out_mapping->week)
        continue;
      if (tl_statistics_week_dates_from_name (header[i]) != TL_STATISTICS_WEEKS_ISO)
        {
          if (week_dates < 0)
            week_dates = i;
          continue;
        }
      if (out_mapping->date < 0 && (tl_statistics_name_has (header[i], "date") || tl_statistics_name_has (header[i], "day")))
        {
          out_mapping->date = i;
          continue;
        }

      /* "Boats" before "people": "people per boat" is neither; a
       * running total is no day's figure. */
      if (tl_statistics_name_has (header[i], "per boat") || tl_statistics_name_has (header[i], "average") ||
          tl_statistics_is_cumulative_name (header[i]))
        continue;

      if (out_mapping->boats < 0 &&
          (tl_statistics_name_has (header[i], "boat") || tl_statistics_name_has (header[i], "bateau")) &&
          !tl_statistics_name_has (header[i], "people") && !tl_statistics_name_has (header[i], "migrant"))
        {
          out_mapping->boats = i;
          continue;
        }

      for (guint w = 0; w < G_N_ELEMENTS (people_words) && out_mapping->people < 0; w++)
        if (tl_statistics_name_has (header[i], people_words[w]))
          out_mapping->people = i;
    }

  /* Days' dates beside weeks' ("Week ending,Date"): the rows are days. */
  if (out_mapping->date < 0)
    out_mapping->date = week_dates;

  /* A file of dates is a daily series, whatever else it has. */
  if (out_mapping->date >= 0)
    out_mapping->year = out_mapping->week = -1;
  else if (out_mapping->week < 0)
    out_mapping->year = -1;
}

/**
 * tl_statistics_parse:
 * @data: the file's content
 * @length: its length in bytes, or -1 if nul-terminated
 * @mapping: (nullable): which columns to read; %NULL to recognise them by
 *   their names
 * @error: return location for a #TL_STATISTICS_ERROR
 *
 * Reads a CSV file whose first line names the columns. Rows that cannot
 * be read do not stop the reading: they are listed in the result's
 * problems, with their line numbers, for tl_statistics_file_check() to
 * refuse the file and for a preview to show them all.
 *
 * Returns: (transfer full) (nullable): what the file holds, or %NULL if it
 *   cannot be read as a table of daily figures at all
 */
TlStatisticsFile *
tl_statistics_parse (const char                 *data,
                     gssize                      length,
                     const TlStatisticsMapping  *mapping,
                     GError                    **error)
{
  g_autoptr(TlStatisticsFile) file = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) totals = NULL;
  TlStatisticsReader reader;
  guint n_columns;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_ENCODING,
                           _("The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”."));
      return NULL;
    }

  tl_statistics_reader_init (&reader, data, length);

  file = g_new0 (TlStatisticsFile, 1);
  file->days = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  file->weeks = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  file->problems = g_array_new (FALSE, FALSE, sizeof (TlStatisticsProblem));
  g_array_set_clear_func (file->problems, clear_problem);
  file->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  while ((file->header = tl_statistics_read_record (&reader)) != NULL &&
         tl_statistics_is_blank_record (file->header))
    g_clear_pointer (&file->header, g_strfreev);

  if (file->header == NULL)
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  n_columns = g_strv_length (file->header);
  if (mapping != NULL)
    file->mapping = *mapping;
  else
    tl_statistics_detect_mapping ((const char * const *) file->header, &file->mapping);

  if (file->mapping.date >= (int) n_columns || file->mapping.people >= (int) n_columns ||
      file->mapping.boats >= (int) n_columns || file->mapping.year >= (int) n_columns ||
      file->mapping.week >= (int) n_columns)
    {
      g_set_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_COLUMN,
                   ngettext ("The file has only %u column.", "The file has only %u columns.", n_columns),
                   n_columns);
      return NULL;
    }
  if (file->mapping.date >= 0 && (file->mapping.week >= 0 || file->mapping.year >= 0))
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_MAPPING,
                           _("A series is either daily or weekly: choose a column of dates, "
                             "or a column of weeks with or without one of years, not both."));
      return NULL;
    }
  if (file->mapping.year >= 0 && file->mapping.week < 0)
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_MAPPING,
                           _("A column of years needs a column of week numbers beside it."));
      return NULL;
    }
  if (file->mapping.date < 0 && file->mapping.week < 0)
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_NO_DATE,
                           _("No column of dates or weeks was found. Choose which column holds them."));
      return NULL;
    }
  /* A column of dates whose first row is "2026-W49" is a weekly series;
   * so is one of dates named for the weeks they end or start. */
  if (file->mapping.date >= 0 || (file->mapping.week >= 0 && file->mapping.year < 0))
    {
      int column = file->mapping.date >= 0 ? file->mapping.date : file->mapping.week;
      TlStatisticsReader ahead = reader;
      g_auto(GStrv) first = NULL;
      gboolean iso_weeks;
      int year, week;

      while ((first = tl_statistics_read_record (&ahead)) != NULL &&
             tl_statistics_is_blank_record (first))
        g_clear_pointer (&first, g_strfreev);
      iso_weeks = first != NULL && (guint) column < g_strv_length (first) &&
                  tl_statistics_parse_iso_week (first[column], &year, &week);
      if (!iso_weeks)
        file->week_dates = tl_statistics_week_dates_from_name (file->header[column]);
      if (file->mapping.date >= 0 && (iso_weeks || file->week_dates != TL_STATISTICS_WEEKS_ISO))
        {
          file->mapping.week = file->mapping.date;
          file->mapping.date = -1;
        }
    }
  detect_cumulative (file);
  /* Running totals fill in days only: a weekly series needs its figures. */
  if (file->mapping.people < 0 && file->mapping.boats < 0 &&
      (file->mapping.week >= 0 || (file->cumulative_people < 0 && file->cumulative_boats < 0)))
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_NO_FIGURES,
                           _("No column of people or boats was found. Choose which columns hold them."));
      return NULL;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  totals = g_array_new (FALSE, FALSE, sizeof (Totals));

  for (;;)
    {
      guint line = reader.line;
      g_auto(GStrv) record = tl_statistics_read_record (&reader);

      if (record == NULL)
        break;
      if (tl_statistics_is_blank_record (record))
        continue;

      if (file->mapping.week >= 0)
        tl_statistics_read_week (file, record, line, seen);
      else
        read_day (file, record, line, seen, totals);
      if (file->rows->len < PREVIEW_ROWS)
        g_ptr_array_add (file->rows, g_steal_pointer (&record));
    }

  if (file->days->len == 0 && file->weeks->len == 0 && file->problems->len == 0)
    {
      g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_NO_ROWS,
                           _("The file has column names but no figures."));
      return NULL;
    }

  if (file->problems->len == 0 && file->mapping.week < 0 &&
      (file->cumulative_people >= 0 || file->cumulative_boats >= 0))
    apply_cumulative (file, totals);

  return g_steal_pointer (&file);
}

/**
 * tl_statistics_read_header:
 * @data: the file's content, UTF-8
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * The column names alone, for a dialog to offer them even when
 * tl_statistics_parse() cannot recognise which is which.
 *
 * Returns: (transfer full) (nullable): the first non-blank record, or
 *   %NULL if the file has none or is not UTF-8
 */
GStrv
tl_statistics_read_header (const char *data,
                           gssize      length)
{
  GStrv header;
  TlStatisticsReader reader;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate_len (data, length, NULL))
    return NULL;

  tl_statistics_reader_init (&reader, data, length);

  while ((header = tl_statistics_read_record (&reader)) != NULL &&
         tl_statistics_is_blank_record (header))
    g_clear_pointer (&header, g_strfreev);

  return header;
}

/**
 * tl_statistics_file_check:
 * @file: a parsed file
 * @error: return location for %TL_STATISTICS_ERROR_BAD_ROWS
 *
 * Returns: whether every row of @file was read; if not, @error lists the
 *   rows refused with their line numbers.
 */
gboolean
tl_statistics_file_check (const TlStatisticsFile  *file,
                          GError                 **error)
{
  g_autoptr(GString) message = NULL;
  guint n = file->problems->len;

  g_return_val_if_fail (file != NULL, FALSE);

  if (n == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message,
                          ngettext ("%u row cannot be read; nothing was imported.",
                                    "%u rows cannot be read; nothing was imported.", n), n);
  for (guint i = 0; i < n && i < MAX_LISTED_PROBLEMS; i++)
    {
      const TlStatisticsProblem *problem = &g_array_index (file->problems, TlStatisticsProblem, i);

      g_string_append_c (message, '\n');
      /* Translators: %u is a line number of the file, %s what is wrong */
      g_string_append_printf (message, _("Line %u: %s"), problem->line, problem->message);
    }
  if (n > MAX_LISTED_PROBLEMS)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message, ngettext ("…and %u more row", "…and %u more rows",
                                                 n - MAX_LISTED_PROBLEMS),
                              n - MAX_LISTED_PROBLEMS);
    }

  g_set_error_literal (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_ROWS, message->str);
  return FALSE;
}

void
tl_statistics_file_free (TlStatisticsFile *file)
{
  if (file == NULL)
    return;

  g_strfreev (file->header);
  g_clear_pointer (&file->days, g_array_unref);
  g_clear_pointer (&file->weeks, g_array_unref);
  g_clear_pointer (&file->problems, g_array_unref);
  g_clear_pointer (&file->rows, g_ptr_array_unref);
  g_free (file);
}

/**
 * tl_statistics_file_is_weekly:
 *
 * Returns: whether @file is a weekly series: its rows are in its weeks,
 *   not in its days
 */
gboolean
tl_statistics_file_is_weekly (const TlStatisticsFile *file)
{
  g_return_val_if_fail (file != NULL, FALSE);

  return file->mapping.week >= 0;
}

/**
 * tl_statistics_file_get_n_rows:
 *
 * Returns: how many days, or weeks for a weekly series, @file holds
 */
guint
tl_statistics_file_get_n_rows (const TlStatisticsFile *file)
{
  g_return_val_if_fail (file != NULL, 0);

  return tl_statistics_file_is_weekly (file) ? file->weeks->len : file->days->len;
}
