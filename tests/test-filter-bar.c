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

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
is_active (gpointer data)
{
  return gtk_toggle_button_get_active (data);
}

static gboolean
is_inactive (gpointer data)
{
  return !gtk_toggle_button_get_active (data);
}

/* The item of @popover that reads @label. */
static GtkWidget *
find_item (GtkWidget  *root,
           const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child))
        {
          GtkWidget *box = gtk_button_get_child (GTK_BUTTON (child));
          GtkWidget *text = box != NULL ? gtk_widget_get_last_child (box) : NULL;

          if (GTK_IS_LABEL (text) && g_str_equal (gtk_label_get_text (GTK_LABEL (text)), label))
            return child;
        }
      if ((found = find_item (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkMenuButton *
find_menu_button (GtkWidget  *root,
                  const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return GTK_MENU_BUTTON (child);
      if ((found = find_menu_button (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
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

/* Checking a kind leaves its menu open for the next; "All Kinds" closes
 * it. The keys move between the items as in any menu. */
static void
test_menu_stays_open (TlTestFixture *fixture,
                      gconstpointer  data)
{
  TlWindow *window = tl_test_present_window (fixture);
  GtkWidget *bar = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_FILTER_BAR);
  GtkMenuButton *button = find_menu_button (bar, "Kind of Report");
  GtkWidget *popover, *rescue, *departure, *all;

  g_assert_nonnull (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  rescue = find_item (popover, "Rescue");
  departure = find_item (popover, "Departure");
  all = find_item (popover, "All Kinds");
  g_assert_nonnull (rescue);
  g_assert_nonnull (departure);
  g_assert_nonnull (all);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (rescue)), ==,
                   GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX);

  gtk_menu_button_popup (button);
  wait_for (is_mapped, popover);

  /* Two checks, one after the other (as Space does: a button's
   * activation clicks it a moment later), in the menu that stayed open. */
  g_assert_true (gtk_widget_activate (departure));
  wait_for (is_active, departure);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_activate (rescue));
  wait_for (is_active, rescue);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (departure)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "2 Kinds");

  /* Down from one item focuses the next, as the arrow key does. */
  gtk_widget_grab_focus (departure);
  g_assert_true (gtk_widget_child_focus (popover, GTK_DIR_DOWN));
  g_assert_false (gtk_widget_has_focus (departure));
  g_assert_true (gtk_widget_is_focus (gtk_widget_get_next_sibling (departure)));

  /* A check unchecked again, then "All Kinds", which closes the menu. */
  g_assert_true (gtk_widget_activate (rescue));
  wait_for (is_inactive, rescue);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Departure");
  g_assert_true (gtk_widget_activate (all));
  wait_for (is_unmapped, popover);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (departure)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "All Kinds");

  tl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/filter-bar/several-values", test_several_values);
  tl_test_add ("/filter-bar/menu-stays-open", test_menu_stays_open);

  return tl_test_ui_run ();
}
