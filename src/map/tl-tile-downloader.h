/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* Raster tiles from a web server, for libshumate 1.0's raster renderer:
 * Tideline's own User-Agent (tile policies forbid library defaults), a
 * ShumateFileCache in front, and a placeholder for a tile that cannot be
 * had, since libshumate never retries a failed tile. */
#define TL_TYPE_TILE_DOWNLOADER (tl_tile_downloader_get_type ())
G_DECLARE_FINAL_TYPE (TlTileDownloader, tl_tile_downloader, TL, TILE_DOWNLOADER, ShumateDataSource)

TlTileDownloader *tl_tile_downloader_new (const char *url_template,
                                          const char *cache_key);

G_END_DECLS
