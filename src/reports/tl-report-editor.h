/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-report.h"
#include "tl-store.h"

G_BEGIN_DECLS

#define TL_TYPE_REPORT_EDITOR (tl_report_editor_get_type ())
G_DECLARE_FINAL_TYPE (TlReportEditor, tl_report_editor, TL, REPORT_EDITOR, AdwWindow)

TlReportEditor *tl_report_editor_new                (TlStore            *store,
                                                     TlEventKind         kind,
                                                     TlEvent            *event,
                                                     const char         *operator_name,
                                                     GTimeZone          *zone,
                                                     TlCoordinateFormat  format,
                                                     gint64              day_start);
TlEventKind     tl_report_editor_get_kind           (TlReportEditor     *self);
gint64          tl_report_editor_get_event_id       (TlReportEditor     *self);
void            tl_report_editor_set_position       (TlReportEditor     *self,
                                                     double              latitude,
                                                     double              longitude);
void            tl_report_editor_add_route_point    (TlReportEditor     *self,
                                                     double              latitude,
                                                     double              longitude);
void            tl_report_editor_set_value          (TlReportEditor     *self,
                                                     TlReportField       field,
                                                     const char         *value);
char           *tl_report_editor_dup_value          (TlReportEditor     *self,
                                                     TlReportField       field);
GtkWidget      *tl_report_editor_get_field_widget   (TlReportEditor     *self,
                                                     TlReportField       field);
const char     *tl_report_editor_get_message        (TlReportEditor     *self,
                                                     TlReportField       field);
gboolean        tl_report_editor_has_draft_offer    (TlReportEditor     *self);
const char     *tl_report_editor_get_page           (TlReportEditor     *self);
char           *tl_report_editor_dup_history_text   (TlReportEditor     *self);
const char     *tl_report_editor_get_history_state  (TlReportEditor     *self);
char           *tl_report_editor_dup_conflict_text  (TlReportEditor     *self);
void            tl_report_editor_set_case_status    (TlReportEditor     *self,
                                                     TlCaseStatus        status);
void            tl_report_editor_flush_draft        (TlReportEditor     *self);
void            tl_report_editor_open_history       (TlReportEditor     *self);
void            tl_report_editor_show_theirs        (TlReportEditor     *self,
                                                     TlEvent            *theirs);

G_END_DECLS
