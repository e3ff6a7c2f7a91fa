/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "tl-accessible.h"
#include "tl-report-editor-private.h"
#include "tl-sea.h"
#include "tl-time.h"

/* The one editor of every kind of report: a new one, or an edit of a
 * record. It edits a copy (TlReport) and saves it in one audited write;
 * while the officer types, the form is kept as a draft so that nothing
 * typed is lost to a crash or a closed window. */

G_DEFINE_FINAL_TYPE (TlReportEditor, tl_report_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  PICK_POSITION,
  DRAW_ROUTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
is_dirty (TlReportEditor *self)
{
  g_autoptr(TlReport) current = NULL;

  /* Nothing typed yet while the form loads. */
  if (!self->loaded)
    return FALSE;
  current = tl_report_editor_collect (self);
  return !tl_report_equal (current, self->base);
}

static void
show_toast (TlReportEditor *self,
            const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A new form shows no error until the officer types, so the greyed out
 * Save button is where they learn what is still missing. */
static void
update_save_tooltip (TlReportEditor *self,
                     gboolean        on_form,
                     gboolean        changed)
{
  g_autoptr(TlReport) report = NULL;
  g_autofree char *reasons = NULL;

  if (on_form && !self->valid)
    {
      report = tl_report_editor_collect (self);
      reasons = tl_report_check_describe (report, &self->check);
    }
  else if (on_form && !changed)
    reasons = g_strdup (_("Nothing to save yet: the report is as it was"));
  gtk_widget_set_tooltip_text (self->save_button,
                               reasons ? reasons : _("Save the Report (Ctrl+Enter)"));
}

static void
update_actions (TlReportEditor *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean on_form = g_strcmp0 (page, "form") == 0 && self->loaded;
  gboolean existing = self->event != NULL && self->loaded;
  /* Nothing to save in an untouched form, unless another desk's version
   * is on the table. */
  gboolean changed = self->loaded &&
                     (self->theirs_event != NULL ||
                      (self->base != NULL && is_dirty (self)) ||
                      tl_report_editor_wants_new_case (self) ||
                      (self->case_status_loaded >= 0 &&
                       tl_report_editor_get_case_status (self) != self->case_status_loaded));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save",
                                 on_form && self->valid && changed && !self->saving);
  update_save_tooltip (self, on_form, changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.delete", existing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.show-history", existing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.restore-draft", self->draft_time != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.discard-draft", self->draft_time != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.draw-route",
                                 self->loaded && self->fields[TL_REPORT_FIELD_ROUTE].row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.clear-route",
                                 self->route != NULL && self->route[0] != '\0');
  gtk_widget_set_visible (self->delete_button, existing);
  gtk_widget_set_visible (self->history_button, existing);
}

/* Side, waters and lane of the position as typed: read-only. */
static void
update_zone (TlReportEditor *self)
{
  g_autofree char *text = NULL;
  TlSeaZone zone = { TL_SEA_SIDE_UNKNOWN, TL_SEA_WATERS_UNKNOWN, TL_SEA_LANE_NONE };

  if (self->zone_row == NULL)
    return;
  if (self->check.has_position && self->check.errors[TL_REPORT_FIELD_POSITION] == NULL)
    tl_sea_classify (tl_sea_get_default (), self->check.latitude, self->check.longitude, &zone);
  gtk_widget_set_visible (GTK_WIDGET (self->zone_row), zone.side != TL_SEA_SIDE_UNKNOWN);
  if (zone.side == TL_SEA_SIDE_UNKNOWN)
    return;
  text = tl_sea_zone_describe (&zone);
  adw_action_row_set_subtitle (self->zone_row, text);
}

static void
validate (TlReportEditor *self,
          gboolean        show_errors)
{
  g_autoptr(TlReport) report = tl_report_editor_collect (self);
  TlCoastline *coastline = tl_coastline_get_default ();

  tl_report_check_clear (&self->check);
  /* The land check needs the coastline parsed; the map has usually done
   * it already, and it happens once per process. */
  if (!tl_coastline_ensure_loaded (coastline, NULL))
    coastline = NULL;
  self->valid = tl_report_validate (report, self->zone, self->day_start,
                                    g_get_real_time () / G_USEC_PER_SEC, coastline, &self->check);
  tl_report_editor_show_messages (self, show_errors);
  update_zone (self);
  update_actions (self);
}

static void
close_editor (TlReportEditor *self)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
finish (TlReportEditor *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->finished = TRUE;
  /* A form never loaded never saw its draft: it stays for next time. */
  if (self->loaded)
    tl_report_editor_drop_draft (self);
}

/* What came of a save: the editor closes, or shows why not (both
 * versions on a conflict), with everything typed still there. */
static void
saved (TlReportEditor *self,
       TlEvent        *event,
       gboolean        ok,
       gboolean        kept,
       TlEvent        *theirs,
       const GError   *error)
{
  self->saving = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  update_actions (self);

  if (!ok && theirs != NULL)
    {
      tl_report_editor_show_conflict (self, theirs);
      update_actions (self);
      return;
    }
  if (!ok)
    {
      /* The form stays open with everything typed, and the draft too. */
      AdwToast *toast = adw_toast_new_format (_("Not saved: %s"), error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* A server that cannot be reached: kept on this desk, sent later. */
  if (kept)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The server cannot be reached: the report is "
                                                  "kept on this desk and sent when it is back")));
  /* The store dropped the draft with the save. */
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->finished = TRUE;
  g_signal_emit (self, signals[SAVED], 0, event);
  close_editor (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TlReportEditor) self = user_data;
  g_autoptr(TlEvent) event = g_object_steal_data (G_OBJECT (self), "tl-saving-event");
  g_autoptr(TlEvent) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gboolean kept = FALSE;
  gboolean ok = tl_store_save_event_finish (TL_STORE (object), result, &kept, &theirs, &error);

  saved (self, event, ok, kept, theirs, error);
}

/* Adds or updates the record, in one transaction with a new case or a
 * new status for its case. On a server the save runs on the store's
 * worker while the window goes on drawing; the editor waits for it,
 * with Save off, and stays open (so does a closed one's save). */
static void
save (TlReportEditor *self)
{
  g_autoptr(TlReport) report = NULL;
  g_autoptr(TlEvent) event = NULL;
  g_autoptr(TlEvent) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) units = NULL;
  int case_status = tl_report_editor_get_case_status (self);
  TlStoreSaveFlags flags = TL_STORE_SAVE_PLAIN;
  gboolean ok, kept = FALSE;

  if (self->saving)
    return;
  validate (self, TRUE);
  if (!self->valid)
    {
      tl_report_editor_focus_first_error (self);
      return;
    }

  report = tl_report_editor_collect (self);
  /* The case is created in the same transaction as the save: a refused
   * save (a conflict, a full disk) leaves no empty case behind. */
  if (tl_report_editor_wants_new_case (self))
    flags |= TL_STORE_SAVE_NEW_CASE;
  /* So is a new status for an existing case: the editor only closes once
   * both are written, and a refused status is shown here, not on a form
   * that has gone. */
  else if (case_status >= 0)
    flags |= TL_STORE_SAVE_CASE_STATUS;

  /* Fields left as they were loaded are written back as stored, not as
   * the form shows them (times to the minute, rounded positions). */
  event = tl_report_to_event_from (report, self->base, &self->check,
                                   self->theirs_event ? self->theirs_event : self->event);

  if (self->event != NULL && self->theirs_event == NULL && !(flags & TL_STORE_SAVE_NEW_CASE))
    {
      g_autofree char *before = tl_event_to_json (self->event);
      g_autofree char *after = tl_event_to_json (event);

      if (g_strcmp0 (before, after) == 0)
        {
          /* Nothing to write, and no case to ask the store about. */
          if (!(flags & TL_STORE_SAVE_CASE_STATUS) || tl_event_get_case_id (event) <= 0)
            {
              finish (self);
              close_editor (self);
              return;
            }
          flags |= TL_STORE_SAVE_UNCHANGED;
        }
    }

  /* Units used are remembered for the next report. */
  units = g_strsplit (tl_report_get (report, TL_REPORT_FIELD_UNITS), "\n", -1);

  if (tl_store_is_server (self->store))
    {
      self->saving = TRUE;
      gtk_widget_set_sensitive (self->save_button, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", FALSE);
      /* Saving: said on the button, to the eye and to a screen reader. */
      gtk_widget_set_tooltip_text (self->save_button, _("Saving…"));
      g_object_set_data_full (G_OBJECT (self), "tl-saving-event", g_object_ref (event), g_object_unref);
      /* Not cancelled with the editor: a save that was asked for is made,
       * and what came of it is shown if the editor is still there. */
      tl_store_save_event_async (self->store, event, flags, MAX (case_status, 0),
                                 (const char * const *) units, self->operator_name,
                                 NULL, saved_cb, g_object_ref (self));
      return;
    }

  ok = tl_store_save_event (self->store, event, flags, MAX (case_status, 0),
                            (const char * const *) units, self->operator_name,
                            &kept, &theirs, &error);
  saved (self, event, ok, kept, theirs, error);
}

/* Ctrl+Return saves from any field: caught before the notes' text view
 * takes it for a new line. */
static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    return FALSE;
  save (self);
  return TRUE;
}

/* Callbacks */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (TL_REPORT_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  if (self->event == NULL)
    return;

  /* The window deletes, so that its Undo toast outlives this editor. */
  finish (self);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->event);
  close_editor (self);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  tl_report_editor_restore_draft (self);
  update_actions (self);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  tl_report_editor_discard_draft (self);
  update_actions (self);
}

static void
pick_position_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_signal_emit (widget, signals[PICK_POSITION], 0);
}

static void
draw_route_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  g_signal_emit (widget, signals[DRAW_ROUTE], 0);
}

static void
clear_route_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  tl_report_editor_fill_field (self, TL_REPORT_FIELD_ROUTE, "");
  tl_report_editor_changed (self);
}

static void
keep_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  finish (self);
  close_editor (self);
}

static void
copy_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);
  g_autoptr(TlReport) mine = tl_report_editor_collect (self);
  g_autofree char *text = tl_report_to_text (mine);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Your version is copied: paste it where you need it"));
}

static void
save_merged_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);
  g_autoptr(TlReport) mine = tl_report_editor_collect (self);
  g_autoptr(TlReport) merged = NULL;
  int case_status = tl_report_editor_get_case_status (self);

  if (self->theirs == NULL)
    return;

  /* Their record becomes the one edited: the officer's changes are
   * applied over it and saved at its revision. */
  merged = tl_report_merge (self->base, self->theirs, mine);
  g_set_object (&self->event, self->theirs_event);
  g_clear_object (&self->theirs_event);
  tl_report_free (self->base);
  self->base = g_steal_pointer (&self->theirs);
  tl_report_editor_fill (self, merged);
  /* Filling shows the case's stored status, which would drop the one the
   * officer picked; it is kept while the report stays in that case. */
  if (case_status >= 0 &&
      g_strcmp0 (tl_report_get (mine, TL_REPORT_FIELD_CASE),
                 tl_report_get (merged, TL_REPORT_FIELD_CASE)) == 0)
    tl_report_editor_set_case_status (self, case_status);
  gtk_stack_set_visible_child_name (self->stack, "form");
  save (self);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TlReportEditor   *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      finish (self);
      close_editor (self);
    }
}

/* Internal API */

void
tl_report_editor_validate (TlReportEditor *self,
                           gboolean        show_errors)
{
  validate (self, show_errors);
}

void
tl_report_editor_update_actions (TlReportEditor *self)
{
  update_actions (self);
}

/* Every change of a field: check it, and keep a draft once typing pauses. */
void
tl_report_editor_changed (TlReportEditor *self)
{
  validate (self, FALSE);
  tl_report_editor_schedule_draft (self);
}

/* GObject overrides */

static gboolean
tl_report_editor_close_request (GtkWindow *window)
{
  TlReportEditor *self = TL_REPORT_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->closing_confirmed || self->finished || !is_dirty (self))
    {
      /* Closed untouched: no draft to offer next time. */
      if (!self->finished && !self->closing_confirmed && self->draft_time == 0)
        finish (self);
      return GTK_WINDOW_CLASS (tl_report_editor_parent_class)->close_request (window);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Your Changes?"),
                                                       _("What you typed in this report has not been saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
tl_report_editor_dispose (GObject *object)
{
  TlReportEditor *self = TL_REPORT_EDITOR (object);

  /* Destroyed with its window, or the app quit mid-report: write what
   * was typed now rather than lose the last second of it. */
  tl_report_editor_flush_draft (self);
  g_cancellable_cancel (self->cancellable);
  if (self->history_reading != NULL)
    g_cancellable_cancel (self->history_reading);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_REPORT_EDITOR);
  tl_report_editor_clear_fields (self);
  g_clear_object (&self->store);
  g_clear_object (&self->event);
  g_clear_object (&self->theirs_event);
  g_clear_pointer (&self->history_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (tl_report_editor_parent_class)->dispose (object);
}

static void
tl_report_editor_finalize (GObject *object)
{
  TlReportEditor *self = TL_REPORT_EDITOR (object);

  tl_report_check_clear (&self->check);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->base, tl_report_free);
  g_clear_pointer (&self->theirs, tl_report_free);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->case_ids, g_array_unref);
  g_clear_pointer (&self->route, g_free);
  g_clear_pointer (&self->history_text, g_free);
  g_clear_pointer (&self->form, tl_form_data_free);
  g_clear_pointer (&self->pending_position, g_free);
  g_clear_object (&self->pending_theirs);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->history_reading);
  if (self->type_ahead != NULL)
    g_string_free (g_steal_pointer (&self->type_ahead), TRUE);

  G_OBJECT_CLASS (tl_report_editor_parent_class)->finalize (object);
}

static void
tl_report_editor_class_init (TlReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tl_report_editor_dispose;
  object_class->finalize = tl_report_editor_finalize;
  window_class->close_request = tl_report_editor_close_request;

  /**
   * TlReportEditor::saved:
   * @event: the event as written to the store
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, TL_TYPE_EVENT);
  /**
   * TlReportEditor::delete-requested:
   * @event: the record to delete, as opened
   *
   * The window deletes it, offering Undo.
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, TL_TYPE_EVENT);
  /**
   * TlReportEditor::pick-position:
   *
   * The officer asks to set the position from a click on the map; the
   * window answers with tl_report_editor_set_position().
   */
  signals[PICK_POSITION] = g_signal_new ("pick-position", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TlReportEditor::draw-route:
   *
   * The officer asks to draw the patrol's route on the map; the window
   * answers with tl_report_editor_add_route_point() for each click.
   */
  signals[DRAW_ROUTE] = g_signal_new ("draw-route", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/reports/tl-report-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, history_button);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, draft_label);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, form_page);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, when_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, where_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, who_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, people_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, boat_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, case_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, history_stack);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, history_error_page);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, history_page);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, conflict_grid);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TlReportEditor, error_page);

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "report.show-history", NULL,
                                   tl_report_editor_show_history_action);
  gtk_widget_class_install_action (widget_class, "report.reload-history", NULL,
                                   tl_report_editor_reload_history_action);
  gtk_widget_class_install_action (widget_class, "report.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "report.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_install_action (widget_class, "report.pick-position", NULL, pick_position_action);
  gtk_widget_class_install_action (widget_class, "report.draw-route", NULL, draw_route_action);
  gtk_widget_class_install_action (widget_class, "report.clear-route", NULL, clear_route_action);
  gtk_widget_class_install_action (widget_class, "report.keep-theirs", NULL, keep_theirs_action);
  gtk_widget_class_install_action (widget_class, "report.copy-mine", NULL, copy_mine_action);
  gtk_widget_class_install_action (widget_class, "report.save-merged", NULL, save_merged_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /* A dialog, not a "filler", for a screen reader. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
tl_report_editor_init (TlReportEditor *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->case_status_loaded = -1;
  self->history_groups = g_ptr_array_new ();
  self->route = g_strdup ("");
  self->type_ahead = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_callback_action_new (save_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (tl_report_editor_keep_focus_in_view), NULL);
}

/* Public API */

/**
 * tl_report_editor_new:
 * @store: where the report is saved
 * @kind: the kind of a new report (ignored when @event is given)
 * @event: (nullable): the record to edit, or %NULL for a new report
 * @operator_name: who is typing, for the audit log and drafts
 * @zone: the display zone times are typed in
 * @format: how positions are written
 * @day_start: the local day a bare time such as “14:05” belongs to
 *
 * Returns: (transfer floating): the editor, loading the lists its form
 *   offers (on the store's worker); once loaded, a draft left for the
 *   same form is offered back in a banner
 */
TlReportEditor *
tl_report_editor_new (TlStore            *store,
                      TlEventKind         kind,
                      TlEvent            *event,
                      const char         *operator_name,
                      GTimeZone          *zone,
                      TlCoordinateFormat  format,
                      gint64              day_start)
{
  TlReportEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);
  g_return_val_if_fail (event == NULL || TL_IS_EVENT (event), NULL);
  g_return_val_if_fail (operator_name != NULL && zone != NULL, NULL);

  self = g_object_new (TL_TYPE_REPORT_EDITOR, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->operator_name = g_strdup (operator_name);
  self->zone = g_time_zone_ref (zone);
  self->format = format;
  self->kind = event ? tl_event_get_kind (event) : kind;
  self->day_start = day_start;
  self->event = event ? tl_event_copy (event) : NULL;

  if (self->event != NULL)
    self->base = tl_report_new_from_event (self->event, zone, format);
  else
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      gint64 today_start, today_end;
      g_autofree char *now_text = NULL;

      /* Reports are mostly entered as they happen: start from now,
       * with its date unless the officer is looking at today. */
      tl_time_day_range_at (zone, now, &today_start, &today_end);
      now_text = tl_time_format (zone, now, day_start == today_start ? "%H:%M" : "%Y-%m-%d %H:%M");
      self->day_start = today_start;
      self->base = tl_report_new (self->kind);
      tl_report_set (self->base, TL_REPORT_FIELD_TIME, now_text);
      if (self->kind == TL_EVENT_KIND_PATROL)
        tl_report_set (self->base, TL_REPORT_FIELD_PATROL_KIND, "sea");
    }

  /* Translators: the editor's title: “New Rescue”, “Edit Patrol” */
  title = g_strdup_printf (self->event ? _("Edit %s") : _("New %s"), tl_event_kind_get_label (self->kind));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (self->event != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Report %" PRId64), tl_event_get_id (self->event));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }

  /* The form is built once its lists are read; until then (on a server,
   * a round trip or so) the editor shows that it is loading. */
  update_actions (self);
  tl_report_editor_load (self);
  return self;
}

TlEventKind
tl_report_editor_get_kind (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), TL_EVENT_KIND_RESCUE);
  return self->kind;
}

/**
 * tl_report_editor_get_event_id:
 *
 * Returns: the record edited, or 0 for a new report
 */
gint64
tl_report_editor_get_event_id (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), 0);
  return self->base->event_id;
}

/**
 * tl_report_editor_show_theirs:
 * @self: a #TlReportEditor opened on this desk's version of a report
 * @theirs: the report as another desk saved it meanwhile
 *
 * Shows the conflict view, as a save that finds the report changed
 * does: for an edit kept on this desk that the server then refused.
 */
void
tl_report_editor_show_theirs (TlReportEditor *self,
                              TlEvent        *theirs)
{
  g_return_if_fail (TL_IS_REPORT_EDITOR (self));
  g_return_if_fail (TL_IS_EVENT (theirs));

  if (!self->loaded)
    {
      g_set_object (&self->pending_theirs, theirs);
      return;
    }
  tl_report_editor_show_conflict (self, theirs);
  update_actions (self);
}
