/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <unistd.h>

#include "tl-briefing.h"
#include "tl-snapshot.h"
#include "tl-summary.h"
#include "tl-symbols.h"
#include "tl-time.h"

/* The page, in points. Every page keeps room for the marking bands, with
 * or without a marking, so that the page count never depends on it. */
#define MARGIN        36.0
#define BAND_HEIGHT   18.0
#define FOOTER_HEIGHT 16.0
#define HEADING_SIZE  18.0
#define ROW_HEIGHT    13.0
#define TABLE_TOP     (MARGIN + BAND_HEIGHT + 40.0)
#define CONTENT_BOTTOM (TL_BRIEFING_PAGE_HEIGHT - MARGIN - BAND_HEIGHT - FOOTER_HEIGHT)
/* One header row, then the rows that fit under it. */
#define ROWS_PER_PAGE ((guint) ((CONTENT_BOTTOM - TABLE_TOP) / ROW_HEIGHT) - 1)

#define CONTENT_WIDTH (TL_BRIEFING_PAGE_WIDTH - 2 * MARGIN)

typedef struct {
  cairo_t                 *cr;
  const TlBriefingOptions *options;
  GPtrArray               *events;   /* sorted by time; owned */
  GTimeZone               *zone;     /* owned */
  guint                    n_pages;
} Briefing;

typedef enum {
  ALIGN_LEFT,
  ALIGN_CENTRE,
  ALIGN_RIGHT,
} Align;

G_DEFINE_QUARK (tl-briefing-error-quark, tl_briefing_error)

/* helpers */

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  gint64 ta = tl_event_get_time (*(TlEvent **) a);
  gint64 tb = tl_event_get_time (*(TlEvent **) b);

  return ta < tb ? -1 : ta > tb;
}

/* Sets one line (or a wrapped block when @wrap) of text at (x, y), its top
 * edge; returns its height. Text wider than @width is cut with an
 * ellipsis rather than run into the next column. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      width,
           Align       align,
           gboolean    wrap)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();
  int w, h;

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (wrap)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align == ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                      : align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);

  return (double) h / PANGO_SCALE;
}

static char *
window_text (Briefing *b)
{
  /* Translators: a time in the briefing's time window line, see strftime */
  g_autofree char *from = tl_time_format (b->zone, b->options->from, _("%a %-d %b %Y %H:%M"));
  g_autofree char *to = tl_time_format (b->zone, b->options->to, _("%a %-d %b %Y %H:%M"));

  /* Translators: the time window of a briefing, from – to */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static gint64
created_at (const TlBriefingOptions *options)
{
  return options->created_at != 0 ? options->created_at : g_get_real_time () / G_USEC_PER_SEC;
}

/* The frame of every page: marking bands, generation line, page number. */
static void
draw_frame (Briefing *b,
            guint     page)
{
  cairo_t *cr = b->cr;
  const char *marking = b->options->marking;
  g_autofree char *when = tl_time_format (b->zone, created_at (b->options), _("%-d %B %Y %H:%M %Z"));
  g_autofree char *generated = NULL;
  g_autofree char *number = NULL;
  double footer_y = TL_BRIEFING_PAGE_HEIGHT - MARGIN - BAND_HEIGHT - FOOTER_HEIGHT + 4;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (marking != NULL && marking[0] != '\0')
    {
      draw_text (cr, marking, 11, TRUE, MARGIN, MARGIN, CONTENT_WIDTH, ALIGN_CENTRE, FALSE);
      draw_text (cr, marking, 11, TRUE, MARGIN, TL_BRIEFING_PAGE_HEIGHT - MARGIN - BAND_HEIGHT + 4,
                 CONTENT_WIDTH, ALIGN_CENTRE, FALSE);
    }

  if (b->options->operator_name != NULL && b->options->operator_name[0] != '\0')
    /* Translators: the footer of every briefing page: when, and by whom */
    generated = g_strdup_printf (_("Generated %s by %s"), when, b->options->operator_name);
  else
    /* Translators: the footer of every briefing page */
    generated = g_strdup_printf (_("Generated %s"), when);
  /* Translators: the page number at the foot of every briefing page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, b->n_pages);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, footer_y - 3);
  cairo_line_to (cr, TL_BRIEFING_PAGE_WIDTH - MARGIN, footer_y - 3);
  cairo_stroke (cr);
  draw_text (cr, generated, 7.5, FALSE, MARGIN, footer_y, CONTENT_WIDTH * 0.7, ALIGN_LEFT, FALSE);
  draw_text (cr, number, 7.5, FALSE, MARGIN, footer_y, CONTENT_WIDTH, ALIGN_RIGHT, FALSE);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static double
draw_heading (Briefing   *b,
              const char *heading)
{
  double y = MARGIN + BAND_HEIGHT;

  return y + draw_text (b->cr, heading, HEADING_SIZE * 0.8, TRUE, MARGIN, y, CONTENT_WIDTH, ALIGN_LEFT, FALSE) + 8;
}

static gboolean
draw_cover (Briefing  *b,
            GError   **error)
{
  cairo_t *cr = b->cr;
  const TlBriefingOptions *o = b->options;
  g_autofree char *window = window_text (b);
  TlSnapshotOptions map;
  TlSummary summary;
  double y = MARGIN + BAND_HEIGHT, map_height = 430;
  double cell_w = CONTENT_WIDTH / 3, cell_h = 38;

  y += draw_text (cr, o->title && o->title[0] ? o->title : _("Briefing"), HEADING_SIZE, TRUE,
                  MARGIN, y, CONTENT_WIDTH, ALIGN_LEFT, TRUE) + 2;
  y += draw_text (cr, o->subtitle && o->subtitle[0] ? o->subtitle : window, 10, FALSE,
                  MARGIN, y, CONTENT_WIDTH, ALIGN_LEFT, TRUE) + 10;

  /* The map keeps its own legend and scale; the marking is the page's. */
  tl_snapshot_options_init (&map);
  map.bbox = o->bbox;
  map.width_px = (int) CONTENT_WIDTH;
  map.height_px = (int) map_height;
  map.from = o->from;
  map.to = o->to;
  map.event_kinds = o->event_kinds;
  map.operator_name = o->operator_name;
  map.created_at = created_at (o);
  map.time_zone = b->zone;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  cairo_rectangle (cr, 0, 0, map.width_px, map.height_px);
  cairo_clip (cr);
  if (!tl_snapshot_render (cr, map.width_px, map.height_px, &map, b->events, error))
    {
      cairo_restore (cr);
      return FALSE;
    }
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, MARGIN, y, map.width_px, map.height_px);
  cairo_stroke (cr);
  y += map_height + 14;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, _("Figures"), 12, TRUE, MARGIN, y, CONTENT_WIDTH, ALIGN_LEFT, FALSE) + 6;
  tl_summary_compute (b->events, &summary);
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    {
      double x = MARGIN + (i % 3) * cell_w, cy = y + (i / 3) * cell_h;
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, summary.values[i]);

      cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
      cairo_rectangle (cr, x + 2, cy + 2, cell_w - 4, cell_h - 4);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, value, 14, TRUE, x + 8, cy + 5, cell_w - 16, ALIGN_LEFT, FALSE);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_text (cr, tl_summary_figure_get_label (i), 8, FALSE, x + 8, cy + 23, cell_w - 16, ALIGN_LEFT, FALSE);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  return TRUE;
}

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

static const struct { const char *heading; double width; } columns[] = {
  { N_("Time"), 66 }, { N_("Kind"), 66 }, { N_("Place"), 100 },
  { N_("Counts"), 145 }, { N_("Unit"), 92 }, { N_("Status"), 54 },
};

static void
draw_table (Briefing *b,
            guint     table_page)
{
  cairo_t *cr = b->cr;
  guint first = table_page * ROWS_PER_PAGE;
  guint last = MIN (first + ROWS_PER_PAGE, b->events->len);
  double y = TABLE_TOP, x;

  draw_heading (b, _("Reports"));

  /* The header repeats on every page of the table. */
  cairo_set_source_rgb (cr, 0.88, 0.9, 0.93);
  cairo_rectangle (cr, MARGIN, y, CONTENT_WIDTH, ROW_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  x = MARGIN;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      draw_text (cr, _(columns[c].heading), 8, TRUE, x + 2, y + 2, columns[c].width - 4, ALIGN_LEFT, FALSE);
      x += columns[c].width;
    }
  y += ROW_HEIGHT;

  if (b->events->len == 0)
    draw_text (cr, _("No reports in this window."), 9, FALSE, MARGIN + 2, y + 4, CONTENT_WIDTH,
               ALIGN_LEFT, FALSE);

  for (guint i = first; i < last; i++)
    {
      TlEvent *event = g_ptr_array_index (b->events, i);
      /* Translators: the time of a report in the briefing's table, see strftime */
      g_autofree char *time = tl_time_format (b->zone, tl_event_get_time (event), _("%-d %b %H:%M"));
      g_autofree char *counts = format_counts (event);
      const char *cells[] = {
        time, tl_event_kind_get_label (tl_event_get_kind (event)), tl_event_get_place (event),
        counts, tl_event_get_unit (event), tl_event_status_get_label (tl_event_get_status (event)),
      };

      if ((i - first) % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
          cairo_rectangle (cr, MARGIN, y, CONTENT_WIDTH, ROW_HEIGHT);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      x = MARGIN;
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          draw_text (cr, cells[c] ? cells[c] : "", 7.5, FALSE, x + 2, y + 2, columns[c].width - 4,
                     ALIGN_LEFT, FALSE);
          x += columns[c].width;
        }
      y += ROW_HEIGHT;
    }
}

/* Hours for a window of two days or less, where one bar a day says
 * nothing; days otherwise. */
static void
trend_buckets (Briefing *b,
               GArray   *starts)
{
  gint64 t = b->options->from;
  gboolean hourly = b->options->to - b->options->from <= 2 * 24 * 3600;

  while (t < b->options->to && starts->len < 400)
    {
      g_array_append_val (starts, t);
      t = hourly ? t + 3600 : tl_time_shift_days (b->zone, t, 1);
    }
  g_array_append_val (starts, b->options->to);
}

static void
draw_trend (Briefing *b)
{
  cairo_t *cr = b->cr;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint *counts = NULL;
  guint n_buckets, max_total = 0, step;
  gboolean hourly = b->options->to - b->options->from <= 2 * 24 * 3600;
  double top, left = MARGIN + 30, chart_w = CONTENT_WIDTH - 30, chart_h = 320, bar_w;

  top = draw_heading (b, hourly ? _("Reports per Hour") : _("Reports per Day")) + 20;

  trend_buckets (b, starts);
  n_buckets = starts->len - 1;
  counts = g_new0 (guint, n_buckets * TL_EVENT_N_KINDS);
  for (guint i = 0; i < b->events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (b->events, i);
      gint64 t = tl_event_get_time (event);

      for (guint k = 0; k < n_buckets; k++)
        if (t >= g_array_index (starts, gint64, k) && t < g_array_index (starts, gint64, k + 1))
          {
            counts[k * TL_EVENT_N_KINDS + tl_event_get_kind (event)]++;
            break;
          }
    }
  for (guint k = 0; k < n_buckets; k++)
    {
      guint total = 0;

      for (guint kind = 0; kind < TL_EVENT_N_KINDS; kind++)
        total += counts[k * TL_EVENT_N_KINDS + kind];
      max_total = MAX (max_total, total);
    }
  max_total = MAX (max_total, 1);

  /* Axis and gridlines at round numbers. */
  step = max_total <= 5 ? 1 : max_total <= 20 ? 5 : max_total <= 100 ? 20 : 100;
  cairo_set_line_width (cr, 0.5);
  for (guint v = 0; v <= max_total; v += step)
    {
      double gy = top + chart_h - chart_h * v / max_total;
      g_autofree char *label = g_strdup_printf ("%u", v);

      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_move_to (cr, left, gy);
      cairo_line_to (cr, left + chart_w, gy);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      draw_text (cr, label, 7, FALSE, MARGIN, gy - 5, 26, ALIGN_RIGHT, FALSE);
    }

  bar_w = chart_w / n_buckets;
  for (guint k = 0; k < n_buckets; k++)
    {
      double y = top + chart_h;

      for (guint kind = 0; kind < TL_EVENT_N_KINDS; kind++)
        {
          guint n = counts[k * TL_EVENT_N_KINDS + kind];
          double h = chart_h * n / max_total, r, g, bl;

          if (n == 0)
            continue;
          tl_symbol_get_colour (kind, &r, &g, &bl);
          cairo_set_source_rgb (cr, r, g, bl);
          cairo_rectangle (cr, left + k * bar_w + bar_w * 0.12, y - h, bar_w * 0.76, h);
          cairo_fill (cr);
          y -= h;
        }
      /* Label as many buckets as fit, evenly. */
      if (k % MAX (1u, (guint) ceil (n_buckets * 34.0 / chart_w)) == 0)
        {
          g_autofree char *label = tl_time_format (b->zone, g_array_index (starts, gint64, k),
                                                   /* Translators: labels under the trend chart, see strftime */
                                                   hourly ? _("%H:%M") : _("%-d %b"));

          cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
          draw_text (cr, label, 6.5, FALSE, left + k * bar_w - 10, top + chart_h + 3, 40,
                     ALIGN_LEFT, FALSE);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, left, top + chart_h);
  cairo_line_to (cr, left + chart_w, top + chart_h);
  cairo_stroke (cr);

  /* Legend. */
  for (guint kind = 0; kind < TL_EVENT_N_KINDS; kind++)
    {
      double lx = MARGIN + (kind % 3) * (CONTENT_WIDTH / 3), ly = top + chart_h + 26 + (kind / 3) * 14;
      double r, g, bl;

      tl_symbol_get_colour (kind, &r, &g, &bl);
      cairo_set_source_rgb (cr, r, g, bl);
      cairo_rectangle (cr, lx, ly + 1, 9, 9);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, tl_event_kind_get_label (kind), 8, FALSE, lx + 13, ly, CONTENT_WIDTH / 3 - 15,
                 ALIGN_LEFT, FALSE);
    }
}

static gboolean
validate (const TlBriefingOptions  *options,
          GError                  **error)
{
  if (options->from == TL_TIME_NONE || options->to == TL_TIME_NONE || options->to <= options->from)
    {
      g_set_error_literal (error, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_INVALID,
                           _("A briefing needs a time window that ends after it starts"));
      return FALSE;
    }
  return TRUE;
}

static void
briefing_init (Briefing                *b,
               cairo_t                 *cr,
               const TlBriefingOptions *options,
               GPtrArray               *events)
{
  b->cr = cr;
  b->options = options;
  b->events = events ? g_ptr_array_copy (events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL)
                     : g_ptr_array_new ();
  g_ptr_array_set_free_func (b->events, g_object_unref);
  g_ptr_array_sort (b->events, compare_time);
  b->zone = options->time_zone ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();
  b->n_pages = tl_briefing_count_pages (b->events->len);
}

static void
briefing_clear (Briefing *b)
{
  g_clear_pointer (&b->events, g_ptr_array_unref);
  g_clear_pointer (&b->zone, g_time_zone_unref);
}

static gboolean
draw_one (Briefing  *b,
          guint      page,
          GError   **error)
{
  gboolean ok = TRUE;

  cairo_save (b->cr);
  draw_frame (b, page);
  if (page == 0)
    ok = draw_cover (b, error);
  else if (page == b->n_pages - 1)
    draw_trend (b);
  else
    draw_table (b, page - 1);
  cairo_restore (b->cr);

  if (ok && cairo_status (b->cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_FAILED,
                   _("Drawing failed: %s"), cairo_status_to_string (cairo_status (b->cr)));
      ok = FALSE;
    }
  return ok;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  FILE *fp = closure;

  return fwrite (data, 1, length, fp) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* public API */

/**
 * tl_briefing_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * The Strait of Dover, every kind, no window yet (the caller sets @from
 * and @to), no marking, local time, made now.
 */
void
tl_briefing_options_init (TlBriefingOptions *options)
{
  TlSnapshotOptions map;

  g_return_if_fail (options != NULL);

  tl_snapshot_options_init (&map);
  *options = (TlBriefingOptions) {
    .from = TL_TIME_NONE,
    .to = TL_TIME_NONE,
    .bbox = map.bbox,
    .event_kinds = TL_SNAPSHOT_ALL_KINDS,
  };
}

/**
 * tl_briefing_count_pages:
 * @n_events: the number of reports in the window
 *
 * Returns: how many pages a briefing of @n_events reports has: the cover,
 *   the table (one page even when empty, to say so) and the trend
 */
guint
tl_briefing_count_pages (guint n_events)
{
  return 1 + MAX (1u, (n_events + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE) + 1;
}

/**
 * tl_briefing_draw_page:
 * @cr: where to draw, in points, an A4 page (%TL_BRIEFING_PAGE_WIDTH ×
 *   %TL_BRIEFING_PAGE_HEIGHT)
 * @options: what to draw
 * @events: (element-type TlEvent) (nullable): the reports of the window
 * @page: which page, from 0, below tl_briefing_count_pages()
 * @error: return location for a #TL_BRIEFING_ERROR or #TL_SNAPSHOT_ERROR
 *
 * Draws one page, for printing. Safe from any thread that owns @cr.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_briefing_draw_page (cairo_t                  *cr,
                       const TlBriefingOptions  *options,
                       GPtrArray                *events,
                       guint                     page,
                       GError                  **error)
{
  Briefing b = { 0 };
  gboolean ok;

  g_return_val_if_fail (cr != NULL && options != NULL, FALSE);

  if (!validate (options, error))
    return FALSE;
  briefing_init (&b, cr, options, events);
  if (page >= b.n_pages)
    {
      briefing_clear (&b);
      g_return_val_if_reached (FALSE);
    }
  ok = draw_one (&b, page, error);
  briefing_clear (&b);
  return ok;
}

/**
 * tl_briefing_write_file:
 * @path: the PDF file to write
 * @options: what to draw
 * @events: (element-type TlEvent) (nullable): the reports of the window
 * @error: return location for a #TL_BRIEFING_ERROR or #TL_SNAPSHOT_ERROR
 *
 * Writes the briefing under a temporary name next to @path and renames it
 * over @path only once complete: a failure leaves no half-written file
 * and does not damage an earlier one of the same name.
 *
 * Returns: %TRUE if @path was written
 */
gboolean
tl_briefing_write_file (const char               *path,
                        const TlBriefingOptions  *options,
                        GPtrArray                *events,
                        GError                  **error)
{
  g_autofree char *dir = NULL, *base = NULL, *tmp_path = NULL, *tmp_name = NULL, *display = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Briefing b = { 0 };
  gboolean ok = TRUE;
  int fd, saved_errno = 0;
  FILE *fp;

  g_return_val_if_fail (path != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate (options, error))
    return FALSE;

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, and next to the target so the rename cannot cross file systems. */
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 || !(fp = fdopen (fd, "wb")))
    {
      saved_errno = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp_path);
        }
      g_set_error (error, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, fp, TL_BRIEFING_PAGE_WIDTH, TL_BRIEFING_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  options->title && options->title[0] ? options->title : _("Briefing"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tideline");
  cr = cairo_create (surface);
  briefing_init (&b, cr, options, events);
  for (guint page = 0; ok && page < b.n_pages; page++)
    {
      ok = draw_one (&b, page, &local);
      cairo_show_page (cr);
    }
  briefing_clear (&b);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&local, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, cairo_status_to_string (cairo_surface_status (surface)));
      ok = FALSE;
    }
  cairo_surface_destroy (surface);

  /* On disk before the rename, or a crash could leave an empty file
   * where the old one was. */
  if (fflush (fp) != 0 || fsync (fileno (fp)) != 0)
    saved_errno = errno;
  if (fclose (fp) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (ok && saved_errno == 0 && g_rename (tmp_path, path) != 0)
    saved_errno = errno;
  if (ok && saved_errno != 0)
    {
      g_set_error (&local, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      g_propagate_error (error, g_steal_pointer (&local));
    }
  return ok;
}
