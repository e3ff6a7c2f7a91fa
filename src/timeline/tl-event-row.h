/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-coordinates.h"
#include "tl-event.h"
#include "tl-review.h"

G_BEGIN_DECLS

#define TL_TYPE_EVENT_ROW (tl_event_row_get_type ())
G_DECLARE_FINAL_TYPE (TlEventRow, tl_event_row, TL, EVENT_ROW, GtkWidget)

TlEventRow *tl_event_row_new       (void);
void        tl_event_row_set_event (TlEventRow *self,
                                    TlEvent    *event,
                                    GTimeZone  *zone);
void        tl_event_row_set_coordinate_format (TlEventRow         *self,
                                                TlCoordinateFormat  format);
void        tl_event_row_bind      (TlEventRow  *self,
                                    GtkListItem *item,
                                    TlReview    *review);

char       *tl_event_row_describe  (TlEvent            *event,
                                    GTimeZone          *zone,
                                    TlCoordinateFormat  format);

G_END_DECLS
