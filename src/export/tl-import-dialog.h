/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-import.h"

G_BEGIN_DECLS

#define TL_TYPE_IMPORT_DIALOG (tl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlImportDialog, tl_import_dialog, TL, IMPORT_DIALOG, AdwWindow)

TlImportDialog *tl_import_dialog_new            (GtkWindow      *parent,
                                                 TlStore        *store,
                                                 TlImportSource *source,
                                                 GTimeZone      *zone,
                                                 const char     *operator_name);
TlImportResult *tl_import_dialog_get_result     (TlImportDialog *self);
void            tl_import_dialog_set_column_field (TlImportDialog *self,
                                                 guint           column,
                                                 TlImportField   field);

void            tl_import_dialog_set_file         (TlImportDialog *self,
                                                   const char     *path,
                                                   const char     *encoding);
const char     *tl_import_dialog_get_encoding     (TlImportDialog *self);

G_END_DECLS
