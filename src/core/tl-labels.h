/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TlLabel:
 * @x: the labelled point, screen pixels
 * @y: the labelled point, screen pixels
 * @width: the label's width
 * @height: the label's height
 * @priority: lower is placed first (ports before beaches)
 * @placed: (out): whether the label is shown
 * @left: (out): the label's left edge when placed
 * @top: (out): the label's top edge when placed
 *
 * One label to place next to its point.
 */
typedef struct {
  double   x;
  double   y;
  double   width;
  double   height;
  int      priority;
  gboolean placed;
  double   left;
  double   top;
} TlLabel;

guint tl_labels_place (TlLabel *labels,
                       guint    n_labels,
                       double   view_width,
                       double   view_height,
                       double   gap);

G_END_DECLS
