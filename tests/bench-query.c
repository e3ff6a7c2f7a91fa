/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a day's query scales with the size of the file.
 *
 * Two generated files with the same density, 1,000 events a day: 10k
 * events (10 days) and 1M events (1,000 days, about three years). A day
 * then returns the same number of rows from both, and the ratio of the
 * times shows whether the query reads the day (indexes) or the file
 * (scans): an index walk is log(n), a scan 100 times slower.
 *
 * Measured: tl_store_query_events() for one day, without and with a text
 * filter ("boat", a word in a large share of the notes, so FTS5 has a
 * long list to intersect). Median of ROUNDS runs over several days.
 *
 * The files are generated once per run, in a temporary directory that is
 * removed afterwards (about 40 s for the million). */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-demo.h"
#include "tl-filter.h"
#include "tl-store.h"
#include "tl-time.h"

#define PER_DAY 1000
#define ROUNDS 15

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static TlStore *
generate (const char *dir,
          guint       n_days,
          GTimeZone  *zone,
          gint64     *out_first_day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bench-%u.db", n_days);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(TlStore) store = NULL;
  TlDemoOptions options;
  gint64 start, to;
  gint64 t0 = g_get_monotonic_time ();

  tl_time_day_range (zone, 2023, 1, 1, &start, &to);
  store = tl_store_open (path, &error);
  g_assert_no_error (error);

  tl_demo_options_init (&options, 7, start, tl_time_shift_days (zone, start, n_days));
  options.time_zone = zone;
  options.events_per_day = PER_DAY;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  g_printerr ("generated %u days (%" G_GINT64_FORMAT " events) in %.1f s\n", n_days,
              tl_store_count_events (store, NULL), (g_get_monotonic_time () - t0) / 1e6);
  *out_first_day = start;
  return g_steal_pointer (&store);
}

/* Median time in ms of one day's query, over days spread through the
 * file, so that no single day's cache luck decides. */
static double
time_day_query (TlStore    *store,
                GTimeZone  *zone,
                gint64      first_day,
                guint       n_days,
                const char *text,
                guint      *out_rows)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < ROUNDS; round++)
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

  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autofree char *dir = g_dir_make_tmp ("tideline-bench-query-XXXXXX", NULL);
  g_autoptr(TlStore) small = NULL;
  g_autoptr(TlStore) large = NULL;
  gint64 small_first, large_first;
  double small_ms, large_ms, small_text_ms, large_text_ms;
  guint rows, text_rows, large_rows, large_text_rows;

  g_assert_nonnull (dir);

  small = generate (dir, 10, zone, &small_first);
  large = generate (dir, 1000, zone, &large_first);

  /* A first query each to open the files' pages the same way. */
  time_day_query (small, zone, small_first, 10, NULL, &rows);
  time_day_query (large, zone, large_first, 1000, NULL, &rows);

  small_ms = time_day_query (small, zone, small_first, 10, NULL, &rows);
  large_ms = time_day_query (large, zone, large_first, 1000, NULL, &large_rows);
  small_text_ms = time_day_query (small, zone, small_first, 10, "boat", &text_rows);
  large_text_ms = time_day_query (large, zone, large_first, 1000, "boat", &large_text_rows);

  g_print ("day-query-10k-ms: %.3f (%u rows)\n", small_ms, rows);
  g_print ("day-query-1m-ms: %.3f (%u rows)\n", large_ms, large_rows);
  g_print ("day-query-text-10k-ms: %.3f (%u rows)\n", small_text_ms, text_rows);
  g_print ("day-query-text-1m-ms: %.3f (%u rows)\n", large_text_ms, large_text_rows);
  g_print ("day-query-1m-over-10k: %.2f\n", large_ms / small_ms);
  g_print ("day-query-text-1m-over-10k: %.2f\n", large_text_ms / small_text_ms);

  g_clear_object (&small);
  g_clear_object (&large);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }

  return 0;
}
