/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-store-pg-private.h"

void
tl_pg_cases_class_init (TlStoreBackendClass *klass)
{
}
