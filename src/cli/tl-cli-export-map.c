/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-snapshot.h"
#include "tl-time.h"

/* Exit statuses, as tl_cli_main() documents them. */
#define EXIT_FAILED   TL_CLI_EXIT_FAILED
#define EXIT_BAD_ARGS TL_CLI_EXIT_BAD_ARGS

typedef struct {
  char     *from_text;
  char     *to_text;
  char     *bbox_text;
  char     *size_text;
  char     *paper_text;
  char     *dpi_text;
  char     *kinds_text;
  char     *zone_text;
  char     *title;
  char     *subtitle;
  char     *marking;
  char     *operator_name;
  char     *output;
  char     *hexagons_text;
  gboolean  landscape;
  gboolean  dark;
  gboolean  no_coastline;
  gboolean  no_borders;
  gboolean  no_legend;
  gboolean  no_scale;
  gboolean  no_north_arrow;
  gboolean  no_credits;
} Args;

/* helpers */

static void
args_clear (Args *args)
{
  g_free (args->from_text);
  g_free (args->to_text);
  g_free (args->bbox_text);
  g_free (args->size_text);
  g_free (args->paper_text);
  g_free (args->dpi_text);
  g_free (args->kinds_text);
  g_free (args->zone_text);
  g_free (args->title);
  g_free (args->subtitle);
  g_free (args->marking);
  g_free (args->operator_name);
  g_free (args->output);
  g_free (args->hexagons_text);
}

/* A whole string as a number, or FALSE: "12abc" and "" are not numbers. */
static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;

  text += strspn (text, " ");
  if (*text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  end += strspn (end, " ");
  return end != text && *end == '\0';
}

static gboolean
parse_int (const char *text,
           int        *out)
{
  gint64 v;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_bbox (const char  *text,
            TlGeoBox    *out,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  double v[4];

  if (g_strv_length (parts) != 4)
    goto bad;
  for (int i = 0; i < 4; i++)
    if (!parse_double (parts[i], &v[i]))
      goto bad;
  *out = (TlGeoBox) { v[0], v[1], v[2], v[3] };
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--bbox: “%s” is not WEST,SOUTH,EAST,NORTH in degrees, like 0.6,50.3,2.6,51.5"), text);
  return FALSE;
}

static gboolean
parse_size (const char  *text,
            int         *out_w,
            int         *out_h,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "xX×", -1);

  if (g_strv_length (parts) == 2 && parse_int (parts[0], out_w) && parse_int (parts[1], out_h) &&
      *out_w > 0 && *out_h > 0)
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--size: “%s” is not WIDTHxHEIGHT in pixels, like 1920x1080"), text);
  return FALSE;
}

static gboolean
parse_kinds (const char  *text,
             guint       *out_mask,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *out_mask = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      TlEventKind kind;

      g_strstrip (parts[i]);
      if (!tl_event_kind_from_string (parts[i], &kind))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--kinds: unknown kind “%s”"), parts[i]);
          return FALSE;
        }
      *out_mask |= TL_SNAPSHOT_KIND (kind);
    }
  return TRUE;
}

/* Turns the arguments into snapshot options and a time window. Every
 * check that needs no database is made here, so a typo never waits on
 * the store. */
static gboolean
build_options (Args               *args,
               GTimeZone          *zone,
               TlSnapshotOptions  *options,
               TlSnapshotFormat   *out_format,
               GError            **error)
{
  gint64 from, to;

  if (args->output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Name the file to write with -o FILE.png, FILE.pdf or FILE.svg"));
      return FALSE;
    }
  if (!tl_snapshot_format_from_path (args->output, out_format, error))
    return FALSE;

  if (args->bbox_text != NULL && !parse_bbox (args->bbox_text, &options->bbox, error))
    return FALSE;

  if (args->size_text != NULL && args->paper_text != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--size and --paper cannot be used together"));
      return FALSE;
    }
  if (args->size_text != NULL &&
      !parse_size (args->size_text, &options->width_px, &options->height_px, error))
    return FALSE;
  if (args->paper_text != NULL)
    {
      if (g_ascii_strcasecmp (args->paper_text, "a4") == 0)
        options->paper = TL_SNAPSHOT_PAPER_A4;
      else if (g_ascii_strcasecmp (args->paper_text, "a3") == 0)
        options->paper = TL_SNAPSHOT_PAPER_A3;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--paper: unknown paper “%s”: use a4 or a3"), args->paper_text);
          return FALSE;
        }
    }
  if (args->landscape && options->paper == TL_SNAPSHOT_PAPER_NONE)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--landscape needs --paper"));
      return FALSE;
    }
  options->landscape = args->landscape;
  if (args->dpi_text != NULL &&
      (!parse_int (args->dpi_text, &options->dpi) || options->dpi <= 0 || options->dpi > TL_SNAPSHOT_MAX_DPI))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--dpi: “%s” is not a resolution between 1 and %d"), args->dpi_text, TL_SNAPSHOT_MAX_DPI);
      return FALSE;
    }
  if (args->kinds_text != NULL && !parse_kinds (args->kinds_text, &options->event_kinds, error))
    return FALSE;

  if (!tl_cli_parse_window (args->from_text, args->to_text, zone, &from, &to, error))
    return FALSE;
  options->from = from;
  options->to = to;

  options->title = args->title;
  options->subtitle = args->subtitle;
  options->marking = args->marking;
  options->operator_name = args->operator_name ? args->operator_name : g_get_real_name ();
  options->theme = args->dark ? TL_BASEMAP_THEME_DARK : TL_BASEMAP_THEME_LIGHT;
  options->show_coastline = !args->no_coastline;
  options->show_borders = !args->no_borders;
  options->show_legend = !args->no_legend;
  options->show_scale = !args->no_scale;
  options->show_north_arrow = !args->no_north_arrow;
  options->show_credits = !args->no_credits;
  options->time_zone = zone;
  if (args->hexagons_text == NULL || g_str_equal (args->hexagons_text, "auto"))
    options->aggregate = TL_SNAPSHOT_AGGREGATE_AUTO;
  else if (g_str_equal (args->hexagons_text, "always"))
    options->aggregate = TL_SNAPSHOT_AGGREGATE_ALWAYS;
  else if (g_str_equal (args->hexagons_text, "never"))
    options->aggregate = TL_SNAPSHOT_AGGREGATE_NEVER;
  else
    {
      /* Translators: do not translate auto, always and never: they are the values to type */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--hexagons: “%s” is not auto, always or never"), args->hexagons_text);
      return FALSE;
    }

  return tl_snapshot_options_validate (options, error);
}

/* public API */

/**
 * tl_cli_export_map:
 * @argc: the argument count, the command itself being argv[0]
 * @argv: (array length=argc): the arguments
 *
 * `tideline export-map [--database F | --demo] [--from T] [--to T]
 * [--bbox W,S,E,N] [--size WxH | --paper a4|a3 [--landscape] [--dpi N]]
 * [--title S] [--marking S] [--no-legend] [--no-scale] [--no-north-arrow]
 * [--no-credits] -o FILE.png|pdf|svg`: a briefing map of a time window,
 * drawn without a display.
 *
 * Returns: the exit status: 0 done, 1 failed, 2 bad arguments.
 */
int
tl_cli_export_map (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  TlCliDatabaseOptions db = { 0 };
  TlSnapshotOptions options;
  TlSnapshotFormat format;
  Args args = { 0 };
  int status = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the map to FILE: .png, .pdf or .svg"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from_text, N_("Start of the time window (default: today)"), N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to_text, N_("End of the time window (default: a day after the start)"), N_("TIME") },
    { "bbox", 0, 0, G_OPTION_ARG_STRING, &args.bbox_text, N_("Area to show, in degrees (default: the Strait of Dover)"), N_("W,S,E,N") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args.size_text, N_("Image size in pixels (default: 1920x1080)"), N_("WxH") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &args.paper_text, N_("Lay the map out on a4 or a3 paper"), N_("PAPER") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &args.landscape, N_("Turn the paper on its side"), NULL },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &args.dpi_text, N_("Printer resolution (default: 150)"), N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("Title (default: the area and the day)"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &args.subtitle, N_("Line under the title (default: the time window and filters)"), N_("TEXT") },
    { "marking", 0, 0, G_OPTION_ARG_STRING, &args.marking, N_("Protective marking printed at the top and bottom, like OFFICIAL-SENSITIVE"), N_("TEXT") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &args.operator_name, N_("Name printed as the map’s author (default: yours)"), N_("NAME") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &args.kinds_text, N_("Only these kinds of event, like departure,rescue"), N_("KINDS") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &args.zone_text, N_("Zone of the times given and printed (default: the system’s)"), N_("ZONE") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args.dark, N_("Dark map, for screens"), NULL },
    { "no-coastline", 0, 0, G_OPTION_ARG_NONE, &args.no_coastline, N_("Leave out land and shoreline"), NULL },
    { "no-borders", 0, 0, G_OPTION_ARG_NONE, &args.no_borders, N_("Leave out national borders"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &args.no_legend, N_("Leave out the legend and give its room to the map"), NULL },
    { "no-scale", 0, 0, G_OPTION_ARG_NONE, &args.no_scale, N_("Leave out the scale bar"), NULL },
    { "no-north-arrow", 0, 0, G_OPTION_ARG_NONE, &args.no_north_arrow, N_("Leave out the north arrow"), NULL },
    /* Translators: do not translate auto, always and never */
    { "hexagons", 0, 0, G_OPTION_ARG_STRING, &args.hexagons_text,
      N_("Count the reports in hexagons: auto (when too crowded, the default), always or never"), N_("auto|always|never") },
    { "no-credits", 0, 0, G_OPTION_ARG_NONE, &args.no_credits, N_("Leave out when and by whom the map was made (the sources stay)"), NULL },
    { NULL }
  };

  if (!tl_cli_parse_options (NULL, _("Draw a briefing map of the events of a time window."),
                             entries, &db, &argc, &argv, FALSE))
    {
      status = EXIT_BAD_ARGS;
      goto out;
    }

  zone = tl_time_zone_new (args.zone_text);
  if (zone == NULL)
    {
      g_printerr (_("--time-zone: unknown time zone “%s”\n"), args.zone_text);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  tl_snapshot_options_init (&options);
  if (!build_options (&args, zone, &options, &format, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  /* Opening creates a missing database: a typo in the name would give
   * an empty map that looks like a quiet day. */
  if (!(store = tl_cli_open_existing_store (&db, &status)))
    goto out;
  if (!(events = tl_store_list_events (store, options.from, options.to, &error)))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
      goto out;
    }

  if (!tl_snapshot_write_file (args.output, format, &options, events, &error))
    {
      g_printerr ("%s\n", error->message);
      status = g_error_matches (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID)
             ? EXIT_BAD_ARGS : EXIT_FAILED;
      goto out;
    }

  g_print (ngettext ("Wrote a map of %u event to %s\n",
                     "Wrote a map of %u events to %s\n", events->len),
           events->len, args.output);

out:
  /* Pango keeps its fonts for the process's main thread, which never
   * exits as a thread: drop them here, so that a leak checker run over
   * the command sees only leaks that are ours. */
  pango_cairo_font_map_set_default (NULL);
  args_clear (&args);
  tl_cli_database_options_clear (&db);
  return status;
}
