/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-time.h"
#include "tl-trend-period.h"
#include "tl-trend-chart-private.h"

G_DEFINE_FINAL_TYPE (TlTrendChart, tl_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static const char *
measure_nick (TlTrendMeasure measure)
{
  return g_enum_get_value (g_type_class_peek (TL_TYPE_TREND_MEASURE), measure)->value_nick;
}

static void
update_label (TlTrendChart *self)
{
  const char *label = NULL;

  switch (self->measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      label = _("People per day: Tideline's count and the official figure");
      break;
    case TL_TREND_MEASURE_BOATS:
      label = _("Boats per day: Tideline's count and the official figure");
      break;
    case TL_TREND_MEASURE_DEPARTURES:
      label = _("Departures per day: Tideline's count");
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* What a screen reader says instead of the bars. */
static void
update_description (TlTrendChart *self)
{
  g_autofree char *text = NULL;

  if (self->trend == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  text = tl_trend_describe (self->trend, self->measure);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
trend_counted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(TlTrendChart) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  TlTrend *trend = tl_store_count_trend_finish (TL_STORE (object), result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  /* A count not wanted any more; the chart's window may be gone. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&trend, tl_trend_free);
      return;
    }
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->trend, tl_trend_free);
  /* Nothing lost, nothing to act on: the chart shows its empty state. */
  if (trend == NULL)
    g_warning ("Could not count the days: %s", error->message);
  self->trend = trend;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Counts the review's days on the store's worker; the chart shows the
 * last counts until the new ones come, and a newer count cancels an
 * older one. */
static void
reload (TlTrendChart *self)
{
  TlStore *store;
  TlTrendPeriod period;
  GTimeZone *zone;
  GWeakRef *ref;
  gint64 from, to;

  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->review == NULL)
    {
      g_clear_pointer (&self->trend, tl_trend_free);
      update_description (self);
      return;
    }

  store = tl_review_get_store (self->review);
  zone = tl_review_get_zone (self->review);
  from = tl_review_get_from (self->review);
  to = tl_review_get_to (self->review);
  /* Over a long window, whole weeks or months: their days are counted
   * from the first one's start to the last one's end. */
  period = tl_trend_period_choose (TL_TREND_PERIOD_AUTO, (guint) ((to - from + 86399) / 86400));
  if (period != TL_TREND_PERIOD_DAY)
    {
      from = tl_trend_period_start (zone, from, period);
      to = tl_trend_period_next (zone, tl_trend_period_start (zone, to - 1, period), period);
    }
  self->cancellable = g_cancellable_new ();
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  tl_store_count_trend_async (store, from, to, zone, period, self->cancellable,
                              trend_counted_cb, ref);
}

static void
queue_reload (TlTrendChart *self)
{
  /* Hidden in its revealer most of the time: count when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->stale = TRUE;
}

static int
day_at (TlTrendChart *self,
        double        x,
        double        y)
{
  graphene_rect_t area;
  guint n;
  int index;

  if (self->trend == NULL)
    return -1;

  tl_trend_chart_plot_area (self, &area);
  /* The header is the switcher's and the legend's, not a day's. */
  if (y < area.origin.y)
    return -1;
  n = tl_trend_get_n_days (self->trend);
  index = (int) ((x - area.origin.x) / (area.size.width / n));

  return index >= 0 && (guint) index < n ? index : -1;
}

/* callbacks */

static void
measure_change_state_cb (GSimpleAction *action,
                         GVariant      *state,
                         TlTrendChart  *self)
{
  GEnumValue *value = g_enum_get_value_by_nick (g_type_class_peek (TL_TYPE_TREND_MEASURE),
                                                g_variant_get_string (state, NULL));

  /* A nick from elsewhere than our buttons: nothing changes. */
  if (value != NULL)
    tl_trend_chart_set_measure (self, value->value);
}

static void
summary_changed_cb (TlTrendChart *self)
{
  queue_reload (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TlTrendChart             *self)
{
  int hover = day_at (self, x, y);

  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TlTrendChart             *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (TlTrendChart *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autofree char *text = NULL;
  int index = day_at (self, x, y);

  if (index < 0)
    return FALSE;

  text = tl_trend_describe_day (self->trend, index, self->measure);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GtkWidget overrides */

static void
tl_trend_chart_map (GtkWidget *widget)
{
  TlTrendChart *self = TL_TREND_CHART (widget);

  GTK_WIDGET_CLASS (tl_trend_chart_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

static GtkSizeRequestMode
tl_trend_chart_get_request_mode (GtkWidget *widget)
{
  /* Narrow, the legend moves under the switcher: taller. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tl_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TlTrendChart *self = TL_TREND_CHART (widget);
  int child_width;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = tl_trend_chart_layout_header (self, for_size, NULL, NULL) + PLOT_HEIGHT + PAD_BOTTOM;
  else
    {
      gtk_widget_measure (self->switcher, orientation, -1, NULL, &child_width, NULL, NULL);
      *minimum = *natural = MAX (240, child_width + (int) (PAD_LEFT + PAD_RIGHT));
    }
}

static void
tl_trend_chart_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  TlTrendChart *self = TL_TREND_CHART (widget);
  GtkAllocation switcher;

  self->header = tl_trend_chart_layout_header (self, width, &switcher, &self->legend_middle);
  gtk_widget_size_allocate (self->switcher, &switcher, -1);
}

static void
tl_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  tl_trend_chart_draw (TL_TREND_CHART (widget), snapshot);
}

/* GObject overrides */

static void
tl_trend_chart_dispose (GObject *object)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  tl_trend_chart_set_review (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_signal_handlers_disconnect_by_data (self->measure_action, self);
  g_clear_pointer (&self->switcher, gtk_widget_unparent);

  G_OBJECT_CLASS (tl_trend_chart_parent_class)->dispose (object);
}

static void
tl_trend_chart_finalize (GObject *object)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  g_clear_pointer (&self->trend, tl_trend_free);
  g_clear_object (&self->measure_action);

  G_OBJECT_CLASS (tl_trend_chart_parent_class)->finalize (object);
}

static void
tl_trend_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_enum (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_trend_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      tl_trend_chart_set_measure (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_trend_chart_class_init (TlTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_trend_chart_dispose;
  object_class->finalize = tl_trend_chart_finalize;
  object_class->get_property = tl_trend_chart_get_property;
  object_class->set_property = tl_trend_chart_set_property;
  widget_class->map = tl_trend_chart_map;
  widget_class->get_request_mode = tl_trend_chart_get_request_mode;
  widget_class->measure = tl_trend_chart_measure;
  widget_class->size_allocate = tl_trend_chart_size_allocate;
  widget_class->snapshot = tl_trend_chart_snapshot;

  /**
   * TlTrendChart:measure:
   *
   * What the chart counts per day; bound to the "trend-measure" setting
   * by the window.
   */
  properties[PROP_MEASURE] =
    g_param_spec_enum ("measure", NULL, NULL,
                       TL_TYPE_TREND_MEASURE, TL_TREND_MEASURE_PEOPLE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tl-trend-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tl_trend_chart_init (TlTrendChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  const struct { const char *nick; const char *label; } buttons[] = {
    /* Translators: a measure of the trend chart, on a button */
    { "people", N_("People") },
    /* Translators: a measure of the trend chart, on a button */
    { "boats", N_("Boats") },
    /* Translators: a measure of the trend chart (departure reports per day), on a button */
    { "departures", N_("Departures") },
  };

  /* The buttons follow the property through the action's state, whoever
   * sets it: a click, the setting, or a test. Not a GPropertyAction: it
   * would hold a reference on the chart, and the chart holds the action. */
  self->measure_action = g_simple_action_new_stateful ("measure", G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string (measure_nick (self->measure)));
  g_signal_connect (self->measure_action, "change-state", G_CALLBACK (measure_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (self->measure_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "trend", G_ACTION_GROUP (actions));
  self->switcher = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "css-classes", (const char * const[]) { "linked", NULL },
                                 NULL);
  /* Translators: accessible name of the People/Boats/Departures buttons */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Count per day"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_box_append (GTK_BOX (self->switcher),
                    g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                  "label", _(buttons[i].label),
                                  "action-name", "trend.measure",
                                  "action-target", g_variant_new_string (buttons[i].nick),
                                  NULL));
  gtk_widget_set_parent (self->switcher, GTK_WIDGET (self));

  self->hover = -1;
  self->legend_wrap = G_MAXINT;
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  update_label (self);
}

/* public API */

TlTrendChart *
tl_trend_chart_new (void)
{
  return g_object_new (TL_TYPE_TREND_CHART, NULL);
}

/**
 * tl_trend_chart_set_review:
 * @review: (nullable): the review whose window the chart follows
 */
void
tl_trend_chart_set_review (TlTrendChart *self,
                           TlReview     *review)
{
  g_return_if_fail (TL_IS_TREND_CHART (self));

  if (self->review == review)
    return;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  if (review != NULL)
    {
      /* A new window, a saved report, another desk's write: all end in
       * summary-changed. */
      g_signal_connect_object (review, "summary-changed",
                               G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
    }
  queue_reload (self);
}

TlTrendMeasure
tl_trend_chart_get_measure (TlTrendChart *self)
{
  g_return_val_if_fail (TL_IS_TREND_CHART (self), TL_TREND_MEASURE_PEOPLE);

  return self->measure;
}

/**
 * tl_trend_chart_set_measure:
 * @measure: what to count per day
 *
 * The counts are all read already: another measure is only another
 * drawing of them.
 */
void
tl_trend_chart_set_measure (TlTrendChart   *self,
                            TlTrendMeasure  measure)
{
  g_return_if_fail (TL_IS_TREND_CHART (self));
  g_return_if_fail (measure <= TL_TREND_MEASURE_DEPARTURES);

  if (self->measure == measure)
    return;

  self->measure = measure;
  g_simple_action_set_state (self->measure_action, g_variant_new_string (measure_nick (measure)));
  update_label (self);
  update_description (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  /* Another legend may or may not fit beside the switcher. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

/**
 * tl_trend_chart_get_trend:
 *
 * Starts counting them again if they are out of date (the chart counts
 * when shown); the new counts come later, from the store's worker.
 *
 * Returns: (transfer none) (nullable): the days shown, for tests
 */
const TlTrend *
tl_trend_chart_get_trend (TlTrendChart *self)
{
  g_return_val_if_fail (TL_IS_TREND_CHART (self), NULL);

  if (self->stale)
    reload (self);
  return self->trend;
}
