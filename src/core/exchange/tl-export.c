/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tl-export-fields.h"

/* Writing events out: the file (a temporary file renamed over
 * the target only once it is complete, so a failed export never leaves a
 * half file where a good one was) and the text of each field. */

/* Helpers */

static void
write_events (TlExportWriter   *writer,
              GPtrArray        *events,
              TlExchangeFormat  format)
{
  switch (format)
    {
    case TL_EXCHANGE_FORMAT_CSV:
      tl_export_write_csv (writer, events);
      break;
    case TL_EXCHANGE_FORMAT_GEOJSON:
      tl_export_write_geojson (writer, events);
      break;
    case TL_EXCHANGE_FORMAT_KML:
      tl_export_write_kml (writer, events);
      break;
    case TL_EXCHANGE_FORMAT_GPX:
      tl_export_write_gpx (writer, events);
      break;
    case TL_EXCHANGE_N_FORMATS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_io_error (GError     **error,
              const char  *display_name,
              int          saved_errno)
{
  g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_IO,
               _("Could not write “%s”: %s"), display_name, g_strerror (saved_errno));
}

/* Async */

typedef struct {
  GPtrArray        *events;
  TlExchangeFormat  format;
  char             *path;
} ExportTaskData;

static void
export_task_data_free (ExportTaskData *data)
{
  g_ptr_array_unref (data->events);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTaskData *data = task_data;
  GError *error = NULL;

  if (tl_export_events_to_file (data->events, data->format, data->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Public API */

/**
 * tl_export_events_to_bytes:
 * @events: (element-type TlEvent): the events, in the order to write them
 * @format: the format
 * @error: return location for a #TL_EXPORT_ERROR
 *
 * Returns: (transfer full): the whole file in memory
 */
GBytes *
tl_export_events_to_bytes (GPtrArray         *events,
                           TlExchangeFormat   format,
                           GError           **error)
{
  TlExportWriter writer = { .buf = g_string_new (NULL), .fd = -1, .display_name = "" };

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);

  write_events (&writer, events, format);
  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      g_string_free (writer.buf, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (writer.buf);
}

/**
 * tl_export_events_to_file:
 * @events: (element-type TlEvent): the events, in the order to write them
 * @format: the format
 * @path: (type filename): the file to write; replaced if it exists
 * @cancellable: (nullable): checked before the file is put in place
 * @error: return location for a #TL_EXPORT_ERROR or #G_IO_ERROR
 *
 * Writes a temporary file beside @path and renames it over @path once it
 * is complete and synced: @path is either the old file or the whole new
 * one, never a part. A CSV gets GDAL's sidecar beside it, the same name
 * ending in .csvt, with the type of each column (times, numbers and the
 * point's coordinates); both are created 0600. Safe to call from a worker thread on events no other
 * thread changes.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tl_export_events_to_file (GPtrArray         *events,
                          TlExchangeFormat   format,
                          const char        *path,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autofree char *display = NULL;
  g_autofree char *tmp_path = NULL;
  TlExportWriter writer = { 0 };
  int fd;

  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  /* Same folder, so that the rename is atomic. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, display, errno);
      return FALSE;
    }

  writer.buf = g_string_sized_new (TL_EXPORT_FLUSH_SIZE + 4096);
  writer.fd = fd;
  writer.display_name = display;

  write_events (&writer, events, format);
  tl_export_writer_flush (&writer);
  g_string_free (writer.buf, TRUE);

  if (writer.error == NULL && fsync (fd) != 0)
    set_io_error (&writer.error, display, errno);
  if (close (fd) != 0 && writer.error == NULL)
    set_io_error (&writer.error, display, errno);
  if (writer.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &writer.error);
  if (writer.error == NULL && g_rename (tmp_path, path) != 0)
    set_io_error (&writer.error, display, errno);
  /* GDAL's sidecar, as private and as atomic as the file. */
  if (writer.error == NULL && format == TL_EXCHANGE_FORMAT_CSV)
    {
      const char *dot = strrchr (path, '.');
      const char *slash = strrchr (path, G_DIR_SEPARATOR);
      g_autofree char *stem = dot != NULL && (slash == NULL || dot > slash) ? g_strndup (path, dot - path)
                                                                          : g_strdup (path);
      g_autofree char *csvt = g_strconcat (stem, ".csvt", NULL);
      g_autofree char *types = tl_export_csvt_text ();

      g_file_set_contents_full (csvt, types, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &writer.error);
    }

  if (writer.error != NULL)
    {
      g_unlink (tmp_path);
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  return TRUE;
}

/**
 * tl_export_range_to_file:
 * @store: a #TlStore
 * @from: first second, UTC, inclusive
 * @to: end, UTC, exclusive
 * @format: the format
 * @path: (type filename): the file to write
 * @out_n_events: (out) (optional): how many events were written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Exports the events whose time lies in [@from, @to), ordered by time.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tl_export_range_to_file (TlStore           *store,
                         gint64             from,
                         gint64             to,
                         TlExchangeFormat   format,
                         const char        *path,
                         guint             *out_n_events,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (TL_IS_STORE (store), FALSE);

  events = tl_store_list_events (store, from, to, error);
  if (events == NULL)
    return FALSE;

  if (!tl_export_events_to_file (events, format, path, cancellable, error))
    return FALSE;

  if (out_n_events != NULL)
    *out_n_events = events->len;
  return TRUE;
}

/**
 * tl_export_events_to_file_async:
 * @events: (element-type TlEvent): the events; copied, so the caller may
 *   change them afterwards
 * @format: the format
 * @path: (type filename): the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: passed to @callback
 *
 * Writes the file in a worker thread, as tl_export_events_to_file().
 */
void
tl_export_events_to_file_async (GPtrArray           *events,
                                TlExchangeFormat     format,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTaskData *data;

  g_return_if_fail (events != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportTaskData, 1);
  /* Events on screen are changed by the main thread: the worker gets its
   * own copies. */
  data->events = g_ptr_array_new_full (events->len, g_object_unref);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (data->events, tl_event_copy (g_ptr_array_index (events, i)));
  data->format = format;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_export_events_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
tl_export_events_to_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_export_events_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
