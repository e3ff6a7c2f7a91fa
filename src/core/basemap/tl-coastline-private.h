/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "tl-coastline.h"

G_BEGIN_DECLS

/* Geometry is kept in Web Mercator world units: the whole world is the
 * unit square, x grows east, y grows south. A tile (x, y, z) is the square
 * [x, x + 1] / 2^z by [y, y + 1] / 2^z. */

/* Levels of simplification are indexed by the "effective zoom": the tile
 * zoom plus one for a 512 px tile. Level TL_LEVEL_FULL keeps every point. */
#define TL_LEVEL_FULL 14
#define TL_N_LEVELS   (TL_LEVEL_FULL + 1)

/* Vertices per chunk: a chunk's bounding box lets a tile skip the parts
 * of a long ring (Great Britain has 16k points) that lie far away. */
#define TL_CHUNK 32

typedef struct {
  double minx, miny, maxx, maxy;
} TlBox;

/* A ring (closed, filled) or a polyline (stroked) inside TlGeometry.pts. */
typedef struct {
  guint start;       /* first vertex, index into pts / 2 */
  guint n;           /* number of vertices */
  guint chunk_start; /* first chunk box, index into chunks */
  TlBox box;
} TlRun;

/* A uniform grid over a dataset's box, in compressed-row form: the runs
 * whose box touches cell i are items[cells[i] .. cells[i + 1]]. */
typedef struct {
  TlBox  box;
  int    nx, ny;
  guint *cells;
  guint *items;
} TlGrid;

/* One dataset at one level of simplification. */
typedef struct {
  double *pts;     /* x, y pairs */
  TlBox  *chunks;
  TlRun  *rings;   /* land to fill */
  guint   n_rings;
  TlRun  *lines;   /* true coastline (or borders) to stroke */
  guint   n_lines;
  TlGrid  ring_grid;
  TlGrid  line_grid;
} TlGeometry;

typedef struct {
  const char *name;
  int         min_zoom;         /* the first zoom this dataset is drawn at */
  TlBox       box;              /* world units; where the data is valid */
  gboolean    unbounded;        /* the world: no clip needed around it */
  TlGeometry *levels[TL_N_LEVELS]; /* NULL below min_zoom; may repeat */
} TlDataset;

enum {
  TL_DATASET_WORLD,
  TL_DATASET_NW_EUROPE,
  TL_DATASET_CHANNEL,
  TL_N_LAND_DATASETS,
};

struct _TlCoastline {
  gatomicrefcount ref_count;
  gsize           loaded;
  GError         *load_error;
  TlDataset       land[TL_N_LAND_DATASETS]; /* coarsest first */
  TlDataset       borders;
};

/* A ring or line read from a file, at full resolution. */
typedef struct {
  double *pts;    /* x, y pairs in world units */
  guint8 *coast;  /* per segment: TRUE if true shoreline, FALSE on the box edge */
  guint   n;      /* vertices; rings are stored open (last != first) */
  gboolean closed;
  TlBox   box;
} SrcRun;

/* tl-coastline-build.c: @src holds SrcRun, @tol is in world units (0
 * keeps every point) */
TlGeometry *tl_geometry_build    (GPtrArray    *src,
                                  const TlBox  *box,
                                  double        tol);
void        tl_geometry_free     (TlGeometry   *geom);
guint       tl_geometry_n_points (const TlGeometry *geom);

/* The geometry of @set fit for @level, or NULL if it has none. */
static inline TlGeometry *
tl_dataset_get_level (const TlDataset *set,
                      int              level)
{
  level = CLAMP (level, 0, TL_LEVEL_FULL);
  for (int l = level; l <= TL_LEVEL_FULL; l++)
    if (set->levels[l] != NULL)
      return set->levels[l];
  return NULL;
}

/* The grid cell holding coordinate @v: indexing and lookup must agree to
 * the last bit, so both use this. */
static inline int
tl_grid_cell (double v,
              double min,
              double max,
              int    n)
{
  int c = (int) floor ((v - min) / (max - min) * n);
  return CLAMP (c, 0, n - 1);
}

/* Boxes are value helpers shared by the loader (tl-coastline.c), the
 * simplifier (tl-coastline-build.c) and the renderers: inline here so that
 * none of those files calls into another for them. */
static inline void
tl_box_init (TlBox *box)
{
  box->minx = box->miny = G_MAXDOUBLE;
  box->maxx = box->maxy = -G_MAXDOUBLE;
}

static inline void
tl_box_add (TlBox  *box,
            double  x,
            double  y)
{
  box->minx = MIN (box->minx, x);
  box->miny = MIN (box->miny, y);
  box->maxx = MAX (box->maxx, x);
  box->maxy = MAX (box->maxy, y);
}

static inline gboolean
tl_box_intersects (const TlBox *a,
                   const TlBox *b)
{
  return a->minx <= b->maxx && b->minx <= a->maxx &&
         a->miny <= b->maxy && b->miny <= a->maxy;
}

G_END_DECLS
