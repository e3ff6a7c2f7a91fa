/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tl-coordinates.h"
#include "tl-rescue-report.h"
#include "tl-time.h"

/* A time a few minutes ahead is a clock out of step, not a mistake. */
#define FUTURE_TOLERANCE (5 * 60)

/* The area Tideline's coastline covers in full detail: a rescue outside it
 * is almost certainly a typing error (a swapped sign, a missing digit). */
#define CHANNEL_WEST  (-6.0)
#define CHANNEL_EAST    4.0
#define CHANNEL_SOUTH  48.5
#define CHANNEL_NORTH  52.5

/* helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
parse_count (const char  *text,
             int         *out_value,
             char       **out_error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  gint64 value;

  errno = 0;
  value = g_ascii_strtoll (copy, &end, 10);
  if (copy[0] == '\0' || end == copy || *end != '\0' || errno != 0)
    {
      *out_error = g_strdup (_("Enter a whole number, or leave it empty if not known"));
      return FALSE;
    }
  if (value < 0)
    {
      *out_error = g_strdup (_("Cannot be negative"));
      return FALSE;
    }
  if (value > 10000)
    {
      *out_error = g_strdup (_("That is more people than any boat carries: check the number"));
      return FALSE;
    }

  *out_value = (int) value;
  return TRUE;
}

static void
check_count (TlRescueCheck *check,
             TlRescueField  field,
             int            value)
{
  if (value < 0)
    check->errors[field] = g_strdup (_("Cannot be negative"));
}

/* public API */

void
tl_rescue_report_clear (TlRescueReport *report)
{
  g_clear_pointer (&report->time_text, g_free);
  g_clear_pointer (&report->position_text, g_free);
  g_clear_pointer (&report->unit, g_free);
  g_clear_pointer (&report->people_text, g_free);
  g_clear_pointer (&report->notes, g_free);
}

void
tl_rescue_check_clear (TlRescueCheck *check)
{
  for (guint i = 0; i < TL_RESCUE_N_FIELDS; i++)
    {
      g_clear_pointer (&check->errors[i], g_free);
      g_clear_pointer (&check->warnings[i], g_free);
    }
}

/**
 * tl_rescue_report_validate:
 * @report: the values as entered
 * @zone: the display zone the time was typed in
 * @reference_day_start: the local day a bare "14:05" belongs to
 * @now: the current time, UTC seconds
 * @out_check: (out caller-allocates): messages and parsed values; clear
 *   it with tl_rescue_check_clear()
 *
 * Returns: %TRUE when nothing blocks saving (warnings may remain).
 */
gboolean
tl_rescue_report_validate (const TlRescueReport *report,
                           GTimeZone            *zone,
                           gint64                reference_day_start,
                           gint64                now,
                           TlRescueCheck        *out_check)
{
  TlRescueCheck *check = out_check;
  g_autoptr(GError) error = NULL;
  int known_total;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (out_check != NULL, FALSE);

  memset (check, 0, sizeof *check);
  check->people = TL_COUNT_UNKNOWN;

  /* Time */
  if (is_blank (report->time_text))
    check->errors[TL_RESCUE_FIELD_TIME] = g_strdup (_("Enter the time the alert was raised"));
  else if (!tl_time_parse (zone, report->time_text, reference_day_start, &check->time, &error))
    check->errors[TL_RESCUE_FIELD_TIME] = g_strdup (error->message);
  else if (check->time > now + FUTURE_TOLERANCE)
    check->warnings[TL_RESCUE_FIELD_TIME] = g_strdup (_("This time is in the future: check the date"));
  g_clear_error (&error);

  /* Position */
  if (is_blank (report->position_text))
    check->errors[TL_RESCUE_FIELD_POSITION] =
      g_strdup (_("Enter the position, for example 50°57.5′N 1°35.2′E"));
  else if (!tl_coordinates_parse (report->position_text, &check->latitude, &check->longitude, &error))
    check->errors[TL_RESCUE_FIELD_POSITION] = g_strdup (error->message);
  else if (check->longitude < CHANNEL_WEST || check->longitude > CHANNEL_EAST ||
           check->latitude < CHANNEL_SOUTH || check->latitude > CHANNEL_NORTH)
    check->warnings[TL_RESCUE_FIELD_POSITION] =
      g_strdup (_("This position is far outside the Channel: check the signs and digits"));
  g_clear_error (&error);

  /* Unit */
  if (is_blank (report->unit))
    check->errors[TL_RESCUE_FIELD_UNIT] = g_strdup (_("Enter the unit that responded"));

  /* Counts */
  if (!is_blank (report->people_text))
    parse_count (report->people_text, &check->people, &check->errors[TL_RESCUE_FIELD_PEOPLE]);
  check_count (check, TL_RESCUE_FIELD_RESCUED, report->rescued);
  check_count (check, TL_RESCUE_FIELD_DECEASED, report->deceased);
  check_count (check, TL_RESCUE_FIELD_MISSING, report->missing);

  known_total = MAX (report->rescued, 0) + MAX (report->deceased, 0) + MAX (report->missing, 0);
  if (check->people >= 0 && known_total > check->people)
    check->warnings[TL_RESCUE_FIELD_PEOPLE] =
      g_strdup_printf (_("Rescued, deceased and missing add up to %d, more than the %d on board"),
                       known_total, check->people);

  for (guint i = 0; i < TL_RESCUE_N_FIELDS; i++)
    if (check->errors[i] != NULL)
      return FALSE;

  return TRUE;
}

/**
 * tl_rescue_report_to_event:
 * @report: the values as entered
 * @check: the result of a successful tl_rescue_report_validate()
 *
 * Returns: (transfer full): a new, unsaved rescue event.
 */
TlEvent *
tl_rescue_report_to_event (const TlRescueReport *report,
                           const TlRescueCheck  *check)
{
  g_autofree char *unit = g_strstrip (g_strdup (report->unit ? report->unit : ""));
  g_autofree char *notes = g_strstrip (g_strdup (report->notes ? report->notes : ""));
  TlEvent *event = tl_event_new (TL_EVENT_KIND_RESCUE);

  tl_event_set_time (event, check->time);
  tl_event_set_position (event, check->latitude, check->longitude);
  tl_event_set_unit (event, unit);
  tl_event_set_people (event, check->people);
  tl_event_set_rescued (event, report->rescued);
  tl_event_set_deceased (event, report->deceased);
  tl_event_set_missing (event, report->missing);
  tl_event_set_notes (event, notes[0] ? notes : NULL);
  tl_event_set_status (event, TL_EVENT_STATUS_ONGOING);

  return event;
}
