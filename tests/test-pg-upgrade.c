/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "tl-store-pg-private.h"
#include "tl-test-store.h"

/* A server database of the previous room step, with reports in it, is
 * upgraded by the next desk that connects with the right to, and keeps
 * behaving: imports, their audit, cases, words. Runs under
 * build-aux/with-pg-server. */


/* The first value of @sql's answer, as a number; or, for a refusal, -1
 * and its SQLSTATE in @out_state. */
static gint64
query (const char  *address,
       const char  *sql,
       char       **out_state)
{
  PGconn *conn = PQconnectdb (address);
  PGresult *result;
  gint64 value = -1;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0)
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  else if (PQresultStatus (result) == PGRES_COMMAND_OK)
    value = 0;
  else if (out_state != NULL)
    *out_state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  else
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);

  return value;
}

static GArray *
search (TlStore    *store,
        const char *words)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = tl_store_search_events (store, words, &error);

  g_assert_no_error (error);
  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
}

static void
test_room_step_import (void)
{
  g_autofree char *address = tl_test_store_address ("upgrade");
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GPtrArray) in_cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) later_keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) grey_before = NULL;
  g_autoptr(GArray) grey_after = NULL;
  g_autoptr(GArray) panne_before = NULL;
  g_autoptr(GArray) panne_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;
  const int case_of_event[] = { 0, -1, 0, 1 };
  const TlCaseStatus statuses[] = { TL_CASE_STATUS_RESCUED, TL_CASE_STATUS_POSSIBLE };
  guint added = 0, skipped = 0;
  gint64 case_id, n_imports;

  /* A server as the previous release left it, with reports in cases and
   * an import. */
  tl_pg_roles_set_last_step (5);
  store = tl_test_store_open ("upgrade");
  tl_pg_roles_set_last_step (-1);
  g_assert_cmpint (query (address, "SELECT max (version) FROM tl_room_schema", NULL), ==, 5);
  g_assert_cmpint (query (address, "SELECT count (*) FROM pg_constraint"
                                   " WHERE conname = 'events_case_id_fkey'", NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (case_of_event); i++)
    g_ptr_array_add (in_cases, tl_test_store_pg_event (i, "Bateau pneumatique gris, moteur en panne"));
  g_assert_true (tl_store_add_events_in_cases (store, in_cases, case_of_event, statuses, 2,
                                               "Sample", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_ptr_array_add (imported, tl_test_store_pg_event (10 + i, "Grey inflatable near Équihen"));
      g_ptr_array_add (keys, (gpointer) (i == 0 ? "row-1" : i == 1 ? "row-2" : "row-3"));
    }
  g_assert_true (tl_store_add_events_with_keys (store, imported, keys, "Desk A", "night.csv",
                                                &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  grey_before = search (store, "grey equihen");
  panne_before = search (store, "panne moteur");
  g_assert_cmpuint (grey_before->len, ==, 3);
  g_assert_cmpuint (panne_before->len, ==, 4);
  n_imports = query (address, "SELECT count (*) FROM imports", NULL);
  g_clear_object (&store);

  /* The next connection upgrades it. */
  store = tl_test_store_open ("upgrade");
  g_assert_cmpint (query (address, "SELECT max (version) FROM tl_room_schema", NULL), ==, 6);
  g_assert_cmpint (query (address, "SELECT count (*) FROM pg_constraint"
                                   " WHERE conname = 'events_case_id_fkey'", NULL), ==, 0);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 7);

  /* The same words find the same reports, and the new ones too. */
  grey_after = search (store, "grey equihen");
  panne_after = search (store, "panne moteur");
  assert_same_ids (grey_before, grey_after);
  assert_same_ids (panne_before, panne_after);

  /* An import: the known row left out, the rest audited as one import. */
  g_ptr_array_add (later, tl_test_store_pg_event (20, "Grey inflatable again"));
  g_ptr_array_add (later, tl_test_store_pg_event (21, "Second grey boat"));
  g_ptr_array_add (later_keys, (gpointer) "row-1");
  g_ptr_array_add (later_keys, (gpointer) "row-4");
  g_assert_true (tl_store_add_events_with_keys (store, later, later_keys, "Desk A", "later.csv",
                                                &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (query (address, "SELECT count (*) FROM imports", NULL), ==, n_imports + 1);
  audit = tl_store_list_audit (store, tl_event_get_id (later->pdata[1]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpstr (((TlAuditEntry *) audit->pdata[0])->source, ==, "later.csv");
  g_clear_pointer (&grey_after, g_array_unref);
  grey_after = search (store, "grey");
  g_assert_cmpuint (grey_after->len, ==, 4);

  /* Still refused: details that are not JSON (the row named), a report
   * in a case that is not there. */
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (bad, tl_test_store_pg_event (30 + i, NULL));
  tl_event_set_details (bad->pdata[1], "{not json");
  g_assert_false (tl_store_add_events (store, bad, "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 of 2"));
  g_clear_error (&error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 8);
  g_assert_cmpint (query (address, "INSERT INTO events (kind, time, status, case_id, created_by,"
                                   " created_at, updated_by, updated_at)"
                                   " VALUES ('rescue', 1, 'reported', 999999, 'x', 0, 'x', 0)",
                          &state), ==, -1);
  g_assert_cmpstr (state, ==, "23503");

  /* A case's reports move with it: kept while it is, left without one
   * when it goes. */
  case_id = tl_event_get_case_id (in_cases->pdata[0]);
  g_assert_cmpint (case_id, >, 0);
  sql = g_strdup_printf ("SELECT count (*) FROM events WHERE case_id = %" G_GINT64_FORMAT, case_id);
  g_assert_cmpint (query (address, sql, NULL), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM cases WHERE id = %" G_GINT64_FORMAT, case_id);
  g_assert_cmpint (query (address, sql, NULL), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM events WHERE case_id IS NULL AND id IN"
                         " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         tl_event_get_id (in_cases->pdata[0]), tl_event_get_id (in_cases->pdata[2]));
  g_assert_cmpint (query (address, sql, NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!tl_test_store_is_server ())
    {
      g_test_message ("Run under build-aux/with-pg-server");
      return 77;
    }

  g_test_add_func ("/pg-upgrade/room-step-import", test_room_step_import);

  return g_test_run ();
}
