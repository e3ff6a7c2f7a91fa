/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tl-cli.h"
#include "tl-store.h"
#include "tl-test-vfs.h"

/* A database that may not be written, a full disk, a file another
 * program keeps locked, a damaged file and one from a newer Tideline:
 * each fails with its own code, heading and words, and leaves nothing
 * behind that was not there before. The command-line cases run this
 * program as the command (`test-store-failures --cli COMMAND …`) in a
 * child process whose file size limit (RLIMIT_FSIZE) stands for a full
 * disk. */

/* Helpers */

static char *
data_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static TlEvent *
new_sighting (gint64 time)
{
  TlEvent *event = tl_event_new (TL_EVENT_KIND_SIGHTING);

  tl_event_set_time (event, time);
  tl_event_set_position (event, 50.9, 1.5);
  tl_event_set_people (event, 40);
  return event;
}

static TlStore *
new_store_with_one_event (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (path, &error);
  g_autoptr(TlEvent) event = new_sighting (1764118800);

  g_assert_no_error (error);
  g_assert_true (tl_store_add_event (store, event, "desk 1", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static guint
count_events (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tl_store_list_events (store, 0, G_MAXINT64, &error);

  g_assert_no_error (error);
  return events->len;
}

static void
remove_database (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
assert_nothing_beside (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

/* Root writes any file whatever its mode: chmod only stands for a
 * read-only file for other accounts. */
static gboolean
skip_if_mode_ignored (const char *path)
{
  if (access (path, W_OK) == 0)
    {
      g_test_skip ("this account (root) may write a file whatever its mode; "
                   "the read-only VFS test covers the message");
      return TRUE;
    }
  return FALSE;
}

static gpointer
hold_lock_thread (gpointer data)
{
  const char *path = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* Taking the lock waits for wait_until_locked()'s own probe, or the
   * store's, which may hold it for an instant. */
  sqlite3_busy_timeout (db, 10000);
  /* As another tool would: a write lock taken, held a moment. A
   * reserved lock lets others read but not start writing; SQLite fails
   * a reader that then wants to write at once, without waiting. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

/* Waits until @path is locked by another connection: a write
 * transaction cannot start on it. */
static void
wait_until_locked (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  while (sqlite3_exec (db, "BEGIN IMMEDIATE; ROLLBACK", NULL, NULL, NULL) == SQLITE_OK)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
  sqlite3_close (db);
}

/* The file size limit of a child, so that its writes fail as on a full
 * disk; SIGXFSZ ignored, the write fails instead of killing it. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { .rlim_cur = GPOINTER_TO_UINT (data), .rlim_max = RLIM_INFINITY };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static int
run_cli (const char  *self_path,
         const char **args,
         guint        file_size_limit,
         char       **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, "--cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               file_size_limit > 0 ? limit_file_size : NULL,
                               GUINT_TO_POINTER (file_size_limit), NULL, out_stderr, &status,
                               &error));
  g_assert_no_error (error);
  g_test_message ("%s", *out_stderr);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Tests */

static void
test_full_new_database (void)
{
  g_autofree char *dir = data_path ("new-folder");
  g_autofree char *path = g_build_filename (dir, "sub", "full.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;

  tl_test_vfs_set_space (0);
  store = tl_store_open (path, &error);
  tl_test_vfs_set_space (-1);

  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "is full"));
  g_assert_cmpstr (tl_store_error_get_title (error), ==, "The Disk Is Full");
  /* No empty file, no journal, not even the folders made for it. */
  assert_nothing_beside (path);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_full_save (void)
{
  g_autofree char *path = data_path ("full-save.db");
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(TlEvent) event = new_sighting (1764122400);
  g_autoptr(GError) error = NULL;

  tl_test_vfs_set_space (0);
  g_assert_false (tl_store_add_event (store, event, "desk 1", &error));
  tl_test_vfs_set_space (-1);

  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "is full, so nothing was written"));
  g_assert_cmpuint (count_events (store), ==, 1);

  /* Space again: the same save goes through. */
  g_clear_error (&error);
  g_assert_true (tl_store_add_event (store, event, "desk 1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (store), ==, 2);
  g_clear_object (&store);
  remove_database (path);
}

static void
test_read_only_vfs (void)
{
  g_autofree char *path = data_path ("read-only-vfs.db");
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = new_sighting (1764122400);

  g_clear_object (&store);
  tl_test_vfs_set_read_only (TRUE);
  store = tl_store_open (path, &error);
  if (store != NULL)
    tl_store_add_event (store, event, "desk 1", &error);
  g_clear_object (&store);
  tl_test_vfs_set_read_only (FALSE);

  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "is read-only for this account"));
  g_assert_cmpstr (tl_store_error_get_title (error), ==, "The Database Is Read-Only");
  g_clear_error (&error);

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (store), ==, 1);
  g_clear_object (&store);
  remove_database (path);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = data_path ("read-only.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  if (!skip_if_mode_ignored (path))
    {
      store = tl_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "is read-only for this account"));
      /* Nothing left behind for the next try to trip over. */
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  remove_database (path);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = data_path ("read-only-folder");
  g_autofree char *path = g_build_filename (dir, "ops.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  store = new_store_with_one_event (path);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  if (!skip_if_mode_ignored (dir))
    {
      store = tl_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "the folder"));
      g_assert_nonnull (strstr (error->message, "is read-only for this account"));
      g_clear_error (&error);

      store = tl_store_open (fresh, &error);
      g_assert_null (store);
      g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "the folder"));
    }
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  remove_database (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A file another tool switched to a rollback journal (no WAL), locked a
 * moment by it: opening and saving wait, and never say "locked". */
static void
test_short_lock_without_wal (void)
{
  g_autofree char *path = data_path ("delete-journal.db");
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(TlEvent) event = new_sighting (1764122400);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  GThread *thread;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Locked while the store opens. */
  thread = g_thread_new ("lock", hold_lock_thread, path);
  wait_until_locked (path);
  store = tl_store_open (path, &error);
  g_thread_join (thread);
  g_assert_no_error (error);

  /* And while it saves: the other tool takes the file back to a
   * rollback journal once the store is gone, then locks it again. */
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = tl_store_open_existing (path, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("lock", hold_lock_thread, path);
  wait_until_locked (path);
  g_assert_true (tl_store_add_event (store, event, "desk 1", &error));
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (store), ==, 2);
  g_clear_object (&store);
  remove_database (path);
}

/* Locked beyond the busy timeout: said as such, nothing written. */
static void
test_busy (void)
{
  g_autofree char *path = data_path ("busy.db");
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(TlEvent) event = new_sighting (1764122400);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (tl_store_add_event (store, event, "desk 1", &error));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);

  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "kept"));
  g_assert_nonnull (strstr (error->message, "locked for more than 5 seconds"));
  g_assert_cmpstr (tl_store_error_get_title (error), ==, "The Database Is in Use");
  g_assert_cmpuint (count_events (store), ==, 1);
  g_clear_object (&store);
  remove_database (path);
}

static void
test_corrupt (void)
{
  g_autofree char *path = data_path ("damaged.db");
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char junk[4096];
  gsize length;
  int fd;

  g_clear_object (&store);
  /* Page 2 and on overwritten: the header still says SQLite. */
  memset (junk, 0xa5, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, 4096), ==, sizeof junk);
  g_assert_cmpint (pwrite (fd, junk, sizeof junk, 8192), ==, sizeof junk);
  close (fd);
  g_assert_true (g_file_get_contents (path, &before, &length, NULL));

  store = tl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "copy it aside"));
  g_assert_null (strstr (error->message, "backup"));
  g_assert_cmpstr (tl_store_error_get_title (error), ==, "The Database Is Damaged");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (memcmp (before, after, length) == 0);
  remove_database (path);
}

static void
test_too_new (void)
{
  g_autofree char *path = data_path ("newer.db");
  g_autoptr(TlStore) store = new_store_with_one_event (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = tl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Tideline (schema 99)"));
  g_assert_cmpstr (tl_store_error_get_title (error), ==, "The Database Is From a Newer Tideline");
  remove_database (path);
}

/* Each failure has its own heading in the window. */
static void
test_titles_distinct (void)
{
  const TlStoreError codes[] = { TL_STORE_ERROR_READ_ONLY, TL_STORE_ERROR_FULL, TL_STORE_ERROR_BUSY,
                                 TL_STORE_ERROR_CORRUPT, TL_STORE_ERROR_TOO_NEW, TL_STORE_ERROR_IO };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (TL_STORE_ERROR, codes[i], "x");
      g_assert_true (g_hash_table_add (seen, (gpointer) tl_store_error_get_title (error)));
    }
}

/* The command line on a full disk: a new database leaves no file, an
 * export leaves the old file as it was and no temporary file. */
static void
test_cli_full_disk (gconstpointer data)
{
  const char *self_path = data;
  g_autofree char *csv = data_path ("in.csv");
  g_autofree char *fresh = data_path ("cli-full.db");
  g_autofree char *kept = data_path ("cli-kept.db");
  g_autofree char *out = data_path ("out.kml");
  g_autofree char *err = NULL;
  g_autofree char *old_contents = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  const char *import_args[] = { "import", csv, "--database", fresh, NULL };
  const char *generate_args[] = { "generate", "--database", kept, "--events", "2000", NULL };
  const char *export_args[] = { "export", "--format", "kml", "--database", kept, "-o", out, NULL };
  const char *name;

  g_assert_true (g_file_set_contents (csv, "time,kind,latitude,longitude,people\n"
                                           "2026-11-26T01:00:00Z,sighting,50.9,1.5,40\n", -1, NULL));
  g_assert_cmpint (run_cli (self_path, import_args, 4096, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is full"));
  assert_nothing_beside (fresh);
  g_clear_pointer (&err, g_free);

  /* An export far bigger than the database, so that the limit stops
   * the export and not the database's own files. */
  g_assert_cmpint (run_cli (self_path, generate_args, 0, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_stat (kept, &st), ==, 0);
  g_assert_true (g_file_set_contents (out, "the old export\n", -1, NULL));
  g_assert_true (g_file_get_contents (out, &old_contents, NULL, NULL));
  g_assert_cmpint (run_cli (self_path, export_args, MAX (st.st_size, 32768) + 65536, &err), ==, 1);
  g_assert_nonnull (strstr (err, "out.kml"));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_contents);

  /* No temporary file left beside it. */
  listing = g_dir_open (g_get_user_data_dir (), 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "out.kml."));

  g_unlink (csv);
  g_unlink (out);
  remove_database (kept);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;

  if (argc > 2 && strcmp (argv[1], "--cli") == 0)
    return tl_cli_main (argc - 1, argv + 1);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tl_test_vfs_install ();
  self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_add_func ("/store-failures/full/new-database", test_full_new_database);
  g_test_add_func ("/store-failures/full/save", test_full_save);
  g_test_add_func ("/store-failures/read-only/vfs", test_read_only_vfs);
  g_test_add_func ("/store-failures/read-only/file", test_read_only_file);
  g_test_add_func ("/store-failures/read-only/folder", test_read_only_folder);
  g_test_add_func ("/store-failures/lock/short-without-wal", test_short_lock_without_wal);
  g_test_add_func ("/store-failures/lock/busy", test_busy);
  g_test_add_func ("/store-failures/corrupt", test_corrupt);
  g_test_add_func ("/store-failures/too-new", test_too_new);
  g_test_add_func ("/store-failures/titles-distinct", test_titles_distinct);
  g_test_add_data_func ("/store-failures/cli/full-disk", self_path, test_cli_full_disk);

  return g_test_run ();
}
