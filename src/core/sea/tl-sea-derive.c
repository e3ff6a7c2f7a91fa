/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-geo.h"
#include "tl-sea-private.h"

/* Lines derived from the shipped coastline: the median line, equidistant
 * from the two coasts, and the 12 NM limits. Legal limits are drawn from
 * baselines (low-water lines, closing lines across bays and river mouths)
 * that GSHHG does not have, so these are approximations, and their labels
 * say so. */

/* A line down the middle of the Channel, south-west to north-east: it
 * tells the two coasts apart, and the median line is searched across it. */
static const double guide[][2] = {
  { 50.12, -1.10 },
  { 50.38,  0.30 },
  { 50.76,  1.05 },
  { 50.99,  1.45 },
  { 51.20,  1.90 },
  { 51.32,  2.40 },
};
/* France's coast ends at the Belgian border, on the shore east of Bray-Dunes. */
#define BELGIAN_BORDER_LON 2.545
/* The median line stops short of the Belgian tripoint. */
#define MEDIAN_NORTH       51.35
/* Shore points closer than this to the previous one add nothing. */
#define SHORE_SPACING_M    150.0
/* The median line is looked for this far either side of the guide. */
#define SEARCH_M           70000.0
#define SAMPLE_M           2500.0
/* Steps of the search for a crossing, before it is refined. */
#define STEP_M             4000.0

static const double plane_cos = 0.630; /* cos (TL_SEA_PLANE_LAT) */

/* helpers */

static void
guide_array (GArray *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (guide); i++)
    g_array_append_vals (out, guide[i], 2);
}

/* Moves @metres from a position along a direction given in the plane. */
static void
plane_step (double  lat,
            double  lon,
            double  ux,
            double  uy,
            double  metres,
            double *out_lat,
            double *out_lon)
{
  *out_lat = lat + uy * metres / TL_SEA_M_PER_DEG;
  *out_lon = lon + ux * metres / TL_SEA_M_PER_DEG / plane_cos;
}

static double
shore_gap (TlSea  *self,
           double  lat,
           double  lon)
{
  return tl_shore_grid_nearest (&self->uk_shore, lat, lon, G_MAXDOUBLE) -
         tl_shore_grid_nearest (&self->fr_shore, lat, lon, G_MAXDOUBLE);
}

/* A function of the distance along a ray. */
typedef double (*AlongFunc) (TlSea *self, double t, gpointer data);

typedef struct {
  double lat, lon, ux, uy;
  const TlShoreGrid *grid;   /* for a limit: the coast it is drawn from */
} Ray;

static void
ray_at (const Ray *ray,
        double     t,
        double    *lat,
        double    *lon)
{
  plane_step (ray->lat, ray->lon, ray->ux, ray->uy, t, lat, lon);
}

static double
gap_along (TlSea   *self,
           double   t,
           gpointer data)
{
  double lat, lon;

  ray_at (data, t, &lat, &lon);
  return shore_gap (self, lat, lon);
}

static double
limit_along (TlSea   *self,
             double   t,
             gpointer data)
{
  const Ray *ray = data;
  double lat, lon;

  ray_at (ray, t, &lat, &lon);
  return tl_shore_grid_nearest (ray->grid, lat, lon, G_MAXDOUBLE) -
         tl_geo_nm_to_metres (TL_SEA_TERRITORIAL_NM);
}

static double
bisect (TlSea     *self,
        AlongFunc  f,
        gpointer   data,
        double     a,
        double     b)
{
  double fa = f (self, a, data);

  for (int i = 0; i < 40 && fabs (b - a) > 1.0; i++)
    {
      double m = (a + b) / 2, fm = f (self, m, data);

      if ((fm < 0) == (fa < 0))
        {
          a = m;
          fa = fm;
        }
      else
        b = m;
    }
  return (a + b) / 2;
}

/* The first sign change of @f from @from towards @to in steps of @step,
 * refined; FALSE if there is none. */
static gboolean
find_crossing (TlSea     *self,
               AlongFunc  f,
               gpointer   data,
               double     from,
               double     to,
               double     step,
               double    *out_t)
{
  double dir = to > from ? 1 : -1;
  double prev = f (self, from, data);

  for (double t = from + dir * step; dir * (t - to) <= 0; t += dir * step)
    {
      double v = f (self, t, data);

      if ((v < 0) != (prev < 0))
        {
          *out_t = bisect (self, f, data, t - dir * step, t);
          return TRUE;
        }
      prev = v;
    }
  return FALSE;
}

/* internal API */

void
tl_shore_grid_init (TlShoreGrid  *grid,
                    const GArray *points)
{
  const double *p = (const double *) points->data;
  guint n = points->len / 2;
  g_autofree guint *fill = NULL;

  grid->west = TL_SEA_WEST - 1.0;
  grid->south = TL_SEA_SOUTH - 0.5;
  grid->cell = 0.05;
  grid->nx = (int) ceil ((TL_SEA_EAST + 1.0 - grid->west) / grid->cell);
  grid->ny = (int) ceil ((TL_SEA_NORTH + 0.5 - grid->south) / grid->cell);
  grid->starts = g_new0 (guint, grid->nx * grid->ny + 1);
  grid->pts = g_new (double, 2 * MAX (n, 1));
  grid->n = 0;
  fill = g_new0 (guint, grid->nx * grid->ny);

  /* Counting sort by cell; points off the grid are dropped. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          int cx = (int) floor ((p[2 * i + 1] - grid->west) / grid->cell);
          int cy = (int) floor ((p[2 * i] - grid->south) / grid->cell);
          guint c, k;

          if (cx < 0 || cy < 0 || cx >= grid->nx || cy >= grid->ny)
            continue;
          c = cy * grid->nx + cx;
          if (pass == 0)
            {
              grid->starts[c + 1]++;
              continue;
            }
          k = grid->starts[c] + fill[c]++;
          grid->pts[2 * k] = p[2 * i];
          grid->pts[2 * k + 1] = p[2 * i + 1];
        }
      if (pass == 0)
        for (int k = 0; k < grid->nx * grid->ny; k++)
          grid->starts[k + 1] += grid->starts[k];
    }
  grid->n = grid->starts[grid->nx * grid->ny];
}

void
tl_shore_grid_clear (TlShoreGrid *grid)
{
  g_clear_pointer (&grid->starts, g_free);
  g_clear_pointer (&grid->pts, g_free);
  grid->n = 0;
}

/**
 * tl_shore_grid_nearest:
 * @max_m: stop looking beyond this distance
 *
 * Returns: metres to the nearest shore point, or G_MAXDOUBLE if none is
 *   within @max_m
 */
double
tl_shore_grid_nearest (const TlShoreGrid *grid,
                       double             latitude,
                       double             longitude,
                       double             max_m)
{
  int cx = (int) floor ((longitude - grid->west) / grid->cell);
  int cy = (int) floor ((latitude - grid->south) / grid->cell);
  /* The narrowest side of a cell, in metres: a cell k rings away is at
   * least (k - 1) of these from the position. */
  double side_m = grid->cell * TL_SEA_M_PER_DEG * cos ((TL_SEA_NORTH + 0.5) * G_PI / 180.0);
  int max_ring = MAX (grid->nx, grid->ny);
  /* Longitudes scaled at the position's latitude: within 0.5 % for the
   * shore a few tens of miles away, and no cosine per point. */
  double kx = cos (latitude * G_PI / 180.0);
  double best2 = G_MAXDOUBLE, best;

  if (grid->n == 0)
    return G_MAXDOUBLE;

  for (int k = 0; k <= max_ring; k++)
    {
      double reach = (k - 1) * side_m / TL_SEA_M_PER_DEG;

      if (reach > 0 && (reach * reach > best2 || reach * TL_SEA_M_PER_DEG > max_m))
        break;
      for (int y = cy - k; y <= cy + k; y++)
        {
          if (y < 0 || y >= grid->ny)
            continue;
          for (int x = cx - k; x <= cx + k; x += (y == cy - k || y == cy + k) ? 1 : 2 * k)
            {
              guint c;

              if (x >= 0 && x < grid->nx)
                {
                  c = y * grid->nx + x;
                  for (guint i = grid->starts[c]; i < grid->starts[c + 1]; i++)
                    {
                      double dy = grid->pts[2 * i] - latitude;
                      double dx = (grid->pts[2 * i + 1] - longitude) * kx;

                      best2 = MIN (best2, dx * dx + dy * dy);
                    }
                }
              if (k == 0)
                break;
            }
        }
    }

  if (best2 == G_MAXDOUBLE)
    return G_MAXDOUBLE;
  best = sqrt (best2) * TL_SEA_M_PER_DEG;
  return best <= max_m ? best : G_MAXDOUBLE;
}

/**
 * tl_sea_split_shore:
 * @shore: latitude, longitude pairs of the shore around the Strait
 * @uk: (out): the English coast's points
 * @fr: (out): the French coast's points
 * @be: (out): the Belgian coast's points, where the median line ends
 *
 * Tells the coasts apart by the side of the guide line they lie on, and
 * France from Belgium by the border on the beach. Points closer than SHORE_SPACING_M to
 * the last kept one are dropped.
 */
void
tl_sea_split_shore (const GArray *shore,
                    GArray       *uk,
                    GArray       *fr,
                    GArray       *be)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (double));
  const double *p = (const double *) shore->data;
  double last[3][2] = { { 1000, 1000 }, { 1000, 1000 }, { 1000, 1000 } };
  GArray *outs[3] = { uk, fr, be };

  guide_array (line);
  for (guint i = 0; i + 1 < shore->len; i += 2)
    {
      double lat = p[i], lon = p[i + 1];
      gboolean is_uk = tl_sea_polyline_offset (line, lat, lon) > 0;
      int s = is_uk ? 0 : lon > BELGIAN_BORDER_LON ? 2 : 1;

      if (tl_sea_fast_distance (lat, lon, last[s][0], last[s][1]) < SHORE_SPACING_M)
        continue;
      last[s][0] = lat;
      last[s][1] = lon;
      g_array_append_vals (outs[s], p + i, 2);
    }
}

/**
 * tl_sea_derive_lines:
 *
 * Adds the median line and the two 12 NM limits to @self's paths, from its
 * shore grids. Across the guide line every SAMPLE_M, the median point is
 * where the two coasts are equally far; from it, each limit is where its
 * coast is 12 NM away along the same cross line, or the median point
 * itself where the coasts are closer than 24 NM apart.
 */
void
tl_sea_derive_lines (TlSea *self)
{
  TlSeaPath *median = tl_sea_path_new (TL_SEA_LINE_MEDIAN, FALSE);
  TlSeaPath *limits[2] = {
    tl_sea_path_new (TL_SEA_LINE_TERRITORIAL, FALSE),
    tl_sea_path_new (TL_SEA_LINE_TERRITORIAL, FALSE),
  };
  double limit_m = tl_geo_nm_to_metres (TL_SEA_TERRITORIAL_NM);

  limits[0]->country = TL_SEA_SIDE_UK;
  limits[1]->country = TL_SEA_SIDE_FRENCH;

  for (guint g = 0; g + 1 < G_N_ELEMENTS (guide); g++)
    {
      double ax = guide[g][1] * plane_cos, ay = guide[g][0];
      double bx = guide[g + 1][1] * plane_cos, by = guide[g + 1][0];
      double len_m = hypot (bx - ax, by - ay) * TL_SEA_M_PER_DEG;
      double ux = (bx - ax) / hypot (bx - ax, by - ay), uy = (by - ay) / hypot (bx - ax, by - ay);
      gboolean last = g + 2 == G_N_ELEMENTS (guide);

      for (double s = 0; s < len_m || (last && s <= len_m); s += SAMPLE_M)
        {
          Ray ray = { 0 };
          double t, mlat, mlon;

          plane_step (guide[g][0], guide[g][1], ux, uy, s, &ray.lat, &ray.lon);
          /* The normal to the left points at England. */
          ray.ux = -uy;
          ray.uy = ux;
          if (!find_crossing (self, gap_along, &ray, 0, SEARCH_M, STEP_M, &t) &&
              !find_crossing (self, gap_along, &ray, 0, -SEARCH_M, STEP_M, &t))
            continue;
          ray_at (&ray, t, &mlat, &mlon);
          /* Off Dunkirk the line nears the Belgian tripoint; past it, or
           * where Belgium is nearer than France, it would divide other
           * waters. */
          if (mlat > MEDIAN_NORTH ||
              tl_shore_grid_nearest (&self->be_shore, mlat, mlon, G_MAXDOUBLE) <
              tl_shore_grid_nearest (&self->fr_shore, mlat, mlon, G_MAXDOUBLE))
            continue;
          g_array_append_vals (median->points, (double[]) { mlat, mlon }, 2);

          for (int c = 0; c < 2; c++)
            {
              Ray limit = ray;
              double lat = mlat, lon = mlon, u;

              limit.lat = mlat;
              limit.lon = mlon;
              limit.grid = c == 0 ? &self->uk_shore : &self->fr_shore;
              if (c == 1)
                {
                  limit.ux = -limit.ux;
                  limit.uy = -limit.uy;
                }
              /* Where the coasts are closer than 24 NM, the limit is the
               * median line; where the cross line never comes within 12 NM
               * of the coast, the limit has no point on it. */
              if (tl_shore_grid_nearest (limit.grid, mlat, mlon, G_MAXDOUBLE) > limit_m)
                {
                  if (!find_crossing (self, limit_along, &limit, 0, SEARCH_M, STEP_M, &u))
                    continue;
                  ray_at (&limit, u, &lat, &lon);
                  /* At the north-east end the cross line runs past North
                   * Foreland into the Thames: that coast is not the Strait's. */
                  if (lat > MEDIAN_NORTH + 0.1)
                    continue;
                }
              g_array_append_vals (limits[c]->points, (double[]) { lat, lon }, 2);
            }
        }
    }

  g_ptr_array_add (self->paths, median);
  g_ptr_array_add (self->paths, limits[0]);
  g_ptr_array_add (self->paths, limits[1]);
  self->median = median;
}
