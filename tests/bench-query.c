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
 * Also timed, for information: two words ("small boat": a whole word
 * that FTS5 seeks in, then the prefix), and one letter ("b").
 *
 * The files take minutes to generate under load, so they are kept in the
 * build directory (bench-query-cache/), named after everything that
 * decides their content: the generator's seed, days, events a day and the
 * schema version. Delete the directory after changing the generator. A
 * file is generated under a temporary name and renamed when complete, so
 * an interrupted run never leaves a half file to be reused. */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-demo.h"
#include "tl-filter.h"
#include "tl-store.h"
#include "tl-time.h"

#define PER_DAY 1000
#define ROUNDS 15
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
          guint       n_days,
          GTimeZone  *zone,
          gint64     *out_first_day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bench-seed%d-%ud-%d-v%d.db", SEED, n_days,
                                           PER_DAY, TL_STORE_SCHEMA_VERSION);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(TlStore) store = NULL;
  TlDemoOptions options;
  gint64 start, to;
  gint64 t0 = g_get_monotonic_time ();

  tl_time_day_range (zone, 2023, 1, 1, &start, &to);
  *out_first_day = start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store = tl_store_open (path, &error);
      g_assert_no_error (error);
      g_printerr ("reused %s (%" G_GINT64_FORMAT " events)\n", path,
                  tl_store_count_events (store, NULL));
      return g_steal_pointer (&store);
    }

  /* What an interrupted run left. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *old = g_strconcat (partial, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (old);
    }
  store = tl_store_open (partial, &error);
  g_assert_no_error (error);

  tl_demo_options_init (&options, SEED, start, tl_time_shift_days (zone, start, n_days));
  options.time_zone = zone;
  options.events_per_day = PER_DAY;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  g_printerr ("generated %u days (%" G_GINT64_FORMAT " events) in %.1f s\n", n_days,
              tl_store_count_events (store, NULL), (g_get_monotonic_time () - t0) / 1e6);
  /* Closed first, so that the WAL is checkpointed into the file. */
  g_clear_object (&store);
  g_assert_cmpint (g_rename (partial, path), ==, 0);

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
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
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (),
                                           "bench-query-cache", NULL);
  g_autoptr(TlStore) small = NULL;
  g_autoptr(TlStore) large = NULL;
  gint64 small_first, large_first;
  double small_ms, large_ms, small_text_ms, large_text_ms;
  double small_words_ms, large_words_ms, small_letter_ms, large_letter_ms;
  guint rows, text_rows, large_rows, large_text_rows, words_rows, letter_rows;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  small = generate (dir, 10, zone, &small_first);
  large = generate (dir, 1000, zone, &large_first);

  /* A first query each to open the files' pages the same way. */
  time_day_query (small, zone, small_first, 10, NULL, &rows);
  time_day_query (large, zone, large_first, 1000, NULL, &rows);

  small_ms = time_day_query (small, zone, small_first, 10, NULL, &rows);
  large_ms = time_day_query (large, zone, large_first, 1000, NULL, &large_rows);
  small_text_ms = time_day_query (small, zone, small_first, 10, "boat", &text_rows);
  large_text_ms = time_day_query (large, zone, large_first, 1000, "boat", &large_text_rows);
  small_words_ms = time_day_query (small, zone, small_first, 10, "small boat", &words_rows);
  large_words_ms = time_day_query (large, zone, large_first, 1000, "small boat", &words_rows);
  small_letter_ms = time_day_query (small, zone, small_first, 10, "b", &letter_rows);
  large_letter_ms = time_day_query (large, zone, large_first, 1000, "b", &letter_rows);

  g_print ("day-query-10k-ms: %.3f (%u rows)\n", small_ms, rows);
  g_print ("day-query-1m-ms: %.3f (%u rows)\n", large_ms, large_rows);
  g_print ("day-query-text-10k-ms: %.3f (%u rows)\n", small_text_ms, text_rows);
  g_print ("day-query-text-1m-ms: %.3f (%u rows)\n", large_text_ms, large_text_rows);
  g_print ("day-query-words-1m-ms: %.3f (%u rows)\n", large_words_ms, words_rows);
  g_print ("day-query-letter-1m-ms: %.3f (%u rows)\n", large_letter_ms, letter_rows);
  g_print ("day-query-1m-over-10k: %.2f\n", large_ms / small_ms);
  g_print ("day-query-text-1m-over-10k: %.2f\n", large_text_ms / small_text_ms);
  g_print ("day-query-words-1m-over-10k: %.2f\n", large_words_ms / small_words_ms);
  g_print ("day-query-letter-1m-over-10k: %.2f\n", large_letter_ms / small_letter_ms);

  return 0;
}
