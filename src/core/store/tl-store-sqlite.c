/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-store-private.h"

/* The SQLite backend: a Tideline database file. Its operations live in
 * the store's files beside what they do (tl-store-read.c,
 * tl-store-events.c, ...), each file installing its own. */

struct _TlStoreSqlite
{
  TlStoreBackend parent_instance;
};

G_DEFINE_FINAL_TYPE (TlStoreSqlite, tl_store_sqlite, TL_TYPE_STORE_BACKEND)

static void
tl_store_sqlite_class_init (TlStoreSqliteClass *klass)
{
  TlStoreBackendClass *backend_class = TL_STORE_BACKEND_CLASS (klass);

  tl_store_sqlite_install_reads (backend_class);
  tl_store_sqlite_install_events (backend_class);
  tl_store_sqlite_install_cases (backend_class);
  tl_store_sqlite_install_drafts (backend_class);
  tl_store_sqlite_install_import (backend_class);
  tl_store_sqlite_install_bulk (backend_class);
  tl_store_sqlite_install_query (backend_class);
  tl_store_sqlite_install_statistics (backend_class);
  tl_store_sqlite_install_units (backend_class);
  tl_store_sqlite_install_watch (backend_class);
  tl_store_sqlite_install_handover (backend_class);
  tl_store_sqlite_install_copy (backend_class);
  tl_store_sqlite_install_store (backend_class);
}

static void
tl_store_sqlite_init (TlStoreSqlite *self)
{
}

TlStoreBackend *
tl_store_sqlite_new (void)
{
  return g_object_new (TL_TYPE_STORE_SQLITE, NULL);
}
