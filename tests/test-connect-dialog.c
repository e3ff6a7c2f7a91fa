/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "tl-connect-dialog.h"
#include "tl-import-dialog.h"
#include "tl-keyring.h"
#include "tl-test-store.h"
#include "tl-test-ui.h"
#include "tl-window.h"

/* "Open Database…": what the dialog accepts, that it opens off the main
 * thread and can give up, that it remembers the database without a
 * password, and that the window then says where it writes. The server
 * cases run under build-aux/with-pg-server (test-connect-dialog-pg). */

#define DEADLINE_US (60 * G_USEC_PER_SEC)

/* helpers */

static void
opened_cb (TlConnectDialog  *dialog,
           TlStore          *store,
           TlStore         **out)
{
  g_set_object (out, store);
}

/* Drops the test's reference to @store and waits, with a deadline, for
 * the store to be gone: a closed window's reads on a server may still be
 * on the store's worker for a moment, each holding a reference. */
static void
release_store (TlStore *store)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  while (store != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Waits, with a deadline, until @dialog has opened a store or failed. */
static TlStore *
wait_for_open (TlConnectDialog *dialog)
{
  TlStore *store = NULL;
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;
  gulong handler = g_signal_connect (dialog, "opened", G_CALLBACK (opened_cb), &store);

  while (store == NULL && tl_connect_dialog_get_connecting (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (store == NULL)
    g_signal_handler_disconnect (dialog, handler);

  return store;
}

static GtkWidget *
find_database_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.open-database") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_database_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the header bar says the window writes to. */
static const char *
database_label (TlWindow *window)
{
  GtkWidget *button = find_database_button (GTK_WIDGET (window));

  g_assert_nonnull (button);
  return gtk_label_get_text (GTK_LABEL (tl_test_find_widget (button, GTK_TYPE_LABEL)));
}

static char *
last_database (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "last-database");
}

/* A listening socket that never answers. */
static GSocket *
silent_server (guint16 *out_port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *out_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static TlConnectDialog *
new_dialog (void)
{
  TlConnectDialog *dialog = tl_connect_dialog_new (NULL);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_dialog (TlConnectDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  tl_test_iterate (50);
  g_assert_finalize_object (dialog);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tl_keyring_lookup_finish (TL_KEYRING (source), result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_strdup ("");
}

/* What the tests' keyring keeps for @address's login, "" if nothing. */
static char *
kept_password (const char *address)
{
  char *password = NULL;
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;

  tl_keyring_lookup_async (tl_keyring_get_default (), address, NULL, looked_up_cb, &password);
  while (password == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return password;
}

static void
kept_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_keyring_store_finish (TL_KEYRING (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
keep (const char *address,
      const char *password)
{
  gboolean done = FALSE;

  tl_keyring_store_async (tl_keyring_get_default (), address, password, NULL, kept_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* No value of any key of the application's settings holds @text. */
static void
assert_not_in_settings (const char *text)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_assert_null (strstr (printed, text));
    }
}

/* tests */

/* A password is kept for a login: host, port, database and user, however
 * the address spells them; a file has none. */
static void
test_keyring_keying (TlTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) uri = tl_keyring_dup_attributes ("postgresql://desk1@ops-server:5433/ops");
  g_autoptr(GHashTable) service = tl_keyring_dup_attributes ("service=ops");
  g_autofree char *same = NULL;
  g_autofree char *other_port = NULL;
  g_autofree char *other_user = NULL;

  g_assert_nonnull (uri);
  g_assert_cmpstr (g_hash_table_lookup (uri, "host"), ==, "ops-server");
  g_assert_cmpstr (g_hash_table_lookup (uri, "port"), ==, "5433");
  g_assert_cmpstr (g_hash_table_lookup (uri, "database"), ==, "ops");
  g_assert_cmpstr (g_hash_table_lookup (uri, "user"), ==, "desk1");
  g_assert_cmpstr (g_hash_table_lookup (uri, "service"), ==, "");
  g_assert_nonnull (service);
  g_assert_cmpstr (g_hash_table_lookup (service, "service"), ==, "ops");
  g_assert_null (tl_keyring_dup_attributes ("/var/lib/tideline/ops.db"));

  keep ("postgresql://desk1@ops-server:5433/ops", "s3cret-5433");
  /* The same login written as keywords finds it; another port or user
   * does not. */
  same = kept_password ("host=ops-server port=5433 dbname=ops user=desk1");
  g_assert_cmpstr (same, ==, "s3cret-5433");
  other_port = kept_password ("postgresql://desk1@ops-server:5434/ops");
  g_assert_cmpstr (other_port, ==, "");
  other_user = kept_password ("postgresql://desk2@ops-server:5433/ops");
  g_assert_cmpstr (other_user, ==, "");
  assert_not_in_settings ("s3cret-5433");
}

/* A kept password is tried when none is typed; if connecting fails, the
 * dialog offers to forget it, and Forget does. */
static void
test_keyring_forget (TlTestFixture *fixture,
                     gconstpointer  data)
{
  const char *address = "host=127.0.0.1 port=1 dbname=ops user=desk1 sslmode=disable";
  TlConnectDialog *dialog = new_dialog ();
  g_autoptr(TlStore) store = NULL;
  g_autofree char *left = NULL;
  GtkWidget *forget;
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;

  keep (address, "wrong-s3cret");
  tl_connect_dialog_set_address (dialog, address);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (tl_connect_dialog_get_connecting (dialog));
  store = wait_for_open (dialog);
  g_assert_null (store);
  g_assert_nonnull (tl_connect_dialog_get_error (dialog));

  forget = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), TL_TYPE_CONNECT_DIALOG, "forget_button");
  g_assert_true (gtk_widget_get_visible (forget));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.forget-password", NULL));
  while (gtk_widget_get_visible (forget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  left = kept_password (address);
  g_assert_cmpstr (left, ==, "");

  close_dialog (dialog);
}

static void
test_validation (TlTestFixture *fixture,
                 gconstpointer  data)
{
  TlConnectDialog *dialog = new_dialog ();

  tl_connect_dialog_set_address (dialog, "db.example/ops");
  g_assert_nonnull (strstr (tl_connect_dialog_get_error (dialog), "postgresql://"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_false (tl_connect_dialog_get_connecting (dialog));

  /* A password in the address would be remembered with it: refused. */
  tl_connect_dialog_set_address (dialog, "postgresql://desk1:s3cret@db.example/ops");
  g_assert_nonnull (strstr (tl_connect_dialog_get_error (dialog), "password"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_false (tl_connect_dialog_get_connecting (dialog));

  tl_connect_dialog_set_address (dialog, "postgresql://db.example/ops?sslmode=verify-full");
  g_assert_null (tl_connect_dialog_get_error (dialog));
  tl_connect_dialog_set_address (dialog, "service=ops");
  g_assert_null (tl_connect_dialog_get_error (dialog));

  close_dialog (dialog);
  g_autofree char *last = last_database ();
  g_assert_cmpstr (last, ==, "");
}

static void
test_unreachable (TlTestFixture *fixture,
                  gconstpointer  data)
{
  TlConnectDialog *dialog = new_dialog ();
  g_autoptr(TlStore) store = NULL;

  /* Nothing listens on port 1: refused at once, and said so. */
  tl_connect_dialog_set_address (dialog, "host=127.0.0.1 port=1 dbname=ops user=desk1 sslmode=disable");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  store = wait_for_open (dialog);
  g_assert_null (store);
  g_assert_nonnull (strstr (tl_connect_dialog_get_error (dialog), "Nothing answers at that address"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  close_dialog (dialog);
}

static void
test_cancel (TlTestFixture *fixture,
             gconstpointer  data)
{
  guint16 port;
  g_autoptr(GSocket) socket = silent_server (&port);
  g_autofree char *address = g_strdup_printf ("host=127.0.0.1 port=%u dbname=ops user=desk1 "
                                              "sslmode=disable", port);
  TlConnectDialog *dialog = new_dialog ();

  tl_connect_dialog_set_address (dialog, address);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (tl_connect_dialog_get_connecting (dialog));
  /* The window keeps running meanwhile: a second of main loop. */
  tl_test_iterate (1000);
  g_assert_true (tl_connect_dialog_get_connecting (dialog));

  /* The first Cancel gives up on the server, not on the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.cancel", NULL);
  g_assert_false (tl_connect_dialog_get_connecting (dialog));
  g_assert_null (tl_connect_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  close_dialog (dialog);
}

static void
test_file (TlTestFixture *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "desk-two.db", NULL);
  TlConnectDialog *dialog = new_dialog ();
  g_autoptr(TlStore) store = NULL;
  g_autofree char *last = NULL;
  TlWindow *window;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tl_connect_dialog_open (dialog, path);
  store = wait_for_open (dialog);
  g_assert_nonnull (store);
  g_assert_false (tl_store_is_server (store));
  g_assert_cmpstr (tl_store_get_path (store), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  last = last_database ();
  g_assert_cmpstr (last, ==, path);

  /* It closed itself; the test's reference is the last. */
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_finalize_object (dialog);

  window = tl_window_new (GTK_APPLICATION (fixture->app), store);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_iterate (100);
  g_assert_cmpstr (database_label (window), ==, "desk-two.db");
  tl_test_close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* win.open-database: the window is replaced by one on the database
 * opened. */
static void
test_window_replaced (TlTestFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "other.db", NULL);
  TlWindow *window = tl_test_present_window (fixture);
  g_autofree char *fixture_name = g_path_get_basename (fixture->path);
  TlConnectDialog *dialog = NULL;
  TlWindow *replacement = NULL;
  g_autoptr(GList) toplevels = NULL;
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;

  g_assert_cmpstr (database_label (window), ==, fixture_name);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-database", NULL);
  tl_test_iterate (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (TL_IS_CONNECT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  tl_connect_dialog_open (dialog, path);
  while (replacement == NULL)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      for (GList *l = windows; l != NULL; l = l->next)
        if (TL_IS_WINDOW (l->data) && l->data != (gpointer) window)
          replacement = l->data;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpstr (tl_store_get_path (tl_window_get_store (replacement)), ==, path);
  g_assert_cmpstr (database_label (replacement), ==, "other.db");

  /* The old window is gone, with its hold on the fixture's store. */
  tl_test_iterate (50);
  g_assert_finalize_object (window);
  g_object_ref (replacement);
  tl_test_close_window (replacement);
}

static void
test_server (TlTestFixture *fixture,
             gconstpointer  data)
{
  g_autofree char *address = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlStoreServer) server = NULL;
  TlConnectDialog *dialog;
  GtkWidget *password;
  TlWindow *window;
  GLogLevelFlags fatal;

  if (!tl_test_store_is_server ())
    {
      g_test_skip ("Runs under build-aux/with-pg-server only");
      return;
    }

  address = tl_test_store_address ("dialog");
  dialog = new_dialog ();
  tl_connect_dialog_set_address (dialog, address);
  /* The test server trusts its user: any password is let in, and must be
   * forgotten all the same. */
  password = tl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (password), "typed-s3cret");
  /* Asked to, the dialog keeps it in the keyring, and nowhere else. */
  gtk_switch_set_active (GTK_SWITCH (tl_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  store = wait_for_open (dialog);
  g_assert_nonnull (store);
  g_assert_finalize_object (dialog);
  kept = kept_password (address);
  g_assert_cmpstr (kept, ==, "typed-s3cret");
  assert_not_in_settings ("typed-s3cret");

  last = last_database ();
  g_assert_null (strstr (last, "typed-s3cret"));
  g_assert_null (strstr (last, "password"));
  g_assert_cmpstr (last, ==, address);

  server = tl_store_get_server (store);
  g_assert_false (server->tls);
  /* The summary bar and the open-cases board warn that a server cannot
   * count their figures yet (the PostgreSQL backend lacks those queries
   * at this point): not what this test looks at. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  window = tl_window_new (GTK_APPLICATION (fixture->app), store);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  tl_test_iterate (100);
  /* The test server's user owns the tables: it is tideline_admin. */
  g_assert_cmpstr (server->role, ==, "tideline_admin");
  expected = g_strdup_printf ("%s on localhost (tideline_admin)", server->database);
  g_assert_cmpstr (database_label (window), ==, expected);
  tl_test_close_window (window);
  g_log_set_always_fatal (fatal);
  release_store (g_steal_pointer (&store));
}

static void
imported_cb (TlImportDialog *dialog,
             guint           n_added,
             guint           n_already,
             int            *out_added)
{
  *out_added = n_added;
}

static void
count_cb (TlStore *store,
          guint   *count)
{
  (*count)++;
}

/* An import through the Import window into a server opened with a
 * password typed in the dialog, in no password file: the window's own
 * store writes it (its worker's connection has the password), and shows
 * the new reports when the window says they are in. */
static void
test_import_typed_password (TlTestFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autofree char *own = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *address = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(TlStore) store = NULL;
  TlConnectDialog *dialog;
  TlImportDialog *import;
  TlImportSource *source;
  gint64 deadline = g_get_monotonic_time () + DEADLINE_US;
  int added = -1;
  guint n_changes = 0;

  if (!tl_test_store_is_server ())
    {
      g_test_skip ("Runs under build-aux/with-pg-server only");
      return;
    }

  tl_test_store_pg_add_password_role ("tl_typed", "typed-s3cret");
  /* The test's database, as the new role. */
  own = tl_test_store_address ("import");
  parts = g_strsplit (own, "user=tideline", 2);
  address = g_strjoinv ("user=tl_typed", parts);

  dialog = new_dialog ();
  tl_connect_dialog_set_address (dialog, address);
  gtk_editable_set_text (GTK_EDITABLE (tl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW)),
                         "typed-s3cret");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  store = wait_for_open (dialog);
  g_assert_nonnull (store);
  g_assert_finalize_object (dialog);

  dir = g_path_get_dirname (fixture->path);
  csv = g_build_filename (dir, "typed.csv", NULL);
  g_file_set_contents (csv,
                       "id,kind,time,latitude,longitude,people\n"
                       "t1,departure,2026-03-01 04:10,50.75,1.60,52\n"
                       "t2,sighting,2026-03-01 05:00,50.90,1.40,\n",
                       -1, &error);
  g_assert_no_error (error);
  source = tl_import_source_new_from_file (csv, &error);
  g_assert_no_error (error);

  g_signal_connect (store, "events-changed", G_CALLBACK (count_cb), &n_changes);
  import = tl_import_dialog_new (NULL, store, source, zone, "test");
  g_signal_connect (import, "imported", G_CALLBACK (imported_cb), &added);
  g_object_add_weak_pointer (G_OBJECT (import), (gpointer *) &import);
  gtk_window_present (GTK_WINDOW (import));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (import), "import.commit", NULL));
  while (added < 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (added, ==, 2);
  /* Told before the window says it is done: no poll of the server. */
  g_assert_cmpuint (n_changes, >=, 1);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, 2);
  g_assert_no_error (error);
  while (import != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_signal_handlers_disconnect_by_func (store, count_cb, &n_changes);
  g_unlink (csv);
  release_store (g_steal_pointer (&store));
  tl_test_store_pg_trust_all ("tl_typed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TlKeyring) keyring = NULL;

  tl_test_ui_init (&argc, &argv);
  /* Never the desk's own keyring, nor one on the bus. */
  keyring = tl_keyring_new_in_memory ();
  tl_keyring_set_default (keyring);

  tl_test_add ("/connect-dialog/validation", test_validation);
  tl_test_add ("/connect-dialog/unreachable", test_unreachable);
  tl_test_add ("/connect-dialog/cancel", test_cancel);
  tl_test_add ("/connect-dialog/file", test_file);
  tl_test_add ("/connect-dialog/window-replaced", test_window_replaced);
  tl_test_add ("/connect-dialog/server", test_server);
  tl_test_add ("/connect-dialog/keyring-keying", test_keyring_keying);
  tl_test_add ("/connect-dialog/keyring-forget", test_keyring_forget);
  tl_test_add ("/connect-dialog/import-typed-password", test_import_typed_password);

  return tl_test_ui_run ();
}
