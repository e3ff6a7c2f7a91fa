/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tl-coastline-private.h"

G_BEGIN_DECLS

/* Draws the model's rings and lines into a cairo path, for the tiles
 * (tl-coastline-render.c) and for the vector maps of exports
 * (tl-coastline-vector.c) alike. World units map to the target by
 * device = world * scale - o; vertices far outside are clamped into the
 * clamp rectangle, because cairo's 24.8 fixed point overflows past 8
 * million units. */
typedef struct {
  cairo_t *cr;
  double   scale;           /* target units per world unit */
  double   ox, oy;          /* target = world * scale - o */
  double   x0, y0, x1, y1;  /* the clamp rectangle, in target units */
  TlBox    view;            /* what shows, in world units, grown by a margin */
  double   last_x, last_y;
} TlCoastPen;

void tl_coast_pen_add_ring (TlCoastPen       *p,
                            const TlGeometry *geom,
                            const TlRun      *run);
void tl_coast_pen_add_line (TlCoastPen       *p,
                            const TlGeometry *geom,
                            const TlRun      *run);

G_END_DECLS
