/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-window-private.h"

/* The window's part of the open-cases board: it is made with the window
 * and kept (closing it hides it), so that an overdue case is announced by
 * a desktop notification whether or not the board is open; win.open-cases
 * (Ctrl+Shift+O) shows it, and choosing a case opens its latest report. */

/* helpers */

static void
apply_limits (TlWindow *self)
{
  tl_open_cases_window_set_limits (self->open_cases,
                                   g_settings_get_int (self->settings, "overdue-distress-minutes"),
                                   g_settings_get_int (self->settings, "overdue-minutes"));
}

/* callbacks */

static void
open_report_cb (TlWindow          *self,
                gint64             event_id,
                TlOpenCasesWindow *board)
{
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-report", "x", event_id);
}

static void
overdue_cb (TlWindow          *self,
            gint64             case_id,
            const char        *text,
            TlOpenCasesWindow *board)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;

  if (app == NULL)
    return;

  notification = g_notification_new (_("Case overdue"));
  g_notification_set_body (notification, text);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_URGENT);
  id = g_strdup_printf ("case-overdue-%" G_GINT64_FORMAT, case_id);
  g_application_send_notification (app, id, notification);
}

static void
open_cases_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);

  tl_open_cases_window_refresh (self->open_cases);
  gtk_window_present (GTK_WINDOW (self->open_cases));
}

/* private API */

void
tl_window_class_install_board (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-cases", NULL, open_cases_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-cases", NULL);
}

void
tl_window_set_up_board (TlWindow *self)
{
  self->open_cases = tl_open_cases_window_new (self->store, self->zone);
  gtk_window_set_transient_for (GTK_WINDOW (self->open_cases), GTK_WINDOW (self));
  g_signal_connect_object (self->open_cases, "open-report", G_CALLBACK (open_report_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->open_cases, "overdue", G_CALLBACK (overdue_cb), self, G_CONNECT_SWAPPED);
  /* The first reading, now that overdue cases can be announced. */
  apply_limits (self);
  g_signal_connect_object (self->settings, "changed::overdue-distress-minutes",
                           G_CALLBACK (apply_limits), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::overdue-minutes",
                           G_CALLBACK (apply_limits), self, G_CONNECT_SWAPPED);
}
