/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-trend.h"

G_BEGIN_DECLS

/* Long spans: a year of days is 365 bars nobody can read, and their
 * dates pile up. Weeks (ISO weeks, from Monday's local midnight) and
 * calendar months group them; the choice is automatic from the span's
 * length, or forced by an option. Nicks are the option's values. */
typedef enum {
  TL_TREND_PERIOD_AUTO,
  TL_TREND_PERIOD_DAY,
  TL_TREND_PERIOD_WEEK,
  TL_TREND_PERIOD_MONTH,
} TlTrendPeriod;

/* The longest spans, in days, shown by day and by week when automatic. */
#define TL_TREND_PERIOD_MAX_DAYS  92
#define TL_TREND_PERIOD_MAX_WEEKS (2 * 366)

TlTrendPeriod  tl_trend_period_choose        (TlTrendPeriod  period,
                                              guint          n_days);
gboolean       tl_trend_period_from_nick     (const char    *nick,
                                              TlTrendPeriod *out_period);
gint64         tl_trend_period_start         (GTimeZone     *zone,
                                              gint64         utc,
                                              TlTrendPeriod  period);
gint64         tl_trend_period_next          (GTimeZone     *zone,
                                              gint64         start,
                                              TlTrendPeriod  period);
GArray        *tl_trend_period_starts        (GTimeZone     *zone,
                                              gint64         from,
                                              gint64         to,
                                              TlTrendPeriod  period);
gboolean       tl_trend_span_needs_year      (GTimeZone     *zone,
                                              gint64         from,
                                              gint64         to,
                                              gint64         now);
char          *tl_trend_period_label         (GTimeZone     *zone,
                                              gint64         start,
                                              TlTrendPeriod  period,
                                              gboolean       with_year);
char          *tl_trend_period_describe      (GTimeZone     *zone,
                                              gint64         start,
                                              TlTrendPeriod  period);
char          *tl_trend_span_years           (GTimeZone     *zone,
                                              gint64         from,
                                              gint64         to);
TlTrend       *tl_trend_group                (const TlTrend *daily,
                                              TlTrendPeriod  period);
TlTrendPeriod  tl_trend_get_period           (const TlTrend *trend);

G_END_DECLS
