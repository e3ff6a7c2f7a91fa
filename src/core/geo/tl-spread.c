/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Spreading symbols that would hide each other. Symbols whose circles
 * touch form a group (transitively); a group is drawn on rings around
 * the middle of its points, each symbol on the ring at the side its own
 * point lies, so that the leader lines from the points do not cross
 * more than they must. A spread group may now touch another symbol: the
 * two are merged and spread again, until nothing touches or the rounds
 * run out. A grid of cells as large as the largest symbol keeps a page
 * of thousands of symbols to the neighbours of each. */

#include "config.h"

#include <math.h>

#include "tl-spread.h"

/* Rounds of merging and spreading; a map that needs more is a blob for
 * the hexagons, not for leader lines. */
#define MAX_ROUNDS 8

typedef struct {
  guint  index;
  double angle;
} Member;

/* helpers */

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static gboolean
touch (const TlSpreadSymbol *a,
       const TlSpreadSymbol *b,
       double                gap)
{
  double dx = a->draw_x - b->draw_x, dy = a->draw_y - b->draw_y;
  double reach = a->radius + b->radius + gap;

  return dx * dx + dy * dy < reach * reach - 1e-9;
}

/* Joins the symbols whose drawn circles touch; returns how many pairs. */
/* A grid cell's key: its column in the high half, its row in the low
 * one, shifted as unsigned (a negative column may not be shifted). */
static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffffu));
}

static guint
join_touching (TlSpreadSymbol *symbols,
               guint           n,
               double          gap,
               guint          *parent)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  double cell = gap;
  guint n_touching = 0;

  for (guint i = 0; i < n; i++)
    cell = MAX (cell, 2 * symbols[i].radius + gap);

  for (guint i = 0; i < n; i++)
    {
      gint64 cx = (gint64) floor (symbols[i].draw_x / cell);
      gint64 cy = (gint64) floor (symbols[i].draw_y / cell);

      /* Neighbours already filed: the nine cells around. */
      for (gint64 ox = -1; ox <= 1; ox++)
        for (gint64 oy = -1; oy <= 1; oy++)
          {
            gint64 key = cell_key (cx + ox, cy + oy);
            GArray *members = g_hash_table_lookup (cells, &key);

            for (guint k = 0; members != NULL && k < members->len; k++)
              {
                guint j = g_array_index (members, guint, k);

                if (!touch (&symbols[i], &symbols[j], gap))
                  continue;
                n_touching++;
                parent[find_root (parent, i)] = find_root (parent, j);
              }
          }

      {
        gint64 key = cell_key (cx, cy);
        GArray *members = g_hash_table_lookup (cells, &key);

        if (members == NULL)
          {
            gint64 *stored = g_new (gint64, 1);

            *stored = key;
            members = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (cells, stored, members);
          }
        g_array_append_val (members, i);
      }
    }

  return n_touching;
}

static int
compare_angle (gconstpointer a,
               gconstpointer b)
{
  const Member *ma = a, *mb = b;

  if (ma->angle != mb->angle)
    return ma->angle < mb->angle ? -1 : 1;
  return (ma->index > mb->index) - (ma->index < mb->index);
}

/* Lays a group out on rings around the middle of its points. */
static void
spread_group (TlSpreadSymbol *symbols,
              GArray         *group,
              double          gap)
{
  g_autoptr(GArray) members = g_array_sized_new (FALSE, FALSE, sizeof (Member), group->len);
  double cx = 0, cy = 0, largest = 0, pitch, ring;
  guint placed = 0;

  for (guint k = 0; k < group->len; k++)
    {
      const TlSpreadSymbol *s = &symbols[g_array_index (group, guint, k)];

      cx += s->x;
      cy += s->y;
      largest = MAX (largest, s->radius);
    }
  cx /= group->len;
  cy /= group->len;
  /* Centre to centre on a ring, and from one ring to the next. */
  pitch = 2 * largest + gap;

  for (guint k = 0; k < group->len; k++)
    {
      guint i = g_array_index (group, guint, k);
      double dx = symbols[i].x - cx, dy = symbols[i].y - cy;
      /* Points on the middle itself (the same port) go round from the
       * top, in their order. */
      Member m = { i, (fabs (dx) < 1e-9 && fabs (dy) < 1e-9) ? -G_PI / 2 + k * 1e-6 : atan2 (dy, dx) };

      g_array_append_val (members, m);
    }
  g_array_sort (members, compare_angle);

  /* A disc, filled from the middle: the first ring just wide enough for
   * the group, or for six; each next ring a pitch further out. */
  ring = 1.02 * pitch / (2 * sin (G_PI / MAX (group->len, 2)));
  ring = CLAMP (ring, 0.6 * pitch, 1.02 * pitch);
  while (placed < members->len)
    {
      /* Neighbours on the ring a chord of at least @pitch apart. */
      guint capacity = MAX (2u, (guint) floor (G_PI / asin (MIN (1.0, pitch / (2 * ring)))));
      guint count = MIN (capacity, members->len - placed);

      for (guint k = 0; k < count; k++)
        {
          Member *m = &g_array_index (members, Member, placed + k);
          /* Even steps round the ring, starting at the first member's own
           * side, so that each stays near the side of its point. */
          double angle = g_array_index (members, Member, placed).angle + 2 * G_PI * k / count;
          TlSpreadSymbol *s = &symbols[m->index];

          s->draw_x = cx + ring * cos (angle);
          s->draw_y = cy + ring * sin (angle);
          s->moved = TRUE;
        }
      placed += count;
      ring += pitch;
    }
}

/* public API */

/**
 * tl_spread_symbols:
 * @symbols: (array length=n_symbols): the symbols; their @draw_x,
 *   @draw_y and @moved are set
 * @gap: the least space between two drawn symbols
 * @max_group: the most symbols spread around one place: a larger group
 *   would be a wheel wider than the place's surroundings, and is left on
 *   its points, marked @crowded, for the caller to count instead
 *
 * Moves symbols that would touch another apart, onto rings around their
 * points, so that each can be seen; a symbol that touches none stays on
 * its point.
 *
 * Returns: how many symbols were moved
 */
guint
tl_spread_symbols (TlSpreadSymbol *symbols,
                   guint           n_symbols,
                   double          gap,
                   guint           max_group)
{
  g_autofree guint *parent = NULL;
  guint n_moved = 0;

  g_return_val_if_fail (n_symbols == 0 || symbols != NULL, 0);

  parent = g_new (guint, MAX (n_symbols, 1));
  for (guint i = 0; i < n_symbols; i++)
    {
      symbols[i].draw_x = symbols[i].x;
      symbols[i].draw_y = symbols[i].y;
      symbols[i].moved = FALSE;
      symbols[i].crowded = FALSE;
      parent[i] = i;
    }

  /* Groups only grow: a symbol once spread stays in its group, and the
   * group is spread again from its points when it takes in another. */
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(GHashTable) groups = NULL;
      GHashTableIter iter;
      gpointer value;

      if (join_touching (symbols, n_symbols, gap, parent) == 0)
        break;

      groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
      for (guint i = 0; i < n_symbols; i++)
        {
          guint root = find_root (parent, i);
          GArray *group = g_hash_table_lookup (groups, GUINT_TO_POINTER (root));

          if (group == NULL)
            {
              group = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (groups, GUINT_TO_POINTER (root), group);
            }
          g_array_append_val (group, i);
        }
      g_hash_table_iter_init (&iter, groups);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GArray *group = value;

          if (group->len > max_group)
            for (guint k = 0; k < group->len; k++)
              {
                TlSpreadSymbol *s = &symbols[g_array_index (group, guint, k)];

                s->draw_x = s->x;
                s->draw_y = s->y;
                s->moved = FALSE;
                s->crowded = TRUE;
              }
          else if (group->len > 1)
            spread_group (symbols, group, gap);
        }
    }

  for (guint i = 0; i < n_symbols; i++)
    n_moved += symbols[i].moved;
  return n_moved;
}

/**
 * tl_spread_find_overlap:
 * @out_first: (out) (optional): one of two drawn symbols that touch
 * @out_second: (out) (optional): the other
 *
 * Returns: whether any two symbols, where they are drawn, overlap
 */
gboolean
tl_spread_find_overlap (const TlSpreadSymbol *symbols,
                        guint                 n_symbols,
                        guint                *out_first,
                        guint                *out_second)
{
  for (guint i = 0; i < n_symbols; i++)
    for (guint j = i + 1; j < n_symbols; j++)
      if (touch (&symbols[i], &symbols[j], 0))
        {
          if (out_first != NULL)
            *out_first = i;
          if (out_second != NULL)
            *out_second = j;
          return TRUE;
        }
  return FALSE;
}
