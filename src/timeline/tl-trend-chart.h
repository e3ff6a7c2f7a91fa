/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-review.h"
#include "tl-trend.h"

G_BEGIN_DECLS

/* People per day over the last 30 days (or the window, when longer):
 * Tideline's own count as bars, the imported official figures as a line,
 * with dates below, a legend, and the values of a day on hover. */
#define TL_TYPE_TREND_CHART (tl_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (TlTrendChart, tl_trend_chart, TL, TREND_CHART, GtkWidget)

TlTrendChart  *tl_trend_chart_new        (void);
void           tl_trend_chart_set_review (TlTrendChart *self,
                                          TlReview     *review);
const TlTrend *tl_trend_chart_get_trend  (TlTrendChart *self);

G_END_DECLS
