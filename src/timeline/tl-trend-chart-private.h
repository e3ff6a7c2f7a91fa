/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "tl-trend-chart.h"

G_BEGIN_DECLS

#define PLOT_HEIGHT 96   /* the map keeps half of a 700 px window */
#define PAD_LEFT 44.0     /* room for the scale's numbers */
#define PAD_RIGHT 12.0
#define PAD_BOTTOM 20.0   /* room for the dates */
#define HEADER_GAP 8      /* between the header (legend, switcher) and the plot */

struct _TlTrendChart
{
  GtkWidget       parent_instance;

  /* owned */
  GtkWidget      *switcher;   /* child: the linked People/Boats/Departures buttons */
  GSimpleAction  *measure_action; /* trend.measure: its state is the measure's nick */
  TlReview       *review;
  TlTrend        *trend;
  GCancellable   *cancellable; /* of the count on its way */

  TlTrendMeasure  measure;
  int             header;     /* height above the plot, set on allocation */
  double          legend_middle; /* the legend's centre line, set on allocation */
  int             legend_wrap;   /* the widest a row of the legend may be, likewise */
  int             hover;      /* day under the pointer, -1 for none */
  gboolean        stale;      /* counts to read again when next shown */
};

void tl_trend_chart_plot_area    (TlTrendChart    *self,
                                  graphene_rect_t *out_rect);
int  tl_trend_chart_layout_header (TlTrendChart  *self,
                                   int            width,
                                   GtkAllocation *out_switcher,
                                   double        *out_legend_middle);
void tl_trend_chart_draw         (TlTrendChart *self,
                                  GtkSnapshot  *snapshot);

G_END_DECLS
