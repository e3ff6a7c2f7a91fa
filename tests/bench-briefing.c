/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a month's briefing and map cost on a file of a million events.
 *
 * The file: 1,000 events a day over 1,000 days (1M events), shared with
 * bench-query (bench-query-cache/ in the build directory, generated once
 * under a temporary name and reused).
 *
 * Ours: the 30-day briefing as `tideline export-briefing` makes it: the
 * window's events and the previous window's (for the key points) read
 * from the file, then the PDF written (map, tables, trend). And the
 * 30-day map alone, an A4 PDF at 300 dpi.
 *
 * Peer: the same briefing for one day of the same file, the window a
 * watch leader hands over every morning. A month must not cost more than
 * a few days' worth: the table by day and the map keep it bounded.
 * Targets: the month in at most 3 s and 20 pages. */

#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "tl-briefing.h"
#include "tl-coastline.h"
#include "tl-demo.h"
#include "tl-snapshot.h"
#include "tl-store.h"
#include "tl-time.h"

#define PER_DAY 1000
#define N_DAYS 1000
#define SEED 7
#define ROUNDS 3

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The same file as bench-query's, by the same name. */
static TlStore *
open_million (const char *dir,
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
      g_clear_object (&store);
      g_assert_cmpint (g_rename (partial, path), ==, 0);
    }
  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Median ms of ROUNDS briefings of @n_days from @from, after one untimed;
 * the page count of the last. */
static double
time_briefing (TlStore    *store,
               GTimeZone  *zone,
               gint64      from,
               guint       n_days,
               const char *path,
               guint      *out_pages,
               guint      *out_events)
{
  double samples[ROUNDS];

  for (int i = -1; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(GPtrArray) previous = NULL;
      gint64 start = g_get_monotonic_time ();
      TlBriefingOptions options;

      tl_briefing_options_init (&options);
      options.from = from;
      options.to = tl_time_shift_days (zone, from, n_days);
      options.time_zone = zone;
      options.marking = "OFFICIAL-SENSITIVE";
      options.operator_name = "bench";
      options.created_at = options.to;
      events = tl_store_list_events (store, options.from, options.to, &error);
      g_assert_no_error (error);
      previous = tl_store_list_events (store, options.from - (options.to - options.from), options.from, &error);
      g_assert_no_error (error);
      options.previous_events = previous;
      if (!tl_briefing_write_file (path, &options, events, &error))
        g_error ("%s", error->message);
      if (i >= 0)
        samples[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* Untimed: counting plans the pages again. */
      *out_pages = tl_briefing_count_pages (&options, events);
      *out_events = events->len;
    }
  qsort (samples, ROUNDS, sizeof (double), compare_doubles);
  return samples[ROUNDS / 2];
}

static double
time_map (TlStore    *store,
          GTimeZone  *zone,
          gint64      from,
          guint       n_days,
          const char *path)
{
  double samples[ROUNDS];

  for (int i = -1; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = NULL;
      gint64 start = g_get_monotonic_time ();
      TlSnapshotOptions options;

      tl_snapshot_options_init (&options);
      options.from = from;
      options.to = tl_time_shift_days (zone, from, n_days);
      options.time_zone = zone;
      options.paper = TL_SNAPSHOT_PAPER_A4;
      options.dpi = 300;
      options.created_at = options.to;
      events = tl_store_list_events (store, options.from, options.to, &error);
      g_assert_no_error (error);
      if (!tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_GUESS, &options, events, &error))
        g_error ("%s", error->message);
      if (i >= 0)
        samples[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (samples, ROUNDS, sizeof (double), compare_doubles);
  return samples[ROUNDS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *cache = g_build_filename (build_dir != NULL ? build_dir : g_get_tmp_dir (),
                                             "bench-query-cache", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *map = NULL;
  gint64 first_day, month;
  guint month_pages, day_pages, month_events, day_events;
  double month_ms, day_ms, map_ms;

  g_assert_cmpint (g_mkdir_with_parents (cache, 0755), ==, 0);
  store = open_million (cache, zone, &first_day);
  if (!tl_coastline_ensure_loaded (tl_coastline_get_default (), &error))
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("bench-briefing-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "brief.pdf", NULL);
  map = g_build_filename (dir, "map.pdf", NULL);

  /* A month in the middle of the file, and its last day. */
  month = tl_time_shift_days (zone, first_day, 500);
  month_ms = time_briefing (store, zone, month, 30, pdf, &month_pages, &month_events);
  day_ms = time_briefing (store, zone, tl_time_shift_days (zone, month, 29), 1, pdf, &day_pages, &day_events);
  map_ms = time_map (store, zone, month, 30, map);

  g_print ("briefing-30d-events: %u\n", month_events);
  g_print ("briefing-30d-1m-ms: %.1f\n", month_ms);
  g_print ("briefing-30d-pages: %u\n", month_pages);
  g_print ("briefing-1d-1m-ms: %.1f\n", day_ms);
  g_print ("briefing-1d-pages: %u\n", day_pages);
  g_print ("briefing-30d-over-1d: %.2f\n", month_ms / day_ms);
  g_print ("export-map-30d-1m-ms: %.1f\n", map_ms);

  g_unlink (pdf);
  g_unlink (map);
  g_rmdir (dir);
  pango_cairo_font_map_set_default (NULL);
  return 0;
}
