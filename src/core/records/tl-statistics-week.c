/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Weekly series of official figures: ISO 8601 weeks (Monday to Sunday,
 * week 1 the one with the year's first Thursday), given as a year and a
 * week number in two columns, as "2026-W49" in one, or as the date of
 * each week's Sunday ("Week ending") or Monday ("Week commencing",
 * "Semaine du"). Each row becomes the week's dates and its figures; a
 * week that does not exist, or a date on the wrong day of the week, is
 * refused by name, never moved to a neighbouring week. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tl-statistics-private.h"

#define MIN_YEAR 1900
#define MAX_YEAR 9998   /* week 52 of 9999 ends in 10000 */

/* helpers */

/* The words of a column's name, folded: "N° de semaine" → n, de, semaine. */
static GStrv
name_words (const char *name)
{
  g_autofree char *folded = g_utf8_strdown (name, -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_strv_builder_add (words, word->str);
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  return g_strv_builder_end (words);
}

static gboolean
has_any_word (GStrv              words,
              const char * const *wanted)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (wanted, words[i]))
      return TRUE;
  return FALSE;
}

/* A figure's column ("People this week", "Boats per week") names no week. */
static gboolean
names_a_figure (const char *name)
{
  static const char *figures[] = { "people", "person", "migrant", "boat", "bateau", "arriv" };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (tl_statistics_name_has (name, figures[i]))
      return TRUE;
  return tl_statistics_is_cumulative_name (name);
}

/* The words of @name without accents: "Semaine commençant le" →
 * semaine, commencant, le. */
static GStrv
plain_words (const char *name)
{
  g_autofree char *plain = g_str_to_ascii (name, "C");

  return name_words (plain);
}

/* "Week", "Wk", "ISO week", "Week number", "Semaine", "N° de semaine",
 * "Year-week": not "Week ending" or "Week commencing", which hold dates. */
static gboolean
is_week_name (const char *name)
{
  if (tl_statistics_week_dates_from_name (name) != TL_STATISTICS_WEEKS_ISO)
    return FALSE;

  static const char * const week_words[] = { "week", "wk", "semaine", "sem", "isoweek", "weeknumber", "weekno", NULL };
  static const char * const date_words[] = { "ending", "commencing", "starting", "beginning", "end", "start",
                                             "ended", "du", "au", "date", "per", "par", "average", "moyenne", NULL };
  g_auto(GStrv) words = name_words (name);

  return has_any_word (words, week_words) && !has_any_word (words, date_words) && !names_a_figure (name);
}

static gboolean
is_year_name (const char *name)
{
  static const char * const year_words[] = { "year", "yr", "année", "annee", "an", "isoyear", NULL };
  g_auto(GStrv) words = name_words (name);

  return has_any_word (words, year_words) && !names_a_figure (name);
}

static gboolean
parse_digits (const char *text,
              guint       max_digits,
              int        *out_value)
{
  guint64 value;
  gsize len = strlen (text);

  if (len == 0 || len > max_digits)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *out_value = (int) value;
  return TRUE;
}

/* A week's number alone: "49", "W49", "w 49". */
static gboolean
parse_week_number (const char *text,
                   int        *out_week)
{
  const char *p = text;

  if (*p == 'W' || *p == 'w')
    p++;
  while (*p == ' ')
    p++;
  return parse_digits (p, 3, out_week);
}

static char *
strip_copy (GStrv  record,
            guint  n_fields,
            int    column)
{
  if (column < 0 || (guint) column >= n_fields)
    return g_strdup ("");
  return g_strstrip (g_strdup (record[column]));
}

/* The week's problem, or %NULL when @year has a week @number. */
static char *
check_week (int year,
            int number)
{
  if (year < MIN_YEAR || year > MAX_YEAR)
    /* Translators: %d is a year read from a file of weekly figures */
    return g_strdup_printf (_("Year %d is out of range: use a year from 1900 to 9998"), year);
  if (number < 1 || number > 53)
    /* Translators: %d is a week number read from a file of weekly figures */
    return g_strdup_printf (_("There is no week %d: ISO weeks are numbered 1 to 52, or 53 in some years"),
                            number);
  if ((guint) number > tl_statistics_weeks_in_year (year))
    /* Translators: %d is a year; ISO years have 52 or 53 weeks */
    return g_strdup_printf (_("%d has 52 weeks: there is no week 53"), year);
  return NULL;
}

static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY: return C_("weekday", "Monday");
    case G_DATE_TUESDAY: return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY: return C_("weekday", "Thursday");
    case G_DATE_FRIDAY: return C_("weekday", "Friday");
    case G_DATE_SATURDAY: return C_("weekday", "Saturday");
    case G_DATE_SUNDAY: return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default: return "";
    }
}

/* The ISO week of a week's Sunday or Monday given as a date, or FALSE
 * and a problem added to @file. */
static gboolean
read_week_date (TlStatisticsFile *file,
                const char       *text,
                guint             line,
                int              *out_year,
                int              *out_number)
{
  gboolean ending = file->week_dates == TL_STATISTICS_WEEKS_ENDING;
  GDateWeekday wanted = ending ? G_DATE_SUNDAY : G_DATE_MONDAY;
  char iso[11];
  GDate date, thursday;
  int y, m, d;

  if (!tl_statistics_parse_date (text, iso) || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    {
      tl_statistics_add_problem (file, line,
                                 /* Translators: %s is what the file has in its column of week dates */
                                 g_strdup_printf (_("“%s” is not a date (use 2026-12-06 or 06/12/2026)"), text));
      return FALSE;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (g_date_get_weekday (&date) != wanted)
    {
      tl_statistics_add_problem (file, line,
                                 ending
                                 /* Translators: a date, then its day of the week */
                                 ? g_strdup_printf (_("%s is a %s; a week ending falls on a Sunday "
                                                      "(weekly figures are stored as ISO weeks, Monday to Sunday)"),
                                                    iso, weekday_name (g_date_get_weekday (&date)))
                                 /* Translators: a date, then its day of the week */
                                 : g_strdup_printf (_("%s is a %s; a week commencing falls on a Monday "
                                                      "(weekly figures are stored as ISO weeks, Monday to Sunday)"),
                                                    iso, weekday_name (g_date_get_weekday (&date))));
      return FALSE;
    }

  /* An ISO week is in the year of its Thursday. */
  thursday = date;
  if (ending)
    g_date_subtract_days (&thursday, 3);
  else
    g_date_add_days (&thursday, 3);
  *out_year = g_date_get_year (&thursday);
  *out_number = (int) g_date_get_iso8601_week_of_year (&thursday);
  return TRUE;
}

/* The week of @record, or %NULL and a problem added to @file. */
static gboolean
read_week_cells (TlStatisticsFile *file,
                 GStrv             record,
                 guint             line,
                 int              *out_year,
                 int              *out_number)
{
  const TlStatisticsMapping *m = &file->mapping;
  guint n_fields = g_strv_length (record);
  g_autofree char *week_text = strip_copy (record, n_fields, m->week);
  g_autofree char *year_text = strip_copy (record, n_fields, m->year);
  int cell_year;

  if (*week_text == '\0')
    {
      tl_statistics_add_problem (file, line, g_strdup (_("The week is missing")));
      return FALSE;
    }
  if (file->week_dates != TL_STATISTICS_WEEKS_ISO)
    return read_week_date (file, week_text, line, out_year, out_number);

  if (tl_statistics_parse_iso_week (week_text, out_year, out_number))
    {
      /* A year column beside "2026-W49" must say the same year. */
      if (m->year >= 0 && *year_text != '\0' &&
          (!parse_digits (year_text, 6, &cell_year) || cell_year != *out_year))
        {
          tl_statistics_add_problem (file, line,
                                     /* Translators: a week such as 2026-W49, then a year */
                                     g_strdup_printf (_("The week “%s” is not in the year “%s”"),
                                                      week_text, year_text));
          return FALSE;
        }
      return TRUE;
    }

  if (m->year < 0)
    {
      tl_statistics_add_problem (file, line,
                                 /* Translators: %s is what the file has in its week column */
                                 g_strdup_printf (_("“%s” is not an ISO week (use 2026-W49)"), week_text));
      return FALSE;
    }
  if (!parse_week_number (week_text, out_number))
    {
      tl_statistics_add_problem (file, line,
                                 /* Translators: %s is what the file has in its week column */
                                 g_strdup_printf (_("“%s” is not a week number (use 1 to 53)"), week_text));
      return FALSE;
    }
  if (*year_text == '\0')
    {
      tl_statistics_add_problem (file, line, g_strdup (_("The year is missing")));
      return FALSE;
    }
  if (!parse_digits (year_text, 6, out_year))
    {
      tl_statistics_add_problem (file, line,
                                 /* Translators: %s is what the file has in its year column */
                                 g_strdup_printf (_("“%s” is not a year"), year_text));
      return FALSE;
    }

  return TRUE;
}

/* private API */

void
tl_statistics_detect_week_columns (const char * const  *header,
                                   TlStatisticsMapping *mapping)
{
  mapping->year = mapping->week = -1;
  for (int i = 0; header[i] != NULL; i++)
    {
      if (mapping->week < 0 && is_week_name (header[i]))
        mapping->week = i;
      else if (mapping->year < 0 && is_year_name (header[i]))
        mapping->year = i;
    }
}

void
tl_statistics_read_week (TlStatisticsFile *file,
                         GStrv             record,
                         guint             line,
                         GHashTable       *seen)
{
  const TlStatisticsMapping *m = &file->mapping;
  guint n_fields = g_strv_length (record);
  TlStatisticsWeek week = { "", "", "", -1, -1 };
  int columns[] = { m->people, m->boats };
  int *values[] = { &week.people, &week.boats };
  g_autofree char *problem = NULL;
  int year, number;

  if (!read_week_cells (file, record, line, &year, &number))
    return;
  if ((problem = check_week (year, number)) != NULL)
    {
      tl_statistics_add_problem (file, line, g_steal_pointer (&problem));
      return;
    }
  tl_statistics_week_init (&week, year, number);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (columns[i] < 0 || (guint) columns[i] >= n_fields)
        continue;
      if (!tl_statistics_parse_count (record[columns[i]], values[i]))
        {
          tl_statistics_add_problem (file, line,
                                     /* Translators: the first %s is a value, the second a column name */
                                     g_strdup_printf (_("“%s” in column “%s” is not a count"),
                                                      record[columns[i]],
                                                      tl_statistics_column_name (file, columns[i])));
          return;
        }
    }

  if (g_hash_table_contains (seen, week.week))
    {
      tl_statistics_add_problem (file, line,
                                 /* Translators: a week number, then its year */
                                 g_strdup_printf (_("Week %d of %d appears more than once"), number, year));
      return;
    }

  g_hash_table_add (seen, g_strdup (week.week));
  g_array_append_val (file->weeks, week);
}

/* public API */

/**
 * tl_statistics_parse_iso_week:
 * @text: an ISO 8601 week: 2026-W49 or 2026W49 (any case)
 * @out_year: (out): its year, not checked
 * @out_week: (out): its number, not checked: see tl_statistics_week_init()
 *
 * Returns: whether @text is written as an ISO week
 */
gboolean
tl_statistics_parse_iso_week (const char *text,
                              int        *out_year,
                              int        *out_week)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *year_part = NULL;
  const char *w = strpbrk (copy, "Ww");
  const char *number;

  if (w == NULL || w == copy)
    return FALSE;
  year_part = g_strndup (copy, w - copy);
  if (year_part[strlen (year_part) - 1] == '-')
    year_part[strlen (year_part) - 1] = '\0';
  number = w + 1;

  return strlen (year_part) >= 4 && parse_digits (year_part, 6, out_year) &&
         parse_digits (number, 2, out_week);
}

/**
 * tl_statistics_week_dates_from_name:
 * @name: a column's name
 *
 * Recognises the columns that give a week by one of its days, in any
 * case and with or without accents: "Week ending", "Week ended", "Week
 * end date" and "Semaine se terminant le" for its Sunday; "Week
 * commencing", "Week beginning", "Week starting", "Semaine du",
 * "Semaine commençant le" for its Monday.
 *
 * Returns: %TL_STATISTICS_WEEKS_ENDING or %TL_STATISTICS_WEEKS_COMMENCING
 *   for such a column, %TL_STATISTICS_WEEKS_ISO for any other
 */
TlStatisticsWeekDates
tl_statistics_week_dates_from_name (const char *name)
{
  static const char * const week_words[] = { "week", "wk", "semaine", "sem", NULL };
  static const char * const ending_words[] = { "ending", "ended", "end", "ends", "terminant", "finissant",
                                               "fin", "au", NULL };
  static const char * const starting_words[] = { "commencing", "beginning", "starting", "start", "starts",
                                                 "begins", "commencant", "debutant", "debut", "du", NULL };
  g_auto(GStrv) words = NULL;
  gboolean ending, starting;

  g_return_val_if_fail (name != NULL, TL_STATISTICS_WEEKS_ISO);

  words = plain_words (name);
  if (!has_any_word (words, week_words) || names_a_figure (name))
    return TL_STATISTICS_WEEKS_ISO;
  ending = has_any_word (words, ending_words);
  starting = has_any_word (words, starting_words);
  /* "Week start – end" says neither. */
  if (ending == starting)
    return TL_STATISTICS_WEEKS_ISO;
  return ending ? TL_STATISTICS_WEEKS_ENDING : TL_STATISTICS_WEEKS_COMMENCING;
}

/**
 * tl_statistics_weeks_in_year:
 * @year: an ISO year
 *
 * Returns: 53 for the years whose 28 December falls in week 53 (a year
 *   starting on a Thursday, or a leap year starting on a Wednesday), 52
 *   for the others
 */
guint
tl_statistics_weeks_in_year (int year)
{
  GDate date;

  g_return_val_if_fail (year >= 1 && year <= 65535, 52);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_DECEMBER, year);
  return g_date_get_iso8601_week_of_year (&date);
}

/**
 * tl_statistics_week_init:
 * @week: (out caller-allocates): the week to fill; its figures are left
 *   as they are
 * @year: an ISO year, 1900 to 9998
 * @number: a week of it, from 1
 *
 * Returns: whether the week exists; if not, @week is left as it was
 */
gboolean
tl_statistics_week_init (TlStatisticsWeek *week,
                         int               year,
                         int               number)
{
  GDate monday, sunday;

  g_return_val_if_fail (week != NULL, FALSE);

  if (year < MIN_YEAR || year > MAX_YEAR || number < 1 ||
      (guint) number > tl_statistics_weeks_in_year (year))
    return FALSE;

  /* Week 1 holds 4 January. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 4, G_DATE_JANUARY, year);
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  g_date_add_days (&monday, 7 * (number - 1));
  sunday = monday;
  g_date_add_days (&sunday, 6);

  g_snprintf (week->week, sizeof week->week, "%04d-W%02d", year, number);
  g_snprintf (week->first_date, sizeof week->first_date, "%04d-%02d-%02d",
              g_date_get_year (&monday), g_date_get_month (&monday), g_date_get_day (&monday));
  g_snprintf (week->last_date, sizeof week->last_date, "%04d-%02d-%02d",
              g_date_get_year (&sunday), g_date_get_month (&sunday), g_date_get_day (&sunday));
  return TRUE;
}
