/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The briefing PDF: the pages it promises, the marking on every page, no
 * file left behind by a failure; and `tideline export-briefing` and
 * `tideline sitrep` as scripts run them, with no display. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tl-briefing-private.h"
#include "tl-handover.h"
#include "tl-report.h"
#include "tl-time.h"

/* 26 November 2026, 00:00 UTC. */
#define DAY G_GINT64_CONSTANT (1795651200)

typedef struct {
  char *dir;
} Fixture;

/* helpers */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-briefing-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_dir (f->dir);
  g_free (f->dir);
}

/* @n reports spread over three days, every kind. */
static GPtrArray *
make_events (guint n)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      TlEvent *event = tl_event_new (i % TL_EVENT_N_KINDS);

      tl_event_set_id (event, i + 1);
      tl_event_set_time (event, DAY + (gint64) i * (3 * 24 * 3600) / MAX (n, 1));
      tl_event_set_position (event, 50.9 + (i % 7) * 0.02, 1.4 + (i % 11) * 0.03);
      tl_event_set_people (event, 40 + i % 20);
      tl_event_set_place (event, "Off Wimereux");
      tl_event_set_unit (event, "RNLI Dover");
      g_ptr_array_add (events, event);
    }
  return events;
}

/* Page objects, as a reader counts them: "/Type /Page" but not "/Pages". */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint n = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* memmem: the file has binary streams, with NULs a string search stops at. */
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      n++;
  return n;
}

static guint
write_briefing (const char *path,
                guint       n_events,
                const char *marking)
{
  g_autoptr(GPtrArray) events = make_events (n_events);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  TlBriefingOptions options;

  tl_briefing_options_init (&options);
  options.from = DAY;
  options.to = DAY + 3 * 24 * 3600;
  options.marking = marking;
  options.operator_name = "Watch leader";
  options.created_at = DAY + 3 * 24 * 3600 + 600;
  options.time_zone = utc;
  GStatBuf st;

  g_assert_true (tl_briefing_write_file (path, &options, events, &error));
  g_assert_no_error (error);
  /* Private like the database, whatever the umask. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return tl_briefing_count_pages (&options, events);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
  char *text = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* The text of page @page (from 1) alone. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdftotext, "-layout", "-f", number, "-l", number, path, "-", NULL };
  char *text = NULL;
  int status;

  g_assert_nonnull (pdftotext);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* tests */

static void
test_briefing_pages (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { guint n_events; guint min_pages, max_pages; } cases[] = {
    { 0, 3, 3 },     /* summary and map, a table page that says it is empty, trend */
    { 40, 3, 3 },    /* one table page */
    { 100, 4, 5 },
    { 250, 6, 9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("brief-%u.pdf", cases[i].n_events);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      guint planned = write_briefing (path, cases[i].n_events, NULL);

      /* The plan the footers count with is the file's. */
      g_assert_cmpuint (count_pdf_pages (path), ==, planned);
      g_assert_cmpuint (planned, >=, cases[i].min_pages);
      g_assert_cmpuint (planned, <=, cases[i].max_pages);
    }
}

static void
test_briefing_marking (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "marked.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n_markings = 0;
  guint n_pages = write_briefing (path, 100, "OFFICIAL-SENSITIVE");

  if (!(text = pdf_text (path)))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  /* Top and bottom of every page, and its number. */
  for (const char *p = text; (p = strstr (p, "OFFICIAL-SENSITIVE")) != NULL; p++)
    n_markings++;
  g_assert_cmpuint (n_markings, ==, 2 * n_pages);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (text, number));
    }
  g_assert_nonnull (strstr (text, "Generated 29 November 2026 00:10 UTC by Watch leader"));
  g_assert_nonnull (strstr (text, "Reports per Day"));
  /* Three days: every report, with its case, and the zone of its times. */
  g_assert_nonnull (strstr (text, "Reports (times in UTC)"));
  g_assert_nonnull (strstr (text, "Case"));
  g_assert_nonnull (strstr (text, "Key points"));
  g_assert_nonnull (strstr (text, "Open cases"));
}

/* The title says what and when, with the zone; a month gets a table by
 * day, the list only in the annex when asked for. */
static void
test_briefing_title (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *day = g_build_filename (f->dir, "day.pdf", NULL);
  g_autofree char *month = g_build_filename (f->dir, "month.pdf", NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GPtrArray) events = make_events (60);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TlBriefingOptions options;
  guint plain, with_annex;

  g_assert_nonnull (london);
  tl_briefing_options_init (&options);
  options.from = DAY;                   /* London is on UTC in November */
  options.to = DAY + 24 * 3600;
  options.time_zone = london;
  options.created_at = DAY + 24 * 3600;
  g_assert_true (tl_briefing_write_file (day, &options, events, &error));
  g_assert_no_error (error);
  if (!(text = pdf_text (day)))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Channel small-boat activity — 26 Nov 2026, 00:00–24:00 Europe/London"));
  g_assert_nonnull (strstr (text, "Reports (times in Europe/London)"));
  g_clear_pointer (&text, g_free);

  options.to = DAY + 30 * 24 * 3600;
  plain = tl_briefing_count_pages (&options, events);
  g_assert_true (tl_briefing_write_file (month, &options, events, &error));
  g_assert_no_error (error);
  text = pdf_text (month);
  g_assert_nonnull (strstr (text, "Channel small-boat activity — 26 Nov – 25 Dec 2026 (30 days), Europe/London"));
  g_assert_nonnull (strstr (text, "Reports by day"));
  g_assert_nonnull (strstr (text, "Day (Europe/London)"));
  g_assert_null (strstr (text, "Annex"));
  options.annex = TRUE;
  with_annex = tl_briefing_count_pages (&options, events);
  g_assert_cmpuint (with_annex, >, plain);
}

static TlAuditEntry *
audit_entry (TlAuditAction  action,
             gint64         event_id,
             gint64         at,
             const char    *before,
             const char    *after,
             const char    *source)
{
  TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);

  /* A bulk add's row has no audit id of its own. */
  entry->id = source != NULL ? 0 : event_id + 100;
  entry->action = action;
  entry->event_id = event_id;
  entry->at = at;
  entry->operator_name = g_strdup ("Night desk");
  entry->before = g_strdup (before);
  entry->after = g_strdup (after);
  entry->source = g_strdup (source);
  return entry;
}

/* Asked for, the hand-over note comes after the open cases and before
 * the map: each change since the watch began, when, by whom, and how an
 * edit changed a report, in the editor's words (“People”, not the
 * store's “people”), times in the zone and positions in the format
 * chosen; an empty watch says so. */
static void
test_briefing_handover (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "handover.pdf", NULL);
  g_autofree char *empty_path = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GPtrArray) events = make_events (30);
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_audit_entry_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty_text = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *page3 = NULL;
  TlBriefingOptions options;
  guint without;

  g_ptr_array_add (changes, audit_entry (TL_AUDIT_ACTION_CREATE, 31, DAY + 3600, NULL,
                                         "{\"kind\":\"sighting\",\"people\":12}", NULL));
  g_ptr_array_add (changes, audit_entry (TL_AUDIT_ACTION_UPDATE, 2, DAY + 2 * 3600,
                                         "{\"kind\":\"departure\",\"time\":\"2026-11-26T01:30:00Z\","
                                         "\"people\":40,\"status\":\"ongoing\",\"revision\":1}",
                                         "{\"kind\":\"departure\",\"time\":\"2026-11-26T01:45:00Z\","
                                         "\"people\":52,\"status\":\"closed\",\"revision\":2}", NULL));
  g_ptr_array_add (changes, audit_entry (TL_AUDIT_ACTION_UPDATE, 3, DAY + 3 * 3600,
                                         "{\"kind\":\"sighting\",\"place\":\"Off Wimereux\","
                                         "\"latitude\":50.5,\"longitude\":1.5}",
                                         "{\"kind\":\"sighting\",\"place\":\"Off Boulogne\","
                                         "\"latitude\":50.75,\"longitude\":1.25}", NULL));
  g_ptr_array_add (changes, audit_entry (TL_AUDIT_ACTION_DELETE, 4, DAY + 4 * 3600,
                                         "{\"kind\":\"patrol\"}", NULL, NULL));
  g_ptr_array_add (changes, audit_entry (TL_AUDIT_ACTION_CREATE, 40, DAY + 5 * 3600, NULL, NULL, "night.csv"));

  tl_briefing_options_init (&options);
  options.from = DAY;
  options.to = DAY + 24 * 3600;
  options.time_zone = london;
  options.created_at = DAY + 24 * 3600;
  without = tl_briefing_count_pages (&options, events);
  options.handover_since = DAY;
  options.changes = changes;
  g_assert_cmpuint (tl_briefing_count_pages (&options, events), ==, without + 2);
  g_assert_true (tl_briefing_write_file (path, &options, events, &error));
  g_assert_no_error (error);
  if (!(text = pdf_text (path)))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Hand-over Note"));
  g_assert_nonnull (strstr (text, "5 changes to the records since 26 Nov 2026 00:00 Europe/London, oldest first:"));
  g_assert_nonnull (strstr (text, "Created: report 31"));
  g_assert_nonnull (strstr (text, "Closed: report 2"));
  g_assert_nonnull (strstr (text, "People: 40 → 52"));
  g_assert_nonnull (strstr (text, "Status: Ongoing → Closed"));
  g_assert_nonnull (strstr (text, "Edited: report 3"));
  g_assert_nonnull (strstr (text, "Place: Off Wimereux → Off Boulogne"));
  /* Positions as the editor writes them, in the format chosen (DDM). */
  g_assert_nonnull (strstr (text, "50°30.000′N 001°30.000′E → 50°45.000′N 001°15.000′E"));
  g_assert_nonnull (strstr (text, "Deleted: report 4"));
  g_assert_nonnull (strstr (text, "Imported from night.csv"));
  g_assert_nonnull (strstr (text, "Thu 26 Nov 02:00"));
  g_assert_nonnull (strstr (text, "Night desk"));
  /* The store's own names and stamps are not what a reader sees. */
  g_assert_null (strstr (text, "revision"));
  g_assert_null (strstr (text, "people:"));
  g_assert_null (strstr (text, "place:"));
  g_assert_null (strstr (text, "latitude"));
  /* In the order the issue gives: open cases, the note, then the map
   * (on a page of its own), then the table. */
  page1 = pdf_page_text (path, 1);
  page2 = pdf_page_text (path, 2);
  page3 = pdf_page_text (path, 3);
  g_assert_nonnull (strstr (page1, "Open cases"));
  g_assert_null (strstr (page1, "Hand-over Note"));
  g_assert_nonnull (strstr (page2, "Hand-over Note"));
  g_assert_nonnull (strstr (page3, "Map"));
  g_assert_nonnull (strstr (page3, "People on board"));
  g_assert_null (strstr (page1, "People on board"));
  g_assert_true (strstr (text, "Hand-over Note") < strstr (text, "Reports (times in Europe/London)"));

  options.changes = none;
  g_assert_true (tl_briefing_write_file (empty_path, &options, events, &error));
  g_assert_no_error (error);
  empty_text = pdf_text (empty_path);
  g_assert_nonnull (strstr (empty_text, "No report was created, changed or deleted since 26 Nov 2026 00:00 Europe/London."));
}

/* Over months the trend's bars are weeks, or months when asked, and the
 * heading and the labels carry the years the window covers. */
static void
test_briefing_trend_period (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *weeks = g_build_filename (f->dir, "weeks.pdf", NULL);
  g_autofree char *months = g_build_filename (f->dir, "months.pdf", NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) events = make_events (40);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TlBriefingOptions options;

  tl_briefing_options_init (&options);
  /* 1 September 2026 to 1 February 2027: across a new year. */
  options.from = DAY - 86 * 24 * 3600;
  options.to = DAY + 67 * 24 * 3600;
  options.time_zone = utc;
  options.created_at = DAY;
  g_assert_true (tl_briefing_write_file (weeks, &options, events, &error));
  g_assert_no_error (error);
  if (!(text = pdf_text (weeks)))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Reports per Week, 2026–2027"));
  /* The week of Monday 31 August, the first the window touches. */
  g_assert_nonnull (strstr (text, "31 Aug 2026"));
  g_clear_pointer (&text, g_free);

  options.trend_period = TL_TREND_PERIOD_MONTH;
  g_assert_true (tl_briefing_write_file (months, &options, events, &error));
  g_assert_no_error (error);
  text = pdf_text (months);
  g_assert_nonnull (strstr (text, "Reports per Month, 2026–2027"));
  g_assert_nonnull (strstr (text, "Jan 2027"));
  g_assert_nonnull (strstr (text, "Nov 2026"));
}

/* The longest place of the gazetteer and the longest unit, in every
 * column: each laid-out cell fits its column, by Pango's extents (the
 * text a PDF extracts is whole even when drawn clipped). */
static void
test_briefing_table_fits (void)
{
  g_autofree char *gazetteer = g_test_build_filename (G_TEST_DIST, "..", "resources", "places.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *longest_place = g_strdup ("");
  g_autofree char *longest_unit = g_strdup ("");
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_RESCUE);
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/London");
  const char * const *units = tl_report_default_units ();
  g_auto(GStrv) cells = NULL;
  TlBriefingOptions options;
  TlBriefing b = { 0 };

  g_file_get_contents (gazetteer, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 2);

      if (fields[0] != NULL && g_utf8_strlen (fields[0], -1) > g_utf8_strlen (longest_place, -1))
        {
          g_free (longest_place);
          longest_place = g_strdup (fields[0]);
        }
    }
  for (guint i = 0; units[i] != NULL; i++)
    if (g_utf8_strlen (units[i], -1) > g_utf8_strlen (longest_unit, -1))
      {
        g_free (longest_unit);
        longest_unit = g_strdup (units[i]);
      }
  g_assert_cmpuint (strlen (longest_place), >, 15);
  g_assert_cmpuint (strlen (longest_unit), >, 15);

  tl_event_set_id (event, 123456);
  tl_event_set_case_id (event, 98765);
  tl_event_set_time (event, DAY + 23 * 3600 + 59 * 60);
  tl_event_set_place (event, longest_place);
  tl_event_set_unit (event, longest_unit);
  tl_event_set_boats (event, 12);
  tl_event_set_people (event, 1234);
  tl_event_set_rescued (event, 1234);
  tl_event_set_deceased (event, 123);
  tl_event_set_missing (event, 123);
  tl_event_set_status (event, TL_EVENT_STATUS_CONFIRMED);
  g_ptr_array_add (events, event);

  tl_briefing_options_init (&options);
  options.from = DAY;
  options.to = DAY + 24 * 3600;
  options.time_zone = zone;
  tl_briefing_init (&b, NULL, &options, events);
  cells = tl_briefing_row_cells (&b, event);
  g_assert_nonnull (strstr (cells[TL_BRIEFING_COLUMN_CASE], "98765"));
  for (guint c = 0; c < TL_BRIEFING_N_COLUMNS; c++)
    {
      double inner = tl_briefing_column_width (c) - 2 * TL_BRIEFING_CELL_PAD;
      g_autoptr(PangoLayout) layout = tl_briefing_layout (&b, cells[c], TL_BRIEFING_CELL_SIZE, FALSE, inner,
                                                          TL_BRIEFING_ALIGN_LEFT, TRUE);
      PangoRectangle ink, logical;

      pango_layout_get_extents (layout, &ink, &logical);
      g_test_message ("column %u: “%s” in %d lines, %.1f of %.1f pt", c, cells[c],
                      pango_layout_get_line_count (layout), (double) logical.width / PANGO_SCALE, inner);
      g_assert_false (pango_layout_is_ellipsized (layout));
      g_assert_cmpfloat ((double) (logical.x + logical.width) / PANGO_SCALE, <=, inner + 0.01);
      g_assert_cmpfloat ((double) (ink.x + ink.width) / PANGO_SCALE, <=, inner + 0.5);
      g_assert_cmpint (logical.x, >=, 0);
    }
  tl_briefing_clear (&b);
}

static void
test_briefing_invalid (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "never.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "brief.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TlBriefingOptions options;

  tl_briefing_options_init (&options);
  options.from = DAY;
  options.to = DAY;
  g_assert_false (tl_briefing_write_file (path, &options, NULL, &error));
  g_assert_error (error, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.to = DAY + 3600;
  g_assert_false (tl_briefing_write_file (missing, &options, NULL, &error));
  g_assert_error (error, TL_BRIEFING_ERROR, TL_BRIEFING_ERROR_WRITE);
}

/* The commands, run as a script would. */
static int
run_tideline (char       **out,
              const char  *first,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (argv, g_test_build_filename (G_TEST_BUILT, "..", "src", "tideline", NULL));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "demo.db", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "brief.pdf", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (run_tideline (&out, "generate", "--database", db, "--from", "2026-11-26", NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_tideline (&out, "export-briefing", "--database", db, "--from", "2026-11-26",
                                 "--marking", "OFFICIAL-SENSITIVE", "--title", "Morning brief",
                                 "-o", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_pdf_pages (pdf), >=, 3);
  g_unlink (pdf);
  g_clear_pointer (&out, g_free);

  /* A hand-over note since the start of the day, and the trend by week. */
  g_assert_cmpint (run_tideline (&out, "export-briefing", "--database", db, "--from", "2026-11-26",
                                 "--handover-since", "2026-11-26 00:00", "--trend-period", "week",
                                 "-o", pdf, NULL), ==, 0);
  {
    g_autofree char *text = pdf_text (pdf);

    g_assert_true (text == NULL || strstr (text, "Hand-over Note") != NULL);
    g_assert_true (text == NULL || strstr (text, "Reports per Week") != NULL);
  }
  g_unlink (pdf);
  g_clear_pointer (&out, g_free);

  /* Bad arguments: exit 2, nothing written. */
  {
    const char *bad[][4] = {
      { "--from", "yesterday-ish", "-o", pdf },
      { "--from", "2026-11-27", "--to", "2026-11-26" },
      { "-o", "brief.png", NULL, NULL },
      { "--no-such-option", "-o", pdf, NULL },
      { "--demo", "--database", db, NULL },
      { "--handover-since", "after lunch", "-o", pdf },
      { "--trend-period", "fortnight", "-o", pdf },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        int status = run_tideline (&out, "export-briefing", "--database", db,
                                   bad[i][0], bad[i][1], bad[i][2], bad[i][3], NULL);

        g_assert_cmpint (status, ==, 2);
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
        g_clear_pointer (&out, g_free);
      }
  }

  /* A SITREP of the first report, and refusals. */
  g_assert_cmpint (run_tideline (&out, "sitrep", "--database", db, "--event", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\nSAR SITREP ("));
  g_assert_nonnull (strstr (out, "\nF. COORDINATING RCC: CROSS GRIS-NEZ / HMCG DOVER\n"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tideline (&out, "sitrep", "--database", db, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tideline (&out, "sitrep", "--database", db, "--event", "1", "--case", "1", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_tideline (&out, "sitrep", "--database", db, "--event", "999999", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/briefing/pages", Fixture, NULL, fixture_set_up, test_briefing_pages, fixture_tear_down);
  g_test_add ("/briefing/marking", Fixture, NULL, fixture_set_up, test_briefing_marking, fixture_tear_down);
  g_test_add ("/briefing/title", Fixture, NULL, fixture_set_up, test_briefing_title, fixture_tear_down);
  g_test_add_func ("/briefing/table-fits", test_briefing_table_fits);
  g_test_add ("/briefing/handover", Fixture, NULL, fixture_set_up, test_briefing_handover, fixture_tear_down);
  g_test_add ("/briefing/trend-period", Fixture, NULL, fixture_set_up, test_briefing_trend_period,
              fixture_tear_down);
  g_test_add ("/briefing/invalid", Fixture, NULL, fixture_set_up, test_briefing_invalid, fixture_tear_down);
  g_test_add ("/briefing/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  ret = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  return ret;
}
