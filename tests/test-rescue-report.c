/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-rescue-report.h"
#include "tl-time.h"

/* 2026-11-26 00:00 Europe/Paris (TZ is set by the test environment, but
 * the zone is named here so the test does not depend on it). */
#define DAY_START G_GINT64_CONSTANT (1795647600)
#define NOON (DAY_START + 12 * 3600)

static GTimeZone *
paris (void)
{
  return g_time_zone_new_identifier ("Europe/Paris");
}

static void
fill_valid (TlRescueReport *report)
{
  report->time_text = g_strdup ("06:40");
  report->position_text = g_strdup ("50 57.5N 1 35.2E");
  report->unit = g_strdup ("SNSM Calais");
  report->people_text = g_strdup ("52");
  report->rescued = 50;
  report->deceased = 0;
  report->missing = 2;
  report->notes = g_strdup ("  Boat deflating, people in the water  ");
}

static void
test_valid (void)
{
  g_autoptr(GTimeZone) zone = paris ();
  g_autoptr(TlEvent) event = NULL;
  TlRescueReport report = { 0 };
  TlRescueCheck check;

  fill_valid (&report);
  g_assert_true (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  for (guint i = 0; i < TL_RESCUE_N_FIELDS; i++)
    {
      g_assert_null (check.errors[i]);
      g_assert_null (check.warnings[i]);
    }
  /* 06:40 in Paris in November is 05:40 UTC. */
  g_assert_cmpint (check.time, ==, DAY_START + 6 * 3600 + 40 * 60);
  g_assert_cmpint (check.people, ==, 52);

  event = tl_rescue_report_to_event (&report, &check);
  g_assert_cmpint (tl_event_get_kind (event), ==, TL_EVENT_KIND_RESCUE);
  g_assert_cmpint (tl_event_get_time (event), ==, check.time);
  g_assert_cmpstr (tl_event_get_unit (event), ==, "SNSM Calais");
  g_assert_cmpstr (tl_event_get_notes (event), ==, "Boat deflating, people in the water");
  g_assert_cmpint (tl_event_get_rescued (event), ==, 50);
  g_assert_cmpint (tl_event_get_missing (event), ==, 2);
  g_assert_cmpfloat_with_epsilon (tl_event_get_latitude (event), 50.958333, 1e-5);

  tl_rescue_check_clear (&check);
  tl_rescue_report_clear (&report);
}

static void
test_required (void)
{
  g_autoptr(GTimeZone) zone = paris ();
  TlRescueReport report = { 0 };
  TlRescueCheck check;

  g_assert_false (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_TIME]);
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_POSITION]);
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_UNIT]);
  /* People on board may be unknown, notes may be empty. */
  g_assert_null (check.errors[TL_RESCUE_FIELD_PEOPLE]);
  g_assert_null (check.errors[TL_RESCUE_FIELD_NOTES]);
  g_assert_cmpint (check.people, ==, TL_COUNT_UNKNOWN);

  tl_rescue_check_clear (&check);
}

static void
test_bad_values (void)
{
  g_autoptr(GTimeZone) zone = paris ();
  TlRescueReport report = { 0 };
  TlRescueCheck check;

  fill_valid (&report);
  g_free (report.time_text);
  report.time_text = g_strdup ("25:10");
  g_free (report.position_text);
  report.position_text = g_strdup ("95N 1.5E");
  g_free (report.unit);
  report.unit = g_strdup ("   ");
  g_free (report.people_text);
  report.people_text = g_strdup ("fifty");
  report.deceased = -1;

  g_assert_false (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_TIME]);
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_POSITION]);
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_UNIT]);
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_PEOPLE]);
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_DECEASED]);
  g_assert_null (check.errors[TL_RESCUE_FIELD_RESCUED]);

  tl_rescue_check_clear (&check);
  g_free (report.people_text);
  report.people_text = g_strdup ("-3");
  report.deceased = 0;
  g_assert_false (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_nonnull (check.errors[TL_RESCUE_FIELD_PEOPLE]);

  tl_rescue_check_clear (&check);
  tl_rescue_report_clear (&report);
}

static void
test_warnings_do_not_block (void)
{
  g_autoptr(GTimeZone) zone = paris ();
  TlRescueReport report = { 0 };
  TlRescueCheck check;

  fill_valid (&report);
  /* More accounted for than were on board: a warning, not an error. */
  report.rescued = 60;
  g_assert_true (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_nonnull (check.warnings[TL_RESCUE_FIELD_PEOPLE]);
  tl_rescue_check_clear (&check);

  /* In the future (23:00 seen at noon). */
  report.rescued = 50;
  g_free (report.time_text);
  report.time_text = g_strdup ("23:00");
  g_assert_true (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_nonnull (check.warnings[TL_RESCUE_FIELD_TIME]);
  tl_rescue_check_clear (&check);

  /* A minute ahead is a clock out of step, not a warning. */
  g_free (report.time_text);
  report.time_text = g_strdup ("12:01");
  g_assert_true (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_null (check.warnings[TL_RESCUE_FIELD_TIME]);
  tl_rescue_check_clear (&check);

  /* A swapped sign puts the boat off Brittany's far side: warn. */
  g_free (report.position_text);
  report.position_text = g_strdup ("50.95 -11.58");
  g_assert_true (tl_rescue_report_validate (&report, zone, DAY_START, NOON, &check));
  g_assert_nonnull (check.warnings[TL_RESCUE_FIELD_POSITION]);
  tl_rescue_check_clear (&check);

  tl_rescue_report_clear (&report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rescue-report/valid", test_valid);
  g_test_add_func ("/rescue-report/required", test_required);
  g_test_add_func ("/rescue-report/bad-values", test_bad_values);
  g_test_add_func ("/rescue-report/warnings-do-not-block", test_warnings_do_not_block);

  return g_test_run ();
}
