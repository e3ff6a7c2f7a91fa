/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-sea-private.h"

/* Plane geometry for the lines: sides, insides and distances to edges. */

static inline double
plane_x (double longitude)
{
  return longitude * cos (TL_SEA_PLANE_LAT * G_PI / 180.0);
}

/**
 * tl_sea_fast_distance:
 *
 * The distance between two positions a few tens of miles apart, on the
 * sphere of tl_geo_distance() with the longitudes scaled at their mean
 * latitude: within 0.1 % of the great circle at that range, and cheap
 * enough to ask of every shore point near a report.
 *
 * Returns: metres
 */
double
tl_sea_fast_distance (double lat1,
                      double lon1,
                      double lat2,
                      double lon2)
{
  double dy = lat2 - lat1;
  double dx = (lon2 - lon1) * cos ((lat1 + lat2) / 2 * G_PI / 180.0);

  return sqrt (dx * dx + dy * dy) * TL_SEA_M_PER_DEG;
}

/**
 * tl_sea_polyline_offset:
 * @points: latitude, longitude pairs of an open polyline
 *
 * How far a position lies from the polyline, signed by side: positive on
 * the left of its direction of travel. The first and last segments go on
 * as straight lines, so every position has a side.
 *
 * Returns: metres, positive on the left
 */
double
tl_sea_polyline_offset (const GArray *points,
                        double        latitude,
                        double        longitude)
{
  const double *p = (const double *) points->data;
  guint n = points->len / 2;
  double px = plane_x (longitude), py = latitude;
  double best = G_MAXDOUBLE, best_signed = 0;

  g_return_val_if_fail (n >= 2, 0);

  for (guint i = 0; i + 1 < n; i++)
    {
      double ax = plane_x (p[2 * i + 1]), ay = p[2 * i];
      double bx = plane_x (p[2 * i + 3]), by = p[2 * i + 2];
      double dx = bx - ax, dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      double cx, cy, dist, cross;

      /* The end segments reach on for ever; inner ones stop at their ends. */
      if (i > 0)
        t = MAX (t, 0);
      if (i + 2 < n)
        t = MIN (t, 1);
      cx = ax + t * dx;
      cy = ay + t * dy;
      dist = hypot (px - cx, py - cy);
      if (dist < best)
        {
          cross = dx * (py - ay) - dy * (px - ax);
          best = dist;
          /* At a vertex the side is the one of the segment nearer in
           * direction; ties go to the left, which is rare and harmless. */
          best_signed = cross >= 0 ? dist : -dist;
        }
    }

  return best_signed * TL_SEA_M_PER_DEG;
}

/* Even-odd crossing test in the plane. */
gboolean
tl_sea_ring_contains (const GArray *points,
                      double        latitude,
                      double        longitude)
{
  const double *p = (const double *) points->data;
  guint n = points->len / 2;
  double x = plane_x (longitude), y = latitude;
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = plane_x (p[2 * i + 1]), yi = p[2 * i];
      double xj = plane_x (p[2 * j + 1]), yj = p[2 * j];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/**
 * tl_sea_ring_edge_distance:
 *
 * Returns: metres from the position to the nearest edge of the ring
 */
double
tl_sea_ring_edge_distance (const GArray *points,
                           double        latitude,
                           double        longitude)
{
  const double *p = (const double *) points->data;
  guint n = points->len / 2;
  double px = plane_x (longitude), py = latitude;
  double best = G_MAXDOUBLE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double ax = plane_x (p[2 * j + 1]), ay = p[2 * j];
      double bx = plane_x (p[2 * i + 1]), by = p[2 * i];
      double dx = bx - ax, dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;

      best = MIN (best, hypot (px - (ax + t * dx), py - (ay + t * dy)));
    }
  return best * TL_SEA_M_PER_DEG;
}
