/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-event.h"
#include "tl-geo.h"
#include "tl-sea-private.h"

/* Dead reckoning: where a boat will be if it keeps its course and speed,
 * on the great circle, with no allowance for tide or wind. An estimate,
 * and drawn and labelled as one. */

const int tl_sea_estimate_minutes[TL_SEA_N_STEPS] = { 30, 60, 120 };

/* helpers */

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  gint64 ta = tl_event_get_time (*(TlEvent **) a), tb = tl_event_get_time (*(TlEvent **) b);

  return ta < tb ? -1 : ta > tb;
}

static gboolean
in_lane (TlSea     *self,
         TlSeaLane  lane,
         double     lat,
         double     lon)
{
  return tl_sea_get_lane (self, lat, lon) == lane;
}

/* The first minute, to the second, at which @test holds along the track;
 * -1 if it does not within the horizon. */
typedef gboolean (*TrackTest) (TlSea *self, const TlSeaEstimate *est, double lat, double lon, gpointer data);

static double
first_time (TlSea               *self,
            const TlSeaEstimate *est,
            TrackTest            test,
            gpointer             data)
{
  double lat, lon;

  if (test (self, est, est->latitude, est->longitude, data))
    return 0;
  for (int m = 1; m <= TL_SEA_ESTIMATE_HORIZON_MIN; m++)
    {
      tl_sea_reckon (est->latitude, est->longitude, &est->motion, m, &lat, &lon);
      if (test (self, est, lat, lon, data))
        {
          double a = m - 1, b = m;

          while (b - a > 1.0 / 60)
            {
              double mid = (a + b) / 2;

              tl_sea_reckon (est->latitude, est->longitude, &est->motion, mid, &lat, &lon);
              if (test (self, est, lat, lon, data))
                b = mid;
              else
                a = mid;
            }
          return b;
        }
    }
  return -1;
}

static gboolean
crossed_median (TlSea               *self,
                const TlSeaEstimate *est,
                double               lat,
                double               lon,
                gpointer             data)
{
  double start = *(double *) data;
  double here = tl_sea_median_offset (self, lat, lon);

  return !isnan (here) && (fabs (here) <= TL_SEA_ON_LINE_M || (here > 0) != (start > 0));
}

static gboolean
reached_lane (TlSea               *self,
              const TlSeaEstimate *est,
              double               lat,
              double               lon,
              gpointer             data)
{
  return in_lane (self, GPOINTER_TO_INT (data), lat, lon);
}

/* public API */

/**
 * tl_sea_motion_from_fixes:
 * @time1: UTC seconds of the first fix
 * @time2: UTC seconds of the second, later fix
 * @out_motion: (out): the course and speed made good between them
 *
 * Returns: %FALSE if the fixes are not in time order
 */
gboolean
tl_sea_motion_from_fixes (double       lat1,
                          double       lon1,
                          gint64       time1,
                          double       lat2,
                          double       lon2,
                          gint64       time2,
                          TlSeaMotion *out_motion)
{
  double hours;

  g_return_val_if_fail (out_motion != NULL, FALSE);

  if (time2 <= time1)
    return FALSE;
  hours = (time2 - time1) / 3600.0;
  out_motion->course = tl_geo_bearing (lat1, lon1, lat2, lon2);
  out_motion->speed = tl_geo_metres_to_nm (tl_geo_distance (lat1, lon1, lat2, lon2)) / hours;
  return TRUE;
}

/**
 * tl_sea_reckon:
 * @minutes: time run from the position
 *
 * The position reached after @minutes at @motion, on the great circle
 * that leaves the position on the course.
 */
void
tl_sea_reckon (double             latitude,
               double             longitude,
               const TlSeaMotion *motion,
               double             minutes,
               double            *out_latitude,
               double            *out_longitude)
{
  double metres = tl_geo_nm_to_metres (motion->speed * minutes / 60.0);

  tl_geo_destination (latitude, longitude, metres, motion->course, out_latitude, out_longitude);
}

/**
 * tl_sea_estimate:
 * @time: UTC seconds of the fix
 * @out_estimate: (out): the positions at +30, +60 and +120 min, and the
 *   time to the median line and to each part of the scheme
 */
void
tl_sea_estimate (TlSea             *self,
                 double             latitude,
                 double             longitude,
                 gint64             time,
                 const TlSeaMotion *motion,
                 TlSeaEstimate     *out_estimate)
{
  TlSeaEstimate *est = out_estimate;
  double start;

  g_return_if_fail (self != NULL && motion != NULL && out_estimate != NULL);

  est->latitude = latitude;
  est->longitude = longitude;
  est->time = time;
  est->motion = *motion;
  for (int i = 0; i < TL_SEA_N_STEPS; i++)
    tl_sea_reckon (latitude, longitude, motion, tl_sea_estimate_minutes[i],
                   &est->step_latitude[i], &est->step_longitude[i]);

  start = tl_sea_median_offset (self, latitude, longitude);
  est->minutes_to_median = isnan (start) || motion->speed <= 0
                         ? -1 : first_time (self, est, crossed_median, &start);
  est->minutes_to_lane[TL_SEA_LANE_NONE] = -1;
  for (int lane = TL_SEA_LANE_SOUTH_WEST; lane < TL_SEA_N_LANES; lane++)
    est->minutes_to_lane[lane] = motion->speed <= 0 && !in_lane (self, lane, latitude, longitude)
                               ? -1 : first_time (self, est, reached_lane, GINT_TO_POINTER (lane));
}

/**
 * tl_sea_estimate_from_events:
 * @events: (element-type TlEvent): the reports of one case
 * @out_estimate: (out): the estimate from the last fix
 *
 * Takes the course and speed made good between the case's last two
 * positions of different times.
 *
 * Returns: %FALSE if the case has fewer than two such positions
 */
gboolean
tl_sea_estimate_from_events (TlSea         *self,
                             GPtrArray     *events,
                             TlSeaEstimate *out_estimate)
{
  g_autoptr(GPtrArray) fixes = g_ptr_array_new ();
  TlEvent *last, *before = NULL;
  TlSeaMotion motion;

  g_return_val_if_fail (events != NULL, FALSE);

  for (guint i = 0; i < events->len; i++)
    if (tl_event_has_position (g_ptr_array_index (events, i)))
      g_ptr_array_add (fixes, g_ptr_array_index (events, i));
  if (fixes->len < 2)
    return FALSE;
  g_ptr_array_sort (fixes, compare_time);
  last = g_ptr_array_index (fixes, fixes->len - 1);
  for (guint i = fixes->len - 1; i-- > 0;)
    if (tl_event_get_time (g_ptr_array_index (fixes, i)) < tl_event_get_time (last))
      {
        before = g_ptr_array_index (fixes, i);
        break;
      }
  if (before == NULL ||
      !tl_sea_motion_from_fixes (tl_event_get_latitude (before), tl_event_get_longitude (before),
                                 tl_event_get_time (before),
                                 tl_event_get_latitude (last), tl_event_get_longitude (last),
                                 tl_event_get_time (last), &motion))
    return FALSE;
  tl_sea_estimate (self, tl_event_get_latitude (last), tl_event_get_longitude (last),
                   tl_event_get_time (last), &motion, out_estimate);
  return TRUE;
}
