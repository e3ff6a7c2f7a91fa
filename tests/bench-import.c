/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "tl-demo.h"
#include "tl-export.h"
#include "tl-import.h"
#include "tl-store.h"

/* Importing a 100k-row CSV (written by the exporter from generated
 * events), validation and the store's triggers included, against the raw
 * peer: the sqlite3 shell's `.import` of the same file into a bare table.
 * Target: import-ratio ≥ 0.5.
 *
 * Each side runs N_RUNS times, in turns, into a new database each time,
 * and the ratio is that of the medians: one run of either can take a
 * quarter longer than the next on a shared machine. */

#define N_ROWS 100000
#define N_RUNS 5
/* 2026-01-01 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1767225600)

static void
remove_databases (const char *dir)
{
  for (const char * const *name = (const char * const[]) { "peer.db", "tideline.db",
                                                           "tideline.db-wal", "tideline.db-shm",
                                                           "two-steps.db", "two-steps.db-wal",
                                                           "two-steps.db-shm",
                                                           "store-only.db", "store-only.db-wal",
                                                           "store-only.db-shm", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_unlink (path);
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
run_peer (const char *dir,
          const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "peer.db", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' t", csv);
  const char *argv[] = { "sqlite3", db, "-cmd", ".mode csv", import, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    g_error ("sqlite3 .import failed: %s %s", error->message, err ? err : "");

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* As `tideline import FILE` does it: read, validate and write in one
 * pass. */
static double
run_ours (const char *dir,
          const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "tideline.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!tl_import_file (csv, zone, store, FALSE, "bench", NULL, &result, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (result->n_added, ==, N_ROWS);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* As the Import window does it: all rows validated first, for the
 * operator to see, then written. */
static double
run_two_steps (const char *dir,
               const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "two-steps.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  source = tl_import_source_new_from_file (csv, &error);
  g_assert_no_error (error);
  g_print ("import-read-seconds: %.3f\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  result = tl_import_source_validate (source, zone, &error);
  g_assert_no_error (error);
  g_print ("import-validated-seconds: %.3f\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (result->problems->len, ==, 0);
  if (!tl_import_result_commit (result, store, FALSE, FALSE, "bench", &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (result->n_added, ==, N_ROWS);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The store alone: the same events added in bulk from memory, with no
 * file to read and nothing to validate. What is left of an import's time
 * once parsing and validation cost nothing. */
static double
run_store_only (const char *dir,
                GPtrArray  *events)
{
  g_autofree char *db = g_build_filename (dir, "store-only.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!tl_store_add_events (store, events, "bench", &error))
    g_error ("%s", error->message);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tideline-bench-import-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  TlDemoOptions options;
  double ours_runs[N_RUNS], peer_runs[N_RUNS];
  double ours, peer, two_steps, store_only, ours_rate, peer_rate;

  g_assert_no_error (error);
  if (sqlite3 == NULL)
    {
      g_print ("sqlite3 is not installed: no peer to compare with\n");
      return 77;
    }

  tl_demo_options_init (&options, 1, T0, T0 + 30 * 86400);
  options.n_events = N_ROWS;
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_export_events_to_file (events, TL_EXCHANGE_FORMAT_CSV, csv, NULL, &error));
  g_assert_no_error (error);

  for (guint r = 0; r < N_RUNS; r++)
    {
      remove_databases (dir);
      peer_runs[r] = run_peer (dir, csv);
      ours_runs[r] = run_ours (dir, csv);
      g_print ("import-run-%u: ours %.3f s, peer %.3f s\n", r + 1, ours_runs[r], peer_runs[r]);
    }
  ours = median (ours_runs, N_RUNS);
  peer = median (peer_runs, N_RUNS);
  two_steps = run_two_steps (dir, csv);
  store_only = run_store_only (dir, events);
  ours_rate = N_ROWS / ours;
  peer_rate = N_ROWS / peer;

  g_print ("import-seconds: %.3f\n", ours);
  g_print ("import-peer-seconds: %.3f\n", peer);
  g_print ("import-rows-per-s: %.0f\n", ours_rate);
  g_print ("import-peer-rows-per-s: %.0f\n", peer_rate);
  g_print ("import-two-steps-seconds: %.3f\n", two_steps);
  g_print ("import-two-steps-ratio: %.2f\n", peer / two_steps);
  g_print ("import-store-only-seconds: %.3f\n", store_only);
  g_print ("import-store-only-ratio: %.2f\n", peer / store_only);
  g_print ("import-ratio: %.2f\n", ours_rate / peer_rate);

  remove_databases (dir);
  g_autofree char *csv_path = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *csvt_path = g_build_filename (dir, "events.csvt", NULL);
  g_unlink (csv_path);
  /* The sidecar a CSV export writes beside it. */
  g_unlink (csvt_path);
  g_rmdir (dir);

  return ours_rate / peer_rate >= 0.5 ? 0 : 1;
}
