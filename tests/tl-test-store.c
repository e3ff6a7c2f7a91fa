/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <unistd.h>

#include <libpq-fe.h>

#include "tl-test-store.h"

gboolean
tl_test_store_is_server (void)
{
  return g_getenv ("TL_TEST_PG_HOST") != NULL;
}

/* A fresh database from the server's template (which has PostGIS), named
 * after the test and @name. */
static char *
server_database (const char *host,
                 const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", g_test_get_path (), name);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
  g_autofree char *dbname = g_strdup_printf ("tl_%.24s", hash);
  g_autofree char *admin = g_strdup_printf ("host=%s user=tideline dbname=postgres", host);
  g_autofree char *create = NULL;
  const char *values[] = { dbname };
  PGconn *conn = PQconnectdb (admin);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot reach the test server: %s", PQerrorMessage (conn));

  result = PQexecParams (conn, "SELECT 1 FROM pg_database WHERE datname = $1",
                         1, NULL, values, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  if (PQntuples (result) == 0)
    {
      /* A name of hex digits this function made: nothing to quote. */
      create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE tl_template", dbname);
      PQclear (result);
      result = PQexec (conn, create);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        g_error ("Cannot create a test database: %s", PQresultErrorMessage (result));
    }
  PQclear (result);
  PQfinish (conn);

  return g_strdup_printf ("host=%s user=tideline dbname=%s", host, dbname);
}

char *
tl_test_store_address (const char *name)
{
  const char *host = g_getenv ("TL_TEST_PG_HOST");

  if (host != NULL)
    return server_database (host, name);

  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

TlStore *
tl_test_store_open (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = tl_test_store_address (name);
  TlStore *store = tl_store_open (address, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

#define PG_BIN "/usr/lib/postgresql/15/bin"

/* Stops (pg_ctl -m fast) or starts the server of build-aux/with-pg-server,
 * as the user the wrapper runs it as. */
void
tl_test_store_pg_ctl (const char *action)
{
  const char *host = g_getenv ("TL_TEST_PG_HOST");
  g_autofree char *data = g_build_filename (host, "data", NULL);
  g_autofree char *log = g_build_filename (host, "server.log", NULL);
  g_autofree char *options = g_strdup_printf ("-c listen_addresses='' -k %s -c fsync=off "
                                              "-c synchronous_commit=off -c full_page_writes=off", host);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* initdb refuses root: as root the wrapper runs the server as nobody. */
  if (getuid () == 0)
    {
      g_ptr_array_add (argv, (gpointer) "setpriv");
      g_ptr_array_add (argv, (gpointer) "--reuid=nobody");
      g_ptr_array_add (argv, (gpointer) "--regid=nogroup");
      g_ptr_array_add (argv, (gpointer) "--clear-groups");
      g_ptr_array_add (argv, (gpointer) "--");
    }
  g_ptr_array_add (argv, (gpointer) PG_BIN "/pg_ctl");
  g_ptr_array_add (argv, (gpointer) "-D");
  g_ptr_array_add (argv, data);
  g_ptr_array_add (argv, (gpointer) "-w");
  if (g_str_equal (action, "start"))
    {
      g_ptr_array_add (argv, (gpointer) "-l");
      g_ptr_array_add (argv, log);
      g_ptr_array_add (argv, (gpointer) "-o");
      g_ptr_array_add (argv, options);
    }
  else
    {
      g_ptr_array_add (argv, (gpointer) "-m");
      g_ptr_array_add (argv, (gpointer) "fast");
    }
  g_ptr_array_add (argv, (gpointer) action);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

void
tl_test_store_run_sql (const char *address,
                       const char *sql)
{
  PGconn *conn = PQconnectdb (address);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/* @sql on the test server's postgres database, as its own user. */
static void
exec_sql (const char *sql)
{
  g_autofree char *admin = g_strdup_printf ("host=%s user=tideline dbname=postgres",
                                            g_getenv ("TL_TEST_PG_HOST"));

  tl_test_store_run_sql (admin, sql);
}

/* Writes @rules as the server's pg_hba.conf and waits, with a deadline,
 * until a connection as @role without a password is let in or not, as
 * @trusted says: the server reads the file again after a signal. */
static void
set_hba (const char *rules,
         const char *role,
         gboolean    trusted)
{
  const char *host = g_getenv ("TL_TEST_PG_HOST");
  g_autofree char *path = g_build_filename (host, "data", "pg_hba.conf", NULL);
  g_autofree char *probe = g_strdup_printf ("host=%s user=%s dbname=postgres", host, role);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, rules, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error);
  g_assert_no_error (error);
  exec_sql ("SELECT pg_reload_conf ()");
  for (;;)
    {
      PGconn *conn = PQconnectdb (probe);
      gboolean let_in = PQstatus (conn) == CONNECTION_OK;

      PQfinish (conn);
      if (let_in == trusted)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
}

void
tl_test_store_pg_add_password_role (const char *role,
                                    const char *password)
{
  /* The test's own names: nothing to quote. */
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN SUPERUSER PASSWORD '%s'", role, password);

  /* No password file or variable may give it: only the one typed. */
  g_setenv ("PGPASSFILE", "/nonexistent/tideline-test-pgpass", TRUE);
  g_unsetenv ("PGPASSWORD");
  exec_sql (create);
  set_hba ("local all tideline trust\n"
           "local all all scram-sha-256\n"
           "host all tideline 127.0.0.1/32 trust\n"
           "host all all 127.0.0.1/32 scram-sha-256\n",
           role, FALSE);
}

void
tl_test_store_pg_trust_all (const char *role)
{
  set_hba ("local all all trust\n"
           "host all all 127.0.0.1/32 trust\n",
           role, TRUE);
}

gint64
tl_test_store_count_sql (const char *address,
                         const char *sql)
{
  PGconn *conn = PQconnectdb (address);
  PGresult *result;
  gint64 count;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return count;
}

TlEvent *
tl_test_store_pg_event (guint       i,
                        const char *notes)
{
  /* 2024-05-01 06:00:00 UTC */
  const gint64 t0 = G_GINT64_CONSTANT (1714543200);
  TlEvent *event = tl_event_new (i % 2 ? TL_EVENT_KIND_RESCUE : TL_EVENT_KIND_SIGHTING);

  tl_event_set_time (event, t0 + i * 60);
  tl_event_set_position (event, 50.9 + i * 0.001, 1.5);
  tl_event_set_people (event, 40 + (int) i);
  tl_event_set_notes (event, notes);
  return event;
}
