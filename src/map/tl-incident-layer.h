/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "tl-event.h"

G_BEGIN_DECLS

/* Draws every event of a model as a symbol, without a widget per marker:
 * one texture per kind and state, placed from precomputed Mercator
 * coordinates in snapshot(). */
#define TL_TYPE_INCIDENT_LAYER (tl_incident_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlIncidentLayer, tl_incident_layer, TL, INCIDENT_LAYER, ShumateLayer)

TlIncidentLayer   *tl_incident_layer_new         (ShumateViewport   *viewport);
void               tl_incident_layer_set_model   (TlIncidentLayer   *self,
                                                  GtkSelectionModel *model);
GtkSelectionModel *tl_incident_layer_get_model   (TlIncidentLayer   *self);
void               tl_incident_layer_set_time_zone (TlIncidentLayer *self,
                                                  GTimeZone         *zone);
guint              tl_incident_layer_get_n_markers (TlIncidentLayer *self);
guint              tl_incident_layer_pick        (TlIncidentLayer   *self,
                                                  double             x,
                                                  double             y);

G_END_DECLS
