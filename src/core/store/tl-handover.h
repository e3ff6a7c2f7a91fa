/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-store.h"

G_BEGIN_DECLS

/* Hand-over: "since the last shift", what was created, edited, closed,
 * deleted or put back since a time, read from the audit log, each edit
 * with what changed. */
typedef enum {
  TL_CHANGE_CREATED,
  TL_CHANGE_EDITED,
  TL_CHANGE_CLOSED,
  TL_CHANGE_DELETED,
  TL_CHANGE_RESTORED,
} TlChangeKind;

const char   *tl_change_kind_get_label     (TlChangeKind         kind);
TlChangeKind  tl_handover_classify         (const TlAuditEntry  *entry);
GPtrArray    *tl_handover_describe_changes (const char          *before_json,
                                            const char          *after_json);
GPtrArray    *tl_store_list_changes_since  (TlStore             *self,
                                            gint64               since,
                                            GError             **error);
/* On the store's worker (tl-store-jobs.c) */
void          tl_store_list_changes_since_async  (TlStore             *self,
                                                  gint64               since,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray    *tl_store_list_changes_since_finish (TlStore             *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* The hand-over as a coordinator reads it: one item per report (every
 * change it had in the period folded into one), grouped by what became
 * of it. */
typedef struct {
  TlChangeKind  kind;           /* the group: what became of the report */
  gint64        event_id;       /* the report; for an import, its first */
  char         *title;          /* "Rescue · 40 people · Wimereux" */
  char         *operator_name;  /* who made the latest change */
  gint64        at;             /* the latest change, UTC seconds */
  guint         n_changes;      /* audit rows folded into this item */
  GPtrArray    *lines;          /* (element-type utf8): what changed */
  char         *source;         /* an import's file, or NULL */
} TlHandoverItem;

void        tl_handover_item_free    (TlHandoverItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlHandoverItem, tl_handover_item_free)

GPtrArray  *tl_handover_fold         (GPtrArray      *entries);
char       *tl_handover_database_key (TlStore        *store);

/* What the hand-over window lists, read in one job on the store's
 * worker (tl-handover-async.c). */
typedef struct {
  GPtrArray  *items;          /* of TlHandoverItem, tl_handover_fold()'s order */
  GPtrArray  *cases;          /* of TlCase changed since the time */
  GArray     *latest_events;  /* of gint64: each case's latest report, 0: none */
} TlHandoverData;

void            tl_handover_data_free         (TlHandoverData *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlHandoverData, tl_handover_data_free)

void            tl_store_read_handover_async  (TlStore             *self,
                                               gint64               since,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
TlHandoverData *tl_store_read_handover_finish (TlStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
