/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"
#include "tl-units.h"

/* Reads by words, filters, places and counts on a server. Words are
 * matched as on the file (tl-store-query.c): folded as its FTS5 index
 * folds them (tl_store_fold_text()), Tideline writing the folded words
 * of each event beside it (search_words, one line per column) and the
 * server indexing them as a tsvector, so that the filters give the same
 * results on both backends. */

static const char list_places_sql[] =
  "SELECT name, kind, country, latitude, longitude FROM places ORDER BY name";
static const char search_events_sql[] =
  "SELECT id FROM events WHERE search @@ to_tsquery ('simple', $1)"
  " ORDER BY ts_rank (search, to_tsquery ('simple', $1)) DESC, id";

/* As tl-store-query.c: the window through events_time, and only the
 * criteria given; whole words through the GIN index, the last word (a
 * prefix, as typed) on the folded words of one column at a time; or, as
 * there too, one of the built-in units the words name in the desk's
 * language. Each combination of criteria is its own statement, prepared
 * once per connection (prepare_query ()): the day the window shows
 * is then one round trip with no parsing or planning, its rows in
 * binary. The parameters are the same eight for all of them: $1 and $2
 * the window, $3 the kinds, $4 the statuses, $5 the unit, $6 the whole
 * words as a tsquery, $7 the last word, $8 the named units' keys (one a
 * line). */
static const char query_head_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events WHERE time >= $1 AND time < $2";
static const char *const query_criteria_sql[] = {
  " AND kind = ANY ($3)",
  " AND status = ANY ($4)",
  " AND unit = $5",
  " AND search @@ to_tsquery ('simple', $6)",
  " AND strpos (search_words, $7) > 0",
};
/* The criteria from here on are the typed words': with named units
 * (QUERY_NAMED_UNITS), they or one of those units. */
#define QUERY_FIRST_WORDS 3
#define QUERY_NAMED_UNITS (1u << G_N_ELEMENTS (query_criteria_sql))
static const char query_named_units_sql[] =
  " OR string_to_array (unit, ', ') && string_to_array ($8, E'\\n')";
static const char query_tail_sql[] = " ORDER BY time, id";
/* int8, int8, text[], text[], text, text, text, text */
static const Oid query_types[] = { 20, 20, 1009, 1009, 25, 25, 25, 25 };

static const char daily_departures_sql[] =
  "SELECT time, boats, people FROM events"
  " WHERE time >= $1 AND time < $2 AND kind = 'departure'";
static const char count_keys_sql[] =
  "SELECT count(*) FROM events WHERE import_key = ANY ("
  "  SELECT decode (k, 'hex') FROM unnest ($1::text[]) AS k)";

/* Helpers */

/* The statement for @criteria (bits of query_criteria_sql), prepared on
 * this connection if it is not yet. */
static gboolean
prepare_query (TlStorePg  *self,
               guint       criteria,
               const char *name,
               GError    **error)
{
  g_autoptr(GString) sql = g_string_new (query_head_sql);
  g_autoptr(PGresult) result = NULL;

  if (self->prepared_queries & (G_GUINT64_CONSTANT (1) << criteria))
    return TRUE;

  for (guint i = 0; i < QUERY_FIRST_WORDS; i++)
    if (criteria & (1u << i))
      g_string_append (sql, query_criteria_sql[i]);
  if (criteria & QUERY_NAMED_UNITS)
    g_string_append (sql, " AND ((TRUE");
  for (guint i = QUERY_FIRST_WORDS; i < G_N_ELEMENTS (query_criteria_sql); i++)
    if (criteria & (1u << i))
      g_string_append (sql, query_criteria_sql[i]);
  if (criteria & QUERY_NAMED_UNITS)
    g_string_append_printf (sql, ")%s)", query_named_units_sql);
  g_string_append (sql, query_tail_sql);

  result = PQprepare (self->conn, name, sql->str, G_N_ELEMENTS (query_types), query_types);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      tl_pg_set_result_error (self, result, _("Could not read the events"), error);
      return FALSE;
    }

  self->prepared_queries |= G_GUINT64_CONSTANT (1) << criteria;
  return TRUE;
}

/* Runs the query for @criteria with @params, its rows in binary. */
static PGresult *
exec_query (TlStorePg   *self,
            guint        criteria,
            TlPgParams  *params,
            GError     **error)
{
  char name[32];
  PGresult *result = NULL;

  G_STATIC_ASSERT (QUERY_NAMED_UNITS * 2 <= 64);
  g_snprintf (name, sizeof name, "tl_query_events_%u", criteria);

  /* Twice at most: a statement the server no longer has (a connection
   * made again, a DISCARD) is prepared again. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      const char *state;

      if (!prepare_query (self, criteria, name, error))
        return NULL;

      result = PQexecPrepared (self->conn, name, (int) params->values->len,
                               (const char *const *) params->values->pdata, NULL, NULL, 1);
      if (PQresultStatus (result) == PGRES_TUPLES_OK)
        return result;

      state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      if (attempt > 0 || g_strcmp0 (state, "26000") != 0)
        break;
      self->prepared_queries &= ~(G_GUINT64_CONSTANT (1) << criteria);
      g_clear_pointer (&result, PQclear);
    }

  tl_pg_set_result_error (self, result, _("Could not read the events"), error);
  PQclear (result);
  return NULL;
}

/* What an operator typed, as a tsquery over the folded words: every
 * word required, the words of one typed word in a row, the last one a
 * prefix if @prefix. NULL if nothing has a letter or a digit. Folded
 * words are letters and digits only: nothing in them is tsquery syntax. */
static char *
build_tsquery (GStrv     tokens,
               gboolean  prefix)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) folded = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      gboolean first = TRUE;

      g_string_truncate (folded, 0);
      tl_store_fold_text (tokens[i], folded);
      words = g_strsplit (folded->str, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          if (*words[w] == '\0')
            continue;
          if (query->len > 0)
            g_string_append (query, first ? " & " : " <-> ");
          g_string_append (query, words[w]);
          first = FALSE;
        }
    }

  if (query->len == 0)
    return NULL;
  if (prefix)
    g_string_append (query, ":*");

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static char *
build_name_array (guint         mask,
                  guint         n_values,
                  const char *(*to_string) (int value))
{
  GString *array;

  if (mask == 0)
    return NULL;

  array = g_string_new ("{");
  for (guint i = 0; i < n_values; i++)
    if (mask & (1u << i))
      g_string_append_printf (array, "%s%s", array->len > 1 ? "," : "", to_string (i));
  g_string_append_c (array, '}');

  return g_string_free (array, FALSE);
}

static const char *
kind_name (int value)
{
  return tl_event_kind_to_string (value);
}

static const char *
status_name (int value)
{
  return tl_event_status_to_string (value);
}

/* Vfuncs */

static GPtrArray *
pg_list_places (TlStoreBackend  *backend,
                GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *places;

  result = tl_pg_exec (TL_STORE_PG (backend), list_places_sql, NULL,
                       _("Could not read the list of places"), error);
  if (result == NULL)
    return NULL;

  places = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_place_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      TlPlace *place = g_new0 (TlPlace, 1);

      place->name = g_strdup (tl_pg_get_text (result, i, 0));
      place->kind = g_strdup (tl_pg_get_text (result, i, 1));
      place->country = g_strdup (tl_pg_get_text (result, i, 2));
      place->latitude = tl_pg_get_double (result, i, 3);
      place->longitude = tl_pg_get_double (result, i, 4);
      g_ptr_array_add (places, place);
    }

  return places;
}

static GArray *
pg_search_events (TlStoreBackend  *backend,
                  const char      *text,
                  GError         **error)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n\r\f\v", -1);
  g_autofree char *query = build_tsquery (tokens, TRUE);
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (query == NULL)
    return g_steal_pointer (&ids);

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, query);
  result = tl_pg_exec (TL_STORE_PG (backend), search_events_sql, &params,
                       _("Could not search the events"), error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = tl_pg_get_int64 (result, i, 0, 0);

      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static GPtrArray *
pg_query_events (TlStoreBackend  *backend,
                 const TlFilter  *filter,
                 GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *unit_keys = NULL;
  g_autoptr(GString) last = g_string_new (NULL);
  gboolean has_last = FALSE;
  guint criteria = 0;

  if (filter->text != NULL)
    {
      g_auto(GStrv) tokens = g_strsplit_set (filter->text, " \t\n\r\f\v", -1);
      int n_last = -1;

      /* The last typed word with a letter or a digit is the prefix. */
      for (int i = 0; tokens[i] != NULL; i++)
        {
          g_string_truncate (last, 0);
          tl_store_fold_text (tokens[i], last);
          if (last->len > 0)
            n_last = i;
        }
      if (n_last >= 0)
        {
          g_string_truncate (last, 0);
          tl_store_fold_text (tokens[n_last], last);
          has_last = TRUE;
          g_free (tokens[n_last]);
          tokens[n_last] = NULL;
          whole = build_tsquery (tokens, FALSE);
          /* The rest of tokens are freed by g_strfreev from here on. */
          for (int i = n_last + 1; tokens[i] != NULL; i++)
            g_clear_pointer (&tokens[i], g_free);
        }
    }

  tl_pg_filter_name_arrays (filter, &kinds, &statuses);
  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, filter->from);
  tl_pg_params_int64 (&params, filter->to);
  tl_pg_params_text (&params, kinds);
  tl_pg_params_text (&params, statuses);
  tl_pg_params_text (&params, filter->unit);
  tl_pg_params_text (&params, whole);
  tl_pg_params_text (&params, has_last ? last->str : NULL);
  if (has_last)
    unit_keys = tl_units_find_named (filter->text);
  tl_pg_params_text (&params, unit_keys);
  for (guint i = 0; i < G_N_ELEMENTS (query_criteria_sql); i++)
    if (g_ptr_array_index (params.values, 2 + i) != NULL)
      criteria |= 1u << i;
  if (unit_keys != NULL)
    criteria |= QUERY_NAMED_UNITS;

  result = exec_query (TL_STORE_PG (backend), criteria, &params, error);

  return result != NULL ? tl_pg_read_events_binary (result) : NULL;
}

static TlTrend *
pg_daily_counts (TlStoreBackend  *backend,
                 gint64           from,
                 gint64           to,
                 GTimeZone       *zone,
                 GError         **error)
{
  g_autoptr(TlTrend) trend = tl_trend_new_for_window (zone, from, to);
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, tl_trend_get_from (trend));
  tl_pg_params_int64 (&params, tl_trend_get_to (trend));
  result = tl_pg_exec (TL_STORE_PG (backend), daily_departures_sql, &params,
                       _("Could not count the reports of each day"), error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    tl_trend_add_event (trend, tl_pg_get_int64 (result, i, 0, 0), TL_EVENT_KIND_DEPARTURE,
                        (int) tl_pg_get_int64 (result, i, 1, TL_COUNT_UNKNOWN),
                        (int) tl_pg_get_int64 (result, i, 2, TL_COUNT_UNKNOWN));

  return g_steal_pointer (&trend);
}

static gboolean
pg_count_import_keys (TlStoreBackend  *backend,
                      GPtrArray       *import_keys,
                      guint           *out_n_known,
                      GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) array = g_string_new ("{");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  guint n_known = 0;

  /* Hex digests only: nothing in the array literal needs quoting. */
  for (guint i = 0; i < import_keys->len; i++)
    {
      const char *key = g_ptr_array_index (import_keys, i);
      guint8 digest[TL_STORE_IMPORT_KEY_SIZE];

      if (!g_hash_table_add (seen, (gpointer) key))
        {
          n_known++;
          continue;
        }
      tl_store_import_key_digest (key, digest);
      if (array->len > 1)
        g_string_append_c (array, ',');
      for (guint b = 0; b < sizeof digest; b++)
        g_string_append_printf (array, "%02x", digest[b]);
    }
  g_string_append_c (array, '}');

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, array->str);
  result = tl_pg_exec (TL_STORE_PG (backend), count_keys_sql, &params,
                       _("Could not read the events"), error);
  if (result == NULL)
    return FALSE;

  *out_n_known = n_known + (guint) tl_pg_get_int64 (result, 0, 0, 0);
  return TRUE;
}

/* Private API */

char *
tl_pg_search_words (const char *notes,
                    const char *unit,
                    const char *place)
{
  GString *words = g_string_new (NULL);

  /* One line per column: a phrase never runs from one into the next. */
  if (notes != NULL)
    tl_store_fold_text (notes, words);
  g_string_append_c (words, '\n');
  if (unit != NULL)
    tl_store_fold_text (unit, words);
  g_string_append_c (words, '\n');
  if (place != NULL)
    tl_store_fold_text (place, words);

  return g_string_free (words, FALSE);
}

void
tl_pg_filter_name_arrays (const TlFilter  *filter,
                          char           **out_kinds,
                          char           **out_statuses)
{
  *out_kinds = build_name_array (filter->kinds, TL_EVENT_N_KINDS, kind_name);
  *out_statuses = build_name_array (filter->statuses, TL_EVENT_N_STATUSES, status_name);
}

void
tl_pg_query_class_init (TlStoreBackendClass *klass)
{
  klass->list_places = pg_list_places;
  klass->search_events = pg_search_events;
  klass->query_events = pg_query_events;
  klass->daily_counts = pg_daily_counts;
  klass->count_import_keys = pg_count_import_keys;
}
