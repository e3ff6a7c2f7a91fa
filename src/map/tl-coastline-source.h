/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define TL_TYPE_COASTLINE_SOURCE (tl_coastline_source_get_type ())

G_DECLARE_FINAL_TYPE (TlCoastlineSource, tl_coastline_source, TL, COASTLINE_SOURCE, ShumateMapSource)

TlCoastlineSource *tl_coastline_source_new              (void);
gboolean           tl_coastline_source_get_dark         (TlCoastlineSource *self);
void               tl_coastline_source_set_dark         (TlCoastlineSource *self,
                                                         gboolean           dark);
gboolean           tl_coastline_source_get_show_borders (TlCoastlineSource *self);
void               tl_coastline_source_set_show_borders (TlCoastlineSource *self,
                                                         gboolean           show_borders);
int                tl_coastline_source_get_scale_factor (TlCoastlineSource *self);
void               tl_coastline_source_set_scale_factor (TlCoastlineSource *self,
                                                         int                scale_factor);
void               tl_coastline_source_clear_cache      (TlCoastlineSource *self);

G_END_DECLS
