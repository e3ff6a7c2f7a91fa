/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "tl-coordinates.h"
#include "tl-event.h"
#include "tl-labels.h"
#include "tl-pulse-layer.h"

G_BEGIN_DECLS

/* Draws every event of a model without a widget per marker: symbols and
 * cluster bubbles are textures placed from precomputed Mercator
 * coordinates, clusters are precomputed per zoom level, and a frame only
 * visits the grid buckets it shows. */
#define TL_TYPE_INCIDENT_LAYER (tl_incident_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlIncidentLayer, tl_incident_layer, TL, INCIDENT_LAYER, ShumateLayer)

/* A mask of TlEventKind: bit (1 << kind) set means shown. */
#define TL_INCIDENT_LAYER_ALL_KINDS ((1u << TL_EVENT_N_KINDS) - 1)

TlIncidentLayer   *tl_incident_layer_new         (ShumateViewport   *viewport);
void               tl_incident_layer_set_model   (TlIncidentLayer   *self,
                                                  GtkSelectionModel *model);
GtkSelectionModel *tl_incident_layer_get_model   (TlIncidentLayer   *self);
void               tl_incident_layer_set_time_zone (TlIncidentLayer *self,
                                                  GTimeZone         *zone);
void               tl_incident_layer_set_coordinate_format (TlIncidentLayer    *self,
                                                  TlCoordinateFormat  format);
void               tl_incident_layer_set_visible_kinds (TlIncidentLayer *self,
                                                  guint              kinds);
guint              tl_incident_layer_get_visible_kinds (TlIncidentLayer *self);
void               tl_incident_layer_set_show_routes (TlIncidentLayer *self,
                                                  gboolean           show_routes);
guint              tl_incident_layer_get_n_markers (TlIncidentLayer *self);
guint              tl_incident_layer_get_n_routes (TlIncidentLayer  *self);
guint              tl_incident_layer_get_n_clusters (TlIncidentLayer *self,
                                                  double             zoom);
guint              tl_incident_layer_pick        (TlIncidentLayer   *self,
                                                  double             x,
                                                  double             y);
void               tl_incident_layer_collect_recent (TlIncidentLayer *self,
                                                  gint64             from,
                                                  gint64             to,
                                                  GArray            *out);
const TlLabelObstacle *tl_incident_layer_get_obstacles (TlIncidentLayer *self,
                                                  guint             *out_n);

G_END_DECLS
