/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-cli.h"
#include "tl-statistics.h"

/* helpers */

/* @spec is a column's name (any case) or its number from 1. Returns the
 * index, or -1 after saying what is wrong. */
static int
find_column (const char * const *header,
             const char         *option,
             const char         *spec,
             const char         *path)
{
  guint n = g_strv_length ((char **) header);
  g_autofree char *names = g_strjoinv (", ", (char **) header);
  char *end = NULL;
  guint64 number = g_ascii_strtoull (spec, &end, 10);

  if (end != spec && *end == '\0' && number >= 1 && number <= n)
    return (int) number - 1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (header[i]));

      if (g_ascii_strcasecmp (stripped, spec) == 0)
        return (int) i;
    }
  /* Translators: an option, the column asked for, the file, its columns */
  g_printerr (_("%s: %s has no column “%s” (its columns: %s)\n"), option, path, spec, names);
  return -1;
}

/* A weekly series: the same steps, in weeks. */
static int
import_weeks (const char           *path,
              TlStatisticsFile     *file,
              gboolean              dry_run,
              TlCliDatabaseOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *source = NULL;
  const TlStatisticsMapping *m = &file->mapping;
  const TlStatisticsWeek *first = &g_array_index (file->weeks, TlStatisticsWeek, 0);
  const TlStatisticsWeek *last = &g_array_index (file->weeks, TlStatisticsWeek, file->weeks->len - 1);
  guint n = file->weeks->len;

  if (file->week_dates == TL_STATISTICS_WEEKS_ENDING)
    /* Translators: the columns found in a weekly series given by the
     * Sunday of each week; %s are column names or "none" */
    g_print (_("Columns: weekly figures, each week by the Sunday ending it in “%s”, people “%s”, boats “%s”\n"),
             file->header[m->week],
             m->people >= 0 ? file->header[m->people] : _("none"),
             m->boats >= 0 ? file->header[m->boats] : _("none"));
  else if (file->week_dates == TL_STATISTICS_WEEKS_COMMENCING)
    /* Translators: the columns found in a weekly series given by the
     * Monday of each week; %s are column names or "none" */
    g_print (_("Columns: weekly figures, each week by the Monday starting it in “%s”, people “%s”, boats “%s”\n"),
             file->header[m->week],
             m->people >= 0 ? file->header[m->people] : _("none"),
             m->boats >= 0 ? file->header[m->boats] : _("none"));
  else
    /* Translators: the columns found in a weekly series; %s are column names or "none" */
    g_print (_("Columns: week “%s”, year “%s”, people “%s”, boats “%s”\n"),
             file->header[m->week],
             m->year >= 0 ? file->header[m->year] : _("in the week"),
             m->people >= 0 ? file->header[m->people] : _("none"),
             m->boats >= 0 ? file->header[m->boats] : _("none"));

  if (dry_run)
    {
      /* Translators: weeks such as 2026-W46, then their first and last days */
      g_print (ngettext ("Would import %u week, %s to %s (%s to %s; dry run: nothing written)\n",
                         "Would import %u weeks, %s to %s (%s to %s; dry run: nothing written)\n", n),
               n, first->week, last->week, first->first_date, last->last_date);
      return 0;
    }

  source = g_path_get_basename (path);
  if (!(store = tl_cli_open_store (options, &error)) ||
      !tl_store_import_statistics_weeks (store, file->weeks, source, &error))
    {
      g_printerr (_("Could not import %s: %s\n"), path, error->message);
      return 1;
    }

  /* Translators: weeks such as 2026-W46, then their first and last days */
  g_print (ngettext ("Imported %u week, %s to %s (%s to %s)\n",
                     "Imported %u weeks, %s to %s (%s to %s)\n", n),
           n, first->week, last->week, first->first_date, last->last_date);
  return 0;
}

/* public API */

/**
 * tl_cli_import_statistics_with_mapping:
 * @path: the CSV file of daily figures
 * @mapping: (nullable): which columns hold the date, people and boats;
 *   %NULL to recognise them by their names
 * @dry_run: check and report, write nothing
 * @options: the database to write to
 *
 * The work of `tideline import --statistics FILE [--dry-run]`: reads the
 * whole file, refuses it if a row cannot be read (listing those rows by
 * line number) and otherwise writes every day in one transaction.
 *
 * Returns: the exit status: 0 on success, 1 if the file was refused or
 *   could not be written.
 */
int
tl_cli_import_statistics_with_mapping (const char                *path,
                                       const TlStatisticsMapping *mapping,
                                       gboolean                   dry_run,
                                       TlCliDatabaseOptions      *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *source = NULL;
  const TlStatisticsDay *first, *last;
  gsize length;

  g_return_val_if_fail (path != NULL, 2);
  g_return_val_if_fail (options != NULL, 2);

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !(file = tl_statistics_parse (contents, length, mapping, &error)) ||
      !tl_statistics_file_check (file, &error))
    {
      /* Translators: %s is a file name, then why it was refused */
      g_printerr (_("Could not import %s: %s\n"), path, error->message);
      return 1;
    }

  if (tl_statistics_file_is_weekly (file))
    return import_weeks (path, file, dry_run, options);

  /* Translators: the columns found; %s are column names or "none" */
  g_print (_("Columns: date “%s”, people “%s”, boats “%s”\n"),
           file->header[file->mapping.date],
           file->mapping.people >= 0 ? file->header[file->mapping.people] : _("none"),
           file->mapping.boats >= 0 ? file->header[file->mapping.boats] : _("none"));

  first = &g_array_index (file->days, TlStatisticsDay, 0);
  last = &g_array_index (file->days, TlStatisticsDay, file->days->len - 1);
  if (dry_run)
    {
      g_print (ngettext ("Would import %u day, %s to %s (dry run: nothing written)\n",
                         "Would import %u days, %s to %s (dry run: nothing written)\n",
                         file->days->len),
               file->days->len, first->date, last->date);
      return 0;
    }

  source = g_path_get_basename (path);
  if (!(store = tl_cli_open_store (options, &error)) ||
      !tl_store_import_statistics (store, file->days, source, &error))
    {
      g_printerr (_("Could not import %s: %s\n"), path, error->message);
      return 1;
    }

  g_print (ngettext ("Imported %u day, %s to %s\n", "Imported %u days, %s to %s\n",
                     file->days->len),
           file->days->len, first->date, last->date);
  return 0;
}

/**
 * tl_cli_import_statistics:
 * @path: the CSV file of daily figures, its columns recognised by name
 * @dry_run: check and report, write nothing
 * @options: the database to write to
 *
 * `tideline import --statistics FILE [--dry-run]`; see
 * tl_cli_import_statistics_with_mapping().
 *
 * Returns: the exit status.
 */
int
tl_cli_import_statistics (const char           *path,
                          gboolean              dry_run,
                          TlCliDatabaseOptions *options)
{
  return tl_cli_import_statistics_with_mapping (path, NULL, dry_run, options);
}

/**
 * tl_cli_import_statistics_columns:
 * @path: the CSV file of daily figures
 * @date_column: (nullable): the dates' column, by name or number from 1;
 *   %NULL to recognise it by its name
 * @people_column: (nullable): the people's column, likewise
 * @boats_column: (nullable): the boats' column, likewise
 * @year_column: (nullable): a weekly series' ISO years, likewise
 * @week_column: (nullable): its ISO week numbers, or weeks such as
 *   "2026-W49" without @year_column, likewise
 * @dry_run: check and report, write nothing
 * @options: the database to write to
 *
 * `tideline import --statistics FILE [--date-column C] [--people-column C]
 * [--boats-column C] [--year-column C] [--week-column C]`: the columns
 * named override those recognised by name, so that a file whose headers
 * Tideline cannot guess still imports. A year or week column makes the
 * file a weekly series, and a date column a daily one.
 *
 * Returns: the exit status: 2 if a column named is not in the file, or if
 *   both a date and a year or week column are named.
 */
int
tl_cli_import_statistics_columns (const char           *path,
                                  const char           *date_column,
                                  const char           *people_column,
                                  const char           *boats_column,
                                  const char           *year_column,
                                  const char           *week_column,
                                  gboolean              dry_run,
                                  TlCliDatabaseOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) header = NULL;
  TlStatisticsMapping mapping;
  gsize length;

  if (date_column == NULL && people_column == NULL && boats_column == NULL &&
      year_column == NULL && week_column == NULL)
    return tl_cli_import_statistics_with_mapping (path, NULL, dry_run, options);
  if (date_column != NULL && (year_column != NULL || week_column != NULL))
    {
      g_printerr ("%s\n", _("--date-column is for a daily series, --year-column and --week-column "
                            "for a weekly one: name one or the other"));
      return 2;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr (_("Could not import %s: %s\n"), path, error->message);
      return 1;
    }
  if (!(header = tl_statistics_read_header (contents, length)))
    {
      g_printerr (_("Could not import %s: %s\n"), path, _("the file has no header row, or is not UTF-8"));
      return 1;
    }
  tl_statistics_detect_mapping ((const char * const *) header, &mapping);
  if ((date_column && (mapping.date = find_column ((const char * const *) header, "--date-column", date_column, path)) < 0) ||
      (people_column && (mapping.people = find_column ((const char * const *) header, "--people-column", people_column, path)) < 0) ||
      (boats_column && (mapping.boats = find_column ((const char * const *) header, "--boats-column", boats_column, path)) < 0) ||
      (year_column && (mapping.year = find_column ((const char * const *) header, "--year-column", year_column, path)) < 0) ||
      (week_column && (mapping.week = find_column ((const char * const *) header, "--week-column", week_column, path)) < 0))
    return 2;
  /* Named weeks make a weekly series: the dates recognised go, and a
   * week named alone holds its year ("2026-W49") unless a year column
   * was recognised beside it. A named date makes a daily one. */
  if (year_column != NULL || week_column != NULL)
    mapping.date = -1;
  if (year_column != NULL && week_column == NULL && mapping.week < 0)
    {
      g_printerr ("%s\n", _("--year-column needs --week-column, the column of the week numbers"));
      return 2;
    }
  if (date_column != NULL)
    mapping.year = mapping.week = -1;
  return tl_cli_import_statistics_with_mapping (path, &mapping, dry_run, options);
}
