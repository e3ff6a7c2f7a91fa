/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-sea.h"

G_BEGIN_DECLS

/* Geometry is worked in a plane: x = longitude * cos (TL_SEA_PLANE_LAT),
 * y = latitude, in degrees. Over the Strait that plane is true to 1 %, which
 * is plenty for sides and crossings; distances that are compared with a
 * limit (12 NM) are measured on the sphere. */
#define TL_SEA_PLANE_LAT 50.9
/* Metres in a degree of the plane. */
#define TL_SEA_M_PER_DEG (6371008.8 * G_PI / 180.0)

/* Shore points bucketed in cells of a uniform grid, for nearest-shore
 * questions. */
typedef struct {
  double  west, south, cell;  /* degrees */
  int     nx, ny;
  guint  *starts;   /* nx * ny + 1: the points of cell i are starts[i] .. starts[i + 1] */
  double *pts;      /* latitude, longitude pairs, by cell */
  guint   n;
} TlShoreGrid;

struct _TlSea {
  gatomicrefcount ref_count;
  gsize           loaded;
  GError         *load_error;

  /* owned: the sources, kept until loaded */
  GBytes         *tss_data;
  GBytes         *srr_data;
  GArray         *shore_data;   /* NULL: read the shipped coastline */

  GPtrArray      *paths;        /* TlSeaPath */
  /* borrowed from paths */
  TlSeaPath      *srr;
  TlSeaPath      *median;
  TlSeaPath      *lanes[TL_SEA_N_LANES];

  TlShoreGrid     uk_shore;
  TlShoreGrid     fr_shore;
  TlShoreGrid     be_shore;
};

void        tl_sea_path_free          (gpointer      data);
TlSeaPath  *tl_sea_path_new           (TlSeaLineKind kind,
                                       gboolean      closed);

/* tl-sea-derive.c */
void        tl_shore_grid_init        (TlShoreGrid  *grid,
                                       const GArray *points);
void        tl_shore_grid_clear       (TlShoreGrid  *grid);
double      tl_shore_grid_nearest     (const TlShoreGrid *grid,
                                       double        latitude,
                                       double        longitude,
                                       double        max_m);
void        tl_sea_split_shore        (const GArray *shore,
                                       GArray       *uk,
                                       GArray       *fr,
                                       GArray       *be);
void        tl_sea_derive_lines       (TlSea        *self);

/* tl-sea-geometry.c */
double      tl_sea_fast_distance      (double lat1,
                                       double lon1,
                                       double lat2,
                                       double lon2);
double      tl_sea_polyline_offset    (const GArray *points,
                                       double        latitude,
                                       double        longitude);
gboolean    tl_sea_ring_contains      (const GArray *points,
                                       double        latitude,
                                       double        longitude);
double      tl_sea_ring_edge_distance (const GArray *points,
                                       double        latitude,
                                       double        longitude);

G_END_DECLS
