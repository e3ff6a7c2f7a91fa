/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-event-list.h"
#include "tl-event-row.h"
#include "tl-map-view.h"
#include "tl-rescue-form.h"
#include "tl-time.h"
#include "tl-window.h"

struct _TlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  TlMapView            *map_view;
  GtkStack             *side_stack;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *sample_button;

  /* owned */
  TlStore              *store;
  GSettings            *settings;
  GTimeZone            *zone;
  TlEventList          *events;
  GtkSingleSelection   *selection;
  GCancellable         *cancellable;

  /* borrowed: the open report form, cleared when it closes */
  GtkWindow            *report_form;

  gint64                day_start;
};

G_DEFINE_FINAL_TYPE (TlWindow, tl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static void
update_title (TlWindow *self)
{
  g_autofree char *subtitle = NULL;
  gint64 today_start, today_end;

  tl_time_day_range_at (self->zone, g_get_real_time () / G_USEC_PER_SEC,
                        &today_start, &today_end);

  /* Translators: the day shown in the header bar, as in
   * "Thursday 26 November 2026"; see the strftime manual page */
  subtitle = tl_time_format (self->zone, self->day_start, _("%A %-d %B %Y"));
  if (self->day_start == today_start)
    {
      /* Translators: %s is the date */
      char *with_today = g_strdup_printf (_("Today, %s"), subtitle);

      g_free (subtitle);
      subtitle = with_today;
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today",
                                 self->day_start != today_start);
}

static void
update_empty_state (TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  gint64 total;

  if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->side_stack, "list");
      return;
    }

  total = tl_store_count_events (self->store, &error);
  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Reports Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Reports you enter appear here and on the map. "
                                         "To look around first, open a generated sample day."));
      gtk_widget_set_visible (self->sample_button, TRUE);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Reports This Day"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing was reported on this day. Use the arrows "
                                         "to look at another day, or enter a new report."));
      gtk_widget_set_visible (self->sample_button, FALSE);
    }
  gtk_stack_set_visible_child_name (self->side_stack, "empty");
}

static void
set_day (TlWindow *self,
         gint64    day_start)
{
  gint64 from, to;

  tl_time_day_range_at (self->zone, day_start, &from, &to);
  self->day_start = from;
  tl_event_list_set_range (self->events, from, to);
  update_title (self);
  update_empty_state (self);
}

static void
show_toast (TlWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* callbacks */

static void
events_changed_cb (TlWindow   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *model)
{
  update_empty_state (self);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TlWindow                 *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (tl_event_row_new ()));
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TlWindow                 *self)
{
  TlEventRow *row = TL_EVENT_ROW (gtk_list_item_get_child (item));

  tl_event_row_set_event (row, gtk_list_item_get_item (item), self->zone);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TlWindow                 *self)
{
  tl_event_row_set_event (TL_EVENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
selection_changed_cb (TlWindow       *self,
                      guint           position,
                      guint           n_items,
                      GtkSelectionModel *model)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), selected);

      tl_map_view_reveal_event (self->map_view, event);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
    }
}

static void
report_form_destroyed_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  TlWindow *self = data;

  self->report_form = NULL;
}

static void
report_saved_cb (TlWindow     *self,
                 TlEvent      *event,
                 TlRescueForm *form)
{
  guint position = tl_event_list_find (self->events, tl_event_get_id (event));

  if (position == G_MAXUINT)
    {
      /* Saved for another day: follow it, so the officer sees it landed. */
      set_day (self, tl_event_get_time (event));
      position = tl_event_list_find (self->events, tl_event_get_id (event));
    }
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);

  show_toast (self, _("Report saved"));
}

static void
open_report_form (TlWindow *self,
                  gboolean  with_position,
                  double    latitude,
                  double    longitude)
{
  g_autofree char *operator_name = NULL;
  TlRescueForm *form;

  if (self->report_form != NULL)
    {
      gtk_window_present (self->report_form);
      return;
    }

  operator_name = tl_application_dup_operator_name (TL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  form = tl_rescue_form_new (self->store, operator_name, self->zone, self->day_start);
  if (with_position)
    tl_rescue_form_set_position (form, latitude, longitude);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  g_signal_connect_object (form, "saved", G_CALLBACK (report_saved_cb), self, G_CONNECT_SWAPPED);

  self->report_form = GTK_WINDOW (form);
  g_object_weak_ref (G_OBJECT (form), report_form_destroyed_cb, self);
  gtk_window_present (GTK_WINDOW (form));
}

static void
new_report_here_cb (TlWindow  *self,
                    double     latitude,
                    double     longitude,
                    TlMapView *map_view)
{
  open_report_form (self, TRUE, latitude, longitude);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);

  set_day (self, tl_time_shift_days (self->zone, self->day_start, -1));
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);

  set_day (self, tl_time_shift_days (self->zone, self->day_start, 1));
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  set_day (TL_WINDOW (widget), g_get_real_time () / G_USEC_PER_SEC);
}

static void
new_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);
  const char *kind = g_variant_get_string (param, NULL);

  /* Only the rescue form exists so far; the menu offers nothing else. */
  g_return_if_fail (g_strcmp0 (kind, "rescue") == 0);
  open_report_form (self, FALSE, 0, 0);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TlWindow *self = TL_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* GObject overrides */

static void
tl_window_constructed (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);
  g_autofree char *zone_id = NULL;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (tl_window_parent_class)->constructed (object);

  g_assert (TL_IS_STORE (self->store));

  zone_id = g_settings_get_string (self->settings, "time-zone");
  if (!(self->zone = tl_time_zone_new (zone_id)))
    self->zone = g_time_zone_new_local ();

  self->events = tl_event_list_new (self->store, 0, 0);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "items-changed",
                           G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  tl_map_view_set_time_zone (self->map_view, self->zone);
  tl_map_view_set_model (self->map_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->map_view, "new-report-here",
                           G_CALLBACK (new_report_here_cb), self, G_CONNECT_SWAPPED);

  /* A database opened from --database names itself in the title, so two
   * windows on two files are never confused. */
  gtk_window_set_title (GTK_WINDOW (self), _("Tideline"));
  adw_window_title_set_title (self->window_title, _("Tideline"));

  set_day (self, g_get_real_time () / G_USEC_PER_SEC);
}

static void
tl_window_dispose (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->report_form != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->report_form), report_form_destroyed_cb, self);
      gtk_window_destroy (self->report_form);
      self->report_form = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_window_parent_class)->dispose (object);
}

static void
tl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TlWindow *self = TL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TlWindow *self = TL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_window_class_init (TlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_window_constructed;
  object_class->dispose = tl_window_dispose;
  object_class->get_property = tl_window_get_property;
  object_class->set_property = tl_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TL_TYPE_MAP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/tl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, sample_button);

  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.new-report", "s", new_report_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-report", "s", "rescue");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
tl_window_init (TlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
}

/* public API */

/**
 * tl_window_new:
 * @application: the application
 * @store: the database this window shows and writes
 *
 * Returns: (transfer none): a new window, owned by @application.
 */
TlWindow *
tl_window_new (TlApplication *application,
               TlStore       *store)
{
  g_return_val_if_fail (TL_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TL_IS_STORE (store), NULL);

  return g_object_new (TL_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * tl_window_get_store:
 *
 * Returns: (transfer none): the window's store.
 */
TlStore *
tl_window_get_store (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * tl_window_get_events:
 *
 * Returns: (transfer none): the events of the day shown, as listed.
 */
GListModel *
tl_window_get_events (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->events);
}

/**
 * tl_window_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected event.
 */
TlEvent *
tl_window_get_selected (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gint64
tl_window_get_day_start (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), 0);

  return self->day_start;
}

/**
 * tl_window_get_report_form:
 *
 * Returns: (transfer none) (nullable): the report form open over this
 *   window, if any.
 */
GtkWindow *
tl_window_get_report_form (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->report_form;
}
