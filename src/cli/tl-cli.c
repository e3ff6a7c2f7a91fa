/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-demo.h"
#include "tl-time.h"

static const TlCliCommand commands[] = {
  { "generate", N_("Write generated sample events into a database (for training and benchmarks)"), tl_cli_generate },
  { "export-map", N_("Draw a briefing map of a time window to PNG, PDF or SVG"), tl_cli_export_map },
  { "export-briefing", N_("Write the briefing of a time window as a PDF"), tl_cli_export_briefing },
  { "sitrep", N_("Print the SAR situation report (SITREP) of a case or a report"), tl_cli_sitrep },
  { "summary", N_("Print the summary’s figures of a time window (--json for scripts)"), tl_cli_summary },
  { "export", N_("Export events to CSV, GeoJSON, KML or GPX"), tl_cli_export },
  { "import", N_("Import events from CSV, GeoJSON, KML or GPX (or daily figures with --statistics)"), tl_cli_import },
  { "copy", N_("Copy a whole database, audit included, from a file to a server or back"), tl_cli_copy },
  { "migrate", N_("Upgrade a database to this version: a file, keeping a copy of it as it was, or a shared server"), tl_cli_migrate },
};

/* helpers */

static const TlCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

/* public API */

/**
 * tl_cli_is_command:
 * @name: (nullable): the first argument
 *
 * Returns: whether @name is a headless command rather than an option of
 *   the graphical application.
 */
gboolean
tl_cli_is_command (const char *name)
{
  return name != NULL && find_command (name) != NULL;
}

static void
print_utf8 (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static void
printerr_utf8 (const char *text)
{
  fputs (text, stderr);
  fflush (stderr);
}

/**
 * tl_cli_main:
 * @argc: the argument count, argv[1] being the command
 * @argv: (array length=argc): the arguments
 *
 * Returns: the process exit status: 0 on success, 1 when the work failed,
 *   2 for bad arguments.
 */
int
tl_cli_main (int    argc,
             char **argv)
{
  const TlCliCommand *command;
  GPrintFunc old_print, old_printerr;

  g_return_val_if_fail (argc >= 2, 2);

  /* What the commands print (a SITREP, a position in degrees) is sent on
   * as it is: UTF-8 whatever the locale, where g_print() would convert it
   * to the locale's character set ("51?07.189?N" with no locale set). */
  if ((old_print = g_set_print_handler (print_utf8)) != NULL && old_print != print_utf8)
    g_set_print_handler (old_print);   /* a caller's own (a test's) stays */
  if ((old_printerr = g_set_printerr_handler (printerr_utf8)) != NULL && old_printerr != printerr_utf8)
    g_set_printerr_handler (old_printerr);

  if (!(command = find_command (argv[1])))
    {
      g_printerr (_("Unknown command “%s”. Commands:\n"), argv[1]);
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_printerr ("  %-16s %s\n", commands[i].name, _(commands[i].summary));
      return 2;
    }

  /* The command sees itself as argv[0], as GOptionContext expects. */
  return command->run (argc - 1, argv + 1);
}

/**
 * tl_cli_database_option_group:
 * @options: (out caller-allocates): where the parsed options go; clear with
 *   tl_cli_database_options_clear()
 *
 * Returns: (transfer full): the `--database FILE` and `--demo` options
 *   every command takes, like the application itself.
 */
GOptionGroup *
tl_cli_database_option_group (TlCliDatabaseOptions *options)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options->database,
      N_("Use the database at FILE (default: your own database)"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Use a generated sample day in a separate demo database"), NULL },
    { NULL }
  };
  GOptionGroup *group;

  memset (options, 0, sizeof *options);
  group = g_option_group_new ("database", _("Database Options:"),
                              _("Show database options"), NULL, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  return group;
}

/**
 * tl_cli_parse_options:
 * @parameter: (nullable): what follows the options in --help, like "FILE"
 * @summary: what the command does, for --help
 * @entries: the command's own options
 * @db: filled from --database and --demo
 * @argc: (inout): the argument count
 * @argv: (inout): the arguments, the command itself first
 * @any_arguments: whether arguments may follow the options; if not, one
 *   is an error
 *
 * Parses a command's options and the database ones, and says on stderr
 * what is wrong with them.
 *
 * Returns: %FALSE if they are wrong: exit with %TL_CLI_EXIT_BAD_ARGS
 */
gboolean
tl_cli_parse_options (const char            *parameter,
                      const char            *summary,
                      const GOptionEntry    *entries,
                      TlCliDatabaseOptions  *db,
                      int                   *argc,
                      char                ***argv,
                      gboolean               any_arguments)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, tl_cli_database_option_group (db));

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (!any_arguments && *argc > 1)
    {
      g_printerr (_("Unexpected argument “%s”\n"), (*argv)[1]);
      return FALSE;
    }

  return TRUE;
}

void
tl_cli_database_options_clear (TlCliDatabaseOptions *options)
{
  g_clear_pointer (&options->database, g_free);
}

/**
 * tl_cli_default_database_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/tideline/tideline.db`.
 */
char *
tl_cli_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tideline", "tideline.db", NULL);
}

/**
 * tl_cli_demo_database_path:
 *
 * Returns: (transfer full): where the generated sample day lives, in the
 *   cache directory: nothing in it is worth keeping.
 */
char *
tl_cli_demo_database_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tideline", "demo.db", NULL);
}

/**
 * tl_cli_open_demo_store:
 * @zone: the zone whose "today" the sample day is
 *
 * Regenerates the demo database for today, up to now. It is never the user's own
 * database, so it can be thrown away each time.
 *
 * Returns: (transfer full) (nullable): the demo store.
 */
TlStore *
tl_cli_open_demo_store (GTimeZone  *zone,
                        GError    **error)
{
  g_autofree char *path = tl_cli_demo_database_path ();
  g_autoptr(TlStore) store = NULL;
  TlDemoOptions options;
  gint64 from, to;

  for (guint i = 0; i < 3; i++)
    {
      static const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }

  tl_time_day_range_at (zone, g_get_real_time () / G_USEC_PER_SEC, &from, &to);
  /* Today up to now: a report timed in the future would be a report of
   * something that has not happened. */
  to = MIN (to, g_get_real_time () / G_USEC_PER_SEC + 1);
  if (!(store = tl_store_open (path, error)))
    return NULL;

  /* A fixed seed: every officer trained on the sample sees the same day. */
  tl_demo_options_init (&options, 2026, from, to);
  options.time_zone = zone;
  if (!tl_demo_generate (store, &options, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}

/**
 * tl_cli_open_store:
 *
 * Returns: (transfer full) (nullable): the store the options name.
 */
TlStore *
tl_cli_open_store (TlCliDatabaseOptions  *options,
                   GError               **error)
{
  g_autofree char *path = NULL;

  if (options->demo && options->database != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--demo and --database cannot be used together"));
      return NULL;
    }

  if (options->demo)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
      return tl_cli_open_demo_store (zone, error);
    }

  path = options->database ? g_strdup (options->database) : tl_cli_default_database_path ();
  return tl_store_open (path, error);
}

/**
 * tl_cli_open_store_for_reading:
 *
 * Like tl_cli_open_store(), for a command that only reads: a missing
 * database is not created, and one of an older schema is not upgraded
 * (tl_store_open_existing()).
 *
 * Returns: (transfer full) (nullable): the store the options name.
 */
TlStore *
tl_cli_open_store_for_reading (TlCliDatabaseOptions  *options,
                               GError               **error)
{
  g_autofree char *path = NULL;

  if (options->demo)
    return tl_cli_open_store (options, error);

  path = options->database ? g_strdup (options->database) : tl_cli_default_database_path ();
  return tl_store_open_existing (path, error);
}

/**
 * tl_cli_parse_time:
 * @text: a date, or a date and time, in @zone or with an explicit offset
 *
 * A bare date ("2026-11-26") means the start of that local day.
 *
 * Returns: whether @text was read.
 */
gboolean
tl_cli_parse_time (const char  *text,
                   GTimeZone   *zone,
                   gint64      *out_utc,
                   GError     **error)
{
  int y, m, d;
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3)
    {
      gint64 to;

      if (!g_date_valid_dmy (d, m, y))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a valid date"), text);
          return FALSE;
        }
      tl_time_day_range (zone, y, m, d, out_utc, &to);
      return TRUE;
    }

  return tl_time_parse (zone, text, 0, out_utc, error);
}

/**
 * tl_cli_parse_window:
 * @from_text: (nullable): the --from argument
 * @to_text: (nullable): the --to argument
 * @zone: the zone local days are counted in
 *
 * The time window of a command: today by default; one local day after
 * --from, or before --to, when only one is given.
 *
 * Returns: whether the window was read; the error names the option.
 */
gboolean
tl_cli_parse_window (const char  *from_text,
                     const char  *to_text,
                     GTimeZone   *zone,
                     gint64      *out_from,
                     gint64      *out_to,
                     GError     **error)
{
  gint64 from, to;

  tl_time_day_range_at (zone, g_get_real_time () / G_USEC_PER_SEC, &from, &to);
  if (from_text != NULL)
    {
      if (!tl_cli_parse_time (from_text, zone, &from, error))
        {
          g_prefix_error (error, "--from: ");
          return FALSE;
        }
      to = tl_time_shift_days (zone, from, 1);
    }
  if (to_text != NULL)
    {
      if (!tl_cli_parse_time (to_text, zone, &to, error))
        {
          g_prefix_error (error, "--to: ");
          return FALSE;
        }
      if (from_text == NULL)
        from = tl_time_shift_days (zone, to, -1);
    }
  if (to <= from)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--from must be before --to"));
      return FALSE;
    }

  *out_from = from;
  *out_to = to;
  return TRUE;
}

/**
 * tl_cli_open_existing_store:
 * @options: the --database / --demo options
 * @out_status: (out): the exit status when this fails
 *
 * Opens the database a reading command works on. Unlike the application,
 * it never creates one: a typo in the name would otherwise give an empty
 * map or briefing that looks like a quiet day. The message is printed.
 *
 * Returns: (transfer full) (nullable): the store.
 */
TlStore *
tl_cli_open_existing_store (TlCliDatabaseOptions *options,
                            int                  *out_status)
{
  g_autoptr(GError) error = NULL;
  TlStore *store;

  if (!options->demo)
    {
      g_autofree char *path = options->database ? g_strdup (options->database)
                                                : tl_cli_default_database_path ();

      /* A server's database is there or not by the server's word. */
      if (!tl_store_is_server_address (path) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_printerr (_("There is no database at “%s”\n"), path);
          *out_status = TL_CLI_EXIT_FAILED;
          return NULL;
        }
    }

  if (!(store = tl_cli_open_store_for_reading (options, &error)))
    {
      g_printerr ("%s\n", error->message);
      *out_status = g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED)
                    ? TL_CLI_EXIT_BAD_ARGS : TL_CLI_EXIT_FAILED;
    }

  return store;
}
