/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Demo data: cuts a range into local days, has tl-demo-day.c invent each
 * day, and writes the events to a store in batches of one transaction, so
 * that years of data go in with bounded memory. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-demo-private.h"

/* A century of days is plenty for any demo and keeps day counts small. */
#define MAX_RANGE (100 * G_GINT64_CONSTANT (366) * 24 * 3600)

typedef struct {
  GTimeZone *tz;
  GDateTime *midnight;   /* local midnight starting the current day */
  gint64     day_number;
} DayIter;

G_DEFINE_QUARK (tl-demo-error-quark, tl_demo_error)

static GMutex places_lock;
static GArray *places_cache;   /* TlDemoPlace, loaded once, never freed */

/* Helpers */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static char *
csv_field (const char **cursor)
{
  const char *p = *cursor;
  GString *out = g_string_new (NULL);

  if (*p == '"')
    {
      for (p++; *p != '\0'; p++)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (out, '"'), p++;
          else if (*p == '"')
            {
              p++;
              break;
            }
          else
            g_string_append_c (out, *p);
        }
    }
  else
    for (; *p != '\0' && *p != ','; p++)
      g_string_append_c (out, *p);

  if (*p == ',')
    p++;
  *cursor = p;

  return g_strstrip (g_string_free (out, FALSE));
}

static void
clear_place (gpointer data)
{
  TlDemoPlace *place = data;

  g_free (place->name);
  g_free (place->kind);
  g_free (place->country);
}

static GArray *
parse_places (const char  *text,
              GError     **error)
{
  g_autoptr(GArray) places = g_array_new (FALSE, TRUE, sizeof (TlDemoPlace));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_array_set_clear_func (places, clear_place);

  /* line 0 is the header: name,kind,country,lat,lon */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autofree char *lat = NULL;
      g_autofree char *lon = NULL;
      const char *cursor;
      TlDemoPlace place;
      char *end_lat, *end_lon;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;

      cursor = lines[i];
      place.name = csv_field (&cursor);
      place.kind = csv_field (&cursor);
      place.country = csv_field (&cursor);
      lat = csv_field (&cursor);
      lon = csv_field (&cursor);
      place.latitude = g_ascii_strtod (lat, &end_lat);
      place.longitude = g_ascii_strtod (lon, &end_lon);
      g_array_append_val (places, place);

      if (end_lat == lat || end_lon == lon || *place.name == '\0')
        {
          g_set_error (error, TL_DEMO_ERROR, TL_DEMO_ERROR_FAILED,
                       /* Translators: %u is a line number in the built-in list of places */
                       _("The built-in gazetteer is damaged at line %u"), i + 1);
          return NULL;
        }
    }

  return g_steal_pointer (&places);
}

static gboolean
day_iter_init (DayIter       *iter,
               GTimeZone     *tz,
               gint64         start,
               GError       **error)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) local = NULL;
  int y, m, d;

  if (utc == NULL || (local = g_date_time_to_timezone (utc, tz)) == NULL)
    {
      g_set_error_literal (error, TL_DEMO_ERROR, TL_DEMO_ERROR_INVALID,
                           _("The start of the range is not a valid date"));
      return FALSE;
    }

  g_date_time_get_ymd (local, &y, &m, &d);
  iter->tz = tz;
  iter->midnight = g_date_time_new (tz, y, m, d, 0, 0, 0);
  iter->day_number = days_from_civil (y, m, d);

  return iter->midnight != NULL;
}

static void
day_iter_next (DayIter *iter)
{
  g_autoptr(GDateTime) next = g_date_time_add_days (iter->midnight, 1);
  int y, m, d;

  /* back to 00:00 in case a transition moved the clock */
  g_date_time_get_ymd (next, &y, &m, &d);
  g_date_time_unref (iter->midnight);
  iter->midnight = g_date_time_new (iter->tz, y, m, d, 0, 0, 0);
  iter->day_number++;
}

static void
day_iter_fill (DayIter   *iter,
               TlDemoDay *day)
{
  g_autoptr(GDateTime) next = g_date_time_add_days (iter->midnight, 1);
  int y, m, d;

  g_date_time_get_ymd (iter->midnight, &y, &m, &d);
  day->day_number = iter->day_number;
  day->month = m;
  day->day_of_month = d;
  day->day_start = g_date_time_to_unix (iter->midnight);
  g_date_time_get_ymd (next, &y, &m, &d);
  {
    g_autoptr(GDateTime) next_midnight = g_date_time_new (iter->tz, y, m, d, 0, 0, 0);

    day->day_end = g_date_time_to_unix (next_midnight);
  }
}

static gint64
local_day_number (GTimeZone *tz,
                  gint64     time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);

  return days_from_civil (y, m, d);
}

static gboolean
check_options (const TlDemoOptions  *options,
               GError              **error)
{
  if (options->end <= options->start)
    {
      g_set_error_literal (error, TL_DEMO_ERROR, TL_DEMO_ERROR_INVALID,
                           _("The end of the demo period must come after its start"));
      return FALSE;
    }

  /* 1970 onwards keeps dates sane; a century is plenty */
  if (options->start < 0 || options->end - options->start > MAX_RANGE)
    {
      g_set_error_literal (error, TL_DEMO_ERROR, TL_DEMO_ERROR_INVALID,
                           _("The demo period must start after 1970 and last at most a century"));
      return FALSE;
    }

  return TRUE;
}

typedef gboolean (*DayFunc) (GPtrArray  *events,
                             gpointer    user_data,
                             GError    **error);

/* Generates the range day by day into @events, calling @func after each
 * day so that it can write and empty the array. */
static gboolean
generate (const TlDemoOptions  *options,
          GPtrArray            *events,
          DayFunc               func,
          gpointer              user_data,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  const TlDemoPlace *places;
  guint n_places;
  DayIter iter = { 0 };
  gint64 first, n_days;
  gboolean ok = TRUE;

  if (!check_options (options, error))
    return FALSE;
  if ((places = tl_demo_get_places (&n_places, error)) == NULL)
    return FALSE;

  if (options->time_zone != NULL)
    tz = g_time_zone_ref (options->time_zone);
  else if ((tz = g_time_zone_new_identifier ("Europe/Paris")) == NULL)
    tz = g_time_zone_new_offset (3600);   /* no tzdata: Paris in winter */

  if (!day_iter_init (&iter, tz, options->start, error))
    return FALSE;

  first = iter.day_number;
  n_days = local_day_number (tz, options->end - 1) - first + 1;

  for (gint64 i = 0; i < n_days; i++, day_iter_next (&iter))
    {
      TlDemoDay day = {
        .seed = options->seed,
        .range_start = options->start,
        .range_end = options->end,
      };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      day_iter_fill (&iter, &day);
      if (options->n_events > 0)
        {
          /* spread evenly; the remainder goes one by one to later days */
          day.target = options->n_events * (guint64) (i + 1) / (guint64) n_days
                     - options->n_events * (guint64) i / (guint64) n_days;
        }
      else if (options->events_per_day > 0)
        {
          /* a day cut by the range gets its share */
          gint64 lo = MAX (day.day_start, options->start);
          gint64 hi = MIN (day.day_end, options->end);

          day.target = (guint64) options->events_per_day * (guint64) (hi - lo)
                     / (guint64) (day.day_end - day.day_start);
        }
      else
        day.realistic = TRUE;

      if (day.realistic || day.target > 0)
        tl_demo_day_generate (&day, places, n_places, events);

      if (func != NULL && !func (events, user_data, error))
        {
          ok = FALSE;
          break;
        }
    }

  g_clear_pointer (&iter.midnight, g_date_time_unref);

  return ok;
}

typedef struct {
  TlStore             *store;
  const TlDemoOptions *options;
  guint                batch_size;
  guint64              n_written;
  guint64              n_total;
} WriteData;

/* The boat an event is about, from its details: the text after
 * "boat_ref":" up to the closing quote (the generator writes it so), or
 * NULL. */
static char *
boat_ref_of (TlEvent *event)
{
  static const char key[] = "\"boat_ref\":\"";
  const char *details = tl_event_get_details (event);
  const char *start, *end;

  if (details == NULL || (start = strstr (details, key)) == NULL)
    return NULL;
  start += strlen (key);
  if ((end = strchr (start, '"')) == NULL)
    return NULL;
  return g_strndup (start, end - start);
}

/* Where a boat's story stands, from its reports: landed, rescued (or
 * intercepted, which transfers the people), or still being followed. */
static TlCaseStatus
case_status_of (GPtrArray *events,
                GArray    *members)
{
  gboolean landed = FALSE, rescued = FALSE, ongoing = FALSE, confirmed = FALSE;

  for (guint m = 0; m < members->len; m++)
    {
      TlEvent *event = g_ptr_array_index (events, g_array_index (members, guint, m));

      switch (tl_event_get_kind (event))
        {
        case TL_EVENT_KIND_ARRIVAL: landed = TRUE; break;
        case TL_EVENT_KIND_RESCUE:
        case TL_EVENT_KIND_INTERCEPTION: rescued = TRUE; break;
        default: break;
        }
      ongoing |= tl_event_get_status (event) == TL_EVENT_STATUS_ONGOING;
      confirmed |= tl_event_get_status (event) == TL_EVENT_STATUS_CONFIRMED;
    }

  return landed ? TL_CASE_STATUS_LANDED
       : rescued ? TL_CASE_STATUS_RESCUED
       : ongoing ? TL_CASE_STATUS_RESPONDING
       : confirmed ? TL_CASE_STATUS_CONFIRMED
       : TL_CASE_STATUS_POSSIBLE;
}

/* Writes a batch (whole days), each boat followed by more than one report
 * in a case of its own, as a coordinator would have linked them. */
static gboolean
write_batch (GPtrArray  *events,
             WriteData  *data,
             GError    **error)
{
  g_autoptr(GHashTable) boats = NULL;
  g_autoptr(GArray) statuses = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree int *case_of_event = NULL;
  GArray *members;

  if (events->len == 0)
    return TRUE;

  /* Each boat's reports, and the boats in the order they first appear,
   * so that the cases are numbered the same on every run. */
  boats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  order = g_ptr_array_new ();
  for (guint i = 0; i < events->len; i++)
    {
      char *ref = boat_ref_of (g_ptr_array_index (events, i));

      if (ref == NULL)
        continue;
      if ((members = g_hash_table_lookup (boats, ref)) == NULL)
        {
          g_hash_table_insert (boats, ref, members = g_array_new (FALSE, FALSE, sizeof (guint)));
          g_ptr_array_add (order, members);
        }
      else
        g_free (ref);
      g_array_append_val (members, i);
    }

  case_of_event = g_new (int, events->len);
  for (guint i = 0; i < events->len; i++)
    case_of_event[i] = -1;
  statuses = g_array_new (FALSE, FALSE, sizeof (TlCaseStatus));
  for (guint b = 0; b < order->len; b++)
    {
      TlCaseStatus status;

      members = g_ptr_array_index (order, b);
      if (members->len < 2)
        continue;
      status = case_status_of (events, members);
      for (guint m = 0; m < members->len; m++)
        case_of_event[g_array_index (members, guint, m)] = (int) statuses->len;
      g_array_append_val (statuses, status);
    }

  if (!tl_store_add_events_in_cases (data->store, events, case_of_event,
                                     (const TlCaseStatus *) (void *) statuses->data, statuses->len,
                                     TL_DEMO_OPERATOR, error))
    return FALSE;

  data->n_written += events->len;
  g_ptr_array_set_size (events, 0);

  if (data->options->progress != NULL)
    data->options->progress (data->n_written, data->n_total, data->options->progress_data);

  return TRUE;
}

static gboolean
write_if_full (GPtrArray  *events,
               gpointer    user_data,
               GError    **error)
{
  WriteData *data = user_data;

  if (events->len < data->batch_size)
    return TRUE;

  return write_batch (events, data, error);
}

/* Public API: the generator's own pieces */

/**
 * tl_demo_get_places: (skip)
 * @out_n_places: (out): the number of places
 * @error: a #GError
 *
 * Reads the gazetteer compiled into the program, once.
 *
 * Returns: (transfer none) (nullable): the places, or %NULL on error
 */
const TlDemoPlace *
tl_demo_get_places (guint   *out_n_places,
                    GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&places_lock);

  if (places_cache == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;

      bytes = g_resources_lookup_data (RESOURCE_PATH "/places.csv",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;

      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if ((places_cache = parse_places (text, error)) == NULL)
        return NULL;
    }

  *out_n_places = places_cache->len;

  return (const TlDemoPlace *) (gpointer) places_cache->data;
}

/* Public API */

/**
 * tl_demo_options_init:
 * @options: (out caller-allocates): the options to fill
 * @seed: the generator's seed
 * @start: first second of the range, UTC
 * @end: end of the range (exclusive), UTC
 *
 * Sets @options to a realistic range in Europe/Paris time with the
 * default batch size and no progress callback.
 */
void
tl_demo_options_init (TlDemoOptions *options,
                      guint64        seed,
                      gint64         start,
                      gint64         end)
{
  g_return_if_fail (options != NULL);

  *options = (TlDemoOptions) {
    .seed = seed,
    .start = start,
    .end = end,
  };
}

/**
 * tl_demo_generate_events:
 * @options: what to generate
 * @cancellable: (nullable): a #GCancellable, checked between days
 * @error: a #GError
 *
 * Generates the range's events in memory, without a store: meant for a
 * day or a few (tests, benchmarks, previews). Use tl_demo_generate() for
 * large ranges, whose memory it bounds.
 *
 * The events are new (id 0), sorted by time within each day, and have no
 * case: the events of one boat share a "boat_ref" in their details.
 *
 * Returns: (transfer full) (element-type TlEvent): the events, or %NULL
 *   with @error set
 */
GPtrArray *
tl_demo_generate_events (const TlDemoOptions  *options,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!generate (options, events, NULL, NULL, cancellable, error))
    return NULL;

  return g_steal_pointer (&events);
}

/**
 * tl_demo_generate:
 * @store: the store to write to
 * @options: what to generate
 * @out_n_written: (out) (optional): how many events were written, also
 *   on error (the batches committed before it stay written)
 * @cancellable: (nullable): a #GCancellable, checked between days
 * @error: a #GError
 *
 * Generates the range's events and adds them to @store as operator
 * %TL_DEMO_OPERATOR, one transaction per batch of about
 * @options->batch_size events, so that memory stays bounded whatever the
 * range. A failed or cancelled run leaves the batches already committed.
 *
 * This blocks: run it in a thread when a window is waiting.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_demo_generate (TlStore              *store,
                  const TlDemoOptions  *options,
                  guint64              *out_n_written,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  WriteData data = { .store = store, .options = options };
  gboolean ok;

  g_return_val_if_fail (TL_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data.batch_size = options->batch_size > 0 ? options->batch_size : TL_DEMO_DEFAULT_BATCH_SIZE;
  data.n_total = options->n_events;

  ok = generate (options, events, write_if_full, &data, cancellable, error)
       && write_batch (events, &data, error);

  if (out_n_written != NULL)
    *out_n_written = data.n_written;

  return ok;
}
