/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "tl-briefing.h"

G_BEGIN_DECLS

/* The page, in points. Every page keeps room for the marking bands, with
 * or without a marking, so that the page count never depends on it. */
#define TL_BRIEFING_MARGIN        36.0
#define TL_BRIEFING_BAND_HEIGHT   18.0
#define TL_BRIEFING_FOOTER_HEIGHT 16.0
#define TL_BRIEFING_CONTENT_TOP   (TL_BRIEFING_MARGIN + TL_BRIEFING_BAND_HEIGHT)
#define TL_BRIEFING_CONTENT_BOTTOM (TL_BRIEFING_PAGE_HEIGHT - TL_BRIEFING_MARGIN - \
                                    TL_BRIEFING_BAND_HEIGHT - TL_BRIEFING_FOOTER_HEIGHT)
#define TL_BRIEFING_CONTENT_WIDTH (TL_BRIEFING_PAGE_WIDTH - 2 * TL_BRIEFING_MARGIN)
/* The table's text, and the padding inside each cell. */
#define TL_BRIEFING_CELL_SIZE     7.5
#define TL_BRIEFING_CELL_PAD      2.0
/* Longer windows get a table by day instead of every report. */
#define TL_BRIEFING_LIST_MAX_DAYS 3

typedef enum {
  TL_BRIEFING_ALIGN_LEFT,
  TL_BRIEFING_ALIGN_CENTRE,
  TL_BRIEFING_ALIGN_RIGHT,
} TlBriefingAlign;

typedef enum {
  TL_BRIEFING_PAGE_SUMMARY,   /* title, key points, open cases, and the
                               * map unless a hand-over note comes first */
  TL_BRIEFING_PAGE_LIST,      /* every report, a slice of them */
  TL_BRIEFING_PAGE_DAYS,      /* a slice of the days */
  TL_BRIEFING_PAGE_TREND,
  TL_BRIEFING_PAGE_HANDOVER,  /* what changed since the watch began */
  TL_BRIEFING_PAGE_MAP,       /* the map alone, after the hand-over note */
} TlBriefingPageKind;

typedef struct {
  TlBriefingPageKind kind;
  guint              first;   /* first row of a table page */
  guint              last;    /* one past its last row */
  gboolean           annex;   /* a list page of the annex */
} TlBriefingPage;

typedef struct {
  cairo_t                 *cr;
  const TlBriefingOptions *options;
  GPtrArray               *events;   /* sorted by time; owned */
  GTimeZone               *zone;     /* owned */
  PangoContext            *pango;    /* owned; hinting off, so PDF and test lay out alike */
  GArray                  *pages;    /* TlBriefingPage */
  GArray                  *day_starts; /* gint64, the local days, and the end */
  guint                    n_days;
} TlBriefing;

/* The columns of the list of reports: headings and widths in points. */
typedef enum {
  TL_BRIEFING_COLUMN_TIME,
  TL_BRIEFING_COLUMN_CASE,
  TL_BRIEFING_COLUMN_KIND,
  TL_BRIEFING_COLUMN_PLACE,
  TL_BRIEFING_COLUMN_COUNTS,
  TL_BRIEFING_COLUMN_UNIT,
  TL_BRIEFING_COLUMN_STATUS,
  TL_BRIEFING_N_COLUMNS
} TlBriefingColumn;

double       tl_briefing_column_width   (TlBriefingColumn  column);
PangoLayout *tl_briefing_layout         (TlBriefing       *b,
                                         const char       *text,
                                         double            size,
                                         gboolean          bold,
                                         double            width,
                                         TlBriefingAlign   align,
                                         gboolean          wrap);
double       tl_briefing_text           (TlBriefing       *b,
                                         const char       *text,
                                         double            size,
                                         gboolean          bold,
                                         double            x,
                                         double            y,
                                         double            width,
                                         TlBriefingAlign   align,
                                         gboolean          wrap);
double       tl_briefing_heading        (TlBriefing       *b,
                                         const char       *heading,
                                         double            y);
const char  *tl_briefing_zone_name      (TlBriefing       *b);
gint64       tl_briefing_created_at     (TlBriefing       *b);
void         tl_briefing_init           (TlBriefing              *b,
                                         cairo_t                 *cr,
                                         const TlBriefingOptions *options,
                                         GPtrArray               *events);
void         tl_briefing_clear          (TlBriefing       *b);

/* tl-briefing-summary.c */
char        *tl_briefing_default_title  (TlBriefing       *b);
gboolean     tl_briefing_draw_summary   (TlBriefing       *b,
                                         GError          **error);
gboolean     tl_briefing_draw_map_page  (TlBriefing       *b,
                                         GError          **error);

/* tl-briefing-handover.c */
double       tl_briefing_draw_handover  (TlBriefing       *b,
                                         double            y);

/* tl-briefing-table.c */
char       **tl_briefing_row_cells      (TlBriefing       *b,
                                         TlEvent          *event);
void         tl_briefing_plan_list      (TlBriefing       *b,
                                         gboolean          annex);
void         tl_briefing_plan_days      (TlBriefing       *b);
void         tl_briefing_draw_list      (TlBriefing            *b,
                                         const TlBriefingPage  *page);
void         tl_briefing_draw_days      (TlBriefing            *b,
                                         const TlBriefingPage  *page);
void         tl_briefing_draw_trend     (TlBriefing       *b);

G_END_DECLS
