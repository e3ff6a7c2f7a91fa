/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-cli.h"
#include "tl-import.h"

/* Problems listed before "… and N more rows". */
#define MAX_PROBLEMS_SHOWN 50


/* Helpers */

static void
print_problems (TlImportResult *result)
{
  g_autofree char *report = NULL;

  if (result->problems->len == 0)
    return;

  report = tl_import_result_format_problems (result, MAX_PROBLEMS_SHOWN);
  g_printerr ("%s", report);
}

static void
print_mapping (TlImportSource *source)
{
  g_print (_("Columns of %s:\n"), tl_import_source_get_display_name (source));
  for (guint c = 0; c < tl_import_source_get_n_columns (source); c++)
    {
      TlImportField field = tl_import_source_get_column_field (source, c);

      if (field != TL_IMPORT_FIELD_NONE)
        g_print ("  %-24s → %s\n", tl_import_source_get_column_name (source, c),
                 tl_import_field_get_label (field));
    }
}

static int
import_events (const char           *path,
               const char           *encoding,
               gboolean              dry_run,
               gboolean              skip_bad_rows,
               TlCliDatabaseOptions *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(TlStore) store = NULL;

  if (dry_run && !(source = tl_import_source_new_from_file_with_encoding (path, encoding, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!(store = tl_cli_open_store (db, &error)))
    {
      g_printerr ("%s\n", error->message);
      return error->domain == G_OPTION_ERROR ? 2 : 1;
    }

  /* The audit log names who ran the command, as the window names its
   * operator by default: their login. A real import reads, validates and
   * writes in one pass; a dry run only counts. */
  if (dry_run)
    {
      print_mapping (source);
      if ((result = tl_import_source_validate (source, zone, &error)) != NULL)
        {
          print_problems (result);
          tl_import_result_commit (result, store, skip_bad_rows, TRUE, g_get_user_name (), &error);
        }
    }
  else
    {
      tl_import_file_with_encoding (path, encoding, zone, store, skip_bad_rows, g_get_user_name (), &source, &result, &error);
      if (source != NULL)
        print_mapping (source);
      if (result != NULL)
        print_problems (result);
    }

  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BAD_ROWS))
        g_printerr ("%s\n", _("Correct the file, or import the other rows with --skip-bad-rows"));
      return 1;
    }

  if (dry_run)
    g_print (ngettext ("Dry run: %u event would be imported", "Dry run: %u events would be imported",
                       result->n_added), result->n_added);
  else
    g_print (ngettext ("Imported %u event", "Imported %u events", result->n_added), result->n_added);
  if (result->n_already > 0)
    /* Translators: follows "Imported 12 events" */
    g_print (ngettext ("; %u already imported", "; %u already imported", result->n_already),
             result->n_already);
  if (result->problems->len > 0)
    /* Translators: follows "Imported 12 events" */
    g_print (ngettext ("; %u bad row left out", "; %u bad rows left out", result->problems->len),
             result->problems->len);
  g_print ("\n");
  if (source != NULL && tl_import_source_get_n_null_geometry (source) > 0)
    g_print (ngettext ("%u feature has a null geometry: its event has no position\n",
                       "%u features have a null geometry: their events have no position\n",
                       tl_import_source_get_n_null_geometry (source)),
             tl_import_source_get_n_null_geometry (source));

  return 0;
}

/* Public API */

/**
 * tl_cli_import:
 *
 * `tideline import FILE [--dry-run] [--skip-bad-rows] [--encoding ENC]
 * [--database FILE | --demo]`: imports events from a CSV, GeoJSON, KML or GPX file, all or
 * nothing; `tideline import --statistics FILE` imports official daily
 * figures instead (tl-cli-statistics.c).
 *
 * Returns: the exit status: 0 on success, 1 if the file was refused or
 *   could not be written, 2 for bad arguments.
 */
int
tl_cli_import (int    argc,
               char **argv)
{
  TlCliDatabaseOptions db = { 0 };
  gboolean dry_run = FALSE, skip_bad_rows = FALSE, statistics = FALSE;
  g_autofree char *encoding = NULL;
  g_autofree char *date_column = NULL, *people_column = NULL, *boats_column = NULL;
  g_autofree char *year_column = NULL, *week_column = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file and report; write nothing"), NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
      N_("Import the good rows even if some rows cannot be read"), NULL },
    { "statistics", 0, 0, G_OPTION_ARG_NONE, &statistics,
      N_("The file holds official daily figures, not events"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("The file's text encoding when it is not UTF-8 (e.g. windows-1252)"), N_("ENCODING") },
    { "date-column", 0, 0, G_OPTION_ARG_STRING, &date_column,
      N_("With --statistics: the column of the dates, by name or number from 1"), N_("COLUMN") },
    { "people-column", 0, 0, G_OPTION_ARG_STRING, &people_column,
      N_("With --statistics: the column of the people, by name or number from 1"), N_("COLUMN") },
    { "boats-column", 0, 0, G_OPTION_ARG_STRING, &boats_column,
      N_("With --statistics: the column of the boats, by name or number from 1"), N_("COLUMN") },
    { "year-column", 0, 0, G_OPTION_ARG_STRING, &year_column,
      N_("With --statistics: a weekly series’ ISO years, by name or number from 1"), N_("COLUMN") },
    { "week-column", 0, 0, G_OPTION_ARG_STRING, &week_column,
      N_("With --statistics: a weekly series’ ISO week numbers (or weeks such as 2026-W49), "
         "by name or number from 1"), N_("COLUMN") },
    { NULL }
  };

  if (!tl_cli_parse_options (_("FILE"), _("Import events from a CSV, GeoJSON, KML or GPX file."),
                             entries, &db, &argc, &argv, TRUE))
    status = 2;
  else if (argc != 2)
    {
      g_printerr ("%s\n", argc < 2 ? _("Name the file to import") : _("Import one file at a time"));
      status = 2;
    }
  else if (statistics && skip_bad_rows)
    {
      g_printerr ("%s\n", _("--skip-bad-rows does not apply to --statistics"));
      status = 2;
    }
  else if (!statistics && (date_column || people_column || boats_column))
    {
      g_printerr ("%s\n", _("--date-column, --people-column and --boats-column go with --statistics"));
      status = 2;
    }
  else if (!statistics && (year_column || week_column))
    {
      g_printerr ("%s\n", _("--year-column and --week-column go with --statistics"));
      status = 2;
    }
  else if (statistics)
    status = tl_cli_import_statistics_columns (argv[1], date_column, people_column, boats_column,
                                               year_column, week_column, dry_run, &db);
  else
    status = import_events (argv[1], encoding, dry_run, skip_bad_rows, &db);

  tl_cli_database_options_clear (&db);
  return status;
}
