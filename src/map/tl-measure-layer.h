/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* The measuring tool's drawing: the points clicked, the legs between them
 * with their great-circle length and true bearing. */
#define TL_TYPE_MEASURE_LAYER (tl_measure_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlMeasureLayer, tl_measure_layer, TL, MEASURE_LAYER, ShumateLayer)

TlMeasureLayer *tl_measure_layer_new          (ShumateViewport *viewport);
void            tl_measure_layer_add_point    (TlMeasureLayer  *self,
                                               double           latitude,
                                               double           longitude);
void            tl_measure_layer_remove_last  (TlMeasureLayer  *self);
void            tl_measure_layer_clear        (TlMeasureLayer  *self);
guint           tl_measure_layer_get_n_points (TlMeasureLayer  *self);
double          tl_measure_layer_get_total    (TlMeasureLayer  *self);
char           *tl_measure_layer_describe     (TlMeasureLayer  *self);
void            tl_measure_layer_get_point    (TlMeasureLayer  *self,
                                               guint            index,
                                               double          *latitude,
                                               double          *longitude);
void            tl_measure_layer_set_closed   (TlMeasureLayer  *self,
                                               gboolean         closed);
void            tl_measure_layer_set_interactive (TlMeasureLayer *self,
                                               gboolean         interactive);

G_END_DECLS
