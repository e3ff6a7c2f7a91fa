/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-accessible.h"
#include "tl-report-editor-private.h"

/* The editor for the keyboard and for a screen reader: the check rows of
 * units and conditions (one Tab stop each, type-ahead, an AT-SPI
 * action), when a field shows its error, the position read back in
 * words, and keeping the focused field in view. */

/* Helpers */

static void
changed_cb (TlReportEditor *self)
{
  if (!self->filling)
    tl_report_editor_changed (self);
}

/* A field shows its error once the officer has left it, or tried to save:
 * not while a new form is still untouched. */
static void
field_left_cb (GtkEventControllerFocus *controller,
               TlReportEditor          *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (controller), "tl-field-id"));
  guint64 bit = G_GUINT64_CONSTANT (1) << field;

  if ((self->touched & bit) != 0)
    return;
  self->touched |= bit;
  tl_report_editor_show_messages (self, FALSE);
}

static void
watch_focus (TlReportEditor *self,
             GtkWidget      *widget,
             TlReportField   field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (focus), "tl-field-id", GUINT_TO_POINTER (field));
  g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (widget, focus);
}

void
tl_report_editor_watch_field (TlReportEditor *self,
                              TlReportField   field)
{
  TlFieldWidgets *w = &self->fields[field];

  watch_focus (self, w->row, field);
  /* Each unit gets its watch as it is added (add_unit ()). */
  if (w->checks == NULL || w->names != NULL)
    return;
  for (guint i = 0; i < w->checks->len; i++)
    watch_focus (self, gtk_widget_get_ancestor (w->checks->pdata[i], ADW_TYPE_ACTION_ROW), field);
}

/* Units and conditions are check rows straight in the group, not in an
 * expander: nothing to open first, one Tab stop each (the row, which
 * Space toggles and which reads as checked; the check button takes no
 * focus), and an AT-SPI action on the check button that toggles. */
static void
check_toggled_cb (GtkCheckButton *check,
                  GParamSpec     *pspec,
                  GtkWidget      *row)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_check_button_get_active (check), -1);
}

static GtkWidget *
add_check_row (TlReportEditor *self,
               TlFieldWidgets *w,
               const char     *title,
               const char     *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *list = gtk_widget_get_parent (w->row);
  GtkWidget *before = w->names != NULL ? GTK_WIDGET (self->add_unit_row) : w->message_row;

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_focusable (check, FALSE);
  tl_accessible_set_label (check, title);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (check_toggled_cb), row, 0);
  check_toggled_cb (GTK_CHECK_BUTTON (check), NULL, row);
  tl_accessible_add_check_action (GTK_CHECK_BUTTON (check));
  g_signal_connect_swapped (check, "notify::active", G_CALLBACK (changed_cb), self);
  g_ptr_array_add (w->checks, check);
  if (w->names != NULL)
    g_ptr_array_add (w->names, g_strdup (name));

  /* Rows of an AdwPreferencesGroup are children of its list box: a unit
   * added later goes with the others, above the row that adds one. */
  if (before != NULL && gtk_widget_get_parent (before) == list)
    gtk_list_box_insert (GTK_LIST_BOX (list), row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (before)));
  else
    gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* Type-ahead among the check rows of a field: typing a unit's first
 * letters moves the focus to it. */
static gboolean
check_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      TlReportEditor        *self)
{
  GtkWidget *focus = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TlFieldWidgets *w = g_object_get_data (G_OBJECT (focus), "tl-field");
  gboolean on_heading = w != NULL && focus == w->row;
  gunichar c = gdk_keyval_to_unicode (keyval);
  gint64 now = g_get_monotonic_time ();
  g_autofree char *prefix = NULL;
  guint start = 0;
  char utf8[8];

  if (w == NULL || c == 0 || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (now - self->type_ahead_time > G_USEC_PER_SEC)
    g_string_truncate (self->type_ahead, 0);

  /* Space toggles the unit, unless it goes on a name being typed:
   * "SNSM B" finds "SNSM Boulogne-sur-Mer". */
  if (c == ' ')
    {
      GtkWidget *row = focus;
      g_autofree char *typed = NULL;
      g_autofree char *title = NULL;

      if (self->type_ahead->len == 0 || on_heading)
        return FALSE;
      typed = g_utf8_casefold (self->type_ahead->str, -1);
      title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
      if (!g_str_has_prefix (title, typed) || title[strlen (typed)] != ' ')
        return FALSE;
    }
  self->type_ahead_time = now;
  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  g_string_append (self->type_ahead, utf8);
  prefix = g_utf8_casefold (self->type_ahead->str, -1);

  for (guint i = 0; i < w->checks->len; i++)
    if (gtk_widget_get_ancestor (w->checks->pdata[i], ADW_TYPE_ACTION_ROW) == focus)
      start = i;
  /* One letter again moves on to the next match; more letters refine.
   * From the heading, the search starts at the first unit. */
  for (guint n = 0; n < w->checks->len; n++)
    {
      guint skip = !on_heading && self->type_ahead->len == strlen (utf8) ? 1 : 0;
      guint i = (start + n + skip) % w->checks->len;
      GtkWidget *row = gtk_widget_get_ancestor (w->checks->pdata[i], ADW_TYPE_ACTION_ROW);
      g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);

      if (g_str_has_prefix (title, prefix))
        {
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }
  gtk_widget_error_bell (focus);
  return TRUE;
}

/* @widget: a check row, or the field's heading row */
static void
add_check_keys (TlReportEditor *self,
                TlFieldWidgets *w,
                GtkWidget      *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  if (GTK_IS_CHECK_BUTTON (widget))
    widget = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  g_object_set_data (G_OBJECT (widget), "tl-field", w);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (check_key_pressed_cb), self);
  gtk_widget_add_controller (widget, keys);
}

static gboolean
has_unit (TlFieldWidgets *w,
          const char     *name)
{
  for (guint i = 0; i < w->names->len; i++)
    if (g_ascii_strcasecmp (w->names->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

void
tl_report_editor_add_unit (TlReportEditor *self,
                           const char     *name)
{
  TlFieldWidgets *w = &self->fields[TL_REPORT_FIELD_UNITS];

  if (name[0] != '\0' && !has_unit (w, name))
    {
      /* A built-in unit shows in the officer's language; the report
       * keeps its key. */
      add_check_row (self, w, tl_unit_get_label (name), name);
      add_check_keys (self, w, w->checks->pdata[w->checks->len - 1]);
      if (w->message_row != NULL && self->add_unit_row != NULL)
        watch_focus (self, gtk_widget_get_ancestor (w->checks->pdata[w->checks->len - 1], ADW_TYPE_ACTION_ROW),
                   TL_REPORT_FIELD_UNITS);
    }
}

/* A unit on its way to the store, for the editor if it is still there. */
typedef struct {
  gpointer  editor;   /* tl_report_editor_weak () */
  char     *name;
} Remembering;

/* What came of remembering a unit: the spinner stops once none is on
 * its way; one that could not be remembered is still in this report. */
static void
unit_remembered_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree Remembering *remembering = user_data;
  g_autofree char *name = remembering->name;
  g_autoptr(TlReportEditor) self = tl_report_editor_from_weak (remembering->editor);
  g_autoptr(GError) error = NULL;
  gboolean ok = tl_store_add_unit_finish (TL_STORE (object), result, &error);

  /* Closed meanwhile: its rows are gone. */
  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (--self->n_units_adding == 0)
    {
      gtk_spinner_stop (GTK_SPINNER (self->add_unit_spinner));
      gtk_widget_set_visible (self->add_unit_spinner, FALSE);
    }
  if (!ok)
    {
      /* Translators: a toast in the report editor; the unit stays in the
       * report, but the next reports will not offer it */
      g_autofree char *message = g_strdup_printf (_("“%s” is in this report, but could not be "
                                                    "remembered for the next ones: %s"),
                                                  tl_unit_get_label (name), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

static void
add_unit_apply_cb (TlReportEditor *self,
                   AdwEntryRow    *row)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  const char *name = tl_unit_find_key (typed);
  TlFieldWidgets *w = &self->fields[TL_REPORT_FIELD_UNITS];

  if (typed[0] == '\0')
    return;

  /* A built-in unit typed in either language is that unit, by its key.
   * One the form does not offer yet is remembered at once, on the
   * store's worker: the next report offers it too. Not cancelled with
   * the editor, as the officer asked for it. */
  if (name == NULL)
    name = typed;
  if (!g_strv_contains (tl_units_get_offered (), name))
    {
      Remembering *remembering = g_new0 (Remembering, 1);

      remembering->editor = tl_report_editor_weak (self);
      remembering->name = g_strdup (name);
      self->n_units_adding++;
      gtk_widget_set_visible (self->add_unit_spinner, TRUE);
      gtk_spinner_start (GTK_SPINNER (self->add_unit_spinner));
      tl_store_add_unit_async (self->store, name, NULL, unit_remembered_cb, remembering);
    }

  tl_report_editor_add_unit (self, name);
  for (guint i = 0; i < w->names->len; i++)
    if (g_ascii_strcasecmp (w->names->pdata[i], name) == 0)
      gtk_check_button_set_active (w->checks->pdata[i], TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* The units' heading row: it names the field and carries its message;
 * the check rows and the row that adds a unit follow it once it is in
 * its group (add_check_rows ()). */
GtkWidget *
tl_report_editor_new_heading_row (const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* It takes the focus (a screen reader reads the field's name and its
   * error there, and type-ahead starts from it), but does nothing. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

void
tl_report_editor_add_check_rows (TlReportEditor *self,
                                 TlFieldWidgets *w,
                                 TlReportField   field)
{
  w->checks = g_ptr_array_new ();
  add_check_keys (self, w, w->row);
  if (tl_report_field_get_type (field) == TL_REPORT_TYPE_CHOICES)
    {
      for (guint c = 0; c < tl_report_choice_count (field); c++)
        {
          add_check_row (self, w, tl_report_choice_get_label (field, c), NULL);
          add_check_keys (self, w, w->checks->pdata[c]);
        }
      return;
    }

  {
    GStrv stored = self->form->units;
    const char * const *defaults = tl_report_default_units ();

    w->names = g_ptr_array_new_with_free_func (g_free);
    self->add_unit_row = ADW_ENTRY_ROW (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_unit_row), _("Add a unit"));
    adw_entry_row_set_show_apply_button (self->add_unit_row, TRUE);
    g_signal_connect_swapped (self->add_unit_row, "apply", G_CALLBACK (add_unit_apply_cb), self);
    /* While a unit added is being remembered (on a server, a round trip). */
    self->add_unit_spinner = gtk_spinner_new ();
    gtk_widget_set_valign (self->add_unit_spinner, GTK_ALIGN_CENTER);
    gtk_widget_set_visible (self->add_unit_spinner, FALSE);
    gtk_widget_set_tooltip_text (self->add_unit_spinner, _("Remembering the unit…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_unit_spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Remembering the unit…"), -1);
    adw_entry_row_add_suffix (self->add_unit_row, self->add_unit_spinner);
    gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (w->row)), GTK_WIDGET (self->add_unit_row),
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (w->message_row)));
    for (guint i = 0; defaults[i] != NULL; i++)
      tl_report_editor_add_unit (self, defaults[i]);
    for (guint i = 0; stored != NULL && stored[i] != NULL; i++)
      tl_report_editor_add_unit (self, stored[i]);
  }
}

/* The position as the form read it, beside the field in the officer's
 * notation, and in words for a screen reader: "50 degrees 57.520 minutes
 * north, 1 degree 35.200 minutes east". Returns the row's description:
 * the words, then @message if any. */
static char *
describe_angle (double      value,
                const char *positive,
                const char *negative)
{
  double a = fabs (value);
  int degrees = (int) a;
  double minutes = (a - degrees) * 60.0;

  if (minutes >= 59.9995)
    {
      degrees += 1;
      minutes = 0;
    }
  /* Translators: a latitude or longitude read out in words: degrees,
   * minutes, then "north", "south", "east" or "west" */
  return g_strdup_printf (g_dngettext (NULL, "%d degree %.3f minutes %s", "%d degrees %.3f minutes %s", degrees),
                          degrees, minutes, value < 0 ? negative : positive);
}

char *
tl_report_editor_echo_position (TlReportEditor *self,
                                const char     *message)
{
  GtkWidget *row = self->fields[TL_REPORT_FIELD_POSITION].row;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *shown = NULL;
  g_autofree char *lat_words = NULL;
  g_autofree char *lon_words = NULL;
  g_autofree char *words = NULL;
  double lat, lon;

  if (self->position_echo == NULL)
    return NULL;
  if (text[0] == '\0' || !tl_coordinates_parse (text, &lat, &lon, NULL))
    {
      gtk_label_set_text (self->position_echo, "");
      return NULL;
    }

  shown = tl_coordinates_format (lat, lon, self->format);
  gtk_label_set_text (self->position_echo, shown);
  lat_words = describe_angle (lat, _("north"), _("south"));
  lon_words = describe_angle (lon, _("east"), _("west"));
  /* Translators: the position a report's form read, in words: latitude
   * then longitude */
  words = g_strdup_printf (_("Read as %s, %s"), lat_words, lon_words);
  if (message != NULL)
    return g_strdup_printf ("%s. %s", words, message);
  return g_steal_pointer (&words);
}

/* Internal API */

/* After a refused save, the first field in error gets the focus, so the
 * officer (and a screen reader) lands on what to fix. */
void
tl_report_editor_focus_first_error (TlReportEditor *self)
{
  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    {
      TlFieldWidgets *w = &self->fields[f];

      if (self->check.errors[f] == NULL || w->row == NULL)
        continue;
      gtk_widget_grab_focus (w->row);
      return;
    }
}

/* Keeps the focused row, and the message under it, wholly in view: the
 * viewport's own scrolling stops as soon as the focused widget shows,
 * which leaves a tall row half off the screen. */
void
tl_report_editor_keep_focus_in_view (TlReportEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *scrolled, *row, *next;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, height;
  const double margin = 12;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->form_page)))
    return;
  scrolled = gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW);
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (scrolled == NULL || !gtk_widget_compute_bounds (row ? row : focus, scrolled, &bounds))
    return;

  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  next = row ? gtk_widget_get_next_sibling (row) : NULL;
  if (next != NULL && gtk_widget_get_visible (next) && !gtk_widget_get_focusable (next))
    {
      graphene_rect_t message;

      if (gtk_widget_compute_bounds (next, scrolled, &message))
        bottom = message.origin.y + message.size.height;
    }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  height = gtk_widget_get_height (scrolled);
  if (top < margin)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top - margin);
  else if (bottom > height - margin)
    gtk_adjustment_set_value (adjustment,
                              gtk_adjustment_get_value (adjustment) + MIN (bottom - height + margin, top - margin));
}

