/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Greedy label placement: labels are placed in order of priority, each at
 * the first of four spots around its point that overlaps no label placed
 * before it, or not at all. Good enough for a gazetteer of dozens of
 * places, and cheap enough to run every frame. */

#include "config.h"

#include <stdlib.h>

#include "tl-labels.h"

typedef struct {
  double x0, y0, x1, y1;
} Rect;

static gboolean
rects_overlap (const Rect *a,
               const Rect *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static int
compare_priority (const void *a,
                  const void *b,
                  void       *data)
{
  const TlLabel *labels = data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (labels[i].priority != labels[j].priority)
    return labels[i].priority < labels[j].priority ? -1 : 1;
  return (i > j) - (i < j);
}

/**
 * tl_labels_place:
 * @labels: (array length=n_labels): the labels; their @placed, @left and
 *   @top are set
 * @view_width: labels must fit inside the view
 * @view_height: labels must fit inside the view
 * @gap: space between a point and its label, and around each label
 *
 * Places labels so that no two overlap, higher priorities first: right of
 * the point, then left, above, below.
 *
 * Returns: how many labels were placed
 */
guint
tl_labels_place (TlLabel *labels,
                 guint    n_labels,
                 double   view_width,
                 double   view_height,
                 double   gap)
{
  g_autofree guint *order = g_new (guint, MAX (n_labels, 1));
  g_autofree Rect *placed = g_new (Rect, MAX (n_labels, 1));
  guint n_placed = 0;

  for (guint i = 0; i < n_labels; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_labels, sizeof (guint), compare_priority, labels);

  for (guint o = 0; o < n_labels; o++)
    {
      TlLabel *l = &labels[order[o]];
      const double spots[4][2] = {
        { l->x + gap, l->y - l->height / 2 },
        { l->x - gap - l->width, l->y - l->height / 2 },
        { l->x - l->width / 2, l->y - gap - l->height },
        { l->x - l->width / 2, l->y + gap },
      };

      l->placed = FALSE;
      for (guint s = 0; s < G_N_ELEMENTS (spots) && !l->placed; s++)
        {
          Rect r = {
            spots[s][0] - gap / 2, spots[s][1] - gap / 2,
            spots[s][0] + l->width + gap / 2, spots[s][1] + l->height + gap / 2,
          };
          gboolean free = r.x0 >= 0 && r.y0 >= 0 && r.x1 <= view_width && r.y1 <= view_height;

          for (guint k = 0; k < n_placed && free; k++)
            free = !rects_overlap (&r, &placed[k]);
          if (!free)
            continue;

          l->placed = TRUE;
          l->left = spots[s][0];
          l->top = spots[s][1];
          placed[n_placed++] = r;
        }
    }

  return n_placed;
}
