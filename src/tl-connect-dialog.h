/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-store.h"

G_BEGIN_DECLS

#define TL_TYPE_CONNECT_DIALOG (tl_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlConnectDialog, tl_connect_dialog, TL, CONNECT_DIALOG, AdwWindow)

TlConnectDialog *tl_connect_dialog_new           (GtkWindow       *parent);
void             tl_connect_dialog_set_address   (TlConnectDialog *self,
                                                  const char      *address);
void             tl_connect_dialog_open          (TlConnectDialog *self,
                                                  const char      *address);
gboolean         tl_connect_dialog_get_connecting (TlConnectDialog *self);
const char      *tl_connect_dialog_get_error     (TlConnectDialog *self);

G_END_DECLS
