/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coordinates.h"
#include "tl-rescue-form.h"
#include "tl-time.h"

struct _TlRescueForm
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *time_row;
  AdwEntryRow     *position_row;
  AdwEntryRow     *unit_row;
  AdwEntryRow     *people_row;
  GtkSpinButton   *rescued_spin;
  GtkSpinButton   *deceased_spin;
  GtkSpinButton   *missing_spin;
  GtkTextView     *notes_view;
  GtkLabel        *time_message;
  GtkLabel        *position_message;
  GtkLabel        *unit_message;
  GtkLabel        *people_message;

  /* owned */
  TlStore         *store;
  char            *operator_name;
  GTimeZone       *zone;
  TlRescueCheck    check;

  gint64           day_start;
  guint            dirty : 1;
  guint            valid : 1;
  guint            closing_confirmed : 1;
};

G_DEFINE_FINAL_TYPE (TlRescueForm, tl_rescue_form, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static char *
dup_notes (TlRescueForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
collect (TlRescueForm   *self,
         TlRescueReport *report)
{
  report->time_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  report->position_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->position_row)));
  report->unit = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  report->people_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->people_row)));
  report->rescued = gtk_spin_button_get_value_as_int (self->rescued_spin);
  report->deceased = gtk_spin_button_get_value_as_int (self->deceased_spin);
  report->missing = gtk_spin_button_get_value_as_int (self->missing_spin);
  report->notes = dup_notes (self);
}

/* Shows the field's error, else its warning, next to the field, and marks
 * the row so the eye finds it. */
static void
show_message (TlRescueForm  *self,
              GtkWidget     *row,
              GtkLabel      *label,
              TlRescueField  field)
{
  const char *error = self->check.errors[field];
  const char *warning = self->check.warnings[field];

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_remove_css_class (row, "warning");

  /* An empty form is not an error yet: say what is missing only once the
   * officer has started typing. */
  if (error != NULL && self->dirty)
    {
      gtk_label_set_text (label, error);
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
  else if (warning != NULL)
    {
      gtk_label_set_text (label, warning);
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_add_css_class (row, "warning");
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
  else
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error ? error : warning ? warning : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
show_count_message (TlRescueForm *self)
{
  TlRescueField field = TL_RESCUE_FIELD_PEOPLE;

  /* The counts share one message line: show the first that has anything. */
  for (TlRescueField f = TL_RESCUE_FIELD_PEOPLE; f <= TL_RESCUE_FIELD_MISSING; f++)
    if (self->check.errors[f] != NULL)
      {
        field = f;
        break;
      }
  show_message (self, GTK_WIDGET (self->people_row), self->people_message, field);
}

static void
validate (TlRescueForm *self)
{
  TlRescueReport report = { 0 };

  collect (self, &report);
  tl_rescue_check_clear (&self->check);
  self->valid = tl_rescue_report_validate (&report, self->zone, self->day_start,
                                           g_get_real_time () / G_USEC_PER_SEC,
                                           &self->check);
  tl_rescue_report_clear (&report);

  show_message (self, GTK_WIDGET (self->time_row), self->time_message, TL_RESCUE_FIELD_TIME);
  show_message (self, GTK_WIDGET (self->position_row), self->position_message, TL_RESCUE_FIELD_POSITION);
  show_message (self, GTK_WIDGET (self->unit_row), self->unit_message, TL_RESCUE_FIELD_UNIT);
  show_count_message (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", self->valid);
}

static gboolean
save (TlRescueForm  *self,
      GError       **error)
{
  TlRescueReport report = { 0 };
  g_autoptr(TlEvent) event = NULL;

  collect (self, &report);
  event = tl_rescue_report_to_event (&report, &self->check);
  tl_rescue_report_clear (&report);

  if (!tl_store_add_event (self->store, event, self->operator_name, error))
    return FALSE;

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, event);
  return TRUE;
}

/* callbacks */

static void
changed_cb (TlRescueForm *self)
{
  self->dirty = TRUE;
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TlRescueForm *self = TL_RESCUE_FORM (widget);
  g_autoptr(GError) error = NULL;

  validate (self);
  if (!self->valid)
    return;

  if (!save (self, &error))
    {
      /* The form stays open with everything typed: nothing is lost, and
       * the officer can try again or copy the text elsewhere. */
      AdwToast *toast = adw_toast_new_format (_("Not saved: %s"), error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TlRescueForm     *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* GObject overrides */

static gboolean
tl_rescue_form_close_request (GtkWindow *window)
{
  TlRescueForm *self = TL_RESCUE_FORM (window);
  AdwMessageDialog *dialog;

  if (!self->dirty || self->closing_confirmed)
    return GTK_WINDOW_CLASS (tl_rescue_form_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Discard This Report?"),
                                                       _("What you typed has not been saved.")));
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
tl_rescue_form_dispose (GObject *object)
{
  TlRescueForm *self = TL_RESCUE_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_RESCUE_FORM);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tl_rescue_form_parent_class)->dispose (object);
}

static void
tl_rescue_form_finalize (GObject *object)
{
  TlRescueForm *self = TL_RESCUE_FORM (object);

  tl_rescue_check_clear (&self->check);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_rescue_form_parent_class)->finalize (object);
}

static void
tl_rescue_form_class_init (TlRescueFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tl_rescue_form_dispose;
  object_class->finalize = tl_rescue_form_finalize;
  window_class->close_request = tl_rescue_form_close_request;

  /**
   * TlRescueForm::saved:
   * @event: the event as written to the store
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TL_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/reports/tl-rescue-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, time_row);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, position_row);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, people_row);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, rescued_spin);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, deceased_spin);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, missing_spin);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, time_message);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, position_message);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, unit_message);
  gtk_widget_class_bind_template_child (widget_class, TlRescueForm, people_message);

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_rescue_form_init (TlRescueForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *editables[] = {
      GTK_WIDGET (self->time_row), GTK_WIDGET (self->position_row),
      GTK_WIDGET (self->unit_row), GTK_WIDGET (self->people_row),
    };
    GtkSpinButton *spins[] = { self->rescued_spin, self->deceased_spin, self->missing_spin };

    for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
      g_signal_connect_swapped (editables[i], "changed", G_CALLBACK (changed_cb), self);
    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      g_signal_connect_swapped (spins[i], "value-changed", G_CALLBACK (changed_cb), self);
  }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (changed_cb), self);
}

/* public API */

/**
 * tl_rescue_form_new:
 * @store: where the report is saved
 * @operator_name: who is entering it, for the audit log
 * @zone: the display zone times are typed in
 * @day_start: the local day a bare time such as "14:05" belongs to
 *
 * Returns: (transfer floating): a form for a new rescue report, with the
 *   alert time set to now.
 */
TlRescueForm *
tl_rescue_form_new (TlStore    *store,
                    const char *operator_name,
                    GTimeZone  *zone,
                    gint64      day_start)
{
  TlRescueForm *self;
  g_autofree char *now_text = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 today_start, today_end;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);
  g_return_val_if_fail (operator_name != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (TL_TYPE_RESCUE_FORM, NULL);
  self->store = g_object_ref (store);
  self->operator_name = g_strdup (operator_name);
  self->zone = g_time_zone_ref (zone);
  self->day_start = day_start;

  /* Reports are mostly entered as they happen: start from now, written
   * with its date unless the officer is looking at today. */
  tl_time_day_range_at (zone, now, &today_start, &today_end);
  now_text = tl_time_format (zone, now, day_start == today_start ? "%H:%M" : "%Y-%m-%d %H:%M");
  if (day_start != today_start)
    self->day_start = today_start;
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), now_text);

  self->dirty = FALSE;
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->position_row));

  return self;
}

/**
 * tl_rescue_form_set_position:
 *
 * Fills the position, as when a report is started from the map.
 */
void
tl_rescue_form_set_position (TlRescueForm *self,
                             double        latitude,
                             double        longitude)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TL_IS_RESCUE_FORM (self));

  text = tl_coordinates_format (latitude, longitude, TL_COORDINATE_FORMAT_DDM);
  gtk_editable_set_text (GTK_EDITABLE (self->position_row), text);
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_row));
}

/**
 * tl_rescue_form_get_field_widget:
 *
 * Returns: (transfer none): the widget editing @field (an editable, a spin
 *   button or the notes view), for keyboard navigation and tests.
 */
GtkWidget *
tl_rescue_form_get_field_widget (TlRescueForm  *self,
                                 TlRescueField  field)
{
  g_return_val_if_fail (TL_IS_RESCUE_FORM (self), NULL);

  switch (field)
    {
    case TL_RESCUE_FIELD_TIME: return GTK_WIDGET (self->time_row);
    case TL_RESCUE_FIELD_POSITION: return GTK_WIDGET (self->position_row);
    case TL_RESCUE_FIELD_UNIT: return GTK_WIDGET (self->unit_row);
    case TL_RESCUE_FIELD_PEOPLE: return GTK_WIDGET (self->people_row);
    case TL_RESCUE_FIELD_RESCUED: return GTK_WIDGET (self->rescued_spin);
    case TL_RESCUE_FIELD_DECEASED: return GTK_WIDGET (self->deceased_spin);
    case TL_RESCUE_FIELD_MISSING: return GTK_WIDGET (self->missing_spin);
    case TL_RESCUE_FIELD_NOTES: return GTK_WIDGET (self->notes_view);
    case TL_RESCUE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tl_rescue_form_get_message:
 *
 * Returns: (nullable): the error, else the warning, shown for @field.
 */
const char *
tl_rescue_form_get_message (TlRescueForm  *self,
                            TlRescueField  field)
{
  g_return_val_if_fail (TL_IS_RESCUE_FORM (self), NULL);
  g_return_val_if_fail (field < TL_RESCUE_N_FIELDS, NULL);

  return self->check.errors[field] ? self->check.errors[field] : self->check.warnings[field];
}
