/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "tl-time.h"
#include "tl-trend-chart.h"

#define CHART_HEIGHT 150
#define PAD_LEFT 44.0     /* room for the scale's numbers */
#define PAD_RIGHT 12.0
#define PAD_TOP 24.0      /* room for the legend */
#define PAD_BOTTOM 20.0   /* room for the dates */

struct _TlTrendChart
{
  GtkWidget  parent_instance;

  /* owned */
  TlReview  *review;
  TlTrend   *trend;

  int        hover;       /* day under the pointer, -1 for none */
  gboolean   stale;       /* counts to read again when next shown */
};

G_DEFINE_FINAL_TYPE (TlTrendChart, tl_trend_chart, GTK_TYPE_WIDGET)

/* The two series keep the same colours in both themes: bars in the
 * palette's blue, the official line in its orange. */
static const GdkRGBA own_color = { 0.21, 0.52, 0.89, 0.75 };
static const GdkRGBA official_color = { 0.90, 0.38, 0.0, 1.0 };

/* helpers */

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
    return;

  store = tl_review_get_store (self->review);
  self->trend = tl_store_daily_counts (store, tl_review_get_from (self->review),
                                       tl_review_get_to (self->review),
                                       tl_review_get_zone (self->review), &error);
  if (self->trend == NULL)
    {
      /* Nothing lost, nothing to act on: the chart shows its empty state. */
      g_warning ("Could not count the days: %s", error->message);
      return;
    }

  first = tl_trend_get_day (self->trend, 0);
  last = tl_trend_get_day (self->trend, tl_trend_get_n_days (self->trend) - 1);
  official = tl_store_list_statistics (store, first->date, last->date, &error);
  if (official != NULL)
    tl_trend_add_statistics (self->trend, official);
  else
    g_warning ("Could not read the official figures: %s", error->message);

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

/* A round number at or above @max for the top of the scale. */
static gint64
nice_ceiling (gint64 max)
{
  gint64 step = 1;

  if (max <= 0)
    return 1;
  while (step * 10 < max)
    step *= 10;
  /* step * 10 >= max, so the loop always returns. */
  for (guint i = 0; ; i++)
    if (step * (gint64[]) { 1, 2, 5, 10 }[i] >= max)
      return step * (gint64[]) { 1, 2, 5, 10 }[i];
}

static void
plot_area (TlTrendChart    *self,
           graphene_rect_t *out_rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  graphene_rect_init (out_rect, PAD_LEFT, PAD_TOP,
                      MAX (1.0, width - PAD_LEFT - PAD_RIGHT),
                      MAX (1.0, height - PAD_TOP - PAD_BOTTOM));
}

static int
day_at (TlTrendChart *self,
        double        x)
{
  graphene_rect_t area;
  guint n;
  int index;

  if (self->trend == NULL)
    return -1;

  plot_area (self, &area);
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

static void
draw_legend (TlTrendChart *self,
             cairo_t      *cr,
             PangoLayout  *layout,
             double        x)
{
  const struct { const GdkRGBA *color; const char *label; gboolean bar; } items[] = {
    /* Translators: legend of the trend chart's bars */
    { &own_color, _("People on departures in Tideline"), TRUE },
    /* Translators: legend of the trend chart's line */
    { &official_color, _("Official daily figure"), FALSE },
  };
  int width, height;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      gdk_cairo_set_source_rgba (cr, items[i].color);
      if (items[i].bar)
        cairo_rectangle (cr, x, 6, 10, 10);
      else
        {
          cairo_rectangle (cr, x, 10, 12, 2.5);
          cairo_arc (cr, x + 6, 11.25, 3, 0, 2 * G_PI);
        }
      cairo_fill (cr);

      pango_layout_set_text (layout, items[i].label, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      cairo_move_to (cr, x + 16, 11 - height / 2.0);
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 1);
      pango_cairo_show_layout (cr, layout);
      x += 16 + width + 18;
    }
}

/* callbacks */

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
  int hover = day_at (self, x);

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
  g_autoptr(GString) text = NULL;
  g_autofree char *date = NULL;
  const TlTrendDay *day;
  int index = day_at (self, x);

  if (index < 0)
    return FALSE;

  day = tl_trend_get_day (self->trend, index);
  /* Translators: the day in the trend chart's tooltip, see strftime */
  date = tl_time_format (tl_review_get_zone (self->review), day->start + 12 * 3600, _("%A %-d %B %Y"));
  text = g_string_new (date);
  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          /* Translators: Tideline's own figures of a day in the trend chart */
                          ngettext ("Tideline: %" PRId64 " people on %" PRId64 " departure",
                                    "Tideline: %" PRId64 " people on %" PRId64 " departures",
                                    day->values[TL_TREND_DEPARTURES]),
                          day->values[TL_TREND_PEOPLE], day->values[TL_TREND_DEPARTURES]);
  g_string_append_c (text, '\n');
  if (day->values[TL_TREND_OFFICIAL_PEOPLE] < 0 && day->values[TL_TREND_OFFICIAL_BOATS] < 0)
    g_string_append (text, _("Official: no figures imported"));
  else
    {
      g_autofree char *people = day->values[TL_TREND_OFFICIAL_PEOPLE] >= 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, day->values[TL_TREND_OFFICIAL_PEOPLE])
        : g_strdup (_("not given"));
      g_autofree char *boats = day->values[TL_TREND_OFFICIAL_BOATS] >= 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, day->values[TL_TREND_OFFICIAL_BOATS])
        : g_strdup (_("not given"));

      /* Translators: the official figures of a day; each %s is a number or "not given" */
      g_string_append_printf (text, _("Official: %s people, %s boats"), people, boats);
    }

  gtk_tooltip_set_text (tooltip, text->str);
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

static void
tl_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = CHART_HEIGHT;
  else
    *minimum = *natural = 240;
}

static void
tl_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TlTrendChart *self = TL_TREND_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  cairo_t *cr;
  graphene_rect_t area;
  GdkRGBA fg;
  gint64 top;
  guint n;
  double slot;
  gboolean line_open = FALSE;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    /* The caption size of the theme, without a CSS node of our own. */
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }

  if (self->trend == NULL || !tl_trend_has_data (self->trend))
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      pango_layout_set_width (layout, (int) (width - 24) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      draw_text (cr, layout,
                 _("No departures and no official figures in these days. "
                   "Import official daily figures from the main menu to compare."),
                 12, height / 2 - 10, 0);
      cairo_destroy (cr);
      return;
    }

  plot_area (self, &area);
  n = tl_trend_get_n_days (self->trend);
  slot = area.size.width / n;
  top = nice_ceiling (MAX (tl_trend_get_max (self->trend, TL_TREND_PEOPLE),
                           tl_trend_get_max (self->trend, TL_TREND_OFFICIAL_PEOPLE)));

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
      double h = area.size.height * day->values[TL_TREND_PEOPLE] / (double) top;

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

  /* The official line, broken where no figure was imported. */
  gdk_cairo_set_source_rgba (cr, &official_color);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      gint64 value = tl_trend_get_day (self->trend, i)->values[TL_TREND_OFFICIAL_PEOPLE];
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
      gint64 value = tl_trend_get_day (self->trend, i)->values[TL_TREND_OFFICIAL_PEOPLE];

      if (value < 0)
        continue;
      cairo_arc (cr, area.origin.x + (i + 0.5) * slot,
                 area.origin.y + area.size.height * (1 - value / (double) top), 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  draw_legend (self, cr, layout, area.origin.x);
  cairo_destroy (cr);
}

/* GObject overrides */

static void
tl_trend_chart_dispose (GObject *object)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  tl_trend_chart_set_review (self, NULL);

  G_OBJECT_CLASS (tl_trend_chart_parent_class)->dispose (object);
}

static void
tl_trend_chart_finalize (GObject *object)
{
  TlTrendChart *self = TL_TREND_CHART (object);

  g_clear_pointer (&self->trend, tl_trend_free);

  G_OBJECT_CLASS (tl_trend_chart_parent_class)->finalize (object);
}

static void
tl_trend_chart_class_init (TlTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_trend_chart_dispose;
  object_class->finalize = tl_trend_chart_finalize;
  widget_class->map = tl_trend_chart_map;
  widget_class->measure = tl_trend_chart_measure;
  widget_class->snapshot = tl_trend_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "tl-trend-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tl_trend_chart_init (TlTrendChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People per day: Tideline's count and the official figure"), -1);
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
