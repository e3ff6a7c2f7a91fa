/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The briefing's tables and trend: every report (its cells wrap, never
 * cut), a table by day for long windows, and the bars per hour or day. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <math.h>

#include "tl-briefing-private.h"
#include "tl-summary.h"
#include "tl-symbols.h"
#include "tl-time.h"
#include "tl-trend-period.h"
#include "tl-units.h"

#define HEADER_HEIGHT 14.0
#define DAY_ROW_HEIGHT 14.0

/* The widths add up to the content width of an A4 page. */
static const struct { const char *heading; double width; } columns[TL_BRIEFING_N_COLUMNS] = {
  [TL_BRIEFING_COLUMN_TIME] = { N_("Time"), 56 },
  [TL_BRIEFING_COLUMN_CASE] = { N_("Case"), 36 },
  [TL_BRIEFING_COLUMN_KIND] = { N_("Kind"), 58 },
  [TL_BRIEFING_COLUMN_PLACE] = { N_("Place"), 104 },
  [TL_BRIEFING_COLUMN_COUNTS] = { N_("Counts"), 112 },
  [TL_BRIEFING_COLUMN_UNIT] = { N_("Unit"), 104 },
  [TL_BRIEFING_COLUMN_STATUS] = { N_("Status"), 53.28 },
};

/* The table by day: a date, then the summary's figures. */
static const TlSummaryFigure day_figures[] = {
  TL_SUMMARY_BOATS_AT_SEA, TL_SUMMARY_PREVENTED, TL_SUMMARY_PEOPLE_AT_SEA, TL_SUMMARY_RESCUED,
  TL_SUMMARY_LANDED_UK, TL_SUMMARY_RETURNED_FR, TL_SUMMARY_DECEASED, TL_SUMMARY_MISSING,
};
#define DAY_DATE_WIDTH 78.0

/* helpers */

/* "2 boats · 55 people · 53 rescued": only the counts a report gives. */
static void
append_count (GString    *out,
              int         value,
              const char *text)
{
  if (value < 0)
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, text);
}

static char *
format_counts (TlEvent *event)
{
  GString *out = g_string_new (NULL);
  int boats = tl_event_get_boats (event), people = tl_event_get_people (event);
  int rescued = tl_event_get_rescued (event), deceased = tl_event_get_deceased (event);
  int missing = tl_event_get_missing (event);
  g_autofree char *b = g_strdup_printf (ngettext ("%d boat", "%d boats", boats), boats);
  g_autofree char *p = g_strdup_printf (ngettext ("%d person", "%d people", people), people);
  /* Translators: people rescued, in the briefing's table */
  g_autofree char *r = g_strdup_printf (ngettext ("%d rescued", "%d rescued", rescued), rescued);
  g_autofree char *d = g_strdup_printf (ngettext ("%d deceased", "%d deceased", deceased), deceased);
  g_autofree char *m = g_strdup_printf (ngettext ("%d missing", "%d missing", missing), missing);

  append_count (out, boats, b);
  append_count (out, people, p);
  append_count (out, rescued, r);
  append_count (out, deceased, d);
  append_count (out, missing, m);
  return g_string_free (out, FALSE);
}

/* The height of a row: its tallest wrapped cell, and the padding. */
static double
measure_row (TlBriefing *b,
             char      **cells)
{
  double height = 0;

  for (guint c = 0; c < TL_BRIEFING_N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = tl_briefing_layout (b, cells[c], TL_BRIEFING_CELL_SIZE, FALSE,
                                                          columns[c].width - 2 * TL_BRIEFING_CELL_PAD,
                                                          TL_BRIEFING_ALIGN_LEFT, TRUE);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      height = MAX (height, (double) h / PANGO_SCALE);
    }
  return height + 2 * TL_BRIEFING_CELL_PAD;
}

static double
table_top (void)
{
  return TL_BRIEFING_CONTENT_TOP + 30;
}

static double
draw_list_header (TlBriefing *b,
                  double      y)
{
  cairo_t *cr = b->cr;
  double x = TL_BRIEFING_MARGIN;
  const char *time = _(columns[0].heading);
  double height = HEADER_HEIGHT;

  for (guint c = 0; c < TL_BRIEFING_N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = tl_briefing_layout (b, c == 0 ? time : _(columns[c].heading), 7.5, TRUE,
                                                          columns[c].width - 2 * TL_BRIEFING_CELL_PAD,
                                                          TL_BRIEFING_ALIGN_LEFT, TRUE);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      height = MAX (height, (double) h / PANGO_SCALE + 2 * TL_BRIEFING_CELL_PAD);
    }
  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  cairo_rectangle (cr, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < TL_BRIEFING_N_COLUMNS; c++)
    {
      tl_briefing_text (b, c == 0 ? time : _(columns[c].heading), 7.5, TRUE, x + TL_BRIEFING_CELL_PAD,
                        y + TL_BRIEFING_CELL_PAD, columns[c].width - 2 * TL_BRIEFING_CELL_PAD,
                        TL_BRIEFING_ALIGN_LEFT, TRUE);
      x += columns[c].width;
    }
  return y + height;
}

/* The day's figures, computed once for all the pages that show them. */
static void
day_summaries (TlBriefing *b,
               TlSummary  *out)
{
  guint day = 0, start = 0;

  for (guint i = 0; i <= b->events->len; i++)
    {
      gint64 t = i < b->events->len ? tl_event_get_time (g_ptr_array_index (b->events, i)) : G_MAXINT64;

      while (day < b->n_days && t >= g_array_index (b->day_starts, gint64, day + 1))
        {
          g_autoptr(GPtrArray) slice = g_ptr_array_new ();

          for (guint j = start; j < i; j++)
            g_ptr_array_add (slice, g_ptr_array_index (b->events, j));
          tl_summary_compute (slice, &out[day]);
          start = i;
          day++;
        }
      if (day >= b->n_days)
        break;
    }
}

/* private API */

double
tl_briefing_column_width (TlBriefingColumn column)
{
  g_return_val_if_fail (column < TL_BRIEFING_N_COLUMNS, 0);
  return columns[column].width;
}

/**
 * tl_briefing_row_cells:
 *
 * Returns: (transfer full): the cells of @event's row, one per column
 */
char **
tl_briefing_row_cells (TlBriefing *b,
                       TlEvent    *event)
{
  char **cells = g_new0 (char *, TL_BRIEFING_N_COLUMNS + 1);
  const char *place = tl_event_get_place (event);
  char *unit = tl_units_describe (tl_event_get_unit (event));

  /* Translators: the time of a report in the briefing's table, see strftime */
  cells[TL_BRIEFING_COLUMN_TIME] = tl_time_format (b->zone, tl_event_get_time (event), _("%-d %b %H:%M"));
  cells[TL_BRIEFING_COLUMN_CASE] = tl_event_get_case_id (event) > 0
                                   ? g_strdup_printf ("%" PRId64, tl_event_get_case_id (event)) : g_strdup ("—");
  cells[TL_BRIEFING_COLUMN_KIND] = g_strdup (tl_event_kind_get_label (tl_event_get_kind (event)));
  cells[TL_BRIEFING_COLUMN_PLACE] = g_strdup (place != NULL ? place : "");
  cells[TL_BRIEFING_COLUMN_COUNTS] = format_counts (event);
  cells[TL_BRIEFING_COLUMN_UNIT] = unit != NULL ? unit : g_strdup ("");
  cells[TL_BRIEFING_COLUMN_STATUS] = g_strdup (tl_event_status_get_label (tl_event_get_status (event)));
  return cells;
}

/* Breaks the list into pages by the measured height of each row. */
void
tl_briefing_plan_list (TlBriefing *b,
                       gboolean    annex)
{
  TlBriefingPage page = { .kind = TL_BRIEFING_PAGE_LIST, .annex = annex };
  double y = table_top () + HEADER_HEIGHT + 6; /* the header may wrap: keep room */

  for (guint i = 0; i < b->events->len; i++)
    {
      g_auto(GStrv) cells = tl_briefing_row_cells (b, g_ptr_array_index (b->events, i));
      double height = measure_row (b, cells);

      if (y + height > TL_BRIEFING_CONTENT_BOTTOM && i > page.first)
        {
          page.last = i;
          g_array_append_val (b->pages, page);
          page.first = i;
          y = table_top () + HEADER_HEIGHT + 6;
        }
      y += height;
    }
  /* One page even when empty, to say so. */
  page.last = b->events->len;
  g_array_append_val (b->pages, page);
}

void
tl_briefing_plan_days (TlBriefing *b)
{
  guint per_page = (guint) ((TL_BRIEFING_CONTENT_BOTTOM - table_top () - 2 * DAY_ROW_HEIGHT - 30) / DAY_ROW_HEIGHT);

  for (guint first = 0; first < b->n_days; first += per_page)
    {
      TlBriefingPage page = { .kind = TL_BRIEFING_PAGE_DAYS, .first = first,
                              .last = MIN (first + per_page, b->n_days) };

      g_array_append_val (b->pages, page);
    }
}

void
tl_briefing_draw_list (TlBriefing           *b,
                       const TlBriefingPage *page)
{
  cairo_t *cr = b->cr;
  double y;
  g_autofree char *heading = page->annex
                             /* Translators: the heading of the briefing's annex, with the zone of its times */
                             ? g_strdup_printf (_("Annex: every report (times in %s)"), tl_briefing_zone_name (b))
                             /* Translators: the heading of the briefing's table, with the zone of its times */
                             : g_strdup_printf (_("Reports (times in %s)"), tl_briefing_zone_name (b));

  tl_briefing_heading (b, heading, TL_BRIEFING_CONTENT_TOP + 4);
  y = draw_list_header (b, table_top ());

  if (b->events->len == 0)
    tl_briefing_text (b, _("No reports in this window."), 9, FALSE, TL_BRIEFING_MARGIN + 2, y + 4,
                      TL_BRIEFING_CONTENT_WIDTH, TL_BRIEFING_ALIGN_LEFT, FALSE);

  for (guint i = page->first; i < page->last; i++)
    {
      g_auto(GStrv) cells = tl_briefing_row_cells (b, g_ptr_array_index (b->events, i));
      double height = measure_row (b, cells), x = TL_BRIEFING_MARGIN;

      if ((i - page->first) % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
          cairo_rectangle (cr, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH, height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      for (guint c = 0; c < TL_BRIEFING_N_COLUMNS; c++)
        {
          tl_briefing_text (b, cells[c], TL_BRIEFING_CELL_SIZE, FALSE, x + TL_BRIEFING_CELL_PAD,
                            y + TL_BRIEFING_CELL_PAD, columns[c].width - 2 * TL_BRIEFING_CELL_PAD,
                            TL_BRIEFING_ALIGN_LEFT, TRUE);
          x += columns[c].width;
        }
      y += height;
    }
}

void
tl_briefing_draw_days (TlBriefing           *b,
                       const TlBriefingPage *page)
{
  cairo_t *cr = b->cr;
  g_autofree TlSummary *days = g_new0 (TlSummary, b->n_days);
  double column = (TL_BRIEFING_CONTENT_WIDTH - DAY_DATE_WIDTH) / G_N_ELEMENTS (day_figures);
  double y = table_top (), x, header = 2 * DAY_ROW_HEIGHT;
  TlSummary total = { { 0 } };
  /* Translators: the date column of the briefing's table by day, with the zone of its days */
  g_autofree char *date_heading = g_strdup_printf (_("Day (%s)"), tl_briefing_zone_name (b));

  tl_briefing_heading (b, _("Reports by day"), TL_BRIEFING_CONTENT_TOP + 4);
  day_summaries (b, days);

  cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
  cairo_rectangle (cr, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH, header);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  tl_briefing_text (b, date_heading, 7.5, TRUE, TL_BRIEFING_MARGIN + TL_BRIEFING_CELL_PAD, y + TL_BRIEFING_CELL_PAD,
                    DAY_DATE_WIDTH - 2 * TL_BRIEFING_CELL_PAD, TL_BRIEFING_ALIGN_LEFT, TRUE);
  for (guint f = 0; f < G_N_ELEMENTS (day_figures); f++)
    tl_briefing_text (b, tl_summary_figure_get_label (day_figures[f]), 7.5, TRUE,
                      TL_BRIEFING_MARGIN + DAY_DATE_WIDTH + f * column + TL_BRIEFING_CELL_PAD, y + TL_BRIEFING_CELL_PAD,
                      column - 2 * TL_BRIEFING_CELL_PAD, TL_BRIEFING_ALIGN_RIGHT, TRUE);
  y += header;

  for (guint d = page->first; d < page->last; d++)
    {
      /* Translators: a day in the briefing's table by day, see strftime */
      g_autofree char *date = tl_time_format (b->zone, g_array_index (b->day_starts, gint64, d), _("%a %-d %b %Y"));

      if ((d - page->first) % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
          cairo_rectangle (cr, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH, DAY_ROW_HEIGHT);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      x = TL_BRIEFING_MARGIN;
      tl_briefing_text (b, date, TL_BRIEFING_CELL_SIZE, FALSE, x + TL_BRIEFING_CELL_PAD, y + 3,
                        DAY_DATE_WIDTH - 2 * TL_BRIEFING_CELL_PAD, TL_BRIEFING_ALIGN_LEFT, FALSE);
      for (guint f = 0; f < G_N_ELEMENTS (day_figures); f++)
        {
          g_autofree char *value = g_strdup_printf ("%" PRId64, days[d].values[day_figures[f]]);

          tl_briefing_text (b, value, TL_BRIEFING_CELL_SIZE, FALSE,
                            x + DAY_DATE_WIDTH + f * column + TL_BRIEFING_CELL_PAD, y + 3,
                            column - 2 * TL_BRIEFING_CELL_PAD, TL_BRIEFING_ALIGN_RIGHT, FALSE);
        }
      y += DAY_ROW_HEIGHT;
    }

  /* The window's total under the last day. */
  if (page->last == b->n_days)
    {
      tl_summary_compute (b->events, &total);
      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, TL_BRIEFING_MARGIN, y + 0.5);
      cairo_line_to (cr, TL_BRIEFING_MARGIN + TL_BRIEFING_CONTENT_WIDTH, y + 0.5);
      cairo_stroke (cr);
      tl_briefing_text (b, _("Total"), TL_BRIEFING_CELL_SIZE, TRUE, TL_BRIEFING_MARGIN + TL_BRIEFING_CELL_PAD, y + 3,
                        DAY_DATE_WIDTH, TL_BRIEFING_ALIGN_LEFT, FALSE);
      for (guint f = 0; f < G_N_ELEMENTS (day_figures); f++)
        {
          g_autofree char *value = g_strdup_printf ("%" PRId64, total.values[day_figures[f]]);

          tl_briefing_text (b, value, TL_BRIEFING_CELL_SIZE, TRUE,
                            TL_BRIEFING_MARGIN + DAY_DATE_WIDTH + f * column + TL_BRIEFING_CELL_PAD, y + 3,
                            column - 2 * TL_BRIEFING_CELL_PAD, TL_BRIEFING_ALIGN_RIGHT, FALSE);
        }
      y += DAY_ROW_HEIGHT + 8;
      if (b->options->annex)
        tl_briefing_text (b, _("Every report of the window is listed in the annex."), 8, FALSE,
                          TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH, TL_BRIEFING_ALIGN_LEFT, TRUE);
    }
}

/* A round step (1, 2 or 5 × 10ⁿ) for about five gridlines up to @max. */
static guint
nice_step (guint max)
{
  guint step = 1;

  for (;;)
    {
      if (max / step <= 5)
        return step;
      if (max / (step * 2) <= 5)
        return step * 2;
      if (max / (step * 5) <= 5)
        return step * 5;
      step *= 10;
    }
}

/* The chart's heading: what a bar counts, and the years when the dates
 * alone would be read in the wrong one. */
static char *
trend_heading (TlBriefing    *b,
               gboolean       hourly,
               TlTrendPeriod  period,
               gboolean       with_year)
{
  const char *what;
  g_autofree char *years = NULL;

  if (hourly)
    what = _("Reports per Hour");
  else if (period == TL_TREND_PERIOD_WEEK)
    what = _("Reports per Week");
  else if (period == TL_TREND_PERIOD_MONTH)
    what = _("Reports per Month");
  else
    what = _("Reports per Day");
  if (!with_year)
    return g_strdup (what);
  years = tl_trend_span_years (b->zone, b->options->from, b->options->to);
  /* Translators: a chart's heading and the years it covers, “Reports per Week, 2025–2026” */
  return g_strdup_printf (_("%s, %s"), what, years);
}

void
tl_briefing_draw_trend (TlBriefing *b)
{
  cairo_t *cr = b->cr;
  g_autoptr(GArray) starts = NULL;
  g_autofree guint *counts = NULL;
  g_autofree char *heading = NULL;
  guint n_buckets, max_total = 0, step, top_value, label_every;
  /* Hours for a window of two days or less, where one bar a day says
   * nothing, unless days are asked for; days, weeks or months otherwise. */
  gboolean hourly = b->n_days <= 2 && b->options->trend_period == TL_TREND_PERIOD_AUTO;
  TlTrendPeriod period = tl_trend_period_choose (b->options->trend_period, b->n_days);
  gboolean with_year = tl_trend_span_needs_year (b->zone, b->options->from, b->options->to,
                                                 tl_briefing_created_at (b));
  double top, left = TL_BRIEFING_MARGIN + 30, chart_w = TL_BRIEFING_CONTENT_WIDTH - 30, chart_h = 320, bar_w;
  double label_w = 36;

  heading = trend_heading (b, hourly, period, with_year);
  top = tl_briefing_heading (b, heading, TL_BRIEFING_CONTENT_TOP + 4) + 20;

  if (hourly)
    {
      starts = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (gint64 t = b->options->from; t < b->options->to && starts->len < 49; t += 3600)
        g_array_append_val (starts, t);
      g_array_append_val (starts, b->options->to);
    }
  else
    starts = tl_trend_period_starts (b->zone, b->options->from, b->options->to, period);
  n_buckets = starts->len - 1;
  counts = g_new0 (guint, n_buckets * TL_EVENT_N_KINDS);
  /* Both sorted by time: one pass. */
  for (guint i = 0, k = 0; i < b->events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (b->events, i);
      gint64 t = tl_event_get_time (event);

      while (k < n_buckets && t >= g_array_index (starts, gint64, k + 1))
        k++;
      if (k < n_buckets && t >= g_array_index (starts, gint64, k))
        counts[k * TL_EVENT_N_KINDS + tl_event_get_kind (event)]++;
    }
  for (guint k = 0; k < n_buckets; k++)
    {
      guint total = 0;

      for (guint kind = 0; kind < TL_EVENT_N_KINDS; kind++)
        total += counts[k * TL_EVENT_N_KINDS + kind];
      max_total = MAX (max_total, total);
    }
  step = nice_step (MAX (max_total, 1));
  top_value = (MAX (max_total, 1) + step - 1) / step * step;

  /* Gridlines at every step, each with its value. */
  cairo_set_line_width (cr, 0.5);
  for (guint v = 0; v <= top_value; v += step)
    {
      double gy = top + chart_h - chart_h * v / top_value;
      g_autofree char *label = g_strdup_printf ("%u", v);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, left, gy);
      cairo_line_to (cr, left + chart_w, gy);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      tl_briefing_text (b, label, 7, FALSE, TL_BRIEFING_MARGIN, gy - 5, 26, TL_BRIEFING_ALIGN_RIGHT, FALSE);
    }

  if (!hourly)
    {
      /* As wide as the widest label, the year included, and a gap. */
      for (guint k = 0; k < n_buckets; k++)
        {
          g_autofree char *label = tl_trend_period_label (b->zone, g_array_index (starts, gint64, k),
                                                          period, with_year);
          g_autoptr(PangoLayout) layout = tl_briefing_layout (b, label, 6.5, FALSE, -1,
                                                              TL_BRIEFING_ALIGN_LEFT, FALSE);
          int w, h;

          pango_layout_get_size (layout, &w, &h);
          label_w = MAX (label_w, (double) w / PANGO_SCALE + 6);
        }
    }
  bar_w = chart_w / n_buckets;
  /* As many labels as fit, at a regular interval. */
  label_every = MAX (1u, (guint) ceil (n_buckets * label_w / chart_w));
  for (guint k = 0; k < n_buckets; k++)
    {
      double y = top + chart_h;

      for (guint kind = 0; kind < TL_EVENT_N_KINDS; kind++)
        {
          guint n = counts[k * TL_EVENT_N_KINDS + kind];
          double h = chart_h * n / top_value, r, g, bl;

          if (n == 0)
            continue;
          tl_symbol_get_colour (kind, &r, &g, &bl);
          cairo_set_source_rgb (cr, r, g, bl);
          cairo_rectangle (cr, left + k * bar_w + bar_w * 0.12, y - h, bar_w * 0.76, h);
          cairo_fill (cr);
          y -= h;
        }
      if (k % label_every == 0)
        {
          g_autofree char *label = hourly
            /* Translators: labels under the trend chart, see strftime */
            ? tl_time_format (b->zone, g_array_index (starts, gint64, k), _("%H:%M"))
            : tl_trend_period_label (b->zone, g_array_index (starts, gint64, k), period, with_year);

          cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          tl_briefing_text (b, label, 6.5, FALSE, left + (k + 0.5) * bar_w - label_w / 2, top + chart_h + 3,
                            label_w, TL_BRIEFING_ALIGN_CENTRE, FALSE);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, left, top + chart_h);
  cairo_line_to (cr, left + chart_w, top + chart_h);
  cairo_stroke (cr);
  {
    /* Translators: under the trend chart: the zone its hours or days are in */
    g_autofree char *zone = g_strdup_printf (_("Times in %s"), tl_briefing_zone_name (b));

    tl_briefing_text (b, zone, 7, FALSE, left, top + chart_h + 14, chart_w, TL_BRIEFING_ALIGN_RIGHT, FALSE);
  }

  /* Legend. */
  for (guint kind = 0; kind < TL_EVENT_N_KINDS; kind++)
    {
      double lx = TL_BRIEFING_MARGIN + (kind % 3) * (TL_BRIEFING_CONTENT_WIDTH / 3);
      double ly = top + chart_h + 30 + (kind / 3) * 14;
      double r, g, bl;

      tl_symbol_get_colour (kind, &r, &g, &bl);
      cairo_set_source_rgb (cr, r, g, bl);
      cairo_rectangle (cr, lx, ly + 1, 9, 9);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      tl_briefing_text (b, tl_event_kind_get_label (kind), 8, FALSE, lx + 13, ly, TL_BRIEFING_CONTENT_WIDTH / 3 - 15,
                        TL_BRIEFING_ALIGN_LEFT, FALSE);
    }
}
