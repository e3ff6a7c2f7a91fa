/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-case-board.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* Returns the time to judge overdue cases by, UTC seconds: the real
 * clock, or a test's. */
typedef gint64 (*TlClockFunc) (gpointer user_data);

#define TL_TYPE_OPEN_CASES_WINDOW (tl_open_cases_window_get_type ())
G_DECLARE_FINAL_TYPE (TlOpenCasesWindow, tl_open_cases_window, TL, OPEN_CASES_WINDOW, AdwWindow)

TlOpenCasesWindow *tl_open_cases_window_new        (TlStore           *store,
                                                    GTimeZone         *zone);
void               tl_open_cases_window_set_clock  (TlOpenCasesWindow *self,
                                                    TlClockFunc        func,
                                                    gpointer           user_data);
void               tl_open_cases_window_set_limits (TlOpenCasesWindow *self,
                                                    int                distress_minutes,
                                                    int                other_minutes);
void               tl_open_cases_window_set_time_zone (TlOpenCasesWindow *self,
                                                    GTimeZone         *zone);
void               tl_open_cases_window_refresh    (TlOpenCasesWindow *self);
GPtrArray         *tl_open_cases_window_get_cases  (TlOpenCasesWindow *self);

G_END_DECLS
