/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-connect-dialog.h"
#include "tl-keyring.h"

/* "Open Database…": a file on this computer, or a shared server by its
 * address (postgresql://HOST/DB or service=NAME). The database is opened
 * in a worker thread (tl_store_open_async()), so a server that does not
 * answer never blocks a window; Cancel gives up on it. A password typed
 * here is handed to that connection, and kept only in the desktop's
 * keyring if the officer asks (tl-keyring.c); with none typed, the
 * keyring is asked first, then libpq reads ~/.pgpass. The address is
 * remembered without any password ("last-database"), and no password is
 * ever written to GSettings or a file of Tideline's. */

struct _TlConnectDialog
{
  AdwWindow     parent_instance;

  /* template widgets */
  AdwEntryRow  *address_row;
  AdwEntryRow  *password_row;
  GtkSwitch    *remember_switch;
  GtkWidget    *forget_button;
  GtkLabel     *status_label;
  GtkSpinner   *spinner;
  GtkWidget    *file_row;

  /* owned */
  GSettings    *settings;
  GCancellable *cancellable;   /* the open under way, if any */
  char         *opening;       /* its address */
  char         *error;         /* why the last attempt failed, or NULL */

  gboolean      address_valid;
  gboolean      from_keyring;  /* the open under way uses a kept password */
};

G_DEFINE_FINAL_TYPE (TlConnectDialog, tl_connect_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONNECTING,
  PROP_ERROR,
  N_PROPS
};

enum {
  OPENED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
show_status (TlConnectDialog *self,
             const char      *text,
             gboolean         is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_error (TlConnectDialog *self,
           const char      *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  show_status (self, error, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
update_actions (TlConnectDialog *self)
{
  gboolean connecting = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect",
                                 !connecting && self->address_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.choose-file", !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_switch), !connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), connecting);
  gtk_spinner_set_spinning (self->spinner, connecting);
}

static void
remember (TlConnectDialog *self,
          const char      *address)
{
  g_autofree char *kept = tl_store_address_without_password (address);

  if (kept != NULL)
    g_settings_set_string (self->settings, "last-database", kept);
}

static void
password_kept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The connection is made: only the next one will ask again. */
  if (!tl_keyring_store_finish (TL_KEYRING (source), result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
}

/* A password typed for a connection that worked, into the keyring if the
 * officer asked: never one that failed. */
static void
keep_password (TlConnectDialog *self,
               const char      *address)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!gtk_switch_get_active (self->remember_switch) || *typed == '\0' ||
      !tl_store_is_server_address (address))
    return;
  tl_keyring_store_async (tl_keyring_get_default (), address, typed, NULL, password_kept_cb, NULL);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TlConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open_finish (result, &error);
  g_autofree char *address = NULL;

  /* Given up on by Cancel or by closing the dialog. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  address = g_steal_pointer (&self->opening);

  g_clear_object (&self->cancellable);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);

  if (store == NULL)
    {
      set_error (self, error->message);
      /* The kept password may be the one refused. */
      gtk_widget_set_visible (self->forget_button, self->from_keyring);
      return;
    }

  remember (self, address);
  keep_password (self, address);
  show_status (self, NULL, FALSE);
  g_signal_emit (self, signals[OPENED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_opening (TlConnectDialog *self,
               const char      *address,
               const char      *password)
{
  g_autofree char *display = tl_store_is_server_address (address)
                             ? tl_store_address_without_password (address)
                             : g_filename_display_name (address);
  g_autofree char *status = g_strdup_printf (_("Connecting to %s…"), display ? display : "");

  g_return_if_fail (self->cancellable == NULL);

  set_error (self, NULL);
  show_status (self, status, FALSE);
  gtk_widget_set_visible (self->forget_button, FALSE);
  self->cancellable = g_cancellable_new ();
  self->opening = g_strdup (address);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);

  tl_store_open_async (address, password, self->cancellable, opened_cb, g_object_ref (self));
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TlConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  char *password = tl_keyring_lookup_finish (TL_KEYRING (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* No keyring on this desktop: ~/.pgpass may still have it. */
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);

  address = g_steal_pointer (&self->opening);
  g_clear_object (&self->cancellable);
  start_opening (self, address, password);
  self->from_keyring = password != NULL;
  tl_keyring_password_free (password);
}

/* With no password typed: the keyring's, if it keeps one for that
 * login, else libpq's own (~/.pgpass). */
static void
look_up_password (TlConnectDialog *self,
                  const char      *address)
{
  g_return_if_fail (self->cancellable == NULL);

  set_error (self, NULL);
  show_status (self, _("Looking for a saved password…"), FALSE);
  gtk_widget_set_visible (self->forget_button, FALSE);
  self->cancellable = g_cancellable_new ();
  self->opening = g_strdup (address);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);

  tl_keyring_lookup_async (tl_keyring_get_default (), address, self->cancellable,
                           looked_up_cb, g_object_ref (self));
}

static void
stop_opening (TlConnectDialog *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->opening, g_free);
  show_status (self, NULL, FALSE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);
}

/* Callbacks */

static void
address_changed_cb (TlConnectDialog *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  g_autoptr(GError) error = NULL;

  self->address_valid = *address != '\0' && tl_store_check_server_address (address, &error);
  set_error (self, error != NULL ? error->message : NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
  update_actions (self);
}

static void
entry_activated_cb (TlConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(TlConnectDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL && (path = g_file_get_path (file)) != NULL && self->cancellable == NULL)
    start_opening (self, path, NULL);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (widget);
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!self->address_valid || self->cancellable != NULL)
    return;

  self->from_keyring = FALSE;
  if (*password == '\0' && tl_store_is_server_address (address))
    look_up_password (self, address);
  else
    start_opening (self, address, password);
}

static void
forgotten_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TlConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tl_keyring_forget_finish (TL_KEYRING (source), result, &error))
    {
      set_error (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->forget_button, FALSE);
  self->from_keyring = FALSE;
  set_error (self, NULL);
  show_status (self, _("The saved password is forgotten: type the password to connect"), FALSE);
}

static void
forget_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (widget);
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));

  if (!tl_store_is_server_address (address))
    return;
  tl_keyring_forget_async (tl_keyring_get_default (), address, NULL, forgotten_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (widget);

  /* The first Cancel gives up on a server that does not answer; the
   * second closes the dialog. */
  if (self->cancellable != NULL)
    stop_opening (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Database File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (databases, _("Tideline databases"));
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject overrides */

static void
tl_connect_dialog_dispose (GObject *object)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (tl_connect_dialog_parent_class)->dispose (object);
}

static void
tl_connect_dialog_finalize (GObject *object)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (object);

  g_clear_object (&self->settings);
  g_free (self->opening);
  g_free (self->error);

  G_OBJECT_CLASS (tl_connect_dialog_parent_class)->finalize (object);
}

static void
tl_connect_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TlConnectDialog *self = TL_CONNECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONNECTING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_connect_dialog_class_init (TlConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_connect_dialog_dispose;
  object_class->finalize = tl_connect_dialog_finalize;
  object_class->get_property = tl_connect_dialog_get_property;

  properties[PROP_CONNECTING] =
    g_param_spec_boolean ("connecting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TlConnectDialog::opened:
   * @store: the database opened, watched from the main context
   *
   * Emitted once, before the dialog closes itself.
   */
  signals[OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TL_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/tl-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, forget_button);
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TlConnectDialog, file_row);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "connect.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "connect.forget-password", NULL, forget_password_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "connect.cancel", NULL);
}

static void
tl_connect_dialog_init (TlConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  tl_accessible_set_label (GTK_WIDGET (self->spinner), _("Connecting"));
  tl_accessible_name_tree (GTK_WIDGET (self));
  update_actions (self);
}

/* Public API */

/**
 * tl_connect_dialog_new:
 * @parent: (nullable): the window it opens over
 *
 * Returns: (transfer none): a new dialog; it closes itself once a
 *   database is open (#TlConnectDialog::opened) or on Cancel.
 */
TlConnectDialog *
tl_connect_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (TL_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

/**
 * tl_connect_dialog_set_address:
 * @address: a server's address, shown for the user to check or change
 */
void
tl_connect_dialog_set_address (TlConnectDialog *self,
                               const char      *address)
{
  g_return_if_fail (TL_IS_CONNECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address != NULL ? address : "");
}

/**
 * tl_connect_dialog_open:
 * @address: a file's path or a server's address
 *
 * Opens @address at once, as if chosen in the dialog: a remembered
 * server is connected to while the dialog shows where and can cancel.
 */
void
tl_connect_dialog_open (TlConnectDialog *self,
                        const char      *address)
{
  g_return_if_fail (TL_IS_CONNECT_DIALOG (self));
  g_return_if_fail (address != NULL);

  stop_opening (self);
  self->from_keyring = FALSE;
  if (tl_store_is_server_address (address))
    {
      tl_connect_dialog_set_address (self, address);
      look_up_password (self, address);
      return;
    }
  start_opening (self, address, NULL);
}

gboolean
tl_connect_dialog_get_connecting (TlConnectDialog *self)
{
  g_return_val_if_fail (TL_IS_CONNECT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * tl_connect_dialog_get_error:
 *
 * Returns: (nullable): why the last attempt failed, or %NULL
 */
const char *
tl_connect_dialog_get_error (TlConnectDialog *self)
{
  g_return_val_if_fail (TL_IS_CONNECT_DIALOG (self), NULL);

  return self->error;
}
