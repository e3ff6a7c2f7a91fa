/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Everything on a snapshot's page around the map: marking bands, title,
 * legend, details and sources, and the words they are made of. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tl-snapshot-private.h"
#include "tl-symbols.h"
#include "tl-time.h"

typedef struct {
  const char *name;  /* translatable, N_() */
  TlGeoBox    box;
} Area;

/* Names officers use for the areas they brief on. The one whose box
 * matches the map best names it. */
static const Area areas[] = {
  /* Translators: sea areas, as named on English charts */
  { N_("Strait of Dover"), { 0.5, 50.2, 2.7, 51.6 } },
  { N_("Eastern Channel"), { -1.5, 49.3, 2.0, 51.0 } },
  { N_("Western Channel"), { -6.0, 48.5, -1.5, 50.8 } },
  { N_("English Channel"), { -6.0, 48.5, 2.5, 51.5 } },
  { N_("Southern North Sea"), { 1.0, 51.0, 5.0, 53.5 } },
  { N_("Thames Estuary"), { 0.2, 51.3, 1.6, 51.7 } },
};

/* ---- helpers ----------------------------------------------------------- */

static double
box_overlap (const TlGeoBox *a,
             const TlGeoBox *b)
{
  double w = MIN (a->east, b->east) - MAX (a->west, b->west);
  double h = MIN (a->north, b->north) - MAX (a->south, b->south);
  double inter = w > 0 && h > 0 ? w * h : 0;
  double uni = (a->east - a->west) * (a->north - a->south) +
               (b->east - b->west) * (b->north - b->south) - inter;

  return uni > 0 ? inter / uni : 0;
}

static char *
area_name (const TlSnapshotOptions *options)
{
  const Area *best = NULL;
  double best_overlap = 0.25;
  const TlGeoBox *b = &options->bbox;

  if (options->area_name != NULL && options->area_name[0] != '\0')
    return g_strdup (options->area_name);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      double o = box_overlap (&areas[i].box, b);

      if (o > best_overlap)
        {
          best = &areas[i];
          best_overlap = o;
        }
    }
  if (best != NULL)
    return g_strdup (_(best->name));

  /* Translators: a map's area when it has no name: its south-west and
   * north-east corners, “50.90°N 1.70°E to 51.02°N 1.95°E” */
  return g_strdup_printf (_("%.2f°%s %.2f°%s to %.2f°%s %.2f°%s"),
                          fabs (b->south), b->south < 0 ? C_("latitude", "S") : C_("latitude", "N"),
                          fabs (b->west), b->west < 0 ? C_("longitude", "W") : C_("longitude", "E"),
                          fabs (b->north), b->north < 0 ? C_("latitude", "S") : C_("latitude", "N"),
                          fabs (b->east), b->east < 0 ? C_("longitude", "W") : C_("longitude", "E"));
}

static gboolean
is_whole_day (GTimeZone *zone,
              gint64     from,
              gint64     to)
{
  gint64 day_from, day_to;

  tl_time_day_range_at (zone, from, &day_from, &day_to);
  return day_from == from && day_to == to;
}

static char *
kinds_text (const TlSnapshotOptions *options)
{
  g_autoptr(GString) text = NULL;

  if ((options->event_kinds & TL_SNAPSHOT_ALL_KINDS) == TL_SNAPSHOT_ALL_KINDS)
    return g_strdup (_("All kinds of event"));
  if ((options->event_kinds & TL_SNAPSHOT_ALL_KINDS) == 0)
    return g_strdup (_("No events shown"));

  text = g_string_new (NULL);
  for (TlEventKind k = 0; k < TL_EVENT_N_KINDS; k++)
    if (options->event_kinds & TL_SNAPSHOT_KIND (k))
      {
        if (text->len > 0)
          /* Translators: separates kinds in a list */
          g_string_append (text, _(", "));
        g_string_append (text, tl_event_kind_get_label (k));
      }
  /* Translators: %s is a list of event kinds, “Departure, Rescue” */
  return g_strdup_printf (_("Only %s"), text->str);
}

static void
draw_marking (TlSnapshotPage       *page,
              const TlSnapshotRect *band)
{
  cairo_t *cr = page->cr;
  double u = page->layout.u;

  cairo_rectangle (cr, band->x, band->y, band->width, band->height);
  tl_snapshot_set_ink (cr, &page->palette->ink, 1);
  cairo_fill (cr);
  tl_snapshot_draw_text (page, page->options->marking, band->x + 4 * u, band->y + 2.2 * u,
                         band->width - 8 * u, 8.5, &page->palette->paper,
                         TL_SNAPSHOT_TEXT_BOLD | TL_SNAPSHOT_TEXT_CENTRE);
}

static void
draw_header (TlSnapshotPage *page)
{
  const TlSnapshotRect *h = &page->layout.header;
  const TlSnapshotOptions *o = page->options;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  double u = page->layout.u;

  title = o->title != NULL ? g_strdup (o->title) : tl_snapshot_default_title (o, page->zone);
  if (o->subtitle != NULL)
    subtitle = g_strdup (o->subtitle);
  else
    {
      g_autofree char *window = tl_snapshot_time_window_text (o, page->zone);
      g_autofree char *kinds = kinds_text (o);

      /* Translators: the line under a map's title: its time window and
       * which kinds of event it shows */
      subtitle = g_strdup_printf (_("%s  ·  %s"), window, kinds);
    }

  tl_snapshot_draw_text (page, title, h->x, h->y, h->width, 17, &page->palette->ink,
                         TL_SNAPSHOT_TEXT_BOLD);
  tl_snapshot_draw_text (page, subtitle, h->x, h->y + 24 * u, h->width, 9.5, &page->palette->muted, 0);
}

static double
draw_heading (TlSnapshotPage *page,
              const char     *text,
              double          x,
              double          y,
              double          width)
{
  g_autofree char *upper = g_utf8_strup (text, -1);

  return tl_snapshot_draw_text (page, upper, x, y, width, 6.5, &page->palette->muted,
                                TL_SNAPSHOT_TEXT_BOLD);
}

static double
draw_legend (TlSnapshotPage *page,
             double          x,
             double          y,
             double          width,
             int             columns)
{
  const TlSnapshotOptions *o = page->options;
  double u = page->layout.u;
  double row_h = 13 * u;
  double col_w = width / columns;
  double top = y;
  guint n = 0, rows;
  g_autoptr(GString) note = g_string_new (NULL);

  y += draw_heading (page, _("Legend"), x, y, width) + 3 * u;

  for (TlEventKind k = 0; k < TL_EVENT_N_KINDS; k++)
    n += (o->event_kinds & TL_SNAPSHOT_KIND (k)) != 0;
  if (n == 0)
    {
      y += tl_snapshot_draw_text (page, _("No kinds of event are shown."), x, y, width, 8,
                                  &page->palette->ink, TL_SNAPSHOT_TEXT_WRAP);
      return y - top;
    }

  rows = (n + columns - 1) / columns;
  n = 0;
  for (TlEventKind k = 0; k < TL_EVENT_N_KINDS; k++)
    {
      double cx, cy;
      g_autofree char *count = NULL;

      if (!(o->event_kinds & TL_SNAPSHOT_KIND (k)))
        continue;
      cx = x + (n / rows) * col_w;
      cy = y + (n % rows) * row_h;
      n++;

      cairo_save (page->cr);
      cairo_translate (page->cr, cx + 5 * u, cy + 5.5 * u);
      cairo_scale (page->cr, 4 * u / 9.0, 4 * u / 9.0);
      tl_symbol_draw (page->cr, k, 0, 0, 9.0, FALSE);
      cairo_restore (page->cr);

      tl_snapshot_draw_text (page, tl_event_kind_get_label (k), cx + 14 * u, cy + 0.5 * u,
                             col_w - 50 * u, 8.5, &page->palette->ink, 0);
      count = g_strdup_printf ("%u", page->counts[k]);
      tl_snapshot_draw_text (page, count, cx + col_w - 44 * u, cy + 0.5 * u, 32 * u, 8.5,
                             &page->palette->ink, TL_SNAPSHOT_TEXT_RIGHT | TL_SNAPSHOT_TEXT_BOLD);
    }
  y += rows * row_h + 2 * u;

  /* Hexagons: their ramp, from one report to the fullest. */
  if (page->hex_max > 0)
    {
      double cy = y + 6 * u, kx, step = 36 * u;
      /* Translators: the key of an exported map whose reports are counted in hexagons */
      const char *lead = _("Reports per hexagon:");
      g_autoptr(PangoLayout) lead_layout = tl_snapshot_text_layout (page, lead, 7, width, 0);
      PangoRectangle logical;

      pango_layout_get_extents (lead_layout, NULL, &logical);
      tl_snapshot_draw_text (page, lead, x, cy - 4.5 * u, width, 7, &page->palette->ink, 0);
      kx = x + (double) logical.width / PANGO_SCALE + 6 * u;
      /* A narrow panel puts the swatches on a line of their own. */
      if (kx + 5 * step > x + width)
        {
          kx = x;
          cy += 11 * u;
          y += 11 * u;
          step = MIN (step, width / 5);
        }
      for (guint i = 0; i < 5; i++)
        {
          /* The counts at the class's lower edge, on the square-root scale. */
          guint low = 1 + (guint) ceil ((i / 5.0) * (i / 5.0) * (page->hex_max - 1));
          g_autofree char *label = g_strdup_printf (i == 0 ? "%u" : "%u+", low);
          double rr, gg, bb;

          tl_snapshot_hexagon_colour ((i + 0.5) / 5.0, &rr, &gg, &bb);
          cairo_new_path (page->cr);
          cairo_rectangle (page->cr, kx, cy - 4 * u, 9 * u, 8 * u);
          cairo_set_source_rgb (page->cr, rr, gg, bb);
          cairo_fill_preserve (page->cr);
          tl_snapshot_set_ink (page->cr, &page->palette->ink, 0.6);
          cairo_set_line_width (page->cr, 0.3 * u);
          cairo_stroke (page->cr);
          tl_snapshot_draw_text (page, label, kx + 11 * u, cy - 4.5 * u, step - 11 * u, 7, &page->palette->ink, 0);
          kx += step;
        }
      y += 14 * u;
    }
  /* The size key: three markers as the map draws them, the largest being
   * “that many or more”. */
  else
  {
    static const int sizes[] = { 10, 30, 60 };
    double big = tl_snapshot_marker_radius (sizes[G_N_ELEMENTS (sizes) - 1], u);
    double kx;
    double cy = y + big + 1 * u;
    /* Translators: the size key of an exported map, before three sized symbols */
    const char *lead = _("People on board:");
    g_autoptr(PangoLayout) lead_layout = tl_snapshot_text_layout (page, lead, 7, width, 0);
    PangoRectangle logical;

    pango_layout_get_extents (lead_layout, NULL, &logical);
    tl_snapshot_draw_text (page, lead, x, cy - 4.5 * u, width, 7, &page->palette->ink, 0);
    kx = x + (double) logical.width / PANGO_SCALE + 8 * u;
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        double r = tl_snapshot_marker_radius (sizes[i], u);
        g_autofree char *label = i + 1 < G_N_ELEMENTS (sizes)
                                 ? g_strdup_printf ("%d", sizes[i])
                                 /* Translators: the size key's largest symbol: this many people or more */
                                 : g_strdup_printf (_("%d or more"), sizes[i]);

        cairo_new_path (page->cr);
        cairo_arc (page->cr, kx + r, cy, r, 0, 2 * G_PI);
        tl_snapshot_set_ink (page->cr, &page->palette->ink, 1);
        cairo_set_line_width (page->cr, 0.8 * u);
        cairo_stroke (page->cr);
        kx += 2 * r + 3 * u;
        tl_snapshot_draw_text (page, label, kx, cy - 4.5 * u, 40 * u, 7, &page->palette->ink, 0);
        kx += 26 * u;
      }
    y += 2 * big + 5 * u;
  }

  if (page->hex_max > 0)
    /* Translators: the legend of an exported map whose reports are counted in hexagons */
    g_string_append (note, _("Too many reports to draw one by one: each hexagon counts those inside it."));
  else
    /* Translators: the legend of an exported map, about the lines between a case's markers */
    g_string_append (note, _("Lines join a case’s reports in time order; the times at their ends are in the zone of the time window."));
  if (page->n_spread > 0)
    {
      g_string_append_c (note, ' ');
      /* Translators: the legend of an exported map: symbols that would
       * hide each other are drawn apart */
      g_string_append_printf (note, ngettext ("%u symbol is drawn beside its position, with a line to it.",
                                              "%u symbols are drawn beside their positions, with a line to each.",
                                              page->n_spread),
                              page->n_spread);
    }
  if (page->n_clusters > 0)
    {
      g_string_append_c (note, ' ');
      /* Translators: the legend of an exported map: places with too many
       * reports to draw apart show one dark disc with their count */
      g_string_append_printf (note, ngettext ("At %u place too crowded to draw each report, a dark disc gives "
                                              "their number; its ring has the colour of the kind most of them are.",
                                              "At %u places too crowded to draw each report, a dark disc gives "
                                              "their number; its ring has the colour of the kind most of them are.",
                                              page->n_clusters),
                              page->n_clusters);
    }
  if (page->n_without_position > 0)
    {
      g_string_append_c (note, ' ');
      /* Translators: events of the time window that are not drawn */
      g_string_append_printf (note, ngettext ("%u event has no position.",
                                              "%u events have no position.",
                                              page->n_without_position),
                              page->n_without_position);
    }
  if (page->n_outside > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      /* Translators: events of the time window that are not drawn */
      g_string_append_printf (note, ngettext ("%u event is outside the map.",
                                              "%u events are outside the map.",
                                              page->n_outside),
                              page->n_outside);
    }
  if (note->len > 0)
    y += tl_snapshot_draw_text (page, note->str, x, y, width - 8 * u, 7, &page->palette->muted,
                                TL_SNAPSHOT_TEXT_WRAP | TL_SNAPSHOT_TEXT_ITALIC);
  return y - top;
}

static double
draw_detail (TlSnapshotPage *page,
             const char     *label,
             const char     *value,
             double          x,
             double          y,
             double          width)
{
  double u = page->layout.u;
  double h = draw_heading (page, label, x, y, width);

  h += tl_snapshot_draw_text (page, value, x, y + h, width, 8, &page->palette->ink,
                              TL_SNAPSHOT_TEXT_WRAP);
  return h + 4 * u;
}

/* The time window, the making, the sources and the projection: in one
 * column, or in two side by side, sources and projection on the right. */
static double
draw_details (TlSnapshotPage *page,
              double          x,
              double          y,
              double          width,
              int             columns)
{
  const TlSnapshotOptions *o = page->options;
  const TlSnapshotLayout *l = &page->layout;
  gint64 created = o->created_at != 0 ? o->created_at : g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *window = tl_snapshot_time_window_text (o, page->zone);
  g_autofree char *when = tl_time_format (page->zone, created, "%a %-d %b %Y %H:%M %Z");
  g_autofree char *creation = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *projection = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  double u = l->u;
  double top = y, left_h;
  double col_w = columns > 1 ? (width - 24 * u) / 2 : width;
  double centre_lat = tl_geo_y_to_lat (l->world_y + l->map.height / 2 / l->scale, 0, 1);

  if (o->operator_name != NULL && o->operator_name[0] != '\0')
    /* Translators: when a map was made, and by whom */
    creation = g_strdup_printf (_("%s by %s"), when ? when : "", o->operator_name);
  else
    creation = g_strdup (when ? when : "");

  if (o->show_coastline || o->show_borders)
    {
      g_string_append (sources, tl_coastline_get_credit ());
      g_string_append_c (sources, '\n');
    }
  g_string_append (sources, _("Events: Tideline incident records"));

  centre = g_strdup_printf ("%.0f°%02.0f′%s", floor (fabs (centre_lat)),
                            floor (fmod (fabs (centre_lat) * 60, 60)),
                            centre_lat >= 0 ? C_("latitude", "N") : C_("latitude", "S"));
  /* Translators: %s is a latitude, “50°54′N” */
  projection = g_strdup_printf (_("Web Mercator on WGS 84; scale true at %s"), centre);

  y += draw_detail (page, _("Time window"), window, x, y, col_w);
  if (o->show_credits)
    y += draw_detail (page, _("Created"), creation, x, y, col_w);
  left_h = y - top;
  if (columns > 1)
    {
      x += col_w + 24 * u;
      y = top;
    }
  y += draw_detail (page, _("Sources"), sources->str, x, y, col_w);
  y += draw_detail (page, _("Projection"), projection, x, y, col_w);
  return MAX (y - top, left_h);
}

static void
draw_panel (TlSnapshotPage *page)
{
  const TlSnapshotRect *p = &page->layout.panel;
  cairo_t *cr = page->cr;
  double u = page->layout.u;

  if (!page->options->show_legend)
    draw_details (page, p->x, p->y, p->width, page->layout.side_panel ? 1 : 2);
  else if (page->layout.side_panel)
    {
      double y = p->y;

      y += draw_legend (page, p->x, y, p->width, 1) + 8 * u;
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
      tl_snapshot_set_ink (cr, &page->palette->rule, 1);
      cairo_set_line_width (cr, 0.5 * u);
      cairo_stroke (cr);
      draw_details (page, p->x, y + 8 * u, p->width, 1);
    }
  else
    {
      double split = p->width * 0.5;

      draw_legend (page, p->x, p->y, split - 12 * u, 2);
      cairo_move_to (cr, p->x + split, p->y);
      cairo_line_to (cr, p->x + split, p->y + p->height);
      tl_snapshot_set_ink (cr, &page->palette->rule, 1);
      cairo_set_line_width (cr, 0.5 * u);
      cairo_stroke (cr);
      draw_details (page, p->x + split + 12 * u, p->y, p->width - split - 12 * u, 1);
    }
}

/* ---- private API ------------------------------------------------------- */


/* “Strait of Dover — Thursday 26 November 2026”: the area and the day or
 * days of the window, or of the map's making when there is no window. */
char *
tl_snapshot_default_title (const TlSnapshotOptions *options,
                           GTimeZone               *zone)
{
  g_autofree char *area = area_name (options);
  g_autofree char *date = NULL;
  gint64 from = options->from;

  if (from == TL_TIME_NONE)
    from = options->created_at != 0 ? options->created_at : g_get_real_time () / G_USEC_PER_SEC;

  if (options->to != TL_TIME_NONE && options->from != TL_TIME_NONE &&
      options->to > options->from &&
      !is_whole_day (zone, options->from, options->to) &&
      tl_time_shift_days (zone, options->from, 1) < options->to)
    {
      /* Translators: a date in a map's title, see g_date_time_format() */
      g_autofree char *first = tl_time_format (zone, options->from, C_("title date", "%-d %B %Y"));
      g_autofree char *last = tl_time_format (zone, options->to - 1, C_("title date", "%-d %B %Y"));

      /* Translators: the first and last day of a map's time window */
      date = g_strdup_printf (_("%s to %s"), first, last);
    }
  else
    /* Translators: the day in a map's title, see g_date_time_format() */
    date = tl_time_format (zone, from, C_("title date", "%A %-d %B %Y"));

  /* Translators: a map's title: the area, then the day */
  return g_strdup_printf (_("%s — %s"), area, date ? date : "");
}

char *
tl_snapshot_time_window_text (const TlSnapshotOptions *options,
                              GTimeZone               *zone)
{
  /* Translators: a date and time in a map's time window, see g_date_time_format() */
  const char *format = C_("window time", "%a %-d %b %Y %H:%M");
  gint64 from = options->from, to = options->to;
  g_autofree char *a = from != TL_TIME_NONE ? tl_time_format (zone, from, format) : NULL;
  g_autofree char *b = to != TL_TIME_NONE ? tl_time_format (zone, to, format) : NULL;
  g_autofree char *tz = tl_time_format (zone, from != TL_TIME_NONE ? from : to != TL_TIME_NONE ? to : 0, "%Z");

  if (a != NULL && b != NULL && is_whole_day (zone, from, to))
    {
      /* Translators: a whole day, see g_date_time_format() */
      g_autofree char *day = tl_time_format (zone, from, C_("window day", "%a %-d %b %Y"));

      /* Translators: a map's time window of one whole day: the day, then
       * the time zone */
      return g_strdup_printf (_("%s, 00:00 to 24:00 %s"), day, tz);
    }
  if (a != NULL && b != NULL)
    /* Translators: a map's time window: start, end, time zone */
    return g_strdup_printf (_("%s to %s %s"), a, b, tz);
  if (a != NULL)
    /* Translators: a map's time window with no end: start, time zone */
    return g_strdup_printf (_("From %s %s"), a, tz);
  if (b != NULL)
    /* Translators: a map's time window with no start: end, time zone */
    return g_strdup_printf (_("Until %s %s"), b, tz);
  return g_strdup (_("Any time"));
}

/* The page around the map: bands, title and panel. Draw after the map,
 * whose markers the legend counts. */
void
tl_snapshot_draw_page (TlSnapshotPage *page)
{
  if (page->options->marking != NULL && page->options->marking[0] != '\0')
    {
      draw_marking (page, &page->layout.marking_top);
      draw_marking (page, &page->layout.marking_bottom);
    }
  draw_header (page);
  draw_panel (page);
}
