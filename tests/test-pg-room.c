/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

#include "tl-event-list.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* The operations room on one server: roles the server enforces, an
 * audit that names the database user, live updates between desks, and
 * conflicts across connections. Runs under build-aux/with-pg-server. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)
#define DEADLINE_US (10 * G_USEC_PER_SEC)

static TlEvent *
make_event (guint i)
{
  TlEvent *event = tl_event_new (TL_EVENT_KIND_RESCUE);

  tl_event_set_time (event, T0 + i * 60);
  tl_event_set_position (event, 50.9 + i * 0.001, 1.5);
  tl_event_set_people (event, 40 + (int) i);
  tl_event_set_notes (event, "Grey inflatable");
  return event;
}

static PGconn *
connect_raw (const char *address)
{
  PGconn *conn = PQconnectdb (address);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* Runs @sql; returns its SQLSTATE, NULL when it succeeded. */
static char *
try_sql (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  char *state = NULL;

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  PQclear (result);
  return state;
}

static gint64
count_sql (PGconn     *conn,
           const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  gint64 count;

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return count;
}

/* The test's database, set up by its owner, with a login role of each
 * kind; the address of @user on it. */
static char *
room_address (const char *user)
{
  g_autofree char *admin = tl_test_store_address ("room");
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  PGconn *conn;

  /* The owner's first connection creates the roles. */
  store = tl_store_open (admin, &error);
  g_assert_no_error (error);
  g_assert_true (tl_store_can (store, TL_STORE_CAN_ALL));

  conn = connect_raw (admin);
  g_assert_null (try_sql (conn,
    "DO $$ BEGIN"
    "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader_a') THEN"
    "    CREATE ROLE reader_a LOGIN IN ROLE tideline_reader;"
    "    CREATE ROLE desk_a LOGIN IN ROLE tideline_desk;"
    "    CREATE ROLE desk_b LOGIN IN ROLE tideline_desk;"
    "    CREATE ROLE coord_a LOGIN IN ROLE tideline_coordinator;"
    "  END IF; END $$"));
  PQfinish (conn);

  g_assert_true (g_str_has_prefix (admin, "host="));
  prefix = g_strndup (admin, strstr (admin, " user=tideline") - admin);
  return g_strdup_printf ("%s user=%s%s", prefix, user,
                          strstr (admin, " user=tideline") + strlen (" user=tideline"));
}

static TlStore *
open_as (const char *user)
{
  g_autofree char *address = room_address (user);
  g_autoptr(GError) error = NULL;
  TlStore *store = tl_store_open (address, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_reader_refused (void)
{
  g_autoptr(TlStore) reader = open_as ("reader_a");
  g_autoptr(TlEvent) event = make_event (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;

  g_assert_cmpint (tl_store_get_capabilities (reader), ==, TL_STORE_CAN_READ);
  why = tl_store_explain_refusal (reader, TL_STORE_CAN_EDIT_REPORTS);
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "tideline_reader"));
  g_assert_nonnull (strstr (why, "tideline_desk"));
  g_assert_null (tl_store_explain_refusal (reader, TL_STORE_CAN_READ));

  /* The window would not offer it; the server refuses it anyway. */
  g_assert_false (tl_store_add_event (reader, event, "Anyone", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "refused"));
  g_assert_nonnull (strstr (error->message, "reader_a"));
  g_assert_cmpint (tl_store_count_events (reader, NULL), ==, 0);
}

static void
test_desk_and_coordinator (void)
{
  g_autoptr(TlStore) desk = open_as ("desk_a");
  g_autoptr(TlStore) coordinator = open_as ("coord_a");
  g_autoptr(TlEvent) event = make_event (2);
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gint64 id;

  g_assert_cmpint (tl_store_get_capabilities (desk), ==,
                   TL_STORE_CAN_READ | TL_STORE_CAN_EDIT_REPORTS);
  why = tl_store_explain_refusal (desk, TL_STORE_CAN_DELETE);
  g_assert_nonnull (strstr (why, "tideline_coordinator"));
  g_assert_true (tl_store_can (coordinator, TL_STORE_CAN_ALL));

  g_assert_true (tl_store_add_event (desk, event, "Typed In Preferences", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);

  /* A desk may not delete; a coordinator may. */
  g_assert_false (tl_store_delete_event (desk, id, tl_event_get_revision (event), "Anyone", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "desk_a"));
  g_clear_error (&error);
  g_assert_true (tl_store_delete_event (coordinator, id, tl_event_get_revision (event), "Anyone", &error));
  g_assert_no_error (error);

  /* Weekly figures are imported by whoever imports the daily ones. */
  {
    g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
    TlStatisticsWeek week = { "", "", "", 120, 3 };

    g_assert_true (tl_statistics_week_init (&week, 2026, 49));
    g_array_append_val (weeks, week);
    g_assert_false (tl_store_import_statistics_weeks (desk, weeks, "weekly.csv", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (tl_store_import_statistics_weeks (coordinator, weeks, "weekly.csv", &error));
    g_assert_no_error (error);
  }
}

static void
test_audit_names_database_user (void)
{
  g_autoptr(TlStore) desk = open_as ("desk_a");
  g_autoptr(TlEvent) event = make_event (3);
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *desk_address = room_address ("desk_a");
  g_autofree char *coordinator_address = room_address ("coord_a");
  g_autofree char *where = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *state = NULL;
  PGconn *conn;

  g_assert_true (tl_store_add_event (desk, event, "Somebody Else", &error));
  g_assert_no_error (error);
  tl_event_set_people (event, 41);
  g_assert_true (tl_store_update_event (desk, event, "Somebody Else", &error));
  g_assert_no_error (error);

  audit = tl_store_list_audit (desk, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  for (guint i = 0; i < audit->len; i++)
    g_assert_cmpstr (((TlAuditEntry *) audit->pdata[i])->operator_name, ==, "desk_a");
  stored = tl_store_get_event (desk, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_event_get_created_by (stored), ==, "desk_a");
  g_assert_cmpstr (tl_event_get_updated_by (stored), ==, "desk_a");

  /* Neither a desk nor a coordinator may alter the audit. */
  where = g_strdup_printf (" WHERE event_id = %" G_GINT64_FORMAT, tl_event_get_id (event));
  update = g_strconcat ("UPDATE audit SET operator = 'nobody'", where, NULL);
  delete = g_strconcat ("DELETE FROM audit", where, NULL);
  conn = connect_raw (desk_address);
  state = try_sql (conn, update);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = try_sql (conn, delete);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  /* Nor write a row of its own: the server writes them. */
  state = try_sql (conn, "INSERT INTO audit (event_id, action, operator, at)"
                         " VALUES (-1, 'create', 'forged', 0)");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = try_sql (conn, "INSERT INTO imports (operator, at, first_event_id, end_event_id)"
                         " VALUES ('forged', 0, 1, 2)");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  g_assert_cmpint (count_sql (conn, "SELECT count (*) FROM audit WHERE event_id = -1"), ==, 0);
  PQfinish (conn);

  conn = connect_raw (coordinator_address);
  state = try_sql (conn, update);
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  PQfinish (conn);

  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = tl_store_list_audit (desk, tl_event_get_id (event), &error);
  g_assert_cmpuint (audit->len, ==, 2);
}

/* What a client sends straight to the server, Tideline or not, is
 * audited by the server in its user's name. */
static void
test_server_writes_audit (void)
{
  g_autoptr(TlStore) desk = open_as ("desk_a");
  g_autofree char *desk_address = room_address ("desk_a");
  g_autofree char *coordinator_address = room_address ("coord_a");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;
  JsonObject *after;
  PGconn *conn = connect_raw (desk_address);
  PGresult *result;
  gint64 id, imported;

  result = PQexec (conn, "INSERT INTO events (kind, time, status, people, created_by, created_at,"
                         "  updated_by, updated_at)"
                         " VALUES ('rescue', 1714543200, 'reported', 12, 'forged', 0, 'forged', 0)"
                         " RETURNING id");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  sql = g_strdup_printf ("UPDATE events SET people = 13, revision = 2 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_null (try_sql (conn, sql));

  audit = tl_store_list_audit (desk, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
  for (guint i = 0; i < audit->len; i++)
    {
      TlAuditEntry *entry = audit->pdata[i];

      g_assert_cmpstr (entry->operator_name, ==, "desk_a");
      /* The server's clock, not the client's zero. */
      g_assert_cmpint (entry->at, >, T0);
    }
  /* The row as stored, in tl_event_to_json()'s keys and formats. */
  g_assert_true (json_parser_load_from_data (parser, ((TlAuditEntry *) audit->pdata[1])->after, -1, &error));
  g_assert_no_error (error);
  after = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (after, "people"), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (after, "time"), ==, "2024-05-01T06:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (after, "created_by"), ==, "desk_a");
  g_assert_true (json_object_get_null_member (after, "latitude"));
  g_assert_nonnull (strstr (((TlAuditEntry *) audit->pdata[1])->before, "\"people\":12,"));

  /* Asking the server to write nothing, as a copy does, is the owner's
   * alone. */
  g_assert_null (try_sql (conn, "BEGIN"));
  g_assert_null (try_sql (conn, "SET LOCAL tl.copy = 'on'"));
  state = try_sql (conn, "INSERT INTO events (kind, time, status, created_by, created_at, updated_by,"
                         "  updated_at) VALUES ('patrol', 1714543200, 'reported', 'x', 0, 'x', 0)");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  g_assert_null (try_sql (conn, "ROLLBACK"));

  /* A bulk add is audited as one import, in the desk's name, whatever
   * the client does before its commit. */
  g_assert_null (try_sql (conn, "BEGIN"));
  g_assert_null (try_sql (conn, "SET LOCAL tl.import = 'on'"));
  g_assert_null (try_sql (conn, "SET LOCAL tl.operator = 'forged'"));
  result = PQexec (conn, "INSERT INTO events (kind, time, status, created_by, created_at, updated_by,"
                         "  updated_at) SELECT 'patrol', 1714543200 + n, 'reported', 'x', 0, 'x', 0"
                         " FROM generate_series (1, 3) AS n RETURNING id");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  imported = g_ascii_strtoll (PQgetvalue (result, 1, 0), NULL, 10);
  PQclear (result);
  g_assert_null (try_sql (conn, "COMMIT"));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = tl_store_list_audit (desk, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpstr (((TlAuditEntry *) audit->pdata[0])->operator_name, ==, "desk_a");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM imports WHERE operator = 'desk_a'"
                         " AND first_event_id <= %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT " < end_event_id",
                         imported, imported);
  g_assert_cmpint (count_sql (conn, sql), ==, 1);
  PQfinish (conn);

  /* A delete, in the coordinator's name whatever it says it is. */
  conn = connect_raw (coordinator_address);
  g_assert_null (try_sql (conn, "BEGIN"));
  g_assert_null (try_sql (conn, "SET LOCAL tl.operator = 'forged'"));
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM events WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_null (try_sql (conn, sql));
  g_assert_null (try_sql (conn, "COMMIT"));
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE event_id = %" G_GINT64_FORMAT
                         " AND action = 'delete' AND operator = 'coord_a' AND after IS NULL"
                         " AND before LIKE '%%\"people\":13,%%'", id);
  g_assert_cmpint (count_sql (conn, sql), ==, 1);
  PQfinish (conn);
}

/* A desk's saves through the outbox are its own saves, each with its
 * key taken on the server. */
static void
test_desk_saves_with_keys (void)
{
  g_autoptr(TlStore) desk = open_as ("desk_a");
  g_autoptr(TlEvent) event = make_event (7);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = room_address ("desk_a");
  PGconn *conn = connect_raw (address);
  gint64 n_keys = count_sql (conn, "SELECT count (*) FROM tl_sent");
  gboolean kept = TRUE;

  g_assert_true (tl_store_add_event_or_keep (desk, event, "Anyone", &kept, &error));
  g_assert_no_error (error);
  g_assert_false (kept);
  tl_event_set_people (event, 99);
  g_assert_true (tl_store_update_event_or_keep (desk, event, "Anyone", &kept, &error));
  g_assert_no_error (error);
  g_assert_false (kept);

  audit = tl_store_list_audit (desk, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_cmpstr (((TlAuditEntry *) audit->pdata[1])->operator_name, ==, "desk_a");
  g_assert_cmpint (count_sql (conn, "SELECT count (*) FROM tl_sent"), ==, n_keys + 2);
  PQfinish (conn);
}

/* Every table, the ones later migrations add too, is the owner's and
 * readable by the readers; the audit is written by no one else. */
static void
test_grants_of_every_table (void)
{
  g_autofree char *admin = tl_test_store_address ("room");
  g_autofree char *unused = room_address ("reader_a");
  PGconn *conn = connect_raw (admin);

  g_assert_null (try_sql (conn, "CREATE TABLE tl_test_later (x integer)"));
  g_assert_cmpint (count_sql (conn,
    "SELECT count (*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'v')"
    "   AND c.relname NOT IN ('spatial_ref_sys', 'tl_test_later')"
    /* PostGIS's own views stay its owner's. */
    "   AND NOT EXISTS (SELECT 1 FROM pg_depend d"
    "     WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')"
    "   AND (c.relowner <> 'tideline_admin'::regrole"
    "        OR NOT has_table_privilege ('tideline_reader', c.oid, 'SELECT'))"), ==, 0);
  g_assert_cmpint (count_sql (conn, "SELECT count (*) FROM pg_class c"
    " WHERE relname = 'tl_test_later' AND has_table_privilege ('tideline_reader', c.oid, 'SELECT')"), ==, 1);
  g_assert_null (try_sql (conn, "DROP TABLE tl_test_later"));

  for (guint i = 0; i < 3; i++)
    {
      const char *roles[] = { "tideline_reader", "tideline_desk", "tideline_coordinator" };
      g_autofree char *sql = g_strdup_printf (
        "SELECT count (*) FROM unnest (ARRAY['audit', 'imports', 'tl_import_pending']) AS t"
        " CROSS JOIN unnest (ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p"
        " WHERE has_table_privilege ('%s', t, p)", roles[i]);

      g_assert_cmpint (count_sql (conn, sql), ==, 0);
    }
  /* The weekly figures have the daily figures' grants, role by role. */
  g_assert_cmpint (count_sql (conn,
    "SELECT count (*) FROM unnest (ARRAY['tideline_reader', 'tideline_desk', 'tideline_coordinator']) AS r"
    " CROSS JOIN unnest (ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p"
    " WHERE has_table_privilege (r, 'statistics', p) <> has_table_privilege (r, 'statistics_weeks', p)"), ==, 0);
  g_assert_cmpint (count_sql (conn, "SELECT count (*) WHERE has_table_privilege ('tideline_coordinator', 'statistics_weeks', 'INSERT')"
                                    " AND NOT has_table_privilege ('tideline_desk', 'statistics_weeks', 'INSERT')"), ==, 1);
  /* A desk's kept saves take their keys. */
  g_assert_cmpint (count_sql (conn, "SELECT count (*) WHERE has_table_privilege ('tideline_desk', 'tl_sent', 'INSERT')"
                                    " AND NOT has_table_privilege ('tideline_reader', 'tl_sent', 'INSERT')"), ==, 1);
  PQfinish (conn);
}

/* Waits for a notification on @conn, with a deadline. */
static char *
next_notification (PGconn *conn)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;

  while (g_get_monotonic_time () < deadline)
    {
      PGnotify *notify;

      g_assert_true (PQconsumeInput (conn));
      notify = PQnotifies (conn);
      if (notify != NULL)
        {
          char *payload = g_strdup (notify->extra);

          g_assert_cmpstr (notify->relname, ==, "tl_events");
          PQfreemem (notify);
          return payload;
        }
      g_usleep (5000);
    }

  g_assert_not_reached ();
}

static void
test_notify_second_connection (void)
{
  g_autoptr(TlStore) coordinator = open_as ("coord_a");
  g_autoptr(TlEvent) event = make_event (4);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = room_address ("reader_a");
  g_autofree char *expected = NULL;
  g_autofree char *payload = NULL;
  PGconn *conn = connect_raw (address);
  gint64 id;

  g_assert_null (try_sql (conn, "LISTEN tl_events"));

  g_assert_true (tl_store_add_event (coordinator, event, "Anyone", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);
  expected = g_strdup_printf ("insert %" G_GINT64_FORMAT, id);
  payload = next_notification (conn);
  g_assert_cmpstr (payload, ==, expected);

  tl_event_set_people (event, 12);
  g_assert_true (tl_store_update_event (coordinator, event, "Anyone", &error));
  g_assert_no_error (error);
  g_free (expected);
  g_free (payload);
  expected = g_strdup_printf ("update %" G_GINT64_FORMAT, id);
  payload = next_notification (conn);
  g_assert_cmpstr (payload, ==, expected);

  g_assert_true (tl_store_delete_event (coordinator, id, tl_event_get_revision (event), "Anyone", &error));
  g_assert_no_error (error);
  g_free (expected);
  g_free (payload);
  expected = g_strdup_printf ("delete %" G_GINT64_FORMAT, id);
  payload = next_notification (conn);
  g_assert_cmpstr (payload, ==, expected);

  PQfinish (conn);
}

/* Iterates the main context until @list holds @n items, or fails at the
 * deadline. */
static void
wait_for_items (GListModel *list,
                guint       n)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;

  while (g_list_model_get_n_items (list) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_live_list (void)
{
  g_autoptr(TlStore) desk = open_as ("desk_a");
  g_autoptr(TlStore) coordinator = open_as ("coord_a");
  g_autoptr(TlEventList) list = tl_event_list_new (coordinator, T0, T0 + 86400);
  g_autoptr(TlEvent) event = make_event (5);
  g_autoptr(TlEvent) seen = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  /* The list reads the server from the store's worker. */
  for (gint64 deadline = g_get_monotonic_time () + DEADLINE_US; tl_event_list_is_loading (list);)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_true (tl_store_add_event (desk, event, "Anyone", &error));
  g_assert_no_error (error);
  wait_for_items (G_LIST_MODEL (list), n + 1);

  /* An edit at the desk reaches the coordinator's list. */
  tl_event_set_people (event, 77);
  g_assert_true (tl_store_update_event (desk, event, "Anyone", &error));
  g_assert_no_error (error);
  for (gint64 deadline = g_get_monotonic_time () + DEADLINE_US;;)
    {
      guint position = tl_event_list_find (list, tl_event_get_id (event));

      g_assert_cmpuint (position, !=, G_MAXUINT);
      g_clear_object (&seen);
      seen = g_list_model_get_item (G_LIST_MODEL (list), position);
      if (tl_event_get_people (seen) == 77)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_true (tl_store_delete_event (coordinator, tl_event_get_id (event),
                                        tl_event_get_revision (event), "Anyone", &error));
  g_assert_no_error (error);
  wait_for_items (G_LIST_MODEL (list), n);
}

static void
test_conflict_across_desks (void)
{
  g_autoptr(TlStore) desk_a = open_as ("desk_a");
  g_autoptr(TlStore) desk_b = open_as ("desk_b");
  g_autoptr(TlEvent) event = make_event (6);
  g_autoptr(TlEvent) copy_a = NULL;
  g_autoptr(TlEvent) copy_b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_store_add_event (desk_a, event, "Anyone", &error));
  g_assert_no_error (error);

  /* Both desks open the report; A saves first. */
  copy_a = tl_store_get_event (desk_a, tl_event_get_id (event), &error);
  copy_b = tl_store_get_event (desk_b, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  tl_event_set_people (copy_a, 50);
  g_assert_true (tl_store_update_event (desk_a, copy_a, "Anyone", &error));
  g_assert_no_error (error);

  tl_event_set_people (copy_b, 60);
  g_assert_false (tl_store_update_event (desk_b, copy_b, "Anyone", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&copy_b);
  copy_b = tl_store_get_event (desk_b, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_people (copy_b), ==, 50);
}

/* Only a coordinator manages cases: the server refuses a desk's change
 * of a case's status (its grants, not the window), and the case stays as
 * it was; a coordinator's goes through. */
static void
test_case_status_coordinator_only (void)
{
  g_autoptr(TlStore) desk = open_as ("desk_a");
  g_autoptr(TlStore) coordinator = open_as ("coord_a");
  g_autoptr(TlCase) after_refusal = NULL;
  g_autoptr(TlCase) after_change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  PGconn *conn;
  char *state;
  gint64 case_id;

  why = tl_store_explain_refusal (desk, TL_STORE_CAN_MANAGE_CASES);
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "tideline_coordinator"));
  g_assert_null (tl_store_explain_refusal (coordinator, TL_STORE_CAN_MANAGE_CASES));

  case_id = tl_store_create_case (coordinator, TL_CASE_STATUS_DISTRESS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);

  /* Through the store, as the window would if it offered it. */
  g_assert_false (tl_store_set_case_status (desk, case_id, TL_CASE_STATUS_CLOSED, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "desk_a"));
  g_clear_error (&error);
  /* And straight to the server, as any client could. */
  conn = connect_raw (tl_store_get_path (desk));
  state = try_sql (conn, "UPDATE cases SET status = 'closed'");
  g_assert_cmpstr (state, ==, "42501");
  g_free (state);
  PQfinish (conn);

  after_refusal = tl_store_get_case (coordinator, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after_refusal->status, ==, TL_CASE_STATUS_DISTRESS);

  g_assert_true (tl_store_set_case_status (coordinator, case_id, TL_CASE_STATUS_RESCUED, &error));
  g_assert_no_error (error);
  after_change = tl_store_get_case (desk, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after_change->status, ==, TL_CASE_STATUS_RESCUED);
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

  g_test_add_func ("/pg-room/reader-refused", test_reader_refused);
  g_test_add_func ("/pg-room/desk-and-coordinator", test_desk_and_coordinator);
  g_test_add_func ("/pg-room/audit-names-database-user", test_audit_names_database_user);
  g_test_add_func ("/pg-room/server-writes-audit", test_server_writes_audit);
  g_test_add_func ("/pg-room/grants-of-every-table", test_grants_of_every_table);
  g_test_add_func ("/pg-room/desk-saves-with-keys", test_desk_saves_with_keys);
  g_test_add_func ("/pg-room/notify-second-connection", test_notify_second_connection);
  g_test_add_func ("/pg-room/live-list", test_live_list);
  g_test_add_func ("/pg-room/conflict-across-desks", test_conflict_across_desks);
  g_test_add_func ("/pg-room/case-status-coordinator-only", test_case_status_coordinator_only);

  return g_test_run ();
}
