/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-report.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* Two desks edit one record: the second save is refused, never silently
 * written over the first; merging keeps both changes. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)

static TlStore *
open_store (void)
{
  return tl_test_store_open ("conflict.db");
}

static void
test_stale_save_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) desk_a = NULL;
  g_autoptr(TlEvent) desk_b = NULL;
  g_autoptr(TlEvent) stored = NULL;

  tl_event_set_time (event, T0);
  tl_event_set_rescued (event, 40);
  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));

  desk_a = tl_store_get_event (store, tl_event_get_id (event), &error);
  desk_b = tl_store_get_event (store, tl_event_get_id (event), &error);
  g_assert_no_error (error);

  tl_event_set_rescued (desk_a, 47);
  g_assert_true (tl_store_update_event (store, desk_a, "Desk A", &error));
  g_assert_no_error (error);

  tl_event_set_rescued (desk_b, 45);
  g_assert_false (tl_store_update_event (store, desk_b, "Desk B", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);

  stored = tl_store_get_event (store, tl_event_get_id (event), NULL);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);
}

static void
test_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) theirs_event = NULL;
  g_autoptr(TlEvent) saved = NULL;
  g_autoptr(TlReport) base = NULL;
  g_autoptr(TlReport) mine = NULL;
  g_autoptr(TlReport) theirs = NULL;
  g_autoptr(TlReport) merged = NULL;
  g_autoptr(GArray) diff = NULL;
  TlReportCheck check;

  tl_event_set_time (event, T0);
  tl_event_set_position (event, 50.95, 1.58);
  tl_event_set_unit (event, "RNLI Dover lifeboat");
  tl_event_set_rescued (event, 40);
  tl_event_set_notes (event, "Boat deflating");
  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));

  /* Desk B opens the record and edits the notes... */
  base = tl_report_new_from_event (event, zone, TL_COORDINATE_FORMAT_DD);
  mine = tl_report_copy (base);
  tl_report_set (mine, TL_REPORT_FIELD_NOTES, "Boat deflating; two in the water");
  tl_report_set (mine, TL_REPORT_FIELD_DECEASED, "0");

  /* ...while desk A changes the rescued count. */
  theirs_event = tl_store_get_event (store, tl_event_get_id (event), &error);
  tl_event_set_rescued (theirs_event, 47);
  g_assert_true (tl_store_update_event (store, theirs_event, "Desk A", &error));
  theirs = tl_report_new_from_event (theirs_event, zone, TL_COORDINATE_FORMAT_DD);

  /* The conflict view lists what differs between the two versions. */
  diff = tl_report_diff (theirs, mine);
  g_assert_cmpuint (diff->len, ==, 3);

  merged = tl_report_merge (base, theirs, mine);
  g_assert_cmpint (merged->revision, ==, 2);
  g_assert_cmpstr (tl_report_get (merged, TL_REPORT_FIELD_RESCUED), ==, "47");
  g_assert_cmpstr (tl_report_get (merged, TL_REPORT_FIELD_NOTES), ==, "Boat deflating; two in the water");
  g_assert_cmpstr (tl_report_get (merged, TL_REPORT_FIELD_DECEASED), ==, "0");

  /* Saved over their revision: accepted, and nothing of theirs lost. */
  g_assert_true (tl_report_validate (merged, zone, T0, T0 + 3600, NULL, &check));
  saved = tl_report_to_event (merged, &check, theirs_event);
  tl_report_check_clear (&check);
  g_assert_true (tl_store_update_event (store, saved, "Desk B", &error));
  g_assert_no_error (error);
  g_clear_object (&saved);
  saved = tl_store_get_event (store, tl_event_get_id (event), &error);
  g_assert_cmpint (tl_event_get_rescued (saved), ==, 47);
  g_assert_cmpint (tl_event_get_deceased (saved), ==, 0);
  g_assert_cmpstr (tl_event_get_notes (saved), ==, "Boat deflating; two in the water");
  g_assert_cmpint (tl_event_get_revision (saved), ==, 3);
}

static void
test_copy_text (void)
{
  g_autoptr(TlReport) report = tl_report_new (TL_EVENT_KIND_RESCUE);
  g_autofree char *text = NULL;

  tl_report_set (report, TL_REPORT_FIELD_RESCUED, "47");
  tl_report_set (report, TL_REPORT_FIELD_BOAT_TYPE, "rhib");
  text = tl_report_to_text (report);
  g_assert_nonnull (strstr (text, "Rescued: 47\n"));
  g_assert_nonnull (strstr (text, "Boat type: RHIB\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/conflict/stale-save-refused", test_stale_save_refused);
  g_test_add_func ("/conflict/merge", test_merge);
  g_test_add_func ("/conflict/copy-text", test_copy_text);

  return g_test_run ();
}
