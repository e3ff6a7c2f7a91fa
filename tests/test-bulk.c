/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "tl-store-sqlite-private.h"

/* Bulk adds switch the connection's triggers off and fill the full-text
 * index themselves, and audit the whole add as one row of imports: after
 * any bulk add, done or rolled back, the index must be exactly what the
 * trigger would have made, and every event's history must start with its
 * creation as it came in. */

/* 2024-05-01 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714521600)
/* More than one staging chunk (IMPORT_CHUNK). */
#define N_BULK 10000

/* Helpers */

static TlStore *
open_store (char **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "tideline", "log.db", NULL);
  TlStore *store = tl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return store;
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Event @i of a bulk: a position on two in three, a word of its own in
 * the notes, and the other indexed columns on some. */
static TlEvent *
make_event (guint i)
{
  TlEvent *event = tl_event_new (i % TL_EVENT_N_KINDS);
  g_autofree char *notes = g_strdup_printf ("Report tok%u from the beach", i);

  tl_event_set_time (event, T0 + i * 60);
  if (i % 3 != 0)
    tl_event_set_position (event, 49.5 + (i % 1000) * 0.001, 0.5 + (i / 1000) * 0.01);
  tl_event_set_notes (event, notes);
  if (i % 2 == 0)
    tl_event_set_unit (event, "CRS Nord");
  if (i % 5 == 0)
    tl_event_set_place (event, "Gravelines");
  if (i % 7 == 0)
    tl_event_set_details (event, "{\"source\":\"radio\",\"n\":[1,2]}");
  tl_event_set_people (event, i % 60);

  return event;
}

static GPtrArray *
make_events (guint n)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (events, make_event (i));

  return events;
}

/* The full-text index and the audit log agree with the events, row for
 * row. */
static void
assert_in_sync (const char *path)
{
  sqlite3 *db = open_raw (path);
  gint64 n_events = raw_int (db, "SELECT count(*) FROM events");

  /* The full-text index against its external content (the events). */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO events_fts (events_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* Every event with text is in the index, and nothing else. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE temp.words USING fts5vocab (main, 'events_fts', 'instance')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "SELECT count(DISTINCT doc) FROM temp.words"), ==,
                   raw_int (db, "SELECT count(*) FROM events WHERE coalesce (notes, unit, place) IS NOT NULL"));
  g_assert_cmpint (raw_int (db,
                            "SELECT count(*) FROM (SELECT DISTINCT doc FROM temp.words) w LEFT JOIN events e"
                            " ON e.id = w.doc WHERE e.id IS NULL"),
                   ==, 0);
  g_assert_cmpint (n_events, >, 0);

  /* Every event was created once: by a 'create' row of its own or inside
   * the id range of exactly one bulk add, never both. */
  g_assert_cmpint (raw_int (db,
                            "SELECT count(*) FROM events e WHERE"
                            " (SELECT count(*) FROM audit a WHERE a.event_id = e.id AND a.action = 'create')"
                            " + (SELECT count(*) FROM imports i"
                            "    WHERE e.id >= i.first_event_id AND e.id < i.end_event_id) != 1"),
                   ==, 0);
  /* A bulk add's range holds nothing but its own events, and ends with
   * one of them. */
  g_assert_cmpint (raw_int (db,
                            "SELECT count(*) FROM imports i JOIN events e"
                            " ON e.id >= i.first_event_id AND e.id < i.end_event_id"
                            " WHERE e.created_at != i.at OR e.created_by != i.operator"
                            "  OR e.revision = 1 AND e.updated_at != i.at"),
                   ==, 0);
  g_assert_cmpint (raw_int (db,
                            "SELECT count(*) FROM imports i WHERE NOT EXISTS"
                            " (SELECT 1 FROM events e WHERE e.id = i.end_event_id - 1)"),
                   ==, 0);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The history of @event starts with its creation by @operator_name from
 * @source, holding the event as it came in. */
static void
assert_history (TlStore    *store,
                TlEvent    *event,
                const char *operator_name,
                const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = tl_store_list_audit (store, tl_event_get_id (event), &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  TlAuditEntry *create;
  JsonObject *after;

  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 1);
  create = audit->pdata[0];
  g_assert_cmpint (create->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpint (create->event_id, ==, tl_event_get_id (event));
  g_assert_cmpstr (create->operator_name, ==, operator_name);
  g_assert_cmpstr (create->source, ==, source);
  g_assert_cmpint (create->at, ==, tl_event_get_created_at (event));
  g_assert_null (create->before);
  g_assert_nonnull (create->after);

  g_assert_true (json_parser_load_from_data (parser, create->after, -1, NULL));
  after = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (after, "id"), ==, tl_event_get_id (event));
  g_assert_cmpint (json_object_get_int_member (after, "revision"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (after, "notes"), ==, tl_event_get_notes (event));
  for (guint i = 1; i < audit->len; i++)
    g_assert_cmpint (((TlAuditEntry *) audit->pdata[i])->action, !=, TL_AUDIT_ACTION_CREATE);
}

/* Event @event is found by its word. */
static void
assert_found (const char *path,
              TlEvent    *event,
              guint       i)
{
  sqlite3 *db = open_raw (path);
  g_autofree char *by_word = g_strdup_printf ("SELECT coalesce ((SELECT group_concat (rowid)"
                                              " FROM events_fts WHERE events_fts MATCH 'tok%u'), 0)", i);
  gint64 id = tl_event_get_id (event);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (raw_int (db, by_word), ==, id);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* The triggers are on again after a bulk add: a single write is indexed. */
static void
assert_triggers_on (TlStore    *store,
                    const char *path)
{
  g_autoptr(TlEvent) event = make_event (424242);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  assert_found (path, event, 424242);

  tl_event_set_notes (event, "Report tok434343");
  tl_event_set_position (event, 50.9, 1.8);
  g_assert_true (tl_store_update_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  assert_found (path, event, 434343);

  assert_in_sync (path);
}

/* Tests */

static void
test_fast_path (void)
{
  g_autoptr(GError) error = NULL;
  TlStore *store = open_store (NULL);

  /* A new or changed trigger on the events makes this fail: teach
   * tl-store-bulk.c the trigger, or bulk adds go row by row. */
  g_assert_true (tl_store_bulk_can_skip_triggers (TL_STORE_SQLITE (store->backend), &error));
  g_assert_no_error (error);

  g_assert_finalize_object (store);
}

static void
test_add_events (void)
{
  g_autoptr(GPtrArray) events = make_events (N_BULK);
  g_autoptr(TlEvent) first = make_event (N_BULK);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_store (&path);

  g_assert_true (tl_store_add_event (store, first, "desk-1", &error));
  g_assert_no_error (error);

  g_assert_true (tl_store_add_events (store, events, "import", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, N_BULK + 1);

  assert_in_sync (path);
  for (guint i = 0; i < N_BULK; i += 997)
    assert_found (path, g_ptr_array_index (events, i), i);
  assert_found (path, g_ptr_array_index (events, N_BULK - 1), N_BULK - 1);
  assert_found (path, first, N_BULK);
  assert_history (store, g_ptr_array_index (events, 0), "import", NULL);
  assert_history (store, g_ptr_array_index (events, N_BULK - 1), "import", NULL);
  assert_history (store, first, "desk-1", NULL);
  assert_triggers_on (store, path);

  g_assert_finalize_object (store);
}

static void
test_add_events_rollback (void)
{
  g_autoptr(GPtrArray) events = make_events (N_BULK);
  g_autoptr(GPtrArray) seed = make_events (10);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_store (&path);

  g_assert_true (tl_store_add_events (store, seed, "import", &error));
  g_assert_no_error (error);

  /* Refused in the second chunk, after a whole chunk went in. */
  tl_event_set_people (g_ptr_array_index (events, N_BULK - 10), -5);
  g_assert_false (tl_store_add_events (store, events, "import", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9991 of 10000"));
  g_clear_error (&error);

  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 10);
  assert_in_sync (path);
  for (guint i = 0; i < 10; i++)
    assert_found (path, g_ptr_array_index (seed, i), i);
  assert_triggers_on (store, path);

  g_assert_finalize_object (store);
}

static GPtrArray *
make_keys (guint n)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (keys, g_strdup_printf ("row-%u", i));

  return keys;
}

static void
test_add_with_keys (void)
{
  g_autoptr(GPtrArray) events = make_events (N_BULK);
  g_autoptr(GPtrArray) again = make_events (N_BULK + 5);
  g_autoptr(GPtrArray) keys = make_keys (N_BULK);
  g_autoptr(GPtrArray) again_keys = make_keys (N_BULK + 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_store (&path);
  guint n_added = 0, n_skipped = 0;

  g_assert_true (tl_store_add_events_with_keys (store, events, keys, "import", "test.csv",
                                                &n_added, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, N_BULK);
  g_assert_cmpuint (n_skipped, ==, 0);
  assert_in_sync (path);
  for (guint i = 0; i < N_BULK; i += 1231)
    assert_found (path, g_ptr_array_index (events, i), i);
  assert_history (store, g_ptr_array_index (events, 0), "import", "test.csv");

  /* Changed after it came in, its history still starts with the event as
   * it was imported. */
  {
    g_autoptr(TlEvent) changed = tl_event_copy (g_ptr_array_index (events, 1));
    g_autoptr(GPtrArray) audit = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *after;

    tl_event_set_notes (changed, "Corrected on the radio");
    g_assert_true (tl_store_update_event (store, changed, "desk-2", &error));
    g_assert_no_error (error);
    audit = tl_store_list_audit (store, tl_event_get_id (changed), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, ==, 2);
    g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
    g_assert_true (json_parser_load_from_data (parser, ((TlAuditEntry *) audit->pdata[0])->after, -1, NULL));
    after = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (after, "notes"), ==, "Report tok1 from the beach");
    g_assert_cmpint (json_object_get_int_member (after, "revision"), ==, 1);
    g_assert_cmpstr (((TlAuditEntry *) audit->pdata[0])->source, ==, "test.csv");
  }

  /* The same rows again, and five new ones: only those are written. */
  g_assert_true (tl_store_add_events_with_keys (store, again, again_keys, "import", "test.csv",
                                                &n_added, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 5);
  g_assert_cmpuint (n_skipped, ==, N_BULK);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, N_BULK + 5);
  assert_in_sync (path);
  assert_found (path, g_ptr_array_index (again, N_BULK + 4), N_BULK + 4);
  assert_triggers_on (store, path);

  g_assert_finalize_object (store);
}

static void
test_add_with_keys_rollback (void)
{
  g_autoptr(GPtrArray) seed = make_events (10);
  g_autoptr(GPtrArray) seed_keys = make_keys (10);
  g_autoptr(GPtrArray) events = make_events (N_BULK);
  g_autoptr(GPtrArray) keys = make_keys (N_BULK);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_store (&path);

  g_assert_true (tl_store_add_events_with_keys (store, seed, seed_keys, "import", "seed.csv",
                                                NULL, NULL, &error));
  g_assert_no_error (error);

  tl_event_set_people (g_ptr_array_index (events, N_BULK - 1), -5);
  g_assert_false (tl_store_add_events_with_keys (store, events, keys, "import", "test.csv",
                                                 NULL, NULL, &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 10);
  assert_in_sync (path);
  for (guint i = 0; i < 10; i++)
    assert_found (path, g_ptr_array_index (seed, i), i);
  assert_triggers_on (store, path);

  g_assert_finalize_object (store);
}

/* A trigger the bulk add does not know (another program's, or a future
 * migration's) keeps the triggers on: every one of them fires. */
static void
test_unknown_trigger (void)
{
  g_autoptr(GPtrArray) events = make_events (100);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_store (&path);
  sqlite3 *db;

  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE probe (event_id INTEGER);"
                                 "CREATE TRIGGER probe_insert AFTER INSERT ON events BEGIN"
                                 "  INSERT INTO probe VALUES (new.id);"
                                 "END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_false (tl_store_bulk_can_skip_triggers (TL_STORE_SQLITE (store->backend), &error));
  g_assert_no_error (error);

  g_assert_true (tl_store_add_events (store, events, "import", &error));
  g_assert_no_error (error);

  db = open_raw (path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM probe"), ==, 100);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  assert_in_sync (path);
  assert_found (path, g_ptr_array_index (events, 50), 50);

  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bulk/fast-path", test_fast_path);
  g_test_add_func ("/bulk/add-events", test_add_events);
  g_test_add_func ("/bulk/add-events-rollback", test_add_events_rollback);
  g_test_add_func ("/bulk/add-with-keys", test_add_with_keys);
  g_test_add_func ("/bulk/add-with-keys-rollback", test_add_with_keys_rollback);
  g_test_add_func ("/bulk/unknown-trigger", test_unknown_trigger);

  return g_test_run ();
}
