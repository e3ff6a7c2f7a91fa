/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The patrols and boats of a demo day. Each boat's story runs from a real
 * beach to an English port or back to France, with the sightings,
 * interceptions and rescues on the way. The records hold counts only,
 * never anything about a person. The notes and the places at sea are
 * written in the desk's language, as its officers would write them (the
 * demo database is made afresh each time it opens); units are stored by
 * their keys, which every desk shows in its own language. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-demo-private.h"
#include "tl-units.h"

#define HOUR TL_DEMO_HOUR
#define MINUTE TL_DEMO_MINUTE

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
  TlDemoPoint approach;
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

G_STATIC_ASSERT (G_N_ELEMENTS (launches) == TL_DEMO_N_LAUNCHES);
G_STATIC_ASSERT (N_LANDINGS == TL_DEMO_N_LANDINGS);

/* Helpers */

/* Keeps a point at sea: inside the strait and at least ~2 km off the
 * French and English coasts, which run roughly along these lines. */
static TlDemoPoint
clamp_to_sea (TlDemoPoint p)
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
  TlDemoPoint wp[5];
  double      cum[5];   /* metres along the track to each waypoint */
} Track;

static TlDemoPoint
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

    return (TlDemoPoint) { track->wp[i - 1].lat + t * (track->wp[i].lat - track->wp[i - 1].lat),
                           track->wp[i - 1].lon + t * (track->wp[i].lon - track->wp[i - 1].lon) };
  }
}

static TlDemoPoint
sea_point (TlDemoGen   *gen,
           const Track *track,
           double       f)
{
  TlDemoPoint p = track_at (track, f);
  double n[2];

  draw_noise (gen, n, 2);

  return clamp_to_sea (offset (p, 500 * n[0], 500 * n[1]));
}

/* @seaward_m out from @p along the launch's seaward direction and
 * @along_m along the beach. */
static TlDemoPoint
from_beach (TlDemoPoint   p,
            const Launch *l,
            double        seaward_m,
            double        along_m)
{
  return offset (p, l->north * seaward_m + l->east * along_m,
                 l->east * seaward_m - l->north * along_m);
}

static TlDemoPoint
random_point (TlDemoGen *gen,
              double     lat_lo,
              double     lat_hi,
              double     lon_lo,
              double     lon_hi)
{
  TlDemoPoint p;

  p.lat = between (gen, lat_lo, lat_hi);
  p.lon = between (gen, lon_lo, lon_hi);

  return p;
}

static const TlDemoPlace *
find_place (TlDemoGen  *gen,
            const char *name)
{
  for (guint i = 0; i < gen->n_places; i++)
    if (g_strcmp0 (gen->places[i].name, name) == 0)
      return &gen->places[i];

  return NULL;
}

/**
 * tl_demo_patrol: (skip)
 * @gen: the day
 * @anywhere_in_range: start at any time of the day's part of the range,
 *   rather than at the usual hours of its kind
 *
 * Adds one sea, shore or air patrol.
 */
void
tl_demo_patrol (TlDemoGen *gen,
                gboolean   anywhere_in_range)
{
  const TlDemoDay *day = gen->day;
  const char *kind, *unit;
  gint64 start, duration;
  TlDemoPoint p;
  TlDemoStoryEvent *ev;
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
      ev = tl_demo_story_add (gen, TL_EVENT_KIND_PATROL, 0, p);
      g_snprintf (ev->notes, sizeof ev->notes,
                  _("Night shore patrol along the beaches at %s"), ev->place);
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
      ev = tl_demo_story_add (gen, TL_EVENT_KIND_PATROL, 0, p);
      g_strlcpy (ev->notes, french ? _("Sea patrol along the French side of the strait")
                                   : _("Sea patrol along the median line"),
                 sizeof ev->notes);
    }
  else
    {
      kind = "air";
      unit = PICK_ONE (gen, aircraft);
      p = clamp_to_sea (random_point (gen, 50.80, 51.05, 1.35, 1.70));
      start = between (gen, 2 * HOUR, 10 * HOUR);
      duration = between (gen, 1.5 * HOUR, 3.5 * HOUR);
      ev = tl_demo_story_add (gen, TL_EVENT_KIND_PATROL, 0, p);
      g_strlcpy (ev->notes, _("Surveillance flight along the French coast"), sizeof ev->notes);
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

  tl_demo_story_flush (gen);
}

static const char *
pick_confidence (TlDemoGen *gen)
{
  double r = uniform (gen);

  return r < 0.65 ? "high" : r < 0.93 ? "medium" : "low";
}

static int
estimate (TlDemoGen *gen,
          int        people)
{
  /* observers round to five and are often off by ten per cent */
  int e = people + (int) (people * 0.1 * noise (gen) / 3);

  return MAX (5, (e + 2) / 5 * 5);
}

static void
add_sighting (TlDemoGen   *gen,
              const char  *boat_ref,
              const char  *source,
              gint64       time,
              TlDemoPoint  p,
              int          people)
{
  const char *confidence = pick_confidence (gen);
  TlDemoStoryEvent *ev = tl_demo_story_add (gen, TL_EVENT_KIND_SIGHTING, time, p);

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
    g_strlcpy (ev->notes, _("Inflatable seen on coastal camera heading out"), sizeof ev->notes);
  else if (g_str_equal (source, "shore_patrol"))
    g_strlcpy (ev->notes, _("Shore patrol reports a boat leaving the beach"), sizeof ev->notes);
  else if (g_str_equal (source, "aerial"))
    g_strlcpy (ev->notes, _("Aircraft reports an inflatable heading north-west, low in the water"),
               sizeof ev->notes);
  else
    g_strlcpy (ev->notes, _("Ship reports a small boat crossing the traffic lane"), sizeof ev->notes);
}

/* A rescue: everyone left on board is taken off unless @partial. Returns
 * how many are no longer on the boat. */
static int
add_rescue (TlDemoGen   *gen,
            const char  *boat_ref,
            gint64       time,
            TlDemoPoint  p,
            int          on_board,
            const char  *unit,
            const char  *taken_to,
            gboolean     to_france,
            gboolean     partial)
{
  /* the key in the details, and how the notes say it */
  static const char * const reasons[][2] = {
    { "engine failure", N_("Engine failure") },
    { "taking on water", N_("Taking on water") },
    { "deflating", N_("Deflating") },
    { "people in the water", N_("People in the water") },
    { "overcrowded", N_("Overcrowded") },
  };
  guint r = pick (gen, 0, G_N_ELEMENTS (reasons) - 1);
  const char *reason = reasons[r][0];
  g_autoptr(GString) notes = g_string_new (NULL);
  TlDemoStoryEvent *ev = tl_demo_story_add (gen, TL_EVENT_KIND_RESCUE, time, p);
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
  /* Taken to a French port: returned to France, as the form records it
   * (the summary counts them from there). */
  if (to_france)
    g_snprintf (ev->details, sizeof ev->details,
                "{\"boat_ref\":\"%s\",\"reason\":\"%s\",\"taken_to\":\"%s\","
                "\"outcome\":\"returned_fr\",\"returned_fr\":%d}",
                boat_ref, reason, taken_to, rescued);
  else
    g_snprintf (ev->details, sizeof ev->details,
                "{\"boat_ref\":\"%s\",\"reason\":\"%s\",\"taken_to\":\"%s\"}",
                boat_ref, reason, taken_to);
  /* Translators: a sample rescue's notes: what was wrong with the boat,
   * then how many people were taken on board */
  g_string_printf (notes, g_dngettext (GETTEXT_PACKAGE, "%s; %d taken on board", "%s; %d taken on board", rescued),
                   _(reasons[r][1]), rescued);
  if (partial)
    g_string_append (notes, _("; the boat continued with the others"));
  if (deceased + missing > 0)
    g_string_append (notes, _(". Casualties recorded"));
  g_strlcpy (ev->notes, notes->str, sizeof ev->notes);

  return rescued + deceased + missing;
}

static void
add_arrival (TlDemoGen  *gen,
             const char *boat_ref,
             gint64      time,
             LandingId   id,
             int         people,
             const char *unit)
{
  const Landing *l = &landings[id];
  TlDemoPoint p = place_point (gen->landing_place[id]);
  TlDemoStoryEvent *ev;
  double n[2];

  draw_noise (gen, n, 2);
  p = offset (p, l->north * l->shore_m + l->spread_m * n[0] / 3,
              l->east * l->shore_m + l->spread_m * n[1] / 3);
  ev = tl_demo_story_add (gen, TL_EVENT_KIND_ARRIVAL, time, p);
  g_strlcpy (ev->place, gen->landing_place[id]->name, sizeof ev->place);
  ev->data.boats = 1;
  ev->data.people = people;
  ev->data.unit = unit;
  g_snprintf (ev->details, sizeof ev->details,
              "{\"boat_ref\":\"%s\",\"landing\":\"%s\"}",
              boat_ref, unit != NULL ? "port" : "beach");
  if (unit != NULL)
    g_snprintf (ev->notes, sizeof ev->notes,
                g_dngettext (GETTEXT_PACKAGE, "%d person landed from %s", "%d people landed from %s", people),
                people, tl_unit_get_label (unit));
  else
    g_snprintf (ev->notes, sizeof ev->notes,
                g_dngettext (GETTEXT_PACKAGE, "Boat landed on the beach unassisted, %d person",
                             "Boat landed on the beach unassisted, %d people", people), people);
}

static guint
pick_launch (TlDemoGen *gen)
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

/**
 * tl_demo_boat_story: (skip)
 * @gen: the day
 *
 * Adds one boat's story: its departure, or its prevented departure, and
 * what happened at sea.
 */
void
tl_demo_boat_story (TlDemoGen *gen)
{
  const TlDemoDay *day = gen->day;
  guint li = pick_launch (gen);
  const Launch *l = &launches[li];
  TlDemoPoint beach = place_point (gen->launch_place[li]);
  char boat_ref[24];
  TlDemoPoint p0;
  gint64 t0;
  double u, seaward;
  int people, on_board, gone = 0;
  TlDemoStoryEvent *dep;
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
      TlDemoStoryEvent *ev;

      seaward = between (gen, -300, 0);
      add_sighting (gen, boat_ref, "camera", t,
                    from_beach (beach, l, seaward, between (gen, -l->along_m, l->along_m)), 0);
      ev = &gen->story[gen->n_story - 1];
      g_strlcpy (ev->notes, _("Taxi-boat seen moving down the canal towards the sea"),
                 sizeof ev->notes);
    }

  dep = tl_demo_story_add (gen, TL_EVENT_KIND_DEPARTURE, t0, p0);
  g_strlcpy (dep->place, gen->launch_place[li]->name, sizeof dep->place);
  dep->data.boats = 1;
  dep->data.people = people;

  if (chance (gen, p_prevent))
    {
      static const char * const actions[] = {
        "deterred", "deterred", "boat_disabled", "people_returned",
      };
      const char *action = PICK_ONE (gen, actions);

      dep->data.unit = PICK_ONE (gen, shore_units);
      g_snprintf (dep->details, sizeof dep->details,
                  "{\"boat_ref\":\"%s\",%s\"action_on_shore\":\"%s\",\"wind_bft\":%d}",
                  boat_ref, l->taxi_boat ? "\"taxi_boat\":true," : "", action, gen->wind_bft);
      if (g_str_equal (action, "deterred"))
        g_snprintf (dep->notes, sizeof dep->notes,
                    _("Launch prevented by shore patrol; group of approx %d dispersed"), people);
      else if (g_str_equal (action, "boat_disabled"))
        g_snprintf (dep->notes, sizeof dep->notes,
                    _("Boat punctured on the beach before launch; approx %d remained on shore"),
                    people);
      else
        g_snprintf (dep->notes, sizeof dep->notes,
                    _("Boat turned back in the shallows; approx %d returned to the beach"), people);
      tl_demo_story_flush (gen);
      return;
    }

  g_snprintf (dep->details, sizeof dep->details,
              "{\"boat_ref\":\"%s\",%s\"wind_bft\":%d}",
              boat_ref, l->taxi_boat ? "\"taxi_boat\":true," : "", gen->wind_bft);
  if (l->taxi_boat)
    g_snprintf (dep->notes, sizeof dep->notes,
                _("Taxi-boat picked up approx %d from the water at the canal mouth"), people);
  else if (chance (gen, 0.5))
    g_snprintf (dep->notes, sizeof dep->notes,
                _("Inflatable launched from the beach, approx %d on board"), people);
  else
    g_snprintf (dep->notes, sizeof dep->notes,
                _("Group of approx %d seen boarding an inflatable at the water’s edge"), people);

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
      TlDemoPoint p = sea_point (gen, &track, f);
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

      gone = add_rescue (gen, boat_ref, AT (f), p, on_board, unit, taken_to, TRUE, partial);
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
      tl_demo_story_flush (gen);
      return;
    }

  /* a helicopter takes off one or two who need a hospital */
  if (chance (gen, 0.04))
    {
      double f = between (gen, 0.3, 0.6);
      gboolean fr = f < 0.45;
      int n = pick (gen, 1, 2);
      TlDemoPoint p = sea_point (gen, &track, f);
      TlDemoStoryEvent *ev = tl_demo_story_add (gen, TL_EVENT_KIND_RESCUE, AT (f), p);

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
      g_snprintf (ev->notes, sizeof ev->notes,
                  g_dngettext (GETTEXT_PACKAGE, "Medical evacuation of %d by helicopter",
                               "Medical evacuation of %d by helicopter", n), n);
      on_board -= n;
      /* An arrival counts everyone of the boat who reached England, by
       * helicopter too; those flown to France never will. */
      if (fr)
        gone += n;
    }

  if (outcome < 0.78)
    {
      double f = between (gen, 0.55, 0.85);
      const char *unit = PICK_ONE (gen, uk_vessels);
      TlDemoPoint p = sea_point (gen, &track, f);
      TlDemoStoryEvent *ev = tl_demo_story_add (gen, TL_EVENT_KIND_INTERCEPTION, AT (f), p);

      ev->data.boats = 1;
      ev->data.people = on_board;
      ev->data.unit = unit;
      g_snprintf (ev->details, sizeof ev->details,
                  "{\"boat_ref\":\"%s\",\"taken_to\":\"Dover (port)\"}", boat_ref);
      g_snprintf (ev->notes, sizeof ev->notes,
                  _("Boat intercepted mid-Channel; %d transferred to %s"), on_board, tl_unit_get_label (unit));
      add_arrival (gen, boat_ref, AT (f) + (gint64) between (gen, HOUR, 2.5 * HOUR),
                   LANDING_DOVER, people - gone, unit);
    }
  else if (outcome < 0.92)
    {
      double f = between (gen, 0.6, 0.9);
      const char *unit = dest == LANDING_DUNGENESS ? "RNLI Dungeness"
                       : chance (gen, 0.6) ? "RNLI Dover" : "RNLI Walmer";
      TlDemoPoint p = sea_point (gen, &track, f);
      TlDemoStoryEvent *ev;

      add_rescue (gen, boat_ref, AT (f), p, on_board, unit, landings[dest].name, FALSE, FALSE);
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

  tl_demo_story_flush (gen);
}

/**
 * tl_demo_story_init: (skip)
 * @gen: the day
 *
 * Finds the beaches and landing places in the gazetteer. One missing from
 * it is left out (a reduced gazetteer still works); Dover is required.
 */
void
tl_demo_story_init (TlDemoGen *gen)
{
  gen->launch_weight = 0;
  for (guint i = 0; i < G_N_ELEMENTS (launches); i++)
    if ((gen->launch_place[i] = find_place (gen, launches[i].name)) != NULL)
      gen->launch_weight += launches[i].weight;
  for (guint i = 0; i < N_LANDINGS; i++)
    gen->landing_place[i] = find_place (gen, landings[i].name);

  /* without Dover no boat has anywhere to go */
  if (gen->landing_place[LANDING_DOVER] == NULL)
    gen->launch_weight = 0;
}
