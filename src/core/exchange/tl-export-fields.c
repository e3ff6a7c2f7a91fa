/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tl-export-fields.h"

/* What every format writer shares: the writer they append to and the text
 * of each field. tl-export.c picks a writer and owns the file. */


const char * const tl_export_field_names[TL_EXPORT_N_FIELDS] = {
  "id", "kind", "time", "end_time", "latitude", "longitude", "place",
  "boats", "people", "rescued", "deceased", "missing", "unit", "status",
  "notes", "case_id", "details",
};

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
  if (writer->fd >= 0 && writer->buf->len >= TL_EXPORT_FLUSH_SIZE)
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
