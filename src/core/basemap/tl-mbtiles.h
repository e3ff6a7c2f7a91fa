/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-geo.h"

G_BEGIN_DECLS

/* A read-only MBTiles file (https://github.com/mapbox/mbtiles-spec): raster
 * tiles for use without a network. Not thread-safe: use one from one
 * thread at a time. */

#define TL_MBTILES_ERROR (tl_mbtiles_error_quark ())

typedef enum {
  TL_MBTILES_ERROR_NOT_FOUND,    /* no such file */
  TL_MBTILES_ERROR_NOT_MBTILES,  /* not SQLite, or no tiles table */
  TL_MBTILES_ERROR_CORRUPT,      /* SQLite says the file is damaged */
  TL_MBTILES_ERROR_UNSUPPORTED,  /* vector tiles, or another format we cannot draw */
  TL_MBTILES_ERROR_READ,         /* a tile could not be read */
} TlMbtilesError;

typedef struct _TlMbtiles TlMbtiles;

GQuark      tl_mbtiles_error_quark      (void);

TlMbtiles  *tl_mbtiles_open             (const char  *path,
                                         GError     **error);
void        tl_mbtiles_free             (TlMbtiles   *self);

const char *tl_mbtiles_get_name         (TlMbtiles   *self);
const char *tl_mbtiles_get_format       (TlMbtiles   *self);
const char *tl_mbtiles_get_attribution  (TlMbtiles   *self);
int         tl_mbtiles_get_min_zoom     (TlMbtiles   *self);
int         tl_mbtiles_get_max_zoom     (TlMbtiles   *self);
gboolean    tl_mbtiles_get_bounds       (TlMbtiles   *self,
                                         TlGeoBox    *out_bounds);

GBytes     *tl_mbtiles_read_tile        (TlMbtiles   *self,
                                         int          x,
                                         int          y,
                                         int          zoom,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlMbtiles, tl_mbtiles_free)

G_END_DECLS
