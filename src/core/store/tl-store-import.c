/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Adding many events at once: the sample data, with its cases, and
 * imports, recognised by their import keys. All go through one bulk add
 * (tl-store-bulk.c). */

static const char key_exists_sql[] =
  "SELECT 1 FROM events WHERE import_key = ?";

/* Public API */

/**
 * tl_store_add_events:
 * @self: a #TlStore
 * @events: (element-type TlEvent): new events; their ids are ignored
 * @operator_name: who enters them, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves many events (the sample data) in one transaction: all of them,
 * audited as one bulk add, or none. On success each event gets its id and
 * bookkeeping fields, and #TlStore::events-changed is emitted once.
 *
 * Returns: %TRUE if every event was saved
 */
gboolean
tl_store_add_events (TlStore     *self,
                     GPtrArray   *events,
                     const char  *operator_name,
                     GError     **error)
{
  return tl_store_add_events_in_cases (self, events, NULL, NULL, 0, operator_name, error);
}

/**
 * tl_store_add_events_in_cases:
 * @self: a #TlStore
 * @events: (element-type TlEvent): new events; their ids are ignored, and
 *   those put into a new case get it in place of their own
 * @case_of_event: (array) (nullable): for each of @events, which of the
 *   new cases it goes into, or -1 for none; %NULL (with no cases) for
 *   none at all
 * @case_statuses: (array length=n_cases): the status of each new case
 * @n_cases: how many cases to create
 * @operator_name: who enters them, for the audit log
 * @error: return location for a #TL_STORE_ERROR
 *
 * As tl_store_add_events(), creating @n_cases cases for the events in
 * the same transaction: all of them or none, so a failure leaves no empty
 * case. The sample data's boats use it.
 *
 * Returns: %TRUE if every event and case was saved
 */
gboolean
tl_store_add_events_in_cases (TlStore            *self,
                              GPtrArray          *events,
                              const int          *case_of_event,
                              const TlCaseStatus *case_statuses,
                              guint               n_cases,
                              const char         *operator_name,
                              GError            **error)
{
  TlStoreBulk *bulk;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (case_of_event != NULL || n_cases == 0, FALSE);
  g_return_val_if_fail (case_statuses != NULL || n_cases == 0, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; case_of_event != NULL && i < events->len; i++)
    g_return_val_if_fail (case_of_event[i] < (int) n_cases, FALSE);

  if (events->len == 0)
    return TRUE;

  bulk = tl_store_bulk_begin_unkeyed (self, operator_name, error);
  if (bulk == NULL)
    return FALSE;
  if (!tl_store_bulk_add_in_cases (bulk, events, case_of_event, case_statuses, n_cases, error))
    {
      tl_store_bulk_abort (bulk);
      return FALSE;
    }

  return tl_store_bulk_commit (bulk, NULL, NULL, error);
}

/**
 * tl_store_add_events_with_keys:
 * @self: a #TlStore
 * @events: (element-type TlEvent): new events; their ids and case ids are
 *   ignored
 * @import_keys: (element-type utf8): where each event comes from, e.g. a
 *   hash of its source row; as many as @events
 * @operator_name: who imports them, for the audit log
 * @source: (nullable): what they are imported from, for the audit log:
 *   a file's name
 * @out_n_added: (out) (optional): events written
 * @out_n_skipped: (out) (optional): events left out because a previous
 *   import wrote their key, or because the key comes twice in @import_keys
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves the events whose import key the store has not seen, audited as
 * one import, in one transaction: all of them or none. On success each
 * saved event gets its id and bookkeeping fields (the skipped ones keep an
 * id of 0), and #TlStore::events-changed is emitted if any was saved.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_add_events_with_keys (TlStore     *self,
                               GPtrArray   *events,
                               GPtrArray   *import_keys,
                               const char  *operator_name,
                               const char  *source,
                               guint       *out_n_added,
                               guint       *out_n_skipped,
                               GError     **error)
{
  g_autofree guint8 *digests = NULL;
  TlStoreBulk *bulk;
  gboolean ok;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (import_keys != NULL && import_keys->len == events->len, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_added != NULL)
    *out_n_added = 0;
  if (out_n_skipped != NULL)
    *out_n_skipped = 0;
  if (events->len == 0)
    return TRUE;

  digests = g_new (guint8, (gsize) import_keys->len * TL_STORE_IMPORT_KEY_SIZE);
  for (guint i = 0; i < import_keys->len; i++)
    tl_store_import_key_digest (g_ptr_array_index (import_keys, i),
                                digests + (gsize) i * TL_STORE_IMPORT_KEY_SIZE);

  if ((bulk = tl_store_bulk_begin (self, operator_name, source, error)) == NULL)
    return FALSE;
  ok = tl_store_bulk_add (bulk, events, digests, error);
  if (!ok)
    tl_store_bulk_abort (bulk);

  return ok && tl_store_bulk_commit (bulk, out_n_added, out_n_skipped, error);
}

/**
 * tl_store_count_import_keys:
 * @self: a #TlStore
 * @import_keys: (element-type utf8): keys of rows about to be imported
 * @out_n_known: (out): how many of them tl_store_add_events_with_keys()
 *   would skip: written by a previous import, or repeated in the list
 * @error: return location for a #TL_STORE_ERROR
 *
 * For a dry run: writes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_count_import_keys (TlStore     *self,
                            GPtrArray   *import_keys,
                            guint       *out_n_known,
                            GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (import_keys != NULL, FALSE);
  g_return_val_if_fail (out_n_known != NULL, FALSE);

  return tl_store_backend_count_import_keys (self->backend, import_keys, out_n_known, error);
}

static gboolean
sqlite_count_import_keys (TlStoreBackend  *backend,
                          GPtrArray       *import_keys,
                          guint           *out_n_known,
                          GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TlCachedStatement) stmt = NULL;
  guint n_known = 0;

  stmt = tl_store_prepare_cached (self, key_exists_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < import_keys->len; i++)
    {
      const char *key = g_ptr_array_index (import_keys, i);
      guint8 digest[TL_STORE_IMPORT_KEY_SIZE];
      int rc;

      if (!g_hash_table_add (seen, (gpointer) key))
        {
          n_known++;
          continue;
        }

      tl_store_import_key_digest (key, digest);
      rc = sqlite3_bind_blob (stmt, 1, digest, sizeof digest, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        n_known++;
      else if (rc != SQLITE_DONE)
        {
          tl_store_set_error (self, rc, _("Could not read the events"), error);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  *out_n_known = n_known;
  return TRUE;
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_import (TlStoreBackendClass *klass)
{
  klass->count_import_keys = sqlite_count_import_keys;
}
