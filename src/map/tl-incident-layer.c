/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-coordinates.h"
#include "tl-incident-layer.h"
#include "tl-symbols.h"
#include "tl-time.h"

#define SYMBOL_RADIUS 9.0
#define SELECTED_RADIUS 13.0
#define TEXTURE_SIZE 36          /* logical px, room for the selection halo */
#define PICK_RADIUS 12.0

typedef struct
{
  double mx;        /* Web Mercator, 0..1 */
  double my;
  guint  position;  /* in the model */
  guint8 kind;
} MarkerPoint;

struct _TlIncidentLayer
{
  ShumateLayer       parent_instance;

  /* owned */
  GtkSelectionModel *model;
  GArray            *points;           /* MarkerPoint, in model order */
  GdkTexture        *textures[TL_EVENT_N_KINDS][2];
  int                texture_scale;
  GTimeZone         *zone;
};

G_DEFINE_FINAL_TYPE (TlIncidentLayer, tl_incident_layer, SHUMATE_TYPE_LAYER)

/* helpers */

static inline double
lon_to_mx (double lon)
{
  return (lon + 180.0) / 360.0;
}

static inline double
lat_to_my (double lat)
{
  double s;

  lat = CLAMP (lat, -85.05112878, 85.05112878) * G_PI / 180.0;
  s = sin (lat);
  return 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);
}

static GdkTexture *
make_texture (TlEventKind kind,
              gboolean    selected,
              int         scale)
{
  int size = TEXTURE_SIZE * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);
  tl_symbol_draw (cr, kind, TEXTURE_SIZE / 2.0, TEXTURE_SIZE / 2.0,
                                 selected ? SELECTED_RADIUS : SYMBOL_RADIUS, selected);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}

static void
clear_textures (TlIncidentLayer *self)
{
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    for (guint s = 0; s < 2; s++)
      g_clear_object (&self->textures[k][s]);
}

static void
rebuild_points (TlIncidentLayer *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  g_array_set_size (self->points, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      MarkerPoint p;

      if (!tl_event_has_position (event))
        continue;

      p.mx = lon_to_mx (tl_event_get_longitude (event));
      p.my = lat_to_my (tl_event_get_latitude (event));
      p.position = i;
      p.kind = tl_event_get_kind (event);
      g_array_append_val (self->points, p);
    }
}

/* Where the viewport's centre is, in world pixels at the current zoom. */
static void
viewport_origin (TlIncidentLayer *self,
                 double          *out_cx,
                 double          *out_cy,
                 double          *out_world)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  *out_world = 256.0 * exp2 (zoom);
  *out_cx = lon_to_mx (shumate_location_get_longitude (location)) * *out_world;
  *out_cy = lat_to_my (shumate_location_get_latitude (location)) * *out_world;
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
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_changed_cb (TlIncidentLayer   *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  guint position = tl_incident_layer_pick (self, x, y);

  if (position == G_MAXUINT || self->model == NULL)
    return;

  gtk_selection_model_select_item (self->model, position, TRUE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
query_tooltip_cb (TlIncidentLayer *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  g_autoptr(TlEvent) event = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *position = NULL;
  g_autofree char *markup = NULL;
  guint index = tl_incident_layer_pick (self, x, y);
  int people;

  if (index == G_MAXUINT || self->zone == NULL)
    return FALSE;

  event = g_list_model_get_item (G_LIST_MODEL (self->model), index);
  /* Translators: date and time in a map tooltip, see strftime */
  time_text = tl_time_format (self->zone, tl_event_get_time (event), _("%-d %b %H:%M"));
  position = tl_coordinates_format (tl_event_get_latitude (event),
                                    tl_event_get_longitude (event),
                                    TL_COORDINATE_FORMAT_DDM);
  people = tl_event_get_people (event);
  if (people < 0 && tl_event_get_rescued (event) > 0)
    people = tl_event_get_rescued (event);

  if (people >= 0)
    {
      g_autofree char *people_text = g_strdup_printf (ngettext ("%d person", "%d people", people), people);
      markup = g_markup_printf_escaped ("<b>%s</b> %s\n%s\n%s", time_text,
                                        tl_event_kind_get_label (tl_event_get_kind (event)),
                                        people_text, position);
    }
  else
    markup = g_markup_printf_escaped ("<b>%s</b> %s\n%s", time_text,
                                      tl_event_kind_get_label (tl_event_get_kind (event)),
                                      position);

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* GObject overrides */

static void
tl_incident_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TlIncidentLayer *self = TL_INCIDENT_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double cx, cy, world, half = TEXTURE_SIZE / 2.0;
  guint selected = GTK_INVALID_LIST_POSITION;
  const MarkerPoint *selected_point = NULL;

  if (self->points->len == 0)
    return;

  if (scale != self->texture_scale)
    {
      clear_textures (self);
      self->texture_scale = scale;
    }

  if (GTK_IS_SINGLE_SELECTION (self->model))
    selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (self->model));

  viewport_origin (self, &cx, &cy, &world);

  for (guint i = 0; i < self->points->len; i++)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, i);
      double x = p->mx * world - cx + width / 2.0;
      double y = p->my * world - cy + height / 2.0;

      if (x < -half || y < -half || x > width + half || y > height + half)
        continue;
      if (p->position == selected)
        {
          selected_point = p;
          continue;
        }

      if (self->textures[p->kind][0] == NULL)
        self->textures[p->kind][0] = make_texture (p->kind, FALSE, scale);
      gtk_snapshot_append_texture (snapshot, self->textures[p->kind][0],
                                   &GRAPHENE_RECT_INIT (x - half, y - half, TEXTURE_SIZE, TEXTURE_SIZE));
    }

  /* The selected marker is drawn last so nothing hides it. */
  if (selected_point != NULL)
    {
      double x = selected_point->mx * world - cx + width / 2.0;
      double y = selected_point->my * world - cy + height / 2.0;
      guint8 kind = selected_point->kind;

      if (self->textures[kind][1] == NULL)
        self->textures[kind][1] = make_texture (kind, TRUE, scale);
      gtk_snapshot_append_texture (snapshot, self->textures[kind][1],
                                   &GRAPHENE_RECT_INIT (x - half, y - half, TEXTURE_SIZE, TEXTURE_SIZE));
    }
}

static gboolean
tl_incident_layer_contains (GtkWidget *widget,
                            double     x,
                            double     y)
{
  /* Only the markers take the pointer: everywhere else, clicks and drags
   * fall through to the map. */
  return tl_incident_layer_pick (TL_INCIDENT_LAYER (widget), x, y) != G_MAXUINT;
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
  clear_textures (self);

  G_OBJECT_CLASS (tl_incident_layer_parent_class)->dispose (object);
}

static void
tl_incident_layer_finalize (GObject *object)
{
  TlIncidentLayer *self = TL_INCIDENT_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);
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
}

static void
tl_incident_layer_init (TlIncidentLayer *self)
{
  GtkGesture *click;

  self->points = g_array_new (FALSE, FALSE, sizeof (MarkerPoint));

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
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
 * tl_incident_layer_get_n_markers:
 *
 * Returns: how many events of the model have a marker (a position).
 */
guint
tl_incident_layer_get_n_markers (TlIncidentLayer *self)
{
  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), 0);

  return self->points->len;
}

/**
 * tl_incident_layer_pick:
 * @x: widget x
 * @y: widget y
 *
 * Returns: the model position of the topmost marker under (@x, @y), or
 *   %G_MAXUINT when there is none.
 */
guint
tl_incident_layer_pick (TlIncidentLayer *self,
                        double           x,
                        double           y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double cx, cy, world, best = PICK_RADIUS * PICK_RADIUS;
  guint found = G_MAXUINT;

  g_return_val_if_fail (TL_IS_INCIDENT_LAYER (self), G_MAXUINT);

  if (self->points->len == 0)
    return G_MAXUINT;

  viewport_origin (self, &cx, &cy, &world);
  /* Later markers are drawn on top, so on a tie the last one wins. */
  for (guint i = 0; i < self->points->len; i++)
    {
      const MarkerPoint *p = &g_array_index (self->points, MarkerPoint, i);
      double dx = p->mx * world - cx + width / 2.0 - x;
      double dy = p->my * world - cy + height / 2.0 - y;
      double d2 = dx * dx + dy * dy;

      if (d2 <= best)
        {
          best = d2;
          found = p->position;
        }
    }

  return found;
}
