/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tl-demo.h"
#include "tl-incident-layer.h"
#include "tl-map-view.h"

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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
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
  g_test_add_func ("/map/bad-mbtiles", test_bad_mbtiles);

  return g_test_run ();
}
