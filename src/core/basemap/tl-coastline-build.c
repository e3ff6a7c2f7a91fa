/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Turning full-resolution rings into the simplified, chunked and indexed
 * geometry tiles are drawn from, once per level of detail. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tl-coastline-private.h"

/* Cells per side of a dataset's grid: at 64 a cell of the Channel box is
 * about the size of a zoom 11 tile, enough to skip most rings. */
#define GRID_CELLS 64

static double
segment_distance2 (const double *p,
                   const double *a,
                   const double *b)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0.0, 1.0);
  ex = a[0] + t * dx - p[0];
  ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/* Douglas-Peucker between vertices @first and @last (indices may run past
 * the end of a ring: they are taken modulo n), marking kept ones. */
static void
douglas_peucker (const SrcRun *run,
                 guint         first,
                 guint         last,
                 double        tol2,
                 guint8       *keep,
                 GArray       *stack)
{
  g_array_set_size (stack, 0);
  g_array_append_val (stack, first);
  g_array_append_val (stack, last);

  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      const double *pa = &run->pts[2 * (a % run->n)];
      const double *pb = &run->pts[2 * (b % run->n)];
      double best = -1;
      guint best_i = a;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double d = segment_distance2 (&run->pts[2 * (i % run->n)], pa, pb);
          if (d > best)
            {
              best = d;
              best_i = i;
            }
        }
      if (best > tol2)
        {
          keep[best_i % run->n] = TRUE;
          g_array_append_val (stack, a);
          g_array_append_val (stack, best_i);
          g_array_append_val (stack, best_i);
          g_array_append_val (stack, b);
        }
    }
}

typedef struct {
  GArray *pts;    /* double */
  GArray *chunks; /* TlBox */
  GArray *rings;  /* TlRun */
  GArray *lines;  /* TlRun */
} Builder;

/* Appends the vertices @idx[0 .. n) of @src (modulo its length) as a run. */
static void
builder_add_run (Builder      *b,
                 GArray       *runs,
                 const SrcRun *src,
                 const guint  *idx,
                 guint         n)
{
  TlRun run = { b->pts->len / 2, n, b->chunks->len, { 0 } };

  tl_box_init (&run.box);
  for (guint i = 0; i < n; i++)
    {
      const double *p = &src->pts[2 * (idx[i] % src->n)];

      g_array_append_vals (b->pts, p, 2);
      tl_box_add (&run.box, p[0], p[1]);
    }
  for (guint c = 0; c * TL_CHUNK + 1 < n; c++)
    {
      guint end = MIN ((c + 1) * TL_CHUNK, n - 1);
      TlBox box;

      tl_box_init (&box);
      for (guint i = c * TL_CHUNK; i <= end; i++)
        tl_box_add (&box, src->pts[2 * (idx[i] % src->n)], src->pts[2 * (idx[i] % src->n) + 1]);
      g_array_append_val (b->chunks, box);
    }
  g_array_append_val (runs, run);
}

static void
simplify_run (Builder      *b,
              const SrcRun *src,
              double        tol,
              GArray       *stack,
              GArray       *idx)
{
  g_autofree guint8 *keep = g_new0 (guint8, src->n);
  guint n_segments = src->closed ? src->n : src->n - 1;
  guint anchor = 0;
  gboolean has_break = FALSE;
  guint n_kept;

  /* Anything smaller than a pixel is not worth a path of its own. */
  if (tol > 0 && src->box.maxx - src->box.minx < 2 * tol && src->box.maxy - src->box.miny < 2 * tol)
    return;

  /* Vertices where shoreline meets box edge are kept at every level, so
   * fill and stroke agree and box edges stay exactly on the box. */
  for (guint i = 1; i < n_segments; i++)
    if (src->coast[i] != src->coast[i - 1])
      {
        keep[i] = TRUE;
        if (!has_break)
          anchor = i;
        has_break = TRUE;
      }
  if (src->closed && src->coast[0] != src->coast[n_segments - 1])
    {
      keep[0] = TRUE;
      anchor = 0;
      has_break = TRUE;
    }
  keep[anchor] = TRUE;

  if (!src->closed)
    {
      /* Lines are simplified from end to end whatever they cross. */
      anchor = 0;
      keep[0] = keep[src->n - 1] = TRUE;
    }
  else if (!has_break)
    {
      /* A whole island: split it at the vertex farthest from the anchor so
       * each half is an open line for the simplifier. */
      double best = -1;
      for (guint i = 1; i < src->n; i++)
        {
          double dx = src->pts[2 * i] - src->pts[0], dy = src->pts[2 * i + 1] - src->pts[1];
          if (dx * dx + dy * dy > best)
            {
              best = dx * dx + dy * dy;
              anchor = i;
            }
        }
      keep[anchor] = TRUE;
      keep[0] = TRUE;
      anchor = 0;
    }

  if (tol <= 0)
    memset (keep, TRUE, src->n);
  else
    {
      guint last = anchor, end = src->closed ? anchor + src->n : src->n - 1;

      for (guint i = anchor + 1; i <= end; i++)
        if (keep[i % src->n])
          {
            /* Box edges are straight: only their corners matter, and
             * moving them by a tolerance would open a gap at the box. */
            gboolean coast = src->coast[last % src->n];
            douglas_peucker (src, last, i, coast ? tol * tol : 1e-24, keep, stack);
            last = i;
          }
    }

  g_array_set_size (idx, 0);
  for (guint i = anchor; i < anchor + src->n; i++)
    if (keep[i % src->n])
      g_array_append_val (idx, i);
  n_kept = idx->len;
  if (n_kept < (src->closed ? 3u : 2u))
    return;

  if (!src->closed)
    {
      builder_add_run (b, b->lines, src, (guint *) idx->data, n_kept);
      return;
    }

  /* Rings repeat their first vertex so the closing segment belongs to a
   * chunk like any other. */
  g_array_append_val (idx, anchor);
  builder_add_run (b, b->rings, src, (guint *) idx->data, n_kept + 1);

  /* Strokes follow the shoreline only, never the box edge. */
  for (guint i = 0; i < n_kept;)
    {
      guint j = i;

      if (!src->coast[g_array_index (idx, guint, i) % src->n])
        {
          i++;
          continue;
        }
      while (j < n_kept && src->coast[g_array_index (idx, guint, j) % src->n])
        j++;
      builder_add_run (b, b->lines, src, &g_array_index (idx, guint, i), j - i + 1);
      i = j;
    }
}

/* ---- indexing ---------------------------------------------------------- */

static void
grid_build (TlGrid      *grid,
            const TlBox *box,
            const TlRun *runs,
            guint        n_runs)
{
  g_autofree guint *fill = NULL;
  guint n_cells = GRID_CELLS * GRID_CELLS;

  grid->box = *box;
  grid->nx = grid->ny = GRID_CELLS;
  grid->cells = g_new0 (guint, n_cells + 1);

  /* Two passes: count, then place, so the items are one flat array. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint r = 0; r < n_runs; r++)
        {
          int x0 = tl_grid_cell (runs[r].box.minx, box->minx, box->maxx, grid->nx);
          int x1 = tl_grid_cell (runs[r].box.maxx, box->minx, box->maxx, grid->nx);
          int y0 = tl_grid_cell (runs[r].box.miny, box->miny, box->maxy, grid->ny);
          int y1 = tl_grid_cell (runs[r].box.maxy, box->miny, box->maxy, grid->ny);

          for (int cy = y0; cy <= y1; cy++)
            for (int cx = x0; cx <= x1; cx++)
              {
                guint c = cy * grid->nx + cx;
                if (pass == 0)
                  grid->cells[c + 1]++;
                else
                  grid->items[fill[c]++] = r;
              }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < n_cells; c++)
            grid->cells[c + 1] += grid->cells[c];
          grid->items = g_new (guint, MAX (grid->cells[n_cells], 1));
          fill = g_memdup2 (grid->cells, sizeof (guint) * n_cells);
        }
    }
}

TlGeometry *
tl_geometry_build (GPtrArray   *src,
                const TlBox *box,
                double       tol)
{
  Builder b = {
    g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (TlBox)),
    g_array_new (FALSE, FALSE, sizeof (TlRun)),
    g_array_new (FALSE, FALSE, sizeof (TlRun)),
  };
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) idx = g_array_new (FALSE, FALSE, sizeof (guint));
  TlGeometry *geom = g_new0 (TlGeometry, 1);

  for (guint i = 0; i < src->len; i++)
    simplify_run (&b, g_ptr_array_index (src, i), tol, stack, idx);

  geom->n_rings = b.rings->len;
  geom->n_lines = b.lines->len;
  geom->pts = (double *) g_array_free (b.pts, FALSE);
  geom->chunks = (TlBox *) g_array_free (b.chunks, FALSE);
  geom->rings = (TlRun *) g_array_free (b.rings, FALSE);
  geom->lines = (TlRun *) g_array_free (b.lines, FALSE);
  grid_build (&geom->ring_grid, box, geom->rings, geom->n_rings);
  grid_build (&geom->line_grid, box, geom->lines, geom->n_lines);
  return geom;
}

void
tl_geometry_free (TlGeometry *geom)
{
  g_free (geom->pts);
  g_free (geom->chunks);
  g_free (geom->rings);
  g_free (geom->lines);
  g_free (geom->ring_grid.cells);
  g_free (geom->ring_grid.items);
  g_free (geom->line_grid.cells);
  g_free (geom->line_grid.items);
  g_free (geom);
}

guint
tl_geometry_n_points (const TlGeometry *geom)
{
  guint n = 0;

  for (guint i = 0; i < geom->n_rings; i++)
    n += geom->rings[i].n;
  for (guint i = 0; i < geom->n_lines; i++)
    n += geom->lines[i].n;
  return n;
}

