/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <shumate/shumate.h>

#include "tl-map-legend.h"
#include "tl-map-view.h"
#include "tl-test-ui.h"

/* The map opens on the day's reports (Berck as much as Dunkirk), or on
 * the Strait when the day has none, and follows the window to another
 * day until the user moves it; that view is then kept, across days and
 * windows opened again, until Fit to Reports. Its legend follows the
 * layers and can be switched off. */

#define DEADLINE_MS 10000

typedef struct {
  TlMapView *map;
  double     points[3][2];   /* latitude, longitude */
  guint      n_points;
} Fit;

static void
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Every point in view, and the points spread over a good part of it: the
 * map fitted them rather than merely zoomed far out. */
static gboolean
points_fitted (gpointer data)
{
  Fit *fit = data;
  double west, south, east, north, min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;

  if (!tl_map_view_get_bbox (fit->map, &west, &south, &east, &north))
    return FALSE;
  for (guint i = 0; i < fit->n_points; i++)
    {
      double lat = fit->points[i][0], lon = fit->points[i][1];

      if (lat <= south || lat >= north || lon <= west || lon >= east)
        return FALSE;
      min_lat = MIN (min_lat, lat);
      max_lat = MAX (max_lat, lat);
      min_lon = MIN (min_lon, lon);
      max_lon = MAX (max_lon, lon);
    }
  return (max_lat - min_lat) > 0.4 * (north - south) || (max_lon - min_lon) > 0.4 * (east - west);
}

static gboolean
map_has_size (gpointer data)
{
  return tl_map_view_get_bbox (data, NULL, NULL, NULL, NULL);
}

static gint64
today_at (double fraction)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 day_start = g_date_time_to_unix (midnight);

  /* Since the local day began and before now, at any hour. */
  return day_start + (gint64) ((g_date_time_to_unix (now) - day_start) * fraction);
}

static gint64
yesterday_at (int hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (midnight, -1);
  g_autoptr(GDateTime) time = g_date_time_add_hours (day, hour);

  return g_date_time_to_unix (time);
}

static void
add_report (TlStore *store,
            gint64   utc,
            double   latitude,
            double   longitude)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_DEPARTURE);

  tl_event_set_time (event, utc);
  tl_event_set_position (event, latitude, longitude);
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
}

typedef struct {
  TlMapView *map;
  double     latitude, longitude, zoom;
} View;

static void
read_view (TlMapView *map,
           View      *view)
{
  ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (tl_map_view_get_map (map)));

  view->map = map;
  view->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
}

static void
assert_view (TlMapView  *map,
             const View *expected)
{
  View view;

  read_view (map, &view);
  g_assert_cmpfloat_with_epsilon (view.latitude, expected->latitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.longitude, expected->longitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.zoom, expected->zoom, 1e-6);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_opens_on_events (TlTestFixture *fixture,
                      gconstpointer  data)
{
  static const struct { TlEventKind kind; double lat, lon; } reports[] = {
    { TL_EVENT_KIND_DEPARTURE, 50.400, 1.560 },   /* Berck */
    { TL_EVENT_KIND_DEPARTURE, 51.050, 2.370 },   /* Dunkirk */
    { TL_EVENT_KIND_ARRIVAL, 51.120, 1.320 },     /* Dover */
  };
  g_autoptr(GError) error = NULL;
  Fit fit = { 0 };
  TlWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(TlEvent) event = tl_event_new (reports[i].kind);

      tl_event_set_time (event, today_at ((i + 1) / 4.0));
      tl_event_set_position (event, reports[i].lat, reports[i].lon);
      g_assert_true (tl_store_add_event (fixture->store, event, "desk-1", &error));
      g_assert_no_error (error);
      fit.points[i][0] = reports[i].lat;
      fit.points[i][1] = reports[i].lon;
    }
  fit.n_points = G_N_ELEMENTS (reports);

  window = tl_test_present_window (fixture);
  fit.map = TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW));
  g_assert_nonnull (fit.map);
  wait_for (points_fitted, &fit);

  tl_test_close_window (window);
}

static void
test_strait_when_empty (TlTestFixture *fixture,
                        gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  TlMapView *map = TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW));
  double west, south, east, north;

  wait_for (map_has_size, map);
  /* Nothing to fit: the Strait, Dover to Calais, stays in view. */
  g_assert_false (tl_map_view_fit_events (map));
  g_assert_true (tl_map_view_get_bbox (map, &west, &south, &east, &north));
  g_assert_cmpfloat (south, <, 50.96);
  g_assert_cmpfloat (north, >, 51.13);
  g_assert_cmpfloat (west, <, 1.31);
  g_assert_cmpfloat (east, >, 1.86);

  tl_test_close_window (window);
}

static void
test_follows_until_moved (TlTestFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  /* Today on the French coast from Berck to Dunkirk; yesterday far to
   * the west, off Dieppe and Fécamp, out of today's view. */
  Fit today = { NULL, { { 50.400, 1.560 }, { 51.050, 2.370 }, { 51.120, 1.320 } }, 3 };
  Fit yesterday = { NULL, { { 49.950, 1.050 }, { 49.800, 0.350 } }, 2 };
  ShumateViewport *viewport;
  TlWindow *window;
  View moved;

  g_settings_reset (settings, "map-view-kept");
  for (guint i = 0; i < today.n_points; i++)
    add_report (fixture->store, today_at ((i + 1) / 4.0), today.points[i][0], today.points[i][1]);
  for (guint i = 0; i < yesterday.n_points; i++)
    add_report (fixture->store, yesterday_at (6 + 6 * i), yesterday.points[i][0], yesterday.points[i][1]);

  window = tl_test_present_window (fixture);
  today.map = yesterday.map = TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW));
  wait_for (points_fitted, &today);
  g_assert_false (points_fitted (&yesterday));

  /* Another day: the map follows it, then back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  wait_for (points_fitted, &yesterday);
  g_assert_false (tl_map_view_get_view_kept (today.map));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-day", NULL));
  wait_for (points_fitted, &today);

  /* The user drags the map off Boulogne: the view is theirs, and stays
   * when the day changes. */
  viewport = shumate_map_get_viewport (SHUMATE_MAP (tl_map_view_get_map (today.map)));
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 50.72, 1.40);
  g_assert_true (tl_map_view_get_view_kept (today.map));
  g_assert_true (g_settings_get_boolean (settings, "map-view-kept"));
  read_view (today.map, &moved);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_events (window)), ==, 2);
  assert_view (today.map, &moved);
  tl_test_close_window (window);

  /* The next start opens on it too, not on the day's reports. */
  window = tl_test_present_window (fixture);
  today.map = TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW));
  wait_for (map_has_size, today.map);
  g_assert_true (tl_map_view_get_view_kept (today.map));
  assert_view (today.map, &moved);

  /* Fit to Reports gives the map back to the reports, for good. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today.map), "map.fit-reports", NULL));
  wait_for (points_fitted, &today);
  g_assert_false (tl_map_view_get_view_kept (today.map));
  g_assert_false (g_settings_get_boolean (settings, "map-view-kept"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  yesterday.map = today.map;
  wait_for (points_fitted, &yesterday);

  tl_test_close_window (window);
  g_settings_reset (settings, "map-view-kept");
}

static void
test_legend (TlTestFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TlWindow *window = tl_test_present_window (fixture);
  GtkWidget *legend = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_LEGEND);
  GtkWidget *map = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW);
  GtkWidget *departure, *median;
  static const char * const rescue_only[] = { "rescue", NULL };

  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_get_visible (legend));
  departure = find_label (legend, "Departure");
  g_assert_nonnull (departure);
  g_assert_true (gtk_widget_get_visible (departure));
  g_assert_nonnull (find_label (legend, "Case track"));

  /* It lists what the map shows: hidden kinds and lines leave it, shown
   * ones join it. */
  g_assert_null (find_label (legend, "Median line (approx.)"));
  g_settings_set_strv (settings, "visible-kinds", rescue_only);
  g_settings_set_boolean (settings, "show-sea-median", TRUE);
  g_assert_null (find_label (legend, "Departure"));
  g_assert_nonnull (find_label (legend, "Rescue"));
  median = find_label (legend, "Median line (approx.)");
  g_assert_nonnull (median);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (median)));

  /* Switched off from the layers menu, and on again. */
  g_assert_true (gtk_widget_activate_action (map, "layers.show-map-legend", NULL));
  g_assert_false (gtk_widget_get_visible (legend));
  g_assert_false (g_settings_get_boolean (settings, "show-map-legend"));
  g_assert_true (gtk_widget_activate_action (map, "layers.show-map-legend", NULL));
  g_assert_true (gtk_widget_get_visible (legend));

  g_settings_reset (settings, "visible-kinds");
  g_settings_reset (settings, "show-sea-median");
  tl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/map-fit/opens-on-events", test_opens_on_events);
  tl_test_add ("/map-fit/strait-when-empty", test_strait_when_empty);
  tl_test_add ("/map-fit/legend", test_legend);
  tl_test_add ("/map-fit/follows-until-moved", test_follows_until_moved);

  return tl_test_ui_run ();
}
