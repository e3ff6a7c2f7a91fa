/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tl-test-ui.h"
#include "tl-map-view.h"

#include "tl-report-editor.h"
#include "tl-test-vfs.h"
#include "tl-window.h"

/* The report editor through the window's actions, as an officer uses it. */


static TlReportEditor *
open_new (TlWindow   *window,
          const char *kind)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", kind));
  editor = tl_test_wait_for_report_form (window);
  g_assert_true (TL_IS_REPORT_EDITOR (editor));
  return TL_REPORT_EDITOR (editor);
}

static TlReportEditor *
open_edit (TlWindow *window,
           gint64    id)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-report", "x", id));
  editor = tl_test_wait_for_report_form (window);
  g_assert_true (TL_IS_REPORT_EDITOR (editor));
  g_assert_cmpint (tl_report_editor_get_event_id (TL_REPORT_EDITOR (editor)), ==, id);
  return TL_REPORT_EDITOR (editor);
}

static void
set (TlReportEditor *editor,
     TlReportField   field,
     const char     *value)
{
  tl_report_editor_set_value (editor, field, value);
}

/* Saves and checks the editor closed. */
static void
save (TlReportEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL));
  tl_test_iterate (100);
  g_assert_null (editor);
}

/* The history is read on the store's worker once asked for. */
static void
wait_for_history (TlReportEditor *editor)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_strcmp0 (tl_report_editor_get_history_state (editor), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      tl_test_iterate (10);
    }
  g_assert_cmpstr (tl_report_editor_get_history_state (editor), ==, "list");
}

static TlEvent *
get_event (TlTestFixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  TlEvent *event = tl_store_get_event (fixture->store, id, &error);

  g_assert_no_error (error);
  return event;
}

static gint64
selected_id (TlWindow *window)
{
  TlEvent *selected = tl_window_get_selected (window);

  g_assert_nonnull (selected);
  return tl_event_get_id (selected);
}

static gint64
save_rescue (TlWindow *window)
{
  TlReportEditor *editor = open_new (window, "rescue");

  set (editor, TL_REPORT_FIELD_POSITION, "50°57.5'N 1°35.2'E");
  set (editor, TL_REPORT_FIELD_UNITS, "RNLI Dover lifeboat\nHMC Valiant (Border Force cutter)");
  set (editor, TL_REPORT_FIELD_PEOPLE, "48");
  set (editor, TL_REPORT_FIELD_RESCUED, "40");
  set (editor, TL_REPORT_FIELD_BOAT_TYPE, "inflatable");
  set (editor, TL_REPORT_FIELD_CONDITIONS, "deflating,engine_failure");
  save (editor);
  return selected_id (window);
}

static void
test_create_each_kind (TlTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  TlReportEditor *editor;
  g_autoptr(TlEvent) rescue = NULL;
  g_autoptr(TlEvent) departure = NULL;
  g_autoptr(TlEvent) patrol = NULL;
  g_autoptr(TlEvent) arrival = NULL;
  gint64 id;

  id = save_rescue (window);
  rescue = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_kind (rescue), ==, TL_EVENT_KIND_RESCUE);
  g_assert_cmpint (tl_event_get_rescued (rescue), ==, 40);
  g_assert_cmpstr (tl_event_get_unit (rescue), ==, "RNLI Dover lifeboat, HMC Valiant (Border Force cutter)");
  g_assert_nonnull (strstr (tl_event_get_details (rescue), "engine_failure"));

  /* A departure placed by a place from the gazetteer. */
  editor = open_new (window, "departure");
  g_assert_null (tl_report_editor_get_field_widget (editor, TL_REPORT_FIELD_RESCUED));
  set (editor, TL_REPORT_FIELD_PLACE, "Wissant");
  {
    g_autofree char *position = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_POSITION);
    g_assert_cmpstr (position, !=, "");
  }
  set (editor, TL_REPORT_FIELD_PEOPLE, "-3");
  g_assert_cmpstr (tl_report_editor_get_message (editor, TL_REPORT_FIELD_PEOPLE), ==, "Cannot be negative");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL) &&
                  tl_window_get_report_form (window) == NULL);
  set (editor, TL_REPORT_FIELD_PEOPLE, "45");
  set (editor, TL_REPORT_FIELD_TAXI_BOAT, "true");
  set (editor, TL_REPORT_FIELD_SOURCE, "camera");
  set (editor, TL_REPORT_FIELD_SHORE_ACTION, "deterred");
  save (editor);
  departure = get_event (fixture, selected_id (window));
  g_assert_cmpint (tl_event_get_kind (departure), ==, TL_EVENT_KIND_DEPARTURE);
  g_assert_cmpstr (tl_event_get_place (departure), ==, "Wissant");
  g_assert_true (tl_event_has_position (departure));
  g_assert_nonnull (strstr (tl_event_get_details (departure), "\"taxi_boat\":true"));

  /* A patrol drawn on the map: the window relays the map's clicks. */
  editor = open_new (window, "patrol");
  set (editor, TL_REPORT_FIELD_UNITS, "HMC Seeker (Border Force cutter)");
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.draw-route", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_signal_emit_by_name (TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW)), "new-report-here", 51.0, 1.5);
  g_signal_emit_by_name (TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW)), "new-report-here", 51.05, 1.6);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.finish-pick", NULL);
  tl_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  save (editor);
  patrol = get_event (fixture, selected_id (window));
  g_assert_cmpint (tl_event_get_kind (patrol), ==, TL_EVENT_KIND_PATROL);
  g_assert_nonnull (strstr (tl_event_get_details (patrol), "\"route\":[[1.5,51"));

  /* An arrival, its position picked on the map. */
  editor = open_new (window, "arrival");
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.pick-position", NULL);
  g_signal_emit_by_name (TL_MAP_VIEW (tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW)), "new-report-here", 51.12, 1.33);
  tl_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  set (editor, TL_REPORT_FIELD_PEOPLE, "41");
  set (editor, TL_REPORT_FIELD_OUTCOME, "landed_uk");
  save (editor);
  arrival = get_event (fixture, selected_id (window));
  g_assert_cmpint (tl_event_get_kind (arrival), ==, TL_EVENT_KIND_ARRIVAL);
  g_assert_cmpfloat_with_epsilon (tl_event_get_latitude (arrival), 51.12, 1e-4);

  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 4);
  tl_test_close_window (window);
}

static void
test_edit_and_history (TlTestFixture *fixture,
                       gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  g_autoptr(TlEvent) event = NULL;
  g_autofree char *history = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  TlReportEditor *editor;

  editor = open_edit (window, id);
  set (editor, TL_REPORT_FIELD_RESCUED, "47");
  save (editor);
  event = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_rescued (event), ==, 47);
  g_assert_cmpint (tl_event_get_revision (event), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-history", "x", id));
  editor = TL_REPORT_EDITOR (tl_test_wait_for_report_form (window));
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "history");
  wait_for_history (editor);
  history = tl_report_editor_dup_history_text (editor);
  g_test_message ("%s", history);
  g_assert_nonnull (strstr (history, "Rescued: 40 → 47"));
  g_assert_nonnull (strstr (history, "Entered by "));
  g_assert_nonnull (strstr (history, "Changed by "));

  /* Back to the form, and the history asked again: the editor closed
   * while it is read is never touched by the answer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.show-history", NULL));
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "form");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.show-history", NULL));
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "history");
  g_assert_cmpstr (tl_report_editor_get_history_state (editor), ==, "loading");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (GTK_WINDOW (editor));
  while (editor != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      tl_test_iterate (10);
    }

  tl_test_close_window (window);
}

/* Another desk stored the time to the second and the position to full
 * precision: a save that changes nothing writes nothing, and one that
 * changes only the notes keeps them bit for bit. */
static void
test_untouched_fields_kept (TlTestFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  g_autoptr(TlEvent) stored = get_event (fixture, id);
  g_autoptr(TlEvent) after = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  TlReportEditor *editor;

  tl_event_set_time (stored, tl_event_get_time (stored) + 14);
  tl_event_set_position (stored, 50.4024766, 1.5516767);
  g_assert_true (tl_store_update_event (fixture->store, stored, "Other desk", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = get_event (fixture, id);

  editor = open_edit (window, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL));
  tl_test_iterate (50);
  after = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_revision (after), ==, tl_event_get_revision (stored));
  audit = tl_store_list_audit (fixture->store, id, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_clear_object (&after);
  g_clear_pointer (&audit, g_ptr_array_unref);

  editor = open_edit (window, id);
  set (editor, TL_REPORT_FIELD_NOTES, "Only the notes");
  save (editor);
  after = get_event (fixture, id);
  g_assert_cmpstr (tl_event_get_notes (after), ==, "Only the notes");
  g_assert_cmpint (tl_event_get_revision (after), ==, tl_event_get_revision (stored) + 1);
  g_assert_cmpint (tl_event_get_time (after), ==, tl_event_get_time (stored));
  g_assert_true (tl_event_get_latitude (after) == 50.4024766);
  g_assert_true (tl_event_get_longitude (after) == 1.5516767);
  g_assert_cmpstr (tl_event_get_details (after), ==, tl_event_get_details (stored));

  tl_test_close_window (window);
}

static void
test_delete_undo (TlTestFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  g_autoptr(GPtrArray) audit = NULL;
  TlReportEditor *editor;

  editor = open_edit (window, id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.delete", NULL));
  tl_test_iterate (50);
  g_assert_null (editor);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_events (window)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", id));
  tl_test_iterate (50);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 1);
  g_assert_cmpint (selected_id (window), ==, id);

  audit = tl_store_list_audit (fixture->store, id, &error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_DELETE);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[2])->action, ==, TL_AUDIT_ACTION_RESTORE);

  tl_test_close_window (window);
}

static void
test_draft_restored (TlTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  TlReportEditor *editor = open_new (window, "rescue");
  g_autofree char *rescued = NULL;

  g_assert_false (tl_report_editor_has_draft_offer (editor));
  set (editor, TL_REPORT_FIELD_RESCUED, "12");
  set (editor, TL_REPORT_FIELD_NOTES, "Typed before the crash");
  /* The window goes away with the report unsaved, before the draft's
   * debounce even fired. */
  tl_test_close_window (window);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 0);

  window = tl_test_present_window (fixture);
  editor = open_new (window, "rescue");
  g_assert_true (tl_report_editor_has_draft_offer (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.restore-draft", NULL));
  rescued = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_RESCUED);
  g_assert_cmpstr (rescued, ==, "12");

  /* Saved: the draft is gone. */
  set (editor, TL_REPORT_FIELD_POSITION, "51.0 1.5");
  set (editor, TL_REPORT_FIELD_UNITS, "Volunteer crew");
  save (editor);
  g_assert_null (tl_store_get_draft (fixture->store, TL_EVENT_KIND_RESCUE, 0, &error));
  g_assert_no_error (error);

  tl_test_close_window (window);
}

static void
test_stale_save_conflict (TlTestFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  g_autoptr(TlEvent) other = NULL;
  g_autoptr(TlEvent) stored = NULL;
  g_autofree char *conflict = NULL;
  TlReportEditor *editor;

  editor = open_edit (window, id);
  set (editor, TL_REPORT_FIELD_NOTES, "Two in the water");

  /* Another desk saves the same record meanwhile. */
  other = get_event (fixture, id);
  tl_event_set_rescued (other, 47);
  g_assert_true (tl_store_update_event (fixture->store, other, "Desk B", &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL);
  tl_test_iterate (50);
  g_assert_true (tl_window_get_report_form (window) == GTK_WINDOW (editor));
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "conflict");
  conflict = tl_report_editor_dup_conflict_text (editor);
  g_test_message ("%s", conflict);
  g_assert_nonnull (strstr (conflict, "Rescued | 47 | 40"));
  g_assert_nonnull (strstr (conflict, "Notes | — | Two in the water"));
  stored = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_null (tl_event_get_notes (stored));

  /* Their version, with this officer's change applied. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save-merged", NULL);
  tl_test_iterate (50);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_cmpstr (tl_event_get_notes (stored), ==, "Two in the water");
  g_assert_cmpint (tl_event_get_revision (stored), ==, 3);

  tl_test_close_window (window);
}

static void
test_case_links_three (TlTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(TlCase) c = NULL;
  g_autofree char *case_text = NULL;
  TlReportEditor *editor;
  gint64 ids[3], case_id;

  ids[0] = save_rescue (window);
  ids[1] = save_rescue (window);
  ids[2] = save_rescue (window);

  /* The first joins a new case, in distress... */
  editor = open_edit (window, ids[0]);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tl_report_editor_get_field_widget (editor, TL_REPORT_FIELD_CASE)), 1);
  tl_report_editor_set_case_status (editor, TL_CASE_STATUS_DISTRESS);
  save (editor);
  {
    g_autoptr(TlEvent) first = get_event (fixture, ids[0]);
    case_id = tl_event_get_case_id (first);
  }
  g_assert_cmpint (case_id, >, 0);
  case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  /* ...and the others join it. */
  for (guint i = 1; i < 3; i++)
    {
      editor = open_edit (window, ids[i]);
      set (editor, TL_REPORT_FIELD_CASE, case_text);
      save (editor);
    }

  chain = tl_store_list_case_events (fixture->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 3);
  c = tl_store_get_case (fixture->store, case_id, &error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_DISTRESS);
  g_assert_cmpuint (c->n_events, ==, 3);
  g_clear_pointer (&c, tl_case_free);

  /* A new status goes with the save: refused with it, shown in the
   * editor, which stays open... */
  editor = open_edit (window, ids[1]);
  tl_report_editor_set_case_status (editor, TL_CASE_STATUS_RESCUED);
  {
    g_autoptr(TlEvent) other = get_event (fixture, ids[1]);

    tl_event_set_rescued (other, 47);
    g_assert_true (tl_store_update_event (fixture->store, other, "Desk B", &error));
    g_assert_no_error (error);
  }
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL);
  tl_test_iterate (50);
  g_assert_nonnull (editor);
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "conflict");
  c = tl_store_get_case (fixture->store, case_id, &error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_DISTRESS);
  g_clear_pointer (&c, tl_case_free);

  /* ...and written with it once the save goes through. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save-merged", NULL);
  tl_test_iterate (50);
  g_assert_null (editor);
  c = tl_store_get_case (fixture->store, case_id, &error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_RESCUED);

  tl_test_close_window (window);
}

/* A report saved with a new status for its case, the status refused (here
 * by a trigger standing in for a full disk): nothing is saved, and the
 * editor stays open to say so instead of closing over the error. */
static void
test_case_status_refused (TlTestFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  g_autoptr(TlEvent) event = get_event (fixture, id);
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(TlCase) c = NULL;
  TlReportEditor *editor;
  sqlite3 *db = NULL;
  gint64 case_id;

  case_id = tl_store_create_case (fixture->store, TL_CASE_STATUS_POSSIBLE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_store_link_event (fixture->store, id, case_id, "Desk A", &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER refuse_status BEFORE UPDATE OF status ON cases"
                                 " BEGIN SELECT RAISE (ABORT, 'disk full'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  editor = open_edit (window, id);
  set (editor, TL_REPORT_FIELD_NOTES, "Two in the water");
  tl_report_editor_set_case_status (editor, TL_CASE_STATUS_RESCUED);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL);
  tl_test_iterate (50);
  g_assert_nonnull (editor);
  g_assert_true (tl_window_get_report_form (window) == GTK_WINDOW (editor));
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "form");
  stored = get_event (fixture, id);
  g_assert_null (tl_event_get_notes (stored));
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  c = tl_store_get_case (fixture->store, case_id, &error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_POSSIBLE);
  g_clear_pointer (&c, tl_case_free);

  /* Once the status can be written, the same form saves both. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse_status", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL);
  tl_test_iterate (50);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = get_event (fixture, id);
  g_assert_cmpstr (tl_event_get_notes (stored), ==, "Two in the water");
  c = tl_store_get_case (fixture->store, case_id, &error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_RESCUED);

  tl_test_close_window (window);
}

/* A draft of an edit, restored after another desk saved the record:
 * saving it shows the conflict view, never overwrites their change; the
 * merge keeps both. */
static void
test_stale_draft_conflict (TlTestFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  g_autoptr(TlStore) other_store = NULL;
  g_autoptr(TlEvent) other = NULL;
  g_autoptr(TlEvent) stored = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *notes = NULL;
  TlReportEditor *editor;

  /* This desk types, and the window goes away unsaved. */
  editor = open_edit (window, id);
  set (editor, TL_REPORT_FIELD_NOTES, "Two in the water");
  tl_test_close_window (window);

  /* Another desk, on its own connection, saves the record meanwhile. */
  other_store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  other = tl_store_get_event (other_store, id, &error);
  tl_event_set_rescued (other, 47);
  g_assert_true (tl_store_update_event (other_store, other, "Desk B", &error));
  g_assert_no_error (error);
  g_clear_object (&other_store);

  window = tl_test_present_window (fixture);
  editor = open_edit (window, id);
  g_assert_true (tl_report_editor_has_draft_offer (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.restore-draft", NULL));
  notes = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_NOTES);
  g_assert_cmpstr (notes, ==, "Two in the water");

  /* A silent overwrite would close the editor. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL);
  tl_test_iterate (50);
  stored = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_null (tl_event_get_notes (stored));
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  g_assert_nonnull (editor);
  g_assert_true (tl_window_get_report_form (window) == GTK_WINDOW (editor));
  g_assert_cmpstr (tl_report_editor_get_page (editor), ==, "conflict");
  conflict = tl_report_editor_dup_conflict_text (editor);
  g_test_message ("%s", conflict);
  g_assert_nonnull (strstr (conflict, "Rescued | 47 | 40"));
  g_assert_nonnull (strstr (conflict, "Notes | — | Two in the water"));

  /* The draft was typed over revision 1: only the notes are this desk's
   * change, so their count survives the merge. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "report.save-merged", NULL);
  tl_test_iterate (50);
  g_assert_null (editor);
  g_clear_object (&stored);
  stored = get_event (fixture, id);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_cmpstr (tl_event_get_notes (stored), ==, "Two in the water");
  g_assert_cmpint (tl_event_get_revision (stored), ==, 3);
  g_assert_null (tl_store_get_draft (fixture->store, TL_EVENT_KIND_RESCUE, id, &error));
  g_assert_no_error (error);

  tl_test_close_window (window);
}

/* An untouched new form shows no error, but its greyed out Save button
 * says what is missing. */
static void
test_save_tooltip (TlTestFixture *fixture,
                   gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  TlReportEditor *editor = open_new (window, "rescue");
  GtkWidget *save_button = NULL;
  const char *tooltip;
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *widget;

  /* The button of report.save, found as an officer would: by what it does. */
  g_queue_push_tail (&queue, editor);
  while (save_button == NULL && (widget = g_queue_pop_head (&queue)) != NULL)
    {
      if (GTK_IS_BUTTON (widget) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "report.save") == 0)
        save_button = widget;
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  g_assert_nonnull (save_button);

  /* Nothing typed yet: no field is marked as wrong. */
  g_assert_false (gtk_widget_has_css_class (tl_report_editor_get_field_widget (editor, TL_REPORT_FIELD_POSITION),
                                            "error"));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  tooltip = gtk_widget_get_tooltip_text (save_button);
  g_test_message ("%s", tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "Fill in the required fields: "));
  g_assert_nonnull (strstr (tooltip, "Position"));
  g_assert_nonnull (strstr (tooltip, "Responding units"));
  g_assert_null (strstr (tooltip, "Alert time"));

  /* A refused value is named too, apart from what is missing. */
  set (editor, TL_REPORT_FIELD_PEOPLE, "-3");
  tooltip = gtk_widget_get_tooltip_text (save_button);
  g_assert_nonnull (strstr (tooltip, "\nCorrect these fields: People on board"));

  set (editor, TL_REPORT_FIELD_PEOPLE, "48");
  set (editor, TL_REPORT_FIELD_POSITION, "51.0 1.5");
  set (editor, TL_REPORT_FIELD_UNITS, "Volunteer crew");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button), ==, "Save the Report (Ctrl+Enter)");
  save (editor);

  tl_test_close_window (window);
}

static GtkWidget *
find_save_button (TlReportEditor *editor)
{
  GtkWidget *save_button = NULL;
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *widget;

  g_queue_push_tail (&queue, editor);
  while (save_button == NULL && (widget = g_queue_pop_head (&queue)) != NULL)
    {
      if (GTK_IS_BUTTON (widget) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "report.save") == 0)
        save_button = widget;
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  g_assert_nonnull (save_button);
  return save_button;
}

/* Whether a label in @root (a toast, once shown) holds @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* An existing report opened and left as it is has nothing to save: Save
 * is greyed out and says so, until a field changes, and again once it is
 * changed back. */
static void
test_save_needs_a_change (TlTestFixture *fixture,
                          gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  gint64 id = save_rescue (window);
  TlReportEditor *editor = open_edit (window, id);
  GtkWidget *save_button = find_save_button (editor);
  g_autoptr(TlEvent) after = NULL;

  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button), ==,
                   "Nothing to save yet: the report is as it was");

  set (editor, TL_REPORT_FIELD_RESCUED, "41");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button), ==, "Save the Report (Ctrl+Enter)");
  set (editor, TL_REPORT_FIELD_RESCUED, "40");
  g_assert_false (gtk_widget_get_sensitive (save_button));

  set (editor, TL_REPORT_FIELD_NOTES, "Engine restarted");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  save (editor);
  after = get_event (fixture, id);
  g_assert_cmpstr (tl_event_get_notes (after), ==, "Engine restarted");

  tl_test_close_window (window);
}

/* A save on a full disk keeps the form open with everything typed, and
 * says why; once there is space, the same form saves. */
static void
test_save_on_full_disk (TlTestFixture *fixture,
                        gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  TlReportEditor *editor = open_new (window, "rescue");
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *people = NULL;
  gint64 deadline;

  set (editor, TL_REPORT_FIELD_POSITION, "50°57.5'N 1°35.2'E");
  set (editor, TL_REPORT_FIELD_UNITS, "RNLI Dover lifeboat");
  set (editor, TL_REPORT_FIELD_PEOPLE, "48");
  set (editor, TL_REPORT_FIELD_NOTES, "Typed before the disk filled up");

  tl_test_vfs_set_space (0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "report.save", NULL));
  tl_test_vfs_set_space (-1);

  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (!shows_text (GTK_WIDGET (editor), "is full, so nothing was written"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (tl_window_get_report_form (window) == GTK_WINDOW (editor));
  people = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_PEOPLE);
  g_assert_cmpstr (people, ==, "48");
  events = tl_store_list_events (fixture->store, 0, G_MAXINT64, NULL);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  save (editor);
  events = tl_store_list_events (fixture->store, 0, G_MAXINT64, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (tl_event_get_notes (events->pdata[0]), ==, "Typed before the disk filled up");

  tl_test_close_window (window);
}

static GtkWidget *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text on @row as the keyboard would, through its type-ahead
 * controller. */
static void
type_on (GtkWidget  *row,
         const char *text)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  GtkEventController *keys = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "tl-type-ahead") == 0)
        keys = controller;
    }
  g_assert_nonnull (keys);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (keys, "key-pressed", gdk_unicode_to_keyval (g_utf8_get_char (p)), 0, 0, &handled);
      g_assert_true (handled);
    }
}

/* A choice is picked with the keyboard by its first letters, on the row,
 * without opening its list: one Tab stop and a letter or two. */
static void
test_choice_type_ahead (TlTestFixture *fixture,
                        gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  TlReportEditor *editor = open_new (window, "rescue");
  GtkWidget *outcome = find_combo_row (GTK_WIDGET (editor), "Outcome");
  GtkWidget *boat = find_combo_row (GTK_WIDGET (editor), "Boat type");
  g_autofree char *chosen = NULL;

  g_assert_nonnull (outcome);
  g_assert_nonnull (boat);

  /* one letter: the first choice it starts; again: the next one */
  type_on (outcome, "s");
  chosen = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_OUTCOME);
  g_assert_cmpstr (chosen, ==, "split");
  g_clear_pointer (&chosen, g_free);
  type_on (outcome, "s");
  chosen = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_OUTCOME);
  g_assert_cmpstr (chosen, ==, "stood_down");
  g_clear_pointer (&chosen, g_free);

  /* more letters refine, whatever the case */
  type_on (boat, "Ka");
  chosen = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_BOAT_TYPE);
  g_assert_cmpstr (chosen, ==, "kayak");
  g_clear_pointer (&chosen, g_free);

  gtk_window_destroy (GTK_WINDOW (editor));
  tl_test_close_window (window);
}

/* A unit typed in "Add a unit" is checked in this report at once, and
 * remembered by the store (on its worker) for the next ones. */
static void
test_add_unit (TlTestFixture *fixture,
               gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  TlReportEditor *editor = open_new (window, "rescue");
  GtkWidget *row = tl_test_find_row (GTK_WIDGET (editor), "Add a unit");
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autofree char *units = NULL;
  gboolean remembered = FALSE;

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "  Vedette Gris-Nez ");
  g_signal_emit_by_name (row, "apply");
  units = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_UNITS);
  g_assert_nonnull (strstr (units, "Vedette Gris-Nez"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  while (!remembered)
    {
      g_auto(GStrv) known = tl_store_list_units (fixture->store, NULL);

      remembered = known != NULL && g_strv_contains ((const char * const *) known, "Vedette Gris-Nez");
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!remembered)
        tl_test_iterate (10);
    }

  gtk_window_destroy (GTK_WINDOW (editor));
  tl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);
  tl_test_vfs_install ();

  tl_test_add ("/report-editor/create-each-kind", test_create_each_kind);
  tl_test_add ("/report-editor/edit-and-history", test_edit_and_history);
  tl_test_add ("/report-editor/untouched-fields-kept", test_untouched_fields_kept);
  tl_test_add ("/report-editor/delete-undo", test_delete_undo);
  tl_test_add ("/report-editor/draft-restored", test_draft_restored);
  tl_test_add ("/report-editor/stale-save-conflict", test_stale_save_conflict);
  tl_test_add ("/report-editor/case-links-three", test_case_links_three);
  tl_test_add ("/report-editor/case-status-refused", test_case_status_refused);
  tl_test_add ("/report-editor/stale-draft-conflict", test_stale_draft_conflict);
  tl_test_add ("/report-editor/save-tooltip", test_save_tooltip);
  tl_test_add ("/report-editor/save-needs-a-change", test_save_needs_a_change);
  tl_test_add ("/report-editor/save-on-full-disk", test_save_on_full_disk);
  tl_test_add ("/report-editor/choice-type-ahead", test_choice_type_ahead);
  tl_test_add ("/report-editor/add-unit", test_add_unit);

  return tl_test_ui_run ();
}
