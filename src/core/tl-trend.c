/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-time.h"
#include "tl-trend.h"

struct _TlTrend
{
  GArray *days;   /* of TlTrendDay, in date order */
  gint64  to;     /* the midnight after the last day */
};

/* helpers */

static void
format_date (GTimeZone *zone,
             gint64     utc,
             char       out_date[11])
{
  g_autofree char *date = tl_time_format (zone, utc, "%Y-%m-%d");

  g_strlcpy (out_date, date, 11);
}

/* public API */

/**
 * tl_trend_new:
 * @zone: the display zone, whose local days the buckets are
 * @first_day: the local midnight the first bucket starts at
 * @n_days: how many local days, at least 1
 *
 * Returns: (transfer full): empty buckets: own counts 0, official figures
 *   not known
 */
TlTrend *
tl_trend_new (GTimeZone *zone,
              gint64     first_day,
              guint      n_days)
{
  TlTrend *trend;
  gint64 start = first_day;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (n_days > 0, NULL);

  trend = g_new0 (TlTrend, 1);
  trend->days = g_array_sized_new (FALSE, TRUE, sizeof (TlTrendDay), n_days);

  for (guint i = 0; i < n_days; i++)
    {
      TlTrendDay day = { 0 };

      day.start = start;
      format_date (zone, start, day.date);
      day.values[TL_TREND_OFFICIAL_PEOPLE] = -1;
      day.values[TL_TREND_OFFICIAL_BOATS] = -1;
      g_array_append_val (trend->days, day);
      /* Shifting by calendar days from the first, not adding 86,400 s,
       * keeps every bucket on a local midnight across clock changes. */
      start = tl_time_shift_days (zone, first_day, i + 1);
    }
  trend->to = start;

  return trend;
}

/**
 * tl_trend_new_for_window:
 * @zone: the display zone
 * @from: start of the window shown, UTC
 * @to: the second after it, UTC
 *
 * The days a chart beside a window shows: the last %TL_TREND_MIN_DAYS
 * days up to the window's last day, or the window's days when it is
 * longer. A window that ends at midnight ends the day before.
 *
 * Returns: (transfer full): empty buckets for those days
 */
TlTrend *
tl_trend_new_for_window (GTimeZone *zone,
                         gint64     from,
                         gint64     to)
{
  gint64 first_day, last_day, unused;
  guint n_days = 1;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (from < to, NULL);

  tl_time_day_range_at (zone, from, &first_day, &unused);
  tl_time_day_range_at (zone, to - 1, &last_day, &unused);

  while (tl_time_shift_days (zone, first_day, n_days) <= last_day)
    n_days++;

  if (n_days < TL_TREND_MIN_DAYS)
    {
      first_day = tl_time_shift_days (zone, last_day, -(TL_TREND_MIN_DAYS - 1));
      n_days = TL_TREND_MIN_DAYS;
    }

  return tl_trend_new (zone, first_day, n_days);
}

void
tl_trend_free (TlTrend *trend)
{
  if (trend == NULL)
    return;

  g_array_unref (trend->days);
  g_free (trend);
}

guint
tl_trend_get_n_days (const TlTrend *trend)
{
  g_return_val_if_fail (trend != NULL, 0);

  return trend->days->len;
}

/**
 * tl_trend_get_day:
 *
 * Returns: (transfer none): the bucket at @index, in date order
 */
const TlTrendDay *
tl_trend_get_day (const TlTrend *trend,
                  guint          index)
{
  g_return_val_if_fail (trend != NULL, NULL);
  g_return_val_if_fail (index < trend->days->len, NULL);

  return &g_array_index (trend->days, TlTrendDay, index);
}

/* The first second of the first day, UTC. */
gint64
tl_trend_get_from (const TlTrend *trend)
{
  g_return_val_if_fail (trend != NULL, 0);

  return g_array_index (trend->days, TlTrendDay, 0).start;
}

/* The midnight after the last day, UTC. */
gint64
tl_trend_get_to (const TlTrend *trend)
{
  g_return_val_if_fail (trend != NULL, 0);

  return trend->to;
}

/**
 * tl_trend_find_day:
 * @utc: an instant
 *
 * Returns: the index of the local day @utc falls in, or -1 if none does
 */
int
tl_trend_find_day (const TlTrend *trend,
                   gint64         utc)
{
  guint lo = 0, hi;

  g_return_val_if_fail (trend != NULL, -1);

  if (utc < tl_trend_get_from (trend) || utc >= trend->to)
    return -1;

  /* The last day whose start is at or before @utc. */
  hi = trend->days->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (trend->days, TlTrendDay, mid).start <= utc)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/**
 * tl_trend_add_event:
 * @time: when the event happened, UTC
 * @kind: its kind: only departures count
 * @boats: the boats it states, or %TL_COUNT_UNKNOWN (one boat)
 * @people: the people it states, or %TL_COUNT_UNKNOWN (none counted)
 *
 * Counts one event in its day, as tl_summary_compute() counts it.
 * Events outside the days are ignored.
 */
void
tl_trend_add_event (TlTrend     *trend,
                    gint64       time,
                    TlEventKind  kind,
                    int          boats,
                    int          people)
{
  TlTrendDay *day;
  int index;

  g_return_if_fail (trend != NULL);

  if (kind != TL_EVENT_KIND_DEPARTURE || (index = tl_trend_find_day (trend, time)) < 0)
    return;

  day = &g_array_index (trend->days, TlTrendDay, index);
  day->values[TL_TREND_DEPARTURES]++;
  day->values[TL_TREND_BOATS] += boats >= 0 ? boats : 1;
  day->values[TL_TREND_PEOPLE] += MAX (people, 0);
}

/**
 * tl_trend_add_statistics:
 * @days: (element-type TlStatisticsDay): official figures, by date
 *
 * Puts each official figure on the local day of the same date; dates
 * outside the days are ignored, figures not given stay unknown.
 */
void
tl_trend_add_statistics (TlTrend *trend,
                         GArray  *days)
{
  g_return_if_fail (trend != NULL);
  g_return_if_fail (days != NULL);

  for (guint i = 0; i < days->len; i++)
    {
      const TlStatisticsDay *stat = &g_array_index (days, TlStatisticsDay, i);
      guint lo = 0, hi = trend->days->len;

      /* ISO dates sort as text. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (strcmp (g_array_index (trend->days, TlTrendDay, mid).date, stat->date) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }

      if (lo < trend->days->len)
        {
          TlTrendDay *day = &g_array_index (trend->days, TlTrendDay, lo);

          if (strcmp (day->date, stat->date) == 0)
            {
              day->values[TL_TREND_OFFICIAL_PEOPLE] = stat->people;
              day->values[TL_TREND_OFFICIAL_BOATS] = stat->boats;
            }
        }
    }
}

/**
 * tl_trend_get_max:
 *
 * Returns: the largest value of @series over the days, 0 if none is known
 */
gint64
tl_trend_get_max (const TlTrend *trend,
                  TlTrendSeries  series)
{
  gint64 max = 0;

  g_return_val_if_fail (trend != NULL, 0);
  g_return_val_if_fail (series < TL_TREND_N_SERIES, 0);

  for (guint i = 0; i < trend->days->len; i++)
    max = MAX (max, g_array_index (trend->days, TlTrendDay, i).values[series]);

  return max;
}

/**
 * tl_trend_has_data:
 *
 * Returns: whether any day has a departure or an official figure: if not,
 *   a chart shows its empty state instead of a flat line
 */
gboolean
tl_trend_has_data (const TlTrend *trend)
{
  g_return_val_if_fail (trend != NULL, FALSE);

  for (guint i = 0; i < trend->days->len; i++)
    {
      const TlTrendDay *day = &g_array_index (trend->days, TlTrendDay, i);

      if (day->values[TL_TREND_DEPARTURES] > 0 || day->values[TL_TREND_OFFICIAL_PEOPLE] >= 0 ||
          day->values[TL_TREND_OFFICIAL_BOATS] >= 0)
        return TRUE;
    }

  return FALSE;
}
