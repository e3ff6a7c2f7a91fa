/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drawing the trend chart: the bars, the official line, the official
 * weekly bars behind them, the scale, the dates and the legend above. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-time.h"
#include "tl-trend-period.h"
#include "tl-trend-chart-private.h"

/* The two series keep the same colours in both themes: bars in the
 * palette's blue, the official line in its orange. */
static const GdkRGBA own_color = { 0.21, 0.52, 0.89, 0.75 };
static const GdkRGBA official_color = { 0.90, 0.38, 0.0, 1.0 };
/* Weekly figures: a pale orange bar across the week, edged on top in the
 * line's orange, behind the day's bars so that neither hides the other. */
static const GdkRGBA weekly_color = { 0.90, 0.38, 0.0, 0.22 };
static const GdkRGBA weekly_edge_color = { 0.90, 0.38, 0.0, 0.85 };

#define MAX_LEGEND 3

void
tl_trend_chart_plot_area (TlTrendChart    *self,
                          graphene_rect_t *out_rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  graphene_rect_init (out_rect, PAD_LEFT, self->header,
                      MAX (1.0, width - PAD_LEFT - PAD_RIGHT),
                      MAX (1.0, height - self->header - PAD_BOTTOM));
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
 * official figures count the same thing, then the weekly bars if there
 * are weekly figures. Returns how many. */
static guint
legend_labels (TlTrendChart *self,
               const char   *out_labels[MAX_LEGEND])
{
  TlTrendPeriod period = self->trend != NULL ? tl_trend_get_period (self->trend) : TL_TREND_PERIOD_DAY;

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

  /* Weeks and months sum the official days they hold. */
  switch (period)
    {
    case TL_TREND_PERIOD_WEEK:
      /* Translators: legend of the trend chart's line, when its bars are weeks */
      out_labels[1] = _("Official figures, summed by week");
      break;
    case TL_TREND_PERIOD_MONTH:
      /* Translators: legend of the trend chart's line, when its bars are months */
      out_labels[1] = _("Official figures, summed by month");
      break;
    case TL_TREND_PERIOD_AUTO:
    case TL_TREND_PERIOD_DAY:
    default:
      /* Translators: legend of the trend chart's line */
      out_labels[1] = _("Official daily figure");
      break;
    }
  if (self->trend == NULL || !tl_trend_has_official_weeks (self->trend, self->measure))
    return 2;

  /* A week's bar stands at its figure spread over the bars it spans. */
  switch (period)
    {
    case TL_TREND_PERIOD_WEEK:
      /* Translators: legend of the trend chart's pale bars across whole weeks */
      out_labels[2] = _("Official weekly figure");
      break;
    case TL_TREND_PERIOD_MONTH:
      /* Translators: legend of the trend chart's pale bars across whole
       * weeks, when its bars are months: a week's figure times the weeks
       * in a month */
      out_labels[2] = _("Official weekly figure, at a monthly rate");
      break;
    case TL_TREND_PERIOD_AUTO:
    case TL_TREND_PERIOD_DAY:
    default:
      /* Translators: legend of the trend chart's pale bars across whole
       * weeks: a week's figure divided by its seven days */
      out_labels[2] = _("Official weekly figure, per day");
      break;
    }
  return 3;
}

/* Each item is a 16 px key, its label, and 18 px to the next, in rows
 * no wider than @max_width: an item that would go past it starts the
 * next row. Sets each item's x from the legend's left and its row, and
 * returns the number of rows. */
#define LEGEND_ROW_GAP 2

static guint
flow_legend (TlTrendChart *self,
             PangoLayout  *layout,
             int           max_width,
             double        out_x[MAX_LEGEND],
             guint         out_row[MAX_LEGEND],
             int          *out_width,
             int          *out_row_height)
{
  const char *labels[MAX_LEGEND];
  guint n = legend_labels (self, labels);
  guint row = 0;
  int x = 0;

  *out_width = *out_row_height = 0;
  for (guint i = 0; i < n; i++)
    {
      int width, height;

      pango_layout_set_text (layout, labels[i], -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      if (x > 0 && x + 18 + 16 + width > max_width)
        {
          row++;
          x = 0;
        }
      else if (x > 0)
        x += 18;
      out_x[i] = x;
      out_row[i] = row;
      x += 16 + width;
      *out_width = MAX (*out_width, x);
      *out_row_height = MAX (*out_row_height, height);
    }

  return row + 1;
}

static void
draw_legend (TlTrendChart *self,
             cairo_t      *cr,
             PangoLayout  *layout,
             double        left)
{
  const char *labels[MAX_LEGEND];
  guint n = legend_labels (self, labels);
  double xs[MAX_LEGEND];
  guint rows[MAX_LEGEND];
  int legend_width, row_height, width, height;

  flow_legend (self, layout, self->legend_wrap, xs, rows, &legend_width, &row_height);
  for (guint i = 0; i < n; i++)
    {
      double x = left + xs[i];
      double middle = self->legend_middle + rows[i] * (row_height + LEGEND_ROW_GAP);

      /* Bars are blue squares; the official line is orange with dots;
       * weekly bars pale orange with an orange top. */
      if (i == 0)
        {
          gdk_cairo_set_source_rgba (cr, &own_color);
          cairo_rectangle (cr, x, middle - 5, 10, 10);
        }
      else if (i == 2)
        {
          gdk_cairo_set_source_rgba (cr, &weekly_color);
          cairo_rectangle (cr, x - 1, middle - 5, 14, 10);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &weekly_edge_color);
          cairo_rectangle (cr, x - 1, middle - 5, 14, 2);
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
    }
}

/* The header above the plot, for @width (-1: wide enough): the switcher
 * at the top right, the legend to its left, or under both when they do
 * not fit side by side, in as many rows as the width needs. Returns its
 * height, gap to the plot included. On allocation (@out_legend_middle
 * given) it also sets how wide the legend's rows may be. */
int
tl_trend_chart_layout_header (TlTrendChart  *self,
                              int            width,
                              GtkAllocation *out_switcher,
                              double        *out_legend_middle)
{
  g_autoptr(PangoLayout) layout = create_caption_layout (GTK_WIDGET (self));
  int child_x, child_width, child_height, legend_width, row_height;
  int wrap = G_MAXINT;
  double legend_middle, xs[MAX_LEGEND];
  guint rows[MAX_LEGEND], n_rows;
  int header;

  gtk_widget_measure (self->switcher, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
  gtk_widget_measure (self->switcher, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
  flow_legend (self, layout, G_MAXINT, xs, rows, &legend_width, &row_height);
  child_x = width < 0 ? G_MAXINT / 2 : MAX (0, width - (int) PAD_RIGHT - child_width);
  header = child_height + HEADER_GAP;
  legend_middle = child_height / 2.0;
  if (PAD_LEFT + legend_width + 12 > child_x)
    {
      wrap = width < 0 ? G_MAXINT : MAX (1, width - (int) (PAD_LEFT + PAD_RIGHT));
      n_rows = flow_legend (self, layout, wrap, xs, rows, &legend_width, &row_height);
      legend_middle = child_height + 4 + row_height / 2.0;
      header += 4 + n_rows * row_height + (n_rows - 1) * LEGEND_ROW_GAP;
    }

  if (out_switcher != NULL)
    *out_switcher = (GtkAllocation) { child_x, 0, child_width, child_height };
  if (out_legend_middle != NULL)
    {
      *out_legend_middle = legend_middle;
      self->legend_wrap = wrap;
    }
  return header;
}

void
tl_trend_chart_draw (TlTrendChart *self,
                     GtkSnapshot  *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
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
  guint stride;
  GTimeZone *zone = self->review != NULL ? tl_review_get_zone (self->review) : NULL;
  TlTrendPeriod period;
  gboolean with_year;

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

  tl_trend_chart_plot_area (self, &area);
  n = tl_trend_get_n_days (self->trend);
  slot = area.size.width / n;
  period = tl_trend_get_period (self->trend);
  /* The year, when the dates would be read in the wrong one without it. */
  with_year = tl_trend_span_needs_year (zone, tl_trend_get_from (self->trend), tl_trend_get_to (self->trend),
                                        g_get_real_time () / G_USEC_PER_SEC);
  {
    /* The widest a label gets (“30 Sep”, “30 Sep 2026”, “Sep 2026”), and a gap. */
    g_autofree char *widest = tl_trend_period_label (zone, tl_trend_get_day (self->trend, 0)->start,
                                                     period, with_year);
    int label_width, label_height;
    guint per_label;

    pango_layout_set_text (layout, widest, -1);
    pango_layout_get_pixel_size (layout, &label_width, &label_height);
    /* Room for a longer month or day than the first one's. */
    per_label = (guint) ceil ((label_width * 1.25 + 12) / MAX (slot, 0.01));
    /* Days are labelled a week apart; weeks and months as they fit. */
    if (period != TL_TREND_PERIOD_DAY)
      stride = MAX (per_label, 1);
    else
      stride = per_label <= 7 ? 7 : (per_label + 6) / 7 * 7;
  }
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

  /* Official weekly figures behind the bars: a pale band across each
   * week, edged on top, clipped to the days shown. */
  for (guint w = 0; w < tl_trend_get_n_weeks (self->trend); w++)
    {
      const TlTrendWeek *week = tl_trend_get_week (self->trend, w);
      double value = tl_trend_week_get_bar (self->trend, week, self->measure);
      double x0 = area.origin.x + tl_trend_get_position (self->trend, week->start) * slot;
      double x1 = area.origin.x + tl_trend_get_position (self->trend, week->end) * slot;
      double h = area.size.height * value / (double) top;
      double y = area.origin.y + area.size.height - h;

      if (value < 0 || x1 <= x0)
        continue;
      /* A hair apart, so that two weeks side by side read as two. */
      x0 += MIN (1, (x1 - x0) / 4);
      x1 -= MIN (1, (x1 - x0) / 4);
      gdk_cairo_set_source_rgba (cr, &weekly_color);
      cairo_rectangle (cr, x0, y, x1 - x0, h);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &weekly_edge_color);
      cairo_rectangle (cr, x0, y - 1, x1 - x0, 2);
      cairo_fill (cr);
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

      /* A date every stride days counted back from the last, the stride
       * a whole number of weeks once the dates would touch. */
      if ((n - 1 - i) % stride == 0)
        {
          g_autofree char *label = tl_trend_period_label (zone, day->start, period, with_year);

          int label_width, label_height;
          double centre = x + slot / 2;

          /* Centred under its bar, but never cut by the widget's edge. */
          pango_layout_set_text (layout, label, -1);
          pango_layout_get_pixel_size (layout, &label_width, &label_height);
          centre = MIN (centre, width - label_width / 2.0 - 1);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
          draw_text (cr, layout, label, centre, area.origin.y + area.size.height + 3, 0.5);
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
