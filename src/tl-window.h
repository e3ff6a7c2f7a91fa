/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-review.h"
#include "tl-store.h"

G_BEGIN_DECLS

#define TL_TYPE_WINDOW (tl_window_get_type ())
G_DECLARE_FINAL_TYPE (TlWindow, tl_window, TL, WINDOW, AdwApplicationWindow)

TlWindow   *tl_window_new           (GtkApplication *application,
                                     TlStore       *store);
TlStore    *tl_window_get_store     (TlWindow      *self);
GListModel *tl_window_get_events    (TlWindow      *self);
TlEvent    *tl_window_get_selected  (TlWindow      *self);
gint64      tl_window_get_day_start (TlWindow      *self);
TlReview   *tl_window_get_review    (TlWindow      *self);
gboolean    tl_window_is_settled    (TlWindow      *self);
void        tl_window_report_ready  (TlWindow      *self);
GtkWindow  *tl_window_get_report_form (TlWindow    *self);

G_END_DECLS
