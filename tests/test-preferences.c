/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "tl-coordinates.h"
#include "tl-event-row.h"
#include "tl-preferences-window.h"
#include "tl-report-editor.h"
#include "tl-test-ui.h"
#include "tl-time.h"
#include "tl-window.h"

/* helpers */

static TlPreferencesWindow *
open_preferences (TlTestFixture *fixture)
{
  TlPreferencesWindow *prefs = NULL;
  g_autoptr(GList) toplevels = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  tl_test_iterate (100);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (TL_IS_PREFERENCES_WINDOW (l->data))
      {
        g_assert_null (prefs);
        prefs = l->data;
      }
  g_assert_nonnull (prefs);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (prefs)));

  return g_object_ref (prefs);
}

static void
close_preferences (TlPreferencesWindow *prefs)
{
  gtk_window_destroy (GTK_WINDOW (prefs));
  tl_test_iterate (50);
  g_assert_finalize_object (prefs);
}

/* The row of @type titled @title, as the user finds it by its label. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static TlEvent *
save_rescue (TlTestFixture *fixture,
             TlWindow      *window)
{
  TlReportEditor *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", "rescue"));
  form = TL_REPORT_EDITOR (tl_test_wait_for_report_form (window));
  g_assert_nonnull (form);

  gtk_editable_set_text (GTK_EDITABLE (tl_report_editor_get_field_widget (form, TL_REPORT_FIELD_POSITION)),
                         "50°57.52'N 1°35.2'E");
  tl_report_editor_set_value (form, TL_REPORT_FIELD_UNITS, "RNLI Dover");
  gtk_editable_set_text (GTK_EDITABLE (tl_report_editor_get_field_widget (form, TL_REPORT_FIELD_PEOPLE)), "12");
  gtk_editable_set_text (GTK_EDITABLE (tl_report_editor_get_field_widget (form, TL_REPORT_FIELD_RESCUED)), "12");

  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *) &form);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "report.save", NULL));
  tl_test_iterate (100);
  g_assert_null (form);

  g_assert_nonnull (tl_window_get_selected (window));
  return g_object_ref (tl_window_get_selected (window));
}

/* tests */

static void
test_preferences_live (TlTestFixture *fixture,
                       gconstpointer  data)
{
  GSettings *settings = tl_application_get_settings (fixture->app);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = NULL;
  g_autofree char *utc_time = NULL;
  g_autofree char *dd = NULL;
  TlWindow *window = tl_test_present_window (fixture);
  TlPreferencesWindow *prefs;
  GtkWidget *row;
  gint64 paris_today = tl_window_get_day_start (window);
  gint64 utc_today, utc_tomorrow;

  prefs = open_preferences (fixture);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));

  /* The operator's name goes into the audit log of what they save. */
  row = find_row (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Operator Name");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (row), "Officer Martin");
  {
    g_autofree char *stored = g_settings_get_string (settings, "operator-name");

    g_assert_cmpstr (stored, ==, "Officer Martin");
  }

  event = save_rescue (fixture, window);
  audit = tl_store_list_audit (fixture->store, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpstr (((TlAuditEntry *) audit->pdata[0])->operator_name, ==, "Officer Martin");
  /* Written by the operator under their new name: not new to them. */
  g_assert_cmpstr (tl_event_get_created_by (event), ==, "Officer Martin");

  /* TZ is Europe/Paris: in UTC today starts one or two hours later. */
  tl_time_day_range_at (utc, g_get_real_time () / G_USEC_PER_SEC, &utc_today, &utc_tomorrow);
  g_assert_cmpint (paris_today, !=, utc_today);
  row = find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Time Zone");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  tl_test_iterate (50);
  {
    g_autofree char *stored = g_settings_get_string (settings, "time-zone");

    g_assert_cmpstr (stored, ==, "UTC");
  }
  g_assert_cmpint (tl_window_get_day_start (window), ==, utc_today);

  /* The rows already shown follow: times in UTC, positions in the
   * format chosen. */
  utc_time = tl_time_format (utc, tl_event_get_time (event), "%H:%M");
  row = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_EVENT_ROW);
  g_assert_nonnull (row);
  g_assert_true (has_label (row, utc_time));

  row = find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Position Format");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, TL_COORDINATE_FORMAT_DDM);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), TL_COORDINATE_FORMAT_DD);
  tl_test_iterate (50);
  g_assert_cmpint (g_settings_get_enum (settings, "coordinate-format"), ==, TL_COORDINATE_FORMAT_DD);
  /* No place was named: the row writes the position. */
  g_assert_true (tl_event_get_place (event) == NULL || tl_event_get_place (event)[0] == '\0');
  dd = tl_coordinates_format (tl_event_get_latitude (event), tl_event_get_longitude (event),
                              TL_COORDINATE_FORMAT_DD);
  row = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_EVENT_ROW);
  g_assert_true (has_label (row, dd));

  close_preferences (prefs);
  tl_test_close_window (window);

  g_settings_reset (settings, "operator-name");
  g_settings_reset (settings, "time-zone");
  g_settings_reset (settings, "coordinate-format");
}

/* The rows show what is set, including a zone set outside the window. */
static void
test_preferences_shows_settings (TlTestFixture *fixture,
                                 gconstpointer  data)
{
  GSettings *settings = tl_application_get_settings (fixture->app);
  TlWindow *window;
  TlPreferencesWindow *prefs;
  AdwComboRow *zone_row, *format_row;
  GListModel *zones;
  g_autofree char *last = NULL;

  g_settings_set_string (settings, "time-zone", "America/St_Johns");
  g_settings_set_string (settings, "coordinate-format", "dms");
  window = tl_test_present_window (fixture);
  prefs = open_preferences (fixture);

  zone_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Time Zone"));
  zones = adw_combo_row_get_model (zone_row);
  g_assert_cmpuint (g_list_model_get_n_items (zones), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (zone_row), ==, 4);
  last = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (zones), 4));
  g_assert_cmpstr (last, ==, "America/St_Johns");

  format_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Position Format"));
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, TL_COORDINATE_FORMAT_DMS);

  /* Changed elsewhere while open: the rows follow. */
  g_settings_set_string (settings, "time-zone", "Europe/London");
  g_assert_cmpuint (adw_combo_row_get_selected (zone_row), ==, 2);
  /* Back to the system zone. */
  adw_combo_row_set_selected (zone_row, 0);
  {
    g_autofree char *stored = g_settings_get_string (settings, "time-zone");

    g_assert_cmpstr (stored, ==, "");
  }

  close_preferences (prefs);
  tl_test_close_window (window);

  g_settings_reset (settings, "time-zone");
  g_settings_reset (settings, "coordinate-format");
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/preferences/live", test_preferences_live);
  tl_test_add ("/preferences/shows-settings", test_preferences_shows_settings);

  return tl_test_ui_run ();
}
