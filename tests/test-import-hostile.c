/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tl-import.h"

/* Hostile and unlucky files: nesting that would overflow a recursive
 * parser, files of empty values built to take memory, XML entities,
 * null geometries, text encodings, a folder where a file is expected.
 * Each is refused with a message that names what was wrong, or read as
 * it is and said. */

/* Helpers */

static TlImportSource *
read_text (const char        *text,
           gsize              len,
           TlExchangeFormat   format,
           const char        *encoding,
           GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len == (gsize) -1 ? strlen (text) : len);

  return tl_import_source_new_from_bytes_with_encoding (bytes, format, "hostile", encoding, error);
}

static void
assert_refused (const char        *text,
                gsize              len,
                TlExchangeFormat   format,
                int                code,
                const char        *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = read_text (text, len, format, NULL, &error);

  g_assert_null (source);
  g_assert_error (error, TL_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static char *
repeat (const char *head,
        const char *unit,
        guint       n,
        const char *tail)
{
  GString *s = g_string_new (head);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);
  return g_string_free (s, FALSE);
}

/* Tests */

static void
test_deep_geojson (void)
{
  g_autofree char *open = repeat ("", "[", 80000, "");
  g_autofree char *deep = repeat (open, "]", 80000, "");
  g_autofree char *objects = repeat ("{\"type\":\"Feature\",\"properties\":", "{\"a\":", 80000, "");
  g_autofree char *shallow = repeat ("", "[", 65, "");

  assert_refused (deep, strlen (deep), TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_LIMIT,
                  "64 levels of nesting");
  /* Not even closed: the limit comes first. */
  assert_refused (objects, strlen (objects), TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_LIMIT,
                  "64 levels of nesting");
  assert_refused (shallow, strlen (shallow), TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_LIMIT,
                  "64 levels of nesting");
}

static void
test_geojson_values (void)
{
  g_autofree char *zeros = repeat ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                                   "\"properties\":{\"time\":\"2026-11-26T01:00:00Z\",\"z\":[0",
                                   ",0", TL_IMPORT_MAX_ROW_ELEMENTS, "]}}]}");
  g_autofree char *strings = repeat ("{\"type\":\"Feature\",\"properties\":{\"notes\":\"", "xxxxxxxxxxxxxxxx",
                                     TL_IMPORT_MAX_STRING_BYTES / 16 + 1, "\"}}");

  assert_refused (zeros, strlen (zeros), TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_LIMIT,
                  "values in one feature");
  assert_refused (strings, strlen (strings), TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_LIMIT,
                  "bytes in one string");
  assert_refused ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"} {}]}", (gsize) -1,
                  TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_FORMAT, "a ',' or ']' is missing");
  assert_refused ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"x\":tru}]}", (gsize) -1,
                  TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_FORMAT, "feature 1");
  assert_refused ("{\"type\":\"Feature\"} x", (gsize) -1, TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_FORMAT,
                  "more text after the end");
}

/* Features read one at a time still make the same rows. */
static void
test_geojson_null_geometry (void)
{
  const char *text =
    "{\"type\":\"FeatureCollection\",\"name\":{\"nested\":[1,2,{\"x\":null}]},\"features\":[\n"
    "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"time\":\"2026-11-26T01:00:00Z\",\"kind\":\"sighting\"}},\n"
    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5, 50.9]},"
    "\"properties\":{\"time\":\"2026-11-26T02:00:00Z\",\"kind\":\"rescue\",\"notes\":\"a \\\"quoted\\\" ] word\"}}\n"
    "],\"type\":\"FeatureCollection\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = read_text (text, strlen (text), TL_EXCHANGE_FORMAT_GEOJSON, NULL, &error);
  g_autoptr(TlImportResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tl_import_source_get_n_rows (source), ==, 2);
  g_assert_cmpuint (tl_import_source_get_n_null_geometry (source), ==, 1);
  result = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->events->len, ==, 2);
  g_assert_cmpstr (tl_event_get_notes (g_ptr_array_index (result->events, 1)), ==, "a \"quoted\" ] word");
}

static void
test_gpx_track_without_segment (void)
{
  /* A <trk> with text but no <trkseg>: once read past its end. */
  const char *text =
    "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">"
    "<wpt lat=\"50.9\" lon=\"1.5\"><time>2026-11-26T01:00:00Z</time><name>a</name>"
    "<extensions><kind>rescue</kind><people>4</people></extensions></wpt>\n"
    "<trk>CCCC<name>empty</name></trk><trk></trk></gpx>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = read_text (text, strlen (text), TL_EXCHANGE_FORMAT_GPX, NULL, &error);

  g_autoptr(TlImportResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tl_import_source_get_n_rows (source), ==, 3);
  result = tl_import_source_validate (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->events->len, ==, 1);
  g_assert_cmpuint (result->problems->len, ==, 2);
  g_assert_nonnull (strstr (((TlImportProblem *) g_ptr_array_index (result->problems, 0))->message,
                            "fewer than two points"));
}

static void
test_xml_limits (void)
{
  g_autofree char *elements = repeat ("<kml>", "<a/>", TL_IMPORT_MAX_ELEMENTS / 100, "</kml>");
  g_autofree char *placemark = repeat ("<kml><Placemark>", "<a/>", TL_IMPORT_MAX_ROW_ELEMENTS + 1,
                                       "</Placemark></kml>");
  g_autofree char *open = repeat ("<kml>", "<Folder>", 80000, "");
  const char *entity =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE kml [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
    "<kml><Placemark><name>&xxe;</name><TimeStamp><when>2026-11-26T01:00:00Z</when></TimeStamp>"
    "</Placemark></kml>";
  const char *gpx_entity =
    "<!DOCTYPE gpx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
    "<gpx><wpt lat=\"50\" lon=\"1\"><time>2026-11-26T01:00:00Z</time><name>&b;</name></wpt></gpx>";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;

  /* A tenth of the file limit in empty elements: read, and empty. */
  source = read_text (elements, strlen (elements), TL_EXCHANGE_FORMAT_KML, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY);

  assert_refused (placemark, strlen (placemark), TL_EXCHANGE_FORMAT_KML, TL_IMPORT_ERROR_LIMIT,
                  "elements in one placemark");
  assert_refused (open, strlen (open), TL_EXCHANGE_FORMAT_KML, TL_IMPORT_ERROR_LIMIT, "64 levels of nesting");
  assert_refused (entity, strlen (entity), TL_EXCHANGE_FORMAT_KML, TL_IMPORT_ERROR_FORMAT, "document type");
  assert_refused (gpx_entity, strlen (gpx_entity), TL_EXCHANGE_FORMAT_GPX, TL_IMPORT_ERROR_FORMAT,
                  "document type");
  assert_refused ("<kml><Placemark>&undefined;</Placemark></kml>", 45, TL_EXCHANGE_FORMAT_KML,
                  TL_IMPORT_ERROR_FORMAT, "not valid XML");
}

/* Records in folders and beside other elements, line numbers kept. */
static void
test_xml_stream (void)
{
  const char *kml =
    "<?xml version=\"1.0\"?>\n<!-- <Placemark> in a comment -->\n"
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Folder>\n"
    "<Placemark><name><![CDATA[a <b> c]]></name><TimeStamp><when>2026-11-26T01:00:00Z</when></TimeStamp>"
    "<Point><coordinates>1.5,50.9</coordinates></Point></Placemark>\n"
    "</Folder><Style/>\n"
    "<Placemark><TimeStamp><when>2026-11-26T02:00:00Z</when></TimeStamp></Placemark>\n"
    "</Document></kml>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = read_text (kml, strlen (kml), TL_EXCHANGE_FORMAT_KML, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tl_import_source_get_n_rows (source), ==, 2);
  g_assert_cmpuint (tl_import_source_get_row_line (source, 0), ==, 4);
  g_assert_cmpuint (tl_import_source_get_row_line (source, 1), ==, 6);
}

static void
test_csv_limits (void)
{
  g_autofree char *commas = repeat ("time,latitude,longitude\n", ",", TL_IMPORT_MAX_COLUMNS + 1, "\n");
  g_autofree char *empty = repeat ("time,latitude,longitude\n", ",,,,,,,,\r\n", 100000, "");
  g_autofree char *long_cell = repeat ("time,notes\n2026-11-26T01:00:00Z,\"", "x", TL_IMPORT_MAX_STRING_BYTES + 1,
                                       "\"\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;

  assert_refused (commas, strlen (commas), TL_EXCHANGE_FORMAT_CSV, TL_IMPORT_ERROR_LIMIT, "fields in one row");
  assert_refused (long_cell, strlen (long_cell), TL_EXCHANGE_FORMAT_CSV, TL_IMPORT_ERROR_LIMIT,
                  "bytes in one cell");

  /* Rows of empty cells are blank lines, as spreadsheets mean them. */
  source = read_text (empty, strlen (empty), TL_EXCHANGE_FORMAT_CSV, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_EMPTY);
}

static void
test_encodings (void)
{
  const char utf8_bom[] = "\xef\xbb\xbftime,place\n2026-11-26T01:00:00Z,Boulogne-sur-Mer \xc3\xa9\n";
  const char utf16le[] = "\xff\xfet\0i\0m\0e\0,\0p\0\n\0" "2\0" "0\0" "2\0" "6\0-\0" "1\0" "1\0-\0" "2\0" "6\0"
                         ",\0\xe9\0\n\0";
  const char latin[] = "time,place\n2026-11-26T01:00:00Z,Etaples\n2026-11-26T02:00:00Z,\xc9taples\n";
  const char odd16[] = "\xff\xfet\0i\0m\0e\0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;

  source = read_text (utf8_bom, sizeof utf8_bom - 1, TL_EXCHANGE_FORMAT_CSV, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_import_source_get_column_name (source, 0), ==, "time");
  g_assert_cmpstr (tl_import_source_get_cell (source, 0, 1), ==, "Boulogne-sur-Mer é");
  g_clear_pointer (&source, tl_import_source_free);

  source = read_text (utf16le, sizeof utf16le - 1, TL_EXCHANGE_FORMAT_CSV, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_import_source_get_cell (source, 0, 1), ==, "é");
  g_clear_pointer (&source, tl_import_source_free);

  /* Not UTF-8: refused where it stops being UTF-8, read when named. */
  assert_refused (latin, sizeof latin - 1, TL_EXCHANGE_FORMAT_CSV, TL_IMPORT_ERROR_ENCODING,
                  "Line 3 of “hostile” (byte 61) is not UTF-8");
  source = read_text (latin, sizeof latin - 1, TL_EXCHANGE_FORMAT_CSV, "windows-1252", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_import_source_get_cell (source, 1, 1), ==, "Étaples");
  g_clear_pointer (&source, tl_import_source_free);

  source = read_text (latin, sizeof latin - 1, TL_EXCHANGE_FORMAT_CSV, "no-such-encoding", &error);
  g_assert_null (source);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  assert_refused (odd16, sizeof odd16 - 1, TL_EXCHANGE_FORMAT_CSV, TL_IMPORT_ERROR_ENCODING, "UTF-16LE");
  assert_refused ("time\n\xff\n", (gsize) -1, TL_EXCHANGE_FORMAT_GEOJSON, TL_IMPORT_ERROR_ENCODING, "Line 2");
}

static void
test_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "x.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlImportSource) source = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  source = tl_import_source_new_from_file (dir, &error);
  g_assert_null (source);
  g_assert_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-hostile/geojson/deep", test_deep_geojson);
  g_test_add_func ("/import-hostile/geojson/values", test_geojson_values);
  g_test_add_func ("/import-hostile/geojson/null-geometry", test_geojson_null_geometry);
  g_test_add_func ("/import-hostile/gpx/track-without-segment", test_gpx_track_without_segment);
  g_test_add_func ("/import-hostile/xml/limits", test_xml_limits);
  g_test_add_func ("/import-hostile/xml/stream", test_xml_stream);
  g_test_add_func ("/import-hostile/csv/limits", test_csv_limits);
  g_test_add_func ("/import-hostile/encodings", test_encodings);
  g_test_add_func ("/import-hostile/folder", test_folder);

  return g_test_run ();
}
