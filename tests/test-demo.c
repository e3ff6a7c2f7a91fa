/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-demo.h"
#include "tl-store-watch.h"

/* Fixed seed of the "realistic day" checks; any seed must pass them. */
#define SEED 20240712

/* See test_stable_across_builds() */
#define PINNED_CHECKSUM "3a61f5d49c31922fb2703a402f175dd59e46dbcf7a57b1efa3e9c1925fb47d66"

/* Everything the demo generates lies in this box: Berck to Dunkirk,
 * Dungeness to Deal. */
#define AREA_SOUTH 50.35
#define AREA_NORTH 51.40
#define AREA_WEST  0.90
#define AREA_EAST  2.45

/* And what happens at sea stays in the strait. */
#define STRAIT_SOUTH 50.70
#define STRAIT_NORTH 51.20
#define STRAIT_WEST  1.20
#define STRAIT_EAST  1.90

typedef struct {
  char   *name;
  char   *kind;
  char   *country;
  double  lat, lon;
} Place;

typedef struct {
  double  west, south, east, north;
  double *pts;   /* lon, lat pairs */
  guint   n;
} Ring;

static GArray *places;   /* Place */
static GArray *land;     /* Ring: land polygons near the strait */

/* Helpers */

static gint64
local_midnight (int y,
                int m,
                int d)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
day_range (int     y,
           int     m,
           int     d,
           gint64 *out_start,
           gint64 *out_end)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (dt, 1);

  *out_start = g_date_time_to_unix (dt);
  *out_end = g_date_time_to_unix (next);
}

static double
distance_m (double lat1,
            double lon1,
            double lat2,
            double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 2 * 6371008.8 * asin (sqrt (a));
}

static void
load_places (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/places.csv", 0, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  places = g_array_new (FALSE, FALSE, sizeof (Place));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      Place p;

      if (g_strv_length (f) != 5)
        continue;
      p.name = g_strdup (f[0]);
      p.kind = g_strdup (f[1]);
      p.country = g_strdup (f[2]);
      p.lat = g_ascii_strtod (f[3], NULL);
      p.lon = g_ascii_strtod (f[4], NULL);
      g_array_append_val (places, p);
    }
  g_assert_cmpuint (places->len, >, 10);
}

static const Place *
find_place (const char *name)
{
  for (guint i = 0; i < places->len; i++)
    if (g_str_equal (g_array_index (places, Place, i).name, name))
      return &g_array_index (places, Place, i);

  return NULL;
}

/* The bundled GSHHG coastline is 750 kB of GeoJSON: a JsonParser builds
 * a node per number, which under ASan takes seconds, so this reads the
 * coordinate arrays directly. Arrays of numbers are points, arrays of
 * points are rings, and a ring that is first in its array is the outer
 * ring of a polygon: land (holes are lakes, which do not matter here). */
static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

static const char *
read_array (const char *p,
            guint       index_in_parent,
            GArray     *points)
{
  guint index = 0;

  g_assert_true (*p == '[');
  p = skip_space (p + 1);

  if (*p == '-' || g_ascii_isdigit (*p))
    {
      /* a point: lon, lat */
      char *end;
      double lon = g_ascii_strtod (p, &end);
      double lat;

      p = skip_space (end);
      g_assert_true (*p == ',');
      lat = g_ascii_strtod (p + 1, &end);
      p = end;
      g_array_append_val (points, lon);
      g_array_append_val (points, lat);
      while (*p != ']')   /* an altitude, if any */
        p++;
      return p + 1;
    }

  /* an array of arrays: rings clear the buffer, so points left in it
   * after the loop mean that this array is a ring */
  while (*p == '[')
    {
      p = skip_space (read_array (p, index++, points));
      if (*p == ',')
        p = skip_space (p + 1);
    }

  /* the first ring of a polygon is its outline */
  if (points->len >= 6 && index_in_parent == 0)
    {
      Ring r = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, NULL, 0 };
      double *pts = (double *) (gpointer) points->data;

      r.n = points->len / 2;
      for (guint k = 0; k < r.n; k++)
        {
          r.west = MIN (r.west, pts[2 * k]);
          r.east = MAX (r.east, pts[2 * k]);
          r.south = MIN (r.south, pts[2 * k + 1]);
          r.north = MAX (r.north, pts[2 * k + 1]);
        }
      if (r.north >= AREA_SOUTH && r.south <= AREA_NORTH
          && r.east >= AREA_WEST && r.west <= AREA_EAST)
        {
          r.pts = g_memdup2 (pts, points->len * sizeof (double));
          g_array_append_val (land, r);
        }
    }
  g_array_set_size (points, 0);

  g_assert_true (*p == ']');
  return p + 1;
}

static void
load_land (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  const char *p;

  bytes = g_resources_lookup_data (RESOURCE_PATH "/coastline/channel-full.geojson", 0, NULL);
  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  land = g_array_new (FALSE, FALSE, sizeof (Ring));

  for (p = strstr (text, "\"coordinates\""); p != NULL; p = strstr (p, "\"coordinates\""))
    {
      p = skip_space (strchr (p, ':') + 1);
      p = read_array (p, G_MAXUINT, points);
    }
  g_assert_cmpuint (land->len, >, 0);
}

static gboolean
on_land (double lat,
         double lon)
{
  for (guint i = 0; i < land->len; i++)
    {
      const Ring *r = &g_array_index (land, Ring, i);
      gboolean inside = FALSE;

      if (lon < r->west || lon > r->east || lat < r->south || lat > r->north)
        continue;

      for (guint k = 0, j = r->n - 1; k < r->n; j = k++)
        {
          double xi = r->pts[2 * k], yi = r->pts[2 * k + 1];
          double xj = r->pts[2 * j], yj = r->pts[2 * j + 1];

          if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            inside = !inside;
        }
      if (inside)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
generate_range (guint64 seed,
                gint64  start,
                gint64  end)
{
  g_autoptr(GError) error = NULL;
  TlDemoOptions options;
  GPtrArray *events;

  tl_demo_options_init (&options, seed, start, end);
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (events);

  return events;
}

static GPtrArray *
generate_day (guint64 seed,
              int     y,
              int     m,
              int     d)
{
  gint64 start, end;

  day_range (y, m, d, &start, &end);

  return generate_range (seed, start, end);
}

static JsonObject *
details_of (TlEvent *event)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *details = tl_event_get_details (event);

  g_assert_nonnull (details);
  json_parser_load_from_data (parser, details, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
at_sea (TlEvent *event)
{
  g_autoptr(JsonObject) details = NULL;

  switch (tl_event_get_kind (event))
    {
    case TL_EVENT_KIND_INTERCEPTION:
    case TL_EVENT_KIND_RESCUE:
      return TRUE;
    case TL_EVENT_KIND_SIGHTING:
      details = details_of (event);
      return g_str_equal (json_object_get_string_member (details, "source"), "aerial")
          || g_str_equal (json_object_get_string_member (details, "source"), "vessel");
    case TL_EVENT_KIND_PATROL:
      details = details_of (event);
      return !g_str_equal (json_object_get_string_member (details, "kind"), "shore");
    case TL_EVENT_KIND_DEPARTURE:
    case TL_EVENT_KIND_ARRIVAL:
    case TL_EVENT_N_KINDS:
    default:
      return FALSE;
    }
}

/* Tests */

/* The checks below are only as good as the land test. */
static void
test_land_check (void)
{
  g_assert_true (on_land (50.75, 1.90));    /* Pas-de-Calais, inland */
  g_assert_true (on_land (51.15, 1.00));    /* Kent */
  g_assert_true (on_land (50.869, 1.600));  /* Cap Gris-Nez */
  g_assert_false (on_land (51.00, 1.50));   /* mid-strait */
  g_assert_false (on_land (50.80, 1.50));   /* off Boulogne */
  g_assert_false (on_land (51.10, 1.40));   /* off Dover */
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) a = generate_day (SEED, 2024, 7, 12);
  g_autoptr(GPtrArray) b = generate_day (SEED, 2024, 7, 12);
  g_autoptr(GPtrArray) c = generate_day (SEED + 1, 2024, 7, 12);
  guint n_same = 0;

  g_assert_cmpuint (a->len, >, 0);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *ja = tl_event_to_json (g_ptr_array_index (a, i));
      g_autofree char *jb = tl_event_to_json (g_ptr_array_index (b, i));

      g_assert_cmpstr (ja, ==, jb);
    }

  for (guint i = 0; i < MIN (a->len, c->len); i++)
    {
      g_autofree char *ja = tl_event_to_json (g_ptr_array_index (a, i));
      g_autofree char *jc = tl_event_to_json (g_ptr_array_index (c, i));

      n_same += g_str_equal (ja, jc);
    }
  g_assert_true (a->len != c->len || n_same < a->len / 2);
}

/* A pinned value: a change here means every seed gives different data,
 * which breaks recorded training scenarios and benchmarks. Update it only
 * on purpose. */
static void
test_stable_across_builds (void)
{
  g_autoptr(GPtrArray) events = generate_day (1, 2024, 7, 12);
  TlEvent *first = g_ptr_array_index (events, 0);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *checksum = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);

      /* positions to a metre: the generator uses no libm, but this keeps
       * the pin independent of how doubles are printed */
      g_string_append_printf (all, "%s %" G_GINT64_FORMAT " %.5f %.5f %d %d %s|",
                              tl_event_kind_to_string (tl_event_get_kind (e)),
                              tl_event_get_time (e),
                              tl_event_get_latitude (e), tl_event_get_longitude (e),
                              tl_event_get_people (e), tl_event_get_rescued (e),
                              tl_event_get_details (e));
    }
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, all->str, all->len);
  g_test_message ("first event %s at %" G_GINT64_FORMAT ", %u events, checksum %s",
                  tl_event_kind_to_string (tl_event_get_kind (first)),
                  tl_event_get_time (first), events->len, checksum);
  g_assert_cmpstr (checksum, ==, PINNED_CHECKSUM);
}

static void
check_day (GPtrArray *events,
           gint64     start,
           gint64     end)
{
  g_autoptr(GHashTable) departures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);
      TlEventKind kind = tl_event_get_kind (e);
      g_autoptr(JsonObject) details = details_of (e);
      double lat = tl_event_get_latitude (e), lon = tl_event_get_longitude (e);
      int people = tl_event_get_people (e);

      /* in the range, in order */
      g_assert_cmpint (tl_event_get_time (e), >=, start);
      g_assert_cmpint (tl_event_get_time (e), <, end);
      if (i > 0)
        g_assert_cmpint (tl_event_get_time (g_ptr_array_index (events, i - 1)), <=,
                         tl_event_get_time (e));
      g_assert_cmpint (tl_event_get_id (e), ==, 0);
      g_assert_cmpint (tl_event_get_case_id (e), ==, 0);
      if (tl_event_get_end_time (e) != TL_TIME_NONE)
        g_assert_cmpint (tl_event_get_end_time (e), >, tl_event_get_time (e));
      g_assert_nonnull (tl_event_get_notes (e));
      g_assert_nonnull (tl_event_get_place (e));

      /* where */
      g_assert_true (tl_event_has_position (e));
      g_assert_cmpfloat (lat, >=, AREA_SOUTH);
      g_assert_cmpfloat (lat, <=, AREA_NORTH);
      g_assert_cmpfloat (lon, >=, AREA_WEST);
      g_assert_cmpfloat (lon, <=, AREA_EAST);
      if (at_sea (e))
        {
          g_assert_cmpfloat (lat, >=, STRAIT_SOUTH);
          g_assert_cmpfloat (lat, <=, STRAIT_NORTH);
          g_assert_cmpfloat (lon, >=, STRAIT_WEST);
          g_assert_cmpfloat (lon, <=, STRAIT_EAST);
          if (on_land (lat, lon))
            g_error ("%s at %f,%f is on land", tl_event_get_details (e), lat, lon);
        }

      /* counts */
      if (people != TL_COUNT_UNKNOWN)
        g_assert_cmpint (people, >=, 0);
      if (kind == TL_EVENT_KIND_RESCUE)
        {
          g_assert_cmpint (tl_event_get_rescued (e), >=, 0);
          g_assert_cmpint (tl_event_get_deceased (e), >=, 0);
          g_assert_cmpint (tl_event_get_missing (e), >=, 0);
          g_assert_cmpint (tl_event_get_rescued (e) + tl_event_get_deceased (e)
                           + tl_event_get_missing (e), <=, people);
          g_assert_cmpint (tl_event_get_deceased (e), <=, 2);
          g_assert_cmpint (tl_event_get_missing (e), <=, 3);
          g_assert_nonnull (find_place (json_object_get_string_member (details, "taken_to")));
        }
      else
        {
          g_assert_cmpint (tl_event_get_rescued (e), ==, TL_COUNT_UNKNOWN);
          g_assert_cmpint (tl_event_get_deceased (e), ==, TL_COUNT_UNKNOWN);
        }

      if (kind == TL_EVENT_KIND_PATROL)
        {
          const char *pk = json_object_get_string_member (details, "kind");

          g_assert_true (g_str_equal (pk, "sea") || g_str_equal (pk, "shore")
                         || g_str_equal (pk, "air"));
          g_assert_nonnull (tl_event_get_unit (e));
          /* a patrol has an end unless it is still out */
          g_assert_true ((tl_event_get_end_time (e) != TL_TIME_NONE)
                         != (tl_event_get_status (e) == TL_EVENT_STATUS_ONGOING));
          continue;
        }

      g_assert_true (json_object_has_member (details, "boat_ref"));
      g_assert_cmpint (tl_event_get_boats (e), ==, 1);

      if (kind == TL_EVENT_KIND_DEPARTURE)
        {
          const Place *beach = find_place (tl_event_get_place (e));
          double best = G_MAXDOUBLE;

          g_assert_cmpint (people, >=, 40);
          g_assert_cmpint (people, <=, 80);
          g_assert_nonnull (beach);
          g_assert_true (g_str_equal (beach->kind, "beach") || g_str_equal (beach->kind, "canal"));
          g_assert_cmpstr (beach->country, ==, "FR");
          g_assert_cmpint (json_object_get_boolean_member_with_default (details, "taxi_boat",
                                                                        FALSE),
                           ==, g_str_equal (beach->kind, "canal"));
          if (json_object_has_member (details, "action_on_shore"))
            {
              const char *action = json_object_get_string_member (details, "action_on_shore");

              g_assert_true (g_str_equal (action, "deterred")
                             || g_str_equal (action, "boat_disabled")
                             || g_str_equal (action, "people_returned"));
            }

          /* within 2 km of a gazetteer beach */
          for (guint j = 0; j < places->len; j++)
            {
              const Place *p = &g_array_index (places, Place, j);

              if (g_str_equal (p->kind, "beach") || g_str_equal (p->kind, "canal"))
                best = MIN (best, distance_m (lat, lon, p->lat, p->lon));
            }
          g_assert_cmpfloat (best, <, 2000);
          g_assert_cmpfloat (distance_m (lat, lon, beach->lat, beach->lon), <, 2000);

          g_hash_table_insert (departures,
                               g_strdup (json_object_get_string_member (details, "boat_ref")), e);
        }
      else if (kind == TL_EVENT_KIND_RESCUE || kind == TL_EVENT_KIND_ARRIVAL)
        {
          const char *ref = json_object_get_string_member (details, "boat_ref");
          TlEvent *dep = g_hash_table_lookup (departures, ref);
          int n_gone = GPOINTER_TO_INT (g_hash_table_lookup (gone, ref));

          g_assert_nonnull (dep);
          g_assert_null (json_object_get_member (details, "action_on_shore"));

          if (kind == TL_EVENT_KIND_RESCUE)
            {
              const Place *to = find_place (json_object_get_string_member (details, "taken_to"));

              /* people taken back to France never land in England */
              if (g_str_equal (to->country, "FR"))
                n_gone += tl_event_get_rescued (e);
              n_gone += tl_event_get_deceased (e) + tl_event_get_missing (e);
              g_hash_table_insert (gone, g_strdup (ref), GINT_TO_POINTER (n_gone));
            }
          else
            {
              const Place *to = find_place (tl_event_get_place (e));

              g_assert_nonnull (to);
              g_assert_cmpstr (to->country, ==, "GB");
              g_assert_cmpint (people, ==, tl_event_get_people (dep) - n_gone);
              g_assert_cmpfloat (distance_m (lat, lon, to->lat, to->lon), <, 2000);
            }
        }
      else if (kind == TL_EVENT_KIND_SIGHTING)
        {
          const char *source = json_object_get_string_member (details, "source");
          const char *confidence = json_object_get_string_member (details, "confidence");

          g_assert_true (g_str_equal (source, "aerial") || g_str_equal (source, "camera")
                         || g_str_equal (source, "shore_patrol") || g_str_equal (source, "vessel"));
          g_assert_true (g_str_equal (confidence, "high") || g_str_equal (confidence, "medium")
                         || g_str_equal (confidence, "low"));
        }
    }
}

static void
test_realistic_day (void)
{
  g_autoptr(GPtrArray) events = NULL;
  guint kinds[TL_EVENT_N_KINDS] = { 0 };
  guint statuses[TL_EVENT_N_STATUSES] = { 0 };
  gint64 start, end;

  day_range (2024, 7, 12, &start, &end);
  events = generate_range (SEED, start, end);
  check_day (events, start, end);

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);

      kinds[tl_event_get_kind (e)]++;
      statuses[tl_event_get_status (e)]++;
    }

  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    if (kinds[k] == 0)
      g_error ("no %s on the test day", tl_event_kind_to_string (k));
  g_assert_cmpuint (kinds[TL_EVENT_KIND_DEPARTURE], >=, 5);
  g_assert_cmpuint (kinds[TL_EVENT_KIND_DEPARTURE], <=, 40);

  /* a past day is mostly closed */
  g_assert_cmpuint (statuses[TL_EVENT_STATUS_CLOSED], >, events->len * 3 / 4);
}

/* Many days and seeds: the invariants hold whatever the weather. */
static void
test_many_days (void)
{
  guint min_departures = G_MAXUINT, max_departures = 0;
  guint n_ongoing = 0, n_taxi = 0, n_prevented = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GPtrArray) events = NULL;
      gint64 start, end;
      guint n_dep = 0;

      day_range (2023, 1 + i % 12, 1 + (i * 7) % 28, &start, &end);
      events = generate_range (SEED + i / 10, start, end);
      check_day (events, start, end);

      for (guint j = 0; j < events->len; j++)
        {
          TlEvent *e = g_ptr_array_index (events, j);

          if (tl_event_get_status (e) == TL_EVENT_STATUS_ONGOING)
            n_ongoing++;
          if (tl_event_get_kind (e) == TL_EVENT_KIND_DEPARTURE)
            {
              g_autoptr(JsonObject) details = details_of (e);

              n_dep++;
              n_taxi += json_object_has_member (details, "taxi_boat");
              n_prevented += json_object_has_member (details, "action_on_shore");
            }
        }
      min_departures = MIN (min_departures, n_dep);
      max_departures = MAX (max_departures, n_dep);
    }

  /* the weather makes calm and rough days */
  g_assert_cmpuint (min_departures, >=, 5);
  g_assert_cmpuint (min_departures, <=, 10);
  g_assert_cmpuint (max_departures, >=, 18);
  g_assert_cmpuint (max_departures, <=, 40);
  g_assert_cmpuint (n_ongoing, >, 0);
  g_assert_cmpuint (n_taxi, >, 0);
  g_assert_cmpuint (n_prevented, >, 0);
}

/* A day's boats are the same whether it is generated alone or within a
 * longer range: only what the range cuts off differs. */
static void
test_day_independent_of_range (void)
{
  g_autoptr(GPtrArray) alone = generate_day (SEED, 2024, 3, 30);
  g_autoptr(GPtrArray) range = NULL;
  gint64 start, end, day_start, day_end, unused;
  guint n_alone = 0, n_range = 0;

  /* the 31st is 23 hours long */
  day_range (2024, 3, 29, &start, &unused);
  day_range (2024, 3, 31, &unused, &end);
  day_range (2024, 3, 30, &day_start, &day_end);
  range = generate_range (SEED, start, end);

  for (guint i = 0, j = 0; i < alone->len; i++)
    {
      TlEvent *a = g_ptr_array_index (alone, i);
      g_autofree char *ja = NULL;

      if (tl_event_get_kind (a) != TL_EVENT_KIND_DEPARTURE)
        continue;
      n_alone++;

      /* the same departure, in the same order, in the longer range */
      for (; j < range->len; j++)
        {
          TlEvent *b = g_ptr_array_index (range, j);

          if (tl_event_get_kind (b) == TL_EVENT_KIND_DEPARTURE
              && tl_event_get_time (b) >= day_start && tl_event_get_time (b) < day_end)
            break;
        }
      g_assert_cmpuint (j, <, range->len);
      ja = tl_event_to_json (a);
      {
        g_autofree char *jb = tl_event_to_json (g_ptr_array_index (range, j));

        g_assert_cmpstr (ja, ==, jb);
      }
      j++;
      n_range++;
    }
  g_assert_cmpuint (n_alone, >, 0);
  g_assert_cmpuint (n_alone, ==, n_range);
}

static void
test_exact_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) per_day = NULL;
  TlDemoOptions options;
  gint64 start = local_midnight (2024, 1, 1);
  gint64 end = local_midnight (2024, 1, 31);

  tl_demo_options_init (&options, SEED, start, end);
  options.n_events = 20000;
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 20000);
  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);

      g_assert_cmpint (tl_event_get_time (e), >=, start);
      g_assert_cmpint (tl_event_get_time (e), <, end);
    }

  /* 1000 a day; the range ends at noon on its last day: half a day */
  tl_demo_options_init (&options, SEED, start, local_midnight (2024, 1, 3) + 12 * 3600);
  options.events_per_day = 1000;
  per_day = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (per_day->len, ==, 2500);

  /* a window with no night in it still gets its events (patrols) */
  {
    g_autoptr(GPtrArray) noon = NULL;

    tl_demo_options_init (&options, SEED, start + 12 * 3600, start + 13 * 3600);
    options.n_events = 50;
    noon = tl_demo_generate_events (&options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (noon->len, ==, 50);
  }
}

static void
test_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) events = NULL;
  TlDemoOptions options;
  gint64 start = local_midnight (2024, 7, 12);

  tl_demo_options_init (&options, SEED, start, start);
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_error (error, TL_DEMO_ERROR, TL_DEMO_ERROR_INVALID);
  g_assert_null (events);
  g_clear_error (&error);

  tl_demo_options_init (&options, SEED, start, start + 86400);
  g_cancellable_cancel (cancellable);
  events = tl_demo_generate_events (&options, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (events);
}

typedef struct {
  guint   calls;
  guint64 last;
} Progress;

static void
progress_cb (guint64  n_done,
             guint64  n_total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (n_done, >, progress->last);
  progress->calls++;
  progress->last = n_done;
}

/* Every boat followed by more than one report has a case of its own,
 * whose status says how its story ended; a boat seen once has none. */
static void
assert_boats_in_cases (TlStore   *store,
                       GPtrArray *events)
{
  g_autoptr(GHashTable) case_of_boat = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reports_of_boat = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) boat_of_case = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint n_cases = 0;

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);
      g_autoptr(JsonNode) details = json_from_string (tl_event_get_details (e), NULL);
      const char *ref = json_object_get_string_member_with_default (json_node_get_object (details),
                                                                    "boat_ref", NULL);
      guint n;

      /* Patrols follow no boat. */
      if (ref == NULL)
        {
          g_assert_cmpint (tl_event_get_case_id (e), ==, 0);
          continue;
        }
      n = GPOINTER_TO_UINT (g_hash_table_lookup (reports_of_boat, ref));
      g_hash_table_replace (reports_of_boat, g_strdup (ref), GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *e = g_ptr_array_index (events, i);
      g_autoptr(JsonNode) details = json_from_string (tl_event_get_details (e), NULL);
      const char *ref = json_object_get_string_member_with_default (json_node_get_object (details),
                                                                    "boat_ref", NULL);
      gint64 case_id = tl_event_get_case_id (e);
      gpointer known;

      if (ref == NULL)
        continue;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (reports_of_boat, ref)) < 2)
        {
          g_assert_cmpint (case_id, ==, 0);
          continue;
        }
      g_assert_cmpint (case_id, >, 0);
      if ((known = g_hash_table_lookup (case_of_boat, ref)) != NULL)
        {
          g_assert_cmpint (*(gint64 *) known, ==, case_id);
          continue;
        }

      /* A new boat: a new case, with the status its story ended on. */
      {
        gint64 *id = g_new (gint64, 1);
        g_autoptr(TlCase) found = tl_store_get_case (store, case_id, &error);
        g_autoptr(GPtrArray) members = tl_store_list_case_events (store, case_id, &error);
        gboolean landed = FALSE, rescued = FALSE;

        g_assert_no_error (error);
        *id = case_id;
        g_assert_false (g_hash_table_contains (boat_of_case, id));
        g_hash_table_insert (boat_of_case, id, (gpointer) ref);
        g_hash_table_insert (case_of_boat, g_strdup (ref), id);
        g_assert_cmpuint (members->len, ==, GPOINTER_TO_UINT (g_hash_table_lookup (reports_of_boat, ref)));
        for (guint m = 0; m < members->len; m++)
          {
            TlEventKind kind = tl_event_get_kind (g_ptr_array_index (members, m));

            landed |= kind == TL_EVENT_KIND_ARRIVAL;
            rescued |= kind == TL_EVENT_KIND_RESCUE || kind == TL_EVENT_KIND_INTERCEPTION;
          }
        if (landed)
          g_assert_cmpint (found->status, ==, TL_CASE_STATUS_LANDED);
        else if (rescued)
          g_assert_cmpint (found->status, ==, TL_CASE_STATUS_RESCUED);
        n_cases++;
      }
    }

  /* A realistic day follows some boats from the beach to England. */
  g_assert_cmpuint (n_cases, >, 0);
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "demo.sqlite", NULL);
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  TlDemoOptions options;
  Progress progress = { 0 };
  guint64 n_written = 0;
  gint64 start, end;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = tl_store_open (path, &error);
  g_assert_no_error (error);

  /* a realistic day: the store holds what tl_demo_generate_events() gives */
  day_range (2024, 7, 12, &start, &end);
  tl_demo_options_init (&options, SEED, start, end);
  events = tl_demo_generate_events (&options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_demo_generate (store, &options, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, events->len);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, events->len);
  g_assert_no_error (error);

  listed = tl_store_list_events (store, start, end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, events->len);
  for (guint i = 0; i < listed->len; i++)
    {
      TlEvent *e = g_ptr_array_index (listed, i);

      g_assert_cmpint (tl_event_get_id (e), >, 0);
      g_assert_cmpstr (tl_event_get_created_by (e), ==, TL_DEMO_OPERATOR);
    }
  assert_boats_in_cases (store, listed);

  /* a month, in batches (the 20k of test_exact_counts in memory would
   * take too long under ASan through the store's triggers) */
  tl_demo_options_init (&options, SEED + 1,
                        local_midnight (2024, 8, 1), local_midnight (2024, 9, 1));
  options.n_events = 2000;
  options.batch_size = 300;
  options.progress = progress_cb;
  options.progress_data = &progress;
  g_assert_true (tl_demo_generate (store, &options, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 2000);
  g_assert_cmpuint (progress.calls, >=, 6);
  g_assert_cmpuint (progress.last, ==, 2000);
  g_assert_cmpint (tl_store_count_events (store, &error), ==, events->len + 2000);
  g_assert_no_error (error);
}

/* The demo database of --demo: today, and nothing after now. */
static void
test_today_until_now (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(TlStore) store = tl_cli_open_demo_store (zone, &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (tl_store_count_in_window (store, now + 1, G_MAXINT64, &error), ==, 0);
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    g_autofree char *path = tl_cli_demo_database_path ();

    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
        g_unlink (file);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  load_places ();
  load_land ();

  g_test_add_func ("/demo/land-check", test_land_check);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/stable-across-builds", test_stable_across_builds);
  g_test_add_func ("/demo/realistic-day", test_realistic_day);
  g_test_add_func ("/demo/many-days", test_many_days);
  g_test_add_func ("/demo/day-independent-of-range", test_day_independent_of_range);
  g_test_add_func ("/demo/exact-counts", test_exact_counts);
  g_test_add_func ("/demo/invalid", test_invalid);
  g_test_add_func ("/demo/store", test_store);
  g_test_add_func ("/demo/today-until-now", test_today_until_now);

  ret = g_test_run ();

  for (guint i = 0; i < places->len; i++)
    {
      Place *p = &g_array_index (places, Place, i);

      g_free (p->name);
      g_free (p->kind);
      g_free (p->country);
    }
  g_array_unref (places);
  for (guint i = 0; i < land->len; i++)
    g_free (g_array_index (land, Ring, i).pts);
  g_array_unref (land);

  return ret;
}
