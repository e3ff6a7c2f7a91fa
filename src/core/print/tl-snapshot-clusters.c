/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counted symbols on a printed map: a group of markers too large to
 * spread around its place is drawn as one, with its count, as the
 * window's map clusters its symbols. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tl-snapshot-private.h"
#include "tl-spread.h"
#include "tl-symbols.h"

/* The most markers spread around one place (tl-snapshot-map.c spreads
 * what is left). */
#define MAX_SPREAD TL_SNAPSHOT_MAX_SPREAD
/* Rounds of counting crowded groups as one: a count may crowd others. */
#define MAX_CLUSTER_ROUNDS 4

/* helpers */

/* A counted symbol's radius: it grows with the log of its count, as the
 * window's clusters do, from a little over the largest marker. */
static double
cluster_radius (guint  count,
                double u)
{
  return u * MIN (4.6 + 1.2 * log10 (MAX (count, 1)), 8.0);
}

/* public API */

/* Groups too large to spread (more than MAX_SPREAD markers that touch)
 * are counted on a grid, as the window's map counts its symbols: the
 * markers of a group in one cell become one, with their count, at the
 * middle of their points (a group that touches along a whole coast is
 * not one place). Counts that now touch are spread, or counted again in
 * the next round, so that what is left can be spread with nothing
 * hidden. */
void
tl_snapshot_cluster_crowded (TlSnapshotPage  *page,
                             GArray         **markers)
{
  const TlSnapshotLayout *l = &page->layout;

  for (guint round = 0; round < MAX_CLUSTER_ROUNDS; round++)
    {
      GArray *in = *markers;
      g_autofree TlSpreadSymbol *symbols = g_new0 (TlSpreadSymbol, MAX (in->len, 1));
      g_autoptr(GHashTable) clusters = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) members = g_hash_table_new (NULL, NULL);
      g_autofree guint *cells = NULL;
      /* Two of the largest counts side by side. */
      double cell = 2 * cluster_radius (G_MAXUINT, l->u);
      GHashTableIter iter;
      gpointer slot;
      GArray *out;
      gboolean crowded = FALSE;

      for (guint i = 0; i < in->len; i++)
        {
          const TlSnapshotMarker *m = &g_array_index (in, TlSnapshotMarker, i);

          symbols[i] = (TlSpreadSymbol) { .x = m->x, .y = m->y, .radius = m->radius };
        }
      tl_spread_symbols (symbols, in->len, 0.6 * l->u, MAX_SPREAD);
      for (guint i = 0; i < in->len && !crowded; i++)
        crowded = symbols[i].crowded;
      if (!crowded)
        return;

      cells = g_new0 (guint, in->len);
      for (guint i = 0; i < in->len; i++)
        if (symbols[i].crowded)
          {
            /* Markers are inside the frame: the cells' numbers are small
             * and not negative. */
            guint cx = (guint) MAX (symbols[i].x / cell, 0), cy = (guint) MAX (symbols[i].y / cell, 0);
            gpointer n;

            cells[i] = ((cx & 0x7fff) << 15 | (cy & 0x7fff)) + 1;
            n = g_hash_table_lookup (members, GUINT_TO_POINTER (cells[i]));
            g_hash_table_insert (members, GUINT_TO_POINTER (cells[i]), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
          }

      out = g_array_sized_new (FALSE, FALSE, sizeof (TlSnapshotMarker), in->len);
      for (guint i = 0; i < in->len; i++)
        {
          const TlSnapshotMarker *m = &g_array_index (in, TlSnapshotMarker, i);
          TlSnapshotMarker *c;

          if (!symbols[i].crowded ||
              GPOINTER_TO_UINT (g_hash_table_lookup (members, GUINT_TO_POINTER (cells[i]))) < 2)
            {
              g_array_append_val (out, *m);
              continue;
            }
          /* Sums first, in x and y; the middle once every member is in. */
          if (g_hash_table_lookup_extended (clusters, GUINT_TO_POINTER (cells[i]), NULL, &slot))
            c = &g_array_index (out, TlSnapshotMarker, GPOINTER_TO_UINT (slot));
          else
            {
              TlSnapshotMarker zero = { .kind = m->kind };

              g_hash_table_insert (clusters, GUINT_TO_POINTER (cells[i]), GUINT_TO_POINTER (out->len));
              g_array_append_val (out, zero);
              c = &g_array_index (out, TlSnapshotMarker, out->len - 1);
            }
          c->x += m->x * m->count;
          c->y += m->y * m->count;
          c->count += m->count;
          for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
            c->kinds[k] += m->count > 1 ? m->kinds[k] : (k == m->kind);
        }
      g_hash_table_iter_init (&iter, clusters);
      while (g_hash_table_iter_next (&iter, NULL, &slot))
        {
          TlSnapshotMarker *c = &g_array_index (out, TlSnapshotMarker, GPOINTER_TO_UINT (slot));

          c->x /= c->count;
          c->y /= c->count;
          c->draw_x = c->x;
          c->draw_y = c->y;
          c->radius = cluster_radius (c->count, l->u);
          for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
            if (c->kinds[k] > c->kinds[c->kind])
              c->kind = k;
        }
      g_array_unref (in);
      *markers = out;
    }
}

/* A counted symbol: a dark disc that reads on land and sea, in colour and
 * in greyscale, ringed in the colour of the kind most of it has, with
 * the count in white. */
void
tl_snapshot_draw_cluster (TlSnapshotPage         *page,
                          const TlSnapshotMarker *m)
{
  cairo_t *cr = page->cr;
  double u = page->layout.u, r, g, b;
  g_autofree char *text = m->count < 1000 ? g_strdup_printf ("%u", m->count)
                          /* Translators: a count of reports in thousands on a map cluster, e.g. 1.2k */
                          : g_strdup_printf (_("%.1fk"), m->count / 1000.0);
  static const TlSnapshotInk white = { 1, 1, 1 };

  tl_symbol_get_colour (m->kind, &r, &g, &b);
  cairo_new_path (cr);
  cairo_arc (cr, m->draw_x, m->draw_y, m->radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.14, 0.16, 0.2, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_set_line_width (cr, 0.9 * u);
  cairo_stroke (cr);
  tl_snapshot_draw_text (page, text, m->draw_x - m->radius, m->draw_y - 3.6 * u, 2 * m->radius, 5.5,
                         &white, TL_SNAPSHOT_TEXT_BOLD | TL_SNAPSHOT_TEXT_CENTRE);
}
