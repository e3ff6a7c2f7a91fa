/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Greedy label placement: labels are placed in order of priority, each at
 * the first of eight spots around its point that overlaps no label placed
 * before it and no obstacle (the markers drawn over the labels), or not at
 * all. Good enough for a gazetteer of dozens of places, and cheap enough
 * to run every frame: obstacles are tested one by one, which stays cheap
 * because the map clusters markers on a grid, so a view holds a few
 * hundred of them at most. */

#include "config.h"


#include "tl-labels.h"

/* How many steps further out a label that may lead tries. */
#define LEAD_STEPS 4

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

/* What a label is set around: its point, or, when the point is under
 * markers, those markers. A port hidden under a cluster bubble then gets
 * its name next to the bubble, which says where the port is, instead of
 * no name at all. */
static Rect
anchor_box (const TlLabel *l,
            const Rect    *obstacles,
            guint          n_obstacles)
{
  Rect box = { l->x, l->y, l->x, l->y };

  for (guint k = 0; k < n_obstacles; k++)
    {
      const Rect *o = &obstacles[k];

      if (o->x0 < l->x && l->x < o->x1 && o->y0 < l->y && l->y < o->y1)
        {
          box.x0 = MIN (box.x0, o->x0);
          box.y0 = MIN (box.y0, o->y0);
          box.x1 = MAX (box.x1, o->x1);
          box.y1 = MAX (box.y1, o->y1);
        }
    }
  return box;
}

/**
 * tl_labels_place:
 * @labels: (array length=n_labels): the labels; their @placed, @left and
 *   @top are set
 * @obstacles: (array length=n_obstacles) (nullable): what no label may
 *   cover, such as the markers drawn over the labels
 * @view_width: labels must fit inside the view
 * @view_height: labels must fit inside the view
 * @gap: space between a point and its label, and around each label
 *
 * Places labels so that no two overlap and none covers an obstacle,
 * higher priorities first. Each label tries the right of its point, then
 * the left, above, below, and then the four corners (above right, above
 * left, below right, below left); a label with @right_last set tries the
 * left, above, below, the corners on the left, those on the right and
 * then the right. A label with no free spot is not shown. A point under
 * an obstacle is labelled around that obstacle. A label with @may_lead
 * set that finds none of these free tries them again up to four steps
 * further out, and is then drawn with a leader line.
 *
 * Returns: how many labels were placed
 */
guint
tl_labels_place (TlLabel               *labels,
                 guint                  n_labels,
                 const TlLabelObstacle *obstacles,
                 guint                  n_obstacles,
                 double                 view_width,
                 double                 view_height,
                 double                 gap)
{
  g_autofree guint *order = g_new (guint, MAX (n_labels, 1));
  g_autofree Rect *placed = g_new (Rect, MAX (n_labels, 1));
  g_autofree Rect *blocked = g_new (Rect, MAX (n_obstacles, 1));
  /* Into the spots below, in the order they are tried. */
  static const guint right_first[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  static const guint right_last[8] = { 1, 2, 3, 5, 7, 4, 6, 0 };
  /* The direction each spot moves further out in. */
  static const double spot_dir[8][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 },
    { G_SQRT2 / 2, -G_SQRT2 / 2 }, { -G_SQRT2 / 2, -G_SQRT2 / 2 },
    { G_SQRT2 / 2, G_SQRT2 / 2 }, { -G_SQRT2 / 2, G_SQRT2 / 2 },
  };
  /* A corner spot is as far from the point as a side one. */
  double d = gap * G_SQRT2 / 2;
  guint n_placed = 0;

  g_return_val_if_fail (n_obstacles == 0 || obstacles != NULL, 0);

  for (guint k = 0; k < n_obstacles; k++)
    blocked[k] = (Rect) { obstacles[k].x, obstacles[k].y,
                          obstacles[k].x + obstacles[k].width, obstacles[k].y + obstacles[k].height };
  for (guint i = 0; i < n_labels; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_labels, sizeof (guint), compare_priority, labels);

  for (guint o = 0; o < n_labels; o++)
    {
      TlLabel *l = &labels[order[o]];
      Rect a = anchor_box (l, blocked, n_obstacles);
      const guint *tries = l->right_last ? right_last : right_first;
      const double spots[8][2] = {
        { a.x1 + gap, l->y - l->height / 2 },
        { a.x0 - gap - l->width, l->y - l->height / 2 },
        { l->x - l->width / 2, a.y0 - gap - l->height },
        { l->x - l->width / 2, a.y1 + gap },
        { a.x1 + d, a.y0 - d - l->height },
        { a.x0 - d - l->width, a.y0 - d - l->height },
        { a.x1 + d, a.y1 + d },
        { a.x0 - d - l->width, a.y1 + d },
      };

      /* A leader's steps: a line's height at least, so the line shows. */
      double lead = MAX (l->height, 3 * gap);

      l->placed = FALSE;
      l->leader = FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (spots) * (l->may_lead ? 1 + LEAD_STEPS : 1) && !l->placed; t++)
        {
          guint s = tries[t % G_N_ELEMENTS (spots)];
          /* Beyond the first eight, the same directions further out. */
          guint step = t / G_N_ELEMENTS (spots);
          double out = step * lead;
          double sx = spots[s][0] + out * spot_dir[s][0];
          double sy = spots[s][1] + out * spot_dir[s][1];
          Rect r = {
            sx - gap / 2, sy - gap / 2,
            sx + l->width + gap / 2, sy + l->height + gap / 2,
          };
          gboolean fits = r.x0 >= 0 && r.y0 >= 0 && r.x1 <= view_width && r.y1 <= view_height;

          for (guint k = 0; k < n_placed && fits; k++)
            fits = !rects_overlap (&r, &placed[k]);
          for (guint k = 0; k < n_obstacles && fits; k++)
            fits = !rects_overlap (&r, &blocked[k]);
          if (!fits)
            continue;

          l->placed = TRUE;
          l->leader = step > 0;
          l->left = sx;
          l->top = sy;
          placed[n_placed++] = r;
        }
    }

  return n_placed;
}
