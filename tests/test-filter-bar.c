/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-filter-bar.h"
#include "tl-test-ui.h"

/* The kind and status filters take several values at once: rescues and
 * departures, ongoing and closed; the list and the store agree. */

#define DEADLINE_MS 10000

typedef struct {
  GListModel *model;
  guint       n;
} Count;

static gboolean
has_n (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

static void
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gint64
today_at (double fraction)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 day_start = g_date_time_to_unix (midnight);

  return day_start + (gint64) ((g_date_time_to_unix (now) - day_start) * fraction);
}

static void
test_several_values (TlTestFixture *fixture,
                     gconstpointer  data)
{
  static const struct { TlEventKind kind; TlEventStatus status; } reports[] = {
    { TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_CLOSED },
    { TL_EVENT_KIND_DEPARTURE, TL_EVENT_STATUS_ONGOING },
    { TL_EVENT_KIND_SIGHTING, TL_EVENT_STATUS_ONGOING },
    { TL_EVENT_KIND_PATROL, TL_EVENT_STATUS_REPORTED },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TlFilter) filter = NULL;
  g_autoptr(GPtrArray) found = NULL;
  TlWindow *window;
  GtkWidget *bar;
  Count count;

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(TlEvent) event = tl_event_new (reports[i].kind);

      tl_event_set_time (event, today_at ((i + 1) / 5.0));
      tl_event_set_status (event, reports[i].status);
      g_assert_true (tl_store_add_event (fixture->store, event, "desk-1", &error));
      g_assert_no_error (error);
    }

  /* The store: rescues and departures together. */
  filter = tl_filter_new (today_at (0), today_at (1) + 1);
  filter->kinds = (1u << TL_EVENT_KIND_RESCUE) | (1u << TL_EVENT_KIND_DEPARTURE);
  found = tl_store_query_events (fixture->store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);

  window = tl_test_present_window (fixture);
  bar = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_FILTER_BAR);
  g_assert_nonnull (bar);
  /* The day's reports as the window lists them: window and filter. */
  count.model = tl_window_get_events (window);
  count.n = 4;
  wait_for (has_n, &count);

  /* Two kinds checked in the kind menu: both shown, the others not. */
  g_assert_true (gtk_widget_activate_action (bar, "filter.kind-rescue", NULL));
  count.n = 1;
  wait_for (has_n, &count);
  g_assert_true (gtk_widget_activate_action (bar, "filter.kind-departure", NULL));
  count.n = 2;
  wait_for (has_n, &count);

  /* Two statuses as well: ongoing and closed keep both; ongoing alone
   * keeps the departure. */
  g_assert_true (gtk_widget_activate_action (bar, "filter.status-ongoing", NULL));
  count.n = 1;
  wait_for (has_n, &count);
  g_assert_true (gtk_widget_activate_action (bar, "filter.status-closed", NULL));
  count.n = 2;
  wait_for (has_n, &count);
  g_assert_true (gtk_widget_activate_action (bar, "filter.status-closed", NULL));
  count.n = 1;
  wait_for (has_n, &count);

  /* "Open Cases" is its own set; "All Kinds" and "Any Status" clear. */
  g_assert_true (gtk_widget_activate_action (bar, "filter.open-cases", NULL));
  g_assert_true (gtk_widget_activate_action (bar, "filter.all-kinds", NULL));
  count.n = 3;
  wait_for (has_n, &count);
  g_assert_true (gtk_widget_activate_action (bar, "filter.any-status", NULL));
  count.n = 4;
  wait_for (has_n, &count);

  tl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/filter-bar/several-values", test_several_values);

  return tl_test_ui_run ();
}
