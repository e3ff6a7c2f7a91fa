/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built-in data in the desk's language: the built-in units are stored by
 * their English keys and shown translated; a unit an officer typed is
 * shown as typed; the sample day's places at sea and notes are written in
 * the desk's language, its units still stored by key.
 *
 * The program runs in French (LANGUAGE=fr, with the build's catalogue),
 * as test-sitrep does. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "tl-demo.h"
#include "tl-report.h"
#include "tl-time.h"
#include "tl-units.h"

static gboolean french;

static void
require_french (void)
{
  if (!french)
    g_test_skip ("the French catalogue is not built");
}

static void
test_units_labels (void)
{
  const char * const *offered = tl_units_get_offered ();
  g_autofree char *described = NULL;

  require_french ();
  if (!french)
    return;

  /* the form offers keys, and every key is shown in French */
  g_assert_true (tl_report_default_units () == offered);
  g_assert_true (g_strv_contains (offered, "RNLI Dover lifeboat"));
  g_assert_cmpstr (tl_unit_get_label ("RNLI Dover lifeboat"), ==, "Canot de sauvetage RNLI de Dover");
  g_assert_cmpstr (tl_unit_get_label ("Royal Navy patrol vessel"), ==, "Patrouilleur de la Royal Navy");
  g_assert_cmpstr (tl_unit_get_label ("Helicopter Dauphin"), ==, "Hélicoptère Dauphin");
  for (guint i = 0; offered[i] != NULL; i++)
    {
      const char *label = tl_unit_get_label (offered[i]);

      g_assert_null (strstr (label, "lifeboat"));
      g_assert_null (strstr (label, "patrol vessel"));
      g_assert_null (strstr (label, "cutter"));
      g_assert_null (strstr (label, "crew"));
    }

  /* proper names and the officers' own units are shown as they are */
  g_assert_cmpstr (tl_unit_get_label ("SNSM Calais"), ==, "SNSM Calais");
  g_assert_cmpstr (tl_unit_get_label ("Volunteer crew 2"), ==, "Volunteer crew 2");

  /* an event's units, joined by commas */
  described = tl_units_describe ("RNLI Dover lifeboat, Volunteer crew 2, Volunteer crew");
  g_assert_cmpstr (described, ==, "Canot de sauvetage RNLI de Dover, Volunteer crew 2, Équipage bénévole");
  g_assert_null (tl_units_describe (NULL));
  g_assert_null (tl_units_describe (""));
}

static void
test_units_find_key (void)
{
  require_french ();
  if (!french)
    return;

  /* typed in either language, in any case: the built-in unit's key */
  g_assert_cmpstr (tl_unit_find_key ("équipage BÉNÉVOLE"), ==, "Volunteer crew");
  g_assert_cmpstr (tl_unit_find_key ("volunteer crew"), ==, "Volunteer crew");
  g_assert_cmpstr (tl_unit_find_key ("Hélicoptère Dauphin"), ==, "Helicopter Dauphin");
  g_assert_null (tl_unit_find_key ("Canot de Wissant"));
  g_assert_null (tl_unit_find_key (""));
}

static void
test_units_demo_french (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  TlDemoOptions options;
  gint64 start, end;
  guint offshore = 0, with_notes = 0, keyed = 0;

  require_french ();
  if (!french)
    return;

  tl_time_day_range_at (zone, 1783900800, &start, &end);  /* 12 July 2026 */
  tl_demo_options_init (&options, 7, start - 7 * 86400, end);
  options.time_zone = zone;
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 50);

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);
      const char *place = tl_event_get_place (e);
      const char *notes = tl_event_get_notes (e);
      const char *unit = tl_event_get_unit (e);

      if (place != NULL)
        {
          g_assert_cmpstr (place, !=, "Mid-Channel");
          g_assert_false (g_str_has_prefix (place, "Off "));
          offshore += g_str_has_suffix (place, " (au large)") || g_str_equal (place, "Milieu de la Manche");
        }
      if (notes != NULL)
        {
          with_notes++;
          g_assert_null (strstr (notes, " people"));
          g_assert_null (strstr (notes, "taken on board"));
          g_assert_null (strstr (notes, " patrol"));
          g_assert_null (strstr (notes, "Boat "));
          g_assert_null (strstr (notes, "Inflatable"));
        }
      /* stored by key: other desks show it in their own language */
      if (unit != NULL && (g_str_equal (unit, "Helicopter Dauphin") ||
                           g_str_equal (unit, "Helicopter Coastguard 163")))
        keyed++;
      if (unit != NULL)
        g_assert_null (strstr (unit, "Hélicoptère"));
    }
  g_assert_cmpuint (offshore, >, 0);
  g_assert_cmpuint (with_notes, >, events->len / 2);
  g_assert_cmpuint (keyed, >, 0);
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

  g_test_add_func ("/units/labels", test_units_labels);
  g_test_add_func ("/units/find-key", test_units_find_key);
  g_test_add_func ("/units/demo-french", test_units_demo_french);

  return g_test_run ();
}
