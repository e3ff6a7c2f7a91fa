/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-incident-layer-private.h"
#include "tl-pulse-layer.h"
#include "tl-symbols.h"

/* One beat of the ring, in microseconds. */
#define PULSE_PERIOD_US (1600 * 1000)

struct _TlPulseLayer
{
  ShumateLayer  parent_instance;

  /* owned */
  GArray       *points;   /* TlPulsePoint */

  guint         tick_id;
  double        phase;    /* 0..1 through a beat */
};

G_DEFINE_FINAL_TYPE (TlPulseLayer, tl_pulse_layer, SHUMATE_TYPE_LAYER)

/* helpers */

static gboolean
animations_enabled (TlPulseLayer *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* callbacks */

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  TlPulseLayer *self = TL_PULSE_LAYER (widget);

  self->phase = (gdk_frame_clock_get_frame_time (clock) % PULSE_PERIOD_US) / (double) PULSE_PERIOD_US;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
update_tick (TlPulseLayer *self)
{
  gboolean wanted = self->points->len > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                    animations_enabled (self);

  if (wanted && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  else if (!wanted && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
      /* Without animation the ring rests at its widest clear size. */
      self->phase = 0.35;
    }
}

static void
viewport_notify_cb (TlPulseLayer    *self,
                    GParamSpec      *pspec,
                    ShumateViewport *viewport)
{
  if (self->points->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject overrides */

static void
tl_pulse_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TlPulseLayer *self = TL_PULSE_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double world = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));
  double ox = lon_to_mx (shumate_location_get_longitude (location)) * world - width / 2.0;
  double oy = lat_to_my (shumate_location_get_latitude (location)) * world - height / 2.0;
  cairo_t *cr;

  if (self->points->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->points->len; i++)
    {
      const TlPulsePoint *p = &g_array_index (self->points, TlPulsePoint, i);
      double x = p->mx * world - ox, y = p->my * world - oy;
      /* The newest is loudest; a report half an hour old has faded. */
      double strength = 1.0 - 0.7 * CLAMP (p->age, 0, 1);
      double r, g, b;

      if (x < -60 || y < -60 || x > width + 60 || y > height + 60)
        continue;

      tl_symbol_get_colour (p->kind, &r, &g, &b);
      /* A steady halo makes the symbol look larger... */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, p->radius + 6, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85 * strength);
      cairo_set_line_width (cr, 6);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, r, g, b, strength);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);

      /* A dot marks the spot when the marker itself is in a cluster
       * bubble; a marker drawn on its own covers it. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      /* ...and a ring spreads out from it. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, p->radius + 6 + 16 * self->phase, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, r, g, b, strength * (1 - self->phase));
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
tl_pulse_layer_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tl_pulse_layer_parent_class)->map (widget);
  update_tick (TL_PULSE_LAYER (widget));
}

static void
tl_pulse_layer_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tl_pulse_layer_parent_class)->unmap (widget);
  update_tick (TL_PULSE_LAYER (widget));
}

static void
tl_pulse_layer_constructed (GObject *object)
{
  TlPulseLayer *self = TL_PULSE_LAYER (object);

  G_OBJECT_CLASS (tl_pulse_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
tl_pulse_layer_finalize (GObject *object)
{
  TlPulseLayer *self = TL_PULSE_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (tl_pulse_layer_parent_class)->finalize (object);
}

static void
tl_pulse_layer_class_init (TlPulseLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_pulse_layer_constructed;
  object_class->finalize = tl_pulse_layer_finalize;
  widget_class->snapshot = tl_pulse_layer_snapshot;
  widget_class->map = tl_pulse_layer_map;
  widget_class->unmap = tl_pulse_layer_unmap;
}

static void
tl_pulse_layer_init (TlPulseLayer *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (TlPulsePoint));
  self->phase = 0.35;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * tl_pulse_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer
 */
TlPulseLayer *
tl_pulse_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TL_TYPE_PULSE_LAYER, "viewport", viewport, NULL);
}

/**
 * tl_pulse_layer_set_points:
 * @points: (element-type TlPulsePoint) (transfer none): the points to
 *   emphasise; copied
 */
void
tl_pulse_layer_set_points (TlPulseLayer *self,
                           GArray       *points)
{
  g_return_if_fail (TL_IS_PULSE_LAYER (self));
  g_return_if_fail (points != NULL);

  if (self->points->len == 0 && points->len == 0)
    return;
  g_array_set_size (self->points, 0);
  g_array_append_vals (self->points, points->data, points->len);
  update_tick (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
tl_pulse_layer_get_n_points (TlPulseLayer *self)
{
  g_return_val_if_fail (TL_IS_PULSE_LAYER (self), 0);

  return self->points->len;
}
