/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* The one place with SQL. This file opens the database (once
 * tl-store-file.c has refused, without writing a byte, any file that is
 * not a sound Tideline database of a schema it knows), owns the
 * connection and its statement cache, and watches for writes made by
 * other connections. The records themselves are read and written in
 * tl-store-events.c. */

enum {
  EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlStore, tl_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tl-store-error-quark, tl_store_error)

/* Why the schema refused a value, by constraint name (see
 * tl-store-schema.c) or by the column of a NOT NULL failure. */
static const struct {
  const char *constraint;
  const char *reason;
} constraint_reasons[] = {
  { "kind_known", N_("the kind of event is not one Tideline knows") },
  { "events.kind", N_("the kind of event is not one Tideline knows") },
  { "status_known", N_("the status is not one Tideline knows") },
  { "events.status", N_("the status is not one Tideline knows") },
  { "end_after_start", N_("the end is before the start") },
  { "latitude_in_range", N_("the latitude must be between -90° and 90°") },
  { "longitude_in_range", N_("the longitude must be between -180° and 180°") },
  { "position_complete", N_("a position needs both a latitude and a longitude") },
  { "boats_not_negative", N_("the number of boats cannot be negative") },
  { "people_not_negative", N_("the number of people cannot be negative") },
  { "rescued_not_negative", N_("the number of people rescued cannot be negative") },
  { "deceased_not_negative", N_("the number of people dead cannot be negative") },
  { "missing_not_negative", N_("the number of people missing cannot be negative") },
  { "details_is_json", N_("the details are not valid JSON") },
  { "FOREIGN KEY", N_("the case it belongs to does not exist") },
  { "events.id", N_("an event with the same number already exists") },
  { "_by", N_("no operator name was given") },
  { "audit", N_("the audit log cannot be changed") },
};

/* Helpers */

static gboolean
exec_pragma (TlStore     *self,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not open the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* Switching a file with a rollback journal (new, or set so by another
 * tool) to WAL takes it for itself. Two connections doing it at once (two
 * commands creating one file) each hold the read lock the other waits
 * for, and SQLite fails one of them at once, without its busy handler,
 * rather than deadlock: that one tries again until the busy timeout. */
static gboolean
set_journal_mode_wal (TlStore  *self,
                      GError  **error)
{
  gint64 deadline = g_get_monotonic_time () + TL_STORE_BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) == SQLITE_BUSY &&
         g_get_monotonic_time () < deadline)
    g_usleep (5 * G_TIME_SPAN_MILLISECOND);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not open the database"), error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (TlStore  *self,
                 GError  **error)
{
  g_autofree char *uri = tl_store_build_uri (self->path, "mode=rw");
  int rc;

  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not open the database"), error);
      return FALSE;
    }

  /* Wait for another writer (a second window, an import) instead of
   * failing at once. */
  sqlite3_busy_timeout (self->db, TL_STORE_BUSY_TIMEOUT_MS);

  rc = tl_store_register_bulk_rows (self->db);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not open the database"), error);
      return FALSE;
    }

  /* WAL lets windows read while one writes; FULL makes a committed report
   * survive a power cut, which is worth the fsync for records. A bigger
   * page cache keeps bulk imports from thrashing the indexes, and an
   * in-memory temp store keeps the statement journals of an import (each
   * INSERT fires triggers, so each has one) off the disk: on disk they
   * made a million-row import take minutes. */
  return set_journal_mode_wal (self, error) &&
         exec_pragma (self, "PRAGMA synchronous = FULL", error) &&
         exec_pragma (self, "PRAGMA foreign_keys = ON", error) &&
         exec_pragma (self, "PRAGMA temp_store = MEMORY", error) &&
         exec_pragma (self, "PRAGMA cache_size = " TL_STORE_CACHE_SIZE, error);
}

static gboolean
read_data_version (TlStore  *self,
                   gint64   *out_version,
                   GError  **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }

  *out_version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Callbacks */

static gboolean
on_poll_timeout (gpointer user_data)
{
  TlStore *self = user_data;

  /* A server is asked from the worker, never from the window's thread;
   * one question at a time. */
  if (tl_store_is_server (self))
    {
      if (!self->polling && !tl_store_is_listening (self))
        tl_store_poll_server (self);
      return G_SOURCE_CONTINUE;
    }

  tl_store_check_for_changes (self);

  return G_SOURCE_CONTINUE;
}

/* Opens @path (a file, or a server with @password if one was typed),
 * without watching it yet: safe in a worker thread. */
TlStore *
tl_store_open_unwatched (const char    *path,
                         const char    *password,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(TlStore) self = g_object_new (TL_TYPE_STORE, NULL);
  g_autoptr(GError) local_error = NULL;

  self->path = g_strdup (path);

  if (tl_store_is_server_address (path))
    {
      self->backend = tl_store_pg_open (path, password, cancellable, error);
      if (self->backend == NULL)
        return NULL;
      tl_store_backend_set_store (self->backend, self);
      self->schema_version = TL_STORE_SCHEMA_VERSION;
    }
  else if (!tl_store_check_file (self, &local_error) ||
           !open_connection (self, &local_error) ||
           !tl_store_schema_migrate (self, &local_error) ||
           !read_data_version (self, &self->data_version, &local_error))
    {
      /* A database that could not be made (a full disk) leaves nothing
       * behind, not an empty or half-written file; one that was there
       * stays as it was. Only for a disk that failed: a new file locked
       * or refused as it is being made is another program's, opened
       * just after this one created it, and it may be writing to it. */
      g_autofree char *created_dir = g_steal_pointer (&self->created_dir);
      gboolean created = self->created_file &&
                         (g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_FULL) ||
                          g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_IO));

      g_clear_object (&self);
      if (created)
        tl_store_remove_created (path, created_dir);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  else
    {
      self->backend = tl_store_sqlite_new ();
      tl_store_backend_set_store (self->backend, self);
    }
  g_clear_pointer (&self->created_dir, g_free);

  return g_steal_pointer (&self);
}

/* Watches for the writes of others from the caller's thread-default
 * main context. */
void
tl_store_start_watching (TlStore *self)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  if (tl_store_is_server (self))
    tl_store_pg_listen (self->backend);

  /* SQLite has no change notification across processes; data_version is
   * cheap to poll (it reads a counter in shared memory). A server's
   * backend polls a counter of its own until LISTEN/NOTIFY replaces it. */
  self->poll_source = g_timeout_source_new_seconds (1);
  g_source_set_static_name (self->poll_source, "[tideline] store poll");
  g_source_set_callback (self->poll_source, on_poll_timeout, self, NULL);
  g_source_attach (self->poll_source, context);
}

/* GObject overrides */

static void
tl_store_dispose (GObject *object)
{
  TlStore *self = (TlStore *)object;

  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }

  G_OBJECT_CLASS (tl_store_parent_class)->dispose (object);
}

static void
tl_store_finalize (GObject *object)
{
  TlStore *self = (TlStore *)object;

  /* The last connection to close copies the WAL in and removes it: wait
   * for the checkpoint's own connection to be gone first. */
  g_clear_pointer (&self->checkpoint_thread, g_thread_join);
  g_clear_pointer (&self->worker, tl_store_worker_free);
  g_clear_object (&self->backend);

  /* Statements first: a connection with live statements will not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);
      if (rc != SQLITE_OK)
        g_critical ("Could not close %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->created_dir, g_free);

  G_OBJECT_CLASS (tl_store_parent_class)->finalize (object);
}

static void
tl_store_class_init (TlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  tl_store_configure_sqlite ();

  object_class->dispose = tl_store_dispose;
  object_class->finalize = tl_store_finalize;

  /**
   * TlStore::events-changed:
   * @self: the store
   *
   * Emitted after a write that changed events was committed: by this
   * store, once per call (a bulk add emits once), or by another connection
   * to the same file, noticed by tl_store_check_for_changes() within a
   * second. For writes from elsewhere it may also be emitted when only
   * other tables changed. Handlers re-read what they show.
   */
  signals[EVENTS_CHANGED] =
    g_signal_new ("events-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tl_store_init (TlStore *self)
{
  /* Keyed by the address of the static SQL text. */
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* Private API, shared with tl-store-events.c and tl-store-schema.c */

void
tl_cached_statement_release (TlCachedStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Hot statements are prepared once per connection. @sql must be static:
 * its address is the key. The statement is borrowed; hold it in a
 * g_autoptr(TlCachedStatement) so that it is reset after use. */
sqlite3_stmt *
tl_store_prepare_cached (TlStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  /* An operation that does not hand itself to the server's backend yet:
   * refused, never run on no connection. */
  if (self->db == NULL)
    {
      tl_store_backend_set_unavailable (self->backend, _("This operation"), error);
      return NULL;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);

  return stmt;
}

/* IMMEDIATE takes the write lock now, so a transaction never fails half
 * way because another writer got in first. */
gboolean
tl_store_begin (TlStore  *self,
                GError  **error)
{
  int rc;

  if (self->db == NULL)
    {
      tl_store_backend_set_unavailable (self->backend, _("This operation"), error);
      return FALSE;
    }

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not write to the database"), error);
      return FALSE;
    }

  return TRUE;
}

gboolean
tl_store_commit (TlStore  *self,
                 GError  **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not save the changes"), error);
      return FALSE;
    }

  return TRUE;
}

void
tl_store_rollback (TlStore *self)
{
  int rc;

  /* Some errors (a full disk, an I/O error) already rolled back. */
  if (self->db == NULL || sqlite3_get_autocommit (self->db))
    return;

  rc = sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_critical ("Could not roll back a transaction on %s: %s",
                self->path, sqlite3_errmsg (self->db));
}

/* Why the schema refused a value, from what the database said (a
 * constraint's name, or the column of a NOT NULL failure), translated;
 * NULL if it is not one the schema names. The server backend says the
 * same words as the file. */
const char *
tl_store_constraint_reason (const char *detail)
{
  for (guint i = 0; i < G_N_ELEMENTS (constraint_reasons); i++)
    if (strstr (detail, constraint_reasons[i].constraint) != NULL)
      return _(constraint_reasons[i].reason);

  return NULL;
}

/* Turns a SQLite failure into a TL_STORE_ERROR that says what could not be
 * done (@what, translated) and why, in words an operator can act on. */
void
tl_store_set_error (TlStore     *self,
                    int          rc,
                    const char  *what,
                    GError     **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_autofree char *reason = NULL;
  TlStoreError code;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      code = TL_STORE_ERROR_INVALID;
      reason = g_strdup (tl_store_constraint_reason (detail));
      if (reason == NULL)
        reason = g_strdup_printf (_("a value is not allowed (%s)"), detail);
    }
  else
    code = tl_store_describe_failure (self->path, self->db, rc, &reason);

  g_set_error (error, TL_STORE_ERROR, code, "%s: %s", what, reason);
}

void
tl_store_set_too_new_error (const char  *path,
                            int          version,
                            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Tideline (schema %d); "
                 "this version reads up to schema %d"),
               display, version, TL_STORE_SCHEMA_VERSION);
}

/* Before SQLite's first use in the process, or it is too late (then
 * nothing changes). SQLite counts every allocation under one mutex for
 * sqlite3_memory_used(), which nothing here reads: an import's writer
 * and the threads checking its details JSON queued on it, and the
 * writer took a third longer than alone. */
void
tl_store_configure_sqlite (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      int rc = sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

      if (rc != SQLITE_OK)
        g_debug ("SQLite already in use: memory statistics stay on");
      g_once_init_leave (&done, 1);
    }
}

static gpointer
checkpoint_thread (gpointer data)
{
  g_autofree char *uri = data;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, TL_STORE_BUSY_TIMEOUT_MS);
      /* PASSIVE: readers and writers go on meanwhile. */
      rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  /* Harmless: the next checkpoint, or the last close, does it. */
  if (rc != SQLITE_OK)
    g_debug ("Background checkpoint: %s", sqlite3_errstr (rc));
  sqlite3_close (db);

  return NULL;
}

void
tl_store_checkpoint_in_background (TlStore *self)
{
  char *uri = tl_store_build_uri (self->path, "mode=rw");

  g_clear_pointer (&self->checkpoint_thread, g_thread_join);
  self->checkpoint_thread = g_thread_try_new ("tl-checkpoint", checkpoint_thread, uri, NULL);
  /* No thread: what SQLite would have done at the commit. */
  if (self->checkpoint_thread == NULL)
    {
      g_free (uri);
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
}

void
tl_store_emit_events_changed (TlStore *self)
{
  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
}

gint64
tl_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Public API */

/**
 * tl_store_open:
 * @path: (type filename): the database file; it and its folders are
 *   created if missing. Or a PostgreSQL server: a `postgresql://` or
 *   `postgres://` URI, or libpq's `key=value` form (`service=ops`); its
 *   password comes from `~/.pgpass` or libpq's other sources, never from
 *   @path
 * @error: return location for a #TL_STORE_ERROR
 *
 * Opens a Tideline database, creating it (mode 0600) or migrating it to
 * the current schema as needed. A file that is not a SQLite database, is
 * damaged, belongs to another program or was written by a newer Tideline
 * is refused before anything is written to it, and is left byte for byte
 * as it was.
 *
 * The store watches the file for writes by other programs from the
 * thread-default main context of the caller.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TlStore *
tl_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(TlStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((self = tl_store_open_unwatched (path, NULL, NULL, error)) == NULL)
    return NULL;
  tl_store_start_watching (self);

  return g_steal_pointer (&self);
}

/**
 * tl_store_get_path:
 * @self: a #TlStore
 *
 * Returns: (type filename): the path the store was opened with
 */
const char *
tl_store_get_path (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  return self->path;
}

/**
 * tl_store_get_schema_version:
 * @self: a #TlStore
 *
 * Returns: the schema of the open file, TL_STORE_SCHEMA_VERSION once open
 */
int
tl_store_get_schema_version (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * tl_store_check_for_changes:
 * @self: a #TlStore
 *
 * Looks once whether another connection (another window or program)
 * committed a write to the file since the last look, and if so emits
 * #TlStore::events-changed. The store does this every second by itself;
 * call it to look now.
 *
 * Returns: %TRUE if the file changed
 */
gboolean
tl_store_check_for_changes (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);

  return tl_store_backend_check_for_changes (self->backend);
}

static gboolean
sqlite_check_for_changes (TlStoreBackend *backend)
{
  TlStore *self = tl_store_backend_get_store (backend);
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (!read_data_version (self, &version, &error))
    {
      /* Busy or unreadable for a moment: the next poll looks again. */
      g_debug ("Could not poll %s: %s", self->path, error->message);
      return FALSE;
    }

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  tl_store_emit_events_changed (self);

  return TRUE;
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_store (TlStoreBackendClass *klass)
{
  klass->check_for_changes = sqlite_check_for_changes;
}
