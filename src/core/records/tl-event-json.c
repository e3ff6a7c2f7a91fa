/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tl-event-private.h"

/* An event as a JSON object, for drafts and exports. The store writes its
 * audit rows with the same keys and formats (TL_STORE_EVENT_JSON). */

/* Helpers */

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 gint64       utc)
{
  g_autoptr(GDateTime) dt = NULL;

  json_builder_set_member_name (builder, name);

  if (utc != TL_TIME_NONE)
    dt = g_date_time_new_from_unix_utc (utc);

  if (dt != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (dt);
      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_count_member (JsonBuilder *builder,
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
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);

  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_details_member (JsonBuilder *builder,
                    const char  *details)
{
  g_autoptr(JsonParser) parser = NULL;

  json_builder_set_member_name (builder, "details");

  if (details == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  /* The schema only accepts valid JSON, but an event not yet saved may
   * hold anything: keep it as text rather than lose it. */
  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, details, -1, NULL) &&
      json_parser_get_root (parser) != NULL)
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_string_value (builder, details);
}

/* Public API */

/**
 * tl_event_to_json:
 * @self: a #TlEvent
 *
 * Serializes every field: times as ISO 8601 UTC strings, unknown values
 * (counts, end, position, case) as null, and the details embedded as an
 * object. The keys are the ones the store's audit rows use.
 *
 * Returns: (transfer full): a JSON object, on one line
 */
char *
tl_event_to_json (TlEvent *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  TlEventData d;
  gboolean has_position;

  g_return_val_if_fail (TL_IS_EVENT (self), NULL);

  tl_event_get_data (self, &d);
  has_position = tl_event_has_position (self);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, d.id);
  add_string_member (builder, "kind", tl_event_kind_to_string (d.kind));
  add_time_member (builder, "time", d.time);
  add_time_member (builder, "end_time", d.end_time);

  json_builder_set_member_name (builder, "latitude");
  if (has_position)
    json_builder_add_double_value (builder, d.latitude);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "longitude");
  if (has_position)
    json_builder_add_double_value (builder, d.longitude);
  else
    json_builder_add_null_value (builder);

  add_string_member (builder, "place", d.place);
  add_count_member (builder, "boats", d.boats);
  add_count_member (builder, "people", d.people);
  add_count_member (builder, "rescued", d.rescued);
  add_count_member (builder, "deceased", d.deceased);
  add_count_member (builder, "missing", d.missing);
  add_string_member (builder, "unit", d.unit);
  add_string_member (builder, "status", tl_event_status_to_string (d.status));
  add_string_member (builder, "notes", d.notes);

  json_builder_set_member_name (builder, "case_id");
  if (d.case_id != 0)
    json_builder_add_int_value (builder, d.case_id);
  else
    json_builder_add_null_value (builder);

  add_details_member (builder, d.details);

  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, d.revision);
  add_string_member (builder, "created_by", d.created_by);
  add_time_member (builder, "created_at", d.created_at);
  add_string_member (builder, "updated_by", d.updated_by);
  add_time_member (builder, "updated_at", d.updated_at);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
