/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-geo.h"
#include "tl-scale-bar.h"

#define MAX_BAR_WIDTH 140.0
#define BAR_HEIGHT 4.0
#define ROW_HEIGHT 18.0
#define PADDING 6.0

struct _TlScaleBar
{
  GtkWidget        parent_instance;

  /* owned */
  ShumateViewport *viewport;
};

G_DEFINE_FINAL_TYPE (TlScaleBar, tl_scale_bar, GTK_TYPE_WIDGET)

/* helpers */

static double
metres_per_pixel (TlScaleBar *self)
{
  double latitude = shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport));
  double zoom = shumate_viewport_get_zoom_level (self->viewport);

  return tl_geo_metres_per_pixel (latitude, zoom, 256.0);
}

static gboolean
measure_unit (TlScaleBar     *self,
              TlGeoScaleUnit  unit,
              double         *out_length,
              double         *out_width)
{
  if (self->viewport == NULL)
    return FALSE;

  return tl_geo_scale_bar (metres_per_pixel (self), MAX_BAR_WIDTH, unit, out_length, out_width);
}

static char *
format_length (double         length,
               TlGeoScaleUnit unit)
{
  g_autofree char *number = NULL;

  number = length < 1 ? g_strdup_printf ("%.1f", length) : g_strdup_printf ("%.0f", length);
  /* Translators: a scale bar length in nautical miles, e.g. "5 NM" */
  return g_strdup_printf (unit == TL_GEO_SCALE_UNIT_NM ? _("%s NM") : _("%s km"), number);
}

static void
draw_row (TlScaleBar     *self,
          GtkSnapshot    *snapshot,
          TlGeoScaleUnit  unit,
          double          y)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  double length, width;
  GdkRGBA fg, halo = { 1, 1, 1, 0.85 };

  if (!measure_unit (self, unit, &length, &width))
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  if (fg.red + fg.green + fg.blue > 1.5)
    halo = (GdkRGBA) { 0, 0, 0, 0.7 };

  /* A halo keeps the bar readable on land and sea, light and dark. */
  gtk_snapshot_append_color (snapshot, &halo,
                             &GRAPHENE_RECT_INIT (PADDING - 1, y + ROW_HEIGHT - BAR_HEIGHT - 1,
                                                  width + 2, BAR_HEIGHT + 2));
  gtk_snapshot_append_color (snapshot, &fg,
                             &GRAPHENE_RECT_INIT (PADDING, y + ROW_HEIGHT - BAR_HEIGHT,
                                                  width, BAR_HEIGHT));

  text = format_length (length, unit);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING + width + 6, y + 1));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* callbacks */

static void
viewport_notify_cb (TlScaleBar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject overrides */

static void
tl_scale_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) (MAX_BAR_WIDTH + 2 * PADDING + 70);
  else
    *minimum = *natural = (int) (2 * ROW_HEIGHT + 2 * PADDING);
}

static void
tl_scale_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  TlScaleBar *self = TL_SCALE_BAR (widget);

  draw_row (self, snapshot, TL_GEO_SCALE_UNIT_NM, PADDING);
  draw_row (self, snapshot, TL_GEO_SCALE_UNIT_KM, PADDING + ROW_HEIGHT);
}

static void
tl_scale_bar_dispose (GObject *object)
{
  tl_scale_bar_set_viewport (TL_SCALE_BAR (object), NULL);

  G_OBJECT_CLASS (tl_scale_bar_parent_class)->dispose (object);
}

static void
tl_scale_bar_class_init (TlScaleBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_scale_bar_dispose;
  widget_class->measure = tl_scale_bar_measure;
  widget_class->snapshot = tl_scale_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "tl-scale-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tl_scale_bar_init (TlScaleBar *self)
{
}

/* public API */

TlScaleBar *
tl_scale_bar_new (void)
{
  return g_object_new (TL_TYPE_SCALE_BAR, NULL);
}

/**
 * tl_scale_bar_set_viewport:
 * @viewport: (nullable): the map's viewport
 */
void
tl_scale_bar_set_viewport (TlScaleBar      *self,
                           ShumateViewport *viewport)
{
  g_return_if_fail (TL_IS_SCALE_BAR (self));

  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_set_object (&self->viewport, viewport);
  if (viewport != NULL)
    g_signal_connect_swapped (viewport, "notify", G_CALLBACK (viewport_notify_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_scale_bar_dup_label:
 * @nautical: the nautical mile bar rather than the kilometre bar
 *
 * Returns: (transfer full) (nullable): the length shown, e.g. "5 NM".
 */
char *
tl_scale_bar_dup_label (TlScaleBar *self,
                        gboolean    nautical)
{
  TlGeoScaleUnit unit = nautical ? TL_GEO_SCALE_UNIT_NM : TL_GEO_SCALE_UNIT_KM;
  double length, width;

  g_return_val_if_fail (TL_IS_SCALE_BAR (self), NULL);

  if (!measure_unit (self, unit, &length, &width))
    return NULL;

  return format_length (length, unit);
}
