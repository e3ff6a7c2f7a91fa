/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary of a 30-day window on a 1M-event file.
 *
 * 1M events over 1,000 days (1,000 a day, as bench-query), from the demo
 * generator. Measured: tl_store_summarize() over 30 local days, the
 * window's summary bar's figures; its peer in the same run is the
 * plainest query over the same window, a COUNT of its events through the
 * time index (tl_store_count_in_window()). Median of ROUNDS windows spread
 * through the file, after one warm-up round each.
 *
 * Printed: summary-30d-1m-ms (the target is 100 ms or less), the peer's
 * count-30d-1m-ms, and their ratio.
 *
 * The file is generated once, inside this benchmark's time, and kept in
 * the build directory (bench-summary-cache/) under a name made of what
 * decides its content (seed, days, events a day, schema version);
 * generated under a temporary name and renamed when complete. */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-demo.h"
#include "tl-filter.h"
#include "tl-store-watch.h"
#include "tl-time.h"

#define PER_DAY 1000
#define N_DAYS 1000
#define WINDOW_DAYS 30
#define ROUNDS 11
#define SEED 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static TlStore *
generate (const char *dir,
          GTimeZone  *zone,
          gint64     *out_first_day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bench-seed%d-%ud-%d-v%d.db", SEED, N_DAYS,
                                           PER_DAY, TL_STORE_SCHEMA_VERSION);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(TlStore) store = NULL;
  TlDemoOptions options;
  gint64 start, to;
  gint64 t0 = g_get_monotonic_time ();

  tl_time_day_range (zone, 2023, 1, 1, &start, &to);
  *out_first_day = start;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *old = g_strconcat (partial, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
          g_unlink (old);
        }
      store = tl_store_open (partial, &error);
      g_assert_no_error (error);
      tl_demo_options_init (&options, SEED, start, tl_time_shift_days (zone, start, N_DAYS));
      options.time_zone = zone;
      options.events_per_day = PER_DAY;
      g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
      g_assert_no_error (error);
      g_printerr ("generated %u days in %.1f s\n", N_DAYS, (g_get_monotonic_time () - t0) / 1e6);
      /* Closed first, so that the WAL is checkpointed into the file. */
      g_clear_object (&store);
      g_assert_cmpint (g_rename (partial, path), ==, 0);
    }

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  g_printerr ("%s: %" G_GINT64_FORMAT " events\n", path, tl_store_count_events (store, NULL));
  return g_steal_pointer (&store);
}

typedef enum { SUMMARY, COUNT } What;

/* Median ms over ROUNDS windows spread through the file. */
static double
time_windows (TlStore   *store,
              GTimeZone *zone,
              gint64     first_day,
              What       what,
              gint64    *out_rows)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 from = tl_time_shift_days (zone, first_day, 1 + (round * 7919) % (N_DAYS - WINDOW_DAYS - 2));
      g_autoptr(TlFilter) filter = tl_filter_new (from, tl_time_shift_days (zone, from, WINDOW_DAYS));
      TlSummary summary;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (what == SUMMARY)
        g_assert_true (tl_store_summarize (store, filter, &summary, &error));
      else
        *out_rows = tl_store_count_in_window (store, filter->from, filter->to, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);
      if (what == SUMMARY)
        g_assert_cmpint (summary.values[TL_SUMMARY_BOATS_AT_SEA], >, 0);
      g_array_append_val (samples, ms);
    }

  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (),
                                           "bench-summary-cache", NULL);
  g_autoptr(TlStore) store = NULL;
  gint64 first_day, rows = 0;
  double summary_ms, count_ms;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  store = generate (dir, zone, &first_day);

  /* A first round each to bring the file's pages in the same way. */
  time_windows (store, zone, first_day, COUNT, &rows);
  time_windows (store, zone, first_day, SUMMARY, &rows);

  count_ms = time_windows (store, zone, first_day, COUNT, &rows);
  summary_ms = time_windows (store, zone, first_day, SUMMARY, &rows);

  g_print ("summary-30d-1m-ms: %.3f (%" G_GINT64_FORMAT " events in the window)\n", summary_ms, rows);
  g_print ("count-30d-1m-ms: %.3f\n", count_ms);
  g_print ("summary-30d-1m-over-count: %.2f\n", summary_ms / count_ms);

  return 0;
}
