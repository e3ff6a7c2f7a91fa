/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-bench-db.h"
#include "tl-demo.h"
#include "tl-export.h"
#include "tl-import.h"
#include "tl-test-store.h"

/* Importing a 100k-row CSV into a shared server, as `tideline import
 * FILE --database postgresql://…` does it (read, validate, write in one
 * transaction, audited), against the raw peer: `psql`'s `\copy` of the
 * same file into a bare table of text columns, on the same server.
 * Printed: pg-import-ratio, the rate of ours over the peer's (target
 * 0.3 or more).
 *
 * Each side runs N_RUNS times, in turns, into a new database (ours) or
 * table (the peer's) each time; the ratio is that of the medians. Run
 * under build-aux/with-pg-server. */

#define N_ROWS 100000
#define N_RUNS 3
/* 2026-01-01 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1767225600)

/* psql with the peer's database, then @commands as -c arguments. */
static double
run_psql (const char  *psql,
          const char  *address,
          const char **commands)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status;
  gint64 start;

  g_ptr_array_add (argv, (char *) psql);
  g_ptr_array_add (argv, (char *) "-X");
  g_ptr_array_add (argv, (char *) "-q");
  g_ptr_array_add (argv, (char *) "-v");
  g_ptr_array_add (argv, (char *) "ON_ERROR_STOP=1");
  g_ptr_array_add (argv, (char *) "-d");
  g_ptr_array_add (argv, (char *) address);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (char *) "-c");
      g_ptr_array_add (argv, (char *) commands[i]);
    }
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    g_error ("psql failed: %s %s", error->message, err ? err : "");

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The peer: a bare table with one text column per column of the file's
 * header, then \copy into it, timed. */
static double
run_peer (const char *psql,
          const char *address,
          const char *csv,
          guint       run)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) create = g_string_new (NULL);
  g_autofree char *copy = NULL;
  g_auto(GStrv) columns = NULL;
  char *end;

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  end = strpbrk (contents, "\r\n");
  g_assert_nonnull (end);
  *end = '\0';
  columns = g_strsplit (contents, ",", -1);
  g_string_printf (create, "CREATE TABLE peer_%u (", run);
  for (guint c = 0; columns[c] != NULL; c++)
    g_string_append_printf (create, "%sc%u text", c > 0 ? ", " : "", c);
  g_string_append (create, ")");
  run_psql (psql, address, (const char *[]) { create->str, NULL });

  copy = g_strdup_printf ("\\copy peer_%u FROM '%s' WITH (FORMAT csv, HEADER true)", run, csv);
  return run_psql (psql, address, (const char *[]) { copy, NULL });
}

static double
run_ours (const char *csv,
          guint       run)
{
  g_autofree char *name = g_strdup_printf ("import-%u", run);
  g_autoptr(TlStore) store = tl_test_store_open (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  gint64 start = g_get_monotonic_time ();

  if (!tl_import_file (csv, zone, store, FALSE, "bench", NULL, &result, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (result->n_added, ==, N_ROWS);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tideline-bench-pg-import-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *psql = g_find_program_in_path ("psql");
  g_autofree char *peer_address = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peer = g_array_new (FALSE, FALSE, sizeof (double));
  TlDemoOptions options;
  double ours_s, peer_s;

  g_assert_no_error (error);
  if (!tl_test_store_is_server ())
    {
      g_print ("no server: run under build-aux/with-pg-server\n");
      return 77;
    }
  if (psql == NULL)
    psql = g_strdup ("/usr/lib/postgresql/15/bin/psql");
  peer_address = tl_test_store_address ("peer");

  tl_demo_options_init (&options, 1, T0, T0 + 30 * 86400);
  options.n_events = N_ROWS;
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_export_events_to_file (events, TL_EXCHANGE_FORMAT_CSV, csv, NULL, &error));
  g_assert_no_error (error);

  for (guint r = 0; r < N_RUNS; r++)
    {
      double p = run_peer (psql, peer_address, csv, r);
      double o = run_ours (csv, r);

      g_array_append_val (peer, p);
      g_array_append_val (ours, o);
      g_print ("pg-import-run-%u: ours %.3f s, peer %.3f s\n", r + 1, o, p);
    }
  ours_s = tl_bench_median (ours);
  peer_s = tl_bench_median (peer);

  g_print ("pg-import-seconds: %.3f\n", ours_s);
  g_print ("pg-import-peer-seconds: %.3f\n", peer_s);
  g_print ("pg-import-rows-per-s: %.0f\n", N_ROWS / ours_s);
  g_print ("pg-import-ratio: %.2f\n", peer_s / ours_s);

  /* The file and what the exporter wrote beside it (its .csvt). */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return 0;
}
