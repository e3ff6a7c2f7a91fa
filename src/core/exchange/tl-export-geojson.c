/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "tl-export-fields.h"

/* GeoJSON (RFC 7946): a FeatureCollection of Points in WGS 84, longitude
 * first; an event with no position has a null geometry. The collection is
 * written feature by feature so that a big export never holds the whole
 * document as a JSON tree. */

/* Helpers */

static void
add_count (JsonBuilder *builder,
           const char  *name,
           int          count)
{
  json_builder_set_member_name (builder, name);
  if (count == TL_COUNT_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, count);
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *text)
{
  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static JsonNode *
build_feature (JsonBuilder       *builder,
               const TlEventData *d)
{
  char buf[TL_EXPORT_TEXT_SIZE];

  json_builder_reset (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Feature");
  if (d->id != 0)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, d->id);
    }

  json_builder_set_member_name (builder, "geometry");
  if (isnan (d->latitude) || isnan (d->longitude))
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "Point");
      json_builder_set_member_name (builder, "coordinates");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, d->longitude);
      json_builder_add_double_value (builder, d->latitude);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  if (d->id != 0)
    json_builder_add_int_value (builder, d->id);
  else
    json_builder_add_null_value (builder);
  add_text (builder, "kind", tl_event_kind_to_string (d->kind));
  add_text (builder, "time", tl_export_format_time (d->time, buf));
  add_text (builder, "end_time", tl_export_field_text (d, TL_EXPORT_FIELD_END_TIME, buf));
  add_text (builder, "place", d->place);
  add_count (builder, "boats", d->boats);
  add_count (builder, "people", d->people);
  add_count (builder, "rescued", d->rescued);
  add_count (builder, "deceased", d->deceased);
  add_count (builder, "missing", d->missing);
  add_text (builder, "unit", d->unit);
  add_text (builder, "status", tl_event_status_to_string (d->status));
  add_text (builder, "notes", d->notes);
  json_builder_set_member_name (builder, "case_id");
  if (d->case_id != 0)
    json_builder_add_int_value (builder, d->case_id);
  else
    json_builder_add_null_value (builder);
  /* As text, like the other formats: GIS tools show a flat string field,
   * and the import gives back the very same text. */
  add_text (builder, "details", d->details);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Internal API */

void
tl_export_write_geojson (TlExportWriter *writer,
                         GPtrArray      *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  tl_export_writer_append (writer, "{\"type\":\"FeatureCollection\",\"features\":[", -1);

  for (guint i = 0; i < events->len && writer->error == NULL; i++)
    {
      g_autoptr(JsonNode) feature = NULL;
      g_autofree char *text = NULL;
      TlEventData data;
      gsize len;

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      feature = build_feature (builder, &data);
      json_generator_set_root (generator, feature);
      text = json_generator_to_data (generator, &len);

      tl_export_writer_append (writer, i == 0 ? "\n" : ",\n", -1);
      tl_export_writer_append (writer, text, (gssize) len);
    }

  tl_export_writer_append (writer, "\n]}\n", -1);
}
