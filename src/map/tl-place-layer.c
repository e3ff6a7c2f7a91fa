/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tl-incident-layer.h"
#include "tl-labels.h"
#include "tl-place-layer.h"

#define DOT_RADIUS 2.5
#define LABEL_GAP  5.0

typedef struct {
  char        *name;     /* owned */
  double       mx, my;   /* Web Mercator, 0..1 */
  int          priority; /* ports 0, headlands 1, canals 2, beaches 3 */
  double       min_zoom; /* beaches crowd a small-scale map */
  PangoLayout *layout;   /* owned, made on first draw */
} Place;

struct _TlPlaceLayer
{
  ShumateLayer     parent_instance;

  /* owned */
  GArray          *places;    /* Place */
  GArray          *labels;    /* TlLabel, scratch for a frame */
  GArray          *shown;     /* guint, scratch: place of each label */
  GArray          *rects;     /* TlLabelObstacle: the labels the last frame drew */
  TlIncidentLayer *incidents; /* drawn over the labels, which avoid its markers */

  guint            n_shown;   /* labels in the last frame */
};

G_DEFINE_FINAL_TYPE (TlPlaceLayer, tl_place_layer, SHUMATE_TYPE_LAYER)

/* helpers */

static void
place_clear (gpointer data)
{
  Place *place = data;

  g_clear_object (&place->layout);
  g_clear_pointer (&place->name, g_free);
}

static void
load_places (TlPlaceLayer *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/places.csv", 0, NULL);
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  /* name,kind,country,lat,lon; the first line is the header. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      Place place = { 0 };
      double lat, lon, s;

      if (g_strv_length (f) < 5)
        continue;
      lat = g_ascii_strtod (f[3], NULL);
      lon = g_ascii_strtod (f[4], NULL);
      s = sin (CLAMP (lat, -85, 85) * G_PI / 180.0);
      place.mx = (lon + 180.0) / 360.0;
      place.my = 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);

      if (g_str_equal (f[1], "port"))
        place.priority = 0;
      else if (g_str_equal (f[1], "headland"))
        place.priority = 1;
      else if (g_str_equal (f[1], "canal"))
        place.priority = 2;
      else
        place.priority = 3;
      /* Ports from the scale of the whole Channel, the rest closer in. */
      place.min_zoom = place.priority == 0 ? 6 : 8.5;

      /* The layout is made on first draw, with the widget's font. */
      place.name = g_strdup (f[0]);
      g_array_append_val (self->places, place);
    }
}

/* callbacks */

static void
markers_changed_cb (TlPlaceLayer    *self,
                    TlIncidentLayer *incidents)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
viewport_notify_cb (TlPlaceLayer    *self,
                    GParamSpec      *pspec,
                    ShumateViewport *viewport)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject overrides */

static void
tl_place_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TlPlaceLayer *self = TL_PLACE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double world = 256.0 * exp2 (zoom);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double ox, oy, s;
  const TlLabelObstacle *obstacles = NULL;
  guint n_obstacles = 0;
  GdkRGBA colour, halo;
  GskShadow shadows[4];
  gboolean dark;

  s = sin (CLAMP (shumate_location_get_latitude (location), -85, 85) * G_PI / 180.0);
  ox = (shumate_location_get_longitude (location) + 180.0) / 360.0 * world - width / 2.0;
  oy = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * world - height / 2.0;

  g_array_set_size (self->labels, 0);
  g_array_set_size (self->shown, 0);
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      TlLabel label = { 0 };
      PangoRectangle logical;

      if (zoom < place->min_zoom)
        continue;
      label.x = place->mx * world - ox;
      label.y = place->my * world - oy;
      if (label.x < -200 || label.y < -50 || label.x > width + 200 || label.y > height + 50)
        continue;

      if (place->layout == NULL)
        place->layout = gtk_widget_create_pango_layout (widget, place->name);
      pango_layout_get_pixel_extents (place->layout, NULL, &logical);
      label.width = logical.width;
      label.height = logical.height;
      label.priority = place->priority;
      g_array_append_val (self->labels, label);
      g_array_append_val (self->shown, i);
    }

  /* The incident layer draws over this one: a label under a marker or a
   * bubble would lose its first letters, so labels go around them. Its
   * rectangles are for the same view, as both layers fill the map. */
  if (self->incidents != NULL && gtk_widget_get_visible (GTK_WIDGET (self->incidents)))
    obstacles = tl_incident_layer_get_obstacles (self->incidents, &n_obstacles);
  self->n_shown = tl_labels_place ((TlLabel *) self->labels->data, self->labels->len,
                                   obstacles, n_obstacles, width, height, LABEL_GAP);
  g_array_set_size (self->rects, 0);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const TlLabel *label = &g_array_index (self->labels, TlLabel, i);
      TlLabelObstacle rect = { label->left, label->top, label->width, label->height };

      if (label->placed)
        g_array_append_val (self->rects, rect);
    }

  /* Dark text with a light halo reads on sea and land; the reverse in the
   * dark style. */
  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  colour = dark ? (GdkRGBA) { 0.92, 0.92, 0.92, 1 } : (GdkRGBA) { 0.15, 0.17, 0.2, 1 };
  halo = dark ? (GdkRGBA) { 0.1, 0.12, 0.15, 0.9 } : (GdkRGBA) { 1, 1, 1, 0.9 };
  for (guint k = 0; k < G_N_ELEMENTS (shadows); k++)
    shadows[k] = (GskShadow) { halo, k < 2 ? (k == 0 ? 1 : -1) : 0, k >= 2 ? (k == 2 ? 1 : -1) : 0, 1 };

  for (guint i = 0; i < self->labels->len; i++)
    {
      const TlLabel *label = &g_array_index (self->labels, TlLabel, i);
      const Place *place = &g_array_index (self->places, Place, g_array_index (self->shown, guint, i));

      if (!label->placed)
        continue;

      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (round (label->x - DOT_RADIUS), round (label->y - DOT_RADIUS),
                                                      2 * DOT_RADIUS, 2 * DOT_RADIUS));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (label->left), round (label->top)));
      gtk_snapshot_push_shadow (snapshot, shadows, G_N_ELEMENTS (shadows));
      gtk_snapshot_append_layout (snapshot, place->layout, &colour);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }
}

static void
tl_place_layer_constructed (GObject *object)
{
  TlPlaceLayer *self = TL_PLACE_LAYER (object);

  G_OBJECT_CLASS (tl_place_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
tl_place_layer_dispose (GObject *object)
{
  TlPlaceLayer *self = TL_PLACE_LAYER (object);

  tl_place_layer_set_incident_layer (self, NULL);

  G_OBJECT_CLASS (tl_place_layer_parent_class)->dispose (object);
}

static void
tl_place_layer_finalize (GObject *object)
{
  TlPlaceLayer *self = TL_PLACE_LAYER (object);

  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->rects, g_array_unref);

  G_OBJECT_CLASS (tl_place_layer_parent_class)->finalize (object);
}

static void
tl_place_layer_class_init (TlPlaceLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_place_layer_constructed;
  object_class->dispose = tl_place_layer_dispose;
  object_class->finalize = tl_place_layer_finalize;
  widget_class->snapshot = tl_place_layer_snapshot;
  gtk_widget_class_set_css_name (widget_class, "tl-place-layer");
}

static void
tl_place_layer_init (TlPlaceLayer *self)
{
  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  self->labels = g_array_new (FALSE, TRUE, sizeof (TlLabel));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rects = g_array_new (FALSE, FALSE, sizeof (TlLabelObstacle));
  /* Labels are for reading, never for clicking. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  load_places (self);
}

/* public API */

/**
 * tl_place_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer
 */
TlPlaceLayer *
tl_place_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TL_TYPE_PLACE_LAYER, "viewport", viewport, NULL);
}

guint
tl_place_layer_get_n_places (TlPlaceLayer *self)
{
  g_return_val_if_fail (TL_IS_PLACE_LAYER (self), 0);

  return self->places->len;
}

/**
 * tl_place_layer_get_n_shown:
 *
 * Returns: how many labels the last frame placed
 */
guint
tl_place_layer_get_n_shown (TlPlaceLayer *self)
{
  g_return_val_if_fail (TL_IS_PLACE_LAYER (self), 0);

  return self->n_shown;
}

/**
 * tl_place_layer_get_label_rects:
 * @out_n: (out): how many rectangles are returned
 *
 * Where the last frame drew the place names, in widget coordinates: for
 * the layers drawn over this one, whose own labels keep clear of them.
 *
 * Returns: (transfer none) (array length=out_n) (nullable): the
 *   rectangles, valid until the next frame
 */
const TlLabelObstacle *
tl_place_layer_get_label_rects (TlPlaceLayer *self,
                                guint        *out_n)
{
  g_return_val_if_fail (TL_IS_PLACE_LAYER (self), NULL);
  g_return_val_if_fail (out_n != NULL, NULL);

  *out_n = self->rects->len;
  return self->rects->len > 0 ? (const TlLabelObstacle *) self->rects->data : NULL;
}

/**
 * tl_place_layer_set_incident_layer:
 * @incidents: (nullable): the layer of markers drawn over this one
 *
 * Labels are placed clear of @incidents' markers and cluster bubbles, and
 * placed again whenever they change.
 */
void
tl_place_layer_set_incident_layer (TlPlaceLayer    *self,
                                   TlIncidentLayer *incidents)
{
  g_return_if_fail (TL_IS_PLACE_LAYER (self));
  g_return_if_fail (incidents == NULL || TL_IS_INCIDENT_LAYER (incidents));

  if (self->incidents == incidents)
    return;

  if (self->incidents != NULL)
    g_signal_handlers_disconnect_by_data (self->incidents, self);
  g_set_object (&self->incidents, incidents);
  if (incidents != NULL)
    g_signal_connect_object (incidents, "markers-changed", G_CALLBACK (markers_changed_cb),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
