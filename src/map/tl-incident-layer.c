/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-cluster.h"
#include "tl-incident-layer.h"
#include "tl-incident-layer-private.h"
#include "tl-symbols.h"
#include "tl-time.h"


G_DEFINE_FINAL_TYPE (TlIncidentLayer, tl_incident_layer, SHUMATE_TYPE_LAYER)

enum {
  ZOOM_TO,
  MARKERS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

/* The markers drawn changed other than by moving the view: what was
 * cached for the view is stale, and labels placed around the markers
 * must be placed again. */
static void
markers_changed (TlIncidentLayer *self)
{
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[MARKERS_CHANGED], 0);
}

static void
find_selected (TlIncidentLayer *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  self->selected = G_MAXUINT;
  if (GTK_IS_SINGLE_SELECTION (self->model))
    position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (self->model));
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  /* Points are in model order: a binary search finds it. */
  for (guint lo = 0, hi = self->points->len; lo < hi;)
    {
      guint mid = lo + (hi - lo) / 2;
      guint p = g_array_index (self->points, MarkerPoint, mid).position;

      if (p == position)
        {
          self->selected = mid;
          return;
        }
      if (p < position)
        lo = mid + 1;
      else
        hi = mid;
    }
}

static void
rebuild_index (TlIncidentLayer *self)
{
  g_autoptr(GArray) cpoints = g_array_sized_new (FALSE, FALSE, sizeof (TlClusterPoint),
                                                 self->points->len);

  for (guint i = 0; i < self->points->len; i++)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, i);
      TlClusterPoint c;

      if ((self->visible_kinds & (1u << p->kind)) == 0)
        continue;
      c.x = p->mx;
      c.y = p->my;
      c.id = i;
      c.category = p->kind;
      g_array_append_val (cpoints, c);
    }

  /* The clusters in view are indices into the old index. */
  self->view_valid = FALSE;
  g_clear_pointer (&self->index, tl_cluster_index_free);
  self->index = tl_cluster_index_new ((const TlClusterPoint *) cpoints->data, cpoints->len,
                                      CLUSTER_MAX_ZOOM, CLUSTER_CELL_PX);
}

/* Everything a frame needs is computed here, once per model change. */
static void
rebuild_points (TlIncidentLayer *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  g_array_set_size (self->points, 0);
  g_array_set_size (self->routes, 0);
  g_array_set_size (self->route_pts, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      MarkerPoint p;
      int people;

      if (tl_event_get_kind (event) == TL_EVENT_KIND_PATROL)
        tl_incident_layer_add_route (self, i, event);
      if (!tl_event_has_position (event))
        continue;

      people = tl_event_get_people (event);
      if (people < 0)
        people = tl_event_get_rescued (event);
      p.mx = lon_to_mx (tl_event_get_longitude (event));
      p.my = lat_to_my (tl_event_get_latitude (event));
      p.time = tl_event_get_time (event);
      p.position = i;
      p.kind = MIN (tl_event_get_kind (event), TL_EVENT_N_KINDS - 1);
      p.status = MIN (tl_event_get_status (event), TL_EVENT_N_STATUSES - 1);
      p.size = tl_marker_size_bucket (people);
      g_array_append_val (self->points, p);
    }

  rebuild_index (self);
  find_selected (self);
}

static void
append_marker (TlIncidentLayer   *self,
               GtkSnapshot       *snapshot,
               const MarkerPoint *p,
               double             ox,
               double             oy,
               double             world,
               gboolean           selected)
{
  GdkTexture *texture = tl_marker_textures_get_symbol (self->textures, p->kind, p->status,
                                                       p->size, selected);
  double half = TL_MARKER_TEXTURE_SIZE / 2.0;
  /* Whole pixels keep the texture sharp. */
  double x = round (p->mx * world - ox - half);
  double y = round (p->my * world - oy - half);

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (x, y, TL_MARKER_TEXTURE_SIZE, TL_MARKER_TEXTURE_SIZE));
}

/* What is under (@x, @y): the selected marker, drawn on top, first; then
 * the nearest cluster or marker. */
static gboolean
hit (TlIncidentLayer *self,
     double           x,
     double           y,
     guint           *out_point,
     guint           *out_cluster)
{
  double ox, oy, world;
  const TlCluster *clusters;
  guint n, c;

  *out_point = G_MAXUINT;
  *out_cluster = G_MAXUINT;
  if (self->index == NULL || tl_cluster_index_get_n_points (self->index) == 0)
    return FALSE;

  tl_incident_layer_view_origin (self, &ox, &oy, &world);
  if (self->selected != G_MAXUINT)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, self->selected);

      if ((self->visible_kinds & (1u << p->kind)) != 0 &&
          hypot (p->mx * world - ox - x, p->my * world - oy - y) <= PICK_RADIUS)
        {
          *out_point = self->selected;
          return TRUE;
        }
    }

  if (!tl_cluster_index_hit (self->index, tl_incident_layer_current_level (self), world, x + ox, y + oy,
                             PICK_RADIUS, tl_marker_cluster_radius (100), &c))
    return FALSE;

  clusters = tl_cluster_index_get_clusters (self->index, tl_incident_layer_current_level (self), &n);
  if (clusters[c].count == 1)
    *out_point = tl_cluster_index_get_point (self->index, clusters[c].first)->id;
  else
    *out_cluster = c;
  return TRUE;
}

static void
zoom_to_cluster (TlIncidentLayer *self,
                 guint            cluster)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int level = tl_incident_layer_current_level (self);
  double zoom, max_zoom = MIN (shumate_viewport_get_max_zoom_level (viewport), CLUSTER_MAX_ZOOM);
  TlClusterBox box;
  guint n;

  /* At the deepest zoom nothing splits any more: select one member, the
   * list shows the rest. */
  if (level >= max_zoom)
    {
      const TlCluster *clusters = tl_cluster_index_get_clusters (self->index, level, &n);
      guint point = tl_cluster_index_get_point (self->index, clusters[cluster].first)->id;

      gtk_selection_model_select_item (self->model,
                                       g_array_index (self->points, MarkerPoint, point).position, TRUE);
      return;
    }

  tl_cluster_index_get_members (self->index, level, cluster, NULL, &box, NULL);
  zoom = tl_cluster_zoom_to_fit (&box, gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), 60, max_zoom);
  /* Members at one spot fit at any zoom: go at least one level deeper,
   * where the grid is finer, so the click always does something. */
  zoom = CLAMP (MAX (zoom, level + 1), 0, max_zoom);
  g_signal_emit (self, signals[ZOOM_TO], 0,
                 my_to_lat ((box.miny + box.maxy) / 2), mx_to_lon ((box.minx + box.maxx) / 2), zoom);
}

/* callbacks */

static void
model_items_changed_cb (TlIncidentLayer *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  rebuild_points (self);
  markers_changed (self);
}

static void
selection_changed_cb (TlIncidentLayer   *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  find_selected (self);
  markers_changed (self);
}

static void
viewport_notify_cb (TlIncidentLayer *self,
                    GParamSpec      *pspec,
                    ShumateViewport *viewport)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TlIncidentLayer *self)
{
  guint point, cluster;

  if (self->model == NULL || !hit (self, x, y, &point, &cluster))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (point != G_MAXUINT)
    gtk_selection_model_select_item (self->model,
                                     g_array_index (self->points, MarkerPoint, point).position, TRUE);
  else
    zoom_to_cluster (self, cluster);
}

static gboolean
query_tooltip_cb (TlIncidentLayer *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autofree char *markup = NULL;
  guint point, cluster;

  if (self->zone == NULL || self->model == NULL || !hit (self, x, y, &point, &cluster))
    return FALSE;

  if (point != G_MAXUINT)
    markup = tl_incident_layer_marker_tooltip (self, g_array_index (self->points, MarkerPoint, point).position);
  else
    markup = tl_incident_layer_cluster_tooltip (self, cluster);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* GObject overrides */

static void
tl_incident_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TlIncidentLayer *self = TL_INCIDENT_LAYER (widget);
  double ox, oy, world;
  const TlCluster *clusters;
  guint n;
  int level;

  if (self->points->len == 0 && self->routes->len == 0)
    return;

  tl_marker_textures_set_scale (self->textures, gtk_widget_get_scale_factor (widget));
  /* Usually looked up already this frame, for the place labels. */
  tl_incident_layer_query_view (self, &ox, &oy, &world, &level);
  tl_incident_layer_snapshot_routes (self, snapshot, ox, oy, world);
  clusters = tl_cluster_index_get_clusters (self->index, level, &n);

  for (guint i = 0; i < self->visible->len; i++)
    {
      const TlCluster *c = &clusters[g_array_index (self->visible, guint, i)];

      if (c->count == 1)
        {
          guint point = tl_cluster_index_get_point (self->index, c->first)->id;

          if (point != self->selected)
            append_marker (self, snapshot, &g_array_index (self->points, MarkerPoint, point),
                           ox, oy, world, FALSE);
        }
      else
        {
          double size;
          GdkTexture *texture = tl_marker_textures_get_cluster (self->textures, c->count,
                                                                c->category, &size);
          double x = round (c->x * world - ox - size / 2);
          double y = round (c->y * world - oy - size / 2);

          gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (x, y, size, size));
        }
    }

  /* The selected marker is drawn last, outside any cluster, so nothing
   * hides it. */
  if (self->selected != G_MAXUINT)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, self->selected);

      if ((self->visible_kinds & (1u << p->kind)) != 0)
        append_marker (self, snapshot, p, ox, oy, world, TRUE);
    }
}

static gboolean
tl_incident_layer_contains (GtkWidget *widget,
                            double     x,
                            double     y)
{
  guint point, cluster;

  /* Only markers and clusters take the pointer: everywhere else, clicks
   * and drags fall through to the map. */
  return hit (TL_INCIDENT_LAYER (widget), x, y, &point, &cluster);
}

static void
tl_incident_layer_constructed (GObject *object)
{
  TlIncidentLayer *self = TL_INCIDENT_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (tl_incident_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (viewport_notify_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
tl_incident_layer_dispose (GObject *object)
{
  TlIncidentLayer *self = TL_INCIDENT_LAYER (object);

  tl_incident_layer_set_model (self, NULL);

  G_OBJECT_CLASS (tl_incident_layer_parent_class)->dispose (object);
}

static void
tl_incident_layer_finalize (GObject *object)
{
  TlIncidentLayer *self = TL_INCIDENT_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->routes, g_array_unref);
  g_clear_pointer (&self->route_pts, g_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->obstacles, g_array_unref);
  g_clear_pointer (&self->index, tl_cluster_index_free);
  g_clear_pointer (&self->textures, tl_marker_textures_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_incident_layer_parent_class)->finalize (object);
}

static void
tl_incident_layer_class_init (TlIncidentLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_incident_layer_constructed;
  object_class->dispose = tl_incident_layer_dispose;
  object_class->finalize = tl_incident_layer_finalize;
  widget_class->snapshot = tl_incident_layer_snapshot;
  widget_class->contains = tl_incident_layer_contains;

  /**
   * TlIncidentLayer::zoom-to:
   * @latitude: the centre to go to
   * @longitude: the centre to go to
   * @zoom: the zoom level at which the cluster's members fit the view
   *
   * A cluster was clicked: the map should show its members.
   */
  signals[ZOOM_TO] =
    g_signal_new ("zoom-to",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * TlIncidentLayer::markers-changed:
   *
   * The markers drawn changed other than by moving the view: the model,
   * the kinds shown or the selection. What is placed around them, such
   * as place labels, should be placed again.
   */
  signals[MARKERS_CHANGED] =
    g_signal_new ("markers-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tl_incident_layer_init (TlIncidentLayer *self)
{
  GtkGesture *click;

  self->points = g_array_new (FALSE, FALSE, sizeof (MarkerPoint));
  self->routes = g_array_new (FALSE, FALSE, sizeof (Route));
  self->route_pts = g_array_new (FALSE, FALSE, sizeof (double));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (TlLabelObstacle));
  self->textures = tl_marker_textures_new ();
  self->visible_kinds = TL_INCIDENT_LAYER_ALL_KINDS;
  self->selected = G_MAXUINT;
  self->show_routes = TRUE;
  self->format = TL_COORDINATE_FORMAT_DDM;
  self->index = tl_cluster_index_new (NULL, 0, CLUSTER_MAX_ZOOM, CLUSTER_CELL_PX);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/* public API */

/**
 * tl_incident_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer.
 */
TlIncidentLayer *
tl_incident_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TL_TYPE_INCIDENT_LAYER, "viewport", viewport, NULL);
}

/**
 * tl_incident_layer_set_model:
 * @model: (nullable): a selection model of #TlEvent
 */
void
tl_incident_layer_set_model (TlIncidentLayer   *self,
                             GtkSelectionModel *model)
{
  g_return_if_fail (TL_IS_INCIDENT_LAYER (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "selection-changed", G_CALLBACK (selection_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  rebuild_points (self);
  markers_changed (self);
}

/**
 * tl_incident_layer_get_model:
 *
 * Returns: (transfer none) (nullable): the model shown.
 */
GtkSelectionModel *
tl_incident_layer_get_model (TlIncidentLayer *self)
{
  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), NULL);

  return self->model;
}

/**
 * tl_incident_layer_set_time_zone:
 * @zone: (nullable): the zone tooltips show times in
 */
void
tl_incident_layer_set_time_zone (TlIncidentLayer *self,
                                 GTimeZone       *zone)
{
  g_return_if_fail (TL_IS_INCIDENT_LAYER (self));

  if (zone != NULL)
    g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
}

/**
 * tl_incident_layer_set_coordinate_format:
 * @format: how tooltips write positions
 */
void
tl_incident_layer_set_coordinate_format (TlIncidentLayer    *self,
                                         TlCoordinateFormat  format)
{
  g_return_if_fail (TL_IS_INCIDENT_LAYER (self));

  self->format = format;
}

/**
 * tl_incident_layer_set_visible_kinds:
 * @kinds: a mask of `1 << TlEventKind`
 *
 * Hides the markers of the kinds not in @kinds. Clusters are rebuilt, so
 * hidden reports are not counted in them either.
 */
void
tl_incident_layer_set_visible_kinds (TlIncidentLayer *self,
                                     guint            kinds)
{
  g_return_if_fail (TL_IS_INCIDENT_LAYER (self));

  kinds &= TL_INCIDENT_LAYER_ALL_KINDS;
  if (self->visible_kinds == kinds)
    return;
  self->visible_kinds = kinds;
  rebuild_index (self);
  markers_changed (self);
}

guint
tl_incident_layer_get_visible_kinds (TlIncidentLayer *self)
{
  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), 0);

  return self->visible_kinds;
}

/**
 * tl_incident_layer_set_show_routes:
 * @show_routes: whether patrol routes are drawn
 */
void
tl_incident_layer_set_show_routes (TlIncidentLayer *self,
                                   gboolean         show_routes)
{
  g_return_if_fail (TL_IS_INCIDENT_LAYER (self));

  show_routes = !!show_routes;
  if (self->show_routes == show_routes)
    return;
  self->show_routes = show_routes;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_incident_layer_get_n_markers:
 *
 * Returns: how many events have a marker: a position and a visible kind.
 */
guint
tl_incident_layer_get_n_markers (TlIncidentLayer *self)
{
  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), 0);

  return tl_cluster_index_get_n_points (self->index);
}

/**
 * tl_incident_layer_get_n_routes:
 *
 * Returns: how many patrol routes the model holds, shown or not.
 */
guint
tl_incident_layer_get_n_routes (TlIncidentLayer *self)
{
  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), 0);

  return self->routes->len;
}

/**
 * tl_incident_layer_get_n_clusters:
 * @zoom: a zoom level
 *
 * Returns: how many bubbles of two or more reports the whole map has at
 *   @zoom.
 */
guint
tl_incident_layer_get_n_clusters (TlIncidentLayer *self,
                                  double           zoom)
{
  const TlCluster *clusters;
  guint n, count = 0;

  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), 0);

  clusters = tl_cluster_index_get_clusters (self->index,
                                            tl_cluster_index_level_for_zoom (self->index, zoom), &n);
  for (guint i = 0; i < n; i++)
    if (clusters[i].count > 1)
      count++;
  return count;
}

/**
 * tl_incident_layer_pick:
 * @x: widget x
 * @y: widget y
 *
 * Returns: the model position of the marker under (@x, @y), or
 *   %G_MAXUINT when there is none (or only a cluster).
 */
guint
tl_incident_layer_pick (TlIncidentLayer *self,
                        double           x,
                        double           y)
{
  guint point, cluster;

  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), G_MAXUINT);

  if (!hit (self, x, y, &point, &cluster) || point == G_MAXUINT)
    return G_MAXUINT;
  return g_array_index (self->points, MarkerPoint, point).position;
}

/**
 * tl_incident_layer_collect_recent:
 * @from: start of the span, UTC, exclusive
 * @to: end of the span, UTC, inclusive
 * @out: (element-type TlPulsePoint): where to append the markers
 *
 * Appends the markers shown (of a visible kind) whose time is in the
 * span, with their age as a share of it: what a replay emphasises.
 */
void
tl_incident_layer_collect_recent (TlIncidentLayer *self,
                                  gint64           from,
                                  gint64           to,
                                  GArray          *out)
{
  double span = MAX (1, to - from);

  g_return_if_fail (TL_IS_INCIDENT_LAYER (self));
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, i);
      TlPulsePoint pulse;

      if (p->time <= from || p->time > to || (self->visible_kinds & (1u << p->kind)) == 0)
        continue;
      pulse.mx = p->mx;
      pulse.my = p->my;
      pulse.age = (to - p->time) / span;
      pulse.radius = tl_marker_radius (p->size);
      pulse.kind = p->kind;
      g_array_append_val (out, pulse);
    }
}
