/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-store.h"

/* Cases link the reports about one boat; linking is an audited edit. */

/* 2024-05-01 02:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714528800)

static TlStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "case.db", NULL);
  TlStore *store = tl_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
add (TlStore     *store,
     TlEventKind  kind,
     gint64       time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (kind);

  tl_event_set_time (event, time);
  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));
  g_assert_no_error (error);
  return tl_event_get_id (event);
}

static void
test_case_chain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(TlEvent) rescue = NULL;
  g_autoptr(TlCase) c = NULL;
  gint64 departure, rescue_id, arrival, case_id;

  /* Linked out of order: the chain still comes in time order. */
  arrival = add (store, TL_EVENT_KIND_ARRIVAL, T0 + 4 * 3600);
  departure = add (store, TL_EVENT_KIND_DEPARTURE, T0);
  rescue_id = add (store, TL_EVENT_KIND_RESCUE, T0 + 2 * 3600);

  case_id = tl_store_create_case (store, TL_CASE_STATUS_POSSIBLE, "Grey inflatable", &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);

  g_assert_true (tl_store_link_event (store, arrival, case_id, "Desk B", &error));
  g_assert_true (tl_store_link_event (store, rescue_id, case_id, "Desk B", &error));
  g_assert_true (tl_store_link_event (store, departure, case_id, "Desk B", &error));
  g_assert_no_error (error);

  chain = tl_store_list_case_events (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 3);
  g_assert_cmpint (tl_event_get_id (chain->pdata[0]), ==, departure);
  g_assert_cmpint (tl_event_get_id (chain->pdata[1]), ==, rescue_id);
  g_assert_cmpint (tl_event_get_id (chain->pdata[2]), ==, arrival);

  /* Linking is an edit: next revision, audited, by whom. */
  rescue = tl_store_get_event (store, rescue_id, &error);
  g_assert_cmpint (tl_event_get_case_id (rescue), ==, case_id);
  g_assert_cmpint (tl_event_get_revision (rescue), ==, 2);
  g_assert_cmpstr (tl_event_get_updated_by (rescue), ==, "Desk B");
  audit = tl_store_list_audit (store, rescue_id, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_nonnull (strstr (((TlAuditEntry *) audit->pdata[1])->after, "\"case_id\":"));

  /* Linking again to the same case changes nothing. */
  g_assert_true (tl_store_link_event (store, rescue_id, case_id, "Desk B", &error));
  g_clear_object (&rescue);
  rescue = tl_store_get_event (store, rescue_id, &error);
  g_assert_cmpint (tl_event_get_revision (rescue), ==, 2);

  g_assert_true (tl_store_set_case_status (store, case_id, TL_CASE_STATUS_RESCUED, &error));
  g_assert_no_error (error);
  c = tl_store_get_case (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_RESCUED);
  g_assert_cmpstr (c->title, ==, "Grey inflatable");
  g_assert_cmpuint (c->n_events, ==, 3);

  g_assert_true (tl_store_unlink_event (store, arrival, "Desk B", &error));
  g_clear_pointer (&chain, g_ptr_array_unref);
  chain = tl_store_list_case_events (store, case_id, &error);
  g_assert_cmpuint (chain->len, ==, 2);
}

static void
test_case_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(GPtrArray) cases = NULL;
  gint64 event = add (store, TL_EVENT_KIND_SIGHTING, T0);
  gint64 case_id;

  /* No such case: refused, and the event is untouched. */
  g_assert_false (tl_store_link_event (store, event, 999, "Desk A", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tl_store_link_event (store, 999, 1, "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tl_store_set_case_status (store, 999, TL_CASE_STATUS_CLOSED, &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  case_id = tl_store_create_case (store, TL_CASE_STATUS_DISTRESS, NULL, &error);
  cases = tl_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpint (((TlCase *) cases->pdata[0])->id, ==, case_id);
  g_assert_cmpint (((TlCase *) cases->pdata[0])->status, ==, TL_CASE_STATUS_DISTRESS);
  g_assert_cmpstr (tl_case_status_get_label (TL_CASE_STATUS_DISTRESS), ==, "In distress");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case/chain", test_case_chain);
  g_test_add_func ("/case/errors", test_case_errors);

  return g_test_run ();
}
