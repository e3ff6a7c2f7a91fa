/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tl-event-private.h"
#include "tl-import.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* 2024-05-01 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714521600)

/* Helpers */

/* G_TEST_OPTION_ISOLATE_DIRS gives each test its own data dir, removed
 * after the test; the store must create the folders itself. */
static char *
test_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tideline", "log.db", NULL);
}

static TlStore *
open_new_store (char **out_path)
{
  g_autoptr(GError) error = NULL;
  /* A file, or a database of the test server (tl-test-store.c). */
  g_autofree char *path = tl_test_store_is_server () ? tl_test_store_address ("log.db")
                                                     : test_db_path ();
  TlStore *store;

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return store;
}

static TlEvent *
make_event (TlEventKind kind,
            gint64      time)
{
  TlEvent *event = tl_event_new (kind);

  tl_event_set_time (event, time);
  return event;
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = open_raw (path);
  gint64 value = raw_int (db, sql);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

static void
assert_check_refuses (const char *path,
                      const char *constraint,
                      const char *sql)
{
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), constraint));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", side);
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Opening @path must fail with @code and leave it byte for byte as it was,
 * with no journal file created beside it. */
static void
assert_refused (const char   *path,
                TlStoreError  code,
                const char   *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  TlStore *store;
  GStatBuf st_before, st_after;

  assert_no_side_files (path);
  before = read_bytes (path);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  store = tl_store_open (path, &error);
  g_assert_error (error, TL_STORE_ERROR, (int)code);
  g_assert_null (store);
  g_test_message ("Refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
  assert_no_side_files (path);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (json);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
count_signal (gpointer  instance,
              guint    *counter)
{
  (*counter)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

/* The icons must exist in the theme Debian 12 ships (skipped where the
 * theme is not installed). */
static void
assert_adwaita_icon (const char *name)
{
  const char *root = "/usr/share/icons/Adwaita/scalable";
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  g_autofree char *file = g_strconcat (name, ".svg", NULL);
  const char *context;
  gboolean found = FALSE;

  if (dir == NULL)
    return;

  while (!found && (context = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, context, file, NULL);
      found = g_file_test (path, G_FILE_TEST_EXISTS);
    }

  if (!found)
    g_error ("Icon %s is not in the Adwaita theme", name);
}

/* Tests: the record */

static void
test_event_defaults (void)
{
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);

  g_assert_cmpint (tl_event_get_id (event), ==, 0);
  g_assert_cmpint (tl_event_get_kind (event), ==, TL_EVENT_KIND_RESCUE);
  g_assert_cmpint (tl_event_get_end_time (event), ==, TL_TIME_NONE);
  g_assert_false (tl_event_has_position (event));
  g_assert_true (isnan (tl_event_get_latitude (event)));
  g_assert_cmpint (tl_event_get_boats (event), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpint (tl_event_get_people (event), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpint (tl_event_get_rescued (event), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpint (tl_event_get_deceased (event), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpint (tl_event_get_missing (event), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpint (tl_event_get_status (event), ==, TL_EVENT_STATUS_REPORTED);
  g_assert_cmpint (tl_event_get_case_id (event), ==, 0);
  g_assert_cmpint (tl_event_get_revision (event), ==, 0);
  g_assert_null (tl_event_get_place (event));
  g_assert_null (tl_event_get_created_by (event));
}

static void
test_event_strings (void)
{
  for (int i = 0; i < TL_EVENT_N_KINDS; i++)
    {
      TlEventKind kind;

      g_assert_true (tl_event_kind_from_string (tl_event_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (tl_event_kind_get_label (i));
      g_assert_true (g_str_has_suffix (tl_event_kind_get_icon_name (i), "-symbolic"));
      assert_adwaita_icon (tl_event_kind_get_icon_name (i));
    }

  for (int i = 0; i < TL_EVENT_N_STATUSES; i++)
    {
      TlEventStatus status;

      g_assert_true (tl_event_status_from_string (tl_event_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (tl_event_status_get_label (i));
    }

  g_assert_cmpstr (tl_event_kind_to_string (TL_EVENT_KIND_DEPARTURE), ==, "departure");
  g_assert_cmpstr (tl_event_kind_to_string (TL_EVENT_KIND_PATROL), ==, "patrol");
  g_assert_cmpstr (tl_event_status_to_string (TL_EVENT_STATUS_CLOSED), ==, "closed");
  g_assert_false (tl_event_kind_from_string ("shipwreck", NULL));
  g_assert_false (tl_event_status_from_string (NULL, NULL));
  g_assert_null (tl_event_kind_to_string (TL_EVENT_N_KINDS));

  /* GEnum nicks are the stable names, for .ui files and GSettings. */
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (TL_TYPE_EVENT_KIND);
    g_assert_cmpint (g_enum_get_value_by_nick (klass, "interception")->value, ==,
                     TL_EVENT_KIND_INTERCEPTION);
  }
}

static void
test_event_notify (void)
{
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);
  guint people = 0, any = 0, has_position = 0;

  /* Only a detailed handler, as g_object_bind_property() connects. */
  g_signal_connect (event, "notify::people", G_CALLBACK (count_notify), &people);

  tl_event_set_people (event, 12);
  g_assert_cmpuint (people, ==, 1);
  tl_event_set_people (event, 12);
  g_assert_cmpuint (people, ==, 1);
  g_object_set (event, "people", 12, NULL);
  g_assert_cmpuint (people, ==, 1);
  g_object_set (event, "people", 13, NULL);
  g_assert_cmpuint (people, ==, 2);

  g_signal_connect (event, "notify", G_CALLBACK (count_notify), &any);
  g_signal_connect (event, "notify::has-position", G_CALLBACK (count_notify), &has_position);
  tl_event_set_notes (event, "x");
  tl_event_set_notes (event, "x");
  g_assert_cmpuint (any, ==, 1);

  tl_event_set_position (event, 50.9, 1.8);
  g_assert_cmpuint (has_position, ==, 1);
  tl_event_set_position (event, 50.9, 1.8);
  tl_event_set_position (event, 51.0, 1.8);
  g_assert_cmpuint (has_position, ==, 1);
  tl_event_clear_position (event);
  g_assert_cmpuint (has_position, ==, 2);
  g_assert_false (tl_event_has_position (event));
}

static void
test_event_copy_json (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_RESCUE, T0 + 3600);
  g_autoptr(TlEvent) copy = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *json = NULL;

  tl_event_set_id (event, 7);
  tl_event_set_revision (event, 3);
  tl_event_set_created (event, "op", T0);
  tl_event_set_position (event, 50.95, 1.85);
  tl_event_set_people (event, 40);
  tl_event_set_rescued (event, 0);
  tl_event_set_place (event, "Sangatte");
  tl_event_set_details (event, "{\"engine\":\"failed\"}");

  copy = tl_event_copy (event);
  g_assert_cmpint (tl_event_get_id (copy), ==, 7);
  g_assert_cmpint (tl_event_get_revision (copy), ==, 3);
  g_assert_cmpstr (tl_event_get_created_by (copy), ==, "op");
  g_assert_true (tl_event_equal_content (event, copy));
  tl_event_set_people (copy, 41);
  g_assert_false (tl_event_equal_content (event, copy));

  json = tl_event_to_json (event);
  object = parse_object (json);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "rescue");
  g_assert_cmpstr (json_object_get_string_member (object, "time"), ==, "2024-05-01T01:00:00Z");
  g_assert_true (json_object_get_null_member (object, "end_time"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "latitude"), 50.95, 1e-9);
  g_assert_true (json_object_get_null_member (object, "boats"));
  g_assert_cmpint (json_object_get_int_member (object, "people"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (object, "rescued"), ==, 0);
  g_assert_true (json_object_get_null_member (object, "case_id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "details"),
                                                  "engine"), ==, "failed");
}

/* Tests: opening */

static void
test_open_new (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GError) error = NULL;
  TlStore *store = open_new_store (&path);
  GStatBuf st;

  g_assert_cmpint (tl_store_get_schema_version (store), ==, TL_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (tl_store_get_path (store), ==, path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  places = tl_store_list_places (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (places->len, ==, 25);
  for (guint i = 1; i < places->len; i++)
    {
      TlPlace *a = g_ptr_array_index (places, i - 1);
      TlPlace *b = g_ptr_array_index (places, i);
      g_assert_cmpint (g_strcmp0 (a->name, b->name), <, 0);
    }
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_finalize_object (store);

  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, TL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM places"), ==, 25);
  g_assert_cmpint (count_rows (path,
                               "SELECT count(*) FROM sqlite_schema WHERE name IN"
                               " ('events', 'cases', 'routes', 'places', 'units', 'audit',"
                               "  'imports', 'events_fts', 'events_time')"), ==, 9);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  assert_no_side_files (path);

  /* Opening again migrates nothing and keeps the places. */
  store = open_new_store (NULL);
  g_assert_finalize_object (store);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM places"), ==, 25);
}

static void
test_open_empty_file (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  TlStore *store;
  GStatBuf st;

  /* An empty file someone prepared keeps the mode they gave it. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (path, "", 0, G_FILE_SET_CONTENTS_NONE, 0640, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_get_schema_version (store), ==, TL_STORE_SCHEMA_VERSION);
  g_assert_finalize_object (store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "time,kind\n2024-05-01,rescue\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (path, TL_STORE_ERROR_NOT_DATABASE, "is not a Tideline database");

  /* Shorter than a header. */
  g_file_set_contents (path, "SQLite", -1, &error);
  g_assert_no_error (error);
  assert_refused (path, TL_STORE_ERROR_NOT_DATABASE, NULL);
}

static void
test_refuse_corrupt (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  TlStore *store = open_new_store (&path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length = 0;
  gsize page_size = (gsize)count_rows (path, "PRAGMA page_size");
  gsize page;
  int rc;

  for (int i = 0; i < 500; i++)
    {
      TlEvent *event = make_event (TL_EVENT_KIND_SIGHTING, T0 + i);
      tl_event_set_notes (event, "A boat with about forty people, heading north-west");
      g_ptr_array_add (events, event);
    }
  g_assert_true (tl_store_add_events (store, events, "op", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  assert_no_side_files (path);

  /* Scribble over the cell pointers of pages in the middle of the file
   * (several: which page is in the middle moves with the schema, and an
   * empty one hides the damage). */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * page_size);
  for (page = length / page_size / 2 - 2; page <= length / page_size / 2 + 2; page++)
    memset (contents + page * page_size + 8, 0xa5, 64);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  /* Make sure the damage is the kind quick_check sees. */
  uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), !=, "ok");
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  assert_refused (path, TL_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuse_foreign (void)
{
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (path,
            "CREATE TABLE contacts (name TEXT, phone TEXT);"
            "INSERT INTO contacts VALUES ('Harbour office', '+33 3 21 00 00 00');");

  assert_refused (path, TL_STORE_ERROR_NOT_DATABASE, "is not a Tideline database");

  /* Another program's application id, even with a table named like ours. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  raw_exec (path, "PRAGMA application_id = 1; PRAGMA user_version = 1;"
                  " CREATE TABLE events (id INTEGER PRIMARY KEY);");
  assert_refused (path, TL_STORE_ERROR_NOT_DATABASE, NULL);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  TlStore *store = open_new_store (&path);

  g_assert_finalize_object (store);
  raw_exec (path, "PRAGMA user_version = 99");
  assert_no_side_files (path);

  assert_refused (path, TL_STORE_ERROR_TOO_NEW, "schema 99");

  /* A file with nothing but a version: a newer Tideline's, just as well. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  raw_exec (path, "PRAGMA user_version = 99");
  expected = g_strdup_printf ("reads up to schema %d", TL_STORE_SCHEMA_VERSION);
  assert_refused (path, TL_STORE_ERROR_TOO_NEW, expected);
}

/* Tests: writing */

static void
test_crud (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_RESCUE, T0 + 3600);
  g_autoptr(TlEvent) read = NULL;
  g_autoptr(TlEvent) gone = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  TlStore *store = open_new_store (NULL);
  guint changed = 0;
  gint64 id;

  g_signal_connect (store, "events-changed", G_CALLBACK (count_signal), &changed);

  tl_event_set_end_time (event, T0 + 7200);
  tl_event_set_position (event, 50.95, 1.75);
  tl_event_set_place (event, "Sangatte");
  tl_event_set_boats (event, 1);
  tl_event_set_people (event, 52);
  tl_event_set_rescued (event, 50);
  tl_event_set_deceased (event, 0);
  tl_event_set_unit (event, "Abeille Normandie");
  tl_event_set_status (event, TL_EVENT_STATUS_ONGOING);
  tl_event_set_notes (event, "Engine failure");
  tl_event_set_details (event, "{\"vessel\":\"inflatable\"}");

  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  id = tl_event_get_id (event);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (tl_event_get_revision (event), ==, 1);
  g_assert_cmpstr (tl_event_get_created_by (event), ==, "desk-1");
  g_assert_cmpstr (tl_event_get_updated_by (event), ==, "desk-1");
  g_assert_cmpint (tl_event_get_created_at (event), >, T0);

  read = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tl_event_equal_content (event, read));
  g_assert_cmpint (tl_event_get_revision (read), ==, 1);
  g_assert_cmpint (tl_event_get_created_at (read), ==, tl_event_get_created_at (event));
  g_assert_cmpint (tl_event_get_missing (read), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpint (tl_event_get_deceased (read), ==, 0);

  tl_event_set_rescued (read, 52);
  tl_event_set_status (read, TL_EVENT_STATUS_CLOSED);
  tl_event_clear_position (read);
  g_assert_true (tl_store_update_event (store, read, "desk-2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (tl_event_get_revision (read), ==, 2);
  g_assert_cmpstr (tl_event_get_updated_by (read), ==, "desk-2");
  g_assert_cmpstr (tl_event_get_created_by (read), ==, "desk-1");

  g_clear_object (&event);
  event = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tl_event_equal_content (event, read));
  g_assert_cmpint (tl_event_get_rescued (event), ==, 52);
  g_assert_false (tl_event_has_position (event));

  events = tl_store_list_events (store, T0, T0 + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = tl_store_list_events (store, T0 + 3601, T0 + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);

  g_assert_true (tl_store_delete_event (store, id, 2, "desk-1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  gone = tl_store_get_event (store, id, &error);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 0);

  g_assert_false (tl_store_delete_event (store, id, 0, "desk-1", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_finalize_object (store);
}

static void
test_order (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  TlStore *store = open_new_store (NULL);
  const gint64 times[] = { 300, 100, 200, 100, 86400, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_ptr_array_add (events, make_event (TL_EVENT_KIND_SIGHTING, T0 + times[i]));
  g_assert_true (tl_store_add_events (store, events, "op", &error));
  g_assert_no_error (error);

  listed = tl_store_list_events (store, T0, T0 + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 4);
  /* By time, then by id for equal times. */
  g_assert_true (g_ptr_array_index (listed, 0) != g_ptr_array_index (events, 1));
  g_assert_cmpint (tl_event_get_id (g_ptr_array_index (listed, 0)), ==, tl_event_get_id (g_ptr_array_index (events, 1)));
  g_assert_cmpint (tl_event_get_id (g_ptr_array_index (listed, 1)), ==, tl_event_get_id (g_ptr_array_index (events, 3)));
  g_assert_cmpint (tl_event_get_id (g_ptr_array_index (listed, 2)), ==, tl_event_get_id (g_ptr_array_index (events, 2)));
  g_assert_cmpint (tl_event_get_id (g_ptr_array_index (listed, 3)), ==, tl_event_get_id (g_ptr_array_index (events, 0)));

  g_assert_finalize_object (store);
}

static void
test_audit (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_INTERCEPTION, T0 + 60);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) deleted = NULL;
  g_autoptr(JsonObject) own = NULL;
  g_autofree char *own_json = NULL;
  TlAuditEntry *entry;
  TlStore *store = open_new_store (NULL);
  gint64 id;

  tl_event_set_people (event, 12);
  tl_event_set_details (event, "{\"authority\":\"gendarmerie\"}");
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);

  tl_event_set_people (event, 14);
  g_assert_true (tl_store_update_event (store, event, "desk-2", &error));
  g_assert_no_error (error);
  g_assert_true (tl_store_delete_event (store, id, 0, "desk-3", &error));
  g_assert_no_error (error);

  entries = tl_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpint (entry->event_id, ==, id);
  g_assert_cmpstr (entry->operator_name, ==, "desk-1");
  g_assert_cmpint (entry->at, >, T0);
  g_assert_null (entry->before);
  after = parse_object (entry->after);
  g_assert_cmpint (json_object_get_int_member (after, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (after, "people"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (after, "revision"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (after, "kind"), ==, "interception");
  g_assert_cmpstr (json_object_get_string_member (after, "time"), ==, "2024-05-01T00:01:00Z");
  g_assert_true (json_object_get_null_member (after, "boats"));
  g_assert_true (json_object_get_null_member (after, "latitude"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (after, "details"),
                                                  "authority"), ==, "gendarmerie");

  /* The audit JSON and tl_event_to_json() describe a record alike. */
  own_json = tl_event_to_json (event);
  own = parse_object (own_json);
  g_assert_cmpuint (json_object_get_size (own), ==, json_object_get_size (after));
  {
    g_autoptr(GList) members = json_object_get_members (own);
    for (GList *l = members; l != NULL; l = l->next)
      g_assert_true (json_object_has_member (after, l->data));
  }

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_cmpstr (entry->operator_name, ==, "desk-2");
  g_clear_pointer (&before, json_object_unref);
  g_clear_pointer (&after, json_object_unref);
  before = parse_object (entry->before);
  after = parse_object (entry->after);
  g_assert_cmpint (json_object_get_int_member (before, "people"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (after, "people"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (before, "revision"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (after, "revision"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (after, "updated_by"), ==, "desk-2");

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->action, ==, TL_AUDIT_ACTION_DELETE);
  g_assert_cmpstr (entry->operator_name, ==, "desk-3");
  g_assert_null (entry->after);
  deleted = parse_object (entry->before);
  g_assert_cmpint (json_object_get_int_member (deleted, "people"), ==, 14);

  g_assert_finalize_object (store);
}

static void
test_audit_append_only (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_SIGHTING, T0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_new_store (&path);
  sqlite3 *db;

  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);

  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET operator = 'someone else'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "audit log cannot be changed"));
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit WHERE operator = 'desk-1'"), ==, 1);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_finalize_object (store);
}

static void
test_bulk_atomic (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TlEvent) kept = make_event (TL_EVENT_KIND_PATROL, T0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_new_store (&path);
  guint changed = 0;

  g_assert_true (tl_store_add_event (store, kept, "desk-1", &error));
  g_assert_no_error (error);
  g_signal_connect (store, "events-changed", G_CALLBACK (count_signal), &changed);

  for (int i = 0; i < 3; i++)
    g_ptr_array_add (events, make_event (TL_EVENT_KIND_DEPARTURE, T0 + 60 * (i + 1)));
  tl_event_set_people (g_ptr_array_index (events, 2), -5);

  g_assert_false (tl_store_add_events (store, events, "desk-1", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3 of 3"));
  g_assert_nonnull (strstr (error->message, "people cannot be negative"));
  g_clear_error (&error);

  g_assert_cmpuint (changed, ==, 0);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (tl_event_get_id (g_ptr_array_index (events, i)), ==, 0);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM audit"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM events_fts"), ==, 1);

  /* Other refusals name what is wrong. */
  tl_event_set_people (g_ptr_array_index (events, 2), 3);
  tl_event_set_end_time (g_ptr_array_index (events, 1), T0);
  g_assert_false (tl_store_add_events (store, events, "desk-1", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "end is before the start"));
  g_clear_error (&error);

  tl_event_set_end_time (g_ptr_array_index (events, 1), TL_TIME_NONE);
  tl_event_set_details (g_ptr_array_index (events, 0), "{not json");
  g_assert_false (tl_store_add_events (store, events, "desk-1", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  tl_event_set_details (g_ptr_array_index (events, 0), NULL);
  tl_event_set_case_id (g_ptr_array_index (events, 0), 42);
  g_assert_false (tl_store_add_events (store, events, "desk-1", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 1);

  tl_event_set_case_id (g_ptr_array_index (events, 0), 0);
  g_assert_true (tl_store_add_events (store, events, "desk-1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 4);
  /* The one added alone has its 'create' row; the three added in bulk
   * share one row of imports. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM audit WHERE action = 'create'"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM imports WHERE end_event_id - first_event_id = 3"), ==, 1);

  g_assert_finalize_object (store);
}

static void
test_bulk_many (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *store = open_new_store (&path);
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      TlEvent *event = make_event (i % TL_EVENT_N_KINDS, T0 + i * 10);
      tl_event_set_position (event, 50.5 + (i % 100) * 0.01, 1.0 + (i % 50) * 0.02);
      tl_event_set_people (event, i % 60);
      tl_event_set_notes (event, "Routine report");
      g_ptr_array_add (events, event);
    }

  g_assert_true (tl_store_add_events (store, events, "import", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, n);

  listed = tl_store_list_events (store, T0, T0 + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 8640);

  g_assert_finalize_object (store);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'routine'"), ==, n);
}

static void
test_conflict (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_SIGHTING, T0);
  g_autoptr(TlEvent) first = NULL;
  g_autoptr(TlEvent) second = NULL;
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  TlStore *store = open_new_store (NULL);
  gint64 id;

  tl_event_set_boats (event, 1);
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);

  first = tl_store_get_event (store, id, &error);
  second = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);

  tl_event_set_boats (first, 2);
  g_assert_true (tl_store_update_event (store, first, "desk-2", &error));
  g_assert_no_error (error);

  tl_event_set_boats (second, 3);
  g_assert_false (tl_store_update_event (store, second, "desk-3", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "desk-2"));
  g_clear_error (&error);
  g_assert_cmpint (tl_event_get_revision (second), ==, 1);

  stored = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_boats (stored), ==, 2);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  entries = tl_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);

  /* A stale delete is refused too. */
  g_assert_false (tl_store_delete_event (store, id, 1, "desk-3", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 1);

  g_assert_finalize_object (store);
}

static void
test_delete_restore (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_ARRIVAL, T0 + 100);
  g_autoptr(TlEvent) deleted = NULL;
  g_autoptr(TlEvent) restored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  TlStore *store = open_new_store (NULL);
  gint64 id;

  tl_event_set_place (event, "Dover (port)");
  tl_event_set_people (event, 30);
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);

  deleted = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tl_store_delete_event (store, id, tl_event_get_revision (deleted), "desk-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 0);

  g_assert_true (tl_store_restore_event (store, deleted, "desk-2", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_revision (deleted), ==, 2);

  restored = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tl_event_equal_content (restored, event));
  g_assert_cmpint (tl_event_get_id (restored), ==, id);
  g_assert_cmpint (tl_event_get_revision (restored), ==, 2);
  g_assert_cmpstr (tl_event_get_created_by (restored), ==, "desk-1");
  g_assert_cmpstr (tl_event_get_updated_by (restored), ==, "desk-2");

  g_assert_false (tl_store_restore_event (store, deleted, "desk-2", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);

  entries = tl_store_list_audit (store, id, NULL);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (((TlAuditEntry *)g_ptr_array_index (entries, 2))->action, ==, TL_AUDIT_ACTION_RESTORE);

  g_assert_finalize_object (store);
}

static void
assert_search (TlStore    *store,
               const char *text,
               gint64      expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = tl_store_search_events (store, text, &error);

  g_assert_no_error (error);
  if (expected_id == 0)
    g_assert_cmpuint (ids->len, ==, 0);
  else
    {
      g_assert_cmpuint (ids->len, ==, 1);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, expected_id);
    }
}

static void
test_search (void)
{
  g_autoptr(TlEvent) a = make_event (TL_EVENT_KIND_RESCUE, T0);
  g_autoptr(TlEvent) b = make_event (TL_EVENT_KIND_SIGHTING, T0 + 10);
  g_autoptr(GError) error = NULL;
  TlStore *store = open_new_store (NULL);
  const char *odd[] = { "", "   ", "\"", "\"\"\"", "*", "a OR", "NEAR(a b)", "-", "^x", "col:x", "'" };

  tl_event_set_notes (a, "Semi-rigide, moteur en panne");
  tl_event_set_place (a, "Wimereux");
  tl_event_set_unit (a, "Abeille Normandie");
  tl_event_set_notes (b, "Small \"dinghy\" seen from the cliff");
  tl_event_set_place (b, "Cap Gris-Nez");
  g_assert_true (tl_store_add_event (store, a, "op", &error));
  g_assert_true (tl_store_add_event (store, b, "op", &error));
  g_assert_no_error (error);

  assert_search (store, "moteur", tl_event_get_id (a));
  assert_search (store, "MOTEUR panne", tl_event_get_id (a));
  assert_search (store, "wime", tl_event_get_id (a));
  assert_search (store, "abeille", tl_event_get_id (a));
  assert_search (store, "semi rigide", tl_event_get_id (a));
  assert_search (store, "gris-nez", tl_event_get_id (b));
  assert_search (store, "\"dinghy\"", tl_event_get_id (b));
  assert_search (store, "moteur dinghy", 0);

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GArray) ids = tl_store_search_events (store, odd[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }

  tl_event_set_notes (a, "Towed to Boulogne");
  g_assert_true (tl_store_update_event (store, a, "op", &error));
  g_assert_no_error (error);
  assert_search (store, "moteur", 0);
  assert_search (store, "towed", tl_event_get_id (a));

  g_assert_true (tl_store_delete_event (store, tl_event_get_id (a), 0, "op", &error));
  g_assert_no_error (error);
  assert_search (store, "towed", 0);

  g_assert_finalize_object (store);
}

/* A file at schema 1 (tests/data/store/schema-1.sql) comes to the current
 * schema with every event, every audit row and its full-text index,
 * without the R*Tree and its triggers, and with its import keys as
 * digests that the same rows imported again still meet. */
static void
test_migrate_from_1 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(TlEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  const char *csv =
    "time,kind,latitude,longitude,people,notes\n"
    "2026-01-01T08:00:00Z,sighting,50.95,1.6,40,Seen from the cliff\n"
    "2026-01-01T09:30:00Z,rescue,50.9,1.45,35,Taken aboard\n"
    "2026-01-01T10:00:00Z,arrival,51.12,1.31,35,New\n";
  TlStore *store;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (path, sql);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM events_rtree"), ==, 8);

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_get_schema_version (store), ==, TL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 8);

  /* Events 7 and 8 came from this file: they are not imported twice. */
  source = tl_import_source_new_from_bytes (g_bytes_new_static (csv, strlen (csv)),
                                            TL_EXCHANGE_FORMAT_CSV, "again.csv", &error);
  g_assert_no_error (error);
  result = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->events->len, ==, 3);
  g_assert_true (tl_import_result_commit (result, store, FALSE, FALSE, "op", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_already, ==, 2);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 9);

  /* The history written at schema 1 reads as before. */
  audit = tl_store_list_audit (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_null (((TlAuditEntry *) audit->pdata[0])->source);
  g_assert_nonnull (strstr (((TlAuditEntry *) audit->pdata[0])->after, "Seen from the cliff"));
  assert_search (store, "cliff", 7);

  /* A position changes without the R*Tree's triggers. */
  event = tl_store_get_event (store, 7, &error);
  g_assert_no_error (error);
  tl_event_set_position (event, 51.0, 1.7);
  g_assert_true (tl_store_update_event (store, event, "op", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, TL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%rtree%'"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM audit"), ==, 9);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM imports"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM events WHERE typeof (import_key) = 'blob'"
                                     " AND length (import_key) = 16"), ==, 3);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM events WHERE typeof (import_key) = 'text'"), ==, 0);

  /* The kind and status CHECKs are chains of "=" now, and refuse as
   * before. */
  g_assert_cmpint (count_rows (path, "SELECT instr (sql, 'kind = ''departure'' OR') > 0"
                                     " AND instr (sql, 'status = ''reported'' OR') > 0"
                                     " AND instr (sql, ' IN ') = 0"
                                     " FROM sqlite_schema WHERE name = 'events'"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT instr (sql, 'columnsize = 0') > 0"
                                     " FROM sqlite_schema WHERE name = 'events_fts'"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_fts_docsize'"), ==, 0);
  /* Schema 5: the weekly figures' table, empty, its weeks checked. */
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM statistics_weeks"), ==, 0);
  assert_check_refuses (path, "statistics_weeks_iso_week_monday",
                        "INSERT INTO statistics_weeks (week, first_date, last_date, imported_at)"
                        " VALUES ('2026-W49', '2026-12-01', '2026-12-07', 0)");
  assert_check_refuses (path, "kind_known",
                        "INSERT INTO events (kind, time, status, created_by, created_at, updated_by, updated_at)"
                        " VALUES ('boat', 0, 'reported', 'op', 0, 'op', 0)");
  assert_check_refuses (path, "status_known",
                        "INSERT INTO events (kind, time, status, created_by, created_at, updated_by, updated_at)"
                        " VALUES ('rescue', 0, 'lost', 'op', 0, 'op', 0)");
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
}

static void
test_external_change (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_SIGHTING, T0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *watcher = open_new_store (&path);
  TlStore *writer;
  guint changed = 0;

  writer = tl_store_open (path, &error);
  g_assert_no_error (error);

  g_signal_connect (watcher, "events-changed", G_CALLBACK (count_signal), &changed);
  g_assert_false (tl_store_check_for_changes (watcher));
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (tl_store_add_event (writer, event, "desk-2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (tl_store_check_for_changes (watcher));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (tl_store_check_for_changes (watcher));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (tl_store_count_events (watcher, NULL), ==, 1);

  /* Its own writes are signalled at once, not again by the poll. */
  g_assert_true (tl_store_delete_event (watcher, tl_event_get_id (event), 0, "desk-1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_false (tl_store_check_for_changes (watcher));
  g_assert_true (tl_store_check_for_changes (writer));

  g_assert_finalize_object (writer);
  g_assert_finalize_object (watcher);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_external_change_poll (void)
{
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_SIGHTING, T0);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TlStore *watcher = open_new_store (&path);
  TlStore *writer = tl_store_open (path, &error);
  guint changed = 0;
  guint timeout_id;

  g_assert_no_error (error);
  g_signal_connect (watcher, "events-changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect_swapped (watcher, "events-changed", G_CALLBACK (g_main_loop_quit), loop);

  g_assert_true (tl_store_add_event (writer, event, "desk-2", &error));
  g_assert_no_error (error);

  timeout_id = g_timeout_add_seconds (5, quit_loop, loop);
  g_main_loop_run (loop);
  g_source_remove (timeout_id);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_finalize_object (writer);
  g_assert_finalize_object (watcher);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/event/defaults", test_event_defaults);
  g_test_add_func ("/event/strings", test_event_strings);
  g_test_add_func ("/event/notify", test_event_notify);
  g_test_add_func ("/event/copy-json", test_event_copy_json);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/open/new", test_open_new);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/open/empty-file", test_open_empty_file);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/open/refuse-text-file", test_refuse_text_file);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/open/refuse-corrupt", test_refuse_corrupt);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/open/refuse-foreign", test_refuse_foreign);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/open/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/store/crud", test_crud);
  g_test_add_func ("/store/order", test_order);
  g_test_add_func ("/store/audit", test_audit);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/audit-append-only", test_audit_append_only);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/bulk-atomic", test_bulk_atomic);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/bulk-many", test_bulk_many);
  g_test_add_func ("/store/conflict", test_conflict);
  g_test_add_func ("/store/delete-restore", test_delete_restore);
  g_test_add_func ("/store/search", test_search);
  if (!tl_test_store_is_server ())
    g_test_add_func ("/store/migrate-from-1", test_migrate_from_1);
  g_test_add_func ("/store/external-change", test_external_change);
  g_test_add_func ("/store/external-change-poll", test_external_change_poll);

  return g_test_run ();
}
