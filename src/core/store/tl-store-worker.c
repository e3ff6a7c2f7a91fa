/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-store-private.h"

/* A server's worker: the thread where a store's async calls reach the
 * server, so that the window's thread never waits for the network.
 *
 * The worker has a store of its own on the same server: a second
 * connection, made by the first job and used by one job at a time, in
 * order (a pool of one thread), so that two threads never use one
 * connection and a write queued after a read runs after it. The
 * caller's store keeps its own connection for its synchronous calls and
 * its LISTEN; the two never share a PGconn. A lost connection is made
 * again here too, before the next job, never on the caller's thread,
 * with a backoff (tl_pg_reconnect()); while it cannot be, jobs still
 * run and fail at once, and a write is kept in the outbox. */

struct _TlStoreWorker
{
  /* owned */
  char        *address;
  char        *password;  /* typed for the store's connection, or NULL */
  GThreadPool *pool;
  TlStore     *store;     /* touched by the pool's thread only */
};

typedef struct {
  GTask          *task;   /* owned */
  TlStoreJobFunc  func;
} Job;

/* Helpers */

static TlStore *
open_store (const char  *address,
            const char  *password,
            GError     **error)
{
  g_autoptr(TlStore) store = g_object_new (TL_TYPE_STORE, NULL);

  store->path = g_strdup (address);
  store->backend = tl_store_pg_open_quiet (address, password, error);
  if (store->backend == NULL)
    return NULL;
  tl_store_backend_set_store (store->backend, store);
  store->schema_version = TL_STORE_SCHEMA_VERSION;

  return g_steal_pointer (&store);
}

/* The worker's store: opened by the first job, connected again after an
 * outage if it can be. One that cannot be is still given to the job,
 * whose calls then fail at once with TL_STORE_ERROR_IO: a save is kept
 * on this desk (tl_store_add_event_or_keep()), not refused. */
static TlStore *
ensure_store (TlStoreWorker  *self,
              GError        **error)
{
  TlStoreBackendClass *klass;
  g_autoptr(GError) local_error = NULL;

  if (self->store == NULL)
    {
      self->store = open_store (self->address, self->password, error);
      return self->store;
    }

  klass = TL_STORE_BACKEND_GET_CLASS (self->store->backend);
  if (klass->reconnect != NULL && !klass->reconnect (self->store->backend, &local_error))
    g_debug ("%s", local_error->message);

  return self->store;
}

static gboolean
release_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* A write on a server is made by the worker's store: this store tells its
 * own views, from their thread, once it is committed. */
static void
write_done (GObject      *object,
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

  tl_store_emit_events_changed (TL_STORE (object));
  g_task_return_boolean (outer, TRUE);
}

/* Runs on the pool's thread. */
static void
run_job (gpointer data,
         gpointer user_data)
{
  TlStoreWorker *self = user_data;
  Job *job = data;
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  g_autoptr(GError) error = NULL;
  TlStore *store;

  /* Not started yet: nothing is read or written. */
  if (g_task_return_error_if_cancelled (job->task))
    goto out;

  store = ensure_store (self, &error);
  if (store == NULL)
    {
      g_task_return_error (job->task, g_steal_pointer (&error));
      goto out;
    }

  job->func (store, job->task, g_task_get_task_data (job->task), cancellable);

out:
  {
    /* The task holds the caller's store: its last reference must not
     * go on this thread, or the store would end here, waiting for it. */
    GSource *source = g_idle_source_new ();

    g_source_set_static_name (source, "[tideline] server job done");
    g_source_set_callback (source, release_task, job->task, NULL);
    g_source_attach (source, g_task_get_context (job->task));
    g_source_unref (source);
  }
  g_free (job);
}

/* Private API */

/* Runs @func with @task: on a server, on the store's worker; on a file,
 * at once on @self (GTask still calls back from the main loop, never
 * from inside this call). */
void
tl_store_worker_run (TlStore        *self,
                     GTask          *task,
                     TlStoreJobFunc  func)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  if (!tl_store_is_server (self))
    {
      if (!g_task_return_error_if_cancelled (task))
        func (self, task, g_task_get_task_data (task), g_task_get_cancellable (task));
      return;
    }

  if (self->worker == NULL)
    {
      TlStoreWorker *worker = g_new0 (TlStoreWorker, 1);

      worker->address = g_strdup (self->path);
      worker->password = g_strdup (tl_store_pg_get_typed_password (self->backend));
      worker->pool = g_thread_pool_new (run_job, worker, 1, FALSE, &error);
      if (worker->pool == NULL)
        {
          g_free (worker->address);
          g_free (worker->password);
          g_free (worker);
          g_task_return_new_error (task, TL_STORE_ERROR, TL_STORE_ERROR_FAILED,
                                   _("Could not start a thread for the server: %s"),
                                   error->message);
          return;
        }
      self->worker = worker;
    }

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  if (!g_thread_pool_push (self->worker->pool, job, &error))
    {
      g_task_return_new_error (task, TL_STORE_ERROR, TL_STORE_ERROR_FAILED,
                               _("Could not start a thread for the server: %s"),
                               error->message);
      g_object_unref (job->task);
      g_free (job);
    }
}

/* Runs @func as tl_store_worker_run() does, for a write whose @outer
 * returns a boolean: on a server the worker's store writes, and this
 * store then tells its own views, from their thread, once it is
 * committed (a file store's own write has told them already). */
void
tl_store_worker_run_write (TlStore        *self,
                           GTask          *outer,
                           TlStoreJobFunc  func)
{
  GTask *inner;

  if (!tl_store_is_server (self))
    {
      tl_store_worker_run (self, outer, func);
      return;
    }

  inner = g_task_new (self, g_task_get_cancellable (outer), write_done, g_object_ref (outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_source_tag (inner, tl_store_worker_run_write);
  g_task_set_task_data (inner, g_task_get_task_data (outer), NULL);
  tl_store_worker_run (self, inner, func);
  g_object_unref (inner);
}

/* Every job holds its store (the task's source object), so none is
 * queued when the store goes: this only waits for the thread to end. */
void
tl_store_worker_free (TlStoreWorker *self)
{
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->store);
  g_free (self->address);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self);
}
