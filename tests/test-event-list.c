/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-event-list.h"
#include "tl-store.h"

/* 2024-05-01 00:00:00 UTC; the list shows [T0, T0 + 1 day). */
#define T0 G_GINT64_CONSTANT (1714521600)
#define DAY G_GINT64_CONSTANT (86400)

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct {
  char        *path;
  TlStore     *store;
  TlEventList *list;
  GArray      *changes;   /* of Change */
} Fixture;

/* Helpers */

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);

  /* The model must already be in its new state. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, position + added);
}

static void
assert_changes (Fixture *fixture,
                guint    n_changes,
                ...)
{
  va_list args;

  g_assert_cmpuint (fixture->changes->len, ==, n_changes);

  va_start (args, n_changes);
  for (guint i = 0; i < n_changes; i++)
    {
      Change *change = &g_array_index (fixture->changes, Change, i);
      g_assert_cmpuint (change->position, ==, va_arg (args, guint));
      g_assert_cmpuint (change->removed, ==, va_arg (args, guint));
      g_assert_cmpuint (change->added, ==, va_arg (args, guint));
    }
  va_end (args);

  g_array_set_size (fixture->changes, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static TlEvent *
add_event (TlStore *store,
           gint64   time)
{
  g_autoptr(GError) error = NULL;
  TlEvent *event = tl_event_new (TL_EVENT_KIND_SIGHTING);

  tl_event_set_time (event, time);
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);

  return event;
}

static TlEvent *
item (Fixture *fixture,
      guint    position)
{
  /* The list keeps a reference: a borrowed pointer is enough here. */
  TlEvent *event = g_list_model_get_item (G_LIST_MODEL (fixture->list), position);

  g_object_unref (event);
  return event;
}

static void
assert_sorted (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->list));

  for (guint i = 1; i < n; i++)
    g_assert_cmpint (tl_event_get_time (item (fixture, i - 1)), <=, tl_event_get_time (item (fixture, i)));
}

/* Three events at 01:00, 02:00 and 03:00, listed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_build_filename (g_get_user_data_dir (), "tideline", "log.db", NULL);
  fixture->store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (int hour = 1; hour <= 3; hour++)
    g_object_unref (add_event (fixture->store, T0 + hour * 3600));

  fixture->list = tl_event_list_new (fixture->store, T0, T0 + DAY);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed), fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->list);
  g_assert_finalize_object (fixture->store);
  g_array_unref (fixture->changes);
  g_free (fixture->path);
}

/* Tests */

static void
test_basics (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(TlStore) store = NULL;
  gint64 from, to;

  g_assert_true (g_list_model_get_item_type (model) == TL_TYPE_EVENT);
  g_assert_null (g_list_model_get_item (model, 3));
  g_assert_true (tl_event_list_get_store (fixture->list) == fixture->store);
  g_object_get (fixture->list, "store", &store, "from", &from, "to", &to, NULL);
  g_assert_true (store == fixture->store);
  g_assert_cmpint (from, ==, T0);
  g_assert_cmpint (to, ==, T0 + DAY);
  g_assert_cmpuint (tl_event_list_find (fixture->list, tl_event_get_id (item (fixture, 2))), ==, 2);
  g_assert_cmpuint (tl_event_list_find (fixture->list, 9999), ==, G_MAXUINT);
  assert_sorted (fixture);
}

static void
test_insert (Fixture       *fixture,
             gconstpointer  data)
{
  TlEvent *first = item (fixture, 0);
  TlEvent *last = item (fixture, 2);
  g_autoptr(TlEvent) start = NULL;
  g_autoptr(TlEvent) middle = NULL;
  g_autoptr(TlEvent) end = NULL;

  start = add_event (fixture->store, T0 + 60);
  assert_changes (fixture, 1, 0, 0, 1);
  g_assert_cmpint (tl_event_get_id (item (fixture, 0)), ==, tl_event_get_id (start));

  middle = add_event (fixture->store, T0 + 2 * 3600 + 1800);
  assert_changes (fixture, 1, 3, 0, 1);

  end = add_event (fixture->store, T0 + DAY - 1);
  assert_changes (fixture, 1, 5, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 6);

  /* Rows that did not change keep their objects. */
  g_assert_true (item (fixture, 1) == first);
  g_assert_true (item (fixture, 4) == last);
  assert_sorted (fixture);

  /* Same time as an existing event: ordered after it, by id. */
  g_object_unref (add_event (fixture->store, T0 + 3600));
  assert_changes (fixture, 1, 2, 0, 1);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TlEvent) edited = NULL;
  g_autoptr(GError) error = NULL;
  TlEvent *shown = item (fixture, 1);
  TlEvent *other = item (fixture, 2);
  guint notified = 0;

  g_signal_connect (shown, "notify::notes", G_CALLBACK (count_notify), &notified);

  edited = tl_event_copy (shown);
  tl_event_set_notes (edited, "Now heading for Dover");
  g_assert_true (tl_store_update_event (fixture->store, edited, "desk-2", &error));
  g_assert_no_error (error);

  assert_changes (fixture, 1, 1, 1, 1);
  /* The same object, brought up to date: selection and bindings follow. */
  g_assert_true (item (fixture, 1) == shown);
  g_assert_cmpstr (tl_event_get_notes (shown), ==, "Now heading for Dover");
  g_assert_cmpint (tl_event_get_revision (shown), ==, 2);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (item (fixture, 2) == other);

  /* Moved later in the day: one span covers where it was and where it is. */
  g_clear_object (&edited);
  edited = tl_event_copy (shown);
  tl_event_set_time (edited, T0 + 5 * 3600);
  g_assert_true (tl_store_update_event (fixture->store, edited, "desk-2", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 1, 2, 2);
  g_assert_true (item (fixture, 2) == shown);
  g_assert_true (item (fixture, 1) == other);
  assert_sorted (fixture);

  /* Moved out of the day: a removal. */
  g_clear_object (&edited);
  edited = tl_event_copy (shown);
  tl_event_set_time (edited, T0 + DAY);
  g_assert_true (tl_store_update_event (fixture->store, edited, "desk-2", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 2, 1, 0);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) deleted = g_object_ref (item (fixture, 1));

  g_assert_true (tl_store_delete_event (fixture->store, tl_event_get_id (deleted), 0, "desk-1", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 1, 1, 0);

  g_assert_true (tl_store_restore_event (fixture->store, deleted, "desk-1", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 1, 0, 1);

  g_assert_true (tl_store_delete_event (fixture->store, tl_event_get_id (item (fixture, 0)), 0, "desk-1", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 0, 1, 0);
  g_assert_true (tl_store_delete_event (fixture->store, tl_event_get_id (item (fixture, 1)), 0, "desk-1", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 1, 1, 0);
}

static void
test_out_of_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_object_unref (add_event (fixture->store, T0 - 1));
  g_object_unref (add_event (fixture->store, T0 + DAY));
  assert_changes (fixture, 0);

  /* A bulk add is one change. */
  for (int i = 0; i < 4; i++)
    {
      TlEvent *event = tl_event_new (TL_EVENT_KIND_PATROL);
      tl_event_set_time (event, T0 + 4 * 3600 + i);
      g_ptr_array_add (events, event);
    }
  g_assert_true (tl_store_add_events (fixture->store, events, "desk-1", &error));
  g_assert_no_error (error);
  assert_changes (fixture, 1, 3, 0, 4);
}

static void
test_set_range (Fixture       *fixture,
                gconstpointer  data)
{
  guint from_notified = 0;

  g_object_unref (add_event (fixture->store, T0 + DAY + 60));
  g_object_unref (add_event (fixture->store, T0 + DAY + 120));
  assert_changes (fixture, 0);

  g_signal_connect (fixture->list, "notify::from", G_CALLBACK (count_notify), &from_notified);

  tl_event_list_set_range (fixture->list, T0 + DAY, T0 + 2 * DAY);
  assert_changes (fixture, 1, 0, 3, 2);
  g_assert_cmpuint (from_notified, ==, 1);
  g_assert_cmpint (tl_event_list_get_from (fixture->list), ==, T0 + DAY);
  g_assert_cmpint (tl_event_list_get_to (fixture->list), ==, T0 + 2 * DAY);

  /* The same range again: nothing. */
  tl_event_list_set_range (fixture->list, T0 + DAY, T0 + 2 * DAY);
  assert_changes (fixture, 0);

  /* Through the property. */
  g_object_set (fixture->list, "from", T0, NULL);
  assert_changes (fixture, 1, 0, 2, 5);

  /* An empty range, then changes outside it. */
  tl_event_list_set_range (fixture->list, T0 + 3 * DAY, T0 + 4 * DAY);
  assert_changes (fixture, 1, 0, 5, 0);
  g_object_unref (add_event (fixture->store, T0));
  assert_changes (fixture, 0);
}

static void
test_other_connection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TlStore *writer = tl_store_open (fixture->path, &error);
  TlEvent *event;

  g_assert_no_error (error);

  event = add_event (writer, T0 + 90 * 60);
  assert_changes (fixture, 0);

  g_assert_true (tl_store_check_for_changes (fixture->store));
  assert_changes (fixture, 1, 1, 0, 1);
  g_assert_cmpint (tl_event_get_id (item (fixture, 1)), ==, tl_event_get_id (event));

  g_assert_true (tl_store_delete_event (writer, tl_event_get_id (event), 0, "desk-2", &error));
  g_assert_no_error (error);
  g_assert_true (tl_store_check_for_changes (fixture->store));
  assert_changes (fixture, 1, 1, 1, 0);

  g_object_unref (event);
  g_assert_finalize_object (writer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/event-list/basics", test_basics);
  ADD ("/event-list/insert", test_insert);
  ADD ("/event-list/update", test_update);
  ADD ("/event-list/delete", test_delete);
  ADD ("/event-list/out-of-range", test_out_of_range);
  ADD ("/event-list/set-range", test_set_range);
  ADD ("/event-list/other-connection", test_other_connection);

#undef ADD

  return g_test_run ();
}
