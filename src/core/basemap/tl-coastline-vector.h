/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-coastline.h"

G_BEGIN_DECLS

/**
 * TlCoastlineView:
 * @x: left of the frame, in user units of the cairo context
 * @y: top of the frame
 * @width: width of the frame
 * @height: height of the frame
 * @world_x: Web Mercator world x drawn at @x (see tl_coastline_project())
 * @world_y: world y drawn at @y
 * @scale: user units per world unit
 * @detail: device pixels per user unit the output is meant for: the
 *   pixels of an image, or the printer's dots for a PDF (300 / 72 at
 *   300 dpi). It picks how much the shoreline is simplified.
 * @line_unit: user units per logical pixel of the style's line widths
 * @land: draw land and shoreline (otherwise sea only)
 * @borders: draw national borders
 *
 * Where a map frame sits on a page and what part of the world it shows.
 */
typedef struct {
  double   x, y, width, height;
  double   world_x, world_y;
  double   scale;
  double   detail;
  double   line_unit;
  gboolean land;
  gboolean borders;
} TlCoastlineView;

void tl_coastline_draw_view (TlCoastline           *self,
                             cairo_t               *cr,
                             const TlCoastlineView *view,
                             const TlBasemapStyle  *style);

G_END_DECLS
