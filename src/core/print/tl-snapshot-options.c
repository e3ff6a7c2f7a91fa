/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tl-snapshot-options.h"

/* ISO 216 sizes in PostScript points, portrait. */
#define A4_WIDTH_PT  595.28
#define A4_HEIGHT_PT 841.89
#define A3_WIDTH_PT  841.89
#define A3_HEIGHT_PT 1190.55

/* Below this an image has no room for the title, the legend and a map
 * worth the name. */
#define MIN_WIDTH_PX  480
#define MIN_HEIGHT_PX 360

G_DEFINE_QUARK (tl-snapshot-error-quark, tl_snapshot_error)

/* ---- public API -------------------------------------------------------- */

/**
 * tl_snapshot_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Sets every field to its default: the Strait of Dover in a 1920 × 1080
 * image, coastline, borders and every kind of event, legend, scale bar,
 * north arrow and credits, light, local time, no time window, no marking.
 */
void
tl_snapshot_options_init (TlSnapshotOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TlSnapshotOptions) {
    .bbox = { 0.6, 50.3, 2.6, 51.5 },
    .paper = TL_SNAPSHOT_PAPER_NONE,
    .dpi = 150,
    .width_px = 1920,
    .height_px = 1080,
    .from = TL_TIME_NONE,
    .to = TL_TIME_NONE,
    .show_coastline = TRUE,
    .show_borders = TRUE,
    .show_legend = TRUE,
    .show_scale = TRUE,
    .show_north_arrow = TRUE,
    .show_credits = TRUE,
    .event_kinds = TL_SNAPSHOT_ALL_KINDS,
    .theme = TL_BASEMAP_THEME_LIGHT,
  };
}

/**
 * tl_snapshot_options_validate:
 * @options: the options
 * @error: return location for a %TL_SNAPSHOT_ERROR_INVALID error
 *
 * Checks that @options describe a map that can be drawn: a box with its
 * west before its east and its south below its north, inside the Web
 * Mercator world; a resolution between 1 and %TL_SNAPSHOT_MAX_DPI; an
 * image size that fits a page and memory; a window that ends after it
 * starts.
 *
 * Returns: %TRUE if they do
 */
gboolean
tl_snapshot_options_validate (const TlSnapshotOptions  *options,
                              GError                  **error)
{
  const TlGeoBox *b;

  g_return_val_if_fail (options != NULL, FALSE);

  b = &options->bbox;
  if (!isfinite (b->west) || !isfinite (b->east) || !isfinite (b->south) || !isfinite (b->north) ||
      b->west < -180 || b->east > 180 || b->south < -TL_GEO_MERCATOR_MAX_LAT ||
      b->north > TL_GEO_MERCATOR_MAX_LAT)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                   _("The map area must lie between 180°W and 180°E and between 85°S and 85°N"));
      return FALSE;
    }
  if (b->west >= b->east || b->south >= b->north)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                   _("The map area is empty: west must be less than east and south less than north"));
      return FALSE;
    }
  if (options->dpi < 0 || options->dpi > TL_SNAPSHOT_MAX_DPI)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                   _("The resolution must be between 1 and %d dpi"), TL_SNAPSHOT_MAX_DPI);
      return FALSE;
    }
  if (options->paper > TL_SNAPSHOT_PAPER_A3)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID, _("Unknown paper size"));
      return FALSE;
    }
  if (options->paper == TL_SNAPSHOT_PAPER_NONE &&
      (options->width_px < MIN_WIDTH_PX || options->height_px < MIN_HEIGHT_PX ||
       options->width_px > TL_SNAPSHOT_MAX_SIDE_PX || options->height_px > TL_SNAPSHOT_MAX_SIDE_PX ||
       (double) options->width_px * options->height_px > TL_SNAPSHOT_MAX_PIXELS))
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                   _("The image must be between %d × %d and %d × %d pixels, at most %d million pixels"),
                   MIN_WIDTH_PX, MIN_HEIGHT_PX, TL_SNAPSHOT_MAX_SIDE_PX, TL_SNAPSHOT_MAX_SIDE_PX,
                   TL_SNAPSHOT_MAX_PIXELS / 1000000);
      return FALSE;
    }
  if (options->from != TL_TIME_NONE && options->to != TL_TIME_NONE && options->to <= options->from)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                   _("The time window must end after it starts"));
      return FALSE;
    }
  return TRUE;
}

/**
 * tl_snapshot_get_page_size:
 * @options: the options
 * @out_width: (out): the page width: points on paper, else pixels
 * @out_height: (out): the page height, in the same unit
 *
 * The size to give tl_snapshot_render(): A4 is 595.28 × 841.89 points
 * portrait; an image is @options->width_px × @options->height_px.
 */
void
tl_snapshot_get_page_size (const TlSnapshotOptions *options,
                           double                  *out_width,
                           double                  *out_height)
{
  double w, h;

  g_return_if_fail (options != NULL && out_width != NULL && out_height != NULL);

  switch (options->paper)
    {
    case TL_SNAPSHOT_PAPER_A4:
      w = A4_WIDTH_PT;
      h = A4_HEIGHT_PT;
      break;
    case TL_SNAPSHOT_PAPER_A3:
      w = A3_WIDTH_PT;
      h = A3_HEIGHT_PT;
      break;
    case TL_SNAPSHOT_PAPER_NONE:
    default:
      *out_width = options->width_px;
      *out_height = options->height_px;
      return;
    }
  *out_width = options->landscape ? h : w;
  *out_height = options->landscape ? w : h;
}

/**
 * tl_snapshot_format_from_path:
 * @path: a file name
 * @out_format: (out): the format its extension names
 * @error: return location for a %TL_SNAPSHOT_ERROR_UNKNOWN_FORMAT error
 *
 * Returns: %TRUE if @path ends in .png, .pdf or .svg, in any case
 */
gboolean
tl_snapshot_format_from_path (const char        *path,
                              TlSnapshotFormat  *out_format,
                              GError           **error)
{
  static const struct { const char *ext; TlSnapshotFormat format; } known[] = {
    { ".png", TL_SNAPSHOT_FORMAT_PNG },
    { ".pdf", TL_SNAPSHOT_FORMAT_PDF },
    { ".svg", TL_SNAPSHOT_FORMAT_SVG },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL && out_format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_suffix (lower, known[i].ext))
      {
        *out_format = known[i].format;
        return TRUE;
      }

  g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_UNKNOWN_FORMAT,
               _("Cannot tell the format of “%s”: name it .png, .pdf or .svg"), path);
  return FALSE;
}

/* The resolution of raster output and of vector fallbacks. */
int
tl_snapshot_options_get_dpi (const TlSnapshotOptions *options)
{
  return options->dpi > 0 ? options->dpi : 150;
}
