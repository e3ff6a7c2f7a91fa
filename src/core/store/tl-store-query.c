/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "tl-store-sqlite-private.h"
#include "tl-trend.h"
#include "tl-units.h"

/* Filtered reads: what the map, the list, the summary and the exports
 * show. Every query walks the events_time index over the window and
 * nothing else: a day of a million-event file costs what a day of a small
 * one does.
 *
 * Criteria that are not given are NULL parameters, so that one cached
 * statement serves every combination. Kinds and statuses are passed as a
 * set written " rescue arrival ", which instr() looks names up in. */

#define FILTER_WHERE \
  " WHERE time >= ?1 AND time < ?2" \
  " AND (?3 IS NULL OR instr (?3, ' ' || kind || ' ') > 0)" \
  " AND (?4 IS NULL OR instr (?4, ' ' || status || ' ') > 0)" \
  " AND (?5 IS NULL OR unit = ?5)"

static const char query_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events" FILTER_WHERE
  " ORDER BY time, id";

/* Words: the last one is a prefix, typed as the operator types it, and
 * FTS5 cannot bound a prefix query by rowid: it first merges the lists of
 * every word with that prefix, over the whole file, all years of it. So
 * the last word is tested on the window's rows only, by tl_has_words(),
 * which reads them as the FTS5 tokenizer does (see fold_text()). The
 * words before it are whole words, which FTS5 finds by seeking inside
 * each word's list to the window's rowids (?7, ?8): ids grow with entry,
 * and reports are entered close to their time.
 *
 * The unary + keeps the planner on the time index: driving the query
 * from the words instead would read every match in the file and sort
 * them
 *
 * A built-in unit is stored by its English key: the words may name it in
 * the desk's language instead, and tl_has_unit() takes the events of the
 * units they name (?10, tl_units_find_named()). */
static const char query_prefix_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events" FILTER_WHERE
  " AND (tl_has_words (?9, notes, unit, place) OR tl_has_unit (?10, unit))"
  " ORDER BY time, id";

static const char query_words_prefix_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events" FILTER_WHERE
  " AND ((tl_has_words (?9, notes, unit, place)"
  "   AND +id IN (SELECT rowid FROM events_fts"
  "     WHERE events_fts MATCH ?6 AND rowid >= ?7 AND rowid <= ?8))"
  "  OR tl_has_unit (?10, unit))"
  " ORDER BY time, id";

/* Departures of a range, for the trend chart: the time index again. */
static const char daily_departures_sql[] =
  "SELECT time, boats, people FROM events"
  " WHERE time >= ?1 AND time < ?2 AND kind = 'departure'";

/* Covering: reads only the index entries of the window. */
static const char id_bounds_sql[] =
  "SELECT min (id), max (id) FROM events WHERE time >= ?1 AND time < ?2";

/* helpers */

/* Whether @c belongs to a word, as for the unicode61 tokenizer: letters,
 * digits, private-use characters, and combining marks (which
 * remove_diacritics then drops). */
static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type;

  if (c < 0x80)
    return g_ascii_isalnum (c);

  type = g_unichar_type (c);
  return g_unichar_isalnum (c) || type == G_UNICODE_PRIVATE_USE ||
         type == G_UNICODE_NON_SPACING_MARK;
}

/* @c as unicode61 with remove_diacritics 2 indexes it: lower case,
 * without its accents; 0 for a combining mark, which is dropped. */
static gunichar
fold_char (gunichar c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    return g_ascii_tolower (c);
  if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
    return 0;

  c = g_unichar_tolower (c);
  n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 1; i < n; i++)
    if (g_unichar_type (parts[i]) != G_UNICODE_NON_SPACING_MARK)
      return c;

  return parts[0];
}

/* Appends the words of @text to @out, folded, each after one space: the
 * form tl_has_words() compares, in which " water on" found at any place
 * is the whole word "water" followed by a word starting with "on". */
static void
fold_text (const char *text,
           GString    *out)
{
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_word_char (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        g_string_append_c (out, ' ');
      in_word = TRUE;
      if ((c = fold_char (c)) == 0)
        continue;
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }
}

/* tl_has_words (phrase, text, ...): whether one of the texts has the
 * folded words of phrase in a row, the last one as a prefix. */
static void
has_words_func (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *phrase = (const char *) sqlite3_value_text (argv[0]);
  g_autoptr(GString) folded = g_string_sized_new (256);

  if (phrase == NULL)
    {
      sqlite3_result_int (context, 1);
      return;
    }

  /* Per text, as FTS5 matches a phrase within one column. */
  for (int i = 1; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text == NULL)
        continue;

      g_string_truncate (folded, 0);
      fold_text (text, folded);
      if (strstr (folded->str, phrase) != NULL)
        {
          sqlite3_result_int (context, 1);
          return;
        }
    }

  sqlite3_result_int (context, 0);
}

/* tl_has_unit (keys, unit): whether one of an event's units (joined by
 * ", ") is one of the keys (one a line); never when keys is NULL. */
static void
has_unit_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *keys = (const char *) sqlite3_value_text (argv[0]);
  const char *unit = (const char *) sqlite3_value_text (argv[1]);
  g_auto(GStrv) wanted = NULL;
  g_auto(GStrv) units = NULL;

  if (keys == NULL || unit == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  wanted = g_strsplit (keys, "\n", -1);
  units = g_strsplit (unit, ", ", -1);
  for (guint i = 0; units[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) wanted, units[i]))
      {
        sqlite3_result_int (context, 1);
        return;
      }
  sqlite3_result_int (context, 0);
}

/* Functions are per connection: registered on the first query that needs
 * them, and remembered on the store. */
static gboolean
ensure_functions (TlStoreSqlite  *self,
                  GError        **error)
{
  static GQuark registered;
  int rc;

  if (registered == 0)
    registered = g_quark_from_static_string ("tl-store-query-functions");
  if (g_object_get_qdata (G_OBJECT (self), registered) != NULL)
    return TRUE;

  rc = sqlite3_create_function_v2 (self->db, "tl_has_words", 4,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, has_words_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "tl_has_unit", 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, has_unit_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return FALSE;
    }

  g_object_set_qdata (G_OBJECT (self), registered, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* Splits what an operator typed: the whole words, as an FTS5 query that
 * cannot be a syntax error (NULL if there are none), and the last word as
 * tl_has_words() wants it (NULL if nothing has a letter or a digit). */
static void
split_words (const char  *text,
             char       **out_whole,
             char       **out_last)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) last = g_string_new (NULL);
  g_autofree char *previous = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *quoted = tl_store_build_match_query (words[i]);

      /* Only punctuation: no word can be required. */
      if (quoted == NULL)
        continue;

      /* The word before is whole: its query without the prefix star. */
      if (previous != NULL)
        {
          if (whole->len > 0)
            g_string_append_c (whole, ' ');
          g_string_append_len (whole, previous, strlen (previous) - 1);
        }
      g_free (previous);
      previous = g_steal_pointer (&quoted);
      g_string_truncate (last, 0);
      fold_text (words[i], last);
    }

  *out_whole = whole->len > 0 ? g_strdup (whole->str) : NULL;
  *out_last = previous != NULL ? g_strdup (last->str) : NULL;
}


/* " name name " for the bits set in @mask, or NULL when none is. */
static char *
build_name_set (guint         mask,
                guint         n_values,
                const char *(*to_string) (int value))
{
  GString *set;

  if (mask == 0)
    return NULL;

  set = g_string_new (" ");
  for (guint i = 0; i < n_values; i++)
    if (mask & (1u << i))
      g_string_append_printf (set, "%s ", to_string (i));

  return g_string_free (set, FALSE);
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

/* Internal API */

/* The filter's kinds and statuses as " name name " sets, each NULL when
 * the filter takes every value: what the queries match with instr(). */
void
tl_store_filter_name_sets (const TlFilter  *filter,
                           char           **out_kinds,
                           char           **out_statuses)
{
  *out_kinds = build_name_set (filter->kinds, TL_EVENT_N_KINDS, kind_name);
  *out_statuses = build_name_set (filter->statuses, TL_EVENT_N_STATUSES, status_name);
}

static gboolean
read_id_bounds (TlStoreSqlite   *self,
                const TlFilter  *filter,
                gint64          *out_min,
                gint64          *out_max,
                GError         **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, id_bounds_sql, error);
  if (stmt == NULL)
    return FALSE;

  tl_store_bind_int64 (stmt, 1, filter->from, &rc);
  tl_store_bind_int64 (stmt, 2, filter->to, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return FALSE;
    }

  /* An empty window: bounds that nothing matches. */
  *out_min = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 1 : sqlite3_column_int64 (stmt, 0);
  *out_max = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* public API */

/**
 * tl_store_query_events:
 * @self: a #TlStore
 * @filter: which events: a window and optional kinds, statuses, unit and
 *   words
 * @error: return location for a #TL_STORE_ERROR
 *
 * The events @filter keeps. Words are looked up in notes, units and
 * places, case and accents ignored, the last word as a prefix, like
 * tl_store_search_events().
 *
 * Returns: (transfer container) (element-type TlEvent) (nullable): the
 *   events, ordered by time then id; the array frees its references
 */
GPtrArray *
tl_store_query_events (TlStore         *self,
                       const TlFilter  *filter,
                       GError         **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_query_events (self->backend, filter, error);
}

static GPtrArray *
sqlite_query_events (TlStoreBackend  *backend,
                     const TlFilter  *filter,
                     GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *match = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *unit_keys = NULL;
  const char *sql = query_sql;
  gint64 min_id = 0, max_id = 0;
  int rc = SQLITE_OK;

  events = g_ptr_array_new_with_free_func (g_object_unref);

  if (filter->text != NULL)
    split_words (filter->text, &match, &prefix);
  if (prefix != NULL)
    {
      if (!ensure_functions (self, error))
        return NULL;
      sql = query_prefix_sql;
    }
  if (match != NULL)
    {
      if (!read_id_bounds (self, filter, &min_id, &max_id, error))
        return NULL;
      sql = query_words_prefix_sql;
    }

  stmt = tl_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;

  tl_store_filter_name_sets (filter, &kinds, &statuses);

  tl_store_bind_int64 (stmt, 1, filter->from, &rc);
  tl_store_bind_int64 (stmt, 2, filter->to, &rc);
  tl_store_bind_text (stmt, 3, kinds, &rc);
  tl_store_bind_text (stmt, 4, statuses, &rc);
  tl_store_bind_text (stmt, 5, filter->unit, &rc);
  if (match != NULL)
    {
      tl_store_bind_text (stmt, 6, match, &rc);
      tl_store_bind_int64 (stmt, 7, min_id, &rc);
      tl_store_bind_int64 (stmt, 8, max_id, &rc);
    }
  if (prefix != NULL)
    {
      unit_keys = tl_units_find_named (filter->text);
      tl_store_bind_text (stmt, 9, prefix, &rc);
      tl_store_bind_text (stmt, 10, unit_keys, &rc);
    }

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (events, tl_store_read_event (stmt));
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return NULL;
    }

  return g_steal_pointer (&events);
}

/**
 * tl_store_daily_counts:
 * @self: a #TlStore
 * @from: start of a window, UTC
 * @to: the second after it, UTC
 * @zone: the display zone, whose local days are counted
 * @error: return location for a #TL_STORE_ERROR
 *
 * Tideline's own daily figures for the trend chart beside the window
 * [@from, @to): departures, boats and people per local day, over the
 * days tl_trend_new_for_window() gives (at least %TL_TREND_MIN_DAYS).
 * Official figures are not included: see tl_store_list_statistics().
 *
 * Returns: (transfer full) (nullable): the counts, or %NULL with @error set
 */
TlTrend *
tl_store_daily_counts (TlStore    *self,
                       gint64      from,
                       gint64      to,
                       GTimeZone  *zone,
                       GError    **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (from < to, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_daily_counts (self->backend, from, to, zone, error);
}

static TlTrend *
sqlite_daily_counts (TlStoreBackend  *backend,
                     gint64           from,
                     gint64           to,
                     GTimeZone       *zone,
                     GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(TlTrend) trend = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, daily_departures_sql, error);
  if (stmt == NULL)
    return NULL;

  trend = tl_trend_new_for_window (zone, from, to);

  /* Rows, not a GROUP BY: SQLite knows no time zones, and a local day is
   * 23 or 25 hours long twice a year. Departures are a few a day. */
  tl_store_bind_int64 (stmt, 1, tl_trend_get_from (trend), &rc);
  tl_store_bind_int64 (stmt, 2, tl_trend_get_to (trend), &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int boats = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? TL_COUNT_UNKNOWN
                                                               : sqlite3_column_int (stmt, 1);
      int people = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? TL_COUNT_UNKNOWN
                                                                : sqlite3_column_int (stmt, 2);

      tl_trend_add_event (trend, sqlite3_column_int64 (stmt, 0), TL_EVENT_KIND_DEPARTURE,
                          boats, people);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not count the reports of each day"), error);
      return NULL;
    }

  return g_steal_pointer (&trend);
}

void
tl_store_fold_text (const char *text,
                    GString    *out)
{
  fold_text (text, out);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_query (TlStoreBackendClass *klass)
{
  klass->query_events = sqlite_query_events;
  klass->daily_counts = sqlite_daily_counts;
}
