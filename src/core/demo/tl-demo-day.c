/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One day of demo activity on the Strait of Dover: the weather, then the
 * patrols and boats of tl-demo-story.c, each told as a short story whose
 * events are kept if they fall in the range. */

#include "config.h"

#include <string.h>

#include "tl-demo-private.h"

/* Helpers */

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
  const TlDemoDayItem *x = a, *y = b;

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

  gen.items = g_array_new (FALSE, FALSE, sizeof (TlDemoDayItem));
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
        g_object_unref (g_array_index (gen.items, TlDemoDayItem, i).event);
      g_array_set_size (gen.items, day->target);
    }

  g_array_sort (gen.items, compare_items);

  n = gen.items->len;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_array_index (gen.items, TlDemoDayItem, i).event);
  g_array_free (gen.items, TRUE);

  return n;
}
