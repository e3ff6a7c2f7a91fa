/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-coastline-pen.h"

static inline void
pen_move_to (TlCoastPen   *p,
             const double *w)
{
  p->last_x = w[0] * p->scale - p->ox;
  p->last_y = w[1] * p->scale - p->oy;
  cairo_move_to (p->cr, CLAMP (p->last_x, p->x0, p->x1),
                 CLAMP (p->last_y, p->y0, p->y1));
}

/* Clamping both ends of a segment would move the part of it inside the
 * clamp rectangle, so the segment is first cut where it crosses the
 * rectangle's lines: each piece then lies in one of the nine regions
 * around the rectangle, and clamping moves it onto the border without
 * changing what shows inside. */
static inline void
pen_line_to (TlCoastPen   *p,
             const double *w)
{
  double x = w[0] * p->scale - p->ox;
  double y = w[1] * p->scale - p->oy;
  double x0 = p->last_x, y0 = p->last_y;
  double ts[4], dx, dy;
  int n = 0;

  p->last_x = x;
  p->last_y = y;

  if (G_LIKELY (x >= p->x0 && x <= p->x1 && y >= p->y0 && y <= p->y1 &&
                x0 >= p->x0 && x0 <= p->x1 && y0 >= p->y0 && y0 <= p->y1))
    {
      cairo_line_to (p->cr, x, y);
      return;
    }

  dx = x - x0;
  dy = y - y0;
  for (int i = 0; i < 2; i++)
    {
      double lx = i == 0 ? p->x0 : p->x1;
      double ly = i == 0 ? p->y0 : p->y1;

      if (dx != 0 && (lx - x0) / dx > 0 && (lx - x0) / dx < 1)
        ts[n++] = (lx - x0) / dx;
      if (dy != 0 && (ly - y0) / dy > 0 && (ly - y0) / dy < 1)
        ts[n++] = (ly - y0) / dy;
    }
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && ts[j] < ts[j - 1]; j--)
      {
        double t = ts[j];

        ts[j] = ts[j - 1];
        ts[j - 1] = t;
      }
  for (int i = 0; i < n; i++)
    cairo_line_to (p->cr, CLAMP (x0 + ts[i] * dx, p->x0, p->x1),
                   CLAMP (y0 + ts[i] * dy, p->y0, p->y1));
  cairo_line_to (p->cr, CLAMP (x, p->x0, p->x1), CLAMP (y, p->y0, p->y1));
}

/* A chunk of a ring wholly outside the view becomes the chord between
 * its ends: the chunk's box misses the view, so the chord does too and
 * the winding number inside the view is unchanged. A ring of Great
 * Britain then costs a few hundred segments on a map of Calais. */
void
tl_coast_pen_add_ring (TlCoastPen       *p,
                       const TlGeometry *geom,
          const TlRun      *run)
{
  const double *pts = geom->pts + 2 * run->start;
  const TlBox *chunks = geom->chunks + run->chunk_start;
  guint n_chunks = (run->n - 1 + TL_CHUNK - 1) / TL_CHUNK;

  pen_move_to (p, pts);
  for (guint c = 0; c < n_chunks; c++)
    {
      guint s = c * TL_CHUNK;
      guint e = MIN (s + TL_CHUNK, run->n - 1);

      if (tl_box_intersects (&chunks[c], &p->view))
        for (guint i = s + 1; i <= e; i++)
          pen_line_to (p, pts + 2 * i);
      else
        pen_line_to (p, pts + 2 * e);
    }
  cairo_close_path (p->cr);
}

/* Strokes need only what shows: chunks outside the view lift the pen. */
void
tl_coast_pen_add_line (TlCoastPen       *p,
          const TlGeometry *geom,
          const TlRun      *run)
{
  const double *pts = geom->pts + 2 * run->start;
  const TlBox *chunks = geom->chunks + run->chunk_start;
  guint n_chunks = (run->n - 1 + TL_CHUNK - 1) / TL_CHUNK;
  gboolean pen_down = FALSE;

  for (guint c = 0; c < n_chunks; c++)
    {
      guint s = c * TL_CHUNK;
      guint e = MIN (s + TL_CHUNK, run->n - 1);

      if (!tl_box_intersects (&chunks[c], &p->view))
        {
          pen_down = FALSE;
          continue;
        }
      if (!pen_down)
        pen_move_to (p, pts + 2 * s);
      pen_down = TRUE;
      for (guint i = s + 1; i <= e; i++)
        pen_line_to (p, pts + 2 * i);
    }
}
