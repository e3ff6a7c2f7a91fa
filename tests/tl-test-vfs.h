/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A SQLite VFS over the default one, made the default, for tests of the
 * failures a desk meets: a disk that fills up (writes fail with
 * SQLITE_FULL once a budget of bytes is spent) and a database file the
 * system lets no one write (opened read-only, as SQLite does with a
 * file it may not write), even when the test runs as root. */

void tl_test_vfs_install        (void);
/* Bytes still to be written before the disk is full; -1: no limit. */
void tl_test_vfs_set_space      (gint64   bytes);
/* Main database files opened from now on are opened read-only. */
void tl_test_vfs_set_read_only  (gboolean read_only);

G_END_DECLS
