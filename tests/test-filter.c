/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "tl-event-list.h"
#include "tl-filter.h"
#include "tl-store.h"
#include "tl-test-store.h"
#include "tl-time.h"

#define HOUR G_GINT64_CONSTANT (3600)

/* Expected instants come from GDateTime, not from the code under test.
 * EU clocks change at 01:00 UTC on 29 March and 25 October 2026. */
static gint64
local (const char *zone_id, int y, int m, int d, int h, int min)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone_id);
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, h, min, 0);

  return g_date_time_to_unix (dt);
}

/* Local midnight @days after y-m-d (which may be negative or overflow the
 * month). */
static gint64
midnight_plus (const char *zone_id, int y, int m, int d, int days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone_id);
  g_autoptr(GDateTime) noon = g_date_time_new (tz, y, m, d, 12, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (noon, days);

  return local (zone_id, g_date_time_get_year (shifted), g_date_time_get_month (shifted),
                g_date_time_get_day_of_month (shifted), 0, 0);
}

typedef struct {
  const char *zone;
  int         month;
  int         day;
  gint64      hours;      /* length of that local day */
} DayCase;

static const DayCase day_cases[] = {
  { "UTC", 3, 29, 24 }, { "UTC", 10, 25, 24 }, { "UTC", 7, 14, 24 },
  { "Europe/London", 3, 29, 23 }, { "Europe/London", 10, 25, 25 }, { "Europe/London", 7, 14, 24 },
  { "Europe/Paris", 3, 29, 23 }, { "Europe/Paris", 10, 25, 25 }, { "Europe/Paris", 7, 14, 24 },
};

/* window presets */

static void
test_presets (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      const DayCase *c = &day_cases[i];
      g_autoptr(GTimeZone) zone = tl_time_zone_new (c->zone);
      gint64 midnight = local (c->zone, 2026, c->month, c->day, 0, 0);
      gint64 next_midnight = midnight_plus (c->zone, 2026, c->month, c->day, 1);
      gint64 three_days_back = midnight_plus (c->zone, 2026, c->month, c->day, -2);
      /* Noon, and just after midnight: the 6 and 24 hours then reach over
       * the clock change or into the day before. */
      gint64 nows[] = { local (c->zone, 2026, c->month, c->day, 12, 0),
                        local (c->zone, 2026, c->month, c->day, 23, 30) };

      g_test_message ("%s 2026-%02d-%02d", c->zone, c->month, c->day);
      g_assert_cmpint (next_midnight - midnight, ==, c->hours * HOUR);

      for (guint n = 0; n < G_N_ELEMENTS (nows); n++)
        {
          gint64 now = nows[n], from, to;

          tl_window_preset_range (TL_WINDOW_PRESET_DAY, zone, now, &from, &to);
          g_assert_cmpint (from, ==, midnight);
          g_assert_cmpint (to, ==, next_midnight);
          g_assert_cmpint (to - from, ==, c->hours * HOUR);

          tl_window_preset_range (TL_WINDOW_PRESET_CUSTOM, zone, now, &from, &to);
          g_assert_cmpint (from, ==, midnight);
          g_assert_cmpint (to, ==, next_midnight);

          /* Hours are real hours, clock change or not. */
          tl_window_preset_range (TL_WINDOW_PRESET_LAST_6_HOURS, zone, now, &from, &to);
          g_assert_cmpint (to, ==, now + 1);
          g_assert_cmpint (to - from, ==, 6 * HOUR);

          tl_window_preset_range (TL_WINDOW_PRESET_LAST_24_HOURS, zone, now, &from, &to);
          g_assert_cmpint (to, ==, now + 1);
          g_assert_cmpint (to - from, ==, 24 * HOUR);

          /* Three local days: 71, 72 or 73 hours. */
          tl_window_preset_range (TL_WINDOW_PRESET_LAST_3_DAYS, zone, now, &from, &to);
          g_assert_cmpint (from, ==, three_days_back);
          g_assert_cmpint (to, ==, next_midnight);
          g_assert_cmpint (to - from, ==, (48 + c->hours) * HOUR);
        }
    }
}

static void
test_shift (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      const DayCase *c = &day_cases[i];
      g_autoptr(GTimeZone) zone = tl_time_zone_new (c->zone);
      gint64 midnight = local (c->zone, 2026, c->month, c->day, 0, 0);
      gint64 next_midnight = midnight_plus (c->zone, 2026, c->month, c->day, 1);
      gint64 day_before = midnight_plus (c->zone, 2026, c->month, c->day, -1);
      gint64 from, to;
      int n_days = 0;

      /* The day before a clock change is 24 hours; the change day 23 or
       * 25: "previous" and "next" move by calendar days. */
      g_assert_true (tl_window_is_whole_days (zone, midnight, next_midnight, &n_days));
      g_assert_cmpint (n_days, ==, 1);
      tl_window_shift (zone, midnight, next_midnight, -1, &from, &to);
      g_assert_cmpint (from, ==, day_before);
      g_assert_cmpint (to, ==, midnight);
      tl_window_shift (zone, day_before, midnight, 1, &from, &to);
      g_assert_cmpint (from, ==, midnight);
      g_assert_cmpint (to, ==, next_midnight);

      /* Three days back from the day after the change. */
      tl_window_shift (zone, day_before, next_midnight, 1, &from, &to);
      g_assert_cmpint (from, ==, midnight_plus (c->zone, 2026, c->month, c->day, 1));
      g_assert_cmpint (to, ==, midnight_plus (c->zone, 2026, c->month, c->day, 3));

      /* Hour windows move by their length. */
      g_assert_false (tl_window_is_whole_days (zone, midnight + HOUR, next_midnight, NULL));
      tl_window_shift (zone, midnight + 2 * HOUR, midnight + 8 * HOUR, -1, &from, &to);
      g_assert_cmpint (from, ==, midnight - 4 * HOUR);
      g_assert_cmpint (to, ==, midnight + 2 * HOUR);
    }
}

static void
test_preset_names (void)
{
  for (TlWindowPreset p = TL_WINDOW_PRESET_DAY; p <= TL_WINDOW_PRESET_CUSTOM; p++)
    {
      TlWindowPreset back;

      g_assert_nonnull (tl_window_preset_get_label (p));
      g_assert_true (tl_window_preset_from_string (tl_window_preset_to_string (p), &back));
      g_assert_cmpint (back, ==, p);
    }
}

/* filters against the store */

typedef struct {
  char    *path;
  TlStore *store;
  gint64   ids[8];
} Fixture;

#define T0 G_GINT64_CONSTANT (1774738800)   /* 2026-03-28 23:00 UTC */

static gint64
add (TlStore       *store,
     TlEventKind    kind,
     TlEventStatus  status,
     gint64         time,
     const char    *unit,
     const char    *place,
     const char    *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) event = tl_event_new (kind);

  tl_event_set_time (event, time);
  tl_event_set_status (event, status);
  tl_event_set_unit (event, unit);
  tl_event_set_place (event, place);
  tl_event_set_notes (event, notes);
  g_assert_true (tl_store_add_event (store, event, "desk-1", &error));
  g_assert_no_error (error);

  return tl_event_get_id (event);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = tl_test_store_address ("filter.db");
  f->store = tl_store_open (f->path, &error);
  g_assert_no_error (error);

  f->ids[0] = add (f->store, TL_EVENT_KIND_DEPARTURE, TL_EVENT_STATUS_CONFIRMED, T0 + 1 * HOUR,
                   NULL, "Gravelines", "Dinghy leaving at dawn");
  f->ids[1] = add (f->store, TL_EVENT_KIND_SIGHTING, TL_EVENT_STATUS_REPORTED, T0 + 2 * HOUR,
                   "Border Force Typhoon", NULL, "Grey dinghy, engine trouble");
  f->ids[2] = add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_ONGOING, T0 + 3 * HOUR,
                   "RNLI Dover", "Off Dover", "Boat taking on water");
  f->ids[3] = add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_CLOSED, T0 + 4 * HOUR,
                   "RNLI Dover", "Wimereux", "Hypothermia, one évacué by helicopter");
  f->ids[4] = add (f->store, TL_EVENT_KIND_ARRIVAL, TL_EVENT_STATUS_CLOSED, T0 + 5 * HOUR,
                   "Border Force Typhoon", "Dover", NULL);
  f->ids[5] = add (f->store, TL_EVENT_KIND_PATROL, TL_EVENT_STATUS_CLOSED, T0 + 6 * HOUR,
                   "Abeille Normandie", NULL, "Quiet patrol");
  /* Outside the window: the day before and the day after. */
  f->ids[6] = add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_CLOSED, T0 - 2 * HOUR,
                   "RNLI Dover", "Dover", "Boat taking on water");
  f->ids[7] = add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_CLOSED, T0 + 30 * HOUR,
                   "RNLI Dover", "Dover", "Boat taking on water");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer weak = f->store;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* On a server the worker's last job lets go of the store from the main
   * loop, once it is done. */
  g_object_add_weak_pointer (weak, &weak);
  g_object_unref (f->store);
  while (weak != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_free (f->path);
}

/* Asserts the filter keeps exactly the events of @indexes (into f->ids,
 * in time order), -1 terminated. */
static void
assert_query (Fixture        *f,
              const TlFilter *filter,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tl_store_query_events (f->store, filter, &error);
  va_list args;
  guint n = 0;
  int index;

  g_assert_no_error (error);
  va_start (args, filter);
  while ((index = va_arg (args, int)) >= 0)
    {
      g_assert_cmpuint (n, <, events->len);
      g_assert_cmpint (tl_event_get_id (events->pdata[n]), ==, f->ids[index]);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (events->len, ==, n);
}

static void
test_query_combinations (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TlFilter) filter = tl_filter_new (T0, T0 + 24 * HOUR);

  g_assert_false (tl_filter_has_criteria (filter));
  assert_query (f, filter, 0, 1, 2, 3, 4, 5, -1);

  filter->kinds = 1u << TL_EVENT_KIND_RESCUE;
  assert_query (f, filter, 2, 3, -1);
  filter->kinds |= 1u << TL_EVENT_KIND_ARRIVAL;
  assert_query (f, filter, 2, 3, 4, -1);

  filter->statuses = 1u << TL_EVENT_STATUS_CLOSED;
  assert_query (f, filter, 3, 4, -1);

  tl_filter_set_unit (filter, "RNLI Dover");
  assert_query (f, filter, 3, -1);

  /* Words: accents ignored, the last one a prefix, with the others. */
  filter->kinds = filter->statuses = 0;
  tl_filter_set_unit (filter, NULL);
  tl_filter_set_text (filter, "evacue");
  assert_query (f, filter, 3, -1);
  tl_filter_set_text (filter, "dink");
  assert_query (f, filter, -1);
  tl_filter_set_text (filter, "dingh");
  assert_query (f, filter, 0, 1, -1);
  tl_filter_set_text (filter, "grey dingh");
  assert_query (f, filter, 1, -1);
  /* The prefix folded like the index: case and accents typed or not. */
  tl_filter_set_text (filter, "ÉVAC");
  assert_query (f, filter, 3, -1);
  tl_filter_set_text (filter, "hypothermia, ÉVACUÉ");
  assert_query (f, filter, 3, -1);
  /* A whole word in one field, the prefix in another. */
  tl_filter_set_text (filter, "dover boa");
  assert_query (f, filter, 2, -1);
  tl_filter_set_text (filter, "taking on wat");
  assert_query (f, filter, 2, -1);
  tl_filter_set_text (filter, "taking o");
  assert_query (f, filter, 2, -1);
  /* Punctuation inside the last word: its parts in a row, as FTS5 reads
   * a quoted phrase. */
  tl_filter_set_text (filter, "engine-tro");
  assert_query (f, filter, 1, -1);
  tl_filter_set_text (filter, "trouble-engi");
  assert_query (f, filter, -1);
  /* Only the start of a word: "ater" is inside "water". */
  tl_filter_set_text (filter, "ater");
  assert_query (f, filter, -1);

  /* Units and places are searched too; events outside the window with
   * the same words are not listed. */
  tl_filter_set_text (filter, "dover");
  assert_query (f, filter, 2, 3, 4, -1);
  tl_filter_set_text (filter, "typhoon");
  assert_query (f, filter, 1, 4, -1);

  /* Words with kind, status and unit. */
  tl_filter_set_text (filter, "dover");
  filter->kinds = 1u << TL_EVENT_KIND_RESCUE;
  assert_query (f, filter, 2, 3, -1);
  filter->statuses = 1u << TL_EVENT_STATUS_ONGOING | 1u << TL_EVENT_STATUS_REPORTED;
  assert_query (f, filter, 2, -1);
  tl_filter_set_unit (filter, "Border Force Typhoon");
  assert_query (f, filter, -1);

  /* Quotes, operators and punctuation are words, never FTS5 syntax. */
  filter->kinds = filter->statuses = 0;
  tl_filter_set_unit (filter, NULL);
  tl_filter_set_text (filter, "\"water OR NEAR(");
  assert_query (f, filter, -1);
  tl_filter_set_text (filter, "  ");
  g_assert_false (tl_filter_has_text (filter));
  assert_query (f, filter, 0, 1, 2, 3, 4, 5, -1);
  tl_filter_set_text (filter, "--");
  assert_query (f, filter, 0, 1, 2, 3, 4, 5, -1);

  /* An empty window. */
  filter->from = filter->to = T0;
  tl_filter_set_text (filter, "water");
  assert_query (f, filter, -1);
}

/* The ids of the events @filter keeps, in time order, joined by spaces. */
static char *
query_ids (Fixture        *f,
           const TlFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tl_store_query_events (f->store, filter, &error);
  GString *ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", tl_event_get_id (events->pdata[i]));
  return g_string_free (ids, FALSE);
}

static char *
ids_of (gint64 a,
        gint64 b,
        gint64 c)
{
  GString *ids = g_string_new (NULL);
  gint64 all[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (all) && all[i] > 0; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", all[i]);
  return g_string_free (ids, FALSE);
}

#define assert_ids(f, filter, a, b, c) \
  G_STMT_START { \
    g_autofree char *found_ = query_ids ((f), (filter)); \
    g_autofree char *wanted_ = ids_of ((a), (b), (c)); \
    g_assert_cmpstr (found_, ==, wanted_); \
  } G_STMT_END

/* A built-in unit is stored by its English key; a French desk searches
 * for it by its French name ("canot" for the lifeboats), as it reads it
 * in the list, on a file and on a server alike. */
static void
test_query_unit_names (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *catalogue = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(TlFilter) filter = tl_filter_new (T0, T0 + 24 * HOUR);
  gint64 dover, ramsgate, notes, typed;

  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the French catalogue is not built");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "unit", "RNLI Dover lifeboat"), ==,
                   "Canot de sauvetage RNLI de Dover");

  dover = add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_ONGOING, T0 + 7 * HOUR,
               "RNLI Dover lifeboat", NULL, NULL);
  ramsgate = add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_CLOSED, T0 + 8 * HOUR,
                  "SNSM Calais, RNLI Ramsgate lifeboat, Helicopter Dauphin", NULL, NULL);
  notes = add (f->store, TL_EVENT_KIND_PATROL, TL_EVENT_STATUS_CLOSED, T0 + 9 * HOUR,
               "Abeille Normandie", NULL, "Canot pneumatique à la dérive");
  typed = add (f->store, TL_EVENT_KIND_PATROL, TL_EVENT_STATUS_CLOSED, T0 + 10 * HOUR,
               "Volunteer crew 2", NULL, NULL);
  /* the same unit outside the window is not listed */
  add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_CLOSED, T0 + 30 * HOUR,
       "RNLI Dover lifeboat", NULL, NULL);

  /* by the French name, whole or begun, with or without its accents */
  tl_filter_set_text (filter, "canot");
  assert_ids (f, filter, dover, ramsgate, notes);
  tl_filter_set_text (filter, "can");
  assert_ids (f, filter, dover, ramsgate, notes);
  tl_filter_set_text (filter, "canot de sauvetage dov");
  assert_ids (f, filter, dover, 0, 0);
  /* (and the notes' English "helicopter" as before) */
  tl_filter_set_text (filter, "HELICO");
  assert_ids (f, filter, f->ids[3], ramsgate, 0);
  tl_filter_set_text (filter, "hélicoptère dauphin");
  assert_ids (f, filter, ramsgate, 0, 0);
  /* by the stored English key, as before */
  tl_filter_set_text (filter, "lifeboat");
  assert_ids (f, filter, dover, ramsgate, 0);
  /* a unit typed by an officer is not translated: "équipage" (crew)
   * names the built-in "Volunteer crew" only */
  tl_filter_set_text (filter, "équipage");
  assert_ids (f, filter, 0, 0, 0);
  tl_filter_set_text (filter, "volunteer crew");
  assert_ids (f, filter, typed, 0, 0);
  /* with the other criteria */
  tl_filter_set_text (filter, "canot");
  filter->kinds = 1u << TL_EVENT_KIND_PATROL;
  assert_ids (f, filter, notes, 0, 0);
  filter->kinds = 1u << TL_EVENT_KIND_RESCUE;
  filter->statuses = 1u << TL_EVENT_STATUS_CLOSED;
  assert_ids (f, filter, ramsgate, 0, 0);

  g_unsetenv ("LANGUAGE");
}

static void
test_filter_copy_equal (void)
{
  g_autoptr(TlFilter) a = tl_filter_new (1, 2);
  g_autoptr(TlFilter) b = NULL;

  tl_filter_set_text (a, "  dover ");
  g_assert_cmpstr (a->text, ==, "dover");
  tl_filter_set_unit (a, "RNLI Dover");
  a->kinds = 3;
  b = tl_filter_copy (a);
  g_assert_true (tl_filter_equal (a, b));
  tl_filter_set_unit (b, "");
  g_assert_null (b->unit);
  g_assert_false (tl_filter_equal (a, b));
  g_assert_true (tl_filter_equal (NULL, NULL));
  g_assert_false (tl_filter_equal (a, NULL));
}

/* the live list */

static gboolean
deadline_cb (gpointer user_data)
{
  g_error ("The list did not load within 20 s");
  return G_SOURCE_REMOVE;
}

/* On a server the list reads from the store's worker: waits for the
 * answer (at once on a file). */
static TlEventList *
settled (TlEventList *list)
{
  guint deadline = g_timeout_add_seconds (20, deadline_cb, NULL);

  while (tl_event_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
  return list;
}

static void
test_list_filter (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TlEventList) list = settled (tl_event_list_new (f->store, T0, T0 + 24 * HOUR));
  g_autoptr(TlFilter) filter = tl_filter_new (0, 0);
  g_autoptr(TlEvent) first = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_autoptr(TlEvent) kept = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);

  filter->kinds = 1u << TL_EVENT_KIND_RESCUE;
  tl_event_list_set_filter (list, filter);
  settled (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  /* Rows that stay keep their objects. */
  kept = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (kept == first);

  /* A new rescue appears; a new patrol does not. */
  add (f->store, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_REPORTED, T0 + 7 * HOUR, NULL, NULL, NULL);
  add (f->store, TL_EVENT_KIND_PATROL, TL_EVENT_STATUS_REPORTED, T0 + 7 * HOUR, NULL, NULL, NULL);
  settled (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  tl_event_list_set_filter (list, NULL);
  g_assert_null (tl_event_list_get_filter (list));
  settled (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 8);
}

/* Another desk writes through its own connection (as another process
 * would): the list sees it when the store polls. */
static void
test_list_second_connection (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEventList) list = settled (tl_event_list_new (f->store, T0, T0 + 24 * HOUR));
  g_autoptr(TlStore) other = tl_store_open (f->path, &error);
  g_autoptr(TlFilter) filter = tl_filter_new (0, 0);

  g_assert_no_error (error);
  tl_filter_set_text (filter, "capsized");
  tl_event_list_set_filter (list, filter);
  settled (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  add (other, TL_EVENT_KIND_RESCUE, TL_EVENT_STATUS_ONGOING, T0 + 8 * HOUR, "SNSM Calais", NULL,
       "Boat capsized near the Sangatte beach");
  /* Not yet: nothing told this connection. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* A server that this store listens to tells it by itself. */
  if (!tl_store_is_listening (f->store))
    g_assert_true (tl_store_check_for_changes (f->store));
  for (gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
       tl_event_list_is_loading (list) || g_list_model_get_n_items (G_LIST_MODEL (list)) != 1;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_false (tl_store_check_for_changes (f->store));
}

int
main (int   argc,
      char *argv[])
{
  /* gettext reads LANGUAGE (set by /filter/query-unit-names) in any
   * locale but plain C: the suite's C.UTF-8 */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/window/presets", test_presets);
  g_test_add_func ("/window/shift", test_shift);
  g_test_add_func ("/window/preset-names", test_preset_names);
  g_test_add_func ("/filter/copy-equal", test_filter_copy_equal);
  g_test_add ("/filter/query-combinations", Fixture, NULL, fixture_set_up, test_query_combinations, fixture_tear_down);
  g_test_add ("/filter/query-unit-names", Fixture, NULL, fixture_set_up, test_query_unit_names, fixture_tear_down);
  g_test_add ("/event-list/filter", Fixture, NULL, fixture_set_up, test_list_filter, fixture_tear_down);
  g_test_add ("/event-list/second-connection", Fixture, NULL, fixture_set_up, test_list_second_connection, fixture_tear_down);

  return g_test_run ();
}
