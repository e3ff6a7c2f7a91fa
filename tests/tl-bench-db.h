/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-store.h"

G_BEGIN_DECLS

/* What the benchmarks on large generated databases share (bench-query,
 * bench-summary, bench-pg-query): the demo generator's events, 1,000 a
 * day from 2023-01-01 local time, so that a day holds as many rows in a
 * small database as in a large one, and the day query the window runs. */

#define TL_BENCH_PER_DAY 1000
#define TL_BENCH_SEED 7

/* The median of @samples (sorted in place). */
double    tl_bench_median          (GArray      *samples);
/* The start of the first generated day, in @zone. */
gint64    tl_bench_first_day       (GTimeZone   *zone);
/* Fills the empty @store with @n_days of events. */
void      tl_bench_generate        (TlStore     *store,
                                    guint        n_days,
                                    GTimeZone   *zone);
/* A file of @n_days generated days, kept in the build directory
 * (bench-cache/) under a name made of what decides its content (seed,
 * days, events a day, schema version), so that the benchmarks generate it
 * once between them. Generated under a temporary name and renamed when
 * complete, so that an interrupted run never leaves a half file. Delete
 * the folder after changing the generator. */
TlStore  *tl_bench_open_file       (guint        n_days,
                                    GTimeZone   *zone);
/* The median time in ms of the day query (tl_store_query_events() over
 * one local day, with @text as the words filter, or none), over @rounds
 * days spread through the @n_days, so that no day's cache luck decides;
 * *out_rows: the rows of the last. */
double    tl_bench_time_day_query  (TlStore     *store,
                                    GTimeZone   *zone,
                                    guint        n_days,
                                    const char  *text,
                                    guint        rounds,
                                    guint       *out_rows);

G_END_DECLS
