/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-import-private.h"

/* A validated import committed off the window's thread, by the window's
 * own store (tl_store_bulk_import_async()): on a server its worker's
 * connection, made with the password typed for it, writes the rows. */

/* Helpers */

static void
bulk_imported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TlImportResult *import = g_task_get_task_data (task);
  GError *error = NULL;

  if (!tl_store_bulk_import_finish (TL_STORE (object), result, &import->n_added, &import->n_already, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Public API */

/**
 * tl_import_result_commit_async:
 * @result: a validated result; it must stay, unchanged, until @callback
 * @store: where to write
 * @skip_bad_rows: import the good rows even if some are bad
 * @operator_name: who imports, for the audit log
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the rows are written, or not
 * @user_data: for @callback
 *
 * As tl_import_result_commit() without a dry run, off the caller's
 * thread (tl_store_bulk_import_async()): one transaction, never cancelled
 * half-way once started. @store emits #TlStore::events-changed before
 * @callback; tl_import_result_commit_finish() then sets @result's n_added
 * and n_already.
 */
void
tl_import_result_commit_async (TlImportResult      *result,
                               TlStore             *store,
                               gboolean             skip_bad_rows,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (result != NULL);
  g_return_if_fail (TL_IS_STORE (store));
  g_return_if_fail (operator_name != NULL);
  g_return_if_fail (result->keys->len == result->events->len);
  g_return_if_fail (result->key_digests->len == (gsize) result->events->len * TL_STORE_IMPORT_KEY_SIZE);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_import_result_commit_async);
  g_task_set_task_data (task, result, NULL);

  if (result->problems->len > 0 && !skip_bad_rows)
    {
      GError *error = NULL;

      tl_import_set_bad_rows_error (result, &error);
      g_task_return_error (task, error);
      return;
    }
  if (result->events->len == 0)
    {
      result->n_added = result->n_already = 0;
      g_task_return_boolean (task, TRUE);
      return;
    }

  tl_store_bulk_import_async (store, result->events, result->key_digests->data, operator_name,
                              result->source_name, cancellable, bulk_imported_cb, g_steal_pointer (&task));
}

/**
 * tl_import_result_commit_finish:
 * @store: the store given to tl_import_result_commit_async()
 *
 * Returns: %TRUE if the events were written, and the result's n_added and
 *   n_already set; %FALSE with @error set (a #TL_IMPORT_ERROR or
 *   #TL_STORE_ERROR), and then nothing was
 */
gboolean
tl_import_result_commit_finish (TlStore       *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_import_result_commit_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
