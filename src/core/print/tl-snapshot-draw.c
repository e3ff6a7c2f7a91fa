/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the map frame (tl-snapshot-map.c) and the page around it
 * (tl-snapshot-page.c) both draw with: the palette and the text, set in
 * one face throughout. */

#include "config.h"

#include <math.h>

#include "tl-snapshot-draw.h"

static const TlSnapshotPalette palettes[] = {
  [TL_BASEMAP_THEME_LIGHT] = {
    .paper = { 1, 1, 1 },
    .ink   = { 0x1c / 255., 0x1c / 255., 0x1e / 255. },
    .muted = { 0x5e / 255., 0x5c / 255., 0x64 / 255. },
    .rule  = { 0x9a / 255., 0x99 / 255., 0x96 / 255. },
  },
  [TL_BASEMAP_THEME_DARK] = {
    .paper = { 0x24 / 255., 0x24 / 255., 0x24 / 255. },
    .ink   = { 0xf6 / 255., 0xf5 / 255., 0xf4 / 255. },
    .muted = { 0xc0 / 255., 0xbf / 255., 0xbc / 255. },
    .rule  = { 0x77 / 255., 0x76 / 255., 0x7b / 255. },
  },
};

/* ---- helpers ----------------------------------------------------------- */

/* One face for the whole page, and for the briefing around the map:
 * Cantarell, GNOME's own, where installed; otherwise whatever fontconfig
 * calls sans. Looked up once per process. */
const char *
tl_snapshot_font_family (void)
{
  static const char *family;

  if (g_once_init_enter (&family))
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      PangoFontFamily **families = NULL;
      const char *found = "Sans";
      int n = 0;

      pango_font_map_list_families (map, &families, &n);
      for (int i = 0; i < n; i++)
        if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), "Cantarell") == 0)
          found = "Cantarell";
      g_free (families);
      g_once_init_leave (&family, found);
    }
  return family;
}

/* ---- private API ------------------------------------------------------- */

const TlSnapshotPalette *
tl_snapshot_palette_get (TlBasemapTheme theme)
{
  return &palettes[theme == TL_BASEMAP_THEME_DARK ? TL_BASEMAP_THEME_DARK : TL_BASEMAP_THEME_LIGHT];
}

void
tl_snapshot_set_ink (cairo_t             *cr,
                     const TlSnapshotInk *ink,
                     double               alpha)
{
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, alpha);
}

/* A layout of @text in the page's font at @size_pt points. Absolute
 * sizes in user units make the text scale with the page like the rest of
 * it, whatever resolution the surface has. */
PangoLayout *
tl_snapshot_text_layout (TlSnapshotPage      *page,
                         const char          *text,
                         double               size_pt,
                         double               width,
                         TlSnapshotTextFlags  flags)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  if (page->font_family == NULL)
    page->font_family = tl_snapshot_font_family ();
  pango_cairo_update_context (page->cr, page->pango);
  layout = pango_layout_new (page->pango);
  pango_font_description_set_family (font, page->font_family);
  pango_font_description_set_absolute_size (font, size_pt * page->layout.u * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & TL_SNAPSHOT_TEXT_BOLD) ? PANGO_WEIGHT_BOLD
                                                                           : PANGO_WEIGHT_NORMAL);
  if (flags & TL_SNAPSHOT_TEXT_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) MAX (1, width * PANGO_SCALE));
  if (flags & TL_SNAPSHOT_TEXT_WRAP)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (flags & TL_SNAPSHOT_TEXT_CENTRE)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & TL_SNAPSHOT_TEXT_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its top-left at (@x, @y) in a box @width wide.
 * Returns the height it took. */
double
tl_snapshot_draw_text (TlSnapshotPage      *page,
                       const char          *text,
                       double               x,
                       double               y,
                       double               width,
                       double               size_pt,
                       const TlSnapshotInk *ink,
                       TlSnapshotTextFlags  flags)
{
  g_autoptr(PangoLayout) layout = tl_snapshot_text_layout (page, text, size_pt, width, flags);
  int h;

  cairo_save (page->cr);
  cairo_move_to (page->cr, x, y);
  tl_snapshot_set_ink (page->cr, ink, 1);
  pango_cairo_show_layout (page->cr, layout);
  /* cairo_restore() keeps the path: the move_to would otherwise join the
   * next shape drawn, with a stray line. */
  cairo_new_path (page->cr);
  cairo_restore (page->cr);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}
