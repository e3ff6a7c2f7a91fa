/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tl-cli.h"
#include "tl-export.h"
#include "tl-store.h"

/* Upgrades: a database of the first release (schema 1, the fixture in
 * tests/data/store) is left byte for byte as it is by every command that
 * only reads; `tideline migrate` upgrades it keeping a copy, and a failed
 * upgrade changes nothing. */

/* Helpers */

static char *
make_schema_1 (const char *name)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "store", "schema-1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* As the first release left its files. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro&immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
assert_nothing_beside (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "tideline");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return tl_cli_main ((int) args->len - 1, (char **) args->pdata);
}

static GBytes *
export_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open_existing (path, &error);
  g_autoptr(GPtrArray) events = NULL;
  GBytes *bytes;

  g_assert_no_error (error);
  events = tl_store_list_events (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  bytes = tl_export_events_to_bytes (events, TL_EXCHANGE_FORMAT_CSV, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Tests */

static void
test_read_only_commands (void)
{
  g_autofree char *path = make_schema_1 ("old.db");
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "out.csv", NULL);
  g_autofree char *map = g_build_filename (g_get_user_data_dir (), "out.png", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;

  store = tl_store_open_existing (path, &error);
  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NEEDS_UPGRADE);
  g_assert_nonnull (strstr (error->message, "tideline migrate"));
  g_clear_error (&error);

  g_assert_cmpint (run_cli ("export", "--database", path, "--format", "csv", "-o", out, NULL), ==, 1);
  g_assert_cmpint (run_cli ("export-map", "--database", path, "--size", "480x360", "-o", map, NULL), ==, 1);
  g_assert_cmpint (run_cli ("sitrep", "--database", path, "--event", "1", NULL), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));

  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);
  assert_nothing_beside (path);

  /* A missing database is not created by a look. */
  g_assert_null (tl_store_open_existing (missing, &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli ("export", "--database", missing, "--format", "csv", "-o", out, NULL), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_upgrade_with_backup (void)
{
  g_autofree char *path = make_schema_1 ("old.db");
  g_autofree char *copy = make_schema_1 ("copy.db");
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "old-schema-1.db", NULL);
  g_autoptr(GBytes) upgraded = NULL;
  g_autoptr(GBytes) from_copy = NULL;
  g_autoptr(GError) error = NULL;
  int old_version = 0;

  g_assert_true (tl_store_upgrade_file (path, &old_version, &backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (old_version, ==, 1);
  g_assert_cmpstr (backup, ==, expected);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, TL_STORE_SCHEMA_VERSION);

  /* The copy is the file as it was: schema 1, every row. */
  g_assert_cmpint (raw_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM events"), ==, 8);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM audit"), ==, raw_int (copy, "SELECT count(*) FROM audit"));
  assert_nothing_beside (backup);

  /* The upgraded file exports what an untouched copy of the first release
   * exports once upgraded by the command. */
  g_assert_cmpint (run_cli ("migrate", copy, NULL), ==, 0);
  upgraded = export_all (path);
  from_copy = export_all (copy);
  g_assert_true (g_bytes_equal (upgraded, from_copy));
  g_assert_cmpuint (g_bytes_get_size (upgraded), >, 100);

  /* Nothing to do the second time, and no second copy. */
  g_clear_pointer (&backup, g_free);
  g_assert_true (tl_store_upgrade_file (path, &old_version, &backup, &error));
  g_assert_cmpint (old_version, ==, TL_STORE_SCHEMA_VERSION);
  g_assert_null (backup);
  after = file_digest (path);
  g_assert_cmpstr (before, !=, after);
}

/* Schema 2's step goes through, schema 3's fails: the file stays at
 * schema 1, byte for byte, and no copy is left. */
static void
test_failed_upgrade (void)
{
  g_autofree char *path = make_schema_1 ("old.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "old-schema-1.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse BEFORE UPDATE OF import_key ON events"
                                     " BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = file_digest (path);

  g_assert_false (tl_store_upgrade_file (path, NULL, &backup, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (backup);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/upgrade/read-only-commands", test_read_only_commands);
  g_test_add_func ("/upgrade/with-backup", test_upgrade_with_backup);
  g_test_add_func ("/upgrade/failed", test_failed_upgrade);

  return g_test_run ();
}
