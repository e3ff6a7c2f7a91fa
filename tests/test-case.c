/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-store.h"
#include "tl-test-store.h"

/* Cases link the reports about one boat; linking is an audited edit. */

/* 2024-05-01 02:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714528800)

static TlStore *
open_store (void)
{
  return tl_test_store_open ("case.db");
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

static guint
count_cases (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = tl_store_list_cases (store, &error);

  g_assert_no_error (error);
  return cases->len;
}

static void
test_case_new_with_event (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(TlCase) c = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  tl_event_set_time (event, T0);
  tl_event_set_rescued (event, 12);
  g_assert_true (tl_store_add_event_in_new_case (store, event, TL_CASE_STATUS_DISTRESS,
                                                 "Grey inflatable", "Desk A", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_id (event), >, 0);
  g_assert_cmpint (tl_event_get_case_id (event), >, 0);
  g_assert_cmpint (tl_event_get_revision (event), ==, 1);

  c = tl_store_get_case (store, tl_event_get_case_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->status, ==, TL_CASE_STATUS_DISTRESS);
  g_assert_cmpstr (c->title, ==, "Grey inflatable");
  g_assert_cmpuint (c->n_events, ==, 1);

  /* Audited as any new report: one row, with its case. */
  audit = tl_store_list_audit (store, tl_event_get_id (event), &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_nonnull (strstr (((TlAuditEntry *) audit->pdata[0])->after, "\"case_id\":"));
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* An edit moved into a new case: next revision, audited. */
  id = add (store, TL_EVENT_KIND_ARRIVAL, T0 + 3600);
  stored = tl_store_get_event (store, id, &error);
  tl_event_set_people (stored, 12);
  g_assert_true (tl_store_update_event_in_new_case (store, stored, TL_CASE_STATUS_LANDED, NULL,
                                                    "Desk B", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_case_id (stored), >, tl_event_get_case_id (event));
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  g_clear_object (&stored);
  stored = tl_store_get_event (store, id, &error);
  g_assert_cmpint (tl_event_get_people (stored), ==, 12);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  audit = tl_store_list_audit (store, id, &error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_cmpuint (count_cases (store), ==, 2);
}

/* A save that fails leaves nothing behind: no case, no event, no audit
 * row, and the event as it was. */
static void
test_case_new_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlEvent) bad = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) desk_a = NULL;
  g_autoptr(TlEvent) desk_b = NULL;
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  /* A negative count the form would refuse, forced through the API: the
   * schema refuses it, and the case created first goes with it. */
  tl_event_set_time (bad, T0);
  tl_event_set_rescued (bad, -5);
  g_assert_false (tl_store_add_event_in_new_case (store, bad, TL_CASE_STATUS_POSSIBLE, NULL,
                                                  "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tl_event_get_id (bad), ==, 0);
  g_assert_cmpint (tl_event_get_case_id (bad), ==, 0);
  g_assert_cmpuint (count_cases (store), ==, 0);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 0);
  audit = tl_store_list_audit (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 0);
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* A stale edit: someone saved the record since it was read. */
  id = add (store, TL_EVENT_KIND_RESCUE, T0);
  desk_a = tl_store_get_event (store, id, &error);
  desk_b = tl_store_get_event (store, id, &error);
  tl_event_set_rescued (desk_a, 47);
  g_assert_true (tl_store_update_event (store, desk_a, "Desk A", &error));
  g_assert_no_error (error);

  tl_event_set_rescued (desk_b, 45);
  g_assert_false (tl_store_update_event_in_new_case (store, desk_b, TL_CASE_STATUS_RESCUED, NULL,
                                                     "Desk B", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (tl_event_get_case_id (desk_b), ==, 0);
  g_assert_cmpint (tl_event_get_revision (desk_b), ==, 1);
  g_assert_cmpuint (count_cases (store), ==, 0);

  stored = tl_store_get_event (store, id, &error);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_cmpint (tl_event_get_case_id (stored), ==, 0);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  audit = tl_store_list_audit (store, id, &error);
  g_assert_cmpuint (audit->len, ==, 2);

  /* A record deleted meanwhile: refused the same way. */
  g_assert_true (tl_store_delete_event (store, id, 0, "Desk A", &error));
  g_assert_false (tl_store_update_event_in_new_case (store, desk_a, TL_CASE_STATUS_RESCUED, NULL,
                                                     "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_cases (store), ==, 0);
}

static TlCaseStatus
get_status (TlStore *store,
            gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlCase) c = tl_store_get_case (store, case_id, &error);

  g_assert_no_error (error);
  return c->status;
}

static guint
count_audit (TlStore *store,
             gint64   event_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = tl_store_list_audit (store, event_id, &error);

  g_assert_no_error (error);
  return audit->len;
}

/* A report saved with a new status for its existing case: both or
 * neither, so an officer never sees a status the save did not make. */
static void
test_case_status_with_event (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(TlEvent) bad = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) desk_a = NULL;
  g_autoptr(TlEvent) desk_b = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 case_id, id;

  case_id = tl_store_create_case (store, TL_CASE_STATUS_POSSIBLE, "Grey inflatable", &error);
  g_assert_no_error (error);

  /* A new report: in the case, the status changed, audited as any add. */
  tl_event_set_time (event, T0);
  g_assert_true (tl_store_add_event_with_case_status (store, event, case_id, TL_CASE_STATUS_DISTRESS,
                                                      "Desk A", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (tl_event_get_case_id (event), ==, case_id);
  g_assert_cmpint (tl_event_get_revision (event), ==, 1);
  g_assert_cmpint (get_status (store, case_id), ==, TL_CASE_STATUS_DISTRESS);
  audit = tl_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_nonnull (strstr (((TlAuditEntry *) audit->pdata[0])->after, "\"case_id\":"));

  /* An edit: next revision, status changed, one more audit row. */
  stored = tl_store_get_event (store, id, &error);
  tl_event_set_rescued (stored, 40);
  g_assert_true (tl_store_update_event_with_case_status (store, stored, case_id, TL_CASE_STATUS_RESCUED,
                                                         "Desk B", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  g_clear_object (&stored);
  stored = tl_store_get_event (store, id, &error);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 40);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
  g_assert_cmpint (get_status (store, case_id), ==, TL_CASE_STATUS_RESCUED);
  g_assert_cmpuint (count_audit (store, id), ==, 2);

  /* A negative count the form would refuse, forced through the API: the
   * schema refuses the event, and the status set first goes with it. */
  tl_event_set_time (bad, T0);
  tl_event_set_rescued (bad, -5);
  g_assert_false (tl_store_add_event_with_case_status (store, bad, case_id, TL_CASE_STATUS_CLOSED,
                                                       "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tl_event_get_id (bad), ==, 0);
  g_assert_cmpint (tl_event_get_case_id (bad), ==, 0);
  g_assert_cmpint (get_status (store, case_id), ==, TL_CASE_STATUS_RESCUED);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 1);
  g_assert_cmpuint (count_audit (store, id + 1), ==, 0);

  /* A stale edit: someone saved the record since it was read. */
  desk_a = tl_store_get_event (store, id, &error);
  desk_b = tl_store_get_event (store, id, &error);
  tl_event_set_rescued (desk_a, 47);
  g_assert_true (tl_store_update_event (store, desk_a, "Desk A", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit (store, id), ==, 3);

  tl_event_set_rescued (desk_b, 45);
  g_assert_false (tl_store_update_event_with_case_status (store, desk_b, case_id, TL_CASE_STATUS_LANDED,
                                                          "Desk B", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (tl_event_get_revision (desk_b), ==, 2);
  g_assert_cmpint (get_status (store, case_id), ==, TL_CASE_STATUS_RESCUED);
  g_assert_cmpuint (count_audit (store, id), ==, 3);
  g_clear_object (&stored);
  stored = tl_store_get_event (store, id, &error);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 3);

  /* No such case: refused before the event is written. */
  g_assert_false (tl_store_update_event_with_case_status (store, desk_a, 999, TL_CASE_STATUS_LANDED,
                                                          "Desk A", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tl_event_get_revision (desk_a), ==, 3);
  g_assert_cmpuint (count_audit (store, id), ==, 3);
  g_assert_cmpint (get_status (store, case_id), ==, TL_CASE_STATUS_RESCUED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case/chain", test_case_chain);
  g_test_add_func ("/case/errors", test_case_errors);
  g_test_add_func ("/case/new-with-event", test_case_new_with_event);
  g_test_add_func ("/case/new-all-or-nothing", test_case_new_all_or_nothing);
  g_test_add_func ("/case/status-with-event", test_case_status_with_event);

  return g_test_run ();
}
