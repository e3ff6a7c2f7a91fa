/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tl-store-sqlite-private.h"

/* The file before any connection writes to it: created 0600 if missing,
 * and refused, without a byte written, if it is not a sound Tideline
 * database of a schema this version knows. */

/* The first 16 bytes of every SQLite 3 file, terminating NUL included. */
static const char sqlite_header[16] = "SQLite format 3";

/* Helpers */

static gboolean
check_header (TlStoreSqlite  *self,
              gboolean       *out_empty,
              GError        **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  char header[sizeof sqlite_header];
  struct stat st;
  gssize n_read;
  int fd;

  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tideline database"), display);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      close (fd);
      *out_empty = TRUE;
      return TRUE;
    }

  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);
  close (fd);

  if (n_read != sizeof header || memcmp (header, sqlite_header, sizeof header) != 0)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tideline database"), display);
      return FALSE;
    }

  *out_empty = FALSE;
  return TRUE;
}

/* Creates a missing file with mode 0600 ourselves rather than let SQLite
 * create it with 0644 less the umask: the log describes people in danger
 * and must not be readable by other accounts. An existing file keeps its
 * mode, which is the owner's decision. */
static gboolean
create_file (TlStoreSqlite  *self,
             GError        **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  struct stat st;
  int fd;

  /* The highest folder missing, removed again if opening fails. */
  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_autofree char *top = g_strdup (dir);
      g_autofree char *parent = g_path_get_dirname (top);

      while (g_strcmp0 (parent, top) != 0 && !g_file_test (parent, G_FILE_TEST_EXISTS))
        {
          g_free (top);
          top = g_steal_pointer (&parent);
          parent = g_path_get_dirname (top);
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *dir_display = g_filename_display_name (dir);

          if (saved_errno == ENOSPC || saved_errno == EDQUOT)
            tl_store_set_file_error (self->path, TL_STORE_ERROR_FULL, FALSE,
                                     _("Could not create the database"), error);
          else
            g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                         _("Could not create the folder “%s”: %s"),
                         dir_display, g_strerror (saved_errno));
          tl_store_remove_created (self->path, top);
          return FALSE;
        }
      self->created_dir = g_steal_pointer (&top);
    }

  fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
        tl_store_set_file_error (self->path, TL_STORE_ERROR_READ_ONLY, TRUE,
                                 _("Could not create the database"), error);
      else
        tl_store_set_errno_error (self->path, saved_errno,
                                  _("Could not create the database"), error);
      return FALSE;
    }
  self->created_file = TRUE;

  /* A umask can only take bits away; make sure it left exactly 0600. */
  if (fstat (fd, &st) != 0 ||
      ((st.st_mode & 0777) != 0600 && fchmod (fd, 0600) != 0))
    {
      int saved_errno = errno;
      close (fd);
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not protect “%s” from other users: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* The one integer @sql gives; on failure *@out_rc is SQLite's code. */
gboolean
tl_store_query_int (sqlite3     *db,
                    const char  *sql,
                    gint64      *out_value,
                    int         *out_rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      *out_rc = rc;
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
set_check_error (TlStoreSqlite  *self,
                 sqlite3        *db,
                 int             rc,
                 GError        **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tideline database"), display);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s) and was not opened. Keep the file as it is: "
                     "copy it aside before trying anything else."),
                   display, sqlite3_errmsg (db));
      break;

    default:
      {
        g_autofree char *reason = NULL;
        TlStoreError code = tl_store_describe_failure (self->path, db, rc, &reason);

        g_set_error (error, TL_STORE_ERROR, code, "%s: %s", _("Could not open the database"),
                     reason);
      }
      break;
    }
}

/* Everything that could make us refuse the file, checked on a connection
 * that cannot write, so that a refused file is left exactly as it was.
 *
 * With no journal beside the file the first look is "immutable": SQLite
 * then creates no -wal or -shm file even for a WAL database. But such a
 * connection takes no lock, and reads pages another process may be
 * writing at that moment (a second command started at the same time): a
 * healthy file can look damaged to it. So a file it finds wrong is looked
 * at again (@locked), as a reader that takes the locks and waits out the
 * busy timeout, inside one read transaction; only what that look finds is
 * said. */
static gboolean
check_existing_file (TlStoreSqlite  *self,
                     gboolean        locked,
                     gboolean        whole,
                     gint64         *out_version,
                     GError        **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 application_id, user_version, n_tables, has_events;
  gboolean has_journal, writable;
  int rc;

  has_journal = g_file_test (wal, G_FILE_TEST_EXISTS) ||
                g_file_test (journal, G_FILE_TEST_EXISTS);
  /* The locked look at a WAL file may have to make its -wal and -shm
   * files: opened as a writer that writes nothing (query_only), it removes
   * them again when it closes, unless another connection uses them. */
  writable = locked && access (self->path, W_OK) == 0;
  if (!locked)
    uri = tl_store_build_uri (self->path, has_journal ? "mode=ro" : "mode=ro&immutable=1");
  else
    uri = tl_store_build_uri (self->path, writable ? "mode=rw" : "mode=ro");

  rc = sqlite3_open_v2 (uri, &db, (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_URI,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, TL_STORE_BUSY_TIMEOUT_MS);
      if (locked)
        rc = sqlite3_exec (db, "PRAGMA query_only = ON; BEGIN; SELECT count(*) FROM sqlite_schema",
                           NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_check_error (self, db, rc, error);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, whole ? "PRAGMA quick_check" : "SELECT 'ok'", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_check_error (self, db, rc, error);
      return FALSE;
    }

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* SQLite's list of bad pages means nothing to an operator; it goes
       * to the debug log for whoever recovers the file. */
      g_debug ("quick_check of %s: %s", self->path, sqlite3_column_text (stmt, 0));
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and was not opened. Keep the file as it is: "
                     "copy it aside before trying anything else."),
                   display);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!tl_store_query_int (db, "PRAGMA application_id", &application_id, &rc) ||
      !tl_store_query_int (db, "PRAGMA user_version", &user_version, &rc) ||
      !tl_store_query_int (db,
                  "SELECT count(*) FROM sqlite_schema"
                  " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                  &n_tables, &rc) ||
      !tl_store_query_int (db,
                  "SELECT count(*) FROM sqlite_schema"
                  " WHERE type = 'table' AND name = 'events'",
                  &has_events, &rc))
    {
      set_check_error (self, db, rc, error);
      return FALSE;
    }

  /* Another program's database, told by its application id or, for the
   * many that set none, by having tables and none of ours. */
  if ((application_id != 0 && application_id != TL_STORE_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0 && !has_events))
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tideline database"), display);
      return FALSE;
    }

  if (user_version > TL_STORE_SCHEMA_VERSION)
    {
      tl_store_set_too_new_error (self->path, (int)MIN (user_version, G_MAXINT), error);
      return FALSE;
    }

  /* Tables but never migrated: not something we made. */
  if (user_version == 0 && n_tables > 0)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tideline database"), display);
      return FALSE;
    }

  *out_version = user_version;
  return TRUE;
}

/* The immutable look, then, if it found anything wrong, the locked one.
 * @whole: whether to check every page (quick_check), or only the header,
 * the schema and its version */
static gboolean
check_existing_file_twice (TlStoreSqlite  *self,
                           gboolean        whole,
                           gint64         *out_version,
                           GError        **error)
{
  g_autoptr(GError) first_error = NULL;

  if (check_existing_file (self, FALSE, whole, out_version, &first_error))
    return TRUE;
  if (g_error_matches (first_error, TL_STORE_ERROR, TL_STORE_ERROR_TOO_NEW))
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  g_debug ("first look at %s: %s; looking again with locks", self->path, first_error->message);
  return check_existing_file (self, TRUE, whole, out_version, error);
}

/* Private API */

char *
tl_store_build_uri (const char *path,
                    const char *query)
{
  /* A URI so that '?', '#' or '%' in a file name are never taken for
   * parameters, whatever SQLITE_USE_URI this libsqlite3 was built with. */
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strconcat ("file:", escaped, query ? "?" : NULL, query, NULL);
}

/* Creates the file if it is missing, and checks it if it is not. */
gboolean
tl_store_check_file (TlStoreSqlite  *self,
                     GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  gboolean empty = FALSE;
  gint64 version = 0;

  if (!create_file (self, error) ||
      !check_header (self, &empty, error) ||
      (!empty && !check_existing_file_twice (self, TRUE, &version, error)))
    return FALSE;

  /* Said now, before SQLite opens a file it may not write read-only
   * without a word and leaves -wal and -shm files behind it. */
  if (access (self->path, W_OK) != 0 || access (dir, W_OK) != 0)
    {
      tl_store_set_file_error (self->path, TL_STORE_ERROR_READ_ONLY, FALSE,
                               _("Could not open the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* Removes @path and its journals, then the folders up to @created_dir
 * (nullable) if they are empty: what tl_store_check_file() created for a
 * database that could not be opened after all. */
void
tl_store_remove_created (const char *path,
                         const char *created_dir)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", file, g_strerror (errno));
    }

  if (created_dir == NULL)
    return;
  while (g_rmdir (dir) == 0 && strcmp (dir, created_dir) != 0)
    {
      char *parent = g_path_get_dirname (dir);

      g_free (dir);
      dir = parent;
    }
}

/* Checks an existing file as tl_store_check_file() does, creating
 * nothing, and says its schema: 0 for an empty file. Unless @whole, its
 * pages are not read: only its header, schema and version (what
 * tl_store_check_file() checks again, whole, when the file is opened). */
gboolean
tl_store_check_file_version (TlStoreSqlite  *self,
                             gboolean        whole,
                             int            *out_version,
                             GError        **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  gboolean empty = FALSE;
  gint64 version = 0;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND,
                   _("There is no database “%s”"), display);
      return FALSE;
    }
  if (!check_header (self, &empty, error) ||
      (!empty && !check_existing_file_twice (self, whole, &version, error)))
    return FALSE;

  *out_version = (int) version;
  return TRUE;
}
