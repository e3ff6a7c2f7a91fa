/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-time.h"
#include "tl-trend-chart.h"

#define PLOT_HEIGHT 96   /* the map keeps half of a 700 px window */
#define PAD_LEFT 44.0     /* room for the scale's numbers */
#define PAD_RIGHT 12.0
#define PAD_BOTTOM 20.0   /* room for the dates */
#define HEADER_GAP 8      /* between the header (legend, switcher) and the plot */

struct _TlTrendChart
{
  GtkWidget       parent_instance;

  /* owned */
  GtkWidget      *switcher;   /* child: the linked People/Boats/Departures buttons */
  GSimpleAction  *measure_action; /* trend.measure: its state is the measure's nick */
  TlReview       *review;
  TlTrend        *trend;

  TlTrendMeasure  measure;
  int             header;     /* height above the plot, set on allocation */
  double          legend_middle; /* the legend's centre line, set on allocation */
  int             hover;      /* day under the pointer, -1 for none */
  gboolean        stale;      /* counts to read again when next shown */
};

G_DEFINE_FINAL_TYPE (TlTrendChart, tl_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The two series keep the same colours in both themes: bars in the
 * palette's blue, the official line in its orange. */
static const GdkRGBA own_color = { 0.21, 0.52, 0.89, 0.75 };
static const GdkRGBA official_color = { 0.90, 0.38, 0.0, 1.0 };

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
reload (TlTrendChart *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) official = NULL;
  TlStore *store;
  const TlTrendDay *first, *last;

  self->stale = FALSE;
  g_clear_pointer (&self->trend, tl_trend_free);
  if (self->review == NULL)
    {
      update_description (self);
      return;
    }

  store = tl_review_get_store (self->review);
  self->trend = tl_store_daily_counts (store, tl_review_get_from (self->review),
                                       tl_review_get_to (self->review),
                                       tl_review_get_zone (self->review), &error);
  if (self->trend == NULL)
    {
      /* Nothing lost, nothing to act on: the chart shows its empty state. */
      g_warning ("Could not count the days: %s", error->message);
      update_description (self);
      return;
    }

  first = tl_trend_get_day (self->trend, 0);
  last = tl_trend_get_day (self->trend, tl_trend_get_n_days (self->trend) - 1);
  official = tl_store_list_statistics (store, first->date, last->date, &error);
  if (official != NULL)
    tl_trend_add_statistics (self->trend, official);
  else
    g_warning ("Could not read the official figures: %s", error->message);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static void
plot_area (TlTrendChart    *self,
           graphene_rect_t *out_rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  graphene_rect_init (out_rect, PAD_LEFT, self->header,
                      MAX (1.0, width - PAD_LEFT - PAD_RIGHT),
                      MAX (1.0, height - self->header - PAD_BOTTOM));
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

  plot_area (self, &area);
  /* The header is the switcher's and the legend's, not a day's. */
  if (y < area.origin.y)
    return -1;
  n = tl_trend_get_n_days (self->trend);
  index = (int) ((x - area.origin.x) / (area.size.width / n));

  return index >= 0 && (guint) index < n ? index : -1;
}

static void
draw_text (cairo_t      *cr,
           PangoLayout  *layout,
           const char   *text,
           double        x,
           double        y,
           double        xalign)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y);
  pango_cairo_show_layout (cr, layout);
}

/* The caption size of the theme, without a CSS node of our own. */
static PangoLayout *
create_caption_layout (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The legend's labels for the measure: the bars, then the line if the
 * official figures count the same thing. Returns how many. */
static guint
legend_labels (TlTrendChart *self,
               const char   *out_labels[2])
{
  switch (self->measure)
    {
    case TL_TREND_MEASURE_PEOPLE:
      /* Translators: legend of the trend chart's bars */
      out_labels[0] = _("People on departures in Tideline");
      break;
    case TL_TREND_MEASURE_BOATS:
      /* Translators: legend of the trend chart's bars */
      out_labels[0] = _("Boats on departures in Tideline");
      break;
    case TL_TREND_MEASURE_DEPARTURES:
      /* Translators: legend of the trend chart's bars */
      out_labels[0] = _("Departures in Tideline");
      break;
    default:
      g_assert_not_reached ();
    }
  if (!tl_trend_measure_get_official (self->measure, NULL))
    return 1;

  /* Translators: legend of the trend chart's line */
  out_labels[1] = _("Official daily figure");
  return 2;
}

/* Each item is a 16 px key, its label, and 18 px to the next. */
static void
measure_legend (TlTrendChart *self,
                PangoLayout  *layout,
                int          *out_width,
                int          *out_height)
{
  const char *labels[2];
  guint n = legend_labels (self, labels);

  *out_width = *out_height = 0;
  for (guint i = 0; i < n; i++)
    {
      int width, height;

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      *out_width += (i > 0 ? 18 : 0) + 16 + width;
      *out_height = MAX (*out_height, height);
    }
}

static void
draw_legend (TlTrendChart *self,
             cairo_t      *cr,
             PangoLayout  *layout,
             double        x)
{
  const char *labels[2];
  guint n = legend_labels (self, labels);
  double middle = self->legend_middle;
  int width, height;

  for (guint i = 0; i < n; i++)
    {
      /* Bars are blue squares; the official line is orange with dots. */
      if (i == 0)
        {
          gdk_cairo_set_source_rgba (cr, &own_color);
          cairo_rectangle (cr, x, middle - 5, 10, 10);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, &official_color);
          cairo_rectangle (cr, x, middle - 1.25, 12, 2.5);
          cairo_arc (cr, x + 6, middle, 3, 0, 2 * G_PI);
        }
      cairo_fill (cr);

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      cairo_move_to (cr, x + 16, middle - height / 2.0);
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 1);
      pango_cairo_show_layout (cr, layout);
      x += 16 + width + 18;
    }
}

/* The header above the plot, for @width (-1: wide enough): the switcher
 * at the top right, the legend to its left, or under both when they do
 * not fit side by side. Returns its height, gap to the plot included. */
static int
layout_header (TlTrendChart  *self,
               int            width,
               GtkAllocation *out_switcher,
               double        *out_legend_middle)
{
  g_autoptr(PangoLayout) layout = create_caption_layout (GTK_WIDGET (self));
  int child_x, child_width, child_height, legend_width, legend_height;
  double legend_middle;
  int header;

  gtk_widget_measure (self->switcher, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
  gtk_widget_measure (self->switcher, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
  measure_legend (self, layout, &legend_width, &legend_height);
  child_x = width < 0 ? G_MAXINT / 2 : MAX (0, width - (int) PAD_RIGHT - child_width);
  header = child_height + HEADER_GAP;
  legend_middle = child_height / 2.0;
  if (PAD_LEFT + legend_width + 12 > child_x)
    {
      legend_middle = child_height + 4 + legend_height / 2.0;
      header += 4 + legend_height;
    }

  if (out_switcher != NULL)
    *out_switcher = (GtkAllocation) { child_x, 0, child_width, child_height };
  if (out_legend_middle != NULL)
    *out_legend_middle = legend_middle;
  return header;
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
    *minimum = *natural = layout_header (self, for_size, NULL, NULL) + PLOT_HEIGHT + PAD_BOTTOM;
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

  self->header = layout_header (self, width, &switcher, &self->legend_middle);
  gtk_widget_size_allocate (self->switcher, &switcher, -1);
}

static void
tl_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TlTrendChart *self = TL_TREND_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = create_caption_layout (widget);
  cairo_t *cr;
  graphene_rect_t area;
  GdkRGBA fg;
  gint64 top;
  guint n;
  double slot;
  gboolean line_open = FALSE;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->trend == NULL || !tl_trend_has_measure_data (self->trend, self->measure))
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      pango_layout_set_width (layout, (int) (width - 24) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      draw_text (cr, layout,
                 tl_trend_measure_get_official (self->measure, NULL)
                 ? _("No departures and no official figures in these days. "
                     "Import official daily figures from the main menu to compare.")
                 : _("No departures in these days."),
                 12, (self->header + height) / 2 - 10, 0);
      cairo_destroy (cr);
      gtk_widget_snapshot_child (widget, self->switcher, snapshot);
      return;
    }

  plot_area (self, &area);
  n = tl_trend_get_n_days (self->trend);
  slot = area.size.width / n;
  top = tl_trend_get_scale_top (self->trend, self->measure);

  /* Scale: the baseline, a middle and a top line, with their values. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= 2; i++)
    {
      double y = area.origin.y + area.size.height * (1 - i / 2.0);
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, top * i / 2);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, i == 0 ? 0.4 : 0.12);
      cairo_move_to (cr, area.origin.x, floor (y) + 0.5);
      cairo_line_to (cr, area.origin.x + area.size.width, floor (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      draw_text (cr, layout, value, area.origin.x - 6, y - 8, 1);
    }

  for (guint i = 0; i < n; i++)
    {
      const TlTrendDay *day = tl_trend_get_day (self->trend, i);
      double x = area.origin.x + i * slot;
      double h = area.size.height * tl_trend_day_get_own (day, self->measure) / (double) top;

      if ((int) i == self->hover)
        {
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
          cairo_rectangle (cr, x, area.origin.y, slot, area.size.height);
          cairo_fill (cr);
        }

      gdk_cairo_set_source_rgba (cr, &own_color);
      cairo_rectangle (cr, x + slot * 0.15, area.origin.y + area.size.height - h, slot * 0.7, h);
      cairo_fill (cr);

      /* A date under every week's first day, and under the last. */
      if ((n - 1 - i) % 7 == 0)
        {
          /* Translators: a date under the trend chart, see strftime */
          g_autofree char *label = tl_time_format (tl_review_get_zone (self->review),
                                                   day->start + 12 * 3600, _("%-d %b"));

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
          draw_text (cr, layout, label, x + slot / 2, area.origin.y + area.size.height + 3, 0.5);
        }
    }

  /* The official line, broken where no figure was imported; none at all
   * for departures, which official figures do not count. */
  gdk_cairo_set_source_rgba (cr, &official_color);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      gint64 value = tl_trend_day_get_official (tl_trend_get_day (self->trend, i), self->measure);
      double x = area.origin.x + (i + 0.5) * slot;
      double y = area.origin.y + area.size.height * (1 - value / (double) top);

      if (value < 0)
        {
          if (line_open)
            cairo_stroke (cr);
          line_open = FALSE;
          continue;
        }
      if (line_open)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      line_open = TRUE;
    }
  if (line_open)
    cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      gint64 value = tl_trend_day_get_official (tl_trend_get_day (self->trend, i), self->measure);

      if (value < 0)
        continue;
      cairo_arc (cr, area.origin.x + (i + 0.5) * slot,
                 area.origin.y + area.size.height * (1 - value / (double) top), 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  draw_legend (self, cr, layout, area.origin.x);
  cairo_destroy (cr);
  gtk_widget_snapshot_child (widget, self->switcher, snapshot);
}

/* GObject overrides */

static void
tl_trend_chart_dispose (GObject *object)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  tl_trend_chart_set_review (self, NULL);
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
