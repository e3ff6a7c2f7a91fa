/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* Bulk adds (imports): all events or none, fast enough for a million. */

/* Bulk adds go through a staging table: see tl_store_add_events(). */
static const char create_import_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS tl_import (n INTEGER PRIMARY KEY, "
  TL_STORE_EVENT_COLUMNS ")";
static const char clear_import_sql[] =
  "DELETE FROM temp.tl_import";
static const char stage_event_sql[] =
  "INSERT INTO temp.tl_import (n, " TL_STORE_EVENT_COLUMNS ")"
  " VALUES (?23, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
  " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";
static const char insert_staged_sql[] =
  "INSERT INTO events (" TL_STORE_EVENT_COLUMNS ")"
  " SELECT " TL_STORE_EVENT_COLUMNS " FROM temp.tl_import ORDER BY n";
static const char insert_one_staged_sql[] =
  "INSERT INTO events (" TL_STORE_EVENT_COLUMNS ")"
  " SELECT " TL_STORE_EVENT_COLUMNS " FROM temp.tl_import WHERE n = ?";
static const char audit_range_sql[] =
  "INSERT INTO audit (event_id, action, operator, at, after)"
  " SELECT id, 'create', ?3, ?4, " TL_STORE_EVENT_JSON " FROM events"
  " WHERE id >= ?1 AND id < ?2 ORDER BY id";
/* The next id AUTOINCREMENT would give. */
static const char next_id_sql[] =
  "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
  "            coalesce ((SELECT max (id) FROM events), 0)) + 1";

/* Rows staged per INSERT … SELECT: bounds the memory an import takes. */
#define IMPORT_CHUNK 8192

/* Helpers */

/* Runs a cached statement that takes no parameter and returns no row. */
static int
run_cached (TlStore     *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return SQLITE_ERROR;

  return tl_store_step_done (stmt);
}

/* After the INSERT … SELECT of a chunk failed: the transaction is lost
 * anyway, so insert the staged rows one by one to find which one the
 * schema refuses and say so. */
static void
explain_staged_failure (TlStore     *self,
                        guint        first,
                        guint        end,
                        guint        total,
                        int          chunk_rc,
                        GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *what = NULL;

  stmt = tl_store_prepare_cached (self, insert_one_staged_sql, error);
  if (stmt == NULL)
    return;

  for (guint n = first; n < end; n++)
    {
      int rc = sqlite3_bind_int64 (stmt, 1, n);

      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      if (rc != SQLITE_OK)
        {
          /* Translators: "Could not save event 3 of 120", said of an import */
          what = g_strdup_printf (_("Could not save event %u of %u"), n + 1, total);
          tl_store_set_error (self, rc, what, error);
          return;
        }
      sqlite3_reset (stmt);
    }

  tl_store_set_error (self, chunk_rc, _("Could not save the events"), error);
}

/* Stages events [@first, @end) with their ids and bookkeeping, moves them
 * into events in one statement and writes their audit rows in another. */
static gboolean
add_chunk (TlStore     *self,
           GPtrArray   *events,
           guint        first,
           guint        end,
           gint64       first_id,
           const char  *operator_name,
           gint64       now,
           GError     **error)
{
  const char *what = _("Could not save the events");
  g_autoptr(TlCachedStatement) stage = NULL;
  g_autoptr(TlCachedStatement) audit = NULL;
  int rc;

  rc = run_cached (self, clear_import_sql, error);
  if (rc != SQLITE_OK)
    goto failed;

  stage = tl_store_prepare_cached (self, stage_event_sql, error);
  if (stage == NULL)
    return FALSE;

  for (guint i = first; i < end; i++)
    {
      TlEventData data;

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      data.id = first_id + i;
      data.revision = 1;
      data.created_by = operator_name;
      data.created_at = now;
      data.updated_by = operator_name;
      data.updated_at = now;

      rc = tl_store_bind_event (stage, &data);
      tl_store_bind_int64 (stage, 23, i, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stage);
      if (rc != SQLITE_OK)
        goto failed;
      sqlite3_reset (stage);
    }

  rc = run_cached (self, insert_staged_sql, error);
  if (rc != SQLITE_OK)
    {
      if (error == NULL || *error == NULL)
        explain_staged_failure (self, first, end, events->len, rc, error);
      return FALSE;
    }

  audit = tl_store_prepare_cached (self, audit_range_sql, error);
  if (audit == NULL)
    return FALSE;

  rc = SQLITE_OK;
  tl_store_bind_int64 (audit, 1, first_id + first, &rc);
  tl_store_bind_int64 (audit, 2, first_id + end, &rc);
  tl_store_bind_text (audit, 3, operator_name, &rc);
  tl_store_bind_int64 (audit, 4, now, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (audit);
  if (rc == SQLITE_OK)
    return TRUE;

failed:
  if (error == NULL || *error == NULL)
    tl_store_set_error (self, rc, what, error);
  return FALSE;
}

/* The whole import as one transaction; returns the first id given. */
static gboolean
add_events_in_transaction (TlStore     *self,
                           GPtrArray   *events,
                           const char  *operator_name,
                           gint64       now,
                           gint64      *out_first_id,
                           GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  gint64 first_id;
  int rc;

  if (!tl_store_begin (self, error))
    return FALSE;

  /* Ids are given here, inside the write lock, so that each event's id is
   * known without reading it back. */
  stmt = tl_store_prepare_cached (self, next_id_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_fail_write (self, rc, _("Could not save the events"), error);
      return FALSE;
    }
  first_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, tl_cached_statement_release);

  for (guint first = 0; first < events->len; first += IMPORT_CHUNK)
    {
      guint end = MIN (first + IMPORT_CHUNK, events->len);

      if (!add_chunk (self, events, first, end, first_id, operator_name, now, error))
        {
          tl_store_rollback (self);
          return FALSE;
        }
    }

  /* The staged copy is not needed any more (it lives in memory). */
  rc = run_cached (self, clear_import_sql, error);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, _("Could not save the events"), error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  *out_first_id = first_id;
  return TRUE;
}

/**
 * tl_store_add_events:
 * @self: a #TlStore
 * @events: (element-type TlEvent): new events; their ids are ignored
 * @operator_name: who enters them, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves many events (an import) in one transaction: all of them, each
 * with its audit row, or none. On success each event gets its id and
 * bookkeeping fields, and #TlStore::events-changed is emitted once.
 *
 * Returns: %TRUE if every event was saved
 */
gboolean
tl_store_add_events (TlStore     *self,
                     GPtrArray   *events,
                     const char  *operator_name,
                     GError     **error)
{
  gint64 now = tl_store_now ();
  gint64 first_id = 0;
  gboolean big = FALSE;
  gboolean ok;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (events->len == 0)
    return TRUE;

  /* Row by row, every INSERT would open a statement savepoint, at which
   * SQLite 3.40's FTS5 writes out its pending index: a million-row import
   * took minutes. Staged rows moved by one INSERT … SELECT per chunk fire
   * the same triggers but flush the index once per chunk. */
  rc = sqlite3_exec (self->db, create_import_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not save the events"), error);
      return FALSE;
    }

  /* An import rewrites index pages over and over; a page cache that holds
   * them saves writing each many times to the WAL (a quarter off a
   * million-row import). Only a hint: a failure is harmless. */
  big = events->len > IMPORT_CHUNK;
  if (big)
    sqlite3_exec (self->db, "PRAGMA cache_size = " TL_STORE_IMPORT_CACHE_SIZE, NULL, NULL, NULL);

  ok = add_events_in_transaction (self, events, operator_name, now, &first_id, error);

  if (big)
    sqlite3_exec (self->db, "PRAGMA cache_size = " TL_STORE_CACHE_SIZE, NULL, NULL, NULL);
  run_cached (self, clear_import_sql, NULL);

  if (!ok)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);

      g_object_freeze_notify (G_OBJECT (event));
      tl_event_set_id (event, first_id + i);
      tl_event_set_revision (event, 1);
      tl_event_set_created (event, operator_name, now);
      tl_event_set_updated (event, operator_name, now);
      g_object_thaw_notify (G_OBJECT (event));
    }

  tl_store_emit_events_changed (self);

  return TRUE;
}
