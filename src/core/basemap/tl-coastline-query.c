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

/**
 * tl_coastline_get_shore:
 * @self: a loaded model (tl_coastline_ensure_loaded())
 * @box: where to take the shore from
 *
 * The true shoreline inside @box, at full resolution, from the most
 * detailed dataset covering the box's centre: edges where a dataset's
 * box cuts the land are left out. Lines drawn from the coast (an
 * equidistant line, 12 NM offsets) are derived from these points.
 *
 * Returns: (transfer full) (element-type double): latitude, longitude
 *   pairs in degrees, in no particular order
 */
GArray *
tl_coastline_get_shore (TlCoastline    *self,
                        const TlGeoBox *box)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  TlBox world;
  double cx, cy;

  g_return_val_if_fail (self != NULL, out);
  g_return_val_if_fail (box != NULL, out);

  tl_coastline_project (box->west, box->north, &world.minx, &world.miny);
  tl_coastline_project (box->east, box->south, &world.maxx, &world.maxy);
  cx = (world.minx + world.maxx) / 2;
  cy = (world.miny + world.maxy) / 2;

  for (int i = TL_N_LAND_DATASETS - 1; i >= 0; i--)
    {
      const TlDataset *set = &self->land[i];
      const TlGeometry *geom = set->levels[TL_LEVEL_FULL];

      if (geom == NULL)
        continue;
      if (!set->unbounded &&
          (cx < set->box.minx || cx > set->box.maxx || cy < set->box.miny || cy > set->box.maxy))
        continue;

      for (guint l = 0; l < geom->n_lines; l++)
        {
          const TlRun *line = &geom->lines[l];

          if (!tl_box_intersects (&line->box, &world))
            continue;
          for (guint k = 0; k < line->n; k++)
            {
              double x = geom->pts[2 * (line->start + k)];
              double y = geom->pts[2 * (line->start + k) + 1];
              double pair[2];

              if (x < world.minx || x > world.maxx || y < world.miny || y > world.maxy)
                continue;
              /* The inverse of tl_coastline_project(). */
              pair[0] = atan (sinh (G_PI * (1 - 2 * y))) * 180.0 / G_PI;
              pair[1] = x * 360.0 - 180.0;
              g_array_append_vals (out, pair, 2);
            }
        }
      break;
    }

  return out;
}
