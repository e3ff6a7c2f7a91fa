/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "tl-accessible.h"

/* GTK 4.8 computes a name from the label property and then appends the
 * names of the labelled-by widgets: a button with a mnemonic gets
 * "_Today" and its label's "Today". An icon button, or the button inside
 * a menu button or a drop-down, gets no name at all and AT-SPI falls back
 * on a class name ("GtkImage"). These helpers set one name a person can
 * understand. */

/* Helpers */

static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_');
          else
            continue;
          p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child_of_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static char *
first_label_text (GtkWidget *widget)
{
  GtkWidget *label = find_child_of_type (widget, GTK_TYPE_LABEL);

  if (label == NULL || gtk_label_get_text (GTK_LABEL (label))[0] == '\0')
    return NULL;
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

/* The name a button should have: its visible text without the mnemonic
 * mark, else its tooltip; NULL when it has neither. */
static char *
button_name (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);
  char *text = first_label_text (button);

  if (text != NULL)
    return text;
  return tooltip != NULL ? g_strdup (tooltip) : NULL;
}

static void
name_button (GtkWidget *button)
{
  g_autofree char *name = NULL;

  if (g_object_get_data (G_OBJECT (button), "tl-accessible-named"))
    return;
  if ((name = button_name (button)) != NULL)
    tl_accessible_set_label (button, name);
}

/* What @owner (a drop-down or a combo row) shows for @item: through its
 * expression if it has one, else the string of a string list. */
static char *
item_text (GtkWidget *owner,
           gpointer   item)
{
  GtkExpression *expression = NULL;
  char *text = NULL;

  if (item == NULL)
    return NULL;
  g_object_get (owner, "expression", &expression, NULL);
  if (expression != NULL)
    {
      GValue value = G_VALUE_INIT;

      if (gtk_expression_evaluate (expression, item, &value))
        {
          if (G_VALUE_HOLDS_STRING (&value))
            text = g_value_dup_string (&value);
          g_value_unset (&value);
        }
      gtk_expression_unref (expression);
    }
  if (text == NULL && GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (item));
  return text;
}

static void
drop_down_selected_cb (GtkWidget *drop_down)
{
  GtkWidget *inner = find_child_of_type (drop_down, GTK_TYPE_TOGGLE_BUTTON);
  gpointer item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));
  const char *name = g_object_get_data (G_OBJECT (drop_down), "tl-accessible-name");
  g_autofree char *text = item_text (drop_down, item);
  g_autofree char *full = NULL;

  if (inner == NULL || name == NULL)
    return;
  /* The button reads as what it chooses and what is chosen, as a
   * combo box would: "Unit: All Units". */
  if (text != NULL)
    full = g_strdup_printf ("%s: %s", name, text);
  tl_accessible_set_label (inner, full != NULL ? full : name);
}

static void
walk (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      /* One that reads its choice keeps its own name. */
      if (!g_object_get_data (G_OBJECT (widget), "tl-accessible-choice"))
        tl_accessible_name_menu_button (widget);
      return;
    }
  if (GTK_IS_DROP_DOWN (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (g_object_get_data (G_OBJECT (widget), "tl-accessible-name") == NULL && tooltip != NULL)
        tl_accessible_name_drop_down (widget, tooltip);
      return;
    }
  if (GTK_IS_BUTTON (widget))
    name_button (widget);
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL && !g_object_get_data (G_OBJECT (widget), "tl-accessible-named"))
        tl_accessible_set_label (widget, placeholder);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child);
}

static void
check_toggle_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkCheckButton *check = user_data;

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
choice_step (GtkWidget *row,
             int        step)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row);
  GListModel *model = adw_combo_row_get_model (combo);
  guint n = model ? g_list_model_get_n_items (model) : 0;
  guint selected = adw_combo_row_get_selected (combo);

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = step > 0 ? n - 1 : 0;
  adw_combo_row_set_selected (combo, (selected + n + step) % n);
}

static void
choice_next_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  choice_step (user_data, 1);
}

static void
choice_previous_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  choice_step (user_data, -1);
}

static void
choice_selected_cb (GtkWidget *row)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row);
  gpointer item = adw_combo_row_get_selected_item (combo);
  g_autofree char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (item));
  /* The choice made is what a screen reader reads after the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text ? text : "",
                                  -1);
}

/* Type-ahead on a choice row or a drop-down, for the keyboard: with the
 * row focused, typing the first letters of a choice chooses it, without
 * opening the list ("L" for "Landed in the UK"); the same letter again
 * moves on to the next choice it starts. Case and accents need not be
 * typed. Space and Enter still open the list. */

typedef struct {
  GString *typed;
  gint64   time;
} TypeAhead;

static void
type_ahead_free (gpointer data)
{
  TypeAhead *ta = data;

  g_string_free (ta->typed, TRUE);
  g_free (ta);
}

static char *
fold_for_type_ahead (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (plain, g_utf8_get_char (p));
  return g_utf8_casefold (plain->str, -1);
}

static gboolean
type_ahead_key_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkWidget             *owner)
{
  TypeAhead *ta = g_object_get_data (G_OBJECT (owner), "tl-type-ahead");
  gunichar c = gdk_keyval_to_unicode (keyval);
  g_autoptr(GListModel) model = NULL;
  g_autofree char *prefix = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  gint64 now = g_get_monotonic_time ();
  gboolean again;
  guint n;

  if (c == 0 || !g_unichar_isprint (c) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (now - ta->time > G_USEC_PER_SEC)
    g_string_truncate (ta->typed, 0);
  /* Space opens the list, unless it goes on a choice being typed. */
  if (c == ' ' && ta->typed->len == 0)
    return FALSE;

  g_object_get (owner, "model", &model, "selected", &selected, NULL);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  if (n == 0)
    return FALSE;

  ta->time = now;
  g_string_append_unichar (ta->typed, c);
  prefix = fold_for_type_ahead (ta->typed->str);
  /* One letter, or the same one again: the next choice it starts. More
   * letters refine the choice made, which may still be right. */
  again = TRUE;
  for (const char *p = ta->typed->str; *p != '\0'; p = g_utf8_next_char (p))
    again = again && g_utf8_get_char (p) == c;
  if (again)
    {
      /* "ll" is "l" typed twice */
      char one[8] = { 0 };

      g_unichar_to_utf8 (c, one);
      g_free (prefix);
      prefix = fold_for_type_ahead (one);
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = n - 1, again = TRUE;

  for (guint k = 0; k < n; k++)
    {
      guint i = (selected + k + (again ? 1 : 0)) % n;
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = item_text (owner, item);
      g_autofree char *folded = text != NULL ? fold_for_type_ahead (text) : NULL;

      if (folded != NULL && g_str_has_prefix (folded, prefix))
        {
          g_object_set (owner, "selected", i, NULL);
          return TRUE;
        }
    }
  gtk_widget_error_bell (owner);
  return TRUE;
}

static void
add_type_ahead (GtkWidget *owner)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  TypeAhead *ta = g_new0 (TypeAhead, 1);

  ta->typed = g_string_new (NULL);
  gtk_event_controller_set_name (keys, "tl-type-ahead");
  g_object_set_data_full (G_OBJECT (owner), "tl-type-ahead", ta, type_ahead_free);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (type_ahead_key_cb), owner, 0);
  gtk_widget_add_controller (owner, keys);
}

/* The list of choices, for a screen reader: one button per item, named
 * by it, in a small window the "choice.list" action opens over the form.
 * A person picks a choice by its name, where GTK 4.8's own pop-over list
 * gives its items no name and no action, so they could only be stepped
 * through. A window rather than a pop-over: a pop-over needs its parent
 * to place it, and neither a combo row nor a drop-down places one it
 * does not know. */

static void
choice_item_clicked_cb (GtkButton *button,
                        GtkWidget *owner)
{
  GtkRoot *list = gtk_widget_get_root (GTK_WIDGET (button));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tl-choice-index"));

  g_object_set (owner, "selected", index, NULL);
  gtk_window_destroy (GTK_WINDOW (list));
}

static const char *
owner_name (GtkWidget *owner)
{
  const char *name = g_object_get_data (G_OBJECT (owner), "tl-accessible-name");

  if (name == NULL && ADW_IS_PREFERENCES_ROW (owner))
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (owner));
  return name != NULL ? name : "";
}

static GtkEventController *
escape_closes (void)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  return shortcuts;
}

static void
choice_list_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkWidget *owner = user_data;
  g_autoptr(GListModel) model = NULL;
  GtkWidget *window, *header, *scrolled, *box;
  GtkRoot *root = gtk_widget_get_root (owner);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  g_object_get (owner, "model", &model, "selected", &selected, NULL);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  if (n == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = item_text (owner, item);      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_hexpand (label, TRUE);
      /* the check marks the choice made, as in the row's own list */
      gtk_widget_set_opacity (check, i == selected ? 1 : 0);
      gtk_box_append (GTK_BOX (content), label);
      gtk_box_append (GTK_BOX (content), check);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "flat");
      tl_accessible_set_label (button, text != NULL ? text : "");
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED, i == selected, -1);
      g_object_set_data (G_OBJECT (button), "tl-choice-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (choice_item_clicked_cb), owner, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);

  window = adw_window_new ();
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (owner_name (owner), NULL));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), owner_name (owner));
  /* Tall enough for a short list to show whole: the scrolled list's
   * natural height is measured before its items have wrapped. */
  gtk_window_set_default_size (GTK_WINDOW (window), 420, MIN (60 + (int) n * 44, 560));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (window), FALSE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_widget_add_controller (window, escape_closes ());
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_choice_list_action (GSimpleActionGroup *group,
                        GtkWidget          *owner)
{
  g_autoptr(GSimpleAction) list = g_simple_action_new ("list", NULL);

  g_signal_connect_object (list, "activate", G_CALLBACK (choice_list_cb), owner, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (list));
}

/* Public API */

/**
 * tl_accessible_set_label:
 *
 * Sets @widget's one accessible name, dropping the labelled-by relation
 * GTK would read after it.
 */
void
tl_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (widget), "tl-accessible-named", GINT_TO_POINTER (TRUE));
}

/**
 * tl_accessible_name_tree:
 *
 * Names the buttons, menu buttons, drop-downs and search entries under
 * @root that have no name a person can understand. A widget named
 * already with tl_accessible_set_label() keeps its name.
 */
void
tl_accessible_name_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  walk (root);
}

/**
 * tl_accessible_name_menu_button:
 *
 * Names @menu_button and the button inside it from its label or, for an
 * icon, its tooltip; again after the label changes.
 */
void
tl_accessible_name_menu_button (GtkWidget *menu_button)
{
  const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (menu_button));
  const char *tooltip = gtk_widget_get_tooltip_text (menu_button);
  GtkWidget *inner = find_child_of_type (menu_button, GTK_TYPE_BUTTON);
  g_autofree char *name = NULL;

  if (label != NULL && label[0] != '\0')
    name = strip_mnemonic (label);
  else if (inner != NULL)
    name = first_label_text (inner);
  if (name == NULL && tooltip != NULL)
    name = g_strdup (tooltip);
  if (name == NULL)
    return;

  tl_accessible_set_label (menu_button, name);
  if (inner != NULL)
    tl_accessible_set_label (inner, name);
}

/**
 * tl_accessible_name_choice_menu:
 * @name: what the menu chooses ("Kind of Report")
 * @chosen: what it shows as chosen ("All Kinds")
 *
 * Names @menu_button @name, and the button inside it "@name: @chosen",
 * as a drop-down reads; call it again when the choice changes.
 */
void
tl_accessible_name_choice_menu (GtkWidget  *menu_button,
                                const char *name,
                                const char *chosen)
{
  GtkWidget *inner = find_child_of_type (menu_button, GTK_TYPE_BUTTON);
  g_autofree char *full = g_strdup_printf ("%s: %s", name, chosen);

  g_return_if_fail (GTK_IS_MENU_BUTTON (menu_button));

  g_object_set_data (G_OBJECT (menu_button), "tl-accessible-choice", GINT_TO_POINTER (TRUE));
  tl_accessible_set_label (menu_button, name);
  if (inner != NULL)
    tl_accessible_set_label (inner, full);
}

/**
 * tl_accessible_name_drop_down:
 *
 * Names @drop_down and the button inside it, which also reads the item
 * chosen, and gives it an AT-SPI action, "choice.list", that lists its
 * items as buttons named after them.
 */
void
tl_accessible_name_drop_down (GtkWidget  *drop_down,
                              const char *name)
{
  gboolean first;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  first = g_object_get_data (G_OBJECT (drop_down), "tl-accessible-name") == NULL;
  g_object_set_data_full (G_OBJECT (drop_down), "tl-accessible-name", g_strdup (name), g_free);
  tl_accessible_set_label (drop_down, name);
  if (first)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

      g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb), NULL);
      add_choice_list_action (group, drop_down);
      gtk_widget_insert_action_group (drop_down, "choice", G_ACTION_GROUP (group));
      add_type_ahead (drop_down);
    }
  drop_down_selected_cb (drop_down);
}

/**
 * tl_accessible_add_check_action:
 *
 * Gives @check an AT-SPI action, "check.toggle", which GTK 4.8 does not.
 */
void
tl_accessible_add_check_action (GtkCheckButton *check)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toggle = g_simple_action_new ("toggle", NULL);

  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  g_signal_connect_object (toggle, "activate", G_CALLBACK (check_toggle_cb), check, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
  gtk_widget_insert_action_group (GTK_WIDGET (check), "check", G_ACTION_GROUP (group));
}

/**
 * tl_accessible_add_choice_actions:
 *
 * Gives @combo_row (an #AdwComboRow) AT-SPI actions, "choice.next",
 * "choice.previous" and "choice.list" (its items as buttons named after
 * them, to pick one by name), and reads the item chosen as its value:
 * GTK 4.8 gives a combo row no action and its pop-over's items none
 * either. Typing a choice's first letters on the focused row chooses it.
 */
void
tl_accessible_add_choice_actions (GtkWidget *combo_row)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) next = g_simple_action_new ("next", NULL);
  g_autoptr(GSimpleAction) previous = g_simple_action_new ("previous", NULL);

  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  g_signal_connect_object (next, "activate", G_CALLBACK (choice_next_cb), combo_row, 0);
  g_signal_connect_object (previous, "activate", G_CALLBACK (choice_previous_cb), combo_row, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (next));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (previous));
  add_choice_list_action (group, combo_row);
  gtk_widget_insert_action_group (combo_row, "choice", G_ACTION_GROUP (group));
  add_type_ahead (combo_row);
  g_signal_connect (combo_row, "notify::selected", G_CALLBACK (choice_selected_cb), NULL);
  choice_selected_cb (combo_row);
}
