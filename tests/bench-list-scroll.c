/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How smoothly the list of reports scrolls over a long window.
 *
 * 100,000 generated events over 7 days, all in the review's window, in
 * the list the window shows (GtkListView, the TlEventRow factory, the
 * review's model). The list is scrolled a few rows every frame, from a
 * tick callback, for FRAMES frames; each frame's work (update, layout,
 * paint: from the frame clock's before-paint to its after-paint) is
 * timed. A frame must fit in 16.7 ms for 60 frames a second.
 *
 * Prints list-scroll-p50-ms and list-scroll-p95-ms, then where the time
 * of a frame goes: the update phase (scrolling, so binding rows), layout
 * (measuring rows), paint (snapshot and rendering) and the rest, up to
 * the after-paint. Runs under Xvfb. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-demo.h"
#include "tl-event-row.h"
#include "tl-review.h"
#include "tl-store.h"
#include "tl-time.h"

#define N_EVENTS 100000
#define N_DAYS 7
#define WARMUP 20
#define FRAMES 300
/* Pixels a frame: a brisk flick, several rows. */
#define STEP 180.0

enum { PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, PHASE_REST, N_PHASES };

typedef struct {
  GtkAdjustment *adjustment;
  GArray        *samples;     /* of double, ms */
  GArray        *phases[N_PHASES];
  gint64         paint_start;
  gint64         phase_end[N_PHASES];
  guint          frames;
  gboolean       done;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->paint_start = g_get_monotonic_time ();
}

/* Connected after GTK's own handlers of each phase, so each marks the
 * end of the phase's work. */
static void
update_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->phase_end[PHASE_UPDATE] = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->phase_end[PHASE_LAYOUT] = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          Bench         *bench)
{
  bench->phase_end[PHASE_PAINT] = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 start = bench->paint_start;
  double ms;

  bench->phase_end[PHASE_REST] = g_get_monotonic_time ();
  if (start == 0)
    return;
  ms = (g_get_monotonic_time () - start) / 1000.0;
  bench->paint_start = 0;
  if (bench->frames > WARMUP && !bench->done)
    {
      g_array_append_val (bench->samples, ms);
      for (guint i = 0; i < N_PHASES; i++)
        {
          /* A phase that did not run this frame took no time. */
          double phase = bench->phase_end[i] > start ? (bench->phase_end[i] - start) / 1000.0 : 0;

          g_array_append_val (bench->phases[i], phase);
          if (bench->phase_end[i] > start)
            start = bench->phase_end[i];
        }
    }
}

static double
percentile (GArray *samples,
            guint   percent)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN (samples->len * percent / 100, samples->len - 1));
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Bench *bench = data;
  double value = gtk_adjustment_get_value (bench->adjustment) + STEP;
  double end = gtk_adjustment_get_upper (bench->adjustment) -
               gtk_adjustment_get_page_size (bench->adjustment);

  /* Back to the top at the end: the list never stops having work. */
  gtk_adjustment_set_value (bench->adjustment, value < end ? value : 0);

  if (++bench->frames >= WARMUP + FRAMES)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (tl_event_row_new ()));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         TlReview                 *review)
{
  tl_event_row_bind (TL_EVENT_ROW (gtk_list_item_get_child (item)), item, review);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  tl_event_row_bind (TL_EVENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autofree char *dir = g_dir_make_tmp ("tideline-bench-scroll-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scroll.db", NULL);
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlReview) review = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkListItemFactory *factory;
  GtkWidget *window, *scrolled, *list;
  GdkFrameClock *clock;
  TlDemoOptions options;
  Bench bench = { 0 };
  gint64 start, unused, t0;

  gtk_init ();
  adw_init ();

  tl_time_day_range (zone, 2026, 3, 23, &start, &unused);
  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  tl_demo_options_init (&options, 11, start, tl_time_shift_days (zone, start, N_DAYS));
  options.time_zone = zone;
  options.n_events = N_EVENTS;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_printerr ("generated %" G_GINT64_FORMAT " events in %.1f s\n",
              tl_store_count_events (store, NULL), (g_get_monotonic_time () - t0) / 1e6);

  review = tl_review_new (store, zone, "bench");
  t0 = g_get_monotonic_time ();
  tl_review_set_range (review, start, tl_time_shift_days (zone, start, N_DAYS));
  g_printerr ("window of %u events loaded in %.1f ms\n",
              g_list_model_get_n_items (tl_review_get_model (review)),
              (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (tl_review_get_model (review)), >=, N_EVENTS * 9 / 10);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), review);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (tl_review_get_model (review))));
  list = gtk_list_view_new (g_object_ref (selection), factory);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));

  /* Until the list has rows and a size. */
  while (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))) <= 0)
    g_main_context_iteration (NULL, TRUE);

  bench.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < N_PHASES; i++)
    bench.phases[i] = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect_after (clock, "update", G_CALLBACK (update_cb), &bench);
  g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), &bench);
  g_signal_connect_after (clock, "paint", G_CALLBACK (paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  gtk_widget_add_tick_callback (list, tick_cb, &bench, NULL);

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handlers_disconnect_by_data (clock, &bench);
  g_print ("list-scroll-frames: %u\n", bench.samples->len);
  g_print ("list-scroll-p50-ms: %.2f\n", percentile (bench.samples, 50));
  g_print ("list-scroll-p95-ms: %.2f\n", percentile (bench.samples, 95));
  g_print ("list-scroll-max-ms: %.2f\n", percentile (bench.samples, 100));
  for (guint i = 0; i < N_PHASES; i++)
    {
      const char *name = (const char *[]) { "update", "layout", "paint", "rest" }[i];

      g_print ("list-scroll-%s-p50-ms: %.2f\n", name, percentile (bench.phases[i], 50));
      g_print ("list-scroll-%s-p95-ms: %.2f\n", name, percentile (bench.phases[i], 95));
      g_array_unref (bench.phases[i]);
    }
  g_array_unref (bench.samples);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&review);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
