/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-report.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* Drafts: one per form, replaced while typing, kept across a restart,
 * gone once saved or discarded. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)

static TlStore *
open_store (void)
{
  return tl_test_store_open ("drafts.db");
}

static void
test_draft_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlReport) report = tl_report_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlDraft) draft = NULL;
  g_autoptr(TlReport) back = NULL;
  g_autofree char *json = NULL;

  g_assert_null (tl_store_get_draft (store, TL_EVENT_KIND_RESCUE, 0, &error));
  g_assert_no_error (error);

  tl_report_set (report, TL_REPORT_FIELD_RESCUED, "4");
  json = tl_report_to_json (report);
  g_assert_true (tl_store_save_draft (store, TL_EVENT_KIND_RESCUE, 0, "Desk A", json, &error));
  g_assert_no_error (error);

  /* Replaced, not added, while typing. */
  g_free (json);
  tl_report_set (report, TL_REPORT_FIELD_RESCUED, "47");
  json = tl_report_to_json (report);
  g_assert_true (tl_store_save_draft (store, TL_EVENT_KIND_RESCUE, 0, "Desk A", json, &error));

  /* A different form's draft is not this one. */
  g_assert_null (tl_store_get_draft (store, TL_EVENT_KIND_PATROL, 0, &error));
  g_assert_null (tl_store_get_draft (store, TL_EVENT_KIND_RESCUE, 5, &error));
  g_assert_no_error (error);

  /* Still there after a restart (a crash). */
  g_clear_object (&store);
  store = open_store ();
  draft = tl_store_get_draft (store, TL_EVENT_KIND_RESCUE, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (draft->operator_name, ==, "Desk A");
  g_assert_cmpint (draft->updated_at, >, 0);
  back = tl_report_new_from_json (draft->content, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_RESCUED), ==, "47");

  g_assert_true (tl_store_delete_draft (store, TL_EVENT_KIND_RESCUE, 0, &error));
  g_assert_no_error (error);
  g_assert_null (tl_store_get_draft (store, TL_EVENT_KIND_RESCUE, 0, &error));
  /* Twice is fine. */
  g_assert_true (tl_store_delete_draft (store, TL_EVENT_KIND_RESCUE, 0, &error));
}

static void
test_draft_of_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(TlDraft) draft = NULL;

  g_assert_true (tl_store_save_draft (store, TL_EVENT_KIND_PATROL, 12, "Desk B", "{\"kind\":\"patrol\"}", &error));
  g_assert_true (tl_store_save_draft (store, TL_EVENT_KIND_PATROL, 0, "Desk B", "{\"kind\":\"patrol\",\"x\":1}", &error));
  draft = tl_store_get_draft (store, TL_EVENT_KIND_PATROL, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (draft->event_id, ==, 12);
  g_assert_cmpstr (draft->content, ==, "{\"kind\":\"patrol\"}");

  /* The store refuses what is not JSON rather than keep a broken draft. */
  g_assert_false (tl_store_save_draft (store, TL_EVENT_KIND_PATROL, 12, "Desk B", "{", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&draft, tl_draft_free);
  draft = tl_store_get_draft (store, TL_EVENT_KIND_PATROL, 12, &error);
  g_assert_nonnull (draft);
}

/* A draft of an edit remembers the revision it was typed over: restored
 * after someone else saved the record, it cannot be saved over their
 * change; the version it was typed over comes back from the audit log so
 * that a merge keeps both. */
static void
test_draft_base_revision (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) theirs_event = NULL;
  g_autoptr(TlEvent) current = NULL;
  g_autoptr(TlEvent) saved = NULL;
  g_autoptr(TlEvent) stored = NULL;
  g_autoptr(TlReport) base = NULL;
  g_autoptr(TlReport) mine = NULL;
  g_autoptr(TlReport) restored = NULL;
  g_autoptr(TlReport) typed_over = NULL;
  g_autoptr(TlReport) theirs = NULL;
  g_autoptr(TlReport) merged = NULL;
  g_autoptr(TlDraft) draft = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *json = NULL;
  TlReportCheck check;
  gint64 id;

  tl_event_set_time (event, T0);
  tl_event_set_position (event, 50.95, 1.58);
  tl_event_set_unit (event, "RNLI Dover lifeboat");
  tl_event_set_rescued (event, 40);
  g_assert_true (tl_store_add_event (store, event, "Desk A", &error));
  g_assert_no_error (error);
  id = tl_event_get_id (event);

  /* Desk B types over revision 1, and the draft is kept... */
  base = tl_report_new_from_event (event, zone, TL_COORDINATE_FORMAT_DD);
  mine = tl_report_copy (base);
  tl_report_set (mine, TL_REPORT_FIELD_NOTES, "Two in the water");
  json = tl_report_to_json (mine);
  g_assert_true (tl_store_save_draft (store, TL_EVENT_KIND_RESCUE, id, "Desk B", json, &error));
  g_assert_no_error (error);

  /* ...while desk A saves the record. */
  theirs_event = tl_store_get_event (store, id, &error);
  tl_event_set_rescued (theirs_event, 47);
  g_assert_true (tl_store_update_event (store, theirs_event, "Desk A", &error));
  g_assert_no_error (error);

  /* After a restart, the draft still knows what it was typed over. */
  g_clear_object (&store);
  store = open_store ();
  draft = tl_store_get_draft (store, TL_EVENT_KIND_RESCUE, id, &error);
  g_assert_nonnull (draft);
  restored = tl_report_new_from_json (draft->content, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restored->event_id, ==, id);
  g_assert_cmpint (restored->revision, ==, 1);

  audit = tl_store_list_audit (store, id, &error);
  g_assert_no_error (error);
  typed_over = tl_report_new_from_audit (audit, restored->revision, zone, TL_COORDINATE_FORMAT_DD);
  g_assert_nonnull (typed_over);
  g_assert_cmpint (typed_over->revision, ==, 1);
  g_assert_true (tl_report_equal (typed_over, base));
  g_assert_null (tl_report_new_from_audit (audit, 9, zone, TL_COORDINATE_FORMAT_DD));

  /* Saved over the record as it is now: refused, nothing overwritten. */
  current = tl_store_get_event (store, id, &error);
  g_assert_true (tl_report_validate (restored, zone, T0, T0 + 3600, NULL, &check));
  saved = tl_report_to_event (restored, &check, current);
  tl_report_check_clear (&check);
  g_assert_cmpint (tl_event_get_revision (saved), ==, 1);
  g_assert_false (tl_store_update_event (store, saved, "Desk B", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  stored = tl_store_get_event (store, id, &error);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_null (tl_event_get_notes (stored));
  g_assert_cmpint (tl_event_get_revision (stored), ==, 2);

  /* Merged over theirs from the version typed over: both changes kept. */
  theirs = tl_report_new_from_event (current, zone, TL_COORDINATE_FORMAT_DD);
  merged = tl_report_merge (typed_over, theirs, restored);
  g_assert_true (tl_report_validate (merged, zone, T0, T0 + 3600, NULL, &check));
  g_clear_object (&saved);
  saved = tl_report_to_event (merged, &check, current);
  tl_report_check_clear (&check);
  g_assert_true (tl_store_update_event (store, saved, "Desk B", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = tl_store_get_event (store, id, &error);
  g_assert_cmpint (tl_event_get_rescued (stored), ==, 47);
  g_assert_cmpstr (tl_event_get_notes (stored), ==, "Two in the water");
  g_assert_cmpint (tl_event_get_revision (stored), ==, 3);
}

static void
test_units (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_store ();
  g_auto(GStrv) units = NULL;

  g_assert_true (tl_store_add_unit (store, " SNSM Dunkerque ", &error));
  g_assert_true (tl_store_add_unit (store, "Abeille Normandie", &error));
  g_assert_true (tl_store_add_unit (store, "SNSM Dunkerque", &error));
  g_assert_no_error (error);
  g_assert_false (tl_store_add_unit (store, "  ", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  units = tl_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (units), ==, 2);
  g_assert_cmpstr (units[0], ==, "Abeille Normandie");
  g_assert_cmpstr (units[1], ==, "SNSM Dunkerque");

  g_assert_true (tl_store_add_place (store, "Plage du Fort Mahon", 50.34, 1.55, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) places = tl_store_list_places (store, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < places->len; i++)
      found |= g_str_equal (((TlPlace *) places->pdata[i])->name, "Plage du Fort Mahon");
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft/lifecycle", test_draft_lifecycle);
  g_test_add_func ("/draft/of-edit", test_draft_of_edit);
  g_test_add_func ("/draft/base-revision", test_draft_base_revision);
  g_test_add_func ("/draft/units", test_units);

  return g_test_run ();
}
