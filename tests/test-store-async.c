/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-event-list.h"
#include "tl-handover.h"
#include "tl-store-watch.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* The store's _async/_finish pairs, on a file and (as
 * test-store-async-pg) on a server, where they run on the store's
 * worker: the same answers as the synchronous calls, writes announced,
 * conflicts and cancellation reported. */

/* 2024-05-01 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714521600)
#define DEADLINE_S 20

/* Helpers */

typedef struct {
  GAsyncResult *result;
  guint         n_changed;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static void
changed_cb (TlStore *store,
            Wait    *wait)
{
  wait->n_changed++;
}

static gboolean
deadline_cb (gpointer user_data)
{
  g_error ("No answer within %d s", DEADLINE_S);
  return G_SOURCE_REMOVE;
}

/* Iterates until the call answered, failing after a deadline. */
static GAsyncResult *
wait_result (Wait *wait)
{
  guint deadline = g_timeout_add_seconds (DEADLINE_S, deadline_cb, NULL);

  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);

  return wait->result;
}

static void
wait_clear (Wait *wait)
{
  g_clear_object (&wait->result);
}

static TlEvent *
make_event (TlEventKind kind,
            gint64      time,
            guint       people)
{
  TlEvent *event = tl_event_new (kind);

  tl_event_set_time (event, time);
  tl_event_set_people (event, people);
  return event;
}

static void
assert_same_ids (GPtrArray *a,
                 GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpint (tl_event_get_id (g_ptr_array_index (a, i)), ==, tl_event_get_id (g_ptr_array_index (b, i)));
      g_assert_cmpint (tl_event_get_revision (g_ptr_array_index (a, i)), ==,
                       tl_event_get_revision (g_ptr_array_index (b, i)));
    }
}

static void
fill (TlStore *store)
{
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(TlEvent) event = make_event (i % 2 ? TL_EVENT_KIND_RESCUE : TL_EVENT_KIND_SIGHTING,
                                             T0 + i * 3600, 10 + i);
      g_autoptr(GError) error = NULL;

      if (i % 2)
        tl_event_set_rescued (event, 10 + i);
      g_assert_true (tl_store_add_event (store, event, "Desk", &error));
      g_assert_no_error (error);
    }
}

/* Tests */

static void
test_list_same_as_sync (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("list.db");
  g_autoptr(GPtrArray) sync = NULL;
  g_autoptr(GPtrArray) async = NULL;
  g_autoptr(GPtrArray) sync_filtered = NULL;
  g_autoptr(GPtrArray) async_filtered = NULL;
  g_autoptr(TlFilter) filter = tl_filter_new (T0, T0 + 6 * 3600);
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  fill (store);

  sync = tl_store_list_events (store, T0, T0 + 6 * 3600, &error);
  g_assert_no_error (error);
  tl_store_list_events_async (store, T0, T0 + 6 * 3600, NULL, NULL, done_cb, &wait);
  async = tl_store_list_events_finish (store, wait_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async->len, ==, 6);
  assert_same_ids (sync, async);
  wait_clear (&wait);

  /* A filter: the query's answer, its window the one given. */
  filter->kinds = 1 << TL_EVENT_KIND_RESCUE;
  sync_filtered = tl_store_query_events (store, filter, &error);
  g_assert_no_error (error);
  filter->from = 0;
  filter->to = 1;
  tl_store_list_events_async (store, T0, T0 + 6 * 3600, filter, NULL, done_cb, &wait);
  async_filtered = tl_store_list_events_finish (store, wait_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (async_filtered->len, ==, 3);
  assert_same_ids (sync_filtered, async_filtered);
  wait_clear (&wait);
}

static void
test_summarize (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("summary.db");
  g_autoptr(TlFilter) filter = tl_filter_new (T0, T0 + 24 * 3600);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  TlSummary expected = { { 0 } };
  TlSummary summary = { { 0 } };
  Wait wait = { 0 };

  fill (store);
  events = tl_store_list_events (store, T0, T0 + 24 * 3600, &error);
  g_assert_no_error (error);
  tl_summary_compute (events, &expected);

  tl_store_summarize_async (store, filter, NULL, done_cb, &wait);
  g_assert_true (tl_store_summarize_finish (store, wait_result (&wait), &summary, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    if (i != TL_SUMMARY_OPEN_CASES)
      g_assert_cmpint (summary.values[i], ==, expected.values[i]);
  /* 11 + 13 + … + 21 */
  g_assert_cmpint (summary.values[TL_SUMMARY_RESCUED], ==, 96);
  wait_clear (&wait);
}

static void
test_save_update_delete (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("save.db");
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_RESCUE, T0 + 600, 42);
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *units[] = { "  SNSM Calais ", "", NULL };
  g_auto(GStrv) known = NULL;
  gboolean kept = TRUE;
  Wait wait = { 0 };
  gint64 id;

  g_signal_connect (store, "events-changed", G_CALLBACK (changed_cb), &wait);

  /* New: given its id and revision, announced, its unit remembered. */
  tl_store_save_event_async (store, event, TL_STORE_SAVE_PLAIN, 0, units, "Desk", NULL, done_cb, &wait);
  g_assert_true (tl_store_save_event_finish (store, wait_result (&wait), &kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kept);
  g_assert_cmpuint (wait.n_changed, >=, 1);
  id = tl_event_get_id (event);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (tl_event_get_revision (event), ==, 1);
  stored = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tl_event_get_people (stored), ==, 42);
  known = tl_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) known, "SNSM Calais"));
  wait_clear (&wait);

  /* Edited at its revision. */
  tl_event_set_people (event, 43);
  wait.n_changed = 0;
  tl_store_save_event_async (store, event, TL_STORE_SAVE_PLAIN, 0, NULL, "Desk", NULL, done_cb, &wait);
  g_assert_true (tl_store_save_event_finish (store, wait_result (&wait), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_revision (event), ==, 2);
  g_assert_cmpuint (wait.n_changed, >=, 1);
  wait_clear (&wait);

  /* Deleted from the caller's copy, at its revision, and put back. */
  tl_store_delete_report_async (store, event, "Desk", NULL, done_cb, &wait);
  g_assert_true (tl_store_delete_report_finish (store, wait_result (&wait), &kept, &error));
  g_assert_no_error (error);
  g_assert_false (kept);
  g_clear_object (&stored);
  stored = tl_store_get_event (store, id, &error);
  g_assert_null (stored);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  wait_clear (&wait);

  tl_store_restore_report_async (store, event, "Desk", NULL, done_cb, &wait);
  g_assert_true (tl_store_restore_report_finish (store, wait_result (&wait), &error));
  g_assert_no_error (error);
  stored = tl_store_get_event (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tl_event_get_people (stored), ==, 43);
  wait_clear (&wait);

  g_signal_handlers_disconnect_by_data (store, &wait);
}

static void
test_conflict (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("conflict.db");
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_SIGHTING, T0 + 60, 7);
  g_autoptr(TlEvent) stale = NULL;
  g_autoptr(TlEvent) theirs = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  g_assert_true (tl_store_add_event (store, event, "Desk", &error));
  stale = tl_event_copy (event);
  tl_event_set_people (event, 8);
  g_assert_true (tl_store_update_event (store, event, "Other desk", &error));
  g_assert_no_error (error);

  /* Written over another desk's edit: refused, theirs handed back, and
   * the caller's copy left as it was. */
  tl_event_set_people (stale, 9);
  tl_store_save_event_async (store, stale, TL_STORE_SAVE_PLAIN, 0, NULL, "Desk", NULL, done_cb, &wait);
  g_assert_false (tl_store_save_event_finish (store, wait_result (&wait), NULL, &theirs, &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (theirs);
  g_assert_cmpuint (tl_event_get_people (theirs), ==, 8);
  g_assert_cmpint (tl_event_get_revision (stale), ==, 1);
  g_assert_cmpuint (tl_event_get_people (stale), ==, 9);
  wait_clear (&wait);
}

static void
test_cancelled (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("cancel.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  fill (store);
  /* A read cancelled after it was asked reports so, whenever its
   * answer came: a late answer never replaces a newer one. */
  tl_store_list_events_async (store, T0, T0 + 24 * 3600, NULL, cancellable, done_cb, &wait);
  g_cancellable_cancel (cancellable);
  events = tl_store_list_events_finish (store, wait_result (&wait), &error);
  g_assert_null (events);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  wait_clear (&wait);
}

/* A validated import written by the store's own connection (on a server
 * its worker's): counted, announced before the caller is told, and the
 * rows of an earlier import left out. */
static void
test_bulk_import (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("bulk.db");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint8 digests[2 * TL_STORE_IMPORT_KEY_SIZE];
  guint n_added = 0, n_skipped = 0;
  Wait wait = { 0 };

  g_ptr_array_add (events, make_event (TL_EVENT_KIND_SIGHTING, T0 + 60, 7));
  g_ptr_array_add (events, make_event (TL_EVENT_KIND_DEPARTURE, T0 + 120, 30));
  tl_store_import_key_digest ("file.csv#1", digests);
  tl_store_import_key_digest ("file.csv#2", digests + TL_STORE_IMPORT_KEY_SIZE);
  g_signal_connect (store, "events-changed", G_CALLBACK (changed_cb), &wait);

  /* Cancelled before it started: nothing written. */
  g_cancellable_cancel (cancellable);
  tl_store_bulk_import_async (store, events, digests, "Desk", "file.csv", cancellable, done_cb, &wait);
  g_assert_false (tl_store_bulk_import_finish (store, wait_result (&wait), NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 0);
  wait_clear (&wait);

  tl_store_bulk_import_async (store, events, digests, "Desk", "file.csv", NULL, done_cb, &wait);
  g_assert_true (tl_store_bulk_import_finish (store, wait_result (&wait), &n_added, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_skipped, ==, 0);
  g_assert_cmpuint (wait.n_changed, >=, 1);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 2);
  g_assert_no_error (error);
  wait_clear (&wait);

  tl_store_bulk_import_async (store, events, digests, "Desk", "file.csv", NULL, done_cb, &wait);
  g_assert_true (tl_store_bulk_import_finish (store, wait_result (&wait), &n_added, &n_skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_skipped, ==, 2);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 2);
  wait_clear (&wait);

  g_signal_handlers_disconnect_by_data (store, &wait);
}

/* The list of the window: on a server it loads from the worker, with
 * :loading set meanwhile, and follows writes. */
static void
test_event_list (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("list-model.db");
  g_autoptr(TlEventList) list = NULL;
  g_autoptr(TlEvent) event = make_event (TL_EVENT_KIND_RESCUE, T0 + 90, 5);
  g_autoptr(GError) error = NULL;
  guint deadline;

  fill (store);
  list = tl_event_list_new (store, T0, T0 + 6 * 3600);
  g_assert_true (tl_event_list_is_loading (list) == tl_test_store_is_server ());

  deadline = g_timeout_add_seconds (DEADLINE_S, deadline_cb, NULL);
  while (tl_event_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  /* A new range asked before the first answer came: only the newer
   * range is shown. */
  tl_event_list_set_range (list, T0, T0 + 2 * 3600);
  tl_event_list_set_range (list, T0, T0 + 3 * 3600);
  while (tl_event_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  g_assert_true (tl_store_add_event (store, event, "Desk", &error));
  g_assert_no_error (error);
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) != 4)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
}

/* The hand-over's reads and the official figures' write, as the
 * window makes them: the same as the synchronous calls. */
static void
test_handover_and_figures (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("handover.db");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) sync_changes = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  g_autoptr(TlHandoverData) data = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (TlStatisticsDay));
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  TlStatisticsDay day = { "2024-05-01", 120, 3 };
  Wait wait = { 0 };

  fill (store);
  sync_changes = tl_store_list_changes_since (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_changes->len, ==, 12);

  tl_store_list_changes_since_async (store, 0, NULL, done_cb, &wait);
  changes = tl_store_list_changes_since_finish (store, wait_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, sync_changes->len);
  wait_clear (&wait);

  folded = tl_handover_fold (sync_changes);
  tl_store_read_handover_async (store, 0, NULL, done_cb, &wait);
  data = tl_store_read_handover_finish (store, wait_result (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->items->len, ==, folded->len);
  g_assert_cmpuint (data->cases->len, ==, data->latest_events->len);
  wait_clear (&wait);

  g_array_append_val (days, day);
  tl_store_import_statistics_async (store, days, FALSE, "figures.csv", NULL, done_cb, &wait);
  g_assert_true (tl_store_import_statistics_finish (store, wait_result (&wait), &error));
  g_assert_no_error (error);
  wait_clear (&wait);
  stored = tl_store_list_statistics (store, "2024-01-01", "2024-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (g_array_index (stored, TlStatisticsDay, 0).people, ==, 120);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-async/list", test_list_same_as_sync);
  g_test_add_func ("/store-async/summarize", test_summarize);
  g_test_add_func ("/store-async/save-update-delete", test_save_update_delete);
  g_test_add_func ("/store-async/conflict", test_conflict);
  g_test_add_func ("/store-async/cancelled", test_cancelled);
  g_test_add_func ("/store-async/bulk-import", test_bulk_import);
  g_test_add_func ("/store-async/event-list", test_event_list);
  g_test_add_func ("/store-async/handover-and-figures", test_handover_and_figures);

  return g_test_run ();
}
