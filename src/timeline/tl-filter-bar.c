/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-filter-bar.h"
#include "tl-units.h"

/* "Open cases" in the status menu: every status but closed. */
#define OPEN_STATUSES ((1u << TL_EVENT_STATUS_REPORTED) | (1u << TL_EVENT_STATUS_CONFIRMED) | \
                       (1u << TL_EVENT_STATUS_ONGOING))

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
  GtkMenuButton  *kind_button;
  GtkMenuButton  *status_button;
  GtkDropDown    *unit_dropdown;
  GtkBox         *chips_box;

  /* owned */
  TlReview       *review;
  GtkStringList  *units;
  GSimpleActionGroup *actions;   /* filter.kind-NAME, filter.status-NAME, ... */

  guint           kinds;      /* chosen, one bit per TlEventKind; 0: all */
  guint           statuses;   /* chosen, one bit per TlEventStatus; 0: any */

  gboolean        updating;   /* set while the controls follow a change */
};

G_DEFINE_FINAL_TYPE (TlFilterBar, tl_filter_bar, GTK_TYPE_WIDGET)

/* helpers */

static void apply (TlFilterBar *self);

static void update_menus (TlFilterBar *self);

static void
chip_clicked_cb (GtkButton   *button,
                 TlFilterBar *self)
{
  Criterion criterion = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "criterion"));
  guint bits = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bits"));

  self->updating = TRUE;
  switch (criterion)
    {
    case CRITERION_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      break;
    case CRITERION_KIND:
      self->kinds &= ~bits;
      break;
    case CRITERION_STATUS:
      self->statuses &= ~bits;
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
          guint        bits,
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
  g_object_set_data (G_OBJECT (button), "bits", GUINT_TO_POINTER (bits));
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  gtk_box_append (self->chips_box, button);
}

static void
update_chips (TlFilterBar *self)
{
  const TlFilter *filter = tl_review_get_filter (self->review);
  GtkWidget *clear;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)));)
    gtk_box_remove (self->chips_box, child);

  if (filter->text != NULL)
    {
      /* Translators: a filter chip: the words searched for */
      g_autofree char *text = g_strdup_printf (_("“%s”"), filter->text);
      add_chip (self, CRITERION_TEXT, 0, text);
    }
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    if (self->kinds & (1u << k))
      add_chip (self, CRITERION_KIND, 1u << k, tl_event_kind_get_label (k));
  if (self->statuses == OPEN_STATUSES)
    add_chip (self, CRITERION_STATUS, OPEN_STATUSES, _("Open cases"));
  else
    for (guint k = 0; k < TL_EVENT_N_STATUSES; k++)
      if (self->statuses & (1u << k))
        add_chip (self, CRITERION_STATUS, 1u << k, tl_event_status_get_label (k));
  if (filter->unit != NULL)
    {
      g_autofree char *unit = tl_units_describe (filter->unit);

      add_chip (self, CRITERION_UNIT, 0, unit);
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
  guint unit;

  update_menus (self);
  if (self->review == NULL || self->updating)
    return;

  filter = tl_filter_new (0, 0);
  tl_filter_set_text (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  filter->kinds = self->kinds;
  filter->statuses = self->statuses;

  unit = gtk_drop_down_get_selected (self->unit_dropdown);
  if (unit > 0 && unit != GTK_INVALID_LIST_POSITION)
    tl_filter_set_unit (filter, gtk_string_list_get_string (self->units, unit));

  tl_review_set_filter (self->review, filter);
  update_chips (self);
}

/* The menus' checks and their buttons' labels follow the choice. */
static void
update_menus (TlFilterBar *self)
{
  g_autofree char *kind_label = NULL;
  g_autofree char *status_label = NULL;
  guint n_kinds = (guint) __builtin_popcount (self->kinds);
  guint n_statuses = (guint) __builtin_popcount (self->statuses);

  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    {
      g_autofree char *name = g_strconcat ("kind-", tl_event_kind_to_string (k), NULL);

      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), name)),
                                 g_variant_new_boolean (self->kinds & (1u << k)));
    }
  for (guint k = 0; k < TL_EVENT_N_STATUSES; k++)
    {
      g_autofree char *name = g_strconcat ("status-", tl_event_status_to_string (k), NULL);

      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), name)),
                                 g_variant_new_boolean (self->statuses & (1u << k)));
    }
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "open-cases")),
                             g_variant_new_boolean (self->statuses == OPEN_STATUSES));

  if (n_kinds == 0)
    kind_label = g_strdup (_("All Kinds"));
  else if (n_kinds == 1)
    kind_label = g_strdup (tl_event_kind_get_label (g_bit_nth_lsf (self->kinds, -1)));
  else
    /* Translators: the kind filter's button with several kinds chosen */
    kind_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Kind", "%u Kinds", n_kinds), n_kinds);
  if (n_statuses == 0)
    status_label = g_strdup (_("Any Status"));
  else if (self->statuses == OPEN_STATUSES)
    status_label = g_strdup (_("Open Cases"));
  else if (n_statuses == 1)
    status_label = g_strdup (tl_event_status_get_label (g_bit_nth_lsf (self->statuses, -1)));
  else
    /* Translators: the status filter's button with several statuses chosen */
    status_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Status", "%u Statuses", n_statuses),
                                    n_statuses);
  gtk_menu_button_set_label (self->kind_button, kind_label);
  gtk_menu_button_set_label (self->status_button, status_label);
  tl_accessible_name_choice_menu (GTK_WIDGET (self->kind_button), _("Kind of Report"), kind_label);
  tl_accessible_name_choice_menu (GTK_WIDGET (self->status_button), _("Status"), status_label);
}

static void
toggle_cb (GSimpleAction *action,
           GVariant      *value,
           TlFilterBar   *self)
{
  const char *name = g_action_get_name (G_ACTION (action));
  gboolean on = g_variant_get_boolean (value);
  TlEventKind kind;
  TlEventStatus status;
  guint *set = NULL, bits = 0;

  if (g_str_equal (name, "open-cases"))
    {
      self->statuses = on ? OPEN_STATUSES : 0;
      apply (self);
      return;
    }
  if (g_str_has_prefix (name, "kind-") && tl_event_kind_from_string (name + 5, &kind))
    set = &self->kinds, bits = 1u << kind;
  else if (g_str_has_prefix (name, "status-") && tl_event_status_from_string (name + 7, &status))
    set = &self->statuses, bits = 1u << status;
  g_return_if_fail (set != NULL);

  *set = on ? (*set | bits) : (*set & ~bits);
  apply (self);
}

static void
all_kinds_cb (GSimpleAction *action,
              GVariant      *parameter,
              TlFilterBar   *self)
{
  self->kinds = 0;
  apply (self);
}

static void
any_status_cb (GSimpleAction *action,
               GVariant      *parameter,
               TlFilterBar   *self)
{
  self->statuses = 0;
  apply (self);
}

/* An item of a filter's menu: a flat button read as a menu item. A
 * check stays open for the next one; a choice that clears the others
 * closes the menu. */
static GtkWidget *
new_menu_item (GtkWidget  *list,
               GType       type,
               const char *label,
               const char *detailed)
{
  GtkWidget *item = g_object_new (type,
                                  "accessible-role", type == GTK_TYPE_TOGGLE_BUTTON
                                                     ? GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX
                                                     : GTK_ACCESSIBLE_ROLE_MENU_ITEM,
                                  "action-name", detailed,
                                  NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (check, "tl-menu-check");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (item), box);
  gtk_widget_add_css_class (item, "flat");
  gtk_widget_add_css_class (item, "tl-menu-item");
  tl_accessible_set_label (item, label);
  gtk_box_append (GTK_BOX (list), item);
  return item;
}

static void
item_active_cb (GtkToggleButton *item)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (item) ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                   : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

static void
add_toggle (TlFilterBar *self,
            GtkWidget   *list,
            const char  *name,
            const char  *label)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));
  g_autofree char *detailed = g_strconcat ("filter.", name, NULL);
  GtkWidget *item;

  g_signal_connect (action, "change-state", G_CALLBACK (toggle_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
  item = new_menu_item (list, GTK_TYPE_TOGGLE_BUTTON, label, detailed);
  g_signal_connect (item, "notify::active", G_CALLBACK (item_active_cb), NULL);
  item_active_cb (GTK_TOGGLE_BUTTON (item));
}

static void
close_menu_cb (GtkWidget *item)
{
  GtkWidget *popover = gtk_widget_get_ancestor (item, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* "All Kinds", "Any Status": a choice that clears the checks. */
static void
add_clear_item (GtkWidget  *list,
                const char *label,
                const char *detailed)
{
  GtkWidget *item = new_menu_item (list, GTK_TYPE_BUTTON, label, detailed);

  gtk_widget_add_css_class (item, "tl-menu-clear");
  g_signal_connect (item, "clicked", G_CALLBACK (close_menu_cb), NULL);
}

static void
add_separator (GtkWidget *list)
{
  gtk_box_append (GTK_BOX (list), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
}

/* A menu button whose menu checks several values at once: a popover of
 * check items that stays open while the user checks one after another
 * (a menu model's popover closes after each). Up and Down move between
 * the items, Space checks, Escape closes. */
static GtkMenuButton *
new_menu_button (GtkWidget  *list,
                 const char *name)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_add_css_class (popover, "menu");
  gtk_widget_add_css_class (popover, "tl-check-menu");
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_tooltip_text (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_MENU_BUTTON (button);
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
  g_clear_object (&self->actions);

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
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *statuses = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GSimpleAction) all_kinds = g_simple_action_new ("all-kinds", NULL);
  g_autoptr(GSimpleAction) any_status = g_simple_action_new ("any-status", NULL);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* Several kinds and statuses at once (rescues and departures): each
   * is a check in its menu; "All Kinds" and "Any Status" clear them. */
  self->actions = g_simple_action_group_new ();
  g_signal_connect (all_kinds, "activate", G_CALLBACK (all_kinds_cb), self);
  g_signal_connect (any_status, "activate", G_CALLBACK (any_status_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (all_kinds));
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (any_status));
  add_clear_item (kinds, _("All Kinds"), "filter.all-kinds");
  add_separator (kinds);
  for (guint i = 0; i < TL_EVENT_N_KINDS; i++)
    {
      g_autofree char *name = g_strconcat ("kind-", tl_event_kind_to_string (i), NULL);

      add_toggle (self, kinds, name, tl_event_kind_get_label (i));
    }

  add_clear_item (statuses, _("Any Status"), "filter.any-status");
  add_toggle (self, statuses, "open-cases", _("Open Cases"));
  add_separator (statuses);
  for (guint i = 0; i < TL_EVENT_N_STATUSES; i++)
    {
      g_autofree char *name = g_strconcat ("status-", tl_event_status_to_string (i), NULL);

      add_toggle (self, statuses, name, tl_event_status_get_label (i));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "filter", G_ACTION_GROUP (self->actions));

  self->units = gtk_string_list_new (NULL);
  gtk_string_list_append (self->units, _("All Units"));

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search notes, units and places"), NULL);
  self->kind_button = new_menu_button (kinds, _("Kind of Report"));
  self->status_button = new_menu_button (statuses, _("Status"));
  self->unit_dropdown = new_dropdown (self->units, _("Unit"));
  gtk_drop_down_set_expression (self->unit_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (unit_label), NULL, NULL));

  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->kind_button));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->status_button));
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->unit_dropdown));
  gtk_widget_set_parent (controls, GTK_WIDGET (self));

  self->chips_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->chips_box), GTK_WIDGET (self));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply), self);
  update_menus (self);
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
  self->kinds = 0;
  self->statuses = 0;
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  self->updating = FALSE;
  apply (self);
}
