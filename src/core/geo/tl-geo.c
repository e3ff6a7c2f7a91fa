/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tl-geo.h"

/* helpers */

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

static double
degrees (double radians_)
{
  return radians_ * 180.0 / G_PI;
}

/* [-180, 180) */
static double
wrap_longitude (double lon)
{
  double wrapped = fmod (lon + 180.0, 360.0);

  if (wrapped < 0)
    wrapped += 360.0;
  return wrapped - 180.0;
}

static double
world_size (double zoom,
            double tile_size)
{
  return tile_size * exp2 (zoom);
}

/* A box as one or two non-wrapping longitude intervals. */
static guint
box_intervals (const TlGeoBox *box,
               double          intervals[2][2])
{
  if (box->west <= box->east)
    {
      intervals[0][0] = box->west;
      intervals[0][1] = box->east;
      return 1;
    }

  intervals[0][0] = box->west;
  intervals[0][1] = 180.0;
  intervals[1][0] = -180.0;
  intervals[1][1] = box->east;
  return 2;
}

/* public API */

/**
 * tl_geo_distance:
 * @lat1: latitude of the start, degrees
 * @lon1: longitude of the start, degrees
 * @lat2: latitude of the end, degrees
 * @lon2: longitude of the end, degrees
 *
 * Great-circle distance by the haversine formula on a sphere of radius
 * %TL_GEO_EARTH_RADIUS_M (IUGG mean radius, 6371.0088 km). Against the
 * WGS 84 ellipsoid the error is below 0.3 % in the Channel (0.5 % at
 * worst): fine for plotting and search areas, not for surveying. The
 * haversine form stays accurate for short distances, unlike the
 * spherical law of cosines.
 *
 * Returns: the distance in metres
 */
double
tl_geo_distance (double lat1,
                 double lon1,
                 double lat2,
                 double lon2)
{
  double phi1 = radians (lat1);
  double phi2 = radians (lat2);
  double dphi = radians (lat2 - lat1);
  double dlambda = radians (lon2 - lon1);
  double a = sin (dphi / 2) * sin (dphi / 2) +
             cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  /* a can creep past 1 by rounding for antipodal points */
  a = CLAMP (a, 0.0, 1.0);
  return 2.0 * TL_GEO_EARTH_RADIUS_M * asin (sqrt (a));
}

/**
 * tl_geo_bearing:
 * @lat1: latitude of the start, degrees
 * @lon1: longitude of the start, degrees
 * @lat2: latitude of the end, degrees
 * @lon2: longitude of the end, degrees
 *
 * The initial true bearing of the great circle from the start to the end
 * (on the same sphere as tl_geo_distance()). The bearing changes along a
 * great circle; over Channel distances the change is a fraction of a
 * degree. For identical points the result is 0.
 *
 * Returns: degrees clockwise from true north, in [0, 360)
 */
double
tl_geo_bearing (double lat1,
                double lon1,
                double lat2,
                double lon2)
{
  double phi1 = radians (lat1);
  double phi2 = radians (lat2);
  double dlambda = radians (lon2 - lon1);
  double y = sin (dlambda) * cos (phi2);
  double x = cos (phi1) * sin (phi2) - sin (phi1) * cos (phi2) * cos (dlambda);
  double bearing = fmod (degrees (atan2 (y, x)) + 360.0, 360.0);

  /* fmod can return 360 - epsilon rounded up to 360 */
  return bearing >= 360.0 ? 0.0 : bearing;
}

/**
 * tl_geo_destination:
 * @lat: latitude of the start, degrees
 * @lon: longitude of the start, degrees
 * @distance_m: distance to travel along the great circle, metres
 * @bearing_deg: initial true bearing, degrees
 * @out_lat: (out): latitude reached, degrees
 * @out_lon: (out): longitude reached, degrees, in [-180, 180)
 *
 * The point reached from a start by following a great circle (on the
 * same sphere as tl_geo_distance()): the inverse of distance and bearing.
 */
void
tl_geo_destination (double  lat,
                    double  lon,
                    double  distance_m,
                    double  bearing_deg,
                    double *out_lat,
                    double *out_lon)
{
  double phi1 = radians (lat);
  double lambda1 = radians (lon);
  double theta = radians (bearing_deg);
  double delta = distance_m / TL_GEO_EARTH_RADIUS_M;
  double sin_phi2 = sin (phi1) * cos (delta) + cos (phi1) * sin (delta) * cos (theta);
  double phi2 = asin (CLAMP (sin_phi2, -1.0, 1.0));
  double lambda2 = lambda1 + atan2 (sin (theta) * sin (delta) * cos (phi1),
                                    cos (delta) - sin (phi1) * sin_phi2);

  g_return_if_fail (out_lat != NULL && out_lon != NULL);

  *out_lat = degrees (phi2);
  *out_lon = wrap_longitude (degrees (lambda2));
}

/**
 * tl_geo_metres_to_nm:
 * @metres: a distance in metres
 *
 * Returns: the distance in international nautical miles (1852 m)
 */
double
tl_geo_metres_to_nm (double metres)
{
  return metres / TL_GEO_METRES_PER_NM;
}

/**
 * tl_geo_nm_to_metres:
 * @nm: a distance in nautical miles
 *
 * Returns: the distance in metres
 */
double
tl_geo_nm_to_metres (double nm)
{
  return nm * TL_GEO_METRES_PER_NM;
}

/**
 * tl_geo_metres_to_km:
 * @metres: a distance in metres
 *
 * Returns: the distance in kilometres
 */
double
tl_geo_metres_to_km (double metres)
{
  return metres / 1000.0;
}

/**
 * tl_geo_km_to_metres:
 * @km: a distance in kilometres
 *
 * Returns: the distance in metres
 */
double
tl_geo_km_to_metres (double km)
{
  return km * 1000.0;
}

/**
 * tl_geo_lon_to_x:
 * @lon: longitude, degrees
 * @zoom: zoom level; may be fractional
 * @tile_size: tile size in pixels, usually 256
 *
 * Web Mercator (EPSG:3857) x in pixels from the world's west edge at
 * @zoom, as libshumate and OpenStreetMap tiles use.
 *
 * Returns: x in pixels, from 0 (180° W) to the world width (180° E)
 */
double
tl_geo_lon_to_x (double lon,
                 double zoom,
                 double tile_size)
{
  return (lon + 180.0) / 360.0 * world_size (zoom, tile_size);
}

/**
 * tl_geo_lat_to_y:
 * @lat: latitude, degrees; clamped to ±%TL_GEO_MERCATOR_MAX_LAT
 * @zoom: zoom level; may be fractional
 * @tile_size: tile size in pixels, usually 256
 *
 * Web Mercator y in pixels from the world's north edge at @zoom.
 *
 * Returns: y in pixels, 0 at 85.05° N, growing southwards
 */
double
tl_geo_lat_to_y (double lat,
                 double zoom,
                 double tile_size)
{
  double phi = radians (CLAMP (lat, -TL_GEO_MERCATOR_MAX_LAT, TL_GEO_MERCATOR_MAX_LAT));
  double merc = log (tan (G_PI / 4.0 + phi / 2.0));

  return (1.0 - merc / G_PI) / 2.0 * world_size (zoom, tile_size);
}

/**
 * tl_geo_x_to_lon:
 * @x: pixels from the world's west edge
 * @zoom: zoom level; may be fractional
 * @tile_size: tile size in pixels
 *
 * The inverse of tl_geo_lon_to_x(). @x outside the world is not wrapped,
 * so panning past the antimeridian gives longitudes beyond ±180°.
 *
 * Returns: longitude in degrees
 */
double
tl_geo_x_to_lon (double x,
                 double zoom,
                 double tile_size)
{
  return x / world_size (zoom, tile_size) * 360.0 - 180.0;
}

/**
 * tl_geo_y_to_lat:
 * @y: pixels from the world's north edge
 * @zoom: zoom level; may be fractional
 * @tile_size: tile size in pixels
 *
 * The inverse of tl_geo_lat_to_y(), clamped to the Web Mercator world.
 *
 * Returns: latitude in degrees, within ±%TL_GEO_MERCATOR_MAX_LAT
 */
double
tl_geo_y_to_lat (double y,
                 double zoom,
                 double tile_size)
{
  double merc = G_PI * (1.0 - 2.0 * y / world_size (zoom, tile_size));
  double lat = degrees (atan (sinh (merc)));

  return CLAMP (lat, -TL_GEO_MERCATOR_MAX_LAT, TL_GEO_MERCATOR_MAX_LAT);
}

/**
 * tl_geo_metres_per_pixel:
 * @lat: latitude, degrees
 * @zoom: zoom level; may be fractional
 * @tile_size: tile size in pixels
 *
 * Ground distance covered by one pixel at @lat, on the Web Mercator
 * sphere (radius %TL_GEO_MERCATOR_RADIUS_M, as the tiles are drawn).
 *
 * Returns: metres per pixel
 */
double
tl_geo_metres_per_pixel (double lat,
                         double zoom,
                         double tile_size)
{
  double phi = radians (CLAMP (lat, -TL_GEO_MERCATOR_MAX_LAT, TL_GEO_MERCATOR_MAX_LAT));

  return 2.0 * G_PI * TL_GEO_MERCATOR_RADIUS_M * cos (phi) / world_size (zoom, tile_size);
}

/**
 * tl_geo_box_contains:
 * @box: a box
 * @lat: latitude, degrees
 * @lon: longitude, degrees, in [-180, 180]
 *
 * Edges are inside. A box with west > east crosses the antimeridian.
 *
 * Returns: %TRUE if the point is in @box
 */
gboolean
tl_geo_box_contains (const TlGeoBox *box,
                     double          lat,
                     double          lon)
{
  double intervals[2][2];
  guint n;

  g_return_val_if_fail (box != NULL, FALSE);

  if (lat < box->south || lat > box->north)
    return FALSE;

  n = box_intervals (box, intervals);
  for (guint i = 0; i < n; i++)
    if (lon >= intervals[i][0] && lon <= intervals[i][1])
      return TRUE;
  return FALSE;
}

/**
 * tl_geo_box_intersects:
 * @a: a box
 * @b: another box
 *
 * Boxes that only touch along an edge intersect. Either box may cross
 * the antimeridian (west > east).
 *
 * Returns: %TRUE if @a and @b overlap
 */
gboolean
tl_geo_box_intersects (const TlGeoBox *a,
                       const TlGeoBox *b)
{
  double ia[2][2], ib[2][2];
  guint na, nb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->south > b->north || b->south > a->north)
    return FALSE;

  na = box_intervals (a, ia);
  nb = box_intervals (b, ib);
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      if (ia[i][0] <= ib[j][1] && ib[j][0] <= ia[i][1])
        return TRUE;
  return FALSE;
}

/**
 * tl_geo_scale_bar:
 * @metres_per_pixel: map resolution where the bar is drawn, see
 *   tl_geo_metres_per_pixel()
 * @max_width_px: the widest the bar may be
 * @unit: nautical miles or kilometres
 * @out_length: (out): the bar's length in @unit: 1, 2 or 5 × 10ⁿ
 *   (0.5 km, 2 NM, 10 km, ...)
 * @out_width_px: (out): the bar's width in pixels, at most @max_width_px
 *
 * Chooses the longest round length that fits in @max_width_px.
 *
 * Returns: %FALSE if the arguments are not positive finite numbers
 */
gboolean
tl_geo_scale_bar (double          metres_per_pixel,
                  double          max_width_px,
                  TlGeoScaleUnit  unit,
                  double         *out_length,
                  double         *out_width_px)
{
  static const double steps[] = { 5, 2, 1 };
  double unit_m = unit == TL_GEO_SCALE_UNIT_NM ? TL_GEO_METRES_PER_NM : 1000.0;
  double max_length, power;

  g_return_val_if_fail (out_length != NULL && out_width_px != NULL, FALSE);

  if (!(metres_per_pixel > 0) || !(max_width_px > 0) ||
      !isfinite (metres_per_pixel) || !isfinite (max_width_px))
    return FALSE;

  max_length = metres_per_pixel * max_width_px / unit_m;
  power = pow (10.0, floor (log10 (max_length)));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* the tolerance keeps 200 px for exactly 2 NM from becoming 1 NM */
      if (steps[i] * power <= max_length * (1.0 + 1e-9))
        {
          *out_length = steps[i] * power;
          *out_width_px = MIN (*out_length * unit_m / metres_per_pixel, max_width_px);
          return TRUE;
        }
    }

  /* log10 rounding put power one decade too high */
  *out_length = 5 * power / 10.0;
  *out_width_px = *out_length * unit_m / metres_per_pixel;
  return TRUE;
}
