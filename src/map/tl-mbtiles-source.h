/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "tl-mbtiles.h"

G_BEGIN_DECLS

/* Tiles from an MBTiles file, read on a worker thread of its own. */
#define TL_TYPE_MBTILES_SOURCE (tl_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (TlMbtilesSource, tl_mbtiles_source, TL, MBTILES_SOURCE, ShumateDataSource)

TlMbtilesSource *tl_mbtiles_source_new            (const char      *path,
                                                   GError         **error);
const char      *tl_mbtiles_source_get_attribution (TlMbtilesSource *self);
const char      *tl_mbtiles_source_get_name       (TlMbtilesSource *self);
int              tl_mbtiles_source_get_min_zoom   (TlMbtilesSource *self);
int              tl_mbtiles_source_get_max_zoom   (TlMbtilesSource *self);

GBytes          *tl_map_placeholder_tile          (void);

G_END_DECLS
