/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-event.h"

G_BEGIN_DECLS

/* The figures of a window, as the summary bar, `tideline summary` and the
 * briefing show them. What each counts is its definition
 * (tl_summary_figure_get_definition()), written once in tl-summary.c and
 * in the README; the store counts them in SQL (tl_store_summarize()). */
typedef enum {
  TL_SUMMARY_BOATS_AT_SEA,
  TL_SUMMARY_PREVENTED,
  TL_SUMMARY_PEOPLE_AT_SEA,
  TL_SUMMARY_RESCUED,
  TL_SUMMARY_LANDED_UK,
  TL_SUMMARY_RETURNED_FR,
  TL_SUMMARY_DECEASED,
  TL_SUMMARY_MISSING,
  TL_SUMMARY_OPEN_CASES,
  TL_SUMMARY_N_FIGURES
} TlSummaryFigure;

typedef struct {
  gint64 values[TL_SUMMARY_N_FIGURES];
} TlSummary;

/* The actions on shore (a departure's "action_on_shore") that kept a boat
 * from going to sea. */
extern const char * const tl_summary_prevented_actions[];

const char *tl_summary_figure_get_label      (TlSummaryFigure  figure);
const char *tl_summary_figure_get_key        (TlSummaryFigure  figure);
const char *tl_summary_figure_get_definition (TlSummaryFigure  figure);
gboolean    tl_summary_figure_is_bad_up      (TlSummaryFigure  figure);
void        tl_summary_compute               (GPtrArray       *events,
                                              TlSummary       *out_summary);
void        tl_summary_compute_model         (GListModel      *events,
                                              TlSummary       *out_summary);
char       *tl_summary_format_change         (gint64           current,
                                              gint64           previous);
char       *tl_summary_to_json               (const TlSummary *summary);

G_END_DECLS
