/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tl-sitrep.h"
#include "tl-sitrep-dialog.h"

/* The SITREP of a case or a report, to read over and copy into the
 * message to another centre. The text is read-only: the record is the
 * reports, and a SITREP edited here would say something they do not.
 * The centre and the language are remembered for the next SITREP. */

struct _TlSitrepDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSpinButton   *number_spin;
  AdwEntryRow     *centre_row;
  AdwComboRow     *language_row;
  GtkTextView     *text_view;

  /* owned */
  GSettings       *settings;
  GPtrArray       *events;      /* element-type TlEvent */
  char            *case_title;

  gint64           case_id;
  gboolean         has_case_status;
  TlCaseStatus     case_status;
  gint64           created_at;  /* fixed when opened: the SITREP's DTG */
};

G_DEFINE_FINAL_TYPE (TlSitrepDialog, tl_sitrep_dialog, ADW_TYPE_WINDOW)

/* helpers */

static void
update_text (TlSitrepDialog *self)
{
  g_autofree char *text = NULL;
  TlSitrepOptions options;

  if (self->events == NULL)
    return;
  tl_sitrep_options_init (&options);
  options.number = (guint) gtk_spin_button_get_value_as_int (self->number_spin);
  options.centre = gtk_editable_get_text (GTK_EDITABLE (self->centre_row));
  options.case_id = self->case_id;
  options.case_title = self->case_title;
  options.has_case_status = self->has_case_status;
  options.case_status = self->case_status;
  options.created_at = self->created_at;
  options.language = (TlSitrepLanguage) adw_combo_row_get_selected (self->language_row);
  text = tl_sitrep_build (self->events, &options);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

/* An empty key is the default centre, shown so it can be read and edited. */
static gboolean
centre_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *centre = g_variant_get_string (variant, NULL);

  g_value_set_string (value, centre[0] != '\0' ? centre : TL_SITREP_DEFAULT_CENTRE);
  return TRUE;
}

/* The combo row lists the languages in TlSitrepLanguage order. */
static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  TlSitrepLanguage language;

  if (!tl_sitrep_language_from_string (g_variant_get_string (variant, NULL), &language))
    return FALSE;

  g_value_set_uint (value, language);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i > TL_SITREP_LANGUAGE_INTERFACE)
    return NULL;

  return g_variant_new_string (tl_sitrep_language_to_string (i));
}

/* callbacks */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TlSitrepDialog *self = TL_SITREP_DIALOG (widget);
  g_autofree char *text = tl_sitrep_dialog_get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("SITREP copied")));
}

/* GObject overrides */

static void
tl_sitrep_dialog_dispose (GObject *object)
{
  TlSitrepDialog *self = TL_SITREP_DIALOG (object);

  if (self->settings != NULL)
    {
      g_settings_unbind (self->centre_row, "text");
      g_settings_unbind (self->language_row, "selected");
    }
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_SITREP_DIALOG);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->case_title, g_free);

  G_OBJECT_CLASS (tl_sitrep_dialog_parent_class)->dispose (object);
}

static void
tl_sitrep_dialog_class_init (TlSitrepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_sitrep_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/export/tl-sitrep-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlSitrepDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlSitrepDialog, number_spin);
  gtk_widget_class_bind_template_child (widget_class, TlSitrepDialog, centre_row);
  gtk_widget_class_bind_template_child (widget_class, TlSitrepDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, TlSitrepDialog, text_view);

  gtk_widget_class_install_action (widget_class, "sitrep.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_sitrep_dialog_init (TlSitrepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  /* Read once: a change coming back while the officer clears the field
   * to type another name must not put the default back under the cursor. */
  g_settings_bind_with_mapping (self->settings, "sitrep-centre", self->centre_row, "text",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES,
                                centre_get_mapping, NULL, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "sitrep-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_get_mapping, language_set_mapping,
                                NULL, NULL);

  g_signal_connect_swapped (self->number_spin, "value-changed", G_CALLBACK (update_text), self);
  g_signal_connect_swapped (self->centre_row, "changed", G_CALLBACK (update_text), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (update_text), self);
}

/* public API */

/**
 * tl_sitrep_dialog_new:
 * @parent: the main window
 * @events: (element-type TlEvent): the reports of the case, or one report
 * @case_id: the case, or 0
 * @case_title: (nullable): the case's title
 *
 * Returns: (transfer full): a new dialog, transient for @parent
 */
TlSitrepDialog *
tl_sitrep_dialog_new (GtkWindow  *parent,
                      GPtrArray  *events,
                      gint64      case_id,
                      const char *case_title)
{
  TlSitrepDialog *self;

  g_return_val_if_fail (events != NULL, NULL);

  self = g_object_new (TL_TYPE_SITREP_DIALOG, "transient-for", parent, NULL);
  self->events = g_ptr_array_ref (events);
  self->case_id = case_id;
  self->case_title = g_strdup (case_title);
  self->created_at = g_get_real_time () / G_USEC_PER_SEC;
  if (case_id > 0)
    {
      /* Translators: the title of the SITREP window for a case */
      g_autofree char *title = g_strdup_printf (_("SITREP — Case %" PRId64), case_id);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  update_text (self);
  return self;
}

/**
 * tl_sitrep_dialog_get_text:
 *
 * Returns: (transfer full): the SITREP as shown
 */
char *
tl_sitrep_dialog_get_text (TlSitrepDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (TL_IS_SITREP_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * tl_sitrep_dialog_set_case_status:
 * @self: a #TlSitrepDialog
 * @status: the case's status, which decides INITIAL, SUBSEQUENT or FINAL
 */
void
tl_sitrep_dialog_set_case_status (TlSitrepDialog *self,
                                  TlCaseStatus    status)
{
  g_return_if_fail (TL_IS_SITREP_DIALOG (self));

  self->has_case_status = TRUE;
  self->case_status = status;
  update_text (self);
}
