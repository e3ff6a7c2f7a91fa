/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include <math.h>
#include <shumate/shumate.h>

#include "tl-cluster.h"
#include "tl-coordinates.h"
#include "tl-event.h"
#include "tl-incident-layer.h"

G_BEGIN_DECLS

/* How many people on board make a bigger symbol: unknown or under 10,
 * 10 to 29, 30 to 59, 60 and more. */
#define TL_MARKER_N_SIZES 4
/* Logical size of a marker texture: room for the biggest symbol and its
 * selection halo. */
#define TL_MARKER_TEXTURE_SIZE 40

/* tl-incident-textures.c: every texture a frame draws, made once. */
typedef struct _TlMarkerTextures TlMarkerTextures;

TlMarkerTextures *tl_marker_textures_new            (void);
void              tl_marker_textures_free           (TlMarkerTextures *self);
void              tl_marker_textures_set_scale      (TlMarkerTextures *self,
                                                     int               scale);
guint             tl_marker_size_bucket             (int               people);
double            tl_marker_radius                  (guint             size_bucket);
GdkTexture       *tl_marker_textures_get_symbol     (TlMarkerTextures *self,
                                                     TlEventKind       kind,
                                                     TlEventStatus     status,
                                                     guint             size_bucket,
                                                     gboolean          selected);
GdkTexture       *tl_marker_textures_get_cluster    (TlMarkerTextures *self,
                                                     guint             count,
                                                     TlEventKind       kind,
                                                     double           *out_size);
double            tl_marker_cluster_radius          (guint             count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlMarkerTextures, tl_marker_textures_free)

/* Clusters are precomputed down to the deepest zoom the map allows. */
#define CLUSTER_MAX_ZOOM 17
/* Markers closer than this many pixels may share a cluster bubble. */
#define CLUSTER_CELL_PX  48.0
#define PICK_RADIUS      12.0

typedef struct
{
  double mx;        /* Web Mercator, 0..1 */
  double my;
  gint64 time;      /* UTC, for the replay's emphasis */
  guint  position;  /* in the model */
  guint8 kind;
  guint8 status;
  guint8 size;      /* tl_marker_size_bucket() */
} MarkerPoint;

/* What the clusters in view were last looked up for. */
typedef struct
{
  int    level;
  double ox;
  double oy;
  double world;
  int    width;
  int    height;
  guint  serial;
} ViewKey;

typedef struct
{
  guint        position;  /* in the model */
  guint        start;     /* first point, into route_pts / 2 */
  guint        n;
  TlClusterBox box;
} Route;

struct _TlIncidentLayer
{
  ShumateLayer        parent_instance;

  /* owned */
  GtkSelectionModel  *model;
  GArray             *points;       /* MarkerPoint, in model order */
  TlClusterIndex     *index;        /* of the points of visible kinds */
  GArray             *routes;       /* Route */
  GArray             *route_pts;    /* double x, y pairs, Web Mercator */
  GArray             *visible;      /* guint: the clusters in view, for view_key */
  GArray             *obstacles;    /* TlLabelObstacle, for view_key */
  TlMarkerTextures   *textures;
  GTimeZone          *zone;

  guint               visible_kinds;
  guint               selected;     /* into points, or G_MAXUINT */
  TlCoordinateFormat  format;
  gboolean            show_routes;
  /* Bumped whenever the markers drawn change other than by moving the
   * view: the cached clusters in view and obstacles are then stale. */
  guint               serial;
  ViewKey             view_key;
  gboolean            view_valid;
  gboolean            obstacles_valid;
};

static inline double
lon_to_mx (double lon)
{
  return (lon + 180.0) / 360.0;
}

static inline double
lat_to_my (double lat)
{
  double s;

  lat = CLAMP (lat, -85.05112878, 85.05112878) * G_PI / 180.0;
  s = sin (lat);
  return 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);
}

static inline double
mx_to_lon (double mx)
{
  return mx * 360.0 - 180.0;
}

static inline double
my_to_lat (double my)
{
  return atan (sinh (G_PI * (1 - 2 * my))) * 180.0 / G_PI;
}

/* Where the view's top-left corner is, in world pixels at the current
 * zoom: a marker is drawn at its Mercator position times the world size,
 * minus this. */
static inline void
tl_incident_layer_view_origin (TlIncidentLayer *self,
                               double          *out_x,
                               double          *out_y,
                               double          *out_world)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);
  double world = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));

  *out_world = world;
  *out_x = lon_to_mx (shumate_location_get_longitude (location)) * world -
           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *out_y = lat_to_my (shumate_location_get_latitude (location)) * world -
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static inline int
tl_incident_layer_current_level (TlIncidentLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  return tl_cluster_index_level_for_zoom (self->index, shumate_viewport_get_zoom_level (viewport));
}

/* tl-incident-layer-routes.c */
void  tl_incident_layer_add_route              (TlIncidentLayer *self,
                                                guint            position,
                                                TlEvent         *event);
void  tl_incident_layer_snapshot_routes        (TlIncidentLayer *self,
                                                GtkSnapshot     *snapshot,
                                                double           ox,
                                                double           oy,
                                                double           world);
char *tl_incident_layer_marker_tooltip         (TlIncidentLayer *self,
                                                guint            position);
char *tl_incident_layer_cluster_tooltip        (TlIncidentLayer *self,
                                                guint            cluster);

/* tl-incident-layer-obstacles.c */
void  tl_incident_layer_query_view             (TlIncidentLayer *self,
                                                double          *out_ox,
                                                double          *out_oy,
                                                double          *out_world,
                                                int             *out_level);


G_END_DECLS
