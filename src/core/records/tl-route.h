/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tl_route_parse (const char *details_json,
                         GArray     *out_lonlat);

G_END_DECLS
