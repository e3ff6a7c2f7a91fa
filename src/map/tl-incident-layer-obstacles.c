/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The clusters in view, looked up once per view and shared by everything
 * drawn in a frame: the incident layer's own markers, and the place labels
 * underneath, which must not be placed where a marker or bubble hides
 * them. Clusters are precomputed per integer zoom (tl-cluster.c); a frame
 * only looks up the grid buckets in view and, for the labels, turns those
 * clusters into screen rectangles. */

#include "config.h"

#include "tl-incident-layer-private.h"

/* Clusters whose bucket is near the view but whose drawing reaches into
 * it; the biggest bubble is smaller. */
#define VIEW_MARGIN 30.0

/* helpers */

static gboolean
view_key_equal (const ViewKey *a,
                const ViewKey *b)
{
  return a->level == b->level && a->ox == b->ox && a->oy == b->oy && a->world == b->world &&
         a->width == b->width && a->height == b->height && a->serial == b->serial;
}

/* Half the side of the square a marker covers on screen, from what
 * tl-incident-textures.c draws: the symbol with its outline and shadow,
 * and the ring of what is under way or the selection halo. */
static double
marker_half_extent (const MarkerPoint *p,
                    gboolean           selected)
{
  double radius = tl_marker_radius (p->size);

  if (selected || p->status == TL_EVENT_STATUS_ONGOING)
    return radius + 5.5;
  return radius + 2.0;
}

static void
append_obstacle (TlIncidentLayer *self,
                 double           cx,
                 double           cy,
                 double           half)
{
  TlLabelObstacle o = { cx - half, cy - half, 2 * half, 2 * half };

  /* Only what is on screen can hide a label. */
  if (o.x + o.width <= 0 || o.y + o.height <= 0 || o.x >= self->view_key.width ||
      o.y >= self->view_key.height)
    return;
  g_array_append_val (self->obstacles, o);
}

static void
compute_obstacles (TlIncidentLayer *self)
{
  double ox = self->view_key.ox, oy = self->view_key.oy, world = self->view_key.world;
  const TlCluster *clusters;
  guint n;

  g_array_set_size (self->obstacles, 0);
  clusters = tl_cluster_index_get_clusters (self->index, self->view_key.level, &n);
  for (guint i = 0; i < self->visible->len; i++)
    {
      const TlCluster *c = &clusters[g_array_index (self->visible, guint, i)];

      if (c->count == 1)
        {
          guint point = tl_cluster_index_get_point (self->index, c->first)->id;

          /* The selected marker is drawn apart, with its halo: below. */
          if (point != self->selected)
            append_obstacle (self, c->x * world - ox, c->y * world - oy,
                             marker_half_extent (&g_array_index (self->points, MarkerPoint, point), FALSE));
        }
      else
        {
          /* The bubble with its outline and shadow. */
          append_obstacle (self, c->x * world - ox, c->y * world - oy,
                           tl_marker_cluster_radius (c->count) + 2.0);
        }
    }

  if (self->selected != G_MAXUINT)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, self->selected);

      if ((self->visible_kinds & (1u << p->kind)) != 0)
        append_obstacle (self, p->mx * world - ox, p->my * world - oy, marker_half_extent (p, TRUE));
    }
  self->obstacles_valid = TRUE;
}

/* internal API */

/**
 * tl_incident_layer_query_view:
 * @out_ox: (out): the view's left edge, world pixels
 * @out_oy: (out): the view's top edge, world pixels
 * @out_world: (out): the world's size in pixels at the current zoom
 * @out_level: (out): the cluster level drawn at the current zoom
 *
 * Fills self->visible with the clusters of the grid buckets in view,
 * unless it already holds them for this view and these markers.
 */
void
tl_incident_layer_query_view (TlIncidentLayer *self,
                              double          *out_ox,
                              double          *out_oy,
                              double          *out_world,
                              int             *out_level)
{
  ViewKey key = { 0 };
  TlClusterBox box;

  tl_incident_layer_view_origin (self, &key.ox, &key.oy, &key.world);
  key.level = tl_incident_layer_current_level (self);
  key.width = gtk_widget_get_width (GTK_WIDGET (self));
  key.height = gtk_widget_get_height (GTK_WIDGET (self));
  key.serial = self->serial;
  *out_ox = key.ox;
  *out_oy = key.oy;
  *out_world = key.world;
  *out_level = key.level;
  if (self->view_valid && view_key_equal (&key, &self->view_key))
    return;

  /* Only the clusters of the grid buckets in view, whatever the total. */
  box = (TlClusterBox) { (key.ox - VIEW_MARGIN) / key.world, (key.oy - VIEW_MARGIN) / key.world,
                         (key.ox + key.width + VIEW_MARGIN) / key.world,
                         (key.oy + key.height + VIEW_MARGIN) / key.world };
  g_array_set_size (self->visible, 0);
  tl_cluster_index_query (self->index, key.level, &box, self->visible);
  self->view_key = key;
  self->view_valid = TRUE;
  self->obstacles_valid = FALSE;
}

/* public API */

/**
 * tl_incident_layer_get_obstacles:
 * @out_n: (out): how many rectangles are returned
 *
 * What the layer draws in the current view, as rectangles in widget
 * coordinates: every marker and cluster bubble, and the selected marker.
 * Cheap to call every frame: computed once per view and per change of the
 * markers, and shared with the frame's own drawing.
 *
 * Returns: (transfer none) (array length=out_n) (nullable): the
 *   rectangles, valid until the view or the markers change
 */
const TlLabelObstacle *
tl_incident_layer_get_obstacles (TlIncidentLayer *self,
                                 guint           *out_n)
{
  double ox, oy, world;
  int level;

  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), NULL);
  g_return_val_if_fail (out_n != NULL, NULL);

  *out_n = 0;
  if (self->points->len == 0)
    return NULL;

  tl_incident_layer_query_view (self, &ox, &oy, &world, &level);
  if (!self->obstacles_valid)
    compute_obstacles (self);
  *out_n = self->obstacles->len;
  return (const TlLabelObstacle *) self->obstacles->data;
}
