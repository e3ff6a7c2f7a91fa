/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tl-case-board.h"
#include "tl-store-watch.h"
#include "tl-summary.h"
#include "tl-test-store.h"
#include "tl-time.h"

/* Fixtures counted by hand: each event's counts are written out, and the
 * expected figures below were added up on paper from this table. The
 * same night is counted in memory (tl_summary_compute(), the briefing's)
 * and by the store in SQL (tl_store_summarize(), the window's and
 * `tideline summary`'s). */

#define HOUR G_GINT64_CONSTANT (3600)

typedef struct {
  TlEventKind   kind;
  TlEventStatus status;
  int           case_ref;   /* 0: none; else an index into the cases below, from 1 */
  int           boats, people, rescued, deceased, missing;
  const char   *details;
} Row;

#define U TL_COUNT_UNKNOWN

/* A night of fourteen reports:
 * - four boats went to sea (1, 2, 3, 6): 1 + 2 + 1 (uncounted: one boat) + 1 = 5 boats,
 *   52 + 95 + 0 (uncounted people) + 20 = 167 people; row 6's action on
 *   shore is "none", which kept no one from the sea;
 * - two launches were stopped on the beach (4 deterred, 5 people returned): 2 boats,
 *   and their 70 people are not "at sea";
 * - rescues: 49 (case A, landed in the UK with no arrival report in its case),
 *   40 returned to France (outcome only, no count), 30 of case B (12 returned to France,
 *   18 landed in the UK, but case B has an arrival report that counts them): rescued
 *   49 + 40 + 30 = 119, returned 40 + 12 = 52;
 * - landed in the UK: 49 (rescue of case A) + 61 + 18 (arrivals) = 128;
 * - deceased 1 and missing 2, from the rescue of case A. */
static const Row night[] = {
  /* 1 */ { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CONFIRMED, 1, 1, 52, U, U, U, NULL },
  /* 2 */ { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CLOSED,    0, 2, 95, U, U, U, NULL },
  /* 3 */ { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_REPORTED,  0, U, U,  U, U, U, NULL },
  /* 4 */ { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CLOSED,    0, U, 40, U, U, U, "{\"action_on_shore\":\"deterred\"}" },
  /* 5 */ { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CLOSED,    0, 1, 30, U, U, U, "{\"action_on_shore\":\"people_returned\"}" },
  /* 6 */ { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CLOSED,    0, 1, 20, U, U, U, "{\"action_on_shore\":\"none\"}" },
  /* 7 */ { TL_EVENT_KIND_SIGHTING,     TL_EVENT_STATUS_ONGOING,   1, 1, 50, U, U, U, NULL },
  /* 8 */ { TL_EVENT_KIND_RESCUE,       TL_EVENT_STATUS_ONGOING,   1, 1, 52, 49, 1, 2, "{\"landed_uk\":49}" },
  /* 9 */ { TL_EVENT_KIND_RESCUE,       TL_EVENT_STATUS_CLOSED,    0, 1, 40, 40, 0, 0, "{\"outcome\":\"returned_fr\"}" },
  /* 10 */ { TL_EVENT_KIND_RESCUE,      TL_EVENT_STATUS_CLOSED,    2, 1, 30, 30, 0, 0, "{\"outcome\":\"split\",\"returned_fr\":12,\"landed_uk\":18}" },
  /* 11 */ { TL_EVENT_KIND_ARRIVAL,     TL_EVENT_STATUS_CLOSED,    0, 1, 61, U, U, U, NULL },
  /* 12 */ { TL_EVENT_KIND_ARRIVAL,     TL_EVENT_STATUS_CLOSED,    2, 1, 18, U, U, U, NULL },
  /* 13 */ { TL_EVENT_KIND_INTERCEPTION, TL_EVENT_STATUS_CLOSED,   0, 1, 40, U, U, U, NULL },
  /* 14 */ { TL_EVENT_KIND_PATROL,      TL_EVENT_STATUS_ONGOING,   0, U, U,  U, U, U, NULL },
};

static const gint64 expected[TL_SUMMARY_N_FIGURES] = {
  [TL_SUMMARY_BOATS_AT_SEA] = 5,
  [TL_SUMMARY_PREVENTED] = 2,
  [TL_SUMMARY_PEOPLE_AT_SEA] = 167,
  [TL_SUMMARY_RESCUED] = 119,
  [TL_SUMMARY_LANDED_UK] = 128,
  [TL_SUMMARY_RETURNED_FR] = 52,
  [TL_SUMMARY_DECEASED] = 1,
  [TL_SUMMARY_MISSING] = 2,
  [TL_SUMMARY_OPEN_CASES] = 0,   /* depends on who counts: see each test */
};

static TlEvent *
build_event (const Row *row,
             gint64     id,
             gint64     case_id,
             gint64     time)
{
  TlEvent *event = tl_event_new (row->kind);

  tl_event_set_id (event, id);
  tl_event_set_time (event, time);
  tl_event_set_status (event, row->status);
  tl_event_set_case_id (event, case_id);
  tl_event_set_boats (event, row->boats);
  tl_event_set_people (event, row->people);
  tl_event_set_rescued (event, row->rescued);
  tl_event_set_deceased (event, row->deceased);
  tl_event_set_missing (event, row->missing);
  tl_event_set_details (event, row->details);
  return event;
}

static GPtrArray *
build (const Row *rows,
       guint      n_rows)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (events, build_event (&rows[i], i + 1, rows[i].case_ref, 1000 + i));

  return events;
}

static void
assert_night (const TlSummary *s)
{
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    if (i != TL_SUMMARY_OPEN_CASES)
      {
        if (s->values[i] != expected[i])
          g_error ("%s: %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                   tl_summary_figure_get_key (i), s->values[i], expected[i]);
      }
}

static void
test_night (void)
{
  g_autoptr(GPtrArray) events = build (night, G_N_ELEMENTS (night));
  TlSummary s;

  tl_summary_compute (events, &s);
  assert_night (&s);
  /* In memory, without the cases table: case A, whose reports are not
   * all closed. Case B's reports are all closed; row 3 is in no case. */
  g_assert_cmpint (s.values[TL_SUMMARY_OPEN_CASES], ==, 1);
}

/* The same night in a database, between 02:00 and 10:00 of 1 March 2026,
 * with five cases: A (in distress, reports that night), B (landed), C
 * (confirmed, its only report the day before: no report in the window),
 * D (possible, opened now, no report at all) and E (closed). */
static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tl_test_store_address ("summary.db");
  g_autoptr(GTimeZone) zone = tl_time_zone_new ("Europe/Paris");
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlFilter) filter = NULL;
  static const TlCaseStatus statuses[] = {
    TL_CASE_STATUS_DISTRESS, TL_CASE_STATUS_LANDED, TL_CASE_STATUS_CONFIRMED,
    TL_CASE_STATUS_POSSIBLE, TL_CASE_STATUS_CLOSED,
  };
  gint64 cases[G_N_ELEMENTS (statuses)];
  gint64 day, to;
  TlSummary s;

  store = tl_store_open (path, &error);
  g_assert_no_error (error);
  tl_time_day_range (zone, 2026, 3, 1, &day, &to);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      cases[i] = tl_store_create_case (store, statuses[i], NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (night); i++)
    {
      g_autoptr(TlEvent) event = build_event (&night[i], 0,
                                              night[i].case_ref ? cases[night[i].case_ref - 1] : 0,
                                              day + 2 * HOUR + i * 10 * 60);

      g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
      g_assert_no_error (error);
    }
  {
    /* Case C's one report, the day before; case E's, that night. */
    static const Row c_row = { TL_EVENT_KIND_SIGHTING, TL_EVENT_STATUS_CONFIRMED, 0, 1, U, U, U, U, NULL };
    g_autoptr(TlEvent) c = build_event (&c_row, 0, cases[2], day - 3 * HOUR);
    g_autoptr(TlEvent) e = build_event (&c_row, 0, cases[4], day + 4 * HOUR);

    g_assert_true (tl_store_add_event (store, c, "desk-1", &error));
    g_assert_true (tl_store_add_event (store, e, "desk-1", &error));
    g_assert_no_error (error);
  }

  filter = tl_filter_new (day, to);
  g_assert_true (tl_store_summarize (store, filter, &s, &error));
  g_assert_no_error (error);
  assert_night (&s);
  /* A and C; not B (landed), D (no report before the window's end, and
   * opened after it) or E (closed). */
  g_assert_cmpint (s.values[TL_SUMMARY_OPEN_CASES], ==, 2);

  /* A window up to now: D, opened in this test, is open by then. */
  filter->to = g_get_real_time () / G_USEC_PER_SEC + 1;
  g_assert_true (tl_store_summarize (store, filter, &s, &error));
  g_assert_cmpint (s.values[TL_SUMMARY_OPEN_CASES], ==, 3);

  /* Before the night, only C had a report. */
  filter->to = day + 2 * HOUR;
  g_assert_true (tl_store_summarize (store, filter, &s, &error));
  for (guint i = 0; i < TL_SUMMARY_OPEN_CASES; i++)
    g_assert_cmpint (s.values[i], ==, 0);
  g_assert_cmpint (s.values[TL_SUMMARY_OPEN_CASES], ==, 1);

  /* Departures only: the other kinds' figures fall to nothing; open
   * cases are cases, whatever the filter. */
  filter->to = to;
  filter->kinds = 1u << TL_EVENT_KIND_DEPARTURE;
  g_assert_true (tl_store_summarize (store, filter, &s, &error));
  g_assert_cmpint (s.values[TL_SUMMARY_BOATS_AT_SEA], ==, 5);
  g_assert_cmpint (s.values[TL_SUMMARY_PREVENTED], ==, 2);
  g_assert_cmpint (s.values[TL_SUMMARY_RESCUED], ==, 0);
  g_assert_cmpint (s.values[TL_SUMMARY_LANDED_UK], ==, 0);
  g_assert_cmpint (s.values[TL_SUMMARY_OPEN_CASES], ==, 2);

  g_assert_cmpint (tl_store_count_in_window (store, day, to, &error), ==, G_N_ELEMENTS (night) + 1);

  /* The board lists the same open cases: A, C and D, newest first; D
   * has no report, C's one report has no position. */
  {
    g_autoptr(GPtrArray) open = tl_store_list_open_cases (store, g_get_real_time () / G_USEC_PER_SEC + 1,
                                                          &error);
    const TlOpenCase *d, *c;

    g_assert_no_error (error);
    g_assert_cmpuint (open->len, ==, 3);
    d = g_ptr_array_index (open, 0);
    c = g_ptr_array_index (open, 2);
    g_assert_cmpint (d->id, ==, cases[3]);
    g_assert_cmpint (d->last_event_id, ==, 0);
    g_assert_cmpint (d->boats, ==, TL_COUNT_UNKNOWN);
    g_assert_cmpint (c->id, ==, cases[2]);
    g_assert_cmpint (c->last_contact, ==, day - 3 * HOUR);
    g_assert_false (c->has_position);
  }

  /* `tideline summary --json` prints the same figures, one key each,
   * with no display. */
  {
    g_autofree char *tideline = g_test_build_filename (G_TEST_BUILT, "..", "src", "tideline", NULL);
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
    g_autoptr(GSubprocess) process = NULL;
    g_autofree char *out = NULL;

    g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
    g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
    process = g_subprocess_launcher_spawn (launcher, &error, tideline, "summary", "--database", path,
                                           "--from", "2026-03-01", "--json", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
      {
        g_autofree char *line = g_strdup_printf ("\"%s\" : %" G_GINT64_FORMAT,
                                                 tl_summary_figure_get_key (i),
                                                 i == TL_SUMMARY_OPEN_CASES ? 2 : expected[i]);

        g_assert_nonnull (strstr (out, line));
      }
  }
}

static void
test_empty_and_model (void)
{
  g_autoptr(GPtrArray) none = build (NULL, 0);
  g_autoptr(GPtrArray) events = build (night, G_N_ELEMENTS (night));
  g_autoptr(GListStore) store = g_list_store_new (TL_TYPE_EVENT);
  TlSummary a, b;

  tl_summary_compute (none, &a);
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    g_assert_cmpint (a.values[i], ==, 0);

  for (guint i = 0; i < events->len; i++)
    g_list_store_append (store, events->pdata[i]);
  tl_summary_compute (events, &a);
  tl_summary_compute_model (G_LIST_MODEL (store), &b);
  g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
}

static void
test_change_and_words (void)
{
  g_autofree char *up = tl_summary_format_change (12, 5);
  g_autofree char *down = tl_summary_format_change (2, 5);
  g_autofree char *same = tl_summary_format_change (5, 5);
  g_autofree char *json = NULL;
  TlSummary s = { { 0 } };

  g_assert_cmpstr (up, ==, "↑ 7");
  g_assert_cmpstr (down, ==, "↓ 3");
  g_assert_cmpstr (same, ==, "= 0");
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    {
      g_assert_nonnull (tl_summary_figure_get_label (i));
      g_assert_nonnull (tl_summary_figure_get_key (i));
      g_assert_cmpuint (strlen (tl_summary_figure_get_definition (i)), >, 20);
    }
  g_assert_true (tl_summary_figure_is_bad_up (TL_SUMMARY_DECEASED));
  g_assert_false (tl_summary_figure_is_bad_up (TL_SUMMARY_RESCUED));

  s.values[TL_SUMMARY_PREVENTED] = 5;
  s.values[TL_SUMMARY_OPEN_CASES] = 1;
  json = tl_summary_to_json (&s);
  g_assert_nonnull (strstr (json, "\"launches_prevented\" : 5"));
  g_assert_nonnull (strstr (json, "\"open_cases\" : 1"));
  g_assert_nonnull (strstr (json, "\"boats_at_sea\" : 0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/summary/night", test_night);
  g_test_add_func ("/summary/store", test_store);
  g_test_add_func ("/summary/empty-and-model", test_empty_and_model);
  g_test_add_func ("/summary/change-and-words", test_change_and_words);

  return g_test_run ();
}
