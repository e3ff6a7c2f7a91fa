/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starting Tideline on a 1M-event file, against the demo's day.
 *
 * The same day (the demo generator's day for today, seed and hours as
 * `tideline --demo` writes it) is added to a copy of the 1M-event file
 * the other benchmarks share (tl-bench-db.c) and to an empty file: the
 * two windows draw the same events, so the ratio shows only what the
 * other 1M events cost. Measured: from starting the process (the real
 * binary, argv[1], `--database FILE`) to the frame that shows today's
 * events caught up, which the application marks itself with
 * TIDELINE_BENCH_READY (src/tl-window-ready.c) before quitting. Median of
 * ROUNDS starts each, in turn, after one warm-up each.
 *
 * Printed: startup-1m-over-demo (the target is 1.5 or less), and the two
 * times, startup-1m-ms and startup-demo-ms. The copies are removed. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tl-bench-db.h"
#include "tl-demo.h"
#include "tl-time.h"

#define N_DAYS 1000
#define ROUNDS 5

static void
remove_database (const char *path)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
}

/* The scratch home, with what the application left in it (GL's
 * shader cache, folders of folders). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Today up to @now, as tl_cli_open_demo_store() writes it. */
static void
add_demo_day (const char *path,
              GTimeZone  *zone,
              gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (path, &error);
  TlDemoOptions options;
  gint64 from, to;

  g_assert_no_error (error);
  tl_time_day_range_at (zone, now, &from, &to);
  tl_demo_options_init (&options, 2026, from, MIN (to, now + 1));
  options.time_zone = zone;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* ms from starting the process to its "ready" line. */
static double
time_start (const char *program,
            const char *database,
            guint      *out_events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) fields = NULL;
  const char *line;
  gint64 t0;

  g_subprocess_launcher_setenv (launcher, "TIDELINE_BENCH_READY", "1", TRUE);
  t0 = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, "--database", database, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  line = strstr (output, "ready: ");
  g_assert_nonnull (line);
  fields = g_strsplit (line + strlen ("ready: "), " ", 3);
  g_assert_nonnull (fields[0]);
  g_assert_nonnull (fields[1]);
  *out_events = (guint) g_ascii_strtoull (fields[1], NULL, 10);
  return (g_ascii_strtoll (fields[0], NULL, 10) - t0) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GArray) big_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) demo_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *dir = NULL, *big = NULL, *demo = NULL, *scratch = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint big_events = 0, demo_events = 0;
  double big_ms, demo_ms;

  if (argc != 2)
    g_error ("usage: %s TIDELINE", argv[0]);

  /* The shared file, closed so that its WAL is in it, then copied. */
  {
    g_autoptr(TlStore) store = tl_bench_open_file (N_DAYS, zone);

    source = g_file_new_for_path (tl_store_get_path (store));
    dir = g_path_get_dirname (tl_store_get_path (store));
  }
  big = g_build_filename (dir, "startup-1m.db", NULL);
  demo = g_build_filename (dir, "startup-demo.db", NULL);
  remove_database (big);
  remove_database (demo);
  copy = g_file_new_for_path (big);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  add_demo_day (big, zone, now);
  add_demo_day (demo, zone, now);

  /* The application's own files (drafts, caches) in a scratch home. */
  scratch = g_dir_make_tmp ("tideline-bench-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_setenv ("XDG_CACHE_HOME", scratch, TRUE);
  g_setenv ("XDG_CONFIG_HOME", scratch, TRUE);
  g_setenv ("XDG_STATE_HOME", scratch, TRUE);

  for (guint round = 0; round <= ROUNDS; round++)
    {
      double b = time_start (argv[1], big, &big_events);
      double d = time_start (argv[1], demo, &demo_events);

      /* Round 0 warms up: the binary, the files' pages. */
      if (round == 0)
        continue;
      g_array_append_val (big_samples, b);
      g_array_append_val (demo_samples, d);
    }
  g_assert_cmpuint (big_events, ==, demo_events);

  big_ms = tl_bench_median (big_samples);
  demo_ms = tl_bench_median (demo_samples);
  g_print ("startup-1m-over-demo: %.2f\n", big_ms / demo_ms);
  g_print ("startup-1m-ms: %.1f (%u events today)\n", big_ms, big_events);
  g_print ("startup-demo-ms: %.1f\n", demo_ms);

  remove_database (big);
  remove_database (demo);
  remove_tree (scratch);
  return 0;
}
