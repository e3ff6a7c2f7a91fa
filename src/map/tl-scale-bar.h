/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* A scale bar in nautical miles above kilometres: ShumateScale knows only
 * metric and imperial, and at sea distances are told in NM. */
#define TL_TYPE_SCALE_BAR (tl_scale_bar_get_type ())
G_DECLARE_FINAL_TYPE (TlScaleBar, tl_scale_bar, TL, SCALE_BAR, GtkWidget)

TlScaleBar *tl_scale_bar_new          (void);
void        tl_scale_bar_set_viewport (TlScaleBar      *self,
                                       ShumateViewport *viewport);
char       *tl_scale_bar_dup_label    (TlScaleBar      *self,
                                       gboolean         nautical);

G_END_DECLS
