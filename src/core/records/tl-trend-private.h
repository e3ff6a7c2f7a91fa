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
};

G_END_DECLS
