/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-store-pg-private.h"

/* Bulk adds (imports, the sample data) on a server: not written yet, so
 * tl-store-backend.c refuses them in words an operator understands. */

void
tl_pg_bulk_class_init (TlStoreBackendClass *klass)
{
}
