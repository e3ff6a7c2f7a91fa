/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-test-ui.h"
#include "tl-report-editor.h"

/* One application for the whole program: it can be registered on the bus
 * only once. */
static TlApplication *the_app;
static char *scratch_home;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * tl_test_ui_init:
 *
 * Not G_TEST_OPTION_ISOLATE_DIRS: it also hides the system data dirs, and
 * with them the MIME database GTK needs to load SVG icons. The user's own
 * dirs are pointed at a scratch dir instead, removed by tl_test_ui_run().
 */
void
tl_test_ui_init (int    *argc,
                 char ***argv)
{
  static const char *xdg_vars[] = {
    "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;

  scratch_home = g_dir_make_tmp ("tideline-test-XXXXXX", NULL);
  g_assert_nonnull (scratch_home);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (scratch_home, xdg_vars[i], NULL);
      g_setenv (xdg_vars[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  the_app = tl_application_new ();
  if (!g_application_register (G_APPLICATION (the_app), NULL, &error))
    g_error ("%s", error->message);
}

/**
 * tl_test_ui_run:
 *
 * Runs the tests, then releases the application and the scratch dirs.
 *
 * Returns: the exit status of g_test_run().
 */
int
tl_test_ui_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&the_app);
  remove_tree (scratch_home);
  g_clear_pointer (&scratch_home, g_free);

  return ret;
}

TlApplication *
tl_test_ui_get_app (void)
{
  return the_app;
}

void
tl_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
tl_test_fixture_set_up (TlTestFixture *fixture,
                        gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("test-%u.db", ++counter);

  fixture->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  fixture->store = tl_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->app = g_object_ref (the_app);
}

void
tl_test_fixture_tear_down (TlTestFixture *fixture,
                           gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  TlStore *store = fixture->store;

  /* A draft written as its editor went holds the store until its answer
   * comes back to the main loop. */
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (fixture->store);
  while (store != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      tl_test_iterate (10);
    }
  g_clear_object (&fixture->app);
  g_free (fixture->path);
}

/**
 * tl_test_present_window:
 *
 * Returns: (transfer full): a mapped window on the fixture's store; close
 *   it with tl_test_close_window(), which checks it finalizes.
 */
TlWindow *
tl_test_present_window (TlTestFixture *fixture)
{
  TlWindow *window = tl_window_new (GTK_APPLICATION (fixture->app), fixture->store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_iterate (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

void
tl_test_close_window (TlWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* Its last answers from the store's worker come back first. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  while (window != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      tl_test_iterate (10);
    }
}

/**
 * tl_test_wait_for_report_form:
 *
 * Waits, with a deadline, for the window's report editor to be open and
 * its form loaded (it reads its lists on the store's worker).
 *
 * Returns: (transfer none): the editor
 */
GtkWindow *
tl_test_wait_for_report_form (TlWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWindow *form;

  while ((form = tl_window_get_report_form (window)) == NULL ||
         g_strcmp0 (tl_report_editor_get_page (TL_REPORT_EDITOR (form)), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      tl_test_iterate (10);
    }
  return form;
}

/**
 * tl_test_find_widget:
 *
 * Returns: (transfer none) (nullable): the first widget of @type under
 *   @root, depth first.
 */
GtkWidget *
tl_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tl_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * tl_test_find_row:
 *
 * Returns: (transfer none) (nullable): the first #AdwPreferencesRow
 *   titled @title under @root, depth first.
 */
GtkWidget *
tl_test_find_row (GtkWidget  *root,
                  const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tl_test_find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}
