/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-store.h"
#include "tl-time.h"
#include "tl-trend.h"

/* Expected instants come from GDateTime, not from the code under test.
 * In London the clocks go forward at 01:00 UTC on 29 March 2026: that
 * local day is 23 hours long. */
static gint64
london (int m, int d, int h, int min)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, 2026, m, d, h, min, 0);

  return g_date_time_to_unix (dt);
}

static void
test_days (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  g_autoptr(TlTrend) trend = NULL;
  g_autoptr(TlTrend) week = NULL;
  const TlTrendDay *day;

  /* A day window: the 30 days up to it. */
  trend = tl_trend_new_for_window (zone, london (3, 29, 0, 0), london (3, 30, 0, 0));
  g_assert_cmpuint (tl_trend_get_n_days (trend), ==, 30);
  g_assert_cmpstr (tl_trend_get_day (trend, 0)->date, ==, "2026-02-28");
  day = tl_trend_get_day (trend, 29);
  g_assert_cmpstr (day->date, ==, "2026-03-29");
  g_assert_cmpint (day->start, ==, london (3, 29, 0, 0));
  g_assert_cmpint (tl_trend_get_to (trend), ==, london (3, 30, 0, 0));
  /* The clock change day is 23 hours. */
  g_assert_cmpint (tl_trend_get_to (trend) - day->start, ==, 23 * 3600);
  g_assert_cmpint (tl_trend_get_from (trend), ==, london (2, 28, 0, 0));

  /* Last 6 hours, from 22:00 to 04:00: ends the next day. */
  week = tl_trend_new_for_window (zone, london (3, 28, 22, 0), london (3, 29, 4, 0));
  g_assert_cmpstr (tl_trend_get_day (week, 29)->date, ==, "2026-03-29");

  /* A window longer than 30 days is shown whole. */
  g_clear_pointer (&week, tl_trend_free);
  week = tl_trend_new_for_window (zone, london (1, 1, 0, 0), london (3, 30, 0, 0));
  g_assert_cmpuint (tl_trend_get_n_days (week), ==, 31 + 28 + 29);
  g_assert_cmpstr (tl_trend_get_day (week, 0)->date, ==, "2026-01-01");

  /* A window that ends at midnight ends the day before. */
  g_assert_cmpint (tl_trend_find_day (trend, london (3, 30, 0, 0)), ==, -1);
  g_assert_cmpint (tl_trend_find_day (trend, london (3, 29, 23, 59)), ==, 29);
  g_assert_cmpint (tl_trend_find_day (trend, london (3, 28, 23, 59)), ==, 28);
  g_assert_cmpint (tl_trend_find_day (trend, london (2, 28, 0, 0)), ==, 0);
  g_assert_cmpint (tl_trend_find_day (trend, london (2, 28, 0, 0) - 1), ==, -1);
}

static void
test_counts (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  g_autoptr(TlTrend) trend = tl_trend_new (zone, london (3, 27, 0, 0), 3);
  g_autoptr(GArray) official = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  TlStatisticsDay stats[] = {
    { "2026-03-26", 10, 1 },      /* before the days: ignored */
    { "2026-03-28", 312, 6 },
    { "2026-03-29", -1, 2 },      /* people not given */
  };

  g_assert_false (tl_trend_has_data (trend));

  /* 27th: two departures: 40 people on 1 boat, unknown people on 2. */
  tl_trend_add_event (trend, london (3, 27, 10, 0), TL_EVENT_KIND_DEPARTURE, 1, 40);
  tl_trend_add_event (trend, london (3, 27, 23, 59), TL_EVENT_KIND_DEPARTURE, 2, TL_COUNT_UNKNOWN);
  /* A rescue of the same day: not a departure, not counted. */
  tl_trend_add_event (trend, london (3, 27, 12, 0), TL_EVENT_KIND_RESCUE, 1, 40);
  /* 29th, just after midnight and just before the next: boats unknown
   * counts one boat. */
  tl_trend_add_event (trend, london (3, 29, 0, 0), TL_EVENT_KIND_DEPARTURE, TL_COUNT_UNKNOWN, 55);
  tl_trend_add_event (trend, london (3, 29, 23, 59), TL_EVENT_KIND_DEPARTURE, 1, 60);
  /* Outside: ignored. */
  tl_trend_add_event (trend, london (3, 30, 0, 0), TL_EVENT_KIND_DEPARTURE, 1, 99);

  g_assert_true (tl_trend_has_data (trend));
  g_assert_cmpint (tl_trend_get_day (trend, 0)->values[TL_TREND_DEPARTURES], ==, 2);
  g_assert_cmpint (tl_trend_get_day (trend, 0)->values[TL_TREND_BOATS], ==, 3);
  g_assert_cmpint (tl_trend_get_day (trend, 0)->values[TL_TREND_PEOPLE], ==, 40);
  g_assert_cmpint (tl_trend_get_day (trend, 1)->values[TL_TREND_DEPARTURES], ==, 0);
  g_assert_cmpint (tl_trend_get_day (trend, 2)->values[TL_TREND_DEPARTURES], ==, 2);
  g_assert_cmpint (tl_trend_get_day (trend, 2)->values[TL_TREND_BOATS], ==, 2);
  g_assert_cmpint (tl_trend_get_day (trend, 2)->values[TL_TREND_PEOPLE], ==, 115);
  g_assert_cmpint (tl_trend_get_max (trend, TL_TREND_PEOPLE), ==, 115);

  g_assert_cmpint (tl_trend_get_day (trend, 1)->values[TL_TREND_OFFICIAL_PEOPLE], ==, -1);
  g_array_append_vals (official, stats, G_N_ELEMENTS (stats));
  tl_trend_add_statistics (trend, official);
  g_assert_cmpint (tl_trend_get_day (trend, 0)->values[TL_TREND_OFFICIAL_PEOPLE], ==, -1);
  g_assert_cmpint (tl_trend_get_day (trend, 1)->values[TL_TREND_OFFICIAL_PEOPLE], ==, 312);
  g_assert_cmpint (tl_trend_get_day (trend, 1)->values[TL_TREND_OFFICIAL_BOATS], ==, 6);
  g_assert_cmpint (tl_trend_get_day (trend, 2)->values[TL_TREND_OFFICIAL_PEOPLE], ==, -1);
  g_assert_cmpint (tl_trend_get_day (trend, 2)->values[TL_TREND_OFFICIAL_BOATS], ==, 2);
  g_assert_cmpint (tl_trend_get_max (trend, TL_TREND_OFFICIAL_PEOPLE), ==, 312);
}

static void
add (TlStore     *store,
     TlEventKind  kind,
     gint64       time,
     int          boats,
     int          people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (kind);

  tl_event_set_time (event, time);
  tl_event_set_boats (event, boats);
  tl_event_set_people (event, people);
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
}

/* The store's counts are the same, by local day, across the change. */
static void
test_store_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "trend.db", NULL);
  g_autoptr(TlStore) store = tl_store_open (path, &error);
  g_autoptr(TlTrend) trend = NULL;
  const TlTrendDay *last, *before;

  g_assert_no_error (error);
  add (store, TL_EVENT_KIND_DEPARTURE, london (3, 28, 23, 30), 1, 40);
  add (store, TL_EVENT_KIND_DEPARTURE, london (3, 29, 0, 30), TL_COUNT_UNKNOWN, 50);
  add (store, TL_EVENT_KIND_DEPARTURE, london (3, 29, 23, 30), 2, TL_COUNT_UNKNOWN);
  add (store, TL_EVENT_KIND_ARRIVAL, london (3, 29, 12, 0), 1, 50);
  add (store, TL_EVENT_KIND_DEPARTURE, london (3, 30, 0, 30), 1, 70);
  /* 31 days before: outside the 30. */
  add (store, TL_EVENT_KIND_DEPARTURE, london (2, 26, 12, 0), 1, 70);

  trend = tl_store_daily_counts (store, london (3, 29, 0, 0), london (3, 30, 0, 0), zone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tl_trend_get_n_days (trend), ==, 30);
  last = tl_trend_get_day (trend, 29);
  before = tl_trend_get_day (trend, 28);
  g_assert_cmpint (last->values[TL_TREND_DEPARTURES], ==, 2);
  g_assert_cmpint (last->values[TL_TREND_BOATS], ==, 3);
  g_assert_cmpint (last->values[TL_TREND_PEOPLE], ==, 50);
  g_assert_cmpint (before->values[TL_TREND_DEPARTURES], ==, 1);
  g_assert_cmpint (before->values[TL_TREND_PEOPLE], ==, 40);
  for (guint i = 0; i < 28; i++)
    g_assert_cmpint (tl_trend_get_day (trend, i)->values[TL_TREND_DEPARTURES], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/trend/days", test_days);
  g_test_add_func ("/trend/counts", test_counts);
  g_test_add_func ("/trend/store-counts", test_store_counts);

  return g_test_run ();
}
