/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* Rings around what happened just before the replay cursor. A layer of
 * its own, so that its animation redraws a handful of rings, not every
 * marker of the incident layer. */
#define TL_TYPE_PULSE_LAYER (tl_pulse_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlPulseLayer, tl_pulse_layer, TL, PULSE_LAYER, ShumateLayer)

typedef struct
{
  double mx;      /* Web Mercator, 0..1 */
  double my;
  double age;     /* 0: at the cursor, 1: at the edge of the window */
  double radius;  /* of the symbol, logical pixels */
  guint8 kind;    /* TlEventKind */
} TlPulsePoint;

TlPulseLayer *tl_pulse_layer_new          (ShumateViewport *viewport);
void          tl_pulse_layer_set_points   (TlPulseLayer    *self,
                                           GArray          *points);
guint         tl_pulse_layer_get_n_points (TlPulseLayer    *self);

G_END_DECLS
