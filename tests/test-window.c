/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "tl-test-ui.h"
#include "tl-incident-layer.h"
#include "tl-map-view.h"
#include "tl-report-editor.h"
#include "tl-window.h"

static void
set_text (TlReportEditor *form,
          TlReportField   field,
          const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (tl_report_editor_get_field_widget (form, field)), text);
}

static TlReportEditor *
open_form (TlWindow *window)
{
  GtkWindow *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", "rescue"));
  form = tl_test_wait_for_report_form (window);
  g_assert_true (TL_IS_REPORT_EDITOR (form));

  return TL_REPORT_EDITOR (form);
}

static void
test_window_empty (TlTestFixture *fixture,
                   gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_events (window)), ==, 0);
  g_assert_null (tl_window_get_selected (window));

  tl_test_close_window (window);
}

static void
test_window_save_rescue (TlTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  TlMapView *map_view;
  TlIncidentLayer *layer;
  TlReportEditor *form;
  TlEvent *selected;

  form = open_form (window);

  /* Nothing typed yet: Save refuses and nothing is written. */
  set_text (form, TL_REPORT_FIELD_POSITION, "");
  gtk_widget_activate_action (GTK_WIDGET (form), "report.save", NULL);
  tl_test_iterate (20);
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
  tl_test_iterate (100);

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

  map_view = TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW));
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

  tl_test_close_window (window);

  /* After a restart the report is still there. */
  g_clear_object (&fixture->store);
  fixture->store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 1);
}

static void
test_window_day_navigation (TlTestFixture *fixture,
                            gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  gint64 today = tl_window_get_day_start (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL);
  g_assert_cmpint (tl_window_get_day_start (window), <, today);
  g_assert_cmpint (today - tl_window_get_day_start (window), >=, 23 * 3600);
  g_assert_cmpint (today - tl_window_get_day_start (window), <=, 25 * 3600);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.today", NULL);
  g_assert_cmpint (tl_window_get_day_start (window), ==, today);

  tl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/window/empty", test_window_empty);
  tl_test_add ("/window/save-rescue", test_window_save_rescue);
  tl_test_add ("/window/day-navigation", test_window_day_navigation);

  return tl_test_ui_run ();
}
