/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* Bulk adds (imports): all events or none, fast enough for a million.
 *
 * Row by row, an insert into events costs its R*Tree and FTS5 triggers
 * and an audit row whose JSON formats four times: most of an import's
 * time. Inside a bulk add's transaction the connection's triggers are off
 * (SQLITE_DBCONFIG_ENABLE_TRIGGER: this connection only, nothing written
 * to the file, other connections keep theirs), and one INSERT … SELECT
 * each over the new ids fills the R*Tree, the full-text index and the
 * audit log, exactly as the triggers would have. That is only done while
 * the triggers are the ones this file knows: after a migration that adds
 * or changes one, bulk adds keep the triggers on (slower, never wrong)
 * until this file learns the new one. */

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
/* The next id AUTOINCREMENT would give. */
static const char next_id_sql[] =
  "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
  "            coalesce ((SELECT max (id) FROM events), 0)) + 1";

/* The triggers that fire on an INSERT into events, exactly as schema 1
 * stored them (sqlite_schema keeps the text from CREATE to END). */
static const char rtree_insert_trigger_sql[] =
  "CREATE TRIGGER events_rtree_insert AFTER INSERT ON events"
  "  WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN"
  "  INSERT INTO events_rtree VALUES"
  "    (new.id, new.latitude, new.latitude, new.longitude, new.longitude);"
  "END";
static const char fts_insert_trigger_sql[] =
  "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
  "  INSERT INTO events_fts (rowid, notes, unit, place)"
  "    VALUES (new.id, new.notes, new.unit, new.place);"
  "END";
/* True if both are there as above, and every other trigger is one that a
 * bulk add does not fire (an UPDATE or DELETE trigger of schema 1): then
 * switching triggers off loses nothing that bulk_finish() does not do. */
static const char triggers_known_sql[] =
  "SELECT (SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger'"
  "         AND ((name = 'events_rtree_insert' AND sql = ?1)"
  "              OR (name = 'events_fts_insert' AND sql = ?2))) = 2"
  " AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'trigger'"
  "   AND name NOT IN ('events_rtree_insert', 'events_fts_insert')"
  "   AND (name NOT IN ('events_rtree_update', 'events_rtree_delete',"
  "                     'events_fts_update', 'events_fts_delete',"
  "                     'audit_no_update', 'audit_no_delete')"
  "        OR CASE instr (upper (sql), ' BEGIN') WHEN 0 THEN sql"
  "           ELSE substr (sql, 1, instr (upper (sql), ' BEGIN')) END LIKE '%INSERT%'))"
  " AND NOT EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE type = 'trigger')";
/* What the two triggers do, for the ids [?1, ?2) at once. */
static const char index_rtree_sql[] =
  "INSERT INTO events_rtree (id, min_lat, max_lat, min_lon, max_lon)"
  " SELECT id, latitude, latitude, longitude, longitude FROM events"
  " WHERE id >= ?1 AND id < ?2 AND latitude IS NOT NULL AND longitude IS NOT NULL"
  " ORDER BY id";
static const char index_fts_sql[] =
  "INSERT INTO events_fts (rowid, notes, unit, place)"
  " SELECT id, notes, unit, place FROM events WHERE id >= ?1 AND id < ?2 ORDER BY id";
/* Every row of a bulk add was stamped ?4: its time is formatted once (an
 * uncorrelated subquery runs once), a third of the audit log's cost. */
#define BULK_STAMP(column) \
  "CASE " column " WHEN ?4 THEN (SELECT " TL_STORE_ISO_TIME ("?4") ")" \
  " ELSE " TL_STORE_ISO_TIME (column) " END"
static const char audit_range_sql[] =
  "INSERT INTO audit (event_id, action, operator, at, after)"
  " SELECT id, 'create', ?3, ?4, "
  TL_STORE_EVENT_JSON_STAMPED (BULK_STAMP ("created_at"), BULK_STAMP ("updated_at"))
  " FROM events WHERE id >= ?1 AND id < ?2 ORDER BY id";

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

/* Stages events [@first, @end) with their ids and bookkeeping and moves
 * them into events in one statement. */
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
  g_autoptr(TlCachedStatement) stage = NULL;
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
  if (rc == SQLITE_OK)
    return TRUE;

  if (error == NULL || *error == NULL)
    explain_staged_failure (self, first, end, events->len, rc, error);
  return FALSE;

failed:
  if (error == NULL || *error == NULL)
    tl_store_set_error (self, rc, _("Could not save the events"), error);
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
  const char *what = _("Could not save the events");
  g_autoptr(TlCachedStatement) stmt = NULL;
  gboolean fast = FALSE;
  gint64 first_id;
  int rc;

  if (!tl_store_bulk_begin (self, &fast, error))
    return FALSE;

  /* Ids are given here, inside the write lock, so that each event's id is
   * known without reading it back. */
  stmt = tl_store_prepare_cached (self, next_id_sql, error);
  if (stmt == NULL)
    {
      rc = SQLITE_ERROR;
      goto failed;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    goto failed;
  first_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, tl_cached_statement_release);

  for (guint first = 0; first < events->len; first += IMPORT_CHUNK)
    {
      guint end = MIN (first + IMPORT_CHUNK, events->len);

      if (!add_chunk (self, events, first, end, first_id, operator_name, now, error))
        {
          rc = SQLITE_ERROR;
          goto failed;
        }
    }

  rc = tl_store_bulk_finish (self, fast, first_id, first_id + events->len,
                             operator_name, now, error);
  if (rc != SQLITE_OK)
    goto failed;

  /* The staged copy is not needed any more (it lives in memory). */
  rc = run_cached (self, clear_import_sql, error);
  if (rc != SQLITE_OK)
    goto failed;

  tl_store_bulk_end (self);
  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  *out_first_id = first_id;
  return TRUE;

failed:
  tl_store_bulk_end (self);
  tl_store_fail_write (self, rc, what, error);
  return FALSE;
}

/* Private API: bulk writes, shared with tl-store-exchange.c */

gboolean
tl_store_bulk_can_skip_triggers (TlStore  *self,
                                 GError  **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, triggers_known_sql, error);
  if (stmt == NULL)
    return FALSE;

  tl_store_bind_text (stmt, 1, rtree_insert_trigger_sql, &rc);
  tl_store_bind_text (stmt, 2, fts_insert_trigger_sql, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }

  return sqlite3_column_int (stmt, 0) != 0;
}

/* Opens the transaction of a bulk add and, if the triggers are the known
 * ones, switches them off for this connection. */
gboolean
tl_store_bulk_begin (TlStore   *self,
                     gboolean  *out_fast,
                     GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  int rc;

  *out_fast = FALSE;

  if (!tl_store_begin (self, error))
    return FALSE;

  /* Read under the write lock: no migration can come in between. */
  if (!tl_store_bulk_can_skip_triggers (self, &local_error))
    {
      if (local_error != NULL)
        {
          tl_store_rollback (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("Unknown triggers on the events: bulk add row by row");
      return TRUE;
    }

  rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  if (rc != SQLITE_OK)
    {
      /* Triggers still on: slow but right. */
      g_debug ("Could not switch triggers off: %s", sqlite3_errstr (rc));
      return TRUE;
    }

  *out_fast = TRUE;
  return TRUE;
}

/* Does for the new events [@first_id, @end_id) what the triggers did not
 * (if @fast) and writes their audit rows. Returns a SQLite code. */
int
tl_store_bulk_finish (TlStore     *self,
                      gboolean     fast,
                      gint64       first_id,
                      gint64       end_id,
                      const char  *operator_name,
                      gint64       now,
                      GError     **error)
{
  const char * const fast_sql[] = { index_rtree_sql, index_fts_sql };
  g_autoptr(TlCachedStatement) audit = NULL;
  int rc = SQLITE_OK;

  for (guint i = 0; fast && i < G_N_ELEMENTS (fast_sql); i++)
    {
      g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, fast_sql[i], error);

      if (stmt == NULL)
        return SQLITE_ERROR;
      tl_store_bind_int64 (stmt, 1, first_id, &rc);
      tl_store_bind_int64 (stmt, 2, end_id, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      if (rc != SQLITE_OK)
        return rc;
    }

  audit = tl_store_prepare_cached (self, audit_range_sql, error);
  if (audit == NULL)
    return SQLITE_ERROR;
  tl_store_bind_int64 (audit, 1, first_id, &rc);
  tl_store_bind_int64 (audit, 2, end_id, &rc);
  tl_store_bind_text (audit, 3, operator_name, &rc);
  tl_store_bind_int64 (audit, 4, now, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (audit);

  return rc;
}

/* Switches the triggers back on; harmless if they are on. Before the
 * commit or the rollback, so that nothing else ever runs without them. */
void
tl_store_bulk_end (TlStore *self)
{
  int rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);

  /* Only fails for an unknown option, which this one is not. */
  if (rc != SQLITE_OK)
    g_critical ("Could not switch triggers back on: %s", sqlite3_errstr (rc));
}

/* Public API */

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

  /* Row by row, every INSERT would be a statement of its own: with the
   * triggers on, a statement savepoint at which SQLite 3.40's FTS5 writes
   * out its pending index (a million-row import took minutes); with them
   * off, still the AUTOINCREMENT bookkeeping of each statement. Staged
   * rows move by one INSERT … SELECT per chunk. */
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
