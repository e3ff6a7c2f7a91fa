/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lines in the Strait: side, waters and lane of positions on each side
 * of each line and on it; dead reckoning against great-circle values
 * worked out by hand. */

#include "config.h"

#include <math.h>

#include "tl-event.h"
#include "tl-geo.h"
#include "tl-sea.h"

static TlSea *
sea (void)
{
  TlSea *sea = tl_sea_get_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_sea_ensure_loaded (sea, &error));
  g_assert_no_error (error);
  return sea;
}

static const TlSeaPath *
find_path (TlSeaLineKind kind,
           TlSeaSide     country)
{
  GPtrArray *paths = tl_sea_get_paths (sea ());

  for (guint i = 0; i < paths->len; i++)
    {
      const TlSeaPath *path = g_ptr_array_index (paths, i);

      if (path->kind == kind && (kind != TL_SEA_LINE_TERRITORIAL || path->country == country))
        return path;
    }
  g_assert_not_reached ();
}

static void
test_paths (void)
{
  GPtrArray *paths = tl_sea_get_paths (sea ());
  guint counts[TL_SEA_N_LINES] = { 0 };

  for (guint i = 0; i < paths->len; i++)
    {
      const TlSeaPath *path = g_ptr_array_index (paths, i);

      counts[path->kind]++;
      g_assert_cmpuint (path->points->len, >=, 6);
    }
  g_assert_cmpuint (counts[TL_SEA_LINE_SRR], ==, 1);
  g_assert_cmpuint (counts[TL_SEA_LINE_MEDIAN], ==, 1);
  g_assert_cmpuint (counts[TL_SEA_LINE_TERRITORIAL], ==, 2);
  g_assert_cmpuint (counts[TL_SEA_LINE_TSS], ==, 3);

  /* Every label says how far to trust the line. */
  for (int k = 0; k < TL_SEA_N_LINES; k++)
    {
      g_assert_true (tl_sea_line_is_approximate (k));
      g_assert_nonnull (strstr (tl_sea_line_get_label (k), "approximate"));
    }
  g_assert_nonnull (strstr (tl_sea_line_get_label (TL_SEA_LINE_MEDIAN), "equidistant from the shipped coastline"));
}

/* The median line runs between Dover and Cap Gris-Nez: at the narrows it
 * is equally far from both. */
static void
test_median_equidistant (void)
{
  const TlSeaPath *median = find_path (TL_SEA_LINE_MEDIAN, 0);
  gboolean in_narrows = FALSE;

  for (guint i = 0; i < median->points->len; i += 2)
    {
      double lat = g_array_index (median->points, double, i);
      double lon = g_array_index (median->points, double, i + 1);
      /* Dover (Langdon Bay) and Cap Gris-Nez, on the shipped coastline. */
      double to_dover = tl_geo_distance (lat, lon, 51.127, 1.345);
      double to_gris_nez = tl_geo_distance (lat, lon, 50.871, 1.583);

      if (lon > 1.40 && lon < 1.50)
        {
          in_narrows = TRUE;
          g_assert_cmpfloat (fabs (to_dover - to_gris_nez), <, 2500);
        }
    }
  g_assert_true (in_narrows);
}

static void
test_side (void)
{
  /* The middle of a segment of the shipped boundary, (1.355, 50.949) to
   * (1.481, 51.001): on it, and 220 m north and south of it. */
  g_assert_cmpint (tl_sea_get_side (sea (), 50.975, 1.418), ==, TL_SEA_SIDE_BOUNDARY);
  g_assert_cmpint (tl_sea_get_side (sea (), 50.977, 1.418), ==, TL_SEA_SIDE_UK);
  g_assert_cmpint (tl_sea_get_side (sea (), 50.973, 1.418), ==, TL_SEA_SIDE_FRENCH);
  /* Off Folkestone and off Boulogne. */
  g_assert_cmpint (tl_sea_get_side (sea (), 51.03, 1.25), ==, TL_SEA_SIDE_UK);
  g_assert_cmpint (tl_sea_get_side (sea (), 50.75, 1.50), ==, TL_SEA_SIDE_FRENCH);
  /* Off Brest the lines say nothing. */
  g_assert_cmpint (tl_sea_get_side (sea (), 48.4, -5.0), ==, TL_SEA_SIDE_UNKNOWN);
}

static void
test_waters (void)
{
  const TlSeaPath *median = find_path (TL_SEA_LINE_MEDIAN, 0);
  const TlSeaPath *uk = find_path (TL_SEA_LINE_TERRITORIAL, TL_SEA_SIDE_UK);
  gboolean tested_limit = FALSE, tested_median = FALSE;

  g_assert_cmpint (tl_sea_get_waters (sea (), 51.05, 1.25), ==, TL_SEA_WATERS_UK);
  g_assert_cmpint (tl_sea_get_waters (sea (), 50.80, 1.55), ==, TL_SEA_WATERS_FRENCH);
  /* South of Beachy Head, 25 NM from either coast. */
  g_assert_cmpint (tl_sea_get_waters (sea (), 50.30, 0.20), ==, TL_SEA_WATERS_INTERNATIONAL);
  g_assert_cmpint (tl_sea_get_waters (sea (), 48.4, -5.0), ==, TL_SEA_WATERS_UNKNOWN);

  /* On the median line in the narrows both territorial seas meet; just
   * off it, each side is its coast's. */
  for (guint i = 0; i < median->points->len && !tested_median; i += 2)
    {
      double lat = g_array_index (median->points, double, i);
      double lon = g_array_index (median->points, double, i + 1);

      if (lon < 1.40 || lon > 1.50)
        continue;
      g_assert_cmpint (tl_sea_get_waters (sea (), lat, lon), ==, TL_SEA_WATERS_MEDIAN);
      g_assert_cmpint (tl_sea_get_waters (sea (), lat + 0.003, lon - 0.003), ==, TL_SEA_WATERS_UK);
      g_assert_cmpint (tl_sea_get_waters (sea (), lat - 0.003, lon + 0.003), ==, TL_SEA_WATERS_FRENCH);
      tested_median = TRUE;
    }

  /* On the UK limit south of Sussex, where the coast runs east-west: on
   * it is inside, 550 m seaward is out, 550 m landward is in. */
  for (guint i = 0; i < uk->points->len && !tested_limit; i += 2)
    {
      double lat = g_array_index (uk->points, double, i);
      double lon = g_array_index (uk->points, double, i + 1);

      if (lon < -0.30 || lon > 0.10 || fabs (tl_sea_median_offset (sea (), lat, lon)) < 1000)
        continue;
      g_assert_cmpint (tl_sea_get_waters (sea (), lat, lon), ==, TL_SEA_WATERS_UK);
      g_assert_cmpint (tl_sea_get_waters (sea (), lat - 0.005, lon), ==, TL_SEA_WATERS_INTERNATIONAL);
      g_assert_cmpint (tl_sea_get_waters (sea (), lat + 0.005, lon), ==, TL_SEA_WATERS_UK);
      tested_limit = TRUE;
    }
  g_assert_true (tested_median);
  g_assert_true (tested_limit);
}

static void
test_lane (void)
{
  /* Inside each part, at the narrows. */
  g_assert_cmpint (tl_sea_get_lane (sea (), 51.0206, 1.3714), ==, TL_SEA_LANE_SOUTH_WEST);
  g_assert_cmpint (tl_sea_get_lane (sea (), 50.985, 1.415), ==, TL_SEA_LANE_SEPARATION);
  g_assert_cmpint (tl_sea_get_lane (sea (), 50.9495, 1.4587), ==, TL_SEA_LANE_NORTH_EAST);
  /* On the line between the south-west lane and the separation zone:
   * the separation line belongs to the zone. */
  g_assert_cmpint (tl_sea_get_lane (sea (), 50.89905, 1.20935), ==, TL_SEA_LANE_SEPARATION);
  /* On the lane's outer edge, and 550 m outside it. */
  g_assert_cmpint (tl_sea_get_lane (sea (), 50.9568, 1.13785), ==, TL_SEA_LANE_SOUTH_WEST);
  g_assert_cmpint (tl_sea_get_lane (sea (), 50.9618, 1.13785), ==, TL_SEA_LANE_NONE);
  /* Dover's approaches and the French inshore zone. */
  g_assert_cmpint (tl_sea_get_lane (sea (), 51.10, 1.33), ==, TL_SEA_LANE_NONE);
  g_assert_cmpint (tl_sea_get_lane (sea (), 50.88, 1.55), ==, TL_SEA_LANE_NONE);
}

static void
test_describe (void)
{
  TlSeaZone zone;
  g_autofree char *text = NULL;

  tl_sea_classify (sea (), 51.0206, 1.3714, &zone);
  g_assert_cmpint (zone.side, ==, TL_SEA_SIDE_UK);
  g_assert_cmpint (zone.waters, ==, TL_SEA_WATERS_UK);
  g_assert_cmpint (zone.lane, ==, TL_SEA_LANE_SOUTH_WEST);
  text = tl_sea_zone_describe (&zone);
  g_assert_cmpstr (text, ==, "UK SRR · UK territorial sea · in the south-west lane");
}

/* Worked by hand on the sphere of radius R = 6371008.8 m:
 *   δ = d / R; φ2 = asin (sin φ1 cos δ + cos φ1 sin δ cos θ);
 *   λ2 = λ1 + atan2 (sin θ sin δ cos φ1, cos δ − sin φ1 sin φ2).
 * From 50.80°N 1.20°E at 045° and 6 kn. */
static void
test_reckon (void)
{
  const double expected[3][2] = {
    { 50.8353181, 1.2559439 },  /* +30 min, 3 NM */
    { 50.8706094, 1.3119725 },  /* +60 min, 6 NM */
    { 50.9411114, 1.4242846 },  /* +120 min, 12 NM */
  };
  TlSeaMotion motion = { 45, 6 };
  TlSeaEstimate est;
  double lat, lon;

  tl_sea_estimate (sea (), 50.80, 1.20, 1000, &motion, &est);
  for (int i = 0; i < TL_SEA_N_STEPS; i++)
    {
      g_assert_cmpfloat_with_epsilon (est.step_latitude[i], expected[i][0], 1e-6);
      g_assert_cmpfloat_with_epsilon (est.step_longitude[i], expected[i][1], 1e-6);
    }

  /* Due north, 6 NM in an hour is 11112 / R rad = 0.0999325° of latitude. */
  motion = (TlSeaMotion) { 0, 6 };
  tl_sea_reckon (50.0, 1.0, &motion, 60, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 50.0999325, 1e-6);
  g_assert_cmpfloat_with_epsilon (lon, 1.0, 1e-9);
}

static void
test_motion_from_fixes (void)
{
  TlSeaMotion motion;

  /* 0.0999325° north in an hour: 6 kn on 000°. */
  g_assert_true (tl_sea_motion_from_fixes (50.0, 1.0, 0, 50.0999325, 1.0, 3600, &motion));
  g_assert_cmpfloat_with_epsilon (motion.speed, 6.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (fmod (motion.course + 360, 360), 0.0, 1e-6);
  /* Fixes out of order give nothing. */
  g_assert_false (tl_sea_motion_from_fixes (50.0, 1.0, 3600, 50.1, 1.0, 0, &motion));
}

/* A boat off Cap Gris-Nez heading north-west crosses the north-east lane,
 * the separation zone and the median line, then the south-west lane. */
static void
test_times_to_lines (void)
{
  TlSeaMotion motion = { 315, 6 };
  TlSeaEstimate est;
  double lat, lon;
  double t_ne, t_sep, t_sw, t_med;

  tl_sea_estimate (sea (), 50.88, 1.52, 0, &motion, &est);
  t_ne = est.minutes_to_lane[TL_SEA_LANE_NORTH_EAST];
  t_sep = est.minutes_to_lane[TL_SEA_LANE_SEPARATION];
  t_sw = est.minutes_to_lane[TL_SEA_LANE_SOUTH_WEST];
  t_med = est.minutes_to_median;
  g_assert_cmpfloat (t_ne, >, 0);
  g_assert_cmpfloat (t_sep, >, t_ne);
  g_assert_cmpfloat (t_sw, >, t_sep);
  g_assert_cmpfloat (t_med, >, 0);

  /* Each time is the first of its line: two seconds before, the boat is
   * not yet in the lane; a minute either side of the median time (within
   * TL_SEA_ON_LINE_M counts as on it), it is on either side. */
  tl_sea_reckon (est.latitude, est.longitude, &motion, t_ne, &lat, &lon);
  g_assert_cmpint (tl_sea_get_lane (sea (), lat, lon), ==, TL_SEA_LANE_NORTH_EAST);
  tl_sea_reckon (est.latitude, est.longitude, &motion, t_ne - 1.0 / 30, &lat, &lon);
  g_assert_cmpint (tl_sea_get_lane (sea (), lat, lon), ==, TL_SEA_LANE_NONE);
  tl_sea_reckon (est.latitude, est.longitude, &motion, t_med - 1.0, &lat, &lon);
  g_assert_cmpfloat (tl_sea_median_offset (sea (), lat, lon), <, 0);
  tl_sea_reckon (est.latitude, est.longitude, &motion, t_med + 1.0, &lat, &lon);
  g_assert_cmpfloat (tl_sea_median_offset (sea (), lat, lon), >, 0);

  /* Heading back to France it never reaches the median line. */
  motion.course = 135;
  tl_sea_estimate (sea (), 50.88, 1.52, 0, &motion, &est);
  g_assert_cmpfloat (est.minutes_to_median, ==, -1);
  /* A boat in a lane is there now. */
  tl_sea_estimate (sea (), 50.985, 1.415, 0, &motion, &est);
  g_assert_cmpfloat (est.minutes_to_lane[TL_SEA_LANE_SEPARATION], ==, 0);
}

static TlEvent *
event_at (double lat,
          double lon,
          gint64 time,
          int    people)
{
  TlEvent *event = tl_event_new (TL_EVENT_KIND_SIGHTING);

  tl_event_set_position (event, lat, lon);
  tl_event_set_time (event, time);
  tl_event_set_people (event, people);
  return event;
}

static void
test_estimate_from_events (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  TlSeaEstimate est;

  g_assert_false (tl_sea_estimate_from_events (sea (), events, &est));
  /* Given out of order: the last two by time are used. */
  g_ptr_array_add (events, event_at (50.0999325, 1.0, 7200, 40));
  g_ptr_array_add (events, event_at (49.9, 1.0, 0, 40));
  g_ptr_array_add (events, event_at (50.0, 1.0, 3600, 40));
  g_assert_true (tl_sea_estimate_from_events (sea (), events, &est));
  g_assert_cmpint (est.time, ==, 7200);
  g_assert_cmpfloat_with_epsilon (est.motion.speed, 6.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (est.step_latitude[1], 50.0999325 + 0.0999325, 1e-6);
}

static void
test_count_by_side (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  TlSeaCount counts[TL_SEA_N_SIDES];

  g_ptr_array_add (events, event_at (51.03, 1.25, 0, 40));   /* UK */
  g_ptr_array_add (events, event_at (51.05, 1.25, 0, 12));   /* UK */
  g_ptr_array_add (events, event_at (50.75, 1.50, 0, 55));   /* French */
  g_ptr_array_add (events, event_at (50.975, 1.418, 0, 7)); /* on the boundary */
  g_ptr_array_add (events, tl_event_new (TL_EVENT_KIND_SIGHTING)); /* no position */
  tl_event_set_people (g_ptr_array_index (events, 4), 3);

  tl_sea_count_by_side (sea (), events, counts);
  g_assert_cmpuint (counts[TL_SEA_SIDE_UK].events, ==, 2);
  g_assert_cmpuint (counts[TL_SEA_SIDE_UK].people, ==, 52);
  g_assert_cmpuint (counts[TL_SEA_SIDE_FRENCH].events, ==, 1);
  g_assert_cmpuint (counts[TL_SEA_SIDE_FRENCH].people, ==, 55);
  g_assert_cmpuint (counts[TL_SEA_SIDE_BOUNDARY].events, ==, 1);
  g_assert_cmpuint (counts[TL_SEA_SIDE_BOUNDARY].people, ==, 7);
  g_assert_cmpuint (counts[TL_SEA_SIDE_UNKNOWN].events, ==, 1);
  g_assert_cmpuint (counts[TL_SEA_SIDE_UNKNOWN].people, ==, 3);
}

static void
test_bad_data (void)
{
  g_autoptr(GBytes) bad = g_bytes_new_static ("{}", 2);
  g_autoptr(GArray) shore = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  TlSea *broken = tl_sea_new_from_data (bad, bad, shore, &error);

  g_assert_null (broken);
  g_assert_error (error, TL_SEA_ERROR, TL_SEA_ERROR_INVALID_DATA);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sea/paths", test_paths);
  g_test_add_func ("/sea/median-equidistant", test_median_equidistant);
  g_test_add_func ("/sea/side", test_side);
  g_test_add_func ("/sea/waters", test_waters);
  g_test_add_func ("/sea/lane", test_lane);
  g_test_add_func ("/sea/describe", test_describe);
  g_test_add_func ("/sea/reckon", test_reckon);
  g_test_add_func ("/sea/motion-from-fixes", test_motion_from_fixes);
  g_test_add_func ("/sea/times-to-lines", test_times_to_lines);
  g_test_add_func ("/sea/estimate-from-events", test_estimate_from_events);
  g_test_add_func ("/sea/count-by-side", test_count_by_side);
  g_test_add_func ("/sea/bad-data", test_bad_data);
  return g_test_run ();
}
