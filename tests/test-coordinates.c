/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tl-coordinates.h"

/* Degrees from degrees, minutes, seconds (all positive). */
#define DM(d, m)     ((d) + (m) / 60.0)
#define DMS(d, m, s) ((d) + (m) / 60.0 + (s) / 3600.0)

typedef struct {
  const char *text;
  double      lat;
  double      lon;
} ValidCase;

typedef struct {
  const char         *text;
  TlCoordinatesError  code;
  const char         *message_part;  /* NULL: any message */
} InvalidCase;

static const ValidCase valid_cases[] = {
  /* decimal degrees */
  { "51.02, 1.55", 51.02, 1.55 },
  { "51.02 1.55", 51.02, 1.55 },
  { "51.02/1.55", 51.02, 1.55 },
  { "51.02;1.55", 51.02, 1.55 },
  { "51.02,1.55", 51.02, 1.55 },
  { "51.02 / 1.55", 51.02, 1.55 },
  { "51.02\t1.55", 51.02, 1.55 },
  { "  51.02 ,  1.55  ", 51.02, 1.55 },
  { "50.5, -1.5", 50.5, -1.5 },
  { "-33.9 -1.5", -33.9, -1.5 },
  { "−33.9, −70.25", -33.9, -70.25 },
  { "+50.5 +1.5", 50.5, 1.5 },
  { "51 2", 51, 2 },
  { "0 0", 0, 0 },
  { "90 180", 90, 180 },
  { "-90, -180", -90, -180 },
  { "-0.5 -0.5", -0.5, -0.5 },
  { "51.02° 1.55°", 51.02, 1.55 },
  { "51.02°N 1.55°E", 51.02, 1.55 },
  { "51.02 N, 1.55 W", 51.02, -1.55 },
  { "51.02S 1.55E", -51.02, 1.55 },
  { "50.5N1.5E", 50.5, 1.5 },
  { "N50.5E1.5", 50.5, 1.5 },
  { "   n 50.5    e 1.5   ", 50.5, 1.5 },
  { "50.5 N E 1.5", 50.5, 1.5 },
  { "50°N, 1°W", 50, -1 },
  { "50.95867°, 1.58667°", 50.95867, 1.58667 },
  { "50.5\u00a01.5", 50.5, 1.5 },   /* no-break space */
  { "-50.5 S, -1.5 W", -50.5, -1.5 }, /* sign and letter agree */
  /* degrees and decimal minutes */
  { "50°57.52'N 001°35.20'E", DM (50, 57.52), DM (1, 35.2) },
  { "50 57.52N 1 35.2E", DM (50, 57.52), DM (1, 35.2) },
  { "N50 57.52 E001 35.20", DM (50, 57.52), DM (1, 35.2) },
  { "5057.52N 00135.20E", DM (50, 57.52), DM (1, 35.2) },
  { "5057.52,N,00135.20,E", DM (50, 57.52), DM (1, 35.2) },
  { "5057.52 00135.20", DM (50, 57.52), DM (1, 35.2) },
  { "4807.038N 01131.000W", DM (48, 7.038), -DM (11, 31.0) },
  { "50°57.52′N 1°35.20′E", DM (50, 57.52), DM (1, 35.2) },
  { "50º57.52'N 1º35.20'E", DM (50, 57.52), DM (1, 35.2) },
  { "50˚57.52'N 1˚35.20'E", DM (50, 57.52), DM (1, 35.2) },
  { "50°57.52’N 1°35.20’E", DM (50, 57.52), DM (1, 35.2) },
  { "50d57.52m N 1d35.20m E", DM (50, 57.52), DM (1, 35.2) },
  { "50deg 57.52m N 1deg 35.20m E", DM (50, 57.52), DM (1, 35.2) },
  { "50 57.52 1 35.20", DM (50, 57.52), DM (1, 35.2) },
  { "50°57.52' 1°35.20'", DM (50, 57.52), DM (1, 35.2) },
  { "50 57.52 S 1 35.20 W", -DM (50, 57.52), -DM (1, 35.2) },
  { "S50 57.52 W1 35.20", -DM (50, 57.52), -DM (1, 35.2) },
  { "n50 57.52 e1 35.2", DM (50, 57.52), DM (1, 35.2) },
  { "50 57.52n 1 35.2w", DM (50, 57.52), -DM (1, 35.2) },
  { "50°57.52'N, 1°35.20'O", DM (50, 57.52), -DM (1, 35.2) },
  { "1°35.20'E 50°57.52'N", DM (50, 57.52), DM (1, 35.2) },
  { "E1 35.2 N50 57.52", DM (50, 57.52), DM (1, 35.2) },
  { "-50 57.52, -1 35.2", -DM (50, 57.52), -DM (1, 35.2) },
  { "50°57.52'N001°35.20'E", DM (50, 57.52), DM (1, 35.2) },
  { "N 50° 57.52' / E 1° 35.20'", DM (50, 57.52), DM (1, 35.2) },
  { "50°57'N 1°35'E", DM (50, 57), DM (1, 35) },
  { "50 57 1 35", DM (50, 57), DM (1, 35) },
  { "50.5 1 35", 50.5, DM (1, 35) },
  { "90°00'N 180°00'W", 90, -180 },
  { "50°57.520′N 001°35.200′E", DM (50, 57.52), DM (1, 35.2) },
  /* degrees, minutes, seconds */
  { "50°57'31\"N 1°35'12\"E", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "50°57′31″N 1°35′12″E", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "50d57m31s N 1d35m12s E", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "50d57m31sN 1d35m12sE", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "50 57 31 1 35 12", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "50 57 31.5N 1 35 12.25E", DMS (50, 57, 31.5), DMS (1, 35, 12.25) },
  { "50°57'31''N 1°35'12''E", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "505731N 0013512E", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "N50°57'31\" W1°35'12\"", DMS (50, 57, 31), -DMS (1, 35, 12) },
  { "50°57'31\"S 1°35'12\"W", -DMS (50, 57, 31), -DMS (1, 35, 12) },
  { "50°57'31S 1°35'12W", -DMS (50, 57, 31), -DMS (1, 35, 12) },  /* S after a prime is South */
  { "1°35'12\"E, 50°57'31\"N", DMS (50, 57, 31), DMS (1, 35, 12) },
  { "0°0'0\"N 0°0'0\"E", 0, 0 },
  { "50°57′31.2″N 001°35′12.0″E", DMS (50, 57, 31.2), DMS (1, 35, 12) },
  /* French decimal commas */
  { "50,95 1,58", 50.95, 1.58 },
  { "50,95; 1,58", 50.95, 1.58 },
  { "50,95;1,58", 50.95, 1.58 },
  { "50,95, 1,58", 50.95, 1.58 },
  { "50,95 / 1,58", 50.95, 1.58 },
  { "-50,5 -1,5", -50.5, -1.5 },
  { "50,95 N 1,58 O", 50.95, -1.58 },
  { "50°57,5'N 1°35,2'E", DM (50, 57.5), DM (1, 35.2) },
  { "50 57,52N 1 35,2E", DM (50, 57.52), DM (1, 35.2) },
  { "5057,52N 00135,20E", DM (50, 57.52), DM (1, 35.2) },
  { "50°57'31,5\"N 1°35'12,2\"E", DMS (50, 57, 31.5), DMS (1, 35, 12.2) },
  { "50,1.5", 50, 1.5 },   /* a decimal point elsewhere: the comma separates */
};

static const InvalidCase invalid_cases[] = {
  /* empty */
  { "", TL_COORDINATES_ERROR_EMPTY, "Type a position" },
  { "   ", TL_COORDINATES_ERROR_EMPTY, NULL },
  { "\t \n", TL_COORDINATES_ERROR_EMPTY, NULL },
  /* syntax */
  { "50.5", TL_COORDINATES_ERROR_SYNTAX, "latitude then longitude, e.g. 50°57.5′N 1°35.2′E" },
  { "N50.5", TL_COORDINATES_ERROR_SYNTAX, "latitude then longitude" },
  { "hello", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “hello” at character 1" },
  { "50.5 1.5 xyz", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “xyz” at character 10" },
  { "50.5 # 1.5", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “#” at character 6" },
  { "50.5, 1.5, 3", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “, 3” at character 10" },
  { "50.5N 1.5E 3", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “3” at character 12" },
  { "50°57'N 1°35'E garbage", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “garbage” at character 16" },
  { "50°N 1°E 3'", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “3'” at character 10" },
  { "50.5 1.5,", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { ",50.5 1.5", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "50.5.1 1.5", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “.”" },
  { "50..5 1", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "50.5 57 N 1 E", TL_COORDINATES_ERROR_SYNTAX, "Only the last number" },
  { "50.5°57'N 1°E", TL_COORDINATES_ERROR_SYNTAX, "Only the last number" },
  { "50°31\"N 1°E", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "57'N 1°35'E", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "5O 57N 1 35E", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “O”" },
  { "50.5° 1.5°°", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "N N 50 1", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "12345678N 1E", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "1234567890 1", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "50 N 57 E 1", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "50.5 - 1.5 -", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "50 57 31 12 1 35 2", TL_COORDINATES_ERROR_SYNTAX, NULL },
  { "lat 50.5 lon 1.5", TL_COORDINATES_ERROR_SYNTAX, "Unexpected “lat”" },
  { "50.5 1.5 N", TL_COORDINATES_ERROR_AMBIGUOUS, "Can't tell latitude from longitude" },
  /* out of range */
  { "91, 1", TL_COORDINATES_ERROR_OUT_OF_RANGE,
    "Latitude 91° is out of range: it must be between 90° S and 90° N" },
  { "-91 1", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Latitude 91° S is out of range" },
  { "91N 1E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Latitude 91° N is out of range" },
  { "50.5 181", TL_COORDINATES_ERROR_OUT_OF_RANGE,
    "Longitude 181° is out of range: it must be between 180° W and 180° E" },
  { "50.5 180.001", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Longitude 180.001° is out of range" },
  { "90°01'N 1°E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Latitude 90.0167° N is out of range" },
  { "50 75 N 1 35 E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Minutes must be below 60 (found 75)" },
  { "50 75 1 35", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Minutes must be below 60 (found 75)" },
  { "50°60'N 1°E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Minutes must be below 60 (found 60)" },
  { "50°57'N 1°61.5'E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Minutes must be below 60 (found 61.5)" },
  { "50°57'75\"N 1°35'12\"E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Seconds must be below 60 (found 75)" },
  { "5075.5N 00135.2E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "found 5075.5" },
  { "5057.5N 18135.2E", TL_COORDINATES_ERROR_OUT_OF_RANGE, "Longitude" },
  /* ambiguous */
  { "51,2", TL_COORDINATES_ERROR_AMBIGUOUS, "decimal comma" },
  { "-1,5", TL_COORDINATES_ERROR_AMBIGUOUS, "decimal comma" },
  { "50,95,1,58", TL_COORDINATES_ERROR_AMBIGUOUS, "Can't tell decimal commas" },
  { "50,5 1.5", TL_COORDINATES_ERROR_AMBIGUOUS, "decimal comma" },
  { "50,5 N", TL_COORDINATES_ERROR_AMBIGUOUS, NULL },
  { "50N 1S", TL_COORDINATES_ERROR_AMBIGUOUS, "Both parts are latitudes" },
  { "1E 2W", TL_COORDINATES_ERROR_AMBIGUOUS, "Both parts are longitudes" },
  { "1.5E 50.5", TL_COORDINATES_ERROR_AMBIGUOUS,
    "Can't tell latitude from longitude: write N/S and E/W or put latitude first" },
  { "1.5E, 50.5", TL_COORDINATES_ERROR_AMBIGUOUS, "Can't tell latitude from longitude" },
  { "-50 N, 1 E", TL_COORDINATES_ERROR_AMBIGUOUS, "disagree" },
  { "+50 S 1 E", TL_COORDINATES_ERROR_AMBIGUOUS, "disagree" },
  { "50 N -1 E", TL_COORDINATES_ERROR_AMBIGUOUS, "disagree" },
  { "50 1 35", TL_COORDINATES_ERROR_AMBIGUOUS, "where the latitude ends" },
  { "50 57 31 1 35", TL_COORDINATES_ERROR_AMBIGUOUS, "where the latitude ends" },
};

static void
test_parse_valid (gconstpointer data)
{
  const ValidCase *c = data;
  g_autoptr(GError) error = NULL;
  double lat = NAN, lon = NAN;

  if (!tl_coordinates_parse (c->text, &lat, &lon, &error))
    {
      g_test_fail_printf ("“%s” should read as %.8f, %.8f but failed: %s",
                          c->text, c->lat, c->lon, error->message);
      return;
    }

  if (fabs (lat - c->lat) > 1e-9 || fabs (lon - c->lon) > 1e-9)
    {
      g_test_fail_printf ("“%s” read as %.8f, %.8f instead of %.8f, %.8f",
                          c->text, lat, lon, c->lat, c->lon);
      return;
    }
}

static void
test_parse_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  double lat = 12.5, lon = 34.5;

  if (tl_coordinates_parse (c->text, &lat, &lon, &error))
    {
      g_test_fail_printf ("“%s” should fail but read as %.8f, %.8f", c->text, lat, lon);
      return;
    }

  if (!g_error_matches (error, TL_COORDINATES_ERROR, (int) c->code))
    {
      g_test_fail_printf ("“%s” failed with code %d instead of %d: %s",
                          c->text, error->code, c->code, error->message);
      return;
    }

  if (c->message_part != NULL && strstr (error->message, c->message_part) == NULL)
    {
      g_test_fail_printf ("“%s” failed with “%s”, which does not say “%s”",
                          c->text, error->message, c->message_part);
      return;
    }

  /* outputs untouched on failure */
  g_assert_cmpfloat (lat, ==, 12.5);
  g_assert_cmpfloat (lon, ==, 34.5);
}

typedef struct {
  double             lat;
  double             lon;
  TlCoordinateFormat format;
  const char        *expected;
} FormatCase;

static const FormatCase format_cases[] = {
  { DM (50, 57.52), DM (1, 35.2), TL_COORDINATE_FORMAT_DDM, "50°57.520′N 001°35.200′E" },
  { DM (50, 57.52), DM (1, 35.2), TL_COORDINATE_FORMAT_DD, "50.95867°, 1.58667°" },
  { DMS (50, 57, 31.2), DMS (1, 35, 12), TL_COORDINATE_FORMAT_DMS, "50°57′31.2″N 001°35′12.0″E" },
  { -33.8688, -70.5, TL_COORDINATE_FORMAT_DDM, "33°52.128′S 070°30.000′W" },
  { -33.8688, -70.5, TL_COORDINATE_FORMAT_DD, "-33.86880°, -70.50000°" },
  { -33.8688, -70.5, TL_COORDINATE_FORMAT_DMS, "33°52′07.7″S 070°30′00.0″W" },
  /* rounding carries into the next minute and degree */
  { 50.9999999, 1.9999999, TL_COORDINATE_FORMAT_DDM, "51°00.000′N 002°00.000′E" },
  { 50.9999999, 1.9999999, TL_COORDINATE_FORMAT_DMS, "51°00′00.0″N 002°00′00.0″E" },
  /* what rounds to zero is written N/E, without a minus */
  { -0.0000001, -0.0000001, TL_COORDINATE_FORMAT_DDM, "00°00.000′N 000°00.000′E" },
  { -0.0000001, -0.0000001, TL_COORDINATE_FORMAT_DD, "0.00000°, 0.00000°" },
  { -0.0000001, -0.0000001, TL_COORDINATE_FORMAT_DMS, "00°00′00.0″N 000°00′00.0″E" },
  { 90, 180, TL_COORDINATE_FORMAT_DDM, "90°00.000′N 180°00.000′E" },
  { -90, -180, TL_COORDINATE_FORMAT_DMS, "90°00′00.0″S 180°00′00.0″W" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *text = tl_coordinates_format (c->lat, c->lon, c->format);

      g_test_message ("format %.8f, %.8f as %s", c->lat, c->lon,
                      tl_coordinate_format_to_string (c->format));
      g_assert_cmpstr (text, ==, c->expected);
    }
}

static void
test_format_names (void)
{
  TlCoordinateFormat format;

  g_assert_cmpstr (tl_coordinate_format_to_string (TL_COORDINATE_FORMAT_DDM), ==, "ddm");
  g_assert_cmpstr (tl_coordinate_format_to_string (TL_COORDINATE_FORMAT_DD), ==, "dd");
  g_assert_cmpstr (tl_coordinate_format_to_string (TL_COORDINATE_FORMAT_DMS), ==, "dms");

  for (format = TL_COORDINATE_FORMAT_DDM; format <= TL_COORDINATE_FORMAT_DMS; format++)
    {
      TlCoordinateFormat back = 99;

      g_assert_true (tl_coordinate_format_from_string (tl_coordinate_format_to_string (format), &back));
      g_assert_cmpint (back, ==, format);
    }

  format = TL_COORDINATE_FORMAT_DMS;
  g_assert_false (tl_coordinate_format_from_string ("DMS", &format));
  g_assert_cmpint (format, ==, TL_COORDINATE_FORMAT_DDM);
  format = TL_COORDINATE_FORMAT_DMS;
  g_assert_false (tl_coordinate_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, TL_COORDINATE_FORMAT_DDM);
}

/* Half a unit of the last digit written, plus float slack. */
static double
format_precision (TlCoordinateFormat format)
{
  switch (format)
    {
    case TL_COORDINATE_FORMAT_DD:
      return 0.5e-5 + 1e-12;
    case TL_COORDINATE_FORMAT_DMS:
      return 0.05 / 3600.0 + 1e-12;
    case TL_COORDINATE_FORMAT_DDM:
    default:
      return 0.0005 / 60.0 + 1e-12;
    }
}

static gboolean
check_round_trip (double             lat,
                  double             lon,
                  TlCoordinateFormat format)
{
  g_autofree char *text = tl_coordinates_format (lat, lon, format);
  g_autoptr(GError) error = NULL;
  double lat2, lon2;
  double precision = format_precision (format);

  if (!tl_coordinates_parse (text, &lat2, &lon2, &error))
    {
      g_test_fail_printf ("“%s” (from %.9f, %.9f) does not read back: %s",
                          text, lat, lon, error->message);
      return FALSE;
    }
  if (fabs (lat2 - lat) > precision || fabs (lon2 - lon) > precision)
    {
      g_test_fail_printf ("“%s” (from %.9f, %.9f) reads back as %.9f, %.9f",
                          text, lat, lon, lat2, lon2);
      return FALSE;
    }
  return TRUE;
}

static void
test_round_trip (void)
{
  static const double fixed[][2] = {
    { 0, 0 }, { 90, 180 }, { -90, -180 }, { 51.1200, 1.3300 }, { 50.9650, 1.8620 },
    { -0.00001, -0.00001 }, { 49.99999999, -0.99999999 }, { 89.9999, 179.9999 },
  };

  for (TlCoordinateFormat format = TL_COORDINATE_FORMAT_DDM; format <= TL_COORDINATE_FORMAT_DMS; format++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        if (!check_round_trip (fixed[i][0], fixed[i][1], format))
          return;

      for (guint i = 0; i < 2000; i++)
        if (!check_round_trip (g_test_rand_double_range (-90, 90),
                               g_test_rand_double_range (-180, 180), format))
          return;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/coordinates/parse/valid/%03u", i + 1);
      g_test_add_data_func (path, &valid_cases[i], test_parse_valid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/coordinates/parse/invalid/%03u", i + 1);
      g_test_add_data_func (path, &invalid_cases[i], test_parse_invalid);
    }
  g_test_add_func ("/coordinates/format/cases", test_format);
  g_test_add_func ("/coordinates/format/names", test_format_names);
  g_test_add_func ("/coordinates/format/round-trip", test_round_trip);

  return g_test_run ();
}
