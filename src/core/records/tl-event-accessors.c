/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-event-internal.h"

/* Public API: the fields of a record, each notifying only on real change. */

gint64
tl_event_get_id (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), 0);
  return self->id;
}

void
tl_event_set_id (TlEvent *self,
                 gint64   id)
{
  g_return_if_fail (TL_IS_EVENT (self));
  g_return_if_fail (id >= 0);
  tl_event_set_int64_field (self, &self->id, id, PROP_ID);
}

TlEventKind
tl_event_get_kind (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_EVENT_KIND_SIGHTING);
  return self->kind;
}

void
tl_event_set_kind (TlEvent     *self,
                   TlEventKind  kind)
{
  g_return_if_fail (TL_IS_EVENT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  tl_event_notify (self, PROP_KIND);
}

gint64
tl_event_get_time (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), 0);
  return self->time;
}

void
tl_event_set_time (TlEvent *self,
                   gint64   time)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int64_field (self, &self->time, time, PROP_TIME);
}

gint64
tl_event_get_end_time (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_TIME_NONE);
  return self->end_time;
}

void
tl_event_set_end_time (TlEvent *self,
                       gint64   end_time)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int64_field (self, &self->end_time, end_time, PROP_END_TIME);
}

gboolean
tl_event_has_position (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), FALSE);
  return !isnan (self->latitude) && !isnan (self->longitude);
}

/**
 * tl_event_get_latitude:
 * @self: a #TlEvent
 *
 * Returns: degrees north, or NaN when the event has no position
 */
double
tl_event_get_latitude (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NAN);
  return self->latitude;
}

/**
 * tl_event_get_longitude:
 * @self: a #TlEvent
 *
 * Returns: degrees east, or NaN when the event has no position
 */
double
tl_event_get_longitude (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NAN);
  return self->longitude;
}

void
tl_event_set_position (TlEvent *self,
                       double   latitude,
                       double   longitude)
{
  g_return_if_fail (TL_IS_EVENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  tl_event_set_double_field (self, &self->latitude, latitude, PROP_LATITUDE);
  tl_event_set_double_field (self, &self->longitude, longitude, PROP_LONGITUDE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
tl_event_clear_position (TlEvent *self)
{
  tl_event_set_position (self, NAN, NAN);
}

/**
 * tl_event_get_place:
 * @self: a #TlEvent
 *
 * Returns: (nullable): the place name as typed, or %NULL
 */
const char *
tl_event_get_place (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NULL);
  return self->place;
}

void
tl_event_set_place (TlEvent    *self,
                    const char *place)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_string_field (self, &self->place, place, PROP_PLACE);
}

int
tl_event_get_boats (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_COUNT_UNKNOWN);
  return self->boats;
}

void
tl_event_set_boats (TlEvent *self,
                    int      boats)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int_field (self, &self->boats, boats, PROP_BOATS);
}

int
tl_event_get_people (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_COUNT_UNKNOWN);
  return self->people;
}

void
tl_event_set_people (TlEvent *self,
                     int      people)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int_field (self, &self->people, people, PROP_PEOPLE);
}

int
tl_event_get_rescued (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_COUNT_UNKNOWN);
  return self->rescued;
}

void
tl_event_set_rescued (TlEvent *self,
                      int      rescued)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int_field (self, &self->rescued, rescued, PROP_RESCUED);
}

int
tl_event_get_deceased (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_COUNT_UNKNOWN);
  return self->deceased;
}

void
tl_event_set_deceased (TlEvent *self,
                       int      deceased)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int_field (self, &self->deceased, deceased, PROP_DECEASED);
}

int
tl_event_get_missing (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_COUNT_UNKNOWN);
  return self->missing;
}

void
tl_event_set_missing (TlEvent *self,
                      int      missing)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int_field (self, &self->missing, missing, PROP_MISSING);
}

/**
 * tl_event_get_unit:
 * @self: a #TlEvent
 *
 * Returns: (nullable): the unit that reported or acted, or %NULL
 */
const char *
tl_event_get_unit (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NULL);
  return self->unit;
}

void
tl_event_set_unit (TlEvent    *self,
                   const char *unit)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_string_field (self, &self->unit, unit, PROP_UNIT);
}

TlEventStatus
tl_event_get_status (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_EVENT_STATUS_REPORTED);
  return self->status;
}

void
tl_event_set_status (TlEvent       *self,
                     TlEventStatus  status)
{
  g_return_if_fail (TL_IS_EVENT (self));

  if (self->status == status)
    return;

  self->status = status;
  tl_event_notify (self, PROP_STATUS);
}

/**
 * tl_event_get_notes:
 * @self: a #TlEvent
 *
 * Returns: (nullable): free text, or %NULL
 */
const char *
tl_event_get_notes (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NULL);
  return self->notes;
}

void
tl_event_set_notes (TlEvent    *self,
                    const char *notes)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_string_field (self, &self->notes, notes, PROP_NOTES);
}

/**
 * tl_event_get_case_id:
 * @self: a #TlEvent
 *
 * Returns: the case this event belongs to, or 0 for none
 */
gint64
tl_event_get_case_id (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), 0);
  return self->case_id;
}

void
tl_event_set_case_id (TlEvent *self,
                      gint64   case_id)
{
  g_return_if_fail (TL_IS_EVENT (self));
  g_return_if_fail (case_id >= 0);
  tl_event_set_int64_field (self, &self->case_id, case_id, PROP_CASE_ID);
}

/**
 * tl_event_get_details:
 * @self: a #TlEvent
 *
 * Returns: (nullable): kind-specific fields as a JSON object, or %NULL
 */
const char *
tl_event_get_details (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NULL);
  return self->details;
}

void
tl_event_set_details (TlEvent    *self,
                      const char *details_json)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_string_field (self, &self->details, details_json, PROP_DETAILS);
}

/**
 * tl_event_get_revision:
 * @self: a #TlEvent
 *
 * Returns: the revision read from the store (1 once added, one more at
 *   each update), or 0 for an event not stored yet
 */
gint64
tl_event_get_revision (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), 0);
  return self->revision;
}

void
tl_event_set_revision (TlEvent *self,
                       gint64   revision)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_int64_field (self, &self->revision, revision, PROP_REVISION);
}

/**
 * tl_event_get_created_by:
 * @self: a #TlEvent
 *
 * Returns: (nullable): the operator who entered the event, or %NULL
 */
const char *
tl_event_get_created_by (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NULL);
  return self->created_by;
}

gint64
tl_event_get_created_at (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_TIME_NONE);
  return self->created_at;
}

void
tl_event_set_created (TlEvent    *self,
                      const char *by,
                      gint64      at)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_string_field (self, &self->created_by, by, PROP_CREATED_BY);
  tl_event_set_int64_field (self, &self->created_at, at, PROP_CREATED_AT);
}

/**
 * tl_event_get_updated_by:
 * @self: a #TlEvent
 *
 * Returns: (nullable): the operator who last saved the event, or %NULL
 */
const char *
tl_event_get_updated_by (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), NULL);
  return self->updated_by;
}

gint64
tl_event_get_updated_at (TlEvent *self)
{
  g_return_val_if_fail (TL_IS_EVENT (self), TL_TIME_NONE);
  return self->updated_at;
}

void
tl_event_set_updated (TlEvent    *self,
                      const char *by,
                      gint64      at)
{
  g_return_if_fail (TL_IS_EVENT (self));
  tl_event_set_string_field (self, &self->updated_by, by, PROP_UPDATED_BY);
  tl_event_set_int64_field (self, &self->updated_at, at, PROP_UPDATED_AT);
}

void
tl_event_set_saved (TlEvent    *self,
                    gint64      id,
                    gint64      case_id,
                    gint64      revision,
                    const char *by,
                    gint64      at)
{
  g_return_if_fail (TL_IS_EVENT (self));

  if (tl_event_has_notify_handler (self))
    {
      g_object_freeze_notify (G_OBJECT (self));
      tl_event_set_id (self, id);
      tl_event_set_case_id (self, case_id);
      tl_event_set_revision (self, revision);
      tl_event_set_created (self, by, at);
      tl_event_set_updated (self, by, at);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  self->id = id;
  self->case_id = case_id;
  self->revision = revision;
  self->created_at = self->updated_at = at;
  if (g_strcmp0 (self->created_by, by) != 0)
    {
      tl_event_free_string (self, self->created_by);
      self->created_by = g_strdup (by);
    }
  if (g_strcmp0 (self->updated_by, by) != 0)
    {
      tl_event_free_string (self, self->updated_by);
      self->updated_by = g_strdup (by);
    }
}
