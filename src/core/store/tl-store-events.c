/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

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

static const char event_json_sql[] =
  "SELECT " TL_STORE_EVENT_JSON " FROM events WHERE id = ?";
static const char event_state_sql[] =
  "SELECT revision, updated_by, updated_at FROM events WHERE id = ?";
static const char delete_event_sql[] =
  "DELETE FROM events WHERE id = ?";

/* Helpers */

/* Appends the audit row of event @id as it is stored now. */
static int
write_audit_after (TlStoreSqlite  *self,
                   gint64          id,
                   TlAuditAction   action,
                   const char     *operator_name,
                   gint64          now,
                   const char     *before,
                   GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, audit_after_sql, error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  tl_store_bind_int64 (stmt, 1, id, &rc);
  tl_store_bind_text (stmt, 2, tl_store_audit_action_to_string (action), &rc);
  tl_store_bind_text (stmt, 3, operator_name, &rc);
  tl_store_bind_int64 (stmt, 4, now, &rc);
  tl_store_bind_text (stmt, 5, before, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);

  return rc;
}

/* Inserts @event as a new row (keeping its id if @keep_id; in case
 * @case_id if > 0, else in the event's own) with the given bookkeeping,
 * and its audit row. Returns a SQLite code; on failure the caller sets
 * the error while sqlite3_errmsg() still describes it, then rolls back.
 * @error is only set when a statement cannot be prepared. */
static int
insert_event (TlStoreSqlite  *self,
              TlEvent        *event,
              gboolean        keep_id,
              gint64          case_id,
              gint64          revision,
              const char     *operator_name,
              gint64          now,
              TlAuditAction   action,
              gint64         *out_id,
              GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  TlEventData data;
  int rc;

  stmt = tl_store_prepare_cached (self, insert_event_sql, error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  tl_event_get_data (event, &data);
  data.id = keep_id ? data.id : 0;
  if (case_id > 0)
    data.case_id = case_id;
  data.revision = revision;
  if (!keep_id || data.created_by == NULL)
    {
      data.created_by = operator_name;
      data.created_at = now;
    }
  data.updated_by = operator_name;
  data.updated_at = now;

  rc = tl_store_bind_event (stmt, &data);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc != SQLITE_OK)
    return rc;

  *out_id = sqlite3_last_insert_rowid (self->db);

  return write_audit_after (self, *out_id, action, operator_name, now, NULL, error);
}

void
tl_store_fail_write (TlStoreSqlite  *self,
                     int             rc,
                     const char     *what,
                     GError        **error)
{
  /* @error is already set if a statement could not be prepared. */
  if (error == NULL || *error == NULL)
    tl_store_set_error (self, rc, what, error);

  tl_store_rollback (self);
}

/* Reads the revision and last writer of event @id. */
static gboolean
read_event_state (TlStoreSqlite  *self,
                  gint64          id,
                  gboolean       *out_exists,
                  gint64         *out_revision,
                  char          **out_updated_by,
                  gint64         *out_updated_at,
                  GError        **error)
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
      *out_updated_by = g_strdup (tl_store_column_text (stmt, 1));
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

void
tl_store_set_not_found_error (const char  *what,
                              GError     **error)
{
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND,
               _("%s: it no longer exists; another operator may have deleted it"),
               what);
}

/* Internal API: the writes of an add and of an update inside the
 * caller's transaction, so that tl-store-cases.c can create the case a
 * report goes into in the same one. */

/* Inserts @event as a new record (in case @case_id if > 0) with its audit
 * row. On failure rolls back and sets @error; on success the transaction
 * stays open for the caller to commit, then to call
 * tl_store_event_added(). */
gboolean
tl_store_write_added_event (TlStoreSqlite  *self,
                            TlEvent        *event,
                            gint64          case_id,
                            const char     *operator_name,
                            gint64          now,
                            gint64         *out_id,
                            GError        **error)
{
  int rc;

  rc = insert_event (self, event, FALSE, case_id, 1, operator_name, now,
                     TL_AUDIT_ACTION_CREATE, out_id, error);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, _("Could not save the event"), error);
      return FALSE;
    }

  return TRUE;
}

/* Gives @event, now committed as record @id, what the store wrote. */
void
tl_store_event_added (TlStoreSqlite *self,
                      TlEvent       *event,
                      gint64         id,
                      gint64         case_id,
                      const char    *operator_name,
                      gint64         now)
{
  g_object_freeze_notify (G_OBJECT (event));
  tl_event_set_id (event, id);
  if (case_id > 0)
    tl_event_set_case_id (event, case_id);
  tl_event_set_revision (event, 1);
  tl_event_set_created (event, operator_name, now);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));
}

/* Writes the fields of @event (in case @case_id if > 0) over its record
 * if the record is still at @event's revision, with the audit row. On
 * failure (%TL_STORE_ERROR_CONFLICT if the record changed) rolls back and
 * sets @error; on success the transaction stays open for the caller to
 * commit, then to call tl_store_event_updated(). */
gboolean
tl_store_write_updated_event (TlStoreSqlite  *self,
                              TlEvent        *event,
                              gint64          case_id,
                              const char     *operator_name,
                              gint64          now,
                              GError        **error)
{
  const char *what = _("Could not save the event");
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *updated_by = NULL;
  TlEventData data;
  gint64 revision = 0, updated_at = 0;
  gboolean exists = FALSE;
  int rc = SQLITE_OK;

  /* The record as it was, for the audit row. */
  stmt = tl_store_prepare_cached (self, event_json_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  tl_store_bind_int64 (stmt, 1, tl_event_get_id (event), &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    before = g_strdup (tl_store_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, tl_cached_statement_release);

  if (before == NULL)
    {
      tl_store_rollback (self);
      tl_store_set_not_found_error (what, error);
      return FALSE;
    }

  stmt = tl_store_prepare_cached (self, update_event_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_event_get_data (event, &data);
  if (case_id > 0)
    data.case_id = case_id;
  data.revision = data.revision + 1;
  data.updated_by = operator_name;
  data.updated_at = now;
  rc = tl_store_bind_event (stmt, &data);
  tl_store_bind_int64 (stmt, 23, tl_event_get_revision (event), &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
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
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }

  return TRUE;
}

/* Gives @event, now committed, what the store wrote. */
void
tl_store_event_updated (TlStoreSqlite *self,
                        TlEvent       *event,
                        gint64         case_id,
                        const char    *operator_name,
                        gint64         now)
{
  g_object_freeze_notify (G_OBJECT (event));
  if (case_id > 0)
    tl_event_set_case_id (event, case_id);
  tl_event_set_revision (event, tl_event_get_revision (event) + 1);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));
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
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_add_event (self->backend, event, operator_name, error);
}

static gboolean
sqlite_add_event (TlStoreBackend  *backend,
                  TlEvent         *event,
                  const char      *operator_name,
                  GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  gint64 now = tl_store_now ();
  gint64 id = 0;

  if (!tl_store_begin (self, error))
    return FALSE;

  if (!tl_store_write_added_event (self, event, 0, operator_name, now, &id, error))
    return FALSE;

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_store_event_added (self, event, id, 0, operator_name, now);

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
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (tl_event_get_id (event) > 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_update_event (self->backend, event, operator_name, error);
}

static gboolean
sqlite_update_event (TlStoreBackend  *backend,
                     TlEvent         *event,
                     const char      *operator_name,
                     GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  gint64 now = tl_store_now ();

  if (!tl_store_begin (self, error))
    return FALSE;

  if (!tl_store_write_updated_event (self, event, 0, operator_name, now, error))
    return FALSE;

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_store_event_updated (self, event, 0, operator_name, now);

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
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id > 0, FALSE);
  g_return_val_if_fail (expected_revision >= 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_delete_event (self->backend, event_id, expected_revision, operator_name, error);
}

static gboolean
sqlite_delete_event (TlStoreBackend  *backend,
                     gint64           event_id,
                     gint64           expected_revision,
                     const char      *operator_name,
                     GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  const char *what = _("Could not delete the event");
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *updated_by = NULL;
  gint64 now = tl_store_now ();
  gint64 revision = 0, updated_at = 0;
  gboolean exists = FALSE;
  int rc = SQLITE_OK;

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
      tl_store_set_not_found_error (what, error);
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
  tl_store_bind_int64 (stmt, 1, event_id, &rc);
  tl_store_bind_text (stmt, 2, operator_name, &rc);
  tl_store_bind_int64 (stmt, 3, now, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, tl_cached_statement_release);

  stmt = tl_store_prepare_cached (self, delete_event_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  tl_store_bind_int64 (stmt, 1, event_id, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));

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
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (tl_event_get_id (event) > 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_restore_event (self->backend, event, operator_name, error);
}

static gboolean
sqlite_restore_event (TlStoreBackend  *backend,
                      TlEvent         *event,
                      const char      *operator_name,
                      GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  const char *what = _("Could not restore the event");
  g_autofree char *updated_by = NULL;
  gint64 now = tl_store_now ();
  gint64 revision = 0, updated_at = 0, id = 0;
  gboolean exists = FALSE;
  int rc;

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
  rc = insert_event (self, event, TRUE, 0, revision, operator_name, now,
                     TL_AUDIT_ACTION_RESTORE, &id, error);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
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

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));

  return TRUE;
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_events (TlStoreBackendClass *klass)
{
  klass->add_event = sqlite_add_event;
  klass->update_event = sqlite_update_event;
  klass->delete_event = sqlite_delete_event;
  klass->restore_event = sqlite_restore_event;
}
