/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One day of demo activity on the Strait of Dover: the weather, then the
 * patrols and boats of tl-demo-story.c, each told as a short story whose
 * events are kept if they fall in the range. */

#include "config.h"

#include <string.h>

#include "tl-demo-private.h"

typedef struct {
  gint64   time;
  guint    seq;
  TlEvent *event;
} DayItem;

/* Helpers */

/* "Wimereux", or "Off Cap Gris-Nez" at sea, without "(port)". */
static void
describe_place (TlDemoGen   *gen,
                TlDemoPoint  p,
                char        *out,
                gsize        out_size)
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

/**
 * tl_demo_story_add: (skip)
 * @gen: the day
 * @kind: the event's kind
 * @time: when, UTC
 * @p: where
 *
 * Starts a new event of the current story, closed, with every count
 * unknown and its place named after the nearest gazetteer entry.
 *
 * Returns: (transfer none): the event, to fill in
 */
TlDemoStoryEvent *
tl_demo_story_add (TlDemoGen   *gen,
                   TlEventKind  kind,
                   gint64       time,
                   TlDemoPoint  p)
{
  TlDemoStoryEvent *ev;

  g_assert (gen->n_story < TL_DEMO_MAX_STORY);
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

/**
 * tl_demo_story_flush: (skip)
 * @gen: the day
 *
 * Ends the current story: keeps its events that fall in the range. If the
 * range ends before the story does, the last event kept is still going on.
 */
void
tl_demo_story_flush (TlDemoGen *gen)
{
  const TlDemoDay *day = gen->day;
  gboolean cut = FALSE;
  int last = -1;

  /* insertion sort by time: a story has a handful of events */
  for (guint i = 1; i < gen->n_story; i++)
    for (guint j = i; j > 0 && gen->story[j].data.time < gen->story[j - 1].data.time; j--)
      {
        TlDemoStoryEvent tmp = gen->story[j];

        gen->story[j] = gen->story[j - 1];
        gen->story[j - 1] = tmp;
      }

  for (guint i = 0; i < gen->n_story; i++)
    {
      TlDemoStoryEvent *ev = &gen->story[i];

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
      TlDemoStoryEvent *ev = &gen->story[i];
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

/* The day's weather: value noise over four-day knots, so calm and rough
 * spells last a few days, with calmer summers. It depends only on the
 * seed and the date. */
static double
knot (guint64 seed,
      gint64  k)
{
  guint64 bits = tl_demo_mix (seed ^ tl_demo_mix ((guint64) k + 0x5eed));

  return (bits >> 11) * (1.0 / 9007199254740992.0);
}

static void
set_weather (TlDemoGen *gen)
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

/* Private API */

/**
 * tl_demo_day_generate: (skip)
 * @day: the day and the range
 * @places: (array length=n_places): the gazetteer
 * @n_places: its length
 * @out: (element-type TlEvent): where to append the events
 *
 * Generates one day from its seed alone, and appends the events that fall
 * in the range, sorted by time.
 *
 * Returns: how many events were appended
 */
guint
tl_demo_day_generate (const TlDemoDay   *day,
                      const TlDemoPlace *places,
                      guint              n_places,
                      GPtrArray         *out)
{
  TlDemoGen gen = { .day = day, .places = places, .n_places = n_places };
  guint n;

  tl_demo_rng_seed (&gen.rng, day->seed ^ tl_demo_mix ((guint64) day->day_number));
  tl_demo_story_init (&gen);
  g_return_val_if_fail (gen.launch_weight > 0, 0);

  gen.items = g_array_new (FALSE, FALSE, sizeof (DayItem));
  set_weather (&gen);

  if (day->realistic)
    {
      int n_departures = gen.calm > 0.62 ? pick (&gen, 18, 40)
                       : gen.calm > 0.38 ? pick (&gen, 8, 18)
                       : pick (&gen, 5, 8);
      int n_patrols = pick (&gen, 3, 6) + (gen.calm > 0.5 ? 2 : 0);

      for (int i = 0; i < n_patrols; i++)
        tl_demo_patrol (&gen, FALSE);
      for (int i = 0; i < n_departures; i++)
        tl_demo_boat_story (&gen);
    }
  else
    {
      guint64 attempts = 0;

      /* A window with no night in it (a range ending at 00:30) cannot hold
       * boats: after a while fill it with patrols, which fit anywhere. */
      while (gen.items->len < day->target)
        {
          if (attempts > 4 * day->target + 64)
            tl_demo_patrol (&gen, TRUE);
          else if (attempts % 8 == 0)
            tl_demo_patrol (&gen, FALSE);
          else
            tl_demo_boat_story (&gen);
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
