/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-handover.h"
#include "tl-store-private.h"
#include "tl-trend-period.h"

/* The rest of what a window asks a store, as _async/_finish pairs on the
 * store's worker (tl-store-worker.c): what the report editor needs to
 * open, its drafts, one record and its history, a unit it remembers,
 * a case and its reports, what changed since a hand-over, official
 * figures to import, and the trend chart's days (Undo of a deletion is
 * the outbox's, tl-store-outbox-async.c). Each is a job over data the
 * task owns: the caller's copies never cross threads. On a file each
 * runs at once and calls back from the main loop, as in
 * tl-store-async.c. */

typedef struct {
  TlEventKind  kind;
  gint64       event_id;
  char        *operator_name;
  char        *content;     /* nullable: a draft to drop */
  char        *name;        /* a unit to remember */
  gint64       case_id;
  GTimeZone   *zone;
  gint64       from;
  gint64       to;
  TlTrendPeriod period;
  GArray      *rows;        /* official figures to import: days or weeks */
  gboolean     weekly;
} JobData;

/* Helpers */

static void
job_data_free (gpointer data)
{
  JobData *self = data;

  g_free (self->operator_name);
  g_free (self->content);
  g_free (self->name);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}

static void
return_pointer (GTask          *task,
                gpointer        result,
                GDestroyNotify  result_free,
                GError         *error)
{
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
}

/* Jobs: on the worker's thread with its store, or at once with a file's */

static void
load_form_job (TlStore      *store,
               GTask        *task,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JobData *data = task_data;
  g_autoptr(TlFormData) form = g_new0 (TlFormData, 1);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  form->units = tl_store_list_units (store, &error);
  if (form->units != NULL)
    form->places = tl_store_list_places (store, &error);
  if (form->places != NULL)
    form->cases = tl_store_list_cases (store, &error);
  if (form->cases == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An unreadable draft is no reason not to edit: it stays where it is. */
  form->draft = tl_store_get_draft (store, data->kind, data->event_id, NULL);
  /* Without it, restoring the draft merges coarser, but still safely. */
  if (form->draft != NULL && data->event_id > 0)
    form->audit = tl_store_list_audit (store, data->event_id, NULL);
  g_task_return_pointer (task, g_steal_pointer (&form), (GDestroyNotify) tl_form_data_free);
}

static void
save_draft_job (TlStore      *store,
                GTask        *task,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  gboolean ok;

  if (data->content != NULL)
    ok = tl_store_save_draft (store, data->kind, data->event_id, data->operator_name,
                              data->content, &error);
  else
    ok = tl_store_delete_draft (store, data->kind, data->event_id, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
get_event_job (TlStore      *store,
               GTask        *task,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  TlEvent *event = tl_store_get_event (store, data->event_id, &error);

  return_pointer (task, event, g_object_unref, error);
}

static void
list_audit_job (TlStore      *store,
                GTask        *task,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  GPtrArray *audit = tl_store_list_audit (store, data->event_id, &error);

  return_pointer (task, audit, (GDestroyNotify) g_ptr_array_unref, error);
}

static void
list_case_events_job (TlStore      *store,
                      GTask        *task,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  GPtrArray *events = tl_store_list_case_events (store, data->case_id, &error);

  return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref, error);
}

static void
get_case_job (TlStore      *store,
              GTask        *task,
              gpointer      task_data,
              GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  TlCase *found = tl_store_get_case (store, data->case_id, &error);

  return_pointer (task, found, (GDestroyNotify) tl_case_free, error);
}

static void
list_changes_since_job (TlStore      *store,
                        GTask        *task,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  GPtrArray *changes = tl_store_list_changes_since (store, data->from, &error);

  return_pointer (task, changes, (GDestroyNotify) g_ptr_array_unref, error);
}

static void
import_statistics_job (TlStore      *store,
                       GTask        *task,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;
  gboolean imported = data->weekly
    ? tl_store_import_statistics_weeks (store, data->rows, data->name, &error)
    : tl_store_import_statistics (store, data->rows, data->name, &error);

  if (!imported)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
add_unit_job (TlStore      *store,
              GTask        *task,
              gpointer      task_data,
              GCancellable *cancellable)
{
  JobData *data = task_data;
  GError *error = NULL;

  if (!tl_store_add_unit (store, data->name, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The days counted, the official daily and weekly figures beside them, grouped in weeks
 * or months over a long window. The figures are an extra: without them
 * the chart still shows the counts. */
static void
trend_job (TlStore      *store,
           GTask        *task,
           gpointer      task_data,
           GCancellable *cancellable)
{
  JobData *data = task_data;
  g_autoptr(GArray) official = NULL;
  GError *error = NULL;
  TlTrend *trend;

  if (g_task_return_error_if_cancelled (task))
    return;
  trend = tl_store_daily_counts (store, data->from, data->to, data->zone, &error);
  if (trend == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  official = tl_store_list_statistics (store, tl_trend_get_day (trend, 0)->date,
                                       tl_trend_get_day (trend, tl_trend_get_n_days (trend) - 1)->date,
                                       &error);
  if (official != NULL)
    tl_trend_add_statistics (trend, official);
  else
    {
      g_warning ("Could not read the official figures: %s", error->message);
      g_clear_error (&error);
    }
  g_clear_pointer (&official, g_array_unref);
  official = tl_store_list_statistics_weeks (store, tl_trend_get_day (trend, 0)->date,
                                             tl_trend_get_day (trend, tl_trend_get_n_days (trend) - 1)->date,
                                             &error);
  if (official != NULL)
    tl_trend_add_statistics_weeks (trend, official);
  else
    {
      g_warning ("Could not read the official weekly figures: %s", error->message);
      g_clear_error (&error);
    }
  if (data->period != TL_TREND_PERIOD_DAY)
    {
      TlTrend *grouped = tl_trend_group (trend, data->period);

      tl_trend_free (trend);
      trend = grouped;
    }
  g_task_return_pointer (task, trend, (GDestroyNotify) tl_trend_free);
}

/* Private API */

GTask *
tl_store_job_new (TlStore             *self,
                  gpointer             source_tag,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, data_free);
  return task;
}

/* The pointer a job returned, or NULL with @error set. */
gpointer
tl_store_job_finish (TlStore       *self,
                     GAsyncResult  *result,
                     gpointer       source_tag,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
tl_store_job_finish_boolean (TlStore       *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
start (TlStore             *self,
       gpointer             source_tag,
       JobData             *data,
       TlStoreJobFunc       func,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = tl_store_job_new (self, source_tag, data, job_data_free,
                                            cancellable, callback, user_data);

  tl_store_worker_run (self, task, func);
}

/* Public API */

void
tl_form_data_free (TlFormData *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->units);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->draft, tl_draft_free);
  g_clear_pointer (&self->audit, g_ptr_array_unref);
  g_free (self);
}

/**
 * tl_store_load_form_async:
 * @self: a #TlStore
 * @kind: the kind of report the form is for
 * @event_id: the record edited, or 0 for a new report
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when all is read
 * @user_data: for @callback
 *
 * Reads what the report editor offers and shows: the units remembered,
 * the places, the cases, and a draft left for the same form (with the
 * record's history, for an edit's).
 */
void
tl_store_load_form_async (TlStore             *self,
                          TlEventKind          kind,
                          gint64               event_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));

  data = g_new0 (JobData, 1);
  data->kind = kind;
  data->event_id = event_id;
  start (self, tl_store_load_form_async, data, load_form_job, cancellable, callback, user_data);
}

/**
 * tl_store_load_form_finish:
 *
 * Returns: (transfer full): the form's lists, or %NULL with @error set
 */
TlFormData *
tl_store_load_form_finish (TlStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_load_form_async, error);
}

/**
 * tl_store_save_draft_async:
 * @self: a #TlStore
 * @kind: the report's kind
 * @event_id: the record edited, or 0 for a new report
 * @operator_name: who typed it
 * @content: (nullable): the form as JSON, or %NULL to drop the draft
 * @cancellable: (nullable): skips the write if cancelled before it starts
 * @callback: (nullable): called when it is written, or not
 * @user_data: for @callback
 *
 * Keeps (tl_store_save_draft()) or drops (tl_store_delete_draft()) the
 * draft of a form, in the order asked with the store's other jobs.
 */
void
tl_store_save_draft_async (TlStore             *self,
                           TlEventKind          kind,
                           gint64               event_id,
                           const char          *operator_name,
                           const char          *content,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (content == NULL || operator_name != NULL);

  data = g_new0 (JobData, 1);
  data->kind = kind;
  data->event_id = event_id;
  data->operator_name = g_strdup (operator_name);
  data->content = g_strdup (content);
  task = tl_store_job_new (self, tl_store_save_draft_async, data, job_data_free,
                           cancellable, callback, user_data);
  /* Once started, the write's outcome is what it reports; a draft is no
   * report, so the views have nothing new to show (no run_write). */
  g_task_set_check_cancellable (task, FALSE);
  tl_store_worker_run (self, task, save_draft_job);
}

/**
 * tl_store_save_draft_finish:
 *
 * Returns: %TRUE if the draft was kept (or dropped)
 */
gboolean
tl_store_save_draft_finish (TlStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return tl_store_job_finish_boolean (self, result, tl_store_save_draft_async, error);
}

/**
 * tl_store_get_event_async:
 * @self: a #TlStore
 * @event_id: the record
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is read
 * @user_data: for @callback
 *
 * Reads one record (tl_store_get_event()).
 */
void
tl_store_get_event_async (TlStore             *self,
                          gint64               event_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));

  data = g_new0 (JobData, 1);
  data->event_id = event_id;
  start (self, tl_store_get_event_async, data, get_event_job, cancellable, callback, user_data);
}

/**
 * tl_store_get_event_finish:
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
TlEvent *
tl_store_get_event_finish (TlStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_get_event_async, error);
}

/**
 * tl_store_list_audit_async:
 * @self: a #TlStore
 * @event_id: the record
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when its history is read
 * @user_data: for @callback
 *
 * Reads a record's history (tl_store_list_audit()).
 */
void
tl_store_list_audit_async (TlStore             *self,
                           gint64               event_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));

  data = g_new0 (JobData, 1);
  data->event_id = event_id;
  start (self, tl_store_list_audit_async, data, list_audit_job, cancellable, callback, user_data);
}

/**
 * tl_store_list_audit_finish:
 *
 * Returns: (transfer container) (element-type TlAuditEntry): the
 *   history, oldest first, or %NULL with @error set
 */
GPtrArray *
tl_store_list_audit_finish (TlStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_list_audit_async, error);
}

/**
 * tl_store_count_trend_async:
 * @self: a #TlStore
 * @from: the first second, UTC
 * @to: the second after the last, UTC
 * @zone: the zone whose local days are counted
 * @period: days, or whole weeks or months from [@from, @to)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the days are counted
 * @user_data: for @callback
 *
 * Counts the days as tl_store_daily_counts() does, with the official
 * figures beside them (tl_store_list_statistics()), grouped by @period.
 */
void
tl_store_count_trend_async (TlStore             *self,
                            gint64               from,
                            gint64               to,
                            GTimeZone           *zone,
                            TlTrendPeriod        period,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (zone != NULL);

  data = g_new0 (JobData, 1);
  data->from = from;
  data->to = to;
  data->zone = g_time_zone_ref (zone);
  data->period = period;
  start (self, tl_store_count_trend_async, data, trend_job, cancellable, callback, user_data);
}

/**
 * tl_store_count_trend_finish:
 *
 * Returns: (transfer full): the trend, or %NULL with @error set
 */
TlTrend *
tl_store_count_trend_finish (TlStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_count_trend_async, error);
}

/**
 * tl_store_add_unit_async:
 * @self: a #TlStore
 * @name: a unit's name, as it should be offered
 * @cancellable: (nullable): skips it if cancelled before it starts
 * @callback: (nullable): called when it is remembered, or not
 * @user_data: for @callback
 *
 * Remembers a unit (tl_store_add_unit()), in the order asked with the
 * store's other jobs.
 */
void
tl_store_add_unit_async (TlStore             *self,
                         const char          *name,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (name != NULL);

  data = g_new0 (JobData, 1);
  data->name = g_strdup (name);
  task = tl_store_job_new (self, tl_store_add_unit_async, data, job_data_free,
                           cancellable, callback, user_data);
  /* Once started, the write's outcome is what it reports; a unit is no
   * report, so the views have nothing new to show (no run_write). */
  g_task_set_check_cancellable (task, FALSE);
  tl_store_worker_run (self, task, add_unit_job);
}

/**
 * tl_store_add_unit_finish:
 *
 * Returns: %TRUE if the unit is remembered
 */
gboolean
tl_store_add_unit_finish (TlStore       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return tl_store_job_finish_boolean (self, result, tl_store_add_unit_async, error);
}

/**
 * tl_store_list_case_events_async:
 * @self: a #TlStore
 * @case_id: the case
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when its reports are read
 * @user_data: for @callback
 *
 * Reads a case's reports (tl_store_list_case_events()).
 */
void
tl_store_list_case_events_async (TlStore             *self,
                                 gint64               case_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));

  data = g_new0 (JobData, 1);
  data->case_id = case_id;
  start (self, tl_store_list_case_events_async, data, list_case_events_job, cancellable, callback, user_data);
}

/**
 * tl_store_list_case_events_finish:
 *
 * Returns: (transfer container) (element-type TlEvent): the case's
 *   reports in time order, or %NULL with @error set
 */
GPtrArray *
tl_store_list_case_events_finish (TlStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_list_case_events_async, error);
}

/**
 * tl_store_get_case_async:
 * @self: a #TlStore
 * @case_id: the case
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is read
 * @user_data: for @callback
 *
 * Reads one case (tl_store_get_case()).
 */
void
tl_store_get_case_async (TlStore             *self,
                         gint64               case_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));

  data = g_new0 (JobData, 1);
  data->case_id = case_id;
  start (self, tl_store_get_case_async, data, get_case_job, cancellable, callback, user_data);
}

/**
 * tl_store_get_case_finish:
 *
 * Returns: (transfer full): the case, or %NULL with @error set
 */
TlCase *
tl_store_get_case_finish (TlStore       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_get_case_async, error);
}

/**
 * tl_store_list_changes_since_async:
 * @self: a #TlStore
 * @since: UTC seconds: the start of the shift being handed over
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are read
 * @user_data: for @callback
 *
 * Reads what changed since @since (tl_store_list_changes_since()).
 */
void
tl_store_list_changes_since_async (TlStore             *self,
                                   gint64               since,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));

  data = g_new0 (JobData, 1);
  data->from = since;
  start (self, tl_store_list_changes_since_async, data, list_changes_since_job, cancellable, callback, user_data);
}

/**
 * tl_store_list_changes_since_finish:
 *
 * Returns: (transfer container) (element-type TlAuditEntry): the
 *   changes, oldest first, or %NULL with @error set
 */
GPtrArray *
tl_store_list_changes_since_finish (TlStore       *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return tl_store_job_finish (self, result, tl_store_list_changes_since_async, error);
}

/**
 * tl_store_import_statistics_async:
 * @self: a #TlStore
 * @rows: (element-type TlStatisticsDay): the official figures, of
 *   #TlStatisticsWeek when @weekly; copied
 * @weekly: whether @rows are weeks
 * @source: (nullable): the file they came from
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are written
 * @user_data: for @callback
 *
 * Writes official figures (tl_store_import_statistics() or
 * tl_store_import_statistics_weeks()). Once started the write is not
 * cancelled half-way: it is one transaction.
 */
void
tl_store_import_statistics_async (TlStore             *self,
                                  GArray              *rows,
                                  gboolean             weekly,
                                  const char          *source,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JobData *data;

  g_return_if_fail (TL_IS_STORE (self));
  g_return_if_fail (rows != NULL);

  data = g_new0 (JobData, 1);
  data->rows = g_array_copy (rows);
  data->weekly = weekly;
  data->name = g_strdup (source);
  task = tl_store_job_new (self, tl_store_import_statistics_async, data, job_data_free,
                           cancellable, callback, user_data);
  tl_store_worker_run (self, task, import_statistics_job);
}

/**
 * tl_store_import_statistics_finish:
 *
 * Returns: whether the figures were written; %FALSE with @error set
 */
gboolean
tl_store_import_statistics_finish (TlStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return tl_store_job_finish_boolean (self, result, tl_store_import_statistics_async, error);
}
