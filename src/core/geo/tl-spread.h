/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TlSpreadSymbol:
 * @x: where the symbol belongs, page or screen units
 * @y: where the symbol belongs
 * @radius: the symbol's radius
 * @draw_x: (out): where to draw it
 * @draw_y: (out): where to draw it
 * @moved: (out): whether it was moved off its point, and needs a leader
 *   line from (@x, @y) to (@draw_x, @draw_y)
 * @crowded: (out): whether it is in a group too large to spread, left on
 *   its point
 *
 * One symbol of a printed map. Ten arrivals at Dover are ten triangles
 * on one point: drawn there, one is seen. Spread around the point, with
 * a line from each to it, ten are.
 */
typedef struct {
  double   x;
  double   y;
  double   radius;
  double   draw_x;
  double   draw_y;
  gboolean moved;
  gboolean crowded;
} TlSpreadSymbol;

guint    tl_spread_symbols        (TlSpreadSymbol       *symbols,
                                   guint                 n_symbols,
                                   double                gap,
                                   guint                 max_group);
gboolean tl_spread_find_overlap   (const TlSpreadSymbol *symbols,
                                   guint                 n_symbols,
                                   guint                *out_first,
                                   guint                *out_second);

G_END_DECLS
