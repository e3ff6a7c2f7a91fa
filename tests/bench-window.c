/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing a 30-day window in the real window, on a 1M-event file.
 *
 * 1M events over 1,000 days (the file bench-query and bench-summary
 * share, tl-bench-db.c), shown in a TlWindow under Xvfb. Measured: from
 * choosing a window (what Apply in the custom-range box does,
 * tl_review_set_range()) to the frame that draws it all: the events read
 * into the list and onto the map's incident layer, the map fitted to
 * them, the summary counted (tl_window_is_settled()), then the after-paint
 * of the next frame. Its peer in the same run is the same for one day.
 * Median of ROUNDS windows spread through the file, the two lengths
 * taken in turn, after one warm-up each.
 *
 * Printed: window-30d-ready-ms, its peer window-1d-ready-ms and their
 * ratio, and where the 30 days' time goes: choosing (the list and map
 * filled, in the call), counting (until settled) and drawing. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-application.h"
#include "tl-bench-db.h"
#include "tl-time.h"
#include "tl-window.h"

#define N_DAYS 1000
#define ROUNDS 5
#define DEADLINE_S 120

typedef struct {
  gboolean painted;
} Frame;

typedef struct {
  double chosen, settled, drawn;   /* ms since the choice */
} Times;

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->painted = TRUE;
}

static void
iterate_until (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
settled (gpointer data)
{
  return gtk_widget_get_mapped (data) && tl_window_is_settled (data);
}

static gboolean
painted (gpointer data)
{
  return ((Frame *) data)->painted;
}

static Times
time_window (TlWindow *window,
             Frame    *frame,
             gint64    from,
             gint64    to)
{
  gint64 t0 = g_get_monotonic_time ();
  Times times;

  tl_review_set_range (tl_window_get_review (window), from, to);
  times.chosen = (g_get_monotonic_time () - t0) / 1000.0;
  iterate_until (settled, window);
  times.settled = (g_get_monotonic_time () - t0) / 1000.0;
  frame->painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  iterate_until (painted, frame);
  times.drawn = (g_get_monotonic_time () - t0) / 1000.0;
  return times;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  static const char *xdg_vars[] = { "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME" };
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GArray) month = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) day = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) counted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlApplication) app = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *scratch = g_dir_make_tmp ("tideline-bench-XXXXXX", NULL);
  Frame frame = { FALSE };
  TlWindow *window;
  gint64 first_day;
  guint n_month = 0;

  g_assert_nonnull (scratch);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (scratch, xdg_vars[i], NULL);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  store = tl_bench_open_file (N_DAYS, zone);
  first_day = tl_bench_first_day (zone);

  gtk_init ();
  adw_init ();
  app = tl_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = tl_window_new (GTK_APPLICATION (app), store);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (settled, window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &frame);

  for (guint round = 0; round <= ROUNDS; round++)
    {
      gint64 from = tl_time_shift_days (zone, first_day, 1 + (round * 7919) % (N_DAYS - 32));
      Times month_times, day_times;

      /* Round 0 warms up: the file's pages, the row widgets. */
      month_times = time_window (window, &frame, from, tl_time_shift_days (zone, from, 30));
      n_month = g_list_model_get_n_items (tl_window_get_events (window));
      day_times = time_window (window, &frame, from, tl_time_shift_days (zone, from, 1));
      if (round == 0)
        continue;
      g_array_append_val (month, month_times.drawn);
      g_array_append_val (chosen, month_times.chosen);
      g_array_append_val (counted, month_times.settled);
      g_array_append_val (day, day_times.drawn);
    }

  {
    double month_ms = tl_bench_median (month), day_ms = tl_bench_median (day);

    g_print ("window-30d-ready-ms: %.1f (%u events in the window)\n", month_ms, n_month);
    g_print ("window-1d-ready-ms: %.1f\n", day_ms);
    g_print ("window-30d-over-1d: %.2f\n", month_ms / day_ms);
    g_print ("window-30d-chosen-ms: %.1f (list and map filled)\n", tl_bench_median (chosen));
    g_print ("window-30d-settled-ms: %.1f (summary counted)\n", tl_bench_median (counted));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&app);
  remove_tree (scratch);
  return 0;
}
