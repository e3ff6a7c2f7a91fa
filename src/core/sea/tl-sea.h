/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The lines that matter in the Strait: the French/UK search-and-rescue
 * boundary, the median line, the 12 NM territorial sea limits and the
 * Dover Strait traffic separation scheme, with the questions asked of
 * them: on which side, in which waters, in which lane is a position, and
 * where will a boat be on its present course.
 *
 * Only the Strait and the eastern Channel are covered (TL_SEA_WEST ..
 * TL_SEA_EAST, TL_SEA_SOUTH .. TL_SEA_NORTH): outside, the answers are
 * "unknown". Every line is approximate, and says so in its label. */

#define TL_SEA_WEST   -1.0
#define TL_SEA_EAST    2.55
#define TL_SEA_SOUTH  49.6
#define TL_SEA_NORTH  51.7

/* The territorial sea's breadth (UNCLOS art. 3), in nautical miles. */
#define TL_SEA_TERRITORIAL_NM 12.0
/* Closer than this to a line, a position is on it. */
#define TL_SEA_ON_LINE_M      10.0

#define TL_SEA_ERROR (tl_sea_error_quark ())

typedef enum {
  TL_SEA_ERROR_INVALID_DATA, /* a bundled file could not be read */
} TlSeaError;

typedef enum {
  TL_SEA_SIDE_UNKNOWN,   /* no position, or outside the area */
  TL_SEA_SIDE_FRENCH,    /* French SRR (CROSS Gris-Nez) */
  TL_SEA_SIDE_UK,        /* UK SRR (HM Coastguard Dover) */
  TL_SEA_SIDE_BOUNDARY,  /* on the boundary itself */
  TL_SEA_N_SIDES
} TlSeaSide;

typedef enum {
  TL_SEA_WATERS_UNKNOWN,
  TL_SEA_WATERS_FRENCH,        /* French territorial sea */
  TL_SEA_WATERS_UK,            /* UK territorial sea */
  TL_SEA_WATERS_INTERNATIONAL, /* beyond both territorial seas */
  TL_SEA_WATERS_MEDIAN,        /* on the median line, inside both limits */
  TL_SEA_N_WATERS
} TlSeaWaters;

typedef enum {
  TL_SEA_LANE_NONE,         /* outside the scheme */
  TL_SEA_LANE_SOUTH_WEST,   /* the south-west-bound lane, English side */
  TL_SEA_LANE_SEPARATION,   /* the separation zone (its edges included) */
  TL_SEA_LANE_NORTH_EAST,   /* the north-east-bound lane, French side */
  TL_SEA_N_LANES
} TlSeaLane;

typedef struct {
  TlSeaSide   side;
  TlSeaWaters waters;
  TlSeaLane   lane;
} TlSeaZone;

typedef enum {
  TL_SEA_LINE_SRR,          /* polyline */
  TL_SEA_LINE_MEDIAN,       /* polyline */
  TL_SEA_LINE_TERRITORIAL,  /* two polylines: the UK's, then France's */
  TL_SEA_LINE_TSS,          /* three rings: SW lane, separation zone, NE lane */
  TL_SEA_N_LINES
} TlSeaLineKind;

/* One drawn part of a line: an open polyline or a closed ring. */
typedef struct {
  TlSeaLineKind kind;
  gboolean      closed;
  TlSeaLane     lane;       /* which part of the scheme, for TL_SEA_LINE_TSS */
  TlSeaSide     country;    /* whose limit, for TL_SEA_LINE_TERRITORIAL */
  GArray       *points;     /* double: latitude, longitude pairs */
} TlSeaPath;

typedef struct _TlSea TlSea;

#define TL_TYPE_SEA (tl_sea_get_type ())

GQuark        tl_sea_error_quark          (void);
GType         tl_sea_get_type             (void) G_GNUC_CONST;

TlSea        *tl_sea_get_default          (void);
TlSea        *tl_sea_new_from_data        (GBytes        *tss_geojson,
                                           GBytes        *srr_geojson,
                                           GArray        *shore,
                                           GError       **error);
TlSea        *tl_sea_ref                  (TlSea         *self);
void          tl_sea_unref                (TlSea         *self);
gboolean      tl_sea_ensure_loaded        (TlSea         *self,
                                           GError       **error);

/* How a line is drawn, the same on screen and on paper: in logical pixels
 * of the screen, or points on paper. Colours follow the chart (magenta for
 * routeing); dashes tell the lines apart in grey print too. */
typedef struct {
  double red, green, blue;
  double width;
  double dash[4];
  int    n_dash;
} TlSeaLineStyle;

void          tl_sea_line_get_style       (TlSeaLineKind   kind,
                                           TlSeaLineStyle *out_style);
GPtrArray    *tl_sea_get_paths            (TlSea         *self);
const char   *tl_sea_line_get_label       (TlSeaLineKind  kind);
const char   *tl_sea_line_get_source      (TlSeaLineKind  kind);
gboolean      tl_sea_line_is_approximate  (TlSeaLineKind  kind);

/* Which side, waters and lane: pure functions of the loaded lines. */
TlSeaSide     tl_sea_get_side             (TlSea         *self,
                                           double         latitude,
                                           double         longitude);
TlSeaWaters   tl_sea_get_waters           (TlSea         *self,
                                           double         latitude,
                                           double         longitude);
TlSeaLane     tl_sea_get_lane             (TlSea         *self,
                                           double         latitude,
                                           double         longitude);
void          tl_sea_classify             (TlSea         *self,
                                           double         latitude,
                                           double         longitude,
                                           TlSeaZone     *out_zone);
double        tl_sea_median_offset        (TlSea         *self,
                                           double         latitude,
                                           double         longitude);

const char   *tl_sea_side_get_label       (TlSeaSide      side);
const char   *tl_sea_waters_get_label     (TlSeaWaters    waters);
const char   *tl_sea_lane_get_label       (TlSeaLane      lane);
char         *tl_sea_zone_describe        (const TlSeaZone *zone);

/* tl-sea-reckon.c: dead reckoning on the great circle. */

/* Either side of the course, the cone of an estimate opens this much. */
#define TL_SEA_ESTIMATE_SPREAD_DEG 15.0
/* An estimate looks this far ahead for the median line and the lanes. */
#define TL_SEA_ESTIMATE_HORIZON_MIN (12 * 60)

typedef struct {
  double course;  /* degrees true, 0..360 */
  double speed;   /* knots */
} TlSeaMotion;

#define TL_SEA_N_STEPS 3
extern const int tl_sea_estimate_minutes[TL_SEA_N_STEPS]; /* 30, 60, 120 */

typedef struct {
  double      latitude;    /* the fix the estimate starts from */
  double      longitude;
  gint64      time;        /* UTC seconds */
  TlSeaMotion motion;
  double      step_latitude[TL_SEA_N_STEPS];
  double      step_longitude[TL_SEA_N_STEPS];
  /* Minutes from the fix, or -1 if not within the horizon. A boat already
   * there has 0. */
  double      minutes_to_median;
  double      minutes_to_lane[TL_SEA_N_LANES]; /* [TL_SEA_LANE_NONE] unused */
} TlSeaEstimate;

gboolean      tl_sea_motion_from_fixes    (double         lat1,
                                           double         lon1,
                                           gint64         time1,
                                           double         lat2,
                                           double         lon2,
                                           gint64         time2,
                                           TlSeaMotion   *out_motion);
void          tl_sea_reckon               (double         latitude,
                                           double         longitude,
                                           const TlSeaMotion *motion,
                                           double         minutes,
                                           double        *out_latitude,
                                           double        *out_longitude);
void          tl_sea_estimate             (TlSea         *self,
                                           double         latitude,
                                           double         longitude,
                                           gint64         time,
                                           const TlSeaMotion *motion,
                                           TlSeaEstimate *out_estimate);
gboolean      tl_sea_estimate_from_events (TlSea         *self,
                                           GPtrArray     *events,
                                           TlSeaEstimate *out_estimate);

/* tl-sea-count.c: the summary split by side. */
typedef struct {
  guint events;
  guint people;
} TlSeaCount;

void          tl_sea_count_by_side        (TlSea         *self,
                                           GPtrArray     *events,
                                           TlSeaCount     out_counts[TL_SEA_N_SIDES]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSea, tl_sea_unref)

G_END_DECLS
