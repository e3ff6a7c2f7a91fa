/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SITREP of a case, word for word: the text goes out to other centres,
 * so any change to it must be a deliberate change to this test.
 *
 * The program runs in French (LANGUAGE=fr, with the build's catalogue):
 * the English SITREP must still be English word for word, and the
 * interface-language SITREP must be what gettext gives. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "tl-cli.h"
#include "tl-report.h"
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

/* Whether the French catalogue of the build was found, so that the
 * English tests are known to run where gettext would give French. */
static gboolean french = FALSE;

static const char *gt (const char *msgid) G_GNUC_FORMAT (1);

static const char *
gt (const char *msgid)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "SITREP", msgid);
}

static char *
gt_upper (const char *text)
{
  return g_utf8_strup (text, -1);
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
    "DISTRESS\n"
    "DTG: 260530Z NOV 26\n"
    "FROM: CROSS GRIS-NEZ / HMCG DOVER\n"
    "TO: CROSS GRIS-NEZ, MRCC DOVER\n"
    "SAR SITREP (INITIAL) NO. 1\n"
    "CASE 12 — INFLATABLE OFF WIMEREUX\n"
    "A. IDENTITY OF CASUALTY: INFLATABLE, APPROX 55 POB\n"
    "B. POSITION: 50°57.520′N 001°35.200′E AT 260512Z NOV 26 (NEAR OFF WIMEREUX)\n"
    "C. SITUATION:\n"
    "   260440Z NOV 26 SIGHTING (CONFIRMED): Aircraft reports an inflatable heading north-west\n"
    "   260512Z NOV 26 RESCUE (ONGOING)\n"
    "D. NUMBER OF PERSONS AT RISK: 1 (55 POB, 53 RESCUED, 1 DECEASED, 1 MISSING)\n"
    "E. ASSISTANCE REQUIRED: NONE STATED; UNITS ENGAGED: HELICOPTER DAUPHIN, RNLI DOVER\n"
    "F. COORDINATING RCC: CROSS GRIS-NEZ / HMCG DOVER\n");
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
  g_assert_nonnull (strstr (subsequent, "\nSAR SITREP (SUBSEQUENT) NO. 2\n"));
  g_assert_nonnull (strstr (subsequent, "\nFROM: MRCC FALMOUTH\n"));
  g_assert_true (g_str_has_suffix (subsequent, "F. COORDINATING RCC: MRCC FALMOUTH\n"));

  /* Once every report is closed, the series ends. */
  for (guint i = 0; i < events->len; i++)
    tl_event_set_status (g_ptr_array_index (events, i), TL_EVENT_STATUS_CLOSED);
  final = tl_sitrep_build (events, &options);
  g_assert_true (g_str_has_prefix (final, "ROUTINE\n"));
  g_assert_nonnull (strstr (final, "\nSAR SITREP (FINAL) NO. 2\n"));
}

/* With a case, its status decides: open is INITIAL then SUBSEQUENT,
 * concluded is FINAL; a FINAL asked for an open case is issued, marked. */
static void
test_sitrep_case_status (void)
{
  g_autoptr(GPtrArray) events = make_case ();
  TlSitrepOptions options;
  struct { TlCaseStatus status; guint number; TlSitrepStage stage; } cases[] = {
    { TL_CASE_STATUS_POSSIBLE, 1, TL_SITREP_STAGE_INITIAL },
    { TL_CASE_STATUS_DISTRESS, 2, TL_SITREP_STAGE_SUBSEQUENT },
    { TL_CASE_STATUS_RESCUED, 3, TL_SITREP_STAGE_SUBSEQUENT },
    { TL_CASE_STATUS_LANDED, 4, TL_SITREP_STAGE_FINAL },
    { TL_CASE_STATUS_RETURNED, 2, TL_SITREP_STAGE_FINAL },
    { TL_CASE_STATUS_CLOSED, 1, TL_SITREP_STAGE_FINAL },
  };

  /* Every report closed, but the case still possible: not final. */
  for (guint i = 0; i < events->len; i++)
    tl_event_set_status (g_ptr_array_index (events, i), TL_EVENT_STATUS_CLOSED);

  tl_sitrep_options_init (&options);
  options.created_at = T0;
  options.has_case_status = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      options.case_status = cases[i].status;
      options.number = cases[i].number;
      g_assert_cmpint (tl_sitrep_decide_stage (events, &options), ==, cases[i].stage);
      g_assert_false (tl_sitrep_final_is_premature (events, &options));
    }

  options.case_status = TL_CASE_STATUS_POSSIBLE;
  options.stage = TL_SITREP_STAGE_FINAL;
  options.form = TL_SITREP_FORM_FULL;
  g_assert_true (tl_sitrep_final_is_premature (events, &options));
  {
    g_autofree char *text = tl_sitrep_build (events, &options);

    g_assert_nonnull (strstr (text, "\nSAR SITREP (FINAL) NO. 1\n"));
    g_assert_nonnull (strstr (text, "\nN. ADDITIONAL INFORMATION/CONCLUSION: CASE STATUS POSSIBLE; "
                                    "CASE NOT CONCLUDED, FINAL ISSUED ON REQUEST\n"));
  }
  options.case_status = TL_CASE_STATUS_CLOSED;
  g_assert_false (tl_sitrep_final_is_premature (events, &options));
}

/* The full form, word for word against the fixtures, in English and in
 * the interface language (French here). */
static void
check_fixture (const char *text,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sitrep", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_sitrep_fixtures (void)
{
  g_autoptr(GPtrArray) events = make_case ();
  TlEvent *departure = make_event (5, TL_EVENT_KIND_DEPARTURE, T0 - 3 * 3600, TL_EVENT_STATUS_CLOSED);
  TlSitrepOptions options;
  struct { TlSitrepForm form; TlSitrepLanguage language; const char *file; } fixtures[] = {
    { TL_SITREP_FORM_SHORT, TL_SITREP_LANGUAGE_ENGLISH, "case-short.en.txt" },
    { TL_SITREP_FORM_FULL, TL_SITREP_LANGUAGE_ENGLISH, "case-full.en.txt" },
    { TL_SITREP_FORM_SHORT, TL_SITREP_LANGUAGE_INTERFACE, "case-short.fr.txt" },
    { TL_SITREP_FORM_FULL, TL_SITREP_LANGUAGE_INTERFACE, "case-full.fr.txt" },
  };

  if (!french)
    {
      g_test_skip ("the build's French catalogue (po/fr/LC_MESSAGES) was not found");
      return;
    }

  tl_event_set_place (departure, "Gravelines");
  tl_event_set_position (departure, 51.0, 2.1);
  g_ptr_array_add (events, departure);
  tl_event_set_details (g_ptr_array_index (events, 0),
                        "{\"conditions\": \"deflating,people_in_water\", \"outcome\": \"landed_uk\"}");

  tl_sitrep_options_init (&options);
  options.case_id = 12;
  options.case_title = "Inflatable off Wimereux";
  options.created_at = T0 + 50 * 60;
  options.number = 3;
  options.has_case_status = TRUE;
  options.case_status = TL_CASE_STATUS_LANDED;
  options.to = "MRCC Falmouth, Préfecture maritime Manche";
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *text = NULL;

      options.form = fixtures[i].form;
      options.language = fixtures[i].language;
      text = tl_sitrep_build (events, &options);
      check_fixture (text, fixtures[i].file);
    }
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
    "URGENCY\n"
    "DTG: 260440Z NOV 26\n"
    "FROM: CROSS GRIS-NEZ / HMCG DOVER\n"
    "TO: CROSS GRIS-NEZ, MRCC DOVER\n"
    "SAR SITREP (INITIAL) NO. 1\n"
    "REPORT 3\n"
    "A. IDENTITY OF CASUALTY: SMALL BOAT, POB UNKNOWN\n"
    "B. POSITION: NOT KNOWN\n"
    "C. SITUATION:\n"
    "   260440Z NOV 26 DEPARTURE (REPORTED)\n"
    "D. NUMBER OF PERSONS AT RISK: NOT KNOWN\n"
    "E. ASSISTANCE REQUIRED: NONE STATED\n"
    "F. COORDINATING RCC: CROSS GRIS-NEZ / HMCG DOVER\n");
}

static void
test_sitrep_catalogue (void)
{
  /* English mode is only proven English if gettext would have said
   * something else: the build's French catalogue must be in use. */
  if (!french)
    {
      g_test_skip ("the build's French catalogue (po/fr/LC_MESSAGES) was not found");
      return;
    }
  g_assert_cmpstr (gt ("A. IDENTITY OF CASUALTY:"), !=, "A. IDENTITY OF CASUALTY:");
  g_assert_cmpstr (gt ("B. POSITION:"), !=, "B. POSITION:");
}

static void
test_sitrep_language_names (void)
{
  TlSitrepLanguage language = TL_SITREP_LANGUAGE_INTERFACE;
  TlSitrepOptions options;

  tl_sitrep_options_init (&options);
  g_assert_cmpint (options.language, ==, TL_SITREP_LANGUAGE_ENGLISH);

  g_assert_true (tl_sitrep_language_from_string ("en", &language));
  g_assert_cmpint (language, ==, TL_SITREP_LANGUAGE_ENGLISH);
  g_assert_true (tl_sitrep_language_from_string ("ui", &language));
  g_assert_cmpint (language, ==, TL_SITREP_LANGUAGE_INTERFACE);
  g_assert_cmpstr (tl_sitrep_language_to_string (TL_SITREP_LANGUAGE_ENGLISH), ==, "en");
  g_assert_cmpstr (tl_sitrep_language_to_string (TL_SITREP_LANGUAGE_INTERFACE), ==, "ui");

  /* Anything else is refused and reads as the default. */
  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "fr", "EN", "", NULL };

      language = TL_SITREP_LANGUAGE_INTERFACE;
      g_assert_false (tl_sitrep_language_from_string (bad[i], &language));
      g_assert_cmpint (language, ==, TL_SITREP_LANGUAGE_ENGLISH);
    }
}

/* The interface-language SITREP is the English one with every fixed
 * phrase, kind and status passed through gettext. */
static void
test_sitrep_interface (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *english = NULL;
  g_autofree char *small_boat = gt_upper (gt ("small boat"));
  g_autofree char *kind = gt_upper (tl_event_kind_get_label (TL_EVENT_KIND_DEPARTURE));
  g_autofree char *status = gt_upper (tl_event_status_get_label (TL_EVENT_STATUS_REPORTED));
  TlSitrepOptions options;

  g_ptr_array_add (events, make_event (3, TL_EVENT_KIND_DEPARTURE, T0, TL_EVENT_STATUS_REPORTED));
  tl_sitrep_options_init (&options);
  options.created_at = T0;
  english = tl_sitrep_build (events, &options);
  options.language = TL_SITREP_LANGUAGE_INTERFACE;
  text = tl_sitrep_build (events, &options);

  g_string_append_printf (expected, "%s\n", g_dpgettext2 (GETTEXT_PACKAGE, "SITREP priority", "URGENCY"));
  g_string_append_printf (expected, gt ("DTG: %s"), "260440Z NOV 26");
  g_string_append_c (expected, '\n');
  g_string_append_printf (expected, gt ("FROM: %s"), "CROSS GRIS-NEZ / HMCG DOVER");
  g_string_append_c (expected, '\n');
  g_string_append_printf (expected, gt ("TO: %s"), "CROSS GRIS-NEZ, MRCC DOVER");
  g_string_append_c (expected, '\n');
  g_string_append_printf (expected, gt ("SAR SITREP (%s) NO. %u"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "SITREP stage", "INITIAL"), 1);
  g_string_append_c (expected, '\n');
  g_string_append_printf (expected, gt ("REPORT %" PRId64), (gint64) 3);
  g_string_append_c (expected, '\n');
  g_string_append_printf (expected, "%s %s%s\n", gt ("A. IDENTITY OF CASUALTY:"), small_boat, gt (", POB UNKNOWN"));
  g_string_append_printf (expected, "%s %s\n", gt ("B. POSITION:"), gt ("NOT KNOWN"));
  g_string_append_printf (expected, "%s\n   260440Z NOV 26 %s (%s)\n", gt ("C. SITUATION:"), kind, status);
  g_string_append_printf (expected, "%s %s\n", gt ("D. NUMBER OF PERSONS AT RISK:"), gt ("NOT KNOWN"));
  g_string_append_printf (expected, "%s %s\n", gt ("E. ASSISTANCE REQUIRED:"), gt ("NONE STATED"));
  g_string_append_printf (expected, "%s CROSS GRIS-NEZ / HMCG DOVER\n", gt ("F. COORDINATING RCC:"));
  g_assert_cmpstr (text, ==, expected->str);

  if (french)
    {
      g_assert_cmpstr (text, !=, english);
      g_assert_null (strstr (text, "IDENTITY OF CASUALTY"));
      g_assert_null (strstr (text, "DEPARTURE"));
    }
}

/* A boat type and counts: the report's choice label and the count phrases
 * follow the language too, the English ones never do. */
static void
test_sitrep_interface_case (void)
{
  g_autoptr(GPtrArray) events = make_case ();
  g_autofree char *english = NULL;
  g_autofree char *text = NULL;
  g_autofree char *boat = NULL;
  g_autofree char *rescued = g_strdup_printf (gt ("%d RESCUED"), 53);
  TlSitrepOptions options;

  tl_sitrep_options_init (&options);
  options.case_id = 12;
  options.created_at = T0;
  english = tl_sitrep_build (events, &options);
  options.language = TL_SITREP_LANGUAGE_INTERFACE;
  text = tl_sitrep_build (events, &options);

  boat = gt_upper (tl_report_choice_get_label (TL_REPORT_FIELD_BOAT_TYPE,
                                               tl_report_choice_find (TL_REPORT_FIELD_BOAT_TYPE, "inflatable")));
  g_assert_nonnull (strstr (text, boat));
  g_assert_nonnull (strstr (text, rescued));
  g_assert_nonnull (strstr (english, "A. IDENTITY OF CASUALTY: INFLATABLE, APPROX 55 POB\n"));
  g_assert_nonnull (strstr (english, "   260440Z NOV 26 SIGHTING (CONFIRMED): "));
  if (french)
    g_assert_null (strstr (text, "INFLATABLE"));
}

/* The command: --language en|ui, and a bad value refused before anything
 * is printed. */

static GString *cli_out;
static GString *cli_err;

static void
print_to_out (const char *text)
{
  g_string_append (cli_out, text);
}

static void
print_to_err (const char *text)
{
  g_string_append (cli_err, text);
}

static int
run_sitrep (const char *db,
            const char *event_id,
            const char *language)
{
  const char *args[] = { "tideline", "sitrep", "--database", db, "--event", event_id,
                         language != NULL ? "--language" : NULL, language, NULL };
  /* GOptionContext moves the pointers around: give it its own array. */
  g_autofree char **argv = g_memdup2 (args, sizeof args);
  GPrintFunc old_print, old_printerr;
  int status;

  g_string_truncate (cli_out, 0);
  g_string_truncate (cli_err, 0);
  old_print = g_set_print_handler (print_to_out);
  old_printerr = g_set_printerr_handler (print_to_err);
  status = tl_cli_main (g_strv_length (argv), argv);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);
  return status;
}

static void
test_sitrep_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "sitrep.db", NULL);
  g_autofree char *id = NULL;
  g_autofree char *bad_message = NULL;
  g_autoptr(TlEvent) event = make_event (0, TL_EVENT_KIND_SIGHTING, T0, TL_EVENT_STATUS_CONFIRMED);
  g_autofree char *english = NULL;
  g_autofree char *kind = gt_upper (tl_event_kind_get_label (TL_EVENT_KIND_SIGHTING));

  {
    g_autoptr(TlStore) store = tl_store_open (db, &error);

    g_assert_no_error (error);
    tl_event_set_people (event, 12);
    g_assert_true (tl_store_add_event (store, event, "test", &error));
    g_assert_no_error (error);
    id = g_strdup_printf ("%" PRId64, tl_event_get_id (event));
  }
  cli_out = g_string_new (NULL);
  cli_err = g_string_new (NULL);

  /* The default is English, the same as --language en. */
  g_assert_cmpint (run_sitrep (db, id, NULL), ==, 0);
  g_assert_nonnull (strstr (cli_out->str, "\nSAR SITREP (INITIAL) NO. 1\n"));
  g_assert_nonnull (strstr (cli_out->str, "\nA. IDENTITY OF CASUALTY: SMALL BOAT, APPROX 12 POB\n"));
  g_assert_nonnull (strstr (cli_out->str, " SIGHTING (CONFIRMED)\n"));
  english = g_strdup (cli_out->str);
  g_assert_cmpint (run_sitrep (db, id, "en"), ==, 0);
  g_assert_nonnull (strstr (cli_out->str, "\nA. IDENTITY OF CASUALTY: SMALL BOAT, APPROX 12 POB\n"));
  g_assert_cmpstr (cli_err->str, ==, "");

  /* --language ui: what gettext gives. */
  g_assert_cmpint (run_sitrep (db, id, "ui"), ==, 0);
  g_assert_nonnull (strstr (cli_out->str, gt ("A. IDENTITY OF CASUALTY:")));
  g_assert_nonnull (strstr (cli_out->str, kind));
  if (french)
    g_assert_null (strstr (cli_out->str, "IDENTITY OF CASUALTY"));

  /* A bad value: exit 2, the reason on stderr, nothing on stdout. */
  for (guint i = 0; i < 3; i++)
    {
      const char *bad[] = { "fr", "english", "" };

      g_assert_cmpint (run_sitrep (db, id, bad[i]), ==, 2);
      g_assert_cmpstr (cli_out->str, ==, "");
      bad_message = g_strdup_printf (_("--language: “%s” is not a SITREP language: use “en” for English or “ui” for the interface language\n"),
                                     bad[i]);
      g_assert_cmpstr (cli_err->str, ==, bad_message);
      g_clear_pointer (&bad_message, g_free);
    }

  g_string_free (cli_out, TRUE);
  g_string_free (cli_err, TRUE);
}

/* The case's status, a FINAL asked for too early, a case that never
 * existed, and the SITREP written to a private file. */
static int
run_cli (const char * const *args)
{
  g_autofree char **argv = g_memdup2 (args, sizeof (char *) * (g_strv_length ((char **) args) + 1));
  GPrintFunc old_print, old_printerr;
  int status;

  g_string_truncate (cli_out, 0);
  g_string_truncate (cli_err, 0);
  old_print = g_set_print_handler (print_to_out);
  old_printerr = g_set_printerr_handler (print_to_err);
  status = tl_cli_main (g_strv_length (argv), argv);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);
  return status;
}

static void
test_sitrep_cli_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "sitrep-case.db", NULL);
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "sitrep.txt", NULL);
  g_autofree char *case_arg = NULL;
  g_autofree char *no_case = g_strdup_printf (_("No case %" PRId64 "\n"), (gint64) 99);
  g_autofree char *written = NULL;
  g_autoptr(TlEvent) event = make_event (0, TL_EVENT_KIND_SIGHTING, T0, TL_EVENT_STATUS_CONFIRMED);
  gint64 case_id;
  GStatBuf st;

  {
    g_autoptr(TlStore) store = tl_store_open (db, &error);

    g_assert_no_error (error);
    tl_event_set_people (event, 40);
    g_assert_true (tl_store_add_event (store, event, "test", &error));
    case_id = tl_store_create_case (store, TL_CASE_STATUS_POSSIBLE, "Off Gravelines", &error);
    g_assert_no_error (error);
    g_assert_true (tl_store_link_event (store, tl_event_get_id (event), case_id, "test", &error));
    g_assert_no_error (error);
  }
  case_arg = g_strdup_printf ("%" PRId64, case_id);
  cli_out = g_string_new (NULL);
  cli_err = g_string_new (NULL);

  /* Open case: INITIAL, full form on request, no warning. */
  g_assert_cmpint (run_cli ((const char *[]) { "tideline", "sitrep", "--database", db, "--case", case_arg,
                                               "--form", "full", "--to", "MRCC Falmouth", NULL }), ==, 0);
  g_assert_nonnull (strstr (cli_out->str, "\nTO: MRCC FALMOUTH\nSAR SITREP (INITIAL) NO. 1\n"));
  g_assert_nonnull (strstr (cli_out->str, "\nN. ADDITIONAL INFORMATION/CONCLUSION: CASE STATUS POSSIBLE\n"));
  g_assert_cmpstr (cli_err->str, ==, "");

  /* A FINAL for a possible case: issued, with a warning. */
  g_assert_cmpint (run_cli ((const char *[]) { "tideline", "sitrep", "--database", db, "--case", case_arg,
                                               "--final", NULL }), ==, 0);
  g_assert_nonnull (strstr (cli_out->str, "\nSAR SITREP (FINAL) NO. 1\n"));
  g_assert_cmpstr (cli_err->str, !=, "");

  /* A case that never existed. */
  g_assert_cmpint (run_cli ((const char *[]) { "tideline", "sitrep", "--database", db, "--case", "99", NULL }), ==, 1);
  g_assert_cmpstr (cli_err->str, ==, no_case);
  g_assert_cmpstr (cli_out->str, ==, "");

  /* To a file: private, and nothing printed. */
  g_assert_cmpint (run_cli ((const char *[]) { "tideline", "sitrep", "--database", db, "--case", case_arg,
                                               "--priority", "distress", "-o", out, NULL }), ==, 0);
  g_assert_cmpstr (cli_out->str, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "DISTRESS\n"));
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Bad values: exit 2. */
  g_assert_cmpint (run_cli ((const char *[]) { "tideline", "sitrep", "--database", db, "--case", case_arg,
                                               "--form", "long", NULL }), ==, 2);
  g_assert_cmpint (run_cli ((const char *[]) { "tideline", "sitrep", "--database", db, "--case", case_arg,
                                               "--priority", "mayday", NULL }), ==, 2);

  g_unlink (out);
  g_string_free (cli_out, TRUE);
  g_string_free (cli_err, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;
  g_autofree char *catalogue = NULL;

  /* French messages over the C.UTF-8 locale the suite sets; gettext
   * honours LANGUAGE in any locale but plain C. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  catalogue = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  french = g_file_test (catalogue, G_FILE_TEST_IS_REGULAR);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* As main.c does: the command-line code uses the default domain. */
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/sitrep/dtg", test_sitrep_dtg);
  g_test_add_func ("/sitrep/case", test_sitrep_case);
  g_test_add_func ("/sitrep/stages", test_sitrep_stages);
  g_test_add_func ("/sitrep/case-status", test_sitrep_case_status);
  g_test_add_func ("/sitrep/fixtures", test_sitrep_fixtures);
  g_test_add_func ("/sitrep/cli-case", test_sitrep_cli_case);
  g_test_add_func ("/sitrep/single-unknown", test_sitrep_single_unknown);
  g_test_add_func ("/sitrep/catalogue", test_sitrep_catalogue);
  g_test_add_func ("/sitrep/language-names", test_sitrep_language_names);
  g_test_add_func ("/sitrep/interface", test_sitrep_interface);
  g_test_add_func ("/sitrep/interface-case", test_sitrep_interface_case);
  g_test_add_func ("/sitrep/cli", test_sitrep_cli);

  return g_test_run ();
}
