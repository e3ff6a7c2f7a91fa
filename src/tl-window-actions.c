/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-statistics-dialog.h"
#include "tl-time.h"
#include "tl-window-private.h"

/* The win.* actions: what the header bar, the menus and the shortcuts do. */

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);

  tl_review_shift (self->review, -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);

  tl_review_shift (self->review, 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  TlWindowPreset preset = tl_review_get_preset (self->review);

  tl_review_set_preset (self->review, preset == TL_WINDOW_PRESET_CUSTOM ? TL_WINDOW_PRESET_DAY : preset);
}

static void
window_preset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  TlWindowPreset preset;

  if (!tl_window_preset_from_string (g_variant_get_string (param, NULL), &preset))
    g_return_if_reached ();
  gtk_revealer_set_reveal_child (self->custom_range_revealer, FALSE);
  tl_review_set_preset (self->review, preset);
}

static void
custom_range_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  /* Translators: how a time is written in the custom range entries, see strftime */
  const char *format = _("%Y-%m-%d %H:%M");
  g_autofree char *from = tl_time_format (self->zone, tl_review_get_from (self->review), format);
  g_autofree char *to = tl_time_format (self->zone, tl_review_get_to (self->review), format);

  gtk_editable_set_text (GTK_EDITABLE (self->custom_from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_to_entry), to);
  gtk_label_set_text (self->custom_range_error, "");
  gtk_revealer_set_reveal_child (self->custom_range_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->custom_from_entry));
}

static void
apply_custom_range_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 from, to;

  if (!tl_time_parse (self->zone, gtk_editable_get_text (GTK_EDITABLE (self->custom_from_entry)),
                      self->day_start, &from, &error) ||
      !tl_time_parse (self->zone, gtk_editable_get_text (GTK_EDITABLE (self->custom_to_entry)),
                      self->day_start, &to, &error))
    {
      gtk_label_set_text (self->custom_range_error, error->message);
      return;
    }
  if (to <= from)
    {
      gtk_label_set_text (self->custom_range_error, _("The end must come after the start."));
      return;
    }

  gtk_revealer_set_reveal_child (self->custom_range_revealer, FALSE);
  tl_review_set_range (self->review, from, to);
}

static void
show_new_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  guint first;

  /* The list does not jump when reports arrive: it moves when asked. */
  if (tl_review_count_unseen (self->review, &first) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", first);
  tl_review_mark_seen (self->review);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  tl_filter_bar_focus_search (TL_WINDOW (widget)->filter_bar);
}

static void
new_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  TlEventKind kind;

  if (!tl_event_kind_from_string (g_variant_get_string (param, NULL), &kind))
    g_return_if_reached ();
  tl_report_desk_new_report (self->reports, kind, self->day_start);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  gint64 id = param ? g_variant_get_int64 (param) : 0;

  if (g_str_equal (action_name, "win.edit-report"))
    tl_report_desk_edit (self->reports, id, self->day_start);
  else if (g_str_equal (action_name, "win.report-history"))
    tl_report_desk_show_history (self->reports, id, self->day_start);
  else if (g_str_equal (action_name, "win.delete-report"))
    {
      guint position = tl_event_list_find (self->events, id);
      g_autoptr(TlEvent) event = NULL;

      /* The window's own copy, so that the deletion needs no answer
       * from the server first (kept on this desk while it is away). */
      if (position != G_MAXUINT)
        event = g_list_model_get_item (G_LIST_MODEL (self->events), position);
      if (event != NULL)
        tl_report_desk_delete_event (self->reports, event);
      else
        tl_report_desk_delete (self->reports, id);
    }
  else if (g_str_equal (action_name, "win.undo-delete"))
    tl_report_desk_undo_delete (self->reports, id);
  else if (g_str_equal (action_name, "win.finish-pick"))
    tl_report_desk_finish_picking (self->reports);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
statistics_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *name = NULL;
  TlStatisticsDialog *dialog;

  contents = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  name = g_file_get_basename (G_FILE (source));
  if (contents == NULL)
    {
      /* Translators: %s is a file name, then why it could not be read */
      g_autofree char *message = g_strdup_printf (_("Could not read “%s”: %s"), name, error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  dialog = tl_statistics_dialog_new (GTK_WINDOW (self), self->store, self->toast_overlay,
                                     contents, name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
statistics_chosen_cb (GtkNativeDialog *chooser,
                      int              response,
                      TlWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    g_file_load_bytes_async (file, self->cancellable, statistics_loaded_cb, g_object_ref (self));

  g_object_unref (chooser);
}

static void
import_statistics_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Official Daily Figures"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The chooser is released in its response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (statistics_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What the database role may do. The server refuses the rest whatever
 * the window shows; the window says so before anyone tries. */
void
tl_window_update_role_actions (TlWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *no_edit = tl_store_explain_refusal (self->store, TL_STORE_CAN_EDIT_REPORTS);
  g_autofree char *no_delete = tl_store_explain_refusal (self->store, TL_STORE_CAN_DELETE);
  g_autofree char *no_import = tl_store_explain_refusal (self->store, TL_STORE_CAN_IMPORT);

  gtk_widget_action_set_enabled (widget, "win.new-report", no_edit == NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-report", no_delete == NULL);
  gtk_widget_action_set_enabled (widget, "win.undo-delete", no_delete == NULL);
  gtk_widget_action_set_enabled (widget, "win.import-statistics", no_import == NULL);
  /* An insensitive button still shows its tooltip: the reason. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_report_button), no_edit == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_report_button),
                               no_edit != NULL ? no_edit : _("New Report"));
}

typedef struct {
  TlWindow        *window;   /* borrowed: its cancellable says if it went */
  TlOutboxRefusal *refusal;  /* owned */
} Refused;

static void
refusal_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree Refused *refused = user_data;
  g_autoptr(TlOutboxRefusal) refusal = refused->refusal;
  g_autoptr(TlEvent) theirs = NULL;
  g_autoptr(GError) error = NULL;
  TlWindow *self = refused->window;

  theirs = tl_store_get_event_finish (TL_STORE (object), result, &error);
  /* The window went, and cancelled the read as it did. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->reading_refusal = FALSE;
  if (tl_report_desk_show_refusal (self->reports, refusal, theirs, error, self->day_start))
    return;
  /* A report was opened meanwhile: shown when it is closed. */
  self->refusal = g_steal_pointer (&refusal);
  self->refusal_theirs = g_steal_pointer (&theirs);
  self->refusal_error = g_steal_pointer (&error);
}

/* The next kept change the server refused, if any: the report as it is
 * now is read on the store's worker, never from this thread. */
static void
read_refusal (TlWindow *self)
{
  TlOutboxRefusal *refusal = tl_store_take_outbox_refusal (self->store);
  Refused *refused;

  if (refusal == NULL)
    return;
  refused = g_new0 (Refused, 1);
  refused->window = self;
  refused->refusal = refusal;
  self->reading_refusal = TRUE;
  tl_store_get_event_async (self->store, tl_event_get_id (refusal->mine), self->cancellable,
                            refusal_read_cb, refused);
}

/* A shared server that cannot be reached is said plainly, with what
 * waits on this desk. Looking costs no round trip: the store knows
 * whether its listener is connected, and the outbox is a local file. */
static gboolean
check_server_cb (gpointer user_data)
{
  TlWindow *self = user_data;
  gboolean away = !tl_store_is_listening (self->store);
  guint n_unsent = tl_store_count_unsent (self->store);

  /* Twice in a row: not while the first connection is being made. */
  self->server_away_checks = away ? self->server_away_checks + 1 : 0;
  if (self->server_away_checks >= 2 && n_unsent > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
        "The server cannot be reached. %u report is kept on this desk and will be sent when it is back.",
        "The server cannot be reached. %u reports are kept on this desk and will be sent when it is back.",
        n_unsent), n_unsent);

      gtk_label_set_label (self->offline_label, text);
    }
  else if (self->server_away_checks >= 2)
    gtk_label_set_label (self->offline_label,
                         _("The server cannot be reached. Reports you save are kept on this desk "
                           "and sent when it is back."));
  gtk_revealer_set_reveal_child (self->offline_revealer, self->server_away_checks >= 2);

  /* A kept edit that another desk overtook: shown as a conflict, one at
   * a time, when no report is being edited. */
  if (tl_report_desk_get_editor (self->reports) == NULL && !self->reading_refusal)
    {
      if (self->refusal == NULL)
        read_refusal (self);
      else if (tl_report_desk_show_refusal (self->reports, self->refusal, self->refusal_theirs,
                                            self->refusal_error, self->day_start))
        tl_window_clear_refusal (self);
    }

  return G_SOURCE_CONTINUE;
}

void
tl_window_clear_refusal (TlWindow *self)
{
  g_clear_pointer (&self->refusal, tl_outbox_refusal_free);
  g_clear_object (&self->refusal_theirs);
  g_clear_error (&self->refusal_error);
}

void
tl_window_watch_server (TlWindow *self)
{
  if (!tl_store_is_server (self->store))
    return;
  self->server_source_id = g_timeout_add_seconds (1, check_server_cb, self);
}

/* Installs the actions and their shortcuts on the window's class. */
void
tl_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.window-preset", "s", window_preset_action);
  gtk_widget_class_install_action (widget_class, "win.custom-range", NULL, custom_range_action);
  gtk_widget_class_install_action (widget_class, "win.apply-custom-range", NULL, apply_custom_range_action);
  gtk_widget_class_install_action (widget_class, "win.show-new", NULL, show_new_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.new-report", "s", new_report_action);
  gtk_widget_class_install_action (widget_class, "win.edit-report", "x", report_action);
  gtk_widget_class_install_action (widget_class, "win.report-history", "x", report_action);
  gtk_widget_class_install_action (widget_class, "win.delete-report", "x", report_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "x", report_action);
  gtk_widget_class_install_action (widget_class, "win.finish-pick", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.import-statistics", NULL, import_statistics_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-report", "s", "rescue");
  /* Every kind has its key, in the order of the New Report menu. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.new-report", "s", "departure");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.new-report", "s", "sighting");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.new-report", "s", "interception");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.new-report", "s", "rescue");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.new-report", "s", "arrival");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_CONTROL_MASK, "win.new-report", "s", "patrol");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}
