/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-store.h"

G_BEGIN_DECLS

/* A GListModel of TlEvent: the events whose time lies in [from, to),
 * ordered by time then id. It follows the store: a write through any
 * TlStore on the same file emits the matching items-changed. */
#define TL_TYPE_EVENT_LIST (tl_event_list_get_type ())
G_DECLARE_FINAL_TYPE (TlEventList, tl_event_list, TL, EVENT_LIST, GObject)

TlEventList *tl_event_list_new       (TlStore     *store,
                                      gint64       from,
                                      gint64       to);
TlStore     *tl_event_list_get_store (TlEventList *self);
void         tl_event_list_set_range (TlEventList *self,
                                      gint64       from,
                                      gint64       to);
gint64       tl_event_list_get_from  (TlEventList *self);
gint64       tl_event_list_get_to    (TlEventList *self);
/* Position of the event with this id, or G_MAXUINT. */
guint        tl_event_list_find      (TlEventList *self,
                                      gint64       event_id);
void         tl_event_list_set_filter (TlEventList    *self,
                                       const TlFilter *filter);
const TlFilter *tl_event_list_get_filter (TlEventList *self);
gboolean     tl_event_list_is_loading (TlEventList *self);

G_END_DECLS
