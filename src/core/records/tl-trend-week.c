/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Official weekly figures on the trend: each ISO week kept as the span
 * of local time it covers, so that a chart of days, weeks or months
 * draws it across the buckets it spans. Its bar's height is the week's
 * figure spread over the week: a seventh of it per day, all of it per
 * week, so that it stands on the same scale as the buckets beside it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "tl-time.h"
#include "tl-trend-private.h"

/* helpers */

static gboolean
day_range (GTimeZone  *zone,
           const char *iso,
           gint64     *out_from,
           gint64     *out_to)
{
  int y, m, d;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  tl_time_day_range (zone, y, m, d, out_from, out_to);
  return TRUE;
}

static int
compare_weeks (gconstpointer a,
               gconstpointer b)
{
  gint64 sa = ((const TlTrendWeek *) a)->start, sb = ((const TlTrendWeek *) b)->start;

  return sa < sb ? -1 : sa > sb;
}

/* How many days long the bucket at @position is. */
static double
bucket_days (const TlTrend *trend,
             double         position)
{
  guint n = trend->days->len;
  guint index = (guint) CLAMP (position, 0, n - 1);
  gint64 start = g_array_index (trend->days, TlTrendDay, index).start;
  gint64 next = index + 1 < n ? g_array_index (trend->days, TlTrendDay, index + 1).start : trend->to;

  return MAX (1.0, round ((next - start) / 86400.0));
}

/* private API */

/* The tallest weekly bar of @measure, rounded up: for the chart's scale. */
gint64
tl_trend_weeks_get_max_bar (const TlTrend  *trend,
                            TlTrendMeasure  measure)
{
  double max = 0;

  for (guint i = 0; trend->weeks != NULL && i < trend->weeks->len; i++)
    max = MAX (max, tl_trend_week_get_bar (trend, &g_array_index (trend->weeks, TlTrendWeek, i), measure));

  return (gint64) ceil (max);
}

guint
tl_trend_count_official_weeks (const TlTrend  *trend,
                               TlTrendMeasure  measure)
{
  guint n = 0;

  for (guint i = 0; trend->weeks != NULL && i < trend->weeks->len; i++)
    if (tl_trend_week_get_official (&g_array_index (trend->weeks, TlTrendWeek, i), measure) >= 0)
      n++;

  return n;
}

/* Appends a line for each week that overlaps the bucket @index, with its
 * figure of @measure: for a tooltip and a screen reader. */
void
tl_trend_describe_weeks_at (const TlTrend  *trend,
                            guint           index,
                            TlTrendMeasure  measure,
                            GString        *text)
{
  const TlTrendDay *day = &g_array_index (trend->days, TlTrendDay, index);
  gint64 end = index + 1 < trend->days->len ? g_array_index (trend->days, TlTrendDay, index + 1).start : trend->to;

  if (!tl_trend_measure_get_official (measure, NULL))
    return;

  for (guint i = 0; trend->weeks != NULL && i < trend->weeks->len; i++)
    {
      const TlTrendWeek *week = &g_array_index (trend->weeks, TlTrendWeek, i);
      gint64 value = tl_trend_week_get_official (week, measure);

      if (week->end <= day->start || week->start >= end)
        continue;
      g_string_append_c (text, '\n');
      if (value < 0)
        /* Translators: an ISO week such as 2026-W49 whose official figure was not given */
        g_string_append_printf (text, _("Official, week %s: not given"), week->week);
      else if (measure == TL_TREND_MEASURE_PEOPLE)
        g_string_append_printf (text,
                                /* Translators: an ISO week such as 2026-W49, then its official figure */
                                ngettext ("Official, week %s: %" PRId64 " person",
                                          "Official, week %s: %" PRId64 " people", value),
                                week->week, value);
      else
        g_string_append_printf (text,
                                /* Translators: an ISO week such as 2026-W49, then its official figure */
                                ngettext ("Official, week %s: %" PRId64 " boat",
                                          "Official, week %s: %" PRId64 " boats", value),
                                week->week, value);
    }
}

/* public API */

/**
 * tl_trend_add_statistics_weeks:
 * @weeks: (element-type TlStatisticsWeek): official weekly figures
 *
 * Keeps each week that overlaps the trend's days, as the span of local
 * time from its Monday to the end of its Sunday; figures not given stay
 * unknown. Weeks added again replace those of the same name.
 */
void
tl_trend_add_statistics_weeks (TlTrend *trend,
                               GArray  *weeks)
{
  g_return_if_fail (trend != NULL);
  g_return_if_fail (weeks != NULL);

  for (guint i = 0; i < weeks->len; i++)
    {
      const TlStatisticsWeek *stat = &g_array_index (weeks, TlStatisticsWeek, i);
      TlTrendWeek week = { 0 };
      gint64 unused;

      if (!day_range (trend->zone, stat->first_date, &week.start, &unused) ||
          !day_range (trend->zone, stat->last_date, &unused, &week.end) ||
          week.end <= tl_trend_get_from (trend) || week.start >= trend->to)
        continue;
      g_strlcpy (week.week, stat->week, sizeof week.week);
      week.people = stat->people;
      week.boats = stat->boats;

      for (guint k = 0; k < trend->weeks->len; k++)
        if (g_str_equal (g_array_index (trend->weeks, TlTrendWeek, k).week, week.week))
          {
            g_array_remove_index (trend->weeks, k);
            break;
          }
      g_array_append_val (trend->weeks, week);
    }

  g_array_sort (trend->weeks, compare_weeks);
}

guint
tl_trend_get_n_weeks (const TlTrend *trend)
{
  g_return_val_if_fail (trend != NULL, 0);

  return trend->weeks->len;
}

/**
 * tl_trend_get_week:
 *
 * Returns: (transfer none): the week at @index, by date
 */
const TlTrendWeek *
tl_trend_get_week (const TlTrend *trend,
                   guint          index)
{
  g_return_val_if_fail (trend != NULL, NULL);
  g_return_val_if_fail (index < trend->weeks->len, NULL);

  return &g_array_index (trend->weeks, TlTrendWeek, index);
}

/**
 * tl_trend_week_get_official:
 *
 * Returns: the week's official figure of @measure, or -1 when it was not
 *   given or when @measure has no official figure
 */
gint64
tl_trend_week_get_official (const TlTrendWeek *week,
                            TlTrendMeasure     measure)
{
  g_return_val_if_fail (week != NULL, -1);

  switch (measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      return week->people;
    case TL_TREND_MEASURE_BOATS:
      return week->boats;
    case TL_TREND_MEASURE_DEPARTURES:
    default:
      return -1;
    }
}

/**
 * tl_trend_get_position:
 * @utc: an instant
 *
 * Returns: where @utc falls along the buckets, from 0 (the start of the
 *   first) to the number of buckets (the end of the last), a fraction
 *   inside one; clamped to that range
 */
double
tl_trend_get_position (const TlTrend *trend,
                       gint64         utc)
{
  int index;
  gint64 start, next;

  g_return_val_if_fail (trend != NULL, 0);

  if (utc <= tl_trend_get_from (trend))
    return 0;
  if (utc >= trend->to)
    return trend->days->len;

  index = tl_trend_find_day (trend, utc);
  start = g_array_index (trend->days, TlTrendDay, index).start;
  next = (guint) index + 1 < trend->days->len
    ? g_array_index (trend->days, TlTrendDay, index + 1).start : trend->to;
  return index + (double) (utc - start) / MAX (next - start, 1);
}

/**
 * tl_trend_week_get_bar:
 * @week: one of @trend's weeks
 *
 * Returns: the height of @week's bar in the units of @trend's buckets:
 *   its figure spread evenly over its seven days, times a bucket's days
 *   (a seventh per day, the whole per week); -1 when not known
 */
double
tl_trend_week_get_bar (const TlTrend     *trend,
                       const TlTrendWeek *week,
                       TlTrendMeasure     measure)
{
  gint64 value;

  g_return_val_if_fail (trend != NULL, -1);
  g_return_val_if_fail (week != NULL, -1);

  if ((value = tl_trend_week_get_official (week, measure)) < 0)
    return -1;
  return value / 7.0 * bucket_days (trend, tl_trend_get_position (trend, week->start));
}

/**
 * tl_trend_has_official_weeks:
 *
 * Returns: whether a week of @trend has an official figure of @measure
 */
gboolean
tl_trend_has_official_weeks (const TlTrend  *trend,
                             TlTrendMeasure  measure)
{
  g_return_val_if_fail (trend != NULL, FALSE);

  return tl_trend_count_official_weeks (trend, measure) > 0;
}
