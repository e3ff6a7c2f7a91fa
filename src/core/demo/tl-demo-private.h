/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-demo.h"
#include "tl-event-private.h"

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

/* What follows is shared by the two halves of the day generator:
 * tl-demo-day.c (the day, its weather, writing the stories) and
 * tl-demo-story.c (patrols and boats). */

#define TL_DEMO_HOUR 3600
#define TL_DEMO_MINUTE 60
#define TL_DEMO_M_PER_DEG_LAT 111195.0
#define TL_DEMO_MAX_STORY 12
#define TL_DEMO_N_LAUNCHES 14
#define TL_DEMO_N_LANDINGS 3

typedef struct {
  double lat, lon;
} TlDemoPoint;

/* An event of the story being told, with room for its strings. */
typedef struct {
  TlEventData data;
  char        place[64];
  char        notes[192];
  char        details[256];
} TlDemoStoryEvent;

/* An event kept for the day, in the order it was told. */
typedef struct {
  gint64   time;
  guint    seq;
  TlEvent *event;
} TlDemoDayItem;

/* The state of one day being generated. */
typedef struct {
  /* borrowed */
  const TlDemoDay   *day;
  const TlDemoPlace *places;
  guint              n_places;
  const TlDemoPlace *launch_place[TL_DEMO_N_LAUNCHES];   /* NULL: not in the gazetteer */
  const TlDemoPlace *landing_place[TL_DEMO_N_LANDINGS];
  guint              launch_weight;

  /* the day */
  TlDemoRng          rng;
  double             calm;      /* 0 a gale, 1 flat calm */
  int                wind_bft;
  guint              n_boats;

  /* owned: the day's events so far (TlDemoDayItem), and the story being
   * told */
  GArray            *items;
  guint              seq;
  TlDemoStoryEvent   story[TL_DEMO_MAX_STORY];
  guint              n_story;
} TlDemoGen;

void tl_demo_story_init  (TlDemoGen   *gen);
void tl_demo_patrol      (TlDemoGen   *gen,
                          gboolean     anywhere_in_range);
void tl_demo_boat_story  (TlDemoGen   *gen);

/* tl-demo-story-buffer.c */
TlDemoStoryEvent *tl_demo_story_add   (TlDemoGen   *gen,
                                       TlEventKind  kind,
                                       gint64       time,
                                       TlDemoPoint  p);
void              tl_demo_story_flush (TlDemoGen   *gen);

/* Random numbers, from the day's generator. */

static inline double
uniform (TlDemoGen *gen)
{
  return (tl_demo_rng_next (&gen->rng) >> 11) * (1.0 / 9007199254740992.0);
}

static inline double
between (TlDemoGen *gen,
         double     lo,
         double     hi)
{
  return lo + (hi - lo) * uniform (gen);
}

/* An integer in [lo, hi]. */
static inline int
pick (TlDemoGen *gen,
      int        lo,
      int        hi)
{
  guint64 span = (guint64) (hi - lo) + 1;

  return lo + (int) (((tl_demo_rng_next (&gen->rng) >> 32) * span) >> 32);
}

static inline gboolean
chance (TlDemoGen *gen,
        double     p)
{
  return uniform (gen) < p;
}

/* Roughly normal, mean 0, deviation 1, never beyond 3 (Irwin-Hall). */
static inline double
noise (TlDemoGen *gen)
{
  /* C leaves the order of operands unspecified: draw one at a time, so
   * every compiler sums the same numbers in the same order */
  double sum = uniform (gen);

  sum += uniform (gen);
  sum += uniform (gen);

  return 2.0 * (sum - 1.5);
}

/* Draws @n values into @out in order. Never draw twice in one expression
 * or argument list: the order of evaluation there is unspecified, and the
 * same seed must give the same events from every compiler. */
static inline void
draw_noise (TlDemoGen *gen,
            double    *out,
            guint      n)
{
  for (guint i = 0; i < n; i++)
    out[i] = noise (gen);
}

#define PICK_ONE(gen, array) ((array)[pick ((gen), 0, G_N_ELEMENTS (array) - 1)])

/* Geometry. No libm: distances use a linear fit of cos(latitude) over the
 * strait, so a seed gives the same bits on every platform. */

static inline double
m_per_deg_lon (double lat)
{
  /* cos(lat) fitted around 50.75 N; off by < 0.1 % over the strait */
  return TL_DEMO_M_PER_DEG_LAT * (0.63266 - 0.013516 * (lat - 50.75));
}

static inline TlDemoPoint
offset (TlDemoPoint p,
        double      north_m,
        double      east_m)
{
  return (TlDemoPoint) { p.lat + north_m / TL_DEMO_M_PER_DEG_LAT,
                   p.lon + east_m / m_per_deg_lon (p.lat) };
}

static inline double
distance_sq (TlDemoPoint a,
             TlDemoPoint b)
{
  double dn = (a.lat - b.lat) * TL_DEMO_M_PER_DEG_LAT;
  double de = (a.lon - b.lon) * m_per_deg_lon ((a.lat + b.lat) / 2);

  return dn * dn + de * de;
}

static inline TlDemoPoint
place_point (const TlDemoPlace *place)
{
  return (TlDemoPoint) { place->latitude, place->longitude };
}

G_END_DECLS
