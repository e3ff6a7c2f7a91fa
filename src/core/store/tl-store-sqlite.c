/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* The SQLite backend: a Tideline database file. This file opens it (once
 * tl-store-file.c has refused, without writing a byte, any file that is
 * not a sound Tideline database of a schema it knows), owns the
 * connection and its statement cache, and watches for writes made by
 * other connections. Its operations live in the store's files beside
 * what they do (tl-store-read.c, tl-store-events.c, ...), each of which
 * installs its own in the class (tl_store_sqlite_install_*()). */

G_DEFINE_FINAL_TYPE (TlStoreSqlite, tl_store_sqlite, TL_TYPE_STORE_BACKEND)

/* Helpers */

static gboolean
exec_pragma (TlStoreSqlite  *self,
             const char     *sql,
             GError        **error)
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
set_journal_mode_wal (TlStoreSqlite  *self,
                      GError        **error)
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
open_connection (TlStoreSqlite  *self,
                 GError        **error)
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

  /* A new file gets 16 KB pages, before WAL writes its first: an import
   * then writes a quarter of the WAL frames, and its indexes have fewer
   * levels (a 100k-row import's commit took a fifth less). A file that
   * has pages keeps their size: the pragma changes nothing there. */
  if (!exec_pragma (self, "PRAGMA page_size = " G_STRINGIFY (TL_STORE_PAGE_SIZE), error))
    return FALSE;

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
read_data_version (TlStoreSqlite  *self,
                   gint64         *out_version,
                   GError        **error)
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

/* Operations */

static gboolean
sqlite_check_for_changes (TlStoreBackend *backend)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
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
  tl_store_backend_emit_changed (backend);

  return TRUE;
}

/* GObject overrides */

static void
tl_store_sqlite_finalize (GObject *object)
{
  TlStoreSqlite *self = (TlStoreSqlite *)object;

  /* The last connection to close copies the WAL in and removes it: wait
   * for the checkpoint's own connection to be gone first. */
  g_clear_pointer (&self->checkpoint_thread, g_thread_join);

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

  G_OBJECT_CLASS (tl_store_sqlite_parent_class)->finalize (object);
}

static void
tl_store_sqlite_class_init (TlStoreSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TlStoreBackendClass *backend_class = TL_STORE_BACKEND_CLASS (klass);

  tl_store_configure_sqlite ();

  object_class->finalize = tl_store_sqlite_finalize;

  backend_class->check_for_changes = sqlite_check_for_changes;
  tl_store_sqlite_install_reads (backend_class);
  tl_store_sqlite_install_events (backend_class);
  tl_store_sqlite_install_cases (backend_class);
  tl_store_sqlite_install_drafts (backend_class);
  tl_store_sqlite_install_import (backend_class);
  tl_store_sqlite_install_bulk (backend_class);
  tl_store_sqlite_install_query (backend_class);
  tl_store_sqlite_install_statistics (backend_class);
  tl_store_sqlite_install_units (backend_class);
  tl_store_sqlite_install_watch (backend_class);
  tl_store_sqlite_install_handover (backend_class);
  tl_store_sqlite_install_copy (backend_class);
}

static void
tl_store_sqlite_init (TlStoreSqlite *self)
{
  /* Keyed by the address of the static SQL text. */
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* Private API */

TlStoreSqlite *
tl_store_sqlite_new_probe (const char *path)
{
  TlStoreSqlite *self = g_object_new (TL_TYPE_STORE_SQLITE, NULL);

  self->path = g_strdup (path);
  return self;
}

/* Opens the file @path, creating it (mode 0600) or migrating it as
 * needed: see tl_store_open(). */
TlStoreBackend *
tl_store_sqlite_open (const char  *path,
                      GError     **error)
{
  g_autoptr(TlStoreSqlite) self = tl_store_sqlite_new_probe (path);
  g_autoptr(GError) local_error = NULL;

  if (!tl_store_check_file (self, &local_error) ||
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
  g_clear_pointer (&self->created_dir, g_free);

  return TL_STORE_BACKEND (g_steal_pointer (&self));
}

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
tl_store_prepare_cached (TlStoreSqlite  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

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
tl_store_begin (TlStoreSqlite  *self,
                GError        **error)
{
  int rc;

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not write to the database"), error);
      return FALSE;
    }

  return TRUE;
}

gboolean
tl_store_commit (TlStoreSqlite  *self,
                 GError        **error)
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
tl_store_rollback (TlStoreSqlite *self)
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

/* Turns a SQLite failure into a TL_STORE_ERROR that says what could not be
 * done (@what, translated) and why, in words an operator can act on. */
void
tl_store_set_error (TlStoreSqlite  *self,
                    int             rc,
                    const char     *what,
                    GError        **error)
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

void
tl_store_checkpoint_in_background (TlStoreSqlite *self)
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
