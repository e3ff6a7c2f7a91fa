/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One day of demo activity on the Strait of Dover: the weather, the patrols
 * and, for each boat, a short story from the beach to an English port or
 * back to France. The records hold counts only, never anything about a
 * person. The notes are data, like an officer's notes, so they are not
 * translated: a demo database reads the same in every locale.
 *
 * No libm here: distances use a linear fit of cos(latitude) over the
 * strait, so a seed gives the same bits on every platform. */

#include "config.h"

#include <string.h>

#include "tl-demo-private.h"
#include "tl-event-private.h"

#define HOUR 3600
#define MINUTE 60
#define M_PER_DEG_LAT 111195.0
#define MAX_STORY 12

typedef struct {
  double lat, lon;
} Point;

/* A beach people leave from. The gazetteer points lie in the towns, a few
 * hundred metres inland; shore_m is how far the waterline is along the
 * seaward direction (measured on the GSHHG coastline). */
typedef struct {
  const char *name;
  double      north, east;  /* seaward unit vector */
  double      shore_m;
  double      along_m;      /* half the length of beach used */
  guint       weight;       /* share of departures */
  gboolean    taxi_boat;    /* boats come down the canal empty */
} Launch;

#define SEA_N   1.0, 0.0
#define SEA_NW  0.7071, -0.7071
#define SEA_WNW 0.3827, -0.9239
#define SEA_W   0.0, -1.0
#define SEA_SE  -0.7071, 0.7071

static const Launch launches[] = {
  { "Loon-Plage", SEA_N, 1500, 100, 8, FALSE },
  { "Canal de l'Aa (Gravelines)", SEA_N, 0, 50, 10, TRUE },
  { "Grand-Fort-Philippe", SEA_N, 150, 200, 8, FALSE },
  { "Oye-Plage", SEA_N, 0, 200, 5, FALSE },
  { "Sangatte", SEA_NW, 500, 200, 4, FALSE },
  { "Wissant", SEA_NW, 350, 100, 6, FALSE },
  { "Audresselles", SEA_W, 250, 200, 4, FALSE },
  { "Ambleteuse", SEA_W, 400, 200, 6, FALSE },
  { "Wimereux", SEA_W, 350, 100, 9, FALSE },
  { "Le Portel", SEA_WNW, 175, 200, 7, FALSE },
  { "Equihen-Plage", SEA_W, 225, 200, 9, FALSE },
  { "Hardelot-Plage", SEA_W, 175, 200, 9, FALSE },
  { "Stella-Plage", SEA_W, 375, 150, 6, FALSE },
  { "Berck-sur-Mer", SEA_W, 325, 200, 5, FALSE },
};

typedef enum {
  LANDING_DOVER,
  LANDING_FOLKESTONE,
  LANDING_DUNGENESS,
  N_LANDINGS
} LandingId;

/* Where boats end up in England, and a point a few kilometres off it
 * where the track turns in. */
typedef struct {
  const char *name;
  double      north, east;
  double      shore_m;
  double      spread_m;
  Point       approach;
} Landing;

static const Landing landings[N_LANDINGS] = {
  [LANDING_DOVER] = { "Dover (port)", 0, 0, 0, 120, { 51.085, 1.345 } },
  [LANDING_FOLKESTONE] = { "Folkestone", SEA_SE, 250, 80, { 51.050, 1.225 } },
  [LANDING_DUNGENESS] = { "Dungeness", SEA_SE, 225, 120, { 50.905, 1.060 } },
};

static const char * const shore_units[] = {
  "Police aux frontières", "Gendarmerie nationale", "CRS",
};
static const char * const aircraft[] = {
  "Helicopter Dauphin", "Helicopter Coastguard 163",
};
static const char * const uk_vessels[] = {
  "Border Force Typhoon", "Border Force Seeker", "HMC Valiant",
};

typedef struct {
  gint64   time;
  guint    seq;
  TlEvent *event;
} DayItem;

typedef struct {
  TlEventData data;
  char        place[64];
  char        notes[192];
  char        details[256];
} StoryEvent;

typedef struct {
  const TlDemoDay   *day;
  TlDemoRng          rng;
  const TlDemoPlace *places;
  guint              n_places;
  const TlDemoPlace *launch_place[G_N_ELEMENTS (launches)];
  guint              launch_weight;
  const TlDemoPlace *landing_place[N_LANDINGS];
  double             calm;      /* 0 a gale, 1 flat calm */
  int                wind_bft;
  guint              n_boats;
  GArray            *items;     /* DayItem, owns the events */
  guint              seq;
  StoryEvent         story[MAX_STORY];
  guint              n_story;
} DayGen;

/* Random numbers */

static double
uniform (DayGen *gen)
{
  return (tl_demo_rng_next (&gen->rng) >> 11) * (1.0 / 9007199254740992.0);
}

static double
between (DayGen *gen,
         double  lo,
         double  hi)
{
  return lo + (hi - lo) * uniform (gen);
}

/* An integer in [lo, hi]. */
static int
pick (DayGen *gen,
      int     lo,
      int     hi)
{
  guint64 span = (guint64) (hi - lo) + 1;

  return lo + (int) (((tl_demo_rng_next (&gen->rng) >> 32) * span) >> 32);
}

static gboolean
chance (DayGen *gen,
        double  p)
{
  return uniform (gen) < p;
}

/* Roughly normal, mean 0, deviation 1, never beyond 3 (Irwin-Hall). */
static double
noise (DayGen *gen)
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
static void
draw_noise (DayGen *gen,
            double *out,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    out[i] = noise (gen);
}

#define PICK_ONE(gen, array) ((array)[pick ((gen), 0, G_N_ELEMENTS (array) - 1)])

/* Geometry */

static double
m_per_deg_lon (double lat)
{
  /* cos(lat) fitted around 50.75 N; off by < 0.1 % over the strait */
  return M_PER_DEG_LAT * (0.63266 - 0.013516 * (lat - 50.75));
}

static Point
offset (Point  p,
        double north_m,
        double east_m)
{
  return (Point) { p.lat + north_m / M_PER_DEG_LAT,
                   p.lon + east_m / m_per_deg_lon (p.lat) };
}

static double
distance_sq (Point a,
             Point b)
{
  double dn = (a.lat - b.lat) * M_PER_DEG_LAT;
  double de = (a.lon - b.lon) * m_per_deg_lon ((a.lat + b.lat) / 2);

  return dn * dn + de * de;
}

/* Keeps a point at sea: inside the strait and at least ~2 km off the
 * French and English coasts, which run roughly along these lines. */
static Point
clamp_to_sea (Point p)
{
  double max_lat;

  p.lon = CLAMP (p.lon, 1.20, 1.90);
  if (p.lat < 50.90)
    p.lon = MIN (p.lon, 1.54);   /* Boulogne coast, 1.57-1.61 E */
  else if (p.lon > 1.60)         /* Gris-Nez to Calais */
    p.lat = MAX (p.lat, 50.89 + (p.lon - 1.60) * 0.40 + 0.02);

  /* Folkestone to South Foreland */
  max_lat = MIN (51.20, 51.078 + 0.296 * (p.lon - 1.188) - 0.02);
  p.lat = CLAMP (p.lat, 50.70, max_lat);

  return p;
}

static double
sqrt_approx (double x)
{
  double r = x > 1 ? x / 2 : 1;

  /* Newton steps; track lengths only need a few metres of accuracy */
  for (guint i = 0; i < 30; i++)
    r = 0.5 * (r + x / r);

  return r;
}

typedef struct {
  Point  wp[5];
  double cum[5];   /* metres along the track to each waypoint */
} Track;

static Point
track_at (const Track *track,
          double       f)
{
  double d = CLAMP (f, 0, 1) * track->cum[4];
  guint i = 1;

  while (i < 4 && track->cum[i] < d)
    i++;

  {
    double seg = track->cum[i] - track->cum[i - 1];
    double t = seg > 0 ? (d - track->cum[i - 1]) / seg : 0;

    return (Point) { track->wp[i - 1].lat + t * (track->wp[i].lat - track->wp[i - 1].lat),
                     track->wp[i - 1].lon + t * (track->wp[i].lon - track->wp[i - 1].lon) };
  }
}

static Point
sea_point (DayGen      *gen,
           const Track *track,
           double       f)
{
  Point p = track_at (track, f);
  double n[2];

  draw_noise (gen, n, 2);

  return clamp_to_sea (offset (p, 500 * n[0], 500 * n[1]));
}

/* @seaward_m out from @p along the launch's seaward direction and
 * @along_m along the beach. */
static Point
from_beach (Point         p,
            const Launch *l,
            double        seaward_m,
            double        along_m)
{
  return offset (p, l->north * seaward_m + l->east * along_m,
                 l->east * seaward_m - l->north * along_m);
}

static Point
random_point (DayGen *gen,
              double  lat_lo,
              double  lat_hi,
              double  lon_lo,
              double  lon_hi)
{
  Point p;

  p.lat = between (gen, lat_lo, lat_hi);
  p.lon = between (gen, lon_lo, lon_hi);

  return p;
}

/* Stories */

static const TlDemoPlace *
find_place (DayGen     *gen,
            const char *name)
{
  for (guint i = 0; i < gen->n_places; i++)
    if (g_strcmp0 (gen->places[i].name, name) == 0)
      return &gen->places[i];

  return NULL;
}

static Point
place_point (const TlDemoPlace *place)
{
  return (Point) { place->latitude, place->longitude };
}

/* "Wimereux", or "Off Cap Gris-Nez" at sea, without "(port)". */
static void
describe_place (DayGen *gen,
                Point   p,
                char   *out,
                gsize   out_size)
{
  const TlDemoPlace *best = NULL;
  double best_sq = G_MAXDOUBLE;
  g_autofree char *name = NULL;
  char *paren;

  for (guint i = 0; i < gen->n_places; i++)
    {
      double d = distance_sq (p, place_point (&gen->places[i]));

      if (d < best_sq)
        best_sq = d, best = &gen->places[i];
    }

  if (best == NULL || best_sq > 14000.0 * 14000.0)
    {
      g_strlcpy (out, "Mid-Channel", out_size);
      return;
    }

  /* near a place, its gazetteer name; at sea "Off Cap Gris-Nez" */
  if (best_sq < 2500.0 * 2500.0)
    {
      g_strlcpy (out, best->name, out_size);
      return;
    }

  name = g_strdup (best->name);
  if ((paren = strstr (name, " (")) != NULL)
    *paren = '\0';
  g_snprintf (out, out_size, "Off %s", name);
}

static StoryEvent *
story_add (DayGen      *gen,
           TlEventKind  kind,
           gint64       time,
           Point        p)
{
  StoryEvent *ev;

  g_assert (gen->n_story < MAX_STORY);
  ev = &gen->story[gen->n_story++];

  describe_place (gen, p, ev->place, sizeof ev->place);
  ev->notes[0] = '\0';
  ev->details[0] = '\0';
  ev->data = (TlEventData) {
    .kind = kind,
    .time = time,
    .end_time = TL_TIME_NONE,
    .latitude = p.lat,
    .longitude = p.lon,
    .place = ev->place,
    .boats = TL_COUNT_UNKNOWN,
    .people = TL_COUNT_UNKNOWN,
    .rescued = TL_COUNT_UNKNOWN,
    .deceased = TL_COUNT_UNKNOWN,
    .missing = TL_COUNT_UNKNOWN,
    .status = TL_EVENT_STATUS_CLOSED,
    .notes = ev->notes,
    .details = ev->details,
  };

  return ev;
}

/* Writes the story's events that fall in the range. If the range ends
 * before the story does, the last event written is still going on. */
static void
story_flush (DayGen *gen)
{
  const TlDemoDay *day = gen->day;
  gboolean cut = FALSE;
  int last = -1;

  /* insertion sort by time: a story has a handful of events */
  for (guint i = 1; i < gen->n_story; i++)
    for (guint j = i; j > 0 && gen->story[j].data.time < gen->story[j - 1].data.time; j--)
      {
        StoryEvent tmp = gen->story[j];

        gen->story[j] = gen->story[j - 1];
        gen->story[j - 1] = tmp;
      }

  for (guint i = 0; i < gen->n_story; i++)
    {
      StoryEvent *ev = &gen->story[i];

      /* sorting moved the buffers: point back into this slot */
      ev->data.place = ev->place;
      ev->data.notes = ev->notes[0] ? ev->notes : NULL;
      ev->data.details = ev->details[0] ? ev->details : NULL;

      if (ev->data.time >= day->range_end)
        cut = TRUE;
      else if (ev->data.time >= day->range_start)
        last = i;
    }

  if (cut && last >= 0)
    gen->story[last].data.status = TL_EVENT_STATUS_ONGOING;

  for (guint i = 0; i < gen->n_story; i++)
    {
      StoryEvent *ev = &gen->story[i];
      DayItem item;

      if (ev->data.time < day->range_start || ev->data.time >= day->range_end)
        continue;

      item.time = ev->data.time;
      item.seq = gen->seq++;
      item.event = tl_event_new_from_data (&ev->data);
      g_array_append_val (gen->items, item);
    }

  gen->n_story = 0;
}

static void
patrol (DayGen   *gen,
        gboolean  anywhere_in_range)
{
  const TlDemoDay *day = gen->day;
  const char *kind, *unit;
  gint64 start, duration;
  Point p;
  StoryEvent *ev;
  double r = uniform (gen);

  if (r < 0.4)
    {
      guint i = pick (gen, 0, G_N_ELEMENTS (launches) - 1);
      const Launch *l = &launches[i];
      const TlDemoPlace *place = gen->launch_place[i];

      if (place == NULL)
        return;

      kind = "shore";
      unit = PICK_ONE (gen, shore_units);
      /* on the sand, a little inland of the waterline */
      p = from_beach (place_point (place), l, l->shore_m - 80, l->along_m * noise (gen) / 3);
      start = chance (gen, 0.5) ? between (gen, 20 * HOUR, 23.5 * HOUR)
                                : between (gen, 0, 3 * HOUR);
      duration = between (gen, 4 * HOUR, 8 * HOUR);
      ev = story_add (gen, TL_EVENT_KIND_PATROL, 0, p);
      g_snprintf (ev->notes, sizeof ev->notes,
                  "Night shore patrol along the beaches at %s", ev->place);
    }
  else if (r < 0.8)
    {
      static const char * const fr_vessels[] = {
        "Flamant (Marine nationale)", "Abeille Normandie", "SNSM Calais", "SNSM Boulogne",
      };
      gboolean french = chance (gen, 0.45);

      kind = "sea";
      unit = french ? PICK_ONE (gen, fr_vessels) : PICK_ONE (gen, uk_vessels);
      p = french ? random_point (gen, 50.80, 50.98, 1.40, 1.52)
                 : random_point (gen, 50.98, 51.06, 1.30, 1.60);
      p = clamp_to_sea (p);
      start = between (gen, 0, 18 * HOUR);
      duration = between (gen, 6 * HOUR, 12 * HOUR);
      ev = story_add (gen, TL_EVENT_KIND_PATROL, 0, p);
      g_strlcpy (ev->notes, french ? "Sea patrol along the French side of the strait"
                                   : "Sea patrol along the median line",
                 sizeof ev->notes);
    }
  else
    {
      kind = "air";
      unit = PICK_ONE (gen, aircraft);
      p = clamp_to_sea (random_point (gen, 50.80, 51.05, 1.35, 1.70));
      start = between (gen, 2 * HOUR, 10 * HOUR);
      duration = between (gen, 1.5 * HOUR, 3.5 * HOUR);
      ev = story_add (gen, TL_EVENT_KIND_PATROL, 0, p);
      g_strlcpy (ev->notes, "Surveillance flight along the French coast", sizeof ev->notes);
    }

  if (anywhere_in_range)
    {
      gint64 lo = MAX (day->day_start, day->range_start);
      gint64 hi = MIN (day->day_end, day->range_end);

      ev->data.time = lo + (gint64) ((hi - lo) * uniform (gen));
    }
  else
    ev->data.time = day->day_start + start;

  ev->data.unit = unit;
  if (ev->data.time + duration < day->range_end)
    ev->data.end_time = ev->data.time + duration;
  else
    ev->data.status = TL_EVENT_STATUS_ONGOING;
  g_snprintf (ev->details, sizeof ev->details, "{\"kind\":\"%s\"}", kind);

  story_flush (gen);
}

static const char *
pick_confidence (DayGen *gen)
{
  double r = uniform (gen);

  return r < 0.65 ? "high" : r < 0.93 ? "medium" : "low";
}

static int
estimate (DayGen *gen,
          int     people)
{
  /* observers round to five and are often off by ten per cent */
  int e = people + (int) (people * 0.1 * noise (gen) / 3);

  return MAX (5, (e + 2) / 5 * 5);
}

static void
add_sighting (DayGen     *gen,
              const char *boat_ref,
              const char *source,
              gint64      time,
              Point       p,
              int         people)
{
  const char *confidence = pick_confidence (gen);
  StoryEvent *ev = story_add (gen, TL_EVENT_KIND_SIGHTING, time, p);

  ev->data.boats = 1;
  if (people > 0 && !chance (gen, 0.2))
    ev->data.people = estimate (gen, people);
  if (g_str_equal (confidence, "low"))
    ev->data.status = TL_EVENT_STATUS_REPORTED;
  ev->data.unit = g_str_equal (source, "aerial") ? PICK_ONE (gen, aircraft)
                : g_str_equal (source, "shore_patrol") ? PICK_ONE (gen, shore_units)
                : NULL;
  g_snprintf (ev->details, sizeof ev->details,
              "{\"boat_ref\":\"%s\",\"source\":\"%s\",\"confidence\":\"%s\"}",
              boat_ref, source, confidence);

  if (g_str_equal (source, "camera"))
    g_snprintf (ev->notes, sizeof ev->notes,
                "Inflatable seen on coastal camera heading out");
  else if (g_str_equal (source, "shore_patrol"))
    g_strlcpy (ev->notes, "Shore patrol reports a boat leaving the beach", sizeof ev->notes);
  else if (g_str_equal (source, "aerial"))
    g_strlcpy (ev->notes, "Aircraft reports an inflatable heading north-west, low in the water",
               sizeof ev->notes);
  else
    g_strlcpy (ev->notes, "Ship reports a small boat crossing the traffic lane", sizeof ev->notes);
}

/* A rescue: everyone left on board is taken off unless @partial. Returns
 * how many are no longer on the boat. */
static int
add_rescue (DayGen      *gen,
            const char  *boat_ref,
            gint64       time,
            Point        p,
            int          on_board,
            const char  *unit,
            const char  *taken_to,
            gboolean     partial)
{
  static const char * const reasons[] = {
    "engine failure", "taking on water", "deflating", "people in the water", "overcrowded",
  };
  const char *reason = PICK_ONE (gen, reasons);
  StoryEvent *ev = story_add (gen, TL_EVENT_KIND_RESCUE, time, p);
  int deceased = 0, missing = 0, rescued;

  /* rare, and recorded as counts only */
  if (chance (gen, 0.015))
    deceased = pick (gen, 1, 2);
  if (chance (gen, 0.008))
    missing = pick (gen, 1, 3);
  rescued = on_board - deceased - missing;
  if (partial)
    rescued = rescued * pick (gen, 30, 70) / 100;

  ev->data.boats = 1;
  ev->data.people = on_board;
  ev->data.rescued = rescued;
  ev->data.deceased = deceased;
  ev->data.missing = missing;
  ev->data.unit = unit;
  g_snprintf (ev->details, sizeof ev->details,
              "{\"boat_ref\":\"%s\",\"reason\":\"%s\",\"taken_to\":\"%s\"}",
              boat_ref, reason, taken_to);
  g_snprintf (ev->notes, sizeof ev->notes, "%c%s; %d taken on board%s%s",
              g_ascii_toupper (reason[0]), reason + 1, rescued,
              partial ? "; the boat continued with the others" : "",
              deceased + missing > 0 ? ". Casualties recorded" : "");

  return rescued + deceased + missing;
}

static void
add_arrival (DayGen      *gen,
             const char  *boat_ref,
             gint64       time,
             LandingId    id,
             int          people,
             const char  *unit)
{
  const Landing *l = &landings[id];
  Point p = place_point (gen->landing_place[id]);
  StoryEvent *ev;
  double n[2];

  draw_noise (gen, n, 2);
  p = offset (p, l->north * l->shore_m + l->spread_m * n[0] / 3,
              l->east * l->shore_m + l->spread_m * n[1] / 3);
  ev = story_add (gen, TL_EVENT_KIND_ARRIVAL, time, p);
  g_strlcpy (ev->place, gen->landing_place[id]->name, sizeof ev->place);
  ev->data.boats = 1;
  ev->data.people = people;
  ev->data.unit = unit;
  g_snprintf (ev->details, sizeof ev->details,
              "{\"boat_ref\":\"%s\",\"landing\":\"%s\"}",
              boat_ref, unit != NULL ? "port" : "beach");
  if (unit != NULL)
    g_snprintf (ev->notes, sizeof ev->notes, "%d people landed from %s", people, unit);
  else
    g_snprintf (ev->notes, sizeof ev->notes,
                "Boat landed on the beach unassisted, %d people", people);
}

static guint
pick_launch (DayGen *gen)
{
  int r = pick (gen, 0, gen->launch_weight - 1);

  for (guint i = 0; i < G_N_ELEMENTS (launches); i++)
    {
      if (gen->launch_place[i] == NULL)
        continue;
      if ((r -= launches[i].weight) < 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
boat_story (DayGen *gen)
{
  const TlDemoDay *day = gen->day;
  guint li = pick_launch (gen);
  const Launch *l = &launches[li];
  Point beach = place_point (gen->launch_place[li]);
  char boat_ref[24];
  Point p0;
  gint64 t0;
  double u, seaward;
  int people, on_board, gone = 0;
  StoryEvent *dep;
  double p_prevent = gen->calm > 0.62 ? 0.22 : gen->calm > 0.38 ? 0.30 : 0.50;
  double p_fr_rescue = gen->calm > 0.62 ? 0.08 : gen->calm > 0.38 ? 0.15 : 0.30;
  double outcome, crossing, f_end = 1.0;
  LandingId dest;
  Track track;

  g_snprintf (boat_ref, sizeof boat_ref, "D-%02d%02d-%02u",
              day->month, day->day_of_month, ++gen->n_boats);

  /* mostly 01:00-09:00, busiest around five */
  u = uniform (gen);
  u += uniform (gen);
  t0 = day->day_start + HOUR + (gint64) (8 * HOUR * u / 2);
  /* on the sand or just off it: the waterline, give or take */
  seaward = l->shore_m + between (gen, -100, 300);
  p0 = from_beach (beach, l, seaward, between (gen, -l->along_m, l->along_m));
  /* 40-80 a boat, 60 on average */
  u = uniform (gen);
  u += uniform (gen);
  u += uniform (gen);
  people = 40 + (int) (40 * u / 3);
  on_board = people;

  if (l->taxi_boat)
    {
      gint64 t = t0 - between (gen, 10 * MINUTE, 45 * MINUTE);
      StoryEvent *ev;

      seaward = between (gen, -300, 0);
      add_sighting (gen, boat_ref, "camera", t,
                    from_beach (beach, l, seaward, between (gen, -l->along_m, l->along_m)), 0);
      ev = &gen->story[gen->n_story - 1];
      g_strlcpy (ev->notes, "Taxi-boat seen moving down the canal towards the sea",
                 sizeof ev->notes);
    }

  dep = story_add (gen, TL_EVENT_KIND_DEPARTURE, t0, p0);
  g_strlcpy (dep->place, gen->launch_place[li]->name, sizeof dep->place);
  dep->data.boats = 1;
  dep->data.people = people;

  if (chance (gen, p_prevent))
    {
      static const char * const actions[] = { "deterred", "deterred", "boat_disabled", "people_returned" };
      const char *action = PICK_ONE (gen, actions);

      dep->data.unit = PICK_ONE (gen, shore_units);
      g_snprintf (dep->details, sizeof dep->details,
                  "{\"boat_ref\":\"%s\",%s\"action_on_shore\":\"%s\",\"wind_bft\":%d}",
                  boat_ref, l->taxi_boat ? "\"taxi_boat\":true," : "", action, gen->wind_bft);
      if (g_str_equal (action, "deterred"))
        g_snprintf (dep->notes, sizeof dep->notes,
                    "Launch prevented by shore patrol; group of approx %d dispersed", people);
      else if (g_str_equal (action, "boat_disabled"))
        g_snprintf (dep->notes, sizeof dep->notes,
                    "Boat punctured on the beach before launch; approx %d remained on shore", people);
      else
        g_snprintf (dep->notes, sizeof dep->notes,
                    "Boat turned back in the shallows; approx %d returned to the beach", people);
      story_flush (gen);
      return;
    }

  g_snprintf (dep->details, sizeof dep->details,
              "{\"boat_ref\":\"%s\",%s\"wind_bft\":%d}",
              boat_ref, l->taxi_boat ? "\"taxi_boat\":true," : "", gen->wind_bft);
  if (l->taxi_boat)
    g_snprintf (dep->notes, sizeof dep->notes,
                "Taxi-boat picked up approx %d from the water at the canal mouth", people);
  else if (chance (gen, 0.5))
    g_snprintf (dep->notes, sizeof dep->notes,
                "Inflatable launched from the beach, approx %d on board", people);
  else
    g_snprintf (dep->notes, sizeof dep->notes,
                "Group of approx %d seen boarding an inflatable at the water's edge", people);

  /* how it ends decides where it heads */
  outcome = uniform (gen);
  dest = outcome < 0.78 ? LANDING_DOVER
       : outcome < 0.92 ? (chance (gen, 0.5) ? LANDING_DUNGENESS : LANDING_DOVER)
       : (chance (gen, 0.6) ? LANDING_DUNGENESS : LANDING_FOLKESTONE);
  if (gen->landing_place[dest] == NULL)
    dest = LANDING_DOVER;

  track.wp[0] = p0;
  track.wp[1] = from_beach (beach, l, l->shore_m + 3500, 0);
  track.wp[2] = beach.lat < 50.85 ? random_point (gen, 50.93, 51.00, 1.38, 1.50)
                                  : random_point (gen, 50.97, 51.04, 1.45, 1.62);
  {
    double n[2];

    draw_noise (gen, n, 2);
    track.wp[3] = offset (landings[dest].approach, 800 * n[0], 800 * n[1]);
  }
  track.wp[4] = place_point (gen->landing_place[dest]);
  track.cum[0] = 0;
  for (guint i = 1; i < 5; i++)
    track.cum[i] = track.cum[i - 1] + sqrt_approx (distance_sq (track.wp[i - 1], track.wp[i]));
  /* 2.5-4 knots, with time spent waiting offshore */
  crossing = track.cum[4] / between (gen, 4500, 7500) * HOUR;
  crossing += between (gen, 0, HOUR);

#define AT(f) (t0 + (gint64) ((f) * crossing))

  if (chance (gen, p_fr_rescue))
    {
      double f = between (gen, 0.12, 0.45);
      Point p = sea_point (gen, &track, f);
      gboolean partial = chance (gen, 0.3);
      const char *unit, *taken_to;

      if (p.lat >= 50.90)
        {
          unit = l->north > 0.9 && chance (gen, 0.5) ? "SNSM Dunkerque" : "SNSM Calais";
          taken_to = g_str_equal (unit, "SNSM Dunkerque") ? "Dunkerque (port)" : "Calais (port)";
        }
      else
        {
          unit = "SNSM Boulogne";
          taken_to = "Boulogne-sur-Mer (port)";
        }
      if (chance (gen, 0.2))
        unit = chance (gen, 0.5) ? "Abeille Normandie" : "Flamant (Marine nationale)";

      gone = add_rescue (gen, boat_ref, AT (f), p, on_board, unit, taken_to, partial);
      on_board -= gone;
      if (!partial || on_board <= 0)
        f_end = f;
    }

  if (chance (gen, 0.35))
    {
      gint64 t = t0 + between (gen, 5 * MINUTE, 25 * MINUTE);

      add_sighting (gen, boat_ref, "camera", t,
                    from_beach (p0, l, between (gen, 200, 1200), 0), people);
    }
  if (chance (gen, 0.2))
    {
      gint64 t = t0 + between (gen, 0, 10 * MINUTE);

      add_sighting (gen, boat_ref, "shore_patrol", t,
                    from_beach (p0, l, between (gen, 0, 150), 0), 0);
    }
  {
    double f = between (gen, 0.2, 0.55);

    if (f < f_end && chance (gen, 0.35 + 0.3 * gen->calm))
      add_sighting (gen, boat_ref, "aerial", AT (f), sea_point (gen, &track, f), on_board);
    f = between (gen, 0.35, 0.6);
    if (f < f_end && chance (gen, 0.15))
      add_sighting (gen, boat_ref, "vessel", AT (f), sea_point (gen, &track, f), 0);
  }

  if (f_end < 1.0)
    {
      story_flush (gen);
      return;
    }

  /* a helicopter takes off one or two who need a hospital */
  if (chance (gen, 0.04))
    {
      double f = between (gen, 0.3, 0.6);
      gboolean fr = f < 0.45;
      int n = pick (gen, 1, 2);
      StoryEvent *ev = story_add (gen, TL_EVENT_KIND_RESCUE, AT (f), sea_point (gen, &track, f));

      ev->data.boats = 1;
      ev->data.people = on_board;
      n = MIN (n, on_board);
      ev->data.rescued = n;
      ev->data.deceased = 0;
      ev->data.missing = 0;
      ev->data.unit = fr ? "Helicopter Dauphin" : "Helicopter Coastguard 163";
      g_snprintf (ev->details, sizeof ev->details,
                  "{\"boat_ref\":\"%s\",\"reason\":\"medical evacuation\",\"taken_to\":\"%s\"}",
                  boat_ref, fr ? "Boulogne-sur-Mer (port)" : "Dover (port)");
      g_snprintf (ev->notes, sizeof ev->notes, "Medical evacuation of %d by helicopter", n);
      on_board -= n;
      /* taken to France: they will not land in England */
      if (fr)
        gone += n;
    }

  if (outcome < 0.78)
    {
      double f = between (gen, 0.55, 0.85);
      const char *unit = PICK_ONE (gen, uk_vessels);
      StoryEvent *ev = story_add (gen, TL_EVENT_KIND_INTERCEPTION, AT (f), sea_point (gen, &track, f));

      ev->data.boats = 1;
      ev->data.people = on_board;
      ev->data.unit = unit;
      g_snprintf (ev->details, sizeof ev->details,
                  "{\"boat_ref\":\"%s\",\"taken_to\":\"Dover (port)\"}", boat_ref);
      g_snprintf (ev->notes, sizeof ev->notes,
                  "Boat intercepted mid-Channel; %d transferred to %s", on_board, unit);
      add_arrival (gen, boat_ref, AT (f) + (gint64) between (gen, HOUR, 2.5 * HOUR),
                   LANDING_DOVER, people - gone, unit);
    }
  else if (outcome < 0.92)
    {
      double f = between (gen, 0.6, 0.9);
      const char *unit = dest == LANDING_DUNGENESS ? "RNLI Dungeness"
                       : chance (gen, 0.6) ? "RNLI Dover" : "RNLI Walmer";
      Point p = sea_point (gen, &track, f);
      StoryEvent *ev;

      add_rescue (gen, boat_ref, AT (f), p, on_board, unit, landings[dest].name, FALSE);
      ev = &gen->story[gen->n_story - 1];
      /* the dead and missing do not arrive; everyone else does, the
       * helicopter's too */
      gone += ev->data.deceased + ev->data.missing;
      if (people - gone > 0)
        add_arrival (gen, boat_ref, AT (f) + (gint64) between (gen, HOUR, 2 * HOUR), dest,
                     people - gone, unit);
    }
  else
    add_arrival (gen, boat_ref, AT (1.0), dest, people - gone, NULL);

#undef AT

  story_flush (gen);
}

/* The day's weather: value noise over four-day knots, so calm and rough
 * spells last a few days, with calmer summers. It depends only on the
 * seed and the date. */
static double
knot (guint64 seed,
      gint64  k)
{
  return (tl_demo_mix (seed ^ tl_demo_mix ((guint64) k + 0x5eed)) >> 11) * (1.0 / 9007199254740992.0);
}

static void
set_weather (DayGen *gen)
{
  const TlDemoDay *day = gen->day;
  gint64 k = day->day_number >= 0 ? day->day_number / 4 : (day->day_number - 3) / 4;
  double t = (day->day_number - 4 * k) / 4.0;
  double s = t * t * (3 - 2 * t);
  double calm = knot (day->seed, k) * (1 - s) + knot (day->seed, k + 1) * s;

  if (day->month >= 6 && day->month <= 9)
    calm += 0.12;
  else if (day->month == 12 || day->month <= 2)
    calm -= 0.12;

  gen->calm = CLAMP (calm, 0, 1);
  gen->wind_bft = 1 + (int) ((1 - gen->calm) * 6.99);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const DayItem *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Public (private to core) API */

guint
tl_demo_day_generate (const TlDemoDay   *day,
                      const TlDemoPlace *places,
                      guint              n_places,
                      GPtrArray         *out)
{
  DayGen gen = { .day = day, .places = places, .n_places = n_places };
  guint n;

  tl_demo_rng_seed (&gen.rng, day->seed ^ tl_demo_mix ((guint64) day->day_number));
  for (guint i = 0; i < G_N_ELEMENTS (launches); i++)
    if ((gen.launch_place[i] = find_place (&gen, launches[i].name)) != NULL)
      gen.launch_weight += launches[i].weight;
  for (guint i = 0; i < N_LANDINGS; i++)
    gen.landing_place[i] = find_place (&gen, landings[i].name);
  g_return_val_if_fail (gen.launch_weight > 0, 0);
  g_return_val_if_fail (gen.landing_place[LANDING_DOVER] != NULL, 0);

  gen.items = g_array_new (FALSE, FALSE, sizeof (DayItem));
  set_weather (&gen);

  if (day->realistic)
    {
      int n_departures = gen.calm > 0.62 ? pick (&gen, 18, 40)
                       : gen.calm > 0.38 ? pick (&gen, 8, 18)
                       : pick (&gen, 5, 8);
      int n_patrols = pick (&gen, 3, 6) + (gen.calm > 0.5 ? 2 : 0);

      for (int i = 0; i < n_patrols; i++)
        patrol (&gen, FALSE);
      for (int i = 0; i < n_departures; i++)
        boat_story (&gen);
    }
  else
    {
      guint64 attempts = 0;

      /* A window with no night in it (a range ending at 00:30) cannot hold
       * boats: after a while fill it with patrols, which fit anywhere. */
      while (gen.items->len < day->target)
        {
          if (attempts > 4 * day->target + 64)
            patrol (&gen, TRUE);
          else if (attempts % 8 == 0)
            patrol (&gen, FALSE);
          else
            boat_story (&gen);
          attempts++;
        }

      /* drop the end of the last story, not the day's last hours */
      for (guint i = day->target; i < gen.items->len; i++)
        g_object_unref (g_array_index (gen.items, DayItem, i).event);
      g_array_set_size (gen.items, day->target);
    }

  g_array_sort (gen.items, compare_items);

  n = gen.items->len;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_array_index (gen.items, DayItem, i).event);
  g_array_free (gen.items, TRUE);

  return n;
}
