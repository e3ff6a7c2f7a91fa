/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Weeks and months for long spans: their bounds in the display zone's
 * local time, their names on an axis and for a screen reader, and a
 * daily trend summed into them. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-time.h"
#include "tl-trend-private.h"

/* No chart is drawn with more buckets than this, whatever it is asked. */
#define MAX_BUCKETS 20000

/* helpers */

/* The local date of a local midnight; noon is inside the day whatever
 * the clocks do at night. */
static GDateTime *
local_noon (GTimeZone *zone,
            gint64     day_start)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day_start + 12 * 3600);

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

static int
local_year (GTimeZone *zone,
            gint64     utc)
{
  g_autoptr(GDateTime) dt_utc = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = dt_utc != NULL ? g_date_time_to_timezone (dt_utc, zone) : NULL;

  return local != NULL ? g_date_time_get_year (local) : 0;
}

/* public API */

/**
 * tl_trend_period_choose:
 * @period: what was asked: %TL_TREND_PERIOD_AUTO to choose
 * @n_days: how many local days the span covers
 *
 * Returns: @period, or for %TL_TREND_PERIOD_AUTO days up to
 *   %TL_TREND_PERIOD_MAX_DAYS days, weeks up to two years, months beyond
 */
TlTrendPeriod
tl_trend_period_choose (TlTrendPeriod period,
                        guint         n_days)
{
  if (period != TL_TREND_PERIOD_AUTO)
    return period;
  if (n_days <= TL_TREND_PERIOD_MAX_DAYS)
    return TL_TREND_PERIOD_DAY;
  if (n_days <= TL_TREND_PERIOD_MAX_WEEKS)
    return TL_TREND_PERIOD_WEEK;
  return TL_TREND_PERIOD_MONTH;
}

/**
 * tl_trend_period_from_nick:
 * @nick: "auto", "day", "week" or "month"
 * @out_period: (out): the period
 *
 * Returns: whether @nick names a period
 */
gboolean
tl_trend_period_from_nick (const char    *nick,
                           TlTrendPeriod *out_period)
{
  static const char * const nicks[] = { "auto", "day", "week", "month" };

  g_return_val_if_fail (out_period != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        *out_period = (TlTrendPeriod) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * tl_trend_period_start:
 * @utc: an instant
 *
 * Returns: the local midnight that starts the day, the week (Monday, as
 *   ISO weeks do) or the month @utc is in
 */
gint64
tl_trend_period_start (GTimeZone     *zone,
                       gint64         utc,
                       TlTrendPeriod  period)
{
  g_autoptr(GDateTime) noon = NULL;
  gint64 day, unused;

  g_return_val_if_fail (zone != NULL, utc);

  tl_time_day_range_at (zone, utc, &day, &unused);
  if (period != TL_TREND_PERIOD_WEEK && period != TL_TREND_PERIOD_MONTH)
    return day;
  if ((noon = local_noon (zone, day)) == NULL)
    return day;
  if (period == TL_TREND_PERIOD_WEEK)
    return tl_time_shift_days (zone, day, 1 - g_date_time_get_day_of_week (noon));
  return tl_time_shift_days (zone, day, 1 - g_date_time_get_day_of_month (noon));
}

/**
 * tl_trend_period_next:
 * @start: a local midnight that starts a period
 *
 * Returns: the local midnight that starts the next one
 */
gint64
tl_trend_period_next (GTimeZone     *zone,
                      gint64         start,
                      TlTrendPeriod  period)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (zone != NULL, start);

  switch (period)
    {
    case TL_TREND_PERIOD_WEEK:
      return tl_time_shift_days (zone, start, 7);
    case TL_TREND_PERIOD_MONTH:
      if ((noon = local_noon (zone, start)) == NULL)
        return tl_time_shift_days (zone, start, 31);
      return tl_time_shift_days (zone, start,
                                 g_date_get_days_in_month (g_date_time_get_month (noon),
                                                           g_date_time_get_year (noon)) -
                                 g_date_time_get_day_of_month (noon) + 1);
    case TL_TREND_PERIOD_AUTO:
    case TL_TREND_PERIOD_DAY:
    default:
      return tl_time_shift_days (zone, start, 1);
    }
}

/**
 * tl_trend_period_starts:
 * @from: start of a span, UTC
 * @to: the second after it, after @from
 * @period: a day, a week or a month
 *
 * Returns: (transfer full) (element-type gint64): the local midnights
 *   that start each period the span touches, then the one after the
 *   last: n + 1 bounds for n periods
 */
GArray *
tl_trend_period_starts (GTimeZone     *zone,
                        gint64         from,
                        gint64         to,
                        TlTrendPeriod  period)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start;

  g_return_val_if_fail (zone != NULL, starts);

  start = tl_trend_period_start (zone, from, period);
  g_array_append_val (starts, start);
  do
    {
      start = tl_trend_period_next (zone, start, period);
      g_array_append_val (starts, start);
    }
  while (start < to && starts->len <= MAX_BUCKETS);

  return starts;
}

/**
 * tl_trend_span_needs_year:
 * @from: start of a span, UTC
 * @to: the second after it
 * @now: the present, UTC
 *
 * Returns: whether dates of the span need their year to be read right:
 *   the span crosses a new year, or is not in the present year
 */
gboolean
tl_trend_span_needs_year (GTimeZone *zone,
                          gint64     from,
                          gint64     to,
                          gint64     now)
{
  int first;

  g_return_val_if_fail (zone != NULL, TRUE);

  first = local_year (zone, from);
  return first != local_year (zone, MAX (from, to - 1)) || first != local_year (zone, now);
}

/**
 * tl_trend_period_label:
 * @start: the local midnight that starts the period
 * @with_year: whether to say the year
 *
 * Returns: (transfer full): a short label under a bar: the day (or a
 *   week's Monday), “6 Dec” or “6 Dec 2026”; the month, “Dec” or
 *   “Dec 2026”
 */
char *
tl_trend_period_label (GTimeZone     *zone,
                       gint64         start,
                       TlTrendPeriod  period,
                       gboolean       with_year)
{
  const char *format;

  g_return_val_if_fail (zone != NULL, NULL);

  if (period == TL_TREND_PERIOD_MONTH)
    /* Translators: a month under a trend chart, see strftime */
    format = with_year ? _("%b %Y") : _("%b");
  else
    /* Translators: a day under a trend chart, see strftime */
    format = with_year ? _("%-d %b %Y") : _("%-d %b");
  return tl_time_format (zone, start + 12 * 3600, format);
}

/**
 * tl_trend_period_describe:
 * @start: the local midnight that starts the period
 *
 * Returns: (transfer full): the period in words, for a tooltip or a
 *   screen reader: “Week 49 of 2026, from Monday 30 November”,
 *   “December 2026”
 */
char *
tl_trend_period_describe (GTimeZone     *zone,
                          gint64         start,
                          TlTrendPeriod  period)
{
  g_return_val_if_fail (zone != NULL, NULL);

  switch (period)
    {
    case TL_TREND_PERIOD_WEEK:
      /* Translators: a week of the trend chart, see strftime: %V is the
       * ISO week number, %G its year */
      return tl_time_format (zone, start + 12 * 3600, _("Week %V of %G, from %A %-d %B"));
    case TL_TREND_PERIOD_MONTH:
      /* Translators: a month of the trend chart, see strftime */
      return tl_time_format (zone, start + 12 * 3600, _("%B %Y"));
    case TL_TREND_PERIOD_AUTO:
    case TL_TREND_PERIOD_DAY:
    default:
      /* Translators: a day in the trend chart's tooltip and in its
       * description for screen readers, see strftime */
      return tl_time_format (zone, start + 12 * 3600, _("%A %-d %B %Y"));
    }
}

/**
 * tl_trend_span_years:
 * @from: start of a span, UTC
 * @to: the second after it
 *
 * Returns: (transfer full): the local years the span covers, for a
 *   chart's title: “2026”, “2025–2026”
 */
char *
tl_trend_span_years (GTimeZone *zone,
                     gint64     from,
                     gint64     to)
{
  int first, last;

  g_return_val_if_fail (zone != NULL, NULL);

  first = local_year (zone, from);
  last = local_year (zone, MAX (from, to - 1));
  if (first == last)
    return g_strdup_printf ("%d", first);
  /* Translators: a range of years in a chart's title, “2025–2026” */
  return g_strdup_printf (_("%d–%d"), first, last);
}

/**
 * tl_trend_group:
 * @daily: a trend by day
 * @period: week or month (%TL_TREND_PERIOD_AUTO chooses from the
 *   number of days)
 *
 * Sums the days into weeks or months. A bucket that starts before the
 *   first day or ends after the last holds only the days @daily has: to
 *   show whole weeks or months, count the days from
 *   tl_trend_period_start(). An official figure is the sum of the days
 *   that have one, and stays unknown where none has.
 *
 * Returns: (transfer full): the grouped trend, or a copy of @daily when
 *   @period comes to days
 */
TlTrend *
tl_trend_group (const TlTrend *daily,
                TlTrendPeriod  period)
{
  g_autoptr(GArray) starts = NULL;
  TlTrend *grouped;

  g_return_val_if_fail (daily != NULL, NULL);
  g_return_val_if_fail (daily->period == TL_TREND_PERIOD_DAY, NULL);

  period = tl_trend_period_choose (period, daily->days->len);
  starts = tl_trend_period_starts (daily->zone, tl_trend_get_from (daily), daily->to, period);

  grouped = g_new0 (TlTrend, 1);
  grouped->zone = g_time_zone_ref (daily->zone);
  grouped->period = period;
  grouped->days = g_array_sized_new (FALSE, TRUE, sizeof (TlTrendDay), starts->len - 1);
  grouped->to = g_array_index (starts, gint64, starts->len - 1);
  /* Weeks are spans of time: the same in any buckets. */
  grouped->weeks = g_array_copy (daily->weeks);
  for (guint i = 0; i + 1 < starts->len; i++)
    {
      TlTrendDay bucket = { 0 };
      g_autofree char *date = NULL;

      bucket.start = g_array_index (starts, gint64, i);
      date = tl_time_format (daily->zone, bucket.start + 12 * 3600, "%Y-%m-%d");
      g_strlcpy (bucket.date, date != NULL ? date : "", sizeof bucket.date);
      bucket.values[TL_TREND_OFFICIAL_PEOPLE] = -1;
      bucket.values[TL_TREND_OFFICIAL_BOATS] = -1;
      g_array_append_val (grouped->days, bucket);
    }

  for (guint i = 0; i < daily->days->len; i++)
    {
      const TlTrendDay *day = &g_array_index (daily->days, TlTrendDay, i);
      int index = tl_trend_find_day (grouped, day->start);
      TlTrendDay *bucket;

      if (index < 0)
        continue;
      bucket = &g_array_index (grouped->days, TlTrendDay, index);
      for (guint s = 0; s < TL_TREND_N_SERIES; s++)
        {
          if (day->values[s] < 0)
            continue;
          bucket->values[s] = MAX (bucket->values[s], 0) + day->values[s];
        }
    }

  return grouped;
}

/**
 * tl_trend_get_period:
 *
 * Returns: how long each of @trend's buckets is
 */
TlTrendPeriod
tl_trend_get_period (const TlTrend *trend)
{
  g_return_val_if_fail (trend != NULL, TL_TREND_PERIOD_DAY);

  return trend->period;
}
