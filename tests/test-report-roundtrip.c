/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tl-demo.h"
#include "tl-report.h"

/* A report opened and saved again writes back bit for bit every field the
 * officer did not change: times to the second, positions to the last
 * digit, details as stored. Every kind of report the generator makes is
 * saved untouched, then with one field changed. */

/* 2026-11-26 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1795651200)

/* Helpers */

static JsonObject *
event_object (TlEvent *event)
{
  g_autofree char *json = tl_event_to_json (event);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* Every member of @a and @b the same, but @except; returns how many
 * differed. */
static guint
count_changed (TlEvent    *a,
               TlEvent    *b,
               const char *except)
{
  g_autoptr(JsonObject) x = event_object (a);
  g_autoptr(JsonObject) y = event_object (b);
  g_autoptr(GList) members = json_object_get_members (x);
  guint changed = 0;

  g_assert_cmpuint (json_object_get_size (x), ==, json_object_get_size (y));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *before = json_object_get_member (x, name);
      JsonNode *after = json_object_get_member (y, name);

      g_assert_nonnull (after);
      if (g_strcmp0 (name, except) == 0 || json_node_equal (before, after))
        continue;
      g_test_message ("%s changed: %s → %s", name, json_to_string (before, FALSE), json_to_string (after, FALSE));
      changed++;
    }
  return changed;
}

/* Tests */

static void
test_untouched_fields (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GPtrArray) events = NULL;
  TlDemoOptions options;
  gboolean seen[TL_EVENT_N_KINDS] = { FALSE };
  guint fields_changed = 0;

  tl_demo_options_init (&options, 7, T0, T0 + 3 * 86400);
  options.n_events = 300;
  events = tl_demo_generate_events (&options, NULL, NULL);
  g_assert_nonnull (events);

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);
      g_autoptr(TlReport) loaded = NULL;
      g_autoptr(TlReport) report = NULL;
      g_autoptr(TlEvent) saved = NULL;
      g_autoptr(TlEvent) edited = NULL;
      TlReportCheck check = { 0 };

      /* Stored to the second and to full precision, as another desk or
       * an import may have written it. */
      tl_event_set_time (event, tl_event_get_time (event) + 14);
      if (tl_event_has_position (event))
        tl_event_set_position (event, tl_event_get_latitude (event) + 0.0000123456,
                               tl_event_get_longitude (event) - 0.0000098765);

      loaded = tl_report_new_from_event (event, zone, TL_COORDINATE_FORMAT_DDM);
      report = tl_report_copy (loaded);
      seen[tl_event_get_kind (event)] = TRUE;
      if (!tl_report_validate (report, zone, T0, T0 + 30 * 86400, NULL, &check))
        {
          /* The generator may make what the form calls wrong; the form
           * does not save those. */
          tl_report_check_clear (&check);
          continue;
        }

      saved = tl_report_to_event_from (report, loaded, &check, event);
      fields_changed += count_changed (event, saved, NULL);
      tl_report_check_clear (&check);

      /* One field changed: that one only. */
      tl_report_set (report, TL_REPORT_FIELD_NOTES, "Changed at the second desk");
      g_assert_true (tl_report_validate (report, zone, T0, T0 + 30 * 86400, NULL, &check));
      edited = tl_report_to_event_from (report, loaded, &check, event);
      g_assert_cmpstr (tl_event_get_notes (edited), ==, "Changed at the second desk");
      fields_changed += count_changed (event, edited, "notes");
      tl_report_check_clear (&check);
    }

  g_print ("# fields changed by saves that did not touch them: %u\n", fields_changed);
  g_assert_cmpuint (fields_changed, ==, 0);
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    g_assert_true (seen[k]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/untouched-fields", test_untouched_fields);

  return g_test_run ();
}
