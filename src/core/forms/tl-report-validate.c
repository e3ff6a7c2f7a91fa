/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tl-report.h"
#include "tl-time.h"

/* The rules of every report form, as one pure function: what blocks
 * saving (errors) and what an officer should look at twice (warnings). */

/* A time a few minutes ahead is a clock out of step, not a mistake. */
#define FUTURE_TOLERANCE (5 * 60)

/* The area the coastline covers in full detail: a report outside it is
 * almost certainly a typing error (a swapped sign, a missing digit). */
#define CHANNEL_WEST  (-6.0)
#define CHANNEL_EAST    4.0
#define CHANNEL_SOUTH  48.5
#define CHANNEL_NORTH  52.5

/* More than any boat in the Channel has carried: a slip of the keyboard. */
#define MAX_COUNT 10000

/* Helpers */

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
set_error (TlReportCheck *check,
           TlReportField  field,
           char          *message)
{
  if (check->errors[field] == NULL)
    check->errors[field] = message;
  else
    g_free (message);
}

static void
set_warning (TlReportCheck *check,
             TlReportField  field,
             char          *message)
{
  if (check->warnings[field] == NULL)
    check->warnings[field] = message;
  else
    g_free (message);
}

static void
check_time (const TlReport *report,
            TlReportField   field,
            GTimeZone      *zone,
            gint64          day_start,
            gint64          now,
            gint64         *out_time,
            TlReportCheck  *check)
{
  g_autoptr(GError) error = NULL;
  const char *text = tl_report_get (report, field);

  *out_time = TL_TIME_NONE;
  if (is_blank (text))
    return;
  if (!tl_time_parse (zone, text, day_start, out_time, &error))
    {
      *out_time = TL_TIME_NONE;
      set_error (check, field, g_strdup (error->message));
    }
  else if (*out_time > now + FUTURE_TOLERANCE)
    set_warning (check, field, g_strdup (_("This time is in the future: check the date")));
}

static void
check_count (const TlReport *report,
             TlReportField   field,
             TlReportCheck  *check)
{
  g_autofree char *text = g_strstrip (g_strdup (tl_report_get (report, field)));
  char *end = NULL;
  gint64 value;

  check->counts[field] = TL_COUNT_UNKNOWN;
  if (text[0] == '\0')
    return;

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || errno != 0)
    set_error (check, field, g_strdup (_("Enter a whole number, or leave it empty if not known")));
  else if (value < 0)
    set_error (check, field, g_strdup (_("Cannot be negative")));
  else if (value > MAX_COUNT)
    set_error (check, field, g_strdup (_("That is more people than any boat carries: check the number")));
  else
    check->counts[field] = (int) value;
}

static int
known (const TlReportCheck *check,
       TlReportField        field)
{
  return MAX (check->counts[field], 0);
}

static void
check_position (const TlReport *report,
                TlCoastline    *coastline,
                TlReportCheck  *check)
{
  g_autoptr(GError) error = NULL;
  const char *text = tl_report_get (report, TL_REPORT_FIELD_POSITION);
  TlReportField field = TL_REPORT_FIELD_POSITION;

  if (is_blank (text))
    {
      if (tl_report_field_is_required (field, report->kind))
        set_error (check, field, g_strdup (_("Enter the position, for example 50°57.5′N 1°35.2′E")));
      else if (tl_report_field_applies (TL_REPORT_FIELD_PLACE, report->kind) &&
               is_blank (tl_report_get (report, TL_REPORT_FIELD_PLACE)))
        set_error (check, field, g_strdup (_("Enter a position, or pick a place from the list")));
      return;
    }

  if (!tl_coordinates_parse (text, &check->latitude, &check->longitude, &error))
    {
      set_error (check, field, g_strdup (error->message));
      return;
    }

  check->has_position = TRUE;
  if (check->longitude < CHANNEL_WEST || check->longitude > CHANNEL_EAST ||
      check->latitude < CHANNEL_SOUTH || check->latitude > CHANNEL_NORTH)
    set_warning (check, field,
                 g_strdup (_("This position is far outside the Channel: check the signs and digits")));
  /* Departures and arrivals happen on beaches, where the coastline's
   * precision cannot tell sand from sea: only reports at sea are checked. */
  else if (coastline != NULL &&
           report->kind != TL_EVENT_KIND_DEPARTURE && report->kind != TL_EVENT_KIND_ARRIVAL &&
           !(report->kind == TL_EVENT_KIND_PATROL &&
             g_strcmp0 (tl_report_get (report, TL_REPORT_FIELD_PATROL_KIND), "sea") != 0) &&
           tl_coastline_is_land (coastline, check->latitude, check->longitude))
    set_warning (check, field, g_strdup (_("This position is on land: check the digits")));
}

static void
check_route (const TlReport *report,
             TlReportCheck  *check)
{
  const char *text = tl_report_get (report, TL_REPORT_FIELD_ROUTE);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *points;

  if (is_blank (text))
    return;

  root = json_from_string (text, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      set_error (check, TL_REPORT_FIELD_ROUTE, g_strdup (_("The route could not be read: draw it again")));
      return;
    }

  points = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonNode *node = json_array_get_element (points, i);
      JsonArray *point = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      if (point == NULL || json_array_get_length (point) != 2 ||
          fabs (json_array_get_double_element (point, 0)) > 180 ||
          fabs (json_array_get_double_element (point, 1)) > 90)
        {
          set_error (check, TL_REPORT_FIELD_ROUTE, g_strdup (_("The route could not be read: draw it again")));
          return;
        }

      /* A patrol drawn on the map and given no position is placed at
       * the start of its route, so that it shows on the map. */
      if (i == 0 && !check->has_position && check->errors[TL_REPORT_FIELD_POSITION] == NULL)
        {
          check->has_position = TRUE;
          check->longitude = json_array_get_double_element (point, 0);
          check->latitude = json_array_get_double_element (point, 1);
        }
    }
}

/* The labels of some fields, as a list in a sentence. */
static char *
join_labels (GPtrArray *labels)
{
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static void
check_ids (const TlReport *report,
           TlReportField   field,
           TlReportCheck  *check)
{
  g_auto(GStrv) parts = g_strsplit_set (tl_report_get (report, field), ", ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 id;

      if (parts[i][0] == '\0')
        continue;
      id = g_ascii_strtoll (parts[i], &end, 10);
      if (*end != '\0' || id <= 0)
        {
          set_error (check, field, g_strdup (field == TL_REPORT_FIELD_CASE
                                             ? _("Pick a case from the list")
                                             : _("Enter report numbers separated by commas")));
          return;
        }
      if (field == TL_REPORT_FIELD_CASE)
        check->case_id = id;
    }
}

/* Public API */

void
tl_report_check_clear (TlReportCheck *check)
{
  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    {
      g_clear_pointer (&check->errors[i], g_free);
      g_clear_pointer (&check->warnings[i], g_free);
    }
}

/**
 * tl_report_validate:
 * @report: the values as entered
 * @zone: the display zone times were typed in
 * @reference_day_start: the local day a bare “14:05” belongs to
 * @now: the current time, UTC seconds
 * @coastline: (nullable): a loaded coastline, to warn about positions on
 *   land; %NULL skips that check
 * @out_check: (out caller-allocates): messages and values read; clear it
 *   with tl_report_check_clear()
 *
 * Only the fields of @report's kind are checked.
 *
 * Returns: %TRUE when nothing blocks saving (warnings may remain)
 */
gboolean
tl_report_validate (const TlReport *report,
                    GTimeZone      *zone,
                    gint64          reference_day_start,
                    gint64          now,
                    TlCoastline    *coastline,
                    TlReportCheck  *out_check)
{
  TlReportCheck *check = out_check;
  TlEventKind kind;
  int on_board, accounted;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (out_check != NULL, FALSE);

  memset (check, 0, sizeof *check);
  kind = report->kind;

  /* Times: the start is required; every later time follows it. */
  check_time (report, TL_REPORT_FIELD_TIME, zone, reference_day_start, now, &check->time, check);
  if (is_blank (tl_report_get (report, TL_REPORT_FIELD_TIME)))
    set_error (check, TL_REPORT_FIELD_TIME,
               g_strdup (kind == TL_EVENT_KIND_RESCUE ? _("Enter the time the alert was raised")
                         : kind == TL_EVENT_KIND_PATROL ? _("Enter the time the patrol started")
                         : _("Enter the time it was seen")));
  check->on_scene_time = check->end_time = TL_TIME_NONE;
  if (tl_report_field_applies (TL_REPORT_FIELD_ON_SCENE_TIME, kind))
    check_time (report, TL_REPORT_FIELD_ON_SCENE_TIME, zone, reference_day_start, now,
                &check->on_scene_time, check);
  if (tl_report_field_applies (TL_REPORT_FIELD_END_TIME, kind))
    check_time (report, TL_REPORT_FIELD_END_TIME, zone, reference_day_start, now,
                &check->end_time, check);

  if (check->time != TL_TIME_NONE && check->on_scene_time != TL_TIME_NONE &&
      check->on_scene_time < check->time)
    set_error (check, TL_REPORT_FIELD_ON_SCENE_TIME,
               g_strdup (_("Units cannot be on scene before the alert: check both times")));
  if (check->time != TL_TIME_NONE && check->end_time != TL_TIME_NONE &&
      check->end_time < check->time)
    set_error (check, TL_REPORT_FIELD_END_TIME, g_strdup (_("The end must come after the start")));
  else if (check->on_scene_time != TL_TIME_NONE && check->end_time != TL_TIME_NONE &&
           check->end_time < check->on_scene_time)
    set_error (check, TL_REPORT_FIELD_END_TIME, g_strdup (_("The end must come after the on-scene time")));

  /* Where */
  check_position (report, coastline, check);
  if (tl_report_field_applies (TL_REPORT_FIELD_ROUTE, kind))
    check_route (report, check);

  /* Who */
  if (tl_report_field_is_required (TL_REPORT_FIELD_UNITS, kind) &&
      is_blank (tl_report_get (report, TL_REPORT_FIELD_UNITS)))
    set_error (check, TL_REPORT_FIELD_UNITS,
               g_strdup (kind == TL_EVENT_KIND_RESCUE ? _("Pick at least one responding unit")
                                                      : _("Pick the unit on patrol")));
  if (tl_report_field_is_required (TL_REPORT_FIELD_PATROL_KIND, kind) &&
      tl_report_choice_find (TL_REPORT_FIELD_PATROL_KIND,
                             tl_report_get (report, TL_REPORT_FIELD_PATROL_KIND)) < 0)
    set_error (check, TL_REPORT_FIELD_PATROL_KIND, g_strdup (_("Pick sea, shore or air")));

  /* Counts */
  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    {
      if (tl_report_field_get_type (f) == TL_REPORT_TYPE_COUNT)
        {
          if (tl_report_field_applies (f, kind))
            check_count (report, f, check);
          else
            check->counts[f] = TL_COUNT_UNKNOWN;
        }
    }

  on_board = check->counts[TL_REPORT_FIELD_PEOPLE];
  accounted = known (check, TL_REPORT_FIELD_RESCUED) + known (check, TL_REPORT_FIELD_DECEASED) +
              known (check, TL_REPORT_FIELD_MISSING);
  if (kind == TL_EVENT_KIND_RESCUE && on_board >= 0 && accounted > on_board)
    set_warning (check, TL_REPORT_FIELD_PEOPLE,
                 g_strdup_printf (_("Rescued, deceased and missing add up to %d, more than the %d on board"),
                                  accounted, on_board));
  if (kind == TL_EVENT_KIND_RESCUE && check->counts[TL_REPORT_FIELD_RESCUED] >= 0 &&
      known (check, TL_REPORT_FIELD_LANDED_UK) + known (check, TL_REPORT_FIELD_RETURNED_FR) >
      check->counts[TL_REPORT_FIELD_RESCUED])
    set_warning (check, TL_REPORT_FIELD_LANDED_UK,
                 g_strdup (_("More people landed or returned than were rescued")));

  /* Links */
  if (tl_report_field_applies (TL_REPORT_FIELD_LINKED, kind))
    check_ids (report, TL_REPORT_FIELD_LINKED, check);
  if (tl_report_field_applies (TL_REPORT_FIELD_CASE, kind))
    check_ids (report, TL_REPORT_FIELD_CASE, check);

  for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
    if (check->errors[i] != NULL)
      return FALSE;
  return TRUE;
}

/**
 * tl_report_check_describe:
 * @report: the report validated
 * @check: the result of tl_report_validate() of @report
 *
 * Says why @report cannot be saved yet, naming the fields, for the greyed
 * out Save button: a new form shows no error before the officer types,
 * so this is the only place that tells what is still missing.
 *
 * Returns: (transfer full) (nullable): one line per reason, or %NULL if
 *   @check has no error
 */
char *
tl_report_check_describe (const TlReport      *report,
                          const TlReportCheck *check)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) wrong = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (report != NULL && check != NULL, NULL);

  for (TlReportField f = 0; f < TL_REPORT_N_FIELDS; f++)
    if (check->errors[f] != NULL)
      g_ptr_array_add (is_blank (tl_report_get (report, f)) ? missing : wrong,
                       (gpointer) tl_report_field_get_label (f, report->kind));

  if (missing->len > 0)
    {
      g_autofree char *list = join_labels (missing);

      /* Translators: the tooltip of the greyed out Save button of a
       * report; %s lists the names of the empty fields */
      g_string_append_printf (text, _("Fill in the required fields: %s"), list);
    }
  if (wrong->len > 0)
    {
      g_autofree char *list = join_labels (wrong);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the tooltip of the greyed out Save button of a
       * report; %s lists the names of fields whose value is refused */
      g_string_append_printf (text, _("Correct these fields: %s"), list);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}
