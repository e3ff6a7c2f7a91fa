/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-event.h"
#include "tl-store.h"

G_BEGIN_DECLS

#define TL_TYPE_SITREP_DIALOG (tl_sitrep_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlSitrepDialog, tl_sitrep_dialog, TL, SITREP_DIALOG, AdwWindow)

TlSitrepDialog *tl_sitrep_dialog_new      (GtkWindow      *parent,
                                           GPtrArray      *events,
                                           gint64          case_id,
                                           const char     *case_title);
char           *tl_sitrep_dialog_get_text (TlSitrepDialog *self);
void            tl_sitrep_dialog_set_case_status (TlSitrepDialog *self,
                                                  TlCaseStatus    status);

G_END_DECLS
