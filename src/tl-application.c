/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tl-application.h"
#include "tl-cli.h"
#include "tl-connect-dialog.h"
#include "tl-preferences-window.h"
#include "tl-sea.h"
#include "tl-time.h"
#include "tl-window.h"

struct _TlApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  char           *database_path;
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (TlApplication, tl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a generated sample day in a separate demo database"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* helpers */

static void
show_open_error (TlApplication *self,
                 const char    *path,
                 const GError  *error)
{
  AdwMessageDialog *dialog;

  g_printerr ("%s: %s\n", path, error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       tl_store_error_get_title (error),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static TlStore *
open_demo_store (TlApplication  *self,
                 GError        **error)
{
  g_autofree char *zone_id = g_settings_get_string (self->settings, "time-zone");
  g_autoptr(GTimeZone) zone = NULL;

  zone = tl_time_zone_new (zone_id);
  if (zone == NULL)
    zone = g_time_zone_new_local ();

  return tl_cli_open_demo_store (zone, error);
}

/* A server is connected to from the Open Database dialog, off the main
 * thread: the window opens when it answers, and the dialog says where it
 * is connecting, any error, and lets the user choose another database. */
static void
connect_opened_cb (TlApplication   *self,
                   TlStore         *store,
                   TlConnectDialog *dialog)
{
  gtk_window_present (GTK_WINDOW (tl_window_new (GTK_APPLICATION (self), store)));
}

static void
open_server (TlApplication *self,
             const char    *address)
{
  TlConnectDialog *dialog = tl_connect_dialog_new (NULL);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "opened", G_CALLBACK (connect_opened_cb), self, G_CONNECT_SWAPPED);
  tl_connect_dialog_open (dialog, address);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What is opened when nothing else is asked for: the database opened
 * last (tl-connect-dialog.c remembers it), else the default file. */
static char *
default_database (TlApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  if (*last != '\0')
    return g_steal_pointer (&last);

  return tl_cli_default_database_path ();
}

/* callbacks */

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  TlApplication *self = user_data;
  const char *developers[] = { _("The Tideline developers"), NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "transient-for", window,
                "application-name", _("Tideline"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Tideline developers"),
                "developers", developers,
                "website", "https://github.com/tideline/tideline",
                "issue-url", "https://github.com/tideline/tideline/issues",
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Patrols, departures and rescues on the English Channel, "
                              "on a map that works offline."),
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  /* GSHHG's licence asks for credit wherever the coastline is shown. */
  adw_about_window_add_legal_section (about,
                                      _("Coastline"),
                                      _("GSHHG, Global Self-consistent, Hierarchical, High-resolution "
                                        "Geography Database, by P. Wessel and W. H. F. Smith"),
                                      GTK_LICENSE_LGPL_3_0, NULL);
  /* Where the lines in the Strait come from, and how far to trust them. */
  {
    g_autoptr(GString) sources = g_string_new (NULL);

    for (int k = 0; k < TL_SEA_N_LINES; k++)
      g_string_append_printf (sources, "%s%s", k > 0 ? "\n" : "", tl_sea_line_get_source (k));
    adw_about_window_add_legal_section (about, _("Lines in the Strait (approximate)"),
                                        sources->str, GTK_LICENSE_CUSTOM, NULL);
  }
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  TlApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (tl_preferences_window_new (window, self->settings)));
}

static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  TlApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;

  if (!(store = open_demo_store (self, &error)))
    {
      g_autofree char *path = tl_cli_demo_database_path ();
      show_open_error (self, path, error);
      return;
    }

  gtk_window_present (GTK_WINDOW (tl_window_new (GTK_APPLICATION (self), store)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "open-sample", open_sample_activated },
};

/* GObject overrides */

static int
tl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  TlApplication *self = TL_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "tideline", PACKAGE_VERSION);
      return 0;
    }

  if (self->settings == NULL)
    {
      g_printerr (_("Tideline’s settings schema (%s) is not installed: install Tideline, or run it "
                    "from its source folder with build-aux/dev run\n"), APP_ID);
      return 1;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = tl_store_is_server_address (path) ? g_strdup (path)
                                                            : g_canonicalize_filename (path, NULL);
  self->demo = g_variant_dict_contains (options, "demo");

  if (self->demo && self->database_path != NULL)
    {
      g_printerr ("%s\n", _("--demo and --database cannot be used together"));
      return 2;
    }

  return -1;
}

static void
tl_application_startup (GApplication *app)
{
  TlApplication *self = TL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (tl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
tl_application_activate (GApplication *app)
{
  TlApplication *self = TL_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (app))))
    {
      gtk_window_present (window);
      return;
    }

  if (self->demo)
    {
      path = tl_cli_demo_database_path ();
      store = open_demo_store (self, &error);
    }
  else
    {
      path = self->database_path ? g_strdup (self->database_path) : default_database (self);
      if (tl_store_is_server_address (path))
        {
          open_server (self, path);
          return;
        }
      store = tl_store_open (path, &error);
    }

  if (store == NULL)
    {
      show_open_error (self, path, error);
      return;
    }

  if (!self->demo)
    g_settings_set_string (self->settings, "last-database", path);
  window = GTK_WINDOW (tl_window_new (GTK_APPLICATION (self), store));
  /* The startup benchmark's mark: quits once the day is drawn. */
  if (g_getenv ("TIDELINE_BENCH_READY") != NULL)
    tl_window_report_ready (TL_WINDOW (window));
  gtk_window_present (window);
}

static void
tl_application_finalize (GObject *object)
{
  TlApplication *self = TL_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (tl_application_parent_class)->finalize (object);
}

static void
tl_application_class_init (TlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tl_application_finalize;
  app_class->handle_local_options = tl_application_handle_local_options;
  app_class->startup = tl_application_startup;
  app_class->activate = tl_application_activate;
}

static void
tl_application_init (TlApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without its schema, g_settings_new() aborts; `tideline --help` and
   * the headless commands need no settings, and the window says what is
   * missing (tl_application_handle_local_options()). */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

/* public API */

/**
 * tl_application_new:
 *
 * Returns: (transfer full): the application. Each process opens its own
 *   database, so instances are not unique: two desks may run two windows
 *   on the same file, or one on a demo database.
 */
TlApplication *
tl_application_new (void)
{
  return g_object_new (TL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * tl_application_get_settings:
 *
 * Returns: (transfer none): the application's settings.
 */
GSettings *
tl_application_get_settings (TlApplication *self)
{
  g_return_val_if_fail (TL_IS_APPLICATION (self), NULL);

  return self->settings;
}
