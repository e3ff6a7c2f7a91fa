/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tl-event.h"
#include "tl-statistics.h"

G_BEGIN_DECLS

/* Daily figures for the trend chart: Tideline's own counts, one bucket per
 * local day of the display zone (23, 24 or 25 hours long), beside the
 * official figures imported for the same dates. Counted as the summary
 * bar counts a window (tl-summary.c), so that a day's bar and that day's
 * summary always agree. */

/* How many days the chart shows at least. */
#define TL_TREND_MIN_DAYS 30

typedef enum {
  TL_TREND_DEPARTURES,
  TL_TREND_BOATS,
  TL_TREND_PEOPLE,
  TL_TREND_OFFICIAL_PEOPLE,
  TL_TREND_OFFICIAL_BOATS,
  TL_TREND_N_SERIES
} TlTrendSeries;

/* What the chart counts per day. Nicks are the values of the
 * "trend-measure" setting. */
typedef enum {
  TL_TREND_MEASURE_PEOPLE,      /* people on departures, beside official people */
  TL_TREND_MEASURE_BOATS,       /* boats on departures, beside official boats */
  TL_TREND_MEASURE_DEPARTURES,  /* departure reports: no official counterpart */
} TlTrendMeasure;

#define TL_TYPE_TREND_MEASURE (tl_trend_measure_get_type ())
GType            tl_trend_measure_get_type    (void) G_GNUC_CONST;
TlTrendSeries    tl_trend_measure_get_own     (TlTrendMeasure    measure);
gboolean         tl_trend_measure_get_official (TlTrendMeasure   measure,
                                               TlTrendSeries    *out_series);

typedef struct {
  gint64 start;                         /* local midnight, UTC seconds */
  char   date[11];                      /* the local date, YYYY-MM-DD */
  gint64 values[TL_TREND_N_SERIES];     /* -1: not known (official figures
                                         * not imported for that date) */
} TlTrendDay;

/* Official weekly figures beside the days: an ISO week from its
 * Monday's local midnight to the one after its Sunday, with the figures
 * for the whole week. */
typedef struct {
  gint64 start;          /* its Monday's local midnight, UTC */
  gint64 end;            /* the local midnight after its Sunday */
  char   week[9];        /* YYYY-Www */
  gint64 people;         /* -1: not given */
  gint64 boats;
} TlTrendWeek;

typedef struct _TlTrend TlTrend;

TlTrend          *tl_trend_new             (GTimeZone        *zone,
                                            gint64            first_day,
                                            guint             n_days);
TlTrend          *tl_trend_new_for_window  (GTimeZone        *zone,
                                            gint64            from,
                                            gint64            to);
void              tl_trend_free            (TlTrend          *trend);
guint             tl_trend_get_n_days      (const TlTrend    *trend);
const TlTrendDay *tl_trend_get_day         (const TlTrend    *trend,
                                            guint             index);
gint64            tl_trend_get_from        (const TlTrend    *trend);
gint64            tl_trend_get_to          (const TlTrend    *trend);
int               tl_trend_find_day        (const TlTrend    *trend,
                                            gint64            utc);
void              tl_trend_add_event       (TlTrend          *trend,
                                            gint64            time,
                                            TlEventKind       kind,
                                            int               boats,
                                            int               people);
void              tl_trend_add_statistics  (TlTrend          *trend,
                                            GArray           *days);
gint64            tl_trend_get_max         (const TlTrend    *trend,
                                            TlTrendSeries     series);
gboolean          tl_trend_has_data        (const TlTrend    *trend);

gint64            tl_trend_day_get_own      (const TlTrendDay *day,
                                             TlTrendMeasure    measure);
gint64            tl_trend_day_get_official (const TlTrendDay *day,
                                             TlTrendMeasure    measure);
gint64            tl_trend_get_total        (const TlTrend    *trend,
                                             TlTrendMeasure    measure);
guint             tl_trend_count_official_days (const TlTrend *trend,
                                             TlTrendMeasure    measure);
gint64            tl_trend_get_scale_top    (const TlTrend    *trend,
                                             TlTrendMeasure    measure);
gboolean          tl_trend_has_measure_data (const TlTrend    *trend,
                                             TlTrendMeasure    measure);
char             *tl_trend_describe         (const TlTrend    *trend,
                                             TlTrendMeasure    measure);
char             *tl_trend_describe_day     (const TlTrend    *trend,
                                             guint             index,
                                             TlTrendMeasure    measure);

/* Weekly figures (tl-trend-week.c). */
void              tl_trend_add_statistics_weeks (TlTrend        *trend,
                                             GArray           *weeks);
guint             tl_trend_get_n_weeks      (const TlTrend    *trend);
const TlTrendWeek *tl_trend_get_week        (const TlTrend    *trend,
                                             guint             index);
gint64            tl_trend_week_get_official (const TlTrendWeek *week,
                                             TlTrendMeasure    measure);
double            tl_trend_get_position     (const TlTrend    *trend,
                                             gint64            utc);
double            tl_trend_week_get_bar     (const TlTrend    *trend,
                                             const TlTrendWeek *week,
                                             TlTrendMeasure    measure);
gboolean          tl_trend_has_official_weeks (const TlTrend  *trend,
                                             TlTrendMeasure    measure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlTrend, tl_trend_free)

G_END_DECLS
