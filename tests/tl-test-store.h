/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-store.h"

G_BEGIN_DECLS

/* The store tests run on both backends: on a file, or, when run under
 * build-aux/with-pg-server (meson registers each such test a second time,
 * NAME-pg), on a database of that throwaway server. */

gboolean  tl_test_store_is_server (void);
/* Where the store @name of this test lives: a file in the test's data
 * folder, or a database of the server made for this test (the same
 * @name in the same test is the same database). */
char     *tl_test_store_address   (const char *name);
TlStore  *tl_test_store_open      (const char *name);
/* The server's own answers, around the store: "stop" or "start" the
 * server (as the wrapper runs it), and a count a statement returns. */
void      tl_test_store_pg_ctl    (const char *action);
gint64    tl_test_store_count_sql (const char *address,
                                   const char *sql);
/* Runs @sql on the database at @address, outside the store; a failure
 * ends the test. */
void      tl_test_store_run_sql   (const char *address,
                                   const char *sql);
/* Makes @role, a superuser, with @password, and has the server ask every
 * user but its own for a password (pg_hba.conf), so that a connection
 * made without it fails as on a desk; tl_test_store_pg_trust_all() puts
 * the wrapper's trust back. */
void      tl_test_store_pg_add_password_role (const char *role,
                                              const char *password);
void      tl_test_store_pg_trust_all (const char *role);
/* Report @i of the server tests' series: a sighting or a rescue a
 * minute apart from 1 May 2024 06:00 UTC, with @notes. */
TlEvent  *tl_test_store_pg_event  (guint       i,
                                   const char *notes);

G_END_DECLS
