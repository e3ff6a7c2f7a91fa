/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "tl-cli.h"
#include "tl-demo.h"
#include "tl-time.h"

static void
progress_cb (guint64  n_done,
             guint64  n_total,
             gpointer user_data)
{
  if (n_total > 0)
    g_printerr ("\r%" PRIu64 " / %" G_GUINT64_FORMAT, n_done, n_total);
  else
    g_printerr ("\r%" G_GUINT64_FORMAT, n_done);
}

/**
 * tl_cli_generate:
 *
 * `tideline generate --database FILE [--from DATE] [--to DATE]
 * [--events N] [--per-day N] [--seed S]`: writes generated events, e.g. a
 * million events over three years for the benchmarks.
 *
 * Returns: the exit status.
 */
int
tl_cli_generate (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(TlStore) store = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  TlCliDatabaseOptions db = { 0 };
  gint64 n_events = 0, seed = 1, from, to, today_end;
  int per_day = 0;
  guint64 written = 0;
  TlDemoOptions options;
  int status = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (default: today)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Day after the last (default: the day after --from)"), N_("DATE") },
    { "events", 'n', 0, G_OPTION_ARG_INT64, &n_events, N_("Exactly N events spread over the days"), N_("N") },
    { "per-day", 0, 0, G_OPTION_ARG_INT, &per_day, N_("Exactly N events each day (default: a realistic day)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default: 1)"), N_("S") },
    { NULL }
  };

  if (!tl_cli_parse_options (NULL, _("Write generated sample events into a database."),
                             entries, &db, &argc, &argv, FALSE))
    {
      status = 2;
      goto out;
    }
  if (db.database == NULL)
    {
      /* Never fill the user's own database with invented events by default. */
      g_printerr ("%s\n", _("Name the database to write with --database FILE"));
      status = 2;
      goto out;
    }
  if (n_events < 0 || per_day < 0)
    {
      g_printerr ("%s\n", _("--events and --per-day cannot be negative"));
      status = 2;
      goto out;
    }

  tl_time_day_range_at (zone, g_get_real_time () / G_USEC_PER_SEC, &from, &today_end);
  if (from_text != NULL && !tl_cli_parse_time (from_text, zone, &from, &error))
    {
      g_printerr ("--from: %s\n", error->message);
      status = 2;
      goto out;
    }
  to = tl_time_shift_days (zone, from, 1);
  if (to_text != NULL && !tl_cli_parse_time (to_text, zone, &to, &error))
    {
      g_printerr ("--to: %s\n", error->message);
      status = 2;
      goto out;
    }
  if (to <= from)
    {
      g_printerr ("%s\n", _("--to must be after --from"));
      status = 2;
      goto out;
    }

  if (!(store = tl_cli_open_store (&db, &error)))
    {
      g_printerr ("%s\n", error->message);
      status = 1;
      goto out;
    }

  tl_demo_options_init (&options, (guint64) seed, from, to);
  options.time_zone = zone;
  options.n_events = (guint64) n_events;
  options.events_per_day = (guint) per_day;
  options.progress = progress_cb;

  if (!tl_demo_generate (store, &options, &written, NULL, &error))
    {
      g_printerr ("\n%s\n", error->message);
      status = 1;
      goto out;
    }

  g_printerr ("\n");
  g_print (ngettext ("Wrote %" PRIu64 " event to %s\n",
                     "Wrote %" PRIu64 " events to %s\n", written),
           written, tl_store_get_path (store));

out:
  tl_cli_database_options_clear (&db);
  return status;
}
