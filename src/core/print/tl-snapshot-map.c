/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map frame of a snapshot: where it sits on the page, and what goes
 * inside it: basemap, graticule, event markers, place names, scale bar,
 * north arrow. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-coastline-vector.h"
#include "tl-snapshot-private.h"
#include "tl-spread.h"
#include "tl-symbols.h"

/* The on-screen map draws symbols at this radius (tl-incident-layer.c);
 * a printed marker is the same drawing scaled down, so the white outline
 * keeps the proportion it has on screen. */
#define SCREEN_SYMBOL_RADIUS 9.0

/* Markers grow with the people on board up to this many, then stop: the
 * size says "a crowded boat", not a count to read off. */
#define PEOPLE_FOR_LARGEST 60.0

#define MAX_SPREAD TL_SNAPSHOT_MAX_SPREAD

typedef TlSnapshotMarker Marker;

/* ---- helpers ----------------------------------------------------------- */

/* Rescues on top, patrols underneath: what a briefing must not hide is
 * drawn last. */
static int
kind_rank (TlEventKind kind)
{
  switch (kind)
    {
    case TL_EVENT_KIND_PATROL: return 0;
    case TL_EVENT_KIND_ARRIVAL: return 1;
    case TL_EVENT_KIND_DEPARTURE: return 2;
    case TL_EVENT_KIND_SIGHTING: return 3;
    case TL_EVENT_KIND_INTERCEPTION: return 4;
    case TL_EVENT_KIND_RESCUE: return 5;
    case TL_EVENT_N_KINDS:
    default: return 0;
    }
}

static int
compare_markers (const void *a,
                 const void *b)
{
  const Marker *ma = a, *mb = b;
  /* Counts on top of everything: a count hidden is many reports hidden. */
  int ra = ma->count > 1 ? 100 : kind_rank (ma->kind), rb = mb->count > 1 ? 100 : kind_rank (mb->kind);

  if (ra != rb)
    return ra - rb;
  /* Within a kind, big ones first so the small ones stay visible on top. */
  return (mb->radius > ma->radius) - (mb->radius < ma->radius);
}

static double
marker_radius (TlEvent *event,
               double   u)
{
  return tl_snapshot_marker_radius (tl_event_get_people (event), u);
}

/* The radius of a marker for @people on board (unknown below 0), in the
 * page's units: the size key draws the same. */
double
tl_snapshot_marker_radius (int    people,
                           double u)
{
  double extra = people > 0 ? sqrt (MIN (people, PEOPLE_FOR_LARGEST) / PEOPLE_FOR_LARGEST) : 0;

  return u * (2.6 + 1.8 * extra);
}

/* Whether @n markers are too many for the frame, or the options ask. */
static gboolean
want_hexagons (TlSnapshotPage *page,
               guint           n)
{
  const TlSnapshotLayout *l = &page->layout;
  double square_inches = l->map.width * l->map.height / (72.0 * l->u * 72.0 * l->u);

  if (page->options->aggregate != TL_SNAPSHOT_AGGREGATE_AUTO)
    return page->options->aggregate == TL_SNAPSHOT_AGGREGATE_ALWAYS;
  return n / MAX (square_inches, 1e-6) > TL_SNAPSHOT_AGGREGATE_DENSITY;
}

/* Pointy-top hexagons of @r centred on (x, y). */
static void
hexagon_path (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_new_sub_path (cr);
  for (int k = 0; k < 6; k++)
    {
      double a = G_PI / 180.0 * (60 * k - 30);

      cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
    }
  cairo_close_path (cr);
}

/* The ramp of the hexagons: light to dark, so that it reads in greyscale
 * as well as in colour (a sequential ramp, luminance falling). */
void
tl_snapshot_hexagon_colour (double  level,
                            double *r,
                            double *g,
                            double *b)
{
  static const double ramp[5][3] = {
    { 1.00, 0.93, 0.63 }, { 0.99, 0.70, 0.30 }, { 0.94, 0.40, 0.15 },
    { 0.74, 0.10, 0.15 }, { 0.40, 0.00, 0.15 },
  };
  int i = CLAMP ((int) (level * 5), 0, 4);

  *r = ramp[i][0];
  *g = ramp[i][1];
  *b = ramp[i][2];
}

/* The markers counted in hexagons about 4 mm across, each filled by its
 * class of count (of the fullest). */
static void
draw_hexagons (TlSnapshotPage *page,
               GArray         *markers)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  double r = 6.0 * l->u, w = sqrt (3.0) * r, h = 1.5 * r;
  g_autoptr(GHashTable) cells = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = g_new (gint64, markers->len + 1);
  guint n_keys = 0, max = 0;
  cairo_t *cr = page->cr;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *m = &g_array_index (markers, Marker, i);
      /* Offset rows: the row, then the column in it, then the nearest of
       * the two candidate centres. */
      int row = (int) floor ((m->y - f->y) / h + 0.5);
      double shift = (row & 1) ? w / 2 : 0;
      int col = (int) floor ((m->x - f->x - shift) / w + 0.5);
      gint64 k = (gint64) (((guint64) (guint32) row << 32) | (guint32) col);
      guint count = 1;

      if (g_hash_table_lookup_extended (cells, &k, &key, &value))
        {
          count = GPOINTER_TO_UINT (value) + 1;
          g_hash_table_insert (cells, key, GUINT_TO_POINTER (count));
        }
      else
        {
          keys[n_keys] = k;
          g_hash_table_insert (cells, &keys[n_keys++], GUINT_TO_POINTER (count));
        }
      max = MAX (max, count);
    }
  page->hex_max = MAX (max, 1);
  page->hex_radius = r;

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.3 * l->u);
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 k = *(gint64 *) key;
      int row = (int) (k >> 32), col = (int) (gint32) (k & 0xffffffff);
      double x = f->x + col * w + ((row & 1) ? w / 2 : 0), y = f->y + row * h;
      double rr, gg, bb;

      /* Classes on a square root: the few full cells do not wash out the rest. */
      tl_snapshot_hexagon_colour (sqrt ((GPOINTER_TO_UINT (value) - 1) / (double) page->hex_max), &rr, &gg, &bb);
      hexagon_path (cr, x, y, r);
      cairo_set_source_rgb (cr, rr, gg, bb);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, 0.6);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Moves markers that would hide each other apart, draws a leader line
 * from each moved one to its point, and adds the box of every marker,
 * where it is drawn, to @obstacles, for the names to keep clear of. */
static void
spread_markers (TlSnapshotPage *page,
                GArray         *markers,
                GArray         *obstacles)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  g_autofree TlSpreadSymbol *symbols = g_new0 (TlSpreadSymbol, MAX (markers->len, 1));
  cairo_t *cr = page->cr;
  guint n_moved;

  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *m = &g_array_index (markers, Marker, i);

      symbols[i] = (TlSpreadSymbol) { .x = m->x, .y = m->y, .radius = m->radius };
    }
  n_moved = tl_spread_symbols (symbols, markers->len, 0.6 * l->u, MAX_SPREAD);

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  tl_snapshot_set_ink (cr, &page->palette->ink, 0.75);
  cairo_set_line_width (cr, 0.45 * l->u);
  for (guint i = 0; i < markers->len; i++)
    {
      Marker *m = &g_array_index (markers, Marker, i);
      TlLabelObstacle box;

      m->draw_x = symbols[i].draw_x;
      m->draw_y = symbols[i].draw_y;
      m->moved = symbols[i].moved;
      box = (TlLabelObstacle) { m->draw_x - m->radius, m->draw_y - m->radius, 2 * m->radius, 2 * m->radius };
      g_array_append_val (obstacles, box);
      if (!m->moved)
        continue;
      /* The line from the point, under the symbols; a dot marks the point. */
      cairo_move_to (cr, m->x, m->y);
      cairo_line_to (cr, m->draw_x, m->draw_y);
      cairo_stroke (cr);
      cairo_arc (cr, m->x, m->y, 0.7 * l->u, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
  page->n_spread = n_moved;
}

/* Draws the markers; adds the box of each to @obstacles, for the place
 * names to keep clear of. */
static void
draw_markers (TlSnapshotPage *page,
              GArray         *obstacles,
              GArray         *clusters)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  cairo_t *cr = page->cr;
  cairo_surface_t *sprites[TL_EVENT_N_KINDS] = { NULL };
  const cairo_rectangle_t sprite_box = { -16, -16, 32, 32 };
  gboolean use_sprites;

  for (guint i = 0; page->events != NULL && i < page->events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (page->events, i);
      TlEventKind kind = tl_event_get_kind (event);
      Marker m;

      if (kind >= TL_EVENT_N_KINDS || !(page->options->event_kinds & TL_SNAPSHOT_KIND (kind)))
        continue;
      if (!tl_event_has_position (event))
        {
          page->n_without_position++;
          continue;
        }
      tl_snapshot_layout_project (l, tl_event_get_longitude (event), tl_event_get_latitude (event),
                                  &m.x, &m.y);
      if (!(m.x >= f->x && m.x <= f->x + f->width && m.y >= f->y && m.y <= f->y + f->height))
        {
          page->n_outside++;
          continue;
        }
      m.kind = kind;
      m.radius = marker_radius (event, l->u);
      m.draw_x = m.x;
      m.draw_y = m.y;
      m.moved = FALSE;
      m.count = 1;
      memset (m.kinds, 0, sizeof m.kinds);
      page->counts[kind]++;
      g_array_append_val (markers, m);
    }

  if (want_hexagons (page, markers->len))
    {
      /* Names go over the hexagons, on their halo: a name kept off every
       * counted report would find no room. */
      g_array_set_size (obstacles, 0);
      draw_hexagons (page, markers);
      return;
    }

  tl_snapshot_cluster_crowded (page, &markers);
  for (guint i = 0; i < markers->len; i++)
    page->n_clusters += g_array_index (markers, Marker, i).count > 1;
  if (markers->len > 1)
    qsort (markers->data, markers->len, sizeof (Marker), compare_markers);
  spread_markers (page, markers, obstacles);

  /* In a PDF each kind's symbol becomes one form XObject that every
   * marker of the kind refers to: a tenth of the bytes to write and
   * compress, and what keeps a 10,000 event page as quick as a PNG. The
   * SVG surface of cairo 1.16 mangles such patterns, so SVG and images
   * draw each symbol whole. */
  use_sprites = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
  if (use_sprites)
    for (TlEventKind k = 0; k < TL_EVENT_N_KINDS; k++)
      {
        cairo_t *rc;

        sprites[k] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &sprite_box);
        rc = cairo_create (sprites[k]);
        tl_symbol_draw (rc, k, 0, 0, SCREEN_SYMBOL_RADIUS, FALSE);
        cairo_destroy (rc);
      }

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *m = &g_array_index (markers, Marker, i);
      double k = m->radius / SCREEN_SYMBOL_RADIUS;

      /* Counts go over the place names, drawn last. */
      if (m->count > 1)
        {
          g_array_append_val (clusters, *m);
          continue;
        }
      cairo_save (cr);
      cairo_translate (cr, m->draw_x, m->draw_y);
      cairo_scale (cr, k, k);
      if (use_sprites)
        {
          cairo_set_source_surface (cr, sprites[m->kind], 0, 0);
          cairo_rectangle (cr, sprite_box.x, sprite_box.y, sprite_box.width, sprite_box.height);
          cairo_fill (cr);
        }
      else
        tl_symbol_draw (cr, m->kind, 0, 0, SCREEN_SYMBOL_RADIUS, FALSE);
      cairo_restore (cr);
    }
  cairo_restore (cr);

  for (TlEventKind k = 0; k < TL_EVENT_N_KINDS; k++)
    g_clear_pointer (&sprites[k], cairo_surface_destroy);
}

/* "50°45′N": whole minutes are all a graticule needs. */
static char *
format_angle (double   degrees,
              gboolean latitude)
{
  long total = lround (fabs (degrees) * 60);
  const char *hemisphere;

  if (total == 0)
    return g_strdup ("0°");
  if (latitude)
    /* Translators: the hemisphere letters of latitudes on the map's edge */
    hemisphere = degrees > 0 ? C_("latitude", "N") : C_("latitude", "S");
  else
    /* Translators: the hemisphere letters of longitudes on the map's edge */
    hemisphere = degrees > 0 ? C_("longitude", "E") : C_("longitude", "W");

  if (total % 60 == 0)
    return g_strdup_printf ("%ld°%s", total / 60, hemisphere);
  return g_strdup_printf ("%ld°%02ld′%s", total / 60, total % 60, hemisphere);
}

/* The step between graticule lines, in minutes of arc: the finest that
 * leaves at most eight lines along the longer side. */
static double
graticule_step (double span_degrees)
{
  static const double steps[] = { 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span_degrees * 60 / steps[i] <= 8)
      return steps[i] / 60;
  return 60;
}

static void
draw_graticule (TlSnapshotPage *page)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  cairo_t *cr = page->cr;
  double u = l->u;
  double west = tl_geo_x_to_lon (l->world_x, 0, 1);
  double east = tl_geo_x_to_lon (l->world_x + f->width / l->scale, 0, 1);
  double north = tl_geo_y_to_lat (l->world_y, 0, 1);
  double south = tl_geo_y_to_lat (l->world_y + f->height / l->scale, 0, 1);
  double step = graticule_step (MAX (east - west, north - south));

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  for (double i = ceil (west / step); i * step <= east; i++)
    {
      double x = f->x + (tl_geo_lon_to_x (i * step, 0, 1) - l->world_x) * l->scale;

      cairo_move_to (cr, x, f->y);
      cairo_line_to (cr, x, f->y + f->height);
    }
  for (double i = ceil (south / step); i * step <= north; i++)
    {
      double y = f->y + (tl_geo_lat_to_y (i * step, 0, 1) - l->world_y) * l->scale;

      cairo_move_to (cr, f->x, y);
      cairo_line_to (cr, f->x + f->width, y);
    }
  tl_snapshot_set_ink (cr, &page->palette->ink, 0.28);
  cairo_set_line_width (cr, 0.35 * u);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Labels outside the frame, in the gutters the layout keeps for them:
   * longitudes along the top, latitudes up the left side. */
  for (double i = ceil (west / step); i * step <= east; i++)
    {
      g_autofree char *text = format_angle (i * step, FALSE);
      double x = f->x + (tl_geo_lon_to_x (i * step, 0, 1) - l->world_x) * l->scale;

      if (x - f->x < 14 * u || f->x + f->width - x < 14 * u)
        continue;
      tl_snapshot_draw_text (page, text, x - 30 * u, f->y - 9.5 * u, 60 * u, 6.5,
                             &page->palette->muted, TL_SNAPSHOT_TEXT_CENTRE);
    }
  for (double i = ceil (south / step); i * step <= north; i++)
    {
      g_autofree char *text = format_angle (i * step, TRUE);
      double y = f->y + (tl_geo_lat_to_y (i * step, 0, 1) - l->world_y) * l->scale;

      if (y - f->y < 14 * u || f->y + f->height - y < 14 * u)
        continue;
      cairo_save (cr);
      cairo_translate (cr, f->x - 9.5 * u, y + 30 * u);
      cairo_rotate (cr, -G_PI / 2);
      tl_snapshot_draw_text (page, text, 0, 0, 60 * u, 6.5,
                             &page->palette->muted, TL_SNAPSHOT_TEXT_CENTRE);
      cairo_restore (cr);
    }
}

static void
draw_backing (TlSnapshotPage *page,
              double          x,
              double          y,
              double          width,
              double          height)
{
  cairo_t *cr = page->cr;

  cairo_rectangle (cr, x, y, width, height);
  tl_snapshot_set_ink (cr, &page->palette->paper, 0.88);
  cairo_fill_preserve (cr);
  tl_snapshot_set_ink (cr, &page->palette->rule, 1);
  cairo_set_line_width (cr, 0.4 * page->layout.u);
  cairo_stroke (cr);
}

/* One bar of the scale: alternate filled and empty segments, "0" under
 * its start and the length under its end. */
static void
draw_scale_bar (TlSnapshotPage *page,
                double          x,
                double          y,
                double          width,
                double          length,
                const char     *unit)
{
  cairo_t *cr = page->cr;
  double u = page->layout.u;
  double bar_h = 3 * u;
  double lead = length / pow (10, floor (log10 (length)));
  int segments = lead > 4.5 ? 5 : 4;
  g_autofree char *end = g_strdup_printf ("%g %s", length, unit);

  for (int i = 0; i < segments; i++)
    {
      cairo_rectangle (cr, x + i * width / segments, y, width / segments, bar_h);
      tl_snapshot_set_ink (cr, i % 2 ? &page->palette->paper : &page->palette->ink, 1);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x, y, width, bar_h);
  tl_snapshot_set_ink (cr, &page->palette->ink, 1);
  cairo_set_line_width (cr, 0.5 * u);
  cairo_stroke (cr);

  tl_snapshot_draw_text (page, "0", x - 10 * u, y + bar_h + 0.8 * u, 20 * u, 6.5,
                         &page->palette->ink, TL_SNAPSHOT_TEXT_CENTRE);
  tl_snapshot_draw_text (page, end, x + width - 30 * u, y + bar_h + 0.8 * u, 60 * u, 6.5,
                         &page->palette->ink, TL_SNAPSHOT_TEXT_CENTRE);
}

/* Nautical miles above kilometres, both true at the map's centre. */
static void
draw_scale (TlSnapshotPage *page)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  double u = l->u;
  double centre_lat = tl_geo_y_to_lat (l->world_y + f->height / 2 / l->scale, 0, 1);
  double metres_per_unit = 2 * G_PI * TL_GEO_MERCATOR_RADIUS_M * cos (centre_lat * G_PI / 180) / l->scale;
  double max_w = MIN (f->width * 0.3, 150 * u);
  double nm_len, nm_w, km_len, km_w, box_w, x, y;

  if (!tl_geo_scale_bar (metres_per_unit, max_w, TL_GEO_SCALE_UNIT_NM, &nm_len, &nm_w) ||
      !tl_geo_scale_bar (metres_per_unit, max_w, TL_GEO_SCALE_UNIT_KM, &km_len, &km_w))
    return;

  box_w = MAX (nm_w, km_w) + 26 * u;
  x = f->x + 7 * u;
  y = f->y + f->height - 7 * u - 33 * u;
  draw_backing (page, x, y, box_w, 33 * u);
  /* Translators: the unit of the scale bar: nautical miles */
  draw_scale_bar (page, x + 8 * u, y + 4 * u, nm_w, nm_len, C_("unit", "NM"));
  /* Translators: the unit of the scale bar: kilometres */
  draw_scale_bar (page, x + 8 * u, y + 19 * u, km_w, km_len, C_("unit", "km"));
}

/* Web Mercator keeps north straight up everywhere; the arrow is there
 * because a briefing map without one gets asked about. */
static void
draw_north_arrow (TlSnapshotPage *page)
{
  const TlSnapshotRect *f = &page->layout.map;
  cairo_t *cr = page->cr;
  double u = page->layout.u;
  double cx = f->x + f->width - 20 * u, cy = f->y + 22 * u;

  draw_backing (page, cx - 12 * u, cy - 16 * u, 24 * u, 32 * u);

  cairo_move_to (cr, cx, cy - 4 * u);
  cairo_line_to (cr, cx, cy + 7 * u);
  cairo_line_to (cr, cx - 5.5 * u, cy + 12 * u);
  cairo_close_path (cr);
  tl_snapshot_set_ink (cr, &page->palette->ink, 1);
  cairo_fill (cr);

  cairo_move_to (cr, cx, cy - 4 * u);
  cairo_line_to (cr, cx + 5.5 * u, cy + 12 * u);
  cairo_line_to (cr, cx, cy + 7 * u);
  cairo_line_to (cr, cx - 5.5 * u, cy + 12 * u);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 0.6 * u);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  /* Translators: the letter on the map's north arrow */
  tl_snapshot_draw_text (page, C_("north arrow", "N"), cx - 10 * u, cy - 15.5 * u, 20 * u, 9,
                         &page->palette->ink, TL_SNAPSHOT_TEXT_BOLD | TL_SNAPSHOT_TEXT_CENTRE);
}

/* ---- private API ------------------------------------------------------- */

/* Lays the page out: marking bands at the very top and bottom, the title
 * under the top one, then the map with the legend and details under it
 * on a tall page or beside it on a wide one. The map shows at least the
 * box asked for, more on the sides where the frame is wider than the box. */
void
tl_snapshot_layout_compute (const TlSnapshotOptions *options,
                            double                   width,
                            double                   height,
                            TlSnapshotLayout        *out)
{
  /* On paper user units are points; an image in pixels reads like a page
   * on a 96 dpi screen, a little larger for large images. */
  double u = options->paper != TL_SNAPSHOT_PAPER_NONE ? 1.0 : MAX (1.0, MIN (width, height) / 800.0);
  double m = 22 * u;
  double gutter = 11 * u;
  gboolean has_marking = options->marking != NULL && options->marking[0] != '\0';
  double band = has_marking ? 15 * u : 0;
  double band_gap = has_marking ? 6 * u : 0;
  double top, bottom, wx0, wy0, wx1, wy1;
  TlSnapshotRect *map = &out->map;

  out->u = u;
  out->width = width;
  out->height = height;
  out->marking_top = (TlSnapshotRect) { m, m, width - 2 * m, band };
  out->marking_bottom = (TlSnapshotRect) { m, height - m - band, width - 2 * m, band };
  out->header = (TlSnapshotRect) { m, m + band + band_gap, width - 2 * m, 40 * u };
  top = out->header.y + out->header.height + 2 * u + gutter;
  bottom = height - m - band - band_gap;
  out->side_panel = width > height * 1.2;

  /* Without a legend the panel holds only the details, which need less
   * room: narrower beside the map, shorter under it. */
  if (out->side_panel)
    {
      double panel_w = options->show_legend ? CLAMP (width * 0.24, 170 * u, 230 * u)
                                            : CLAMP (width * 0.17, 130 * u, 170 * u);

      out->panel = (TlSnapshotRect) { width - m - panel_w, top - gutter, panel_w, bottom - top + gutter };
      *map = (TlSnapshotRect) { m + gutter, top, width - 2 * m - gutter - panel_w - 14 * u, bottom - top };
    }
  else
    {
      double panel_h = options->show_legend ? 116 * u : 62 * u;

      out->panel = (TlSnapshotRect) { m, bottom - panel_h, width - 2 * m, panel_h };
      *map = (TlSnapshotRect) { m + gutter, top, width - 2 * m - gutter, bottom - panel_h - 10 * u - top };
    }
  map->width = MAX (map->width, 1);
  map->height = MAX (map->height, 1);

  tl_coastline_project (options->bbox.west, options->bbox.north, &wx0, &wy0);
  tl_coastline_project (options->bbox.east, options->bbox.south, &wx1, &wy1);
  out->scale = MIN (map->width / MAX (wx1 - wx0, 1e-12), map->height / MAX (wy1 - wy0, 1e-12));
  out->world_x = (wx0 + wx1) / 2 - map->width / 2 / out->scale;
  out->world_y = (wy0 + wy1) / 2 - map->height / 2 / out->scale;
}

void
tl_snapshot_layout_project (const TlSnapshotLayout *layout,
                            double                  longitude,
                            double                  latitude,
                            double                 *out_x,
                            double                 *out_y)
{
  double wx, wy;

  tl_coastline_project (longitude, latitude, &wx, &wy);
  *out_x = layout->map.x + (wx - layout->world_x) * layout->scale;
  *out_y = layout->map.y + (wy - layout->world_y) * layout->scale;
}

/* Everything inside the frame, and the frame. Counts the markers drawn
 * per kind, and those left out, for the legend. */
gboolean
tl_snapshot_draw_map (TlSnapshotPage  *page,
                      GError         **error)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotOptions *o = page->options;
  TlCoastline *coastline = tl_coastline_get_default ();
  cairo_t *cr = page->cr;
  TlCoastlineView view = {
    .x = l->map.x, .y = l->map.y, .width = l->map.width, .height = l->map.height,
    .world_x = l->world_x, .world_y = l->world_y, .scale = l->scale,
    .detail = page->detail,
    /* The style's widths are for 256 px tiles on screen: about half a
     * point on paper is what a printed chart's shoreline is. */
    .line_unit = 0.6 * l->u,
    .land = o->show_coastline,
    .borders = o->show_borders,
  };
  g_autoptr(GError) local = NULL;
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (TlLabelObstacle));
  g_autoptr(GArray) ends = NULL;
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (Marker));

  if ((o->show_coastline || o->show_borders) && !tl_coastline_ensure_loaded (coastline, &local))
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_FAILED,
                   _("The coastline could not be loaded: %s"), local->message);
      return FALSE;
    }

  tl_coastline_draw_view (coastline, cr, &view, tl_basemap_style_get (o->theme));
  draw_graticule (page);
  tl_snapshot_draw_sea_lines (page);
  /* Counted in hexagons, a month's tracks would be a tangle: none. */
  if (!want_hexagons (page, page->events != NULL ? page->events->len : 0))
    ends = tl_snapshot_draw_tracks (page);
  draw_markers (page, obstacles, clusters);
  tl_snapshot_draw_places (page, obstacles);
  if (ends != NULL)
    tl_snapshot_draw_track_times (page, ends, obstacles);
  /* A place's dot or a name's leader line may run under a count; the
   * count, many reports, stays whole. */
  cairo_save (cr);
  cairo_rectangle (cr, l->map.x, l->map.y, l->map.width, l->map.height);
  cairo_clip (cr);
  for (guint i = 0; i < clusters->len; i++)
    tl_snapshot_draw_cluster (page, &g_array_index (clusters, Marker, i));
  cairo_restore (cr);
  if (o->show_scale)
    draw_scale (page);
  if (o->show_north_arrow)
    draw_north_arrow (page);

  cairo_rectangle (cr, l->map.x, l->map.y, l->map.width, l->map.height);
  tl_snapshot_set_ink (cr, &page->palette->ink, 1);
  cairo_set_line_width (cr, 0.9 * l->u);
  cairo_stroke (cr);
  return TRUE;
}
