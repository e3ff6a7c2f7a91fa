/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tl-report.h"
#include "tl-time.h"

/* The rules of every report form, without widgets. */

/* 2026-11-26 00:00 Europe/Paris. */
#define DAY_START G_GINT64_CONSTANT (1795647600)
#define NOON (DAY_START + 12 * 3600)

/* Mid-Channel, off Cap Gris-Nez; and Lille, well inland. */
#define AT_SEA "50°57.5'N 1°35.2'E"
#define INLAND "50.63 3.06"

static GTimeZone *zone;
static TlCoastline *coastline;

static TlReport *
valid_report (TlEventKind kind)
{
  TlReport *report = tl_report_new (kind);

  tl_report_set (report, TL_REPORT_FIELD_TIME, "06:40");
  tl_report_set (report, TL_REPORT_FIELD_POSITION, AT_SEA);
  switch (kind)
    {
    case TL_EVENT_KIND_RESCUE:
      tl_report_set (report, TL_REPORT_FIELD_UNITS, "RNLI Dover lifeboat\nHMC Valiant (Border Force cutter)");
      tl_report_set (report, TL_REPORT_FIELD_PEOPLE, "52");
      tl_report_set (report, TL_REPORT_FIELD_RESCUED, "50");
      tl_report_set (report, TL_REPORT_FIELD_MISSING, "2");
      tl_report_set (report, TL_REPORT_FIELD_END_TIME, "09:10");
      tl_report_set (report, TL_REPORT_FIELD_ON_SCENE_TIME, "07:05");
      tl_report_set (report, TL_REPORT_FIELD_CONDITIONS, "deflating,people_in_water");
      break;
    case TL_EVENT_KIND_PATROL:
      tl_report_set (report, TL_REPORT_FIELD_UNITS, "HMC Seeker (Border Force cutter)");
      tl_report_set (report, TL_REPORT_FIELD_PATROL_KIND, "sea");
      tl_report_set (report, TL_REPORT_FIELD_ROUTE, "[[1.5,51.0],[1.6,51.05]]");
      break;
    case TL_EVENT_KIND_DEPARTURE:
    case TL_EVENT_KIND_SIGHTING:
      tl_report_set (report, TL_REPORT_FIELD_BOATS, "1");
      tl_report_set (report, TL_REPORT_FIELD_PEOPLE, "45");
      tl_report_set (report, TL_REPORT_FIELD_SOURCE, "camera");
      tl_report_set (report, TL_REPORT_FIELD_TAXI_BOAT, "true");
      break;
    case TL_EVENT_KIND_INTERCEPTION:
    case TL_EVENT_KIND_ARRIVAL:
    case TL_EVENT_N_KINDS:
    default:
      tl_report_set (report, TL_REPORT_FIELD_BOATS, "1");
      tl_report_set (report, TL_REPORT_FIELD_OUTCOME, "landed_uk");
      break;
    }
  return report;
}

static gboolean
validate (TlReport      *report,
          TlReportCheck *check)
{
  return tl_report_validate (report, zone, DAY_START, NOON, coastline, check);
}

static void
test_valid_each_kind (void)
{
  for (TlEventKind kind = 0; kind < TL_EVENT_N_KINDS; kind++)
    {
      g_autoptr(TlReport) report = valid_report (kind);
      TlReportCheck check;

      g_assert_true (validate (report, &check));
      for (guint i = 0; i < TL_REPORT_N_FIELDS; i++)
        {
          if (check.errors[i] || check.warnings[i])
            g_test_message ("%s %s: %s", tl_event_kind_to_string (kind),
                            tl_report_field_get_key (i),
                            check.errors[i] ? check.errors[i] : check.warnings[i]);
          g_assert_null (check.errors[i]);
          g_assert_null (check.warnings[i]);
        }
      /* 06:40 in Paris in November is 05:40 UTC. */
      g_assert_cmpint (check.time, ==, DAY_START + 6 * 3600 + 40 * 60);
      tl_report_check_clear (&check);
    }
}

static void
test_required (void)
{
  for (TlEventKind kind = 0; kind < TL_EVENT_N_KINDS; kind++)
    {
      g_autoptr(TlReport) report = tl_report_new (kind);
      TlReportCheck check;

      g_assert_false (validate (report, &check));
      g_assert_nonnull (check.errors[TL_REPORT_FIELD_TIME]);
      if (kind == TL_EVENT_KIND_RESCUE)
        {
          g_assert_nonnull (check.errors[TL_REPORT_FIELD_POSITION]);
          g_assert_nonnull (check.errors[TL_REPORT_FIELD_UNITS]);
        }
      if (kind == TL_EVENT_KIND_PATROL)
        {
          g_assert_nonnull (check.errors[TL_REPORT_FIELD_UNITS]);
          g_assert_nonnull (check.errors[TL_REPORT_FIELD_PATROL_KIND]);
          g_assert_null (check.errors[TL_REPORT_FIELD_POSITION]);
        }
      tl_report_check_clear (&check);
    }
}

static void
test_position_or_place (void)
{
  g_autoptr(TlReport) report = valid_report (TL_EVENT_KIND_DEPARTURE);
  TlReportCheck check;

  tl_report_set (report, TL_REPORT_FIELD_POSITION, "");
  g_assert_false (validate (report, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_POSITION]);
  tl_report_check_clear (&check);

  /* A place from the gazetteer is enough to place a departure. */
  tl_report_set (report, TL_REPORT_FIELD_PLACE, "Gravelines");
  g_assert_true (validate (report, &check));
  g_assert_false (check.has_position);
  tl_report_check_clear (&check);
}

static void
test_counts (void)
{
  g_autoptr(TlReport) report = valid_report (TL_EVENT_KIND_RESCUE);
  TlReportCheck check;

  tl_report_set (report, TL_REPORT_FIELD_DECEASED, "-1");
  g_assert_false (validate (report, &check));
  g_assert_cmpstr (check.errors[TL_REPORT_FIELD_DECEASED], ==, "Cannot be negative");
  tl_report_check_clear (&check);

  tl_report_set (report, TL_REPORT_FIELD_DECEASED, "two");
  g_assert_false (validate (report, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_DECEASED]);
  tl_report_check_clear (&check);

  /* Empty is "not known", not zero. */
  tl_report_set (report, TL_REPORT_FIELD_DECEASED, "");
  g_assert_true (validate (report, &check));
  g_assert_cmpint (check.counts[TL_REPORT_FIELD_DECEASED], ==, TL_COUNT_UNKNOWN);
  tl_report_check_clear (&check);

  /* More accounted for than on board: a warning, which never blocks. */
  tl_report_set (report, TL_REPORT_FIELD_RESCUED, "60");
  g_assert_true (validate (report, &check));
  g_assert_nonnull (check.warnings[TL_REPORT_FIELD_PEOPLE]);
  tl_report_check_clear (&check);

  tl_report_set (report, TL_REPORT_FIELD_RESCUED, "50");
  tl_report_set (report, TL_REPORT_FIELD_LANDED_UK, "40");
  tl_report_set (report, TL_REPORT_FIELD_RETURNED_FR, "20");
  g_assert_true (validate (report, &check));
  g_assert_nonnull (check.warnings[TL_REPORT_FIELD_LANDED_UK]);
  tl_report_check_clear (&check);
}

static void
test_times (void)
{
  g_autoptr(TlReport) rescue = valid_report (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlReport) patrol = valid_report (TL_EVENT_KIND_PATROL);
  TlReportCheck check;

  tl_report_set (rescue, TL_REPORT_FIELD_END_TIME, "06:00");
  g_assert_false (validate (rescue, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_END_TIME]);
  tl_report_check_clear (&check);

  tl_report_set (rescue, TL_REPORT_FIELD_END_TIME, "");
  tl_report_set (rescue, TL_REPORT_FIELD_ON_SCENE_TIME, "06:30");
  g_assert_false (validate (rescue, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_ON_SCENE_TIME]);
  tl_report_check_clear (&check);

  tl_report_set (patrol, TL_REPORT_FIELD_END_TIME, "05:00");
  g_assert_false (validate (patrol, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_END_TIME]);
  tl_report_check_clear (&check);

  /* In the future (NOON is "now"): a warning. */
  tl_report_set (patrol, TL_REPORT_FIELD_TIME, "18:00");
  tl_report_set (patrol, TL_REPORT_FIELD_END_TIME, "");
  g_assert_true (validate (patrol, &check));
  g_assert_nonnull (check.warnings[TL_REPORT_FIELD_TIME]);
  tl_report_check_clear (&check);

  tl_report_set (patrol, TL_REPORT_FIELD_TIME, "25:00");
  g_assert_false (validate (patrol, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_TIME]);
  tl_report_check_clear (&check);
}

static void
test_positions (void)
{
  g_autoptr(TlReport) report = valid_report (TL_EVENT_KIND_RESCUE);
  TlReportCheck check;

  tl_report_set (report, TL_REPORT_FIELD_POSITION, "95 1.5");
  g_assert_false (validate (report, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_POSITION]);
  tl_report_check_clear (&check);

  tl_report_set (report, TL_REPORT_FIELD_POSITION, INLAND);
  g_assert_true (validate (report, &check));
  g_assert_nonnull (check.warnings[TL_REPORT_FIELD_POSITION]);
  tl_report_check_clear (&check);

  tl_report_set (report, TL_REPORT_FIELD_POSITION, "50.95 -11.58");
  g_assert_true (validate (report, &check));
  g_assert_nonnull (check.warnings[TL_REPORT_FIELD_POSITION]);
  tl_report_check_clear (&check);

  /* Without a coastline the land check is skipped, nothing else. */
  tl_report_set (report, TL_REPORT_FIELD_POSITION, INLAND);
  g_assert_true (tl_report_validate (report, zone, DAY_START, NOON, NULL, &check));
  g_assert_null (check.warnings[TL_REPORT_FIELD_POSITION]);
  tl_report_check_clear (&check);
}

static void
test_coastline_is_land (void)
{
  /* Dover town, Calais town, Lille; mid-Channel, the North Sea. */
  g_assert_true (tl_coastline_is_land (coastline, 51.13, 1.30));
  g_assert_true (tl_coastline_is_land (coastline, 50.94, 1.87));
  g_assert_true (tl_coastline_is_land (coastline, 50.63, 3.06));
  g_assert_false (tl_coastline_is_land (coastline, 50.96, 1.59));
  g_assert_false (tl_coastline_is_land (coastline, 51.0, 1.5));
  g_assert_false (tl_coastline_is_land (coastline, 54.0, 3.0));
}

static void
test_to_event (void)
{
  g_autoptr(TlReport) report = valid_report (TL_EVENT_KIND_RESCUE);
  g_autoptr(TlEvent) event = NULL;
  g_autoptr(TlReport) back = NULL;
  g_autoptr(JsonNode) details = NULL;
  TlReportCheck check;

  tl_report_set (report, TL_REPORT_FIELD_BOAT_TYPE, "inflatable");
  tl_report_set (report, TL_REPORT_FIELD_MEDEVAC, "1");
  g_assert_true (validate (report, &check));
  event = tl_report_to_event (report, &check, NULL);
  tl_report_check_clear (&check);

  g_assert_cmpint (tl_event_get_kind (event), ==, TL_EVENT_KIND_RESCUE);
  g_assert_cmpint (tl_event_get_people (event), ==, 52);
  g_assert_cmpint (tl_event_get_rescued (event), ==, 50);
  g_assert_cmpint (tl_event_get_deceased (event), ==, TL_COUNT_UNKNOWN);
  g_assert_cmpstr (tl_event_get_unit (event), ==, "RNLI Dover lifeboat, HMC Valiant (Border Force cutter)");
  g_assert_cmpint (tl_event_get_status (event), ==, TL_EVENT_STATUS_CLOSED);

  details = json_from_string (tl_event_get_details (event), NULL);
  g_assert_nonnull (details);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (details), "boat_type"), ==, "inflatable");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (details), "medevac"), ==, 1);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (details), "units")), ==, 2);

  /* And back: the editor shows what was saved. */
  back = tl_report_new_from_event (event, zone, TL_COORDINATE_FORMAT_DDM);
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_UNITS), ==, tl_report_get (report, TL_REPORT_FIELD_UNITS));
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_CONDITIONS), ==, "deflating,people_in_water");
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_RESCUED), ==, "50");
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_DECEASED), ==, "");
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_TIME), ==, "2026-11-26 06:40");
  g_assert_cmpstr (tl_report_get (back, TL_REPORT_FIELD_ON_SCENE_TIME), ==, "2026-11-26 07:05");
}

static void
test_patrol_route (void)
{
  g_autoptr(TlReport) report = valid_report (TL_EVENT_KIND_PATROL);
  g_autoptr(TlEvent) event = NULL;
  g_autoptr(JsonNode) details = NULL;
  TlReportCheck check;

  tl_report_set (report, TL_REPORT_FIELD_POSITION, "");
  tl_report_set (report, TL_REPORT_FIELD_LINKED, "12, 15");
  g_assert_true (validate (report, &check));
  event = tl_report_to_event (report, &check, NULL);
  tl_report_check_clear (&check);

  /* Placed at the start of its route. */
  g_assert_true (tl_event_has_position (event));
  g_assert_cmpfloat (tl_event_get_longitude (event), ==, 1.5);
  details = json_from_string (tl_event_get_details (event), NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (details), "route")), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (json_node_get_object (details), "linked"), 1), ==, 15);

  tl_report_set (report, TL_REPORT_FIELD_LINKED, "twelve");
  g_assert_false (validate (report, &check));
  g_assert_nonnull (check.errors[TL_REPORT_FIELD_LINKED]);
  tl_report_check_clear (&check);
}

static void
test_draft_json (void)
{
  g_autoptr(TlReport) report = valid_report (TL_EVENT_KIND_SIGHTING);
  g_autoptr(TlReport) back = NULL;
  g_autofree char *json = NULL;

  report->event_id = 7;
  report->revision = 3;
  tl_report_set (report, TL_REPORT_FIELD_NOTES, "Two boats, \"approx\" 90 people\nsecond line");
  json = tl_report_to_json (report);
  back = tl_report_new_from_json (json, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (back->kind, ==, TL_EVENT_KIND_SIGHTING);
  g_assert_cmpint (back->event_id, ==, 7);
  g_assert_cmpint (back->revision, ==, 3);
  g_assert_true (tl_report_equal (report, back));
  g_assert_null (tl_report_new_from_json ("{\"kind\":\"boat\"}", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  zone = g_time_zone_new_identifier ("Europe/Paris");
  coastline = tl_coastline_get_default ();
  g_assert_true (tl_coastline_ensure_loaded (coastline, &error));
  g_assert_no_error (error);

  g_test_add_func ("/validation/valid-each-kind", test_valid_each_kind);
  g_test_add_func ("/validation/required", test_required);
  g_test_add_func ("/validation/position-or-place", test_position_or_place);
  g_test_add_func ("/validation/counts", test_counts);
  g_test_add_func ("/validation/times", test_times);
  g_test_add_func ("/validation/positions", test_positions);
  g_test_add_func ("/validation/coastline-is-land", test_coastline_is_land);
  g_test_add_func ("/validation/to-event", test_to_event);
  g_test_add_func ("/validation/patrol-route", test_patrol_route);
  g_test_add_func ("/validation/draft-json", test_draft_json);

  ret = g_test_run ();
  g_time_zone_unref (zone);
  return ret;
}
