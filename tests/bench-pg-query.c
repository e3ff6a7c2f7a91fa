/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-bench-db.h"
#include "tl-test-store.h"

/* The day query on a shared server: how it scales with the size of the
 * database, and how it compares with the file's on the same events.
 *
 * The same generated events as bench-query (1,000 a day, tl-bench-db.c)
 * on a server (build-aux/with-pg-server): 10k events (10 days) and 1M
 * (1,000 days), and the 1M file of bench-query beside them. Measured:
 * tl_store_query_events() over one local day, the query the window runs
 * to show a day, without and with a text filter. Median of ROUNDS days
 * spread through each database.
 *
 * Printed: pg-day-query-1m-over-10k (target 2 or less: the day is found
 * through the indexes, not by reading the table) and
 * pg-day-query-over-sqlite (target 3 or less: the server's day over the
 * file's, on the same 1M events; a round trip through a socket is not
 * free). */

#define ROUNDS 15

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(TlStore) file = NULL;
  g_autoptr(TlStore) small = NULL;
  g_autoptr(TlStore) large = NULL;
  double small_ms, large_ms, file_ms, small_text_ms, large_text_ms, file_text_ms;
  guint small_rows, large_rows, file_rows, small_text_rows, large_text_rows, file_text_rows;

  if (!tl_test_store_is_server ())
    {
      g_print ("no server: run under build-aux/with-pg-server\n");
      return 77;
    }

  file = tl_bench_open_file (1000, zone);
  small = tl_test_store_open ("day-10k");
  tl_bench_generate (small, 10, zone);
  large = tl_test_store_open ("day-1m");
  tl_bench_generate (large, 1000, zone);

  /* A first round each, to bring the pages in the same way. */
  tl_bench_time_day_query (small, zone, 10, NULL, ROUNDS, &small_rows);
  tl_bench_time_day_query (large, zone, 1000, NULL, ROUNDS, &large_rows);
  tl_bench_time_day_query (file, zone, 1000, NULL, ROUNDS, &file_rows);

  small_ms = tl_bench_time_day_query (small, zone, 10, NULL, ROUNDS, &small_rows);
  large_ms = tl_bench_time_day_query (large, zone, 1000, NULL, ROUNDS, &large_rows);
  file_ms = tl_bench_time_day_query (file, zone, 1000, NULL, ROUNDS, &file_rows);
  small_text_ms = tl_bench_time_day_query (small, zone, 10, "boat", ROUNDS, &small_text_rows);
  large_text_ms = tl_bench_time_day_query (large, zone, 1000, "boat", ROUNDS, &large_text_rows);
  file_text_ms = tl_bench_time_day_query (file, zone, 1000, "boat", ROUNDS, &file_text_rows);

  /* The same events on both: the same rows. */
  g_assert_cmpuint (large_rows, ==, file_rows);
  g_assert_cmpuint (large_text_rows, ==, file_text_rows);

  g_print ("pg-day-query-10k-ms: %.3f (%u rows)\n", small_ms, small_rows);
  g_print ("pg-day-query-1m-ms: %.3f (%u rows)\n", large_ms, large_rows);
  g_print ("sqlite-day-query-1m-ms: %.3f (%u rows)\n", file_ms, file_rows);
  g_print ("pg-day-query-text-10k-ms: %.3f (%u rows)\n", small_text_ms, small_text_rows);
  g_print ("pg-day-query-text-1m-ms: %.3f (%u rows)\n", large_text_ms, large_text_rows);
  g_print ("sqlite-day-query-text-1m-ms: %.3f (%u rows)\n", file_text_ms, file_text_rows);
  g_print ("pg-day-query-text-1m-over-10k: %.2f\n", large_text_ms / small_text_ms);
  g_print ("pg-day-query-text-over-sqlite: %.2f\n", large_text_ms / file_text_ms);
  g_print ("pg-day-query-1m-over-10k: %.2f\n", large_ms / small_ms);
  g_print ("pg-day-query-over-sqlite: %.2f\n", large_ms / file_ms);

  return 0;
}
