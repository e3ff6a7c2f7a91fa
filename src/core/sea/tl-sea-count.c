/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-event.h"
#include "tl-sea-private.h"

/**
 * tl_sea_count_by_side:
 * @events: (element-type TlEvent): the reports to split
 * @out_counts: (out caller-allocates): reports and people per
 *   #TlSeaSide; reports without a position count as
 *   %TL_SEA_SIDE_UNKNOWN
 *
 * The summary split by search-and-rescue region.
 */
void
tl_sea_count_by_side (TlSea      *self,
                      GPtrArray  *events,
                      TlSeaCount  out_counts[TL_SEA_N_SIDES])
{
  g_return_if_fail (self != NULL && events != NULL && out_counts != NULL);

  for (int s = 0; s < TL_SEA_N_SIDES; s++)
    out_counts[s] = (TlSeaCount) { 0, 0 };
  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);
      TlSeaSide side = TL_SEA_SIDE_UNKNOWN;

      if (tl_event_has_position (event))
        side = tl_sea_get_side (self, tl_event_get_latitude (event), tl_event_get_longitude (event));
      out_counts[side].events++;
      out_counts[side].people += MAX (tl_event_get_people (event), 0);
    }
}
