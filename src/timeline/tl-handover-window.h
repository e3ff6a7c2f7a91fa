/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-handover.h"
#include "tl-store.h"

G_BEGIN_DECLS

#define TL_TYPE_HANDOVER_WINDOW (tl_handover_window_get_type ())
G_DECLARE_FINAL_TYPE (TlHandoverWindow, tl_handover_window, TL, HANDOVER_WINDOW, AdwWindow)

TlHandoverWindow *tl_handover_window_new           (TlStore          *store,
                                                    GSettings        *settings,
                                                    GTimeZone        *zone);
void              tl_handover_window_set_time_zone (TlHandoverWindow *self,
                                                    GTimeZone        *zone);
void              tl_handover_window_refresh       (TlHandoverWindow *self);
gboolean          tl_handover_window_is_reading    (TlHandoverWindow *self);
gint64            tl_handover_window_get_since     (TlHandoverWindow *self);
GPtrArray        *tl_handover_window_get_items     (TlHandoverWindow *self);
GPtrArray        *tl_handover_window_get_cases     (TlHandoverWindow *self);

G_END_DECLS
