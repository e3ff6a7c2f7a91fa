/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"
#include "tl-case-board.h"
#include "tl-store-watch.h"

/* The summary's figures, counted by SQLite over the window's rows: the
 * time index finds them, aggregates add them up, and no event is loaded.
 * The definitions are tl_summary_figure_get_definition()'s; tl-summary.c
 * counts the same over events in memory, and test-watch checks that both
 * agree with the hand-counted fixtures. */

/* The window's rows, with what the figures read from details taken out
 * once per row, and only for the kinds that state it. */
static const char summary_sql[] =
  "SELECT"
  "  coalesce (sum (CASE WHEN kind = 'departure' AND NOT prevented THEN coalesce (boats, 1) END), 0),"
  "  coalesce (sum (CASE WHEN kind = 'departure' AND prevented THEN coalesce (boats, 1) END), 0),"
  "  coalesce (sum (CASE WHEN kind = 'departure' AND NOT prevented THEN people END), 0),"
  "  coalesce (sum (CASE WHEN kind = 'rescue' THEN rescued END), 0),"
  "  coalesce (sum (CASE WHEN kind = 'arrival' THEN people"
  "    WHEN kind = 'rescue' AND landed_uk > 0 AND (case_id IS NULL OR NOT EXISTS ("
  "      SELECT 1 FROM events a WHERE a.case_id = w.case_id AND a.kind = 'arrival'))"
  "    THEN landed_uk END), 0),"
  "  coalesce (sum (CASE WHEN kind = 'rescue' THEN coalesce (returned_fr,"
  "    CASE WHEN outcome = 'returned_fr' THEN rescued END) END), 0),"
  "  coalesce (sum (deceased), 0),"
  "  coalesce (sum (missing), 0)"
  " FROM (SELECT kind, boats, people, rescued, deceased, missing, case_id,"
  /* instr() first: most reports have none of these keys, and looking for
   * the key's text costs far less than parsing the JSON. */
  "   CASE WHEN kind = 'departure' AND instr (details, '\"action_on_shore\"') > 0"
  "     THEN coalesce (json_extract (details, '$.action_on_shore')"
  "       IN ('deterred', 'boat_disabled', 'people_returned'), 0) ELSE 0 END AS prevented,"
  "   CASE WHEN kind = 'rescue' AND instr (details, '\"landed_uk\"') > 0"
  "     THEN json_extract (details, '$.landed_uk') END AS landed_uk,"
  "   CASE WHEN kind = 'rescue' AND instr (details, '\"returned_fr\"') > 0"
  "     THEN json_extract (details, '$.returned_fr') END AS returned_fr,"
  "   CASE WHEN kind = 'rescue' AND instr (details, '\"outcome\"') > 0"
  "     THEN json_extract (details, '$.outcome') END AS outcome"
  "   FROM events"
  "   WHERE time >= ?1 AND time < ?2"
  "   AND (?3 IS NULL OR instr (?3, ' ' || kind || ' ') > 0)"
  "   AND (?4 IS NULL OR instr (?4, ' ' || status || ' ') > 0)"
  "   AND (?5 IS NULL OR unit = ?5)) AS w";

/* The status condition is cases_open's, word for word, so that the
 * planner reads that small index rather than every case. */
static const char open_cases_sql[] =
  "SELECT count (*) FROM cases"
  " WHERE status NOT IN ('landed', 'returned', 'closed') AND opened_at < ?1";

static const char count_sql[] =
  "SELECT count (*) FROM events WHERE time >= ?1 AND time < ?2";

/* helpers */

static gboolean
query_count (TlStoreSqlite  *self,
             const char     *sql,
             gint64          a,
             gint64          b,
             gint64         *out_count,
             GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, sql, error);
  int rc = SQLITE_OK;

  if (stmt == NULL)
    return FALSE;

  tl_store_bind_int64 (stmt, 1, a, &rc);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    tl_store_bind_int64 (stmt, 2, b, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not count the events"), error);
      return FALSE;
    }

  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* public API */

/**
 * tl_store_count_open_cases:
 * @before: cases whose first report is at or after this time, UTC, are
 *   not counted (G_MAXINT64: all)
 *
 * Returns: the open cases (not landed, returned or closed), as the
 *   summary counts them, or -1 with @error set
 */
gint64
tl_store_count_open_cases (TlStore  *self,
                           gint64    before,
                           GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), -1);

  return tl_store_backend_count_open_cases (self->backend, before, error);
}

static gint64
sqlite_count_open_cases (TlStoreBackend  *backend,
                         gint64           before,
                         GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  gint64 count = -1;

  if (!query_count (self, open_cases_sql, before, 0, &count, error))
    return -1;
  return count;
}

/**
 * tl_store_count_in_window:
 *
 * Returns: how many events are in [@from, @to), or -1 with @error set;
 *   the plainest query on the window, the summary benchmark's peer
 */
gint64
tl_store_count_in_window (TlStore  *self,
                          gint64    from,
                          gint64    to,
                          GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), -1);

  return tl_store_backend_count_in_window (self->backend, from, to, error);
}

static gint64
sqlite_count_in_window (TlStoreBackend  *backend,
                        gint64           from,
                        gint64           to,
                        GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  gint64 count = -1;

  if (!query_count (self, count_sql, from, to, &count, error))
    return -1;
  return count;
}

/**
 * tl_store_summarize:
 * @filter: the window, kinds, statuses and unit; words are not looked at
 *   (a caller filtering by words counts the events it found with
 *   tl_summary_compute())
 * @out_summary: (out caller-allocates): the figures
 *
 * Counts the summary's figures of @filter's window with aggregates; open
 * cases are counted from the cases table, whatever the filter, up to the
 * end of the window.
 *
 * Returns: whether the figures were counted
 */
gboolean
tl_store_summarize (TlStore         *self,
                    const TlFilter  *filter,
                    TlSummary       *out_summary,
                    GError         **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  return tl_store_backend_summarize (self->backend, filter, out_summary, error);
}

static gboolean
sqlite_summarize (TlStoreBackend  *backend,
                  const TlFilter  *filter,
                  TlSummary       *out_summary,
                  GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  TlSummary summary = { { 0 } };
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, summary_sql, error);
  if (stmt == NULL)
    return FALSE;

  tl_store_filter_name_sets (filter, &kinds, &statuses);
  tl_store_bind_int64 (stmt, 1, filter->from, &rc);
  tl_store_bind_int64 (stmt, 2, filter->to, &rc);
  tl_store_bind_text (stmt, 3, kinds, &rc);
  tl_store_bind_text (stmt, 4, statuses, &rc);
  tl_store_bind_text (stmt, 5, filter->unit, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not count the events"), error);
      return FALSE;
    }

  summary.values[TL_SUMMARY_BOATS_AT_SEA] = sqlite3_column_int64 (stmt, 0);
  summary.values[TL_SUMMARY_PREVENTED] = sqlite3_column_int64 (stmt, 1);
  summary.values[TL_SUMMARY_PEOPLE_AT_SEA] = sqlite3_column_int64 (stmt, 2);
  summary.values[TL_SUMMARY_RESCUED] = sqlite3_column_int64 (stmt, 3);
  summary.values[TL_SUMMARY_LANDED_UK] = sqlite3_column_int64 (stmt, 4);
  summary.values[TL_SUMMARY_RETURNED_FR] = sqlite3_column_int64 (stmt, 5);
  summary.values[TL_SUMMARY_DECEASED] = sqlite3_column_int64 (stmt, 6);
  summary.values[TL_SUMMARY_MISSING] = sqlite3_column_int64 (stmt, 7);
  g_clear_pointer (&stmt, tl_cached_statement_release);

  summary.values[TL_SUMMARY_OPEN_CASES] = sqlite_count_open_cases (TL_STORE_BACKEND (self), filter->to, error);
  if (summary.values[TL_SUMMARY_OPEN_CASES] < 0)
    return FALSE;

  *out_summary = summary;
  return TRUE;
}

/* The board's cases: the open ones opened by now, each with its latest
 * report, its latest reported position and unit. Newest first, and no
 * more than a board can show: a file whose old cases were never closed
 * must not bury tonight's. */
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
  " WHERE c.status NOT IN ('landed', 'returned', 'closed') AND c.opened_at <= ?1"
  " ORDER BY c.opened_at DESC LIMIT 500";

/**
 * tl_store_list_open_cases:
 * @now: cases opened after this time, UTC, are left out
 *
 * Returns: (transfer container) (element-type TlOpenCase) (nullable): the
 *   open cases (at most 500, the most recently opened), in no useful
 *   order: see tl_open_cases_sort()
 */
GPtrArray *
tl_store_list_open_cases (TlStore  *self,
                          gint64    now,
                          GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  return tl_store_backend_list_open_cases (self->backend, now, error);
}

static GPtrArray *
sqlite_list_open_cases (TlStoreBackend  *backend,
                        gint64           now,
                        GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, open_cases_list_sql, error);
  if (stmt == NULL)
    return NULL;

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_open_case_free);
  tl_store_bind_int64 (stmt, 1, now, &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlOpenCase *c = g_new0 (TlOpenCase, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      if (!tl_case_status_from_string (tl_store_column_text (stmt, 1), &c->status))
        c->status = TL_CASE_STATUS_POSSIBLE;
      c->title = g_strdup (tl_store_column_text (stmt, 2));
      c->opened_at = sqlite3_column_int64 (stmt, 3);
      c->boats = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? TL_COUNT_UNKNOWN : sqlite3_column_int (stmt, 4);
      c->people = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? TL_COUNT_UNKNOWN : sqlite3_column_int (stmt, 5);
      c->last_event_id = sqlite3_column_int64 (stmt, 6);
      c->last_contact = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? c->opened_at
                                                                      : sqlite3_column_int64 (stmt, 7);
      c->has_position = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
      c->latitude = sqlite3_column_double (stmt, 8);
      c->longitude = sqlite3_column_double (stmt, 9);
      c->position_time = sqlite3_column_int64 (stmt, 10);
      c->unit = g_strdup (tl_store_column_text (stmt, 11));
      g_ptr_array_add (cases, c);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the open cases"), error);
      return NULL;
    }

  return g_steal_pointer (&cases);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_watch (TlStoreBackendClass *klass)
{
  klass->count_open_cases = sqlite_count_open_cases;
  klass->count_in_window = sqlite_count_in_window;
  klass->summarize = sqlite_summarize;
  klass->list_open_cases = sqlite_list_open_cases;
}
