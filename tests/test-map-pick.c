/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "tl-map-view.h"
#include "tl-map-view-private.h"
#include "tl-report-editor.h"
#include "tl-test-ui.h"

/* The map's pick mode, alone and through the report editor, and the
 * layers a replay and a case draw. */

typedef struct {
  guint     n_picked;
  double    latitude;
  double    longitude;
  guint     n_finished;
  guint     n_cancelled;
  GVariant *points;
} PickLog;

static void
picked_cb (TlMapView *view,
           double     latitude,
           double     longitude,
           PickLog   *log)
{
  log->n_picked++;
  log->latitude = latitude;
  log->longitude = longitude;
}

static void
finished_cb (TlMapView *view,
             GVariant  *points,
             PickLog   *log)
{
  log->n_finished++;
  g_clear_pointer (&log->points, g_variant_unref);
  log->points = g_variant_ref (points);
}

static void
cancelled_cb (TlMapView *view,
              PickLog   *log)
{
  log->n_cancelled++;
}

static void
watch (TlMapView *view,
       PickLog   *log)
{
  g_signal_connect (view, "picked", G_CALLBACK (picked_cb), log);
  g_signal_connect (view, "pick-finished", G_CALLBACK (finished_cb), log);
  g_signal_connect (view, "pick-cancelled", G_CALLBACK (cancelled_cb), log);
}

static TlMapView *
present_view (GtkWidget **out_window)
{
  GtkWidget *window = gtk_window_new ();
  TlMapView *view = tl_map_view_new ();

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  tl_map_view_go_to (view, 50.95, 1.5, 9);
  tl_test_iterate (200);
  *out_window = window;
  return view;
}

static void
close_view (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  tl_test_iterate (50);
  g_assert_finalize_object (window);
}

static void
test_pick_point (TlTestFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *window;
  TlMapView *view = present_view (&window);
  PickLog log = { 0 };
  double latitude, longitude;

  watch (view, &log);
  g_assert_cmpint (tl_map_view_get_pick_mode (view), ==, TL_MAP_PICK_NONE);
  /* Not picking: a click picks nothing. */
  tl_map_view_pick_at (view, 10, 10);
  g_assert_cmpuint (log.n_picked, ==, 0);

  tl_map_view_begin_pick (view, TL_MAP_PICK_POINT);
  g_assert_cmpint (tl_map_view_get_pick_mode (view), ==, TL_MAP_PICK_POINT);
  g_assert_true (gtk_widget_get_visible (view->pick_bar));
  g_assert_cmpstr (gtk_label_get_text (view->pick_label), ==, "Click the position");
  /* No measuring during a pick. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "map.measure", NULL) &&
                  tl_map_view_get_measuring (view));

  /* The middle of the map is where it was sent. */
  tl_map_view_pick_at (view, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0,
                       gtk_widget_get_height (GTK_WIDGET (view)) / 2.0);
  g_assert_cmpuint (log.n_picked, ==, 1);
  g_assert_cmpfloat_with_epsilon (log.latitude, 50.95, 0.01);
  g_assert_cmpfloat_with_epsilon (log.longitude, 1.5, 0.01);

  /* One click is the whole of a position pick. */
  g_assert_cmpuint (log.n_finished, ==, 1);
  g_assert_cmpstr (g_variant_get_type_string (log.points), ==, "a(dd)");
  g_assert_cmpuint (g_variant_n_children (log.points), ==, 1);
  g_variant_get_child (log.points, 0, "(dd)", &latitude, &longitude);
  g_assert_cmpfloat (latitude, ==, log.latitude);
  g_assert_cmpfloat (longitude, ==, log.longitude);
  g_assert_cmpint (tl_map_view_get_pick_mode (view), ==, TL_MAP_PICK_NONE);
  g_assert_false (gtk_widget_get_visible (view->pick_bar));

  g_clear_pointer (&log.points, g_variant_unref);
  close_view (window);
}

static void
test_pick_route (TlTestFixture *fixture,
                 gconstpointer  data)
{
  GtkWidget *window;
  TlMapView *view = present_view (&window);
  PickLog log = { 0 };
  double lat0, lon0, lat1, lon1;

  watch (view, &log);
  tl_map_view_begin_pick (view, TL_MAP_PICK_ROUTE);
  g_assert_true (gtk_widget_get_visible (view->pick_done_button));
  tl_map_view_pick_at (view, 100, 100);
  /* One point is no route yet: Enter waits for more. */
  g_assert_false (tl_map_view_finish_pick (view));
  tl_map_view_pick_at (view, 300, 200);
  tl_map_view_pick_at (view, 500, 500);
  g_assert_cmpuint (log.n_picked, ==, 3);
  g_assert_cmpuint (log.n_finished, ==, 0);
  g_assert_cmpuint (tl_measure_layer_get_n_points (view->pick_layer), ==, 3);

  /* Backspace takes the last point back, Enter finishes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.pick-undo", NULL));
  g_assert_cmpuint (tl_measure_layer_get_n_points (view->pick_layer), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.pick-finish", NULL));
  g_assert_cmpuint (log.n_finished, ==, 1);
  g_assert_cmpuint (g_variant_n_children (log.points), ==, 2);
  g_variant_get_child (log.points, 0, "(dd)", &lat0, &lon0);
  g_variant_get_child (log.points, 1, "(dd)", &lat1, &lon1);
  /* In the order clicked: the second is east and south of the first. */
  g_assert_cmpfloat (lon1, >, lon0);
  g_assert_cmpfloat (lat1, <, lat0);
  g_assert_cmpuint (tl_measure_layer_get_n_points (view->pick_layer), ==, 0);

  /* An area needs three corners; Escape gives it up. */
  tl_map_view_begin_pick (view, TL_MAP_PICK_AREA);
  tl_map_view_pick_at (view, 100, 100);
  tl_map_view_pick_at (view, 300, 100);
  g_assert_false (tl_map_view_finish_pick (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.pick-cancel", NULL));
  g_assert_cmpuint (log.n_cancelled, ==, 1);
  g_assert_cmpuint (log.n_finished, ==, 1);
  g_assert_cmpint (tl_map_view_get_pick_mode (view), ==, TL_MAP_PICK_NONE);
  /* And the keys go back to the window. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "map.pick-cancel", NULL) &&
                  log.n_cancelled > 1);

  g_clear_pointer (&log.points, g_variant_unref);
  close_view (window);
}

static void
test_bbox (TlTestFixture *fixture,
           gconstpointer  data)
{
  GtkWidget *window;
  TlMapView *view = present_view (&window);
  double west, south, east, north, west2, east2;

  g_assert_true (tl_map_view_get_bbox (view, &west, &south, &east, &north));
  g_assert_cmpfloat (west, <, 1.5);
  g_assert_cmpfloat (east, >, 1.5);
  g_assert_cmpfloat (south, <, 50.95);
  g_assert_cmpfloat (north, >, 50.95);
  /* 800 px at zoom 9 is a little over two degrees of longitude. */
  g_assert_cmpfloat_with_epsilon (east - west, 800 * 360.0 / (256 * 512), 0.2);

  /* Zooming in shrinks it. */
  tl_map_view_go_to (view, 50.95, 1.5, 11);
  tl_test_iterate (50);
  g_assert_true (tl_map_view_get_bbox (view, &west2, NULL, &east2, NULL));
  g_assert_cmpfloat (east2 - west2, <, (east - west) / 3);

  close_view (window);
}

static TlEvent *
make_event (TlEventKind kind,
            gint64      time,
            double      latitude,
            double      longitude)
{
  TlEvent *event = tl_event_new (kind);

  tl_event_set_time (event, time);
  tl_event_set_position (event, latitude, longitude);
  return event;
}

static void
test_chain_and_emphasis (TlTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (TL_TYPE_EVENT);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(TlEvent) unplaced = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 t0 = 1717236000;  /* 2024-06-01 10:00 UTC */
  GtkWidget *window;
  TlMapView *view = present_view (&window);

  /* Given out of order and with a report without a position. */
  g_ptr_array_add (chain, make_event (TL_EVENT_KIND_RESCUE, t0 + 3600, 51.0, 1.6));
  g_ptr_array_add (chain, make_event (TL_EVENT_KIND_DEPARTURE, t0, 50.9, 1.7));
  tl_event_set_time (unplaced, t0 + 600);
  g_ptr_array_add (chain, g_object_ref (unplaced));
  g_ptr_array_add (chain, make_event (TL_EVENT_KIND_SIGHTING, t0 + 1800, 50.95, 1.65));

  tl_map_view_set_time_zone (view, utc);
  tl_map_view_show_case_chain (view, chain);
  g_assert_cmpuint (tl_case_chain_layer_get_n_points (view->chain_layer), ==, 3);
  tl_test_iterate (50);
  /* Shown with the patrol routes. */
  g_settings_set_boolean (settings, "show-routes", FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view->chain_layer)));
  g_settings_reset (settings, "show-routes");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->chain_layer)));
  tl_map_view_show_case_chain (view, NULL);
  g_assert_cmpuint (tl_case_chain_layer_get_n_points (view->chain_layer), ==, 0);

  /* A replay at 10:40 stresses 10:30 (and not 10:00, nor 11:00 not yet
   * happened); a report added at 10:35 joins it. */
  for (guint i = 0; i < chain->len; i++)
    g_list_store_append (store, g_ptr_array_index (chain, i));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  tl_map_view_set_model (view, GTK_SELECTION_MODEL (selection));
  tl_map_view_set_emphasis_time (view, t0 + 2400);
  g_assert_cmpuint (tl_pulse_layer_get_n_points (view->pulse_layer), ==, 1);
  {
    g_autoptr(TlEvent) late = make_event (TL_EVENT_KIND_INTERCEPTION, t0 + 2100, 50.97, 1.55);

    g_list_store_append (store, late);
  }
  g_assert_cmpuint (tl_pulse_layer_get_n_points (view->pulse_layer), ==, 2);
  tl_test_iterate (50);
  tl_map_view_set_emphasis_time (view, TL_TIME_NONE);
  g_assert_cmpuint (tl_pulse_layer_get_n_points (view->pulse_layer), ==, 0);

  tl_map_view_set_model (view, NULL);
  close_view (window);
}

static guint
count_route_points (const char *json)
{
  g_autoptr(JsonNode) root = json_from_string (json, NULL);

  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_get_length (json_node_get_array (root));
}

static void
test_editor (TlTestFixture *fixture,
             gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  TlMapView *view = TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW));
  PickLog log = { 0 };
  TlReportEditor *editor;
  g_autofree char *position = NULL;
  g_autofree char *route = NULL;
  g_autofree char *unchanged = NULL;
  double latitude, longitude;

  watch (view, &log);
  tl_map_view_go_to (view, 50.95, 1.5, 9);
  tl_test_iterate (50);

  /* "Pick on map": the editor steps aside, one click fills the position
   * and brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", "arrival"));
  editor = TL_REPORT_EDITOR (tl_test_wait_for_report_form (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.pick-position", NULL));
  tl_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (tl_map_view_get_pick_mode (view), ==, TL_MAP_PICK_POINT);
  tl_map_view_pick_at (view, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0,
                       gtk_widget_get_height (GTK_WIDGET (view)) / 2.0);
  tl_test_iterate (20);
  g_assert_cmpuint (log.n_picked, ==, 1);
  g_assert_cmpuint (log.n_finished, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  position = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_POSITION);
  g_test_message ("picked position: %s", position);
  g_assert_true (tl_coordinates_parse (position, &latitude, &longitude, NULL));
  g_assert_cmpfloat_with_epsilon (latitude, log.latitude, 0.001);
  g_assert_cmpfloat_with_epsilon (longitude, log.longitude, 0.001);

  /* Escape brings the editor back as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.pick-position", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.pick-cancel", NULL));
  tl_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  unchanged = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_POSITION);
  g_assert_cmpstr (unchanged, ==, position);
  gtk_window_destroy (GTK_WINDOW (editor));
  tl_test_iterate (50);

  /* "Draw route": clicks build the patrol's route, Enter puts it in the
   * form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", "patrol"));
  editor = TL_REPORT_EDITOR (tl_test_wait_for_report_form (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.draw-route", NULL));
  g_assert_cmpint (tl_map_view_get_pick_mode (view), ==, TL_MAP_PICK_ROUTE);
  tl_map_view_pick_at (view, 200, 200);
  tl_map_view_pick_at (view, 300, 250);
  tl_map_view_pick_at (view, 400, 200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.pick-finish", NULL));
  tl_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  route = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_ROUTE);
  g_test_message ("drawn route: %s", route);
  g_assert_cmpuint (count_route_points (route), ==, 3);
  /* A second drawing replaces the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.draw-route", NULL));
  tl_map_view_pick_at (view, 200, 200);
  tl_map_view_pick_at (view, 300, 300);
  g_assert_true (tl_map_view_finish_pick (view));
  g_clear_pointer (&route, g_free);
  route = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_ROUTE);
  g_assert_cmpuint (count_route_points (route), ==, 2);

  /* Closing the window mid-pick leaves the map as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.draw-route", NULL));
  tl_map_view_pick_at (view, 200, 200);
  g_clear_pointer (&log.points, g_variant_unref);
  tl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/map-pick/point", test_pick_point);
  tl_test_add ("/map-pick/route", test_pick_route);
  tl_test_add ("/map-pick/bbox", test_bbox);
  tl_test_add ("/map-pick/chain-and-emphasis", test_chain_and_emphasis);
  tl_test_add ("/map-pick/editor", test_editor);

  return tl_test_ui_run ();
}
