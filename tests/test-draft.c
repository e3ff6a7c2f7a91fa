/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-report.h"
#include "tl-store.h"

/* Drafts: one per form, replaced while typing, kept across a restart,
 * gone once saved or discarded. */

static char *
db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "drafts.db", NULL);
}

static TlStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ();
  TlStore *store = tl_store_open (path, &error);

  g_assert_no_error (error);
  return store;
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
  g_test_add_func ("/draft/units", test_units);

  return g_test_run ();
}
