/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "tl-snapshot-options.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} TlSnapshotRect;

/* Where everything goes on the page, in the caller's user units. */
typedef struct {
  double         u;          /* user units per typographic point */
  double         width, height;
  TlSnapshotRect marking_top, marking_bottom; /* height 0 without a marking */
  TlSnapshotRect header;
  TlSnapshotRect map;        /* the map frame */
  TlSnapshotRect panel;      /* legend and details */
  gboolean       side_panel; /* panel right of the map rather than under it */
  double         world_x, world_y; /* Web Mercator world point at the map's top-left */
  double         scale;      /* user units per world unit */
} TlSnapshotLayout;

typedef struct {
  double r, g, b;
} TlSnapshotInk;

/* Page colours: the map's own come from TlBasemapStyle. */
typedef struct {
  TlSnapshotInk paper;
  TlSnapshotInk ink;
  TlSnapshotInk muted;
  TlSnapshotInk rule;
} TlSnapshotPalette;

/* What one render works with; lives on the stack of tl_snapshot_render(). */
typedef struct {
  cairo_t                 *cr;
  const TlSnapshotOptions *options;
  GPtrArray               *events;    /* element-type TlEvent; borrowed */
  TlSnapshotLayout         layout;
  const TlSnapshotPalette *palette;
  GTimeZone               *zone;      /* owned */
  PangoContext            *pango;     /* owned; hinting off so PNG and PDF set alike */
  const char              *font_family;
  double                   detail;    /* device pixels per user unit of the output */
  guint                    counts[TL_EVENT_N_KINDS]; /* markers drawn, per kind */
  guint                    hex_max;   /* reports in the fullest hexagon; 0 when markers are drawn */
  double                   hex_radius; /* the hexagons' size, page units */
  guint                    n_without_position;
  guint                    n_outside;
  guint                    n_spread;  /* markers drawn beside their point */
  guint                    n_clusters; /* groups too large to spread, drawn as one counted symbol */
} TlSnapshotPage;

const TlSnapshotPalette *tl_snapshot_palette_get (TlBasemapTheme theme);
const char              *tl_snapshot_font_family (void);

/* Text set with pango in the page's font */
typedef enum {
  TL_SNAPSHOT_TEXT_BOLD     = 1 << 0,
  TL_SNAPSHOT_TEXT_CENTRE   = 1 << 1,
  TL_SNAPSHOT_TEXT_RIGHT    = 1 << 2,
  TL_SNAPSHOT_TEXT_WRAP     = 1 << 3, /* otherwise one line, ellipsized */
  TL_SNAPSHOT_TEXT_ITALIC   = 1 << 4,
} TlSnapshotTextFlags;

PangoLayout *tl_snapshot_text_layout  (TlSnapshotPage      *page,
                                       const char          *text,
                                       double               size_pt,
                                       double               width,
                                       TlSnapshotTextFlags  flags);
double       tl_snapshot_draw_text    (TlSnapshotPage      *page,
                                       const char          *text,
                                       double               x,
                                       double               y,
                                       double               width,
                                       double               size_pt,
                                       const TlSnapshotInk *ink,
                                       TlSnapshotTextFlags  flags);
void         tl_snapshot_set_ink      (cairo_t             *cr,
                                       const TlSnapshotInk *ink,
                                       double               alpha);

G_END_DECLS
