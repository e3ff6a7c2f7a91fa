/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Cases: the reports about one boat (its departure, interception or
 * rescue, arrival) linked together with a status. Linking changes the
 * event's case_id like any edit: next revision, audit row. A report
 * saved into a new case, or saved with a new status for its case, writes
 * both in one transaction. */

static const char create_case_sql[] =
  "INSERT INTO cases (status, title, created_at, updated_at, opened_at) VALUES (?1, ?2, ?3, ?3, ?3)";
static const char case_columns_sql[] =
  "SELECT c.id, c.status, c.title, c.created_at, c.updated_at,"
  " (SELECT count(*) FROM events e WHERE e.case_id = c.id)"
  " FROM cases c WHERE c.id = ?";
static const char list_cases_sql[] =
  "SELECT c.id, c.status, c.title, c.created_at, c.updated_at,"
  " (SELECT count(*) FROM events e WHERE e.case_id = c.id)"
  " FROM cases c ORDER BY c.updated_at DESC, c.id DESC";
static const char set_status_sql[] =
  "UPDATE cases SET status = ?2, updated_at = ?3 WHERE id = ?1";
static const char touch_case_sql[] =
  "UPDATE cases SET updated_at = ?2 WHERE id = ?1";
static const char event_json_sql[] =
  "SELECT case_id, " TL_STORE_EVENT_JSON " FROM events WHERE id = ?";
static const char link_event_sql[] =
  "UPDATE events SET case_id = ?2, revision = revision + 1,"
  " updated_by = ?3, updated_at = ?4 WHERE id = ?1";
static const char link_audit_sql[] =
  "INSERT INTO audit (event_id, action, operator, at, before, after)"
  " SELECT id, 'update', ?2, ?3, ?4, " TL_STORE_EVENT_JSON " FROM events WHERE id = ?1";
static const char case_events_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events WHERE case_id = ? ORDER BY time, id";

/* Helpers */

static TlCase *
read_case (sqlite3_stmt *stmt)
{
  TlCase *c = g_new0 (TlCase, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  if (!tl_case_status_from_string (tl_store_column_text (stmt, 1), &c->status))
    c->status = TL_CASE_STATUS_POSSIBLE;
  c->title = g_strdup (tl_store_column_text (stmt, 2));
  c->created_at = sqlite3_column_int64 (stmt, 3);
  c->updated_at = sqlite3_column_int64 (stmt, 4);
  c->n_events = (guint) sqlite3_column_int64 (stmt, 5);
  return c;
}

/* Inserts a case in the caller's transaction. */
int
tl_store_insert_case (TlStoreSqlite  *self,
                      TlCaseStatus    status,
                      const char     *title,
                      gint64          now,
                      gint64         *out_id,
                      GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, create_case_sql, error);
  int rc = SQLITE_OK;

  if (stmt == NULL)
    return SQLITE_ERROR;
  tl_store_bind_text (stmt, 1, tl_case_status_to_string (status), &rc);
  tl_store_bind_text (stmt, 2, title, &rc);
  tl_store_bind_int64 (stmt, 3, now, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc == SQLITE_OK)
    *out_id = sqlite3_last_insert_rowid (self->db);
  return rc;
}

/* Runs @sql (?1 the case, ?2 @value if not NULL, then @now) in the
 * caller's transaction; fails with NOT_FOUND if no case changed. */
static int
update_case (TlStoreSqlite  *self,
             const char     *sql,
             gint64          case_id,
             const char     *value,
             gint64          now,
             GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, sql, error);
  int rc = SQLITE_OK;

  if (stmt == NULL)
    return SQLITE_ERROR;
  tl_store_bind_int64 (stmt, 1, case_id, &rc);
  if (value != NULL)
    tl_store_bind_text (stmt, 2, value, &rc);
  tl_store_bind_int64 (stmt, value != NULL ? 3 : 2, now, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc == SQLITE_OK && sqlite3_changes (self->db) == 0)
    rc = SQLITE_NOTFOUND;
  return rc;
}

static gboolean
finish_write (TlStoreSqlite  *self,
              int             rc,
              const char     *what,
              GError        **error)
{
  if (rc == SQLITE_NOTFOUND)
    {
      tl_store_rollback (self);
      tl_store_set_not_found_error (what, error);
      return FALSE;
    }
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
  return TRUE;
}

/* Public API: cases */

/**
 * tl_store_create_case:
 * @self: a #TlStore
 * @status: the case's first status
 * @title: (nullable): a short name, such as the boat's description
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
tl_store_create_case (TlStore       *self,
                      TlCaseStatus   status,
                      const char    *title,
                      GError       **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), 0);
  g_return_val_if_fail ((guint) status < TL_CASE_N_STATUSES, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return tl_store_backend_create_case (self->backend, status, title, error);
}

static gint64
sqlite_create_case (TlStoreBackend  *backend,
                    TlCaseStatus     status,
                    const char      *title,
                    GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  gint64 id = 0;
  int rc;

  if (!tl_store_begin (self, error))
    return 0;

  rc = tl_store_insert_case (self, status, title, tl_store_now (), &id, error);
  if (!finish_write (self, rc, _("Could not create the case"), error))
    return 0;
  return id;
}

/**
 * tl_store_get_case:
 * @self: a #TlStore
 * @case_id: the case to read
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with @error set
 */
TlCase *
tl_store_get_case (TlStore  *self,
                   gint64    case_id,
                   GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_get_case (self->backend, case_id, error);
}

static TlCase *
sqlite_get_case (TlStoreBackend  *backend,
                 gint64           case_id,
                 GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, case_columns_sql, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_bind_int64 (stmt, 1, case_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_case (stmt);
  if (rc == SQLITE_DONE)
    tl_store_set_not_found_error (_("Could not open the case"), error);
  else
    tl_store_set_error (self, rc, _("Could not open the case"), error);
  return NULL;
}

/**
 * tl_store_list_cases:
 * @self: a #TlStore
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlCase) (nullable): every
 *   case, the most recently changed first; the array frees its entries
 */
GPtrArray *
tl_store_list_cases (TlStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_cases (self->backend, error);
}

static GPtrArray *
sqlite_list_cases (TlStoreBackend  *backend,
                   GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, list_cases_sql, error);
  if (stmt == NULL)
    return NULL;

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_case_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, read_case (stmt));
  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the cases"), error);
      return NULL;
    }

  return g_steal_pointer (&cases);
}

/**
 * tl_store_set_case_status:
 * @self: a #TlStore
 * @case_id: the case
 * @status: its new status
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_set_case_status (TlStore       *self,
                          gint64         case_id,
                          TlCaseStatus   status,
                          GError       **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < TL_CASE_N_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_set_case_status (self->backend, case_id, status, error);
}

static gboolean
sqlite_set_case_status (TlStoreBackend  *backend,
                        gint64           case_id,
                        TlCaseStatus     status,
                        GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  int rc;

  if (!tl_store_begin (self, error))
    return FALSE;
  rc = update_case (self, set_status_sql, case_id, tl_case_status_to_string (status),
                    tl_store_now (), error);
  if (!finish_write (self, rc, _("Could not change the status of the case"), error))
    return FALSE;

  /* Views colour events by their case's status. */
  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));
  return TRUE;
}

/**
 * tl_store_link_event:
 * @self: a #TlStore
 * @event_id: the event
 * @case_id: the case to put it in, or 0 to take it out of its case
 * @operator_name: who links it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Moves an event into a case (or out of one) in one transaction: the
 * event gets its next revision and an audit row; the case is marked as
 * changed. Linking an event to the case it is in changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_link_event (TlStore     *self,
                     gint64       event_id,
                     gint64       case_id,
                     const char  *operator_name,
                     GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id > 0 && case_id >= 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_link_event (self->backend, event_id, case_id, operator_name, error);
}

static gboolean
sqlite_link_event (TlStoreBackend  *backend,
                   gint64           event_id,
                   gint64           case_id,
                   const char      *operator_name,
                   GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  const char *what = case_id > 0 ? _("Could not add the report to the case")
                                 : _("Could not take the report out of its case");
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autofree char *before = NULL;
  gint64 now = tl_store_now ();
  gint64 old_case = 0;
  int rc = SQLITE_OK;

  if (!tl_store_begin (self, error))
    return FALSE;

  stmt = tl_store_prepare_cached (self, event_json_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  tl_store_bind_int64 (stmt, 1, event_id, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      old_case = sqlite3_column_int64 (stmt, 0);
      before = g_strdup (tl_store_column_text (stmt, 1));
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_NOTFOUND;
  g_clear_pointer (&stmt, tl_cached_statement_release);

  if (rc == SQLITE_OK && old_case == case_id)
    {
      tl_store_rollback (self);
      return TRUE;
    }

  if (rc == SQLITE_OK)
    {
      stmt = tl_store_prepare_cached (self, link_event_sql, error);
      rc = stmt ? SQLITE_OK : SQLITE_ERROR;
      tl_store_bind_int64 (stmt, 1, event_id, &rc);
      if (case_id > 0)
        tl_store_bind_int64 (stmt, 2, case_id, &rc);
      else
        tl_store_bind_null (stmt, 2, &rc);
      tl_store_bind_text (stmt, 3, operator_name, &rc);
      tl_store_bind_int64 (stmt, 4, now, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      g_clear_pointer (&stmt, tl_cached_statement_release);
    }

  if (rc == SQLITE_OK)
    {
      stmt = tl_store_prepare_cached (self, link_audit_sql, error);
      rc = stmt ? SQLITE_OK : SQLITE_ERROR;
      tl_store_bind_int64 (stmt, 1, event_id, &rc);
      tl_store_bind_text (stmt, 2, operator_name, &rc);
      tl_store_bind_int64 (stmt, 3, now, &rc);
      tl_store_bind_text (stmt, 4, before, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      g_clear_pointer (&stmt, tl_cached_statement_release);
    }

  /* Both cases changed: the one left and the one joined. */
  if (rc == SQLITE_OK && case_id > 0)
    rc = update_case (self, touch_case_sql, case_id, NULL, now, error);
  if (rc == SQLITE_OK && old_case > 0)
    {
      rc = update_case (self, touch_case_sql, old_case, NULL, now, error);
      /* The case left may have been deleted meanwhile. */
      if (rc == SQLITE_NOTFOUND)
        rc = SQLITE_OK;
    }

  if (!finish_write (self, rc, what, error))
    return FALSE;

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));
  return TRUE;
}

/**
 * tl_store_unlink_event:
 * @self: a #TlStore
 * @event_id: the event
 * @operator_name: who unlinks it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Takes an event out of its case; see tl_store_link_event().
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_unlink_event (TlStore     *self,
                       gint64       event_id,
                       const char  *operator_name,
                       GError     **error)
{
  return tl_store_link_event (self, event_id, 0, operator_name, error);
}

/* Sets the status of the existing case @case_id in the caller's
 * transaction, before the event is written into it: a refused event then
 * rolls the status back with it. On failure rolls back and sets @error. */
static gboolean
write_case_status (TlStoreSqlite  *self,
                   gint64          case_id,
                   TlCaseStatus    status,
                   gint64          now,
                   GError        **error)
{
  const char *what = _("Could not change the status of the case");
  int rc;

  rc = update_case (self, set_status_sql, case_id, tl_case_status_to_string (status), now, error);
  if (rc == SQLITE_NOTFOUND)
    {
      tl_store_rollback (self);
      tl_store_set_not_found_error (what, error);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }
  return TRUE;
}

/* What the four "event with its case" writes share: in one transaction,
 * first the case step (a new case when @case_id is 0, else the existing
 * case's new status), then the event (added, or saved over its record when
 * @update), so that a refused event rolls the case step back with it. */
static gboolean
save_event_with_case (TlStoreSqlite  *self,
                      TlEvent        *event,
                      gboolean        update,
                      gint64          case_id,
                      TlCaseStatus    case_status,
                      const char     *case_title,
                      const char     *operator_name,
                      GError        **error)
{
  gint64 now = tl_store_now ();
  gint64 id = 0;
  gboolean written;

  if (!tl_store_begin (self, error))
    return FALSE;

  if (case_id == 0)
    {
      int rc = tl_store_insert_case (self, case_status, case_title, now, &case_id, error);

      if (rc != SQLITE_OK)
        {
          tl_store_fail_write (self, rc, _("Could not save the event"), error);
          return FALSE;
        }
    }
  else if (!write_case_status (self, case_id, case_status, now, error))
    return FALSE;

  if (update)
    written = tl_store_write_updated_event (self, event, case_id, operator_name, now, error);
  else
    written = tl_store_write_added_event (self, event, case_id, operator_name, now, &id, error);
  if (!written)
    return FALSE;

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  /* Also tells the views, which colour events by their case's status. */
  if (update)
    tl_store_event_updated (self, event, case_id, operator_name, now);
  else
    tl_store_event_added (self, event, id, case_id, operator_name, now);
  return TRUE;
}

static gboolean
sqlite_save_event_in_case (TlStoreBackend  *backend,
                           TlEvent         *event,
                           gboolean         is_new,
                           gint64           case_id,
                           TlCaseStatus     case_status,
                           const char      *case_title,
                           const char      *operator_name,
                           GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);

  return save_event_with_case (self, event, !is_new, case_id, case_status, case_title,
                               operator_name, error);
}

/**
 * tl_store_add_event_in_new_case:
 * @self: a #TlStore
 * @event: a new event; its id and case are ignored
 * @case_status: the new case's first status
 * @case_title: (nullable): the new case's short name
 * @operator_name: who enters it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Creates a case and saves @event as a new record in it, with the event's
 * audit row, in one transaction: if the event cannot be saved, no case is
 * left behind. On success @event gets its id, case, revision 1 and its
 * created and updated fields; on failure nothing is written and @event is
 * unchanged.
 *
 * Returns: %TRUE if the event and its case were saved
 */
gboolean
tl_store_add_event_in_new_case (TlStore       *self,
                                TlEvent       *event,
                                TlCaseStatus   case_status,
                                const char    *case_title,
                                const char    *operator_name,
                                GError       **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail ((guint) case_status < TL_CASE_N_STATUSES, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_save_event_in_case (self->backend, event, TRUE, 0, case_status, case_title, operator_name, error);
}

/**
 * tl_store_update_event_in_new_case:
 * @self: a #TlStore
 * @event: the edited event, with the id and revision it was read with;
 *   its case is ignored
 * @case_status: the new case's first status
 * @case_title: (nullable): the new case's short name
 * @operator_name: who saves it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Creates a case and saves @event over its record, moved into that case,
 * in one transaction, as tl_store_update_event() does: if the record
 * changed since @event was read (%TL_STORE_ERROR_CONFLICT) or cannot be
 * saved, nothing is written, the case neither. On success @event gets
 * its case, its new revision and updated fields.
 *
 * Returns: %TRUE if the event and its case were saved
 */
gboolean
tl_store_update_event_in_new_case (TlStore       *self,
                                   TlEvent       *event,
                                   TlCaseStatus   case_status,
                                   const char    *case_title,
                                   const char    *operator_name,
                                   GError       **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (tl_event_get_id (event) > 0, FALSE);
  g_return_val_if_fail ((guint) case_status < TL_CASE_N_STATUSES, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_save_event_in_case (self->backend, event, FALSE, 0, case_status, case_title, operator_name, error);
}

/**
 * tl_store_add_event_with_case_status:
 * @self: a #TlStore
 * @event: a new event; its id and case are ignored
 * @case_id: the existing case to save it in
 * @case_status: the case's new status
 * @operator_name: who enters it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves @event as a new record in case @case_id, with the event's audit
 * row, and sets the case's status, in one transaction: if either is
 * refused (the case was deleted, the event breaks a rule of the schema),
 * nothing is written. On success @event gets its id, case, revision 1 and
 * its created and updated fields; on failure @event is unchanged.
 *
 * Returns: %TRUE if the event and the case's status were saved
 */
gboolean
tl_store_add_event_with_case_status (TlStore       *self,
                                     TlEvent       *event,
                                     gint64         case_id,
                                     TlCaseStatus   case_status,
                                     const char    *operator_name,
                                     GError       **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);
  g_return_val_if_fail ((guint) case_status < TL_CASE_N_STATUSES, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_save_event_in_case (self->backend, event, TRUE, case_id, case_status, NULL, operator_name, error);
}

/**
 * tl_store_update_event_with_case_status:
 * @self: a #TlStore
 * @event: the edited event, with the id and revision it was read with;
 *   its case is ignored
 * @case_id: the existing case to save it in (its own, or one it moves to)
 * @case_status: the case's new status
 * @operator_name: who saves it, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves @event over its record, in case @case_id, and sets the case's
 * status, in one transaction, as tl_store_update_event() does: if the
 * record changed since @event was read (%TL_STORE_ERROR_CONFLICT), the
 * case was deleted, or either cannot be saved, nothing is written, the
 * status neither. On success @event gets its case, its new revision and
 * updated fields.
 *
 * Returns: %TRUE if the event and the case's status were saved
 */
gboolean
tl_store_update_event_with_case_status (TlStore       *self,
                                        TlEvent       *event,
                                        gint64         case_id,
                                        TlCaseStatus   case_status,
                                        const char    *operator_name,
                                        GError       **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (tl_event_get_id (event) > 0, FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);
  g_return_val_if_fail ((guint) case_status < TL_CASE_N_STATUSES, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_save_event_in_case (self->backend, event, FALSE, case_id, case_status, NULL, operator_name, error);
}

/**
 * tl_store_list_case_events:
 * @self: a #TlStore
 * @case_id: the case
 * @error: return location for a #TL_STORE_ERROR
 *
 * The chain of a case, as the map draws it: its events in time order.
 *
 * Returns: (transfer container) (element-type TlEvent) (nullable): the
 *   events, oldest first; the array frees its references
 */
GPtrArray *
tl_store_list_case_events (TlStore  *self,
                           gint64    case_id,
                           GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_case_events (self->backend, case_id, error);
}

static GPtrArray *
sqlite_list_case_events (TlStoreBackend  *backend,
                         gint64           case_id,
                         GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, case_events_sql, error);
  if (stmt == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func (g_object_unref);
  rc = sqlite3_bind_int64 (stmt, 1, case_id);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (events, tl_store_read_event (stmt));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the reports of the case"), error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_cases (TlStoreBackendClass *klass)
{
  klass->create_case = sqlite_create_case;
  klass->get_case = sqlite_get_case;
  klass->list_cases = sqlite_list_cases;
  klass->set_case_status = sqlite_set_case_status;
  klass->link_event = sqlite_link_event;
  klass->save_event_in_case = sqlite_save_event_in_case;
  klass->list_case_events = sqlite_list_case_events;
}
