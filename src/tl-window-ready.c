/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>

#include "tl-window-private.h"

/* For the startup benchmark (tests/bench-startup.c): with
 * TIDELINE_BENCH_READY set, the first window says when it has drawn the
 * frame that shows its day caught up (the events in the list and on the
 * map, the summary counted), then the application quits. The time is the
 * monotonic clock, in microseconds, which on Linux is one clock for every
 * process, so the benchmark subtracts the moment it started the process. */

static void
after_paint_cb (GdkFrameClock *clock,
                TlWindow      *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_print ("ready: %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time (),
           g_list_model_get_n_items (G_LIST_MODEL (self->events)));
  fflush (stdout);
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

/* Runs in the update phase of each frame: once settled, the paint of
 * this same frame draws it, and its after-paint marks the moment. */
static gboolean
ready_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  TlWindow *self = TL_WINDOW (widget);

  if (!gtk_widget_get_mapped (widget) || !tl_window_is_settled (self))
    return G_SOURCE_CONTINUE;

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
  return G_SOURCE_REMOVE;
}

/**
 * tl_window_report_ready:
 *
 * Prints "ready: TIME N" (the monotonic clock in µs, and the number of
 * events listed) after the first frame that shows the window's events,
 * then quits the application. For benchmarks only.
 */
void
tl_window_report_ready (TlWindow *self)
{
  g_return_if_fail (TL_IS_WINDOW (self));

  gtk_widget_add_tick_callback (GTK_WIDGET (self), ready_tick_cb, NULL, NULL);
}
