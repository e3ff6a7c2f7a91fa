/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

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

  /* Folded for the coordinator: the rescue created in the period is one
   * "created" item whatever followed; the sighting, created then
   * deleted, is one "deleted" item. */
  {
    g_autoptr(GPtrArray) items = tl_handover_fold (changes);
    g_autoptr(GPtrArray) later_part = g_ptr_array_new ();
    g_autoptr(GPtrArray) folded = NULL;
    const TlHandoverItem *item;

    g_assert_cmpuint (items->len, ==, 2);
    item = g_ptr_array_index (items, 0);
    g_assert_cmpint (item->kind, ==, TL_CHANGE_CREATED);
    g_assert_cmpint (item->event_id, ==, tl_event_get_id (a));
    g_assert_cmpuint (item->n_changes, ==, 3);
    g_assert_cmpstr (item->operator_name, ==, "desk-2");
    g_assert_cmpstr (item->title, ==, "Rescue · 52 people");
    item = g_ptr_array_index (items, 1);
    g_assert_cmpint (item->kind, ==, TL_CHANGE_DELETED);
    g_assert_cmpstr (item->title, ==, "Sighting");

    /* From after the creations: the rescue was edited then closed, one
     * "closed" item with both changes from its first before to its
     * last after. */
    for (guint i = 2; i < changes->len; i++)
      g_ptr_array_add (later_part, g_ptr_array_index (changes, i));
    folded = tl_handover_fold (later_part);
    g_assert_cmpuint (folded->len, ==, 2);
    item = g_ptr_array_index (folded, 0);
    g_assert_cmpint (item->kind, ==, TL_CHANGE_CLOSED);
    g_assert_cmpuint (item->n_changes, ==, 2);
    g_assert_true (has_line (item->lines, "people: 40 → 52"));
    g_assert_true (has_line (item->lines, "status: ongoing → closed"));
    g_assert_cmpint (((TlHandoverItem *) g_ptr_array_index (folded, 1))->kind, ==, TL_CHANGE_DELETED);
  }

  /* Each database its own key: a file by its full path. */
  {
    g_autofree char *key = tl_handover_database_key (store);
    g_autofree char *address = tl_test_store_address ("handover.db");
    g_autofree char *expected_key = NULL;

    if (tl_test_store_is_server ())
      expected_key = g_strconcat ("server:", address, NULL);
    else
      {
        g_autofree char *real = realpath (address, NULL);

        g_assert_nonnull (real);
        expected_key = g_strconcat ("file:", real, NULL);
      }
    g_assert_cmpstr (key, ==, expected_key);
  }

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
