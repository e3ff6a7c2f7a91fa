/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* The failures an operator can do something about, each in its own
 * words: a read-only file or folder, a full disk, a database another
 * program keeps locked, a damaged file. "Disk I/O error" or "database is
 * locked" tell a desk officer nothing; these say what to do, and that
 * nothing was written. */

/* Helpers */

static gboolean
is_full_errno (int saved_errno)
{
  /* A quota, or a file size limit, stops a write as a full disk does. */
  return saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG;
}

/* Whether a write to @path or its journals failed for want of room:
 * SQLite does not always keep the errno of a failed write (the calls
 * after it set their own), so a write error without one is checked
 * against the disk's free space and the process's file size limit. A
 * write that stops short of a 16 KB page at the limit leaves no errno
 * at all. */
static gboolean
no_room_left (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *const suffixes[] = { "", "-wal", "-journal" };
  struct statvfs fs;
  struct rlimit limit;

  if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < (1u << 20))
    return TRUE;
  if (getrlimit (RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;
      guint64 size = g_stat (name, &st) == 0 ? (guint64) st.st_size : 0;

      if (size + 2 * (guint64) TL_STORE_PAGE_SIZE > (guint64) limit.rlim_cur)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_permission_errno (int saved_errno)
{
  return saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS;
}

/* Private API */

/* The code and the reason (a clause, translated) for a SQLite failure on
 * @path, where @db (nullable) is the connection that failed. The full
 * disk, the read-only file and the long lock have codes of their own. */
TlStoreError
tl_store_describe_failure (const char  *path,
                           sqlite3     *db,
                           int          rc,
                           char       **out_reason)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int saved_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  int extended = db != NULL ? sqlite3_extended_errcode (db) : rc;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      *out_reason = tl_store_describe_file_failure (path, TL_STORE_ERROR_BUSY, FALSE);
      return TL_STORE_ERROR_BUSY;

    case SQLITE_FULL:
      *out_reason = tl_store_describe_file_failure (path, TL_STORE_ERROR_FULL, FALSE);
      return TL_STORE_ERROR_FULL;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (is_full_errno (saved_errno) ||
          ((extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_TRUNCATE) && saved_errno == 0 &&
           no_room_left (path)))
        {
          *out_reason = tl_store_describe_file_failure (path, TL_STORE_ERROR_FULL, FALSE);
          return TL_STORE_ERROR_FULL;
        }
      if ((rc & 0xff) == SQLITE_CANTOPEN && is_permission_errno (saved_errno))
        {
          *out_reason = tl_store_describe_file_failure (path, TL_STORE_ERROR_READ_ONLY, FALSE);
          return TL_STORE_ERROR_READ_ONLY;
        }
      {
        g_autofree char *display = g_filename_display_name (path);
        *out_reason = g_strdup_printf (_("“%s” could not be read or written (%s); "
                                         "check the disk and try again"), display, detail);
      }
      return TL_STORE_ERROR_IO;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      *out_reason = tl_store_describe_file_failure (path, TL_STORE_ERROR_READ_ONLY,
                                                    extended == SQLITE_READONLY_DIRECTORY);
      return TL_STORE_ERROR_READ_ONLY;

    case SQLITE_CORRUPT:
      {
        g_autofree char *display = g_filename_display_name (path);
        *out_reason = g_strdup_printf (_("“%s” is damaged (%s); keep the file as it is and "
                                         "copy it aside before trying anything else"),
                                       display, detail);
      }
      return TL_STORE_ERROR_CORRUPT;

    case SQLITE_NOTADB:
      {
        g_autofree char *display = g_filename_display_name (path);
        *out_reason = g_strdup_printf (_("“%s” is not a Tideline database"), display);
      }
      return TL_STORE_ERROR_NOT_DATABASE;

    case SQLITE_NOMEM:
      *out_reason = g_strdup_printf (_("there was not enough memory (%s)"), detail);
      return TL_STORE_ERROR_IO;

    default:
      *out_reason = g_strdup (detail);
      return TL_STORE_ERROR_FAILED;
    }
}

/* The reason for a read-only, full or busy @path, as a clause. A
 * read-only failure names the folder when it is the folder that may not
 * be written (SQLite writes its journal beside the file), or when
 * @folder says so. */
char *
tl_store_describe_file_failure (const char   *path,
                                TlStoreError  code,
                                gboolean      folder)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_display = g_filename_display_name (dir);

  switch ((int) code)
    {
    case TL_STORE_ERROR_FULL:
      return g_strdup_printf (_("the disk holding “%s” is full, so nothing was written; "
                                "free some space and try again"), display);

    case TL_STORE_ERROR_BUSY:
      return g_strdup_printf (ngettext ("another Tideline window or program kept “%s” locked "
                                        "for more than %d second, so nothing was done; "
                                        "try again once it has finished",
                                        "another Tideline window or program kept “%s” locked "
                                        "for more than %d seconds, so nothing was done; "
                                        "try again once it has finished",
                                        TL_STORE_BUSY_TIMEOUT_MS / 1000),
                              display, TL_STORE_BUSY_TIMEOUT_MS / 1000);

    case TL_STORE_ERROR_READ_ONLY:
      /* A file that may be written in a folder that may not. */
      if (access (path, W_OK) == 0 && access (dir, W_OK) != 0)
        folder = TRUE;
      if (folder)
        return g_strdup_printf (_("the folder “%s” is read-only for this account, and Tideline "
                                  "must write “%s” and its journal in it; ask for permission "
                                  "to change the folder, or work on a copy of the database "
                                  "in another folder"), dir_display, display);
      return g_strdup_printf (_("“%s” is read-only for this account, so nothing was written; "
                                "ask for permission to change it, or work on a copy"), display);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* A read-only, full or busy failure on @path while doing @what. */
void
tl_store_set_file_error (const char    *path,
                         TlStoreError   code,
                         gboolean       folder,
                         const char    *what,
                         GError       **error)
{
  g_autofree char *reason = tl_store_describe_file_failure (path, code, folder);

  g_set_error (error, TL_STORE_ERROR, code, "%s: %s", what, reason);
}

/* The same for a failed system call on @path, told by its errno: a full
 * disk or a permission has its own code, anything else is
 * %TL_STORE_ERROR_IO with the system's words. */
void
tl_store_set_errno_error (const char  *path,
                          int          saved_errno,
                          const char  *what,
                          GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (is_full_errno (saved_errno))
    tl_store_set_file_error (path, TL_STORE_ERROR_FULL, FALSE, what, error);
  else if (is_permission_errno (saved_errno))
    tl_store_set_file_error (path, TL_STORE_ERROR_READ_ONLY, FALSE, what, error);
  else
    g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO, "%s: %s (%s)",
                 what, g_strerror (saved_errno), display);
}

/* Public API */

/**
 * tl_store_error_get_title:
 * @error: an error from the store
 *
 * A short heading for a dialog showing @error: each failure an operator
 * can act on (read-only, full disk, locked, damaged, newer version) has
 * its own.
 *
 * Returns: (transfer none): the heading, translated, in title case
 */
const char *
tl_store_error_get_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == TL_STORE_ERROR)
    switch ((TlStoreError) error->code)
      {
      case TL_STORE_ERROR_READ_ONLY:
        return _("The Database Is Read-Only");
      case TL_STORE_ERROR_FULL:
        return _("The Disk Is Full");
      case TL_STORE_ERROR_BUSY:
        return _("The Database Is in Use");
      case TL_STORE_ERROR_CORRUPT:
        return _("The Database Is Damaged");
      case TL_STORE_ERROR_TOO_NEW:
        return _("The Database Is From a Newer Tideline");
      case TL_STORE_ERROR_NOT_DATABASE:
        return _("Not a Tideline Database");
      case TL_STORE_ERROR_NEEDS_UPGRADE:
        return _("The Database Needs an Upgrade");
      case TL_STORE_ERROR_NOT_FOUND:
      case TL_STORE_ERROR_IO:
      case TL_STORE_ERROR_CONFLICT:
      case TL_STORE_ERROR_INVALID:
      case TL_STORE_ERROR_FAILED:
      default:
        break;
      }

  return _("Could Not Open the Database");
}
