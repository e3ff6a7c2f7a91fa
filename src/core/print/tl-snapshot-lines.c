/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-sea.h"
#include "tl-snapshot-private.h"

/* The lines in the Strait on exported maps, styled and labelled as in the
 * window (tl-sea-layer.c), "approximate" included. */

static gboolean
overlaps (const TlSnapshotRect *placed,
          guint                 n_placed,
          const TlSnapshotRect *r)
{
  for (guint i = 0; i < n_placed; i++)
    if (r->x < placed[i].x + placed[i].width && placed[i].x < r->x + r->width &&
        r->y < placed[i].y + placed[i].height && placed[i].y < r->y + r->height)
      return TRUE;
  return FALSE;
}

/* Along the line's own course inside the frame, each kind at its own
 * fraction of it, so that the labels spread along the Strait instead of
 * piling up in the narrows, where every line and the busiest coast meet;
 * then clear of the labels already set. */
static void
draw_label (TlSnapshotPage *page,
            GPtrArray      *paths,
            TlSeaLineKind   kind,
            TlSnapshotRect *placed,
            guint          *n_placed)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  double u = l->u, bx = 0, by = 0;
  double label_w = MIN (150 * u, f->width / 2), label_h = 2 * 9 * u;
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (double));
  TlSeaLineStyle style;
  TlSnapshotInk ink;
  TlSnapshotRect r;
  guint pick;

  for (guint p = 0; p < paths->len; p++)
    {
      const TlSeaPath *path = g_ptr_array_index (paths, p);

      if (path->kind != kind)
        continue;
      for (guint i = 0; i + 1 < path->points->len; i += 2)
        {
          double xy[2];

          tl_snapshot_layout_project (l, g_array_index (path->points, double, i + 1),
                                      g_array_index (path->points, double, i), &xy[0], &xy[1]);
          if (xy[0] >= f->x + label_w * 0.1 && xy[1] >= f->y &&
              xy[0] <= f->x + f->width && xy[1] <= f->y + f->height)
            g_array_append_vals (inside, xy, 2);
        }
    }
  if (inside->len == 0)
    return;

  pick = (guint) ((inside->len / 2) * (0.08 + 0.17 * kind));
  pick = MIN (pick, inside->len / 2 - 1);
  bx = g_array_index (inside, double, 2 * pick);
  by = g_array_index (inside, double, 2 * pick + 1);

  r.x = CLAMP (bx + 4 * u, f->x + 2 * u, f->x + f->width - label_w - 2 * u);
  r.y = CLAMP (by + 4 * u, f->y + 2 * u, f->y + f->height - label_h - 2 * u);
  r.width = label_w;
  r.height = label_h;
  while (overlaps (placed, *n_placed, &r) && r.y + label_h < f->y + f->height)
    r.y += 3 * u;
  placed[(*n_placed)++] = r;

  tl_sea_line_get_style (kind, &style);
  ink = (TlSnapshotInk) { style.red, style.green, style.blue };
  tl_snapshot_draw_text (page, tl_sea_line_get_label (kind), r.x, r.y, r.width, 6.5, &ink,
                         TL_SNAPSHOT_TEXT_WRAP);
}

/**
 * tl_snapshot_draw_sea_lines:
 *
 * Draws the SRR boundary, the median line, the 12 NM limits and the
 * traffic separation scheme inside the map frame, each with its label.
 * Lines that cannot be loaded are left out: the rest of the map stands.
 */
void
tl_snapshot_draw_sea_lines (TlSnapshotPage *page)
{
  const TlSnapshotLayout *l = &page->layout;
  TlSea *sea = tl_sea_get_default ();
  cairo_t *cr = page->cr;
  TlSnapshotRect placed[TL_SEA_N_LINES];
  guint n_placed = 0;
  g_autoptr(GError) error = NULL;
  GPtrArray *paths;

  if (!tl_sea_ensure_loaded (sea, &error))
    {
      g_warning ("The lines in the Strait are left off the map: %s", error->message);
      return;
    }
  paths = tl_sea_get_paths (sea);

  cairo_save (cr);
  cairo_rectangle (cr, l->map.x, l->map.y, l->map.width, l->map.height);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint p = 0; p < paths->len; p++)
    {
      const TlSeaPath *path = g_ptr_array_index (paths, p);
      TlSeaLineStyle style;
      double dash[4];

      for (guint i = 0; i + 1 < path->points->len; i += 2)
        {
          double x, y;

          tl_snapshot_layout_project (l, g_array_index (path->points, double, i + 1),
                                      g_array_index (path->points, double, i), &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (path->closed)
        cairo_close_path (cr);

      tl_sea_line_get_style (path->kind, &style);
      if (path->kind == TL_SEA_LINE_TSS)
        {
          cairo_set_source_rgba (cr, style.red, style.green, style.blue,
                                 path->lane == TL_SEA_LANE_SEPARATION ? 0.28 : 0.07);
          cairo_fill_preserve (cr);
        }
      /* Screen pixels become points: a little thinner on paper. */
      for (int d = 0; d < style.n_dash; d++)
        dash[d] = style.dash[d] * 0.6 * l->u;
      cairo_set_dash (cr, dash, style.n_dash, 0);
      cairo_set_source_rgb (cr, style.red, style.green, style.blue);
      cairo_set_line_width (cr, style.width * 0.6 * l->u);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
  for (int kind = 0; kind < TL_SEA_N_LINES; kind++)
    draw_label (page, paths, kind, placed, &n_placed);
  cairo_restore (cr);
}
