/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-report-editor-private.h"
#include "tl-time.h"

/* The editor's pages other than the form: the loading page shown while
 * the form's lists are read (or why they could not be), the history of
 * the record (who changed what, when, in words), and the conflict view
 * shown when someone saved the record while this officer was editing it. */

/* Helpers */

static char *
action_title (TlAuditAction  action,
              const char    *who,
              const char    *source)
{
  if (action == TL_AUDIT_ACTION_CREATE && source != NULL)
    /* Translators: in the history of a report: the operator's name, then
     * the file the report was imported from */
    return g_strdup_printf (_("Imported by %s from “%s”"), who, source);

  switch (action)
    {
    /* Translators: %s is an operator's name, in the history of a report */
    case TL_AUDIT_ACTION_CREATE: return g_strdup_printf (_("Entered by %s"), who);
    /* Translators: %s is an operator's name, in the history of a report */
    case TL_AUDIT_ACTION_DELETE: return g_strdup_printf (_("Deleted by %s"), who);
    /* Translators: %s is an operator's name, in the history of a report */
    case TL_AUDIT_ACTION_RESTORE: return g_strdup_printf (_("Restored by %s"), who);
    case TL_AUDIT_ACTION_UPDATE:
    default:
      /* Translators: %s is an operator's name, in the history of a report */
      return g_strdup_printf (_("Changed by %s"), who);
    }
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  gtk_widget_set_hexpand (label, TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* The form's lists are read: the form is built, filled and shown, and
 * what the window gave it meanwhile applied. */
static void
form_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TlReportEditor) self = tl_report_editor_from_weak (user_data);
  g_autoptr(GError) error = NULL;
  TlFormData *form = tl_store_load_form_finish (TL_STORE (object), result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      tl_form_data_free (form);
      return;
    }
  gtk_spinner_stop (self->loading_spinner);
  if (form == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      /* Nothing typed yet, nothing lost: the officer closes and retries. */
      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->form = form;
  tl_report_editor_build_fields (self);
  tl_report_editor_fill (self, self->base);
  tl_report_editor_offer_draft (self);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "form");
  tl_report_editor_validate (self, self->event != NULL);
  tl_accessible_name_tree (GTK_WIDGET (self));
  /* The first field in reading order: the time. */
  gtk_widget_grab_focus (self->fields[TL_REPORT_FIELD_TIME].row);

  if (self->pending_position != NULL)
    {
      g_autofree char *position = g_steal_pointer (&self->pending_position);

      tl_report_editor_fill_field (self, TL_REPORT_FIELD_POSITION, position);
      tl_report_editor_changed (self);
    }
  if (self->history_asked)
    tl_report_editor_open_history (self);
  if (self->pending_theirs != NULL)
    {
      g_autoptr(TlEvent) theirs = g_steal_pointer (&self->pending_theirs);

      tl_report_editor_show_theirs (self, theirs);
    }
}

/* Internal API */

/* For a callback from the store's worker: the editor, if it is still
 * there, without keeping it alive until the answer comes. */
gpointer
tl_report_editor_weak (TlReportEditor *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

/* Returns: (transfer full) (nullable): the editor; frees @weak */
TlReportEditor *
tl_report_editor_from_weak (gpointer weak)
{
  TlReportEditor *self = g_weak_ref_get (weak);

  g_weak_ref_clear (weak);
  g_free (weak);
  return self;
}


/* Reads the units, places and cases the form offers, and the draft it
 * may offer back, on the store's worker. */
void
tl_report_editor_load (TlReportEditor *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->loading_spinner);
  tl_store_load_form_async (self->store, self->kind, self->base->event_id, self->cancellable,
                            form_loaded_cb, tl_report_editor_weak (self));
}

/* The record's history, newest first, and as text for the tests. */
static void
fill_history (TlReportEditor *self,
              GPtrArray      *audit)
{
  GString *text = g_string_new (NULL);

  /* Newest first: the question is usually "who changed this just now". */
  for (guint i = audit->len; i-- > 0;)
    {
      TlAuditEntry *entry = audit->pdata[i];
      GtkWidget *group = adw_preferences_group_new ();
      g_autoptr(GPtrArray) lines = NULL;
      g_autofree char *title = action_title (entry->action, entry->operator_name, entry->source);
      g_autofree char *when = tl_time_format (self->zone, entry->at, "%Y-%m-%d %H:%M:%S");

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), when);
      g_string_append_printf (text, "%s\n", title);

      lines = tl_report_describe_changes (entry->before, entry->after, self->zone, self->format);
      for (guint l = 0; l < lines->len; l++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines->pdata[l]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_string_append_printf (text, "%s\n", (char *) lines->pdata[l]);
        }
      if (entry->action == TL_AUDIT_ACTION_UPDATE && lines->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Saved without changes to the fields shown"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      adw_preferences_page_add (self->history_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->history_groups, group);
    }

  g_free (self->history_text);
  self->history_text = g_string_free (text, FALSE);
}

static void
history_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TlReportEditor) self = tl_report_editor_from_weak (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = tl_store_list_audit_finish (TL_STORE (object), result, &error);

  /* Closed, or asked again meanwhile: the newer read shows its own. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->history_reading);
  if (audit == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      /* The form is still there behind it, and Try Again reads again. */
      adw_status_page_set_description (self->history_error_page, markup);
      gtk_stack_set_visible_child_name (self->history_stack, "error");
      return;
    }
  fill_history (self, audit);
  gtk_stack_set_visible_child_name (self->history_stack, "list");
}

/* Shows the history page at once, saying that it reads, and reads the
 * record's history on the store's worker. */
void
tl_report_editor_show_history (TlReportEditor *self)
{
  for (guint i = 0; i < self->history_groups->len; i++)
    adw_preferences_page_remove (self->history_page, self->history_groups->pdata[i]);
  g_ptr_array_set_size (self->history_groups, 0);
  g_clear_pointer (&self->history_text, g_free);

  if (self->history_reading != NULL)
    g_cancellable_cancel (self->history_reading);
  g_set_object (&self->history_reading, g_cancellable_new ());
  g_object_unref (self->history_reading);
  gtk_stack_set_visible_child_name (self->history_stack, "loading");
  gtk_stack_set_visible_child_name (self->stack, "history");
  tl_store_list_audit_async (self->store, self->base->event_id, self->history_reading,
                             history_read_cb, tl_report_editor_weak (self));
}

/* The history button: the history, or back to the form. */
void
tl_report_editor_show_history_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  TlReportEditor *self = TL_REPORT_EDITOR (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "history") == 0)
    gtk_stack_set_visible_child_name (self->stack, "form");
  else
    tl_report_editor_show_history (self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->history_button),
                                g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "history") == 0);
  tl_report_editor_update_actions (self);
}

void
tl_report_editor_reload_history_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  tl_report_editor_show_history (TL_REPORT_EDITOR (widget));
}

char *
tl_report_editor_history_text (TlReportEditor *self)
{
  return g_strdup (self->history_text ? self->history_text : "");
}

/* Shows the record as saved meanwhile (@theirs) beside the form, field by
 * field where they differ; nothing is written until the officer picks. */
void
tl_report_editor_show_conflict (TlReportEditor *self,
                                TlEvent        *theirs)
{
  g_autoptr(TlReport) mine = tl_report_editor_collect (self);
  g_autoptr(GArray) diff = NULL;
  GtkWidget *child;
  g_autofree char *who = NULL;

  g_set_object (&self->theirs_event, theirs);
  g_clear_pointer (&self->theirs, tl_report_free);
  self->theirs = tl_report_new_from_event (theirs, self->zone, self->format);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflict_grid))) != NULL)
    gtk_grid_remove (self->conflict_grid, child);

  /* Translators: column headings of the conflict view */
  gtk_grid_attach (self->conflict_grid, grid_label (_("Field"), TRUE), 0, 0, 1, 1);
  /* Translators: %s is the operator who saved the other version */
  who = g_strdup_printf (_("Theirs (%s)"), tl_event_get_updated_by (theirs));
  gtk_grid_attach (self->conflict_grid, grid_label (who, TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->conflict_grid, grid_label (_("Yours"), TRUE), 2, 0, 1, 1);

  diff = tl_report_diff (self->theirs, mine);
  for (guint i = 0; i < diff->len; i++)
    {
      TlReportField f = g_array_index (diff, TlReportField, i);
      g_autofree char *a = tl_report_format_value (self->theirs, f);
      g_autofree char *b = tl_report_format_value (mine, f);

      gtk_grid_attach (self->conflict_grid, grid_label (tl_report_field_get_label (f, self->kind), FALSE), 0, i + 1, 1, 1);
      gtk_grid_attach (self->conflict_grid, grid_label (a, FALSE), 1, i + 1, 1, 1);
      gtk_grid_attach (self->conflict_grid, grid_label (b, FALSE), 2, i + 1, 1, 1);
    }

  gtk_stack_set_visible_child_name (self->stack, "conflict");
}

char *
tl_report_editor_conflict_text (TlReportEditor *self)
{
  GString *text = g_string_new (NULL);

  for (int row = 0;; row++)
    {
      GtkWidget *cells[3];

      for (int col = 0; col < 3; col++)
        cells[col] = gtk_grid_get_child_at (self->conflict_grid, col, row);
      if (cells[0] == NULL)
        break;
      g_string_append_printf (text, "%s | %s | %s\n",
                              gtk_label_get_text (GTK_LABEL (cells[0])),
                              gtk_label_get_text (GTK_LABEL (cells[1])),
                              gtk_label_get_text (GTK_LABEL (cells[2])));
    }
  return g_string_free (text, FALSE);
}

/* Public API (tl-report-editor.h) */

/**
 * tl_report_editor_get_message:
 *
 * Returns: (nullable): the error, else the warning, of @field
 */
const char *
tl_report_editor_get_message (TlReportEditor *self,
                              TlReportField   field)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, NULL);

  return self->check.errors[field] ? self->check.errors[field] : self->check.warnings[field];
}

gboolean
tl_report_editor_has_draft_offer (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), FALSE);
  return self->draft_time != 0;
}

/**
 * tl_report_editor_open_history:
 *
 * Shows the record's history page, once the form is loaded.
 */
void
tl_report_editor_open_history (TlReportEditor *self)
{
  g_return_if_fail (TL_IS_REPORT_EDITOR (self));

  self->history_asked = !self->loaded;
  if (self->loaded && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "history") != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "report.show-history", NULL);
}

/**
 * tl_report_editor_get_page:
 *
 * Returns: “loading” (until the form's lists are read), “error” (if
 *   they could not be), “form”, “history” or “conflict”
 */
const char *
tl_report_editor_get_page (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tl_report_editor_get_history_state:
 *
 * Returns: of the history page, “loading” (while the history is read),
 *   “error” (if it could not be) or “list”
 */
const char *
tl_report_editor_get_history_state (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->history_stack);
}

/**
 * tl_report_editor_dup_history_text:
 *
 * Returns: (transfer full): the history view's text, one line per row;
 *   empty while it is read
 */
char *
tl_report_editor_dup_history_text (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);
  return tl_report_editor_history_text (self);
}

/**
 * tl_report_editor_dup_conflict_text:
 *
 * Returns: (transfer full): the conflict view's rows as “field | theirs
 *   | yours” lines
 */
char *
tl_report_editor_dup_conflict_text (TlReportEditor *self)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);
  return tl_report_editor_conflict_text (self);
}

/**
 * tl_report_editor_set_case_status:
 *
 * Picks the status the report's case gets when the report is saved.
 */
void
tl_report_editor_set_case_status (TlReportEditor *self,
                                  TlCaseStatus    status)
{
  g_return_if_fail (TL_IS_REPORT_EDITOR (self));
  g_return_if_fail (self->case_status_row != NULL);

  adw_combo_row_set_selected (self->case_status_row, status);
}
