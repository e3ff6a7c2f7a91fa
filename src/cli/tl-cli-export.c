/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tl-cli.h"
#include "tl-export.h"

/* Helpers */

static guint
count_without_position (GPtrArray *events)
{
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    if (!tl_event_has_position (g_ptr_array_index (events, i)))
      n++;
  return n;
}

/* Public API */

/**
 * tl_cli_export:
 *
 * `tideline export --format csv|geojson|kml|gpx [--from T] [--to T]
 * [--database FILE | --demo] -o FILE`: writes the events of a time range
 * (every event without --from and --to) for spreadsheets and GIS tools.
 *
 * Returns: the exit status: 0 on success, 1 if the file could not be
 *   written, 2 for bad arguments.
 */
int
tl_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output = NULL;
  TlCliDatabaseOptions db = { 0 };
  TlExchangeFormat format;
  gint64 from = G_MININT64, to = G_MAXINT64;
  int status = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("csv, geojson, kml or gpx (default: from the file name)"), N_("FORMAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day or time (default: the first event)"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Day or time after the last (default: after the last event)"), N_("TIME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };

  if (!tl_cli_parse_options (NULL, _("Export events to CSV, GeoJSON, KML or GPX."),
                             entries, &db, &argc, &argv, FALSE))
    {
      status = 2;
      goto out;
    }
  if (output == NULL)
    {
      g_printerr ("%s\n", _("Name the file to write with -o FILE"));
      status = 2;
      goto out;
    }
  if (format_text != NULL ? !tl_exchange_format_from_string (format_text, &format)
                          : !tl_exchange_format_guess (output, &format))
    {
      g_printerr ("%s\n", _("Choose the format with --format csv, geojson, kml or gpx"));
      status = 2;
      goto out;
    }
  if (from_text != NULL && !tl_cli_parse_time (from_text, zone, &from, &error))
    {
      g_printerr ("--from: %s\n", error->message);
      status = 2;
      goto out;
    }
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

  if (!(store = tl_cli_open_store_for_reading (&db, &error)) ||
      !(events = tl_store_list_events (store, from, to, &error)) ||
      !tl_export_events_to_file (events, format, output, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      status = error->domain == G_OPTION_ERROR ? 2 : 1;
      goto out;
    }

  if (format == TL_EXCHANGE_FORMAT_GPX && count_without_position (events) > 0)
    {
      guint n = count_without_position (events);

      g_printerr (ngettext ("%u event has no position and was left out: GPX waypoints need one\n",
                            "%u events have no position and were left out: GPX waypoints need one\n", n),
                  n);
    }

  g_print (ngettext ("Exported %u event to %s\n", "Exported %u events to %s\n", events->len),
           events->len, output);

out:
  tl_cli_database_options_clear (&db);
  return status;
}
