/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-trend.h"
#include "tl-trend-period.h"

G_BEGIN_DECLS

struct _TlTrend
{
  GTimeZone     *zone;    /* whose local days the buckets are */
  GArray        *days;    /* of TlTrendDay, in date order */
  gint64         to;      /* the local midnight after the last bucket */
  TlTrendPeriod  period;  /* how long each bucket is: a day, a week, a month */
  GArray        *weeks;   /* of TlTrendWeek: official weekly figures, by date */
};

/* tl-trend-week.c */
gint64         tl_trend_weeks_get_max_bar    (const TlTrend *trend,
                                              TlTrendMeasure measure);
guint          tl_trend_count_official_weeks (const TlTrend *trend,
                                              TlTrendMeasure measure);
void           tl_trend_describe_weeks_at    (const TlTrend *trend,
                                              guint          index,
                                              TlTrendMeasure measure,
                                              GString       *text);

G_END_DECLS
