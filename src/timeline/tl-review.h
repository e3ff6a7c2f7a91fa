/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-event-list.h"
#include "tl-filter.h"
#include "tl-summary.h"

G_BEGIN_DECLS

/* What a window is reviewing: a window of time, the filter, the replay
 * cursor and what the user has already seen. It owns the one model that
 * the map, the list, the time strip and the summary all read, so that
 * they cannot disagree. */
#define TL_TYPE_REVIEW (tl_review_get_type ())
G_DECLARE_FINAL_TYPE (TlReview, tl_review, TL, REVIEW, GObject)

TlReview       *tl_review_new            (TlStore        *store,
                                          GTimeZone      *zone,
                                          const char     *operator_name);
TlEventList    *tl_review_get_events     (TlReview       *self);
GListModel     *tl_review_get_model      (TlReview       *self);
GTimeZone      *tl_review_get_zone       (TlReview       *self);
void            tl_review_set_time_zone  (TlReview       *self,
                                          GTimeZone      *zone);
void            tl_review_set_operator_name (TlReview    *self,
                                          const char     *operator_name);
TlStore        *tl_review_get_store      (TlReview       *self);

TlWindowPreset  tl_review_get_preset     (TlReview       *self);
void            tl_review_set_preset     (TlReview       *self,
                                          TlWindowPreset  preset);
void            tl_review_set_range      (TlReview       *self,
                                          gint64          from,
                                          gint64          to);
void            tl_review_show_day       (TlReview       *self,
                                          gint64          utc);
void            tl_review_shift          (TlReview       *self,
                                          int             direction);
gboolean        tl_review_is_now         (TlReview       *self);
gboolean        tl_review_can_go_forward (TlReview       *self);
gint64          tl_review_get_from       (TlReview       *self);
gint64          tl_review_get_to         (TlReview       *self);

const TlFilter *tl_review_get_filter     (TlReview       *self);
void            tl_review_set_filter     (TlReview       *self,
                                          const TlFilter *criteria);

gint64          tl_review_get_cursor     (TlReview       *self);
void            tl_review_set_cursor     (TlReview       *self,
                                          gint64          cursor);
gboolean        tl_review_is_replaying   (TlReview       *self);

void            tl_review_get_summary    (TlReview       *self,
                                          TlSummary      *out_current,
                                          TlSummary      *out_previous);

gint64          tl_review_get_seen_before (TlReview      *self);
void            tl_review_set_seen_before (TlReview      *self,
                                           gint64         seen_before);
gboolean        tl_review_is_counting    (TlReview       *self);
gboolean        tl_review_is_unseen      (TlReview       *self,
                                          TlEvent        *event);
guint           tl_review_count_unseen   (TlReview       *self,
                                          guint          *out_first);
void            tl_review_mark_seen      (TlReview       *self);

G_END_DECLS
