/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-summary.h"

/* How the figures are counted. A boat's crossing is usually reported
 * several times (departure, sighting, rescue or arrival), so each figure
 * is taken from the one kind of report that states it, never summed over
 * all of them:
 *
 * - departures, interceptions, arrivals: the number of reports of that
 *   kind;
 * - boats and people: those stated on departures (people who set out);
 *   a departure whose boats were not counted is one boat, people not
 *   counted add nothing;
 * - rescued, deceased, missing: stated on any report, summed (only
 *   rescue and arrival reports give them);
 * - open cases: reports not closed, except patrols, counted once per case
 *   (reports linked to the same case are one case; a report without a
 *   case is its own). */

typedef struct {
  TlSummary  *summary;
  GHashTable *open_cases;   /* of gint64 case keys */
} Counter;

/* helpers */

static gint64
known (int count)
{
  return count > 0 ? count : 0;
}

static void
count_event (Counter *counter,
             TlEvent *event)
{
  gint64 *v = counter->summary->values;

  switch (tl_event_get_kind (event))
    {
    case TL_EVENT_KIND_DEPARTURE:
      v[TL_SUMMARY_DEPARTURES]++;
      v[TL_SUMMARY_BOATS] += tl_event_get_boats (event) >= 0 ? tl_event_get_boats (event) : 1;
      v[TL_SUMMARY_PEOPLE] += known (tl_event_get_people (event));
      break;
    case TL_EVENT_KIND_INTERCEPTION:
      v[TL_SUMMARY_INTERCEPTIONS]++;
      break;
    case TL_EVENT_KIND_ARRIVAL:
      v[TL_SUMMARY_ARRIVALS]++;
      break;
    case TL_EVENT_KIND_SIGHTING:
    case TL_EVENT_KIND_RESCUE:
    case TL_EVENT_KIND_PATROL:
    case TL_EVENT_N_KINDS:
    default:
      break;
    }

  v[TL_SUMMARY_RESCUED] += known (tl_event_get_rescued (event));
  v[TL_SUMMARY_DECEASED] += known (tl_event_get_deceased (event));
  v[TL_SUMMARY_MISSING] += known (tl_event_get_missing (event));

  if (tl_event_get_status (event) != TL_EVENT_STATUS_CLOSED &&
      tl_event_get_kind (event) != TL_EVENT_KIND_PATROL)
    {
      /* Case ids and event ids are both positive: negate one to keep
       * them apart in one set. */
      gint64 key = tl_event_get_case_id (event) > 0 ? tl_event_get_case_id (event)
                                                     : -tl_event_get_id (event);

      g_hash_table_add (counter->open_cases, g_memdup2 (&key, sizeof key));
    }
}

static void
counter_init (Counter   *counter,
              TlSummary *summary)
{
  *summary = (TlSummary) { { 0 } };
  counter->summary = summary;
  counter->open_cases = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
counter_finish (Counter *counter)
{
  counter->summary->values[TL_SUMMARY_OPEN_CASES] = g_hash_table_size (counter->open_cases);
  g_clear_pointer (&counter->open_cases, g_hash_table_unref);
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
    case TL_SUMMARY_DEPARTURES: return _("Departures");
    case TL_SUMMARY_BOATS: return _("Boats");
    case TL_SUMMARY_PEOPLE: return _("People");
    case TL_SUMMARY_RESCUED: return _("Rescued");
    case TL_SUMMARY_DECEASED: return _("Deceased");
    case TL_SUMMARY_MISSING: return _("Missing");
    case TL_SUMMARY_INTERCEPTIONS: return _("Interceptions");
    case TL_SUMMARY_ARRIVALS: return _("Arrivals");
    case TL_SUMMARY_OPEN_CASES: return _("Open Cases");
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
