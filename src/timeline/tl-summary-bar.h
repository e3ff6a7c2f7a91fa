/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-review.h"

G_BEGIN_DECLS

/* The window's figures in a row, each with its change since the previous
 * window of equal length. */
#define TL_TYPE_SUMMARY_BAR (tl_summary_bar_get_type ())
G_DECLARE_FINAL_TYPE (TlSummaryBar, tl_summary_bar, TL, SUMMARY_BAR, GtkWidget)

TlSummaryBar *tl_summary_bar_new        (void);
void          tl_summary_bar_set_review (TlSummaryBar *self,
                                         TlReview     *review);
const char   *tl_summary_bar_get_value_text (TlSummaryBar   *self,
                                             TlSummaryFigure figure);

G_END_DECLS
