/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-bench-db.h"
#include "tl-demo.h"
#include "tl-filter.h"
#include "tl-time.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
tl_bench_median (GArray *samples)
{
  g_assert_cmpuint (samples->len, >, 0);
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

gint64
tl_bench_first_day (GTimeZone *zone)
{
  gint64 start, end;

  tl_time_day_range (zone, 2023, 1, 1, &start, &end);
  return start;
}

void
tl_bench_generate (TlStore   *store,
                   guint      n_days,
                   GTimeZone *zone)
{
  g_autoptr(GError) error = NULL;
  gint64 start = tl_bench_first_day (zone);
  gint64 t0 = g_get_monotonic_time ();
  TlDemoOptions options;

  tl_demo_options_init (&options, TL_BENCH_SEED, start, tl_time_shift_days (zone, start, n_days));
  options.time_zone = zone;
  options.events_per_day = TL_BENCH_PER_DAY;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  g_printerr ("generated %u days (%" G_GINT64_FORMAT " events) into %s in %.1f s\n", n_days,
              tl_store_count_events (store, NULL), tl_store_get_path (store),
              (g_get_monotonic_time () - t0) / 1e6);
}

TlStore *
tl_bench_open_file (guint      n_days,
                    GTimeZone *zone)
{
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (),
                                           "bench-cache", NULL);
  g_autofree char *name = g_strdup_printf ("bench-seed%d-%ud-%d-v%d.db", TL_BENCH_SEED, n_days,
                                           TL_BENCH_PER_DAY, TL_STORE_SCHEMA_VERSION);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(TlStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* What an interrupted run left. */
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *old = g_strconcat (partial, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
          g_unlink (old);
        }
      store = tl_store_open (partial, &error);
      g_assert_no_error (error);
      tl_bench_generate (store, n_days, zone);
      /* Closed first, so that the WAL is checkpointed into the file. */
      g_clear_object (&store);
      g_assert_cmpint (g_rename (partial, path), ==, 0);
    }

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  g_printerr ("%s: %" G_GINT64_FORMAT " events\n", path, tl_store_count_events (store, NULL));
  return g_steal_pointer (&store);
}

double
tl_bench_time_day_query (TlStore    *store,
                         GTimeZone  *zone,
                         guint       n_days,
                         const char *text,
                         guint       rounds,
                         guint      *out_rows)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 first_day = tl_bench_first_day (zone);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(TlFilter) filter = NULL;
      gint64 from = tl_time_shift_days (zone, first_day, 1 + (round * 7919) % (n_days - 2));
      gint64 t0;
      double ms;

      filter = tl_filter_new (from, tl_time_shift_days (zone, from, 1));
      tl_filter_set_text (filter, text);

      t0 = g_get_monotonic_time ();
      events = tl_store_query_events (store, filter, &error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_no_error (error);

      g_array_append_val (samples, ms);
      *out_rows = events->len;
    }

  return tl_bench_median (samples);
}
