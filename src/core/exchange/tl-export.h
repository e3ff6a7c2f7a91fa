/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-exchange-format.h"
#include "tl-store.h"

G_BEGIN_DECLS

GBytes     *tl_export_events_to_bytes       (GPtrArray         *events,
                                             TlExchangeFormat   format,
                                             GError           **error);
gboolean    tl_export_events_to_file        (GPtrArray         *events,
                                             TlExchangeFormat   format,
                                             const char        *path,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean    tl_export_range_to_file         (TlStore           *store,
                                             gint64             from,
                                             gint64             to,
                                             TlExchangeFormat   format,
                                             const char        *path,
                                             guint             *out_n_events,
                                             GCancellable      *cancellable,
                                             GError           **error);

void        tl_export_events_to_file_async  (GPtrArray            *events,
                                             TlExchangeFormat      format,
                                             const char           *path,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    tl_export_events_to_file_finish (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
