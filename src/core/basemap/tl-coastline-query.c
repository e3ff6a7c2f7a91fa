/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-coastline-private.h"

/* Questions about places rather than pictures: is this point land? Used
 * by report validation to warn about a position typed wrong. */

/* Even-odd crossing test of one ring: the number of its edges a ray from
 * (x, y) towards +x crosses. Lakes are rings inside rings, so counting
 * over every ring of the cell gives land with its lakes cut out. */
static gboolean
ring_crosses (const TlGeometry *geom,
              const TlRun      *ring,
              double            x,
              double            y)
{
  const double *pts = geom->pts + 2 * ring->start;
  gboolean inside = FALSE;

  for (guint i = 0, j = ring->n - 1; i < ring->n; j = i++)
    {
      double xi = pts[2 * i], yi = pts[2 * i + 1];
      double xj = pts[2 * j], yj = pts[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }

  return inside;
}

static gboolean
geometry_contains (const TlGeometry *geom,
                   double            x,
                   double            y)
{
  const TlGrid *grid = &geom->ring_grid;
  gboolean inside = FALSE;
  int cx, cy;
  guint c;

  if (x < grid->box.minx || x > grid->box.maxx || y < grid->box.miny || y > grid->box.maxy)
    return FALSE;

  cx = tl_grid_cell (x, grid->box.minx, grid->box.maxx, grid->nx);
  cy = tl_grid_cell (y, grid->box.miny, grid->box.maxy, grid->ny);
  c = cy * grid->nx + cx;

  for (guint k = grid->cells[c]; k < grid->cells[c + 1]; k++)
    {
      const TlRun *ring = &geom->rings[grid->items[k]];

      if (x < ring->box.minx || x > ring->box.maxx || y < ring->box.miny || y > ring->box.maxy)
        continue;
      if (ring_crosses (geom, ring, x, y))
        inside = !inside;
    }

  return inside;
}

/**
 * tl_coastline_is_land:
 * @self: a loaded model (tl_coastline_ensure_loaded())
 * @latitude: degrees north
 * @longitude: degrees east
 *
 * Answers from the most detailed dataset covering the point, at full
 * resolution: the Channel's own coastline where it has one.
 *
 * Returns: %TRUE if the point is on land
 */
gboolean
tl_coastline_is_land (TlCoastline *self,
                      double       latitude,
                      double       longitude)
{
  double x, y;

  g_return_val_if_fail (self != NULL, FALSE);

  tl_coastline_project (longitude, latitude, &x, &y);

  for (int i = TL_N_LAND_DATASETS - 1; i >= 0; i--)
    {
      const TlDataset *set = &self->land[i];
      const TlGeometry *geom = set->levels[TL_LEVEL_FULL];

      if (geom == NULL)
        continue;
      if (!set->unbounded &&
          (x < set->box.minx || x > set->box.maxx || y < set->box.miny || y > set->box.maxy))
        continue;
      return geometry_contains (geom, x, y);
    }

  return FALSE;
}
