/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are stored as UTC seconds since the epoch. Days are local days in
 * the display zone: a day may last 23, 24 or 25 hours. */

#define TL_TIME_ERROR (tl_time_error_quark ())

typedef enum {
  TL_TIME_ERROR_EMPTY,         /* nothing typed */
  TL_TIME_ERROR_SYNTAX,        /* not a time we can read */
  TL_TIME_ERROR_OUT_OF_RANGE,  /* hour 25, 31 February, offset +15:00 */
  TL_TIME_ERROR_NONEXISTENT,   /* skipped when the clocks went forward */
} TlTimeError;

GQuark     tl_time_error_quark       (void);

GTimeZone *tl_time_zone_new          (const char *identifier);
void       tl_time_day_range         (GTimeZone  *zone,
                                      int         year,
                                      int         month,
                                      int         day,
                                      gint64     *out_from,
                                      gint64     *out_to);
void       tl_time_day_range_at      (GTimeZone  *zone,
                                      gint64      utc,
                                      gint64     *out_from,
                                      gint64     *out_to);
gint64     tl_time_shift_days        (GTimeZone  *zone,
                                      gint64      day_start,
                                      int         days);
char      *tl_time_format            (GTimeZone  *zone,
                                      gint64      utc,
                                      const char *format);
gboolean   tl_time_parse             (GTimeZone  *zone,
                                      const char *text,
                                      gint64      reference_day_start,
                                      gint64     *out_utc,
                                      GError    **error);

G_END_DECLS
