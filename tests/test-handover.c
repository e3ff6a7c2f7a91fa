/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-handover.h"
#include "tl-test-store.h"

/* "Since the last shift": what the audit says was created, edited,
 * closed and deleted, each edit with its before and after; on a file,
 * and on a server (test-handover-pg). */

static gboolean
has_line (GPtrArray  *lines,
          const char *line)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (g_ptr_array_index (lines, i), line) == 0)
      return TRUE;
  return FALSE;
}

static void
test_since (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlEvent) a = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) b = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(TlEvent) a2 = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) edit_lines = NULL;
  const TlAuditEntry *update;
  static const TlChangeKind expected[] = {
    TL_CHANGE_CREATED, TL_CHANGE_CREATED, TL_CHANGE_EDITED, TL_CHANGE_CLOSED, TL_CHANGE_DELETED,
  };

  store = tl_test_store_open ("handover.db");

  tl_event_set_time (a, 1772330400);
  tl_event_set_status (a, TL_EVENT_STATUS_ONGOING);
  tl_event_set_people (a, 40);
  tl_event_set_unit (a, "RNLI Dover");
  g_assert_true (tl_store_add_event (store, a, "desk-1", &error));
  tl_event_set_time (b, 1772330500);
  g_assert_true (tl_store_add_event (store, b, "desk-1", &error));
  g_assert_no_error (error);

  /* An edit: the count corrected. Then the rescue closed. */
  a2 = tl_event_copy (a);
  tl_event_set_people (a2, 52);
  g_assert_true (tl_store_update_event (store, a2, "desk-2", &error));
  g_assert_no_error (error);
  tl_event_set_status (a2, TL_EVENT_STATUS_CLOSED);
  g_assert_true (tl_store_update_event (store, a2, "desk-2", &error));
  g_assert_no_error (error);
  g_assert_true (tl_store_delete_event (store, tl_event_get_id (b), tl_event_get_revision (b), "desk-2", &error));
  g_assert_no_error (error);

  changes = tl_store_list_changes_since (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (tl_handover_classify (g_ptr_array_index (changes, i)), ==, expected[i]);

  /* The edit, with what changed: before → after, nothing else. */
  update = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (update->operator_name, ==, "desk-2");
  edit_lines = tl_handover_describe_changes (update->before, update->after);
  g_assert_cmpuint (edit_lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (edit_lines, 0), ==, "people: 40 → 52");

  /* The closing says so too. */
  update = g_ptr_array_index (changes, 3);
  lines = tl_handover_describe_changes (update->before, update->after);
  g_assert_true (has_line (lines, "status: ongoing → closed"));
  g_assert_false (has_line (lines, "people: 40 → 52"));
  g_assert_cmpstr (tl_change_kind_get_label (TL_CHANGE_CLOSED), ==, "Closed");

  /* Since a time after all of it: nothing. */
  later = tl_store_list_changes_since (store, g_get_real_time () / G_USEC_PER_SEC + 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/handover/since", test_since);

  return g_test_run ();
}
