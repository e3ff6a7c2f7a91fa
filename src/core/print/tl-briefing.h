/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tl-event.h"
#include "tl-geo.h"

G_BEGIN_DECLS

/* A briefing: a PDF a watch leader hands over or takes into a meeting.
 * Page one is the map and the figures of the window, then the table of
 * every report (as many pages as it takes, the header repeated), then the
 * trend of reports per day. Every page carries the marking, when and by
 * whom it was made, and “Page N of M”. Drawn with cairo and pango only,
 * so the command line makes the same file as the window. */

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
 * @title: (nullable): the title; %NULL is “Briefing”
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
} TlBriefingOptions;

GQuark   tl_briefing_error_quark   (void);
void     tl_briefing_options_init  (TlBriefingOptions        *options);
guint    tl_briefing_count_pages   (guint                     n_events);
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
