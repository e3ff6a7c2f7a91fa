/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-review.h"

G_BEGIN_DECLS

/* Shared by tl-review.c (the window, the filter, the cursor) and
 * tl-review-summary.c (what it adds up to, and what is new in it). */

struct _TlReview
{
  GObject              parent_instance;

  /* owned */
  TlStore             *store;
  GTimeZone           *zone;
  char                *operator_name;
  TlEventList         *events;        /* the window, filtered */
  GtkCustomFilter     *cursor_filter;
  GtkFilterListModel  *model;         /* events, up to the cursor */
  TlFilter            *criteria;      /* kinds, statuses, unit, words */

  TlWindowPreset       preset;
  gint64               cursor;        /* G_MAXINT64: not replaying */
  gint64               seen_before;
  TlSummary            current;
  TlSummary            previous;
  guint                summary_idle;
  GCancellable        *summary_counting;  /* a server's figures on their way */
  gboolean             previous_counting; /* the previous window's among them */
  gboolean             current_counting;  /* the window's own among them */
  gboolean             previous_stale;
};

void tl_review_queue_summary        (TlReview *self,
                                     gboolean  previous_too);
void tl_review_emit_summary_changed (TlReview *self);

G_END_DECLS
