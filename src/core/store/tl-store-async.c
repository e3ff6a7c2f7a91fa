/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-event-private.h"
#include "tl-store-private.h"
#include "tl-case-board.h"
#include "tl-store-watch.h"

/* What the window asks a store on its hot paths, as _async/_finish pairs:
 * the events of a window (list, map and time line), a filter's figures,
 * saving and deleting a report. On a server each runs on the store's
 * worker (tl-store-worker.c), so the window keeps drawing while the
 * server answers; on a file it runs at once, the same code as the
 * synchronous call, and calls back from the main loop.
 *
 * A read whose cancellable is cancelled reports G_IO_ERROR_CANCELLED
 * even if its answer came: a late answer never replaces a newer one. A
 * write is skipped if cancelled before it starts; once started, its
 * outcome is what it reports, so a desk always knows what was written. */

typedef struct {
  gint64            from;
  gint64            to;
  TlFilter         *filter;       /* nullable */
} ReadData;

typedef struct {
  TlEvent          *event;        /* the worker's copy */
  TlStoreSaveFlags  flags;
  TlCaseStatus      case_status;
  GStrv             units;
  char             *operator_name;
  /* out */
  gboolean          kept;
  TlEvent          *theirs;       /* on a conflict */
} WriteData;

/* Helpers */

static void
read_data_free (gpointer data)
{
  ReadData *self = data;

  g_clear_pointer (&self->filter, tl_filter_free);
  g_free (self);
}

static void
write_data_free (gpointer data)
{
  WriteData *self = data;

  g_clear_object (&self->event);
  g_clear_object (&self->theirs);
  g_strfreev (self->units);
  g_free (self->operator_name);
  g_free (self);
}

static GTask *
new_write_task (TlStore             *self,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag,
                WriteData           *data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, write_data_free);
  return task;
}

static gboolean
save (TlStore           *store,
      TlEvent           *event,
      TlStoreSaveFlags   flags,
      TlCaseStatus       case_status,
      const char        *op,
      gboolean          *out_kept,
      GError           **error)
{
  gboolean is_new = tl_event_get_id (event) == 0;
  gint64 case_id = tl_event_get_case_id (event);

  if (flags & TL_STORE_SAVE_NEW_CASE)
    return is_new ? tl_store_add_event_in_new_case (store, event, case_status, NULL, op, error)
                  : tl_store_update_event_in_new_case (store, event, case_status, NULL, op, error);

  if ((flags & TL_STORE_SAVE_CASE_STATUS) && case_id > 0)
    {
      g_autoptr(TlCase) c = tl_store_get_case (store, case_id, NULL);

      /* An unreadable case is left to the save, which reports it. */
      if (c != NULL && c->status != case_status)
        return is_new ? tl_store_add_event_with_case_status (store, event, case_id, case_status, op, error)
                      : tl_store_update_event_with_case_status (store, event, case_id, case_status, op, error);
    }

  /* A save that changes nothing writes nothing: no audit row, no new
   * revision. */
  if ((flags & TL_STORE_SAVE_UNCHANGED) && !is_new)
    return TRUE;

  /* A server that cannot be reached: kept on this desk, sent later. */
  if (is_new)
    return tl_store_add_event_or_keep (store, event, op, out_kept, error);
  return tl_store_update_event_or_keep (store, event, op, out_kept, error);
}

/* Jobs: on the worker's thread with its store, or at once with a file's */

static void
list_job (TlStore      *store,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  GPtrArray *events;

  if (data->filter != NULL)
    events = tl_store_query_events (store, data->filter, &error);
  else
    events = tl_store_list_events (store, data->from, data->to, &error);

  if (events == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref);
}

/* As the review counted them: in SQL on a file; over the events found
 * when words filter them, or on a server (whose backend counts events,
 * not figures), with the open cases from the cases table. */
static void
summarize_job (TlStore      *store,
               GTask        *task,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReadData *data = task_data;
  TlSummary *summary = g_new0 (TlSummary, 1);
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;

  if (data->filter->text == NULL && !tl_store_is_server (store))
    {
      if (!tl_store_summarize (store, data->filter, summary, &error))
        {
          g_free (summary);
          g_task_return_error (task, error);
          return;
        }
      g_task_return_pointer (task, summary, g_free);
      return;
    }

  found = tl_store_query_events (store, data->filter, &error);
  if (found == NULL)
    {
      g_free (summary);
      g_task_return_error (task, error);
      return;
    }
  tl_summary_compute (found, summary);
  summary->values[TL_SUMMARY_OPEN_CASES] = MAX (0, tl_store_count_open_cases (store, data->filter->to, NULL));
  g_task_return_pointer (task, summary, g_free);
}

static void
save_job (TlStore      *store,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (!tl_store_save_event (store, data->event, data->flags, data->case_status,
                            (const char * const *) data->units, data->operator_name,
                            &data->kept, &data->theirs, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
poll_job (TlStore      *store,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  gboolean changed = tl_store_check_for_changes (store);
  guint n_sent = 0;

  /* The listener is away, maybe the server too: once the worker can
   * reach it again, what this desk kept goes, without waiting for the
   * listener's own backoff. */
  if (tl_store_is_server (store) && tl_store_count_unsent (store) > 0 &&
      !tl_store_send_outbox (store, &n_sent, NULL))
    g_debug ("Sent %u kept reports, then stopped", n_sent);

  g_task_return_boolean (task, changed || n_sent > 0);
}

static void
poll_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(TlStore) self = g_weak_ref_get (ref);
  gboolean changed = g_task_propagate_boolean (G_TASK (result), NULL);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;

  self->polling = FALSE;
  if (changed)
    tl_store_emit_events_changed (self);
}

/* Private API */

void
tl_store_poll_server (TlStore *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  g_autoptr(GTask) task = NULL;

  g_weak_ref_init (ref, self);
  /* No source object: a poll does not keep a closed store alive. */
  task = g_task_new (NULL, NULL, poll_done, ref);
  g_task_set_source_tag (task, tl_store_poll_server);
  self->polling = TRUE;
  tl_store_worker_run (self, task, poll_job);
}

/* Public API */

/**
 * tl_store_save_event:
 * @self: a #TlStore
 * @event: the report: new (id 0) or edited at the revision it was read;
 *   it is given what was written (id, revision, times)
 * @flags: what else the save does, in the same transaction
 * @case_status: the status for %TL_STORE_SAVE_NEW_CASE or
 *   %TL_STORE_SAVE_CASE_STATUS
 * @units: (nullable) (array zero-terminated=1): units to remember for
 *   the next reports, once saved (blank ones are skipped)
 * @operator_name: who saves it
 * @out_kept: (out) (optional): %TRUE if the report was kept on this desk
 *   for a server that cannot be reached
 * @out_theirs: (out) (optional) (transfer full) (nullable): on a
 *   %TL_STORE_ERROR_CONFLICT, the record as the other writer left it
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves a report as the editor does: a new one is kept on this desk if
 * the server cannot be reached (tl_store_add_event_or_keep()); units are
 * remembered and the report's draft is dropped once it is saved. Waits
 * for a server: a window calls tl_store_save_event_async().
 *
 * Returns: %TRUE if the report was saved (or kept)
 */
gboolean
tl_store_save_event (TlStore             *self,
                     TlEvent             *event,
                     TlStoreSaveFlags     flags,
                     TlCaseStatus         case_status,
                     const char * const  *units,
                     const char          *operator_name,
                     gboolean            *out_kept,
                     TlEvent            **out_theirs,
                     GError             **error)
{
  gint64 id = tl_event_get_id (event);
  GError *local_error = NULL;
  gboolean kept = FALSE;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);

  if (out_kept != NULL)
    *out_kept = FALSE;
  if (out_theirs != NULL)
    *out_theirs = NULL;

  if (!save (self, event, flags, case_status, operator_name, &kept, &local_error))
    {
      /* Theirs, to show beside what the desk typed. */
      if (out_theirs != NULL && id > 0 &&
          g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT))
        *out_theirs = tl_store_get_event (self, id, NULL);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* Neither can undo the save, so neither fails it. */
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    {
      g_autofree char *unit = g_strstrip (g_strdup (units[i]));

      if (*unit != '\0')
        tl_store_add_unit (self, unit, NULL);
    }
  tl_store_delete_draft (self, tl_event_get_kind (event), id, NULL);

  if (out_kept != NULL)
    *out_kept = kept;
  return TRUE;
}

/**
 * tl_store_list_events_async:
 * @self: a #TlStore
 * @from: the first second, UTC
 * @to: the second after the last, UTC
 * @filter: (nullable): kinds, statuses, unit and words the events must
 *   match; its window is ignored (@from and @to are)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the events are read
 * @user_data: for @callback
 *
 * Reads the events of [@from, @to) as tl_store_list_events() does, or
 * those @filter keeps as tl_store_query_events() does, without waiting
 * on the caller's thread for a server.
 */
void
tl_store_list_events_async (TlStore             *self,
                            gint64               from,
                            gint64               to,
                            const TlFilter      *filter,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ReadData, 1);
  data->from = from;
  data->to = to;
  if (filter != NULL && tl_filter_has_criteria (filter))
    {
      data->filter = tl_filter_copy (filter);
      data->filter->from = from;
      data->filter->to = to;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_store_list_events_async);
  g_task_set_task_data (task, data, read_data_free);
  tl_store_worker_run (self, task, list_job);
}

/**
 * tl_store_list_events_finish:
 * @self: a #TlStore
 * @result: the #GAsyncResult
 * @error: return location for a #TL_STORE_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer container) (element-type TlEvent): the events by
 *   time then id, or %NULL with @error set
 */
GPtrArray *
tl_store_list_events_finish (TlStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_store_list_events_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tl_store_summarize_async:
 * @self: a #TlStore
 * @filter: the window and what it keeps, words included
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the figures are counted
 * @user_data: for @callback
 *
 * Counts the summary's figures of @filter's events (tl_store_summarize(),
 * or tl_summary_compute() over the events when words filter them), open
 * cases included.
 */
void
tl_store_summarize_async (TlStore             *self,
                          const TlFilter      *filter,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (filter != NULL);

  data = g_new0 (ReadData, 1);
  data->filter = tl_filter_copy (filter);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_store_summarize_async);
  g_task_set_task_data (task, data, read_data_free);
  tl_store_worker_run (self, task, summarize_job);
}

/**
 * tl_store_summarize_finish:
 * @out_summary: (out caller-allocates): the figures
 *
 * Returns: whether the figures were counted
 */
gboolean
tl_store_summarize_finish (TlStore       *self,
                           GAsyncResult  *result,
                           TlSummary     *out_summary,
                           GError       **error)
{
  g_autofree TlSummary *summary = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_store_summarize_async, FALSE);

  summary = g_task_propagate_pointer (G_TASK (result), error);
  if (summary == NULL)
    return FALSE;
  *out_summary = *summary;
  return TRUE;
}

/**
 * tl_store_save_event_async:
 * @self: a #TlStore
 * @event: the report: new (id 0) or edited at the revision it was read;
 *   it is given what was written (id, revision, times) when the save
 *   completes
 * @flags: what else the save does, in the same transaction
 * @case_status: the status for %TL_STORE_SAVE_NEW_CASE or
 *   %TL_STORE_SAVE_CASE_STATUS
 * @units: (nullable) (array zero-terminated=1): units to remember for
 *   the next reports, once saved
 * @operator_name: who saves it
 * @cancellable: (nullable): skips the save if cancelled before it starts
 * @callback: called when the report is saved, or not
 * @user_data: for @callback
 *
 * Saves a report as the editor does: a new one is kept on this desk if
 * the server cannot be reached (tl_store_add_event_or_keep()); its draft
 * is dropped once it is saved.
 */
void
tl_store_save_event_async (TlStore             *self,
                           TlEvent             *event,
                           TlStoreSaveFlags     flags,
                           TlCaseStatus         case_status,
                           const char * const  *units,
                           const char          *operator_name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (TL_IS_EVENT (event));
  g_return_if_fail (operator_name != NULL);

  data = g_new0 (WriteData, 1);
  /* The worker writes its own copy: the caller's stays on its thread. */
  data->event = tl_event_copy (event);
  data->flags = flags;
  data->case_status = case_status;
  data->units = g_strdupv ((GStrv) units);
  data->operator_name = g_strdup (operator_name);

  task = new_write_task (self, cancellable, callback, user_data, tl_store_save_event_async, data);
  g_object_set_data_full (G_OBJECT (task), "tl-event", g_object_ref (event), g_object_unref);
  tl_store_worker_run_write (self, task, save_job);
}

/**
 * tl_store_save_event_finish:
 * @out_kept: (out) (optional): %TRUE if the report was kept on this desk
 *   for a server that cannot be reached
 * @out_theirs: (out) (optional) (transfer full) (nullable): on a
 *   %TL_STORE_ERROR_CONFLICT, the record as the other writer left it
 *
 * Returns: %TRUE if the report was saved (or kept)
 */
gboolean
tl_store_save_event_finish (TlStore       *self,
                            GAsyncResult  *result,
                            gboolean      *out_kept,
                            TlEvent      **out_theirs,
                            GError       **error)
{
  WriteData *data;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_store_save_event_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok)
    tl_event_assign (g_object_get_data (G_OBJECT (result), "tl-event"), data->event);
  if (out_kept != NULL)
    *out_kept = ok && data->kept;
  if (out_theirs != NULL)
    *out_theirs = data->theirs != NULL ? g_object_ref (data->theirs) : NULL;
  return ok;
}

static void
open_cases_job (TlStore      *store,
                GTask        *task,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *cases;

  if (g_task_return_error_if_cancelled (task))
    return;
  cases = tl_store_list_open_cases (store, *(gint64 *) task_data, &error);
  if (cases == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cases, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * tl_store_list_open_cases_async:
 * @self: a #TlStore
 * @now: the time to judge the cases at
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the cases are read
 * @user_data: for @callback
 *
 * Reads the open cases (tl_store_list_open_cases()) on the store's worker.
 */
void
tl_store_list_open_cases_async (TlStore             *self,
                                gint64               now,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_store_list_open_cases_async);
  g_task_set_task_data (task, g_memdup2 (&now, sizeof now), g_free);
  tl_store_worker_run (self, task, open_cases_job);
}

/**
 * tl_store_list_open_cases_finish:
 *
 * Returns: (transfer full) (element-type TlOpenCase): the open cases, or
 *   %NULL with @error set
 */
GPtrArray *
tl_store_list_open_cases_finish (TlStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_store_list_open_cases_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
