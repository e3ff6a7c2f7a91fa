/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TL_TYPE_MAP_LEGEND (tl_map_legend_get_type ())
G_DECLARE_FINAL_TYPE (TlMapLegend, tl_map_legend, TL, MAP_LEGEND, GtkBox)

GtkWidget *tl_map_legend_new (void);

G_END_DECLS
