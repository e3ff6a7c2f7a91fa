/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-event.h"
#include "tl-sea.h"

G_BEGIN_DECLS

#define TL_TYPE_MAP_VIEW (tl_map_view_get_type ())
G_DECLARE_FINAL_TYPE (TlMapView, tl_map_view, TL, MAP_VIEW, GtkWidget)

/**
 * TlMapPickMode:
 * @TL_MAP_PICK_NONE: not picking
 * @TL_MAP_PICK_POINT: one click picks one position, and the pick ends
 * @TL_MAP_PICK_ROUTE: clicks add the points of a line, Enter finishes
 * @TL_MAP_PICK_AREA: clicks add the corners of an area, Enter finishes
 *
 * What clicks on the map pick for another widget (the report editor).
 */
typedef enum {
  TL_MAP_PICK_NONE,
  TL_MAP_PICK_POINT,
  TL_MAP_PICK_ROUTE,
  TL_MAP_PICK_AREA,
} TlMapPickMode;

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
gboolean   tl_map_view_fit_events    (TlMapView         *self);
void       tl_map_view_follow_window (TlMapView         *self);
gboolean   tl_map_view_get_view_kept (TlMapView         *self);
GtkWidget *tl_map_view_get_incident_layer (TlMapView    *self);
GtkWidget *tl_map_view_get_map       (TlMapView         *self);
gboolean   tl_map_view_get_measuring (TlMapView         *self);
void       tl_map_view_set_measuring (TlMapView         *self,
                                      gboolean           measuring);

void       tl_map_view_begin_pick    (TlMapView         *self,
                                      TlMapPickMode      mode);
void       tl_map_view_end_pick      (TlMapView         *self);
gboolean   tl_map_view_finish_pick   (TlMapView         *self);
TlMapPickMode tl_map_view_get_pick_mode (TlMapView      *self);
void       tl_map_view_add_pick_point (TlMapView        *self,
                                      double             latitude,
                                      double             longitude);
void       tl_map_view_pick_at       (TlMapView         *self,
                                      double             x,
                                      double             y);

void       tl_map_view_show_case_chain (TlMapView       *self,
                                      GPtrArray         *events);
void       tl_map_view_show_estimate (TlMapView         *self,
                                      const TlSeaEstimate *estimate);
void       tl_map_view_set_emphasis_time (TlMapView     *self,
                                      gint64             utc);
gboolean   tl_map_view_get_bbox      (TlMapView         *self,
                                      double            *west,
                                      double            *south,
                                      double            *east,
                                      double            *north);

void          tl_map_view_describe_selection (TlMapView  *self,
                                              const char *sentence);

G_END_DECLS
