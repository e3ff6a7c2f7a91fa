/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-filter.h"
#include "tl-geo.h"
#include "tl-snapshot-job.h"

G_BEGIN_DECLS

/* The sizes offered, in the order of the Size row. */
typedef enum {
  TL_MAP_EXPORT_SIZE_SCREEN,
  TL_MAP_EXPORT_SIZE_HD,
  TL_MAP_EXPORT_SIZE_A4_PORTRAIT,
  TL_MAP_EXPORT_SIZE_A4_LANDSCAPE,
  TL_MAP_EXPORT_SIZE_A3_PORTRAIT,
  TL_MAP_EXPORT_SIZE_A3_LANDSCAPE,
  TL_MAP_EXPORT_SIZE_CUSTOM,
} TlMapExportSize;

#define TL_TYPE_MAP_EXPORT_DIALOG (tl_map_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlMapExportDialog, tl_map_export_dialog, TL, MAP_EXPORT_DIALOG, AdwWindow)

TlMapExportDialog *tl_map_export_dialog_new           (GtkWindow          *parent,
                                                       GListModel         *events,
                                                       const TlFilter     *filter,
                                                       GTimeZone          *zone,
                                                       const TlGeoBox     *bbox,
                                                       const char         *operator_name);
void           tl_map_export_dialog_set_format        (TlMapExportDialog  *self,
                                                       TlSnapshotFormat    format);
void           tl_map_export_dialog_set_size          (TlMapExportDialog  *self,
                                                       TlMapExportSize     size);
void           tl_map_export_dialog_set_marking       (TlMapExportDialog  *self,
                                                       const char         *marking);
void           tl_map_export_dialog_set_map_title     (TlMapExportDialog  *self,
                                                       const char         *title);
void           tl_map_export_dialog_set_kind_shown    (TlMapExportDialog  *self,
                                                       TlEventKind         kind,
                                                       gboolean            shown);
TlSnapshotJob *tl_map_export_dialog_build_job         (TlMapExportDialog  *self,
                                                       GError            **error);
guint          tl_map_export_dialog_get_n_previews    (TlMapExportDialog  *self);
void           tl_map_export_dialog_save_to_file_async  (TlMapExportDialog   *self,
                                                         const char          *path,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean       tl_map_export_dialog_save_to_file_finish (TlMapExportDialog   *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
