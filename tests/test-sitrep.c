/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SITREP of a case, word for word: the text goes out to other centres,
 * so any change to it must be a deliberate change to this test. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "tl-sitrep.h"

/* 26 November 2026, 04:40 UTC. */
#define T0 G_GINT64_CONSTANT (1795668000)

static TlEvent *
make_event (gint64       id,
            TlEventKind  kind,
            gint64       time,
            TlEventStatus status)
{
  TlEvent *event = tl_event_new (kind);

  tl_event_set_id (event, id);
  tl_event_set_time (event, time);
  tl_event_set_status (event, status);
  return event;
}

/* A sighting, then the rescue of the same boat, listed out of order. */
static GPtrArray *
make_case (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  TlEvent *sighting = make_event (7, TL_EVENT_KIND_SIGHTING, T0, TL_EVENT_STATUS_CONFIRMED);
  TlEvent *rescue = make_event (9, TL_EVENT_KIND_RESCUE, T0 + 32 * 60, TL_EVENT_STATUS_ONGOING);

  tl_event_set_position (sighting, 50.95, 1.55);
  tl_event_set_people (sighting, 55);
  tl_event_set_boats (sighting, 1);
  tl_event_set_details (sighting, "{\"boat_type\": \"inflatable\"}");
  tl_event_set_notes (sighting, "Aircraft reports an inflatable\nheading north-west");
  tl_event_set_unit (sighting, "Helicopter Dauphin");

  tl_event_set_position (rescue, 50.958667, 1.586667);
  tl_event_set_place (rescue, "Off Wimereux");
  tl_event_set_rescued (rescue, 53);
  tl_event_set_deceased (rescue, 1);
  tl_event_set_missing (rescue, 1);
  tl_event_set_unit (rescue, "RNLI Dover, Helicopter Dauphin");

  g_ptr_array_add (events, rescue);
  g_ptr_array_add (events, sighting);
  return events;
}

static void
test_sitrep_dtg (void)
{
  g_autofree char *dtg = tl_sitrep_format_dtg (T0);
  g_autofree char *new_year = tl_sitrep_format_dtg (G_GINT64_CONSTANT (1798761599));

  g_assert_cmpstr (dtg, ==, "260440Z NOV 26");
  g_assert_cmpstr (new_year, ==, "312359Z DEC 26");
}

static void
test_sitrep_case (void)
{
  g_autoptr(GPtrArray) events = make_case ();
  g_autofree char *text = NULL;
  TlSitrepOptions options;

  tl_sitrep_options_init (&options);
  options.case_id = 12;
  options.case_title = "Inflatable off Wimereux";
  options.created_at = T0 + 50 * 60;
  text = tl_sitrep_build (events, &options);

  g_assert_cmpstr (text, ==,
    "SAR SITREP (INITIAL) NO. 1\n"
    "DTG: 260530Z NOV 26\n"
    "FROM: CROSS GRIS-NEZ / HMCG DOVER\n"
    "CASE 12 — INFLATABLE OFF WIMEREUX\n"
    "A. IDENTITY OF CASUALTY: INFLATABLE, APPROX 55 POB\n"
    "B. POSITION: 50°57.520′N 001°35.200′E AT 260512Z NOV 26 (NEAR OFF WIMEREUX)\n"
    "C. SITUATION:\n"
    "   260440Z NOV 26 SIGHTING (CONFIRMED): Aircraft reports an inflatable heading north-west\n"
    "   260512Z NOV 26 RESCUE (ONGOING)\n"
    "D. PERSONS INVOLVED: 55 POB, 53 RESCUED, 1 DECEASED, 1 MISSING\n"
    "E. ASSISTANCE GIVEN: HELICOPTER DAUPHIN, RNLI DOVER\n"
    "F. COORDINATING CENTRE: CROSS GRIS-NEZ / HMCG DOVER\n");
}

static void
test_sitrep_stages (void)
{
  g_autoptr(GPtrArray) events = make_case ();
  g_autofree char *subsequent = NULL;
  g_autofree char *final = NULL;
  TlSitrepOptions options;

  tl_sitrep_options_init (&options);
  options.number = 2;
  options.centre = "MRCC Falmouth";
  options.created_at = T0;
  subsequent = tl_sitrep_build (events, &options);
  g_assert_true (g_str_has_prefix (subsequent, "SAR SITREP (SUBSEQUENT) NO. 2\n"));
  g_assert_nonnull (strstr (subsequent, "\nFROM: MRCC FALMOUTH\n"));
  g_assert_true (g_str_has_suffix (subsequent, "F. COORDINATING CENTRE: MRCC FALMOUTH\n"));

  /* Once every report is closed, the series ends. */
  for (guint i = 0; i < events->len; i++)
    tl_event_set_status (g_ptr_array_index (events, i), TL_EVENT_STATUS_CLOSED);
  final = tl_sitrep_build (events, &options);
  g_assert_true (g_str_has_prefix (final, "SAR SITREP (FINAL) NO. 2\n"));
}

static void
test_sitrep_single_unknown (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  TlSitrepOptions options;

  g_ptr_array_add (events, make_event (3, TL_EVENT_KIND_DEPARTURE, T0, TL_EVENT_STATUS_REPORTED));
  tl_sitrep_options_init (&options);
  options.created_at = T0;
  text = tl_sitrep_build (events, &options);

  g_assert_cmpstr (text, ==,
    "SAR SITREP (INITIAL) NO. 1\n"
    "DTG: 260440Z NOV 26\n"
    "FROM: CROSS GRIS-NEZ / HMCG DOVER\n"
    "REPORT 3\n"
    "A. IDENTITY OF CASUALTY: SMALL BOAT, POB UNKNOWN\n"
    "B. POSITION: NOT KNOWN\n"
    "C. SITUATION:\n"
    "   260440Z NOV 26 DEPARTURE (REPORTED)\n"
    "D. PERSONS INVOLVED: NOT KNOWN\n"
    "E. ASSISTANCE GIVEN: NONE REPORTED\n"
    "F. COORDINATING CENTRE: CROSS GRIS-NEZ / HMCG DOVER\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sitrep/dtg", test_sitrep_dtg);
  g_test_add_func ("/sitrep/case", test_sitrep_case);
  g_test_add_func ("/sitrep/stages", test_sitrep_stages);
  g_test_add_func ("/sitrep/single-unknown", test_sitrep_single_unknown);

  return g_test_run ();
}
