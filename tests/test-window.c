/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-application.h"
#include "tl-incident-layer.h"
#include "tl-map-view.h"
#include "tl-report-editor.h"
#include "tl-window.h"

/* One application for the whole program: it can be registered on the bus
 * only once. */
static TlApplication *the_app;

typedef struct {
  char          *path;
  TlApplication *app;
  TlStore       *store;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  static guint counter;
  g_autofree char *name = g_strdup_printf ("window-test-%u.db", ++counter);

  fixture->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  fixture->store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->app = g_object_ref (the_app);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->app);
  g_free (fixture->path);
}

static TlWindow *
present_window (Fixture *fixture)
{
  TlWindow *window = tl_window_new (fixture->app, fixture->store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

static void
close_window (TlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (50);
  g_assert_finalize_object (window);
}

static void
set_text (TlReportEditor *form,
          TlReportField   field,
          const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (tl_report_editor_get_field_widget (form, field)), text);
}

static TlMapView *
find_map_view (GtkWidget *widget)
{
  if (TL_IS_MAP_VIEW (widget))
    return TL_MAP_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      TlMapView *found = find_map_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static TlReportEditor *
open_form (TlWindow *window)
{
  GtkWindow *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", "rescue"));
  iterate (50);
  form = tl_window_get_report_form (window);
  g_assert_true (TL_IS_REPORT_EDITOR (form));

  return TL_REPORT_EDITOR (form);
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  TlWindow *window = present_window (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_events (window)), ==, 0);
  g_assert_null (tl_window_get_selected (window));

  close_window (window);
}

static void
test_window_save_rescue (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = present_window (fixture);
  TlMapView *map_view;
  TlIncidentLayer *layer;
  TlReportEditor *form;
  TlEvent *selected;

  form = open_form (window);

  /* Nothing typed yet: Save refuses and nothing is written. */
  set_text (form, TL_REPORT_FIELD_POSITION, "");
  gtk_widget_activate_action (GTK_WIDGET (form), "report.save", NULL);
  iterate (20);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_nonnull (tl_report_editor_get_message (form, TL_REPORT_FIELD_POSITION));
  g_assert_nonnull (tl_report_editor_get_message (form, TL_REPORT_FIELD_UNITS));

  /* An impossible position says why, next to the field. */
  set_text (form, TL_REPORT_FIELD_POSITION, "95 1.5");
  g_assert_nonnull (tl_report_editor_get_message (form, TL_REPORT_FIELD_POSITION));

  set_text (form, TL_REPORT_FIELD_POSITION, "50°57.5'N 1°35.2'E");
  tl_report_editor_set_value (form, TL_REPORT_FIELD_UNITS, "RNLI Dover");
  set_text (form, TL_REPORT_FIELD_PEOPLE, "48");
  set_text (form, TL_REPORT_FIELD_RESCUED, "47");
  set_text (form, TL_REPORT_FIELD_MISSING, "1");
  g_assert_null (tl_report_editor_get_message (form, TL_REPORT_FIELD_POSITION));
  g_assert_null (tl_report_editor_get_message (form, TL_REPORT_FIELD_UNITS));
  g_assert_null (tl_report_editor_get_message (form, TL_REPORT_FIELD_PEOPLE));

  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "report.save", NULL));
  iterate (100);

  /* The form closed, the event is in the store, the list and on the map. */
  g_assert_null (form);
  g_assert_null (tl_window_get_report_form (window));
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_events (window)), ==, 1);

  selected = tl_window_get_selected (window);
  g_assert_nonnull (selected);
  g_assert_cmpint (tl_event_get_kind (selected), ==, TL_EVENT_KIND_RESCUE);
  g_assert_cmpstr (tl_event_get_unit (selected), ==, "RNLI Dover");
  g_assert_cmpint (tl_event_get_people (selected), ==, 48);
  g_assert_cmpint (tl_event_get_rescued (selected), ==, 47);
  g_assert_cmpint (tl_event_get_missing (selected), ==, 1);
  g_assert_cmpfloat_with_epsilon (tl_event_get_latitude (selected), 50.958333, 1e-5);
  g_assert_cmpfloat_with_epsilon (tl_event_get_longitude (selected), 1.586667, 1e-5);

  map_view = find_map_view (GTK_WIDGET (window));
  g_assert_nonnull (map_view);
  layer = TL_INCIDENT_LAYER (tl_map_view_get_incident_layer (map_view));
  g_assert_cmpuint (tl_incident_layer_get_n_markers (layer), ==, 1);

  /* The audit log has the creation, by the operator. */
  {
    g_autoptr(GPtrArray) audit = tl_store_list_audit (fixture->store, tl_event_get_id (selected), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, ==, 1);
    g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
    g_assert_cmpstr (((TlAuditEntry *) audit->pdata[0])->operator_name, ==, g_get_user_name ());
  }

  close_window (window);

  /* After a restart the report is still there. */
  g_clear_object (&fixture->store);
  fixture->store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 1);
}

static void
test_window_day_navigation (Fixture       *fixture,
                            gconstpointer  data)
{
  TlWindow *window = present_window (fixture);
  gint64 today = tl_window_get_day_start (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL);
  g_assert_cmpint (tl_window_get_day_start (window), <, today);
  g_assert_cmpint (today - tl_window_get_day_start (window), >=, 23 * 3600);
  g_assert_cmpint (today - tl_window_get_day_start (window), <=, 25 * 3600);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.today", NULL);
  g_assert_cmpint (tl_window_get_day_start (window), ==, today);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  static const char *xdg_vars[] = {
    "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
  };
  int ret;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it also hides the system data dirs,
   * and with them the MIME database GTK needs to load SVG icons. The
   * user's own dirs are pointed at a scratch dir instead. */
  home = g_dir_make_tmp ("tideline-test-window-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_vars[i], NULL);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);

  gtk_init ();
  adw_init ();

  the_app = tl_application_new ();
  if (!g_application_register (G_APPLICATION (the_app), NULL, &error))
    g_error ("%s", error->message);

  g_test_add ("/window/empty", Fixture, NULL, fixture_set_up, test_window_empty, fixture_tear_down);
  g_test_add ("/window/save-rescue", Fixture, NULL, fixture_set_up, test_window_save_rescue, fixture_tear_down);
  g_test_add ("/window/day-navigation", Fixture, NULL, fixture_set_up, test_window_day_navigation, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&the_app);
  remove_tree (home);

  return ret;
}
