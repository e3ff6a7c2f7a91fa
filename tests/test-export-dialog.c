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

  /* Two reports of one case, a minute ago: in the window's day. */
  case_id = tl_store_create_case (fixture->store, TL_CASE_STATUS_RESPONDING, "Off Wimereux", &error);
  g_assert_no_error (error);
  tl_event_set_time (sighting, now - 120);
  tl_event_set_position (sighting, 50.95, 1.55);
  tl_event_set_people (sighting, 55);
  tl_event_set_unit (sighting, "Helicopter Dauphin");
  tl_event_set_time (rescue, now - 60);
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
  TlWindow *window = tl_window_new (tl_test_ui_get_app (), fixture->store);

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

static void
test_sitrep (Fixture       *fixture,
             gconstpointer  data)
{
  TlWindow *window = present_window (fixture);
  g_autofree char *text = NULL;
  TlSitrepDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sitrep", "x", (gint64) 1));
  tl_test_iterate (50);
  dialog = (TlSitrepDialog *) find_toplevel (TL_TYPE_SITREP_DIALOG);
  g_assert_nonnull (dialog);

  /* The report belongs to a case: the SITREP covers both reports. */
  text = tl_sitrep_dialog_get_text (dialog);
  g_assert_true (g_str_has_prefix (text, "SAR SITREP (INITIAL) NO. 1\n"));
  g_assert_nonnull (strstr (text, "\nCASE 1 — OFF WIMEREUX\n"));
  g_assert_nonnull (strstr (text, "E. ASSISTANCE GIVEN: HELICOPTER DAUPHIN, RNLI DOVER\n"));

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

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  g_test_add ("/export-dialog/map", Fixture, NULL, fixture_set_up, test_export_map, fixture_tear_down);
  g_test_add ("/export-dialog/page-parts", Fixture, NULL, fixture_set_up, test_page_parts, fixture_tear_down);
  g_test_add ("/export-dialog/sitrep", Fixture, NULL, fixture_set_up, test_sitrep, fixture_tear_down);
  g_test_add ("/export-dialog/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);

  return tl_test_ui_run ();
}
