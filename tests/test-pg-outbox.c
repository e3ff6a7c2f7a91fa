/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <unistd.h>

#include <libpq-fe.h>

#include "tl-store.h"
#include "tl-test-store.h"

/* The outbox across a server that stops and starts again while a desk
 * saves: every report reaches the server once. Runs under
 * build-aux/with-pg-server, whose server it stops and starts. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)
#define N_REPORTS 50
#define PG_BIN "/usr/lib/postgresql/15/bin"

/* pg_ctl on the wrapper's server, as the user it runs as. */
static void
pg_ctl (const char *action)
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

static gint64
count_sql (const char *address,
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

static void
save (TlStore *store,
      guint    i,
      guint   *n_kept)
{
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strdup_printf ("Report %u", i);
  gboolean kept = FALSE;

  tl_event_set_time (event, T0 + i * 60);
  tl_event_set_position (event, 50.9, 1.5);
  tl_event_set_people (event, (int) i);
  tl_event_set_notes (event, notes);
  g_assert_true (tl_store_add_event_or_keep (store, event, "Desk", &kept, &error));
  g_assert_no_error (error);
  *n_kept += kept;
}

static void
test_outbox_across_restart (void)
{
  g_autofree char *address = tl_test_store_address ("outbox");
  g_autoptr(TlStore) store = tl_test_store_open ("outbox");
  g_autoptr(GError) error = NULL;
  guint n_kept = 0, n_sent = 0;
  gint64 deadline;

  for (guint i = 0; i < 15; i++)
    save (store, i, &n_kept);
  g_assert_cmpuint (n_kept, ==, 0);

  pg_ctl ("stop");
  for (guint i = 15; i < 35; i++)
    save (store, i, &n_kept);
  g_assert_cmpuint (n_kept, ==, 20);
  g_assert_cmpuint (tl_store_count_unsent (store), ==, 20);
  pg_ctl ("start");

  /* The listener finds the server again by itself and sends what was
   * kept; saves meanwhile go after them. */
  for (guint i = 35; i < N_REPORTS; i++)
    save (store, i, &n_kept);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (tl_store_count_unsent (store) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  /* Nothing left to send twice. */
  g_assert_true (tl_store_send_outbox (store, &n_sent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sent, ==, 0);

  g_assert_cmpint (count_sql (address, "SELECT count (*) FROM events"), ==, N_REPORTS);
  g_assert_cmpint (count_sql (address, "SELECT count (DISTINCT notes) FROM events"), ==, N_REPORTS);
  /* In the order they were saved. */
  g_assert_cmpint (count_sql (address,
                              "SELECT count (*) FROM (SELECT people, lag (people) OVER (ORDER BY id) AS before"
                              "  FROM events) AS pairs WHERE people < before"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!tl_test_store_is_server ())
    {
      g_test_skip ("needs build-aux/with-pg-server");
      return g_test_run ();
    }

  g_test_add_func ("/pg-outbox/across-restart", test_outbox_across_restart);

  return g_test_run ();
}
