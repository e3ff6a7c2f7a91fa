/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tl-event.h"

G_BEGIN_DECLS

void tl_symbol_get_colour (TlEventKind  kind,
                           double      *red,
                           double      *green,
                           double      *blue);
void tl_symbol_draw       (cairo_t     *cr,
                           TlEventKind  kind,
                           double       cx,
                           double       cy,
                           double       radius,
                           gboolean     selected);
void tl_symbol_arrow_path (cairo_t     *cr,
                           double       x,
                           double       y,
                           double       angle,
                           double       tip,
                           double       tail,
                           double       half_width);

G_END_DECLS
