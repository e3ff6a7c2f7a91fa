/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tl-event-private.h"
#include "tl-store-sqlite-private.h"

/* The outbox: new reports, edits and deletions made while the server
 * cannot be reached are kept on this desk, in order, in a SQLite file of
 * their own ($XDG_DATA_HOME/tideline/outbox/, one per server address,
 * 0600), and sent in that order when it can be again, each as the save
 * it is (audited by the server as a desk's save, not as an import).
 *
 * Every save through here carries an idempotency key, a random UUID
 * made when the desk saved it, which the server keeps (tl_sent) in the
 * save's own transaction. A save whose answer was lost on the way (the
 * server committed it, the desk never heard) is kept and sent again,
 * and the server then skips it: nothing is lost, nothing is made twice.
 * A kept edit or deletion names the revision it was made from; one
 * that another desk changed meanwhile is a conflict, kept for the
 * window to show (tl_store_take_outbox_refusal()), never forced. A row
 * is marked, never deleted, once the server has answered. */

#define OUTBOX_KEY "tl-store-outbox"

/* outbox.sent */
enum {
  KEPT_UNSENT = 0,
  KEPT_SENT = 1,
  KEPT_REFUSED = 2,        /* a conflict: for the window to show */
  KEPT_REFUSAL_SHOWN = 3,
  KEPT_WITHDRAWN = 4,      /* a deletion undone before it was sent */
};

static const char create_sql[] =
  "CREATE TABLE IF NOT EXISTS outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  " TL_STORE_EVENT_COLUMNS ","
  "  key TEXT NOT NULL UNIQUE,"
  "  operator TEXT NOT NULL,"
  "  sent INTEGER NOT NULL DEFAULT 0)";
/* Added since: edits and deletions are kept too. An update or delete
 * keeps the revision it was made from in the revision column. */
static const char add_action_sql[] =
  "ALTER TABLE outbox ADD COLUMN action TEXT NOT NULL DEFAULT 'create'";

static const char insert_sql[] =
  "INSERT INTO outbox (" TL_STORE_EVENT_COLUMNS ", key, operator, action)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
  "         ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)";

static const char next_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS ", seq, key, operator, action FROM outbox"
  " WHERE sent = 0 ORDER BY seq LIMIT 1";

/* The revision the next kept change of a report starts from, after the
 * ones still kept. */
static const char chained_revision_sql[] =
  "SELECT coalesce (max (revision) + 1, 0) FROM outbox"
  " WHERE sent = 0 AND action = 'update' AND id = ?1";

static const char refused_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS ", seq, key, operator, action FROM outbox"
  " WHERE sent = 2 ORDER BY seq LIMIT 1";


/* Helpers */

static void
close_outbox (gpointer db)
{
  sqlite3_close (db);
}

static char *
outbox_path (TlStore *self)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, tl_store_get_path (self), -1);
  g_autofree char *name = g_strdup_printf ("%.24s.sqlite", hash);

  return g_build_filename (g_get_user_data_dir (), "tideline", "outbox", name, NULL);
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  GError     **error)
{
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
               _("Could not keep the report on this desk: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3 *
get_outbox (TlStore  *self,
            GError  **error)
{
  sqlite3 *db = g_object_get_data (G_OBJECT (self), OUTBOX_KEY);
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  gint64 has_action = 0;
  int fd, rc;

  if (db != NULL)
    return db;

  path = outbox_path (self);
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not keep the report on this desk: %s"), g_strerror (saved));
      return NULL;
    }
  /* 0600 before SQLite opens it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    close (fd);

  /* The window's thread and the store's worker each have a connection
   * to it: one waits for the other's short write, never fails on it.
   * Both may open it first at once: the table is made or brought up to
   * date by one, in a transaction the other waits for. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout (db, 5000) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, create_sql, NULL, NULL, NULL) != SQLITE_OK ||
      !tl_store_query_int (db, "SELECT count (*) FROM pragma_table_info ('outbox')"
                               " WHERE name = 'action'", &has_action, &rc) ||
      (has_action == 0 && sqlite3_exec (db, add_action_sql, NULL, NULL, NULL) != SQLITE_OK) ||
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      sqlite3_close (db);
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (self), OUTBOX_KEY, db, close_outbox);
  return db;
}

/* Keeps @action on @event ('create', 'update' or 'delete'), made by
 * @operator_name, to be sent with @key. An update or delete keeps the
 * revision it was made from: after the desk's own kept edits of the
 * report, if any. */
static gboolean
keep (TlStore     *self,
      const char  *action,
      TlEvent     *event,
      const char  *key,
      const char  *operator_name,
      GError     **error)
{
  sqlite3 *db = get_outbox (self, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = tl_store_now ();
  TlEventData data;
  int rc = SQLITE_OK;

  if (db == NULL)
    return FALSE;

  tl_event_get_data (event, &data);
  if (g_str_equal (action, "create"))
    {
      data.id = 0;
      data.revision = 1;
      data.created_by = operator_name;
      data.created_at = now;
    }
  else
    {
      g_autoptr(sqlite3_stmt) chained = NULL;

      if (sqlite3_prepare_v2 (db, chained_revision_sql, -1, &chained, NULL) != SQLITE_OK)
        return set_sqlite_error (db, error);
      tl_store_bind_int64 (chained, 1, data.id, &rc);
      if (rc != SQLITE_OK || sqlite3_step (chained) != SQLITE_ROW)
        return set_sqlite_error (db, error);
      data.revision = MAX (data.revision, sqlite3_column_int64 (chained, 0));
    }
  data.updated_by = operator_name;
  data.updated_at = now;

  if (sqlite3_prepare_v2 (db, insert_sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (db, error);
  rc = tl_store_bind_event (stmt, &data);
  tl_store_bind_text (stmt, 23, key, &rc);
  tl_store_bind_text (stmt, 24, operator_name, &rc);
  tl_store_bind_text (stmt, 25, action, &rc);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, error);

  return TRUE;
}

/* Makes @action on @event with @key: a key the server has is skipped,
 * not made again. An update or delete expects the event's revision. */
static gboolean
send_keyed (TlStore     *self,
            const char  *action,
            TlEvent     *event,
            const char  *key,
            const char  *operator_name,
            GError     **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self->backend);
  gboolean ok;

  /* After an outage: a connection of its own again, if it can. */
  if (klass->reconnect != NULL && !klass->reconnect (self->backend, error))
    return FALSE;
  if (klass->set_write_key == NULL)
    {
      tl_store_backend_set_unavailable (self->backend, _("Could not send the report"), error);
      return FALSE;
    }

  klass->set_write_key (self->backend, key);
  if (g_str_equal (action, "create"))
    ok = tl_store_add_event (self, event, operator_name, error);
  else if (g_str_equal (action, "update"))
    ok = tl_store_update_event (self, event, operator_name, error);
  else
    ok = tl_store_delete_event (self, tl_event_get_id (event), tl_event_get_revision (event),
                                operator_name, error);
  klass->set_write_key (self->backend, NULL);

  return ok;
}

static gboolean
mark (sqlite3  *db,
      gint64    seq,
      int       state,
      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "UPDATE outbox SET sent = ?2 WHERE seq = ?1", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_bind_int64 (stmt, 1, seq) != SQLITE_OK ||
      sqlite3_bind_int (stmt, 2, state) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, error);

  return TRUE;
}

/* Sends @action now, after what waits in the outbox, or keeps it there
 * while the server cannot be reached. */
static gboolean
send_or_keep (TlStore     *self,
              const char  *action,
              TlEvent     *event,
              const char  *operator_name,
              gboolean    *out_kept,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  if (out_kept != NULL)
    *out_kept = FALSE;

  /* Older kept saves go first. */
  if (tl_store_send_outbox (self, NULL, NULL) &&
      send_keyed (self, action, event, key, operator_name, &local_error))
    return TRUE;

  if (local_error != NULL && !g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_IO))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!keep (self, action, event, key, operator_name, error))
    return FALSE;
  if (out_kept != NULL)
    *out_kept = TRUE;
  return TRUE;
}

/* Private API */

/* The reports whose deletion waits in the outbox: the window's list
 * leaves them out, as the server will once it is sent. */
GArray *
tl_store_list_kept_deletions (TlStore *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db;

  if (!tl_store_is_server (self))
    return ids;
  db = g_object_get_data (G_OBJECT (self), OUTBOX_KEY);
  if (db == NULL)
    {
      path = outbox_path (self);
      if (!g_file_test (path, G_FILE_TEST_EXISTS) || (db = get_outbox (self, NULL)) == NULL)
        return ids;
    }

  if (sqlite3_prepare_v2 (db, "SELECT id FROM outbox WHERE sent = 0 AND action = 'delete'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return ids;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* Undo of a deletion still kept on this desk: it is marked withdrawn,
 * never sent. Once sent, it is not here to withdraw (*@out_withdrawn
 * is %FALSE): the report is restored on the server instead. */
gboolean
tl_store_withdraw_kept_deletion (TlStore   *self,
                                 gint64     event_id,
                                 gboolean  *out_withdrawn,
                                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  *out_withdrawn = FALSE;
  if (!tl_store_is_server (self) || tl_store_count_unsent (self) == 0)
    return TRUE;
  db = get_outbox (self, error);
  if (db == NULL)
    return FALSE;

  if (sqlite3_prepare_v2 (db, "UPDATE outbox SET sent = ?2 WHERE sent = 0 AND action = 'delete'"
                              " AND id = ?1", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_bind_int64 (stmt, 1, event_id) != SQLITE_OK ||
      sqlite3_bind_int (stmt, 2, KEPT_WITHDRAWN) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, error);

  *out_withdrawn = sqlite3_changes (db) > 0;
  return TRUE;
}

/* Public API */

/**
 * tl_store_count_unsent:
 * @self: a #TlStore
 *
 * Returns: how many reports this desk keeps for the server
 */
guint
tl_store_count_unsent (TlStore *self)
{
  sqlite3 *db;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), 0);

  if (!tl_store_is_server (self))
    return 0;

  db = g_object_get_data (G_OBJECT (self), OUTBOX_KEY);
  if (db == NULL)
    {
      g_autofree char *path = outbox_path (self);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || (db = get_outbox (self, NULL)) == NULL)
        return 0;
    }

  if (!tl_store_query_int (db, "SELECT count (*) FROM outbox WHERE sent = 0", &count, &rc))
    return 0;
  return (guint) count;
}

/**
 * tl_store_send_outbox:
 * @self: a #TlStore
 * @out_n_sent: (out) (optional): how many were sent
 * @error: return location for a #TL_STORE_ERROR
 *
 * Sends the reports kept on this desk, oldest first, and stops at the
 * first the server does not take (they stay kept, in order).
 *
 * Returns: %TRUE if the outbox is empty now
 */
gboolean
tl_store_send_outbox (TlStore  *self,
                      guint    *out_n_sent,
                      GError  **error)
{
  sqlite3 *db;
  guint n_sent = 0;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);

  if (out_n_sent != NULL)
    *out_n_sent = 0;
  if (tl_store_count_unsent (self) == 0)
    return TRUE;
  db = get_outbox (self, error);
  if (db == NULL)
    return FALSE;

  while (TRUE)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autoptr(TlEvent) event = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = NULL;
      g_autofree char *operator_name = NULL;
      g_autofree char *action = NULL;
      gint64 seq;
      int rc;

      if (sqlite3_prepare_v2 (db, next_sql, -1, &stmt, NULL) != SQLITE_OK)
        return set_sqlite_error (db, error);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        return set_sqlite_error (db, error);

      event = tl_store_read_event (stmt);
      seq = sqlite3_column_int64 (stmt, 22);
      key = g_strdup (tl_store_column_text (stmt, 23));
      operator_name = g_strdup (tl_store_column_text (stmt, 24));
      action = g_strdup (tl_store_column_text (stmt, 25));
      g_clear_pointer (&stmt, sqlite3_finalize);

      if (send_keyed (self, action, event, key, operator_name, &local_error))
        {
          if (!mark (db, seq, KEPT_SENT, error))
            return FALSE;
          n_sent++;
          continue;
        }

      /* Changed or deleted by another desk meanwhile: the window shows
       * it; the saves after it go on. */
      if (!g_str_equal (action, "create") &&
          (g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT) ||
           g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND)))
        {
          if (!mark (db, seq, KEPT_REFUSED, error))
            return FALSE;
          continue;
        }

      if (out_n_sent != NULL)
        *out_n_sent = n_sent;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_n_sent != NULL)
    *out_n_sent = n_sent;
  return TRUE;
}

/**
 * tl_store_add_event_or_keep:
 * @self: a #TlStore
 * @event: a new report
 * @operator_name: who saves it
 * @out_kept: (out) (optional): %TRUE if it was kept on this desk
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves a new report. On a server that cannot be reached, or while
 * older reports still wait in the outbox, it is kept on this desk and
 * sent in order with them (tl_store_send_outbox(), done by itself when
 * the server is back).
 *
 * Returns: %TRUE if the report was saved or kept
 */
gboolean
tl_store_add_event_or_keep (TlStore     *self,
                            TlEvent     *event,
                            const char  *operator_name,
                            gboolean    *out_kept,
                            GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);

  if (out_kept != NULL)
    *out_kept = FALSE;
  if (!tl_store_is_server (self))
    return tl_store_add_event (self, event, operator_name, error);

  return send_or_keep (self, "create", event, operator_name, out_kept, error);
}

/**
 * tl_store_update_event_or_keep:
 * @self: a #TlStore
 * @event: a report as edited, with the revision it was read at
 * @operator_name: who saves it
 * @out_kept: (out) (optional): %TRUE if it was kept on this desk
 * @error: return location for a #TL_STORE_ERROR
 *
 * As tl_store_update_event(); on a server that cannot be reached, or
 * while older saves still wait in the outbox, the edit is kept on this
 * desk and sent in order with them. If another desk changed the report
 * meanwhile, the kept edit is not forced on it: the window is told
 * (tl_store_take_outbox_refusal()).
 *
 * Returns: %TRUE if the edit was saved or kept
 */
gboolean
tl_store_update_event_or_keep (TlStore     *self,
                               TlEvent     *event,
                               const char  *operator_name,
                               gboolean    *out_kept,
                               GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);

  if (out_kept != NULL)
    *out_kept = FALSE;
  if (!tl_store_is_server (self))
    return tl_store_update_event (self, event, operator_name, error);

  return send_or_keep (self, "update", event, operator_name, out_kept, error);
}

/**
 * tl_store_delete_event_or_keep:
 * @self: a #TlStore
 * @event: the report to delete, with the revision it was read at
 * @operator_name: who deletes it
 * @out_kept: (out) (optional): %TRUE if it was kept on this desk
 * @error: return location for a #TL_STORE_ERROR
 *
 * As tl_store_delete_event(), kept on this desk as
 * tl_store_update_event_or_keep() keeps an edit.
 *
 * Returns: %TRUE if the report was deleted or the deletion kept
 */
gboolean
tl_store_delete_event_or_keep (TlStore     *self,
                               TlEvent     *event,
                               const char  *operator_name,
                               gboolean    *out_kept,
                               GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);

  if (out_kept != NULL)
    *out_kept = FALSE;
  if (!tl_store_is_server (self))
    return tl_store_delete_event (self, tl_event_get_id (event), tl_event_get_revision (event),
                                  operator_name, error);

  return send_or_keep (self, "delete", event, operator_name, out_kept, error);
}

/**
 * tl_store_take_outbox_refusal:
 * @self: a #TlStore
 *
 * The oldest kept edit or deletion that the server did not take because
 * another desk changed or deleted the report meanwhile, each returned
 * once: for the window to show beside the report as it is now (the
 * conflict view). A window takes the next when it can show it.
 *
 * Returns: (transfer full) (nullable): a refusal, or %NULL for none
 */
TlOutboxRefusal *
tl_store_take_outbox_refusal (TlStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *path = NULL;
  TlOutboxRefusal *refusal;
  sqlite3 *db;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  if (!tl_store_is_server (self))
    return NULL;
  db = g_object_get_data (G_OBJECT (self), OUTBOX_KEY);
  path = outbox_path (self);
  if (db == NULL && (!g_file_test (path, G_FILE_TEST_EXISTS) || (db = get_outbox (self, NULL)) == NULL))
    return NULL;

  if (sqlite3_prepare_v2 (db, refused_sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  /* Shown once: one not marked is not handed out, so never lost. */
  if (!mark (db, sqlite3_column_int64 (stmt, 22), KEPT_REFUSAL_SHOWN, NULL))
    return NULL;

  refusal = g_new0 (TlOutboxRefusal, 1);
  refusal->mine = tl_store_read_event (stmt);
  refusal->deleted = g_strcmp0 (tl_store_column_text (stmt, 25), "delete") == 0;
  return refusal;
}

/**
 * tl_outbox_refusal_free:
 * @refusal: (transfer full): a refusal
 */
void
tl_outbox_refusal_free (TlOutboxRefusal *refusal)
{
  g_clear_object (&refusal->mine);
  g_free (refusal);
}
