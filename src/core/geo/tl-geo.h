/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* IUGG mean Earth radius R1, used for great-circle distances. */
#define TL_GEO_EARTH_RADIUS_M     6371008.8
/* WGS 84 semi-major axis: the sphere of Web Mercator (EPSG:3857). */
#define TL_GEO_MERCATOR_RADIUS_M  6378137.0
#define TL_GEO_METRES_PER_NM      1852.0
/* Web Mercator stops here, where the world map is square. */
#define TL_GEO_MERCATOR_MAX_LAT   85.05112878

double   tl_geo_distance        (double lat1,
                                 double lon1,
                                 double lat2,
                                 double lon2);
double   tl_geo_bearing         (double lat1,
                                 double lon1,
                                 double lat2,
                                 double lon2);
void     tl_geo_destination     (double  lat,
                                 double  lon,
                                 double  distance_m,
                                 double  bearing_deg,
                                 double *out_lat,
                                 double *out_lon);

double   tl_geo_metres_to_nm    (double metres);
double   tl_geo_nm_to_metres    (double nm);
double   tl_geo_metres_to_km    (double metres);
double   tl_geo_km_to_metres    (double km);

/* Web Mercator in pixels at a (fractional) zoom level. */
double   tl_geo_lon_to_x        (double lon,
                                 double zoom,
                                 double tile_size);
double   tl_geo_lat_to_y        (double lat,
                                 double zoom,
                                 double tile_size);
double   tl_geo_x_to_lon        (double x,
                                 double zoom,
                                 double tile_size);
double   tl_geo_y_to_lat        (double y,
                                 double zoom,
                                 double tile_size);
double   tl_geo_metres_per_pixel (double lat,
                                  double zoom,
                                  double tile_size);

/* A latitude/longitude box in degrees. west > east means the box crosses
 * the antimeridian. */
typedef struct {
  double west;
  double south;
  double east;
  double north;
} TlGeoBox;

gboolean tl_geo_box_contains    (const TlGeoBox *box,
                                 double          lat,
                                 double          lon);
gboolean tl_geo_box_intersects  (const TlGeoBox *a,
                                 const TlGeoBox *b);

typedef enum {
  TL_GEO_SCALE_UNIT_NM,   /* nautical miles */
  TL_GEO_SCALE_UNIT_KM,   /* kilometres */
} TlGeoScaleUnit;

gboolean tl_geo_scale_bar       (double          metres_per_pixel,
                                 double          max_width_px,
                                 TlGeoScaleUnit  unit,
                                 double         *out_length,
                                 double         *out_width_px);

G_END_DECLS
