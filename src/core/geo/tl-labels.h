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
 * @right_last: try the right of the point last, after the left, above,
 *   below and the corners, left ones first: for labels that leave the
 *   right to others, such as a report's time beside a marker whose right
 *   a place name takes
 * @placed: (out): whether the label is shown
 * @left: (out): the label's left edge when placed
 * @top: (out): the label's top edge when placed
 * @may_lead: when no spot beside the point is free, try spots further
 *   out, joined to the point by a leader line (printed maps, where a
 *   name left out cannot be zoomed back in)
 * @leader: (out): whether the label was placed away from its point and
 *   needs a leader line to it
 *
 * One label to place next to its point.
 */
typedef struct {
  double   x;
  double   y;
  double   width;
  double   height;
  int      priority;
  gboolean right_last;
  gboolean placed;
  double   left;
  double   top;
  gboolean may_lead;
  gboolean leader;
} TlLabel;

/**
 * TlLabelObstacle:
 * @x: left edge, screen pixels
 * @y: top edge, screen pixels
 * @width: the obstacle's width
 * @height: the obstacle's height
 *
 * Something drawn over the labels, such as a marker or a cluster bubble,
 * that no label may be placed under.
 */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} TlLabelObstacle;

guint tl_labels_place (TlLabel               *labels,
                       guint                  n_labels,
                       const TlLabelObstacle *obstacles,
                       guint                  n_obstacles,
                       double                 view_width,
                       double                 view_height,
                       double                 gap);

G_END_DECLS
