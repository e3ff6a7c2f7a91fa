/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tl-report.h"

/* The fields of every kind of report, their choices, and the operations
 * that treat a report as a row of texts: copy, compare, merge, drafts. */

#define K(kind) (1u << TL_EVENT_KIND_##kind)
#define DEP (K (DEPARTURE) | K (SIGHTING))
#define RES K (RESCUE)
#define PAT K (PATROL)
#define INT (K (INTERCEPTION) | K (ARRIVAL))
#define ALL (DEP | RES | PAT | INT)

typedef struct {
  const char *id;       /* stored in details and drafts: never changes */
  const char *context;  /* the translation context of @label, or NULL */
  const char *label;    /* translated when shown */
} Choice;

/* Ids follow the demo generator's and importers' details keys. */
static const Choice patrol_kinds[] = {
  { "sea", "patrol kind", NC_("patrol kind", "Sea") },
  { "shore", "patrol kind", NC_("patrol kind", "Shore") },
  { "air", "patrol kind", NC_("patrol kind", "Air") },
  { NULL, NULL, NULL }
};
static const Choice sources[] = {
  { "shore_patrol", NULL, N_("Shore patrol") },
  { "aerial", NULL, N_("Aerial surveillance") },
  { "camera", NULL, N_("Camera") },
  { "partner_agency", NULL, N_("Partner agency") },
  { "public", NULL, N_("Member of the public") },
  { NULL, NULL, NULL }
};
static const Choice confidences[] = {
  { "confirmed", "confidence", NC_("confidence", "Confirmed") },
  { "probable", "confidence", NC_("confidence", "Probable") },
  { "unverified", "confidence", NC_("confidence", "Unverified") },
  { NULL, NULL, NULL }
};
static const Choice shore_actions[] = {
  { "none", "action on shore", NC_("action on shore", "None") },
  { "deterred", NULL, N_("Launch deterred") },
  { "boat_disabled", NULL, N_("Boat disabled") },
  { "people_returned", NULL, N_("People returned to shore") },
  { NULL, NULL, NULL }
};
static const Choice boat_types[] = {
  { "inflatable", NULL, N_("Inflatable") },
  { "rhib", NULL, N_("RHIB") },
  { "kayak", NULL, N_("Kayak") },
  { "other", "boat type", NC_("boat type", "Other") },
  { NULL, NULL, NULL }
};
static const Choice conditions[] = {
  { "deflating", NULL, N_("Deflating") },
  { "engine_failure", NULL, N_("Engine failure") },
  { "people_in_water", NULL, N_("People in the water") },
  { NULL, NULL, NULL }
};
static const Choice outcomes[] = {
  { "landed_uk", NULL, N_("Landed in the UK") },
  { "returned_fr", NULL, N_("Returned to France") },
  { "split", NULL, N_("Some landed, some returned") },
  { "escorted", NULL, N_("Escorted, continued") },
  { "stood_down", NULL, N_("Stood down, no contact") },
  { "ongoing", "outcome", NC_("outcome", "Still ongoing") },
  { NULL, NULL, NULL }
};

typedef struct {
  const char    *key;
  const char    *label;
  TlReportType   type;
  guint          kinds;
  guint          required;
  const Choice  *choices;
} FieldInfo;

static const FieldInfo fields[TL_REPORT_N_FIELDS] = {
  [TL_REPORT_FIELD_TIME] = { "time", N_("Time"), TL_REPORT_TYPE_TIME, ALL, ALL, NULL },
  [TL_REPORT_FIELD_ON_SCENE_TIME] = { "on_scene_time", N_("On-scene time"), TL_REPORT_TYPE_TIME, RES, 0, NULL },
  [TL_REPORT_FIELD_END_TIME] = { "end_time", N_("End time"), TL_REPORT_TYPE_TIME, RES | PAT, 0, NULL },
  [TL_REPORT_FIELD_PLACE] = { "place", N_("Place"), TL_REPORT_TYPE_TEXT, DEP | INT, 0, NULL },
  [TL_REPORT_FIELD_POSITION] = { "position", N_("Position"), TL_REPORT_TYPE_POSITION, ALL, RES, NULL },
  [TL_REPORT_FIELD_ROUTE] = { "route", N_("Route"), TL_REPORT_TYPE_ROUTE, PAT, 0, NULL },
  [TL_REPORT_FIELD_PATROL_KIND] = { "patrol_kind", N_("Kind of patrol"), TL_REPORT_TYPE_CHOICE, PAT, PAT, patrol_kinds },
  [TL_REPORT_FIELD_UNITS] = { "units", N_("Units"), TL_REPORT_TYPE_LIST, ALL, RES | PAT, NULL },
  [TL_REPORT_FIELD_SOURCE] = { "source", N_("Source"), TL_REPORT_TYPE_CHOICE, DEP, 0, sources },
  [TL_REPORT_FIELD_CONFIDENCE] = { "confidence", N_("Confidence"), TL_REPORT_TYPE_CHOICE, DEP, 0, confidences },
  [TL_REPORT_FIELD_BOATS] = { "boats", N_("Boats"), TL_REPORT_TYPE_COUNT, DEP | INT, 0, NULL },
  [TL_REPORT_FIELD_PEOPLE] = { "people", N_("People"), TL_REPORT_TYPE_COUNT, DEP | RES | INT, 0, NULL },
  [TL_REPORT_FIELD_RESCUED] = { "rescued", N_("Rescued"), TL_REPORT_TYPE_COUNT, RES, 0, NULL },
  [TL_REPORT_FIELD_LANDED_UK] = { "landed_uk", N_("Landed in the UK"), TL_REPORT_TYPE_COUNT, RES, 0, NULL },
  [TL_REPORT_FIELD_RETURNED_FR] = { "returned_fr", N_("Returned to France"), TL_REPORT_TYPE_COUNT, RES, 0, NULL },
  [TL_REPORT_FIELD_DECEASED] = { "deceased", N_("Deceased"), TL_REPORT_TYPE_COUNT, RES, 0, NULL },
  [TL_REPORT_FIELD_MISSING] = { "missing", N_("Missing"), TL_REPORT_TYPE_COUNT, RES, 0, NULL },
  [TL_REPORT_FIELD_MEDEVAC] = { "medevac", N_("Medical evacuations"), TL_REPORT_TYPE_COUNT, RES, 0, NULL },
  [TL_REPORT_FIELD_TAXI_BOAT] = { "taxi_boat", N_("Taxi-boat pick-up"), TL_REPORT_TYPE_FLAG, DEP, 0, NULL },
  [TL_REPORT_FIELD_SHORE_ACTION] = { "action_on_shore", N_("Action on shore"), TL_REPORT_TYPE_CHOICE, DEP, 0, shore_actions },
  [TL_REPORT_FIELD_BOAT_TYPE] = { "boat_type", N_("Boat type"), TL_REPORT_TYPE_CHOICE, RES, 0, boat_types },
  [TL_REPORT_FIELD_CONDITIONS] = { "conditions", N_("Condition"), TL_REPORT_TYPE_CHOICES, RES, 0, conditions },
  [TL_REPORT_FIELD_OUTCOME] = { "outcome", N_("Outcome"), TL_REPORT_TYPE_CHOICE, RES | INT, 0, outcomes },
  [TL_REPORT_FIELD_LANDED_AT] = { "taken_to", N_("Where people were landed"), TL_REPORT_TYPE_TEXT, RES | INT, 0, NULL },
  [TL_REPORT_FIELD_OBSERVED] = { "observed", N_("What was observed"), TL_REPORT_TYPE_TEXT, PAT, 0, NULL },
  [TL_REPORT_FIELD_LINKED] = { "linked", N_("Linked reports"), TL_REPORT_TYPE_IDS, PAT, 0, NULL },
  [TL_REPORT_FIELD_CASE] = { "case_id", N_("Case"), TL_REPORT_TYPE_ID, DEP | RES | INT, 0, NULL },
  [TL_REPORT_FIELD_NOTES] = { "notes", N_("Notes"), TL_REPORT_TYPE_TEXT, ALL, 0, NULL },
};

/* Fields and choices */

TlReportType
tl_report_field_get_type (TlReportField field)
{
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, TL_REPORT_TYPE_TEXT);
  return fields[field].type;
}

/**
 * tl_report_field_get_key:
 *
 * Returns: the stable name of @field in drafts and in an event's details.
 */
const char *
tl_report_field_get_key (TlReportField field)
{
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, NULL);
  return fields[field].key;
}

/**
 * tl_report_field_get_label:
 *
 * Returns: the translated name of @field as the form of @kind shows it.
 */
const char *
tl_report_field_get_label (TlReportField field,
                           TlEventKind   kind)
{
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, NULL);

  /* The one field whose meaning changes with the kind of report. */
  if (field == TL_REPORT_FIELD_TIME)
    switch (kind)
      {
      case TL_EVENT_KIND_DEPARTURE:
      case TL_EVENT_KIND_SIGHTING:
        return _("Time observed");
      case TL_EVENT_KIND_RESCUE:
        return _("Alert time");
      case TL_EVENT_KIND_PATROL:
        return C_("patrol", "Start time");
      case TL_EVENT_KIND_INTERCEPTION:
      case TL_EVENT_KIND_ARRIVAL:
      case TL_EVENT_N_KINDS:
      default:
        break;
      }
  if (field == TL_REPORT_FIELD_UNITS && kind != TL_EVENT_KIND_RESCUE)
    return C_("single unit", "Unit");
  if (field == TL_REPORT_FIELD_UNITS)
    return _("Responding units");
  if (field == TL_REPORT_FIELD_PEOPLE && kind == TL_EVENT_KIND_RESCUE)
    return _("People on board");

  return _(fields[field].label);
}

gboolean
tl_report_field_applies (TlReportField field,
                         TlEventKind   kind)
{
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, FALSE);
  return (fields[field].kinds & (1u << kind)) != 0;
}

gboolean
tl_report_field_is_required (TlReportField field,
                             TlEventKind   kind)
{
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, FALSE);
  return (fields[field].required & (1u << kind)) != 0;
}

guint
tl_report_choice_count (TlReportField field)
{
  guint n = 0;

  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, 0);
  if (fields[field].choices != NULL)
    while (fields[field].choices[n].id != NULL)
      n++;
  return n;
}

const char *
tl_report_choice_get_id (TlReportField field,
                         guint         index)
{
  g_return_val_if_fail (index < tl_report_choice_count (field), NULL);
  return fields[field].choices[index].id;
}

/**
 * tl_report_choice_get_label:
 *
 * Returns: the translated label of choice @index of @field.
 */
const char *
tl_report_choice_get_label (TlReportField field,
                            guint         index)
{
  const char *label;

  g_return_val_if_fail (index < tl_report_choice_count (field), NULL);

  label = fields[field].choices[index].label;
  if (fields[field].choices[index].context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, fields[field].choices[index].context, label);
  return _(label);
}

/**
 * tl_report_choice_find:
 *
 * Returns: the index of choice @id of @field, or -1
 */
int
tl_report_choice_find (TlReportField  field,
                       const char    *id)
{
  guint n = tl_report_choice_count (field);

  for (guint i = 0; i < n && id != NULL; i++)
    if (g_str_equal (fields[field].choices[i].id, id))
      return (int) i;
  return -1;
}

/**
 * tl_report_default_units:
 *
 * Returns: (transfer none) (array zero-terminated=1): the units offered
 *   before any are added, by their keys (tl_unit_get_label() shows them).
 */
const char * const *
tl_report_default_units (void)
{
  return tl_units_get_offered ();
}

/* Reports */

/**
 * tl_report_new:
 * @kind: the kind of report
 *
 * Returns: (transfer full): an empty report
 */
TlReport *
tl_report_new (TlEventKind kind)
{
  TlReport *report = g_new0 (TlReport, 1);

  report->kind = kind;
  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    report->values[i] = g_strdup ("");
  return report;
}

/**
 * tl_report_copy:
 *
 * Returns: (transfer full): a copy of @report
 */
TlReport *
tl_report_copy (const TlReport *report)
{
  TlReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_new0 (TlReport, 1);
  copy->kind = report->kind;
  copy->event_id = report->event_id;
  copy->revision = report->revision;
  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    copy->values[i] = g_strdup (report->values[i]);
  return copy;
}

void
tl_report_free (TlReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    g_free (report->values[i]);
  g_free (report);
}

/**
 * tl_report_get:
 *
 * Returns: the text of @field, never %NULL
 */
const char *
tl_report_get (const TlReport *report,
               TlReportField   field)
{
  g_return_val_if_fail (report != NULL && field < TL_REPORT_N_FIELDS, "");
  return report->values[field];
}

void
tl_report_set (TlReport      *report,
               TlReportField  field,
               const char    *value)
{
  g_return_if_fail (report != NULL && field < TL_REPORT_N_FIELDS);
  g_free (report->values[field]);
  report->values[field] = g_strdup (value != NULL ? value : "");
}

/* Leading and trailing blanks are not a change anybody means. */
gboolean
tl_report_field_equal (const TlReport *a,
                       const TlReport *b,
                       TlReportField   field)
{
  g_autofree char *x = g_strstrip (g_strdup (a->values[field]));
  g_autofree char *y = g_strstrip (g_strdup (b->values[field]));

  return g_str_equal (x, y);
}

gboolean
tl_report_equal (const TlReport *a,
                 const TlReport *b)
{
  g_autoptr(GArray) diff = tl_report_diff (a, b);

  return a->kind == b->kind && diff->len == 0;
}

/**
 * tl_report_diff:
 *
 * Returns: (transfer full) (element-type TlReportField): the fields of
 *   @b's kind whose text differs between @a and @b
 */
GArray *
tl_report_diff (const TlReport *a,
                const TlReport *b)
{
  GArray *diff = g_array_new (FALSE, FALSE, sizeof (TlReportField));

  g_return_val_if_fail (a != NULL && b != NULL, diff);

  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    if (tl_report_field_applies (f, b->kind) && !tl_report_field_equal (a, b, f))
      g_array_append_val (diff, f);
  return diff;
}

/**
 * tl_report_merge:
 * @base: the record as the officer opened it
 * @theirs: the record as someone else saved it meanwhile
 * @mine: the officer's edit of @base
 *
 * Applies the officer's changes (the fields where @mine differs from
 * @base) over @theirs; every other field keeps their value. Where both
 * changed a field, the officer's value wins: they chose it, looking at
 * the conflict view.
 *
 * Returns: (transfer full): the merged report, at @theirs' revision
 */
TlReport *
tl_report_merge (const TlReport *base,
                 const TlReport *theirs,
                 const TlReport *mine)
{
  TlReport *merged;

  g_return_val_if_fail (base != NULL && theirs != NULL && mine != NULL, NULL);

  merged = tl_report_copy (theirs);
  merged->kind = mine->kind;
  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    if (!tl_report_field_equal (base, mine, f))
      tl_report_set (merged, f, mine->values[f]);
  return merged;
}

/**
 * tl_report_format_value:
 *
 * Returns: (transfer full): @field as shown in history and conflict
 *   views: choices by their label, flags as yes or no, “—” when empty
 */
char *
tl_report_format_value (const TlReport *report,
                        TlReportField   field)
{
  g_autofree char *text = g_strstrip (g_strdup (tl_report_get (report, field)));

  if (text[0] == '\0')
    /* Translators: shown for a field with no value */
    return g_strdup (_("—"));

  switch (fields[field].type)
    {
    case TL_REPORT_TYPE_CHOICE:
      {
        int i = tl_report_choice_find (field, text);
        return g_strdup (i >= 0 ? tl_report_choice_get_label (field, i) : text);
      }
    case TL_REPORT_TYPE_CHOICES:
      {
        g_auto(GStrv) ids = g_strsplit (text, ",", -1);
        g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
        g_auto(GStrv) strv = NULL;

        for (guint k = 0; ids[k] != NULL; k++)
          {
            int i = tl_report_choice_find (field, g_strstrip (ids[k]));
            g_strv_builder_add (labels, i >= 0 ? tl_report_choice_get_label (field, i) : ids[k]);
          }
        strv = g_strv_builder_end (labels);
        return g_strjoinv (", ", strv);
      }
    case TL_REPORT_TYPE_FLAG:
      return g_strdup (g_str_equal (text, "true") ? _("Yes") : _("No"));
    case TL_REPORT_TYPE_LIST:
      return g_strdelimit (g_steal_pointer (&text), "\n", ',');
    case TL_REPORT_TYPE_ROUTE:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        guint n = 0;

        if (json_parser_load_from_data (parser, text, -1, NULL) &&
            JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
          n = json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", n), n);
      }
    case TL_REPORT_TYPE_TEXT:
    case TL_REPORT_TYPE_TIME:
    case TL_REPORT_TYPE_POSITION:
    case TL_REPORT_TYPE_COUNT:
    case TL_REPORT_TYPE_IDS:
    case TL_REPORT_TYPE_ID:
    default:
      return g_steal_pointer (&text);
    }
}

/**
 * tl_report_to_text:
 *
 * Returns: (transfer full): the filled fields as “Label: value” lines,
 *   for the clipboard when an officer keeps a copy of a conflicting edit
 */
char *
tl_report_to_text (const TlReport *report)
{
  GString *text = g_string_new (tl_event_kind_get_label (report->kind));

  g_string_append_c (text, '\n');
  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    {
      g_autofree char *value = NULL;

      if (!tl_report_field_applies (f, report->kind) || report->values[f][0] == '\0')
        continue;
      value = tl_report_format_value (report, f);
      g_string_append_printf (text, "%s: %s\n", tl_report_field_get_label (f, report->kind), value);
    }
  return g_string_free (text, FALSE);
}

/* Drafts */

/**
 * tl_report_to_json:
 *
 * Returns: (transfer full): @report as a JSON object, for the drafts table
 */
char *
tl_report_to_json (const TlReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, tl_event_kind_to_string (report->kind));
  json_builder_set_member_name (builder, "event_id");
  json_builder_add_int_value (builder, report->event_id);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, report->revision);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    {
      json_builder_set_member_name (builder, fields[i].key);
      json_builder_add_string_value (builder, report->values[i]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * tl_report_new_from_json:
 * @json: what tl_report_to_json() wrote
 * @error: return location for a #JSON_PARSER_ERROR
 *
 * Unknown keys are ignored and missing ones left empty, so a draft
 * written by another version still comes back.
 *
 * Returns: (transfer full) (nullable): the report
 */
TlReport *
tl_report_new_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(TlReport) report = NULL;
  JsonObject *object, *values;
  TlEventKind kind;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !tl_event_kind_from_string (json_object_get_string_member_with_default (
                                    json_node_get_object (json_parser_get_root (parser)), "kind", ""),
                                  &kind))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The saved draft is not a report"));
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  report = tl_report_new (kind);
  report->event_id = json_object_get_int_member_with_default (object, "event_id", 0);
  report->revision = json_object_get_int_member_with_default (object, "revision", 0);
  values = json_object_has_member (object, "values")
           ? json_object_get_object_member (object, "values") : NULL;
  for (guint i = 0; i < TL_REPORT_N_FIELDS && values != NULL; i++)
    tl_report_set (report, i, json_object_get_string_member_with_default (values, fields[i].key, ""));

  return g_steal_pointer (&report);
}
