/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* Filtered reads: what the map, the list, the summary and the exports
 * show. Every query walks the events_time index over the window and
 * nothing else: a day of a million-event file costs what a day of a small
 * one does.
 *
 * Criteria that are not given are NULL parameters, so that one cached
 * statement serves every combination. Kinds and statuses are passed as a
 * set written " rescue arrival ", which instr() looks names up in. */

#define FILTER_WHERE \
  " WHERE time >= ?1 AND time < ?2" \
  " AND (?3 IS NULL OR instr (?3, ' ' || kind || ' ') > 0)" \
  " AND (?4 IS NULL OR instr (?4, ' ' || status || ' ') > 0)" \
  " AND (?5 IS NULL OR unit = ?5)"

static const char query_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events" FILTER_WHERE
  " ORDER BY time, id";

/* The unary + keeps the planner on the time index: driving the query
 * from the words instead would read every match in the file, all years
 * of it, and sort them. The rowid bounds (?7, ?8) let FTS5 skip to the
 * part of each word's list that can be in the window: ids grow with
 * entry, and reports are entered close to their time. */
static const char query_text_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events" FILTER_WHERE
  " AND +id IN (SELECT rowid FROM events_fts"
  "   WHERE events_fts MATCH ?6 AND rowid >= ?7 AND rowid <= ?8)"
  " ORDER BY time, id";

/* Covering: reads only the index entries of the window. */
static const char id_bounds_sql[] =
  "SELECT min (id), max (id) FROM events WHERE time >= ?1 AND time < ?2";

/* helpers */

/* " name name " for the bits set in @mask, or NULL when none is. */
static char *
build_name_set (guint         mask,
                guint         n_values,
                const char *(*to_string) (int value))
{
  GString *set;

  if (mask == 0)
    return NULL;

  set = g_string_new (" ");
  for (guint i = 0; i < n_values; i++)
    if (mask & (1u << i))
      g_string_append_printf (set, "%s ", to_string (i));

  return g_string_free (set, FALSE);
}

static const char *
kind_name (int value)
{
  return tl_event_kind_to_string (value);
}

static const char *
status_name (int value)
{
  return tl_event_status_to_string (value);
}

static gboolean
read_id_bounds (TlStore         *self,
                const TlFilter  *filter,
                gint64          *out_min,
                gint64          *out_max,
                GError         **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, id_bounds_sql, error);
  if (stmt == NULL)
    return FALSE;

  tl_store_bind_int64 (stmt, 1, filter->from, &rc);
  tl_store_bind_int64 (stmt, 2, filter->to, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return FALSE;
    }

  /* An empty window: bounds that nothing matches. */
  *out_min = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 1 : sqlite3_column_int64 (stmt, 0);
  *out_max = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* public API */

/**
 * tl_store_query_events:
 * @self: a #TlStore
 * @filter: which events: a window and optional kinds, statuses, unit and
 *   words
 * @error: return location for a #TL_STORE_ERROR
 *
 * The events @filter keeps. Words are looked up in notes, units and
 * places, case and accents ignored, the last word as a prefix, like
 * tl_store_search_events().
 *
 * Returns: (transfer container) (element-type TlEvent) (nullable): the
 *   events, ordered by time then id; the array frees its references
 */
GPtrArray *
tl_store_query_events (TlStore         *self,
                       const TlFilter  *filter,
                       GError         **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *match = NULL;
  gint64 min_id = 0, max_id = 0;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  events = g_ptr_array_new_with_free_func (g_object_unref);

  if (filter->text != NULL)
    {
      match = tl_store_build_match_query (filter->text);
      /* Only punctuation typed: no word can be required. */
      if (match != NULL && !read_id_bounds (self, filter, &min_id, &max_id, error))
        return NULL;
    }

  stmt = tl_store_prepare_cached (self, match != NULL ? query_text_sql : query_sql, error);
  if (stmt == NULL)
    return NULL;

  kinds = build_name_set (filter->kinds, TL_EVENT_N_KINDS, kind_name);
  statuses = build_name_set (filter->statuses, TL_EVENT_N_STATUSES, status_name);

  tl_store_bind_int64 (stmt, 1, filter->from, &rc);
  tl_store_bind_int64 (stmt, 2, filter->to, &rc);
  tl_store_bind_text (stmt, 3, kinds, &rc);
  tl_store_bind_text (stmt, 4, statuses, &rc);
  tl_store_bind_text (stmt, 5, filter->unit, &rc);
  if (match != NULL)
    {
      tl_store_bind_text (stmt, 6, match, &rc);
      tl_store_bind_int64 (stmt, 7, min_id, &rc);
      tl_store_bind_int64 (stmt, 8, max_id, &rc);
    }

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (events, tl_store_read_event (stmt));
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return NULL;
    }

  return g_steal_pointer (&events);
}
