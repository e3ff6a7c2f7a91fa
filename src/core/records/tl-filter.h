/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tl-event.h"

G_BEGIN_DECLS

/**
 * TlWindowPreset:
 * @TL_WINDOW_PRESET_DAY: one local day (today, or the day navigated to)
 * @TL_WINDOW_PRESET_LAST_6_HOURS: the 6 hours up to now
 * @TL_WINDOW_PRESET_LAST_24_HOURS: the 24 hours up to now
 * @TL_WINDOW_PRESET_LAST_3_DAYS: today and the two local days before it
 * @TL_WINDOW_PRESET_CUSTOM: any range the user typed
 *
 * The windows of time offered in the header. Hour presets are real
 * durations (6 h is 6 h even when the clocks change); day presets are
 * local days in the display zone, 23 or 25 hours long on the days the
 * clocks change.
 */
typedef enum {
  TL_WINDOW_PRESET_DAY,
  TL_WINDOW_PRESET_LAST_6_HOURS,
  TL_WINDOW_PRESET_LAST_24_HOURS,
  TL_WINDOW_PRESET_LAST_3_DAYS,
  TL_WINDOW_PRESET_CUSTOM,
} TlWindowPreset;

const char *tl_window_preset_get_label (TlWindowPreset  preset);
const char *tl_window_preset_to_string (TlWindowPreset  preset);
gboolean    tl_window_preset_from_string (const char     *str,
                                          TlWindowPreset *out_preset);
void        tl_window_preset_range     (TlWindowPreset  preset,
                                        GTimeZone      *zone,
                                        gint64          now,
                                        gint64         *out_from,
                                        gint64         *out_to);
void        tl_window_shift            (GTimeZone      *zone,
                                        gint64          from,
                                        gint64          to,
                                        int             direction,
                                        gint64         *out_from,
                                        gint64         *out_to);
gboolean    tl_window_is_whole_days    (GTimeZone      *zone,
                                        gint64          from,
                                        gint64          to,
                                        int            *out_n_days);

/**
 * TlFilter:
 * @from: first second of the window, UTC
 * @to: the second after the window, UTC
 * @kinds: one bit per #TlEventKind (1 << kind); 0 means every kind
 * @statuses: one bit per #TlEventStatus; 0 means every status
 * @unit: (nullable): only events of this unit (exact name)
 * @text: (nullable): words that notes, unit or place must all contain
 *
 * What the map, the list, the summary and the exports show: one value,
 * so that they can never disagree. Plain data: copy it to keep it.
 */
typedef struct {
  gint64  from;
  gint64  to;
  guint   kinds;
  guint   statuses;
  char   *unit;
  char   *text;
} TlFilter;

#define TL_TYPE_FILTER (tl_filter_get_type ())
GType     tl_filter_get_type    (void) G_GNUC_CONST;

TlFilter *tl_filter_new         (gint64          from,
                                 gint64          to);
TlFilter *tl_filter_copy        (const TlFilter *filter);
void      tl_filter_free        (TlFilter       *filter);
gboolean  tl_filter_equal       (const TlFilter *a,
                                 const TlFilter *b);
void      tl_filter_set_unit    (TlFilter       *filter,
                                 const char     *unit);
void      tl_filter_set_text    (TlFilter       *filter,
                                 const char     *text);
gboolean  tl_filter_has_text    (const TlFilter *filter);
gboolean  tl_filter_has_criteria (const TlFilter *filter);
gboolean  tl_filter_matches_kind_status (const TlFilter *filter,
                                         TlEvent        *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlFilter, tl_filter_free)

G_END_DECLS
