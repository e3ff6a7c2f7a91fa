/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-review.h"

G_BEGIN_DECLS

/* The window's hours on an axis, a tick per event coloured by kind, and a
 * replay cursor: drag it, or play the window at a chosen speed; the map
 * and the list then show only what had happened by the cursor's time. */
#define TL_TYPE_TIME_STRIP (tl_time_strip_get_type ())
G_DECLARE_FINAL_TYPE (TlTimeStrip, tl_time_strip, TL, TIME_STRIP, GtkWidget)

TlTimeStrip *tl_time_strip_new         (void);
void         tl_time_strip_set_review  (TlTimeStrip *self,
                                        TlReview    *review);
gboolean     tl_time_strip_get_playing (TlTimeStrip *self);
void         tl_time_strip_set_playing (TlTimeStrip *self,
                                        gboolean     playing);
void         tl_time_strip_step        (TlTimeStrip *self,
                                        int          steps);

G_END_DECLS
