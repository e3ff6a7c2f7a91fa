/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Grid clustering per integer zoom level, built once per data change.
 *
 * At zoom z a point falls in the grid cell floor (x × 256 × 2^z / cell_px).
 * Because floor (2a) >> 1 == floor (a), the cell of a point at zoom z is its
 * cell at zoom z + 1 shifted right by one: the finest level is clustered
 * from the points, and every coarser level from the level below it, so a
 * whole pyramid costs one sort of the points plus one sort per level of
 * ever fewer clusters.
 *
 * Clusters of a level are stored sorted by the bucket (8 × 8 cells) they
 * fall in, with a sorted table of the buckets present: a frame looks up the
 * few buckets it sees, never the whole level. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-cluster.h"

#define BUCKET_SHIFT 3        /* a bucket is 8 × 8 cells */
#define MAX_LEVEL    18       /* keeps cell numbers below 2^21 for the key */
#define MIN_CELL_PX  32.0

typedef struct {
  TlCluster *clusters;
  guint      n_clusters;
  guint64   *bucket_keys;  /* sorted, (by << 32) | bx */
  guint     *bucket_start; /* n_buckets + 1 entries, into clusters */
  guint      n_buckets;
} Level;

struct _TlClusterIndex {
  TlClusterPoint *points;
  guint           n_points;
  guint           max_zoom;
  double          cell_px;
  double          cells;    /* cells across the world at max_zoom */
  Level           levels[MAX_LEVEL + 1];
};

typedef struct {
  guint64 key;
  guint   item;  /* a point (finest level) or a cluster of the level below */
} SortItem;

/* helpers */

static inline guint64
sort_key (guint32 cx,
          guint32 cy)
{
  guint64 bx = cx >> BUCKET_SHIFT, by = cy >> BUCKET_SHIFT;

  /* Bucket row, bucket column, then the cell inside the bucket: sorting by
   * this key groups cells into clusters and clusters into buckets. */
  return (by << 42) | (bx << 24) | ((guint64) (cy & 7) << 3) | (cx & 7);
}

static inline guint64
bucket_key (guint32 bx,
            guint32 by)
{
  return ((guint64) by << 32) | bx;
}

static int
compare_items (const void *a,
               const void *b)
{
  const SortItem *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  /* Stable within a cell, so @first is the earliest point. */
  return (x->item > y->item) - (x->item < y->item);
}

static inline guint32
point_cell (double v,
            double cells)
{
  double c = floor (v * cells);

  return (guint32) CLAMP (c, 0, ceil (cells) - 1);
}

static void
build_buckets (Level *level)
{
  guint64 last = G_MAXUINT64;
  guint n = 0;

  level->bucket_keys = g_new (guint64, MAX (level->n_clusters, 1));
  level->bucket_start = g_new (guint, level->n_clusters + 1);
  for (guint i = 0; i < level->n_clusters; i++)
    {
      const TlCluster *c = &level->clusters[i];
      guint64 key = bucket_key (c->cell_x >> BUCKET_SHIFT, c->cell_y >> BUCKET_SHIFT);

      if (key != last)
        {
          level->bucket_keys[n] = key;
          level->bucket_start[n] = i;
          n++;
          last = key;
        }
    }
  level->bucket_start[n] = level->n_clusters;
  level->n_buckets = n;
}

/* Groups @items (sorted) into clusters. @src_counts holds the category
 * counts of each item (8 per item); the new counts go to @out_counts. */
static void
group_items (Level           *level,
             const SortItem  *items,
             guint            n_items,
             const TlCluster *children,
             const TlClusterPoint *points,
             const guint32   *src_counts,
             guint32        **out_counts)
{
  guint32 *counts = g_new0 (guint32, (gsize) MAX (n_items, 1) * TL_CLUSTER_MAX_CATEGORIES);
  guint n = 0;

  level->clusters = g_new (TlCluster, MAX (n_items, 1));
  for (guint i = 0; i < n_items;)
    {
      TlCluster *c = &level->clusters[n];
      guint32 *cc = &counts[(gsize) n * TL_CLUSTER_MAX_CATEGORIES];
      double sx = 0, sy = 0;
      guint32 count = 0, best = 0;
      guint j;

      for (j = i; j < n_items && items[j].key == items[i].key; j++)
        {
          guint item = items[j].item;

          if (children != NULL)
            {
              const TlCluster *child = &children[item];

              sx += child->x * child->count;
              sy += child->y * child->count;
              count += child->count;
              for (guint k = 0; k < TL_CLUSTER_MAX_CATEGORIES; k++)
                cc[k] += src_counts[(gsize) item * TL_CLUSTER_MAX_CATEGORIES + k];
              if (j == i)
                {
                  c->first = child->first;
                  c->cell_x = child->cell_x >> 1;
                  c->cell_y = child->cell_y >> 1;
                }
            }
          else
            {
              const TlClusterPoint *p = &points[item];

              sx += p->x;
              sy += p->y;
              count++;
              cc[MIN (p->category, TL_CLUSTER_MAX_CATEGORIES - 1)]++;
              if (j == i)
                c->first = item;
            }
        }

      c->x = sx / count;
      c->y = sy / count;
      c->count = count;
      c->category = 0;
      for (guint k = 0; k < TL_CLUSTER_MAX_CATEGORIES; k++)
        if (cc[k] > best)
          {
            best = cc[k];
            c->category = k;
          }
      n++;
      i = j;
    }

  level->n_clusters = n;
  *out_counts = counts;
}

/* public API */

/**
 * tl_cluster_index_new:
 * @points: (array length=n_points): the points, copied
 * @n_points: how many
 * @max_zoom: the finest level, at most 18
 * @cell_px: the grid's cell size in screen pixels, at least 32: points
 *   closer than this may share a cluster
 *
 * Clusters @points for every zoom level from 0 to @max_zoom.
 *
 * Returns: (transfer full): a new index
 */
TlClusterIndex *
tl_cluster_index_new (const TlClusterPoint *points,
                      guint                 n_points,
                      guint                 max_zoom,
                      double                cell_px)
{
  TlClusterIndex *index = g_new0 (TlClusterIndex, 1);
  g_autofree SortItem *items = NULL;
  g_autofree guint32 *counts = NULL;
  double cells;

  index->max_zoom = MIN (max_zoom, MAX_LEVEL);
  index->cell_px = MAX (cell_px, MIN_CELL_PX);
  index->n_points = n_points;
  index->points = g_memdup2 (points, sizeof (TlClusterPoint) * n_points);

  /* The finest level, from the points. */
  cells = index->cells = 256.0 * exp2 (index->max_zoom) / index->cell_px;
  items = g_new (SortItem, MAX (n_points, 1));
  for (guint i = 0; i < n_points; i++)
    {
      items[i].key = sort_key (point_cell (points[i].x, cells), point_cell (points[i].y, cells));
      items[i].item = i;
    }
  qsort (items, n_points, sizeof (SortItem), compare_items);
  group_items (&index->levels[index->max_zoom], items, n_points, NULL, index->points,
               NULL, &counts);
  for (guint i = 0; i < index->levels[index->max_zoom].n_clusters; i++)
    {
      TlCluster *c = &index->levels[index->max_zoom].clusters[i];

      c->cell_x = point_cell (points[c->first].x, cells);
      c->cell_y = point_cell (points[c->first].y, cells);
    }
  build_buckets (&index->levels[index->max_zoom]);

  /* Every coarser level, from the one below it. */
  for (int l = (int) index->max_zoom - 1; l >= 0; l--)
    {
      const Level *child = &index->levels[l + 1];
      g_autofree SortItem *up = g_new (SortItem, MAX (child->n_clusters, 1));
      guint32 *next_counts = NULL;

      for (guint i = 0; i < child->n_clusters; i++)
        {
          up[i].key = sort_key (child->clusters[i].cell_x >> 1, child->clusters[i].cell_y >> 1);
          up[i].item = i;
        }
      qsort (up, child->n_clusters, sizeof (SortItem), compare_items);
      group_items (&index->levels[l], up, child->n_clusters, child->clusters, NULL,
                   counts, &next_counts);
      g_free (counts);
      counts = next_counts;
      build_buckets (&index->levels[l]);
    }

  return index;
}

void
tl_cluster_index_free (TlClusterIndex *index)
{
  if (index == NULL)
    return;

  for (guint l = 0; l <= MAX_LEVEL; l++)
    {
      g_free (index->levels[l].clusters);
      g_free (index->levels[l].bucket_keys);
      g_free (index->levels[l].bucket_start);
    }
  g_free (index->points);
  g_free (index);
}

guint
tl_cluster_index_get_n_points (const TlClusterIndex *index)
{
  return index->n_points;
}

/**
 * tl_cluster_index_get_point:
 *
 * Returns: (transfer none): the point @i, as given to tl_cluster_index_new()
 */
const TlClusterPoint *
tl_cluster_index_get_point (const TlClusterIndex *index,
                            guint                 i)
{
  g_return_val_if_fail (i < index->n_points, NULL);

  return &index->points[i];
}

guint
tl_cluster_index_get_max_zoom (const TlClusterIndex *index)
{
  return index->max_zoom;
}

/**
 * tl_cluster_index_level_for_zoom:
 * @zoom: a fractional zoom level
 *
 * Returns: the level whose clusters to draw at @zoom: between two integer
 *   zooms the coarser one's, so clusters split as the map zooms in.
 */
int
tl_cluster_index_level_for_zoom (const TlClusterIndex *index,
                                 double                zoom)
{
  return CLAMP ((int) floor (zoom), 0, (int) index->max_zoom);
}

/**
 * tl_cluster_index_get_clusters:
 * @out_n: (out): how many clusters the level has
 *
 * Returns: (transfer none) (array length=out_n): the clusters of @level
 */
const TlCluster *
tl_cluster_index_get_clusters (const TlClusterIndex *index,
                               int                   level,
                               guint                *out_n)
{
  level = CLAMP (level, 0, (int) index->max_zoom);
  *out_n = index->levels[level].n_clusters;
  return index->levels[level].clusters;
}

static guint
bucket_lower_bound (const Level *lv,
                    guint64      key)
{
  guint lo = 0, hi = lv->n_buckets;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (lv->bucket_keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * tl_cluster_index_query:
 * @box: the area, in Web Mercator units
 * @out_clusters: (element-type guint): receives the indices of the
 *   clusters of @level whose bucket meets @box: every cluster inside @box
 *   and a few around it, in drawing order
 *
 * Costs a binary search per bucket row of @box plus the clusters found,
 * whatever the number of points.
 */
void
tl_cluster_index_query (const TlClusterIndex *index,
                        int                   level,
                        const TlClusterBox   *box,
                        GArray               *out_clusters)
{
  const Level *lv;
  double bucket, max_bucket;
  guint32 bx0, bx1, by0, by1;

  level = CLAMP (level, 0, (int) index->max_zoom);
  lv = &index->levels[level];
  if (lv->n_clusters == 0 || box->maxx < 0 || box->maxy < 0 || box->minx > 1 || box->miny > 1)
    return;

  /* Bucket size in world units: 8 cells of the level, a level's cell
   * being 2^(max_zoom - level) cells of the finest. */
  bucket = (1 << BUCKET_SHIFT) * exp2 (index->max_zoom - level) / index->cells;
  max_bucket = ceil (1.0 / bucket);
  bx0 = (guint32) CLAMP (floor (box->minx / bucket), 0, max_bucket);
  bx1 = (guint32) CLAMP (floor (box->maxx / bucket), 0, max_bucket);
  by0 = (guint32) CLAMP (floor (box->miny / bucket), 0, max_bucket);
  by1 = (guint32) CLAMP (floor (box->maxy / bucket), 0, max_bucket);

  for (guint32 by = by0; by <= by1; by++)
    {
      guint64 last = bucket_key (bx1, by);

      for (guint b = bucket_lower_bound (lv, bucket_key (bx0, by));
           b < lv->n_buckets && lv->bucket_keys[b] <= last; b++)
        for (guint i = lv->bucket_start[b]; i < lv->bucket_start[b + 1]; i++)
          g_array_append_val (out_clusters, i);
    }
}

/**
 * tl_cluster_index_hit:
 * @world_px: the size of the world in screen pixels at the current zoom
 *   (256 × 2^zoom), which may be fractional
 * @px: the pointer, in world pixels
 * @py: the pointer, in world pixels
 * @single_radius: how far from a lone point still hits it, in pixels
 * @cluster_radius: the same for a cluster of several points
 * @out_cluster: (out): the index of the cluster hit
 *
 * Finds the nearest cluster of @level under the pointer.
 *
 * Returns: whether a cluster was hit
 */
gboolean
tl_cluster_index_hit (const TlClusterIndex *index,
                      int                   level,
                      double                world_px,
                      double                px,
                      double                py,
                      double                single_radius,
                      double                cluster_radius,
                      guint                *out_cluster)
{
  double r = MAX (single_radius, cluster_radius);
  TlClusterBox box = {
    (px - r) / world_px, (py - r) / world_px, (px + r) / world_px, (py + r) / world_px,
  };
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  const TlCluster *clusters;
  double best = G_MAXDOUBLE;
  gboolean hit = FALSE;
  guint n;

  level = CLAMP (level, 0, (int) index->max_zoom);
  clusters = tl_cluster_index_get_clusters (index, level, &n);
  tl_cluster_index_query (index, level, &box, found);
  for (guint i = 0; i < found->len; i++)
    {
      const TlCluster *c = &clusters[g_array_index (found, guint, i)];
      double dx = c->x * world_px - px, dy = c->y * world_px - py;
      double d2 = dx * dx + dy * dy;
      double radius = c->count == 1 ? single_radius : cluster_radius;

      /* Later clusters are drawn on top, so on a tie the last one wins. */
      if (d2 <= radius * radius && d2 <= best)
        {
          best = d2;
          *out_cluster = g_array_index (found, guint, i);
          hit = TRUE;
        }
    }

  return hit;
}

/**
 * tl_cluster_index_get_members:
 * @out_points: (nullable) (element-type guint): receives the indices of the
 *   member points
 * @out_box: (out) (optional): the box around the members
 * @out_counts: (out) (optional): how many members each category has
 *
 * Lists the members of a cluster. This walks every point: it is for a
 * click or a tooltip, never for a frame.
 */
void
tl_cluster_index_get_members (const TlClusterIndex *index,
                              int                   level,
                              guint                 cluster,
                              GArray               *out_points,
                              TlClusterBox         *out_box,
                              guint                 out_counts[TL_CLUSTER_MAX_CATEGORIES])
{
  const TlCluster *c;
  TlClusterBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double cells = index->cells;
  guint shift, n;

  level = CLAMP (level, 0, (int) index->max_zoom);
  c = tl_cluster_index_get_clusters (index, level, &n);
  g_return_if_fail (cluster < n);
  c = &c[cluster];
  shift = index->max_zoom - level;

  if (out_counts != NULL)
    memset (out_counts, 0, sizeof (guint) * TL_CLUSTER_MAX_CATEGORIES);

  for (guint i = 0; i < index->n_points; i++)
    {
      const TlClusterPoint *p = &index->points[i];

      /* The same arithmetic as the build, so membership agrees exactly. */
      if ((point_cell (p->x, cells) >> shift) != c->cell_x ||
          (point_cell (p->y, cells) >> shift) != c->cell_y)
        continue;

      if (out_points != NULL)
        g_array_append_val (out_points, i);
      if (out_counts != NULL)
        out_counts[MIN (p->category, TL_CLUSTER_MAX_CATEGORIES - 1)]++;
      box.minx = MIN (box.minx, p->x);
      box.miny = MIN (box.miny, p->y);
      box.maxx = MAX (box.maxx, p->x);
      box.maxy = MAX (box.maxy, p->y);
    }

  if (out_box != NULL)
    *out_box = box;
}

/**
 * tl_cluster_zoom_to_fit:
 * @box: an area in Web Mercator units
 * @width_px: the view's width
 * @height_px: the view's height
 * @margin_px: room to leave on every side
 * @max_zoom: the deepest zoom allowed
 *
 * Returns: the largest zoom at which @box fits the view, at most @max_zoom
 */
double
tl_cluster_zoom_to_fit (const TlClusterBox *box,
                        double              width_px,
                        double              height_px,
                        double              margin_px,
                        double              max_zoom)
{
  double w = MAX (width_px - 2 * margin_px, 1);
  double h = MAX (height_px - 2 * margin_px, 1);
  double dx = (box->maxx - box->minx) * 256.0;
  double dy = (box->maxy - box->miny) * 256.0;
  double zx = dx > 0 ? log2 (w / dx) : max_zoom;
  double zy = dy > 0 ? log2 (h / dy) : max_zoom;

  return MIN (MIN (zx, zy), max_zoom);
}
