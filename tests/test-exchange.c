/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "tl-demo.h"
#include "tl-export.h"
#include "tl-route.h"
#include "tl-import.h"

/* Exports: each format read back through the importer gives the same
 * events, and each file opens in GDAL/OGR with the right features. */

/* 2026-11-26 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1795651200)

/* Helpers */

/* A generated day, plus the awkward cases: text with separators, quotes,
 * line breaks and markup, unknown counts, no position, a patrol route. */
static GPtrArray *
make_events (void)
{
  g_autoptr(GError) error = NULL;
  TlDemoOptions options;
  GPtrArray *events;
  TlEvent *event;

  tl_demo_options_init (&options, 7, T0, T0 + 86400);
  options.n_events = 60;
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);

  event = tl_event_new (TL_EVENT_KIND_SIGHTING);
  tl_event_set_time (event, T0 + 3600);
  tl_event_set_place (event, "Équihen-Plage, \"north\" beach");
  tl_event_set_notes (event, "Two boats; one said:\n\"we are 40, <help> & fast\"\nthen nothing");
  tl_event_set_unit (event, "CROSS Gris-Nez");
  tl_event_set_people (event, 0);
  g_ptr_array_add (events, event);

  event = tl_event_new (TL_EVENT_KIND_PATROL);
  tl_event_set_time (event, T0 + 7200);
  tl_event_set_end_time (event, T0 + 7200 + 5400);
  tl_event_set_position (event, 50.9586712, 1.5867123);
  tl_event_set_status (event, TL_EVENT_STATUS_CLOSED);
  tl_event_set_details (event, "{\"route\":[[1.5867123,50.9586712],[1.7,50.99],[1.81,51.02]]}");
  g_ptr_array_add (events, event);

  return events;
}

static GPtrArray *
placed_only (GPtrArray *events)
{
  GPtrArray *placed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < events->len; i++)
    if (tl_event_has_position (g_ptr_array_index (events, i)))
      g_ptr_array_add (placed, g_object_ref (g_ptr_array_index (events, i)));
  return placed;
}

static void
assert_same_events (GPtrArray *expected,
                    GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      TlEvent *a = g_ptr_array_index (expected, i);
      TlEvent *b = g_ptr_array_index (actual, i);

      if (!tl_event_equal_content (a, b))
        {
          g_autofree char *ja = tl_event_to_json (a);
          g_autofree char *jb = tl_event_to_json (b);

          g_test_message ("event %u differs:\n%s\n%s", i, ja, jb);
          g_assert_not_reached ();
        }
    }
}

static TlImportResult *
import_bytes (GBytes           *bytes,
              TlExchangeFormat  format)
{
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  TlImportResult *result;

  source = tl_import_source_new_from_bytes (bytes, format, "export", &error);
  g_assert_no_error (error);
  result = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);
  if (result->problems->len > 0)
    {
      g_autofree char *report = tl_import_result_format_problems (result, 10);
      g_test_message ("%s", report);
    }
  g_assert_cmpuint (result->problems->len, ==, 0);
  return result;
}

/* The index of column @name in @header. */
static guint
csv_column (GStrv       header,
            const char *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("the CSV has no column “%s”", name);
}

/* Tests */

static void
test_round_trip (gconstpointer data)
{
  TlExchangeFormat format = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) all = make_events ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TlImportSource) source = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A GPX waypoint must have a position. */
  expected = format == TL_EXCHANGE_FORMAT_GPX ? placed_only (all) : g_ptr_array_ref (all);

  bytes = tl_export_events_to_bytes (all, format, &error);
  g_assert_no_error (error);

  source = tl_import_source_new_from_bytes (bytes, format, "export", &error);
  g_assert_no_error (error);
  result = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);

  if (result->problems->len > 0)
    {
      g_autofree char *report = tl_import_result_format_problems (result, 10);
      g_test_message ("%s", report);
    }
  g_assert_cmpuint (result->problems->len, ==, 0);
  assert_same_events (expected, result->events);
}

/* Notes, places and units that a spreadsheet would run as formulas, and
 * texts that start with the escape itself. */
static const char * const formula_texts[] = {
  "=HYPERLINK(\"http://x\")",
  "+33 6 12 34 56 78",
  "-5 °C at sea",
  "@unit",
  "'quoted",
  "''two",
  "'",
  "=1+1",
  "it's = fine",
};

#define N_FORMULA_TEXTS G_N_ELEMENTS (formula_texts)

static void
test_csv_formula_escaped (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  const char *csv;
  guint notes, place, unit, longitude, latitude;
  gboolean seen_sum = FALSE, seen_tab = FALSE;
  TlEvent *event;

  for (guint i = 0; i < N_FORMULA_TEXTS; i++)
    {
      event = tl_event_new (TL_EVENT_KIND_SIGHTING);
      tl_event_set_time (event, T0 + i * 60);
      tl_event_set_position (event, 50.5, -1.25 - i);
      tl_event_set_notes (event, formula_texts[i]);
      tl_event_set_place (event, formula_texts[(i + 1) % N_FORMULA_TEXTS]);
      tl_event_set_unit (event, formula_texts[(i + 2) % N_FORMULA_TEXTS]);
      g_ptr_array_add (events, event);
    }
  event = tl_event_new (TL_EVENT_KIND_RESCUE);
  tl_event_set_time (event, T0 + 3600);
  tl_event_set_position (event, 50.75, -0.5);
  tl_event_set_notes (event, "\t=SUM(A1:A9)");
  tl_event_set_place (event, "-1.5");
  g_ptr_array_add (events, event);

  bytes = tl_export_events_to_bytes (events, TL_EXCHANGE_FORMAT_CSV, &error);
  g_assert_no_error (error);
  csv = g_bytes_get_data (bytes, NULL);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  lines = g_strsplit (csv + 3, "\r\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  notes = csv_column (header, "notes");
  place = csv_column (header, "place");
  unit = csv_column (header, "unit");
  longitude = csv_column (header, "longitude");
  latitude = csv_column (header, "latitude");

  /* No cell here holds a comma: a row splits on them. */
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (header));
      if (i <= N_FORMULA_TEXTS)
        {
          char expected[G_ASCII_DTOSTR_BUF_SIZE];

          /* Negative longitudes are numbers: never escaped. */
          g_ascii_formatd (expected, sizeof expected, "%g", -1.25 - (i - 1));
          g_assert_cmpstr (cells[longitude], ==, expected);
        }
      if (g_str_equal (cells[notes], "'=1+1"))
        {
          seen_sum = TRUE;
          /* Text that does not start like a formula is left alone. */
          g_assert_cmpstr (cells[place], ==, "it's = fine");
          g_assert_cmpstr (cells[unit], ==, "\"'=HYPERLINK(\"\"http://x\"\")\"");
        }
      else if (g_str_equal (cells[notes], "'\t=SUM(A1:A9)"))
        {
          seen_tab = TRUE;
          /* A place is text, even when it reads as a number; numbers
           * are numbers, even negative ones. */
          g_assert_cmpstr (cells[place], ==, "'-1.5");
          g_assert_cmpstr (cells[unit], ==, "");
          g_assert_cmpstr (cells[longitude], ==, "-0.5");
          g_assert_cmpstr (cells[latitude], ==, "50.75");
        }
    }
  g_assert_true (seen_sum);
  g_assert_true (seen_tab);
  g_assert_nonnull (strstr (csv, ",'''two,"));
  g_assert_nonnull (strstr (csv, ",''quoted,"));
  g_assert_nonnull (strstr (csv, ",'+33 6 12 34 56 78,"));
  g_assert_nonnull (strstr (csv, ",'@unit,"));
  g_assert_nonnull (strstr (csv, ",'-5 °C at sea,"));

  /* Read back: the very same texts. (The importer trims cells, so the
   * note led by a tab comes back without it, as it always did.) */
  result = import_bytes (bytes, TL_EXCHANGE_FORMAT_CSV);
  g_assert_cmpuint (result->events->len, ==, events->len);
  for (guint i = 0; i < N_FORMULA_TEXTS; i++)
    {
      event = g_ptr_array_index (result->events, i);
      g_assert_cmpstr (tl_event_get_notes (event), ==, formula_texts[i]);
      g_assert_cmpstr (tl_event_get_place (event), ==, formula_texts[(i + 1) % N_FORMULA_TEXTS]);
      g_assert_cmpstr (tl_event_get_unit (event), ==, formula_texts[(i + 2) % N_FORMULA_TEXTS]);
      g_assert_cmpfloat (tl_event_get_longitude (event), ==, -1.25 - i);
      g_assert_true (tl_event_equal_content (g_ptr_array_index (events, i), event));
    }
  event = g_ptr_array_index (result->events, N_FORMULA_TEXTS);
  g_assert_cmpstr (tl_event_get_notes (event), ==, "=SUM(A1:A9)");
  g_assert_cmpstr (tl_event_get_place (event), ==, "-1.5");
  g_assert_cmpfloat (tl_event_get_longitude (event), ==, -0.5);
}

static char *
xpath_string (xmlXPathContext *context,
              const char      *expression)
{
  xmlXPathObject *object = xmlXPathEvalExpression (BAD_CAST expression, context);
  char *text;

  g_assert_nonnull (object);
  g_assert_cmpint (object->type, ==, XPATH_STRING);
  text = g_strdup ((const char *) object->stringval);
  xmlXPathFreeObject (object);
  return text;
}

static void
test_kml_route (void)
{
  g_autoptr(GPtrArray) events = make_events ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_placemarks = NULL, *n_multi = NULL, *point = NULL, *line = NULL, *details = NULL;
  TlEvent *patrol = g_ptr_array_index (events, events->len - 1);
  xmlXPathContext *context;
  xmlDoc *doc;
  const char *kml;
  gsize size;

  g_assert_nonnull (strstr (tl_event_get_details (patrol), "\"route\""));
  bytes = tl_export_events_to_bytes (events, TL_EXCHANGE_FORMAT_KML, &error);
  g_assert_no_error (error);
  kml = g_bytes_get_data (bytes, &size);

  doc = xmlReadMemory (kml, (int) size, NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, BAD_CAST "k", BAD_CAST "http://www.opengis.net/kml/2.2");

  /* One Placemark per event; the one patrol with a route has its point
   * and its line, lon,lat, starting at the point. */
  n_placemarks = xpath_string (context, "string(count(//k:Placemark))");
  g_assert_cmpuint (g_ascii_strtoull (n_placemarks, NULL, 10), ==, events->len);
  n_multi = xpath_string (context, "string(count(//k:Placemark/k:MultiGeometry))");
  g_assert_cmpstr (n_multi, ==, "1");
  point = xpath_string (context, "string(//k:Placemark/k:MultiGeometry/k:Point/k:coordinates)");
  g_assert_cmpstr (point, ==, "1.5867123,50.9586712");
  line = xpath_string (context, "string(//k:Placemark/k:MultiGeometry/k:LineString/k:coordinates)");
  g_assert_cmpstr (line, ==, "1.5867123,50.9586712 1.7,50.99 1.81,51.02");
  /* Nothing is lost: the details, route included, are still there. */
  details = xpath_string (context, "string(//k:Placemark[k:MultiGeometry]//k:SimpleData[@name='details'])");
  g_assert_cmpstr (details, ==, tl_event_get_details (patrol));

  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);

  result = import_bytes (bytes, TL_EXCHANGE_FORMAT_KML);
  assert_same_events (events, result->events);
  g_assert_cmpstr (tl_event_get_details (g_ptr_array_index (result->events, events->len - 1)), ==,
                   tl_event_get_details (patrol));
}

/* How many cases have two reports or more with a position: the GPX
 * tracks. */
static guint
count_case_tracks (GPtrArray *events)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);
      gint64 id = tl_event_get_case_id (event);

      if (id > 0 && tl_event_has_position (event))
        g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1;

      g_hash_table_insert (counts, id, GUINT_TO_POINTER (count));
      if (count == 2)
        n++;
    }
  return n;
}

/* Two cases among the reports with a position: three reports of one,
 * two of the other, interleaved. */
static void
set_two_cases (GPtrArray *placed)
{
  for (guint i = 0, n = 0; i < placed->len && n < 5; i++)
    {
      TlEvent *event = g_ptr_array_index (placed, i);

      if (tl_event_get_kind (event) == TL_EVENT_KIND_PATROL)
        continue;
      tl_event_set_case_id (event, n % 2 == 0 ? 7 : 8);
      n++;
    }
}

/* GPX: the patrol's route as a <rte> planning tools read, each case's
 * reports as a <trk> with their times, and back through the importer the
 * same events, the route in the patrol's details, no event more. */
static void
test_gpx_routes (void)
{
  g_autoptr(GPtrArray) events = make_events ();
  g_autoptr(GPtrArray) placed = placed_only (events);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n_routes = NULL, *n_rtepts = NULL, *first = NULL, *last = NULL;
  g_autofree char *n_tracks = NULL, *n_trkpts = NULL, *n_timed = NULL, *order = NULL;
  TlEvent *patrol = g_ptr_array_index (events, events->len - 1);
  xmlXPathContext *context;
  xmlDoc *doc;
  const char *gpx;
  gsize size;

  set_two_cases (placed);
  bytes = tl_export_events_to_bytes (events, TL_EXCHANGE_FORMAT_GPX, &error);
  g_assert_no_error (error);
  gpx = g_bytes_get_data (bytes, &size);

  doc = xmlReadMemory (gpx, (int) size, NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, BAD_CAST "g", BAD_CAST "http://www.topografix.com/GPX/1/1");

  n_routes = xpath_string (context, "string(count(/g:gpx/g:rte))");
  g_assert_cmpstr (n_routes, ==, "1");
  n_rtepts = xpath_string (context, "string(count(/g:gpx/g:rte/g:rtept))");
  g_assert_cmpstr (n_rtepts, ==, "3");
  first = xpath_string (context, "concat(/g:gpx/g:rte/g:rtept[1]/@lat, ',', /g:gpx/g:rte/g:rtept[1]/@lon)");
  g_assert_cmpstr (first, ==, "50.9586712,1.5867123");
  last = xpath_string (context, "concat(/g:gpx/g:rte/g:rtept[3]/@lat, ',', /g:gpx/g:rte/g:rtept[3]/@lon)");
  g_assert_cmpstr (last, ==, "51.02,1.81");
  /* No patrol route is a track any more: tracks are cases. */
  n_tracks = xpath_string (context, "string(count(/g:gpx/g:trk))");
  g_assert_cmpuint (count_case_tracks (events), ==, 2);
  g_assert_cmpstr (n_tracks, ==, "2");
  n_trkpts = xpath_string (context, "string(count(/g:gpx/g:trk/g:trkseg/g:trkpt))");
  g_assert_cmpstr (n_trkpts, ==, "5");
  n_timed = xpath_string (context, "string(count(/g:gpx/g:trk/g:trkseg/g:trkpt[g:time]))");
  g_assert_cmpstr (n_timed, ==, "5");
  /* GPX 1.1's order: waypoints, routes, tracks. */
  order = xpath_string (context, "string(count(/g:gpx/g:rte/following-sibling::g:wpt) + "
                                 "count(/g:gpx/g:trk/following-sibling::g:rte))");
  g_assert_cmpstr (order, ==, "0");

  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);

  result = import_bytes (bytes, TL_EXCHANGE_FORMAT_GPX);
  /* Case numbers are the database's: an import does not take them. */
  for (guint i = 0; i < placed->len; i++)
    tl_event_set_case_id (g_ptr_array_index (placed, i), 0);
  assert_same_events (placed, result->events);
  g_assert_cmpstr (tl_event_get_details (g_ptr_array_index (result->events, result->events->len - 1)), ==,
                   tl_event_get_details (patrol));
}

/* A route a planning tool wrote, with no Tideline extension: a patrol,
 * from its first time to its last. */
static void
test_gpx_foreign_route (void)
{
  const char gpx[] =
    "<?xml version=\"1.0\"?>\n"
    "<gpx version=\"1.1\" creator=\"planner\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    "<rte><name>Night patrol</name>\n"
    "<rtept lat=\"50.96\" lon=\"1.58\"><time>2026-11-26T21:00:00Z</time></rtept>\n"
    "<rtept lat=\"51.0\" lon=\"1.7\"/>\n"
    "<rtept lat=\"51.05\" lon=\"1.8\"><time>2026-11-26T23:30:00Z</time></rtept>\n"
    "</rte></gpx>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (gpx, sizeof gpx - 1);
  g_autoptr(GArray) route = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(TlImportResult) result = NULL;
  TlEvent *patrol;

  result = import_bytes (bytes, TL_EXCHANGE_FORMAT_GPX);
  g_assert_cmpuint (result->events->len, ==, 1);
  patrol = g_ptr_array_index (result->events, 0);
  g_assert_cmpint (tl_event_get_kind (patrol), ==, TL_EVENT_KIND_PATROL);
  g_assert_cmpint (tl_event_get_end_time (patrol) - tl_event_get_time (patrol), ==, 150 * 60);
  g_assert_true (tl_route_parse (tl_event_get_details (patrol), route));
  g_assert_cmpuint (route->len, ==, 6);
  g_assert_cmpfloat_with_epsilon (g_array_index (route, double, 5), 51.05, 1e-9);
}

static char *
run_ogrinfo (const char  *path,
             const char  *extra)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  /* "-q" alone lists every feature; otherwise a summary. */
  command = g_strdup_printf ("ogrinfo -ro -al %s %s '%s'", g_str_equal (extra, "-q") ? "" : "-so",
                             extra, path);
  g_spawn_command_line_sync (command, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("ogrinfo failed on %s: %s", path, err);

  return g_steal_pointer (&out);
}

/* The "Feature Count: N" of the layer named @layer (or the first). */
static guint
feature_count (const char *info,
               const char *layer)
{
  const char *p = info;

  if (layer != NULL)
    {
      g_autofree char *needle = g_strdup_printf ("Layer name: %s\n", layer);

      p = strstr (info, needle);
      g_assert_nonnull (p);
    }
  p = strstr (p, "Feature Count: ");
  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen ("Feature Count: "), NULL, 10);
}

static void
test_ogrinfo (gconstpointer data)
{
  TlExchangeFormat format = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) events = make_events ();
  g_autoptr(GPtrArray) placed = placed_only (events);
  g_autoptr(GError) error = NULL;
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *info = NULL;
  GStatBuf st;

  if (ogrinfo == NULL)
    {
      g_test_skip ("ogrinfo (gdal-bin) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("tideline-ogr-XXXXXX", &error);
  g_assert_no_error (error);
  if (format == TL_EXCHANGE_FORMAT_GPX)
    set_two_cases (placed);
  name = g_strconcat ("events.", tl_exchange_format_get_extension (format), NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (tl_export_events_to_file (events, format, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  switch (format)
    {
    case TL_EXCHANGE_FORMAT_CSV:
      /* No open options: the .csvt sidecar types the columns and makes
       * the point from the coordinates. */
      info = run_ogrinfo (path, "");
      g_assert_cmpuint (feature_count (info, NULL), ==, events->len);
      g_assert_nonnull (strstr (info, "Geometry: Point"));
      g_assert_nonnull (strstr (info, "\nid: String"));
      g_assert_nonnull (strstr (info, "\ntime: DateTime"));
      g_assert_nonnull (strstr (info, "\npeople: Integer"));
      g_assert_nonnull (strstr (info, "\ncase_id: Integer"));
      {
        g_autofree char *csvt = g_build_filename (dir, "events.csvt", NULL);
        g_autofree char *full = run_ogrinfo (path, "-q");
        GStatBuf csvt_st;

        g_assert_cmpint (g_stat (csvt, &csvt_st), ==, 0);
        g_assert_cmpint (csvt_st.st_mode & 0777, ==, 0600);
        g_assert_nonnull (strstr (full, "POINT (1.5867123 50.9586712)"));
        g_unlink (csvt);
      }
      break;
    case TL_EXCHANGE_FORMAT_GEOJSON:
      info = run_ogrinfo (path, "");
      g_assert_cmpuint (feature_count (info, NULL), ==, events->len);
      g_assert_nonnull (strstr (info, "Geometry: Point"));
      g_assert_nonnull (strstr (info, "\npeople: Integer"));
      break;
    case TL_EXCHANGE_FORMAT_KML:
      info = run_ogrinfo (path, "");
      g_assert_cmpuint (feature_count (info, NULL), ==, events->len);
      g_assert_nonnull (strstr (info, "\npeople: Integer"));
      /* LIBKML says "Unknown (any)" for the layer: count the points. */
      {
        g_autofree char *full = run_ogrinfo (path, "-q");
        guint n_points = 0;

        for (const char *p = full; (p = strstr (p, "POINT (")) != NULL; p++)
          n_points++;
        g_assert_cmpuint (n_points, ==, placed->len);
        /* The patrol's route: its point and its line, in one feature. */
        g_assert_nonnull (strstr (full, "GEOMETRYCOLLECTION (POINT (1.5867123 50.9586712),"
                                        "LINESTRING (1.5867123 50.9586712,1.7 50.99,1.81 51.02))"));
      }
      break;
    case TL_EXCHANGE_FORMAT_GPX:
      info = run_ogrinfo (path, "-oo GPX_USE_EXTENSIONS=YES");
      g_assert_cmpuint (feature_count (info, "waypoints"), ==, placed->len);
      /* The patrol's route in "routes", each case's way in "tracks". */
      g_assert_cmpuint (feature_count (info, "routes"), ==, 1);
      g_assert_cmpuint (feature_count (info, "tracks"), ==, 2);
      g_assert_nonnull (strstr (info, "Geometry: Point"));
      g_assert_nonnull (strstr (info, "Geometry: Line String"));
      g_assert_nonnull (strstr (info, "Geometry: Multi Line String"));
      g_assert_nonnull (strstr (info, "tl_kind: String"));
      break;
    case TL_EXCHANGE_N_FORMATS:
    default:
      g_assert_not_reached ();
    }

  /* The fields every format carries, whatever the driver's prefix. */
  for (const char * const *field = (const char * const[]) { "kind", "time", "people", "status", "notes", NULL };
       *field != NULL; field++)
    {
      g_autofree char *needle = g_strdup_printf ("%s: ", *field);
      g_assert_nonnull (strstr (info, needle));
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_file_replaced_atomically (void)
{
  g_autoptr(GPtrArray) events = make_events ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tideline-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.csv", NULL);
  g_autofree char *contents = NULL;
  GDir *listing;
  guint n_files = 0;
  GStatBuf st;

  g_assert_true (g_file_set_contents_full (path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_true (tl_export_events_to_file (events, TL_EXCHANGE_FORMAT_CSV, path, NULL, &error));
  g_assert_no_error (error);
  /* The readable old file is replaced by a private one. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfid,kind,time,"));

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  /* The file and GDAL's sidecar. */
  g_assert_cmpuint (n_files, ==, 2);

  g_assert_false (tl_export_events_to_file (events, TL_EXCHANGE_FORMAT_CSV, missing, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_IO);

  {
    g_autofree char *csvt = g_build_filename (dir, "out.csvt", NULL);

    g_unlink (csvt);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_formats (void)
{
  TlExchangeFormat format;

  g_assert_true (tl_exchange_format_guess ("a/b/Events.GeoJSON", &format));
  g_assert_cmpint (format, ==, TL_EXCHANGE_FORMAT_GEOJSON);
  g_assert_true (tl_exchange_format_guess ("x.tsv", &format));
  g_assert_cmpint (format, ==, TL_EXCHANGE_FORMAT_CSV);
  g_assert_false (tl_exchange_format_guess ("x.xlsx", &format));
  g_assert_true (tl_exchange_format_from_string ("KML", &format));
  g_assert_cmpint (format, ==, TL_EXCHANGE_FORMAT_KML);
  g_assert_false (tl_exchange_format_from_string ("shp", &format));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/exchange/formats", test_formats);
  g_test_add_func ("/exchange/file-replaced-atomically", test_file_replaced_atomically);
  g_test_add_func ("/exchange/csv/formula-escaped", test_csv_formula_escaped);
  g_test_add_func ("/exchange/kml/route", test_kml_route);
  g_test_add_func ("/exchange/gpx/routes", test_gpx_routes);
  g_test_add_func ("/exchange/gpx/foreign-route", test_gpx_foreign_route);
  for (TlExchangeFormat f = 0; f < TL_EXCHANGE_N_FORMATS; f++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/exchange/round-trip/%s", tl_exchange_format_to_string (f));
      g_autofree char *ogr = g_strdup_printf ("/exchange/ogrinfo/%s", tl_exchange_format_to_string (f));

      g_test_add_data_func (round_trip, GUINT_TO_POINTER (f), test_round_trip);
      g_test_add_data_func (ogr, GUINT_TO_POINTER (f), test_ogrinfo);
    }

  return g_test_run ();
}
