/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-filter-bar.h"
#include "tl-review.h"
#include "tl-statistics-dialog.h"
#include "tl-summary-bar.h"
#include "tl-time.h"
#include "tl-time-strip.h"
#include "tl-trend-chart.h"
#include "tl-trend-period.h"

#define HOUR G_GINT64_CONSTANT (3600)

typedef struct {
  char      *path;
  TlStore   *store;
  TlReview  *review;
  GTimeZone *zone;
  gint64     day;
} Fixture;

/* Long enough for a machine whose other core is busy; a test that passes
 * waits far less. */
#define DEADLINE_MS 10000

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, failing the test if it does
 * not by the deadline: never a count of iterations, which a busy machine
 * gets through before idle work and frames have run. */
static void
wait_for (Condition     condition,
          gpointer      data,
          const char   *what)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;
  guint wake = g_timeout_add (10, wake_up, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Still waiting after %d ms for %s", DEADLINE_MS, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

typedef struct {
  TlSummaryBar    *bar;
  TlSummaryFigure  figure;
  const char      *text;
} Shown;

static gboolean
figure_shown (gpointer data)
{
  Shown *shown = data;

  return g_strcmp0 (tl_summary_bar_get_value_text (shown->bar, shown->figure), shown->text) == 0;
}

static void
wait_for_figure (TlSummaryBar    *bar,
                 TlSummaryFigure  figure,
                 const char      *text)
{
  Shown shown = { bar, figure, text };
  g_autofree char *what = g_strdup_printf ("figure %d to show \"%s\" (shows \"%s\")", figure, text,
                                           tl_summary_bar_get_value_text (bar, figure));

  wait_for (figure_shown, &shown, what);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys @window and waits until it is gone. */
static void
destroy_window (GtkWidget *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (is_null, &window, "the window to be finalized");
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The chart counts on the store's worker once shown. */
static gboolean
has_trend (gpointer data)
{
  return tl_trend_chart_get_trend (data) != NULL;
}

static void
add_in_case (TlStore       *store,
             TlEventKind    kind,
             TlEventStatus  status,
             gint64         time,
             int            people,
             const char    *operator_name,
             gint64         case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (kind);

  g_assert_cmpint (case_id, >=, 0);
  tl_event_set_case_id (event, case_id);
  tl_event_set_time (event, time);
  tl_event_set_status (event, status);
  tl_event_set_people (event, people);
  g_assert_true (tl_store_add_event (store, event, operator_name, &error));
  g_assert_no_error (error);
}

static void
add (TlStore       *store,
     TlEventKind    kind,
     TlEventStatus  status,
     gint64         time,
     int            people,
     const char    *operator_name)
{
  add_in_case (store, kind, status, time, people, operator_name, 0);
}

/* Yesterday: one departure of 40. Today: departures of 50 and 60 at
 * 02:00 and 05:00, an open rescue at 06:00 (an open case), a closed arrival at 09:00. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static guint counter;
  g_autofree char *name = g_strdup_printf ("timeline-%u.db", ++counter);
  gint64 to;

  f->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  f->store = tl_store_open (f->path, &error);
  g_assert_no_error (error);
  f->zone = tl_time_zone_new ("Europe/London");
  tl_time_day_range_at (f->zone, g_get_real_time () / G_USEC_PER_SEC, &f->day, &to);

  add (f->store, TL_EVENT_KIND_DEPARTURE, TL_EVENT_STATUS_CLOSED, tl_time_shift_days (f->zone, f->day, -1) + 2 * HOUR, 40, "desk-2");
  add (f->store, TL_EVENT_KIND_DEPARTURE, TL_EVENT_STATUS_CLOSED, f->day + 2 * HOUR, 50, "desk-2");
  add (f->store, TL_EVENT_KIND_DEPARTURE, TL_EVENT_STATUS_CLOSED, f->day + 5 * HOUR, 60, "me");
  add_in_case (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_ONGOING, f->day + 6 * HOUR, 60, "desk-2",
               tl_store_create_case (f->store, TL_CASE_STATUS_DISTRESS, NULL, &error));
  add (f->store, TL_EVENT_KIND_ARRIVAL, TL_EVENT_STATUS_CLOSED, f->day + 9 * HOUR, 60, "desk-2");

  f->review = tl_review_new (f->store, f->zone, "me");
  tl_review_show_day (f->review, f->day);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->review);
  g_assert_finalize_object (f->store);
  g_time_zone_unref (f->zone);
  g_free (f->path);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (tl_review_get_model (f->review));
}

static void
test_review_filter_cursor_summary (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(TlFilter) filter = tl_filter_new (0, 0);
  TlSummary current, previous;

  g_assert_cmpuint (n_shown (f), ==, 4);
  tl_review_get_summary (f->review, &current, &previous);
  g_assert_cmpint (current.values[TL_SUMMARY_BOATS_AT_SEA], ==, 2);
  g_assert_cmpint (current.values[TL_SUMMARY_PEOPLE_AT_SEA], ==, 110);
  g_assert_cmpint (current.values[TL_SUMMARY_LANDED_UK], ==, 60);
  g_assert_cmpint (current.values[TL_SUMMARY_OPEN_CASES], ==, 1);
  g_assert_cmpint (previous.values[TL_SUMMARY_BOATS_AT_SEA], ==, 1);
  g_assert_cmpint (previous.values[TL_SUMMARY_PEOPLE_AT_SEA], ==, 40);
  /* The case's first report is today's. */
  g_assert_cmpint (previous.values[TL_SUMMARY_OPEN_CASES], ==, 0);

  /* The filter narrows the list and the figures alike; open cases are
   * cases, whatever the filter. */
  filter->kinds = 1u << TL_EVENT_KIND_DEPARTURE;
  tl_review_set_filter (f->review, filter);
  g_assert_cmpuint (n_shown (f), ==, 2);
  tl_review_get_summary (f->review, &current, NULL);
  g_assert_cmpint (current.values[TL_SUMMARY_LANDED_UK], ==, 0);
  g_assert_cmpint (current.values[TL_SUMMARY_PEOPLE_AT_SEA], ==, 110);
  g_assert_cmpint (current.values[TL_SUMMARY_OPEN_CASES], ==, 1);
  /* Words: counted over the events found, the same figures. */
  filter->kinds = 0;
  tl_filter_set_text (filter, "approx");
  tl_review_set_filter (f->review, filter);
  tl_review_get_summary (f->review, &current, NULL);
  g_assert_cmpint (current.values[TL_SUMMARY_PEOPLE_AT_SEA], ==, 0);
  g_assert_cmpint (current.values[TL_SUMMARY_OPEN_CASES], ==, 1);
  tl_filter_set_text (filter, NULL);
  filter->kinds = 0;
  tl_review_set_filter (f->review, filter);

  /* Replay: only what had happened by the cursor. */
  tl_review_set_cursor (f->review, f->day + 5 * HOUR + 30 * 60);
  g_assert_true (tl_review_is_replaying (f->review));
  g_assert_cmpuint (n_shown (f), ==, 2);
  tl_review_get_summary (f->review, &current, &previous);
  g_assert_cmpint (current.values[TL_SUMMARY_PEOPLE_AT_SEA], ==, 110);
  g_assert_cmpint (current.values[TL_SUMMARY_OPEN_CASES], ==, 0);
  tl_review_set_cursor (f->review, f->day + 7 * HOUR);
  g_assert_cmpuint (n_shown (f), ==, 3);
  tl_review_get_summary (f->review, &current, NULL);
  g_assert_cmpint (current.values[TL_SUMMARY_OPEN_CASES], ==, 1);
  g_assert_cmpint (current.values[TL_SUMMARY_LANDED_UK], ==, 0);
  tl_review_set_cursor (f->review, G_MAXINT64);
  g_assert_false (tl_review_is_replaying (f->review));
  g_assert_cmpuint (n_shown (f), ==, 4);

  /* Day navigation stops at today. */
  g_assert_false (tl_review_can_go_forward (f->review));
  tl_review_shift (f->review, 1);
  g_assert_cmpint (tl_review_get_from (f->review), ==, f->day);

  /* The previous day, by the arrow; from there, forward again to today. */
  tl_review_shift (f->review, -1);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpint (tl_review_get_preset (f->review), ==, TL_WINDOW_PRESET_DAY);
  g_assert_true (tl_review_can_go_forward (f->review));
  tl_review_shift (f->review, 1);
  g_assert_cmpint (tl_review_get_from (f->review), ==, f->day);
  tl_review_shift (f->review, -1);
}

static void
test_review_unseen (Fixture       *f,
                    gconstpointer  data)
{
  guint first = 0;

  /* Never looked: a first look marks nothing, or every report of a
   * database opened for the first time would be "new". */
  g_assert_cmpint (tl_review_get_seen_before (f->review), ==, 0);
  g_assert_cmpuint (tl_review_count_unseen (f->review, &first), ==, 0);
  g_assert_cmpuint (first, ==, GTK_INVALID_LIST_POSITION);

  /* Looked long ago: everything is new, except what "me" wrote. */
  tl_review_set_seen_before (f->review, 1);
  g_assert_cmpuint (tl_review_count_unseen (f->review, &first), ==, 3);
  g_assert_cmpuint (first, ==, 0);
  tl_review_mark_seen (f->review);
  g_assert_cmpuint (tl_review_count_unseen (f->review, NULL), ==, 0);

  /* Another desk writes, through another connection. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TlStore) other = tl_store_open (f->path, &error);

    g_assert_no_error (error);
    /* Times are whole seconds: let one pass after "seen". */
    g_usleep (1100 * 1000);
    add (other, TL_EVENT_KIND_SIGHTING, TL_EVENT_STATUS_REPORTED, f->day + 3 * HOUR, 30, "desk-3");
  }
  g_assert_true (tl_store_check_for_changes (f->store));
  g_assert_cmpuint (n_shown (f), ==, 5);
  g_assert_cmpuint (tl_review_count_unseen (f->review, &first), ==, 1);
  g_assert_cmpuint (first, ==, 1);
}

static gboolean
cursor_moved (gpointer data)
{
  Fixture *f = data;

  return tl_review_is_replaying (f->review) && tl_review_get_cursor (f->review) > f->day;
}

static void
test_widgets (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  TlTimeStrip *strip = tl_time_strip_new ();
  TlSummaryBar *bar = tl_summary_bar_new ();
  TlFilterBar *filter_bar = tl_filter_bar_new ();
  gint64 cursor;

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (filter_bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (strip));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 200);
  tl_time_strip_set_review (strip, f->review);
  tl_summary_bar_set_review (bar, f->review);
  tl_filter_bar_set_review (filter_bar, f->review);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window, "the window to be shown");
  wait_for_figure (bar, TL_SUMMARY_PEOPLE_AT_SEA, "110");

  /* Keyboard: Home goes to the start, arrows step, End goes live. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (strip), "strip.start", NULL));
  g_assert_cmpint (tl_review_get_cursor (f->review), ==, f->day);
  g_assert_cmpuint (n_shown (f), ==, 0);
  /* The figures follow on idle, once per burst of changes. */
  wait_for_figure (bar, TL_SUMMARY_PEOPLE_AT_SEA, "0");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (strip), "strip.step", "i", 16));
  cursor = tl_review_get_cursor (f->review);
  g_assert_cmpint (cursor, >, f->day);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (strip), "strip.step", "i", -1));
  g_assert_cmpint (tl_review_get_cursor (f->review), <, cursor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (strip), "strip.end", NULL));
  g_assert_false (tl_review_is_replaying (f->review));

  /* Play runs the cursor through the window on the frame clock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (strip), "strip.play", NULL));
  g_assert_true (tl_time_strip_get_playing (strip));
  wait_for (cursor_moved, f, "the replay to move the cursor");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (strip), "strip.play", NULL));
  g_assert_false (tl_time_strip_get_playing (strip));

  destroy_window (window);
}

/* The trend chart counts the fixture's departures by day; the import
 * dialog refuses a file with a bad row unless asked for the good ones. */
static void
test_trend_and_import (Fixture       *f,
                       gconstpointer  data)
{
  static const char csv[] =
    "Date,Migrants arrived,Boats arrived\n"
    "2026-03-27,100,2\n"
    "28/03/2026,ten,1\n"
    "2026-03-29,87,2\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  GtkWidget *window = gtk_window_new ();
  TlTrendChart *chart = tl_trend_chart_new ();
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  TlStatisticsDialog *dialog;
  const TlTrend *trend;
  GtkSwitch *good_only;

  adw_toast_overlay_set_child (toasts, GTK_WIDGET (chart));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (toasts));
  tl_trend_chart_set_review (chart, f->review);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window, "the window to be shown");
  wait_for (has_trend, chart, "the chart's counts");

  trend = tl_trend_chart_get_trend (chart);
  g_assert_nonnull (trend);
  g_assert_cmpuint (tl_trend_get_n_days (trend), ==, TL_TREND_MIN_DAYS);
  /* Today: departures of 50 and 60; yesterday one of 40. */
  g_assert_cmpint (tl_trend_get_day (trend, 29)->values[TL_TREND_PEOPLE], ==, 110);
  g_assert_cmpint (tl_trend_get_day (trend, 28)->values[TL_TREND_PEOPLE], ==, 40);

  dialog = tl_statistics_dialog_new (GTK_WINDOW (window), f->store, toasts, bytes, "figures.csv");
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (is_mapped, dialog, "the dialog to be shown");
  g_assert_false (tl_statistics_dialog_can_import (dialog));
  /* All or nothing: Import does nothing while a row is bad. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "statistics.import", NULL);
  days = tl_store_list_statistics (f->store, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_array_unref);

  good_only = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (dialog), TL_TYPE_STATISTICS_DIALOG,
                                                         "good_only_switch"));
  gtk_switch_set_active (good_only, TRUE);
  g_assert_true (tl_statistics_dialog_can_import (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "statistics.import", NULL));
  /* The write runs on the store's worker: Import is busy, and the dialog
   * stays until it is done. */
  g_assert_false (tl_statistics_dialog_can_import (dialog));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (dialog)));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (dialog);
  wait_for (is_null, &dialog, "the dialog to close");
  days = tl_store_list_statistics (f->store, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 1).people, ==, 87);

  destroy_window (window);
}

static gboolean
has_weeks (gpointer data)
{
  const TlTrend *trend = tl_trend_chart_get_trend (data);

  return trend != NULL && tl_trend_get_n_weeks (trend) > 0;
}

/* A weekly series chosen in the import dialog is recognised as weeks,
 * imported as weeks, and drawn on the chart beside the days, which a
 * screen reader hears about. */
static void
test_trend_weekly_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (f->day + 12 * 3600);
  g_autofree char *iso_week = g_date_time_format (day, "%G-W%V");
  g_autofree char *csv = g_strdup_printf ("Semaine,Personnes\n%s,700\n", iso_week);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *description = NULL;
  GtkWidget *window = gtk_window_new ();
  TlTrendChart *chart = tl_trend_chart_new ();
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  TlStatisticsDialog *dialog;
  const TlTrend *trend;

  adw_toast_overlay_set_child (toasts, GTK_WIDGET (chart));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (toasts));
  tl_trend_chart_set_review (chart, f->review);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window, "the window to be shown");
  wait_for (has_trend, chart, "the chart's counts");
  g_assert_cmpuint (tl_trend_get_n_weeks (tl_trend_chart_get_trend (chart)), ==, 0);

  dialog = tl_statistics_dialog_new (GTK_WINDOW (window), f->store, toasts, bytes, "weekly.csv");
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (is_mapped, dialog, "the dialog to be shown");
  g_assert_true (tl_statistics_dialog_can_import (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "statistics.import", NULL));
  wait_for (is_null, &dialog, "the dialog to close");

  weeks = tl_store_list_statistics_weeks (f->store, "0000-01-01", "9999-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 1);
  g_assert_cmpstr (g_array_index (weeks, TlStatisticsWeek, 0).week, ==, iso_week);
  g_assert_cmpint (g_array_index (weeks, TlStatisticsWeek, 0).people, ==, 700);

  wait_for (has_weeks, chart, "the chart to show the week");
  trend = tl_trend_chart_get_trend (chart);
  g_assert_cmpint (tl_trend_get_week (trend, 0)->people, ==, 700);
  g_assert_cmpint (tl_trend_get_scale_top (trend, TL_TREND_MEASURE_PEOPLE), >=, 100);
  description = tl_trend_describe (trend, TL_TREND_MEASURE_PEOPLE);
  g_assert_nonnull (strstr (description, "weekly figure"));

  destroy_window (window);
}

/* Over a year the chart counts whole weeks, every departure in one of
 * them, and a screen reader hears weeks. */
static void
test_trend_long (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  TlTrendChart *chart = tl_trend_chart_new ();
  const TlTrend *trend;
  gint64 from = tl_time_shift_days (f->zone, f->day, -364);
  g_autofree char *description = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  tl_review_set_range (f->review, from, tl_time_shift_days (f->zone, f->day, 1));
  tl_trend_chart_set_review (chart, f->review);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window, "the window to be shown");
  wait_for (has_trend, chart, "the chart's counts");

  trend = tl_trend_chart_get_trend (chart);
  g_assert_nonnull (trend);
  g_assert_cmpint (tl_trend_get_period (trend), ==, TL_TREND_PERIOD_WEEK);
  g_assert_cmpuint (tl_trend_get_n_days (trend), >=, 53);
  g_assert_cmpuint (tl_trend_get_n_days (trend), <=, 54);
  /* Whole weeks: from a Monday at or before the window's first day. */
  g_assert_cmpint (tl_trend_get_from (trend), <=, from);
  g_assert_cmpint (tl_trend_get_from (trend), >, tl_time_shift_days (f->zone, from, -7));
  /* The fixture's three departures: 40, 50 and 60 people. */
  g_assert_cmpint (tl_trend_get_total (trend, TL_TREND_MEASURE_PEOPLE), ==, 150);
  description = tl_trend_describe (trend, TL_TREND_MEASURE_PEOPLE);
  g_assert_true (g_str_has_prefix (description, "Tideline counted 150 people on departures from Week "));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("tideline-test-timeline-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int ret;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system data dirs (see
   * test-window.c). */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_mkdir_with_parents (data, 0700);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/review/filter-cursor-summary", Fixture, NULL, fixture_set_up, test_review_filter_cursor_summary, fixture_tear_down);
  g_test_add ("/review/unseen", Fixture, NULL, fixture_set_up, test_review_unseen, fixture_tear_down);
  g_test_add ("/timeline/widgets", Fixture, NULL, fixture_set_up, test_widgets, fixture_tear_down);
  g_test_add ("/timeline/trend-and-import", Fixture, NULL, fixture_set_up, test_trend_and_import, fixture_tear_down);
  g_test_add ("/timeline/trend-long", Fixture, NULL, fixture_set_up, test_trend_long, fixture_tear_down);
  g_test_add ("/timeline/trend-weekly-import", Fixture, NULL, fixture_set_up, test_trend_weekly_import, fixture_tear_down);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (data, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (data, name, NULL);
        g_unlink (path);
      }
    g_rmdir (data);
    g_rmdir (home);
  }

  return ret;
}
