/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-summary.h"

/* Fixtures counted by hand: each event's counts are written out, and the
 * expected figures below were added up on paper from this table. */

typedef struct {
  TlEventKind   kind;
  TlEventStatus status;
  gint64        case_id;   /* 0: none */
  int           boats, people, rescued, deceased, missing;
} Row;

#define U TL_COUNT_UNKNOWN

static GPtrArray *
build (const Row *rows,
       guint      n_rows)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_rows; i++)
    {
      TlEvent *event = tl_event_new (rows[i].kind);

      tl_event_set_id (event, i + 1);
      tl_event_set_status (event, rows[i].status);
      tl_event_set_case_id (event, rows[i].case_id);
      tl_event_set_boats (event, rows[i].boats);
      tl_event_set_people (event, rows[i].people);
      tl_event_set_rescued (event, rows[i].rescued);
      tl_event_set_deceased (event, rows[i].deceased);
      tl_event_set_missing (event, rows[i].missing);
      g_ptr_array_add (events, event);
    }

  return events;
}

/* A night: three departures (one boat uncounted), a sighting and a rescue
 * of the first boat (same case 7), an interception, two arrivals, a
 * patrol still going on. */
static const Row night[] = {
  { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CONFIRMED, 7, 1, 52, U, U, U },
  { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_CLOSED,    0, 2, 95, U, U, U },
  { TL_EVENT_KIND_DEPARTURE,    TL_EVENT_STATUS_REPORTED,  0, U, U,  U, U, U },
  { TL_EVENT_KIND_SIGHTING,     TL_EVENT_STATUS_ONGOING,   7, 1, 50, U, U, U },
  { TL_EVENT_KIND_RESCUE,       TL_EVENT_STATUS_ONGOING,   7, 1, 52, 49, 1, 2 },
  { TL_EVENT_KIND_INTERCEPTION, TL_EVENT_STATUS_CLOSED,    0, 1, 40, U, U, U },
  { TL_EVENT_KIND_ARRIVAL,      TL_EVENT_STATUS_CLOSED,    0, 1, 61, 0, 0, 0 },
  { TL_EVENT_KIND_ARRIVAL,      TL_EVENT_STATUS_CLOSED,    0, 1, 34, 3, U, U },
  { TL_EVENT_KIND_PATROL,       TL_EVENT_STATUS_ONGOING,   0, U, U,  U, U, U },
};

static void
test_night (void)
{
  g_autoptr(GPtrArray) events = build (night, G_N_ELEMENTS (night));
  TlSummary s;

  tl_summary_compute (events, &s);
  g_assert_cmpint (s.values[TL_SUMMARY_DEPARTURES], ==, 3);
  g_assert_cmpint (s.values[TL_SUMMARY_BOATS], ==, 1 + 2 + 1);
  g_assert_cmpint (s.values[TL_SUMMARY_PEOPLE], ==, 52 + 95);
  g_assert_cmpint (s.values[TL_SUMMARY_RESCUED], ==, 49 + 3);
  g_assert_cmpint (s.values[TL_SUMMARY_DECEASED], ==, 1);
  g_assert_cmpint (s.values[TL_SUMMARY_MISSING], ==, 2);
  g_assert_cmpint (s.values[TL_SUMMARY_INTERCEPTIONS], ==, 1);
  g_assert_cmpint (s.values[TL_SUMMARY_ARRIVALS], ==, 2);
  /* Case 7 (three reports) and the uncounted departure; not the patrol. */
  g_assert_cmpint (s.values[TL_SUMMARY_OPEN_CASES], ==, 2);
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
test_change (void)
{
  g_autofree char *up = tl_summary_format_change (12, 5);
  g_autofree char *down = tl_summary_format_change (2, 5);
  g_autofree char *same = tl_summary_format_change (5, 5);

  g_assert_cmpstr (up, ==, "↑ 7");
  g_assert_cmpstr (down, ==, "↓ 3");
  g_assert_cmpstr (same, ==, "= 0");
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    g_assert_nonnull (tl_summary_figure_get_label (i));
  g_assert_true (tl_summary_figure_is_bad_up (TL_SUMMARY_DECEASED));
  g_assert_false (tl_summary_figure_is_bad_up (TL_SUMMARY_RESCUED));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/night", test_night);
  g_test_add_func ("/summary/empty-and-model", test_empty_and_model);
  g_test_add_func ("/summary/change", test_change);

  return g_test_run ();
}
