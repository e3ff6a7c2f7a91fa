/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-handover-window.h"
#include "tl-time.h"

/* Hand-over: what changed since the user last marked a shift handed over
 * on this database. One row per report (its changes folded together,
 * tl_handover_fold()), grouped by what became of it, then the cases whose
 * status moved; each row opens its report ("open-report"). "Mark Handed
 * Over" keeps the time in the "handover-times" setting under the
 * database's key (tl_handover_database_key()), so a file and a server,
 * or two files, each have their own. It follows the database as it
 * changes. */

/* Without a mark yet on this database: the last shift's worth. */
#define DEFAULT_HOURS 12

struct _TlHandoverWindow
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkLabel          *since_label;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  AdwPreferencesPage *page;

  /* owned */
  TlStore           *store;
  GSettings         *settings;
  GTimeZone         *zone;
  char              *key;          /* the database's, in "handover-times" */
  GPtrArray         *items;        /* of TlHandoverItem, as shown */
  GPtrArray         *cases;        /* of TlCase, as shown */
  GArray            *latest_events; /* of gint64: each case's latest report */
  GCancellable      *cancellable;  /* the reading under way, if any */
  GPtrArray         *groups;       /* of AdwPreferencesGroup, borrowed by the page */
  gint64             since;
  gint64             undo_mark;    /* the mark before the last one set */
  gboolean           loaded;       /* a reading was started once */
};

G_DEFINE_FINAL_TYPE (TlHandoverWindow, tl_handover_window, ADW_TYPE_WINDOW)

enum {
  OPEN_REPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
read_mark (TlHandoverWindow *self)
{
  g_autoptr(GVariant) marks = g_settings_get_value (self->settings, "handover-times");
  gint64 at = 0;

  if (!g_variant_lookup (marks, self->key, "x", &at))
    return 0;
  return at;
}

/* Sets this database's mark, or removes it for 0; the others' stay. */
static void
write_mark (TlHandoverWindow *self,
            gint64            at)
{
  g_autoptr(GVariant) marks = g_settings_get_value (self->settings, "handover-times");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sx}"));
  GVariantIter iter;
  const char *key;
  gint64 value;

  g_variant_iter_init (&iter, marks);
  while (g_variant_iter_next (&iter, "{&sx}", &key, &value))
    if (g_strcmp0 (key, self->key) != 0)
      g_variant_builder_add (&builder, "{sx}", key, value);
  if (at > 0)
    g_variant_builder_add (&builder, "{sx}", self->key, at);
  g_settings_set_value (self->settings, "handover-times", g_variant_builder_end (&builder));
}

/* A time of the shift: the hour today, with the date on other days. */
static char *
format_at (TlHandoverWindow *self,
           gint64            at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = then != NULL ? g_date_time_to_timezone (then, self->zone) : NULL;

  if (local != NULL && g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return tl_time_format (self->zone, at, "%H:%M");
  /* Translators: a time before today in the hand-over, strftime format */
  return tl_time_format (self->zone, at, _("%a %d %b %H:%M"));
}

static const char *
group_title (TlChangeKind kind)
{
  switch (kind)
    {
    case TL_CHANGE_CREATED: return _("New Reports");
    case TL_CHANGE_EDITED: return _("Edited Reports");
    case TL_CHANGE_CLOSED: return _("Closed Reports");
    case TL_CHANGE_DELETED: return _("Deleted Reports");
    case TL_CHANGE_RESTORED: return _("Reports Put Back");
    default:
      g_return_val_if_reached (NULL);
    }
}

static AdwPreferencesGroup *
add_group (TlHandoverWindow *self,
           const char       *title,
           guint             n)
{
  GtkWidget *group = adw_preferences_group_new ();
  /* Translators: a group of the hand-over and how many rows it has */
  g_autofree char *heading = g_strdup_printf (_("%s (%u)"), title, n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
row_activated_cb (AdwActionRow     *row,
                  TlHandoverWindow *self)
{
  gint64 *event_id = g_object_get_data (G_OBJECT (row), "event-id");

  if (event_id != NULL && *event_id > 0)
    g_signal_emit (self, signals[OPEN_REPORT], 0, *event_id);
}

static GtkWidget *
add_row (TlHandoverWindow    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         gint64               event_id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (event_id > 0)
    {
      g_object_set_data_full (G_OBJECT (row), "event-id", g_memdup2 (&event_id, sizeof event_id), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
    }
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_item_row (TlHandoverWindow     *self,
              AdwPreferencesGroup  *group,
              const TlHandoverItem *item)
{
  g_autofree char *at = format_at (self, item->at);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean opens = item->kind != TL_CHANGE_DELETED;
  GtkWidget *row;

  /* Translators: who made a report's latest change, and when */
  g_string_printf (subtitle, _("By %s at %s"), item->operator_name, at);
  if (item->n_changes > 1)
    {
      g_string_append (subtitle, _(" · "));
      /* Translators: how many changes a hand-over row folds together */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", item->n_changes),
                              item->n_changes);
    }
  for (guint i = 0; i < item->lines->len && i < 3; i++)
    g_string_append_printf (subtitle, "\n%s", (const char *) g_ptr_array_index (item->lines, i));
  if (item->lines->len > 3)
    /* Translators: more changed fields than the row shows */
    g_string_append_printf (subtitle, "\n%s", _("and more"));

  row = add_row (self, group, item->title, subtitle->str, opens ? item->event_id : 0);
  if (!opens)
    /* Translators: what a screen reader says of a deleted report's row */
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Deleted: it cannot be opened"), -1);
}

static void
add_case_rows (TlHandoverWindow *self)
{
  AdwPreferencesGroup *group;

  if (self->cases->len == 0)
    return;
  group = add_group (self, _("Cases"), self->cases->len);
  for (guint i = 0; i < self->cases->len; i++)
    {
      const TlCase *c = g_ptr_array_index (self->cases, i);
      g_autofree char *at = format_at (self, c->updated_at);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (c->title != NULL && *c->title != '\0')
        /* Translators: a case in the hand-over: number, title, status */
        title = g_strdup_printf (_("Case %s · %s · %s"), number, c->title, tl_case_status_get_label (c->status));
      else
        /* Translators: a case in the hand-over: number, status */
        title = g_strdup_printf (_("Case %s · %s"), number, tl_case_status_get_label (c->status));
      /* Translators: when a case last changed, and how many reports it has */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changed at %s · %u report",
                                               "Changed at %s · %u reports", c->n_events),
                                  at, c->n_events);
      add_row (self, group, title, subtitle, g_array_index (self->latest_events, gint64, i));
    }
}

static void
clear_groups (TlHandoverWindow *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static void
update_title (TlHandoverWindow *self,
              gboolean          marked)
{
  g_autofree char *at = format_at (self, self->since);
  g_autofree char *subtitle = NULL;
  g_autofree char *empty = NULL;

  if (marked)
    /* Translators: under the hand-over's title: the time of the last hand-over */
    subtitle = g_strdup_printf (_("Handed over at %s"), at);
  else
    /* Translators: under the hand-over's title, before any hand-over on this database */
    subtitle = g_strdup_printf (_("No hand-over yet · since %s"), at);
  gtk_label_set_text (self->since_label, subtitle);

  /* Translators: the hand-over when nothing changed */
  empty = g_strdup_printf (_("No report or case changed since %s."), at);
  adw_status_page_set_description (self->empty_page, empty);
}

/* callbacks */

static void
store_changed_cb (TlHandoverWindow *self)
{
  /* Hidden, it reads again when shown (win.handover refreshes it). */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    tl_handover_window_refresh (self);
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TlHandoverWindow *self = TL_HANDOVER_WINDOW (widget);
  gint64 now = now_seconds ();
  g_autofree char *at = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  self->undo_mark = read_mark (self);
  write_mark (self, now);
  tl_handover_window_refresh (self);

  at = tl_time_format (self->zone, now, "%H:%M");
  /* Translators: a notice after "Mark Handed Over" */
  text = g_strdup_printf (_("Handed over at %s"), at);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "handover.undo-mark");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_mark_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TlHandoverWindow *self = TL_HANDOVER_WINDOW (widget);

  write_mark (self, self->undo_mark);
  tl_handover_window_refresh (self);
}

/* GObject overrides */

static void
tl_handover_window_dispose (GObject *object)
{
  TlHandoverWindow *self = TL_HANDOVER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_HANDOVER_WINDOW);

  G_OBJECT_CLASS (tl_handover_window_parent_class)->dispose (object);
}

static void
tl_handover_window_finalize (GObject *object)
{
  TlHandoverWindow *self = TL_HANDOVER_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->latest_events, g_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->key);

  G_OBJECT_CLASS (tl_handover_window_parent_class)->finalize (object);
}

static void
tl_handover_window_class_init (TlHandoverWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_handover_window_dispose;
  object_class->finalize = tl_handover_window_finalize;

  /**
   * TlHandoverWindow::open-report:
   * @event_id: the report (for a case, its latest)
   *
   * The user chose a row (Enter, or a click).
   */
  signals[OPEN_REPORT] =
    g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/timeline/tl-handover-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlHandoverWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlHandoverWindow, since_label);
  gtk_widget_class_bind_template_child (widget_class, TlHandoverWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TlHandoverWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TlHandoverWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TlHandoverWindow, page);

  gtk_widget_class_install_action (widget_class, "handover.mark", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "handover.undo-mark", NULL, undo_mark_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_handover_window_init (TlHandoverWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_handover_item_free);
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_case_free);
  self->latest_events = g_array_new (FALSE, TRUE, sizeof (gint64));
}

/* public API */

/**
 * tl_handover_window_new:
 * @store: the database
 * @settings: the application's settings, where each database's last
 *   hand-over is kept
 * @zone: the display zone
 *
 * Returns: (transfer full): the hand-over, hidden; closing it hides it
 */
TlHandoverWindow *
tl_handover_window_new (TlStore   *store,
                        GSettings *settings,
                        GTimeZone *zone)
{
  TlHandoverWindow *self;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TL_TYPE_HANDOVER_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->zone = g_time_zone_ref (zone);
  self->key = tl_handover_database_key (store);
  g_signal_connect_object (store, "events-changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  /* Another window on the same database may mark it. */
  g_signal_connect_object (settings, "changed::handover-times", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  tl_handover_window_refresh (self);

  return self;
}

void
tl_handover_window_set_time_zone (TlHandoverWindow *self,
                                  GTimeZone        *zone)
{
  g_return_if_fail (TL_IS_HANDOVER_WINDOW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  tl_handover_window_refresh (self);
}

static void
show_changes (TlHandoverWindow *self)
{
  guint start;

  clear_groups (self);
  for (start = 0; start < self->items->len;)
    {
      TlChangeKind kind = ((TlHandoverItem *) g_ptr_array_index (self->items, start))->kind;
      AdwPreferencesGroup *group;
      guint end = start;

      while (end < self->items->len && ((TlHandoverItem *) g_ptr_array_index (self->items, end))->kind == kind)
        end++;
      group = add_group (self, group_title (kind), end - start);
      for (; start < end; start++)
        add_item_row (self, group, g_ptr_array_index (self->items, start));
    }
  add_case_rows (self);

  gtk_stack_set_visible_child_name (self->stack, self->groups->len > 0 ? "changes" : "empty");
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TlHandoverWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlHandoverData) data = tl_store_read_handover_finish (TL_STORE (source), result, &error);

  /* A newer reading replaced this one, or the window went. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;
  g_clear_object (&self->cancellable);
  if (data == NULL)
    {
      clear_groups (self);
      g_ptr_array_set_size (self->items, 0);
      g_ptr_array_set_size (self->cases, 0);
      g_array_set_size (self->latest_events, 0);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->latest_events, g_array_unref);
  self->items = g_steal_pointer (&data->items);
  self->cases = g_steal_pointer (&data->cases);
  self->latest_events = g_steal_pointer (&data->latest_events);
  show_changes (self);
}

/**
 * tl_handover_window_refresh:
 *
 * Reads the changes since this database's last hand-over again, on the
 * store's worker. What is listed stays until they arrive; before
 * anything is, the window says it is reading.
 */
void
tl_handover_window_refresh (TlHandoverWindow *self)
{
  gint64 mark;

  g_return_if_fail (TL_IS_HANDOVER_WINDOW (self));

  if (self->store == NULL)
    return;

  mark = read_mark (self);
  self->since = mark > 0 ? mark : now_seconds () - DEFAULT_HOURS * 3600;
  update_title (self, mark > 0);

  /* The newest reading wins: one under way for an older time is dropped. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loaded = TRUE;
  tl_store_read_handover_async (self->store, self->since, self->cancellable, read_cb, g_object_ref (self));
}

/**
 * tl_handover_window_is_reading:
 *
 * Returns: whether a reading of the changes is under way
 */
gboolean
tl_handover_window_is_reading (TlHandoverWindow *self)
{
  g_return_val_if_fail (TL_IS_HANDOVER_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * tl_handover_window_get_since:
 *
 * Returns: the start of what is listed, UTC seconds: the last hand-over
 *   on this database, or the last hours before there was one
 */
gint64
tl_handover_window_get_since (TlHandoverWindow *self)
{
  g_return_val_if_fail (TL_IS_HANDOVER_WINDOW (self), 0);

  return self->since;
}

/**
 * tl_handover_window_get_items:
 *
 * Returns: (transfer none) (element-type TlHandoverItem): the reports
 *   listed, in the window's order
 */
GPtrArray *
tl_handover_window_get_items (TlHandoverWindow *self)
{
  g_return_val_if_fail (TL_IS_HANDOVER_WINDOW (self), NULL);

  return self->items;
}

/**
 * tl_handover_window_get_cases:
 *
 * Returns: (transfer none) (element-type TlCase): the cases listed
 */
GPtrArray *
tl_handover_window_get_cases (TlHandoverWindow *self)
{
  g_return_val_if_fail (TL_IS_HANDOVER_WINDOW (self), NULL);

  return self->cases;
}
