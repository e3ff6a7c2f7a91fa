/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-geo.h"
#include "tl-measure-layer.h"

struct _TlMeasureLayer
{
  ShumateLayer  parent_instance;

  /* owned */
  GArray       *points;  /* double latitude, longitude pairs */

  gboolean      closed;       /* an area: the last point joins the first */
  gboolean      interactive;  /* takes the pointer, with a crosshair */
};

G_DEFINE_FINAL_TYPE (TlMeasureLayer, tl_measure_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_N_POINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static double
point_lat (TlMeasureLayer *self,
           guint           i)
{
  return g_array_index (self->points, double, 2 * i);
}

static double
point_lon (TlMeasureLayer *self,
           guint           i)
{
  return g_array_index (self->points, double, 2 * i + 1);
}

/* "3.21 NM (5.94 km)": nautical miles first, as at sea. */
static char *
format_distance (double metres)
{
  double nm = tl_geo_metres_to_nm (metres), km = tl_geo_metres_to_km (metres);

  /* Translators: a distance in nautical miles and kilometres */
  return g_strdup_printf (_("%.2f NM (%.2f km)"), nm, km);
}

static void
changed (TlMeasureLayer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POINTS]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* callbacks */

static void
viewport_notify_cb (TlMeasureLayer  *self,
                    GParamSpec      *pspec,
                    ShumateViewport *viewport)
{
  if (self->points->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject overrides */

static void
tl_measure_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TlMeasureLayer *self = TL_MEASURE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  guint n = self->points->len / 2;
  cairo_t *cr;

  if (n == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, point_lat (self, i),
                                                  point_lon (self, i), &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (self->closed && n > 2)
    {
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.12);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  cairo_set_line_width (cr, 2.5);
  cairo_set_dash (cr, (double[]) { 8, 4 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, point_lat (self, i),
                                                  point_lon (self, i), &x, &y);
      cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static gboolean
tl_measure_layer_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  /* ShumateLayer takes no pointer; while picking this one takes it all,
   * for its cursor: clicks and drags still reach the map around it. */
  return TL_MEASURE_LAYER (widget)->interactive;
}

static void
tl_measure_layer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TlMeasureLayer *self = TL_MEASURE_LAYER (object);

  switch (prop_id)
    {
    case PROP_N_POINTS:
      g_value_set_uint (value, tl_measure_layer_get_n_points (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_measure_layer_constructed (GObject *object)
{
  TlMeasureLayer *self = TL_MEASURE_LAYER (object);

  G_OBJECT_CLASS (tl_measure_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
tl_measure_layer_finalize (GObject *object)
{
  TlMeasureLayer *self = TL_MEASURE_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (tl_measure_layer_parent_class)->finalize (object);
}

static void
tl_measure_layer_class_init (TlMeasureLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_measure_layer_constructed;
  object_class->finalize = tl_measure_layer_finalize;
  object_class->get_property = tl_measure_layer_get_property;
  widget_class->snapshot = tl_measure_layer_snapshot;
  widget_class->contains = tl_measure_layer_contains;

  /**
   * TlMeasureLayer:n-points:
   *
   * How many points have been clicked.
   */
  properties[PROP_N_POINTS] =
    g_param_spec_uint ("n-points", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_measure_layer_init (TlMeasureLayer *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  /* The map view takes the clicks that place points. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * tl_measure_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer
 */
TlMeasureLayer *
tl_measure_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TL_TYPE_MEASURE_LAYER, "viewport", viewport, NULL);
}

void
tl_measure_layer_add_point (TlMeasureLayer *self,
                            double          latitude,
                            double          longitude)
{
  g_return_if_fail (TL_IS_MEASURE_LAYER (self));

  g_array_append_val (self->points, latitude);
  g_array_append_val (self->points, longitude);
  changed (self);
}

void
tl_measure_layer_remove_last (TlMeasureLayer *self)
{
  g_return_if_fail (TL_IS_MEASURE_LAYER (self));

  if (self->points->len == 0)
    return;
  g_array_set_size (self->points, self->points->len - 2);
  changed (self);
}

void
tl_measure_layer_clear (TlMeasureLayer *self)
{
  g_return_if_fail (TL_IS_MEASURE_LAYER (self));

  if (self->points->len == 0)
    return;
  g_array_set_size (self->points, 0);
  changed (self);
}

guint
tl_measure_layer_get_n_points (TlMeasureLayer *self)
{
  g_return_val_if_fail (TL_IS_MEASURE_LAYER (self), 0);

  return self->points->len / 2;
}

/**
 * tl_measure_layer_get_total:
 *
 * Returns: the great-circle length of all legs, in metres
 */
double
tl_measure_layer_get_total (TlMeasureLayer *self)
{
  double total = 0;

  g_return_val_if_fail (TL_IS_MEASURE_LAYER (self), 0);

  for (guint i = 1; i < self->points->len / 2; i++)
    total += tl_geo_distance (point_lat (self, i - 1), point_lon (self, i - 1),
                              point_lat (self, i), point_lon (self, i));
  return total;
}

/**
 * tl_measure_layer_describe:
 *
 * Returns: (transfer full): one line per leg (length and true bearing)
 *   and the total, or a hint when there is no leg yet
 */
char *
tl_measure_layer_describe (TlMeasureLayer *self)
{
  GString *s = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (TL_IS_MEASURE_LAYER (self), NULL);

  n = self->points->len / 2;
  if (n < 2)
    {
      g_string_append (s, n == 0 ? _("Click the map to start measuring")
                                 : _("Click the next point"));
      return g_string_free (s, FALSE);
    }

  for (guint i = 1; i < n; i++)
    {
      double d = tl_geo_distance (point_lat (self, i - 1), point_lon (self, i - 1),
                                  point_lat (self, i), point_lon (self, i));
      double b = tl_geo_bearing (point_lat (self, i - 1), point_lon (self, i - 1),
                                 point_lat (self, i), point_lon (self, i));
      g_autofree char *distance = format_distance (d);

      /* Translators: one leg of a measured route: number, distance, true bearing */
      g_string_append_printf (s, _("Leg %u: %s, %03.0f°T"), i, distance, fmod (round (b), 360));
      g_string_append_c (s, '\n');
    }
  {
    g_autofree char *total = format_distance (tl_measure_layer_get_total (self));

    /* Translators: the sum of all measured legs */
    g_string_append_printf (s, _("Total: %s"), total);
  }
  return g_string_free (s, FALSE);
}

/**
 * tl_measure_layer_get_point:
 * @index: a point, below tl_measure_layer_get_n_points()
 * @latitude: (out): its latitude
 * @longitude: (out): its longitude
 */
void
tl_measure_layer_get_point (TlMeasureLayer *self,
                            guint           index,
                            double         *latitude,
                            double         *longitude)
{
  g_return_if_fail (TL_IS_MEASURE_LAYER (self));
  g_return_if_fail (index < self->points->len / 2);

  *latitude = point_lat (self, index);
  *longitude = point_lon (self, index);
}

/**
 * tl_measure_layer_set_closed:
 * @closed: whether the points outline an area
 *
 * An area is drawn closed and lightly filled.
 */
void
tl_measure_layer_set_closed (TlMeasureLayer *self,
                             gboolean        closed)
{
  g_return_if_fail (TL_IS_MEASURE_LAYER (self));

  closed = !!closed;
  if (self->closed == closed)
    return;
  self->closed = closed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_measure_layer_set_interactive:
 * @interactive: whether the layer takes the pointer
 *
 * An interactive layer shows a crosshair over the whole map. The clicks
 * still go to the map's gestures (the layer has none): the map view
 * places the points.
 */
void
tl_measure_layer_set_interactive (TlMeasureLayer *self,
                                  gboolean        interactive)
{
  g_return_if_fail (TL_IS_MEASURE_LAYER (self));

  self->interactive = !!interactive;
  gtk_widget_set_can_target (GTK_WIDGET (self), self->interactive);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->interactive ? "crosshair" : NULL);
}
