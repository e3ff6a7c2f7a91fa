/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-geo.h"
#include "tl-map-view.h"
#include "tl-review.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* What a main window sends out and takes in: map snapshots (save, print,
 * copy), briefings, SITREPs, and data files both ways. It adds its win.*
 * actions to the window's action map itself, so the window only creates
 * it and menus name the actions. Everything exported follows the
 * review's filter, the same one the map, the list and the summary show. */

#define TL_TYPE_EXPORT_DESK (tl_export_desk_get_type ())
G_DECLARE_FINAL_TYPE (TlExportDesk, tl_export_desk, TL, EXPORT_DESK, GObject)

TlExportDesk *tl_export_desk_new             (GtkApplicationWindow *window,
                                              AdwToastOverlay      *toasts,
                                              TlStore              *store,
                                              TlReview             *review,
                                              TlMapView            *map_view,
                                              GtkSingleSelection   *selection);
void          tl_export_desk_get_map_area    (TlExportDesk         *self,
                                              TlGeoBox             *out_bbox);
GtkWindow    *tl_export_desk_get_dialog      (TlExportDesk         *self);

G_END_DECLS
