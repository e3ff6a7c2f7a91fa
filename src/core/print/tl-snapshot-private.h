/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-snapshot.h"
#include "tl-labels.h"
#include "tl-snapshot-draw.h"

G_BEGIN_DECLS

/* The most markers spread around one place, with leader lines to it: a
 * disc of about four symbols' width around it. A larger group is one
 * counted symbol, as the window's map clusters it. */
#define TL_SNAPSHOT_MAX_SPREAD 80

/* A marker of the map, or a counted group of them. */
typedef struct {
  double      x, y, radius;
  TlEventKind kind;             /* a cluster's: the kind most of it has */
  double      draw_x, draw_y;   /* where it is drawn: off its point when it
                                 * would hide another */
  gboolean    moved;
  guint       count;            /* reports it stands for: 1, or a cluster's */
  guint       kinds[TL_EVENT_N_KINDS]; /* a cluster's reports by kind */
} TlSnapshotMarker;

/* tl-snapshot-clusters.c */
void     tl_snapshot_cluster_crowded (TlSnapshotPage          *page,
                                      GArray                 **markers);
void     tl_snapshot_draw_cluster    (TlSnapshotPage          *page,
                                      const TlSnapshotMarker  *marker);

/* tl-snapshot-map.c */
void     tl_snapshot_layout_compute  (const TlSnapshotOptions *options,
                                      double                   width,
                                      double                   height,
                                      TlSnapshotLayout        *out);
void     tl_snapshot_layout_project  (const TlSnapshotLayout  *layout,
                                      double                   longitude,
                                      double                   latitude,
                                      double                  *out_x,
                                      double                  *out_y);
gboolean tl_snapshot_draw_map        (TlSnapshotPage          *page,
                                      GError                 **error);
double   tl_snapshot_marker_radius   (int                      people,
                                      double                   u);
void     tl_snapshot_hexagon_colour  (double                   level,
                                      double                  *r,
                                      double                  *g,
                                      double                  *b);

/* tl-snapshot-places.c */
typedef struct {
  double x, y;     /* page units */
  gint64 time;     /* UTC seconds */
} TlSnapshotTrackEnd;

GArray  *tl_snapshot_draw_tracks      (TlSnapshotPage          *page);
void     tl_snapshot_draw_track_times (TlSnapshotPage          *page,
                                       GArray                  *ends,
                                       GArray                  *obstacles);
guint    tl_snapshot_draw_places      (TlSnapshotPage          *page,
                                       GArray                  *obstacles);

/* tl-snapshot-lines.c */
void     tl_snapshot_draw_sea_lines   (TlSnapshotPage          *page);

/* tl-snapshot-page.c */
char    *tl_snapshot_default_title    (const TlSnapshotOptions *options,
                                       GTimeZone               *zone);
char    *tl_snapshot_time_window_text (const TlSnapshotOptions *options,
                                       GTimeZone               *zone);
void     tl_snapshot_draw_page        (TlSnapshotPage          *page);

G_END_DECLS
