/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TL_TYPE_KEYRING (tl_keyring_get_type ())
G_DECLARE_FINAL_TYPE (TlKeyring, tl_keyring, TL, KEYRING, GObject)

TlKeyring  *tl_keyring_get_default     (void);
void        tl_keyring_set_default     (TlKeyring           *keyring);
TlKeyring  *tl_keyring_new_in_memory   (void);
GHashTable *tl_keyring_dup_attributes  (const char          *address);

void        tl_keyring_lookup_async    (TlKeyring           *self,
                                        const char          *address,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
char       *tl_keyring_lookup_finish   (TlKeyring           *self,
                                        GAsyncResult        *result,
                                        GError             **error);
void        tl_keyring_store_async     (TlKeyring           *self,
                                        const char          *address,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    tl_keyring_store_finish    (TlKeyring           *self,
                                        GAsyncResult        *result,
                                        GError             **error);
void        tl_keyring_forget_async    (TlKeyring           *self,
                                        const char          *address,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    tl_keyring_forget_finish   (TlKeyring           *self,
                                        GAsyncResult        *result,
                                        GError             **error);
void        tl_keyring_password_free   (char                *password);

G_END_DECLS
