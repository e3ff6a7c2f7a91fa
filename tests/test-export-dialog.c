/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export side of the window, driven through its actions: the map
 * snapshot dialog writes a PNG with the options set, the SITREP dialog
 * shows the case, the import dialog checks and commits a CSV. The native
 * file chooser is bypassed through each dialog's own API. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-application.h"
#include "tl-import-dialog.h"
#include "tl-map-export-dialog.h"
#include "tl-sitrep-dialog.h"
#include "tl-test-ui.h"
#include "tl-window.h"

typedef struct {
  char          *dir;
  char          *path;
  TlStore       *store;
} Fixture;

/* helpers */

static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) local_now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local_now),
                                                         g_date_time_get_month (local_now),
                                                         g_date_time_get_day_of_month (local_now),
                                                         0, 0, 0);
  gint64 day_start = g_date_time_to_unix (midnight);
  g_autoptr(TlEvent) sighting = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(TlEvent) rescue = tl_event_new (TL_EVENT_KIND_RESCUE);
  gint64 case_id;

  static guint counter;

  /* Under the scratch user dirs tl_test_ui_run() removes. */
  fixture->dir = g_strdup_printf ("%s/export-test-%u", g_get_user_data_dir (), ++counter);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "tideline.db", NULL);
  fixture->store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Two reports of one case, since the local day began and before now:
   * in the window's day at any time of day, just after midnight too. */
  case_id = tl_store_create_case (fixture->store, TL_CASE_STATUS_RESPONDING, "Off Wimereux", &error);
  g_assert_no_error (error);
  tl_event_set_time (sighting, day_start + (now - day_start) / 3);
  tl_event_set_position (sighting, 50.95, 1.55);
  tl_event_set_people (sighting, 55);
  tl_event_set_unit (sighting, "Helicopter Dauphin");
  tl_event_set_time (rescue, day_start + 2 * (now - day_start) / 3);
  tl_event_set_position (rescue, 50.96, 1.59);
  tl_event_set_rescued (rescue, 55);
  tl_event_set_unit (rescue, "RNLI Dover");
  g_assert_true (tl_store_add_event (fixture->store, sighting, "test", &error));
  g_assert_true (tl_store_add_event (fixture->store, rescue, "test", &error));
  g_assert_true (tl_store_link_event (fixture->store, tl_event_get_id (sighting), case_id, "test", &error));
  g_assert_true (tl_store_link_event (fixture->store, tl_event_get_id (rescue), case_id, "test", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static TlWindow *
present_window (Fixture *fixture)
{
  TlWindow *window = tl_window_new (GTK_APPLICATION (tl_test_ui_get_app ()), fixture->store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_iterate (200);
  return window;
}

static void
close_window (TlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  tl_test_iterate (50);
  g_assert_finalize_object (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
has_sitrep_dialog (gpointer unused)
{
  return find_toplevel (TL_TYPE_SITREP_DIALOG) != NULL;
}

static gboolean
is_gone (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/* A preview still drawing in its thread holds the dialog until it is
 * done: wait for it, then the dialog must be gone. */
static void
destroy_dialog (GtkWindow *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (dialog);
  g_assert_true (iterate_until (is_gone, &dialog, 60000));
}

static gboolean
has_preview (gpointer dialog)
{
  return tl_map_export_dialog_get_n_previews (dialog) > 0;
}

static gboolean
has_texture (gpointer clipboard)
{
  return gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE);
}

static gboolean
is_set (gpointer result)
{
  return *(GAsyncResult **) result != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Every key the Export Map dialog remembers, back to its default. */
static void
reset_export_settings (void)
{
  static const char *keys[] = {
    "export-map-format", "export-map-size", "export-map-orientation", "export-map-dpi",
    "export-map-custom-width", "export-map-custom-height", "export-map-coastline",
    "export-map-borders", "export-map-dark", "export-map-marking", "export-map-legend",
    "export-map-scale-bar", "export-map-north-arrow", "export-map-credits",
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

/* A row or switch of the dialog, to act on it as the officer would. */
static gpointer
get_row (TlMapExportDialog *dialog,
         const char        *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), TL_TYPE_MAP_EXPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static void
assert_switch (TlMapExportDialog *dialog,
               const char        *name,
               gboolean           active)
{
  g_assert_cmpint (gtk_switch_get_active (get_row (dialog, name)), ==, active);
}

static void
assert_text (TlMapExportDialog *dialog,
             const char        *name,
             const char        *text)
{
  g_assert_cmpstr (gtk_editable_get_text (get_row (dialog, name)), ==, text);
}

/* tests */

static void
test_export_map (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "brief.png", NULL);
  TlWindow *window = present_window (fixture);
  TlMapExportDialog *dialog;
  cairo_surface_t *image;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-map", NULL));
  tl_test_iterate (50);
  dialog = (TlMapExportDialog *) find_toplevel (TL_TYPE_MAP_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* A live preview is drawn, off the main thread. */
  g_assert_true (iterate_until (has_preview, dialog, 60000));

  tl_map_export_dialog_set_format (dialog, TL_SNAPSHOT_FORMAT_PNG);
  tl_map_export_dialog_set_size (dialog, TL_MAP_EXPORT_SIZE_A4_LANDSCAPE);
  tl_map_export_dialog_set_marking (dialog, "OFFICIAL-SENSITIVE");
  tl_map_export_dialog_set_map_title (dialog, "Morning brief");
  tl_map_export_dialog_set_kind_shown (dialog, TL_EVENT_KIND_PATROL, FALSE);
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_no_error (error);
    g_assert_cmpint (job->options.paper, ==, TL_SNAPSHOT_PAPER_A4);
    g_assert_true (job->options.landscape);
    g_assert_cmpstr (job->options.marking, ==, "OFFICIAL-SENSITIVE");
    g_assert_cmpstr (job->options.title, ==, "Morning brief");
    g_assert_cmpuint (job->options.event_kinds & TL_SNAPSHOT_KIND (TL_EVENT_KIND_PATROL), ==, 0);
    g_assert_cmpuint (job->events->len, ==, 2);
  }

  tl_map_export_dialog_save_to_file_async (dialog, png, NULL, store_result_cb, &result);
  g_assert_true (iterate_until (is_set, &result, 120000));
  g_assert_true (tl_map_export_dialog_save_to_file_finish (dialog, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* A4 landscape at 150 dpi: 1754 × 1240 pixels, give or take the
   * renderer's rounding. */
  g_assert_cmpint (ABS (cairo_image_surface_get_width (image) - 1754), <=, 1);
  g_assert_cmpint (ABS (cairo_image_surface_get_height (image) - 1240), <=, 1);
  cairo_surface_destroy (image);

  /* Copy Image puts the same page on the clipboard, as a picture. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.copy", NULL));
  g_assert_true (iterate_until (has_texture, gtk_widget_get_clipboard (GTK_WIDGET (dialog)), 120000));

  destroy_dialog (GTK_WINDOW (dialog));
  /* The size and marking chosen above are remembered: not for the next test. */
  reset_export_settings ();
  close_window (window);
}

typedef struct {
  TlMapExportDialog *dialog;
  guint              n_previews;
} PreviewWait;

static gboolean
has_new_preview (gpointer data)
{
  PreviewWait *wait = data;

  return tl_map_export_dialog_get_n_previews (wait->dialog) > wait->n_previews;
}

static TlMapExportDialog *
open_export_dialog (TlWindow *window)
{
  TlMapExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-map", NULL));
  tl_test_iterate (50);
  dialog = (TlMapExportDialog *) find_toplevel (TL_TYPE_MAP_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (iterate_until (has_preview, dialog, 60000));
  return dialog;
}

/* Legend, scale bar, north arrow and credits: on at first, and each
 * choice is followed by the preview and kept for the next dialog. */
static void
test_page_parts (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *keys[] = {
    "export-map-legend", "export-map-scale-bar", "export-map-north-arrow", "export-map-credits",
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  TlWindow *window = present_window (fixture);
  TlMapExportDialog *dialog = open_export_dialog (window);

  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_no_error (error);
    g_assert_true (job->options.show_legend);
    g_assert_true (job->options.show_scale);
    g_assert_true (job->options.show_north_arrow);
    g_assert_true (job->options.show_credits);
  }

  /* The switches are bound to the settings: turning one off is the
   * same as the officer flicking it, and the preview is drawn again. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(TlSnapshotJob) job = NULL;
      PreviewWait wait = { dialog, tl_map_export_dialog_get_n_previews (dialog) };

      g_settings_set_boolean (settings, keys[i], FALSE);
      g_assert_true (iterate_until (has_new_preview, &wait, 60000));
      job = tl_map_export_dialog_build_job (dialog, &error);
      g_assert_no_error (error);
      /* Those before this one are off already, those after still on. */
      g_assert_false (job->options.show_legend);
      g_assert_cmpint (job->options.show_scale, ==, i < 1);
      g_assert_cmpint (job->options.show_north_arrow, ==, i < 2);
      g_assert_cmpint (job->options.show_credits, ==, i < 3);
    }
  destroy_dialog (GTK_WINDOW (dialog));

  /* The next dialog starts as the last one was left. */
  g_settings_set_boolean (settings, "export-map-scale-bar", TRUE);
  dialog = open_export_dialog (window);
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_no_error (error);
    g_assert_false (job->options.show_legend);
    g_assert_true (job->options.show_scale);
    g_assert_false (job->options.show_north_arrow);
    g_assert_false (job->options.show_credits);
  }
  destroy_dialog (GTK_WINDOW (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  close_window (window);
}

/* Format, size, orientation, resolution, custom size, layers, dark map
 * and marking are kept for the next dialog, in both directions; the
 * title and the kinds are not. */
static void
test_remembered (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "brief.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *format = NULL;
  TlWindow *window = present_window (fixture);
  TlMapExportDialog *dialog;

  reset_export_settings ();

  /* A new user sees what the dialog always offered. */
  dialog = open_export_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "format_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "size_row")), ==, TL_MAP_EXPORT_SIZE_SCREEN);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "dpi_row")), ==, 0);
  assert_text (dialog, "custom_size_row", "");
  assert_text (dialog, "marking_row", "");
  assert_switch (dialog, "coastline_switch", TRUE);
  assert_switch (dialog, "borders_switch", TRUE);
  assert_switch (dialog, "dark_switch", FALSE);
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_no_error (error);
    g_assert_cmpint (job->options.paper, ==, TL_SNAPSHOT_PAPER_NONE);
    g_assert_true (job->options.show_coastline);
    g_assert_true (job->options.show_borders);
    g_assert_cmpint (job->options.theme, ==, TL_BASEMAP_THEME_LIGHT);
    g_assert_null (job->options.marking);
  }
  /* Neither the title nor the kinds outlive the dialog. */
  tl_map_export_dialog_set_map_title (dialog, "Morning brief 12 March");
  tl_map_export_dialog_set_kind_shown (dialog, TL_EVENT_KIND_PATROL, FALSE);
  destroy_dialog (GTK_WINDOW (dialog));

  /* The morning briefer's choices, as stored by an earlier run. */
  g_settings_set_string (settings, "export-map-format", "pdf");
  g_settings_set_string (settings, "export-map-size", "a4");
  g_settings_set_string (settings, "export-map-orientation", "landscape");
  g_settings_set_string (settings, "export-map-dpi", "300");
  g_settings_set_int (settings, "export-map-custom-width", 2400);
  g_settings_set_int (settings, "export-map-custom-height", 1600);
  g_settings_set_boolean (settings, "export-map-coastline", FALSE);
  g_settings_set_boolean (settings, "export-map-borders", FALSE);
  g_settings_set_boolean (settings, "export-map-dark", TRUE);
  g_settings_set_string (settings, "export-map-marking", "OFFICIAL-SENSITIVE");

  dialog = open_export_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "format_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "size_row")), ==, TL_MAP_EXPORT_SIZE_A4_LANDSCAPE);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "dpi_row")), ==, 1);
  g_assert_true (gtk_widget_get_visible (get_row (dialog, "dpi_row")));
  assert_text (dialog, "custom_size_row", "2400 × 1600");
  assert_text (dialog, "marking_row", "OFFICIAL-SENSITIVE");
  assert_text (dialog, "title_row", "");
  assert_switch (dialog, "coastline_switch", FALSE);
  assert_switch (dialog, "borders_switch", FALSE);
  assert_switch (dialog, "dark_switch", TRUE);
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_no_error (error);
    g_assert_cmpint (job->options.paper, ==, TL_SNAPSHOT_PAPER_A4);
    g_assert_true (job->options.landscape);
    g_assert_cmpint (job->options.dpi, ==, 300);
    g_assert_false (job->options.show_coastline);
    g_assert_false (job->options.show_borders);
    g_assert_cmpint (job->options.theme, ==, TL_BASEMAP_THEME_DARK);
    g_assert_cmpstr (job->options.marking, ==, "OFFICIAL-SENSITIVE");
    g_assert_null (job->options.title);
    g_assert_cmpuint (job->options.event_kinds & TL_SNAPSHOT_KIND (TL_EVENT_KIND_PATROL), !=, 0);
  }
  /* Save writes the remembered format. */
  tl_map_export_dialog_save_to_file_async (dialog, pdf, NULL, store_result_cb, &result);
  g_assert_true (iterate_until (is_set, &result, 120000));
  g_assert_true (tl_map_export_dialog_save_to_file_finish (dialog, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Choices made in the dialog go to the keys. */
  adw_combo_row_set_selected (get_row (dialog, "size_row"), TL_MAP_EXPORT_SIZE_CUSTOM);
  gtk_editable_set_text (get_row (dialog, "custom_size_row"), "3000 x 2000");
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-size")), ==, "custom");
  g_clear_pointer (&format, g_free);
  g_assert_cmpint (g_settings_get_int (settings, "export-map-custom-width"), ==, 3000);
  g_assert_cmpint (g_settings_get_int (settings, "export-map-custom-height"), ==, 2000);
  /* A pixel size leaves the page turned as it was. */
  g_assert_cmpint (g_settings_get_enum (settings, "export-map-orientation"), ==, 1);
  /* Half typed, the last whole size is kept. */
  gtk_editable_set_text (get_row (dialog, "custom_size_row"), "3200 x");
  g_assert_cmpint (g_settings_get_int (settings, "export-map-custom-width"), ==, 3000);
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
    g_assert_null (job);
    g_clear_error (&error);
  }
  adw_combo_row_set_selected (get_row (dialog, "size_row"), TL_MAP_EXPORT_SIZE_A3_PORTRAIT);
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-size")), ==, "a3");
  g_clear_pointer (&format, g_free);
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-orientation")), ==, "portrait");
  g_clear_pointer (&format, g_free);
  adw_combo_row_set_selected (get_row (dialog, "format_row"), 2);
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-format")), ==, "svg");
  g_clear_pointer (&format, g_free);
  adw_combo_row_set_selected (get_row (dialog, "dpi_row"), 0);
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-dpi")), ==, "150");
  g_clear_pointer (&format, g_free);
  gtk_switch_set_active (get_row (dialog, "coastline_switch"), TRUE);
  gtk_switch_set_active (get_row (dialog, "dark_switch"), FALSE);
  g_assert_true (g_settings_get_boolean (settings, "export-map-coastline"));
  g_assert_false (g_settings_get_boolean (settings, "export-map-borders"));
  g_assert_false (g_settings_get_boolean (settings, "export-map-dark"));
  tl_map_export_dialog_set_marking (dialog, "OFFICIAL");
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-marking")), ==, "OFFICIAL");
  g_clear_pointer (&format, g_free);
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_no_error (error);
    g_assert_cmpint (job->options.paper, ==, TL_SNAPSHOT_PAPER_A3);
    g_assert_false (job->options.landscape);
    g_assert_cmpint (job->options.dpi, ==, 150);
    g_assert_true (job->options.show_coastline);
    g_assert_cmpint (job->options.theme, ==, TL_BASEMAP_THEME_LIGHT);
    g_assert_cmpstr (job->options.marking, ==, "OFFICIAL");
  }
  /* Closing the dialog keeps the marking rather than emptying it. */
  destroy_dialog (GTK_WINDOW (dialog));
  g_assert_cmpstr ((format = g_settings_get_string (settings, "export-map-marking")), ==, "OFFICIAL");
  g_clear_pointer (&format, g_free);

  /* Half a custom size stored is none: the row is empty, as at first,
   * and the form says what to type instead of drawing a map. */
  g_settings_set_string (settings, "export-map-size", "custom");
  g_settings_set_int (settings, "export-map-custom-width", 0);
  g_settings_set_int (settings, "export-map-custom-height", 1600);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-map", NULL));
  tl_test_iterate (50);
  dialog = (TlMapExportDialog *) find_toplevel (TL_TYPE_MAP_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (get_row (dialog, "size_row")), ==, TL_MAP_EXPORT_SIZE_CUSTOM);
  g_assert_true (gtk_widget_get_visible (get_row (dialog, "custom_size_row")));
  assert_text (dialog, "custom_size_row", "");
  {
    g_autoptr(TlSnapshotJob) job = tl_map_export_dialog_build_job (dialog, &error);

    g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
    g_assert_null (job);
    g_clear_error (&error);
  }
  /* The keys follow the dialog while it is open, and the largest size
   * allowed is shown as stored. */
  g_settings_set_int (settings, "export-map-custom-width", TL_SNAPSHOT_MAX_SIDE_PX);
  g_settings_set_int (settings, "export-map-custom-height", TL_SNAPSHOT_MAX_SIDE_PX);
  assert_text (dialog, "custom_size_row", "20000 × 20000");
  destroy_dialog (GTK_WINDOW (dialog));

  reset_export_settings ();
  close_window (window);
}

static void
test_sitrep (Fixture       *fixture,
             gconstpointer  data)
{
  TlWindow *window = present_window (fixture);
  g_autofree char *text = NULL;
  TlSitrepDialog *dialog;

  /* The reads run on the store's worker: the dialog opens when they arrive. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sitrep", "x", (gint64) 1));
  g_assert_true (iterate_until (has_sitrep_dialog, NULL, 10000));
  dialog = (TlSitrepDialog *) find_toplevel (TL_TYPE_SITREP_DIALOG);

  /* The report belongs to a case: the SITREP covers both reports. */
  text = tl_sitrep_dialog_get_text (dialog);
  g_assert_nonnull (strstr (text, "\nTO: CROSS GRIS-NEZ, MRCC DOVER\nSAR SITREP (INITIAL) NO. 1\n"));
  g_assert_nonnull (strstr (text, "\nCASE 1 — OFF WIMEREUX\n"));
  g_assert_nonnull (strstr (text, "E. ASSISTANCE REQUIRED: NONE STATED; UNITS ENGAGED: HELICOPTER DAUPHIN, RNLI DOVER\n"));

  destroy_dialog (GTK_WINDOW (dialog));

  /* A window closed while they are read opens nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sitrep", "x", (gint64) 1));
  close_window (window);
  g_assert_false (iterate_until (has_sitrep_dialog, NULL, 200));
}

/* The first widget of @type under @root whose title (a row's) or
 * accessible name (a switch's) is @name. */
static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (ADW_IS_PREFERENCES_ROW (child) &&
              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), name) == 0)
            return child;
          if (GTK_IS_SWITCH (child) && g_object_get_data (G_OBJECT (child), "tl-accessible-named") != NULL)
            return child;
        }
      if ((found = find_named (child, type, name)) != NULL)
        return found;
    }
  return NULL;
}

/* Export Briefing offers the hand-over note, as --handover-since does:
 * off at first, a named switch, the time from the last hand-over or the
 * window's start; a time that does not read keeps Save disabled. */
static void
test_briefing_handover (Fixture       *fixture,
                        gconstpointer  data)
{
  TlWindow *window = present_window (fixture);
  AdwMessageDialog *dialog;
  GtkWidget *toggle, *since;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-briefing", NULL));
  tl_test_iterate (50);
  dialog = (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  toggle = find_named (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, "Hand-over Note");
  since = find_named (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Changes since, like 2026-11-26 19:00");
  g_assert_nonnull (toggle);
  g_assert_nonnull (since);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (gtk_widget_get_sensitive (since));
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (since))), ==, strlen ("2026-11-26 00:00"));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (gtk_widget_get_sensitive (since));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (since), "after lunch");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (gtk_widget_has_css_class (since, "error"));
  gtk_editable_set_text (GTK_EDITABLE (since), "2026-11-26 19:00");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_false (gtk_widget_has_css_class (since, "error"));
  /* Off, the time is not asked for. */
  gtk_editable_set_text (GTK_EDITABLE (since), "after lunch");
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));

  destroy_dialog (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "reports.csv", NULL);
  TlWindow *window = present_window (fixture);
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  TlImportSource *source;
  TlImportDialog *dialog;
  TlImportResult *result;

  g_file_set_contents (csv,
                       "id,kind,time,latitude,longitude,people\n"
                       "a1,departure,2026-03-01 04:10,50.75,1.60,52\n"
                       "a2,sighting,2026-03-01 05:00,50.90,1.40,\n"
                       "a3,rescue,not a time,50.95,1.55,40\n",
                       -1, &error);
  g_assert_no_error (error);
  source = tl_import_source_new_from_file (csv, &error);
  g_assert_no_error (error);

  dialog = tl_import_dialog_new (GTK_WINDOW (window), fixture->store, source, zone, "test");
  gtk_window_present (GTK_WINDOW (dialog));
  tl_test_iterate (50);

  /* The bad row is listed with its line, and blocks a full import. */
  result = tl_import_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->events->len, ==, 2);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpuint (((TlImportProblem *) g_ptr_array_index (result->problems, 0))->line, ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  tl_test_iterate (200);
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 2);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit-good", NULL));
  g_assert_true (iterate_until (is_gone, &dialog, 60000));
  g_assert_cmpint (tl_store_count_events (fixture->store, &error), ==, 4);
  g_assert_no_error (error);

  close_window (window);
}

static gboolean
encoding_is_unicode (gpointer dialog)
{
  return tl_import_dialog_get_encoding (dialog) == NULL;
}

static gboolean
encoding_is_legacy (gpointer dialog)
{
  return g_strcmp0 (tl_import_dialog_get_encoding (dialog), "windows-1252") == 0 &&
         tl_import_dialog_get_result (dialog) != NULL;
}

/* A spreadsheet's CSV in Windows-1252: the Import window reads it so,
 * says it guessed, and lets the officer choose, as --encoding does. */
static void
test_import_encoding (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (fixture->dir, "lieux.csv", NULL);
  g_autofree char *encoding = NULL;
  TlWindow *window = present_window (fixture);
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) events = NULL;
  TlImportSource *source;
  TlImportDialog *dialog;
  TlImportResult *result;
  AdwComboRow *row;
  gint64 n_before = tl_store_count_events (fixture->store, NULL);
  gboolean found = FALSE;

  g_file_set_contents (csv,
                       "kind,time,latitude,longitude,people,place\n"
                       "departure,2026-03-01 04:10,50.64,1.58,52,\xc9quihen-Plage\n",
                       -1, &error);
  g_assert_no_error (error);
  source = tl_import_source_new_from_file_guessing (csv, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "windows-1252");

  dialog = tl_import_dialog_new (GTK_WINDOW (window), fixture->store, source, zone, "test");
  tl_import_dialog_set_file (dialog, csv, encoding);
  gtk_window_present (GTK_WINDOW (dialog));
  row = ADW_COMBO_ROW (tl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Text _encoding");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not Unicode"));
  result = tl_import_dialog_get_result (dialog);
  g_assert_cmpstr (tl_event_get_place (result->events->pdata[0]), ==, "Équihen-Plage");

  /* As Unicode it cannot be read: said where, and nothing to import. */
  adw_combo_row_set_selected (row, 0);
  g_assert_true (iterate_until (encoding_is_unicode, dialog, 30000));
  g_assert_null (tl_import_dialog_get_result (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  g_assert_cmpint (tl_store_count_events (fixture->store, NULL), ==, n_before);

  /* Back to Windows-1252, and imported as the preview showed it. */
  adw_combo_row_set_selected (row, 1);
  g_assert_true (iterate_until (encoding_is_legacy, dialog, 30000));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  g_assert_true (iterate_until (is_gone, &dialog, 60000));
  events = tl_store_list_events (fixture->store, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, n_before + 1);
  for (guint i = 0; i < events->len; i++)
    found |= g_strcmp0 (tl_event_get_place (events->pdata[i]), "Équihen-Plage") == 0;
  g_assert_true (found);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  g_test_add ("/export-dialog/map", Fixture, NULL, fixture_set_up, test_export_map, fixture_tear_down);
  g_test_add ("/export-dialog/page-parts", Fixture, NULL, fixture_set_up, test_page_parts, fixture_tear_down);
  g_test_add ("/export-dialog/remembered", Fixture, NULL, fixture_set_up, test_remembered, fixture_tear_down);
  g_test_add ("/export-dialog/sitrep", Fixture, NULL, fixture_set_up, test_sitrep, fixture_tear_down);
  g_test_add ("/export-dialog/briefing-handover", Fixture, NULL, fixture_set_up, test_briefing_handover,
              fixture_tear_down);
  g_test_add ("/export-dialog/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/export-dialog/import-encoding", Fixture, NULL, fixture_set_up, test_import_encoding,
              fixture_tear_down);

  return tl_test_ui_run ();
}
