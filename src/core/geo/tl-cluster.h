/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Grid clustering of map points, precomputed for every integer zoom level
 * so that drawing a frame never clusters anything: it only looks up the
 * clusters of the visible grid buckets of one level.
 *
 * Coordinates are Web Mercator world units: the world is the unit square,
 * x grows east, y grows south. At zoom z the world is 256 × 2^z pixels. */

#define TL_CLUSTER_MAX_CATEGORIES 8

/**
 * TlClusterPoint:
 * @x: Web Mercator x, 0..1
 * @y: Web Mercator y, 0..1
 * @id: the caller's identifier (a model position, say)
 * @category: a small number (< %TL_CLUSTER_MAX_CATEGORIES) such as the
 *   event kind, used to give a cluster its dominant category
 */
typedef struct {
  double  x;
  double  y;
  guint32 id;
  guint8  category;
} TlClusterPoint;

/**
 * TlCluster:
 * @x: centroid of the members, Web Mercator
 * @y: centroid of the members, Web Mercator
 * @cell_x: grid cell of the cluster at its level
 * @cell_y: grid cell of the cluster at its level
 * @count: how many points it holds
 * @first: index (into the points given to tl_cluster_index_new()) of one
 *   member: the point itself when @count is 1
 * @category: the category most members have
 */
typedef struct {
  double  x;
  double  y;
  guint32 cell_x;
  guint32 cell_y;
  guint32 count;
  guint32 first;
  guint8  category;
} TlCluster;

typedef struct {
  double minx, miny, maxx, maxy;
} TlClusterBox;

typedef struct _TlClusterIndex TlClusterIndex;

TlClusterIndex   *tl_cluster_index_new          (const TlClusterPoint *points,
                                                 guint                 n_points,
                                                 guint                 max_zoom,
                                                 double                cell_px);
void              tl_cluster_index_free         (TlClusterIndex       *index);

guint             tl_cluster_index_get_n_points (const TlClusterIndex *index);
const TlClusterPoint *tl_cluster_index_get_point (const TlClusterIndex *index,
                                                 guint                 i);
guint             tl_cluster_index_get_max_zoom (const TlClusterIndex *index);
int               tl_cluster_index_level_for_zoom (const TlClusterIndex *index,
                                                 double                zoom);
const TlCluster  *tl_cluster_index_get_clusters (const TlClusterIndex *index,
                                                 int                   level,
                                                 guint                *out_n);
void              tl_cluster_index_query        (const TlClusterIndex *index,
                                                 int                   level,
                                                 const TlClusterBox   *box,
                                                 GArray               *out_clusters);
gboolean          tl_cluster_index_hit          (const TlClusterIndex *index,
                                                 int                   level,
                                                 double                world_px,
                                                 double                px,
                                                 double                py,
                                                 double                single_radius,
                                                 double                cluster_radius,
                                                 guint                *out_cluster);
void              tl_cluster_index_get_members  (const TlClusterIndex *index,
                                                 int                   level,
                                                 guint                 cluster,
                                                 GArray               *out_points,
                                                 TlClusterBox         *out_box,
                                                 guint                 out_counts[TL_CLUSTER_MAX_CATEGORIES]);

double            tl_cluster_zoom_to_fit        (const TlClusterBox   *box,
                                                 double                width_px,
                                                 double                height_px,
                                                 double                margin_px,
                                                 double                max_zoom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlClusterIndex, tl_cluster_index_free)

G_END_DECLS
