/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-map-view-private.h"

/* Opening on the day: once the map has a size, it shows every positioned
 * report of the model (the window's day) with a margin, the way a
 * coordinator looks at the night, so that Berck as much as Dunkirk is in
 * view. With none, it stays on the view it was given (the Strait unless
 * the user moved it last time). After that it is the user's: the map
 * does not jump when reports come and go. */

/* Around the reports, in pixels: room for their symbols and labels. */
#define FIT_PADDING 48
/* One report, or a few close together, are shown at a harbour's scale. */
#define FIT_MAX_ZOOM 11.0

/* helpers */

/* Web Mercator, in world units (0 to 1 across the world). */
static double
mercator_y (double latitude)
{
  double phi = CLAMP (latitude, -85.0511, 85.0511) * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static double
latitude_of_mercator_y (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

static gboolean
fit_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  TlMapView *self = TL_MAP_VIEW (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return G_SOURCE_CONTINUE;

  self->fit_tick_id = 0;
  tl_map_view_fit_events (self);
  return G_SOURCE_REMOVE;
}

/* private API */

/**
 * tl_map_view_fit_init:
 *
 * Fits the map to its reports once it first has a size.
 */
void
tl_map_view_fit_init (TlMapView *self)
{
  self->fit_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_tick_cb, NULL, NULL);
}

void
tl_map_view_fit_dispose (TlMapView *self)
{
  if (self->fit_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick_id);
  self->fit_tick_id = 0;
}

/* public API */

/**
 * tl_map_view_fit_events:
 *
 * Shows every report of the model that has a position, with a margin.
 *
 * Returns: %TRUE if the map moved; %FALSE when no report has a position
 *   or the map has no size yet
 */
gboolean
tl_map_view_fit_events (TlMapView *self)
{
  GListModel *model;
  ShumateViewport *viewport;
  double west = G_MAXDOUBLE, east = -G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  double width, height, span_x, span_y, zoom;
  guint n, found = 0;

  g_return_val_if_fail (TL_IS_MAP_VIEW (self), FALSE);

  model = G_LIST_MODEL (tl_incident_layer_get_model (self->incident_layer));
  width = gtk_widget_get_width (GTK_WIDGET (self->map));
  height = gtk_widget_get_height (GTK_WIDGET (self->map));
  if (model == NULL || width <= 2 * FIT_PADDING || height <= 2 * FIT_PADDING)
    return FALSE;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (model, i);
      double x, y;

      if (!tl_event_has_position (event))
        continue;
      x = (tl_event_get_longitude (event) + 180.0) / 360.0;
      y = mercator_y (tl_event_get_latitude (event));
      west = MIN (west, x);
      east = MAX (east, x);
      top = MIN (top, y);
      bottom = MAX (bottom, y);
      found++;
    }
  if (found == 0)
    return FALSE;

  viewport = shumate_map_get_viewport (self->map);
  span_x = MAX (east - west, 1e-9);
  span_y = MAX (bottom - top, 1e-9);
  /* The tile size is 256 px at zoom 0: the world is 256 × 2^zoom px. */
  zoom = log2 (MIN ((width - 2 * FIT_PADDING) / (256.0 * span_x),
                    (height - 2 * FIT_PADDING) / (256.0 * span_y)));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                MIN (FIT_MAX_ZOOM, shumate_viewport_get_max_zoom_level (viewport)));

  tl_map_view_go_to (self, latitude_of_mercator_y ((top + bottom) / 2.0),
                     (west + east) / 2.0 * 360.0 - 180.0, zoom);
  return TRUE;
}
