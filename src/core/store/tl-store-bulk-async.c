/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-store-private.h"

/* A validated import written off the window's thread. On a server it is
 * a job on the store's worker (tl-store-worker.c), whose connection was
 * made with the password the officer typed, if one was: a second store
 * opened by its address would have none. On a file it runs in a thread
 * on a second connection to the same file (a file has no password, and
 * a big import must not stop the window's drawing), and the store looks
 * at the file again once it is written. */

typedef struct {
  GPtrArray *events;       /* element-type TlEvent */
  GBytes    *key_digests;  /* TL_STORE_IMPORT_KEY_SIZE bytes per event */
  char      *operator_name;
  char      *source;
  char      *path;         /* a file's, to open it in the thread */
  guint      n_added;      /* written by the job, read once it is done */
  guint      n_skipped;
} BulkJob;

/* Helpers */

static void
bulk_job_free (BulkJob *job)
{
  g_ptr_array_unref (job->events);
  g_bytes_unref (job->key_digests);
  g_free (job->operator_name);
  g_free (job->source);
  g_free (job->path);
  g_free (job);
}

static void
bulk_import_job (TlStore      *store,
                 GTask        *task,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  BulkJob *job = task_data;
  GError *error = NULL;
  TlStoreBulk *bulk;

  /* Not started yet: nothing is written. Once started it is one
   * transaction, never cancelled half-way. */
  if (g_task_return_error_if_cancelled (task))
    return;
  if ((bulk = tl_store_bulk_begin (store, job->operator_name, job->source, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!tl_store_bulk_add (bulk, job->events, g_bytes_get_data (job->key_digests, NULL), &error))
    {
      tl_store_bulk_abort (bulk);
      g_task_return_error (task, error);
      return;
    }
  if (!tl_store_bulk_commit (bulk, &job->n_added, &job->n_skipped, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Runs in a thread: a file's own connection, not the window's. */
static void
file_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BulkJob *job = task_data;
  g_autoptr(TlStore) store = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = tl_store_open_unwatched (job->path, NULL, NULL, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  bulk_import_job (store, task, job, cancellable);
}

/* Back on the caller's thread: the window's store notices the other
 * connection's write at once (a local read of the file's version), so
 * its views show the reports before the caller is told. */
static void
file_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  tl_store_check_for_changes (g_task_get_source_object (outer));
  g_task_return_boolean (outer, TRUE);
}

/* Public API */

/**
 * tl_store_bulk_import_async:
 * @self: a #TlStore
 * @events: (element-type TlEvent): the reports; held, not copied, and
 *   not to be changed until @callback
 * @key_digests: (array): their import keys' digests,
 *   %TL_STORE_IMPORT_KEY_SIZE bytes each (tl_store_import_key_digest()); copied
 * @operator_name: who imports, for the audit log
 * @source: (nullable): the file they came from
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are written
 * @user_data: for @callback
 *
 * Writes @events as tl_store_bulk_begin(), tl_store_bulk_add() and
 * tl_store_bulk_commit() do, in one transaction, off the caller's
 * thread: on a server on the store's worker, with its connection (and so
 * the password typed for this store, if any). #TlStore::events-changed is
 * emitted on @self, on the caller's thread, before @callback. Once started
 * the write is not cancelled half-way.
 */
void
tl_store_bulk_import_async (TlStore             *self,
                            GPtrArray           *events,
                            const guint8        *key_digests,
                            const char          *operator_name,
                            const char          *source,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *inner;
  BulkJob *job;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (events != NULL);
  g_return_if_fail (key_digests != NULL || events->len == 0);
  g_return_if_fail (operator_name != NULL);

  job = g_new0 (BulkJob, 1);
  job->events = g_ptr_array_ref (events);
  job->key_digests = g_bytes_new (key_digests, (gsize) events->len * TL_STORE_IMPORT_KEY_SIZE);
  job->operator_name = g_strdup (operator_name);
  job->source = g_strdup (source);
  task = tl_store_job_new (self, tl_store_bulk_import_async, job, (GDestroyNotify) bulk_job_free,
                           cancellable, callback, user_data);
  if (tl_store_is_server (self))
    {
      tl_store_worker_run_write (self, task, bulk_import_job);
      return;
    }

  job->path = g_strdup (tl_store_get_path (self));
  /* No source object: the thread needs only the path, and must not hold
   * the store, whose last reference would then go on that thread. */
  inner = g_task_new (NULL, cancellable, file_done, g_object_ref (task));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_source_tag (inner, file_done);
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, file_thread);
  g_object_unref (inner);
}

/**
 * tl_store_bulk_import_finish:
 * @out_n_added: (out) (optional): reports written
 * @out_n_skipped: (out) (optional): reports left out because an earlier
 *   import wrote them (same import key)
 *
 * Returns: whether the reports were written; %FALSE with @error set, and
 *   then nothing was
 */
gboolean
tl_store_bulk_import_finish (TlStore       *self,
                             GAsyncResult  *result,
                             guint         *out_n_added,
                             guint         *out_n_skipped,
                             GError       **error)
{
  BulkJob *job;

  if (!tl_store_job_finish_boolean (self, result, tl_store_bulk_import_async, error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (out_n_added != NULL)
    *out_n_added = job->n_added;
  if (out_n_skipped != NULL)
    *out_n_skipped = job->n_skipped;
  return TRUE;
}
