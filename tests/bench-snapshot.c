/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a print-quality briefing map costs against a screen-sized one.
 *
 * Ours: an A4 PDF at 300 dpi of a day with 10,000 events, written to a
 * file with tl_snapshot_write_file() (vector shoreline at printer detail,
 * every marker a vector, fonts embedded, the file synced and renamed).
 *
 * Peer: the same map and events as a 1920 × 1080 PNG through the same
 * call: rasterised and PNG-encoded. The target is a PDF under twice the
 * PNG's time: printing must not feel slower than a screenshot.
 *
 * The coastline model is loaded, and each output drawn once, before
 * timing: loading and font caches are paid once per process. */

#include <glib/gstdio.h>

#include "tl-demo.h"
#include "tl-snapshot.h"
#include "tl-time.h"

#define ROUNDS 5
#define N_EVENTS 10000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median milliseconds of ROUNDS exports after one untimed. */
static double
time_export (const char              *path,
             const TlSnapshotOptions *options,
             GPtrArray               *events)
{
  double samples[ROUNDS];

  for (int i = -1; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_GUESS, options, events, &error))
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
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *png = NULL;
  TlSnapshotOptions options;
  TlDemoOptions demo;
  double pdf_ms, png_ms;
  GStatBuf st;

  tl_snapshot_options_init (&options);
  options.time_zone = zone;
  options.operator_name = "bench";
  options.created_at = 1795680000;
  options.marking = "OFFICIAL-SENSITIVE";
  tl_time_day_range (zone, 2026, 11, 26, &options.from, &options.to);

  tl_demo_options_init (&demo, 2026, options.from, options.to);
  demo.time_zone = zone;
  demo.n_events = N_EVENTS;
  events = tl_demo_generate_events (&demo, NULL, &error);
  g_assert_no_error (error);

  if (!tl_coastline_ensure_loaded (tl_coastline_get_default (), &error))
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("bench-snapshot-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "map.pdf", NULL);
  png = g_build_filename (dir, "map.png", NULL);

  options.paper = TL_SNAPSHOT_PAPER_A4;
  options.dpi = 300;
  pdf_ms = time_export (pdf, &options, events);
  if (g_stat (pdf, &st) == 0)
    g_print ("snapshot-pdf-a4-bytes: %" G_GINT64_FORMAT "\n", (gint64) st.st_size);

  options.paper = TL_SNAPSHOT_PAPER_NONE;
  options.width_px = 1920;
  options.height_px = 1080;
  png_ms = time_export (png, &options, events);
  if (g_stat (png, &st) == 0)
    g_print ("snapshot-png-1080p-bytes: %" G_GINT64_FORMAT "\n", (gint64) st.st_size);

  g_print ("snapshot-events: %u\n", events->len);
  g_print ("snapshot-pdf-a4-ms: %.1f\n", pdf_ms);
  g_print ("snapshot-png-1080p-ms: %.1f\n", png_ms);
  g_print ("snapshot-pdf-over-png: %.2f\n", pdf_ms / png_ms);

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
  return 0;
}
