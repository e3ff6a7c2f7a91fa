/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "tl-test-vfs.h"

/* The files are the default VFS's own; only their method table is
 * swapped for a copy whose xWrite counts the space left. */

#define MAX_METHODS 8

static sqlite3_vfs *real_vfs;
static sqlite3_vfs test_vfs;
static gint64 space = -1;
static gboolean read_only;
static const sqlite3_io_methods *real_methods[MAX_METHODS];
static sqlite3_io_methods test_methods[MAX_METHODS];
static guint n_methods;
static GMutex lock;

static const sqlite3_io_methods *
real_methods_of (sqlite3_file *file)
{
  for (guint i = 0; i < n_methods; i++)
    if (file->pMethods == &test_methods[i])
      return real_methods[i];
  g_assert_not_reached ();
}

static int
test_write (sqlite3_file  *file,
            const void    *buf,
            int            amount,
            sqlite3_int64  offset)
{
  const sqlite3_io_methods *methods;

  g_mutex_lock (&lock);
  methods = real_methods_of (file);
  if (space >= 0 && amount > space)
    {
      g_mutex_unlock (&lock);
      return SQLITE_FULL;
    }
  if (space >= 0)
    space -= amount;
  g_mutex_unlock (&lock);

  return methods->xWrite (file, buf, amount, offset);
}

static int
test_open (sqlite3_vfs   *vfs,
           const char    *name,
           sqlite3_file  *file,
           int            flags,
           int           *out_flags)
{
  int rc;

  if (read_only && (flags & SQLITE_OPEN_MAIN_DB) != 0)
    flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;

  rc = real_vfs->xOpen (real_vfs, name, file, flags, out_flags);
  if (rc != SQLITE_OK || file->pMethods == NULL)
    return rc;

  g_mutex_lock (&lock);
  {
    guint i;

    for (i = 0; i < n_methods; i++)
      if (real_methods[i] == file->pMethods)
        break;
    if (i == n_methods)
      {
        g_assert_cmpuint (n_methods, <, MAX_METHODS);
        real_methods[i] = file->pMethods;
        test_methods[i] = *file->pMethods;
        test_methods[i].xWrite = test_write;
        n_methods++;
      }
    file->pMethods = &test_methods[i];
  }
  g_mutex_unlock (&lock);

  return rc;
}

void
tl_test_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  test_vfs = *real_vfs;
  test_vfs.zName = "tl-test";
  test_vfs.xOpen = test_open;
  g_assert_cmpint (sqlite3_vfs_register (&test_vfs, 1), ==, SQLITE_OK);
}

void
tl_test_vfs_set_space (gint64 bytes)
{
  g_mutex_lock (&lock);
  space = bytes;
  g_mutex_unlock (&lock);
}

void
tl_test_vfs_set_read_only (gboolean value)
{
  read_only = value;
}
