/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tl-snapshot-options.h"

G_BEGIN_DECLS

/* Briefing maps: a page with the basemap, the events, a legend and the
 * details a printed map must carry, drawn by our own renderer so that it
 * needs no widget and no display, and stays vector in PDF and SVG. */

gboolean tl_snapshot_render            (cairo_t                  *cr,
                                        double                    width,
                                        double                    height,
                                        const TlSnapshotOptions  *options,
                                        GPtrArray                *events,
                                        GError                  **error);
gboolean tl_snapshot_map_point         (const TlSnapshotOptions  *options,
                                        double                    width,
                                        double                    height,
                                        double                    longitude,
                                        double                    latitude,
                                        double                   *out_x,
                                        double                   *out_y);

gboolean tl_snapshot_write_file        (const char               *path,
                                        TlSnapshotFormat          format,
                                        const TlSnapshotOptions  *options,
                                        GPtrArray                *events,
                                        GError                  **error);

G_END_DECLS
