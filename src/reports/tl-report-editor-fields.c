/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "tl-accessible.h"
#include "tl-report-editor-private.h"

/* The rows of the editor, one per field of the report's kind, built from
 * the field table in core so that every kind's form follows the same
 * rules: a row per field, its message right under it, Tab from one to
 * the next. */

typedef struct {
  TlReportField  field;
  gsize          group_offset;   /* of the AdwPreferencesGroup in the editor */
} Placement;

#define GROUP(name) G_STRUCT_OFFSET (TlReportEditor, name)

/* Form order. */
static const Placement placements[] = {
  { TL_REPORT_FIELD_TIME, GROUP (when_group) },
  { TL_REPORT_FIELD_ON_SCENE_TIME, GROUP (when_group) },
  { TL_REPORT_FIELD_END_TIME, GROUP (when_group) },
  { TL_REPORT_FIELD_PLACE, GROUP (where_group) },
  { TL_REPORT_FIELD_POSITION, GROUP (where_group) },
  { TL_REPORT_FIELD_ROUTE, GROUP (where_group) },
  { TL_REPORT_FIELD_PATROL_KIND, GROUP (who_group) },
  { TL_REPORT_FIELD_UNITS, GROUP (who_group) },
  { TL_REPORT_FIELD_SOURCE, GROUP (who_group) },
  { TL_REPORT_FIELD_CONFIDENCE, GROUP (who_group) },
  { TL_REPORT_FIELD_BOATS, GROUP (people_group) },
  { TL_REPORT_FIELD_PEOPLE, GROUP (people_group) },
  { TL_REPORT_FIELD_RESCUED, GROUP (people_group) },
  { TL_REPORT_FIELD_LANDED_UK, GROUP (people_group) },
  { TL_REPORT_FIELD_RETURNED_FR, GROUP (people_group) },
  { TL_REPORT_FIELD_DECEASED, GROUP (people_group) },
  { TL_REPORT_FIELD_MISSING, GROUP (people_group) },
  { TL_REPORT_FIELD_MEDEVAC, GROUP (people_group) },
  { TL_REPORT_FIELD_TAXI_BOAT, GROUP (boat_group) },
  { TL_REPORT_FIELD_SHORE_ACTION, GROUP (boat_group) },
  { TL_REPORT_FIELD_BOAT_TYPE, GROUP (boat_group) },
  { TL_REPORT_FIELD_CONDITIONS, GROUP (boat_group) },
  { TL_REPORT_FIELD_OUTCOME, GROUP (outcome_group) },
  { TL_REPORT_FIELD_LANDED_AT, GROUP (outcome_group) },
  { TL_REPORT_FIELD_OBSERVED, GROUP (outcome_group) },
  { TL_REPORT_FIELD_LINKED, GROUP (outcome_group) },
  { TL_REPORT_FIELD_CASE, GROUP (case_group) },
};

/* Helpers */

static AdwPreferencesGroup *
group_at (TlReportEditor *self,
          gsize           offset)
{
  return G_STRUCT_MEMBER (AdwPreferencesGroup *, self, offset);
}

static void
changed_cb (TlReportEditor *self)
{
  if (!self->filling)
    tl_report_editor_changed (self);
}

static GtkWidget *
new_entry_row (TlReportEditor *self,
               TlReportField   field)
{
  GtkWidget *row = adw_entry_row_new ();

  if (tl_report_field_get_type (field) == TL_REPORT_TYPE_COUNT)
    gtk_editable_set_alignment (GTK_EDITABLE (row), 0);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed_cb), self);
  return row;
}

static GtkWidget *
new_choice_row (TlReportEditor *self,
                TlFieldWidgets *w,
                TlReportField   field)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  w->ids = gtk_string_list_new (NULL);
  /* Translators: the choice for a field nobody filled in */
  gtk_string_list_append (labels, _("Not recorded"));
  gtk_string_list_append (w->ids, "");
  for (guint i = 0; i < tl_report_choice_count (field); i++)
    {
      gtk_string_list_append (labels, tl_report_choice_get_label (field, i));
      gtk_string_list_append (w->ids, tl_report_choice_get_id (field, i));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  /* A long choice ("Some landed, some returned") wraps rather than being
   * cut off, in any language. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  tl_accessible_add_choice_actions (row);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (changed_cb), self);
  return row;
}

/* Picking a place from the gazetteer puts the position at the place. */
void
tl_report_editor_apply_place (TlReportEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[TL_REPORT_FIELD_PLACE].row));
  g_autofree char *position = NULL;
  TlPlace *place;

  /* Item 0 is "none"; the places follow in the store's order. A place
   * kept from an import has no coordinates (kind NULL). */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->places->len)
    {
      place = self->places->pdata[selected - 1];
      if (place->kind == NULL)
        return;
      position = tl_coordinates_format (place->latitude, place->longitude, self->format);
      tl_report_editor_fill_field (self, TL_REPORT_FIELD_POSITION, position);
    }
}

static void
place_selected_cb (TlReportEditor *self)
{
  if (self->filling)
    return;
  tl_report_editor_apply_place (self);
  tl_report_editor_changed (self);
}

static GtkWidget *
new_place_row (TlReportEditor *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  self->places = g_ptr_array_ref (self->form->places);
  /* Translators: the choice of no place from the gazetteer */
  gtk_string_list_append (names, C_("place", "None"));
  for (guint i = 0; i < self->places->len; i++)
    gtk_string_list_append (names, ((TlPlace *) self->places->pdata[i])->name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  /* The place chosen is the subtitle, where a long name wraps rather
   * than being cut off; the hint goes to the tooltip and is read after
   * the row's name. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Picking a place fills the position"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Picking a place fills the position"), -1);
  g_object_unref (names);
  tl_accessible_add_choice_actions (row);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (place_selected_cb), self);
  return row;
}

static void
case_selected_cb (TlReportEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[TL_REPORT_FIELD_CASE].row));
  gint64 id = selected < self->case_ids->len ? g_array_index (self->case_ids, gint64, selected) : 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->case_status_row), id != 0);
  self->case_status_loaded = -1;
  /* The status row shows the case's own status, when filling too. */
  for (guint i = 0; id > 0 && i < self->form->cases->len; i++)
    {
      TlCase *c = self->form->cases->pdata[i];

      if (c->id == id)
        {
          self->case_status_loaded = c->status;
          adw_combo_row_set_selected (self->case_status_row, c->status);
        }
    }
  changed_cb (self);
}

static GtkWidget *
new_case_row (TlReportEditor *self)
{
  GPtrArray *cases = self->form->cases;
  GtkStringList *items = gtk_string_list_new (NULL);
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  gint64 none = 0, fresh = -1;

  self->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (items, _("Not in a case"));
  g_array_append_val (self->case_ids, none);
  gtk_string_list_append (items, _("New case"));
  g_array_append_val (self->case_ids, fresh);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      TlCase *c = cases->pdata[i];
      g_autofree char *label = NULL;

      /* Translators: an item of the list of cases: the case number, its
       * status, and how many reports it links */
      label = g_strdup_printf (g_dngettext (NULL, "Case %" PRId64 " · %s · %u report",
                                            "Case %" PRId64 " · %s · %u reports", c->n_events),
                               c->id, tl_case_status_get_label (c->status), c->n_events);
      gtk_string_list_append (items, label);
      g_array_append_val (self->case_ids, c->id);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
  g_object_unref (items);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  tl_accessible_add_choice_actions (row);

  self->case_status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->case_status_row), _("Case status"));
  for (TlCaseStatus s = 0; s < TL_CASE_N_STATUSES; s++)
    gtk_string_list_append (statuses, tl_case_status_get_label (s));
  adw_combo_row_set_model (self->case_status_row, G_LIST_MODEL (statuses));
  g_object_unref (statuses);
  adw_combo_row_set_use_subtitle (self->case_status_row, TRUE);
  tl_accessible_add_choice_actions (GTK_WIDGET (self->case_status_row));
  gtk_widget_set_sensitive (GTK_WIDGET (self->case_status_row), FALSE);
  g_signal_connect_swapped (self->case_status_row, "notify::selected", G_CALLBACK (changed_cb), self);

  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (case_selected_cb), self);
  return row;
}

static GtkWidget *
new_route_row (TlReportEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *draw = gtk_button_new_with_mnemonic (_("_Draw on Map"));
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  gtk_widget_set_valign (draw, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (draw), "report.draw-route");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "report.clear-route");
  gtk_widget_set_tooltip_text (clear, _("Clear the Route"));
  tl_accessible_set_label (clear, _("Clear the Route"));
  gtk_widget_add_css_class (clear, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), draw);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  return row;
}

static GtkWidget *
new_message_row (TlFieldWidgets *w)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "selectable", FALSE,
                                 "focusable", FALSE,
                                 "visible", FALSE,
                                 NULL);

  w->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (w->message, 0);
  gtk_label_set_wrap (w->message, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (w->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (w->message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (w->message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (w->message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (w->message), "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (w->message));
  return row;
}

/* The choice row item of @value, appending it if the list lacks it (a
 * value imported, or from a newer version): shown, kept, never lost. */
static guint
choice_index (TlFieldWidgets *w,
              const char     *value)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (w->row));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (w->ids));

  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (w->ids, i), value))
      return i;
  gtk_string_list_append (GTK_STRING_LIST (labels), value);
  gtk_string_list_append (w->ids, value);
  return n;
}

/* Internal API */

void
tl_report_editor_build_fields (TlReportEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (placements); i++)
    {
      TlReportField field = placements[i].field;
      TlFieldWidgets *w = &self->fields[field];
      AdwPreferencesGroup *group = group_at (self, placements[i].group_offset);
      GtkWidget *row;

      if (!tl_report_field_applies (field, self->kind))
        continue;

      switch (tl_report_field_get_type (field))
        {
        case TL_REPORT_TYPE_CHOICE:
          row = new_choice_row (self, w, field);
          break;
        case TL_REPORT_TYPE_CHOICES:
          row = tl_report_editor_new_heading_row (NULL);
          break;
        case TL_REPORT_TYPE_FLAG:
          row = adw_action_row_new ();
          w->toggle = gtk_switch_new ();
          gtk_widget_set_valign (w->toggle, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), w->toggle);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), w->toggle);
          g_signal_connect_swapped (w->toggle, "notify::active", G_CALLBACK (changed_cb), self);
          break;
        case TL_REPORT_TYPE_LIST:
          /* Translators: under "Responding units" in a report */
          row = tl_report_editor_new_heading_row (_("Type a unit's first letters to find it"));
          break;
        case TL_REPORT_TYPE_ROUTE:
          row = new_route_row (self);
          break;
        case TL_REPORT_TYPE_ID:
          row = new_case_row (self);
          break;
        case TL_REPORT_TYPE_TEXT:
          if (field == TL_REPORT_FIELD_PLACE)
            {
              row = new_place_row (self);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case TL_REPORT_TYPE_TIME:
        case TL_REPORT_TYPE_POSITION:
        case TL_REPORT_TYPE_COUNT:
        case TL_REPORT_TYPE_IDS:
        default:
          row = new_entry_row (self, field);
          if (field == TL_REPORT_FIELD_POSITION)
            {
              GtkWidget *pick = gtk_button_new_from_icon_name ("mark-location-symbolic");

              gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
              gtk_widget_add_css_class (pick, "flat");
              gtk_widget_set_tooltip_text (pick, _("Pick on the Map"));
              tl_accessible_set_label (pick, _("Pick the Position on the Map"));
              self->position_echo = GTK_LABEL (gtk_label_new (NULL));
              gtk_widget_add_css_class (GTK_WIDGET (self->position_echo), "dim-label");
              gtk_widget_add_css_class (GTK_WIDGET (self->position_echo), "numeric");
              /* Read through the row's description, in words. */
              gtk_accessible_update_state (GTK_ACCESSIBLE (self->position_echo),
                                           GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
              adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (self->position_echo));
              gtk_actionable_set_action_name (GTK_ACTIONABLE (pick), "report.pick-position");
              adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), pick);
            }
          break;
        }

      w->row = row;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     tl_report_field_get_label (field, self->kind));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (group, row);
      w->message_row = new_message_row (w);
      adw_preferences_group_add (group, w->message_row);
      if (tl_report_field_get_type (field) == TL_REPORT_TYPE_CHOICES ||
          tl_report_field_get_type (field) == TL_REPORT_TYPE_LIST)
        tl_report_editor_add_check_rows (self, w, field);
      tl_report_editor_watch_field (self, field);

      if (field == TL_REPORT_FIELD_CASE)
        adw_preferences_group_add (group, GTK_WIDGET (self->case_status_row));
      /* Where the position falls: shown, never typed. */
      if (field == TL_REPORT_FIELD_POSITION)
        {
          self->zone_row = ADW_ACTION_ROW (adw_action_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->zone_row), _("Side and Waters"));
          gtk_widget_set_visible (GTK_WIDGET (self->zone_row), FALSE);
          /* Read-only: shown and read out with the form, never a Tab stop
           * between the position and the next field. */
          gtk_widget_set_focusable (GTK_WIDGET (self->zone_row), FALSE);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->zone_row), FALSE);
          adw_preferences_group_add (group, GTK_WIDGET (self->zone_row));
        }
    }

  /* A group none of whose fields this kind has is not shown. */
  {
    AdwPreferencesGroup *groups[] = {
      self->when_group, self->where_group, self->who_group, self->people_group,
      self->boat_group, self->outcome_group, self->case_group,
    };

    for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
      {
        gboolean used = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (placements); i++)
          used |= group_at (self, placements[i].group_offset) == groups[g] &&
                  self->fields[placements[i].field].row != NULL;
        gtk_widget_set_visible (GTK_WIDGET (groups[g]), used);
      }
  }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (changed_cb), self);
}

void
tl_report_editor_clear_fields (TlReportEditor *self)
{
  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    {
      g_clear_pointer (&self->fields[i].checks, g_ptr_array_unref);
      g_clear_pointer (&self->fields[i].names, g_ptr_array_unref);
      g_clear_object (&self->fields[i].ids);
    }
}

/* Sets the widgets of @field from @value, without it counting as typing. */
void
tl_report_editor_fill_field (TlReportEditor *self,
                             TlReportField   field,
                             const char     *value)
{
  TlFieldWidgets *w = &self->fields[field];
  gboolean filling = self->filling;

  self->filling = TRUE;
  value = value ? value : "";

  if (field == TL_REPORT_FIELD_NOTES)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), value, -1);
  else if (w->row == NULL)
    ;
  else switch (tl_report_field_get_type (field))
    {
    case TL_REPORT_TYPE_CHOICE:
      adw_combo_row_set_selected (ADW_COMBO_ROW (w->row), choice_index (w, value));
      break;
    case TL_REPORT_TYPE_CHOICES:
      {
        g_auto(GStrv) ids = g_strsplit (value, ",", -1);

        for (guint c = 0; c < w->checks->len; c++)
          gtk_check_button_set_active (w->checks->pdata[c],
                                       g_strv_contains ((const char * const *) ids,
                                                        tl_report_choice_get_id (field, c)));
        break;
      }
    case TL_REPORT_TYPE_FLAG:
      gtk_switch_set_active (GTK_SWITCH (w->toggle), g_str_equal (value, "true"));
      break;
    case TL_REPORT_TYPE_LIST:
      {
        g_auto(GStrv) names = g_strsplit (value, "\n", -1);

        for (guint i = 0; names[i] != NULL; i++)
          tl_report_editor_add_unit (self, g_strstrip (names[i]));
        for (guint c = 0; c < w->checks->len; c++)
          gtk_check_button_set_active (w->checks->pdata[c],
                                       g_strv_contains ((const char * const *) names, w->names->pdata[c]));
        break;
      }
    case TL_REPORT_TYPE_ROUTE:
      {
        g_autoptr(TlReport) r = tl_report_new (self->kind);
        g_autofree char *shown = NULL;

        g_free (self->route);
        self->route = g_strdup (value);
        tl_report_set (r, field, value);
        shown = tl_report_format_value (r, field);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (w->row), value[0] ? shown : _("Not drawn"));
        break;
      }
    case TL_REPORT_TYPE_ID:
      {
        gint64 id = value[0] ? g_ascii_strtoll (value, NULL, 10) : 0;
        guint index = G_MAXUINT;

        for (guint i = 0; i < self->case_ids->len && index == G_MAXUINT; i++)
          if (g_array_index (self->case_ids, gint64, i) == id)
            index = i;
        if (index == G_MAXUINT)
          {
            g_autofree char *label = g_strdup_printf (_("Case %" PRId64), id);

            gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (w->row))), label);
            g_array_append_val (self->case_ids, id);
            index = self->case_ids->len - 1;
          }
        adw_combo_row_set_selected (ADW_COMBO_ROW (w->row), index);
        case_selected_cb (self);
        break;
      }
    case TL_REPORT_TYPE_TEXT:
      if (field == TL_REPORT_FIELD_PLACE)
        {
          guint index = 0;

          for (guint i = 0; i < self->places->len && value[0]; i++)
            if (g_str_equal (((TlPlace *) self->places->pdata[i])->name, value))
              index = i + 1;
          if (index == 0 && value[0] != '\0')
            {
              /* A place typed elsewhere (an import): keep it as it is. */
              TlPlace *place = g_new0 (TlPlace, 1);

              place->name = g_strdup (value);
              g_ptr_array_add (self->places, place);
              gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (w->row))), value);
              index = self->places->len;
            }
          adw_combo_row_set_selected (ADW_COMBO_ROW (w->row), index);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case TL_REPORT_TYPE_TIME:
    case TL_REPORT_TYPE_POSITION:
    case TL_REPORT_TYPE_COUNT:
    case TL_REPORT_TYPE_IDS:
    default:
      gtk_editable_set_text (GTK_EDITABLE (w->row), value);
      break;
    }

  self->filling = filling;
}

void
tl_report_editor_fill (TlReportEditor *self,
                       const TlReport *report)
{
  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    tl_report_editor_fill_field (self, f, tl_report_get (report, f));
}

/**
 * tl_report_editor_collect:
 *
 * Returns: (transfer full): the form's content as a report, at the
 *   revision it was opened at
 */
TlReport *
tl_report_editor_collect (TlReportEditor *self)
{
  TlReport *report = tl_report_new (self->kind);

  report->event_id = self->base->event_id;
  report->revision = self->base->revision;

  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    {
      TlFieldWidgets *w = &self->fields[f];
      g_autoptr(GString) text = g_string_new (NULL);

      if (f == TL_REPORT_FIELD_NOTES)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
          GtkTextIter start, end;
          g_autofree char *notes = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          g_string_append (text, notes);
        }
      /* A field this kind has no row for keeps what the record held. */
      else if (w->row == NULL)
        g_string_append (text, tl_report_get (self->base, f));
      else switch (tl_report_field_get_type (f))
        {
        case TL_REPORT_TYPE_CHOICE:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (w->row));

            if (selected != GTK_INVALID_LIST_POSITION)
              g_string_append (text, gtk_string_list_get_string (w->ids, selected));
            break;
          }
        case TL_REPORT_TYPE_CHOICES:
        case TL_REPORT_TYPE_LIST:
          for (guint c = 0; c < w->checks->len; c++)
            if (gtk_check_button_get_active (w->checks->pdata[c]))
              {
                if (text->len > 0)
                  g_string_append (text, w->names ? "\n" : ",");
                g_string_append (text, w->names ? w->names->pdata[c] : tl_report_choice_get_id (f, c));
              }
          break;
        case TL_REPORT_TYPE_FLAG:
          g_string_append (text, gtk_switch_get_active (GTK_SWITCH (w->toggle)) ? "true" : "");
          break;
        case TL_REPORT_TYPE_ROUTE:
          g_string_append (text, self->route ? self->route : "");
          break;
        case TL_REPORT_TYPE_ID:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (w->row));
            gint64 id = selected < self->case_ids->len ? g_array_index (self->case_ids, gint64, selected) : 0;

            if (id > 0)
              g_string_append_printf (text, "%" G_GINT64_FORMAT, id);
            break;
          }
        case TL_REPORT_TYPE_TEXT:
          if (f == TL_REPORT_FIELD_PLACE)
            {
              guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (w->row));

              if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->places->len)
                g_string_append (text, ((TlPlace *) self->places->pdata[selected - 1])->name);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case TL_REPORT_TYPE_TIME:
        case TL_REPORT_TYPE_POSITION:
        case TL_REPORT_TYPE_COUNT:
        case TL_REPORT_TYPE_IDS:
        default:
          g_string_append (text, gtk_editable_get_text (GTK_EDITABLE (w->row)));
          break;
        }

      tl_report_set (report, f, text->str);
    }

  return report;
}

gboolean
tl_report_editor_wants_new_case (TlReportEditor *self)
{
  GtkWidget *row = self->fields[TL_REPORT_FIELD_CASE].row;
  guint selected;

  if (row == NULL)
    return FALSE;
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  return selected < self->case_ids->len && g_array_index (self->case_ids, gint64, selected) < 0;
}

int
tl_report_editor_get_case_status (TlReportEditor *self)
{
  if (self->case_status_row == NULL)
    return -1;
  return (int) adw_combo_row_get_selected (self->case_status_row);
}

/* Shows each field's error, else its warning, right under the field,
 * and marks the row so that the eye (and a screen reader) finds it. An
 * empty new form is not an error yet: errors wait for @show_errors. */
void
tl_report_editor_show_messages (TlReportEditor *self,
                                gboolean        show_errors)
{
  if (show_errors)
    self->show_all_errors = TRUE;

  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    {
      TlFieldWidgets *w = &self->fields[f];
      gboolean shown = self->show_all_errors || (self->touched & (G_GUINT64_CONSTANT (1) << f)) != 0;
      const char *error = shown ? self->check.errors[f] : NULL;
      const char *warning = self->check.warnings[f];
      const char *message = error ? error : warning;
      g_autofree char *description = NULL;
      GtkWidget *label;

      if (w->row == NULL)
        continue;

      label = GTK_WIDGET (w->message);
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_remove_css_class (label, "warning");
      gtk_widget_remove_css_class (w->row, "error");
      gtk_widget_remove_css_class (w->row, "warning");
      if (message != NULL)
        {
          gtk_label_set_text (w->message, message);
          gtk_widget_add_css_class (label, error ? "error" : "warning");
          gtk_widget_add_css_class (w->row, error ? "error" : "warning");
        }
      gtk_widget_set_visible (w->message_row, message != NULL);

      if (f == TL_REPORT_FIELD_POSITION)
        description = tl_report_editor_echo_position (self, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description ? description : message ? message : "",
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (w->row),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

/* Public API: the fields, by their report field */

/**
 * tl_report_editor_set_value:
 *
 * Sets @field as if the officer had typed or picked @value (its text in
 * a #TlReport), for starting a report from elsewhere and for tests.
 */
void
tl_report_editor_set_value (TlReportEditor *self,
                            TlReportField   field,
                            const char     *value)
{
  g_return_if_fail (TL_IS_REPORT_EDITOR (self));
  g_return_if_fail (field < TL_REPORT_N_FIELDS);

  tl_report_editor_fill_field (self, field, value);
  if (field == TL_REPORT_FIELD_PLACE)
    tl_report_editor_apply_place (self);
  tl_report_editor_changed (self);
}

/**
 * tl_report_editor_dup_value:
 *
 * Returns: (transfer full): the text of @field as the form holds it
 */
char *
tl_report_editor_dup_value (TlReportEditor *self,
                            TlReportField   field)
{
  g_autoptr(TlReport) report = NULL;

  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);

  report = tl_report_editor_collect (self);
  return g_strdup (tl_report_get (report, field));
}

/**
 * tl_report_editor_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the row editing @field, or %NULL
 *   if this kind of report has no such field
 */
GtkWidget *
tl_report_editor_get_field_widget (TlReportEditor *self,
                                   TlReportField   field)
{
  g_return_val_if_fail (TL_IS_REPORT_EDITOR (self), NULL);
  g_return_val_if_fail (field < TL_REPORT_N_FIELDS, NULL);

  if (field == TL_REPORT_FIELD_NOTES)
    return GTK_WIDGET (self->notes_view);
  return self->fields[field].row;
}
