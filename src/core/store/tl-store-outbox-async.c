/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-event-private.h"
#include "tl-store-private.h"

/* The outbox's calls from a window, as _async/_finish pairs that run on
 * the store's worker (tl-store-worker.c): a deletion made from the
 * window's own copy of the report, so that it can be kept while the
 * server is gone; its Undo; and sending what was kept once the server is
 * back. The worker is the only thread that sends from the outbox for a
 * window, one job at a time, so an Undo never races the send of the
 * deletion it takes back, and the window's thread never waits for a
 * connection to be made again. On a file each runs at once. */

typedef struct {
  TlEvent *event;          /* the worker's copy */
  char    *operator_name;
  /* out */
  gboolean kept;           /* delete: kept on this desk */
  gboolean withdrawn;      /* restore: a kept deletion taken back */
  guint    n_sent;         /* send */
} OutboxData;

/* Helpers */

static void
outbox_data_free (gpointer data)
{
  OutboxData *self = data;

  g_clear_object (&self->event);
  g_free (self->operator_name);
  g_free (self);
}

/* A write on the store's worker, its task owning @data: on a server the
 * views are told once it is committed (tl_store_worker_run_write()).
 * Once started, a write's outcome is what it reports. */
static void
run (TlStore             *self,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data,
     gpointer             source_tag,
     OutboxData          *data,
     TlStoreJobFunc       func)
{
  g_autoptr(GTask) task = tl_store_job_new (self, source_tag, data, outbox_data_free,
                                            cancellable, callback, user_data);

  g_task_set_check_cancellable (task, FALSE);
  tl_store_worker_run_write (self, task, func);
}

static gboolean
finish (TlStore       *self,
        GAsyncResult  *result,
        gpointer       source_tag,
        OutboxData   **out_data,
        GError       **error)
{
  gboolean ok = tl_store_job_finish_boolean (self, result, source_tag, error);

  *out_data = G_IS_TASK (result) ? g_task_get_task_data (G_TASK (result)) : NULL;
  return ok;
}

/* Jobs: on the worker's thread with its store, or at once with a file's */

static void
delete_job (TlStore      *store,
            GTask        *task,
            gpointer      task_data,
            GCancellable *cancellable)
{
  OutboxData *data = task_data;
  GError *error = NULL;

  if (!tl_store_delete_event_or_keep (store, data->event, data->operator_name, &data->kept, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
restore_job (TlStore      *store,
             GTask        *task,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OutboxData *data = task_data;
  GError *error = NULL;

  if (!tl_store_withdraw_kept_deletion (store, tl_event_get_id (data->event), &data->withdrawn, &error) ||
      (!data->withdrawn && !tl_store_restore_event (store, data->event, data->operator_name, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
send_job (TlStore      *store,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  OutboxData *data = task_data;
  GError *error = NULL;

  /* Whoever asks knows the server is back: connected again now, not
   * after the backoff, even with nothing kept, so that the next save
   * goes straight to the server. */
  if (tl_store_is_server (store))
    {
      TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (store->backend);

      tl_store_pg_reconnect_soon (store->backend);
      if (klass->reconnect != NULL && !klass->reconnect (store->backend, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (!tl_store_send_outbox (store, &data->n_sent, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Public API */

/**
 * tl_store_delete_report_async:
 * @self: a #TlStore
 * @event: the report as the window has it: its id and the revision it
 *   was read at
 * @operator_name: who deletes it
 * @cancellable: (nullable): skips the delete if cancelled before it starts
 * @callback: called when it is deleted, kept, or not
 * @user_data: for @callback
 *
 * Deletes a report as tl_store_delete_event_or_keep() does, without
 * reading it from the server first: on a server that cannot be reached,
 * or while older saves still wait in the outbox, the deletion is kept on
 * this desk and sent in order with them. @event is what an Undo puts
 * back (tl_store_restore_report_async()).
 */
void
tl_store_delete_report_async (TlStore             *self,
                              TlEvent             *event,
                              const char          *operator_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  OutboxData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (TL_IS_EVENT (event));
  g_return_if_fail (operator_name != NULL);

  data = g_new0 (OutboxData, 1);
  data->event = tl_event_copy (event);
  data->operator_name = g_strdup (operator_name);
  run (self, cancellable, callback, user_data, tl_store_delete_report_async, data, delete_job);
}

/**
 * tl_store_delete_report_finish:
 * @out_kept: (out) (optional): %TRUE if the deletion was kept on this
 *   desk for a server that cannot be reached
 *
 * Returns: %TRUE if the report was deleted, or its deletion kept
 */
gboolean
tl_store_delete_report_finish (TlStore       *self,
                               GAsyncResult  *result,
                               gboolean      *out_kept,
                               GError       **error)
{
  OutboxData *data = NULL;
  gboolean ok = finish (self, result, tl_store_delete_report_async, &data, error);

  if (out_kept != NULL)
    *out_kept = ok && data->kept;
  return ok;
}

/**
 * tl_store_restore_report_async:
 * @self: a #TlStore
 * @event: the report as it was deleted (tl_store_delete_report_async())
 * @operator_name: who puts it back
 * @cancellable: (nullable): skips it if cancelled before it starts
 * @callback: called when it is back, or not
 * @user_data: for @callback
 *
 * Undoes a deletion: one still kept on this desk is taken back and never
 * sent; one already made is undone by tl_store_restore_event().
 */
void
tl_store_restore_report_async (TlStore             *self,
                               TlEvent             *event,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  OutboxData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (TL_IS_EVENT (event));
  g_return_if_fail (operator_name != NULL);

  data = g_new0 (OutboxData, 1);
  data->event = tl_event_copy (event);
  data->operator_name = g_strdup (operator_name);
  run (self, cancellable, callback, user_data, tl_store_restore_report_async, data, restore_job);
}

/**
 * tl_store_restore_report_finish:
 *
 * Returns: %TRUE if the report is back
 */
gboolean
tl_store_restore_report_finish (TlStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  OutboxData *data = NULL;

  return finish (self, result, tl_store_restore_report_async, &data, error);
}

/**
 * tl_store_send_outbox_async:
 * @self: a #TlStore
 * @cancellable: (nullable): skips it if cancelled before it starts
 * @callback: called when the outbox is sent, or the server stopped it
 * @user_data: for @callback
 *
 * Sends the reports kept on this desk (tl_store_send_outbox()) from the
 * store's worker, connecting again there first without waiting for the
 * backoff: the caller knows the server is back.
 */
void
tl_store_send_outbox_async (TlStore             *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (TL_IS_STORE (self));

  run (self, cancellable, callback, user_data, tl_store_send_outbox_async,
       g_new0 (OutboxData, 1), send_job);
}

/**
 * tl_store_send_outbox_finish:
 * @out_n_sent: (out) (optional): how many were sent
 *
 * Returns: %TRUE if the outbox is empty now
 */
gboolean
tl_store_send_outbox_finish (TlStore       *self,
                             GAsyncResult  *result,
                             guint         *out_n_sent,
                             GError       **error)
{
  OutboxData *data = NULL;
  gboolean ok = finish (self, result, tl_store_send_outbox_async, &data, error);

  if (out_n_sent != NULL)
    *out_n_sent = data != NULL ? data->n_sent : 0;
  return ok;
}
