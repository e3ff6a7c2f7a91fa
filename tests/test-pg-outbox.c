/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "tl-store.h"
#include "tl-test-store.h"

/* The outbox across a server that stops and starts again while a desk
 * saves: every report reaches the server once. Runs under
 * build-aux/with-pg-server, whose server it stops and starts. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)
#define N_REPORTS 50

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

  tl_test_store_pg_ctl ("stop");
  for (guint i = 15; i < 35; i++)
    save (store, i, &n_kept);
  g_assert_cmpuint (n_kept, ==, 20);
  g_assert_cmpuint (tl_store_count_unsent (store), ==, 20);
  tl_test_store_pg_ctl ("start");

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

  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM events"), ==, N_REPORTS);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (DISTINCT notes) FROM events"), ==, N_REPORTS);
  /* In the order they were saved. */
  g_assert_cmpint (tl_test_store_count_sql (address,
                              "SELECT count (*) FROM (SELECT people, lag (people) OVER (ORDER BY id) AS before"
                              "  FROM events) AS pairs WHERE people < before"), ==, 0);
}

/* Runs @sql on @address, which must succeed. */
static void
exec_sql (const char *address,
          const char *sql)
{
  PGconn *conn = PQconnectdb (address);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
}

static gint64 count_event_sql (const char *address,
                               const char *format,
                               ...) G_GNUC_PRINTF (2, 3);

static gint64
count_event_sql (const char *address,
                 const char *format,
                 ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return tl_test_store_count_sql (address, sql);
}

/* Reads @id on the store's own connection, which the store makes again
 * by itself after the outage, without waiting for it: until then a read
 * fails at once. */
static TlEvent *
reread (TlStore *store,
        gint64   id)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (TRUE)
    {
      g_autoptr(GError) error = NULL;
      TlEvent *event = tl_store_get_event (store, id, &error);

      if (event != NULL)
        return event;
      g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
wait_until_sent (TlStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (tl_store_count_unsent (store) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Edits and deletions made while the server is away are kept too, sent
 * in order as the desk's own saves, once each; one that another desk
 * overtook is not forced but handed to the window. */
static void
test_edits_across_restart (void)
{
  g_autofree char *address = tl_test_store_address ("edits");
  g_autoptr(TlStore) store = tl_test_store_open ("edits");
  g_autoptr(TlOutboxRefusal) refusal = NULL;
  g_autoptr(TlOutboxRefusal) none = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *overtake = NULL;
  TlEvent *events[3];
  gboolean kept = FALSE;
  guint n_sent = 0;
  sqlite3 *db = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      events[i] = tl_event_new (TL_EVENT_KIND_RESCUE);
      tl_event_set_time (events[i], T0 + i * 60);
      tl_event_set_people (events[i], 10 + (int) i);
      g_assert_true (tl_store_add_event_or_keep (store, events[i], "Desk", &kept, &error));
      g_assert_no_error (error);
      g_assert_false (kept);
    }

  tl_test_store_pg_ctl ("stop");
  /* Edited twice: the second follows the first. */
  tl_event_set_people (events[0], 100);
  g_assert_true (tl_store_update_event_or_keep (store, events[0], "Desk", &kept, &error));
  g_assert_no_error (error);
  g_assert_true (kept);
  tl_event_set_people (events[0], 101);
  g_assert_true (tl_store_update_event_or_keep (store, events[0], "Desk", &kept, &error));
  g_assert_true (kept);
  g_assert_true (tl_store_delete_event_or_keep (store, events[1], "Desk", &kept, &error));
  g_assert_true (kept);
  tl_event_set_people (events[2], 102);
  g_assert_true (tl_store_update_event_or_keep (store, events[2], "Desk", &kept, &error));
  g_assert_true (kept);
  g_assert_no_error (error);
  g_assert_cmpuint (tl_store_count_unsent (store), ==, 4);
  tl_test_store_pg_ctl ("start");

  /* Another desk edits the third report before this one is back. */
  overtake = g_strdup_printf ("UPDATE events SET people = 7, revision = revision + 1,"
                              " updated_by = 'Other desk' WHERE id = %" G_GINT64_FORMAT,
                              tl_event_get_id (events[2]));
  exec_sql (address, overtake);
  wait_until_sent (store);

  stored = reread (store, tl_event_get_id (events[0]));
  g_assert_cmpint (tl_event_get_people (stored), ==, 101);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 3);
  g_assert_cmpint (count_event_sql (address, "SELECT count (*) FROM events WHERE id = %" G_GINT64_FORMAT,
                                    tl_event_get_id (events[1])), ==, 0);
  g_clear_object (&stored);
  stored = reread (store, tl_event_get_id (events[2]));
  g_assert_cmpint (tl_event_get_people (stored), ==, 7);

  /* The overtaken edit goes to the window, once. */
  refusal = tl_store_take_outbox_refusal (store);
  g_assert_nonnull (refusal);
  g_assert_false (refusal->deleted);
  g_assert_cmpint (tl_event_get_id (refusal->mine), ==, tl_event_get_id (events[2]));
  g_assert_cmpint (tl_event_get_people (refusal->mine), ==, 102);
  g_assert_cmpint (tl_event_get_revision (refusal->mine), ==, 1);
  none = tl_store_take_outbox_refusal (store);
  g_assert_null (none);

  /* Audited as the desk's saves: a creation, two edits; no import. */
  audit = tl_store_list_audit (store, tl_event_get_id (events[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[2])->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM imports"), ==, 0);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM audit WHERE action = 'delete'"), ==, 1);

  /* Answers lost on the way: the desk sends its edits again, and the
   * server, which has their keys, makes nothing twice. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, tl_store_get_path (store), -1);
  outbox = g_strdup_printf ("%s/tideline/outbox/%.24s.sqlite", g_get_user_data_dir (), hash);
  g_assert_cmpint (sqlite3_open (outbox, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE outbox SET sent = 0 WHERE sent = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 3);
  sqlite3_close (db);
  g_assert_true (tl_store_send_outbox (store, &n_sent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_sent, ==, 3);
  g_assert_cmpint (count_event_sql (address, "SELECT count (*) FROM audit WHERE event_id = %" G_GINT64_FORMAT,
                                    tl_event_get_id (events[0])), ==, 3);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM audit WHERE action = 'delete'"), ==, 1);
  none = tl_store_take_outbox_refusal (store);
  g_assert_null (none);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    g_object_unref (events[i]);
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
  g_test_add_func ("/pg-outbox/edits-across-restart", test_edits_across_restart);

  return g_test_run ();
}
