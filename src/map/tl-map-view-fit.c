/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-map-view-private.h"

/* Following the window: until the user moves the map, it shows every
 * positioned report of the model (the window's day, or its 30 days) with
 * a margin, the way a coordinator looks at the night, so that Berck as
 * much as Dunkirk is in view: when it opens, and again each time the
 * window changes. With no report it stays where it is.
 *
 * Once the user pans or zooms, the view is theirs: it is remembered
 * (map-view-kept, with the centre and zoom saved on closing) and kept
 * across windows and restarts, and the map never jumps when reports come
 * and go. Fit to Reports (map.fit-reports) gives it back to the reports.
 *
 * The user's moves are told from the map's own by the viewport changing
 * outside the calls below, which hold self->fitting. */

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

/* Fits now if the map has a size, else once it has one. */
static void
fit_when_sized (TlMapView *self)
{
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) > 0)
    {
      tl_map_view_fit_dispose (self);
      tl_map_view_fit_events (self);
    }
  else if (self->fit_tick_id == 0)
    self->fit_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_tick_cb, NULL, NULL);
}

static void
set_view_kept (TlMapView *self,
               gboolean   kept)
{
  if (self->view_kept == kept)
    return;
  self->view_kept = kept;
  g_settings_set_boolean (self->settings, "map-view-kept", kept);
}

/* callbacks */

static void
viewport_moved_cb (TlMapView *self)
{
  if (self->fitting > 0 || self->view_kept)
    return;

  /* The user moved the map: from now on the view is theirs. */
  tl_map_view_fit_dispose (self);
  set_view_kept (self, TRUE);
}

static void
fit_reports_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);

  set_view_kept (self, FALSE);
  fit_when_sized (self);
}

/* private API */

/**
 * tl_map_view_fit_init:
 *
 * Opens the map on the view the user kept, or else fits it to its
 * reports once it first has a size; from then on, tells the user's moves.
 */
void
tl_map_view_fit_init (TlMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->view_kept = g_settings_get_boolean (self->settings, "map-view-kept");
  if (!self->view_kept)
    fit_when_sized (self);

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (viewport_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (viewport_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (viewport_moved_cb), self,
                           G_CONNECT_SWAPPED);

  /* Anywhere in the window, not only with the focus on the map. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>0"),
                                                          gtk_named_action_new ("map.fit-reports")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
tl_map_view_fit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.fit-reports", NULL, fit_reports_action);
}

/**
 * tl_map_view_set_view:
 *
 * Moves the map as the map itself does, not as the user: the view the
 * user kept is not taken to have changed.
 */
void
tl_map_view_set_view (TlMapView *self,
                      double     latitude,
                      double     longitude,
                      double     zoom)
{
  self->fitting++;
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (self->map), zoom);
  shumate_map_center_on (self->map, latitude, longitude);
  self->fitting--;
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
 * tl_map_view_follow_window:
 *
 * The window's reports were replaced (another day, another window):
 * shows them all, unless the user keeps a view of their own.
 */
void
tl_map_view_follow_window (TlMapView *self)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  if (!self->view_kept)
    fit_when_sized (self);
}

/**
 * tl_map_view_get_view_kept:
 *
 * Returns: whether the map shows the view the user moved it to, rather
 *   than following the window's reports
 */
gboolean
tl_map_view_get_view_kept (TlMapView *self)
{
  g_return_val_if_fail (TL_IS_MAP_VIEW (self), FALSE);

  return self->view_kept;
}

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

  tl_map_view_set_view (self, latitude_of_mercator_y ((top + bottom) / 2.0),
                        (west + east) / 2.0 * 360.0 - 180.0, zoom);
  return TRUE;
}
