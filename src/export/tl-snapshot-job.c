/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-snapshot-job.h"
#include "tl-time.h"

typedef struct {
  TlSnapshotJob    *job;
  char             *path;
  TlSnapshotFormat  format;
  double            max_width;
  double            max_height;
} TaskData;

/* helpers */

static void
task_data_free (TaskData *data)
{
  tl_snapshot_job_free (data->job);
  g_free (data->path);
  g_free (data);
}

static void
render_image_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  cairo_surface_t *surface;

  if (g_task_return_error_if_cancelled (task))
    return;
  surface = tl_snapshot_job_render_image (data->job, data->max_width, data->max_height, &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;

  if (tl_snapshot_write_file (data->path, data->format, &data->job->options, data->job->events, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* public API */

/**
 * tl_snapshot_job_parse_size:
 * @text: a size as typed, like “2400 × 1600” or “2400x1600”
 * @out_w: (out): the width in pixels
 * @out_h: (out): the height in pixels
 *
 * Returns: whether @text is two whole numbers from 1 to
 *   %TL_SNAPSHOT_MAX_SIDE_PX
 */
gboolean
tl_snapshot_job_parse_size (const char *text,
                            int        *out_w,
                            int        *out_h)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "xX×", -1);
  gint64 w, h;

  if (g_strv_length (parts) != 2)
    return FALSE;
  g_strstrip (parts[0]);
  g_strstrip (parts[1]);
  if (!g_ascii_string_to_signed (parts[0], 10, 1, TL_SNAPSHOT_MAX_SIDE_PX, &w, NULL) ||
      !g_ascii_string_to_signed (parts[1], 10, 1, TL_SNAPSHOT_MAX_SIDE_PX, &h, NULL))
    return FALSE;
  *out_w = (int) w;
  *out_h = (int) h;
  return TRUE;
}

/**
 * tl_snapshot_job_describe_filter:
 * @filter: the filter the reports were chosen by
 * @zone: the zone of the times written
 *
 * The window of time and every filter that narrows it, for a map's
 * subtitle: a map that leaves reports out must say so.
 *
 * Returns: (transfer full): like “26 Nov 2026 00:00 – 27 Nov 2026 00:00 ·
 *   Rescue · unit RNLI Dover”
 */
char *
tl_snapshot_job_describe_filter (const TlFilter *filter,
                                 GTimeZone      *zone)
{
  /* Translators: times in a map's subtitle, see strftime */
  g_autofree char *from = tl_time_format (zone, filter->from, _("%-d %b %Y %H:%M"));
  g_autofree char *to = tl_time_format (zone, filter->to, _("%-d %b %Y %H:%M"));
  GString *out = g_string_new (NULL);

  /* Translators: the time window in a map's subtitle */
  g_string_append_printf (out, _("%s – %s"), from, to);
  if (filter->kinds != 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
        if (filter->kinds & (1u << k))
          g_ptr_array_add (names, (gpointer) tl_event_kind_get_label (k));
      g_ptr_array_add (names, NULL);
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) names->pdata);

        g_string_append_printf (out, " · %s", joined);
      }
    }
  if (filter->statuses != 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint s = 0; s < TL_EVENT_N_STATUSES; s++)
        if (filter->statuses & (1u << s))
          g_ptr_array_add (names, (gpointer) tl_event_status_get_label (s));
      g_ptr_array_add (names, NULL);
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) names->pdata);

        g_string_append_printf (out, " · %s", joined);
      }
    }
  if (filter->unit != NULL && filter->unit[0] != '\0')
    /* Translators: a filter on the unit, in a map's subtitle */
    g_string_append_printf (out, _(" · unit %s"), filter->unit);
  if (filter->text != NULL && filter->text[0] != '\0')
    /* Translators: a filter on words, in a map's subtitle */
    g_string_append_printf (out, _(" · matching “%s”"), filter->text);

  return g_string_free (out, FALSE);
}


/**
 * tl_snapshot_job_new:
 * @options: the options to copy, strings and zone included
 * @events: (element-type TlEvent) (nullable): the events; each is copied,
 *   so the store may change them while the job runs
 *
 * Returns: (transfer full): a job that owns everything it points to
 */
TlSnapshotJob *
tl_snapshot_job_new (const TlSnapshotOptions *options,
                     GPtrArray               *events)
{
  TlSnapshotJob *job = g_new0 (TlSnapshotJob, 1);

  job->options = *options;
  job->title = g_strdup (options->title);
  job->subtitle = g_strdup (options->subtitle);
  job->operator_name = g_strdup (options->operator_name);
  job->marking = g_strdup (options->marking);
  job->zone = options->time_zone ? g_time_zone_ref (options->time_zone) : g_time_zone_new_local ();
  job->options.title = job->title;
  job->options.subtitle = job->subtitle;
  job->options.operator_name = job->operator_name;
  job->options.marking = job->marking;
  job->options.time_zone = job->zone;
  /* A name the renderer would look up for the area is kept borrowed from
   * static data only; the dialog never sets one. */
  job->options.area_name = NULL;
  job->events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; events != NULL && i < events->len; i++)
    g_ptr_array_add (job->events, tl_event_copy (g_ptr_array_index (events, i)));

  return job;
}

TlSnapshotJob *
tl_snapshot_job_copy (const TlSnapshotJob *job)
{
  return tl_snapshot_job_new (&job->options, job->events);
}

void
tl_snapshot_job_free (TlSnapshotJob *job)
{
  if (job == NULL)
    return;
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->operator_name);
  g_free (job->marking);
  g_clear_pointer (&job->zone, g_time_zone_unref);
  g_clear_pointer (&job->events, g_ptr_array_unref);
  g_free (job);
}

/**
 * tl_snapshot_job_copy_events:
 * @model: a list of #TlEvent
 *
 * Returns: (transfer full) (element-type TlEvent): the events of @model
 */
GPtrArray *
tl_snapshot_job_copy_events (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *events = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (events, g_list_model_get_item (model, i));
  return events;
}

/**
 * tl_snapshot_job_render_image:
 * @job: what to draw
 * @max_width: the widest image wanted, in pixels, or 0 for the page's own
 *   size in pixels (paper at the job's resolution)
 * @max_height: the tallest, or 0
 *
 * Draws the whole page into an image, scaled down to fit @max_width ×
 * @max_height with its proportions kept: a preview, or the picture put on
 * the clipboard.
 *
 * Returns: (transfer full) (nullable): an ARGB32 image surface
 */
cairo_surface_t *
tl_snapshot_job_render_image (TlSnapshotJob  *job,
                              double          max_width,
                              double          max_height,
                              GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_w, page_h, px_per_unit, scale;
  gboolean ok;

  tl_snapshot_get_page_size (&job->options, &page_w, &page_h);
  px_per_unit = job->options.paper != TL_SNAPSHOT_PAPER_NONE ? job->options.dpi / 72.0 : 1.0;
  scale = px_per_unit;
  if (max_width > 0 && max_height > 0)
    scale = MIN (scale, MIN (max_width / page_w, max_height / page_h));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) (page_w * scale)), MAX (1, (int) (page_h * scale)));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_FAILED,
                   _("The image is too large to draw: %s"), cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ok = tl_snapshot_render (cr, page_w, page_h, &job->options, job->events, error);
  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}

/**
 * tl_snapshot_job_render_image_async:
 * @job: (transfer full): what to draw; the task owns it
 *
 * Runs tl_snapshot_job_render_image() in a worker thread.
 */
void
tl_snapshot_job_render_image_async (TlSnapshotJob       *job,
                                    double               max_width,
                                    double               max_height,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->job = job;
  data->max_width = max_width;
  data->max_height = max_height;
  g_task_set_source_tag (task, tl_snapshot_job_render_image_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, render_image_thread);
}

cairo_surface_t *
tl_snapshot_job_render_image_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_snapshot_job_render_image_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tl_snapshot_job_write_file_async:
 * @job: (transfer full): what to draw; the task owns it
 * @path: the file to write
 * @format: its format, or %TL_SNAPSHOT_FORMAT_GUESS
 *
 * Runs tl_snapshot_write_file() in a worker thread: a 300 dpi A3 page
 * takes seconds the window must not freeze for.
 */
void
tl_snapshot_job_write_file_async (TlSnapshotJob       *job,
                                  const char          *path,
                                  TlSnapshotFormat     format,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->job = job;
  data->path = g_strdup (path);
  data->format = format;
  g_task_set_source_tag (task, tl_snapshot_job_write_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, write_file_thread);
}

gboolean
tl_snapshot_job_write_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_snapshot_job_write_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
