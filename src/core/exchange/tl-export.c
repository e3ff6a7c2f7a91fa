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

#include "tl-export-private.h"

/* Writing events out: the formats, the file (a temporary file renamed over
 * the target only once it is complete, so a failed export never leaves a
 * half file where a good one was) and the text of each field. */

/* Blocks written to the file at once. */
#define FLUSH_SIZE (256 * 1024)

const char * const tl_export_field_names[TL_EXPORT_N_FIELDS] = {
  "id", "kind", "time", "end_time", "latitude", "longitude", "place",
  "boats", "people", "rescued", "deceased", "missing", "unit", "status",
  "notes", "case_id", "details",
};

static const struct {
  const char *name;
  const char *extension;
  const char *label;
  const char *mime_type;
} formats[] = {
  [TL_EXCHANGE_FORMAT_CSV] = { "csv", "csv", N_("CSV (spreadsheets)"), "text/csv" },
  [TL_EXCHANGE_FORMAT_GEOJSON] = { "geojson", "geojson", N_("GeoJSON (GIS)"), "application/geo+json" },
  [TL_EXCHANGE_FORMAT_KML] = { "kml", "kml", N_("KML (Google Earth)"), "application/vnd.google-earth.kml+xml" },
  [TL_EXCHANGE_FORMAT_GPX] = { "gpx", "gpx", N_("GPX (chart plotters, GPS)"), "application/gpx+xml" },
};

G_DEFINE_QUARK (tl-export-error-quark, tl_export_error)

/* Helpers */

void
tl_export_writer_flush (TlExportWriter *writer)
{
  gsize done = 0;

  if (writer->fd < 0 || writer->error != NULL)
    return;

  while (done < writer->buf->len)
    {
      gssize n = write (writer->fd, writer->buf->str + done, writer->buf->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (&writer->error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_IO,
                       /* Translators: "Could not write “x.csv”: No space left on device" */
                       _("Could not write “%s”: %s"), writer->display_name, g_strerror (saved));
          break;
        }
      done += (gsize) n;
    }

  g_string_truncate (writer->buf, 0);
}

void
tl_export_writer_append (TlExportWriter *writer,
                         const char     *data,
                         gssize          len)
{
  if (writer->error != NULL)
    return;

  g_string_append_len (writer->buf, data, len < 0 ? (gssize) strlen (data) : len);
  if (writer->fd >= 0 && writer->buf->len >= FLUSH_SIZE)
    tl_export_writer_flush (writer);
}

/* The shortest text that reads back as the same double, so that an export
 * imported again gives the very same position. */
const char *
tl_export_format_double (double value,
                         char   buf[TL_EXPORT_TEXT_SIZE])
{
  static const char * const precisions[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (precisions); i++)
    {
      g_ascii_formatd (buf, TL_EXPORT_TEXT_SIZE, precisions[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return buf;
}

/* ISO 8601 in UTC ("2026-11-26T14:05:00Z"), computed directly: a
 * GDateTime per field would dominate the cost of a big export. */
const char *
tl_export_format_time (gint64 utc,
                       char   buf[TL_EXPORT_TEXT_SIZE])
{
  gint64 days = utc >= 0 ? utc / 86400 : (utc - 86399) / 86400;
  gint64 secs = utc - days * 86400;
  /* Howard Hinnant's civil_from_days */
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;
  gint64 y = yoe + era * 400 + (m <= 2);

  g_snprintf (buf, TL_EXPORT_TEXT_SIZE,
              "%04" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT
              "T%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT "Z",
              y, m, d, secs / 3600, secs / 60 % 60, secs % 60);
  return buf;
}

static const char *
count_text (int  count,
            char buf[TL_EXPORT_TEXT_SIZE])
{
  if (count == TL_COUNT_UNKNOWN)
    return NULL;

  g_snprintf (buf, TL_EXPORT_TEXT_SIZE, "%d", count);
  return buf;
}

/**
 * tl_export_field_text:
 * @data: the event
 * @field: which field
 * @buf: room for numbers and times
 *
 * Returns: (nullable): the field as text, or %NULL when it has no value
 *   (unknown count, no position, no end): exports write such fields empty
 *   or leave them out, and the importer reads that back as unknown.
 */
const char *
tl_export_field_text (const TlEventData *data,
                      TlExportField      field,
                      char               buf[TL_EXPORT_TEXT_SIZE])
{
  gboolean has_position = !isnan (data->latitude) && !isnan (data->longitude);

  switch (field)
    {
    case TL_EXPORT_FIELD_ID:
      /* An event not yet saved has no id; 0 would make every such row
       * look like the same one to the importer. */
      if (data->id == 0)
        return NULL;
      g_snprintf (buf, TL_EXPORT_TEXT_SIZE, "%" G_GINT64_FORMAT, data->id);
      return buf;
    case TL_EXPORT_FIELD_KIND:
      return tl_event_kind_to_string (data->kind);
    case TL_EXPORT_FIELD_TIME:
      return tl_export_format_time (data->time, buf);
    case TL_EXPORT_FIELD_END_TIME:
      return data->end_time == TL_TIME_NONE ? NULL : tl_export_format_time (data->end_time, buf);
    case TL_EXPORT_FIELD_LATITUDE:
      return has_position ? tl_export_format_double (data->latitude, buf) : NULL;
    case TL_EXPORT_FIELD_LONGITUDE:
      return has_position ? tl_export_format_double (data->longitude, buf) : NULL;
    case TL_EXPORT_FIELD_PLACE:
      return data->place;
    case TL_EXPORT_FIELD_BOATS:
      return count_text (data->boats, buf);
    case TL_EXPORT_FIELD_PEOPLE:
      return count_text (data->people, buf);
    case TL_EXPORT_FIELD_RESCUED:
      return count_text (data->rescued, buf);
    case TL_EXPORT_FIELD_DECEASED:
      return count_text (data->deceased, buf);
    case TL_EXPORT_FIELD_MISSING:
      return count_text (data->missing, buf);
    case TL_EXPORT_FIELD_UNIT:
      return data->unit;
    case TL_EXPORT_FIELD_STATUS:
      return tl_event_status_to_string (data->status);
    case TL_EXPORT_FIELD_NOTES:
      return data->notes;
    case TL_EXPORT_FIELD_CASE_ID:
      if (data->case_id == 0)
        return NULL;
      g_snprintf (buf, TL_EXPORT_TEXT_SIZE, "%" G_GINT64_FORMAT, data->case_id);
      return buf;
    case TL_EXPORT_FIELD_DETAILS:
      return data->details;
    case TL_EXPORT_N_FIELDS:
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/* A placemark's or waypoint's name: what a map shows beside the point. */
char *
tl_export_event_title (const TlEventData *data)
{
  const char *label = tl_event_kind_get_label (data->kind);

  if (data->place != NULL && *data->place != '\0')
    /* Translators: a map label, "Sighting — Calais" */
    return g_strdup_printf (_("%s — %s"), label, data->place);

  return g_strdup (label);
}

/* details.route, [[lon, lat], …], as pairs of doubles (lon, lat), or
 * NULL when there is none or it is not an array of pairs. */
GArray *
tl_export_parse_route (const char *details)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) points = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *route;

  if (details == NULL || strstr (details, "\"route\"") == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, details, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "route") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "route")))
    return NULL;

  route = json_object_get_array_member (object, "route");
  points = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < json_array_get_length (route); i++)
    {
      JsonNode *node = json_array_get_element (route, i);
      JsonArray *pair;
      double lon, lat;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (pair = json_node_get_array (node)) < 2)
        return NULL;

      lon = json_array_get_double_element (pair, 0);
      lat = json_array_get_double_element (pair, 1);
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
        return NULL;
      g_array_append_val (points, lon);
      g_array_append_val (points, lat);
    }

  return points->len >= 4 ? g_steal_pointer (&points) : NULL;
}

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

const char *
tl_exchange_format_to_string (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return formats[format].name;
}

/**
 * tl_exchange_format_from_string:
 * @str: (nullable): "csv", "geojson", "kml" or "gpx", in any case
 * @out_format: (out): the format
 *
 * Returns: whether @str names a format
 */
gboolean
tl_exchange_format_from_string (const char       *str,
                                TlExchangeFormat *out_format)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (str, formats[i].name) == 0)
      {
        *out_format = i;
        return TRUE;
      }

  return FALSE;
}

const char *
tl_exchange_format_get_extension (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return formats[format].extension;
}

/* Returns: (transfer none): the translated name shown in format choosers. */
const char *
tl_exchange_format_get_label (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return _(formats[format].label);
}

const char *
tl_exchange_format_get_mime_type (TlExchangeFormat format)
{
  g_return_val_if_fail (format < TL_EXCHANGE_N_FORMATS, NULL);
  return formats[format].mime_type;
}

/**
 * tl_exchange_format_guess:
 * @filename: a file name
 * @out_format: (out): the format its extension names
 *
 * Knows .csv, .tsv and .txt (CSV), .geojson and .json, .kml and .gpx.
 *
 * Returns: whether the extension is known
 */
gboolean
tl_exchange_format_guess (const char       *filename,
                          TlExchangeFormat *out_format)
{
  const char *dot = strrchr (filename, '.');

  if (dot == NULL)
    return FALSE;
  dot++;

  if (g_ascii_strcasecmp (dot, "tsv") == 0 || g_ascii_strcasecmp (dot, "txt") == 0)
    {
      *out_format = TL_EXCHANGE_FORMAT_CSV;
      return TRUE;
    }
  if (g_ascii_strcasecmp (dot, "json") == 0)
    {
      *out_format = TL_EXCHANGE_FORMAT_GEOJSON;
      return TRUE;
    }

  return tl_exchange_format_from_string (dot, out_format);
}

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
 * one, never a part. Safe to call from a worker thread on events no other
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
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_io_error (error, display, errno);
      return FALSE;
    }

  writer.buf = g_string_sized_new (FLUSH_SIZE + 4096);
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
