/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-event.h"

G_BEGIN_DECLS

#define TL_TYPE_MAP_VIEW (tl_map_view_get_type ())
G_DECLARE_FINAL_TYPE (TlMapView, tl_map_view, TL, MAP_VIEW, GtkWidget)

TlMapView *tl_map_view_new           (void);
void       tl_map_view_set_model     (TlMapView         *self,
                                      GtkSelectionModel *model);
void       tl_map_view_set_time_zone (TlMapView         *self,
                                      GTimeZone         *zone);
void       tl_map_view_reveal_event  (TlMapView         *self,
                                      TlEvent           *event);
void       tl_map_view_go_to         (TlMapView         *self,
                                      double             latitude,
                                      double             longitude,
                                      double             zoom);
GtkWidget *tl_map_view_get_incident_layer (TlMapView    *self);
GtkWidget *tl_map_view_get_map       (TlMapView         *self);
gboolean   tl_map_view_get_measuring (TlMapView         *self);
void       tl_map_view_set_measuring (TlMapView         *self,
                                      gboolean           measuring);

G_END_DECLS
