/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-event-list.h"
#include "tl-export-desk.h"
#include "tl-filter-bar.h"
#include "tl-handover-window.h"
#include "tl-map-view.h"
#include "tl-open-cases-window.h"
#include "tl-report-desk.h"
#include "tl-review.h"
#include "tl-summary-bar.h"
#include "tl-time-strip.h"
#include "tl-trend-chart.h"
#include "tl-window.h"

G_BEGIN_DECLS

/* Shared by tl-window.c (construction, the list, what follows the
 * window of time) and tl-window-actions.c (the win.* actions), as GNOME
 * Text Editor splits its window. */

struct _TlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  TlMapView            *map_view;
  GtkStack             *side_stack;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *sample_button;
  /* template widgets: reviewing a window of time */
  GtkMenuButton        *window_button;
  GtkRevealer          *custom_range_revealer;
  GtkEntry             *custom_from_entry;
  GtkEntry             *custom_to_entry;
  GtkLabel             *custom_range_error;
  TlFilterBar          *filter_bar;
  TlSummaryBar         *summary_bar;
  TlTrendChart         *trend_chart;
  TlTimeStrip          *time_strip;
  GtkRevealer          *new_revealer;
  GtkWidget            *loading_box;
  GtkButton            *new_button;
  GtkMenuButton        *new_report_button;
  GtkRevealer          *offline_revealer;
  GtkLabel             *offline_label;
  /* template widgets: where it writes (tl-window-database.c) */
  GtkButton            *database_button;
  GtkImage             *database_icon;
  GtkLabel             *database_label;

  /* owned */
  TlStore              *store;
  GSettings            *settings;
  GTimeZone            *zone;
  TlEventList          *events;      /* the review's: window and filter */
  TlReview             *review;      /* window, filter, replay, seen */
  GtkSingleSelection   *selection;
  GCancellable         *cancellable;
  GCancellable         *case_reading;  /* the selected report's case, or NULL */

  /* owned: opens report editors over this window */
  TlReportDesk         *reports;
  /* owned: maps, briefings, SITREPs, imports and exports */
  TlExportDesk         *exports;
  /* owned: the open-cases board (tl-window-board.c), hidden when closed */
  TlOpenCasesWindow    *open_cases;
  /* owned, nullable: the hand-over (tl-window-handover.c), made on first use */
  TlHandoverWindow     *handover;

  gint64                day_start;    /* start of the window shown */
  guint                 slide_id;     /* keeps "last N hours" up to now */
  guint                 server_source_id;   /* watches a shared server */
  guint                 server_away_checks; /* looks in a row that found it away */
  gboolean              map_follow_pending; /* a new window, its reports not yet in */
  /* A kept change the server refused: the report as it is now is read
   * on the store's worker, then shown once no report is edited. */
  gboolean              reading_refusal;
  TlOutboxRefusal      *refusal;            /* owned, nullable: read */
  TlEvent              *refusal_theirs;     /* owned, nullable */
  GError               *refusal_error;      /* owned, nullable */
};

void tl_window_class_install_actions (GtkWidgetClass *widget_class);
void tl_window_class_install_board   (GtkWidgetClass *widget_class);
void tl_window_set_up_board          (TlWindow       *self);
void tl_window_update_role_actions   (TlWindow       *self);
void tl_window_watch_server          (TlWindow       *self);
void tl_window_clear_refusal         (TlWindow       *self);
void tl_window_class_install_database (GtkWidgetClass *widget_class);
void tl_window_set_up_database        (TlWindow       *self);
void tl_window_class_install_handover (GtkWidgetClass *widget_class);
void tl_window_update_handover_zone  (TlWindow       *self);
void tl_window_destroy_handover      (TlWindow       *self);

G_END_DECLS
