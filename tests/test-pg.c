/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include "tl-cli.h"
#include "tl-demo.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* What only a shared server does, or does its own way: imports through
 * COPY, the schema's guards, the address rules, and the PostGIS view
 * that GIS tools read. Runs under build-aux/with-pg-server only. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char **argv = NULL;
  va_list ap;

  g_ptr_array_add (args, g_strdup ("tideline"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* GOptionContext moves the pointers around: give it its own array. */
  argv = g_memdup2 (args->pdata, sizeof (char *) * args->len);
  return tl_cli_main ((int) args->len - 1, argv);
}

/* Everything a store holds, as text: equal texts, equal databases.
 * With @exact, the audit's JSON too, as stored; without, what it says
 * (a server writes the same records in its own JSON spacing). */
static char *
fingerprint (TlStore  *store,
             gboolean  exact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tl_store_list_events (store, G_MININT64, G_MAXINT64, &error);
  g_autoptr(GPtrArray) cases = tl_store_list_cases (store, &error);
  g_autoptr(GArray) days = tl_store_list_statistics (store, "0000-01-01", "9999-12-31", &error);
  g_autoptr(GArray) weeks = tl_store_list_statistics_weeks (store, "0000-01-01", "9999-12-31", &error);
  g_auto(GStrv) units = tl_store_list_units (store, &error);
  g_autoptr(GPtrArray) places = tl_store_list_places (store, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *json = tl_event_to_json (events->pdata[i]);
      g_autoptr(GPtrArray) audit = tl_store_list_audit (store, tl_event_get_id (events->pdata[i]), &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "%s\n", json);
      for (guint a = 0; a < audit->len; a++)
        {
          TlAuditEntry *e = audit->pdata[a];

          g_string_append_printf (out, "  %d %s %" G_GINT64_FORMAT " %s %s %s\n", e->action,
                                  e->operator_name, e->at, e->source ? e->source : "-",
                                  exact && e->before ? e->before : "-",
                                  exact && e->after ? e->after : "-");
        }
    }
  for (guint i = 0; i < cases->len; i++)
    {
      TlCase *c = cases->pdata[i];

      g_string_append_printf (out, "case %" G_GINT64_FORMAT " %d %s %" G_GINT64_FORMAT " %u\n",
                              c->id, c->status, c->title ? c->title : "-", c->updated_at, c->n_events);
    }
  for (guint i = 0; i < days->len; i++)
    {
      TlStatisticsDay *day = &g_array_index (days, TlStatisticsDay, i);

      g_string_append_printf (out, "day %s %d %d\n", day->date, day->people, day->boats);
    }
  for (guint i = 0; i < weeks->len; i++)
    {
      TlStatisticsWeek *week = &g_array_index (weeks, TlStatisticsWeek, i);

      g_string_append_printf (out, "week %s %s %s %d %d\n", week->week, week->first_date,
                              week->last_date, week->people, week->boats);
    }
  for (guint i = 0; units[i] != NULL; i++)
    g_string_append_printf (out, "unit %s\n", units[i]);
  for (guint i = 0; i < places->len; i++)
    {
      TlPlace *place = places->pdata[i];

      g_string_append_printf (out, "place %s %.7f %.7f\n", place->name, place->latitude, place->longitude);
    }

  return g_string_free (out, FALSE);
}

static void
test_import_keys (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("import");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, skipped = 0, known = 0;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (events, tl_test_store_pg_event (i, i == 1 ? "tab\there, back\\slash\nnew line" : "Grey inflatable"));
  g_ptr_array_add (keys, "row-1");
  g_ptr_array_add (keys, "row-2");
  g_ptr_array_add (keys, "row-1");   /* the same row twice in one file */

  g_assert_true (tl_store_add_events_with_keys (store, events, keys, "Desk A", "night.csv",
                                                &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 2);

  /* Text comes back byte for byte through COPY's escapes. */
  {
    g_autoptr(TlEvent) stored = tl_store_get_event (store, tl_event_get_id (events->pdata[1]), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (tl_event_get_notes (stored), ==, "tab\there, back\\slash\nnew line");
    g_assert_cmpint (tl_event_get_revision (stored), ==, 1);
    g_assert_cmpstr (tl_event_get_created_by (stored), ==, "Desk A");
  }

  /* Its history starts with the import. */
  audit = tl_store_list_audit (store, tl_event_get_id (events->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpstr (((TlAuditEntry *) audit->pdata[0])->source, ==, "night.csv");
  g_assert_nonnull (strstr (((TlAuditEntry *) audit->pdata[0])->after, "Grey inflatable"));

  /* The same file again adds nothing. */
  g_assert_true (tl_store_count_import_keys (store, keys, &known, &error));
  g_assert_cmpuint (known, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (again, tl_test_store_pg_event (i, "again"));
  g_assert_true (tl_store_add_events_with_keys (store, again, keys, "Desk A", "night.csv",
                                                &added, &skipped, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);

  /* A new report after the import gets the next id. */
  {
    g_autoptr(TlEvent) event = tl_test_store_pg_event (9, "after");

    g_assert_true (tl_store_add_event (store, event, "Desk B", &error));
    g_assert_no_error (error);
    g_assert_cmpint (tl_event_get_id (event), >, tl_event_get_id (events->pdata[1]));
  }
}

static void
test_import_refused (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("refused");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (events, tl_test_store_pg_event (i, NULL));
  tl_event_set_details (events->pdata[1], "{not json");

  g_assert_false (tl_store_add_events (store, events, "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 of 3"));
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 0);
  g_assert_cmpint (tl_event_get_id (events->pdata[0]), ==, 0);
}

static void
test_events_in_cases (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("cases");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  const int case_of_event[] = { 0, -1, 0, 1 };
  const TlCaseStatus statuses[] = { TL_CASE_STATUS_RESCUED, TL_CASE_STATUS_POSSIBLE };

  for (guint i = 0; i < G_N_ELEMENTS (case_of_event); i++)
    g_ptr_array_add (events, tl_test_store_pg_event (i, NULL));

  g_assert_true (tl_store_add_events_in_cases (store, events, case_of_event, statuses, 2,
                                               "Sample", &error));
  g_assert_no_error (error);
  cases = tl_store_list_cases (store, &error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpint (tl_event_get_case_id (events->pdata[0]), ==, tl_event_get_case_id (events->pdata[2]));
  g_assert_cmpint (tl_event_get_case_id (events->pdata[1]), ==, 0);
  {
    g_autoptr(TlCase) c = tl_store_get_case (store, tl_event_get_case_id (events->pdata[0]), &error);

    g_assert_cmpuint (c->n_events, ==, 2);
    g_assert_cmpint (c->status, ==, TL_CASE_STATUS_RESCUED);
  }
}

static void
test_words (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("words");
  g_autoptr(TlEvent) a = tl_test_store_pg_event (0, "Bateau pneumatique gris, moteur en panne");
  g_autoptr(TlEvent) b = tl_test_store_pg_event (1, "Grey inflatable near Équihen");
  g_autoptr(TlFilter) filter = tl_filter_new (T0, T0 + 3600);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  tl_event_set_unit (b, "RNLI Dover");
  g_assert_true (tl_store_add_event (store, a, "Desk A", &error));
  g_assert_true (tl_store_add_event (store, b, "Desk A", &error));

  /* Accents and case ignored, the last word a prefix. */
  filter->text = g_strdup ("EQUI");
  found = tl_store_query_events (store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (tl_event_get_id (found->pdata[0]), ==, tl_event_get_id (b));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Whole words before it, in any column. */
  g_free (filter->text);
  filter->text = g_strdup ("grey dov");
  found = tl_store_query_events (store, filter, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* "gre" is not the whole word "grey". */
  g_free (filter->text);
  filter->text = g_strdup ("gre dover");
  found = tl_store_query_events (store, filter, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Nothing but punctuation is no filter; quotes are words' edges. */
  g_free (filter->text);
  filter->text = g_strdup ("' \" & | ! :*");
  found = tl_store_query_events (store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);

  ids = tl_store_search_events (store, "panne moteur", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, tl_event_get_id (a));
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *address = tl_test_store_address ("newer");
  g_autoptr(TlStore) store = tl_test_store_open ("newer");
  g_autoptr(TlStore) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tl_store_get_schema_version (store), ==, TL_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  tl_test_store_run_sql (address, "UPDATE tl_schema SET version = 99");
  again = tl_store_open (address, &error);
  g_assert_null (again);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "schema 99"));
}

static void
test_other_program_refused (void)
{
  g_autofree char *address = tl_test_store_address ("other");
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  tl_test_store_run_sql (address, "CREATE TABLE invoices (id integer)");
  store = tl_store_open (address, &error);
  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_DATABASE);
}

static void
test_password_refused (void)
{
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = tl_store_open ("postgresql://desk:secret@ops.invalid/tideline", &error);
  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, ".pgpass"));
  g_assert_null (strstr (error->message, "secret"));
}

static void
test_audit_append_only (void)
{
  g_autofree char *address = tl_test_store_address ("append-only");
  g_autoptr(TlStore) store = tl_test_store_open ("append-only");
  g_autoptr(TlEvent) event = tl_test_store_pg_event (0, NULL);
  g_autoptr(GError) error = NULL;
  PGconn *conn;
  PGresult *result;

  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));

  conn = PQconnectdb (address);
  result = PQexec (conn, "UPDATE audit SET operator = 'someone else'");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_nonnull (strstr (PQresultErrorMessage (result), "cannot be changed"));
  PQclear (result);
  result = PQexec (conn, "DELETE FROM audit");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  PQclear (result);
  PQfinish (conn);
}

/* GDAL reads the events as points from the view, as QGIS would. */
static void
test_ogrinfo (void)
{
  g_autofree char *address = tl_test_store_address ("gis");
  g_autoptr(TlStore) store = tl_test_store_open ("gis");
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  g_autofree char *source = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (ogrinfo == NULL)
    {
      g_test_skip ("ogrinfo is not installed");
      return;
    }

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(TlEvent) event = tl_test_store_pg_event (i, NULL);

      g_assert_true (tl_store_add_event (store, event, "Desk A", &error));
    }

  source = g_strdup_printf ("PG:%s", address);
  {
    const char *argv[] = { ogrinfo, "-ro", "-so", source, "events_map", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("ogrinfo failed: %s", err);
  g_assert_nonnull (strstr (out, "Geometry: Point"));
  g_assert_nonnull (strstr (out, "Feature Count: 5"));
  g_assert_nonnull (strstr (out, "EPSG"));
}

/* `tideline copy` moves a file to the server and back, identical, audit
 * included; `tideline migrate` prepares a new server. */
static void
test_copy_round_trip (void)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "desk.db", NULL);
  g_autofree char *back = g_build_filename (g_get_user_data_dir (), "back.db", NULL);
  g_autofree char *server = tl_test_store_address ("copy");
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlStore) copied = NULL;
  g_autoptr(TlStore) returned = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *original_exact = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *round_trip = NULL;
  TlStatisticsDay day = { "2024-05-01", 120, 3 };
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  TlStatisticsWeek week = { "", "", "", 840, -1 };
  TlDemoOptions options;

  /* A day of sample data with cases, then a desk's edits. */
  store = tl_store_open (file, &error);
  g_assert_no_error (error);
  tl_demo_options_init (&options, 7, T0, T0 + 86400);
  options.n_events = 60;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  events = tl_store_list_events (store, T0, T0 + 86400, &error);
  tl_event_set_notes (events->pdata[0], "Edited by the desk");
  g_assert_true (tl_store_update_event (store, events->pdata[0], "Desk B", &error));
  g_assert_true (tl_store_delete_event (store, tl_event_get_id (events->pdata[1]), 0, "Desk B", &error));
  g_assert_true (tl_store_add_unit (store, "SNSM Calais", &error));
  g_assert_true (tl_store_add_place (store, "Plage de l'Épi", 50.7, 1.6, &error));
  g_array_append_val (days, day);
  g_assert_true (tl_store_import_statistics (store, days, "home-office.csv", &error));
  g_assert_no_error (error);
  g_assert_true (tl_statistics_week_init (&week, 2024, 18));
  g_array_append_val (weeks, week);
  g_assert_true (tl_store_import_statistics_weeks (store, weeks, "home-office-weekly.csv", &error));
  g_assert_no_error (error);
  original = fingerprint (store, FALSE);
  g_assert_nonnull (strstr (original, "week 2024-W18 2024-04-29 2024-05-05 840 -1\n"));
  original_exact = fingerprint (store, TRUE);
  g_clear_object (&store);

  g_assert_cmpint (run_cli ("migrate", server, NULL), ==, 0);
  g_assert_cmpint (run_cli ("copy", "--from", file, "--to", server, NULL), ==, 0);
  copied = tl_store_open (server, &error);
  g_assert_no_error (error);
  on_server = fingerprint (copied, FALSE);
  g_assert_cmpstr (on_server, ==, original);

  /* Never into a database that holds records, nor from nowhere. */
  g_assert_cmpint (run_cli ("copy", "--from", file, "--to", server, NULL), ==, 1);
  g_assert_cmpint (run_cli ("copy", "--from", "/no/such.db", "--to", back, NULL), ==, 1);
  g_assert_false (g_file_test (back, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli ("copy", "--from", file, NULL), ==, 2);

  /* A report added on the server gets a fresh id. */
  {
    g_autoptr(TlEvent) event = tl_test_store_pg_event (1, "After the copy");

    g_assert_true (tl_store_add_event (copied, event, "Desk C", &error));
    g_assert_no_error (error);
    g_assert_cmpint (tl_event_get_id (event), >, tl_event_get_id (events->pdata[events->len - 1]));
    g_assert_true (tl_store_delete_event (copied, tl_event_get_id (event), 0, "Desk C", &error));
  }
  g_clear_object (&copied);

  /* And back: identical to the file it came from, audit JSON included
   * for the rows the file wrote. */
  g_assert_cmpint (run_cli ("copy", "--from", server, "--to", back, NULL), ==, 0);
  returned = tl_store_open (back, &error);
  g_assert_no_error (error);
  round_trip = fingerprint (returned, FALSE);
  g_assert_cmpstr (round_trip, ==, original);
  g_clear_pointer (&round_trip, g_free);
  round_trip = fingerprint (returned, TRUE);
  g_assert_cmpstr (round_trip, ==, original_exact);
}

/* As the README sets a server up: PostGIS created by a superuser, the
 * database owned by a role that may create roles but is no superuser.
 * Its first connection migrates, hands the tables to tideline_admin and
 * leaves PostGIS's own views to their owner. */
static void
test_owner_not_superuser (void)
{
  g_autofree char *admin = g_strdup_printf ("host=%s user=tideline dbname=postgres",
                                            g_getenv ("TL_TEST_PG_HOST"));
  g_autofree char *address = g_strdup_printf ("host=%s user=tl_owner dbname=tl_owned",
                                              g_getenv ("TL_TEST_PG_HOST"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlEvent) event = tl_test_store_pg_event (1, "owned");

  tl_test_store_run_sql (admin, "CREATE ROLE tl_owner LOGIN CREATEROLE");
  tl_test_store_run_sql (admin, "CREATE DATABASE tl_owned OWNER tl_owner TEMPLATE tl_template");

  store = tl_store_open (address, &error);
  g_assert_no_error (error);
  g_assert_true (tl_store_can (store, TL_STORE_CAN_ALL));
  g_assert_true (tl_store_add_event (store, event, "Desk 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!tl_test_store_is_server ())
    {
      g_test_message ("Run under build-aux/with-pg-server");
      return 77;
    }

  g_test_add_func ("/pg/import-keys", test_import_keys);
  g_test_add_func ("/pg/import-refused", test_import_refused);
  g_test_add_func ("/pg/events-in-cases", test_events_in_cases);
  g_test_add_func ("/pg/words", test_words);
  g_test_add_func ("/pg/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/pg/other-program-refused", test_other_program_refused);
  g_test_add_func ("/pg/password-refused", test_password_refused);
  g_test_add_func ("/pg/audit-append-only", test_audit_append_only);
  g_test_add_func ("/pg/ogrinfo", test_ogrinfo);
  g_test_add_func ("/pg/copy-round-trip", test_copy_round_trip);
  g_test_add_func ("/pg/owner-not-superuser", test_owner_not_superuser);

  return g_test_run ();
}
