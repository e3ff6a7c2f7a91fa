/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Snapshots: the page as a whole, and writing it to a file. The options
 * are in tl-snapshot-options.c, the map frame is drawn in
 * tl-snapshot-map.c, the rest of the page in tl-snapshot-page.c. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "tl-snapshot-private.h"

typedef struct {
  FILE *fp;
  int   saved_errno; /* the first write error, 0 if none */
} Writer;


/* ---- helpers ----------------------------------------------------------- */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *w = closure;

  if (w->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, w->fp) != length)
    {
      w->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
is_vector_surface (cairo_surface_t *surface)
{
  switch (cairo_surface_get_type (surface))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_RECORDING:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_pdf_metadata (cairo_surface_t         *surface,
                  const TlSnapshotOptions *options)
{
  g_autoptr(GTimeZone) zone = options->time_zone ? g_time_zone_ref (options->time_zone)
                                                 : g_time_zone_new_local ();
  g_autofree char *title = options->title ? g_strdup (options->title)
                                          : tl_snapshot_default_title (options, zone);
  gint64 created = options->created_at != 0 ? options->created_at : g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (created);
  g_autofree char *date = dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tideline " PACKAGE_VERSION);
  /* A map handed out without its maker's name must not carry it hidden. */
  if (options->show_credits && options->operator_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, options->operator_name);
  if (options->marking != NULL && options->marking[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, options->marking);
  if (date != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Draws the page on a new surface of @format writing to @w. */
static gboolean
render_to (Writer                  *w,
           TlSnapshotFormat         format,
           const TlSnapshotOptions *options,
           GPtrArray               *events,
           GError                 **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_w, page_h, px_scale = 1;
  gboolean ok;
  cairo_status_t status;

  tl_snapshot_get_page_size (options, &page_w, &page_h);

  switch (format)
    {
    case TL_SNAPSHOT_FORMAT_PNG:
      {
        int px_w, px_h;

        /* Paper in an image: points become pixels at the dpi asked for. */
        if (options->paper != TL_SNAPSHOT_PAPER_NONE)
          px_scale = tl_snapshot_options_get_dpi (options) / 72.0;
        px_w = (int) ceil (page_w * px_scale - 1e-6);
        px_h = (int) ceil (page_h * px_scale - 1e-6);
        if (px_w > TL_SNAPSHOT_MAX_SIDE_PX || px_h > TL_SNAPSHOT_MAX_SIDE_PX ||
            (double) px_w * px_h > TL_SNAPSHOT_MAX_PIXELS)
          {
            g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                         _("A %d × %d pixel image is too large: lower the resolution"), px_w, px_h);
            return FALSE;
          }
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, px_w, px_h);
      }
      break;
    case TL_SNAPSHOT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, w, page_w, page_h);
      set_pdf_metadata (surface, options);
      break;
    case TL_SNAPSHOT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, w, page_w, page_h);
      cairo_svg_surface_set_document_unit (surface, options->paper != TL_SNAPSHOT_PAPER_NONE
                                                    ? CAIRO_SVG_UNIT_PT : CAIRO_SVG_UNIT_PX);
      break;
    case TL_SNAPSHOT_FORMAT_GUESS:
    default:
      g_return_val_if_reached (FALSE);
    }

  /* Text and shapes with alpha stay vector in PDF; anything cairo must
   * still rasterise gets the printer's resolution. */
  if (format != TL_SNAPSHOT_FORMAT_PNG)
    cairo_surface_set_fallback_resolution (surface, tl_snapshot_options_get_dpi (options), tl_snapshot_options_get_dpi (options));

  cr = cairo_create (surface);
  cairo_scale (cr, px_scale, px_scale);
  ok = tl_snapshot_render (cr, page_w, page_h, options, events, error);
  cairo_destroy (cr);

  if (format == TL_SNAPSHOT_FORMAT_PNG)
    status = ok ? cairo_surface_write_to_png_stream (surface, write_cb, w) : CAIRO_STATUS_SUCCESS;
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      if (status == CAIRO_STATUS_WRITE_ERROR && w->saved_errno != 0)
        g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_WRITE, "%s", g_strerror (w->saved_errno));
      else
        g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_FAILED,
                     _("Drawing failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return ok;
}

/* ---- public API -------------------------------------------------------- */

/**
 * tl_snapshot_render:
 * @cr: where to draw
 * @width: the page width in @cr's user units: points when @options has a
 *   paper size, pixels otherwise (see tl_snapshot_get_page_size())
 * @height: the page height, in the same unit
 * @options: what to draw
 * @events: (element-type TlEvent) (nullable): the events of the time
 *   window; those of kinds @options leaves out, without a position or
 *   outside the map are not drawn (the legend says how many)
 * @error: return location for a #TL_SNAPSHOT_ERROR
 *
 * Draws a whole briefing page: marking bands, title, the map (basemap
 * as vector paths, graticule, event markers, scale bar, north arrow),
 * the legend with a count per kind, the time window, when and by whom
 * it was made, and the sources. The legend, scale bar, north arrow and
 * credits can be left out (see #TlSnapshotOptions). Needs no display;
 * safe from any thread that owns @cr.
 *
 * Returns: %TRUE on success; on failure what was drawn is incomplete
 */
gboolean
tl_snapshot_render (cairo_t                  *cr,
                    double                    width,
                    double                    height,
                    const TlSnapshotOptions  *options,
                    GPtrArray                *events,
                    GError                  **error)
{
  TlSnapshotPage page = { cr, options, events };
  cairo_font_options_t *font_options;
  double dx = 1, dy = 0;
  gboolean ok;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tl_snapshot_options_validate (options, error))
    return FALSE;
  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID, _("The page has no size"));
      return FALSE;
    }
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_FAILED,
                   _("Drawing failed: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }

  tl_snapshot_layout_compute (options, width, height, &page.layout);
  page.palette = tl_snapshot_palette_get (options->theme);
  page.zone = options->time_zone ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();

  /* The shoreline's detail follows the output's real resolution: pixels
   * of an image, the printer's dots for vector output. */
  cairo_user_to_device_distance (cr, &dx, &dy);
  page.detail = hypot (dx, dy);
  if (is_vector_surface (cairo_get_target (cr)))
    page.detail *= tl_snapshot_options_get_dpi (options) / 72.0;

  /* Unhinted metrics: the same layout in a PNG and a PDF, and no glyph
   * snapped to a pixel grid a printer does not have. */
  page.pango = pango_cairo_create_context (cr);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (page.pango, font_options);
  cairo_font_options_destroy (font_options);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  tl_snapshot_set_ink (cr, &page.palette->paper, 1);
  cairo_fill (cr);

  ok = tl_snapshot_draw_map (&page, error);
  if (ok)
    tl_snapshot_draw_page (&page);
  cairo_restore (cr);

  g_object_unref (page.pango);
  g_time_zone_unref (page.zone);

  if (ok && cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_FAILED,
                   _("Drawing failed: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return ok;
}

/**
 * tl_snapshot_map_point:
 * @options: the options the page is drawn with
 * @width: the page width given to tl_snapshot_render()
 * @height: the page height
 * @longitude: degrees east
 * @latitude: degrees north
 * @out_x: (out): where the position falls on the page
 * @out_y: (out): where the position falls on the page
 *
 * Where tl_snapshot_render() draws a position: for tests, and for
 * pointing at things in a preview.
 *
 * Returns: %TRUE if the position is inside the map frame
 */
gboolean
tl_snapshot_map_point (const TlSnapshotOptions *options,
                       double                   width,
                       double                   height,
                       double                   longitude,
                       double                   latitude,
                       double                  *out_x,
                       double                  *out_y)
{
  TlSnapshotLayout layout;
  const TlSnapshotRect *f = &layout.map;

  g_return_val_if_fail (options != NULL && out_x != NULL && out_y != NULL, FALSE);

  tl_snapshot_layout_compute (options, width, height, &layout);
  tl_snapshot_layout_project (&layout, longitude, latitude, out_x, out_y);
  return *out_x >= f->x && *out_x <= f->x + f->width && *out_y >= f->y && *out_y <= f->y + f->height;
}

/**
 * tl_snapshot_write_file:
 * @path: the file to write
 * @format: the format, or %TL_SNAPSHOT_FORMAT_GUESS to go by @path's extension
 * @options: what to draw
 * @events: (element-type TlEvent) (nullable): the events, as for
 *   tl_snapshot_render()
 * @error: return location for a #TL_SNAPSHOT_ERROR
 *
 * Renders the page into @path: PNG as an image (paper at @options->dpi),
 * PDF and SVG as vectors on a page sized in points. The file is written
 * under a temporary name in the same directory and renamed over @path
 * only once complete, so a failed export never leaves a half-written
 * file, nor damages an earlier one of the same name.
 *
 * Returns: %TRUE if @path was written
 */
gboolean
tl_snapshot_write_file (const char               *path,
                        TlSnapshotFormat          format,
                        const TlSnapshotOptions  *options,
                        GPtrArray                *events,
                        GError                  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local = NULL;
  Writer w = { NULL, 0 };
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == TL_SNAPSHOT_FORMAT_GUESS && !tl_snapshot_format_from_path (path, &format, error))
    return FALSE;
  if (!tl_snapshot_options_validate (options, error))
    return FALSE;

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, and next to the target so the rename cannot cross file systems. */
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 || !(w.fp = fdopen (fd, "wb")))
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp_path);
        }
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  ok = render_to (&w, format, options, events, &local);

  /* On disk before the rename, or a crash could leave an empty file
   * where the old one was. */
  if (fflush (w.fp) != 0 || fsync (fileno (w.fp)) != 0)
    w.saved_errno = w.saved_errno ? w.saved_errno : errno;
  if (fclose (w.fp) != 0)
    w.saved_errno = w.saved_errno ? w.saved_errno : errno;
  if (ok && w.saved_errno != 0 && local == NULL)
    {
      g_set_error (&local, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_WRITE, "%s", g_strerror (w.saved_errno));
      ok = FALSE;
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_WRITE, "%s", g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (tmp_path);
      if (local->domain == TL_SNAPSHOT_ERROR && local->code == TL_SNAPSHOT_ERROR_WRITE)
        g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_WRITE,
                     _("Cannot write “%s”: %s"), display, local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}
