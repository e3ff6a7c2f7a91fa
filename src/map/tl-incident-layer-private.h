/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tl-event.h"

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

G_END_DECLS
