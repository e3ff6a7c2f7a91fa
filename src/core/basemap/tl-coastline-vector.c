/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The basemap as vector paths for any frame on any surface: what snapshot
 * exports draw, so that a PDF or SVG keeps its shoreline sharp at any
 * zoom instead of carrying screen-resolution tiles. It reads the same
 * model as the tiles (tl-coastline-render.c) and, like them, only writes
 * to the caller's cairo context, so it is safe from any thread. */

#include "config.h"

#include <math.h>

#include "tl-coastline-pen.h"
#include "tl-coastline-private.h"
#include "tl-coastline-vector.h"

/* Vertices far outside the frame are pulled in to this many user units
 * around it: cairo's 24.8 fixed point overflows at 8 million device
 * units, which a small frame on a large page can reach for a continent's
 * far end. */
#define CLAMP_UNITS 16384.0

/* A frame is cut into at most this many rectangles, one set per dataset:
 * each finer dataset's box takes at most four more. */
#define MAX_RECTS 32

typedef struct {
  double x0, y0, x1, y1;
} Rect;

typedef struct {
  Rect r[MAX_RECTS];
  int  n;
} RectSet;

typedef TlCoastPen Pen;

/* ---- helpers ----------------------------------------------------------- */

static gboolean
rect_is_empty (const Rect *r)
{
  return !(r->x1 > r->x0 && r->y1 > r->y0);
}

static Rect
rect_intersect (const Rect *a,
                const Rect *b)
{
  Rect r = { MAX (a->x0, b->x0), MAX (a->y0, b->y0), MIN (a->x1, b->x1), MIN (a->y1, b->y1) };

  return r;
}

static void
rect_set_add (RectSet    *set,
              const Rect *r)
{
  if (!rect_is_empty (r) && set->n < MAX_RECTS)
    set->r[set->n++] = *r;
}

/* @set minus @cut: each rectangle leaves at most four pieces around the
 * cut, top and bottom full width, left and right between them. */
static void
rect_set_subtract (RectSet    *set,
                   const Rect *cut)
{
  RectSet out = { .n = 0 };

  for (int i = 0; i < set->n; i++)
    {
      const Rect *a = &set->r[i];
      Rect in = rect_intersect (a, cut);

      if (rect_is_empty (&in))
        {
          rect_set_add (&out, a);
          continue;
        }
      rect_set_add (&out, &(Rect) { a->x0, a->y0, a->x1, in.y0 });
      rect_set_add (&out, &(Rect) { a->x0, in.y1, a->x1, a->y1 });
      rect_set_add (&out, &(Rect) { a->x0, in.y0, in.x0, in.y1 });
      rect_set_add (&out, &(Rect) { in.x1, in.y0, a->x1, in.y1 });
    }
  *set = out;
}

static Rect
box_to_user (const Pen   *p,
             const TlBox *box)
{
  Rect r = { box->minx * p->scale - p->ox, box->miny * p->scale - p->oy,
             box->maxx * p->scale - p->ox, box->maxy * p->scale - p->oy };

  return r;
}

/* A frame holds a few hundred runs at most: testing each box is cheaper
 * than walking the grid, which is tuned for 256 px tiles. */
static guint
add_runs (Pen              *p,
          const TlGeometry *geom,
          const TlRun      *runs,
          guint             n_runs,
          gboolean          rings)
{
  guint n_added = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      if (runs[i].n < 2 || !tl_box_intersects (&runs[i].box, &p->view))
        continue;
      if (rings)
        tl_coast_pen_add_ring (p, geom, &runs[i]);
      else
        tl_coast_pen_add_line (p, geom, &runs[i]);
      n_added++;
    }
  return n_added;
}

static void
set_color (cairo_t              *cr,
           const TlBasemapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
clip_to (cairo_t       *cr,
         const RectSet *set)
{
  for (int i = 0; i < set->n; i++)
    cairo_rectangle (cr, set->r[i].x0, set->r[i].y0,
                     set->r[i].x1 - set->r[i].x0, set->r[i].y1 - set->r[i].y0);
  cairo_clip (cr);
}

static void
draw_land (Pen                  *p,
           const TlGeometry     *geom,
           const RectSet        *area,
           const TlCoastlineView *view,
           const TlBasemapStyle *style)
{
  cairo_t *cr = p->cr;

  cairo_save (cr);
  clip_to (cr, area);

  /* Land is filled without an outline: its edges along the dataset's box
   * are cuts, not shoreline, and must not be drawn as such. */
  if (add_runs (p, geom, geom->rings, geom->n_rings, TRUE) > 0)
    {
      set_color (cr, &style->land);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_fill (cr);
    }
  if (add_runs (p, geom, geom->lines, geom->n_lines, FALSE) > 0)
    {
      set_color (cr, &style->coast);
      cairo_set_line_width (cr, style->coast_width * view->line_unit);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
draw_borders (Pen                   *p,
              const TlGeometry      *geom,
              const TlCoastlineView *view,
              const TlBasemapStyle  *style)
{
  cairo_t *cr = p->cr;
  double dashes[2] = { 4 * view->line_unit, 3 * view->line_unit };

  if (add_runs (p, geom, geom->lines, geom->n_lines, FALSE) == 0)
    return;

  cairo_save (cr);
  set_color (cr, &style->border);
  cairo_set_line_width (cr, style->border_width * view->line_unit);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The level whose simplification stays under a device pixel: levels are
 * made for 256 px tiles, 256 × 2^level device pixels per world unit. */
static int
level_for (const TlCoastlineView *view)
{
  double px_per_world = view->scale * MAX (view->detail, 1e-3);
  double level = ceil (log2 (px_per_world / 256.0));

  return (int) CLAMP (level, 0, TL_LEVEL_FULL);
}

/* ---- public API -------------------------------------------------------- */

/**
 * tl_coastline_draw_view:
 * @self: a model
 * @cr: where to draw
 * @view: the frame and the part of the world it shows
 * @style: (nullable): colours, or %NULL for the light style
 *
 * Draws sea, land, shoreline and (if asked) national borders into the
 * frame of @view as vector paths, clipped to the frame. Each dataset
 * draws inside its own box where no finer one covers the frame, as tiles
 * do, and the detail is chosen for @view's device resolution, so a
 * printed map is as sharp as the printer allows and no heavier.
 * Loads the model first if needed; missing data leaves plain sea.
 */
void
tl_coastline_draw_view (TlCoastline           *self,
                        cairo_t               *cr,
                        const TlCoastlineView *view,
                        const TlBasemapStyle  *style)
{
  Pen p = { cr };
  Rect frame;
  RectSet remaining = { .n = 0 };
  double margin;
  int level;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->scale > 0);

  if (style == NULL)
    style = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  tl_coastline_ensure_loaded (self, NULL);

  frame = (Rect) { view->x, view->y, view->x + view->width, view->y + view->height };
  level = level_for (view);
  p.scale = view->scale;
  p.ox = view->world_x * view->scale - view->x;
  p.oy = view->world_y * view->scale - view->y;
  p.x0 = frame.x0 - CLAMP_UNITS;
  p.y0 = frame.y0 - CLAMP_UNITS;
  p.x1 = frame.x1 + CLAMP_UNITS;
  p.y1 = frame.y1 + CLAMP_UNITS;
  /* Grown by the widest line so strokes just outside still show their
   * half that falls inside. */
  margin = 4 * view->line_unit / view->scale;
  p.view = (TlBox) { view->world_x - margin, view->world_y - margin,
                     view->world_x + view->width / view->scale + margin,
                     view->world_y + view->height / view->scale + margin };

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, view->x, view->y, view->width, view->height);
  cairo_clip (cr);
  set_color (cr, &style->sea);
  cairo_paint (cr);

  rect_set_add (&remaining, &frame);
  for (int i = TL_N_LAND_DATASETS - 1; view->land && i >= 0 && remaining.n > 0; i--)
    {
      const TlDataset *set = &self->land[i];
      const TlGeometry *geom = level >= set->min_zoom ? tl_dataset_get_level (set, level) : NULL;
      RectSet mine = { .n = 0 };
      Rect box;

      if (geom == NULL)
        continue;
      if (set->unbounded)
        {
          mine = remaining;
          remaining.n = 0;
        }
      else
        {
          box = box_to_user (&p, &set->box);
          for (int r = 0; r < remaining.n; r++)
            {
              Rect in = rect_intersect (&remaining.r[r], &box);
              rect_set_add (&mine, &in);
            }
          rect_set_subtract (&remaining, &box);
        }
      if (mine.n > 0)
        draw_land (&p, geom, &mine, view, style);
    }

  if (view->borders && level >= self->borders.min_zoom &&
      tl_dataset_get_level (&self->borders, level) != NULL)
    draw_borders (&p, tl_dataset_get_level (&self->borders, level), view, style);

  cairo_restore (cr);
}
