/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The application's preferences: who the operator is, and how times and
 * positions are shown. Every row is bound to its GSettings key, so a
 * change applies at once, to every open window, with nothing to save. */
#define TL_TYPE_PREFERENCES_WINDOW (tl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TlPreferencesWindow, tl_preferences_window, TL, PREFERENCES_WINDOW, AdwPreferencesWindow)

TlPreferencesWindow *tl_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);

G_END_DECLS
