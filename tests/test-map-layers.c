/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tl-case-chain-layer.h"
#include "tl-demo.h"
#include "tl-incident-layer.h"
#include "tl-map-view.h"
#include "tl-mbtiles-source.h"
#include "tl-sea-layer.h"

#include <sqlite3.h>

/* What the markers are clustered on at an integer zoom, in pixels: from
 * src/map/tl-incident-layer-private.h. */
#define CELL_PX 48.0

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkSelectionModel *
make_model (guint n)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *store = g_list_store_new (TL_TYPE_EVENT);
  TlDemoOptions options;

  /* One week of 2024, every event with a position in the Channel. */
  tl_demo_options_init (&options, 7, 1717200000, 1717200000 + 7 * 86400);
  options.time_zone = utc;
  options.n_events = n;
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_list_store_splice (store, 0, 0, events->pdata, events->len);

  return GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (store)));
}

static void
test_layers (void)
{
  g_autoptr(GtkSelectionModel) model = make_model (3000);
  GtkWidget *window = gtk_window_new ();
  TlMapView *view = tl_map_view_new ();
  TlIncidentLayer *layer;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint all, without_rescues, clusters_far, clusters_near;
  g_auto(GStrv) kinds = NULL;

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  tl_map_view_set_model (view, model);
  tl_map_view_go_to (view, 50.95, 1.5, 6);
  iterate (200);

  layer = TL_INCIDENT_LAYER (tl_map_view_get_incident_layer (view));
  all = tl_incident_layer_get_n_markers (layer);
  g_assert_cmpuint (all, >, 2000);

  /* Markers crowd at low zoom: clusters form, and split going in. */
  clusters_far = tl_incident_layer_get_n_clusters (layer, 6);
  clusters_near = tl_incident_layer_get_n_clusters (layer, 16);
  g_assert_cmpuint (clusters_far, >, 0);
  g_assert_cmpuint (clusters_far, <, all / 10);
  g_assert_cmpuint (clusters_near, >, clusters_far);

  /* Turning a kind off through its action hides its markers and
   * remembers it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layers.kind-rescue", NULL));
  iterate (50);
  without_rescues = tl_incident_layer_get_n_markers (layer);
  g_assert_cmpuint (without_rescues, <, all);
  kinds = g_settings_get_strv (settings, "visible-kinds");
  g_assert_false (g_strv_contains ((const char * const *) kinds, "rescue"));
  g_assert_true (g_strv_contains ((const char * const *) kinds, "departure"));

  /* Through the setting as well, and back. */
  g_settings_set_strv (settings, "visible-kinds", (const char *[]) { "departure", NULL });
  iterate (50);
  g_assert_cmpuint (tl_incident_layer_get_n_markers (layer), <, without_rescues);
  g_settings_reset (settings, "visible-kinds");
  iterate (50);
  g_assert_cmpuint (tl_incident_layer_get_n_markers (layer), ==, all);

  /* Overlay toggles are settings actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layers.show-places", NULL));
  g_assert_false (g_settings_get_boolean (settings, "show-places"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layers.show-borders", NULL));
  iterate (50);
  g_assert_false (g_settings_get_boolean (settings, "show-borders"));
  g_settings_reset (settings, "show-places");
  g_settings_reset (settings, "show-borders");

  /* The lines in the Strait: under the markers, each switched by its
   * action and remembered; the estimate of a case comes and goes. */
  {
    TlSeaLayer *sea_layer = NULL;
    TlSeaEstimate estimate;
    TlSeaMotion motion = { 315, 5 };

    for (GtkWidget *w = gtk_widget_get_prev_sibling (GTK_WIDGET (layer)); w != NULL;
         w = gtk_widget_get_prev_sibling (w))
      if (TL_IS_SEA_LAYER (w))
        sea_layer = TL_SEA_LAYER (w);
    g_assert_nonnull (sea_layer);
    g_assert_true (tl_sea_layer_get_line_visible (sea_layer, TL_SEA_LINE_TSS));
    g_assert_false (tl_sea_layer_get_line_visible (sea_layer, TL_SEA_LINE_MEDIAN));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layers.show-sea-median", NULL));
    g_assert_true (g_settings_get_boolean (settings, "show-sea-median"));
    g_assert_true (tl_sea_layer_get_line_visible (sea_layer, TL_SEA_LINE_MEDIAN));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layers.show-sea-tss", NULL));
    g_assert_false (tl_sea_layer_get_line_visible (sea_layer, TL_SEA_LINE_TSS));
    g_settings_reset (settings, "show-sea-median");
    g_settings_reset (settings, "show-sea-tss");
    g_assert_false (tl_sea_layer_get_line_visible (sea_layer, TL_SEA_LINE_MEDIAN));
    g_assert_true (tl_sea_layer_get_line_visible (sea_layer, TL_SEA_LINE_TSS));

    tl_sea_estimate (tl_sea_get_default (), 50.88, 1.52, 0, &motion, &estimate);
    tl_map_view_show_estimate (view, &estimate);
    g_assert_true (tl_sea_layer_has_estimate (sea_layer));
    iterate (20);
    tl_map_view_show_estimate (view, NULL);
    g_assert_false (tl_sea_layer_has_estimate (sea_layer));
  }

  /* The measuring tool turns on and off as an action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.measure", NULL));
  g_assert_true (tl_map_view_get_measuring (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.measure", NULL));
  g_assert_false (tl_map_view_get_measuring (view));

  tl_map_view_set_model (view, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (window);
}

/* The place at world pixel (@x, @y) at @zoom, Web Mercator. */
static void
world_to_location (double  x,
                   double  y,
                   double  zoom,
                   double *latitude,
                   double *longitude)
{
  double world = 256.0 * exp2 (zoom);

  *longitude = x / world * 360.0 - 180.0;
  *latitude = atan (sinh (G_PI * (1 - 2 * y / world))) * 180.0 / G_PI;
}

static TlEvent *
event_at (TlEventKind kind,
          gint64      time,
          double      x,
          double      y,
          double      zoom)
{
  TlEvent *event = tl_event_new (kind);
  double latitude, longitude;

  world_to_location (x, y, zoom, &latitude, &longitude);
  tl_event_set_time (event, time);
  tl_event_set_position (event, latitude, longitude);
  tl_event_set_status (event, TL_EVENT_STATUS_CLOSED);
  return event;
}

static gboolean
rects_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static void
assert_label_clear (const TlLabel         *label,
                    const TlLabelObstacle *obstacles,
                    guint                  n_obstacles)
{
  for (guint i = 0; i < n_obstacles; i++)
    {
      const TlLabelObstacle *o = &obstacles[i];

      if (rects_overlap (label->left, label->top, label->width, label->height,
                         o->x, o->y, o->width, o->height))
        g_error ("the time at (%g, %g), placed at (%g, %g) %g × %g, covers the marker or name at (%g, %g) %g × %g",
                 label->x, label->y, label->left, label->top, label->width, label->height,
                 o->x, o->y, o->width, o->height);
    }
}

/* A case chain's times go beside the markers, never over one; a time
 * with no free spot is left out rather than cover a marker. */
static void
test_case_chain_labels (void)
{
  const double zoom = 14;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GListStore) store = g_list_store_new (TL_TYPE_EVENT);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *window = gtk_window_new ();
  TlMapView *view = tl_map_view_new ();
  TlIncidentLayer *incidents;
  TlCaseChainLayer *chain_layer = NULL;
  TlPlaceLayer *place_layer = NULL;
  const TlLabelObstacle *obstacles, *names;
  const TlLabel *labels;
  guint n_obstacles, n_labels, n_names, n_near = 0;
  gint64 t0 = 1717200000;
  double world = 256.0 * exp2 (zoom), px, py, qx, qy, latitude, longitude;
  /* Around the crowded report, each in a cluster cell of its own: left,
   * right, above, below and the four corners. */
  static const double ring[][2] = {
    { 36, 0 }, { -36, 0 }, { 0, -32 }, { 0, 32 },
    { 28, -28 }, { -28, -28 }, { 28, 28 }, { -28, 28 },
  };

  /* Wimereux, put in world pixels where the grid's cells are known: the
   * departure P 14 px inside its cell, so that a marker 36 px to its left
   * is in the cell before and stays a marker of its own. */
  px = floor ((1.6026 + 180.0) / 360.0 * world / CELL_PX) * CELL_PX + 14;
  py = floor ((0.5 - log ((1 + sin (50.7691 * G_PI / 180)) / (1 - sin (50.7691 * G_PI / 180)))
                     / (4 * G_PI)) * world / CELL_PX) * CELL_PX + 24;
  /* The sighting Q 144 px below, in the middle of its cell, ringed. */
  qx = px + 10;
  qy = py + 144;

  g_ptr_array_add (chain, event_at (TL_EVENT_KIND_DEPARTURE, t0, px, py, zoom));
  g_ptr_array_add (chain, event_at (TL_EVENT_KIND_SIGHTING, t0 + 1800, qx, qy, zoom));
  g_list_store_append (store, chain->pdata[0]);
  g_list_store_append (store, chain->pdata[1]);
  /* Next to P: a marker on its left, one far on its right. */
  g_list_store_append (store, event_at (TL_EVENT_KIND_DEPARTURE, t0 + 60, px - 36, py, zoom));
  g_list_store_append (store, event_at (TL_EVENT_KIND_DEPARTURE, t0 + 120, px + 100, py, zoom));
  for (guint i = 0; i < G_N_ELEMENTS (ring); i++)
    g_list_store_append (store, event_at (TL_EVENT_KIND_INTERCEPTION, t0 + 200 + i,
                                          qx + ring[i][0], qy + ring[i][1], zoom));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  /* As in the window: the chain is shown for a selected report. */
  gtk_single_selection_set_selected (selection, 0);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  tl_map_view_set_time_zone (view, utc);
  tl_map_view_set_model (view, GTK_SELECTION_MODEL (selection));
  world_to_location (px, py + 75, zoom, &latitude, &longitude);
  tl_map_view_go_to (view, latitude, longitude, zoom);
  tl_map_view_show_case_chain (view, chain);
  iterate (300);

  /* The chain layer is under the markers, in the same map. */
  incidents = TL_INCIDENT_LAYER (tl_map_view_get_incident_layer (view));
  for (GtkWidget *w = gtk_widget_get_prev_sibling (GTK_WIDGET (incidents)); w != NULL;
       w = gtk_widget_get_prev_sibling (w))
    if (TL_IS_CASE_CHAIN_LAYER (w))
      chain_layer = TL_CASE_CHAIN_LAYER (w);
  g_assert_nonnull (chain_layer);
  g_assert_cmpuint (tl_case_chain_layer_get_n_points (chain_layer), ==, 2);
  for (GtkWidget *w = gtk_widget_get_prev_sibling (GTK_WIDGET (chain_layer)); w != NULL;
       w = gtk_widget_get_prev_sibling (w))
    if (TL_IS_PLACE_LAYER (w))
      place_layer = TL_PLACE_LAYER (w);
  g_assert_nonnull (place_layer);

  g_assert_cmpuint (tl_incident_layer_get_n_markers (incidents), ==, 12);
  obstacles = tl_incident_layer_get_obstacles (incidents, &n_obstacles);
  labels = tl_case_chain_layer_get_labels (chain_layer, &n_labels);
  g_assert_cmpuint (n_labels, ==, 2);
  /* Every marker is its own: nothing clustered. */
  g_assert_cmpuint (n_obstacles, ==, 12);

  /* A time goes left of its marker first, leaving the right to the place
   * names; P has a marker on its left, so its time goes above it, clear
   * of its own marker and of every other. */
  for (guint i = 0; i < n_obstacles; i++)
    if (hypot (obstacles[i].x + obstacles[i].width / 2 - labels[0].x,
               obstacles[i].y + obstacles[i].height / 2 - labels[0].y) < 40)
      n_near++;
  g_assert_cmpuint (n_near, ==, 2);
  g_assert_true (labels[0].placed);
  g_assert_cmpfloat (labels[0].top + labels[0].height, <, labels[0].y);
  g_assert_cmpfloat (labels[0].left, <, labels[0].x);
  g_assert_cmpfloat (labels[0].left + labels[0].width, >, labels[0].x);
  assert_label_clear (&labels[0], obstacles, n_obstacles);
  /* … and of the place names around Wimereux. */
  names = tl_place_layer_get_label_rects (place_layer, &n_names);
  g_assert_cmpuint (n_names, >, 0);
  assert_label_clear (&labels[0], names, n_names);

  /* Q is ringed by markers on every side: the newest time has no free
   * spot and is left out rather than drawn over a marker. */
  g_assert_false (labels[1].placed);

  /* Taking the marker on P's left away frees the first spot: the time
   * goes back to the left of P. */
  g_list_store_remove (store, 2);
  iterate (200);
  obstacles = tl_incident_layer_get_obstacles (incidents, &n_obstacles);
  labels = tl_case_chain_layer_get_labels (chain_layer, &n_labels);
  g_assert_cmpuint (n_obstacles, ==, 11);
  g_assert_cmpuint (n_labels, ==, 2);
  g_assert_true (labels[0].placed);
  g_assert_cmpfloat (labels[0].left + labels[0].width, <, labels[0].x);
  assert_label_clear (&labels[0], obstacles, n_obstacles);
  names = tl_place_layer_get_label_rects (place_layer, &n_names);
  assert_label_clear (&labels[0], names, n_names);
  g_assert_false (labels[1].placed);

  /* No chain, no times. */
  tl_map_view_show_case_chain (view, NULL);
  iterate (100);
  g_assert_null (tl_case_chain_layer_get_labels (chain_layer, &n_labels));
  g_assert_cmpuint (n_labels, ==, 0);

  tl_map_view_set_model (view, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (window);
}

static void
on_source_error (TlMapView  *view,
                 const char *message,
                 char      **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_bad_mbtiles (void)
{
  GtkWidget *window = gtk_window_new ();
  TlMapView *view = tl_map_view_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "not-tiles.mbtiles", NULL);
  g_autofree char *message = NULL;
  g_autofree char *basemap = NULL;

  g_assert_true (g_file_set_contents (path, "no tiles in here, only text that is long enough", -1, NULL));
  g_object_ref (window);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "source-error", G_CALLBACK (on_source_error), &message);

  /* A bad file is refused with a message and the offline map comes back. */
  g_settings_set_string (settings, "mbtiles-path", path);
  g_settings_set_string (settings, "basemap", "mbtiles");
  iterate (200);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "not-tiles.mbtiles"));
  basemap = g_settings_get_string (settings, "basemap");
  g_assert_cmpstr (basemap, ==, "coastline");

  g_settings_reset (settings, "mbtiles-path");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (window);
  g_unlink (path);
}

static void
count_errors (TlMbtilesSource *source,
              const char      *message,
              guint           *count)
{
  g_test_message ("%s", message);
  (*count)++;
}

static void
tile_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GBytes **out = user_data;

  *out = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, NULL);
}

static GBytes *
read_tile_now (TlMbtilesSource *source,
               int              x,
               int              y,
               int              zoom)
{
  GBytes *bytes = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, zoom, NULL, tile_done, &bytes);
  while (bytes == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (bytes);
  return bytes;
}

/* A damaged tile is drawn as "no tile here", and said once, however
 * many damaged tiles follow; a good tile comes as it is. */
static void
test_damaged_tile (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "damaged.mbtiles", NULL);
  GBytes *good = tl_map_placeholder_tile ();
  g_autofree char *sql = NULL;
  g_autoptr(TlMbtilesSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) fine = NULL;
  guint n_errors = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "INSERT INTO metadata VALUES ('name', 'Damaged'), ('format', 'png'),"
                                 " ('minzoom', '0'), ('maxzoom', '1'), ('bounds', '-180,-85,180,85');"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                                 " tile_data BLOB);"
                                 "INSERT INTO tiles VALUES (1, 0, 0, x'89504e470d0a1a0a0000'),"
                                 " (1, 0, 1, x'89504e470d0a1a0a0000'), (1, 1, 0, x'00'), (1, 1, 1, x'00');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (0, 0, 0, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (good, NULL), (int) g_bytes_get_size (good), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  source = tl_mbtiles_source_new (path, &error);
  g_assert_no_error (error);
  g_signal_connect (source, "source-error", G_CALLBACK (count_errors), &n_errors);

  fine = read_tile_now (source, 0, 0, 0);
  g_assert_cmpuint (n_errors, ==, 0);
  first = read_tile_now (source, 0, 0, 1);
  second = read_tile_now (source, 1, 1, 1);
  g_assert_cmpuint (n_errors, ==, 1);
  g_assert_true (g_bytes_equal (first, tl_map_placeholder_tile ()));
  g_assert_true (g_bytes_equal (second, tl_map_placeholder_tile ()));

  g_clear_object (&source);
  g_unlink (path);
}

/* Removes @path and everything in it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;
  static const char *xdg_vars[] = {
    "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
  };

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database GTK needs
   * to load SVG icons. The user's own dirs go to a scratch dir instead. */
  home = g_dir_make_tmp ("tideline-test-map-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/map/layers", test_layers);
  g_test_add_func ("/map/case-chain-labels", test_case_chain_labels);
  g_test_add_func ("/map/bad-mbtiles", test_bad_mbtiles);
  g_test_add_func ("/map/damaged-tile", test_damaged_tile);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
