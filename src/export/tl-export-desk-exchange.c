/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The desk's data exchange: reports out to CSV, GeoJSON, KML or GPX, and
 * in through the Import dialog. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-export.h"
#include "tl-export-desk-private.h"
#include "tl-import-dialog.h"
#include "tl-time.h"

/* callbacks: data exchange */

static void
data_exported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TlExportDesk *self = g_task_get_source_object (task);
  const char *path = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "n-events"));

  if (!tl_export_events_to_file_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tl_export_desk_show_error (self, error->message);
      return;
    }
  base = g_filename_display_basename (path);
  /* Translators: a toast after exporting; %u reports, %s the file's name */
  message = g_strdup_printf (ngettext ("Exported %u report to %s", "Exported %u reports to %s", n), n, base);
  tl_export_desk_toast_saved (self, path, message);
}

static void
export_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   TlExportDesk    *self)
{
  const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  TlExchangeFormat format = TL_EXCHANGE_FORMAT_CSV;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GTask *task;

  if (choice == NULL || !tl_exchange_format_from_string (choice, &format))
    format = TL_EXCHANGE_FORMAT_CSV;
  if (!(path = tl_export_desk_chooser_take_path (chooser, response)))
    return;
  /* The Format control is the explicit choice: the name follows it, so a
   * file never claims a format it is not in. */
  {
    TlExchangeFormat named;
    g_autofree char *stem = NULL;

    if (tl_exchange_format_guess (path, &named) && named != format)
      stem = g_strndup (path, strrchr (path, '.') - path);
    else if (!tl_exchange_format_guess (path, &named))
      stem = g_strdup (path);
    if (stem != NULL)
      {
        g_free (path);
        path = g_strdup_printf ("%s.%s", stem, tl_exchange_format_get_extension (format));
      }
  }

  events = tl_export_desk_copy_shown_events (self);
  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "n-events", GUINT_TO_POINTER (events->len));
  tl_export_events_to_file_async (events, format, path, self->cancellable, data_exported_cb, task);
}

void
tl_export_desk_export_data_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TlExportDesk *self = user_data;
  GtkFileChooserNative *chooser = tl_export_desk_new_chooser (self, _("Export Reports"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"));
  const char *ids[TL_EXCHANGE_N_FORMATS + 1] = { NULL };
  const char *labels[TL_EXCHANGE_N_FORMATS + 1] = { NULL };
  /* Translators: the file name offered for exported reports, see strftime */
  g_autofree char *name = tl_time_format (tl_review_get_zone (self->review),
                                          tl_review_get_filter (self->review)->from, _("reports-%Y-%m-%d.csv"));

  for (guint f = 0; f < TL_EXCHANGE_N_FORMATS; f++)
    {
      ids[f] = tl_exchange_format_to_string (f);
      labels[f] = tl_exchange_format_get_label (f);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", ids[0]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
imported_cb (TlExportDesk   *self,
             guint           n_added,
             guint           n_already,
             TlImportDialog *dialog)
{
  g_autofree char *added = g_strdup_printf (ngettext ("Imported %u report", "Imported %u reports", n_added),
                                            n_added);
  g_autofree char *message = NULL;

  if (n_already > 0)
    /* Translators: "Imported 120 reports" then how many were skipped */
    message = g_strdup_printf (ngettext ("%s; %u already there", "%s; %u already there", n_already),
                               added, n_already);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message ? message : added));
}

/* The file chosen, and the encoding it was read as. */
typedef struct {
  char *path;
  char *encoding;
} ImportRead;

static void
import_read_free (ImportRead *read)
{
  g_free (read->path);
  g_free (read->encoding);
  g_free (read);
}

static void
source_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TlExportDesk *self = TL_EXPORT_DESK (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *operator_name = NULL;
  TlImportSource *import_source = g_task_propagate_pointer (G_TASK (result), &error);
  ImportRead *read = g_task_get_task_data (G_TASK (result));
  TlImportDialog *dialog;

  if (import_source == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tl_export_desk_show_error (self, error->message);
      return;
    }
  operator_name = tl_export_desk_get_operator_name (self);
  dialog = tl_import_dialog_new (GTK_WINDOW (self->window), self->store, import_source,
                                 tl_review_get_zone (self->review), operator_name);
  tl_import_dialog_set_file (dialog, read->path, read->encoding);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  tl_export_desk_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_source_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportRead *read = task_data;
  GError *error = NULL;
  /* Not Unicode: read as the likeliest legacy encoding, which the Import
   * window shows and lets the officer change. */
  TlImportSource *source = tl_import_source_new_from_file_guessing (read->path, &read->encoding, &error);

  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) tl_import_source_free);
}

static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   TlExportDesk    *self)
{
  g_autofree char *path = tl_export_desk_chooser_take_path (chooser, response);
  g_autoptr(GTask) task = NULL;
  ImportRead *read;

  if (path == NULL)
    return;
  read = g_new0 (ImportRead, 1);
  read->path = g_steal_pointer (&path);
  task = g_task_new (self, self->cancellable, source_read_cb, NULL);
  g_task_set_source_tag (task, import_chooser_cb);
  g_task_set_task_data (task, read, (GDestroyNotify) import_read_free);
  g_task_run_in_thread (task, read_source_thread);
}

void
tl_export_desk_import_data_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  TlExportDesk *self = user_data;
  GtkFileChooserNative *chooser = tl_export_desk_new_chooser (self, _("Import Reports"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"));
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All supported files"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  for (guint f = 0; f < TL_EXCHANGE_N_FORMATS; f++)
    {
      g_autoptr(GtkFileFilter) one = gtk_file_filter_new ();

      gtk_file_filter_set_name (one, tl_exchange_format_get_label (f));
      gtk_file_filter_add_suffix (one, tl_exchange_format_get_extension (f));
      gtk_file_filter_add_suffix (all, tl_exchange_format_get_extension (f));
      if (f == TL_EXCHANGE_FORMAT_GEOJSON)
        {
          gtk_file_filter_add_suffix (one, "json");
          gtk_file_filter_add_suffix (all, "json");
        }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), one);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

