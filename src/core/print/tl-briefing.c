/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The briefing, in the order a watch leader reads it: a title that says
 * what and when (with the zone), the key points in sentences with the
 * comparison to the previous window, the open cases with their last
 * contact, the hand-over note when asked for, then the map, then the table: every report for a window of up
 * to three days, a table by day beyond (every report then goes in an
 * optional annex), then the trend. The pages are planned first, measuring
 * the table's wrapped cells, so that every page can say “Page N of M”. */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "tl-briefing-private.h"
#include "tl-snapshot.h"
#include "tl-snapshot-draw.h"
#include "tl-time.h"

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

static gint64
created_at (const TlBriefingOptions *options)
{
  return options->created_at != 0 ? options->created_at : g_get_real_time () / G_USEC_PER_SEC;
}

/* The frame of every page: marking bands, generation line, page number. */
static void
draw_frame (TlBriefing *b,
            guint       page)
{
  cairo_t *cr = b->cr;
  const char *marking = b->options->marking;
  /* Translators: when a briefing was made, in its footer, see strftime */
  g_autofree char *when = tl_time_format (b->zone, created_at (b->options), _("%-d %B %Y %H:%M %Z"));
  g_autofree char *generated = NULL;
  g_autofree char *number = NULL;
  double footer_y = TL_BRIEFING_CONTENT_BOTTOM + 4;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (marking != NULL && marking[0] != '\0')
    {
      tl_briefing_text (b, marking, 11, TRUE, TL_BRIEFING_MARGIN, TL_BRIEFING_MARGIN,
                        TL_BRIEFING_CONTENT_WIDTH, TL_BRIEFING_ALIGN_CENTRE, FALSE);
      tl_briefing_text (b, marking, 11, TRUE, TL_BRIEFING_MARGIN,
                        TL_BRIEFING_PAGE_HEIGHT - TL_BRIEFING_MARGIN - TL_BRIEFING_BAND_HEIGHT + 4,
                        TL_BRIEFING_CONTENT_WIDTH, TL_BRIEFING_ALIGN_CENTRE, FALSE);
    }

  if (b->options->operator_name != NULL && b->options->operator_name[0] != '\0')
    /* Translators: the footer of every briefing page: when, and by whom */
    generated = g_strdup_printf (_("Generated %s by %s"), when, b->options->operator_name);
  else
    /* Translators: the footer of every briefing page */
    generated = g_strdup_printf (_("Generated %s"), when);
  /* Translators: the page number at the foot of every briefing page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, b->pages->len);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, TL_BRIEFING_MARGIN, footer_y - 3);
  cairo_line_to (cr, TL_BRIEFING_PAGE_WIDTH - TL_BRIEFING_MARGIN, footer_y - 3);
  cairo_stroke (cr);
  tl_briefing_text (b, generated, 7.5, FALSE, TL_BRIEFING_MARGIN, footer_y,
                    TL_BRIEFING_CONTENT_WIDTH * 0.7, TL_BRIEFING_ALIGN_LEFT, FALSE);
  tl_briefing_text (b, number, 7.5, FALSE, TL_BRIEFING_MARGIN, footer_y,
                    TL_BRIEFING_CONTENT_WIDTH, TL_BRIEFING_ALIGN_RIGHT, FALSE);
  cairo_set_source_rgb (cr, 0, 0, 0);
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
add_page (TlBriefing         *b,
          TlBriefingPageKind  kind)
{
  TlBriefingPage page = { .kind = kind };

  g_array_append_val (b->pages, page);
}

/* Which pages, in order; the tables measure their rows to know. */
static void
plan (TlBriefing *b)
{
  add_page (b, TL_BRIEFING_PAGE_SUMMARY);
  /* The note is read before the map: the map moves to a page of its own. */
  if (b->options->changes != NULL)
    {
      add_page (b, TL_BRIEFING_PAGE_HANDOVER);
      add_page (b, TL_BRIEFING_PAGE_MAP);
    }
  if (b->n_days <= TL_BRIEFING_LIST_MAX_DAYS)
    tl_briefing_plan_list (b, FALSE);
  else
    tl_briefing_plan_days (b);
  add_page (b, TL_BRIEFING_PAGE_TREND);
  if (b->n_days > TL_BRIEFING_LIST_MAX_DAYS && b->options->annex)
    tl_briefing_plan_list (b, TRUE);
}

static gboolean
draw_one (TlBriefing  *b,
          guint        index,
          GError     **error)
{
  const TlBriefingPage *page = &g_array_index (b->pages, TlBriefingPage, index);
  gboolean ok = TRUE;

  cairo_save (b->cr);
  draw_frame (b, index);
  switch (page->kind)
    {
    case TL_BRIEFING_PAGE_SUMMARY:
      ok = tl_briefing_draw_summary (b, error);
      break;
    case TL_BRIEFING_PAGE_LIST:
      tl_briefing_draw_list (b, page);
      break;
    case TL_BRIEFING_PAGE_DAYS:
      tl_briefing_draw_days (b, page);
      break;
    case TL_BRIEFING_PAGE_HANDOVER:
      tl_briefing_draw_handover (b, TL_BRIEFING_CONTENT_TOP + 4);
      break;
    case TL_BRIEFING_PAGE_MAP:
      ok = tl_briefing_draw_map_page (b, error);
      break;
    case TL_BRIEFING_PAGE_TREND:
    default:
      tl_briefing_draw_trend (b);
      break;
    }
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

/* private API */

/* A layout in the briefing's one typeface, the map's. */
PangoLayout *
tl_briefing_layout (TlBriefing      *b,
                    const char      *text,
                    double           size,
                    gboolean         bold,
                    double           width,
                    TlBriefingAlign  align,
                    gboolean         wrap)
{
  PangoLayout *layout = pango_layout_new (b->pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, tl_snapshot_font_family ());
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Cells wrap; a single line (a footer, a heading) is never cut silently. */
  if (wrap)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align == TL_BRIEFING_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                      : align == TL_BRIEFING_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                      : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Sets text with its top edge at (x, y); returns its height. */
double
tl_briefing_text (TlBriefing      *b,
                  const char      *text,
                  double           size,
                  gboolean         bold,
                  double           x,
                  double           y,
                  double           width,
                  TlBriefingAlign  align,
                  gboolean         wrap)
{
  g_autoptr(PangoLayout) layout = tl_briefing_layout (b, text, size, bold, width, align, wrap);
  int w, h;

  cairo_move_to (b->cr, x, y);
  pango_cairo_show_layout (b->cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* A section heading at @y; returns the y under it. */
double
tl_briefing_heading (TlBriefing *b,
                     const char *heading,
                     double      y)
{
  return y + tl_briefing_text (b, heading, 13, TRUE, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH,
                               TL_BRIEFING_ALIGN_LEFT, TRUE) + 5;
}

/* When the briefing is made, UTC: the options' time, or now. */
gint64
tl_briefing_created_at (TlBriefing *b)
{
  return created_at (b->options);
}

/* “Europe/London”: the zone's name where it has one, else its
 * abbreviation at the window's start (“CET”). */
const char *
tl_briefing_zone_name (TlBriefing *b)
{
  const char *id = g_time_zone_get_identifier (b->zone);

  if (id != NULL && id[0] != '\0' && id[0] != '/' && id[0] != ':')
    return id;
  return g_time_zone_get_abbreviation (b->zone, g_time_zone_find_interval (b->zone, G_TIME_TYPE_UNIVERSAL,
                                                                            b->options->from));
}

void
tl_briefing_init (TlBriefing              *b,
                  cairo_t                 *cr,
                  const TlBriefingOptions *options,
                  GPtrArray               *events)
{
  cairo_font_options_t *font_options = cairo_font_options_create ();
  gint64 day, from_day, to_day;

  b->cr = cr;
  b->options = options;
  b->events = events ? g_ptr_array_copy (events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL)
                     : g_ptr_array_new ();
  g_ptr_array_set_free_func (b->events, g_object_unref);
  g_ptr_array_sort (b->events, compare_time);
  b->zone = options->time_zone ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();

  b->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (b->pango, font_options);
  cairo_font_options_destroy (font_options);

  /* The local days the window touches, for the table by day and the trend. */
  b->day_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  tl_time_day_range_at (b->zone, options->from, &from_day, &day);
  tl_time_day_range_at (b->zone, options->to - 1, &to_day, &day);
  for (day = from_day; day <= to_day && b->day_starts->len < 3700; day = tl_time_shift_days (b->zone, day, 1))
    g_array_append_val (b->day_starts, day);
  b->n_days = b->day_starts->len;
  day = tl_time_shift_days (b->zone, to_day, 1);
  g_array_append_val (b->day_starts, day);

  b->pages = g_array_new (FALSE, FALSE, sizeof (TlBriefingPage));
  plan (b);
}

void
tl_briefing_clear (TlBriefing *b)
{
  g_clear_pointer (&b->events, g_ptr_array_unref);
  g_clear_pointer (&b->zone, g_time_zone_unref);
  g_clear_object (&b->pango);
  g_clear_pointer (&b->pages, g_array_unref);
  g_clear_pointer (&b->day_starts, g_array_unref);
}

/* public API */

/**
 * tl_briefing_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * The Strait of Dover, every kind, no window yet (the caller sets @from
 * and @to), no marking, local time, made now, no annex, no hand-over
 * note, the trend's bars chosen by the window's length.
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
    .handover_since = TL_TIME_NONE,
    .bbox = map.bbox,
    .event_kinds = TL_SNAPSHOT_ALL_KINDS,
  };
}

/**
 * tl_briefing_count_pages:
 * @options: what to draw
 * @events: (element-type TlEvent) (nullable): the reports of the window
 *
 * Returns: how many pages the briefing has, or 0 if @options are invalid
 */
guint
tl_briefing_count_pages (const TlBriefingOptions *options,
                         GPtrArray               *events)
{
  TlBriefing b = { 0 };
  guint n;

  g_return_val_if_fail (options != NULL, 0);

  if (!validate (options, NULL))
    return 0;
  tl_briefing_init (&b, NULL, options, events);
  n = b.pages->len;
  tl_briefing_clear (&b);
  return n;
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
  TlBriefing b = { 0 };
  gboolean ok;

  g_return_val_if_fail (cr != NULL && options != NULL, FALSE);

  if (!validate (options, error))
    return FALSE;
  tl_briefing_init (&b, cr, options, events);
  if (page >= b.pages->len)
    {
      tl_briefing_clear (&b);
      g_return_val_if_reached (FALSE);
    }
  ok = draw_one (&b, page, error);
  tl_briefing_clear (&b);
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
  g_autofree char *title = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  TlBriefing b = { 0 };
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
  cr = cairo_create (surface);
  tl_briefing_init (&b, cr, options, events);
  title = options->title && options->title[0] ? g_strdup (options->title) : tl_briefing_default_title (&b);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tideline");
  for (guint page = 0; ok && page < b.pages->len; page++)
    {
      ok = draw_one (&b, page, &local);
      cairo_show_page (cr);
    }
  tl_briefing_clear (&b);
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
