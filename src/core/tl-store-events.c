/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* Reading and writing records. Every write is one transaction holding the
 * change and its audit row, so the log never shows a change that did not
 * happen nor misses one that did. */

static const char insert_event_sql[] =
  "INSERT INTO events (" TL_STORE_EVENT_COLUMNS ")"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
  " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";

/* Same parameter numbers as insert_event_sql; created_by and created_at
 * (?19, ?20) never change. */
static const char update_event_sql[] =
  "UPDATE events SET kind = ?2, time = ?3, end_time = ?4, latitude = ?5,"
  " longitude = ?6, place = ?7, boats = ?8, people = ?9, rescued = ?10,"
  " deceased = ?11, missing = ?12, unit = ?13, status = ?14, notes = ?15,"
  " case_id = ?16, details = ?17, revision = ?18, updated_by = ?21,"
  " updated_at = ?22"
  " WHERE id = ?1 AND revision = ?23";

/* The audit row is built from the row as stored, after the write for
 * 'create', 'restore' and 'update', before it for 'delete'. */
static const char audit_after_sql[] =
  "INSERT INTO audit (event_id, action, operator, at, before, after)"
  " SELECT id, ?2, ?3, ?4, ?5, " TL_STORE_EVENT_JSON " FROM events WHERE id = ?1";
static const char audit_before_sql[] =
  "INSERT INTO audit (event_id, action, operator, at, before)"
  " SELECT id, 'delete', ?2, ?3, " TL_STORE_EVENT_JSON " FROM events WHERE id = ?1";

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

static const char event_json_sql[] =
  "SELECT " TL_STORE_EVENT_JSON " FROM events WHERE id = ?";
static const char event_state_sql[] =
  "SELECT revision, updated_by, updated_at FROM events WHERE id = ?";
static const char delete_event_sql[] =
  "DELETE FROM events WHERE id = ?";
static const char get_event_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events WHERE id = ?";
static const char list_events_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events"
  " WHERE time >= ?1 AND time < ?2 ORDER BY time, id";
static const char count_events_sql[] =
  "SELECT count(*) FROM events";
static const char list_audit_sql[] =
  "SELECT id, event_id, action, operator, at, before, after FROM audit"
  " WHERE event_id = ? ORDER BY id";
static const char list_places_sql[] =
  "SELECT name, kind, country, latitude, longitude FROM places ORDER BY name";
static const char search_events_sql[] =
  "SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rank";

static const char * const audit_actions[] = {
  [TL_AUDIT_ACTION_CREATE] = "create",
  [TL_AUDIT_ACTION_UPDATE] = "update",
  [TL_AUDIT_ACTION_DELETE] = "delete",
  [TL_AUDIT_ACTION_RESTORE] = "restore",
};

/* Helpers */

/* Binders that stop at the first failure, so a whole row is bound and the
 * result checked once. */

static void
bind_int64 (sqlite3_stmt *stmt,
            int           column,
            gint64        value,
            int          *rc)
{
  if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_int64 (stmt, column, value);
}

static void
bind_null (sqlite3_stmt *stmt,
           int           column,
           int          *rc)
{
  if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_null (stmt, column);
}

/* Strings are bound SQLITE_STATIC: they outlive the sqlite3_step(). */
static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *value,
           int          *rc)
{
  if (value == NULL)
    bind_null (stmt, column, rc);
  else if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           column,
             double        value,
             int          *rc)
{
  if (isnan (value))
    bind_null (stmt, column, rc);
  else if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_double (stmt, column, value);
}

/* Unknown counts, unset times and "no case" are NULL in the database. */
static void
bind_optional (sqlite3_stmt *stmt,
               int           column,
               gint64        value,
               gint64        none,
               int          *rc)
{
  if (value == none)
    bind_null (stmt, column, rc);
  else
    bind_int64 (stmt, column, value, rc);
}

/* Binds ?1 … ?22 in the order of TL_STORE_EVENT_COLUMNS. An id of 0 lets
 * SQLite choose one. */
static int
bind_event (sqlite3_stmt      *stmt,
            const TlEventData *data)
{
  gboolean has_position = !isnan (data->latitude) && !isnan (data->longitude);
  int rc = SQLITE_OK;

  bind_optional (stmt, 1, data->id, 0, &rc);
  bind_text (stmt, 2, tl_event_kind_to_string (data->kind), &rc);
  bind_int64 (stmt, 3, data->time, &rc);
  bind_optional (stmt, 4, data->end_time, TL_TIME_NONE, &rc);
  bind_double (stmt, 5, has_position ? data->latitude : NAN, &rc);
  bind_double (stmt, 6, has_position ? data->longitude : NAN, &rc);
  bind_text (stmt, 7, data->place, &rc);
  bind_optional (stmt, 8, data->boats, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 9, data->people, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 10, data->rescued, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 11, data->deceased, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 12, data->missing, TL_COUNT_UNKNOWN, &rc);
  bind_text (stmt, 13, data->unit, &rc);
  bind_text (stmt, 14, tl_event_status_to_string (data->status), &rc);
  bind_text (stmt, 15, data->notes, &rc);
  bind_optional (stmt, 16, data->case_id, 0, &rc);
  bind_text (stmt, 17, data->details, &rc);
  bind_int64 (stmt, 18, data->revision, &rc);
  bind_text (stmt, 19, data->created_by, &rc);
  bind_int64 (stmt, 20, data->created_at, &rc);
  bind_text (stmt, 21, data->updated_by, &rc);
  bind_int64 (stmt, 22, data->updated_at, &rc);

  return rc;
}

static gint64
column_optional (sqlite3_stmt *stmt,
                 int           column,
                 gint64        none)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return none;

  return sqlite3_column_int64 (stmt, column);
}

static double
column_coordinate (sqlite3_stmt *stmt,
                   int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, column);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* Reads a row of TL_STORE_EVENT_COLUMNS. */
static TlEvent *
read_event (sqlite3_stmt *stmt)
{
  TlEventData data;

  data.id = sqlite3_column_int64 (stmt, 0);
  /* The schema only admits known names; a newer schema is refused. */
  if (!tl_event_kind_from_string (column_text (stmt, 1), &data.kind))
    data.kind = TL_EVENT_KIND_SIGHTING;
  data.time = sqlite3_column_int64 (stmt, 2);
  data.end_time = column_optional (stmt, 3, TL_TIME_NONE);
  data.latitude = column_coordinate (stmt, 4);
  data.longitude = column_coordinate (stmt, 5);
  data.place = column_text (stmt, 6);
  data.boats = (int)column_optional (stmt, 7, TL_COUNT_UNKNOWN);
  data.people = (int)column_optional (stmt, 8, TL_COUNT_UNKNOWN);
  data.rescued = (int)column_optional (stmt, 9, TL_COUNT_UNKNOWN);
  data.deceased = (int)column_optional (stmt, 10, TL_COUNT_UNKNOWN);
  data.missing = (int)column_optional (stmt, 11, TL_COUNT_UNKNOWN);
  data.unit = column_text (stmt, 12);
  if (!tl_event_status_from_string (column_text (stmt, 13), &data.status))
    data.status = TL_EVENT_STATUS_REPORTED;
  data.notes = column_text (stmt, 14);
  data.case_id = column_optional (stmt, 15, 0);
  data.details = column_text (stmt, 16);
  data.revision = sqlite3_column_int64 (stmt, 17);
  data.created_by = column_text (stmt, 18);
  data.created_at = sqlite3_column_int64 (stmt, 19);
  data.updated_by = column_text (stmt, 20);
  data.updated_at = sqlite3_column_int64 (stmt, 21);

  return tl_event_new_from_data (&data);
}

/* Runs a statement that returns no row. */
static int
step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Appends the audit row of event @id as it is stored now. */
static int
write_audit_after (TlStore       *self,
                   gint64         id,
                   TlAuditAction  action,
                   const char    *operator_name,
                   gint64         now,
                   const char    *before,
                   GError       **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, audit_after_sql, error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  bind_int64 (stmt, 1, id, &rc);
  bind_text (stmt, 2, audit_actions[action], &rc);
  bind_text (stmt, 3, operator_name, &rc);
  bind_int64 (stmt, 4, now, &rc);
  bind_text (stmt, 5, before, &rc);
  if (rc == SQLITE_OK)
    rc = step_done (stmt);

  return rc;
}

/* Inserts @event as a new row (keeping its id if @keep_id) with the given
 * bookkeeping, and its audit row. Returns a SQLite code; on failure the
 * caller sets the error while sqlite3_errmsg() still describes it, then
 * rolls back. @error is only set when a statement cannot be prepared. */
static int
insert_event (TlStore       *self,
              TlEvent       *event,
              gboolean       keep_id,
              gint64         revision,
              const char    *operator_name,
              gint64         now,
              TlAuditAction  action,
              gint64        *out_id,
              GError       **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  TlEventData data;
  int rc;

  stmt = tl_store_prepare_cached (self, insert_event_sql, error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  tl_event_get_data (event, &data);
  data.id = keep_id ? data.id : 0;
  data.revision = revision;
  if (!keep_id || data.created_by == NULL)
    {
      data.created_by = operator_name;
      data.created_at = now;
    }
  data.updated_by = operator_name;
  data.updated_at = now;

  rc = bind_event (stmt, &data);
  if (rc == SQLITE_OK)
    rc = step_done (stmt);
  if (rc != SQLITE_OK)
    return rc;

  *out_id = sqlite3_last_insert_rowid (self->db);

  return write_audit_after (self, *out_id, action, operator_name, now, NULL, error);
}

static void
fail_write (TlStore     *self,
            int          rc,
            const char  *what,
            GError     **error)
{
  /* @error is already set if a statement could not be prepared. */
  if (error == NULL || *error == NULL)
    tl_store_set_error (self, rc, what, error);

  tl_store_rollback (self);
}

/* Reads the revision and last writer of event @id. */
static gboolean
read_event_state (TlStore     *self,
                  gint64       id,
                  gboolean    *out_exists,
                  gint64      *out_revision,
                  char       **out_updated_by,
                  gint64      *out_updated_at,
                  GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, event_state_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the event"), error);
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;
  if (*out_exists)
    {
      *out_revision = sqlite3_column_int64 (stmt, 0);
      *out_updated_by = g_strdup (column_text (stmt, 1));
      *out_updated_at = sqlite3_column_int64 (stmt, 2);
    }

  return TRUE;
}

static void
set_conflict_error (const char  *what,
                    const char  *updated_by,
                    gint64       updated_at,
                    GError     **error)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (updated_at);
  g_autofree char *when = dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : NULL;

  /* Translators: the first %s is what could not be done, the second an
   * operator's name, the third a date and time */
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT,
               _("%s: it was changed by %s at %s since you opened it"),
               what, updated_by ? updated_by : "?", when ? when : "?");
}

static void
set_not_found_error (const char  *what,
                     GError     **error)
{
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND,
               _("%s: it no longer exists; another operator may have deleted it"),
               what);
}

/* Public API: writes */

/**
 * tl_store_add_event:
 * @self: a #TlStore
 * @event: a new event; its id is ignored
 * @operator_name: who enters it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves @event as a new record, with its audit row, in one transaction.
 * On success @event gets its id, revision 1 and its created and updated
 * fields; on failure nothing is written and @event is unchanged.
 *
 * Returns: %TRUE if the event was saved
 */
gboolean
tl_store_add_event (TlStore     *self,
                    TlEvent     *event,
                    const char  *operator_name,
                    GError     **error)
{
  const char *what = _("Could not save the event");
  gint64 now = tl_store_now ();
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tl_store_begin (self, error))
    return FALSE;

  rc = insert_event (self, event, FALSE, 1, operator_name, now,
                     TL_AUDIT_ACTION_CREATE, &id, error);
  if (rc != SQLITE_OK)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (event));
  tl_event_set_id (event, id);
  tl_event_set_revision (event, 1);
  tl_event_set_created (event, operator_name, now);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_emit_events_changed (self);

  return TRUE;
}

/* Runs a cached statement that takes no parameter and returns no row. */
static int
run_cached (TlStore     *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return SQLITE_ERROR;

  return step_done (stmt);
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
        rc = step_done (stmt);
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

      rc = bind_event (stage, &data);
      bind_int64 (stage, 23, i, &rc);
      if (rc == SQLITE_OK)
        rc = step_done (stage);
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
  bind_int64 (audit, 1, first_id + first, &rc);
  bind_int64 (audit, 2, first_id + end, &rc);
  bind_text (audit, 3, operator_name, &rc);
  bind_int64 (audit, 4, now, &rc);
  if (rc == SQLITE_OK)
    rc = step_done (audit);
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
      fail_write (self, rc, _("Could not save the events"), error);
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
      fail_write (self, rc, _("Could not save the events"), error);
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

/**
 * tl_store_update_event:
 * @self: a #TlStore
 * @event: the edited event, with the id and revision it was read with
 * @operator_name: who saves it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves the fields of @event over its record, if nobody changed the record
 * since @event was read (its revision still matches); otherwise fails with
 * %TL_STORE_ERROR_CONFLICT and changes nothing. The audit row keeps the
 * record before and after. On success @event gets its new revision and
 * updated fields.
 *
 * Returns: %TRUE if the event was saved
 */
gboolean
tl_store_update_event (TlStore     *self,
                       TlEvent     *event,
                       const char  *operator_name,
                       GError     **error)
{
  const char *what = _("Could not save the event");
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *updated_by = NULL;
  TlEventData data;
  gint64 now = tl_store_now ();
  gint64 revision = 0, updated_at = 0;
  gboolean exists = FALSE;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (tl_event_get_id (event) > 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tl_store_begin (self, error))
    return FALSE;

  /* The record as it was, for the audit row. */
  stmt = tl_store_prepare_cached (self, event_json_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  bind_int64 (stmt, 1, tl_event_get_id (event), &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    before = g_strdup (column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, tl_cached_statement_release);

  if (before == NULL)
    {
      tl_store_rollback (self);
      set_not_found_error (what, error);
      return FALSE;
    }

  stmt = tl_store_prepare_cached (self, update_event_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_event_get_data (event, &data);
  data.revision = data.revision + 1;
  data.updated_by = operator_name;
  data.updated_at = now;
  rc = bind_event (stmt, &data);
  bind_int64 (stmt, 23, tl_event_get_revision (event), &rc);
  if (rc == SQLITE_OK)
    rc = step_done (stmt);
  if (rc != SQLITE_OK)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, tl_cached_statement_release);

  if (sqlite3_changes (self->db) == 0)
    {
      if (read_event_state (self, data.id, &exists, &revision, &updated_by, &updated_at, error))
        set_conflict_error (what, updated_by, updated_at, error);
      tl_store_rollback (self);
      return FALSE;
    }

  rc = write_audit_after (self, data.id, TL_AUDIT_ACTION_UPDATE, operator_name, now, before, error);
  if (rc != SQLITE_OK)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (event));
  tl_event_set_revision (event, data.revision);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_emit_events_changed (self);

  return TRUE;
}

/**
 * tl_store_delete_event:
 * @self: a #TlStore
 * @event_id: the event to delete
 * @expected_revision: the revision the operator saw, or 0 to delete
 *   whatever the record holds now
 * @operator_name: who deletes it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Deletes a record, keeping it whole in the audit row so that it can be
 * restored (tl_store_restore_event()). Fails with
 * %TL_STORE_ERROR_CONFLICT, deleting nothing, if the record changed since
 * revision @expected_revision.
 *
 * Returns: %TRUE if the event was deleted
 */
gboolean
tl_store_delete_event (TlStore     *self,
                       gint64       event_id,
                       gint64       expected_revision,
                       const char  *operator_name,
                       GError     **error)
{
  const char *what = _("Could not delete the event");
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *updated_by = NULL;
  gint64 now = tl_store_now ();
  gint64 revision = 0, updated_at = 0;
  gboolean exists = FALSE;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id > 0, FALSE);
  g_return_val_if_fail (expected_revision >= 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tl_store_begin (self, error))
    return FALSE;

  /* Checked inside the write transaction: nobody can slip in between. */
  if (!read_event_state (self, event_id, &exists, &revision, &updated_by, &updated_at, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  if (!exists)
    {
      tl_store_rollback (self);
      set_not_found_error (what, error);
      return FALSE;
    }

  if (expected_revision != 0 && revision != expected_revision)
    {
      tl_store_rollback (self);
      set_conflict_error (what, updated_by, updated_at, error);
      return FALSE;
    }

  stmt = tl_store_prepare_cached (self, audit_before_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  bind_int64 (stmt, 1, event_id, &rc);
  bind_text (stmt, 2, operator_name, &rc);
  bind_int64 (stmt, 3, now, &rc);
  if (rc == SQLITE_OK)
    rc = step_done (stmt);
  if (rc != SQLITE_OK)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, tl_cached_statement_release);

  stmt = tl_store_prepare_cached (self, delete_event_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  bind_int64 (stmt, 1, event_id, &rc);
  if (rc == SQLITE_OK)
    rc = step_done (stmt);
  if (rc != SQLITE_OK)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_store_emit_events_changed (self);

  return TRUE;
}

/**
 * tl_store_restore_event:
 * @self: a #TlStore
 * @event: a deleted event, as it was read before deletion
 * @operator_name: who restores it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Puts a deleted record back under its own id (Undo of a deletion), with
 * the next revision and an audit row 'restore'. Fails with
 * %TL_STORE_ERROR_CONFLICT if a record with that id exists.
 *
 * Returns: %TRUE if the event was restored
 */
gboolean
tl_store_restore_event (TlStore     *self,
                        TlEvent     *event,
                        const char  *operator_name,
                        GError     **error)
{
  const char *what = _("Could not restore the event");
  g_autofree char *updated_by = NULL;
  gint64 now = tl_store_now ();
  gint64 revision = 0, updated_at = 0, id = 0;
  gboolean exists = FALSE;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (tl_event_get_id (event) > 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tl_store_begin (self, error))
    return FALSE;

  if (!read_event_state (self, tl_event_get_id (event), &exists,
                         &revision, &updated_by, &updated_at, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  if (exists)
    {
      tl_store_rollback (self);
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT,
                   _("%s: it is not deleted, or was restored already"), what);
      return FALSE;
    }

  revision = tl_event_get_revision (event) + 1;
  rc = insert_event (self, event, TRUE, revision, operator_name, now,
                     TL_AUDIT_ACTION_RESTORE, &id, error);
  if (rc != SQLITE_OK)
    {
      fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (event));
  tl_event_set_revision (event, revision);
  if (tl_event_get_created_by (event) == NULL)
    tl_event_set_created (event, operator_name, now);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_emit_events_changed (self);

  return TRUE;
}

/* Public API: reads */

/**
 * tl_store_get_event:
 * @self: a #TlStore
 * @event_id: the event to read
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with @error set
 *   (%TL_STORE_ERROR_NOT_FOUND if there is no such event)
 */
TlEvent *
tl_store_get_event (TlStore     *self,
                    gint64       event_id,
                    GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tl_store_prepare_cached (self, get_event_sql, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_bind_int64 (stmt, 1, event_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return read_event (stmt);

  if (rc == SQLITE_DONE)
    set_not_found_error (_("Could not open the event"), error);
  else
    tl_store_set_error (self, rc, _("Could not open the event"), error);

  return NULL;
}

/**
 * tl_store_list_events:
 * @self: a #TlStore
 * @from: the first second, UTC
 * @to: the second after the last one, UTC
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlEvent) (nullable): the
 *   events whose time lies in [@from, @to), ordered by time then id; the
 *   array frees its references
 */
GPtrArray *
tl_store_list_events (TlStore     *self,
                      gint64       from,
                      gint64       to,
                      GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tl_store_prepare_cached (self, list_events_sql, error);
  if (stmt == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func (g_object_unref);

  bind_int64 (stmt, 1, from, &rc);
  bind_int64 (stmt, 2, to, &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (events, read_event (stmt));
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/**
 * tl_store_count_events:
 * @self: a #TlStore
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: the number of events, or -1 with @error set
 */
gint64
tl_store_count_events (TlStore     *self,
                       GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  stmt = tl_store_prepare_cached (self, count_events_sql, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * tl_store_list_audit:
 * @self: a #TlStore
 * @event_id: the event whose history to read
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlAuditEntry) (nullable):
 *   every change to the event, oldest first; the array frees its entries
 */
GPtrArray *
tl_store_list_audit (TlStore     *self,
                     gint64       event_id,
                     GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tl_store_prepare_cached (self, list_audit_sql, error);
  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)tl_audit_entry_free);

  rc = sqlite3_bind_int64 (stmt, 1, event_id);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);
      const char *action = column_text (stmt, 2);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->event_id = sqlite3_column_int64 (stmt, 1);
      for (guint i = 0; i < G_N_ELEMENTS (audit_actions); i++)
        if (g_strcmp0 (action, audit_actions[i]) == 0)
          entry->action = i;
      entry->operator_name = g_strdup (column_text (stmt, 3));
      entry->at = sqlite3_column_int64 (stmt, 4);
      entry->before = g_strdup (column_text (stmt, 5));
      entry->after = g_strdup (column_text (stmt, 6));

      g_ptr_array_add (entries, entry);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the history of the event"), error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * tl_store_list_places:
 * @self: a #TlStore
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlPlace) (nullable): the
 *   gazetteer, by name; the array frees its entries
 */
GPtrArray *
tl_store_list_places (TlStore     *self,
                      GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) places = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tl_store_prepare_cached (self, list_places_sql, error);
  if (stmt == NULL)
    return NULL;

  places = g_ptr_array_new_with_free_func ((GDestroyNotify)tl_place_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlPlace *place = g_new0 (TlPlace, 1);

      place->name = g_strdup (column_text (stmt, 0));
      place->kind = g_strdup (column_text (stmt, 1));
      place->country = g_strdup (column_text (stmt, 2));
      place->latitude = sqlite3_column_double (stmt, 3);
      place->longitude = sqlite3_column_double (stmt, 4);

      g_ptr_array_add (places, place);
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the list of places"), error);
      return NULL;
    }

  return g_steal_pointer (&places);
}

/* Turns what an operator typed into an FTS5 query that cannot be a syntax
 * error: every word a quoted string (quotes doubled), all of them
 * required, the last one a prefix so that results come while typing.
 * Words without a letter or digit would be empty phrases: dropped. */
static char *
build_match_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      for (const char *p = words[i]; *p != '\0' && !has_alnum; p = g_utf8_next_char (p))
        has_alnum = g_unichar_isalnum (g_utf8_get_char (p));

      if (!has_alnum)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
    }

  if (query->len == 0)
    return NULL;

  g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * tl_store_search_events:
 * @self: a #TlStore
 * @text: words as an operator typed them
 * @error: return location for a #TL_STORE_ERROR
 *
 * Finds the events whose notes, unit or place contain every word of
 * @text (case and accents ignored), the last word as a prefix.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of
 *   the events found, best match first; empty if @text has no word
 */
GArray *
tl_store_search_events (TlStore     *self,
                        const char  *text,
                        GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *query = NULL;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  query = build_match_query (text);
  if (query == NULL)
    return g_steal_pointer (&ids);

  stmt = tl_store_prepare_cached (self, search_events_sql, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not search the events"), error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Public API: boxed values */

void
tl_place_free (TlPlace *place)
{
  if (place == NULL)
    return;

  g_free (place->name);
  g_free (place->kind);
  g_free (place->country);
  g_free (place);
}

void
tl_audit_entry_free (TlAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->operator_name);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry);
}
