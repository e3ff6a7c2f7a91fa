/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-symbols.h"

/* The map, exported snapshots and legends all draw kinds through here, so
 * a symbol means the same on screen and on paper. */

/**
 * tl_symbol_get_colour:
 *
 * The colour of @kind, from the GNOME palette: hues that also differ in
 * lightness, so kinds stay apart for colour-blind officers; the shape
 * carries the kind too.
 */
void
tl_symbol_get_colour (TlEventKind  kind,
                      double      *red,
                      double      *green,
                      double      *blue)
{
  static const guint32 colours[TL_EVENT_N_KINDS] = {
    [TL_EVENT_KIND_DEPARTURE] = 0xe66100,
    [TL_EVENT_KIND_SIGHTING] = 0xe5a50a,
    [TL_EVENT_KIND_INTERCEPTION] = 0x813d9c,
    [TL_EVENT_KIND_RESCUE] = 0xc01c28,
    [TL_EVENT_KIND_ARRIVAL] = 0x26a269,
    [TL_EVENT_KIND_PATROL] = 0x1c71d8,
  };
  guint32 c = colours[kind < TL_EVENT_N_KINDS ? kind : TL_EVENT_KIND_PATROL];

  *red = ((c >> 16) & 0xff) / 255.0;
  *green = ((c >> 8) & 0xff) / 255.0;
  *blue = (c & 0xff) / 255.0;
}

static void
symbol_path (cairo_t     *cr,
             TlEventKind  kind,
             double       cx,
             double       cy,
             double       r)
{
  switch (kind)
    {
    case TL_EVENT_KIND_DEPARTURE:    /* triangle pointing up: leaving */
      cairo_move_to (cr, cx, cy - r * 1.15);
      cairo_line_to (cr, cx + r * 1.05, cy + r * 0.75);
      cairo_line_to (cr, cx - r * 1.05, cy + r * 0.75);
      cairo_close_path (cr);
      break;
    case TL_EVENT_KIND_SIGHTING:     /* diamond */
      cairo_move_to (cr, cx, cy - r * 1.15);
      cairo_line_to (cr, cx + r * 1.15, cy);
      cairo_line_to (cr, cx, cy + r * 1.15);
      cairo_line_to (cr, cx - r * 1.15, cy);
      cairo_close_path (cr);
      break;
    case TL_EVENT_KIND_INTERCEPTION: /* square */
      cairo_rectangle (cr, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      break;
    case TL_EVENT_KIND_RESCUE:       /* circle, a cross is drawn inside */
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case TL_EVENT_KIND_ARRIVAL:      /* triangle pointing down: landed */
      cairo_move_to (cr, cx, cy + r * 1.15);
      cairo_line_to (cr, cx + r * 1.05, cy - r * 0.75);
      cairo_line_to (cr, cx - r * 1.05, cy - r * 0.75);
      cairo_close_path (cr);
      break;
    case TL_EVENT_KIND_PATROL:       /* hexagon */
    case TL_EVENT_N_KINDS:
    default:
      for (int i = 0; i < 6; i++)
        {
          double a = G_PI / 6 + i * G_PI / 3;

          if (i == 0)
            cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
          else
            cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
        }
      cairo_close_path (cr);
      break;
    }
}

/**
 * tl_symbol_draw:
 * @cr: where to draw
 * @kind: the event kind
 * @cx: centre x
 * @cy: centre y
 * @radius: the symbol's radius, in @cr's units
 * @selected: whether to draw the selection halo
 *
 * Draws the symbol of @kind centred on (@cx, @cy).
 */
void
tl_symbol_draw (cairo_t     *cr,
                TlEventKind  kind,
                double       cx,
                double       cy,
                double       radius,
                gboolean     selected)
{
  double r, g, b;

  tl_symbol_get_colour (kind, &r, &g, &b);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (selected)
    {
      cairo_arc (cr, cx, cy, radius + 4, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.35);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  /* A soft shadow lifts the symbol off land and sea alike. */
  symbol_path (cr, kind, cx, cy + 1, radius);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);

  symbol_path (cr, kind, cx, cy, radius);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  if (kind == TL_EVENT_KIND_RESCUE)
    {
      double a = radius * 0.5;

      cairo_set_line_width (cr, radius * 0.3);
      cairo_move_to (cr, cx - a, cy);
      cairo_line_to (cr, cx + a, cy);
      cairo_move_to (cr, cx, cy - a);
      cairo_line_to (cr, cx, cy + a);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/**
 * tl_symbol_arrow_path:
 * @cr: where to add the path
 * @x: the arrow's centre
 * @y: the arrow's centre
 * @angle: where it points, in radians from the x axis
 * @tip: how far ahead of the centre the point is
 * @tail: how far behind the centre the barbs are
 * @half_width: how far the barbs spread on each side
 *
 * Adds a closed, notched arrowhead to @cr's path, for the direction of a
 * patrol route or a case chain; the caller fills it.
 */
void
tl_symbol_arrow_path (cairo_t *cr,
                      double   x,
                      double   y,
                      double   angle,
                      double   tip,
                      double   tail,
                      double   half_width)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, tip, 0);
  cairo_line_to (cr, -tail, -half_width);
  cairo_line_to (cr, -2, 0);
  cairo_line_to (cr, -tail, half_width);
  cairo_close_path (cr);
  cairo_restore (cr);
}
