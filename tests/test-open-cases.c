/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-open-cases-window.h"

/* The open-cases board with a fake clock: its order, overdue cases
 * announced once each, and Enter opening a case's latest report. */

#define MINUTE G_GINT64_CONSTANT (60)
#define DEADLINE_MS 10000

typedef struct {
  char     *dir;
  char     *path;
  TlStore  *store;
  gint64    now;           /* the fake clock */
  gint64    cases[6];      /* A to F */
  gint64    last_event[6];
  GArray   *announced;     /* of gint64 case ids */
  gint64    opened;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
add_case (Fixture      *f,
          guint         index,
          TlCaseStatus  status,
          TlEventKind   kind,
          gint64        minutes_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (kind);

  f->cases[index] = tl_store_create_case (f->store, status, NULL, &error);
  g_assert_no_error (error);
  tl_event_set_time (event, f->now - minutes_ago * MINUTE);
  tl_event_set_case_id (event, f->cases[index]);
  tl_event_set_people (event, 40 + index);
  tl_event_set_position (event, 50.9 + index * 0.01, 1.4);
  tl_event_set_unit (event, "RNLI Dover");
  g_assert_true (tl_store_add_event (f->store, event, "desk-1", &error));
  g_assert_no_error (error);
  f->last_event[index] = tl_event_get_id (event);
}

static void
overdue_cb (TlOpenCasesWindow *board,
            gint64             case_id,
            const char        *text,
            Fixture           *f)
{
  g_assert_nonnull (strstr (text, "no contact for"));
  g_array_append_val (f->announced, case_id);
}

static void
open_report_cb (TlOpenCasesWindow *board,
                gint64             event_id,
                Fixture           *f)
{
  f->opened = event_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tideline-test-open-cases-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "cases.db", NULL);
  f->store = tl_store_open (f->path, &error);
  g_assert_no_error (error);
  f->now = g_get_real_time () / G_USEC_PER_SEC;
  f->announced = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A in distress, 40 min silent (over 30); B confirmed, 60 min (under
   * 2 h); C possible, 3 h; D rescued, 10 min; E landed (not open); F
   * responding, 20 min. */
  add_case (f, 0, TL_CASE_STATUS_DISTRESS, TL_EVENT_KIND_RESCUE, 40);
  add_case (f, 1, TL_CASE_STATUS_CONFIRMED, TL_EVENT_KIND_SIGHTING, 60);
  add_case (f, 2, TL_CASE_STATUS_POSSIBLE, TL_EVENT_KIND_DEPARTURE, 180);
  add_case (f, 3, TL_CASE_STATUS_RESCUED, TL_EVENT_KIND_RESCUE, 10);
  add_case (f, 4, TL_CASE_STATUS_LANDED, TL_EVENT_KIND_ARRIVAL, 5);
  add_case (f, 5, TL_CASE_STATUS_RESPONDING, TL_EVENT_KIND_RESCUE, 20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (f->path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_array_unref (f->announced);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_order (TlOpenCasesWindow *board,
              Fixture           *f,
              const guint       *expected,
              guint              n)
{
  GPtrArray *cases = tl_open_cases_window_get_cases (board);

  g_assert_cmpuint (cases->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((TlOpenCase *) g_ptr_array_index (cases, i))->id, ==, f->cases[expected[i]]);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
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

static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  TlOpenCasesWindow *board = tl_open_cases_window_new (f->store, utc);
  TlOverdueLimits limits = { 30, 120 };
  static const guint first[] = { 0, 2, 5, 1, 3 };
  static const guint later[] = { 0, 1, 2, 5, 3 };
  GtkListBoxRow *row;

  g_signal_connect (board, "overdue", G_CALLBACK (overdue_cb), f);
  g_signal_connect (board, "open-report", G_CALLBACK (open_report_cb), f);
  tl_open_cases_window_set_clock (board, fake_clock, f);

  /* Overdue first (A in distress before C only seen), then the others
   * by status (F responding, B confirmed, D rescued); E landed is not
   * open. */
  assert_order (board, f, first, G_N_ELEMENTS (first));
  g_assert_true (tl_open_case_is_overdue (g_ptr_array_index (tl_open_cases_window_get_cases (board), 0),
                                          f->now, &limits));
  g_assert_cmpuint (f->announced->len, ==, 2);
  g_assert_cmpint (g_array_index (f->announced, gint64, 0), ==, f->cases[0]);
  g_assert_cmpint (g_array_index (f->announced, gint64, 1), ==, f->cases[2]);

  /* Once each: reading again announces nothing new. */
  tl_open_cases_window_refresh (board);
  g_assert_cmpuint (f->announced->len, ==, 2);

  /* 90 minutes later B (confirmed, now 150 min silent) is overdue too;
   * F (110 min) and D (100 min) are not. */
  f->now += 90 * MINUTE;
  tl_open_cases_window_refresh (board);
  assert_order (board, f, later, G_N_ELEMENTS (later));
  g_assert_cmpuint (f->announced->len, ==, 3);
  g_assert_cmpint (g_array_index (f->announced, gint64, 2), ==, f->cases[1]);

  /* The interval comes from the settings: 3 h for the others puts B back. */
  tl_open_cases_window_set_limits (board, 30, 180);
  g_assert_false (tl_open_case_is_overdue (g_ptr_array_index (tl_open_cases_window_get_cases (board), 2),
                                           f->now, &(TlOverdueLimits) { 30, 180 }));

  /* Keyboard: the first row is selected; Enter (the row's activation)
   * opens the case's latest report. */
  gtk_window_present (GTK_WINDOW (board));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (board),
                                                                                    TL_TYPE_OPEN_CASES_WINDOW,
                                                                                    "list")), 0);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_is_selected (row));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpint (f->opened, ==, f->last_event[0]);
  g_assert_cmpstr (tl_open_case_get_next_step (g_ptr_array_index (tl_open_cases_window_get_cases (board), 0)),
                   ==, "Task a unit to the boat");

  g_object_add_weak_pointer (G_OBJECT (board), (gpointer *) &board);
  gtk_window_destroy (GTK_WINDOW (board));
  wait_for (is_null, &board);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/open-cases/board", Fixture, NULL, fixture_set_up, test_board, fixture_tear_down);

  return g_test_run ();
}
