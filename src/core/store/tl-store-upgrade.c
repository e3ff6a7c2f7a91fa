/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tl-store-sqlite-private.h"

/* Opening a file without changing it, and upgrading one with a copy kept:
 * commands that only read never upgrade a file, so an older Tideline
 * still at work on it is never locked out. */

/* Helpers */

/* "tideline.db" at schema 1 → "tideline-schema-1.db" beside it, or
 * "tideline-schema-1-2.db" if that is taken; created empty, 0600. */
static char *
create_backup_file (const char  *path,
                    int          version,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  const char *ext = dot != NULL && dot != base ? dot : "";

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-schema-%d%s", stem, version, ext)
                                     : g_strdup_printf ("%s-schema-%d-%u%s", stem, version, n, ext);
      g_autofree char *backup = g_build_filename (dir, name, NULL);
      int fd = g_open (backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&backup);
        }
      if (errno != EEXIST)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (backup);

          g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                       _("Could not create the copy “%s”: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
               _("Could not find a free name for the copy of “%s”"), base);
  return NULL;
}

/* Copies @path into @backup with SQLite's backup API, which copies a
 * consistent state even while another connection writes. */
static gboolean
copy_database (const char  *path,
               const char  *backup,
               GError     **error)
{
  g_autofree char *uri = tl_store_build_uri (path, "mode=ro");
  g_autofree char *backup_uri = tl_store_build_uri (backup, "mode=rw");
  g_autofree char *display = g_filename_display_name (backup);
  g_autoptr(sqlite3) from = NULL;
  g_autoptr(sqlite3) to = NULL;
  sqlite3_backup *copy;
  int rc;

  rc = sqlite3_open_v2 (uri, &from, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (from, TL_STORE_BUSY_TIMEOUT_MS);
      rc = sqlite3_open_v2 (backup_uri, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (to, TL_STORE_BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (to, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      if ((copy = sqlite3_backup_init (to, "main", from, "main")) == NULL)
        rc = sqlite3_errcode (to);
      else
        {
          do
            {
              rc = sqlite3_backup_step (copy, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          rc = rc == SQLITE_DONE ? sqlite3_backup_finish (copy) : (sqlite3_backup_finish (copy), rc);
        }
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not copy the database to “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }

  /* The copy is a database of its own, not a WAL file beside it. */
  rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not copy the database to “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Public API */

/**
 * tl_store_open_existing:
 * @path: (type filename): a database file
 * @error: return location for a #TL_STORE_ERROR
 *
 * Opens a database for a command that only reads: a missing file is not
 * created, and a file of an older schema is not upgraded (older versions
 * of Tideline still at work on it would then refuse it):
 * %TL_STORE_ERROR_NEEDS_UPGRADE says to run `tideline migrate`.
 *
 * Returns: (transfer full) (nullable): the store
 */
TlStore *
tl_store_open_existing (const char  *path,
                        GError     **error)
{
  g_autoptr(TlStoreSqlite) probe = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* A server's schema is its owner's business: desks reading it never
   * run its migrations (only a role allowed to may, see tideline migrate). */
  if (tl_store_is_server_address (path))
    return tl_store_open (path, error);

  /* Its version first, without reading every page: tl_store_open()
   * checks the whole file once. An older one is checked whole here, so
   * that a damaged file is said to be damaged, not old. */
  probe = tl_store_sqlite_new_probe (path);
  if (!tl_store_check_file_version (probe, FALSE, &version, error))
    return NULL;

  if (version < TL_STORE_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (!tl_store_check_file_version (probe, TRUE, &version, error))
        return NULL;
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NEEDS_UPGRADE,
                   _("“%s” is a database of an older Tideline (schema %d of %d), left as it is "
                     "by commands that only read. Once no older Tideline uses it, upgrade it with "
                     "“tideline migrate %s” (a copy of it as it is is kept)."),
                   display, version, TL_STORE_SCHEMA_VERSION, display);
      return NULL;
    }

  return tl_store_open (path, error);
}

/**
 * tl_store_upgrade_file:
 * @path: (type filename): a database file
 * @out_old_version: (out) (optional): its schema before
 * @out_backup_path: (out) (optional) (nullable) (type filename): the copy
 *   of the file as it was, beside it and named with its schema
 *   ("tideline-schema-1.db"), or %NULL if it needed no upgrade
 * @error: return location for a #TL_STORE_ERROR
 *
 * Upgrades a database to the current schema, keeping a copy of it as it
 * was (SQLite's backup API). A failed upgrade leaves the file unchanged,
 * and no copy.
 *
 * Returns: whether the file is at the current schema
 */
gboolean
tl_store_upgrade_file (const char  *path,
                       int         *out_old_version,
                       char       **out_backup_path,
                       GError     **error)
{
  g_autoptr(TlStoreSqlite) probe = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *backup = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (out_backup_path != NULL)
    *out_backup_path = NULL;

  probe = tl_store_sqlite_new_probe (path);
  if (!tl_store_check_file_version (probe, TRUE, &version, error))
    return FALSE;
  if (out_old_version != NULL)
    *out_old_version = version;
  if (version >= TL_STORE_SCHEMA_VERSION)
    return TRUE;

  if ((backup = create_backup_file (path, version, error)) == NULL)
    return FALSE;
  if (!copy_database (path, backup, error) ||
      (store = tl_store_open (path, error)) == NULL)
    {
      g_unlink (backup);
      return FALSE;
    }

  if (out_backup_path != NULL)
    *out_backup_path = g_steal_pointer (&backup);
  return TRUE;
}
