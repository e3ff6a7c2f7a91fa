/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-store.h"

G_BEGIN_DECLS

#define TL_DEMO_ERROR (tl_demo_error_quark ())

typedef enum {
  TL_DEMO_ERROR_INVALID,   /* the options ask for something impossible */
  TL_DEMO_ERROR_FAILED,    /* the gazetteer could not be read */
} TlDemoError;

GQuark tl_demo_error_quark (void);

/* The operator name every generated record is written under. */
#define TL_DEMO_OPERATOR "demo"

/* Events written per transaction when TlDemoOptions.batch_size is 0. */
#define TL_DEMO_DEFAULT_BATCH_SIZE 50000

/**
 * TlDemoProgressFunc:
 * @n_done: events written so far
 * @n_total: events to write, or 0 when only the generator knows (a
 *   realistic range: the count depends on each day's weather)
 * @user_data: the closure
 *
 * Called after each batch is committed.
 */
typedef void (*TlDemoProgressFunc) (guint64  n_done,
                                    guint64  n_total,
                                    gpointer user_data);

/**
 * TlDemoOptions:
 * @seed: the generator's seed; the same seed and options give the same
 *   events on every platform and every GLib version
 * @start: first second of the range, UTC, inclusive
 * @end: end of the range, UTC, exclusive
 * @time_zone: (nullable): time zone of the French coast, used to place the
 *   night departures and to cut the range into days; %NULL is Europe/Paris
 * @events_per_day: 0 for a realistic day, driven by the weather (5-40
 *   departures); otherwise exactly this many events each full day, for
 *   benchmarks and large views
 * @n_events: when not 0, exactly this many events spread evenly over the
 *   days of the range (overrides @events_per_day)
 * @batch_size: events per transaction in tl_demo_generate(); 0 is
 *   %TL_DEMO_DEFAULT_BATCH_SIZE
 * @progress: (nullable): called after each committed batch
 * @progress_data: passed to @progress
 *
 * Initialise with tl_demo_options_init() so that fields added later get
 * their defaults.
 *
 * Each day's events depend only on @seed, the day's local date and how
 * many events the day is asked for: generating one day alone or as part of
 * three years gives the same events for that day.
 */
typedef struct {
  guint64             seed;
  gint64              start;
  gint64              end;
  GTimeZone          *time_zone;
  guint               events_per_day;
  guint64             n_events;
  guint               batch_size;
  TlDemoProgressFunc  progress;
  gpointer            progress_data;
} TlDemoOptions;

void       tl_demo_options_init    (TlDemoOptions  *options,
                                    guint64         seed,
                                    gint64          start,
                                    gint64          end);

GPtrArray *tl_demo_generate_events (const TlDemoOptions  *options,
                                    GCancellable         *cancellable,
                                    GError              **error);

gboolean   tl_demo_generate        (TlStore              *store,
                                    const TlDemoOptions  *options,
                                    guint64              *out_n_written,
                                    GCancellable         *cancellable,
                                    GError              **error);

G_END_DECLS
