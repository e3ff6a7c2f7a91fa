/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "tl-time.h"
#include "tl-trend-private.h"

static const GEnumValue measure_values[] = {
  { TL_TREND_MEASURE_PEOPLE, "TL_TREND_MEASURE_PEOPLE", "people" },
  { TL_TREND_MEASURE_BOATS, "TL_TREND_MEASURE_BOATS", "boats" },
  { TL_TREND_MEASURE_DEPARTURES, "TL_TREND_MEASURE_DEPARTURES", "departures" },
  { 0, NULL, NULL }
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

static char *
format_long_date (const TlTrend    *trend,
                  const TlTrendDay *day)
{
  /* Weeks and months are named by their own words. */
  if (trend->period != TL_TREND_PERIOD_DAY)
    return tl_trend_period_describe (trend->zone, day->start, trend->period);
  /* Noon is inside the day whatever the clocks do at night. */
  /* Translators: a day in the trend chart's tooltip and in its description
   * for screen readers, see strftime */
  return tl_time_format (trend->zone, day->start + 12 * 3600, _("%A %-d %B %Y"));
}

/* A round number (1, 2 or 5 times a power of ten) at or above @value. */
static gint64
round_up (gint64 value)
{
  gint64 step = 1;

  if (value <= 1)
    return 1;
  while (step * 10 < value)
    step *= 10;
  if (step >= value)
    return step;
  if (step * 2 >= value)
    return step * 2;
  if (step * 5 >= value)
    return step * 5;
  return step * 10;
}

/* public API */

GType
tl_trend_measure_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("TlTrendMeasure"),
                                                         measure_values));

  return type_id;
}

/**
 * tl_trend_measure_get_own:
 *
 * Returns: the series of Tideline's own count that @measure shows
 */
TlTrendSeries
tl_trend_measure_get_own (TlTrendMeasure measure)
{
  switch (measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      return TL_TREND_PEOPLE;
    case TL_TREND_MEASURE_BOATS:
      return TL_TREND_BOATS;
    case TL_TREND_MEASURE_DEPARTURES:
      return TL_TREND_DEPARTURES;
    default:
      g_return_val_if_reached (TL_TREND_PEOPLE);
    }
}

/**
 * tl_trend_measure_get_official:
 * @out_series: (out) (optional): the series of official figures
 *
 * The official daily figures count people and boats, not departures.
 *
 * Returns: whether @measure has official figures to compare with
 */
gboolean
tl_trend_measure_get_official (TlTrendMeasure  measure,
                               TlTrendSeries  *out_series)
{
  TlTrendSeries series;

  switch (measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      series = TL_TREND_OFFICIAL_PEOPLE;
      break;
    case TL_TREND_MEASURE_BOATS:
      series = TL_TREND_OFFICIAL_BOATS;
      break;
    case TL_TREND_MEASURE_DEPARTURES:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (out_series != NULL)
    *out_series = series;
  return TRUE;
}

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
  trend->zone = g_time_zone_ref (zone);
  trend->period = TL_TREND_PERIOD_DAY;
  trend->days = g_array_sized_new (FALSE, TRUE, sizeof (TlTrendDay), n_days);
  trend->weeks = g_array_new (FALSE, TRUE, sizeof (TlTrendWeek));

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
  g_array_unref (trend->weeks);
  g_time_zone_unref (trend->zone);
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

  return tl_trend_has_official_weeks (trend, TL_TREND_MEASURE_PEOPLE) ||
         tl_trend_has_official_weeks (trend, TL_TREND_MEASURE_BOATS);
}

/**
 * tl_trend_day_get_own:
 *
 * Returns: Tideline's count of @measure on @day, 0 or more
 */
gint64
tl_trend_day_get_own (const TlTrendDay *day,
                      TlTrendMeasure    measure)
{
  g_return_val_if_fail (day != NULL, 0);

  return day->values[tl_trend_measure_get_own (measure)];
}

/**
 * tl_trend_day_get_official:
 *
 * Returns: the official figure of @measure on @day, or -1 when it was not
 *   imported or when @measure has no official figure at all
 */
gint64
tl_trend_day_get_official (const TlTrendDay *day,
                           TlTrendMeasure    measure)
{
  TlTrendSeries series;

  g_return_val_if_fail (day != NULL, -1);

  if (!tl_trend_measure_get_official (measure, &series))
    return -1;
  return day->values[series];
}

/**
 * tl_trend_get_total:
 *
 * Returns: Tideline's count of @measure over all the days
 */
gint64
tl_trend_get_total (const TlTrend  *trend,
                    TlTrendMeasure  measure)
{
  gint64 total = 0;

  g_return_val_if_fail (trend != NULL, 0);

  for (guint i = 0; i < trend->days->len; i++)
    total += tl_trend_day_get_own (&g_array_index (trend->days, TlTrendDay, i), measure);

  return total;
}

/**
 * tl_trend_count_official_days:
 *
 * Returns: how many days have an official figure of @measure; always 0
 *   for a measure without official figures
 */
guint
tl_trend_count_official_days (const TlTrend  *trend,
                              TlTrendMeasure  measure)
{
  guint n = 0;

  g_return_val_if_fail (trend != NULL, 0);

  for (guint i = 0; i < trend->days->len; i++)
    if (tl_trend_day_get_official (&g_array_index (trend->days, TlTrendDay, i), measure) >= 0)
      n++;

  return n;
}

/**
 * tl_trend_get_scale_top:
 *
 * The top of a chart's scale for @measure: a round number at or above
 * both Tideline's and the official largest value (weekly bars included,
 * see tl_trend_week_get_bar()), and even, so that the
 * scale's middle line is a whole number too.
 *
 * Returns: 2 or more
 */
gint64
tl_trend_get_scale_top (const TlTrend  *trend,
                        TlTrendMeasure  measure)
{
  TlTrendSeries official;
  gint64 max;

  g_return_val_if_fail (trend != NULL, 2);

  max = tl_trend_get_max (trend, tl_trend_measure_get_own (measure));
  if (tl_trend_measure_get_official (measure, &official))
    max = MAX (max, tl_trend_get_max (trend, official));
  max = MAX (max, tl_trend_weeks_get_max_bar (trend, measure));

  return 2 * round_up ((max + 1) / 2);
}

/**
 * tl_trend_has_measure_data:
 *
 * Returns: whether any day has a departure, or an official figure of
 *   @measure: if not, a chart of @measure shows its empty state
 */
gboolean
tl_trend_has_measure_data (const TlTrend  *trend,
                           TlTrendMeasure  measure)
{
  g_return_val_if_fail (trend != NULL, FALSE);

  return tl_trend_get_max (trend, TL_TREND_DEPARTURES) > 0 ||
         tl_trend_count_official_days (trend, measure) > 0 ||
         tl_trend_has_official_weeks (trend, measure);
}

/**
 * tl_trend_describe:
 *
 * What a screen reader says instead of a chart of @measure: the total
 * over the days, and for people and boats how many days have an official
 * figure.
 *
 * Returns: (transfer full): one or two sentences
 */
char *
tl_trend_describe (const TlTrend  *trend,
                   TlTrendMeasure  measure)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gint64 total;

  g_return_val_if_fail (trend != NULL, NULL);

  first = format_long_date (trend, &g_array_index (trend->days, TlTrendDay, 0));
  last = format_long_date (trend, &g_array_index (trend->days, TlTrendDay, trend->days->len - 1));
  total = tl_trend_get_total (trend, measure);
  text = g_string_new (NULL);

  switch (measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      g_string_append_printf (text,
                              /* Translators: description of the trend chart for screen
                               * readers; the %s are the first and last day shown */
                              ngettext ("Tideline counted %" PRId64 " person on departures from %s to %s.",
                                        "Tideline counted %" PRId64 " people on departures from %s to %s.",
                                        total),
                              total, first, last);
      break;
    case TL_TREND_MEASURE_BOATS:
      g_string_append_printf (text,
                              /* Translators: description of the trend chart for screen
                               * readers; the %s are the first and last day shown */
                              ngettext ("Tideline counted %" PRId64 " boat on departures from %s to %s.",
                                        "Tideline counted %" PRId64 " boats on departures from %s to %s.",
                                        total),
                              total, first, last);
      break;
    case TL_TREND_MEASURE_DEPARTURES:
      g_string_append_printf (text,
                              /* Translators: description of the trend chart for screen
                               * readers; the %s are the first and last day shown */
                              ngettext ("Tideline counted %" PRId64 " departure from %s to %s.",
                                        "Tideline counted %" PRId64 " departures from %s to %s.",
                                        total),
                              total, first, last);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Official figures count people and boats only: about departures,
   * they have nothing to say, not even "none". */
  if (tl_trend_measure_get_official (measure, NULL))
    {
      guint official = tl_trend_count_official_days (trend, measure);

      g_string_append_c (text, ' ');
      if (official == 0)
        g_string_append (text, _("No official figure exists for these days."));
      else
        g_string_append_printf (text,
                                ngettext ("An official figure exists for %u of these days.",
                                          "Official figures exist for %u of these days.",
                                          official),
                                official);

      /* Weekly series are drawn as bars of their own, across their weeks. */
      official = tl_trend_count_official_weeks (trend, measure);
      if (official > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text,
                                  /* Translators: description of the trend chart for screen readers */
                                  ngettext ("An official weekly figure, shown as a bar across its week, "
                                            "exists for %u week.",
                                            "Official weekly figures, shown as bars across their weeks, "
                                            "exist for %u weeks.",
                                            official),
                                  official);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tl_trend_describe_day:
 * @index: a day
 *
 * The values of a day for a chart of @measure: the date, Tideline's
 * count, and the official figure where official figures count @measure.
 *
 * Returns: (transfer full): three lines, or two for departures
 */
char *
tl_trend_describe_day (const TlTrend  *trend,
                       guint           index,
                       TlTrendMeasure  measure)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;
  const TlTrendDay *day;
  gint64 departures, own, official;

  g_return_val_if_fail (trend != NULL, NULL);
  g_return_val_if_fail (index < trend->days->len, NULL);

  day = &g_array_index (trend->days, TlTrendDay, index);
  date = format_long_date (trend, day);
  text = g_string_new (date);
  g_string_append_c (text, '\n');
  departures = day->values[TL_TREND_DEPARTURES];
  own = tl_trend_day_get_own (day, measure);
  switch (measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      g_string_append_printf (text,
                              /* Translators: Tideline's own figures of a day in the trend chart */
                              ngettext ("Tideline: %" PRId64 " people on %" PRId64 " departure",
                                        "Tideline: %" PRId64 " people on %" PRId64 " departures",
                                        departures),
                              own, departures);
      break;
    case TL_TREND_MEASURE_BOATS:
      g_string_append_printf (text,
                              /* Translators: Tideline's own figures of a day in the trend chart */
                              ngettext ("Tideline: %" PRId64 " boats on %" PRId64 " departure",
                                        "Tideline: %" PRId64 " boats on %" PRId64 " departures",
                                        departures),
                              own, departures);
      break;
    case TL_TREND_MEASURE_DEPARTURES:
      g_string_append_printf (text,
                              /* Translators: Tideline's own figure of a day in the trend chart */
                              ngettext ("Tideline: %" PRId64 " departure",
                                        "Tideline: %" PRId64 " departures",
                                        departures),
                              departures);
      break;
    default:
      g_assert_not_reached ();
    }

  /* No official departures exist: the tooltip does not mention them. */
  if (tl_trend_measure_get_official (measure, NULL))
    {
      g_autoptr(GString) weeks = g_string_new (NULL);

      tl_trend_describe_weeks_at (trend, index, measure, weeks);
      official = tl_trend_day_get_official (day, measure);
      /* A day under a weekly figure alone says only that. */
      if (official >= 0 || weeks->len == 0 ||
          day->values[TL_TREND_OFFICIAL_PEOPLE] >= 0 || day->values[TL_TREND_OFFICIAL_BOATS] >= 0)
        g_string_append_c (text, '\n');
      if (official >= 0)
        g_string_append_printf (text,
                                measure == TL_TREND_MEASURE_PEOPLE
                                /* Translators: the official figure of a day in the trend chart */
                                ? ngettext ("Official: %" PRId64 " person",
                                            "Official: %" PRId64 " people", official)
                                /* Translators: the official figure of a day in the trend chart */
                                : ngettext ("Official: %" PRId64 " boat",
                                            "Official: %" PRId64 " boats", official),
                                official);
      else if (day->values[TL_TREND_OFFICIAL_PEOPLE] >= 0 || day->values[TL_TREND_OFFICIAL_BOATS] >= 0)
        /* Translators: the day's official figures were imported without this one */
        g_string_append (text, _("Official: not given"));
      else if (weeks->len == 0)
        g_string_append (text, _("Official: no figures imported"));
      g_string_append (text, weeks->str);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
