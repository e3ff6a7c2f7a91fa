/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-case-board.h"
#include "tl-store-pg-private.h"

/* The watch on a server, as tl-store-watch.c and tl-handover.c have it
 * on a file: the summary's figures counted by aggregates over the
 * window's rows (events_time finds them, no event is loaded), the open
 * cases (cases_open), and what changed since a time (audit_at). The
 * figures are those of tl_summary_figure_get_definition(), and
 * test-summary checks both backends against the same fixtures. */

/* details is JSON text: its keys are looked for as text first (most
 * reports have none of them), and parsed only when there; a count is
 * read only when it is a number, as SQLite's json_extract() sums. */
#define DETAIL_NUMBER(key) \
  "CASE WHEN kind = 'rescue' AND strpos (details, '\"" key "\"') > 0" \
  "  AND json_typeof (details::json -> '" key "') = 'number'" \
  "  THEN (details::json ->> '" key "')::numeric END"

static const char summary_sql[] =
  "SELECT"
  "  coalesce (sum (CASE WHEN kind = 'departure' AND NOT prevented THEN coalesce (boats, 1) END), 0)::bigint,"
  "  coalesce (sum (CASE WHEN kind = 'departure' AND prevented THEN coalesce (boats, 1) END), 0)::bigint,"
  "  coalesce (sum (CASE WHEN kind = 'departure' AND NOT prevented THEN people END), 0)::bigint,"
  "  coalesce (sum (CASE WHEN kind = 'rescue' THEN rescued END), 0)::bigint,"
  "  coalesce (sum (CASE WHEN kind = 'arrival' THEN people"
  "    WHEN kind = 'rescue' AND landed_uk > 0 AND (case_id IS NULL OR NOT EXISTS ("
  "      SELECT 1 FROM events a WHERE a.case_id = w.case_id AND a.kind = 'arrival'))"
  "    THEN landed_uk END), 0)::bigint,"
  "  coalesce (sum (CASE WHEN kind = 'rescue' THEN coalesce (returned_fr,"
  "    CASE WHEN outcome = 'returned_fr' THEN rescued END) END), 0)::bigint,"
  "  coalesce (sum (deceased), 0)::bigint,"
  "  coalesce (sum (missing), 0)::bigint"
  " FROM (SELECT kind, boats, people, rescued, deceased, missing, case_id,"
  "   CASE WHEN kind = 'departure' AND strpos (details, '\"action_on_shore\"') > 0"
  "     THEN coalesce (details::json ->> 'action_on_shore'"
  "       IN ('deterred', 'boat_disabled', 'people_returned'), false) ELSE false END AS prevented,"
  "   " DETAIL_NUMBER ("landed_uk") " AS landed_uk,"
  "   " DETAIL_NUMBER ("returned_fr") " AS returned_fr,"
  "   CASE WHEN kind = 'rescue' AND strpos (details, '\"outcome\"') > 0"
  "     THEN details::json ->> 'outcome' END AS outcome"
  "   FROM events"
  "   WHERE time >= $1 AND time < $2"
  "   AND ($3::text[] IS NULL OR kind = ANY ($3::text[]))"
  "   AND ($4::text[] IS NULL OR status = ANY ($4::text[]))"
  "   AND ($5::text IS NULL OR unit = $5)) AS w";

/* The status condition is cases_open's, word for word. */
static const char open_cases_sql[] =
  "SELECT count (*) FROM cases"
  " WHERE status NOT IN ('landed', 'returned', 'closed') AND opened_at < $1";

static const char count_sql[] =
  "SELECT count (*) FROM events WHERE time >= $1 AND time < $2";

/* As tl-store-watch.c's: newest first, no more than a board shows. */
static const char open_cases_list_sql[] =
  "SELECT c.id, c.status, c.title, c.opened_at,"
  "  (SELECT max (boats) FROM events WHERE case_id = c.id),"
  "  (SELECT max (people) FROM events WHERE case_id = c.id),"
  "  l.id, l.time, p.latitude, p.longitude, p.time,"
  "  (SELECT unit FROM events WHERE case_id = c.id AND unit IS NOT NULL"
  "    ORDER BY time DESC, id DESC LIMIT 1)"
  " FROM cases c"
  " LEFT JOIN events l ON l.id = (SELECT id FROM events WHERE case_id = c.id"
  "   ORDER BY time DESC, id DESC LIMIT 1)"
  " LEFT JOIN events p ON p.id = (SELECT id FROM events WHERE case_id = c.id"
  "   AND latitude IS NOT NULL ORDER BY time DESC, id DESC LIMIT 1)"
  " WHERE c.status NOT IN ('landed', 'returned', 'closed') AND c.opened_at <= $1"
  " ORDER BY c.opened_at DESC LIMIT 500";

/* As tl-handover.c's: a bulk add's one row of imports is its 'create'. */
static const char changes_since_sql[] =
  "SELECT id, event_id, action, operator, at, before, after, NULL::text FROM audit WHERE at >= $1"
  " UNION ALL"
  " SELECT 0, first_event_id, 'create', operator, at, NULL, NULL, source FROM imports WHERE at >= $1"
  " ORDER BY 5, 1";

/* Helpers */

static gint64
query_count (TlStorePg   *self,
             const char  *sql,
             gint64       a,
             gint64       b,
             GError     **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, a);
  if (sql == count_sql)
    tl_pg_params_int64 (&params, b);
  result = tl_pg_exec (self, sql, &params, _("Could not count the events"), error);
  if (result == NULL)
    return -1;

  return tl_pg_get_int64 (result, 0, 0, 0);
}

/* Vfuncs */

static gint64
pg_count_open_cases (TlStoreBackend  *backend,
                     gint64           before,
                     GError         **error)
{
  return query_count (TL_STORE_PG (backend), open_cases_sql, before, 0, error);
}

static gint64
pg_count_in_window (TlStoreBackend  *backend,
                    gint64           from,
                    gint64           to,
                    GError         **error)
{
  return query_count (TL_STORE_PG (backend), count_sql, from, to, error);
}

static gboolean
pg_summarize (TlStoreBackend  *backend,
              const TlFilter  *filter,
              TlSummary       *out_summary,
              GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  TlSummary summary = { { 0 } };

  tl_pg_filter_name_arrays (filter, &kinds, &statuses);
  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, filter->from);
  tl_pg_params_int64 (&params, filter->to);
  tl_pg_params_text (&params, kinds);
  tl_pg_params_text (&params, statuses);
  tl_pg_params_text (&params, filter->unit);
  result = tl_pg_exec (self, summary_sql, &params, _("Could not count the events"), error);
  if (result == NULL)
    return FALSE;

  summary.values[TL_SUMMARY_BOATS_AT_SEA] = tl_pg_get_int64 (result, 0, 0, 0);
  summary.values[TL_SUMMARY_PREVENTED] = tl_pg_get_int64 (result, 0, 1, 0);
  summary.values[TL_SUMMARY_PEOPLE_AT_SEA] = tl_pg_get_int64 (result, 0, 2, 0);
  summary.values[TL_SUMMARY_RESCUED] = tl_pg_get_int64 (result, 0, 3, 0);
  summary.values[TL_SUMMARY_LANDED_UK] = tl_pg_get_int64 (result, 0, 4, 0);
  summary.values[TL_SUMMARY_RETURNED_FR] = tl_pg_get_int64 (result, 0, 5, 0);
  summary.values[TL_SUMMARY_DECEASED] = tl_pg_get_int64 (result, 0, 6, 0);
  summary.values[TL_SUMMARY_MISSING] = tl_pg_get_int64 (result, 0, 7, 0);

  summary.values[TL_SUMMARY_OPEN_CASES] = query_count (self, open_cases_sql, filter->to, 0, error);
  if (summary.values[TL_SUMMARY_OPEN_CASES] < 0)
    return FALSE;

  *out_summary = summary;
  return TRUE;
}

static GPtrArray *
pg_list_open_cases (TlStoreBackend  *backend,
                    gint64           now,
                    GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *cases;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, now);
  result = tl_pg_exec (TL_STORE_PG (backend), open_cases_list_sql, &params,
                       _("Could not read the open cases"), error);
  if (result == NULL)
    return NULL;

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_open_case_free);
  for (int r = 0; r < PQntuples (result); r++)
    {
      TlOpenCase *c = g_new0 (TlOpenCase, 1);

      c->id = tl_pg_get_int64 (result, r, 0, 0);
      if (!tl_case_status_from_string (tl_pg_get_text (result, r, 1), &c->status))
        c->status = TL_CASE_STATUS_POSSIBLE;
      c->title = g_strdup (tl_pg_get_text (result, r, 2));
      c->opened_at = tl_pg_get_int64 (result, r, 3, 0);
      c->boats = (int) tl_pg_get_int64 (result, r, 4, TL_COUNT_UNKNOWN);
      c->people = (int) tl_pg_get_int64 (result, r, 5, TL_COUNT_UNKNOWN);
      c->last_event_id = tl_pg_get_int64 (result, r, 6, 0);
      c->last_contact = tl_pg_get_int64 (result, r, 7, c->opened_at);
      c->has_position = !PQgetisnull (result, r, 8);
      c->latitude = c->has_position ? tl_pg_get_double (result, r, 8) : 0;
      c->longitude = c->has_position ? tl_pg_get_double (result, r, 9) : 0;
      c->position_time = tl_pg_get_int64 (result, r, 10, 0);
      c->unit = g_strdup (tl_pg_get_text (result, r, 11));
      g_ptr_array_add (cases, c);
    }

  return cases;
}

static GPtrArray *
pg_list_changes_since (TlStoreBackend  *backend,
                       gint64           since,
                       GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *entries;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, since);
  result = tl_pg_exec (TL_STORE_PG (backend), changes_since_sql, &params,
                       _("Could not read the audit log"), error);
  if (result == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_audit_entry_free);
  for (int r = 0; r < PQntuples (result); r++)
    {
      TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);

      entry->id = tl_pg_get_int64 (result, r, 0, 0);
      entry->event_id = tl_pg_get_int64 (result, r, 1, 0);
      entry->action = tl_store_audit_action_from_string (tl_pg_get_text (result, r, 2));
      entry->operator_name = g_strdup (tl_pg_get_text (result, r, 3));
      entry->at = tl_pg_get_int64 (result, r, 4, 0);
      entry->before = g_strdup (tl_pg_get_text (result, r, 5));
      entry->after = g_strdup (tl_pg_get_text (result, r, 6));
      entry->source = g_strdup (tl_pg_get_text (result, r, 7));
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

/* Private API */

void
tl_pg_watch_class_init (TlStoreBackendClass *klass)
{
  klass->summarize = pg_summarize;
  klass->count_open_cases = pg_count_open_cases;
  klass->count_in_window = pg_count_in_window;
  klass->list_open_cases = pg_list_open_cases;
  klass->list_changes_since = pg_list_changes_since;
}
