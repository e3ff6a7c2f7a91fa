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

/* A French spreadsheet's export: semicolons, a quoted field holding one,
 * and a tab file, each read with the right separator. */
static void
test_parse_separators (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) semicolons =
    tl_statistics_parse ("\xEF\xBB\xBF\"Date; jour\";Personnes;Bateaux\r\n"
                         "01/10/2026;\"1 097\";14\r\n"
                         "02/10/2026;12;1\r\n", -1, NULL, &error);
  g_autoptr(TlStatisticsFile) tabs = NULL;

  g_assert_no_error (error);
  g_assert_true (tl_statistics_file_check (semicolons, &error));
  g_assert_cmpstr (semicolons->header[0], ==, "Date; jour");
  g_assert_cmpint (semicolons->mapping.people, ==, 1);
  g_assert_cmpint (semicolons->mapping.boats, ==, 2);
  g_assert_cmpuint (semicolons->days->len, ==, 2);
  g_assert_cmpstr (day (semicolons, 0)->date, ==, "2026-10-01");
  g_assert_cmpint (day (semicolons, 0)->people, ==, 1097);
  g_assert_cmpint (day (semicolons, 1)->boats, ==, 1);

  tabs = tl_statistics_parse ("\nyear\tweek\tpeople\n2026\t49\t812\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_statistics_file_check (tabs, &error));
  g_assert_cmpuint (tabs->weeks->len, ==, 1);
  g_assert_cmpint (g_array_index (tabs->weeks, TlStatisticsWeek, 0).people, ==, 812);
}

static void
test_parse_mapping (void)
{
  g_autoptr(GError) error = NULL;
  const char csv[] = "when,a,b\n2026-01-02,5,7\n";
  TlStatisticsMapping mapping = { .date = 0, .people = 2, .boats = 1, .year = -1, .week = -1 };
  TlStatisticsMapping bad = { .date = 0, .people = 5, .boats = -1, .year = -1, .week = -1 };
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

/* Weekly series: ISO weeks from a year and a week number, or written
 * whole ("2026-W49"), each stored as its Monday to Sunday. */

static TlStatisticsFile *
parse_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "statistics", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  TlStatisticsFile *file;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  file = tl_statistics_parse (contents, length, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static const TlStatisticsWeek *
week (TlStatisticsFile *file,
      guint             i)
{
  g_assert_cmpuint (i, <, file->weeks->len);
  return &g_array_index (file->weeks, TlStatisticsWeek, i);
}

static void
test_iso_weeks (void)
{
  TlStatisticsWeek w = { "", "", "", -1, -1 };
  int year, number;

  /* 2026 starts on a Thursday: 53 weeks; 2025 on a Wednesday, not leap: 52;
   * 2020 is leap and starts on a Wednesday: 53. */
  g_assert_cmpuint (tl_statistics_weeks_in_year (2026), ==, 53);
  g_assert_cmpuint (tl_statistics_weeks_in_year (2025), ==, 52);
  g_assert_cmpuint (tl_statistics_weeks_in_year (2020), ==, 53);
  g_assert_cmpuint (tl_statistics_weeks_in_year (2021), ==, 52);

  /* Week 1 may start in the year before, week 53 end in the year after. */
  g_assert_true (tl_statistics_week_init (&w, 2026, 1));
  g_assert_cmpstr (w.week, ==, "2026-W01");
  g_assert_cmpstr (w.first_date, ==, "2025-12-29");
  g_assert_cmpstr (w.last_date, ==, "2026-01-04");
  g_assert_true (tl_statistics_week_init (&w, 2026, 49));
  g_assert_cmpstr (w.first_date, ==, "2026-11-30");
  g_assert_cmpstr (w.last_date, ==, "2026-12-06");
  g_assert_true (tl_statistics_week_init (&w, 2026, 53));
  g_assert_cmpstr (w.first_date, ==, "2026-12-28");
  g_assert_cmpstr (w.last_date, ==, "2027-01-03");
  g_assert_false (tl_statistics_week_init (&w, 2025, 53));
  g_assert_false (tl_statistics_week_init (&w, 2026, 54));
  g_assert_false (tl_statistics_week_init (&w, 2026, 0));
  g_assert_false (tl_statistics_week_init (&w, 1850, 10));
  /* Week 52 of 9999 would end in the year 10000. */
  g_assert_false (tl_statistics_week_init (&w, 9999, 1));
  g_assert_true (tl_statistics_week_init (&w, 9998, 52));
  g_assert_cmpstr (w.last_date, ==, "9998-12-27");
  g_assert_true (tl_statistics_week_init (&w, 2026, 53));
  g_assert_cmpstr (w.week, ==, "2026-W53");   /* left as it was */

  g_assert_true (tl_statistics_parse_iso_week ("2026-W49", &year, &number));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (number, ==, 49);
  g_assert_true (tl_statistics_parse_iso_week (" 2026w7 ", &year, &number));
  g_assert_cmpint (number, ==, 7);
  g_assert_false (tl_statistics_parse_iso_week ("W49", &year, &number));
  g_assert_false (tl_statistics_parse_iso_week ("2026-W49-1", &year, &number));
  g_assert_false (tl_statistics_parse_iso_week ("2026-12-01", &year, &number));
  g_assert_false (tl_statistics_parse_iso_week ("-W49", &year, &number));
}

static void
test_parse_weekly (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = parse_fixture ("weekly-year-week.csv");

  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_true (tl_statistics_file_is_weekly (file));
  g_assert_cmpint (file->mapping.date, ==, -1);
  g_assert_cmpint (file->mapping.year, ==, 0);
  g_assert_cmpint (file->mapping.week, ==, 1);
  g_assert_cmpint (file->mapping.people, ==, 2);
  g_assert_cmpint (file->mapping.boats, ==, 3);
  g_assert_cmpuint (file->days->len, ==, 0);
  g_assert_cmpuint (tl_statistics_file_get_n_rows (file), ==, 6);
  g_assert_cmpstr (week (file, 0)->week, ==, "2025-W52");
  g_assert_cmpstr (week (file, 0)->first_date, ==, "2025-12-22");
  g_assert_cmpint (week (file, 0)->people, ==, 180);
  g_assert_cmpstr (week (file, 1)->first_date, ==, "2025-12-29");
  g_assert_cmpint (week (file, 2)->people, ==, -1);
  g_assert_cmpint (week (file, 2)->boats, ==, -1);
  g_assert_cmpstr (week (file, 4)->week, ==, "2026-W49");
  g_assert_cmpint (week (file, 4)->boats, ==, 6);
  g_assert_cmpstr (week (file, 5)->last_date, ==, "2027-01-03");
  g_clear_pointer (&file, tl_statistics_file_free);

  /* Weeks written whole, in a column named for them. */
  file = parse_fixture ("weekly-iso-week.csv");
  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_cmpint (file->mapping.week, ==, 0);
  g_assert_cmpint (file->mapping.year, ==, -1);
  g_assert_cmpuint (file->weeks->len, ==, 4);
  g_assert_cmpstr (week (file, 1)->week, ==, "2026-W47");
  g_assert_cmpint (week (file, 1)->people, ==, 1024);
  g_assert_cmpint (week (file, 1)->boats, ==, 18);
  g_assert_cmpstr (week (file, 2)->week, ==, "2026-W48");
  g_clear_pointer (&file, tl_statistics_file_free);

  /* In French. */
  file = parse_fixture ("weekly-french.csv");
  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_cmpint (file->mapping.year, ==, 0);
  g_assert_cmpint (file->mapping.week, ==, 1);
  g_assert_cmpint (file->mapping.people, ==, 2);
  g_assert_cmpint (file->mapping.boats, ==, 3);
  g_assert_cmpstr (week (file, 0)->first_date, ==, "2026-11-02");
  g_clear_pointer (&file, tl_statistics_file_free);

  /* A column of "dates" holding weeks is a weekly series; a file with
   * dates stays daily, whatever week column it also has. */
  file = tl_statistics_parse ("Date,People\n2026-W49,10\n2026-W50,12\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_statistics_file_is_weekly (file));
  g_assert_cmpuint (file->weeks->len, ==, 2);
  g_clear_pointer (&file, tl_statistics_file_free);
  file = tl_statistics_parse ("Date,Week,People\n2026-12-01,49,10\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tl_statistics_file_is_weekly (file));
  g_assert_cmpuint (file->days->len, ==, 1);
  g_clear_pointer (&file, tl_statistics_file_free);

  /* "Week ending" holds the dates of Sundays, "People per week" a
   * figure: a weekly series. */
  file = tl_statistics_parse ("Week ending,People per week\n2026-12-06,10\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->weeks->len, ==, 1);
  g_assert_cmpstr (week (file, 0)->week, ==, "2026-W49");
  g_assert_cmpint (week (file, 0)->people, ==, 10);
  g_clear_pointer (&file, tl_statistics_file_free);
}

/* A week named by one of its dates: in any case, with or without
 * accents, by detection or by the mapping; a plain date stays a day. */
static void
test_parse_week_date_names (void)
{
  static const struct { const char *csv; const char *week; } named[] = {
    { "WEEK BEGINNING,People\n30/11/2026,5\n", "2026-W49" },
    { "Week starting;People\n2026-12-28;5\n", "2026-W53" },
    { "Week commencing (Monday)\tPeople\n4 January 2027\t5\n", "2027-W01" },
    { "Semaine commençant le;Personnes\n07/12/2026;5\n", "2026-W50" },
    { "SEMAINE COMMENCANT LE;Personnes\n07/12/2026;5\n", "2026-W50" },
    { "Semaine se terminant le;Personnes\n03/01/2027;5\n", "2026-W53" },
    { "Week ending date,People\n2026-01-04,5\n", "2026-W01" },
  };
  TlStatisticsMapping explicit = { .date = 1, .people = 0, .boats = -1, .year = -1, .week = -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      file = tl_statistics_parse (named[i].csv, -1, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (tl_statistics_file_check (file, &error));
      g_assert_cmpuint (file->weeks->len, ==, 1);
      g_assert_cmpstr (week (file, 0)->week, ==, named[i].week);
      g_clear_pointer (&file, tl_statistics_file_free);
    }

  file = tl_statistics_parse ("People,Semaine du\n5,2026-12-01\n", -1, &explicit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file->mapping.week, ==, 1);
  g_assert_false (tl_statistics_file_check (file, &error));
  g_assert_nonnull (strstr (error->message, "Line 2: 2026-12-01 is a Tuesday; a week commencing falls on a Monday"));
  g_clear_error (&error);
  g_clear_pointer (&file, tl_statistics_file_free);

  file = tl_statistics_parse ("Date,People\n2026-12-01,5\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tl_statistics_file_is_weekly (file));
  g_assert_cmpuint (file->days->len, ==, 1);
  g_clear_pointer (&file, tl_statistics_file_free);
  file = tl_statistics_parse ("Week ending,Date,People\n2026-12-06,2026-12-01,5\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tl_statistics_file_is_weekly (file));
  g_assert_cmpint (file->mapping.date, ==, 1);
  g_assert_cmpstr (day (file, 0)->date, ==, "2026-12-01");
}

static void
test_parse_weekly_bad (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = parse_fixture ("weekly-bad.csv");
  static const struct { guint line; const char *message; } expected[] = {
    { 3, "There is no week 54" },
    { 4, "2025 has 52 weeks: there is no week 53" },
    { 5, "Year 1850 is out of range" },
    { 6, "The year is missing" },
    { 7, "The week is missing" },
    { 8, "Week 49 of 2026 appears more than once" },
    { 9, "“ten” is not a week number" },
    { 10, "“-4” in column “People” is not a count" },
  };

  g_assert_cmpuint (file->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TlStatisticsProblem *problem = &g_array_index (file->problems, TlStatisticsProblem, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_nonnull (strstr (problem->message, expected[i].message));
    }
  g_assert_false (tl_statistics_file_check (file, &error));
  g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_ROWS);
  g_assert_nonnull (strstr (error->message, "Line 4: 2025 has 52 weeks"));
  g_clear_error (&error);
  g_clear_pointer (&file, tl_statistics_file_free);

  /* Weeks alone need their year in the cell. */
  file = tl_statistics_parse ("Week,People\n49,10\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_array_index (file->problems, TlStatisticsProblem, 0).message,
                            "“49” is not an ISO week (use 2026-W49)"));
  g_clear_pointer (&file, tl_statistics_file_free);

  /* A mapping is daily or weekly, not both. */
  {
    TlStatisticsMapping both = { .date = 0, .people = 1, .boats = -1, .year = -1, .week = 2 };
    TlStatisticsMapping year_alone = { .date = -1, .people = 1, .boats = -1, .year = 0, .week = -1 };

    g_assert_null (tl_statistics_parse ("a,b,c\n1,2,3\n", -1, &both, &error));
    g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_MAPPING);
    g_clear_error (&error);
    g_assert_null (tl_statistics_parse ("a,b,c\n1,2,3\n", -1, &year_alone, &error));
    g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_MAPPING);
  }
}

static GArray *
list_weeks (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  GArray *weeks = tl_store_list_statistics_weeks (store, "0000-01-01", "9999-12-31", &error);

  g_assert_no_error (error);
  return weeks;
}

/* The command line: weeks recognised by name, named by option (by name
 * or number), a bad file refused whole, and options that contradict
 * each other refused as bad arguments. */
static void
test_command_weekly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "stats-weekly.db", NULL);
  g_autofree char *year_week = g_test_build_filename (G_TEST_DIST, "data", "statistics", "weekly-year-week.csv", NULL);
  g_autofree char *unnamed = g_test_build_filename (G_TEST_DIST, "data", "statistics", "weekly-unnamed.csv", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "statistics", "weekly-bad.csv", NULL);
  g_autofree char *columns = g_test_build_filename (G_TEST_DIST, "data", "statistics", "unnamed-columns.csv", NULL);
  g_autofree char *dated = g_test_build_filename (G_TEST_DIST, "data", "statistics", "weekly-week-ending.csv", NULL);
  static const char *dated_bad[] = { "weekly-week-ending-wrong-day.csv", "weekly-week-ending-duplicate.csv" };
  g_autoptr(TlStore) store = tl_store_open (db, &error);
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) days = NULL;

  g_assert_no_error (error);

  /* A dry run writes nothing; a bad file nothing either. */
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", year_week,
                                                  "--dry-run", NULL }), ==, 0);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", bad, NULL }), ==, 1);
  weeks = list_weeks (store);
  g_assert_cmpuint (weeks->len, ==, 0);
  g_clear_pointer (&weeks, g_array_unref);

  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", year_week, NULL }), ==, 0);
  weeks = list_weeks (store);
  g_assert_cmpuint (weeks->len, ==, 6);
  g_assert_cmpstr (g_array_index (weeks, TlStatisticsWeek, 0).week, ==, "2025-W52");
  g_assert_cmpstr (g_array_index (weeks, TlStatisticsWeek, 5).week, ==, "2026-W53");
  g_assert_cmpint (g_array_index (weeks, TlStatisticsWeek, 4).people, ==, 266);
  g_clear_pointer (&weeks, g_array_unref);
  /* Weekly figures are not daily ones. */
  days = list_all (store);
  g_assert_cmpuint (days->len, ==, 0);

  /* Unrecognised names: refused, then imported once named. */
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", unnamed, NULL }), ==, 1);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", unnamed,
                                                  "--week-column", "Nowhere", NULL }), ==, 2);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", unnamed,
                                                  "--week-column", "1", "--date-column", "1", NULL }), ==, 2);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, unnamed,
                                                  "--week-column", "1", NULL }), ==, 2);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", unnamed,
                                                  "--week-column", "period", "--people-column", "2",
                                                  "--boats-column", "Count B", NULL }), ==, 0);
  weeks = tl_store_list_statistics_weeks (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpstr (g_array_index (weeks, TlStatisticsWeek, 0).week, ==, "2026-W10");
  g_assert_cmpstr (g_array_index (weeks, TlStatisticsWeek, 0).first_date, ==, "2026-03-02");
  g_assert_cmpint (g_array_index (weeks, TlStatisticsWeek, 1).people, ==, 7);
  g_assert_cmpint (g_array_index (weeks, TlStatisticsWeek, 1).boats, ==, 2);
  g_clear_pointer (&weeks, g_array_unref);

  /* Year and week named by number: the daily file's columns as a year
   * and a week cannot be read, and the whole file is refused. */
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", columns,
                                                  "--year-column", "2", "--week-column", "3",
                                                  "--people-column", "2", NULL }), ==, 1);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", columns,
                                                  "--year-column", "2", NULL }), ==, 2);
  weeks = list_weeks (store);
  g_assert_cmpuint (weeks->len, ==, 8);
  g_clear_pointer (&weeks, g_array_unref);

  /* Weeks by the Sunday ending them: a bad file changes nothing, a good
   * one is read as weeks whether its column is recognised or named. */
  for (guint i = 0; i < G_N_ELEMENTS (dated_bad); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "statistics", dated_bad[i], NULL);

      g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", path,
                                                      NULL }), ==, 1);
    }
  weeks = list_weeks (store);
  g_assert_cmpuint (weeks->len, ==, 8);
  g_clear_pointer (&weeks, g_array_unref);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", dated,
                                                  "--date-column", "week ending", NULL }), ==, 0);
  g_assert_cmpint (run_import ((const char *[]) { "tideline", "import", "--database", db, "--statistics", dated,
                                                  NULL }), ==, 0);
  weeks = tl_store_list_statistics_weeks (store, "2026-11-23", "2026-12-06", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpstr (g_array_index (weeks, TlStatisticsWeek, 1).week, ==, "2026-W49");
  g_assert_cmpint (g_array_index (weeks, TlStatisticsWeek, 1).people, ==, 1024);
  g_assert_cmpint (g_array_index (weeks, TlStatisticsWeek, 1).boats, ==, 23);
  g_clear_pointer (&days, g_array_unref);
  days = list_all (store);
  g_assert_cmpuint (days->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/statistics/parse-good", test_parse_good);
  g_test_add_func ("/statistics/parse-quoted", test_parse_quoted);
  g_test_add_func ("/statistics/parse-separators", test_parse_separators);
  g_test_add_func ("/statistics/parse-mapping", test_parse_mapping);
  g_test_add_func ("/statistics/parse-bad-rows", test_parse_bad_rows);
  g_test_add_func ("/statistics/parse-dates", test_parse_dates);
  g_test_add_func ("/statistics/parse-cumulative", test_parse_cumulative);
  g_test_add_func ("/statistics/parse-cumulative-only", test_parse_cumulative_only);
  g_test_add_func ("/statistics/command", test_command);
  g_test_add_func ("/statistics/command-columns", test_command_columns);
  g_test_add_func ("/statistics/store-all-or-nothing", test_store_all_or_nothing);
  g_test_add_func ("/statistics/iso-weeks", test_iso_weeks);
  g_test_add_func ("/statistics/parse-weekly", test_parse_weekly);
  g_test_add_func ("/statistics/parse-weekly-bad", test_parse_weekly_bad);
  g_test_add_func ("/statistics/parse-week-date-names", test_parse_week_date_names);
  g_test_add_func ("/statistics/command-weekly", test_command_weekly);

  return g_test_run ();
}
