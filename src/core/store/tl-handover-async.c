/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-handover.h"
#include "tl-store-private.h"

/* The hand-over window's reads in one job on the store's worker
 * (tl-store-worker.c): what changed since a time, folded into items,
 * the cases changed since then, and each one's latest report. On a
 * file it runs at once and calls back from the main loop. */

typedef struct {
  gint64 since;
} HandoverJob;

/* Helpers */

static gint64
latest_event_of_case (TlStore *store,
                      gint64   case_id)
{
  /* Without its reports a case's row still shows; it opens nothing. */
  g_autoptr(GPtrArray) events = tl_store_list_case_events (store, case_id, NULL);
  gint64 latest = 0, latest_time = G_MININT64;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);

      if (tl_event_get_time (event) >= latest_time)
        {
          latest_time = tl_event_get_time (event);
          latest = tl_event_get_id (event);
        }
    }
  return latest;
}

static void
read_handover_job (TlStore      *store,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  HandoverJob *job = task_data;
  g_autoptr(TlHandoverData) data = g_new0 (TlHandoverData, 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  entries = tl_store_list_changes_since (store, job->since, &error);
  cases = entries != NULL ? tl_store_list_cases (store, &error) : NULL;
  if (cases == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->items = tl_handover_fold (entries);
  data->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_case_free);
  data->latest_events = g_array_new (FALSE, TRUE, sizeof (gint64));
  for (guint i = 0; i < cases->len; i++)
    {
      TlCase *c = g_ptr_array_index (cases, i);
      gint64 latest;

      if (c->updated_at < job->since)
        continue;
      latest = latest_event_of_case (store, c->id);
      g_ptr_array_add (data->cases, g_steal_pointer (&cases->pdata[i]));
      g_array_append_val (data->latest_events, latest);
    }
  g_task_return_pointer (task, g_steal_pointer (&data), (GDestroyNotify) tl_handover_data_free);
}

/* Public API */

void
tl_handover_data_free (TlHandoverData *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->latest_events, g_array_unref);
  g_free (self);
}

/**
 * tl_store_read_handover_async:
 * @self: a #TlStore
 * @since: UTC seconds: the start of the shift being handed over
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when all of it is read
 * @user_data: for @callback
 *
 * Reads what the hand-over lists since @since, on the store's worker.
 */
void
tl_store_read_handover_async (TlStore             *self,
                              gint64               since,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HandoverJob *job;

  g_return_if_fail (TL_IS_STORE (self));

  job = g_new0 (HandoverJob, 1);
  job->since = since;
  task = tl_store_job_new (self, tl_store_read_handover_async, job, g_free, cancellable, callback, user_data);
  tl_store_worker_run (self, task, read_handover_job);
}

/**
 * tl_store_read_handover_finish:
 *
 * Returns: (transfer full): what the hand-over lists, or %NULL with
 *   @error set
 */
TlHandoverData *
tl_store_read_handover_finish (TlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_read_handover_async, error);
}
