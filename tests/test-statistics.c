/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-statistics.h"
#include "tl-store.h"

/* Laid out like the Home Office's published series. */
static const char good_csv[] =
  "Date,Migrants arrived,Boats arrived\n"
  "2026-03-27,0,0\n"
  "2026-03-28,312,6\n"
  "29/03/2026,87,2\n"
  "\n"
  "30 March 2026,,\n";

/* A spreadsheet's "CSV UTF-8": byte order mark, CRLF, thousands in
 * quotes, a quoted header with a comma and a quote in it. */
static const char quoted_csv[] =
  "\xEF\xBB\xBF" "\"Day, UK\",\"Number of \"\"small boats\"\"\",\"People detected, total\"\r\n"
  "2026-08-10,\"14\",\"1,097\"\r\n"
  "\"2026-08-11\",3,\"202\"\r\n"
  "2026-08-12,\"0\",0\r\n";

static const char bad_csv[] =
  "date,people,boats\n"
  "2026-03-01,10,1\n"
  "2026-02-30,10,1\n"      /* line 3: no such date */
  "2026-03-03,ten,1\n"     /* line 4: not a count */
  "2026-03-04,\"12\n"
  "\",1\n"                 /* a quoted line break: the next row is line 7 */
  "2026-03-01,10,1\n"      /* line 7: a date twice */
  "2026-03-08,-4,1\n";     /* line 8: negative */

static const TlStatisticsDay *
day (TlStatisticsFile *file,
     guint             i)
{
  g_assert_cmpuint (i, <, file->days->len);
  return &g_array_index (file->days, TlStatisticsDay, i);
}

static void
test_parse_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = tl_statistics_parse (good_csv, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_cmpint (file->mapping.date, ==, 0);
  g_assert_cmpint (file->mapping.people, ==, 1);
  g_assert_cmpint (file->mapping.boats, ==, 2);
  g_assert_cmpuint (file->days->len, ==, 4);
  g_assert_cmpstr (day (file, 1)->date, ==, "2026-03-28");
  g_assert_cmpint (day (file, 1)->people, ==, 312);
  g_assert_cmpint (day (file, 1)->boats, ==, 6);
  g_assert_cmpstr (day (file, 2)->date, ==, "2026-03-29");
  g_assert_cmpstr (day (file, 3)->date, ==, "2026-03-30");
  g_assert_cmpint (day (file, 3)->people, ==, -1);
  g_assert_cmpint (day (file, 3)->boats, ==, -1);
}

static void
test_parse_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = tl_statistics_parse (quoted_csv, sizeof quoted_csv - 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_cmpstr (file->header[0], ==, "Day, UK");
  g_assert_cmpstr (file->header[1], ==, "Number of \"small boats\"");
  g_assert_cmpint (file->mapping.date, ==, 0);
  g_assert_cmpint (file->mapping.boats, ==, 1);
  g_assert_cmpint (file->mapping.people, ==, 2);
  g_assert_cmpuint (file->days->len, ==, 3);
  g_assert_cmpint (day (file, 0)->people, ==, 1097);
  g_assert_cmpint (day (file, 0)->boats, ==, 14);
  g_assert_cmpstr (day (file, 1)->date, ==, "2026-08-11");
  g_assert_cmpint (day (file, 2)->people, ==, 0);
}

static void
test_parse_mapping (void)
{
  g_autoptr(GError) error = NULL;
  const char csv[] = "when,a,b\n2026-01-02,5,7\n";
  TlStatisticsMapping mapping = { 0, 2, 1 };
  TlStatisticsMapping bad = { 0, 5, -1 };
  g_autoptr(TlStatisticsFile) none = tl_statistics_parse (csv, -1, NULL, &error);
  g_autoptr(TlStatisticsFile) file = NULL;

  /* Nothing recognisable by name: the user must say. */
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_NO_DATE);
  g_assert_null (none);
  g_clear_error (&error);

  file = tl_statistics_parse (csv, -1, &mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpint (day (file, 0)->people, ==, 7);
  g_assert_cmpint (day (file, 0)->boats, ==, 5);

  g_assert_null (tl_statistics_parse (csv, -1, &bad, &error));
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_COLUMN);
  g_clear_error (&error);

  g_assert_null (tl_statistics_parse ("", -1, NULL, &error));
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_null (tl_statistics_parse ("date,people\n", -1, NULL, &error));
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_NO_ROWS);
  g_clear_error (&error);

  g_assert_null (tl_statistics_parse ("date,people\n\xff\xfe,1\n", -1, NULL, &error));
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_ENCODING);
}

static void
test_parse_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = tl_statistics_parse (bad_csv, -1, NULL, &error);
  static const guint lines[] = { 3, 4, 7, 8 };

  g_assert_no_error (error);
  g_assert_cmpuint (file->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpuint (g_array_index (file->problems, TlStatisticsProblem, i).line, ==, lines[i]);

  g_assert_false (tl_statistics_file_check (file, &error));
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_ROWS);
  g_assert_nonnull (strstr (error->message, "Line 3:"));
  g_assert_nonnull (strstr (error->message, "Line 4:"));
  g_assert_nonnull (strstr (error->message, "Line 7:"));
  g_assert_nonnull (strstr (error->message, "Line 8:"));
}

static void
test_parse_dates (void)
{
  char iso[11];

  g_assert_true (tl_statistics_parse_date ("2026-10-25", iso));
  g_assert_cmpstr (iso, ==, "2026-10-25");
  g_assert_true (tl_statistics_parse_date ("25/10/2026", iso));
  g_assert_cmpstr (iso, ==, "2026-10-25");
  g_assert_true (tl_statistics_parse_date ("5 Oct 2026", iso));
  g_assert_cmpstr (iso, ==, "2026-10-05");
  g_assert_true (tl_statistics_parse_date ("2026-10-25 00:00:00", iso));
  g_assert_false (tl_statistics_parse_date ("2026-13-01", iso));
  g_assert_false (tl_statistics_parse_date ("29/02/2026", iso));
  g_assert_false (tl_statistics_parse_date ("2026-10-251", iso));
  g_assert_false (tl_statistics_parse_date ("5 Foo 2026", iso));
  g_assert_false (tl_statistics_parse_date ("", iso));
}

/* the store and the command */

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static GArray *
list_all (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  GArray *days = tl_store_list_statistics (store, "0000-01-01", "9999-12-31", &error);

  g_assert_no_error (error);
  return days;
}

static void
test_command (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "stats.db", NULL);
  g_autofree char *good = write_file ("good.csv", good_csv);
  g_autofree char *quoted = write_file ("quoted.csv", quoted_csv);
  g_autofree char *bad = write_file ("bad.csv", bad_csv);
  TlCliDatabaseOptions options = { .database = db };
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  g_autoptr(GArray) days = NULL;

  g_assert_no_error (error);

  /* A dry run writes nothing. */
  g_assert_cmpint (tl_cli_import_statistics (good, TRUE, &options), ==, 0);
  days = list_all (store);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_array_unref);

  g_assert_cmpint (tl_cli_import_statistics (good, FALSE, &options), ==, 0);
  g_assert_cmpint (tl_cli_import_statistics (quoted, FALSE, &options), ==, 0);
  days = list_all (store);
  g_assert_cmpuint (days->len, ==, 7);
  g_assert_cmpstr (g_array_index (days, TlStatisticsDay, 1).date, ==, "2026-03-28");
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 1).people, ==, 312);
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 3).people, ==, -1);
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 4).people, ==, 1097);
  g_clear_pointer (&days, g_array_unref);

  /* A file with bad rows is refused whole: none of its good rows
   * (2026-03-01) is written. */
  g_assert_cmpint (tl_cli_import_statistics (bad, FALSE, &options), ==, 1);
  days = tl_store_list_statistics (store, "2026-03-01", "2026-03-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_array_unref);
}

/* A file whose headers say nothing Tideline recognises: refused as it
 * is, imported once the command line names the columns (by name, any
 * case, or by number), and a column that is not there is a bad argument. */
static int
run_import (const char * const *args)
{
  g_autofree char **argv = g_memdup2 (args, sizeof (char *) * (g_strv_length ((char **) args) + 1));

  return tl_cli_main (g_strv_length (argv), argv);
}

static void
test_command_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "stats-columns.db", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "statistics", "unnamed-columns.csv", NULL);
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  g_autoptr(GArray) days = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", csv, NULL }), ==, 1);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", csv,
                                                  "--date-column", "Nowhere", NULL }), ==, 2);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, csv,
                                                  "--date-column", "when", NULL }), ==, 2);
  days = tl_store_list_statistics (store, "2026-04-01", "2026-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_clear_pointer (&days, g_array_unref);

  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", csv,
                                                  "--date-column", "when", "--people-column", "2",
                                                  "--boats-column", "Craft", NULL }), ==, 0);
  days = tl_store_list_statistics (store, "2026-04-01", "2026-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (g_array_index (days, TlStatisticsDay, 0).date, ==, "2026-04-01");
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 0).people, ==, 412);
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 0).boats, ==, 9);
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 1).people, ==, 0);
  g_assert_cmpint (g_array_index (days, TlStatisticsDay, 2).boats, ==, 5);
}

static void
test_store_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "stats2.db", NULL);
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  g_autoptr(GArray) out = NULL;
  TlStatisticsDay ok = { "2026-05-01", 10, 1 };
  TlStatisticsDay refused = { "01/05/2026", 10, 1 };   /* not ISO: the schema refuses */

  g_assert_no_error (error);
  g_array_append_val (in, ok);
  g_array_append_val (in, refused);
  g_assert_false (tl_store_import_statistics (store, in, "test", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  out = list_all (store);
  g_assert_cmpuint (out->len, ==, 0);
  g_clear_pointer (&out, g_array_unref);
  g_clear_error (&error);

  /* Figures imported again replace the old ones. */
  g_array_set_size (in, 1);
  g_assert_true (tl_store_import_statistics (store, in, "test", &error));
  g_array_index (in, TlStatisticsDay, 0).people = 12;
  g_assert_true (tl_store_import_statistics (store, in, "test", &error));
  g_assert_no_error (error);
  out = list_all (store);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpint (g_array_index (out, TlStatisticsDay, 0).people, ==, 12);
}

/* A daily series beside its running total, as published: an empty daily
 * cell on a day the total did not move is a day with none, one where it
 * moved by a day is the difference, and days left out between two equal
 * totals are days with none, not gaps. */
static const char cumulative_csv[] =
  "Date,People detected,Cumulative people,Boats,Boats to date\n"
  "2026-08-01,10,510,1,20\n"
  "2026-08-02,,510,,20\n"         /* nothing that day */
  "2026-08-03,,525,,21\n"         /* the totals moved: 15 people, 1 boat */
  "2026-08-06,,525,,21\n"         /* 4th and 5th left out, nothing since */
  "2026-08-07,44,569,,22\n";

static void
test_parse_cumulative (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = tl_statistics_parse (cumulative_csv, -1, NULL, &error);
  static const struct { const char *date; int people, boats; } expected[] = {
    { "2026-08-01", 10, 1 },
    { "2026-08-02", 0, 0 },
    { "2026-08-03", 15, 1 },
    { "2026-08-04", 0, 0 },
    { "2026-08-05", 0, 0 },
    { "2026-08-06", 0, 0 },
    { "2026-08-07", 44, 1 },
  };

  g_assert_no_error (error);
  g_assert_true (tl_statistics_file_check (file, &error));
  /* The running totals are never taken for the daily figures. */
  g_assert_cmpint (file->mapping.people, ==, 1);
  g_assert_cmpint (file->mapping.boats, ==, 3);
  g_assert_cmpint (file->cumulative_people, ==, 2);
  g_assert_cmpint (file->cumulative_boats, ==, 4);
  g_assert_cmpuint (file->days->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (day (file, i)->date, ==, expected[i].date);
      g_assert_cmpint (day (file, i)->people, ==, expected[i].people);
      g_assert_cmpint (day (file, i)->boats, ==, expected[i].boats);
    }
}

/* Only running totals: the first day's figure is not known, the others
 * are the differences; an empty total stays unknown. */
static void
test_parse_cumulative_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file =
    tl_statistics_parse ("date,cumulative arrivals\n"
                         "2026-01-01,100\n"
                         "2026-01-02,130\n"
                         "2026-01-03,\n"
                         "2026-01-04,130\n", -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (file->mapping.people, ==, -1);
  g_assert_cmpuint (file->days->len, ==, 4);
  g_assert_cmpint (day (file, 0)->people, ==, -1);
  g_assert_cmpint (day (file, 1)->people, ==, 30);
  g_assert_cmpint (day (file, 2)->people, ==, -1);
  g_assert_cmpint (day (file, 3)->people, ==, -1);
  g_assert_cmpint (day (file, 0)->boats, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/statistics/parse-good", test_parse_good);
  g_test_add_func ("/statistics/parse-quoted", test_parse_quoted);
  g_test_add_func ("/statistics/parse-mapping", test_parse_mapping);
  g_test_add_func ("/statistics/parse-bad-rows", test_parse_bad_rows);
  g_test_add_func ("/statistics/parse-dates", test_parse_dates);
  g_test_add_func ("/statistics/parse-cumulative", test_parse_cumulative);
  g_test_add_func ("/statistics/parse-cumulative-only", test_parse_cumulative_only);
  g_test_add_func ("/statistics/command", test_command);
  g_test_add_func ("/statistics/command-columns", test_command_columns);
  g_test_add_func ("/statistics/store-all-or-nothing", test_store_all_or_nothing);

  return g_test_run ();
}
