/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tl-coordinates.h"
#include "tl-event.h"
#include "tl-geo.h"
#include "tl-trend-period.h"

G_BEGIN_DECLS

/* A briefing: a PDF a watch leader hands over or takes into a meeting.
 * A title that says what and when, the key points in sentences with
 * their comparisons, the open cases with their last contact, the map,
 * the hand-over note when asked for, the map, the table (every report
 * up to three days, by day beyond, with every report in an optional
 * annex) and the trend. Every page carries the
 * marking, when and by whom it was made, and “Page N of M”. Drawn with
 * cairo and pango only, in the map's one typeface, so the command line
 * makes the same file as the window. */

#define TL_BRIEFING_ERROR (tl_briefing_error_quark ())

typedef enum {
  TL_BRIEFING_ERROR_INVALID,   /* the options ask for an impossible briefing */
  TL_BRIEFING_ERROR_WRITE,     /* the file could not be written */
  TL_BRIEFING_ERROR_FAILED,    /* drawing failed */
} TlBriefingError;

/* An A4 page, portrait, in points. */
#define TL_BRIEFING_PAGE_WIDTH   595.28
#define TL_BRIEFING_PAGE_HEIGHT  841.89

/**
 * TlBriefingOptions:
 * @title: (nullable): the title; %NULL is what and when, “Channel
 *   small-boat activity — 6 Dec 2026, 00:00–24:00 Europe/London”, which a
 *   title of the user's own keeps under it
 * @subtitle: (nullable): the line under it: the time window and filters;
 *   %NULL writes the time window
 * @marking: (nullable): a protective marking (“OFFICIAL-SENSITIVE”),
 *   printed at the top and bottom of every page
 * @operator_name: (nullable): who made the briefing
 * @created_at: when, UTC seconds; 0 is now
 * @from: start of the time window, UTC seconds (required)
 * @to: end of the window, exclusive (required, after @from)
 * @bbox: the area of the map
 * @event_kinds: which kinds the map draws, a mask as TL_SNAPSHOT_KIND()
 * @time_zone: (nullable): the zone of every time printed; %NULL is local
 * @previous_events: (element-type TlEvent) (nullable): the reports of the
 *   window of the same length just before, for the key points' comparisons
 * @annex: for a window longer than three days, whose table is by day,
 *   add every report as an annex
 * @handover_since: the start of the watch handed over, UTC seconds
 * @changes: (element-type TlAuditEntry) (nullable): what changed since
 *   @handover_since, oldest first, as tl_store_list_changes_since()
 *   gives it; when given (even empty), the briefing has a hand-over note
 *   after the open cases and before the map, which then has a page of
 *   its own
 * @position_format: how the hand-over note writes the positions an edit
 *   changed, as the user chose for the window
 * @trend_period: the trend's bars: %TL_TREND_PERIOD_AUTO is hours up to
 *   two days, days up to three months, weeks up to two years, months
 *   beyond
 *
 * Strings are borrowed. Initialise with tl_briefing_options_init().
 */
typedef struct {
  const char *title;
  const char *subtitle;
  const char *marking;
  const char *operator_name;
  gint64      created_at;
  gint64      from;
  gint64      to;
  TlGeoBox    bbox;
  guint       event_kinds;
  GTimeZone  *time_zone;
  GPtrArray  *previous_events;
  gboolean    annex;
  TlTrendPeriod trend_period;
  gint64      handover_since;
  GPtrArray  *changes;
  TlCoordinateFormat position_format;
} TlBriefingOptions;

GQuark   tl_briefing_error_quark   (void);
void     tl_briefing_options_init  (TlBriefingOptions        *options);
guint    tl_briefing_count_pages   (const TlBriefingOptions  *options,
                                    GPtrArray                *events);
gboolean tl_briefing_draw_page     (cairo_t                  *cr,
                                    const TlBriefingOptions  *options,
                                    GPtrArray                *events,
                                    guint                     page,
                                    GError                  **error);
gboolean tl_briefing_write_file    (const char               *path,
                                    const TlBriefingOptions  *options,
                                    GPtrArray                *events,
                                    GError                  **error);

G_END_DECLS
