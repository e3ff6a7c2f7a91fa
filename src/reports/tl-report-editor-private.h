/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-report-editor.h"

G_BEGIN_DECLS

/* Shared by tl-report-editor.c (lifecycle, saving),
 * tl-report-editor-checks.c (check rows, type-ahead, focus),
 * tl-report-editor-drafts.c (drafts), tl-report-editor-fields.c (the
 * rows of each field) and tl-report-editor-pages.c (history and conflict
 * views). */

/* The widgets of one field: the row the officer edits, the message row
 * under it, and for multiple choices one check button per choice. */
typedef struct {
  GtkWidget   *row;
  GtkWidget   *message_row;
  GtkLabel    *message;
  GPtrArray   *checks;       /* TL_REPORT_TYPE_CHOICES, LIST: GtkCheckButton */
  GPtrArray   *names;        /* TL_REPORT_TYPE_LIST: the name of each check */
  GtkWidget   *toggle;       /* TL_REPORT_TYPE_FLAG: the switch */
  GtkStringList *ids;        /* TL_REPORT_TYPE_CHOICE: id of each item */
} TlFieldWidgets;

struct _TlReportEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *history_button;
  GtkWidget           *delete_button;
  GtkRevealer         *draft_revealer;
  GtkLabel            *draft_label;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesPage  *form_page;
  AdwPreferencesGroup *when_group;
  AdwPreferencesGroup *where_group;
  AdwPreferencesGroup *who_group;
  AdwPreferencesGroup *people_group;
  AdwPreferencesGroup *boat_group;
  AdwPreferencesGroup *outcome_group;
  AdwPreferencesGroup *case_group;
  AdwPreferencesGroup *notes_group;
  GtkTextView         *notes_view;
  GtkStack            *history_stack;    /* loading, error, list */
  AdwStatusPage       *history_error_page;
  AdwPreferencesPage  *history_page;
  GtkGrid             *conflict_grid;
  GtkSpinner          *loading_spinner;
  AdwStatusPage       *error_page;

  /* built in C */
  TlFieldWidgets       fields[TL_REPORT_N_FIELDS];
  AdwEntryRow         *add_unit_row;
  GtkWidget           *add_unit_spinner;  /* while units are remembered */
  AdwComboRow         *case_status_row;
  AdwActionRow        *zone_row;          /* read-only: side, waters, lane */
  GtkLabel            *position_echo;    /* beside the position */
  GPtrArray           *history_groups;   /* AdwPreferencesGroup, borrowed */

  /* owned */
  TlStore             *store;
  GCancellable        *cancellable;      /* cancelled when it goes */
  GCancellable        *history_reading;  /* the history's read, or NULL */
  TlFormData          *form;             /* units, places, cases, draft, once read */
  char                *pending_position; /* given while loading */
  TlEvent             *pending_theirs;   /* given while loading */
  char                *operator_name;
  GTimeZone           *zone;
  TlEvent             *event;            /* the record as opened; NULL if new */
  TlReport            *base;             /* @event as the form shows it, or
                                            as a restored draft was typed over */
  TlReport            *theirs;           /* during a conflict */
  TlEvent             *theirs_event;     /* during a conflict */
  int                  case_status_loaded;  /* the chosen case's stored status, or -1 */
  TlReportCheck        check;
  GPtrArray           *places;           /* TlPlace, for the place row */
  GArray              *case_ids;         /* gint64 per item of the case row */
  char                *route;            /* the route's JSON, or "" */
  char                *history_text;     /* what the history page shows */
  GString             *type_ahead;       /* letters typed among units */
  gint64               type_ahead_time;  /* monotonic, of the last one */
  guint64              touched;          /* 1 << field: left by the officer */

  gboolean             saving;            /* a server's save on its way */
  guint                n_units_adding;    /* units on their way to the store */
  TlEventKind          kind;
  TlCoordinateFormat   format;
  gint64               day_start;
  gint64               draft_time;       /* of the draft offered, or 0 */
  guint                draft_timeout_id;
  guint                loaded : 1;       /* the form is built and filled */
  guint                history_asked : 1; /* while loading */
  guint                filling : 1;      /* setting widgets, not the officer */
  guint                valid : 1;
  guint                closing_confirmed : 1;
  guint                finished : 1;     /* saved or discarded: no draft */
  guint                show_all_errors : 1; /* a save was tried, or an edit */
};

/* tl-report-editor.c */
void      tl_report_editor_validate         (TlReportEditor *self,
                                             gboolean        show_errors);
void      tl_report_editor_update_actions   (TlReportEditor *self);

/* tl-report-editor-fields.c */
void      tl_report_editor_build_fields     (TlReportEditor *self);
void      tl_report_editor_clear_fields     (TlReportEditor *self);
void      tl_report_editor_fill             (TlReportEditor *self,
                                             const TlReport *report);
TlReport *tl_report_editor_collect          (TlReportEditor *self);
void      tl_report_editor_show_messages    (TlReportEditor *self,
                                             gboolean        show_errors);
void      tl_report_editor_fill_field       (TlReportEditor *self,
                                             TlReportField   field,
                                             const char     *value);
void      tl_report_editor_changed          (TlReportEditor *self);
void      tl_report_editor_apply_place      (TlReportEditor *self);
gboolean  tl_report_editor_wants_new_case   (TlReportEditor *self);
int       tl_report_editor_get_case_status  (TlReportEditor *self);

/* tl-report-editor-checks.c */
GtkWidget *tl_report_editor_new_heading_row    (const char     *subtitle);
void      tl_report_editor_add_check_rows      (TlReportEditor *self,
                                                TlFieldWidgets *w,
                                                TlReportField   field);
void      tl_report_editor_add_unit            (TlReportEditor *self,
                                                const char     *name);
void      tl_report_editor_watch_field         (TlReportEditor *self,
                                                TlReportField   field);
char     *tl_report_editor_echo_position       (TlReportEditor *self,
                                                const char     *message);
void      tl_report_editor_focus_first_error   (TlReportEditor *self);
void      tl_report_editor_keep_focus_in_view  (TlReportEditor *self);

/* tl-report-editor-drafts.c */
void      tl_report_editor_schedule_draft   (TlReportEditor *self);
void      tl_report_editor_offer_draft      (TlReportEditor *self);
void      tl_report_editor_restore_draft    (TlReportEditor *self);
void      tl_report_editor_discard_draft    (TlReportEditor *self);
void      tl_report_editor_drop_draft       (TlReportEditor *self);

/* tl-report-editor-pages.c */
gpointer  tl_report_editor_weak             (TlReportEditor *self);
TlReportEditor *tl_report_editor_from_weak  (gpointer        weak);
void      tl_report_editor_load             (TlReportEditor *self);
void      tl_report_editor_show_history     (TlReportEditor *self);
void      tl_report_editor_show_history_action (GtkWidget   *widget,
                                             const char     *action_name,
                                             GVariant       *param);
void      tl_report_editor_reload_history_action (GtkWidget *widget,
                                             const char     *action_name,
                                             GVariant       *param);
void      tl_report_editor_show_conflict    (TlReportEditor *self,
                                             TlEvent        *theirs);
char     *tl_report_editor_history_text     (TlReportEditor *self);
char     *tl_report_editor_conflict_text    (TlReportEditor *self);

G_END_DECLS
