/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-report.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* Every change leaves an audit row, and the history view can say in
 * words what each one did. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)

static TlStore *
open_store (void)
{
  return tl_test_store_open ("audit.db");
}

static TlEvent *
make_rescue (void)
{
  TlEvent *event = tl_event_new (TL_EVENT_KIND_RESCUE);

  tl_event_set_time (event, T0);
  tl_event_set_position (event, 50.95, 1.58);
  tl_event_set_people (event, 48);
  tl_event_set_rescued (event, 40);
  tl_event_set_unit (event, "RNLI Dover lifeboat");
  tl_event_set_details (event, "{\"boat_type\":\"inflatable\"}");
  return event;
}

static void
test_audit_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlEvent) event = make_rescue ();
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id;

  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);

  tl_event_set_rescued (event, 47);
  g_assert_true (tl_store_update_event (store, event, "Desk B", &error));
  g_assert_no_error (error);

  g_assert_true (tl_store_delete_event (store, id, tl_event_get_revision (event), "Desk A", &error));
  g_assert_no_error (error);
  g_assert_true (tl_store_restore_event (store, event, "Desk A", &error));
  g_assert_no_error (error);

  audit = tl_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[0])->action, ==, TL_AUDIT_ACTION_CREATE);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[1])->action, ==, TL_AUDIT_ACTION_UPDATE);
  g_assert_cmpstr (((TlAuditEntry *) audit->pdata[1])->operator_name, ==, "Desk B");
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[2])->action, ==, TL_AUDIT_ACTION_DELETE);
  g_assert_nonnull (((TlAuditEntry *) audit->pdata[2])->before);
  g_assert_null (((TlAuditEntry *) audit->pdata[2])->after);
  g_assert_cmpint (((TlAuditEntry *) audit->pdata[3])->action, ==, TL_AUDIT_ACTION_RESTORE);
}

static void
test_describe_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlEvent) event = make_rescue ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) none = NULL;
  TlAuditEntry *update;

  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));
  tl_event_set_rescued (event, 47);
  tl_event_set_details (event, "{\"boat_type\":\"rhib\"}");
  tl_event_set_time (event, T0 + 600);
  g_assert_true (tl_store_update_event (store, event, "Desk B", &error));
  g_assert_no_error (error);

  audit = tl_store_list_audit (store, tl_event_get_id (event), &error);
  update = audit->pdata[1];
  lines = tl_report_describe_changes (update->before, update->after, zone, TL_COORDINATE_FORMAT_DDM);
  for (guint i = 0; i < lines->len; i++)
    g_test_message ("%s", (char *) lines->pdata[i]);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "Rescued: 40 → 47", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "Boat type: Inflatable → RHIB", g_str_equal, NULL));
  /* 06:00 UTC is 07:00 in London in May. */
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "Alert time: 2024-05-01 07:00 → 2024-05-01 07:10",
                                                   g_str_equal, NULL));

  /* A creation has nothing to compare. */
  none = tl_report_describe_changes (NULL, ((TlAuditEntry *) audit->pdata[0])->after, zone,
                                     TL_COORDINATE_FORMAT_DDM);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/audit/rows", test_audit_rows);
  g_test_add_func ("/audit/describe-changes", test_describe_changes);

  return g_test_run ();
}
