/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-review.h"

G_BEGIN_DECLS

/* Search words, kind, status and unit; the active ones as removable chips
 * with "Clear all". Edits the review's filter, which the map, the list,
 * the summary and the exports share. */
#define TL_TYPE_FILTER_BAR (tl_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (TlFilterBar, tl_filter_bar, TL, FILTER_BAR, GtkWidget)

TlFilterBar *tl_filter_bar_new        (void);
void         tl_filter_bar_set_review (TlFilterBar *self,
                                       TlReview    *review);
void         tl_filter_bar_focus_search (TlFilterBar *self);
void         tl_filter_bar_clear      (TlFilterBar *self);

G_END_DECLS
