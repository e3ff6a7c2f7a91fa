/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-map-export-dialog.h"

G_BEGIN_DECLS

void tl_map_export_settings_bind   (TlMapExportDialog *self);
void tl_map_export_settings_unbind (TlMapExportDialog *self);

G_END_DECLS
