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
 * build directory, shared with the other benchmarks (tl-bench-db.c). */

#include "config.h"

#include "tl-bench-db.h"

#define ROUNDS 15

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(TlStore) small = NULL;
  g_autoptr(TlStore) large = NULL;
  double small_ms, large_ms, small_text_ms, large_text_ms;
  double small_words_ms, large_words_ms, small_letter_ms, large_letter_ms;
  guint rows, text_rows, large_rows, large_text_rows, words_rows, letter_rows;

  small = tl_bench_open_file (10, zone);
  large = tl_bench_open_file (1000, zone);

  /* A first query each to open the files' pages the same way. */
  tl_bench_time_day_query (small, zone, 10, NULL, ROUNDS, &rows);
  tl_bench_time_day_query (large, zone, 1000, NULL, ROUNDS, &rows);

  small_ms = tl_bench_time_day_query (small, zone, 10, NULL, ROUNDS, &rows);
  large_ms = tl_bench_time_day_query (large, zone, 1000, NULL, ROUNDS, &large_rows);
  small_text_ms = tl_bench_time_day_query (small, zone, 10, "boat", ROUNDS, &text_rows);
  large_text_ms = tl_bench_time_day_query (large, zone, 1000, "boat", ROUNDS, &large_text_rows);
  small_words_ms = tl_bench_time_day_query (small, zone, 10, "small boat", ROUNDS, &words_rows);
  large_words_ms = tl_bench_time_day_query (large, zone, 1000, "small boat", ROUNDS, &words_rows);
  small_letter_ms = tl_bench_time_day_query (small, zone, 10, "b", ROUNDS, &letter_rows);
  large_letter_ms = tl_bench_time_day_query (large, zone, 1000, "b", ROUNDS, &letter_rows);

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
