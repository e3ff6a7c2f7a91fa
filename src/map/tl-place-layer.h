/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "tl-incident-layer.h"
#include "tl-labels.h"

G_BEGIN_DECLS

/* Names of ports, headlands, canals and beaches from the gazetteer, placed
 * so that no two labels overlap and none is hidden under a marker, ports
 * first. */
#define TL_TYPE_PLACE_LAYER (tl_place_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlPlaceLayer, tl_place_layer, TL, PLACE_LAYER, ShumateLayer)

TlPlaceLayer *tl_place_layer_new          (ShumateViewport *viewport);
guint         tl_place_layer_get_n_places (TlPlaceLayer    *self);
guint         tl_place_layer_get_n_shown  (TlPlaceLayer    *self);
const TlLabelObstacle *tl_place_layer_get_label_rects (TlPlaceLayer *self,
                                                       guint        *out_n);
void          tl_place_layer_set_incident_layer (TlPlaceLayer    *self,
                                                 TlIncidentLayer *incidents);

G_END_DECLS
