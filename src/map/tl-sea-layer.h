/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "tl-sea.h"

G_BEGIN_DECLS

/* The lines in the Strait (SRR boundary, median line, 12 NM limits, TSS),
 * each labelled, and the dead-reckoning estimate of the case shown. Every
 * vertex is projected once; a frame only scales and offsets. */
#define TL_TYPE_SEA_LAYER (tl_sea_layer_get_type ())
G_DECLARE_FINAL_TYPE (TlSeaLayer, tl_sea_layer, TL, SEA_LAYER, ShumateLayer)

TlSeaLayer *tl_sea_layer_new               (ShumateViewport     *viewport);
void        tl_sea_layer_set_line_visible  (TlSeaLayer          *self,
                                            TlSeaLineKind        kind,
                                            gboolean             visible);
gboolean    tl_sea_layer_get_line_visible  (TlSeaLayer          *self,
                                            TlSeaLineKind        kind);
void        tl_sea_layer_set_estimate      (TlSeaLayer          *self,
                                            const TlSeaEstimate *estimate);
gboolean    tl_sea_layer_has_estimate      (TlSeaLayer          *self);

G_END_DECLS
