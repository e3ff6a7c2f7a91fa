/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "tl-geo.h"

G_BEGIN_DECLS

/* The offline basemap: land, sea and national borders drawn from GSHHG.
 * A TlCoastline is loaded once and then immutable, so any number of
 * threads may render tiles from it at the same time. */

#define TL_COASTLINE_ERROR (tl_coastline_error_quark ())

typedef enum {
  TL_COASTLINE_ERROR_INVALID_DATA, /* a bundled GeoJSON file could not be read */
} TlCoastlineError;

typedef enum {
  TL_BASEMAP_THEME_LIGHT,
  TL_BASEMAP_THEME_DARK,
} TlBasemapTheme;

typedef struct {
  double red, green, blue, alpha;
} TlBasemapColor;

typedef struct {
  TlBasemapColor sea;
  TlBasemapColor land;
  TlBasemapColor coast;
  TlBasemapColor border;
  double         coast_width;  /* in logical pixels of a 256 px tile */
  double         border_width; /* in logical pixels of a 256 px tile */
} TlBasemapStyle;

typedef struct _TlCoastline TlCoastline;

#define TL_TYPE_COASTLINE (tl_coastline_get_type ())

GQuark                tl_coastline_error_quark         (void);
GType                 tl_coastline_get_type            (void) G_GNUC_CONST;

TlCoastline          *tl_coastline_new                 (void);
TlCoastline          *tl_coastline_get_default         (void);
TlCoastline          *tl_coastline_ref                 (TlCoastline          *self);
void                  tl_coastline_unref               (TlCoastline          *self);
gboolean              tl_coastline_ensure_loaded       (TlCoastline          *self,
                                                        GError              **error);

void                  tl_coastline_render_tile         (TlCoastline          *self,
                                                        cairo_t              *cr,
                                                        int                   x,
                                                        int                   y,
                                                        int                   zoom,
                                                        int                   size_px,
                                                        const TlBasemapStyle *style);
cairo_surface_t      *tl_coastline_render_tile_surface (TlCoastline          *self,
                                                        int                   x,
                                                        int                   y,
                                                        int                   zoom,
                                                        int                   size_px,
                                                        const TlBasemapStyle *style);

const TlBasemapStyle *tl_basemap_style_get             (TlBasemapTheme        theme);
const char           *tl_coastline_get_credit          (void);
void                  tl_coastline_project             (double                lon,
                                                        double                lat,
                                                        double               *out_x,
                                                        double               *out_y);

/* tl-coastline-query.c */
gboolean              tl_coastline_is_land             (TlCoastline          *self,
                                                        double                latitude,
                                                        double                longitude);
GArray               *tl_coastline_get_shore           (TlCoastline          *self,
                                                        const TlGeoBox       *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlCoastline, tl_coastline_unref)

G_END_DECLS
