/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Official weekly figures in the store, on a file and (as
 * test-statistics-weeks-pg) on a server: written all or nothing, found
 * by the dates they overlap, imported again over the old ones, and
 * carried by `tideline copy` with the daily figures; and weeks read
 * from a file by the dates that end or start them. */

#include "config.h"

#include <string.h>

#include "tl-statistics.h"
#include "tl-test-store.h"

static TlStatisticsWeek
make_week (int year,
           int number,
           int people,
           int boats)
{
  TlStatisticsWeek week = { "", "", "", people, boats };

  g_assert_true (tl_statistics_week_init (&week, year, number));
  return week;
}

static GArray *
list_weeks (TlStore    *store,
            const char *first,
            const char *last)
{
  g_autoptr(GError) error = NULL;
  GArray *weeks = tl_store_list_statistics_weeks (store, first, last, &error);

  g_assert_no_error (error);
  g_assert_nonnull (weeks);
  return weeks;
}

static const TlStatisticsWeek *
week_at (GArray *weeks,
         guint   i)
{
  g_assert_cmpuint (i, <, weeks->len);
  return &g_array_index (weeks, TlStatisticsWeek, i);
}

static void
test_import_list (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("weeks.db");
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  g_autoptr(GArray) out = NULL;
  g_autoptr(GError) error = NULL;
  TlStatisticsWeek w;

  w = make_week (2026, 48, 412, 9);
  g_array_append_val (in, w);
  w = make_week (2026, 49, 266, -1);
  g_array_append_val (in, w);
  w = make_week (2026, 53, 40, 1);
  g_array_append_val (in, w);
  g_assert_true (tl_store_import_statistics_weeks (store, in, "weekly.csv", &error));
  g_assert_no_error (error);

  out = list_weeks (store, "0000-01-01", "9999-12-31");
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpstr (week_at (out, 0)->week, ==, "2026-W48");
  g_assert_cmpstr (week_at (out, 0)->first_date, ==, "2026-11-23");
  g_assert_cmpstr (week_at (out, 0)->last_date, ==, "2026-11-29");
  g_assert_cmpint (week_at (out, 0)->people, ==, 412);
  g_assert_cmpint (week_at (out, 1)->boats, ==, -1);
  g_assert_cmpstr (week_at (out, 2)->last_date, ==, "2027-01-03");
  g_clear_pointer (&out, g_array_unref);

  /* A chart's days find the weeks they overlap, even in part. */
  out = list_weeks (store, "2026-12-02", "2026-12-03");
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (week_at (out, 0)->week, ==, "2026-W49");
  g_clear_pointer (&out, g_array_unref);
  out = list_weeks (store, "2026-11-29", "2026-11-30");
  g_assert_cmpuint (out->len, ==, 2);
  g_clear_pointer (&out, g_array_unref);
  out = list_weeks (store, "2027-01-01", "2027-01-31");
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (week_at (out, 0)->week, ==, "2026-W53");
  g_clear_pointer (&out, g_array_unref);
  out = list_weeks (store, "2026-12-07", "2026-12-27");
  g_assert_cmpuint (out->len, ==, 0);
  g_clear_pointer (&out, g_array_unref);

  /* Weekly figures are not daily ones. */
  out = tl_store_list_statistics (store, "0000-01-01", "9999-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 0);
  g_clear_pointer (&out, g_array_unref);

  /* A week imported again takes the newer figures. */
  g_array_set_size (in, 0);
  w = make_week (2026, 49, 270, 6);
  g_array_append_val (in, w);
  g_assert_true (tl_store_import_statistics_weeks (store, in, "revised.csv", &error));
  g_assert_no_error (error);
  out = list_weeks (store, "0000-01-01", "9999-12-31");
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpint (week_at (out, 1)->people, ==, 270);
  g_assert_cmpint (week_at (out, 1)->boats, ==, 6);
}

/* A week whose dates are not its own is refused by the schema, and the
 * good week before it is not written either. */
static void
test_all_or_nothing (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("weeks-refused.db");
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  g_autoptr(GArray) out = NULL;
  g_autoptr(GError) error = NULL;
  TlStatisticsWeek good = make_week (2026, 10, 5, 1);
  TlStatisticsWeek shifted = make_week (2026, 11, 7, 1);

  /* Tuesday to Monday: not an ISO week. */
  g_strlcpy (shifted.first_date, "2026-03-10", sizeof shifted.first_date);
  g_strlcpy (shifted.last_date, "2026-03-16", sizeof shifted.last_date);
  g_array_append_val (in, good);
  g_array_append_val (in, shifted);
  g_assert_false (tl_store_import_statistics_weeks (store, in, "bad.csv", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not an ISO week from Monday to Sunday"));
  g_clear_error (&error);
  out = list_weeks (store, "0000-01-01", "9999-12-31");
  g_assert_cmpuint (out->len, ==, 0);
}

/* `tideline copy` carries the weekly figures beside the daily ones, to
 * another database and back: the same counts and the same records. On
 * a server the copy goes to a file and back to a new server database. */
static char *
statistics_text (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = tl_store_list_statistics (store, "0000-01-01", "9999-12-31", &error);
  g_autoptr(GArray) weeks = list_weeks (store, "0000-01-01", "9999-12-31");
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_string_append_printf (text, "%u days, %u weeks\n", days->len, weeks->len);
  for (guint i = 0; i < days->len; i++)
    {
      const TlStatisticsDay *day = &g_array_index (days, TlStatisticsDay, i);

      g_string_append_printf (text, "day %s %d %d\n", day->date, day->people, day->boats);
    }
  for (guint i = 0; i < weeks->len; i++)
    g_string_append_printf (text, "week %s %s %s %d %d\n", week_at (weeks, i)->week,
                            week_at (weeks, i)->first_date, week_at (weeks, i)->last_date,
                            week_at (weeks, i)->people, week_at (weeks, i)->boats);

  return g_string_free (text, FALSE);
}

static void
test_copy (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("weeks-source.db");
  g_autoptr(TlStore) middle = NULL;
  g_autoptr(TlStore) back = tl_test_store_open ("weeks-back.db");
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  g_autoptr(GError) error = NULL;
  g_autofree char *middle_path = g_build_filename (g_get_user_data_dir (), "weeks-middle.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *returned = NULL;
  TlStatisticsDay day = { "2026-12-01", 52, 1 };
  TlStatisticsWeek w;

  g_array_append_val (days, day);
  w = make_week (2026, 1, 95, 2);
  g_array_append_val (weeks, w);
  w = make_week (2026, 49, 266, -1);
  g_array_append_val (weeks, w);
  g_assert_true (tl_store_import_statistics (store, days, "daily.csv", &error));
  g_assert_true (tl_store_import_statistics_weeks (store, weeks, "weekly.csv", &error));
  g_assert_no_error (error);
  original = statistics_text (store);
  g_assert_cmpstr (original, ==,
                   "1 days, 2 weeks\n"
                   "day 2026-12-01 52 1\n"
                   "week 2026-W01 2025-12-29 2026-01-04 95 2\n"
                   "week 2026-W49 2026-11-30 2026-12-06 266 -1\n");

  /* Out to a file (from a file, or from the server)... */
  middle = tl_store_open (middle_path, &error);
  g_assert_no_error (error);
  g_assert_true (tl_store_copy (store, middle, NULL, NULL, &error));
  g_assert_no_error (error);
  copied = statistics_text (middle);
  g_assert_cmpstr (copied, ==, original);

  /* ...and back into a new database of the same kind as the first. */
  g_assert_true (tl_store_copy (middle, back, NULL, NULL, &error));
  g_assert_no_error (error);
  returned = statistics_text (back);
  g_assert_cmpstr (returned, ==, original);

  /* Weekly figures alone make a database not empty: never copied over. */
  {
    g_autoptr(TlStore) weeks_only = tl_test_store_open ("weeks-only.db");

    g_assert_true (tl_store_import_statistics_weeks (weeks_only, weeks, "weekly.csv", &error));
    g_assert_no_error (error);
    g_assert_false (tl_store_copy (store, weeks_only, NULL, NULL, &error));
    g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  }
}

/* Weeks given by the Sunday that ends them (a Home Office layout) or
 * the Monday that starts them (in French, by semicolons) are stored as
 * the ISO weeks they are; a file with a date on the wrong day or a week
 * twice is refused whole and changes nothing. */
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
  g_assert_nonnull (file);
  return file;
}

static void
test_week_dates (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("weeks-dated.db");
  g_autoptr(TlStatisticsFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  static const struct { const char *name; guint line; const char *message; } bad[] = {
    { "weekly-week-ending-wrong-day.csv", 4,
      "Line 4: 2026-11-28 is a Saturday; a week ending falls on a Sunday "
      "(weekly figures are stored as ISO weeks, Monday to Sunday)" },
    { "weekly-week-ending-duplicate.csv", 4, "Line 4: Week 47 of 2026 appears more than once" },
  };

  file = parse_fixture ("weekly-week-ending.csv");
  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_true (tl_statistics_file_is_weekly (file));
  g_assert_cmpint (file->week_dates, ==, TL_STATISTICS_WEEKS_ENDING);
  g_assert_cmpint (file->mapping.week, ==, 0);
  g_assert_cmpint (file->mapping.date, ==, -1);
  g_assert_cmpuint (file->days->len, ==, 0);
  g_assert_true (tl_store_import_statistics_weeks (store, file->weeks, "week-ending.csv", &error));
  g_assert_no_error (error);
  g_clear_pointer (&file, tl_statistics_file_free);
  text = statistics_text (store);
  g_assert_cmpstr (text, ==,
                   "0 days, 5 weeks\n"
                   "week 2025-W52 2025-12-22 2025-12-28 180 4\n"
                   "week 2026-W01 2025-12-29 2026-01-04 95 2\n"
                   "week 2026-W48 2026-11-23 2026-11-29 412 9\n"
                   "week 2026-W49 2026-11-30 2026-12-06 1024 23\n"
                   "week 2026-W53 2026-12-28 2027-01-03 0 0\n");
  g_clear_pointer (&text, g_free);

  /* Imported over them, the French file's weeks take its figures. */
  file = parse_fixture ("weekly-semaine-du.csv");
  g_assert_true (tl_statistics_file_check (file, &error));
  g_assert_cmpint (file->week_dates, ==, TL_STATISTICS_WEEKS_COMMENCING);
  g_assert_cmpint (file->mapping.people, ==, 1);
  g_assert_cmpint (file->mapping.boats, ==, -1);
  g_assert_true (tl_store_import_statistics_weeks (store, file->weeks, "semaine-du.csv", &error));
  g_assert_no_error (error);
  g_clear_pointer (&file, tl_statistics_file_free);
  text = statistics_text (store);
  g_assert_cmpstr (text, ==,
                   "0 days, 7 weeks\n"
                   "week 2025-W52 2025-12-22 2025-12-28 180 4\n"
                   "week 2026-W01 2025-12-29 2026-01-04 95 2\n"
                   "week 2026-W48 2026-11-23 2026-11-29 412 9\n"
                   "week 2026-W49 2026-11-30 2026-12-06 266 -1\n"
                   "week 2026-W50 2026-12-07 2026-12-13 1097 -1\n"
                   "week 2026-W53 2026-12-28 2027-01-03 -1 -1\n"
                   "week 2027-W01 2027-01-04 2027-01-10 40 -1\n");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      file = parse_fixture (bad[i].name);
      g_assert_true (tl_statistics_file_is_weekly (file));
      g_assert_cmpuint (file->problems->len, ==, 1);
      g_assert_cmpuint (g_array_index (file->problems, TlStatisticsProblem, 0).line, ==, bad[i].line);
      g_assert_false (tl_statistics_file_check (file, &error));
      g_assert_error (error, TL_STATISTICS_ERROR, TL_STATISTICS_ERROR_BAD_ROWS);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_clear_error (&error);
      g_clear_pointer (&file, tl_statistics_file_free);
    }
  after = statistics_text (store);
  g_assert_cmpstr (after, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/statistics-weeks/import-list", test_import_list);
  g_test_add_func ("/statistics-weeks/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/statistics-weeks/copy", test_copy);
  g_test_add_func ("/statistics-weeks/week-dates", test_week_dates);

  return g_test_run ();
}
