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

G_END_DECLS
