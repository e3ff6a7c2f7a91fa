/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tl-event-private.h"
#include "tl-store-private.h"

/* The outbox: reports saved while the server cannot be reached are kept
 * on this desk, in order, in a SQLite file of their own
 * ($XDG_DATA_HOME/tideline/outbox/, one per server address, 0600), and
 * sent when it can be again.
 *
 * Every save through here carries an idempotency key, a random UUID
 * made when the desk saved it, which the server keeps as the report's
 * import key (unique). A save whose answer was lost on the way (the
 * server committed it, the desk never heard) is kept and sent again,
 * and the server then skips it: nothing is lost, nothing is sent twice.
 * A row is marked sent, never deleted, once the server has it. */

#define OUTBOX_KEY "tl-store-outbox"

static const char create_sql[] =
  "CREATE TABLE IF NOT EXISTS outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  " TL_STORE_EVENT_COLUMNS ","
  "  key TEXT NOT NULL UNIQUE,"
  "  operator TEXT NOT NULL,"
  "  sent INTEGER NOT NULL DEFAULT 0)";

static const char insert_sql[] =
  "INSERT INTO outbox (" TL_STORE_EVENT_COLUMNS ", key, operator)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
  "         ?18, ?19, ?20, ?21, ?22, ?23, ?24)";

static const char next_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS ", seq, key, operator FROM outbox"
  " WHERE sent = 0 ORDER BY seq LIMIT 1";


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
  int fd;

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

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, create_sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      sqlite3_close (db);
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (self), OUTBOX_KEY, db, close_outbox);
  return db;
}

static gboolean
keep (TlStore     *self,
      TlEvent     *event,
      const char  *key,
      const char  *operator_name,
      GError     **error)
{
  sqlite3 *db = get_outbox (self, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TlEventData data;
  int rc;

  if (db == NULL)
    return FALSE;

  tl_event_get_data (event, &data);
  data.id = 0;
  data.revision = 1;
  data.created_by = data.updated_by = operator_name;
  data.created_at = data.updated_at = tl_store_now ();

  if (sqlite3_prepare_v2 (db, insert_sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (db, error);
  rc = tl_store_bind_event (stmt, &data);
  tl_store_bind_text (stmt, 23, key, &rc);
  tl_store_bind_text (stmt, 24, operator_name, &rc);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, error);

  return TRUE;
}

/* Sends @event with @key; a key the server has is skipped, not sent
 * again. */
static gboolean
send_keyed (TlStore     *self,
            TlEvent     *event,
            const char  *key,
            const char  *operator_name,
            const char  *source,
            GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self->backend);

  /* After an outage: a connection of its own again, if it can. */
  if (klass->reconnect != NULL && !klass->reconnect (self->backend, error))
    return FALSE;

  g_ptr_array_add (events, event);
  g_ptr_array_add (keys, (gpointer) key);
  return tl_store_add_events_with_keys (self, events, keys, operator_name, source,
                                        NULL, NULL, error);
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

  if (self->backend == NULL)
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
      g_autoptr(sqlite3_stmt) mark = NULL;
      g_autoptr(TlEvent) event = NULL;
      g_autofree char *key = NULL;
      g_autofree char *operator_name = NULL;
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
      tl_event_set_id (event, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);

      if (!send_keyed (self, event, key, operator_name,
                       _("kept on the desk while the server was away"), error))
        {
          if (out_n_sent != NULL)
            *out_n_sent = n_sent;
          return FALSE;
        }

      if (sqlite3_prepare_v2 (db, "UPDATE outbox SET sent = 1 WHERE seq = ?1", -1, &mark, NULL) != SQLITE_OK ||
          sqlite3_bind_int64 (mark, 1, seq) != SQLITE_OK ||
          sqlite3_step (mark) != SQLITE_DONE)
        return set_sqlite_error (db, error);
      n_sent++;
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
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);

  if (out_kept != NULL)
    *out_kept = FALSE;
  if (self->backend == NULL)
    return tl_store_add_event (self, event, operator_name, error);

  key = g_uuid_string_random ();
  /* Older kept reports go first. */
  if (tl_store_send_outbox (self, NULL, NULL) &&
      send_keyed (self, event, key, operator_name, NULL, &local_error))
    return TRUE;

  if (local_error != NULL && !g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_IO))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!keep (self, event, key, operator_name, error))
    return FALSE;
  if (out_kept != NULL)
    *out_kept = TRUE;
  return TRUE;
}
