/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "tl-store.h"
#include "tl-time.h"
#include "tl-trend.h"
#include "tl-trend-period.h"

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

/* Each measure reads its own count and, for people and boats only, the
 * official figure of the same name. */
static void
test_measures (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  g_autoptr(TlTrend) trend = tl_trend_new (zone, london (3, 28, 0, 0), 3);
  g_autoptr(GArray) official = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  TlStatisticsDay stats[] = {
    { "2026-03-28", 312, 6 },
    { "2026-03-29", -1, 2 },      /* people not given */
  };
  const TlTrendDay *sat, *sun, *mon;
  TlTrendSeries series;

  g_assert_cmpint (tl_trend_measure_get_own (TL_TREND_MEASURE_PEOPLE), ==, TL_TREND_PEOPLE);
  g_assert_cmpint (tl_trend_measure_get_own (TL_TREND_MEASURE_BOATS), ==, TL_TREND_BOATS);
  g_assert_cmpint (tl_trend_measure_get_own (TL_TREND_MEASURE_DEPARTURES), ==, TL_TREND_DEPARTURES);
  g_assert_true (tl_trend_measure_get_official (TL_TREND_MEASURE_BOATS, &series));
  g_assert_cmpint (series, ==, TL_TREND_OFFICIAL_BOATS);
  series = TL_TREND_N_SERIES;
  g_assert_false (tl_trend_measure_get_official (TL_TREND_MEASURE_DEPARTURES, &series));
  g_assert_cmpint (series, ==, TL_TREND_N_SERIES);

  /* Nothing yet: every measure shows its empty state. */
  g_assert_false (tl_trend_has_measure_data (trend, TL_TREND_MEASURE_PEOPLE));
  g_assert_false (tl_trend_has_measure_data (trend, TL_TREND_MEASURE_DEPARTURES));

  /* Only official boats on the 29th: the boats chart has something to
   * show, the people chart (no people given) and the departures chart
   * (no official departures exist) do not. */
  {
    TlStatisticsDay boats_only = { "2026-03-29", -1, 4 };

    g_array_append_val (official, boats_only);
    tl_trend_add_statistics (trend, official);
    g_array_set_size (official, 0);
  }
  g_assert_true (tl_trend_has_measure_data (trend, TL_TREND_MEASURE_BOATS));
  g_assert_false (tl_trend_has_measure_data (trend, TL_TREND_MEASURE_PEOPLE));
  g_assert_false (tl_trend_has_measure_data (trend, TL_TREND_MEASURE_DEPARTURES));

  /* Saturday 28th: three departures, the last at 23:30 local, still
   * GMT; Sunday 29th, 23 hours long: one departure at 00:30 local and one
   * at 23:30 local, which is BST, 22:30 UTC: both on the local Sunday. */
  tl_trend_add_event (trend, london (3, 28, 9, 0), TL_EVENT_KIND_DEPARTURE, 1, 45);
  tl_trend_add_event (trend, london (3, 28, 12, 0), TL_EVENT_KIND_DEPARTURE, 2, 70);
  tl_trend_add_event (trend, london (3, 28, 23, 30), TL_EVENT_KIND_DEPARTURE, TL_COUNT_UNKNOWN,
                      TL_COUNT_UNKNOWN);
  tl_trend_add_event (trend, london (3, 29, 0, 30), TL_EVENT_KIND_DEPARTURE, 1, 50);
  tl_trend_add_event (trend, london (3, 29, 23, 30), TL_EVENT_KIND_DEPARTURE, 1, 51);
  /* Not departures: counted in no measure. */
  tl_trend_add_event (trend, london (3, 29, 10, 0), TL_EVENT_KIND_ARRIVAL, 3, 120);
  tl_trend_add_event (trend, london (3, 30, 10, 0), TL_EVENT_KIND_SIGHTING, 1, 30);
  g_array_append_vals (official, stats, G_N_ELEMENTS (stats));
  tl_trend_add_statistics (trend, official);

  sat = tl_trend_get_day (trend, 0);
  sun = tl_trend_get_day (trend, 1);
  mon = tl_trend_get_day (trend, 2);
  g_assert_cmpint (tl_trend_day_get_own (sat, TL_TREND_MEASURE_PEOPLE), ==, 115);
  g_assert_cmpint (tl_trend_day_get_own (sat, TL_TREND_MEASURE_BOATS), ==, 4);
  g_assert_cmpint (tl_trend_day_get_own (sat, TL_TREND_MEASURE_DEPARTURES), ==, 3);
  g_assert_cmpint (tl_trend_day_get_own (sun, TL_TREND_MEASURE_PEOPLE), ==, 101);
  g_assert_cmpint (tl_trend_day_get_own (sun, TL_TREND_MEASURE_BOATS), ==, 2);
  g_assert_cmpint (tl_trend_day_get_own (sun, TL_TREND_MEASURE_DEPARTURES), ==, 2);
  g_assert_cmpint (tl_trend_day_get_own (mon, TL_TREND_MEASURE_BOATS), ==, 0);
  g_assert_cmpint (tl_trend_day_get_own (mon, TL_TREND_MEASURE_DEPARTURES), ==, 0);

  g_assert_cmpint (tl_trend_day_get_official (sat, TL_TREND_MEASURE_PEOPLE), ==, 312);
  g_assert_cmpint (tl_trend_day_get_official (sat, TL_TREND_MEASURE_BOATS), ==, 6);
  g_assert_cmpint (tl_trend_day_get_official (sun, TL_TREND_MEASURE_PEOPLE), ==, -1);
  g_assert_cmpint (tl_trend_day_get_official (sun, TL_TREND_MEASURE_BOATS), ==, 2);
  g_assert_cmpint (tl_trend_day_get_official (mon, TL_TREND_MEASURE_BOATS), ==, -1);
  /* Official figures were imported for Saturday, yet none is a number
   * of departures: unknown, never 0. */
  g_assert_cmpint (tl_trend_day_get_official (sat, TL_TREND_MEASURE_DEPARTURES), ==, -1);

  g_assert_cmpint (tl_trend_get_total (trend, TL_TREND_MEASURE_PEOPLE), ==, 216);
  g_assert_cmpint (tl_trend_get_total (trend, TL_TREND_MEASURE_BOATS), ==, 6);
  g_assert_cmpint (tl_trend_get_total (trend, TL_TREND_MEASURE_DEPARTURES), ==, 5);
  g_assert_cmpuint (tl_trend_count_official_days (trend, TL_TREND_MEASURE_PEOPLE), ==, 1);
  g_assert_cmpuint (tl_trend_count_official_days (trend, TL_TREND_MEASURE_BOATS), ==, 2);
  g_assert_cmpuint (tl_trend_count_official_days (trend, TL_TREND_MEASURE_DEPARTURES), ==, 0);
  g_assert_true (tl_trend_has_measure_data (trend, TL_TREND_MEASURE_DEPARTURES));

  /* What the tooltip says follows the measure; about departures it says
   * nothing official, not even that none was imported. */
  {
    g_autofree char *people = tl_trend_describe_day (trend, 1, TL_TREND_MEASURE_PEOPLE);
    g_autofree char *boats = tl_trend_describe_day (trend, 1, TL_TREND_MEASURE_BOATS);
    g_autofree char *departures = tl_trend_describe_day (trend, 0, TL_TREND_MEASURE_DEPARTURES);
    g_autofree char *monday = tl_trend_describe_day (trend, 2, TL_TREND_MEASURE_PEOPLE);
    g_autofree char *monday_departures = tl_trend_describe_day (trend, 2, TL_TREND_MEASURE_DEPARTURES);

    g_assert_cmpstr (people, ==, "Sunday 29 March 2026\n"
                                 "Tideline: 101 people on 2 departures\n"
                                 "Official: not given");
    g_assert_cmpstr (boats, ==, "Sunday 29 March 2026\n"
                                "Tideline: 2 boats on 2 departures\n"
                                "Official: 2 boats");
    g_assert_cmpstr (departures, ==, "Saturday 28 March 2026\n"
                                     "Tideline: 3 departures");
    g_assert_cmpstr (monday, ==, "Monday 30 March 2026\n"
                                 "Tideline: 0 people on 0 departures\n"
                                 "Official: no figures imported");
    g_assert_cmpstr (monday_departures, ==, "Monday 30 March 2026\n"
                                            "Tideline: 0 departures");
  }

  /* What a screen reader hears instead of the bars. */
  {
    g_autofree char *people = tl_trend_describe (trend, TL_TREND_MEASURE_PEOPLE);
    g_autofree char *boats = tl_trend_describe (trend, TL_TREND_MEASURE_BOATS);
    g_autofree char *departures = tl_trend_describe (trend, TL_TREND_MEASURE_DEPARTURES);

    g_assert_cmpstr (people, ==, "Tideline counted 216 people on departures from Saturday 28 March 2026 "
                                 "to Monday 30 March 2026. An official figure exists for 1 of these days.");
    g_assert_cmpstr (boats, ==, "Tideline counted 6 boats on departures from Saturday 28 March 2026 "
                                "to Monday 30 March 2026. Official figures exist for 2 of these days.");
    g_assert_cmpstr (departures, ==, "Tideline counted 5 departures from Saturday 28 March 2026 "
                                     "to Monday 30 March 2026.");
  }

  /* The scale covers the larger of the two series and halves evenly:
   * people 312 official, boats 6 official, 3 departures. */
  g_assert_cmpint (tl_trend_get_scale_top (trend, TL_TREND_MEASURE_PEOPLE), ==, 400);
  g_assert_cmpint (tl_trend_get_scale_top (trend, TL_TREND_MEASURE_BOATS), ==, 10);
  g_assert_cmpint (tl_trend_get_scale_top (trend, TL_TREND_MEASURE_DEPARTURES), ==, 4);
}

/* The scale's top is round, even and never below the largest value. */
static void
test_scale (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("UTC");
  const struct { int departures; gint64 top; } cases[] = {
    { 0, 2 }, { 1, 2 }, { 2, 2 }, { 3, 4 }, { 5, 10 }, { 11, 20 }, { 21, 40 },
    { 41, 100 }, { 99, 100 }, { 101, 200 }, { 201, 400 }, { 401, 1000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TlTrend) trend = tl_trend_new (zone, 0, 1);

      for (int n = 0; n < cases[i].departures; n++)
        tl_trend_add_event (trend, n, TL_EVENT_KIND_DEPARTURE, 1, 0);
      g_assert_cmpint (tl_trend_get_scale_top (trend, TL_TREND_MEASURE_DEPARTURES), ==, cases[i].top);
      /* No people counted: the people scale still has a height. */
      g_assert_cmpint (tl_trend_get_scale_top (trend, TL_TREND_MEASURE_PEOPLE), ==, 2);
    }
}

/* The setting's values are the measure's nicks, so that the setting binds
 * to the chart's "measure" property. */
static void
test_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) choices = NULL;
  g_autoptr(GVariant) fallback = NULL;
  g_autoptr(GEnumClass) measures = g_type_class_ref (TL_TYPE_TREND_MEASURE);
  g_autofree const char **nicks = NULL;
  const char *type;

  g_assert_nonnull (schema);
  key = g_settings_schema_get_key (schema, "trend-measure");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &choices);
  g_assert_cmpstr (type, ==, "enum");
  nicks = g_variant_get_strv (choices, NULL);
  g_assert_cmpuint (g_strv_length ((char **) nicks), ==, measures->n_values);
  for (guint i = 0; i < measures->n_values; i++)
    g_assert_cmpstr (nicks[i], ==, g_enum_get_value (measures, i)->value_nick);
  fallback = g_settings_schema_key_get_default_value (key);
  g_assert_cmpstr (g_variant_get_string (fallback, NULL), ==,
                   g_enum_get_value (measures, TL_TREND_MEASURE_PEOPLE)->value_nick);
  g_assert_nonnull (g_settings_schema_key_get_summary (key));
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

static gint64
london_ymd (int y, int m, int d)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* Weeks from Monday's local midnight, months from the 1st, across the
 * clock change and the new year. */
static void
test_periods (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  TlTrendPeriod period;
  g_autofree char *label = NULL;
  g_autofree char *label_year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *years = NULL;
  g_autofree char *one_year = NULL;
  g_autofree char *week = NULL;

  /* Sunday 29 March 2026 is in the week of Monday 23 March. */
  g_assert_cmpint (tl_trend_period_start (zone, london (3, 29, 15, 0), TL_TREND_PERIOD_WEEK), ==,
                   london (3, 23, 0, 0));
  g_assert_cmpint (tl_trend_period_start (zone, london (3, 29, 15, 0), TL_TREND_PERIOD_MONTH), ==,
                   london (3, 1, 0, 0));
  /* The week of the clock change is 167 hours long. */
  g_assert_cmpint (tl_trend_period_next (zone, london (3, 23, 0, 0), TL_TREND_PERIOD_WEEK) - london (3, 23, 0, 0),
                   ==, 167 * 3600);
  g_assert_cmpint (tl_trend_period_next (zone, london (2, 1, 0, 0), TL_TREND_PERIOD_MONTH), ==, london (3, 1, 0, 0));

  /* 15 Dec 2025 to 10 Jan 2026: the weeks of 15, 22, 29 Dec, 5 Jan. */
  weeks = tl_trend_period_starts (zone, london_ymd (2025, 12, 15), london_ymd (2026, 1, 10), TL_TREND_PERIOD_WEEK);
  g_assert_cmpuint (weeks->len, ==, 5);
  g_assert_cmpint (g_array_index (weeks, gint64, 2), ==, london_ymd (2025, 12, 29));
  g_assert_cmpint (g_array_index (weeks, gint64, 4), ==, london_ymd (2026, 1, 12));
  months = tl_trend_period_starts (zone, london_ymd (2024, 11, 20), london_ymd (2026, 3, 2), TL_TREND_PERIOD_MONTH);
  g_assert_cmpuint (months->len, ==, 18);
  g_assert_cmpint (g_array_index (months, gint64, 2), ==, london_ymd (2025, 1, 1));

  /* Chosen by length, or asked for. */
  g_assert_cmpint (tl_trend_period_choose (TL_TREND_PERIOD_AUTO, 30), ==, TL_TREND_PERIOD_DAY);
  g_assert_cmpint (tl_trend_period_choose (TL_TREND_PERIOD_AUTO, 365), ==, TL_TREND_PERIOD_WEEK);
  g_assert_cmpint (tl_trend_period_choose (TL_TREND_PERIOD_AUTO, 3 * 365), ==, TL_TREND_PERIOD_MONTH);
  g_assert_cmpint (tl_trend_period_choose (TL_TREND_PERIOD_MONTH, 30), ==, TL_TREND_PERIOD_MONTH);
  g_assert_true (tl_trend_period_from_nick ("week", &period));
  g_assert_cmpint (period, ==, TL_TREND_PERIOD_WEEK);
  g_assert_false (tl_trend_period_from_nick ("fortnight", &period));

  /* The year: when the span crosses one, or is not this one. */
  g_assert_true (tl_trend_span_needs_year (zone, london_ymd (2025, 12, 15), london_ymd (2026, 1, 10),
                                           london_ymd (2026, 1, 20)));
  g_assert_true (tl_trend_span_needs_year (zone, london_ymd (2025, 3, 1), london_ymd (2025, 4, 1),
                                           london_ymd (2026, 1, 20)));
  g_assert_false (tl_trend_span_needs_year (zone, london_ymd (2026, 3, 1), london_ymd (2026, 4, 1),
                                            london_ymd (2026, 6, 20)));
  years = tl_trend_span_years (zone, london_ymd (2025, 12, 15), london_ymd (2026, 1, 10));
  g_assert_cmpstr (years, ==, "2025–2026");
  /* A span that ends at midnight on 1 January is in the old year. */
  one_year = tl_trend_span_years (zone, london_ymd (2025, 3, 1), london_ymd (2026, 1, 1));
  g_assert_cmpstr (one_year, ==, "2025");

  label = tl_trend_period_label (zone, london_ymd (2025, 12, 29), TL_TREND_PERIOD_WEEK, FALSE);
  g_assert_cmpstr (label, ==, "29 Dec");
  label_year = tl_trend_period_label (zone, london_ymd (2025, 12, 29), TL_TREND_PERIOD_DAY, TRUE);
  g_assert_cmpstr (label_year, ==, "29 Dec 2025");
  month = tl_trend_period_label (zone, london_ymd (2026, 1, 1), TL_TREND_PERIOD_MONTH, TRUE);
  g_assert_cmpstr (month, ==, "Jan 2026");
  week = tl_trend_period_describe (zone, london_ymd (2025, 12, 29), TL_TREND_PERIOD_WEEK);
  g_assert_cmpstr (week, ==, "Week 01 of 2026, from Monday 29 December");
}

/* Days summed into weeks: own counts add up, an official figure is the
 * sum of the days that have one, unknown where none has. */
static void
test_group (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  /* Monday 2 March to Sunday 29 March: four whole weeks. */
  g_autoptr(TlTrend) daily = tl_trend_new (zone, london (3, 2, 0, 0), 28);
  g_autoptr(TlTrend) weekly = NULL;
  g_autoptr(GArray) official = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  TlStatisticsDay stats[] = {
    { "2026-03-02", 10, 1 },
    { "2026-03-04", 0, 0 },       /* a day with none: 0, not a gap */
    { "2026-03-08", 30, -1 },
    { "2026-03-10", 5, 1 },
  };
  g_autofree char *description = NULL;

  tl_trend_add_event (daily, london (3, 3, 4, 0), TL_EVENT_KIND_DEPARTURE, 1, 40);
  tl_trend_add_event (daily, london (3, 8, 23, 0), TL_EVENT_KIND_DEPARTURE, 2, 50);
  tl_trend_add_event (daily, london (3, 9, 1, 0), TL_EVENT_KIND_DEPARTURE, 1, 7);
  tl_trend_add_event (daily, london (3, 29, 12, 0), TL_EVENT_KIND_DEPARTURE, 1, 9);
  g_array_append_vals (official, stats, G_N_ELEMENTS (stats));
  tl_trend_add_statistics (daily, official);

  weekly = tl_trend_group (daily, TL_TREND_PERIOD_WEEK);
  g_assert_cmpint (tl_trend_get_period (weekly), ==, TL_TREND_PERIOD_WEEK);
  g_assert_cmpuint (tl_trend_get_n_days (weekly), ==, 4);
  g_assert_cmpstr (tl_trend_get_day (weekly, 1)->date, ==, "2026-03-09");
  g_assert_cmpint (tl_trend_get_to (weekly), ==, london (3, 30, 0, 0));
  g_assert_cmpint (tl_trend_day_get_own (tl_trend_get_day (weekly, 0), TL_TREND_MEASURE_PEOPLE), ==, 90);
  g_assert_cmpint (tl_trend_day_get_own (tl_trend_get_day (weekly, 0), TL_TREND_MEASURE_DEPARTURES), ==, 2);
  g_assert_cmpint (tl_trend_day_get_own (tl_trend_get_day (weekly, 1), TL_TREND_MEASURE_BOATS), ==, 1);
  g_assert_cmpint (tl_trend_day_get_official (tl_trend_get_day (weekly, 0), TL_TREND_MEASURE_PEOPLE), ==, 40);
  g_assert_cmpint (tl_trend_day_get_official (tl_trend_get_day (weekly, 0), TL_TREND_MEASURE_BOATS), ==, 1);
  g_assert_cmpint (tl_trend_day_get_official (tl_trend_get_day (weekly, 1), TL_TREND_MEASURE_PEOPLE), ==, 5);
  g_assert_cmpint (tl_trend_day_get_official (tl_trend_get_day (weekly, 2), TL_TREND_MEASURE_PEOPLE), ==, -1);
  g_assert_cmpint (tl_trend_get_total (weekly, TL_TREND_MEASURE_PEOPLE), ==,
                   tl_trend_get_total (daily, TL_TREND_MEASURE_PEOPLE));
  g_assert_cmpint (tl_trend_day_get_own (tl_trend_get_day (weekly, 3), TL_TREND_MEASURE_PEOPLE), ==, 9);

  /* A screen reader hears weeks, not days. */
  description = tl_trend_describe_day (weekly, 0, TL_TREND_MEASURE_PEOPLE);
  g_assert_true (g_str_has_prefix (description, "Week 10 of 2026, from Monday 2 March\n"));
}

/* Official weekly figures beside the days: kept as the weeks' spans of
 * local time, drawn across the days they cover at a seventh of their
 * figure a day (the whole on a chart of weeks), taken into the scale,
 * and said in the description and the day's tooltip. */
static void
test_weeks (void)
{
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/London");
  /* Thursday 5 March to Friday 3 April: W10 starts before the first day,
   * W14 ends after the last; W13 holds the clocks going forward. */
  g_autoptr(TlTrend) daily = tl_trend_new (zone, london (3, 5, 0, 0), 30);
  g_autoptr(TlTrend) weekly = NULL;
  g_autoptr(GArray) stats = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  g_autofree char *description = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *departures = NULL;
  static const struct { int number, people, boats; } given[] = {
    { 9, 700, 10 },        /* ends before the chart: left out */
    { 10, 70, 2 },
    { 13, 1400, 30 },
    { 14, 35, -1 },
  };
  const TlTrendWeek *w;

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      TlStatisticsWeek week = { "", "", "", given[i].people, given[i].boats };

      g_assert_true (tl_statistics_week_init (&week, 2026, given[i].number));
      g_array_append_val (stats, week);
    }
  tl_trend_add_event (daily, london (3, 6, 4, 0), TL_EVENT_KIND_DEPARTURE, 1, 40);
  g_assert_false (tl_trend_has_official_weeks (daily, TL_TREND_MEASURE_PEOPLE));
  tl_trend_add_statistics_weeks (daily, stats);

  g_assert_cmpuint (tl_trend_get_n_weeks (daily), ==, 3);
  w = tl_trend_get_week (daily, 0);
  g_assert_cmpstr (w->week, ==, "2026-W10");
  g_assert_cmpint (w->start, ==, london (3, 2, 0, 0));
  g_assert_cmpint (w->end, ==, london (3, 9, 0, 0));
  /* Clipped to the chart: from its first day. */
  g_assert_cmpfloat (tl_trend_get_position (daily, w->start), ==, 0);
  g_assert_cmpfloat (tl_trend_get_position (daily, w->end), ==, 4);
  g_assert_cmpfloat_with_epsilon (tl_trend_week_get_bar (daily, w, TL_TREND_MEASURE_PEOPLE), 10, 1e-9);
  /* Week 13, 23 March to 29 March, across the 23-hour day. */
  w = tl_trend_get_week (daily, 1);
  g_assert_cmpfloat (tl_trend_get_position (daily, w->start), ==, 18);
  g_assert_cmpfloat (tl_trend_get_position (daily, w->end), ==, 25);
  g_assert_cmpfloat_with_epsilon (tl_trend_get_position (daily, london (3, 29, 12, 0)), 24 + 11.0 / 23, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_trend_week_get_bar (daily, w, TL_TREND_MEASURE_PEOPLE), 200, 1e-9);
  w = tl_trend_get_week (daily, 2);
  g_assert_cmpfloat (tl_trend_get_position (daily, w->end), ==, 30);
  g_assert_cmpfloat (tl_trend_week_get_bar (daily, w, TL_TREND_MEASURE_BOATS), <, 0);
  g_assert_cmpint (tl_trend_week_get_official (w, TL_TREND_MEASURE_DEPARTURES), ==, -1);

  /* The scale holds the tallest weekly bar; departures have none. */
  g_assert_cmpint (tl_trend_get_scale_top (daily, TL_TREND_MEASURE_PEOPLE), ==, 200);
  g_assert_cmpint (tl_trend_get_scale_top (daily, TL_TREND_MEASURE_DEPARTURES), ==, 2);
  g_assert_true (tl_trend_has_official_weeks (daily, TL_TREND_MEASURE_BOATS));
  g_assert_false (tl_trend_has_official_weeks (daily, TL_TREND_MEASURE_DEPARTURES));

  description = tl_trend_describe (daily, TL_TREND_MEASURE_PEOPLE);
  g_assert_nonnull (strstr (description, "Official weekly figures, shown as bars across their weeks, exist for 3 weeks."));
  departures = tl_trend_describe (daily, TL_TREND_MEASURE_DEPARTURES);
  g_assert_null (strstr (departures, "weekly"));
  /* 25 March, under week 13 only. */
  day_text = tl_trend_describe_day (daily, 20, TL_TREND_MEASURE_PEOPLE);
  g_assert_cmpstr (day_text, ==, "Wednesday 25 March 2026\n"
                                 "Tideline: 0 people on 0 departures\n"
                                 "Official, week 2026-W13: 1400 people");

  /* Weeks of a chart by week: one bucket each, the whole figure. */
  weekly = tl_trend_group (daily, TL_TREND_PERIOD_WEEK);
  g_assert_cmpuint (tl_trend_get_n_weeks (weekly), ==, 3);
  w = tl_trend_get_week (weekly, 1);
  g_assert_cmpfloat (tl_trend_get_position (weekly, w->start), ==, 3);
  g_assert_cmpfloat (tl_trend_get_position (weekly, w->end), ==, 4);
  g_assert_cmpfloat_with_epsilon (tl_trend_week_get_bar (weekly, w, TL_TREND_MEASURE_PEOPLE), 1400, 1e-9);
  g_assert_cmpint (tl_trend_get_scale_top (weekly, TL_TREND_MEASURE_PEOPLE), ==, 2000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/trend/days", test_days);
  g_test_add_func ("/trend/counts", test_counts);
  g_test_add_func ("/trend/measures", test_measures);
  g_test_add_func ("/trend/scale", test_scale);
  g_test_add_func ("/trend/setting", test_setting);
  g_test_add_func ("/trend/store-counts", test_store_counts);
  g_test_add_func ("/trend/periods", test_periods);
  g_test_add_func ("/trend/group", test_group);
  g_test_add_func ("/trend/weeks", test_weeks);

  return g_test_run ();
}
