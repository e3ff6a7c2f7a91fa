/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-coastline.h"
#include "tl-event.h"
#include "tl-geo.h"

G_BEGIN_DECLS

/* What a snapshot is asked for (TlSnapshotOptions), with its defaults, its
 * checks and the page size it gives, and the snapshot error domain. The
 * map frame (tl-snapshot-map.c), the page around it (tl-snapshot-page.c)
 * and the render that puts them together (tl-snapshot.c) all read it. */

#define TL_SNAPSHOT_ERROR (tl_snapshot_error_quark ())

typedef enum {
  TL_SNAPSHOT_ERROR_INVALID,        /* the options ask for an impossible map */
  TL_SNAPSHOT_ERROR_UNKNOWN_FORMAT, /* no format given and none in the file name */
  TL_SNAPSHOT_ERROR_WRITE,          /* the file could not be written */
  TL_SNAPSHOT_ERROR_FAILED,         /* drawing failed: data missing, out of memory */
} TlSnapshotError;

typedef enum {
  TL_SNAPSHOT_FORMAT_GUESS, /* from the file name's extension */
  TL_SNAPSHOT_FORMAT_PNG,
  TL_SNAPSHOT_FORMAT_PDF,
  TL_SNAPSHOT_FORMAT_SVG,
} TlSnapshotFormat;

typedef enum {
  TL_SNAPSHOT_PAPER_NONE,   /* a screen-sized image: width_px × height_px */
  TL_SNAPSHOT_PAPER_A4,
  TL_SNAPSHOT_PAPER_A3,
} TlSnapshotPaper;

/* The bit of one kind in TlSnapshotOptions.event_kinds. */
#define TL_SNAPSHOT_KIND(kind)  (1u << (kind))
#define TL_SNAPSHOT_ALL_KINDS   ((1u << TL_EVENT_N_KINDS) - 1)

/* Sizes limits, which keep an image in memory under about 600 MB. */
#define TL_SNAPSHOT_MAX_DPI       1200
#define TL_SNAPSHOT_MAX_SIDE_PX   20000
#define TL_SNAPSHOT_MAX_PIXELS    150000000

/**
 * TlSnapshotOptions:
 * @bbox: the area that must show, in degrees; the map shows more on the
 *   sides where the frame is wider than the area. Boxes across the
 *   antimeridian (west > east) are refused.
 * @paper: a paper size, or %TL_SNAPSHOT_PAPER_NONE for @width_px × @height_px
 * @landscape: turn the paper on its side
 * @dpi: dots per inch of a printed page: the pixels of a PNG on paper, and
 *   the shoreline detail of a PDF or SVG (default 150)
 * @width_px: image width when @paper is none (default 1920)
 * @height_px: image height when @paper is none (default 1080)
 * @title: (nullable): the title; %NULL names the area and the day, like
 *   “Strait of Dover — Thursday 26 November 2026”
 * @subtitle: (nullable): the line under it, for the time window and the
 *   active filters; %NULL writes them out from these options
 * @area_name: (nullable): the name of the area for the default title;
 *   %NULL picks a known name for @bbox, or its coordinates
 * @operator_name: (nullable): who made the map
 * @created_at: when, UTC seconds; 0 is now
 * @from: start of the time window the events come from, UTC seconds, or
 *   %TL_TIME_NONE
 * @to: end of the time window, exclusive, or %TL_TIME_NONE
 * @marking: (nullable): a protective marking (“OFFICIAL-SENSITIVE”),
 *   printed in a band at the top and bottom of the page
 * @show_coastline: draw land and shoreline
 * @show_borders: draw national borders
 * @show_legend: draw the legend, with its count per kind; without it the
 *   map takes the room
 * @show_scale: draw the scale bar, in nautical miles and kilometres
 * @show_north_arrow: draw the north arrow
 * @show_credits: print when the map was made and by whom, and name
 *   @operator_name as a PDF's author. The sources are printed whatever
 *   this says: their licences ask for it.
 * @event_kinds: which kinds of event to draw, a mask of TL_SNAPSHOT_KIND()
 * @theme: light or dark basemap and page
 * @time_zone: (nullable): the zone of every time printed; %NULL is local
 * @aggregate: markers one by one, or counted in hexagons; the default
 *   decides by how crowded the map would be
 *
 * Every string is borrowed: it must live as long as the options are used.
 * Initialise with tl_snapshot_options_init() so that fields added later
 * get their defaults.
 */
/* A month of reports is thousands of markers on one another: above a
 * density, they are counted in hexagons instead. */
typedef enum {
  TL_SNAPSHOT_AGGREGATE_AUTO,   /* hexagons above TL_SNAPSHOT_AGGREGATE_DENSITY */
  TL_SNAPSHOT_AGGREGATE_NEVER,
  TL_SNAPSHOT_AGGREGATE_ALWAYS,
} TlSnapshotAggregate;

/* Markers per square inch of map above which AUTO draws hexagons. */
#define TL_SNAPSHOT_AGGREGATE_DENSITY 12.0

typedef struct {
  TlGeoBox         bbox;
  TlSnapshotPaper  paper;
  gboolean         landscape;
  int              dpi;
  int              width_px;
  int              height_px;
  const char      *title;
  const char      *subtitle;
  const char      *area_name;
  const char      *operator_name;
  gint64           created_at;
  gint64           from;
  gint64           to;
  const char      *marking;
  gboolean         show_coastline;
  gboolean         show_borders;
  gboolean         show_legend;
  gboolean         show_scale;
  gboolean         show_north_arrow;
  gboolean         show_credits;
  guint            event_kinds;
  TlBasemapTheme   theme;
  GTimeZone       *time_zone;
  TlSnapshotAggregate aggregate;
} TlSnapshotOptions;

GQuark   tl_snapshot_error_quark       (void);

void     tl_snapshot_options_init      (TlSnapshotOptions        *options);
gboolean tl_snapshot_options_validate  (const TlSnapshotOptions  *options,
                                        GError                  **error);
void     tl_snapshot_get_page_size     (const TlSnapshotOptions  *options,
                                        double                   *out_width,
                                        double                   *out_height);
int      tl_snapshot_options_get_dpi   (const TlSnapshotOptions  *options);
gboolean tl_snapshot_format_from_path  (const char               *path,
                                        TlSnapshotFormat         *out_format,
                                        GError                  **error);

G_END_DECLS
