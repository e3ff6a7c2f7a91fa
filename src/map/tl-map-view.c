/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "tl-coastline-source.h"
#include "tl-coordinates.h"
#include "tl-incident-layer.h"
#include "tl-map-view.h"
#include "tl-scale-bar.h"

struct _TlMapView
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkOverlay        *overlay;
  ShumateMap        *map;
  TlScaleBar        *scale_bar;
  GtkLabel          *attribution_label;
  GtkLabel          *pointer_label;
  GtkPopoverMenu    *context_popover;

  /* owned */
  GSettings         *settings;
  ShumateMapSource  *basemap;

  /* borrowed: children of the map */
  ShumateMapLayer   *basemap_layer;
  TlIncidentLayer   *incident_layer;

  /* where the context menu was opened */
  double             context_latitude;
  double             context_longitude;
};

G_DEFINE_FINAL_TYPE (TlMapView, tl_map_view, GTK_TYPE_WIDGET)

enum {
  NEW_REPORT_HERE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static void
update_attribution (TlMapView *self)
{
  const char *license = shumate_map_source_get_license (self->basemap);
  const char *uri = shumate_map_source_get_license_uri (self->basemap);
  g_autofree char *markup = NULL;

  /* Every source on the map is credited where the map is seen. */
  if (uri != NULL)
    markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, license);
  else
    markup = g_markup_escape_text (license, -1);
  gtk_label_set_markup (self->attribution_label, markup);
}

static void
set_basemap (TlMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(TlCoastlineSource) source = NULL;

  source = tl_coastline_source_new ();
  tl_coastline_source_set_dark (source, adw_style_manager_get_dark (style));

  /* libshumate 1.0 cannot refresh a layer's tiles: replace the layer. */
  if (self->basemap_layer != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->basemap_layer));
  g_set_object (&self->basemap, SHUMATE_MAP_SOURCE (source));

  shumate_viewport_set_reference_map_source (viewport, self->basemap);
  self->basemap_layer = shumate_map_layer_new (self->basemap, viewport);
  if (self->incident_layer != NULL)
    shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->basemap_layer),
                                     SHUMATE_LAYER (self->incident_layer));
  else
    shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap_layer));
  /* Tiles are drawn for the screen's scale, so HiDPI stays crisp. */
  g_object_bind_property (self, "scale-factor", source, "scale-factor", G_BINDING_SYNC_CREATE);
  update_attribution (self);
}

static void
save_view (TlMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  g_settings_set_double (self->settings, "map-latitude",
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-longitude",
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom",
                         shumate_viewport_get_zoom_level (viewport));
}

/* callbacks */

static void
dark_changed_cb (TlMapView       *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style)
{
  set_basemap (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TlMapView                *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *text = NULL;
  double latitude, longitude;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y,
                                              &latitude, &longitude);
  text = tl_coordinates_format (latitude, longitude, TL_COORDINATE_FORMAT_DDM);
  gtk_label_set_text (self->pointer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), TRUE);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TlMapView                *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), FALSE);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      TlMapView       *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y,
                                              &self->context_latitude,
                                              &self->context_longitude);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  shumate_map_zoom_in (TL_MAP_VIEW (widget)->map);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  shumate_map_zoom_out (TL_MAP_VIEW (widget)->map);
}

static void
new_report_here_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);

  g_signal_emit (self, signals[NEW_REPORT_HERE], 0,
                 self->context_latitude, self->context_longitude);
}

static void
copy_position_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);
  g_autofree char *text = tl_coordinates_format (self->context_latitude,
                                                 self->context_longitude,
                                                 TL_COORDINATE_FORMAT_DDM);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
centre_here_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);

  shumate_map_go_to (self->map, self->context_latitude, self->context_longitude);
}

/* GObject overrides */

static void
tl_map_view_dispose (GObject *object)
{
  TlMapView *self = TL_MAP_VIEW (object);

  if (self->map != NULL)
    save_view (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_MAP_VIEW);
  /* Unbound template children (the layout box) are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  self->basemap_layer = NULL;
  self->incident_layer = NULL;

  g_clear_object (&self->basemap);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tl_map_view_parent_class)->dispose (object);
}

static void
tl_map_view_class_init (TlMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_map_view_dispose;

  /**
   * TlMapView::new-report-here:
   * @latitude: where the officer clicked
   * @longitude: where the officer clicked
   *
   * The officer asked for a new report at a point of the map.
   */
  signals[NEW_REPORT_HERE] =
    g_signal_new ("new-report-here",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (TL_TYPE_SCALE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/map/tl-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TlMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, map);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, scale_bar);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, pointer_label);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, context_popover);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.new-report-here", NULL, new_report_here_action);
  gtk_widget_class_install_action (widget_class, "map.copy-position", NULL, copy_position_action);
  gtk_widget_class_install_action (widget_class, "map.centre-here", NULL, centre_here_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-map-view");
}

static void
tl_map_view_init (TlMapView *self)
{
  ShumateViewport *viewport;
  GtkEventController *motion;
  GtkGesture *click;
  double latitude, longitude, zoom;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  viewport = shumate_map_get_viewport (self->map);

  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 17);
  tl_scale_bar_set_viewport (self->scale_bar, viewport);

  set_basemap (self);

  self->incident_layer = tl_incident_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->incident_layer));

  latitude = g_settings_get_double (self->settings, "map-latitude");
  longitude = g_settings_get_double (self->settings, "map-longitude");
  zoom = g_settings_get_double (self->settings, "map-zoom");
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (self->map, latitude, longitude);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
}

/* public API */

TlMapView *
tl_map_view_new (void)
{
  return g_object_new (TL_TYPE_MAP_VIEW, NULL);
}

/**
 * tl_map_view_set_model:
 * @model: (nullable): a selection model of #TlEvent, shared with the list
 *   so that selecting in one selects in the other
 */
void
tl_map_view_set_model (TlMapView         *self,
                       GtkSelectionModel *model)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  tl_incident_layer_set_model (self->incident_layer, model);
}

void
tl_map_view_set_time_zone (TlMapView *self,
                           GTimeZone *zone)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  tl_incident_layer_set_time_zone (self->incident_layer, zone);
}

/**
 * tl_map_view_reveal_event:
 *
 * Brings @event into view when its marker is off screen (or too close to
 * the edge to be seen), without moving a map the officer already sees it on.
 */
void
tl_map_view_reveal_event (TlMapView *self,
                          TlEvent   *event)
{
  ShumateViewport *viewport;
  double x, y;
  int width, height, margin = 40;

  g_return_if_fail (TL_IS_MAP_VIEW (self));
  g_return_if_fail (TL_IS_EVENT (event));

  if (!tl_event_has_position (event))
    return;

  viewport = shumate_map_get_viewport (self->map);
  width = gtk_widget_get_width (GTK_WIDGET (self->map));
  height = gtk_widget_get_height (GTK_WIDGET (self->map));
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map),
                                              tl_event_get_latitude (event),
                                              tl_event_get_longitude (event),
                                              &x, &y);
  if (width > 0 && x >= margin && y >= margin && x <= width - margin && y <= height - margin)
    return;

  shumate_map_go_to (self->map, tl_event_get_latitude (event), tl_event_get_longitude (event));
}

void
tl_map_view_go_to (TlMapView *self,
                   double     latitude,
                   double     longitude,
                   double     zoom)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  shumate_viewport_set_zoom_level (shumate_map_get_viewport (self->map), zoom);
  shumate_map_center_on (self->map, latitude, longitude);
}

/**
 * tl_map_view_get_incident_layer:
 *
 * Returns: (transfer none): the layer drawing the events.
 */
GtkWidget *
tl_map_view_get_incident_layer (TlMapView *self)
{
  g_return_val_if_fail (TL_IS_MAP_VIEW (self), NULL);

  return GTK_WIDGET (self->incident_layer);
}
