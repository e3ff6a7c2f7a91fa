/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Drafts: what an officer is typing, saved every second or so, so that a
 * crash, a closed window or a power cut never loses a report. One draft
 * per form: a new report of a kind (event_id NULL) or an edit of an event.
 * Drafts are not records: they have no audit rows and do not tell the
 * views that events changed. */

static const char delete_draft_sql[] =
  "DELETE FROM drafts WHERE kind = ?1 AND event_id IS ?2";
static const char insert_draft_sql[] =
  "INSERT INTO drafts (kind, event_id, operator, content, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char get_draft_sql[] =
  "SELECT id, operator, content, updated_at FROM drafts"
  " WHERE kind = ?1 AND event_id IS ?2 ORDER BY updated_at DESC, id DESC LIMIT 1";

/* Binds the key of a draft: ?1 kind, ?2 event id (NULL for a new one). */
static int
bind_key (sqlite3_stmt *stmt,
          TlEventKind   kind,
          gint64        event_id)
{
  int rc = SQLITE_OK;

  tl_store_bind_text (stmt, 1, tl_event_kind_to_string (kind), &rc);
  if (event_id > 0)
    tl_store_bind_int64 (stmt, 2, event_id, &rc);
  else
    tl_store_bind_null (stmt, 2, &rc);
  return rc;
}

/* Deletes the draft of a form inside the caller's transaction. */
static int
delete_in_transaction (TlStoreSqlite  *self,
                       TlEventKind     kind,
                       gint64          event_id,
                       GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, delete_draft_sql, error);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  rc = bind_key (stmt, kind, event_id);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  return rc;
}

/**
 * tl_store_save_draft:
 * @self: a #TlStore
 * @kind: the kind of report
 * @event_id: the event being edited, or 0 for a new report
 * @operator_name: who is typing
 * @content: the form's content, as JSON
 * @error: return location for a #TL_STORE_ERROR
 *
 * Replaces the draft of the form (@kind, @event_id).
 *
 * Returns: %TRUE if the draft was written
 */
gboolean
tl_store_save_draft (TlStore     *self,
                     TlEventKind  kind,
                     gint64       event_id,
                     const char  *operator_name,
                     const char  *content,
                     GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_save_draft (self->backend, kind, event_id, operator_name, content, error);
}

static gboolean
sqlite_save_draft (TlStoreBackend  *backend,
                   TlEventKind      kind,
                   gint64           event_id,
                   const char      *operator_name,
                   const char      *content,
                   GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  const char *what = _("Could not keep a copy of the report being typed");
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  if (!tl_store_begin (self, error))
    return FALSE;

  rc = delete_in_transaction (self, kind, event_id, error);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }

  stmt = tl_store_prepare_cached (self, insert_draft_sql, error);
  if (stmt == NULL)
    {
      tl_store_rollback (self);
      return FALSE;
    }
  rc = bind_key (stmt, kind, event_id);
  tl_store_bind_text (stmt, 3, operator_name, &rc);
  tl_store_bind_text (stmt, 4, content, &rc);
  tl_store_bind_int64 (stmt, 5, tl_store_now (), &rc);
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

  return TRUE;
}

/**
 * tl_store_get_draft:
 * @self: a #TlStore
 * @kind: the kind of report
 * @event_id: the event being edited, or 0 for a new report
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the draft of the form, or %NULL
 *   with @error unset if there is none
 */
TlDraft *
tl_store_get_draft (TlStore     *self,
                    TlEventKind  kind,
                    gint64       event_id,
                    GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_get_draft (self->backend, kind, event_id, error);
}

static TlDraft *
sqlite_get_draft (TlStoreBackend  *backend,
                  TlEventKind      kind,
                  gint64           event_id,
                  GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  TlDraft *draft;
  int rc;

  stmt = tl_store_prepare_cached (self, get_draft_sql, error);
  if (stmt == NULL)
    return NULL;

  rc = bind_key (stmt, kind, event_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the unsaved report"), error);
      return NULL;
    }

  draft = g_new0 (TlDraft, 1);
  draft->id = sqlite3_column_int64 (stmt, 0);
  draft->kind = kind;
  draft->event_id = event_id > 0 ? event_id : 0;
  draft->operator_name = g_strdup (tl_store_column_text (stmt, 1));
  draft->content = g_strdup (tl_store_column_text (stmt, 2));
  draft->updated_at = sqlite3_column_int64 (stmt, 3);

  return draft;
}

/**
 * tl_store_delete_draft:
 * @self: a #TlStore
 * @kind: the kind of report
 * @event_id: the event being edited, or 0 for a new report
 * @error: return location for a #TL_STORE_ERROR
 *
 * Forgets the draft of a form, once it is saved or discarded. Deleting a
 * draft that does not exist is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_delete_draft (TlStore     *self,
                       TlEventKind  kind,
                       gint64       event_id,
                       GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_delete_draft (self->backend, kind, event_id, error);
}

static gboolean
sqlite_delete_draft (TlStoreBackend  *backend,
                     TlEventKind      kind,
                     gint64           event_id,
                     GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  const char *what = _("Could not remove the unsaved report");
  int rc;

  if (!tl_store_begin (self, error))
    return FALSE;

  rc = delete_in_transaction (self, kind, event_id, error);
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

void
tl_draft_free (TlDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->operator_name);
  g_free (draft->content);
  g_free (draft);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_drafts (TlStoreBackendClass *klass)
{
  klass->save_draft = sqlite_save_draft;
  klass->get_draft = sqlite_get_draft;
  klass->delete_draft = sqlite_delete_draft;
}
