/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tl-event-private.h"
#include "tl-report.h"
#include "tl-time.h"

/* Between reports and events: the common fields are event columns, the
 * kind-specific ones members of the details object. Reading goes through
 * the event's JSON (tl_event_to_json(), or an audit row, which has the
 * same keys) so that history and the editor read records one way. */

#define TIME_FORMAT "%Y-%m-%d %H:%M"

/* Helpers */

static gboolean
is_details_field (TlReportField field)
{
  switch (field)
    {
    case TL_REPORT_FIELD_TIME:
    case TL_REPORT_FIELD_END_TIME:
    case TL_REPORT_FIELD_PLACE:
    case TL_REPORT_FIELD_POSITION:
    case TL_REPORT_FIELD_BOATS:
    case TL_REPORT_FIELD_PEOPLE:
    case TL_REPORT_FIELD_RESCUED:
    case TL_REPORT_FIELD_DECEASED:
    case TL_REPORT_FIELD_MISSING:
    case TL_REPORT_FIELD_CASE:
    case TL_REPORT_FIELD_NOTES:
      return FALSE;
    /* Units are also a column (joined), but only details keep the list. */
    case TL_REPORT_FIELD_UNITS:
    default:
      return TRUE;
    }
}

static char *
format_iso_time (const char *iso,
                 GTimeZone  *zone)
{
  g_autoptr(GDateTime) dt = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (dt == NULL)
    return g_strdup (iso ? iso : "");
  return tl_time_format (zone, g_date_time_to_unix (dt), TIME_FORMAT);
}

/* A JSON value as the report's text for @field. */
static char *
node_to_text (JsonNode      *node,
              TlReportField  field,
              GTimeZone     *zone)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  switch (tl_report_field_get_type (field))
    {
    case TL_REPORT_TYPE_TIME:
      return format_iso_time (json_node_get_string (node), zone);
    case TL_REPORT_TYPE_FLAG:
      return g_strdup (json_node_get_boolean (node) ? "true" : "");
    case TL_REPORT_TYPE_COUNT:
    case TL_REPORT_TYPE_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case TL_REPORT_TYPE_ROUTE:
      return json_to_string (node, FALSE);
    case TL_REPORT_TYPE_LIST:
    case TL_REPORT_TYPE_CHOICES:
    case TL_REPORT_TYPE_IDS:
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          const char *sep = tl_report_field_get_type (field) == TL_REPORT_TYPE_LIST ? "\n"
                          : tl_report_field_get_type (field) == TL_REPORT_TYPE_IDS ? ", " : ",";
          GString *text = g_string_new (NULL);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (i > 0)
                g_string_append (text, sep);
              if (json_node_get_value_type (item) == G_TYPE_STRING)
                g_string_append (text, json_node_get_string (item));
              else
                g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (item));
            }
          return g_string_free (text, FALSE);
        }
      G_GNUC_FALLTHROUGH;
    case TL_REPORT_TYPE_TEXT:
    case TL_REPORT_TYPE_POSITION:
    case TL_REPORT_TYPE_CHOICE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      return json_to_string (node, FALSE);
    }
}

static void
set_member (JsonObject *object,
            const char *key,
            JsonNode   *node)
{
  if (node == NULL)
    json_object_remove_member (object, key);
  else
    json_object_set_member (object, key, node);
}

static GStrv
split_list (const char *text,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strstrip (parts[i])[0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* The report's text of @field as a details member, or NULL when empty. */
static JsonNode *
text_to_node (const TlReport      *report,
              const TlReportCheck *check,
              TlReportField        field)
{
  g_autofree char *text = g_strstrip (g_strdup (tl_report_get (report, field)));
  JsonNode *node;

  if (text[0] == '\0')
    return NULL;

  switch (tl_report_field_get_type (field))
    {
    case TL_REPORT_TYPE_COUNT:
      if (check->counts[field] == TL_COUNT_UNKNOWN)
        return NULL;
      node = json_node_init_int (json_node_alloc (), check->counts[field]);
      return node;
    case TL_REPORT_TYPE_FLAG:
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case TL_REPORT_TYPE_TIME:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (check->on_scene_time);
        g_autofree char *iso = dt ? g_date_time_format_iso8601 (dt) : NULL;

        /* On-scene time is the only time kept in details. */
        if (check->on_scene_time == TL_TIME_NONE || iso == NULL)
          return NULL;
        return json_node_init_string (json_node_alloc (), iso);
      }
    case TL_REPORT_TYPE_ROUTE:
      return json_from_string (text, NULL);
    case TL_REPORT_TYPE_LIST:
    case TL_REPORT_TYPE_CHOICES:
    case TL_REPORT_TYPE_IDS:
      {
        g_auto(GStrv) items = split_list (text, tl_report_field_get_type (field) == TL_REPORT_TYPE_LIST
                                                ? "\n" : ", ");
        JsonArray *array = json_array_new ();

        for (guint i = 0; items[i] != NULL; i++)
          if (tl_report_field_get_type (field) == TL_REPORT_TYPE_IDS)
            json_array_add_int_element (array, g_ascii_strtoll (items[i], NULL, 10));
          else
            json_array_add_string_element (array, items[i]);
        return json_node_init_array (json_node_alloc (), array);
      }
    case TL_REPORT_TYPE_TEXT:
    case TL_REPORT_TYPE_POSITION:
    case TL_REPORT_TYPE_CHOICE:
    case TL_REPORT_TYPE_ID:
    default:
      return json_node_init_string (json_node_alloc (), text);
    }
}

/* Public API */

/**
 * tl_report_new_from_event_json:
 * @json: an event as tl_event_to_json() or an audit row writes it
 * @zone: the zone times are shown in
 * @format: how positions are written
 * @error: return location for a #JSON_PARSER_ERROR
 *
 * Returns: (transfer full) (nullable): the event as the editor shows it
 */
TlReport *
tl_report_new_from_event_json (const char          *json,
                               GTimeZone           *zone,
                               TlCoordinateFormat   format,
                               GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(TlReport) report = NULL;
  JsonObject *object, *details = NULL;
  TlEventKind kind;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !tl_event_kind_from_string (json_object_get_string_member_with_default (
                                    json_node_get_object (json_parser_get_root (parser)), "kind", ""),
                                  &kind))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The record is not a report"));
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "details") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "details")))
    details = json_object_get_object_member (object, "details");

  report = tl_report_new (kind);
  report->event_id = json_object_get_int_member_with_default (object, "id", 0);
  report->revision = json_object_get_int_member_with_default (object, "revision", 0);

  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    {
      const char *key = tl_report_field_get_key (f);
      JsonNode *node = NULL;
      g_autofree char *text = NULL;

      if (f == TL_REPORT_FIELD_POSITION)
        {
          JsonNode *lat = json_object_get_member (object, "latitude");
          JsonNode *lon = json_object_get_member (object, "longitude");

          if (lat != NULL && lon != NULL && !JSON_NODE_HOLDS_NULL (lat) && !JSON_NODE_HOLDS_NULL (lon))
            text = tl_coordinates_format (json_node_get_double (lat), json_node_get_double (lon), format);
        }
      else if (f == TL_REPORT_FIELD_UNITS && (details == NULL || !json_object_has_member (details, key)))
        node = json_object_get_member (object, "unit");
      else if (is_details_field (f))
        node = details ? json_object_get_member (details, key) : NULL;
      else
        node = json_object_get_member (object, key);

      if (text == NULL)
        text = node_to_text (node, f, zone);
      tl_report_set (report, f, text);
    }

  return g_steal_pointer (&report);
}

/**
 * tl_report_new_from_event:
 * @event: a record
 * @zone: the zone times are shown in
 * @format: how positions are written
 *
 * Returns: (transfer full): @event as the editor shows it
 */
TlReport *
tl_report_new_from_event (TlEvent            *event,
                          GTimeZone          *zone,
                          TlCoordinateFormat  format)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (TL_IS_EVENT (event), NULL);

  json = tl_event_to_json (event);
  return tl_report_new_from_event_json (json, zone, format, NULL);
}

/**
 * tl_report_new_from_audit:
 * @audit: (element-type TlAuditEntry): a record's audit rows, oldest
 *   first, as tl_store_list_audit() returns them
 * @revision: the revision wanted
 * @zone: the zone times are shown in
 * @format: how positions are written
 *
 * The record as it was at @revision, from the audit row that wrote it:
 * what a draft of an edit was typed over, so that a merge applies only
 * what the officer changed.
 *
 * Returns: (transfer full) (nullable): the report at @revision, or %NULL
 *   if no audit row wrote that revision
 */
TlReport *
tl_report_new_from_audit (GPtrArray          *audit,
                          gint64              revision,
                          GTimeZone          *zone,
                          TlCoordinateFormat  format)
{
  g_return_val_if_fail (audit != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  /* Newest first: a record deleted and restored may have written the
   * same revision twice, and only the later one is what was edited. */
  for (guint i = audit->len; i-- > 0;)
    {
      TlAuditEntry *entry = audit->pdata[i];
      g_autoptr(TlReport) report = NULL;

      if (entry->after == NULL)
        continue;
      report = tl_report_new_from_event_json (entry->after, zone, format, NULL);
      if (report != NULL && report->revision == revision)
        return g_steal_pointer (&report);
    }

  return NULL;
}

/**
 * tl_report_to_event:
 * @report: the values as entered
 * @check: the result of a successful tl_report_validate() of @report
 * @base: (nullable): the record being edited, or %NULL for a new one
 *
 * Details members that the form does not know (imported, or written by a
 * newer version) are kept as they were. The event is at the revision
 * the report was read at, not @base's: a draft restored over a record
 * changed since keeps its own, so that saving it is a conflict rather
 * than a silent overwrite.
 *
 * Returns: (transfer full): an event to save: a copy of @base with the
 *   report applied, or a new event
 */
TlEvent *
tl_report_to_event (const TlReport      *report,
                    const TlReportCheck *check,
                    TlEvent             *base)
{
  return tl_report_to_event_from (report, NULL, check, base);
}

/* Whether @field is as it was loaded: then the stored value is kept. */
static gboolean
untouched (const TlReport *report,
           const TlReport *loaded,
           TlReportField   field)
{
  return loaded != NULL && tl_report_field_equal (report, loaded, field);
}

/**
 * tl_report_to_event_from:
 * @report: the values as entered
 * @loaded: (nullable): the values as the form showed @base before any
 *   change (tl_report_new_from_event())
 * @check: the result of a successful tl_report_validate() of @report
 * @base: (nullable): the record being edited, or %NULL for a new one
 *
 * tl_report_to_event(), writing back bit for bit every field of @base
 * that the officer did not change: the form shows times to the minute and
 * positions to the precision of its format, and reading that text back
 * would round what another desk or an import stored.
 *
 * Returns: (transfer full): an event to save
 */
TlEvent *
tl_report_to_event_from (const TlReport      *report,
                         const TlReport      *loaded,
                         const TlReportCheck *check,
                         TlEvent             *base)
{
  g_autoptr(JsonObject) details = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *details_json = NULL;
  g_autofree char *place = NULL, *notes = NULL, *unit = NULL;
  g_auto(GStrv) units = NULL;
  gboolean details_changed = FALSE;
  TlEvent *event;

  g_return_val_if_fail (report != NULL && check != NULL, NULL);

  event = base ? tl_event_copy (base) : tl_event_new (report->kind);
  g_object_freeze_notify (G_OBJECT (event));

  if (base == NULL || loaded == NULL || loaded->kind != report->kind)
    loaded = NULL;

  tl_event_set_kind (event, report->kind);
  if (base != NULL && report->revision > 0)
    tl_event_set_revision (event, report->revision);
  if (!untouched (report, loaded, TL_REPORT_FIELD_TIME))
    tl_event_set_time (event, check->time);
  if (!untouched (report, loaded, TL_REPORT_FIELD_END_TIME))
    tl_event_set_end_time (event, check->end_time);
  if (untouched (report, loaded, TL_REPORT_FIELD_POSITION))
    ;
  else if (check->has_position)
    tl_event_set_position (event, check->latitude, check->longitude);
  else
    tl_event_clear_position (event);

  if (!untouched (report, loaded, TL_REPORT_FIELD_PLACE))
    {
      place = g_strstrip (g_strdup (tl_report_get (report, TL_REPORT_FIELD_PLACE)));
      tl_event_set_place (event, place[0] ? place : NULL);
    }
  if (!untouched (report, loaded, TL_REPORT_FIELD_NOTES))
    {
      notes = g_strstrip (g_strdup (tl_report_get (report, TL_REPORT_FIELD_NOTES)));
      tl_event_set_notes (event, notes[0] ? notes : NULL);
    }
  if (!untouched (report, loaded, TL_REPORT_FIELD_UNITS))
    {
      units = split_list (tl_report_get (report, TL_REPORT_FIELD_UNITS), "\n");
      unit = g_strjoinv (", ", units);
      tl_event_set_unit (event, unit[0] ? unit : NULL);
    }

  if (tl_report_field_applies (TL_REPORT_FIELD_BOATS, report->kind))
    tl_event_set_boats (event, check->counts[TL_REPORT_FIELD_BOATS]);
  if (tl_report_field_applies (TL_REPORT_FIELD_PEOPLE, report->kind))
    tl_event_set_people (event, check->counts[TL_REPORT_FIELD_PEOPLE]);
  if (tl_report_field_applies (TL_REPORT_FIELD_RESCUED, report->kind))
    {
      tl_event_set_rescued (event, check->counts[TL_REPORT_FIELD_RESCUED]);
      tl_event_set_deceased (event, check->counts[TL_REPORT_FIELD_DECEASED]);
      tl_event_set_missing (event, check->counts[TL_REPORT_FIELD_MISSING]);
    }
  if (tl_report_field_applies (TL_REPORT_FIELD_CASE, report->kind) &&
      !untouched (report, loaded, TL_REPORT_FIELD_CASE))
    tl_event_set_case_id (event, check->case_id);

  if (base == NULL)
    {
      gboolean open_ended = report->kind == TL_EVENT_KIND_RESCUE || report->kind == TL_EVENT_KIND_PATROL;

      tl_event_set_status (event, !open_ended ? TL_EVENT_STATUS_REPORTED
                                  : check->end_time == TL_TIME_NONE ? TL_EVENT_STATUS_ONGOING
                                  : TL_EVENT_STATUS_CLOSED);
    }

  /* Details: start from what is stored, so unknown members survive. */
  if (tl_event_get_details (event) != NULL)
    {
      g_autoptr(JsonNode) old = json_from_string (tl_event_get_details (event), NULL);

      if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
        details = json_object_ref (json_node_get_object (old));
    }
  if (details == NULL)
    details = json_object_new ();

  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    if (is_details_field (f) && tl_report_field_applies (f, report->kind))
      {
        if (untouched (report, loaded, f))
          continue;
        set_member (details, tl_report_field_get_key (f), text_to_node (report, check, f));
        details_changed = TRUE;
      }

  /* Details the officer did not touch stay the very text stored. */
  if (loaded != NULL && !details_changed)
    ;
  else if (json_object_get_size (details) > 0)
    {
      root = json_node_init_object (json_node_alloc (), details);
      details_json = json_to_string (root, FALSE);
    }
  if (loaded == NULL || details_changed)
    tl_event_set_details (event, details_json);

  g_object_thaw_notify (G_OBJECT (event));
  return event;
}

/**
 * tl_report_describe_changes:
 * @before: (nullable): the record before the change, as JSON
 * @after: (nullable): the record after it, as JSON
 * @zone: the zone times are shown in
 * @format: how positions are written
 *
 * Says in words what a change did to a record, field by field, as the
 * history view lists it: “Rescued: 40 → 47”.
 *
 * Returns: (transfer container) (element-type utf8): one line per field
 *   changed; empty for a creation or a deletion
 */
GPtrArray *
tl_report_describe_changes (const char         *before,
                            const char         *after,
                            GTimeZone          *zone,
                            TlCoordinateFormat  format)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TlReport) a = NULL;
  g_autoptr(TlReport) b = NULL;
  g_autoptr(GArray) diff = NULL;

  if (before == NULL || after == NULL)
    return lines;

  a = tl_report_new_from_event_json (before, zone, format, NULL);
  b = tl_report_new_from_event_json (after, zone, format, NULL);
  if (a == NULL || b == NULL)
    return lines;

  if (a->kind != b->kind)
    /* Translators: a line of a report's history; %s are kinds of report */
    g_ptr_array_add (lines, g_strdup_printf (_("Kind: %s → %s"),
                                             tl_event_kind_get_label (a->kind),
                                             tl_event_kind_get_label (b->kind)));

  diff = tl_report_diff (a, b);
  for (guint i = 0; i < diff->len; i++)
    {
      TlReportField f = g_array_index (diff, TlReportField, i);
      g_autofree char *old_text = tl_report_format_value (a, f);
      g_autofree char *new_text = tl_report_format_value (b, f);

      /* Translators: a line of a report's history: the field, its value
       * before and after the change, as in “Rescued: 40 → 47” */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"),
                                               tl_report_field_get_label (f, b->kind),
                                               old_text, new_text));
    }

  return lines;
}
