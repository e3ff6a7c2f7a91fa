/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-cli.h"
#include "tl-store-watch.h"

/* Exit statuses, as tl_cli_main() documents them. */
#define EXIT_FAILED   TL_CLI_EXIT_FAILED
#define EXIT_BAD_ARGS TL_CLI_EXIT_BAD_ARGS

/* public API */

/**
 * tl_cli_summary:
 * @argc: the argument count, the command itself being argv[0]
 * @argv: (array length=argc): the arguments
 *
 * `tideline summary [--from T] [--to T] [--json] [--database F | --demo]`:
 * prints the summary's figures of a window (today by default), counted as
 * the window's summary bar counts them, as "Label: value" lines, or with
 * --json as one object with one key per figure, for scripts and for other
 * desks' tools. The keys and what they count are in the README.
 *
 * Returns: the exit status: 0 done, 1 failed, 2 bad arguments.
 */
int
tl_cli_summary (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(TlFilter) filter = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  TlCliDatabaseOptions db = { 0 };
  gboolean json = FALSE;
  TlSummary summary;
  gint64 from, to;
  int status = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day or time (default: today)"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Day or time after the last (default: a day after --from)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object, one key per figure"), NULL },
    { NULL }
  };

  if (!tl_cli_parse_options (NULL, _("Print the summary’s figures of a time window."),
                             entries, &db, &argc, &argv, FALSE))
    {
      status = EXIT_BAD_ARGS;
      goto out;
    }
  if (!tl_cli_parse_window (from_text, to_text, zone, &from, &to, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  if (!(store = tl_cli_open_existing_store (&db, &status)))
    goto out;

  filter = tl_filter_new (from, to);
  if (!tl_store_summarize (store, filter, &summary, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
      goto out;
    }

  if (json)
    {
      g_autofree char *text = tl_summary_to_json (&summary);

      g_print ("%s\n", text);
    }
  else
    for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
      {
        g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, summary.values[i]);

        /* Translators: a line of `tideline summary`: a figure’s name and its value */
        g_print (_("%s: %s\n"), tl_summary_figure_get_label (i), value);
      }

out:
  tl_cli_database_options_clear (&db);
  return status;
}
