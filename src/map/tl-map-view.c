/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-geo.h"
#include "tl-map-view-private.h"

/* A touchpad's smooth scroll reports pixels: this many pixels of finger
 * travel zoom by one level. */
#define PIXELS_PER_ZOOM_LEVEL 150.0
/* During a replay, reports this recent before the cursor stand out. */
#define EMPHASIS_SECONDS (30 * 60)

G_DEFINE_FINAL_TYPE (TlMapView, tl_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEASURING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint tl_map_view_signals[TL_MAP_VIEW_N_SIGNALS];

/* helpers */

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

static void
update_measure_label (TlMapView *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->measure_label), self->measuring);
  if (!self->measuring)
    return;
  text = tl_measure_layer_describe (self->measure_layer);
  gtk_label_set_text (self->measure_label, text);
}

/* Zooms by @delta levels keeping the point under (@x, @y) where it is,
 * as a map under the fingers should. */
static void
zoom_around (TlMapView *self,
             double     delta,
             double     x,
             double     y)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double target = CLAMP (zoom + delta, shumate_viewport_get_min_zoom_level (viewport),
                         shumate_viewport_get_max_zoom_level (viewport));
  double lat, lon, px, py;

  if (target == zoom)
    return;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  px = tl_geo_lon_to_x (lon, target, 256) - (x - width / 2);
  py = tl_geo_lat_to_y (lat, target, 256) - (y - height / 2);
  shumate_viewport_set_zoom_level (viewport, target);
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 tl_geo_y_to_lat (py, target, 256),
                                 tl_geo_x_to_lon (px, target, 256));
}

/* What happened in the half hour before the replay cursor pulses. */
static void
update_emphasis (TlMapView *self)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TlPulsePoint));

  if (self->emphasis_time != TL_TIME_NONE)
    tl_incident_layer_collect_recent (self->incident_layer, self->emphasis_time - EMPHASIS_SECONDS,
                                      self->emphasis_time, points);
  tl_pulse_layer_set_points (self->pulse_layer, points);
}

/* callbacks */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TlMapView                *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *text = NULL;
  double latitude, longitude;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y,
                                              &latitude, &longitude);
  text = tl_coordinates_format (latitude, longitude, self->format);
  gtk_label_set_text (self->pointer_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), TRUE);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TlMapView                *self)
{
  self->has_pointer = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->pointer_label), FALSE);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TlMapView                *self)
{
  double x = self->pointer_x, y = self->pointer_y;

  /* A mouse wheel's clicks are left to libshumate's steps; a touchpad's
   * smooth scroll zooms by how far the fingers moved, not 0.2 a event. */
  if (gtk_event_controller_scroll_get_unit (controller) != GDK_SCROLL_UNIT_SURFACE)
    return FALSE;

  if (!self->has_pointer)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self->map)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self->map)) / 2.0;
    }
  zoom_around (self, -dy / PIXELS_PER_ZOOM_LEVEL, x, y);
  return TRUE;
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

/* A click, not a drag: GtkGestureClick gives up once the pointer moves, so
 * the map can still be panned while measuring. */
static void
measure_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     TlMapView       *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double latitude, longitude;

  if (self->pick_mode != TL_MAP_PICK_NONE)
    {
      tl_map_view_pick_at (self, x, y);
      return;
    }
  if (!self->measuring)
    return;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y,
                                              &latitude, &longitude);
  tl_measure_layer_add_point (self->measure_layer, latitude, longitude);
  update_measure_label (self);
}

static void
zoom_to_cb (TlMapView       *self,
            double           latitude,
            double           longitude,
            double           zoom,
            TlIncidentLayer *layer)
{
  shumate_map_go_to_full (self->map, latitude, longitude, zoom);
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

  g_signal_emit (self, tl_map_view_signals[TL_MAP_VIEW_SIGNAL_NEW_REPORT_HERE], 0,
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
                                                 self->format);

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

static void
measure_undo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);

  /* The same keys undo a picked point while the focus is in the map. */
  if (tl_map_view_pick_undo (self) || !self->measuring)
    return;
  tl_measure_layer_remove_last (self->measure_layer);
  update_measure_label (self);
}

static void
measure_stop_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  if (!tl_map_view_pick_cancel (TL_MAP_VIEW (widget)))
    tl_map_view_set_measuring (TL_MAP_VIEW (widget), FALSE);
}

/* GObject overrides */

static void
tl_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TlMapView *self = TL_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEASURING:
      g_value_set_boolean (value, self->measuring);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TlMapView *self = TL_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEASURING:
      tl_map_view_set_measuring (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_map_view_dispose (GObject *object)
{
  TlMapView *self = TL_MAP_VIEW (object);

  if (self->map != NULL)
    save_view (self);

  g_clear_handle_id (&self->basemap_idle, g_source_remove);
  tl_map_view_fit_dispose (self);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_MAP_VIEW);
  /* Unbound template children (the layout box) are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  self->basemap_layer = NULL;
  self->place_layer = NULL;
  self->incident_layer = NULL;
  self->measure_layer = NULL;
  self->chain_layer = NULL;
  self->pulse_layer = NULL;
  self->sea_layer = NULL;
  self->pick_layer = NULL;

  gtk_widget_insert_action_group (GTK_WIDGET (self), "layers", NULL);
  g_clear_object (&self->layer_actions);
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
  object_class->get_property = tl_map_view_get_property;
  object_class->set_property = tl_map_view_set_property;

  /**
   * TlMapView:measuring:
   *
   * Whether clicks on the map place points of the measuring tool.
   */
  properties[PROP_MEASURING] =
    g_param_spec_boolean ("measuring", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TlMapView::new-report-here:
   * @latitude: where the officer clicked
   * @longitude: where the officer clicked
   *
   * The officer asked for a new report at a point of the map.
   */
  tl_map_view_signals[TL_MAP_VIEW_SIGNAL_NEW_REPORT_HERE] =
    g_signal_new ("new-report-here",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * TlMapView::source-error:
   * @message: what went wrong, in words for the officer
   *
   * The chosen base map could not be used (a missing or unreadable
   * MBTiles file, an invalid address, tiles that failed to download). The
   * map view shows @message itself; a window may log it too.
   */
  tl_map_view_signals[TL_MAP_VIEW_SIGNAL_SOURCE_ERROR] =
    g_signal_new ("source-error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (TL_TYPE_SCALE_BAR);
  g_type_ensure (TL_TYPE_MAP_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/map/tl-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TlMapView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, map);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, scale_bar);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, pointer_label);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, measure_label);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, context_popover);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, pick_bar);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, pick_label);
  gtk_widget_class_bind_template_child (widget_class, TlMapView, pick_done_button);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.new-report-here", NULL, new_report_here_action);
  gtk_widget_class_install_action (widget_class, "map.copy-position", NULL, copy_position_action);
  gtk_widget_class_install_action (widget_class, "map.centre-here", NULL, centre_here_action);
  gtk_widget_class_install_property_action (widget_class, "map.measure", "measuring");
  gtk_widget_class_install_action (widget_class, "map.measure-undo", NULL, measure_undo_action);
  gtk_widget_class_install_action (widget_class, "map.measure-stop", NULL, measure_stop_action);
  tl_map_view_layers_class_init (widget_class);
  tl_map_view_pick_class_init (widget_class);
  tl_map_view_fit_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "map.measure-undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.measure-stop", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-map-view");
}

static void
tl_map_view_init (TlMapView *self)
{
  ShumateViewport *viewport;
  GtkEventController *motion, *scroll;
  GtkGesture *click, *measure;
  double latitude, longitude, zoom;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->emphasis_time = TL_TIME_NONE;
  viewport = shumate_map_get_viewport (self->map);

  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 17);
  tl_scale_bar_set_viewport (self->scale_bar, viewport);

  tl_map_view_layers_init (self);
  tl_map_view_pick_init (self);
  g_signal_connect_object (self->incident_layer, "zoom-to", G_CALLBACK (zoom_to_cb), self,
                           G_CONNECT_SWAPPED);

  latitude = g_settings_get_double (self->settings, "map-latitude");
  longitude = g_settings_get_double (self->settings, "map-longitude");
  zoom = g_settings_get_double (self->settings, "map-zoom");
  tl_map_view_set_view (self, latitude, longitude, zoom);
  tl_map_view_fit_init (self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  /* Before libshumate's own scroll handler, which steps 0.2 per event. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), scroll);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  measure = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (measure), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (measure), GTK_PHASE_CAPTURE);
  g_signal_connect (measure, "released", G_CALLBACK (measure_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (measure));
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
  GtkSelectionModel *old;

  g_return_if_fail (TL_IS_MAP_VIEW (self));

  old = tl_incident_layer_get_model (self->incident_layer);
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_emphasis, self);
  tl_incident_layer_set_model (self->incident_layer, model);
  /* After the layer's own handler: the emphasis reads its markers. */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (update_emphasis), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_emphasis (self);
}

void
tl_map_view_set_time_zone (TlMapView *self,
                           GTimeZone *zone)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  tl_incident_layer_set_time_zone (self->incident_layer, zone);
  tl_case_chain_layer_set_time_zone (self->chain_layer, zone);
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

/**
 * tl_map_view_describe_selection:
 * @sentence: (nullable): the selected report read as a sentence, or
 *   %NULL when none is selected
 *
 * Tells a screen reader what the map has selected: the map's name says
 * it, and so does its description.
 */
void
tl_map_view_describe_selection (TlMapView  *self,
                                const char *sentence)
{
  g_autofree char *label = NULL;

  g_return_if_fail (TL_IS_MAP_VIEW (self));

  /* Translators: the map's name for a screen reader, with the report
   * selected on it */
  label = sentence ? g_strdup_printf (_("Map of the Channel, selected: %s"), sentence)
                   : g_strdup (_("Map of the Channel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence ? sentence : "",
                                  -1);
}

void
tl_map_view_go_to (TlMapView *self,
                   double     latitude,
                   double     longitude,
                   double     zoom)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  /* A view asked for replaces the opening fit still to come; it is not
   * the user's, so the next window is fitted again. */
  tl_map_view_fit_dispose (self);
  tl_map_view_set_view (self, latitude, longitude, zoom);
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

/**
 * tl_map_view_get_map:
 *
 * Returns: (transfer none): the libshumate map inside, for tests and
 *   benchmarks that drive it directly.
 */
GtkWidget *
tl_map_view_get_map (TlMapView *self)
{
  g_return_val_if_fail (TL_IS_MAP_VIEW (self), NULL);

  return GTK_WIDGET (self->map);
}

gboolean
tl_map_view_get_measuring (TlMapView *self)
{
  g_return_val_if_fail (TL_IS_MAP_VIEW (self), FALSE);

  return self->measuring;
}

/**
 * tl_map_view_set_measuring:
 * @measuring: whether clicks place measuring points
 *
 * Turning the tool off clears its points.
 */
void
tl_map_view_set_measuring (TlMapView *self,
                           gboolean   measuring)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  measuring = !!measuring;
  if (self->measuring == measuring)
    return;

  self->measuring = measuring;
  /* While measuring, a click on a marker places a point too. */
  gtk_widget_set_can_target (GTK_WIDGET (self->incident_layer),
                             !measuring && self->pick_mode == TL_MAP_PICK_NONE);
  if (!measuring)
    tl_measure_layer_clear (self->measure_layer);
  update_measure_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURING]);
}

/**
 * tl_map_view_show_case_chain:
 * @events: (nullable) (element-type TlEvent) (transfer none): the reports
 *   of one case (tl_store_list_case_events()), or %NULL to hide the chain
 *
 * Joins the case's reports that have a position with a line, in time
 * order, with arrows and times. Shown with the patrol routes: the
 * `show-routes` setting hides both.
 */
void
tl_map_view_show_case_chain (TlMapView *self,
                             GPtrArray *events)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  tl_case_chain_layer_set_events (self->chain_layer, events);
}

/**
 * tl_map_view_show_estimate:
 * @estimate: (nullable): the dead-reckoning estimate of the open case
 *   shown, or %NULL for none
 *
 * Draws where the boat will be if it keeps its course and speed: a
 * dashed track with a cone that widens with time, labelled "estimate".
 */
void
tl_map_view_show_estimate (TlMapView           *self,
                           const TlSeaEstimate *estimate)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  tl_sea_layer_set_estimate (self->sea_layer, estimate);
}

/**
 * tl_map_view_set_emphasis_time:
 * @utc: the replay cursor, in seconds UTC, or %TL_TIME_NONE to clear
 *
 * Emphasises the markers of the reports made in the half hour up to
 * @utc, newest loudest, with a ring that pulses unless animations are
 * turned off.
 */
void
tl_map_view_set_emphasis_time (TlMapView *self,
                               gint64     utc)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  if (self->emphasis_time == utc)
    return;
  self->emphasis_time = utc;
  update_emphasis (self);
}

/**
 * tl_map_view_get_bbox:
 * @west: (out) (optional): western edge, degrees of longitude
 * @south: (out) (optional): southern edge, degrees of latitude
 * @east: (out) (optional): eastern edge, degrees of longitude
 * @north: (out) (optional): northern edge, degrees of latitude
 *
 * The area the map shows. Before the map has a size, the box is the
 * point at its centre.
 *
 * Returns: %TRUE if the map has a size and the box is its visible area
 */
gboolean
tl_map_view_get_bbox (TlMapView *self,
                      double    *west,
                      double    *south,
                      double    *east,
                      double    *north)
{
  ShumateViewport *viewport;
  int width, height;
  double w, s, e, n;

  g_return_val_if_fail (TL_IS_MAP_VIEW (self), FALSE);

  viewport = shumate_map_get_viewport (self->map);
  width = gtk_widget_get_width (GTK_WIDGET (self->map));
  height = gtk_widget_get_height (GTK_WIDGET (self->map));
  if (width > 0 && height > 0)
    {
      shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), 0, 0, &n, &w);
      shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), width, height, &s, &e);
    }
  else
    {
      n = s = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
      w = e = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
    }

  if (west != NULL)
    *west = CLAMP (w, -180, 180);
  if (south != NULL)
    *south = CLAMP (s, -85.05112878, 85.05112878);
  if (east != NULL)
    *east = CLAMP (e, -180, 180);
  if (north != NULL)
    *north = CLAMP (n, -85.05112878, 85.05112878);
  return width > 0 && height > 0;
}
