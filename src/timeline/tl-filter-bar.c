/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-filter-bar.h"
#include "tl-units.h"

/* Status choices: any, open (not closed), then each status. */
#define STATUS_ANY 0
#define STATUS_OPEN 1
#define STATUS_FIRST 2

typedef enum {
  CRITERION_TEXT,
  CRITERION_KIND,
  CRITERION_STATUS,
  CRITERION_UNIT,
} Criterion;

struct _TlFilterBar
{
  GtkWidget       parent_instance;

  /* children, owned by the widget tree */
  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *unit_dropdown;
  GtkBox         *chips_box;

  /* owned */
  TlReview       *review;
  GtkStringList  *units;

  gboolean        updating;   /* set while the controls follow a change */
};

G_DEFINE_FINAL_TYPE (TlFilterBar, tl_filter_bar, GTK_TYPE_WIDGET)

/* helpers */

static void apply (TlFilterBar *self);

static void
chip_clicked_cb (GtkButton   *button,
                 TlFilterBar *self)
{
  Criterion criterion = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "criterion"));

  self->updating = TRUE;
  switch (criterion)
    {
    case CRITERION_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      break;
    case CRITERION_KIND:
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      break;
    case CRITERION_STATUS:
      gtk_drop_down_set_selected (self->status_dropdown, STATUS_ANY);
      break;
    case CRITERION_UNIT:
    default:
      gtk_drop_down_set_selected (self->unit_dropdown, 0);
      break;
    }
  self->updating = FALSE;
  apply (self);
}

static void
add_chip (TlFilterBar *self,
          Criterion    criterion,
          const char  *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *tooltip = NULL;

  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "tl-chip");
  /* Translators: tooltip of a filter chip; %s is the criterion */
  tooltip = g_strdup_printf (_("Remove “%s”"), text);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "criterion", GINT_TO_POINTER (criterion));
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  gtk_box_append (self->chips_box, button);
}

static void
update_chips (TlFilterBar *self)
{
  const TlFilter *filter = tl_review_get_filter (self->review);
  GtkWidget *clear;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)));)
    gtk_box_remove (self->chips_box, child);

  if (filter->text != NULL)
    {
      /* Translators: a filter chip: the words searched for */
      g_autofree char *text = g_strdup_printf (_("“%s”"), filter->text);
      add_chip (self, CRITERION_TEXT, text);
    }
  if (kind > 0)
    add_chip (self, CRITERION_KIND, tl_event_kind_get_label (kind - 1));
  if (status == STATUS_OPEN)
    add_chip (self, CRITERION_STATUS, _("Open cases"));
  else if (status >= STATUS_FIRST)
    add_chip (self, CRITERION_STATUS, tl_event_status_get_label (status - STATUS_FIRST));
  if (filter->unit != NULL)
    {
      g_autofree char *unit = tl_units_describe (filter->unit);

      add_chip (self, CRITERION_UNIT, unit);
    }

  if (!tl_filter_has_criteria (filter))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
      return;
    }

  clear = gtk_button_new_with_mnemonic (_("C_lear All"));
  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (tl_filter_bar_clear), self);
  gtk_box_append (self->chips_box, clear);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), TRUE);
}

/* Reads the controls into the review's filter. */
static void
apply (TlFilterBar *self)
{
  g_autoptr(TlFilter) filter = NULL;
  guint kind, status, unit;

  if (self->review == NULL || self->updating)
    return;

  filter = tl_filter_new (0, 0);
  tl_filter_set_text (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  kind = gtk_drop_down_get_selected (self->kind_dropdown);
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION)
    filter->kinds = 1u << (kind - 1);

  status = gtk_drop_down_get_selected (self->status_dropdown);
  if (status == STATUS_OPEN)
    filter->statuses = (1u << TL_EVENT_STATUS_REPORTED) | (1u << TL_EVENT_STATUS_CONFIRMED) |
                       (1u << TL_EVENT_STATUS_ONGOING);
  else if (status >= STATUS_FIRST && status != GTK_INVALID_LIST_POSITION)
    filter->statuses = 1u << (status - STATUS_FIRST);

  unit = gtk_drop_down_get_selected (self->unit_dropdown);
  if (unit > 0 && unit != GTK_INVALID_LIST_POSITION)
    tl_filter_set_unit (filter, gtk_string_list_get_string (self->units, unit));

  tl_review_set_filter (self->review, filter);
  update_chips (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The unit menu offers the units of the window, plus the one chosen. */
static void
update_units (TlFilterBar *self)
{
  GListModel *events = G_LIST_MODEL (tl_review_get_events (self->review));
  const TlFilter *filter = tl_review_get_filter (self->review);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (events), selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (events, i);
      const char *unit = tl_event_get_unit (event);

      if (unit != NULL && *unit != '\0' && g_hash_table_add (seen, (gpointer) g_intern_string (unit)))
        g_ptr_array_add (names, (gpointer) g_intern_string (unit));
    }
  if (filter->unit != NULL && g_hash_table_add (seen, (gpointer) g_intern_string (filter->unit)))
    g_ptr_array_add (names, (gpointer) g_intern_string (filter->unit));
  g_ptr_array_sort (names, compare_names);

  /* Unchanged: leave the menu alone, it may be open. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->units)) == names->len + 1)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < names->len && same; i++)
        same = g_str_equal (gtk_string_list_get_string (self->units, i + 1), names->pdata[i]);
      if (same)
        return;
    }

  g_ptr_array_add (names, NULL);
  self->updating = TRUE;
  gtk_string_list_splice (self->units, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->units)) - 1,
                          (const char * const *) names->pdata);
  for (guint i = 0; filter->unit != NULL && names->pdata[i] != NULL; i++)
    if (g_str_equal (names->pdata[i], filter->unit))
      selected = i + 1;
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  self->updating = FALSE;
}

static GtkDropDown *
new_dropdown (GtkStringList *items,
              const char    *tooltip)
{
  /* gtk_drop_down_new() takes the model: it is shared with the caller. */
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (items)), NULL);

  gtk_widget_set_tooltip_text (dropdown, tooltip);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return GTK_DROP_DOWN (dropdown);
}

/* The menu holds the units as stored; it shows them in the desk's
 * language (a built-in unit's name is translated). */
static char *
unit_label (GtkStringObject *item,
            gpointer         user_data)
{
  return tl_units_describe (gtk_string_object_get_string (item));
}

/* GObject overrides */

static void
tl_filter_bar_dispose (GObject *object)
{
  TlFilterBar *self = TL_FILTER_BAR (object);

  tl_filter_bar_set_review (self, NULL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (tl_filter_bar_parent_class)->dispose (object);
}

static void
tl_filter_bar_class_init (TlFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_filter_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-filter-bar");
}

static void
tl_filter_bar_init (TlFilterBar *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < TL_EVENT_N_KINDS; i++)
    gtk_string_list_append (kinds, tl_event_kind_get_label (i));

  gtk_string_list_append (statuses, _("Any Status"));
  gtk_string_list_append (statuses, _("Open Cases"));
  for (guint i = 0; i < TL_EVENT_N_STATUSES; i++)
    gtk_string_list_append (statuses, tl_event_status_get_label (i));

  self->units = gtk_string_list_new (NULL);
  gtk_string_list_append (self->units, _("All Units"));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search notes, units and places"), NULL);
  self->kind_dropdown = new_dropdown (kinds, _("Kind of Report"));
  self->status_dropdown = new_dropdown (statuses, _("Status"));
  self->unit_dropdown = new_dropdown (self->units, _("Unit"));
  gtk_drop_down_set_expression (self->unit_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (unit_label), NULL, NULL));

  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->status_dropdown));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->unit_dropdown));
  gtk_widget_set_parent (controls, GTK_WIDGET (self));

  self->chips_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->chips_box), GTK_WIDGET (self));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (apply), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (apply), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (apply), self);
}

/* public API */

TlFilterBar *
tl_filter_bar_new (void)
{
  return g_object_new (TL_TYPE_FILTER_BAR, NULL);
}

/**
 * tl_filter_bar_set_review:
 * @review: (nullable): the review whose filter to edit
 */
void
tl_filter_bar_set_review (TlFilterBar *self,
                          TlReview    *review)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));

  if (self->review == review)
    return;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (tl_review_get_events (self->review), self);
  g_set_object (&self->review, review);
  if (review == NULL)
    return;

  g_signal_connect_object (tl_review_get_events (review), "items-changed",
                           G_CALLBACK (update_units), self, G_CONNECT_SWAPPED);
  update_units (self);
  apply (self);
}

void
tl_filter_bar_focus_search (TlFilterBar *self)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tl_filter_bar_clear:
 *
 * Removes every criterion: the whole window is shown.
 */
void
tl_filter_bar_clear (TlFilterBar *self)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, STATUS_ANY);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  self->updating = FALSE;
  apply (self);
}
