/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tl-handover-window.h"

/* The hand-over window: a change made after "Mark Handed Over" is
 * listed, one made before is not; the mark is kept per database; Enter
 * on a row opens its report; Undo puts the mark back. */

#define DEADLINE_MS 10000

typedef struct {
  char      *dir;
  char      *paths[2];
  TlStore   *stores[2];
  GSettings *settings;
  gint64     opened;
} Fixture;

static void
wait_for (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gint64
add_report (TlStore     *store,
            TlEventKind  kind,
            int          people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (kind);

  tl_event_set_time (event, g_get_real_time () / G_USEC_PER_SEC - 600);
  tl_event_set_people (event, people);
  tl_event_set_place (event, "Wimereux");
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);
  return tl_event_get_id (event);
}

static gint64 the_second;

/* The audit keeps seconds: a mark in the second after a change is after it. */
static gboolean
second_passed (gpointer data)
{
  return g_get_real_time () / G_USEC_PER_SEC > the_second;
}

static const TlHandoverItem *
find_item (TlHandoverWindow *window,
           gint64            event_id)
{
  GPtrArray *items = tl_handover_window_get_items (window);

  for (guint i = 0; i < items->len; i++)
    {
      const TlHandoverItem *item = g_ptr_array_index (items, i);

      if (item->event_id == event_id)
        return item;
    }
  return NULL;
}

typedef struct {
  TlHandoverWindow *window;
  guint             n;
} Count;

static gboolean
has_n_items (gpointer data)
{
  Count *count = data;

  return tl_handover_window_get_items (count->window)->len == count->n;
}

/* The window's reads run on the store's worker. */
static gboolean
is_read (gpointer window)
{
  return !tl_handover_window_is_reading (window);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
open_report_cb (TlHandoverWindow *window,
                gint64            event_id,
                Fixture          *f)
{
  f->opened = event_id;
}

static GtkWidget *
first_activatable_row (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX_ROW (root) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_activatable_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
visible_page (TlHandoverWindow *window)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), TL_TYPE_HANDOVER_WINDOW, "stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
destroy_window (TlHandoverWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (is_null, &window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tideline-test-handover-window-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("desk-%u.db", i);

      f->paths[i] = g_build_filename (f->dir, name, NULL);
      f->stores[i] = tl_store_open (f->paths[i], &error);
      g_assert_no_error (error);
    }
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "handover-times");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_settings_reset (f->settings, "handover-times");
  g_clear_object (&f->settings);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_finalize_object (f->stores[i]);
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *file = g_strconcat (f->paths[i], (const char *[]) { "", "-wal", "-shm" }[j], NULL);
          g_unlink (file);
        }
      g_free (f->paths[i]);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

static void
test_since_mark (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GVariant) marks = NULL;
  g_autoptr(TlEvent) edited = NULL;
  TlHandoverWindow *window;
  TlHandoverWindow *other;
  const TlHandoverItem *item;
  gint64 before, after, elsewhere, mark;
  GtkWidget *row;

  /* Before the mark: a rescue, listed while there is no hand-over yet. */
  before = add_report (f->stores[0], TL_EVENT_KIND_RESCUE, 40);
  elsewhere = add_report (f->stores[1], TL_EVENT_KIND_DEPARTURE, 12);
  window = tl_handover_window_new (f->stores[0], f->settings, zone);
  g_signal_connect (window, "open-report", G_CALLBACK (open_report_cb), f);
  gtk_window_present (GTK_WINDOW (window));
  /* Before its first reading arrives it says it is reading. */
  g_assert_true (tl_handover_window_is_reading (window));
  g_assert_cmpstr (visible_page (window), ==, "loading");
  wait_for (is_read, window);
  item = find_item (window, before);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, TL_CHANGE_CREATED);
  g_assert_cmpstr (item->title, ==, "Rescue · 40 people · Wimereux");
  g_assert_cmpstr (visible_page (window), ==, "changes");

  /* Marked handed over: nothing from before it. */
  the_second = g_get_real_time () / G_USEC_PER_SEC;
  wait_for (second_passed, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "handover.mark", NULL));
  mark = tl_handover_window_get_since (window);
  g_assert_cmpint (mark, >, the_second);
  wait_for (is_read, window);
  g_assert_cmpuint (tl_handover_window_get_items (window)->len, ==, 0);
  g_assert_cmpstr (visible_page (window), ==, "empty");

  /* After the mark: a new sighting, and the rescue's count corrected.
   * Both appear as the store announces them; the rescue's creation
   * (before the mark) does not. */
  after = add_report (f->stores[0], TL_EVENT_KIND_SIGHTING, 7);
  edited = tl_store_get_event (f->stores[0], before, &error);
  g_assert_no_error (error);
  tl_event_set_people (edited, 52);
  g_assert_true (tl_store_update_event (f->stores[0], edited, "desk-2", &error));
  g_assert_no_error (error);
  wait_for (has_n_items, &(Count) { window, 2 });

  item = find_item (window, after);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, TL_CHANGE_CREATED);
  item = find_item (window, before);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, TL_CHANGE_EDITED);
  g_assert_cmpstr (item->operator_name, ==, "desk-2");
  g_assert_cmpuint (item->lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (item->lines, 0), ==, "people: 40 → 52");
  g_assert_cmpstr (visible_page (window), ==, "changes");

  /* The first row is the new sighting; Enter opens it. */
  row = first_activatable_row (GTK_WIDGET (window));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpint (f->opened, ==, after);

  /* The mark is this database's: the other file still lists its own
   * report, and marking it leaves the first one's mark alone. */
  other = tl_handover_window_new (f->stores[1], f->settings, zone);
  g_assert_cmpint (tl_handover_window_get_since (other), <, mark);
  wait_for (is_read, other);
  g_assert_nonnull (find_item (other, elsewhere));
  marks = g_settings_get_value (f->settings, "handover-times");
  g_assert_cmpuint (g_variant_n_children (marks), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "handover.mark", NULL));
  g_clear_pointer (&marks, g_variant_unref);
  marks = g_settings_get_value (f->settings, "handover-times");
  g_assert_cmpuint (g_variant_n_children (marks), ==, 2);
  g_assert_cmpint (tl_handover_window_get_since (window), ==, mark);
  wait_for (is_read, other);
  g_assert_null (find_item (other, elsewhere));

  /* Undo puts the first database back as it was before its mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "handover.undo-mark", NULL));
  g_assert_cmpint (tl_handover_window_get_since (window), <, mark);
  wait_for (is_read, window);
  g_assert_nonnull (find_item (window, before));
  g_assert_cmpint (find_item (window, before)->kind, ==, TL_CHANGE_CREATED);

  destroy_window (other);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/handover-window/since-mark", Fixture, NULL, fixture_set_up, test_since_mark, fixture_tear_down);

  return g_test_run ();
}
