/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tl-briefing.h"
#include "tl-cli.h"
#include "tl-handover.h"
#include "tl-time.h"

/* Exit statuses, as tl_cli_main() documents them. */
#define EXIT_FAILED   TL_CLI_EXIT_FAILED
#define EXIT_BAD_ARGS TL_CLI_EXIT_BAD_ARGS

typedef struct {
  char *from_text;
  char *to_text;
  char *zone_text;
  char *title;
  char *subtitle;
  char *marking;
  char *operator_name;
  char *output;
  char *trend_period;
  char *handover_text;
  gboolean annex;
} Args;

/* helpers */

static void
args_clear (Args *args)
{
  g_free (args->from_text);
  g_free (args->to_text);
  g_free (args->zone_text);
  g_free (args->title);
  g_free (args->subtitle);
  g_free (args->marking);
  g_free (args->operator_name);
  g_free (args->output);
  g_free (args->trend_period);
  g_free (args->handover_text);
}

/* Every check that needs no database, so a typo never waits on the store. */
static gboolean
build_options (Args               *args,
               GTimeZone          *zone,
               TlBriefingOptions  *options,
               GError            **error)
{
  gint64 from, to;

  if (args->output == NULL || !g_str_has_suffix (args->output, ".pdf"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Name the file to write with -o FILE.pdf"));
      return FALSE;
    }

  if (!tl_cli_parse_window (args->from_text, args->to_text, zone, &from, &to, error))
    return FALSE;

  if (args->handover_text != NULL)
    {
      if (!tl_cli_parse_time (args->handover_text, zone, &options->handover_since, error))
        {
          g_prefix_error (error, "--handover-since: ");
          return FALSE;
        }
    }

  if (args->trend_period != NULL && !tl_trend_period_from_nick (args->trend_period, &options->trend_period))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: do not translate the words after the colon */
                   _("--trend-period: “%s” is not one of auto, day, week, month"), args->trend_period);
      return FALSE;
    }

  options->from = from;
  options->to = to;
  options->title = args->title;
  options->subtitle = args->subtitle;
  options->marking = args->marking;
  options->operator_name = args->operator_name ? args->operator_name : g_get_real_name ();
  options->time_zone = zone;
  options->annex = args->annex;
  return TRUE;
}

/* public API */

/**
 * tl_cli_export_briefing:
 * @argc: the argument count, the command itself being argv[0]
 * @argv: (array length=argc): the arguments
 *
 * `tideline export-briefing [--database F | --demo] [--from T] [--to T]
 * [--marking S] [--title S] [--handover-since T] [--trend-period P] -o brief.pdf`: the briefing of a time window
 * (map, figures, table of reports, trend), written without a display.
 *
 * Returns: the exit status: 0 done, 1 failed, 2 bad arguments.
 */
int
tl_cli_export_briefing (int    argc,
                        char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  TlCliDatabaseOptions db = { 0 };
  TlBriefingOptions options;
  Args args = { 0 };
  int status = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the briefing to FILE.pdf"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from_text, N_("Start of the time window (default: today)"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to_text, N_("End of the time window (default: a day after the start)"), N_("TIME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("Title (default: what and when, with the zone)"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &args.subtitle, N_("Line under the title (default: the time window)"), N_("TEXT") },
    { "marking", 0, 0, G_OPTION_ARG_STRING, &args.marking, N_("Protective marking printed on every page, like OFFICIAL-SENSITIVE"), N_("TEXT") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &args.operator_name, N_("Name printed as the briefing’s author (default: yours)"), N_("NAME") },
    { "annex", 0, 0, G_OPTION_ARG_NONE, &args.annex, N_("For a window over three days, add every report as an annex"), NULL },
    { "handover-since", 0, 0, G_OPTION_ARG_STRING, &args.handover_text,
      N_("Add a hand-over note: what changed in the records since TIME"), N_("TIME") },
    { "trend-period", 0, 0, G_OPTION_ARG_STRING, &args.trend_period,
      N_("Bars of the trend: auto (by the window’s length), day, week or month"), N_("PERIOD") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &args.zone_text, N_("Zone of the times given and printed (default: the system’s)"), N_("ZONE") },
    { NULL }
  };

  if (!tl_cli_parse_options (NULL, _("Write the briefing of a time window as a PDF: map, figures, "
                             "table of reports and trend."),
                             entries, &db, &argc, &argv, FALSE))
    {
      status = EXIT_BAD_ARGS;
      goto out;
    }
  if (!(zone = tl_time_zone_new (args.zone_text)))
    {
      g_printerr (_("--time-zone: unknown time zone “%s”\n"), args.zone_text);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  tl_briefing_options_init (&options);
  if (!build_options (&args, zone, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  /* Opening creates a missing database: a typo in its name would give a
   * briefing of an empty day that looks like a quiet one. */
  if (!(store = tl_cli_open_existing_store (&db, &status)))
    goto out;
  if (!(events = tl_store_list_events (store, options.from, options.to, &error)))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
      goto out;
    }
  /* The window of the same length before, for the key points' comparisons. */
  if (!(previous = tl_store_list_events (store, options.from - (options.to - options.from), options.from, &error)))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
      goto out;
    }
  options.previous_events = previous;
  if (args.handover_text != NULL &&
      !(changes = tl_store_list_changes_since (store, options.handover_since, &error)))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
      goto out;
    }
  options.changes = changes;
  if (!tl_briefing_write_file (args.output, &options, events, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
      goto out;
    }

  g_print (ngettext ("Wrote a briefing of %u report on %u pages to %s\n",
                     "Wrote a briefing of %u reports on %u pages to %s\n", events->len),
           events->len, tl_briefing_count_pages (&options, events), args.output);

out:
  /* Pango keeps its fonts for the main thread: drop them, so a leak
   * checker run over the command sees only leaks that are ours. */
  pango_cairo_font_map_set_default (NULL);
  args_clear (&args);
  tl_cli_database_options_clear (&db);
  return status;
}
