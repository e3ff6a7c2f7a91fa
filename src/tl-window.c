/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-event-list.h"
#include "tl-event-row.h"
#include "tl-filter-bar.h"
#include "tl-map-view.h"
#include "tl-report-desk.h"
#include "tl-review.h"
#include "tl-summary-bar.h"
#include "tl-time.h"
#include "tl-time-strip.h"
#include "tl-trend-period.h"
#include "tl-window-private.h"


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
  if (tl_review_get_preset (self->review) != TL_WINDOW_PRESET_DAY)
    {
      gint64 window_from = tl_review_get_from (self->review), window_to = tl_review_get_to (self->review);
      /* The year, when the window crosses a new year or is not in this one. */
      const char *format = tl_trend_span_needs_year (self->zone, window_from, window_to,
                                                     g_get_real_time () / G_USEC_PER_SEC)
        /* Translators: start and end of the window in the header bar when
         * they need their year, see strftime */
        ? _("%a %-d %b %Y %H:%M")
        /* Translators: start and end of the window in the header bar, see strftime */
        : _("%a %-d %b %H:%M");
      g_autofree char *from = tl_time_format (self->zone, window_from, format);
      g_autofree char *to = tl_time_format (self->zone, window_to, format);

      /* Translators: a window of time, from – to */
      subtitle = g_strdup_printf (_("%s – %s"), from, to);
    }
  else
    subtitle = tl_time_format (self->zone, self->day_start, _("%A %-d %B %Y"));
  gtk_menu_button_set_label (self->window_button,
                             tl_window_preset_get_label (tl_review_get_preset (self->review)));
  /* Named once by tl_accessible_name_tree (): the name follows the text. */
  tl_accessible_name_menu_button (GTK_WIDGET (self->window_button));
  if (tl_review_get_preset (self->review) == TL_WINDOW_PRESET_DAY && self->day_start == today_start)
    {
      /* Translators: %s is the date */
      char *with_today = g_strdup_printf (_("Today, %s"), subtitle);

      g_free (subtitle);
      subtitle = with_today;
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today",
                                 !tl_review_is_now (self->review));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-day",
                                 tl_review_can_go_forward (self->review));
}

static void
update_empty_state (TlWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (tl_review_get_model (self->review));
  gint64 total;

  /* While a server's answer is on its way the list says so, over what
   * it showed. */
  if (n_items > 0 || tl_event_list_is_loading (self->events))
    {
      gtk_stack_set_visible_child_name (self->side_stack, "list");
      return;
    }

  /* A server is not asked again from this thread: an empty window there
   * is an empty day, or a filter that keeps nothing. */
  if (tl_store_is_server (self->store))
    total = tl_filter_has_criteria (tl_review_get_filter (self->review)) ? 1 : -1;
  else
    total = tl_store_count_events (self->store, &error);
  if (total > 0 && tl_filter_has_criteria (tl_review_get_filter (self->review)))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Reports"));
      adw_status_page_set_description (self->empty_page,
                                       _("No report of this window matches the filters. "
                                         "Remove some of them, or look at a longer window."));
      gtk_widget_set_visible (self->sample_button, FALSE);
    }
  else if (total == 0)
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

/* The map follows a new window once its reports are in: at once from a
 * file, when the answer comes from a server. */
static void
follow_window_on_map (TlWindow *self)
{
  if (!self->map_follow_pending || tl_event_list_is_loading (self->events))
    return;
  self->map_follow_pending = FALSE;
  tl_map_view_follow_window (self->map_view);
}

static void
set_day (TlWindow *self,
         gint64    day_start)
{
  tl_review_show_day (self->review, day_start);
}

/* Whatever moved the window (a preset, the arrows, a saved report),
 * everything that shows it follows from here. */
static void
window_changed_cb (TlWindow *self)
{
  self->day_start = tl_review_get_from (self->review);
  update_title (self);
  update_empty_state (self);
  self->map_follow_pending = TRUE;
  follow_window_on_map (self);
}

/* The name written into the audit log: the one set in preferences, else
 * the operating system's user name. */
static char *
dup_operator_name (TlWindow *self)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (self->settings, "operator-name"));

  if (name[0] != '\0')
    return g_steal_pointer (&name);
  return g_strdup (g_get_user_name ());
}

static void
update_new_pill (TlWindow *self)
{
  g_autofree char *label = NULL;
  guint n = tl_review_count_unseen (self->review, NULL);

  if (n > 0)
    {
      label = g_strdup_printf (ngettext ("%u new report", "%u new reports", n), n);
      gtk_button_set_label (self->new_button, label);
    }
  else
    /* Hidden then, but still named for a screen reader that lists it. */
    gtk_button_set_label (self->new_button, _("No new reports"));
  tl_accessible_set_label (GTK_WIDGET (self->new_button), gtk_button_get_label (self->new_button));
  gtk_revealer_set_reveal_child (self->new_revealer, n > 0);
}

/* "Last 6 hours" means up to now: it slides along every minute. */
static gboolean
slide_window_cb (gpointer data)
{
  TlWindow *self = data;
  TlWindowPreset preset = tl_review_get_preset (self->review);

  if (preset == TL_WINDOW_PRESET_LAST_6_HOURS || preset == TL_WINDOW_PRESET_LAST_24_HOURS)
    tl_review_set_preset (self->review, preset);
  update_title (self);

  return G_SOURCE_CONTINUE;
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
  update_new_pill (self);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TlWindow                 *self)
{
  TlEventRow *row = tl_event_row_new ();

  /* The enum's values are TlCoordinateFormat's. */
  tl_event_row_set_coordinate_format (row, g_settings_get_enum (self->settings, "coordinate-format"));
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TlWindow                 *self)
{
  TlEventRow *row = TL_EVENT_ROW (gtk_list_item_get_child (item));

  tl_event_row_bind (row, item, self->review);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TlWindow                 *self)
{
  tl_event_row_bind (TL_EVENT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* The case's estimated drift, if it is still open and moved between its
 * last two positions. */
static void
show_estimate (TlWindow  *self,
               GPtrArray *chain,
               TlCase    *the_case)
{
  TlSeaEstimate estimate;
  gboolean open;

  open = the_case != NULL && the_case->status != TL_CASE_STATUS_RESCUED &&
         the_case->status != TL_CASE_STATUS_LANDED && the_case->status != TL_CASE_STATUS_RETURNED &&
         the_case->status != TL_CASE_STATUS_CLOSED;
  if (open && tl_sea_estimate_from_events (tl_sea_get_default (), chain, &estimate) &&
      estimate.motion.speed >= 0.5)
    tl_map_view_show_estimate (self->map_view, &estimate);
  else
    tl_map_view_show_estimate (self->map_view, NULL);
}

/* The selected report's case, read on the store's worker: its way on
 * the map, then its drift if it is still open. A newer selection
 * cancels the reads of the one before, and so does closing the window. */
typedef struct {
  TlWindow  *window;   /* borrowed: the read's cancellable says if it went */
  GPtrArray *chain;    /* owned, once read */
} CaseRead;

static void
case_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree CaseRead *read = user_data;
  g_autoptr(GPtrArray) chain = read->chain;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlCase) the_case = tl_store_get_case_finish (TL_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_estimate (read->window, chain, the_case);
}

static void
case_events_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree CaseRead *read = user_data;
  g_autoptr(GError) error = NULL;
  TlWindow *self = read->window;
  gint64 case_id;

  read->chain = tl_store_list_case_events_finish (TL_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Cannot show a case: %s", error->message);
  tl_map_view_show_case_chain (self->map_view, read->chain);
  if (read->chain == NULL || read->chain->len < 2)
    {
      g_clear_pointer (&read->chain, g_ptr_array_unref);
      return;
    }
  case_id = tl_event_get_case_id (g_ptr_array_index (read->chain, 0));
  tl_store_get_case_async (self->store, case_id, self->case_reading, case_read_cb,
                           g_steal_pointer (&read));
}

static void
selection_changed_cb (TlWindow       *self,
                      guint           position,
                      guint           n_items,
                      GtkSelectionModel *model)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  gint64 case_id = 0;

  if (self->case_reading != NULL)
    g_cancellable_cancel (self->case_reading);
  g_clear_object (&self->case_reading);

  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), selected);

      g_autofree char *sentence = tl_event_row_describe (event, self->zone,
                                                         g_settings_get_enum (self->settings, "coordinate-format"));

      tl_map_view_reveal_event (self->map_view, event);
      tl_map_view_describe_selection (self->map_view, sentence);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
      case_id = tl_event_get_case_id (event);
    }
  else
    tl_map_view_describe_selection (self->map_view, NULL);

  /* A report of a case shows the way the case went on the map, once it
   * is read. */
  tl_map_view_show_case_chain (self->map_view, NULL);
  tl_map_view_show_estimate (self->map_view, NULL);
  if (case_id > 0)
    {
      CaseRead *read = g_new0 (CaseRead, 1);

      read->window = self;
      self->case_reading = g_cancellable_new ();
      tl_store_list_case_events_async (self->store, case_id, self->case_reading,
                                       case_events_read_cb, read);
    }
}

/* During a replay the map stresses what just happened. */
static void
cursor_changed_cb (TlWindow *self)
{
  tl_map_view_set_emphasis_time (self->map_view, tl_review_is_replaying (self->review)
                                                 ? tl_review_get_cursor (self->review) : TL_TIME_NONE);
}

static void
report_saved_cb (TlWindow     *self,
                 TlEvent      *event,
                 TlReportDesk *reports)
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
}

static void
new_report_here_cb (TlWindow  *self,
                    double     latitude,
                    double     longitude,
                    TlMapView *map_view)
{
  /* While the editor picks a position or a route, the click is for it. */
  tl_report_desk_new_report_at (self->reports, TL_EVENT_KIND_RESCUE, self->day_start,
                                latitude, longitude);
}

static void
list_activate_cb (TlWindow    *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (event != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-report", "x", tl_event_get_id (event));
}

/* Rows write times and positions when they are set up and bound: a new
 * factory does both again for every row, in the zone and format now set. */
static void
set_up_rows (TlWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
}

/* Preferences apply at once, to every open window. */
static void
time_zone_changed_cb (TlWindow *self)
{
  g_autofree char *zone_id = g_settings_get_string (self->settings, "time-zone");
  GTimeZone *zone = tl_time_zone_new (zone_id);

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;

  tl_map_view_set_time_zone (self->map_view, self->zone);
  tl_report_desk_set_time_zone (self->reports, self->zone);
  /* Moves a day window to the new zone's day, through window_changed_cb. */
  tl_review_set_time_zone (self->review, self->zone);
  tl_open_cases_window_set_time_zone (self->open_cases, self->zone);
  tl_window_update_handover_zone (self);
  set_up_rows (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->time_strip));
  window_changed_cb (self);
}

static void
operator_name_changed_cb (TlWindow *self)
{
  g_autofree char *name = dup_operator_name (self);

  /* What the operator writes under the new name is not new to them. */
  tl_review_set_operator_name (self->review, name);
  tl_report_desk_set_operator_name (self->reports, name);
  update_new_pill (self);
}

/* GObject overrides */

static void
tl_window_constructed (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);
  g_autofree char *zone_id = NULL;
  g_autofree char *operator_name = NULL;

  G_OBJECT_CLASS (tl_window_parent_class)->constructed (object);

  g_assert (TL_IS_STORE (self->store));

  zone_id = g_settings_get_string (self->settings, "time-zone");
  if (!(self->zone = tl_time_zone_new (zone_id)))
    self->zone = g_time_zone_new_local ();

  operator_name = dup_operator_name (self);
  self->review = tl_review_new (self->store, self->zone, operator_name);
  self->events = g_object_ref (tl_review_get_events (self->review));
  /* Reports received since the user last looked are marked until seen. */
  g_settings_bind (self->settings, "last-viewed", self->review, "seen-before", G_SETTINGS_BIND_DEFAULT);
  /* A first look at this database starts the clock: what it already holds
   * is not "new", only what arrives from now on. */
  if (tl_review_get_seen_before (self->review) == 0)
    tl_review_mark_seen (self->review);
  g_signal_connect_object (self->review, "notify::from", G_CALLBACK (window_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "notify::to", G_CALLBACK (window_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "notify::preset", G_CALLBACK (window_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "notify::seen-before", G_CALLBACK (update_new_pill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "notify::cursor", G_CALLBACK (cursor_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->events, "loading", self->loading_box, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->events, "notify::loading", G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "notify::loading", G_CALLBACK (follow_window_on_map), self, G_CONNECT_SWAPPED);
  tl_filter_bar_set_review (self->filter_bar, self->review);
  tl_summary_bar_set_review (self->summary_bar, self->review);
  tl_time_strip_set_review (self->time_strip, self->review);
  tl_trend_chart_set_review (self->trend_chart, self->review);
  g_settings_bind (self->settings, "trend-measure", self->trend_chart, "measure", G_SETTINGS_BIND_DEFAULT);
  self->slide_id = g_timeout_add_seconds (60, slide_window_cb, self);
  tl_window_update_role_actions (self);
  tl_window_watch_server (self);

  self->selection = gtk_single_selection_new (g_object_ref (tl_review_get_model (self->review)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tl_review_get_model (self->review), "items-changed",
                           G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);

  set_up_rows (self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  tl_map_view_set_time_zone (self->map_view, self->zone);
  tl_map_view_set_model (self->map_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->map_view, "new-report-here",
                           G_CALLBACK (new_report_here_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);

  self->reports = tl_report_desk_new (GTK_WINDOW (self), self->toast_overlay, self->store, self->zone);
  g_signal_connect_object (self->reports, "saved", G_CALLBACK (report_saved_cb), self, G_CONNECT_SWAPPED);
  tl_report_desk_set_map_view (self->reports, self->map_view);
  tl_report_desk_set_operator_name (self->reports, operator_name);
  g_signal_connect_object (self->settings, "changed::time-zone",
                           G_CALLBACK (time_zone_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (operator_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::coordinate-format",
                           G_CALLBACK (set_up_rows), self, G_CONNECT_SWAPPED);
  self->exports = tl_export_desk_new (GTK_APPLICATION_WINDOW (self), self->toast_overlay, self->store,
                                     self->review, self->map_view, self->selection);

  /* A database opened from --database names itself in the title, so two
   * windows on two files are never confused. */
  gtk_window_set_title (GTK_WINDOW (self), _("Tideline"));
  adw_window_title_set_title (self->window_title, _("Tideline"));

  tl_window_set_up_board (self);
  tl_window_set_up_database (self);

  window_changed_cb (self);
  update_new_pill (self);
  tl_accessible_name_tree (GTK_WIDGET (self));
}

static void
tl_window_dispose (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->case_reading != NULL)
    g_cancellable_cancel (self->case_reading);
  g_clear_object (&self->case_reading);
  g_clear_object (&self->reports);
  g_clear_object (&self->exports);
  if (self->open_cases != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->open_cases)));
  tl_window_destroy_handover (self);
  g_clear_handle_id (&self->slide_id, g_source_remove);
  g_clear_handle_id (&self->server_source_id, g_source_remove);
  tl_window_clear_refusal (self);
  /* Closing the window is looking away: what it showed has been seen. */
  if (self->review != NULL)
    {
      tl_review_mark_seen (self->review);
      g_settings_unbind (self->review, "seen-before");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->review);
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
  g_type_ensure (TL_TYPE_FILTER_BAR);
  g_type_ensure (TL_TYPE_SUMMARY_BAR);
  g_type_ensure (TL_TYPE_TIME_STRIP);
  g_type_ensure (TL_TYPE_TREND_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/tl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, window_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, custom_range_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, custom_from_entry);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, custom_to_entry);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, custom_range_error);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, summary_bar);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, time_strip);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, new_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, loading_box);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, new_report_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, offline_label);

  tl_window_class_install_actions (widget_class);
  tl_window_class_install_board (widget_class);
  tl_window_class_install_database (widget_class);
  tl_window_class_install_handover (widget_class);
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
tl_window_new (GtkApplication *application,
               TlStore        *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
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
 * tl_window_get_review:
 *
 * Returns: (transfer none): what the window shows (its window of time,
 *   filter and replay), for tests and benchmarks that drive it.
 */
TlReview *
tl_window_get_review (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->review;
}

/**
 * tl_window_is_settled:
 *
 * Returns: whether everything the window shows has caught up with its
 *   window of time: the events read into the list and onto the map, the
 *   map fitted to them, the summary counted. Their next frame shows it.
 */
gboolean
tl_window_is_settled (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return !tl_event_list_is_loading (self->events) && !self->map_follow_pending &&
         !tl_review_is_counting (self->review);
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

  return self->reports ? GTK_WINDOW (tl_report_desk_get_editor (self->reports)) : NULL;
}
