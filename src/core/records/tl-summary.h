/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-event.h"

G_BEGIN_DECLS

/* The figures of a window, as the summary bar shows them. How each is
 * counted is in tl-summary.c, next to the code. */
typedef enum {
  TL_SUMMARY_DEPARTURES,
  TL_SUMMARY_BOATS,
  TL_SUMMARY_PEOPLE,
  TL_SUMMARY_RESCUED,
  TL_SUMMARY_DECEASED,
  TL_SUMMARY_MISSING,
  TL_SUMMARY_INTERCEPTIONS,
  TL_SUMMARY_ARRIVALS,
  TL_SUMMARY_OPEN_CASES,
  TL_SUMMARY_N_FIGURES
} TlSummaryFigure;

typedef struct {
  gint64 values[TL_SUMMARY_N_FIGURES];
} TlSummary;

const char *tl_summary_figure_get_label  (TlSummaryFigure  figure);
gboolean    tl_summary_figure_is_bad_up  (TlSummaryFigure  figure);
void        tl_summary_compute           (GPtrArray       *events,
                                          TlSummary       *out_summary);
void        tl_summary_compute_model     (GListModel      *events,
                                          TlSummary       *out_summary);
char       *tl_summary_format_change     (gint64           current,
                                          gint64           previous);

G_END_DECLS
