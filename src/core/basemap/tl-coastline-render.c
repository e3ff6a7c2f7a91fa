/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing basemap tiles from a loaded TlCoastline. Everything here reads
 * the model and writes only to the caller's cairo context, which is what
 * makes rendering from several threads at once safe. */

#include "config.h"

#include <math.h>

#include "tl-coastline-pen.h"
#include "tl-coastline-private.h"

/* Far-away vertices are pulled in to this many pixels around the tile:
 * cairo's 24.8 fixed point overflows past 8 million pixels, which a zoom
 * 16 tile reaches for a vertex a few hundred kilometres away. */
#define CLAMP_PX 16384.0

typedef TlCoastPen Painter;

static const TlBasemapStyle styles[] = {
  [TL_BASEMAP_THEME_LIGHT] = {
    .sea    = { 0xc8 / 255., 0xdc / 255., 0xef / 255., 1 },
    .land   = { 0xf6 / 255., 0xf5 / 255., 0xf4 / 255., 1 },
    .coast  = { 0x7a / 255., 0x8a / 255., 0x99 / 255., 1 },
    .border = { 0x77 / 255., 0x76 / 255., 0x7b / 255., 0.9 },
    .coast_width = 1.0,
    .border_width = 1.2,
  },
  [TL_BASEMAP_THEME_DARK] = {
    .sea    = { 0x1a / 255., 0x26 / 255., 0x34 / 255., 1 },
    .land   = { 0x33 / 255., 0x33 / 255., 0x36 / 255., 1 },
    .coast  = { 0x6f / 255., 0x83 / 255., 0x96 / 255., 1 },
    .border = { 0x9a / 255., 0x99 / 255., 0x96 / 255., 0.9 },
    .coast_width = 1.0,
    .border_width = 1.2,
  },
};

/* ---- helpers ----------------------------------------------------------- */

/* Adds every run of @runs indexed by @grid whose box meets the view. */
static guint
add_runs (Painter          *p,
          const TlGeometry *geom,
          const TlGrid     *grid,
          const TlRun      *runs,
          gboolean          rings)
{
  const TlBox *g = &grid->box;
  int x0, x1, y0, y1;
  guint n_added = 0;

  if (!tl_box_intersects (g, &p->view))
    return 0;
  x0 = tl_grid_cell (p->view.minx, g->minx, g->maxx, grid->nx);
  x1 = tl_grid_cell (p->view.maxx, g->minx, g->maxx, grid->nx);
  y0 = tl_grid_cell (p->view.miny, g->miny, g->maxy, grid->ny);
  y1 = tl_grid_cell (p->view.maxy, g->miny, g->maxy, grid->ny);

  for (int cy = y0; cy <= y1; cy++)
    for (int cx = x0; cx <= x1; cx++)
      {
        guint c = cy * grid->nx + cx;

        for (guint k = grid->cells[c]; k < grid->cells[c + 1]; k++)
          {
            const TlRun *run = &runs[grid->items[k]];
            int rx = tl_grid_cell (run->box.minx, g->minx, g->maxx, grid->nx);
            int ry = tl_grid_cell (run->box.miny, g->miny, g->maxy, grid->ny);

            /* A run sits in every cell its box touches: draw it only from
             * the first of those the view visits, with no shared state so
             * threads can render side by side. */
            if (cx != MAX (rx, x0) || cy != MAX (ry, y0))
              continue;
            if (!tl_box_intersects (&run->box, &p->view))
              continue;
            if (rings)
              tl_coast_pen_add_ring (p, geom, run);
            else
              tl_coast_pen_add_line (p, geom, run);
            n_added++;
          }
      }
  return n_added;
}

static void
painter_set_view (Painter *p,
                  double   margin_px)
{
  double m = margin_px / p->scale;
  /* The tile is the clamp rectangle less its margin on each side. */
  double size = p->x1 - p->x0 - 2 * CLAMP_PX;

  p->view.minx = p->ox / p->scale - m;
  p->view.miny = p->oy / p->scale - m;
  p->view.maxx = (p->ox + size) / p->scale + m;
  p->view.maxy = (p->oy + size) / p->scale + m;
}

static void
set_color (cairo_t              *cr,
           const TlBasemapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* The device rectangle of a dataset's box, rounded inwards: the finer
 * data then covers every pixel it claims, and the coarser data, which
 * goes on past the box, takes the rest. No pixel gets half of each. */
static cairo_rectangle_int_t
box_to_pixels (const Painter *p,
               const TlBox   *box,
               int            size)
{
  double x0 = ceil (CLAMP (box->minx * p->scale - p->ox, -1, size + 1));
  double y0 = ceil (CLAMP (box->miny * p->scale - p->oy, -1, size + 1));
  double x1 = floor (CLAMP (box->maxx * p->scale - p->ox, -1, size + 1));
  double y1 = floor (CLAMP (box->maxy * p->scale - p->oy, -1, size + 1));
  cairo_rectangle_int_t r = { (int) x0, (int) y0, MAX (0, (int) (x1 - x0)), MAX (0, (int) (y1 - y0)) };

  return r;
}

/* Below this level (a 256 px tile of zoom 6 spans the Channel from
 * Cornwall to the Rhine) land is drawn without a shoreline: at that scale
 * a one-pixel outline round every island, estuary and fjord reads as
 * noise, and it was two thirds of the tile's cost. The land's edge is
 * antialiased instead, as on most basemaps. */
#define SHORELINE_MIN_LEVEL 7

static void
draw_dataset (Painter              *p,
              const TlGeometry     *geom,
              const cairo_region_t *clip,
              int                   size,
              gboolean              shoreline,
              const TlBasemapStyle *style)
{
  cairo_t *cr = p->cr;
  double unit = size / 256.0;
  cairo_rectangle_int_t extents;

  cairo_save (cr);
  cairo_region_get_extents (clip, &extents);
  if (cairo_region_num_rectangles (clip) > 1 || extents.x > 0 || extents.y > 0 ||
      extents.width < size || extents.height < size)
    {
      for (int i = 0; i < cairo_region_num_rectangles (clip); i++)
        {
          cairo_rectangle_int_t r;

          cairo_region_get_rectangle (clip, i, &r);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        }
      cairo_clip (cr);
    }

  /* Land is filled without an outline: its edges along the box are clip
   * edges, not shoreline, and must not be drawn as such. */
  painter_set_view (p, 2);
  if (add_runs (p, geom, &geom->ring_grid, geom->rings, TRUE) > 0)
    {
      set_color (cr, &style->land);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      /* No antialiasing under a shoreline: every shoreline edge is under
       * the stroke drawn next, and the box edges are on pixel boundaries.
       * It halves the cost of the fill. */
      cairo_set_antialias (cr, shoreline ? CAIRO_ANTIALIAS_NONE : CAIRO_ANTIALIAS_FAST);
      cairo_fill (cr);
    }

  painter_set_view (p, 2 + style->coast_width * unit);
  if (shoreline && add_runs (p, geom, &geom->line_grid, geom->lines, FALSE) > 0)
    {
      set_color (cr, &style->coast);
      cairo_set_line_width (cr, style->coast_width * unit);
      /* A one pixel line: cairo's 4x4 sampling and bevel joins look the
       * same there as its finest sampling and round joins, at half the
       * cost, and the stroke is most of a tile's cost. */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
draw_borders (Painter              *p,
              const TlGeometry     *geom,
              int                   size,
              const TlBasemapStyle *style)
{
  cairo_t *cr = p->cr;
  double unit = size / 256.0;
  double dashes[2] = { 4 * unit, 3 * unit };

  painter_set_view (p, 2 + style->border_width * unit);
  if (add_runs (p, geom, &geom->line_grid, geom->lines, FALSE) == 0)
    return;

  cairo_save (cr);
  set_color (cr, &style->border);
  cairo_set_line_width (cr, style->border_width * unit);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---- public API -------------------------------------------------------- */

/**
 * tl_basemap_style_get:
 * @theme: light or dark
 *
 * Returns: (transfer none): the colours and line widths for @theme
 */
const TlBasemapStyle *
tl_basemap_style_get (TlBasemapTheme theme)
{
  g_return_val_if_fail (theme <= TL_BASEMAP_THEME_DARK, &styles[0]);

  return &styles[theme];
}

/**
 * tl_coastline_render_tile:
 * @self: a model
 * @cr: where to draw, user space (0, 0) to (@size_px, @size_px)
 * @x: tile column
 * @y: tile row
 * @zoom: zoom level, 0 to 30
 * @size_px: tile size in device pixels, 256, or 512 for HiDPI
 * @style: (nullable): colours, or %NULL for the light style
 *
 * Draws sea, land, shoreline and national borders for one XYZ tile.
 * Loads the model first if needed; if some data is missing the tile
 * shows what there is, down to plain sea, rather than nothing.
 * Thread-safe: any number of threads may draw from one model at once.
 */
void
tl_coastline_render_tile (TlCoastline          *self,
                          cairo_t              *cr,
                          int                   x,
                          int                   y,
                          int                   zoom,
                          int                   size_px,
                          const TlBasemapStyle *style)
{
  Painter p = { cr };
  cairo_region_t *remaining;
  int level = zoom;
  int finest = -1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (zoom >= 0 && zoom <= 30);
  g_return_if_fail (size_px > 0);

  if (style == NULL)
    style = &styles[TL_BASEMAP_THEME_LIGHT];
  tl_coastline_ensure_loaded (self, NULL);

  /* A 512 px tile is a 256 px tile one zoom deeper as far as detail goes. */
  for (int s = size_px; s > 256; s /= 2)
    level++;

  p.scale = ldexp (size_px, zoom);
  p.ox = (double) x * size_px;
  p.oy = (double) y * size_px;
  p.x0 = p.y0 = -CLAMP_PX;
  p.x1 = p.y1 = size_px + CLAMP_PX;

  cairo_save (cr);
  cairo_new_path (cr);
  set_color (cr, &style->sea);
  cairo_rectangle (cr, 0, 0, size_px, size_px);
  cairo_fill (cr);

  for (int i = TL_N_LAND_DATASETS - 1; i >= 0 && finest < 0; i--)
    if (zoom >= self->land[i].min_zoom && tl_dataset_get_level (&self->land[i], level) != NULL)
      finest = i;

  /* Finest first: each dataset gets the part of the tile inside its box
   * that no finer one took, and gives up the rest to the coarser ones. */
  remaining = cairo_region_create_rectangle (&(cairo_rectangle_int_t) { 0, 0, size_px, size_px });
  for (int i = finest; i >= 0 && !cairo_region_is_empty (remaining); i--)
    {
      const TlDataset *set = &self->land[i];
      const TlGeometry *geom = tl_dataset_get_level (set, level);
      cairo_region_t *mine;

      if (geom == NULL)
        continue;
      mine = cairo_region_copy (remaining);
      if (!set->unbounded)
        {
          cairo_rectangle_int_t box = box_to_pixels (&p, &set->box, size_px);

          cairo_region_intersect_rectangle (mine, &box);
          cairo_region_subtract_rectangle (remaining, &box);
        }
      else
        cairo_region_subtract (remaining, mine);
      if (!cairo_region_is_empty (mine))
        draw_dataset (&p, geom, mine, size_px, level >= SHORELINE_MIN_LEVEL, style);
      cairo_region_destroy (mine);
    }
  cairo_region_destroy (remaining);

  /* A style whose border colour is fully transparent turns borders off
   * (the map's "Borders" toggle): skip the work, not only the ink. */
  if (style->border.alpha > 0 && zoom >= self->borders.min_zoom &&
      tl_dataset_get_level (&self->borders, level) != NULL)
    draw_borders (&p, tl_dataset_get_level (&self->borders, level), size_px, style);

  cairo_restore (cr);
}

/**
 * tl_coastline_render_tile_surface:
 * @self: a model
 * @x: tile column
 * @y: tile row
 * @zoom: zoom level
 * @size_px: tile size in pixels
 * @style: (nullable): colours, or %NULL for the light style
 *
 * Like tl_coastline_render_tile(), into a new ARGB32 image surface.
 *
 * Returns: (transfer full): the tile
 */
cairo_surface_t *
tl_coastline_render_tile_surface (TlCoastline          *self,
                                  int                   x,
                                  int                   y,
                                  int                   zoom,
                                  int                   size_px,
                                  const TlBasemapStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size_px, size_px);
  cairo_t *cr = cairo_create (surface);

  tl_coastline_render_tile (self, cr, x, y, zoom, size_px, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
