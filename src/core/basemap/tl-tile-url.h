/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Address templates of raster tile servers, such as
 * "https://tile.example.org/{z}/{x}/{y}.png". */

#define TL_TILE_URL_ERROR (tl_tile_url_error_quark ())

typedef enum {
  TL_TILE_URL_ERROR_EMPTY,        /* nothing typed */
  TL_TILE_URL_ERROR_SCHEME,       /* not http:// or https:// */
  TL_TILE_URL_ERROR_PLACEHOLDER,  /* {z}, {x} or {y} missing */
  TL_TILE_URL_ERROR_INVALID,      /* not an address at all */
} TlTileUrlError;

GQuark   tl_tile_url_error_quark (void);

gboolean tl_tile_url_validate    (const char  *url_template,
                                  GError     **error);
char    *tl_tile_url_expand      (const char  *url_template,
                                  int          x,
                                  int          y,
                                  int          zoom);

G_END_DECLS
