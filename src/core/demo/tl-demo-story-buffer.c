/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The story being told: tl-demo-story.c adds its events one by one, and
 * the day (tl-demo-day.c) keeps, in time order, those in the range. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-demo-private.h"

/* Helpers */

/* "Wimereux", or "Off Cap Gris-Nez" at sea, without "(port)"; in the
 * desk's language, as its officers would write it. */
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
      /* Translators: where a sample report is, far from any named place */
      g_strlcpy (out, _("Mid-Channel"), out_size);
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
  /* Translators: where a sample report is, at sea off a named place
   * ("Off Cap Gris-Nez"); the place's name stays as it is */
  g_snprintf (out, out_size, _("Off %s"), name);
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
      TlDemoDayItem item;

      if (ev->data.time < day->range_start || ev->data.time >= day->range_end)
        continue;

      item.time = ev->data.time;
      item.seq = gen->seq++;
      item.event = tl_event_new_from_data (&ev->data);
      g_array_append_val (gen->items, item);
    }

  gen->n_story = 0;
}
