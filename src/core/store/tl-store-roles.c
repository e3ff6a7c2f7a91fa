/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* What the connected role may do, for a window that disables what it may
 * not and says why. The server enforces it whatever the window shows
 * (tl-store-pg-roles.c); a file is its owner's, who may do everything. */

/* Helpers */

static const char *
role_of (TlStore *self)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self->backend);

  return klass->get_role_name != NULL ? klass->get_role_name (self->backend) : NULL;
}

/* Why the first of @missing is refused to @role, in a whole sentence. */
static char *
refusal_of (TlStoreCapabilities  missing,
            const char          *role)
{
  if (missing & TL_STORE_CAN_READ)
    return g_strdup_printf (_("Your database role, %s, may not read reports"), role);
  if (missing & TL_STORE_CAN_EDIT_REPORTS)
    return g_strdup_printf (_("Your database role, %s, may only read: creating and editing "
                              "reports needs tideline_desk"), role);
  if (missing & TL_STORE_CAN_DELETE)
    return g_strdup_printf (_("Your database role, %s, may not delete reports: "
                              "that needs tideline_coordinator"), role);
  if (missing & TL_STORE_CAN_MANAGE_CASES)
    return g_strdup_printf (_("Your database role, %s, may not manage cases: "
                              "that needs tideline_coordinator"), role);
  return g_strdup_printf (_("Your database role, %s, may not import statistics or files: "
                            "that needs tideline_coordinator"), role);
}

/* Public API */

/**
 * tl_store_get_capabilities:
 * @self: a #TlStore
 *
 * Returns: what the role this store connected as may do, as read when
 *   the store was opened
 */
TlStoreCapabilities
tl_store_get_capabilities (TlStore *self)
{
  TlStoreBackendClass *klass;

  g_return_val_if_fail (TL_IS_STORE (self), 0);

  klass = TL_STORE_BACKEND_GET_CLASS (self->backend);
  if (klass->get_capabilities == NULL)
    return TL_STORE_CAN_ALL;

  return klass->get_capabilities (self->backend) & TL_STORE_CAN_ALL;
}

/**
 * tl_store_can:
 * @self: a #TlStore
 * @capabilities: one or more #TlStoreCapabilities
 *
 * Returns: %TRUE if the connected role may do all of @capabilities
 */
gboolean
tl_store_can (TlStore             *self,
              TlStoreCapabilities  capabilities)
{
  return (tl_store_get_capabilities (self) & capabilities) == capabilities;
}

/**
 * tl_store_explain_refusal:
 * @self: a #TlStore
 * @capabilities: one or more #TlStoreCapabilities
 *
 * Returns: (transfer full) (nullable): why the connected role may not do
 *   @capabilities, for a tooltip, or %NULL if it may
 */
char *
tl_store_explain_refusal (TlStore             *self,
                          TlStoreCapabilities  capabilities)
{
  TlStoreCapabilities missing;
  const char *role;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  missing = capabilities & ~tl_store_get_capabilities (self);
  if (missing == 0)
    return NULL;

  role = role_of (self);
  return refusal_of (missing, role != NULL ? role : _("unknown"));
}

/**
 * tl_store_is_listening:
 * @self: a #TlStore
 *
 * Returns: %TRUE while the other desks' writes are heard as the server
 *   makes them, %FALSE while they are polled for (a file, or a server
 *   whose notifications are not connected)
 */
gboolean
tl_store_is_listening (TlStore *self)
{
  TlStoreBackendClass *klass;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);

  klass = TL_STORE_BACKEND_GET_CLASS (self->backend);
  return klass->is_listening != NULL && klass->is_listening (self->backend);
}

/**
 * tl_store_is_server:
 * @self: a #TlStore
 *
 * Returns: %TRUE if the store writes to a shared server, %FALSE for a file
 */
gboolean
tl_store_is_server (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);

  return !TL_IS_STORE_SQLITE (self->backend);
}
