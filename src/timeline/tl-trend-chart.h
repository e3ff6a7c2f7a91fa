/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-review.h"
#include "tl-trend.h"

G_BEGIN_DECLS

/* People, boats or departures per day over the last 30 days (or the
 * window, when longer): Tideline's own count as bars, the imported official
 * figures as a line where they count the same thing, with dates below, a
 * legend, linked buttons to choose the measure, and the values of a day on
 * hover. */
#define TL_TYPE_TREND_CHART (tl_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (TlTrendChart, tl_trend_chart, TL, TREND_CHART, GtkWidget)

TlTrendChart  *tl_trend_chart_new        (void);
void           tl_trend_chart_set_review (TlTrendChart *self,
                                          TlReview     *review);
TlTrendMeasure tl_trend_chart_get_measure (TlTrendChart   *self);
void           tl_trend_chart_set_measure (TlTrendChart   *self,
                                           TlTrendMeasure  measure);
const TlTrend *tl_trend_chart_get_trend  (TlTrendChart *self);

G_END_DECLS
