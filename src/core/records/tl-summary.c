/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tl-summary.h"

/* How the figures are counted: tl_summary_figure_get_definition() says it
 * in words, the README repeats it, and tl_store_summarize() counts the
 * same in SQL. A boat's crossing is usually reported several times
 * (departure, sightings, rescue, arrival), so each figure is taken from
 * the one kind of report that states it, never summed over all of them.
 *
 * This file counts events already in memory (a briefing's). It cannot see
 * the cases table, so its open cases are the cases its events belong to
 * that have a report not closed; the store's count is the true one. */

const char * const tl_summary_prevented_actions[] = {
  "deterred", "boat_disabled", "people_returned", NULL
};

typedef struct {
  TlSummary  *summary;
  GHashTable *open_cases;      /* of gint64 case ids */
  GHashTable *landed_cases;    /* cases with an arrival report */
  GArray     *landed_rescues;  /* of Landed: rescue counts to check */
} Counter;

typedef struct {
  gint64 case_id;
  gint64 landed_uk;
} Landed;

/* helpers */

static gint64
known (int count)
{
  return count > 0 ? count : 0;
}

static JsonObject *
parse_details (TlEvent    *event,
               JsonParser *parser)
{
  const char *details = tl_event_get_details (event);
  JsonNode *root;

  if (details == NULL || !json_parser_load_from_data (parser, details, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static const char *
detail_string (JsonObject *details,
               const char *key)
{
  JsonNode *node = details != NULL ? json_object_get_member (details, key) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* A count in details: -1 when absent or not a number. */
static gint64
detail_count (JsonObject *details,
              const char *key)
{
  JsonNode *node = details != NULL ? json_object_get_member (details, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return -1;
  return json_node_get_int (node);
}

static gboolean
is_prevented (const char *action)
{
  return action != NULL && g_strv_contains (tl_summary_prevented_actions, action);
}

static void
count_event (Counter *counter,
             TlEvent *event)
{
  g_autoptr(JsonParser) parser = NULL;
  gint64 *v = counter->summary->values;
  JsonObject *details = NULL;
  gint64 boats = tl_event_get_boats (event) >= 0 ? tl_event_get_boats (event) : 1;

  switch (tl_event_get_kind (event))
    {
    case TL_EVENT_KIND_DEPARTURE:
      parser = json_parser_new ();
      details = parse_details (event, parser);
      if (is_prevented (detail_string (details, "action_on_shore")))
        v[TL_SUMMARY_PREVENTED] += boats;
      else
        {
          v[TL_SUMMARY_BOATS_AT_SEA] += boats;
          v[TL_SUMMARY_PEOPLE_AT_SEA] += known (tl_event_get_people (event));
        }
      break;
    case TL_EVENT_KIND_RESCUE:
      {
        gint64 returned, landed;

        parser = json_parser_new ();
        details = parse_details (event, parser);
        v[TL_SUMMARY_RESCUED] += known (tl_event_get_rescued (event));
        returned = detail_count (details, "returned_fr");
        if (returned < 0 && g_strcmp0 (detail_string (details, "outcome"), "returned_fr") == 0)
          returned = known (tl_event_get_rescued (event));
        v[TL_SUMMARY_RETURNED_FR] += MAX (returned, 0);
        landed = detail_count (details, "landed_uk");
        if (landed > 0)
          {
            Landed l = { tl_event_get_case_id (event), landed };

            g_array_append_val (counter->landed_rescues, l);
          }
      }
      break;
    case TL_EVENT_KIND_ARRIVAL:
      v[TL_SUMMARY_LANDED_UK] += known (tl_event_get_people (event));
      if (tl_event_get_case_id (event) > 0)
        {
          gint64 id = tl_event_get_case_id (event);

          g_hash_table_add (counter->landed_cases, g_memdup2 (&id, sizeof id));
        }
      break;
    case TL_EVENT_KIND_SIGHTING:
    case TL_EVENT_KIND_INTERCEPTION:
    case TL_EVENT_KIND_PATROL:
    case TL_EVENT_N_KINDS:
    default:
      break;
    }

  v[TL_SUMMARY_DECEASED] += known (tl_event_get_deceased (event));
  v[TL_SUMMARY_MISSING] += known (tl_event_get_missing (event));

  if (tl_event_get_status (event) != TL_EVENT_STATUS_CLOSED && tl_event_get_case_id (event) > 0)
    {
      gint64 id = tl_event_get_case_id (event);

      g_hash_table_add (counter->open_cases, g_memdup2 (&id, sizeof id));
    }
}

static void
counter_init (Counter   *counter,
              TlSummary *summary)
{
  *summary = (TlSummary) { { 0 } };
  counter->summary = summary;
  counter->open_cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  counter->landed_cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  counter->landed_rescues = g_array_new (FALSE, FALSE, sizeof (Landed));
}

static void
counter_finish (Counter *counter)
{
  /* A rescue's "landed in the UK" counts only where no arrival report
   * of its case counts the same people. */
  for (guint i = 0; i < counter->landed_rescues->len; i++)
    {
      const Landed *l = &g_array_index (counter->landed_rescues, Landed, i);

      if (l->case_id <= 0 || !g_hash_table_contains (counter->landed_cases, &l->case_id))
        counter->summary->values[TL_SUMMARY_LANDED_UK] += l->landed_uk;
    }
  counter->summary->values[TL_SUMMARY_OPEN_CASES] = g_hash_table_size (counter->open_cases);
  g_clear_pointer (&counter->open_cases, g_hash_table_unref);
  g_clear_pointer (&counter->landed_cases, g_hash_table_unref);
  g_clear_pointer (&counter->landed_rescues, g_array_unref);
}

/* public API */

/**
 * tl_summary_figure_get_label:
 *
 * Returns: the translated name of @figure, as the summary bar shows it
 */
const char *
tl_summary_figure_get_label (TlSummaryFigure figure)
{
  switch (figure)
    {
    case TL_SUMMARY_BOATS_AT_SEA: return _("Boats at Sea");
    case TL_SUMMARY_PREVENTED: return _("Launches Prevented");
    case TL_SUMMARY_PEOPLE_AT_SEA: return _("People at Sea");
    case TL_SUMMARY_RESCUED: return _("Rescued");
    case TL_SUMMARY_LANDED_UK: return _("Landed in the UK");
    case TL_SUMMARY_RETURNED_FR: return _("Returned to France");
    case TL_SUMMARY_DECEASED: return _("Deceased");
    case TL_SUMMARY_MISSING: return _("Missing");
    case TL_SUMMARY_OPEN_CASES: return _("Open Cases");
    case TL_SUMMARY_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tl_summary_figure_get_key:
 *
 * Returns: the stable name of @figure in `tideline summary --json`; never
 *   translated, never changed
 */
const char *
tl_summary_figure_get_key (TlSummaryFigure figure)
{
  static const char * const keys[TL_SUMMARY_N_FIGURES] = {
    [TL_SUMMARY_BOATS_AT_SEA] = "boats_at_sea",
    [TL_SUMMARY_PREVENTED] = "launches_prevented",
    [TL_SUMMARY_PEOPLE_AT_SEA] = "people_at_sea",
    [TL_SUMMARY_RESCUED] = "people_rescued",
    [TL_SUMMARY_LANDED_UK] = "landed_uk",
    [TL_SUMMARY_RETURNED_FR] = "returned_france",
    [TL_SUMMARY_DECEASED] = "deceased",
    [TL_SUMMARY_MISSING] = "missing",
    [TL_SUMMARY_OPEN_CASES] = "open_cases",
  };

  g_return_val_if_fail (figure < TL_SUMMARY_N_FIGURES, NULL);
  return keys[figure];
}

/**
 * tl_summary_figure_get_definition:
 *
 * Returns: the translated definition of @figure: what it counts, from
 *   which reports, as its tooltip and the README say it
 */
const char *
tl_summary_figure_get_definition (TlSummaryFigure figure)
{
  switch (figure)
    {
    case TL_SUMMARY_BOATS_AT_SEA:
      return _("Boats on departure reports with no action on shore that kept them from the sea. "
               "A departure whose boats were not counted is one boat.");
    case TL_SUMMARY_PREVENTED:
      return _("Boats on departure reports whose action on shore was a launch deterred, "
               "a boat disabled or people returned to shore. "
               "A departure whose boats were not counted is one boat.");
    case TL_SUMMARY_PEOPLE_AT_SEA:
      return _("People on the departure reports of boats that went to sea. "
               "A departure whose people were not counted adds nothing.");
    case TL_SUMMARY_RESCUED:
      return _("The “Rescued” counts of rescue reports.");
    case TL_SUMMARY_LANDED_UK:
      return _("People on arrival reports, and the “Landed in the UK” counts of rescue reports "
               "whose case has no arrival report.");
    case TL_SUMMARY_RETURNED_FR:
      return _("The “Returned to France” counts of rescue reports; a rescue whose outcome is "
               "“Returned to France” without that count adds its “Rescued” count.");
    case TL_SUMMARY_DECEASED:
      return _("The “Deceased” counts of all reports.");
    case TL_SUMMARY_MISSING:
      return _("The “Missing” counts of all reports.");
    case TL_SUMMARY_OPEN_CASES:
      return _("Cases not landed, returned or closed, whose first report is before the end "
               "of the window (or of the replay); a case with no reports counts from when it "
               "was opened. Counted from the cases, whatever the filter.");
    case TL_SUMMARY_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tl_summary_figure_is_bad_up:
 *
 * Returns: whether a rise of @figure is bad news (deaths, missing
 *   people), so the bar can colour the change as a warning.
 */
gboolean
tl_summary_figure_is_bad_up (TlSummaryFigure figure)
{
  return figure == TL_SUMMARY_DECEASED || figure == TL_SUMMARY_MISSING;
}

/**
 * tl_summary_compute:
 * @events: (element-type TlEvent): the events of a window
 * @out_summary: (out caller-allocates): their figures
 */
void
tl_summary_compute (GPtrArray *events,
                    TlSummary *out_summary)
{
  Counter counter;

  g_return_if_fail (events != NULL);
  g_return_if_fail (out_summary != NULL);

  counter_init (&counter, out_summary);
  for (guint i = 0; i < events->len; i++)
    count_event (&counter, g_ptr_array_index (events, i));
  counter_finish (&counter);
}

/**
 * tl_summary_compute_model:
 * @events: a #GListModel of #TlEvent
 * @out_summary: (out caller-allocates): their figures
 */
void
tl_summary_compute_model (GListModel *events,
                          TlSummary  *out_summary)
{
  Counter counter;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (events));
  g_return_if_fail (out_summary != NULL);

  counter_init (&counter, out_summary);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (events, i);

      count_event (&counter, event);
    }
  counter_finish (&counter);
}

/**
 * tl_summary_format_change:
 * @current: a figure of this window
 * @previous: the same figure for the previous window
 *
 * Returns: (transfer full): "↑ 12", "↓ 3" or "= 0", for the summary bar
 */
char *
tl_summary_format_change (gint64 current,
                          gint64 previous)
{
  gint64 diff = current - previous;

  if (diff > 0)
    /* Translators: a figure rose by this much since the previous window */
    return g_strdup_printf (_("↑ %d"), (int) diff);
  if (diff < 0)
    /* Translators: a figure fell by this much since the previous window */
    return g_strdup_printf (_("↓ %d"), (int) -diff);

  /* Translators: a figure did not change since the previous window */
  return g_strdup (_("= 0"));
}

/**
 * tl_summary_to_json:
 *
 * Returns: (transfer full): the figures as one JSON object, one key per
 *   figure (tl_summary_figure_get_key()), for `tideline summary --json`
 */
char *
tl_summary_to_json (const TlSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    {
      json_builder_set_member_name (builder, tl_summary_figure_get_key (i));
      json_builder_add_int_value (builder, summary->values[i]);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
