/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "tl-incident-layer.h"
#include "tl-labels.h"
#include "tl-place-layer.h"

G_BEGIN_DECLS

/* The reports of one case joined in time order: a thin line with arrows
 * from each report to the next, and each report's time beside its
 * marker, never over a marker or a place name. */
#define TL_TYPE_CASE_CHAIN_LAYER (tl_case_chain_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlCaseChainLayer, tl_case_chain_layer, TL, CASE_CHAIN_LAYER, ShumateLayer)

TlCaseChainLayer *tl_case_chain_layer_new           (ShumateViewport  *viewport);
void              tl_case_chain_layer_set_events    (TlCaseChainLayer *self,
                                                     GPtrArray        *events);
void              tl_case_chain_layer_set_time_zone (TlCaseChainLayer *self,
                                                     GTimeZone        *zone);
guint             tl_case_chain_layer_get_n_points  (TlCaseChainLayer *self);
void              tl_case_chain_layer_set_incident_layer (TlCaseChainLayer *self,
                                                     TlIncidentLayer  *incidents);
void              tl_case_chain_layer_set_place_layer    (TlCaseChainLayer *self,
                                                          TlPlaceLayer     *places);
const TlLabel    *tl_case_chain_layer_get_labels    (TlCaseChainLayer *self,
                                                     guint            *out_n);

G_END_DECLS
