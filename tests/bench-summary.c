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
 * the build directory, shared with the other benchmarks (tl-bench-db.c). */

#include "config.h"

#include "tl-bench-db.h"
#include "tl-filter.h"
#include "tl-store-watch.h"
#include "tl-time.h"

#define N_DAYS 1000
#define WINDOW_DAYS 30
#define ROUNDS 11

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

  return tl_bench_median (samples);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(TlStore) store = NULL;
  gint64 first_day, rows = 0;
  double summary_ms, count_ms;

  store = tl_bench_open_file (N_DAYS, zone);
  first_day = tl_bench_first_day (zone);

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
