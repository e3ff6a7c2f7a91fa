/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-connect-dialog.h"
#include "tl-window-private.h"

/* Where the window writes, always in sight: a button at the start of the
 * header bar names the server's database, host and role ("ops on
 * db.example (tideline_desk)") or the file, and opens another one
 * (win.open-database, Ctrl+O). */

/* Callbacks */

static void
database_opened_cb (TlWindow        *self,
                    TlStore         *store,
                    TlConnectDialog *dialog)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  TlWindow *window = tl_window_new (application, store);

  /* The new window first: the application keeps running meanwhile. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  TlConnectDialog *dialog = tl_connect_dialog_new (GTK_WINDOW (self));
  const char *path = tl_store_get_path (self->store);

  if (tl_store_is_server (self->store))
    {
      g_autofree char *address = tl_store_address_without_password (path);

      tl_connect_dialog_set_address (dialog, address);
    }
  g_signal_connect_object (dialog, "opened", G_CALLBACK (database_opened_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Private API */

void
tl_window_class_install_database (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, TlWindow, database_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, database_icon);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, database_label);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
}

void
tl_window_set_up_database (TlWindow *self)
{
  g_autoptr(TlStoreServer) server = tl_store_get_server (self->store);
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *name = NULL;

  if (server != NULL)
    {
      /* Translators: the database, the server's host and the database role
       * this window writes as, shown in the header bar: "ops on db.example
       * (tideline_desk)" */
      label = g_strdup_printf (_("%s on %s (%s)"), server->database, server->host, server->role);
      tooltip = g_strdup_printf (server->tls
                                 /* Translators: database, host, role */
                                 ? _("Writes to the database “%s” on the server %s as %s, "
                                     "over an encrypted connection (TLS). Open Another Database (Ctrl+O)")
                                 : _("Writes to the database “%s” on the server %s as %s; "
                                     "the connection is not encrypted. Open Another Database (Ctrl+O)"),
                                 server->database, server->host, server->role);
      gtk_image_set_from_icon_name (self->database_icon,
                                    server->tls ? "network-server-symbolic" : "network-wired-symbolic");
    }
  else
    {
      g_autofree char *display = g_filename_display_name (tl_store_get_path (self->store));

      label = g_filename_display_basename (tl_store_get_path (self->store));
      tooltip = g_strdup_printf (_("Writes to the file %s on this computer. "
                                   "Open Another Database (Ctrl+O)"), display);
      gtk_image_set_from_icon_name (self->database_icon, "drive-harddisk-symbolic");
    }

  gtk_label_set_text (self->database_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_button), tooltip);
  /* Translators: the accessible name of the header bar's database button */
  name = g_strdup_printf (_("Database: %s"), label);
  tl_accessible_set_label (GTK_WIDGET (self->database_button), name);
}
