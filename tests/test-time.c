/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tl-time.h"

#define HOUR 3600

/* Expected instants come from GDateTime, not from the code under test.
 * EU clocks change at 01:00 UTC on the last Sundays of March and October:
 * 29 March and 25 October in 2026. */
static gint64
utc (int y, int m, int d, int h, int min, int s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d, h, min, s);

  return g_date_time_to_unix (dt);
}

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = tl_time_zone_new (identifier);

  g_assert_nonnull (tz);
  return tz;
}

/* zones */

static void
test_zone_new (void)
{
  g_autoptr(GTimeZone) local = tl_time_zone_new (NULL);
  g_autoptr(GTimeZone) empty = tl_time_zone_new ("");
  g_autoptr(GTimeZone) tz_utc = tl_time_zone_new ("UTC");
  g_autoptr(GTimeZone) london = tl_time_zone_new ("Europe/London");
  g_autoptr(GTimeZone) unknown = tl_time_zone_new ("Europe/Atlantis");
  gint64 summer = utc (2026, 7, 14, 12, 0, 0);

  /* the tests run with TZ=Europe/Paris */
  g_assert_nonnull (local);
  g_assert_nonnull (empty);
  g_assert_cmpint (g_time_zone_get_offset (local, g_time_zone_find_interval (local, G_TIME_TYPE_UNIVERSAL, summer)), ==, 2 * HOUR);
  g_assert_cmpint (g_time_zone_get_offset (empty, g_time_zone_find_interval (empty, G_TIME_TYPE_UNIVERSAL, summer)), ==, 2 * HOUR);
  g_assert_nonnull (tz_utc);
  g_assert_cmpstr (g_time_zone_get_identifier (tz_utc), ==, "UTC");
  g_assert_nonnull (london);
  g_assert_cmpstr (g_time_zone_get_identifier (london), ==, "Europe/London");
  g_assert_null (unknown);
}

/* day ranges */

typedef struct {
  const char *zone;
  int         year, month, day;
  gint64      from;
  gint64      to;
  int         hours;
} DayCase;

static void
test_day_range (void)
{
  const DayCase cases[] = {
    { "UTC", 2026, 3, 29, utc (2026, 3, 29, 0, 0, 0), utc (2026, 3, 30, 0, 0, 0), 24 },
    { "UTC", 2026, 10, 25, utc (2026, 10, 25, 0, 0, 0), utc (2026, 10, 26, 0, 0, 0), 24 },
    { "UTC", 2026, 12, 31, utc (2026, 12, 31, 0, 0, 0), utc (2027, 1, 1, 0, 0, 0), 24 },
    { "Europe/Paris", 2026, 3, 28, utc (2026, 3, 27, 23, 0, 0), utc (2026, 3, 28, 23, 0, 0), 24 },
    { "Europe/Paris", 2026, 3, 29, utc (2026, 3, 28, 23, 0, 0), utc (2026, 3, 29, 22, 0, 0), 23 },
    { "Europe/Paris", 2026, 3, 30, utc (2026, 3, 29, 22, 0, 0), utc (2026, 3, 30, 22, 0, 0), 24 },
    { "Europe/Paris", 2026, 7, 14, utc (2026, 7, 13, 22, 0, 0), utc (2026, 7, 14, 22, 0, 0), 24 },
    { "Europe/Paris", 2026, 10, 25, utc (2026, 10, 24, 22, 0, 0), utc (2026, 10, 25, 23, 0, 0), 25 },
    { "Europe/Paris", 2026, 11, 26, utc (2026, 11, 25, 23, 0, 0), utc (2026, 11, 26, 23, 0, 0), 24 },
    { "Europe/London", 2026, 3, 29, utc (2026, 3, 29, 0, 0, 0), utc (2026, 3, 29, 23, 0, 0), 23 },
    { "Europe/London", 2026, 7, 14, utc (2026, 7, 13, 23, 0, 0), utc (2026, 7, 14, 23, 0, 0), 24 },
    { "Europe/London", 2026, 10, 25, utc (2026, 10, 24, 23, 0, 0), utc (2026, 10, 26, 0, 0, 0), 25 },
    { "Europe/London", 2026, 12, 31, utc (2026, 12, 31, 0, 0, 0), utc (2027, 1, 1, 0, 0, 0), 24 },
    /* Cuba springs forward at midnight: 8 March 2026 starts at 01:00 CDT;
     * it falls back at 01:00 to 00:00 on 1 November, so that day starts
     * at the first of its two midnights (tzdata in Debian 12) */
    { "America/Havana", 2026, 3, 8, utc (2026, 3, 8, 5, 0, 0), utc (2026, 3, 9, 4, 0, 0), 23 },
    { "America/Havana", 2026, 11, 1, utc (2026, 11, 1, 4, 0, 0), utc (2026, 11, 2, 5, 0, 0), 25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DayCase *c = &cases[i];
      g_autoptr(GTimeZone) tz = zone (c->zone);
      gint64 from = 0, to = 0;

      g_test_message ("%s %04d-%02d-%02d", c->zone, c->year, c->month, c->day);
      tl_time_day_range (tz, c->year, c->month, c->day, &from, &to);
      g_assert_cmpint (from, ==, c->from);
      g_assert_cmpint (to, ==, c->to);
      g_assert_cmpint (to - from, ==, c->hours * HOUR);

      /* every instant of the day maps back to it; the ends do not */
      for (gint64 t = from; t < to; t += 15 * 60)
        {
          gint64 f2, t2;

          tl_time_day_range_at (tz, t, &f2, &t2);
          g_assert_cmpint (f2, ==, from);
          g_assert_cmpint (t2, ==, to);
        }
      {
        gint64 f2, t2;

        tl_time_day_range_at (tz, to - 1, &f2, &t2);
        g_assert_cmpint (f2, ==, from);
        tl_time_day_range_at (tz, to, &f2, &t2);
        g_assert_cmpint (f2, ==, to);
        tl_time_day_range_at (tz, from - 1, &f2, &t2);
        g_assert_cmpint (t2, ==, from);
      }
    }
}

/* Every instant lies in the day range found for it, days tile time
 * without gaps and last 23 to 25 hours, in zones with odd rules too. */
static void
test_day_range_tiles (void)
{
  static const char * const zones[] = {
    "UTC", "Europe/Paris", "Europe/London", "America/Havana", "Asia/Beirut",
    "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata",
  };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = tl_time_zone_new (zones[z]);
      gint64 from, to, prev_to = 0;

      if (tz == NULL)
        continue;
      g_test_message ("%s", zones[z]);

      tl_time_day_range (tz, 2026, 1, 1, &from, &to);
      for (guint d = 0; d < 366; d++)
        {
          gint64 f2, t2;

          if (d > 0)
            g_assert_cmpint (from, ==, prev_to);
          g_assert_cmpint (to - from, >=, 23 * HOUR);
          g_assert_cmpint (to - from, <=, 25 * HOUR);
          for (gint64 t = from; t < to; t += 30 * 60)
            {
              tl_time_day_range_at (tz, t, &f2, &t2);
              g_assert_cmpint (f2, <=, t);
              g_assert_cmpint (t, <, t2);
            }
          g_assert_cmpint (tl_time_shift_days (tz, from, 1), ==, to);
          prev_to = to;
          from = to;
          tl_time_day_range_at (tz, from, &f2, &to);
          g_assert_cmpint (f2, ==, from);
        }
    }
}

static void
test_shift_days (void)
{
  g_autoptr(GTimeZone) paris = zone ("Europe/Paris");
  g_autoptr(GTimeZone) london = zone ("Europe/London");
  g_autoptr(GTimeZone) tz_utc = zone ("UTC");
  gint64 mar28 = utc (2026, 3, 27, 23, 0, 0);   /* Paris midnight 28 March */
  gint64 oct24 = utc (2026, 10, 23, 22, 0, 0);  /* Paris midnight 24 October */

  /* across spring forward: 23 h, then 24 h, not 2 × 24 h */
  g_assert_cmpint (tl_time_shift_days (paris, mar28, 1), ==, utc (2026, 3, 28, 23, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, mar28, 2), ==, utc (2026, 3, 29, 22, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, utc (2026, 3, 29, 22, 0, 0), -2), ==, mar28);
  /* across fall back */
  g_assert_cmpint (tl_time_shift_days (paris, oct24, 1), ==, utc (2026, 10, 24, 22, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, oct24, 2), ==, utc (2026, 10, 25, 23, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, utc (2026, 10, 25, 23, 0, 0), -1), ==, utc (2026, 10, 24, 22, 0, 0));
  g_assert_cmpint (tl_time_shift_days (london, utc (2026, 10, 24, 23, 0, 0), 1), ==, utc (2026, 10, 26, 0, 0, 0));
  g_assert_cmpint (tl_time_shift_days (london, utc (2026, 3, 30, 23, 0, 0), -2), ==, utc (2026, 3, 29, 0, 0, 0));
  /* zero days is the start of the same day, from any instant in it */
  g_assert_cmpint (tl_time_shift_days (paris, mar28, 0), ==, mar28);
  g_assert_cmpint (tl_time_shift_days (paris, utc (2026, 3, 29, 12, 34, 56), 0), ==, utc (2026, 3, 28, 23, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, utc (2026, 3, 29, 12, 34, 56), 1), ==, utc (2026, 3, 29, 22, 0, 0));
  /* months, years, leap years; a whole summer-to-winter year */
  g_assert_cmpint (tl_time_shift_days (tz_utc, utc (2026, 12, 31, 0, 0, 0), 1), ==, utc (2027, 1, 1, 0, 0, 0));
  g_assert_cmpint (tl_time_shift_days (tz_utc, utc (2028, 2, 28, 0, 0, 0), 1), ==, utc (2028, 2, 29, 0, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, utc (2026, 7, 13, 22, 0, 0), 180), ==, utc (2027, 1, 9, 23, 0, 0));
  g_assert_cmpint (tl_time_shift_days (paris, utc (2027, 1, 9, 23, 0, 0), -180), ==, utc (2026, 7, 13, 22, 0, 0));
}

static void
test_format (void)
{
  g_autoptr(GTimeZone) paris = zone ("Europe/Paris");
  g_autoptr(GTimeZone) london = zone ("Europe/London");
  gint64 t = utc (2026, 11, 26, 13, 5, 0);
  g_autofree char *p = tl_time_format (paris, t, "%Y-%m-%d %H:%M %z");
  g_autofree char *l = tl_time_format (london, t, "%H:%M");
  g_autofree char *summer = tl_time_format (paris, utc (2026, 10, 25, 0, 30, 0), "%H:%M %z");
  g_autofree char *winter = tl_time_format (paris, utc (2026, 10, 25, 1, 30, 0), "%H:%M %z");

  g_assert_cmpstr (p, ==, "2026-11-26 14:05 +0100");
  g_assert_cmpstr (l, ==, "13:05");
  g_assert_cmpstr (summer, ==, "02:30 +0200");
  g_assert_cmpstr (winter, ==, "02:30 +0100");
}

/* parsing */

typedef struct {
  const char *zone;
  const char *text;
  gint64      reference;   /* an instant in the reference day */
  gint64      expected;
} ParseCase;

typedef struct {
  const char *zone;
  const char *text;
  TlTimeError code;
  const char *message_part;
} ParseErrorCase;

static void
test_parse_valid (void)
{
  gint64 nov26 = utc (2026, 11, 26, 10, 0, 0);
  gint64 jul14 = utc (2026, 7, 14, 10, 0, 0);
  const ParseCase cases[] = {
    /* a time on the reference day */
    { "Europe/Paris", "14:05", nov26, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "1405", nov26, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "14h05", nov26, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "14H05", nov26, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "14h", nov26, utc (2026, 11, 26, 13, 0, 0) },
    { "Europe/Paris", "14:05:30", nov26, utc (2026, 11, 26, 13, 5, 30) },
    { "Europe/Paris", "9:05", nov26, utc (2026, 11, 26, 8, 5, 0) },
    { "Europe/Paris", "  14:05\t", nov26, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "00:00", nov26, utc (2026, 11, 25, 23, 0, 0) },
    { "Europe/Paris", "23:59:59", nov26, utc (2026, 11, 26, 22, 59, 59) },
    { "Europe/Paris", "14:05", jul14, utc (2026, 7, 14, 12, 5, 0) },
    { "Europe/London", "14:05", jul14, utc (2026, 7, 14, 13, 5, 0) },
    { "UTC", "14:05", jul14, utc (2026, 7, 14, 14, 5, 0) },
    /* the reference day is the local day: 23:30 UTC on 25 Nov is 26 Nov in Paris */
    { "Europe/Paris", "08:00", utc (2026, 11, 25, 23, 30, 0), utc (2026, 11, 26, 7, 0, 0) },
    /* a date and time */
    { "Europe/Paris", "2026-11-26 14:05", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26T14:05", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26t14:05:30", jul14, utc (2026, 11, 26, 13, 5, 30) },
    { "Europe/Paris", "2026-11-26   1405", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-1-2 14:05", jul14, utc (2026, 1, 2, 13, 5, 0) },
    { "Europe/Paris", "26/11/2026 14:05", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "26/11/2026 14h05", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "26/11 14:05", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "1/7 9:00", nov26, utc (2026, 7, 1, 7, 0, 0) },
    { "Europe/Paris", "2028-02-29 12:00", nov26, utc (2028, 2, 29, 11, 0, 0) },
    { "Europe/London", "2026-07-14 14:05", nov26, utc (2026, 7, 14, 13, 5, 0) },
    /* exact times: the zone does not matter */
    { "Europe/Paris", "2026-11-26T13:05:00Z", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/London", "2026-11-26T13:05:00z", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26T14:05:00+01:00", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26T14:05+0100", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26 16:05 +03", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26 08:05-05:00", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26 08:05−05:00", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26T13:05:00.750Z", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "2026-11-26 13:05 UTC", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "26/11/2026 13:05 GMT", jul14, utc (2026, 11, 26, 13, 5, 0) },
    { "Europe/Paris", "13:05Z", nov26, utc (2026, 11, 26, 13, 5, 0) },
    /* spring forward: 01:59 is still winter time, 03:00 is summer time */
    { "Europe/Paris", "2026-03-29 01:59", nov26, utc (2026, 3, 29, 0, 59, 0) },
    { "Europe/Paris", "2026-03-29 03:00", nov26, utc (2026, 3, 29, 1, 0, 0) },
    { "Europe/London", "2026-03-29 00:59", nov26, utc (2026, 3, 29, 0, 59, 0) },
    { "Europe/London", "2026-03-29 02:00", nov26, utc (2026, 3, 29, 1, 0, 0) },
    /* fall back: the hour that happens twice is read as the first (summer) one */
    { "Europe/Paris", "2026-10-25 01:59", nov26, utc (2026, 10, 24, 23, 59, 0) },
    { "Europe/Paris", "2026-10-25 02:00", nov26, utc (2026, 10, 25, 0, 0, 0) },
    { "Europe/Paris", "2026-10-25 02:30", nov26, utc (2026, 10, 25, 0, 30, 0) },
    { "Europe/Paris", "2026-10-25 02:59:59", nov26, utc (2026, 10, 25, 0, 59, 59) },
    { "Europe/Paris", "2026-10-25 03:00", nov26, utc (2026, 10, 25, 2, 0, 0) },
    { "Europe/Paris", "2026-10-25 02:30+01:00", nov26, utc (2026, 10, 25, 1, 30, 0) },
    { "Europe/Paris", "02:30", utc (2026, 10, 25, 12, 0, 0), utc (2026, 10, 25, 0, 30, 0) },
    { "Europe/London", "2026-10-25 01:30", nov26, utc (2026, 10, 25, 0, 30, 0) },
    { "Europe/London", "2026-10-25 02:00", nov26, utc (2026, 10, 25, 2, 0, 0) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ParseCase *c = &cases[i];
      g_autoptr(GTimeZone) tz = zone (c->zone);
      g_autoptr(GError) error = NULL;
      gint64 result = 0;

      g_test_message ("%s “%s”", c->zone, c->text);
      if (!tl_time_parse (tz, c->text, c->reference, &result, &error))
        g_test_fail_printf ("%s “%s” failed: %s", c->zone, c->text, error->message);
      else if (result != c->expected)
        {
          g_autofree char *got = tl_time_format (tz, result, "%FT%T%z");
          g_autofree char *want = tl_time_format (tz, c->expected, "%FT%T%z");

          g_test_fail_printf ("%s “%s” read as %s instead of %s", c->zone, c->text, got, want);
        }
    }
}

static void
test_parse_invalid (void)
{
  const ParseErrorCase cases[] = {
    { "Europe/Paris", "", TL_TIME_ERROR_EMPTY, "Type a time" },
    { "Europe/Paris", "  \t ", TL_TIME_ERROR_EMPTY, NULL },
    { "Europe/Paris", "25:00", TL_TIME_ERROR_OUT_OF_RANGE, "Hour must be 0–23 (found 25)" },
    { "Europe/Paris", "2526", TL_TIME_ERROR_OUT_OF_RANGE, "Hour must be 0–23 (found 25)" },
    { "Europe/Paris", "24:00", TL_TIME_ERROR_OUT_OF_RANGE, "found 24" },
    { "Europe/Paris", "14:75", TL_TIME_ERROR_OUT_OF_RANGE, "Minutes must be 0–59 (found 75)" },
    { "Europe/Paris", "14h60", TL_TIME_ERROR_OUT_OF_RANGE, "Minutes must be 0–59 (found 60)" },
    { "Europe/Paris", "14:05:61", TL_TIME_ERROR_OUT_OF_RANGE, "Seconds must be 0–59 (found 61)" },
    { "Europe/Paris", "2026-13-01 10:00", TL_TIME_ERROR_OUT_OF_RANGE, "Month must be 1–12 (found 13)" },
    { "Europe/Paris", "2026-00-01 10:00", TL_TIME_ERROR_OUT_OF_RANGE, "Month must be 1–12 (found 0)" },
    { "Europe/Paris", "2026-02-30 10:00", TL_TIME_ERROR_OUT_OF_RANGE, "Day must be 1–28 in 2026-02 (found 30)" },
    { "Europe/Paris", "2026-02-00 10:00", TL_TIME_ERROR_OUT_OF_RANGE, "found 0" },
    { "Europe/Paris", "31/04 10:00", TL_TIME_ERROR_OUT_OF_RANGE, "Day must be 1–30 in 2026-04 (found 31)" },
    { "Europe/Paris", "0000-01-01 10:00", TL_TIME_ERROR_OUT_OF_RANGE, "Year" },
    { "Europe/Paris", "2026-11-26 14:05+15:00", TL_TIME_ERROR_OUT_OF_RANGE, "(found +15:00)" },
    { "Europe/Paris", "2026-03-29 02:30", TL_TIME_ERROR_NONEXISTENT,
      "02:30 on 2026-03-29 does not exist in Europe/Paris" },
    { "Europe/Paris", "2026-03-29 02:00", TL_TIME_ERROR_NONEXISTENT, "does not exist" },
    { "Europe/Paris", "2026-03-29 02:59:59", TL_TIME_ERROR_NONEXISTENT, "does not exist" },
    { "Europe/London", "2026-03-29 01:30", TL_TIME_ERROR_NONEXISTENT, "Europe/London" },
    { "America/Havana", "2026-03-08 00:30", TL_TIME_ERROR_NONEXISTENT, "does not exist" },
    { "Europe/Paris", "abc", TL_TIME_ERROR_SYNTAX, "Write the time as HH:MM or YYYY-MM-DD HH:MM" },
    { "Europe/Paris", "14", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "14:5", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "14h5", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "140", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "14050", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "14.05", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "14:05 x", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "14:05:30:10", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "2026-11-26", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "2026-11-26T", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "26/11/26 14:05", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "2026/11/26 14:05", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "2026-11-26 14:05+1", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "2026-11-2614:05", TL_TIME_ERROR_SYNTAX, NULL },
    { "Europe/Paris", "-14:05", TL_TIME_ERROR_SYNTAX, NULL },
  };
  gint64 nov26 = utc (2026, 11, 26, 10, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ParseErrorCase *c = &cases[i];
      g_autoptr(GTimeZone) tz = zone (c->zone);
      g_autoptr(GError) error = NULL;
      gint64 result = 42;

      g_test_message ("%s “%s”", c->zone, c->text);
      if (tl_time_parse (tz, c->text, nov26, &result, &error))
        g_test_fail_printf ("%s “%s” should fail", c->zone, c->text);
      else if (!g_error_matches (error, TL_TIME_ERROR, (int) c->code))
        g_test_fail_printf ("%s “%s” failed with code %d instead of %d: %s",
                            c->zone, c->text, error->code, c->code, error->message);
      else if (c->message_part != NULL && strstr (error->message, c->message_part) == NULL)
        g_test_fail_printf ("%s “%s” failed with “%s”, which does not say “%s”",
                            c->zone, c->text, error->message, c->message_part);
      g_assert_cmpint (result, ==, 42);
    }
}

/* Whatever is shown reads back to the same instant, except the second
 * pass of a repeated hour, which needs its offset. */
static void
test_parse_round_trip (void)
{
  g_autoptr(GTimeZone) paris = zone ("Europe/Paris");

  for (gint64 t = utc (2026, 10, 24, 22, 0, 0); t < utc (2026, 10, 26, 0, 0, 0); t += 17 * 60)
    {
      g_autofree char *plain = tl_time_format (paris, t, "%Y-%m-%d %H:%M:%S");
      g_autofree char *exact = tl_time_format (paris, t, "%Y-%m-%dT%H:%M:%S%:z");
      gint64 back = 0;
      gboolean second_pass = t >= utc (2026, 10, 25, 1, 0, 0) && t < utc (2026, 10, 25, 2, 0, 0);

      g_assert_true (tl_time_parse (paris, exact, 0, &back, NULL));
      g_assert_cmpint (back, ==, t);
      g_assert_true (tl_time_parse (paris, plain, 0, &back, NULL));
      g_assert_cmpint (back, ==, second_pass ? t - HOUR : t);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/zone-new", test_zone_new);
  g_test_add_func ("/time/day-range", test_day_range);
  g_test_add_func ("/time/day-range-tiles", test_day_range_tiles);
  g_test_add_func ("/time/shift-days", test_shift_days);
  g_test_add_func ("/time/format", test_format);
  g_test_add_func ("/time/parse/valid", test_parse_valid);
  g_test_add_func ("/time/parse/invalid", test_parse_invalid);
  g_test_add_func ("/time/parse/round-trip", test_parse_round_trip);

  return g_test_run ();
}
