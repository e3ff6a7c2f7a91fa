/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-filter.h"
#include "tl-store.h"
#include "tl-summary.h"

G_BEGIN_DECLS

/* The watch: the summary's figures counted in SQL (tl-store-watch.c),
 * the open cases that need action (tl-store-board.c), and the hand-over:
 * what changed since a time and the watch log (tl-store-handover.c). */

gboolean    tl_store_summarize           (TlStore         *self,
                                          const TlFilter  *filter,
                                          TlSummary       *out_summary,
                                          GError         **error);
gint64      tl_store_count_open_cases    (TlStore         *self,
                                          gint64           before,
                                          GError         **error);
gint64      tl_store_count_in_window     (TlStore         *self,
                                          gint64           from,
                                          gint64           to,
                                          GError         **error);

/* The same figures, words included, off the caller's thread on a
 * server (tl-store-async.c). */
void        tl_store_summarize_async     (TlStore             *self,
                                          const TlFilter      *filter,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    tl_store_summarize_finish    (TlStore             *self,
                                          GAsyncResult        *result,
                                          TlSummary           *out_summary,
                                          GError             **error);

G_END_DECLS
