/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-map-view.h"
#include "tl-report-editor.h"

G_BEGIN_DECLS

/* What a main window does with reports: opens the editor (one at a time),
 * deletes with Undo, relays clicks on the map to the editor while it
 * picks a position or draws a route. Kept out of TlWindow so that the
 * window only forwards its actions here. */

#define TL_TYPE_REPORT_DESK (tl_report_desk_get_type ())
G_DECLARE_FINAL_TYPE (TlReportDesk, tl_report_desk, TL, REPORT_DESK, GObject)

TlReportDesk   *tl_report_desk_new            (GtkWindow       *window,
                                               AdwToastOverlay *toasts,
                                               TlStore         *store,
                                               GTimeZone       *zone);
void            tl_report_desk_set_operator_name (TlReportDesk *self,
                                               const char      *name);
void            tl_report_desk_new_report     (TlReportDesk    *self,
                                               TlEventKind      kind,
                                               gint64           day_start);
void            tl_report_desk_new_report_at  (TlReportDesk    *self,
                                               TlEventKind      kind,
                                               gint64           day_start,
                                               double           latitude,
                                               double           longitude);
void            tl_report_desk_edit           (TlReportDesk    *self,
                                               gint64           event_id,
                                               gint64           day_start);
gboolean        tl_report_desk_show_refusal   (TlReportDesk    *self,
                                               TlOutboxRefusal *refusal,
                                               TlEvent         *theirs,
                                               const GError    *error,
                                               gint64           day_start);
void            tl_report_desk_show_history   (TlReportDesk    *self,
                                               gint64           event_id,
                                               gint64           day_start);
void            tl_report_desk_delete         (TlReportDesk    *self,
                                               gint64           event_id);
void            tl_report_desk_delete_event   (TlReportDesk    *self,
                                               TlEvent         *event);
void            tl_report_desk_undo_delete    (TlReportDesk    *self,
                                               gint64           event_id);
gboolean        tl_report_desk_map_clicked    (TlReportDesk    *self,
                                               double           latitude,
                                               double           longitude);
gboolean        tl_report_desk_is_picking     (TlReportDesk    *self);
void            tl_report_desk_finish_picking (TlReportDesk    *self);
TlReportEditor *tl_report_desk_get_editor     (TlReportDesk    *self);
void            tl_report_desk_set_time_zone  (TlReportDesk    *self,
                                               GTimeZone       *zone);
void            tl_report_desk_set_map_view   (TlReportDesk    *self,
                                               TlMapView       *map_view);

G_END_DECLS
