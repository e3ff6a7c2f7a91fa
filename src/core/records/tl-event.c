/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tl-event-internal.h"

G_DEFINE_FINAL_TYPE (TlEvent, tl_event, G_TYPE_OBJECT)

/* GObject overrides */

static void
tl_event_finalize (GObject *object)
{
  TlEvent *self = (TlEvent *)object;

  tl_event_free_string (self, self->place);
  tl_event_free_string (self, self->unit);
  tl_event_free_string (self, self->notes);
  tl_event_free_string (self, self->details);
  tl_event_free_string (self, self->created_by);
  tl_event_free_string (self, self->updated_by);
  g_free (self->strings);

  G_OBJECT_CLASS (tl_event_parent_class)->finalize (object);
}

static void
tl_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TlEvent *self = TL_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_TIME: g_value_set_int64 (value, self->time); break;
    case PROP_END_TIME: g_value_set_int64 (value, self->end_time); break;
    case PROP_LATITUDE: g_value_set_double (value, self->latitude); break;
    case PROP_LONGITUDE: g_value_set_double (value, self->longitude); break;
    case PROP_HAS_POSITION: g_value_set_boolean (value, tl_event_has_position (self)); break;
    case PROP_PLACE: g_value_set_string (value, self->place); break;
    case PROP_BOATS: g_value_set_int (value, self->boats); break;
    case PROP_PEOPLE: g_value_set_int (value, self->people); break;
    case PROP_RESCUED: g_value_set_int (value, self->rescued); break;
    case PROP_DECEASED: g_value_set_int (value, self->deceased); break;
    case PROP_MISSING: g_value_set_int (value, self->missing); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CASE_ID: g_value_set_int64 (value, self->case_id); break;
    case PROP_DETAILS: g_value_set_string (value, self->details); break;
    case PROP_REVISION: g_value_set_int64 (value, self->revision); break;
    case PROP_CREATED_BY: g_value_set_string (value, self->created_by); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_BY: g_value_set_string (value, self->updated_by); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TlEvent *self = TL_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID: tl_event_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: tl_event_set_kind (self, g_value_get_enum (value)); break;
    case PROP_TIME: tl_event_set_time (self, g_value_get_int64 (value)); break;
    case PROP_END_TIME: tl_event_set_end_time (self, g_value_get_int64 (value)); break;
    case PROP_LATITUDE: tl_event_set_double_field (self, &self->latitude, g_value_get_double (value), prop_id); break;
    case PROP_LONGITUDE: tl_event_set_double_field (self, &self->longitude, g_value_get_double (value), prop_id); break;
    case PROP_PLACE: tl_event_set_place (self, g_value_get_string (value)); break;
    case PROP_BOATS: tl_event_set_boats (self, g_value_get_int (value)); break;
    case PROP_PEOPLE: tl_event_set_people (self, g_value_get_int (value)); break;
    case PROP_RESCUED: tl_event_set_rescued (self, g_value_get_int (value)); break;
    case PROP_DECEASED: tl_event_set_deceased (self, g_value_get_int (value)); break;
    case PROP_MISSING: tl_event_set_missing (self, g_value_get_int (value)); break;
    case PROP_UNIT: tl_event_set_unit (self, g_value_get_string (value)); break;
    case PROP_STATUS: tl_event_set_status (self, g_value_get_enum (value)); break;
    case PROP_NOTES: tl_event_set_notes (self, g_value_get_string (value)); break;
    case PROP_CASE_ID: tl_event_set_case_id (self, g_value_get_int64 (value)); break;
    case PROP_DETAILS: tl_event_set_details (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_event_class_init (TlEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* Counts are not range-checked here: a record being typed may hold any
   * value, and the form and the database schema say what is allowed. */
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tl_event_finalize;
  object_class->get_property = tl_event_get_property;
  object_class->set_property = tl_event_set_property;

  tl_event_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  tl_event_properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TL_TYPE_EVENT_KIND, TL_EVENT_KIND_SIGHTING, rw);
  tl_event_properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  tl_event_properties[PROP_END_TIME] =
    g_param_spec_int64 ("end-time", NULL, NULL, G_MININT64, G_MAXINT64, TL_TIME_NONE, rw);
  /* NaN (no position) cannot be a GParamSpecDouble default, so the
   * default here is nominal: a new event starts with NaN. */
  tl_event_properties[PROP_LATITUDE] =
    g_param_spec_double ("latitude", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  tl_event_properties[PROP_LONGITUDE] =
    g_param_spec_double ("longitude", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, rw);
  tl_event_properties[PROP_HAS_POSITION] =
    g_param_spec_boolean ("has-position", NULL, NULL, FALSE, ro);
  tl_event_properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL, rw);
  tl_event_properties[PROP_BOATS] =
    g_param_spec_int ("boats", NULL, NULL, G_MININT, G_MAXINT, TL_COUNT_UNKNOWN, rw);
  tl_event_properties[PROP_PEOPLE] =
    g_param_spec_int ("people", NULL, NULL, G_MININT, G_MAXINT, TL_COUNT_UNKNOWN, rw);
  tl_event_properties[PROP_RESCUED] =
    g_param_spec_int ("rescued", NULL, NULL, G_MININT, G_MAXINT, TL_COUNT_UNKNOWN, rw);
  tl_event_properties[PROP_DECEASED] =
    g_param_spec_int ("deceased", NULL, NULL, G_MININT, G_MAXINT, TL_COUNT_UNKNOWN, rw);
  tl_event_properties[PROP_MISSING] =
    g_param_spec_int ("missing", NULL, NULL, G_MININT, G_MAXINT, TL_COUNT_UNKNOWN, rw);
  tl_event_properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL, rw);
  tl_event_properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       TL_TYPE_EVENT_STATUS, TL_EVENT_STATUS_REPORTED, rw);
  tl_event_properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  tl_event_properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  tl_event_properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL, rw);
  tl_event_properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0, ro);
  tl_event_properties[PROP_CREATED_BY] =
    g_param_spec_string ("created-by", NULL, NULL, NULL, ro);
  tl_event_properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, TL_TIME_NONE, ro);
  tl_event_properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL, ro);
  tl_event_properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, TL_TIME_NONE, ro);

  g_object_class_install_properties (object_class, TL_EVENT_N_PROPS, tl_event_properties);

  tl_event_fields_class_init ();
}

static void
tl_event_init (TlEvent *self)
{
  self->kind = TL_EVENT_KIND_SIGHTING;
  self->end_time = TL_TIME_NONE;
  self->latitude = NAN;
  self->longitude = NAN;
  self->boats = TL_COUNT_UNKNOWN;
  self->people = TL_COUNT_UNKNOWN;
  self->rescued = TL_COUNT_UNKNOWN;
  self->deceased = TL_COUNT_UNKNOWN;
  self->missing = TL_COUNT_UNKNOWN;
  self->status = TL_EVENT_STATUS_REPORTED;
  self->created_at = TL_TIME_NONE;
  self->updated_at = TL_TIME_NONE;
}

/* Public API: the record */

/**
 * tl_event_new:
 * @kind: what happened
 *
 * Creates an event that is not in any store yet (its id is 0), with every
 * count unknown, no position, no end and the status "reported".
 *
 * Returns: (transfer full): a new #TlEvent
 */
TlEvent *
tl_event_new (TlEventKind kind)
{
  TlEvent *self = g_object_new (TL_TYPE_EVENT, NULL);

  self->kind = kind;

  return self;
}

/* Copies @value to *@p, moving it past, or NULL. */
static char *
take_string (char       **p,
             const char  *value)
{
  char *copy = *p;
  gsize size;

  if (value == NULL)
    return NULL;
  size = strlen (value) + 1;
  memcpy (copy, value, size);
  *p += size;
  return copy;
}

/**
 * tl_event_new_from_data: (skip)
 * @data: every field; strings are copied
 *
 * Returns: (transfer full): a new #TlEvent
 */
TlEvent *
tl_event_new_from_data (const TlEventData *data)
{
  TlEvent *self = g_object_new (TL_TYPE_EVENT, NULL);
  const char *strings[] = { data->place, data->unit, data->notes, data->details,
                            data->created_by, data->updated_by };
  char *p;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i] != NULL)
      self->strings_size += strlen (strings[i]) + 1;
  p = self->strings = self->strings_size > 0 ? g_malloc (self->strings_size) : NULL;

  self->id = data->id;
  self->kind = data->kind;
  self->time = data->time;
  self->end_time = data->end_time;
  self->latitude = data->latitude;
  self->longitude = data->longitude;
  self->place = take_string (&p, data->place);
  self->boats = data->boats;
  self->people = data->people;
  self->rescued = data->rescued;
  self->deceased = data->deceased;
  self->missing = data->missing;
  self->unit = take_string (&p, data->unit);
  self->status = data->status;
  self->notes = take_string (&p, data->notes);
  self->case_id = data->case_id;
  self->details = take_string (&p, data->details);
  self->revision = data->revision;
  self->created_by = take_string (&p, data->created_by);
  self->created_at = data->created_at;
  self->updated_by = take_string (&p, data->updated_by);
  self->updated_at = data->updated_at;

  return self;
}

/**
 * tl_event_get_data: (skip)
 * @self: a #TlEvent
 * @out_data: (out caller-allocates): filled with every field; its strings
 *   belong to @self and live until @self changes
 */
void
tl_event_get_data (TlEvent     *self,
                   TlEventData *out_data)
{
  g_return_if_fail (TL_IS_EVENT (self));
  g_return_if_fail (out_data != NULL);

  *out_data = (TlEventData) {
    .id = self->id,
    .kind = self->kind,
    .time = self->time,
    .end_time = self->end_time,
    .latitude = self->latitude,
    .longitude = self->longitude,
    .place = self->place,
    .boats = self->boats,
    .people = self->people,
    .rescued = self->rescued,
    .deceased = self->deceased,
    .missing = self->missing,
    .unit = self->unit,
    .status = self->status,
    .notes = self->notes,
    .case_id = self->case_id,
    .details = self->details,
    .revision = self->revision,
    .created_by = self->created_by,
    .created_at = self->created_at,
    .updated_by = self->updated_by,
    .updated_at = self->updated_at,
  };
}

/**
 * tl_event_copy:
 * @self: a #TlEvent
 *
 * Copies every field, the id and revision included, so that a form can
 * edit the copy and the store can tell whether the original changed.
 *
 * Returns: (transfer full): a new #TlEvent
 */
TlEvent *
tl_event_copy (TlEvent *self)
{
  TlEventData data;

  g_return_val_if_fail (TL_IS_EVENT (self), NULL);

  tl_event_get_data (self, &data);

  return tl_event_new_from_data (&data);
}

/**
 * tl_event_assign: (skip)
 * @self: a #TlEvent
 * @other: the event to take every field from
 */
void
tl_event_assign (TlEvent *self,
                 TlEvent *other)
{
  g_return_if_fail (TL_IS_EVENT (self));
  g_return_if_fail (TL_IS_EVENT (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  tl_event_set_id (self, other->id);
  tl_event_set_kind (self, other->kind);
  tl_event_set_time (self, other->time);
  tl_event_set_end_time (self, other->end_time);
  tl_event_set_double_field (self, &self->latitude, other->latitude, PROP_LATITUDE);
  tl_event_set_double_field (self, &self->longitude, other->longitude, PROP_LONGITUDE);
  tl_event_set_place (self, other->place);
  tl_event_set_boats (self, other->boats);
  tl_event_set_people (self, other->people);
  tl_event_set_rescued (self, other->rescued);
  tl_event_set_deceased (self, other->deceased);
  tl_event_set_missing (self, other->missing);
  tl_event_set_unit (self, other->unit);
  tl_event_set_status (self, other->status);
  tl_event_set_notes (self, other->notes);
  tl_event_set_case_id (self, other->case_id);
  tl_event_set_details (self, other->details);
  tl_event_set_revision (self, other->revision);
  tl_event_set_created (self, other->created_by, other->created_at);
  tl_event_set_updated (self, other->updated_by, other->updated_at);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * tl_event_equal_content:
 * @a: a #TlEvent
 * @b: a #TlEvent
 *
 * Compares what an operator can edit, leaving out the id, the revision and
 * who created or changed the record when: "has this form been edited?".
 *
 * Returns: %TRUE if @a and @b say the same thing
 */
gboolean
tl_event_equal_content (TlEvent *a,
                        TlEvent *b)
{
  g_return_val_if_fail (TL_IS_EVENT (a), FALSE);
  g_return_val_if_fail (TL_IS_EVENT (b), FALSE);

  return a->kind == b->kind &&
         a->time == b->time &&
         a->end_time == b->end_time &&
         tl_event_same_double (a->latitude, b->latitude) &&
         tl_event_same_double (a->longitude, b->longitude) &&
         g_strcmp0 (a->place, b->place) == 0 &&
         a->boats == b->boats &&
         a->people == b->people &&
         a->rescued == b->rescued &&
         a->deceased == b->deceased &&
         a->missing == b->missing &&
         g_strcmp0 (a->unit, b->unit) == 0 &&
         a->status == b->status &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         a->case_id == b->case_id &&
         g_strcmp0 (a->details, b->details) == 0;
}
