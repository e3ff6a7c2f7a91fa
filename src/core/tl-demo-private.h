/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-demo.h"

G_BEGIN_DECLS

/* xoshiro256** seeded through splitmix64: our own generator, so that a seed
 * means the same events whatever the platform or the GLib version
 * (g_random and rand() promise neither). */
typedef struct {
  guint64 s[4];
} TlDemoRng;

void     tl_demo_rng_seed   (TlDemoRng *rng,
                             guint64    seed);
guint64  tl_demo_rng_next   (TlDemoRng *rng);
guint64  tl_demo_mix        (guint64    value);

/* A place of the gazetteer (resources/places.csv), parsed once. */
typedef struct {
  char   *name;
  char   *kind;
  char   *country;
  double  latitude;
  double  longitude;
} TlDemoPlace;

const TlDemoPlace *tl_demo_get_places (guint   *out_n_places,
                                       GError **error);

/* One local day of the range. Events whose time falls outside
 * [range_start, range_end) are left out; a story cut by range_end leaves
 * its last written event "ongoing". */
typedef struct {
  guint64  seed;
  gint64   day_number;    /* days since 1970-01-01, local date */
  int      month;         /* 1-12, local */
  int      day_of_month;  /* 1-31, local */
  gint64   day_start;     /* local midnight, UTC seconds */
  gint64   day_end;       /* next local midnight */
  gint64   range_start;
  gint64   range_end;
  gboolean realistic;     /* a day driven by the weather... */
  guint64  target;        /* ...or exactly this many events */
} TlDemoDay;

/* Appends the day's events, sorted by time, to @out (element-type TlEvent).
 * Returns how many were added. */
guint tl_demo_day_generate (const TlDemoDay   *day,
                            const TlDemoPlace *places,
                            guint              n_places,
                            GPtrArray         *out);

G_END_DECLS
