/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tl-cli.h"
#include "tl-event.h"
#include "tl-store.h"

/* Crash trials: an import, and a burst of report saves, killed with
 * SIGKILL at random moments. Each time the file passes SQLite's
 * integrity check and holds all of the import or none of it, and each
 * saved report with its audit row or neither. The commands run as copies
 * of this program (`test-crash-trials --cli …`, `--saves DB`), so that
 * the kill takes a whole process as a power cut or the OOM killer would.
 * The trials are bounded in number and in time. */

#define N_ROWS 20000
#define N_TRIALS 25
#define TIME_LIMIT_S 90

/* Helpers */

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Runs @argv and kills it after a random part of @max_ms; returns
 * whether it had ended by itself before. */
static gboolean
run_and_kill (const char * const *argv,
              guint               max_ms)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = 0;
  gboolean ended;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  /* The moment of the kill is the point of the trial, not a wait for
   * something to happen. */
  g_usleep (g_test_rand_int_range (0, (gint32) max_ms) * 1000);
  ended = waitpid (pid, &status, WNOHANG) == pid;
  if (!ended)
    {
      kill (pid, SIGKILL);
      while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
        ;
    }
  g_spawn_close_pid (pid);
  return ended;
}

/* `--saves DB`: adds reports one at a time, each in its transaction
 * with its audit row, until killed. */
static int
save_burst (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (path, &error);

  if (store == NULL)
    return 1;
  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);

      tl_event_set_time (event, G_GINT64_CONSTANT (1795651200) + i);
      tl_event_set_notes (event, "saved in a burst");
      if (!tl_store_add_event (store, event, "trial", &error))
        return 1;
    }
  return 0;
}

/* Tests */

static void
test_import_trials (gconstpointer data)
{
  const char *self_path = data;
  g_autofree char *csv = g_build_filename (g_get_user_data_dir (), "big.csv", NULL);
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "import.db", NULL);
  const char *argv[] = { self_path, "--cli", "import", csv, "--database", db, NULL };
  g_autoptr(GString) text = g_string_new ("time,kind,latitude,longitude,people,notes\n");
  gint64 deadline = g_get_monotonic_time () + TIME_LIMIT_S * G_USEC_PER_SEC / 2;
  guint kills = 0, trials = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "2026-11-26T%02u:%02u:%02uZ,sighting,50.%04u,1.%04u,%u,row %u\n",
                            i / 3600 % 24, i / 60 % 60, i % 60, i % 10000, (i * 7) % 10000, i % 60, i);
  g_assert_true (g_file_set_contents (csv, text->str, (gssize) text->len, NULL));

  for (; trials < N_TRIALS && g_get_monotonic_time () < deadline; trials++)
    {
      gint64 n;

      if (!run_and_kill (argv, 1500))
        kills++;
      if (!g_file_test (db, G_FILE_TEST_EXISTS) || raw_int (db, "PRAGMA user_version") == 0)
        continue;
      assert_integrity (db);
      n = raw_int (db, "SELECT count(*) FROM events");
      if (n != 0 && n != N_ROWS)
        g_error ("trial %u: %" G_GINT64_FORMAT " events of %d: not all or nothing", trials, n, N_ROWS);
      if (n == N_ROWS)
        {
          /* Done once: start again from nothing, for more kills mid-way. */
          const char *suffixes[] = { "", "-wal", "-shm" };

          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *side = g_strconcat (db, suffixes[i], NULL);
              g_unlink (side);
            }
        }
    }

  g_print ("# import crash trials: %u, %u killed mid-way, all passed\n", trials, kills);
  g_assert_cmpuint (trials, >=, 10);
}

static void
test_save_trials (gconstpointer data)
{
  const char *self_path = data;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "saves.db", NULL);
  const char *argv[] = { self_path, "--saves", db, NULL };
  gint64 deadline = g_get_monotonic_time () + TIME_LIMIT_S * G_USEC_PER_SEC / 2;
  gint64 before = 0;
  guint trials = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  for (; trials < N_TRIALS && g_get_monotonic_time () < deadline; trials++)
    {
      gint64 n;

      run_and_kill (argv, 800);
      if (!g_file_test (db, G_FILE_TEST_EXISTS) || raw_int (db, "PRAGMA user_version") == 0)
        continue;
      assert_integrity (db);
      n = raw_int (db, "SELECT count(*) FROM events");
      g_assert_cmpint (n, >=, before);
      /* Each report with its audit row, or neither. */
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM events e WHERE NOT EXISTS"
                                    " (SELECT 1 FROM audit a WHERE a.event_id = e.id AND a.action = 'create')"),
                       ==, 0);
      g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit a WHERE a.action = 'create' AND NOT EXISTS"
                                    " (SELECT 1 FROM events e WHERE e.id = a.event_id)"),
                       ==, 0);
      before = n;
    }

  g_print ("# save crash trials: %u, %" G_GINT64_FORMAT " reports kept, all passed\n", trials, before);
  g_assert_cmpuint (trials, >=, 10);
  g_assert_cmpint (before, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;

  if (argc > 2 && strcmp (argv[1], "--cli") == 0)
    return tl_cli_main (argc - 1, argv + 1);
  if (argc == 3 && strcmp (argv[1], "--saves") == 0)
    return save_burst (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_add_data_func ("/crash-trials/import", self_path, test_import_trials);
  g_test_add_data_func ("/crash-trials/saves", self_path, test_save_trials);

  return g_test_run ();
}
