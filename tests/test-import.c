/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tl-cli.h"
#include "tl-demo.h"
#include "tl-export.h"
#include "tl-import.h"
#include "tl-route.h"
#include "tl-test-store.h"

/* Imports: CSV dialects, the corpus of malformed files (each refused with
 * its own message, the database untouched), re-imports without
 * duplicates, and the `export` and `import` commands. */

/* 2026-11-26 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1795651200)

/* Helpers */

static TlStore *
open_store (char **out_path)
{
  g_autoptr(GError) error = NULL;
  /* A file, or a database of the test server (tl-test-store.c). */
  g_autofree char *path = tl_test_store_is_server ()
                          ? tl_test_store_address ("test.db")
                          : g_build_filename (g_get_user_data_dir (), "tideline", "test.db", NULL);
  TlStore *store = tl_store_open (path, &error);

  g_assert_no_error (error);
  /* Opening a file made the test's data folder, which tests write into. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return store;
}

/* The event count and a hash of every event's JSON: "unchanged" means
 * both are the same. */
static char *
store_fingerprint (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tl_store_list_events (store, G_MININT64, G_MAXINT64, &error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *json = tl_event_to_json (g_ptr_array_index (events, i));
      g_checksum_update (checksum, (const guchar *) json, -1);
    }
  return g_strdup_printf ("%u:%s", events->len, g_checksum_get_string (checksum));
}

static TlImportResult *
import_text (const char        *text,
             TlExchangeFormat   format)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  TlImportResult *result;

  source = tl_import_source_new_from_bytes (bytes, format, "test", &error);
  g_assert_no_error (error);
  result = tl_import_source_validate (source, zone, &error);
  g_assert_no_error (error);
  if (result->problems->len > 0)
    {
      g_autofree char *report = tl_import_result_format_problems (result, 0);
      g_test_message ("%s", report);
    }
  return result;
}

static TlEvent *
event_at (TlImportResult *result,
          guint           i)
{
  g_assert_cmpuint (i, <, result->events->len);
  return g_ptr_array_index (result->events, i);
}

/* An imported event keeps its strings in one block (tl-event.c): each
 * field still changes, clears and frees on its own, and what it was
 * made with stays readable beside what replaced it. */
static void
test_event_strings (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "strings.csv", NULL);
  g_autoptr(TlStore) store = open_store (NULL);
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TlEvent *event;

  g_assert_true (g_file_set_contents (path, "time,kind,place,unit,notes,details\n"
                                            "2026-11-26T01:00:00Z,sighting,Wissant,SNSM Calais,Seen at dawn,"
                                            "\"{\"\"kind\"\":\"\"shore\"\"}\"\n", -1, NULL));
  g_assert_true (tl_import_file (path, NULL, store, FALSE, "desk 2", NULL, &result, &error));
  g_assert_no_error (error);
  event = event_at (result, 0);
  g_assert_cmpstr (tl_event_get_place (event), ==, "Wissant");
  g_assert_cmpstr (tl_event_get_unit (event), ==, "SNSM Calais");
  g_assert_cmpstr (tl_event_get_notes (event), ==, "Seen at dawn");
  g_assert_cmpstr (tl_event_get_details (event), ==, "{\"kind\":\"shore\"}");
  g_assert_cmpstr (tl_event_get_created_by (event), ==, "desk 2");

  tl_event_set_notes (event, "Seen at dawn, then lost");
  tl_event_set_unit (event, NULL);
  tl_event_set_place (event, "Wissant");
  tl_event_set_notes (event, "Lost");
  g_assert_cmpstr (tl_event_get_notes (event), ==, "Lost");
  g_assert_null (tl_event_get_unit (event));
  g_assert_cmpstr (tl_event_get_place (event), ==, "Wissant");
  g_assert_cmpstr (tl_event_get_details (event), ==, "{\"kind\":\"shore\"}");
  g_unlink (path);
}

/* Tests: dialects */

static void
test_csv_semicolon_decimal_comma_bom_crlf (void)
{
  /* French Excel: BOM, semicolons, CRLF, decimal commas, French headers,
   * separate date and time columns in local time. */
  g_autoptr(TlImportResult) result = import_text (
    "\xef\xbb\xbf" "Date;Heure;Type;Latitude;Longitude;Personnes;Bateaux;Unité;Lieu\r\n"
    "26/11/2026;14:05;sauvetage;50,9586;1,5867;42;1;SNSM Calais;Calais\r\n"
    "26/11/2026;23:30;Observation;50,1;1,2;;;;\r\n",
    TL_EXCHANGE_FORMAT_CSV);

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->events->len, ==, 2);
  g_assert_cmpint (tl_event_get_kind (event_at (result, 0)), ==, TL_EVENT_KIND_RESCUE);
  /* 14:05 in Paris, winter time: 13:05 UTC */
  g_assert_cmpint (tl_event_get_time (event_at (result, 0)), ==, T0 + 13 * 3600 + 5 * 60);
  g_assert_cmpfloat (tl_event_get_latitude (event_at (result, 0)), ==, 50.9586);
  g_assert_cmpfloat (tl_event_get_longitude (event_at (result, 0)), ==, 1.5867);
  g_assert_cmpint (tl_event_get_people (event_at (result, 0)), ==, 42);
  g_assert_cmpstr (tl_event_get_unit (event_at (result, 0)), ==, "SNSM Calais");
  g_assert_cmpstr (tl_event_get_place (event_at (result, 0)), ==, "Calais");
  g_assert_cmpint (tl_event_get_kind (event_at (result, 1)), ==, TL_EVENT_KIND_SIGHTING);
  g_assert_cmpint (tl_event_get_people (event_at (result, 1)), ==, TL_COUNT_UNKNOWN);
}

static void
test_csv_tab_quotes_newlines (void)
{
  g_autoptr(TlImportResult) result = import_text (
    "time\tkind\tnotes\tpeople\n"
    "2026-11-26T10:00:00Z\tsighting\t\"two lines:\nsecond, with \"\"quotes\"\"\"\t3\n"
    "\n"
    "2026-11-26T11:00:00Z\tarrival\tplain\t\n",
    TL_EXCHANGE_FORMAT_CSV);

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->events->len, ==, 2);
  g_assert_cmpstr (tl_event_get_notes (event_at (result, 0)), ==, "two lines:\nsecond, with \"quotes\"");
  g_assert_cmpint (tl_event_get_time (event_at (result, 1)), ==, T0 + 11 * 3600);
}

static void
test_csv_position_column_ddm (void)
{
  g_autoptr(TlImportResult) result = import_text (
    "when,position,type\n"
    "2026-11-26 10:00+00:00,\"50°57.520′N 001°35.200′E\",departure\n"
    "26.11.2026,50 57.520N 1 35.200E,patrol\n",
    TL_EXCHANGE_FORMAT_CSV);

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (tl_event_get_latitude (event_at (result, 0)), 50 + 57.52 / 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_event_get_longitude (event_at (result, 0)), 1 + 35.2 / 60, 1e-9);
  g_assert_cmpint (tl_event_get_time (event_at (result, 0)), ==, T0 + 10 * 3600);
  /* A date alone is local midnight. */
  g_assert_cmpint (tl_event_get_time (event_at (result, 1)), ==, T0 - 3600);
  g_assert_cmpfloat_with_epsilon (tl_event_get_latitude (event_at (result, 1)), 50 + 57.52 / 60, 1e-9);
}

static void
test_mapping_override (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("col1,col2\n2026-11-26T10:00:00Z,51\n", 33);
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  source = tl_import_source_new_from_bytes (bytes, TL_EXCHANGE_FORMAT_CSV, "x.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_import_source_get_column_field (source, 0), ==, TL_IMPORT_FIELD_NONE);
  g_assert_null (tl_import_source_validate (source, NULL, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNMAPPED);
  g_clear_error (&error);

  tl_import_source_set_column_field (source, 0, TL_IMPORT_FIELD_TIME);
  tl_import_source_set_column_field (source, 1, TL_IMPORT_FIELD_PEOPLE);
  result = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_event_get_people (event_at (result, 0)), ==, 51);

  g_assert_cmpint (tl_import_field_guess ("Unité"), ==, TL_IMPORT_FIELD_UNIT);
  g_assert_cmpint (tl_import_field_guess ("lng"), ==, TL_IMPORT_FIELD_LONGITUDE);
  g_assert_cmpint (tl_import_field_guess ("Latitude (WGS84)"), ==, TL_IMPORT_FIELD_LATITUDE);
}

static void
test_csv_formula_escape (void)
{
  /* Tideline's exports put a "'" before text a spreadsheet would run as
   * a formula (and before a leading "'"); one such "'" is dropped, any
   * other is text. */
  g_autoptr(TlImportResult) result = import_text (
    "time,notes,place,unit\n"
    "2026-11-26T10:00:00Z,'=SUM(A1:A9),'-3 miles off,'@cross\n"
    "2026-11-26T11:00:00Z,''quoted,'+33 6,it's\n"
    "2026-11-26T12:00:00Z,'plain,',\"'\t=x\"\n"
    "2026-11-26T13:00:00Z,\"'\r\n=x\",\"'\"\"=x\"\"\",'''\n",
    TL_EXCHANGE_FORMAT_CSV);

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->events->len, ==, 4);
  g_assert_cmpstr (tl_event_get_notes (event_at (result, 0)), ==, "=SUM(A1:A9)");
  g_assert_cmpstr (tl_event_get_place (event_at (result, 0)), ==, "-3 miles off");
  g_assert_cmpstr (tl_event_get_unit (event_at (result, 0)), ==, "@cross");
  g_assert_cmpstr (tl_event_get_notes (event_at (result, 1)), ==, "'quoted");
  g_assert_cmpstr (tl_event_get_place (event_at (result, 1)), ==, "+33 6");
  g_assert_cmpstr (tl_event_get_unit (event_at (result, 1)), ==, "it's");
  g_assert_cmpstr (tl_event_get_notes (event_at (result, 2)), ==, "'plain");
  g_assert_cmpstr (tl_event_get_place (event_at (result, 2)), ==, "'");
  /* Cells are trimmed after the "'" goes: the tab goes too. */
  g_assert_cmpstr (tl_event_get_unit (event_at (result, 2)), ==, "=x");
  /* A quoted CRLF arrives as a line break, after which the "'" goes too. */
  g_assert_cmpstr (tl_event_get_notes (event_at (result, 3)), ==, "=x");
  g_assert_cmpstr (tl_event_get_place (event_at (result, 3)), ==, "'\"=x\"");
  g_assert_cmpstr (tl_event_get_unit (event_at (result, 3)), ==, "''");
}

static void
test_kml_multigeometry_route (void)
{
  /* Another program's patrol: a point and its route, no details. */
  g_autoptr(TlImportResult) result = import_text (
    "<?xml version=\"1.0\"?>\n"
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Folder>\n"
    "<Placemark><name>Patrol</name><TimeStamp><when>2026-11-26T10:00:00Z</when></TimeStamp>\n"
    "<ExtendedData><Data name=\"kind\"><value>patrol</value></Data></ExtendedData>\n"
    "<MultiGeometry><Point><coordinates>1.5,50.9,0</coordinates></Point>\n"
    "<LineString><coordinates>\n 1.5,50.9,0\n 1.75,51,0 -0.25,50.5\n</coordinates></LineString></MultiGeometry>\n"
    "</Placemark></Folder></Document></kml>\n",
    TL_EXCHANGE_FORMAT_KML);
  g_autoptr(GArray) route = g_array_new (FALSE, FALSE, sizeof (double));
  TlEvent *patrol;

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->events->len, ==, 1);
  patrol = event_at (result, 0);
  g_assert_cmpint (tl_event_get_kind (patrol), ==, TL_EVENT_KIND_PATROL);
  g_assert_cmpfloat (tl_event_get_latitude (patrol), ==, 50.9);
  g_assert_cmpfloat (tl_event_get_longitude (patrol), ==, 1.5);
  g_assert_true (tl_route_parse (tl_event_get_details (patrol), route));
  g_assert_cmpuint (route->len, ==, 6);
  g_assert_cmpfloat (g_array_index (route, double, 0), ==, 1.5);
  g_assert_cmpfloat (g_array_index (route, double, 1), ==, 50.9);
  g_assert_cmpfloat (g_array_index (route, double, 2), ==, 1.75);
  g_assert_cmpfloat (g_array_index (route, double, 3), ==, 51);
  g_assert_cmpfloat (g_array_index (route, double, 4), ==, -0.25);
  g_assert_cmpfloat (g_array_index (route, double, 5), ==, 50.5);
}

/* A GPX route (<rte>), as route planners write a patrol's way: a patrol
 * along it, from its first point's time to its last's; one with a single
 * point is refused. */
static void
test_gpx_route (void)
{
  g_autoptr(TlImportResult) result = import_text (
    "<?xml version=\"1.0\"?>\n"
    "<gpx version=\"1.1\" creator=\"planner\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    "<rte><name>Night patrol</name><desc>Cap Gris-Nez to Calais</desc>\n"
    "<rtept lat=\"50.87\" lon=\"1.58\"><time>2026-11-26T21:00:00Z</time></rtept>\n"
    "<rtept lat=\"50.93\" lon=\"1.72\"/>\n"
    "<rtept lat=\"50.97\" lon=\"1.85\"><time>2026-11-26T23:30:00Z</time></rtept>\n"
    "</rte>\n"
    "<rte><name>Short</name>\n"
    "<rtept lat=\"50.8\" lon=\"1.6\"><time>2026-11-26T22:00:00Z</time></rtept>\n"
    "</rte>\n"
    "</gpx>\n",
    TL_EXCHANGE_FORMAT_GPX);
  g_autoptr(GArray) route = g_array_new (FALSE, FALSE, sizeof (double));
  TlImportProblem *problem;
  TlEvent *patrol;

  g_assert_cmpuint (result->events->len, ==, 1);
  patrol = event_at (result, 0);
  g_assert_cmpint (tl_event_get_kind (patrol), ==, TL_EVENT_KIND_PATROL);
  g_assert_cmpint (tl_event_get_time (patrol), ==, 1795726800);
  g_assert_cmpint (tl_event_get_end_time (patrol), ==, 1795735800);
  g_assert_cmpfloat (tl_event_get_latitude (patrol), ==, 50.87);
  g_assert_cmpfloat (tl_event_get_longitude (patrol), ==, 1.58);
  g_assert_true (tl_route_parse (tl_event_get_details (patrol), route));
  g_assert_cmpuint (route->len, ==, 6);
  g_assert_cmpfloat (g_array_index (route, double, 2), ==, 1.72);
  g_assert_cmpfloat (g_array_index (route, double, 5), ==, 50.97);

  g_assert_cmpuint (result->problems->len, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_cmpuint (problem->line, ==, 8);
  g_assert_nonnull (strstr (problem->message, "the route has fewer than two points"));
}

/* Tests: the malformed corpus */

typedef struct {
  const char *file;
  const char *message;   /* a part of the error or of the first problem */
  guint       line;      /* of the first problem, 0 when the file is refused whole */
} Malformed;

static const Malformed corpus[] = {
  { "bad-time.csv", "“32/13/2026 10:00” cannot be read", 3 },
  { "bad-kind.csv", "the kind “bateau” is unknown", 3 },
  { "bad-position.csv", "the position “95°N 200°E” cannot be read", 3 },
  { "bad-count.csv", "“about 40” is not a whole number", 2 },
  { "bad-fields.csv", "it has 5 fields where the header has 3", 3 },
  { "bad-details.csv", "the details are not a JSON object", 2 },
  { "end-before-start.csv", "before it starts", 2 },
  { "unclosed-quote.csv", "Line 2 of “unclosed-quote.csv”: a quoted field is never closed", 0 },
  { "no-time-column.csv", "No column of “no-time-column.csv” gives the date and time", 0 },
  { "empty.csv", "“empty.csv” holds no events", 0 },
  { "not-json.geojson", "“not-json.geojson” is not valid JSON", 0 },
  { "not-geojson.geojson", "is JSON but not a GeoJSON FeatureCollection", 0 },
  { "polygon.geojson", "its geometry is a Polygon", 1 },
  { "bad-xml.kml", "of “bad-xml.kml” is not valid XML", 0 },
  { "line.kml", "it is a line or an area", 3 },
  { "bad-route.kml", "a point of its route, “2,95”, is not “longitude,latitude”", 4 },
  { "wrong-root.gpx", "“wrong-root.gpx” is XML but not a GPX file", 0 },
  { "bad-time.gpx", "the time “yesterday” has no date", 4 },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", m->file, NULL);
  g_autoptr(TlStore) store = open_store (NULL);
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TlEvent *event = tl_event_new (TL_EVENT_KIND_PATROL);

  tl_event_set_time (event, T0);
  g_ptr_array_add (seed, event);
  g_assert_true (tl_store_add_events (store, seed, "test", &error));
  before = store_fingerprint (store);

  source = tl_import_source_new_from_file (path, &error);
  if (source != NULL)
    result = tl_import_source_validate (source, NULL, &error);

  if (m->line == 0)
    {
      g_assert_null (result);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", m->file, error->message);
      g_assert_nonnull (strstr (error->message, m->message));
    }
  else
    {
      TlImportProblem *problem;

      g_assert_no_error (error);
      g_assert_cmpuint (result->problems->len, >=, 1);
      problem = g_ptr_array_index (result->problems, 0);
      g_test_message ("%s: line %u: %s", m->file, problem->line, problem->message);
      g_assert_cmpuint (problem->line, ==, m->line);
      g_assert_nonnull (strstr (problem->message, m->message));

      g_assert_false (tl_import_result_commit (result, store, FALSE, FALSE, "test", &error));
      g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BAD_ROWS);
    }

  after = store_fingerprint (store);
  g_assert_cmpstr (before, ==, after);
}

/* Tests: commits */

/* A content key is the SHA-256 of the row's fields as printf writes them
 * in the C locale, whatever the locale: this builds it the long way for
 * coordinates printf must round (ties at the 7th decimal, tiny negatives)
 * and compares. */
static void
test_content_key_stable (void)
{
  static const double coordinates[][2] = {
    { 0.00390625, -0.00390625 },        /* exactly halfway: printf rounds to even */
    { 50.12345675, 1.00000005 },
    { -0.00000001, 179.99999999 },
    { 51.0085893760165, 2.1066750810517 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (coordinates); i++)
    {
      g_autofree char *csv = NULL;
      g_autofree char *message = NULL;
      g_autofree char *digest = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(TlImportResult) result = NULL;
      char lat[64], lon[64];

      csv = g_strdup_printf ("time,kind,latitude,longitude,people,place,notes,details\n"
                             "2026-11-26T10:00:00Z,sighting,%.17g,%.17g,12,Wissant,Seen,\"{\"\"a\"\":1}\"\n",
                             coordinates[i][0], coordinates[i][1]);
      result = import_text (csv, TL_EXCHANGE_FORMAT_CSV);
      g_assert_cmpuint (result->events->len, ==, 1);

      g_snprintf (lat, sizeof lat, "%.7f", tl_event_get_latitude (event_at (result, 0)));
      g_snprintf (lon, sizeof lon, "%.7f", tl_event_get_longitude (event_at (result, 0)));
      message = g_strdup_printf ("sighting\x1f%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "\x1f%s,%s\x1f"
                                 "-1,12,-1,-1,-1\x1fWissant\x1f\x1freported\x1fSeen\x1f{\"a\":1}\x1f",
                                 (gint64) 1795687200, (gint64) G_MININT64, lat, lon);
      digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, message, -1);
      expected = g_strdup_printf ("c1:%s:0", digest);
      g_assert_cmpstr (g_ptr_array_index (result->keys, 0), ==, expected);
    }
}

static void
test_reimport_no_duplicates (void)
{
  g_autoptr(TlStore) store = open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportResult) first = NULL;
  g_autoptr(TlImportResult) again = NULL;
  g_autoptr(TlImportResult) dry = NULL;
  const char *csv =
    "time,kind,people\n"
    "2026-11-26T10:00:00Z,sighting,12\n"
    "2026-11-26T10:00:00Z,sighting,12\n"    /* the same twice: two boats */
    "2026-11-26T11:00:00Z,rescue,40\n";

  first = import_text (csv, TL_EXCHANGE_FORMAT_CSV);
  g_assert_true (tl_import_result_commit (first, store, FALSE, FALSE, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_added, ==, 3);
  g_assert_cmpuint (first->n_already, ==, 0);
  g_assert_cmpint (tl_event_get_id (event_at (first, 0)), >, 0);

  dry = import_text (csv, TL_EXCHANGE_FORMAT_CSV);
  g_assert_true (tl_import_result_commit (dry, store, FALSE, TRUE, "test", &error));
  g_assert_cmpuint (dry->n_added, ==, 0);
  g_assert_cmpuint (dry->n_already, ==, 3);

  again = import_text (csv, TL_EXCHANGE_FORMAT_CSV);
  g_assert_true (tl_import_result_commit (again, store, FALSE, FALSE, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_already, ==, 3);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 3);
}

/* A big file is validated by several threads, each over a slice of its
 * rows: what comes out is what one thread reading in order gives. Rows
 * repeat across the slices (their content keys are numbered in file
 * order), the details repeat (each text is parsed once per thread), and
 * bad rows sit in every slice. */
static void
test_big_file_in_slices (void)
{
  g_autoptr(GString) csv = g_string_new ("time,kind,people,details\n");
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  const guint n_rows = 20000;
  guint n_bad = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      if (i % 4999 == 17)
        {
          /* Line i + 2: a bad kind, then a details text that is not JSON. */
          g_string_append_printf (csv, "2026-11-26T10:%02u:00Z,%s,3,\"%s\"\n", i % 60,
                                  n_bad % 2 ? "sighting" : "bateau",
                                  n_bad % 2 ? "{not json" : "{\"\"ok\"\":1}");
          n_bad++;
          continue;
        }
      /* Ten distinct rows, over and over. */
      g_string_append_printf (csv, "2026-11-26T10:%02u:00Z,sighting,%u,\"{\"\"boat_type\"\":\"\"%s\"\"}\"\n",
                              i % 10, i % 10, i % 2 ? "rib" : "inflatable");
    }

  result = import_text (csv->str, TL_EXCHANGE_FORMAT_CSV);
  g_assert_cmpuint (result->n_rows, ==, n_rows);
  g_assert_cmpuint (result->problems->len, ==, n_bad);
  g_assert_cmpuint (result->events->len, ==, n_rows - n_bad);
  g_assert_cmpuint (result->keys->len, ==, result->events->len);

  /* Problems in file order, each at its own line. */
  for (guint k = 0, i = 17; k < n_bad; k++, i += 4999)
    {
      TlImportProblem *problem = g_ptr_array_index (result->problems, k);

      g_assert_cmpuint (problem->line, ==, i + 2);
      g_assert_nonnull (strstr (problem->message, k % 2 ? "not a JSON object" : "“bateau” is unknown"));
    }

  /* Events in file order; the n-th copy of a row has the key ending
   * ":n", whichever slice it was read in; no key twice. */
  for (guint e = 0, i = 0; i < n_rows; i++)
    {
      const char *key;
      g_autofree char *suffix = NULL;
      guint copy = 0;

      if (i % 4999 == 17)
        continue;
      for (guint j = i % 10; j < i; j += 10)
        copy += j % 4999 != 17;
      key = g_ptr_array_index (result->keys, e);
      suffix = g_strdup_printf (":%u", copy);
      g_assert_true (g_str_has_prefix (key, "c1:"));
      g_assert_true (g_str_has_suffix (key, suffix));
      g_assert_true (g_hash_table_add (keys, (gpointer) key));
      g_assert_cmpint (tl_event_get_people (event_at (result, e)), ==, i % 10);
      e++;
    }
}

/* `tideline import FILE`: read, validated and written in one pass, in
 * chunks that overlap, with the same result as validating first and
 * writing after; a bad last row still leaves the store as it was. */
static void
test_file_in_one_pass (void)
{
  g_autoptr(GString) csv = g_string_new ("time,kind,people,notes\n");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "big.csv", NULL);
  g_autofree char *db_path = NULL;
  g_autoptr(TlStore) store = open_store (&db_path);
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(TlImportResult) again = NULL;
  g_autoptr(TlImportResult) two_steps = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_rows = 30000;
  guint line = 1;

  for (guint i = 0; i < n_rows; i++)
    {
      /* Ten distinct rows, over and over; one in seven has a note on two
       * lines, so lines and rows part ways. */
      if (i % 7 == 0)
        {
          g_string_append_printf (csv, "2026-11-26T10:%02u:00Z,sighting,%u,\"Seen off\nWissant\"\n", i % 10, i % 10);
          line += 2;
        }
      else
        {
          g_string_append_printf (csv, "2026-11-26T10:%02u:00Z,sighting,%u,Seen\n", i % 10, i % 10);
          line++;
        }
    }
  g_string_append (csv, "2026-11-26T11:00:00Z,bateau,3,Last\n");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);

  /* All or nothing: the last row is bad. */
  g_assert_false (tl_import_file (path, NULL, store, FALSE, "test", &source, &result, &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BAD_ROWS);
  g_clear_error (&error);
  g_assert_nonnull (source);
  g_assert_cmpuint (result->n_rows, ==, n_rows + 1);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_cmpuint (((TlImportProblem *) result->problems->pdata[0])->line, ==, line + 1);
  g_assert_cmpuint (result->n_added, ==, 0);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 0);
  g_clear_pointer (&result, tl_import_result_free);
  /* Its rows were let go as they were checked; the mapping stays. */
  g_assert_cmpuint (tl_import_source_get_n_rows (source), ==, n_rows + 1);
  g_assert_null (tl_import_source_get_cell (source, 0, 0));
  g_assert_cmpint (tl_import_source_get_column_field (source, 0), ==, TL_IMPORT_FIELD_TIME);
  g_clear_pointer (&source, tl_import_source_free);

  /* The good rows, as validating first and writing after gives them. */
  source = tl_import_source_new_from_file (path, &error);
  g_assert_no_error (error);
  two_steps = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_import_file (path, NULL, store, TRUE, "test", NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, n_rows);
  g_assert_cmpuint (result->keys->len, ==, two_steps->keys->len);
  g_assert_cmpmem (result->key_digests->data, result->key_digests->len,
                   two_steps->key_digests->data, two_steps->key_digests->len);
  for (guint i = 0; i < result->keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (result->keys, i), ==, g_ptr_array_index (two_steps->keys, i));
  g_assert_cmpint (tl_event_get_id (event_at (result, n_rows - 1)), ==,
                   tl_event_get_id (event_at (result, 0)) + n_rows - 1);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, n_rows);

  /* Every note found by its words, the two-line ones too. */
  {
    g_autoptr(GArray) found = tl_store_search_events (store, "wissant", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, (n_rows + 6) / 7);
  }

  /* Again: nothing new. */
  g_assert_true (tl_import_file (path, NULL, store, TRUE, "test", NULL, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_added, ==, 0);
  g_assert_cmpuint (again->n_already, ==, n_rows);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, n_rows);
}

static void
test_skip_bad_rows (void)
{
  g_autoptr(TlStore) store = open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportResult) result = import_text (
    "time,kind,people\n"
    "2026-11-26T10:00:00Z,sighting,12\n"
    "2026-11-26T10:00:00Z,bateau,12\n"
    "yesterday,sighting,x\n",
    TL_EXCHANGE_FORMAT_CSV);
  g_autofree char *report = tl_import_result_format_problems (result, 1);

  g_assert_cmpuint (result->problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (report, "Line 3: the kind “bateau” is unknown"));
  g_assert_nonnull (strstr (report, "… and 1 more row"));

  g_assert_true (tl_import_result_commit (result, store, TRUE, FALSE, "test", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_added, ==, 1);
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 1);
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  gsize big = TL_IMPORT_MAX_BYTES + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (big), big);
  g_autoptr(GString) rows = g_string_new ("time\n");
  g_autoptr(GBytes) many = NULL;

  g_assert_null (tl_import_source_new_from_bytes (bytes, TL_EXCHANGE_FORMAT_CSV, "big.csv", &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "Tideline imports files up to 100.0"));
  g_clear_error (&error);

  for (guint i = 0; i <= TL_IMPORT_MAX_ROWS; i++)
    g_string_append (rows, "1\n");
  many = g_string_free_to_bytes (g_steal_pointer (&rows));
  g_assert_null (tl_import_source_new_from_bytes (many, TL_EXCHANGE_FORMAT_CSV, "many.csv", &error));
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_MANY_ROWS);
}

/* Tests: the commands */

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char **argv = NULL;
  va_list ap;
  int status;

  g_ptr_array_add (args, g_strdup ("tideline"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);

  g_ptr_array_add (args, NULL);

  /* GOptionContext moves the pointers around: give it its own array. */
  argv = g_memdup2 (args->pdata, sizeof (char *) * args->len);
  status = tl_cli_main ((int) args->len - 1, argv);
  return status;
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  /* In the test's own data folder, which GLib removes with everything
   * left in it (the databases' -wal and -shm files too). */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *gpx = g_build_filename (dir, "out.gpx", NULL);
  g_autofree char *other = tl_test_store_is_server () ? tl_test_store_address ("other.db")
                                                      : g_build_filename (dir, "other.db", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "import", "bad-kind.csv", NULL);
  g_autoptr(TlStore) store = open_store (&db);
  g_autoptr(TlStore) reopened = NULL;
  TlDemoOptions options;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  tl_demo_options_init (&options, 3, T0, T0 + 2 * 86400);
  options.n_events = 40;
  g_assert_true (tl_demo_generate (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Bad arguments: 2 */
  g_assert_cmpint (run_cli ("export", "--database", db, NULL), ==, 2);
  g_assert_cmpint (run_cli ("export", "--database", db, "--format", "shp", "-o", csv, NULL), ==, 2);
  g_assert_cmpint (run_cli ("export", "--database", db, "-o", "x.xlsx", NULL), ==, 2);
  g_assert_cmpint (run_cli ("export", "--database", db, "--from", "2026-11-27", "--to", "2026-11-26",
                            "-o", csv, NULL), ==, 2);
  g_assert_cmpint (run_cli ("export", "--database", db, "--from", "someday", "-o", csv, NULL), ==, 2);
  g_assert_cmpint (run_cli ("export", "--bogus", NULL), ==, 2);
  g_assert_cmpint (run_cli ("export", "--demo", "--database", db, "-o", csv, NULL), ==, 2);
  g_assert_cmpint (run_cli ("import", "--database", db, NULL), ==, 2);
  g_assert_cmpint (run_cli ("import", "--database", db, csv, gpx, NULL), ==, 2);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  /* Success: 0 */
  g_assert_cmpint (run_cli ("export", "--database", db, "--format", "csv", "-o", csv, NULL), ==, 0);
  g_assert_cmpint (run_cli ("export", "--database", db, "--from", "2026-11-27", "-o", gpx, NULL), ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (gpx, G_FILE_TEST_EXISTS));

  /* --dry-run writes nothing; the import adds everything once. */
  g_assert_cmpint (run_cli ("import", "--dry-run", "--database", other, csv, NULL), ==, 0);
  reopened = tl_store_open (other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tl_store_count_events (reopened, NULL), ==, 0);
  g_assert_cmpint (run_cli ("import", "--database", other, csv, NULL), ==, 0);
  g_assert_cmpint (tl_store_count_events (reopened, NULL), ==, 40);
  g_assert_cmpint (run_cli ("import", "--database", other, csv, NULL), ==, 0);
  g_assert_cmpint (tl_store_count_events (reopened, NULL), ==, 40);

  /* Failure: 1, and nothing written; --skip-bad-rows takes the good rows. */
  g_assert_cmpint (run_cli ("import", "--database", other, bad, NULL), ==, 1);
  g_assert_cmpint (run_cli ("import", "--database", other, "/no/such/file.csv", NULL), ==, 1);
  g_assert_cmpint (run_cli ("export", "--database", db, "-o", "/no/such/dir/x.csv", NULL), ==, 1);
  g_assert_cmpint (tl_store_count_events (reopened, NULL), ==, 40);
  g_assert_cmpint (run_cli ("import", "--skip-bad-rows", "--database", other, bad, NULL), ==, 0);
  g_assert_cmpint (tl_store_count_events (reopened, NULL), ==, 41);

}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/csv/semicolon-decimal-comma-bom-crlf", test_csv_semicolon_decimal_comma_bom_crlf);
  g_test_add_func ("/import/csv/tab-quotes-newlines", test_csv_tab_quotes_newlines);
  g_test_add_func ("/import/csv/position-column-ddm", test_csv_position_column_ddm);
  g_test_add_func ("/import/mapping-override", test_mapping_override);
  g_test_add_func ("/import/csv/formula-escape", test_csv_formula_escape);
  g_test_add_func ("/import/kml/multigeometry-route", test_kml_multigeometry_route);
  g_test_add_func ("/import/gpx/route", test_gpx_route);
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/malformed/%s", corpus[i].file);
      g_test_add_data_func (name, &corpus[i], test_malformed);
    }
  g_test_add_func ("/import/content-key-stable", test_content_key_stable);
  g_test_add_func ("/import/reimport-no-duplicates", test_reimport_no_duplicates);
  g_test_add_func ("/import/big-file-in-slices", test_big_file_in_slices);
  g_test_add_func ("/import/file-in-one-pass", test_file_in_one_pass);
  g_test_add_func ("/import/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/import/event-strings", test_event_strings);
  g_test_add_func ("/import/limits", test_limits);
  g_test_add_func ("/import/cli", test_cli);

  return g_test_run ();
}
