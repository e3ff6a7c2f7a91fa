/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-filter.h"
#include "tl-snapshot.h"

G_BEGIN_DECLS

/* Snapshot options that own their strings, zone and events: the copy a
 * worker thread renders from while the dialog's widgets keep changing.
 * TlSnapshotOptions borrows everything, so it cannot cross threads. */
typedef struct {
  TlSnapshotOptions  options;  /* strings point into the fields below */
  char              *title;
  char              *subtitle;
  char              *operator_name;
  char              *marking;
  GTimeZone         *zone;
  GPtrArray         *events;   /* element-type TlEvent: private copies */
} TlSnapshotJob;

TlSnapshotJob   *tl_snapshot_job_new          (const TlSnapshotOptions *options,
                                               GPtrArray               *events);
TlSnapshotJob   *tl_snapshot_job_copy         (const TlSnapshotJob     *job);
void             tl_snapshot_job_free         (TlSnapshotJob           *job);
GPtrArray       *tl_snapshot_job_copy_events  (GListModel              *model);

cairo_surface_t *tl_snapshot_job_render_image (TlSnapshotJob           *job,
                                               double                   max_width,
                                               double                   max_height,
                                               GError                 **error);

void             tl_snapshot_job_render_image_async (TlSnapshotJob       *job,
                                                     double               max_width,
                                                     double               max_height,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
cairo_surface_t *tl_snapshot_job_render_image_finish (GAsyncResult       *result,
                                                      GError            **error);

void             tl_snapshot_job_write_file_async  (TlSnapshotJob        *job,
                                                    const char           *path,
                                                    TlSnapshotFormat      format,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         tl_snapshot_job_write_file_finish (GAsyncResult         *result,
                                                    GError              **error);

gboolean         tl_snapshot_job_parse_size   (const char              *text,
                                               int                     *out_w,
                                               int                     *out_h);
char            *tl_snapshot_job_describe_filter (const TlFilter       *filter,
                                                  GTimeZone            *zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSnapshotJob, tl_snapshot_job_free)

G_END_DECLS
