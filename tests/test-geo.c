/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tl-geo.h"

/* Reference values were computed outside this code base, with Python 3's
 * math module and the textbook formulas (haversine and initial bearing as
 * given in Sinnott, "Virtues of the Haversine", Sky & Telescope 68:2,
 * 1984, and on movable-type.co.uk/scripts/latlong.html), R = 6371008.8 m.
 * For comparison, Vincenty's inverse formula on the WGS 84 ellipsoid gives
 * 41 102.9 m for Dover–Calais: haversine is 0.27 % short there. */

static void
test_distance (void)
{
  /* Dover (51.1200, 1.3300) to Calais (50.9650, 1.8620): 40 992.97 m */
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (51.1200, 1.3300, 50.9650, 1.8620), 40992.97, 0.05);
  /* symmetric */
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (50.9650, 1.8620, 51.1200, 1.3300), 40992.97, 0.05);
  /* Portsmouth (50.80, -1.10) to Cherbourg (49.65, -1.62): 133 116.70 m */
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (50.80, -1.10, 49.65, -1.62), 133116.70, 0.05);
  /* one degree of longitude on the equator, and of latitude anywhere:
   * 2πR / 360 = 111 195.080 m */
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (0, 0, 0, 1), 111195.080, 0.001);
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (0, 0, 1, 0), 111195.080, 0.001);
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (50, 1, 51, 1), 111195.080, 0.001);
  /* one degree of longitude at 60° N is half that */
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (60, 0, 60, 1), 111195.080 / 2, 10);
  /* antipodes: half the circumference, πR = 20 015 114.44 m */
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (0, 0, 0, 180), 20015114.44, 0.01);
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (90, 0, -90, 0), 20015114.44, 0.01);
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (51.12, 1.33, -51.12, -178.67), 20015114.44, 0.01);
  /* same point; across the antimeridian */
  g_assert_cmpfloat (tl_geo_distance (51.12, 1.33, 51.12, 1.33), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (tl_geo_distance (0, 179.5, 0, -179.5), 111195.080, 0.001);
}

static void
test_bearing (void)
{
  /* Dover to Calais 114.6555°, back 295.0692° (the great circle bends) */
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (51.1200, 1.3300, 50.9650, 1.8620), 114.6555, 0.0001);
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (50.9650, 1.8620, 51.1200, 1.3300), 295.0692, 0.0001);
  /* Portsmouth to Cherbourg 196.3348° */
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (50.80, -1.10, 49.65, -1.62), 196.3348, 0.0001);
  /* cardinal directions */
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (50, 1, 51, 1), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (51, 1, 50, 1), 180, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (0, 0, 0, 1), 90, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (0, 1, 0, 0), 270, 1e-9);
  /* due east off the equator starts north of east */
  g_assert_cmpfloat (tl_geo_bearing (50, 0, 50, 1), <, 90);
  g_assert_cmpfloat (tl_geo_bearing (50, 0, 50, 1), >, 89);
  /* across the antimeridian: east, not west */
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (0, 179.5, 0, -179.5), 90, 1e-9);
  /* from the north pole everything is south; the bearing is measured
   * from the start's meridian (0°), so 1° E is 179° */
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (90, 0, 50, 0), 180, 1e-6);
  g_assert_cmpfloat_with_epsilon (tl_geo_bearing (90, 0, 50, 1), 179, 1e-6);
  /* near-antipodal: still a bearing in range */
  {
    double b = tl_geo_bearing (0, 0, 0.0001, 179.9999);
    g_assert_cmpfloat (b, >=, 0);
    g_assert_cmpfloat (b, <, 360);
  }
  /* identical points */
  g_assert_cmpfloat (tl_geo_bearing (51, 1, 51, 1), ==, 0);
  /* never 360 */
  g_assert_cmpfloat (tl_geo_bearing (50, 1, 51, 1 - 1e-15), <, 360);
}

static void
test_destination (void)
{
  static const double starts[][2] = { { 51.12, 1.33 }, { 0, 0 }, { -33.9, 151.2 }, { 50.965, 1.862 } };
  static const double bearings[] = { 0, 45, 90, 135, 180, 225, 270, 315, 359.9 };
  static const double distances[] = { 1, 1852, 40000, 500000 };
  double lat, lon;

  /* 1° of latitude north of the equator */
  tl_geo_destination (0, 0, 111195.0802, 0, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 1.0, 1e-7);
  g_assert_cmpfloat_with_epsilon (lon, 0.0, 1e-9);
  /* 1° of longitude east along the equator */
  tl_geo_destination (0, 0, 111195.0802, 90, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 1.0, 1e-7);
  /* wraps across the antimeridian */
  tl_geo_destination (0, 179.5, 111195.0802, 90, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lon, -179.5, 1e-7);

  /* destination is the inverse of distance and bearing */
  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    for (guint b = 0; b < G_N_ELEMENTS (bearings); b++)
      for (guint d = 0; d < G_N_ELEMENTS (distances); d++)
        {
          double bearing;

          tl_geo_destination (starts[s][0], starts[s][1], distances[d], bearings[b], &lat, &lon);
          g_assert_cmpfloat_with_epsilon (tl_geo_distance (starts[s][0], starts[s][1], lat, lon),
                                          distances[d], 1e-6 * distances[d] + 1e-6);
          bearing = tl_geo_bearing (starts[s][0], starts[s][1], lat, lon);
          if (bearing - bearings[b] > 180)
            bearing -= 360;
          g_assert_cmpfloat_with_epsilon (bearing, bearings[b], 1e-5);
        }
}

static void
test_units (void)
{
  g_assert_cmpfloat (tl_geo_metres_to_nm (1852), ==, 1.0);
  g_assert_cmpfloat (tl_geo_nm_to_metres (2.5), ==, 4630.0);
  g_assert_cmpfloat_with_epsilon (tl_geo_metres_to_km (40992.97), 40.99297, 1e-12);
  g_assert_cmpfloat (tl_geo_km_to_metres (1.5), ==, 1500.0);
  /* Dover–Calais is 22.13 NM */
  g_assert_cmpfloat_with_epsilon (tl_geo_metres_to_nm (tl_geo_distance (51.12, 1.33, 50.965, 1.862)),
                                  22.1344, 0.0001);
}

static void
test_mercator (void)
{
  const double tile = 256;

  /* corners and centre of the world */
  g_assert_cmpfloat_with_epsilon (tl_geo_lon_to_x (-180, 0, tile), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_lon_to_x (180, 0, tile), 256, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_lon_to_x (0, 1, tile), 256, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_lat_to_y (0, 0, tile), 128, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_lat_to_y (TL_GEO_MERCATOR_MAX_LAT, 0, tile), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (tl_geo_lat_to_y (-TL_GEO_MERCATOR_MAX_LAT, 0, tile), 256, 1e-6);
  /* clamped beyond the Mercator limit */
  g_assert_cmpfloat_with_epsilon (tl_geo_lat_to_y (89.9, 0, tile), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (tl_geo_lat_to_y (-90, 3, tile), 2048, 1e-5);
  g_assert_cmpfloat_with_epsilon (tl_geo_y_to_lat (-100, 0, tile), TL_GEO_MERCATOR_MAX_LAT, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_geo_y_to_lat (1000, 0, tile), -TL_GEO_MERCATOR_MAX_LAT, 1e-9);

  /* Calais at zoom 10 is in OSM tile 517/342 (the "Slippy map tilenames"
   * formula, computed in Python): pixel 132427.867, 87800.400 */
  g_assert_cmpfloat_with_epsilon (tl_geo_lon_to_x (1.862, 10, tile), 132427.867, 0.001);
  g_assert_cmpfloat_with_epsilon (tl_geo_lat_to_y (50.965, 10, tile), 87800.400, 0.001);
  g_assert_cmpint ((int) (tl_geo_lon_to_x (1.862, 10, tile) / tile), ==, 517);
  g_assert_cmpint ((int) (tl_geo_lat_to_y (50.965, 10, tile) / tile), ==, 342);

  /* round trips at fractional zooms and other tile sizes */
  for (double zoom = 0; zoom <= 19; zoom += 0.75)
    for (double lat = -85; lat <= 85; lat += 8.5)
      {
        double lon = lat * 2.1;
        double x = tl_geo_lon_to_x (lon, zoom, 512);
        double y = tl_geo_lat_to_y (lat, zoom, 512);

        g_assert_cmpfloat_with_epsilon (tl_geo_x_to_lon (x, zoom, 512), lon, 1e-9);
        g_assert_cmpfloat_with_epsilon (tl_geo_y_to_lat (y, zoom, 512), lat, 1e-9);
      }

  /* ground resolution: 156 543.034 m/px at zoom 0 on the equator,
   * 96.207 m/px at 51° N zoom 10 */
  g_assert_cmpfloat_with_epsilon (tl_geo_metres_per_pixel (0, 0, tile), 156543.034, 0.001);
  g_assert_cmpfloat_with_epsilon (tl_geo_metres_per_pixel (51, 10, tile), 96.207, 0.001);
}

static void
test_box (void)
{
  const TlGeoBox channel = { .west = -5.0, .south = 48.5, .east = 2.5, .north = 51.5 };
  const TlGeoBox strait = { .west = 1.0, .south = 50.7, .east = 2.0, .north = 51.3 };
  const TlGeoBox north_sea = { .west = 2.5, .south = 51.5, .east = 8.0, .north = 58.0 };
  const TlGeoBox biscay = { .west = -10.0, .south = 43.0, .east = -1.0, .north = 48.0 };
  const TlGeoBox pacific = { .west = 170.0, .south = -20.0, .east = -170.0, .north = 0.0 };
  const TlGeoBox fiji = { .west = 177.0, .south = -19.0, .east = 179.0, .north = -16.0 };
  const TlGeoBox samoa = { .west = -173.0, .south = -15.0, .east = -171.0, .north = -13.0 };
  const TlGeoBox atlantic = { .west = -40.0, .south = -20.0, .east = -10.0, .north = 0.0 };

  g_assert_true (tl_geo_box_contains (&channel, 50.965, 1.862));
  g_assert_true (tl_geo_box_contains (&channel, 48.5, -5.0));     /* corner */
  g_assert_false (tl_geo_box_contains (&channel, 52.0, 1.862));
  g_assert_false (tl_geo_box_contains (&channel, 50.0, 3.0));
  g_assert_true (tl_geo_box_contains (&pacific, -10, 175));
  g_assert_true (tl_geo_box_contains (&pacific, -10, -175));
  g_assert_true (tl_geo_box_contains (&pacific, -10, 180));
  g_assert_false (tl_geo_box_contains (&pacific, -10, 0));

  g_assert_true (tl_geo_box_intersects (&channel, &strait));
  g_assert_true (tl_geo_box_intersects (&strait, &channel));
  g_assert_true (tl_geo_box_intersects (&channel, &north_sea));  /* touching corner */
  g_assert_false (tl_geo_box_intersects (&channel, &biscay));
  g_assert_false (tl_geo_box_intersects (&strait, &north_sea));
  g_assert_true (tl_geo_box_intersects (&pacific, &fiji));
  g_assert_true (tl_geo_box_intersects (&samoa, &pacific));
  g_assert_false (tl_geo_box_intersects (&pacific, &atlantic));
  g_assert_false (tl_geo_box_intersects (&fiji, &samoa));
}

typedef struct {
  double         metres_per_pixel;
  double         max_width;
  TlGeoScaleUnit unit;
  double         length;
  double         width;
} ScaleCase;

static void
test_scale_bar (void)
{
  static const ScaleCase cases[] = {
    /* 100 m/px, 150 px = 15 km / 8.1 NM at most */
    { 100, 150, TL_GEO_SCALE_UNIT_KM, 10, 100 },
    { 100, 150, TL_GEO_SCALE_UNIT_NM, 5, 92.6 },
    /* exactly 2 NM fits in 200 px at 18.52 m/px */
    { 18.52, 200, TL_GEO_SCALE_UNIT_NM, 2, 200 },
    /* 1.8 m/px, 120 px = 216 m: 0.2 km, 0.1 NM */
    { 1.8, 120, TL_GEO_SCALE_UNIT_KM, 0.2, 111.111 },
    { 1.8, 120, TL_GEO_SCALE_UNIT_NM, 0.1, 102.889 },
    /* zoomed out: 10 km/px, 100 px = 1000 km, 540 NM */
    { 10000, 100, TL_GEO_SCALE_UNIT_KM, 1000, 100 },
    { 10000, 100, TL_GEO_SCALE_UNIT_NM, 500, 92.6 },
    /* 96.207 m/px (51° N, zoom 10), 200 px: 19.2 km, 10.4 NM */
    { 96.207, 200, TL_GEO_SCALE_UNIT_KM, 10, 103.943 },
    { 96.207, 200, TL_GEO_SCALE_UNIT_NM, 10, 192.502 },
  };
  double length, width;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ScaleCase *c = &cases[i];

      g_test_message ("scale bar %g m/px, %g px, %s", c->metres_per_pixel, c->max_width,
                      c->unit == TL_GEO_SCALE_UNIT_NM ? "NM" : "km");
      g_assert_true (tl_geo_scale_bar (c->metres_per_pixel, c->max_width, c->unit, &length, &width));
      g_assert_cmpfloat_with_epsilon (length, c->length, 1e-9 * c->length);
      g_assert_cmpfloat_with_epsilon (width, c->width, 0.001);
      g_assert_cmpfloat (width, <=, c->max_width);
    }

  /* every choice is 1, 2 or 5 × 10ⁿ and more than 40 % of the space */
  for (double mpp = 0.01; mpp < 1e5; mpp *= 1.37)
    {
      double mantissa;

      g_assert_true (tl_geo_scale_bar (mpp, 150, TL_GEO_SCALE_UNIT_KM, &length, &width));
      mantissa = length / pow (10, floor (log10 (length) + 1e-12));
      g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
      g_assert_cmpfloat (width, <=, 150);
      g_assert_cmpfloat (width, >, 150 * 0.4);
    }

  g_assert_false (tl_geo_scale_bar (0, 100, TL_GEO_SCALE_UNIT_KM, &length, &width));
  g_assert_false (tl_geo_scale_bar (10, -1, TL_GEO_SCALE_UNIT_KM, &length, &width));
  g_assert_false (tl_geo_scale_bar (NAN, 100, TL_GEO_SCALE_UNIT_NM, &length, &width));
  g_assert_false (tl_geo_scale_bar (INFINITY, 100, TL_GEO_SCALE_UNIT_NM, &length, &width));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/distance", test_distance);
  g_test_add_func ("/geo/bearing", test_bearing);
  g_test_add_func ("/geo/destination", test_destination);
  g_test_add_func ("/geo/units", test_units);
  g_test_add_func ("/geo/mercator", test_mercator);
  g_test_add_func ("/geo/box", test_box);
  g_test_add_func ("/geo/scale-bar", test_scale_bar);

  return g_test_run ();
}
