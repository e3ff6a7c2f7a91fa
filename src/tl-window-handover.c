/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-window-private.h"

/* The window's part of the hand-over: win.handover (Ctrl+Shift+H, and the
 * main menu) shows what changed on this database since the last shift
 * was marked handed over; choosing a row opens its report. Made on first
 * use, then kept (closing it hides it). */

/* callbacks */

static void
open_report_cb (TlWindow         *self,
                gint64            event_id,
                TlHandoverWindow *handover)
{
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-report", "x", event_id);
}

static void
handover_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);

  if (self->handover == NULL)
    {
      self->handover = tl_handover_window_new (self->store, self->settings, self->zone);
      gtk_window_set_transient_for (GTK_WINDOW (self->handover), GTK_WINDOW (self));
      g_signal_connect_object (self->handover, "open-report", G_CALLBACK (open_report_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    tl_handover_window_refresh (self->handover);
  gtk_window_present (GTK_WINDOW (self->handover));
}

/* private API */

void
tl_window_class_install_handover (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.handover", NULL, handover_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.handover", NULL);
}

void
tl_window_update_handover_zone (TlWindow *self)
{
  if (self->handover != NULL)
    tl_handover_window_set_time_zone (self->handover, self->zone);
}

void
tl_window_destroy_handover (TlWindow *self)
{
  if (self->handover != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->handover)));
}
