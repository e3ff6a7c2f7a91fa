/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Reading records: by id, by time range, by words, and their history. */

static const char get_event_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events WHERE id = ?";
static const char list_events_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events"
  " WHERE time >= ?1 AND time < ?2 ORDER BY time, id";
static const char count_events_sql[] =
  "SELECT count(*) FROM events";
/* An event added in bulk has no 'create' row of its own but is in the
 * id range of a row of imports: its 'create' entry is made from that row
 * (id 0, before the others) with what the event was at revision 1: the
 * 'before' of its first audit row if it has one, else the event as it
 * is. */
static const char list_audit_sql[] =
  "SELECT 0, ?1, 'create', i.operator, i.at, NULL,"
  "       coalesce ((SELECT a.before FROM audit a WHERE a.event_id = ?1 ORDER BY a.id LIMIT 1),"
  "                 (SELECT " TL_STORE_EVENT_JSON " FROM events WHERE id = ?1)),"
  "       i.source"
  " FROM (SELECT * FROM imports WHERE first_event_id <= ?1"
  "       ORDER BY first_event_id DESC LIMIT 1) i"
  " WHERE ?1 < i.end_event_id"
  "   AND NOT EXISTS (SELECT 1 FROM audit WHERE event_id = ?1 AND action = 'create')"
  " UNION ALL"
  " SELECT id, event_id, action, operator, at, before, after, NULL FROM audit"
  " WHERE event_id = ?1"
  " ORDER BY 1";
static const char list_places_sql[] =
  "SELECT name, kind, country, latitude, longitude FROM places ORDER BY name";
static const char search_events_sql[] =
  "SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rank";

/* Public API: reads */

/**
 * tl_store_get_event:
 * @self: a #TlStore
 * @event_id: the event to read
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with @error set
 *   (%TL_STORE_ERROR_NOT_FOUND if there is no such event)
 */
TlEvent *
tl_store_get_event (TlStore     *self,
                    gint64       event_id,
                    GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_get_event (self->backend, event_id, error);
}

static TlEvent *
sqlite_get_event (TlStoreBackend  *backend,
                  gint64           event_id,
                  GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, get_event_sql, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_bind_int64 (stmt, 1, event_id);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return tl_store_read_event (stmt);

  if (rc == SQLITE_DONE)
    tl_store_set_not_found_error (_("Could not open the event"), error);
  else
    tl_store_set_error (self, rc, _("Could not open the event"), error);

  return NULL;
}

/**
 * tl_store_list_events:
 * @self: a #TlStore
 * @from: the first second, UTC
 * @to: the second after the last one, UTC
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlEvent) (nullable): the
 *   events whose time lies in [@from, @to), ordered by time then id; the
 *   array frees its references
 */
GPtrArray *
tl_store_list_events (TlStore     *self,
                      gint64       from,
                      gint64       to,
                      GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_events (self->backend, from, to, error);
}

static GPtrArray *
sqlite_list_events (TlStoreBackend  *backend,
                    gint64           from,
                    gint64           to,
                    GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, list_events_sql, error);
  if (stmt == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func (g_object_unref);

  tl_store_bind_int64 (stmt, 1, from, &rc);
  tl_store_bind_int64 (stmt, 2, to, &rc);
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
 * tl_store_count_events:
 * @self: a #TlStore
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: the number of events, or -1 with @error set
 */
gint64
tl_store_count_events (TlStore     *self,
                       GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return tl_store_backend_count_events (self->backend, error);
}

static gint64
sqlite_count_events (TlStoreBackend  *backend,
                     GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, count_events_sql, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the events"), error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * tl_store_list_audit:
 * @self: a #TlStore
 * @event_id: the event whose history to read
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlAuditEntry) (nullable):
 *   every change to the event, oldest first; the array frees its entries
 */
GPtrArray *
tl_store_list_audit (TlStore     *self,
                     gint64       event_id,
                     GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_audit (self->backend, event_id, error);
}

static GPtrArray *
sqlite_list_audit (TlStoreBackend  *backend,
                   gint64           event_id,
                   GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, list_audit_sql, error);
  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)tl_audit_entry_free);

  rc = sqlite3_bind_int64 (stmt, 1, event_id);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);
      const char *action = tl_store_column_text (stmt, 2);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->event_id = sqlite3_column_int64 (stmt, 1);
      entry->action = tl_store_audit_action_from_string (action);
      entry->operator_name = g_strdup (tl_store_column_text (stmt, 3));
      entry->at = sqlite3_column_int64 (stmt, 4);
      entry->before = g_strdup (tl_store_column_text (stmt, 5));
      entry->after = g_strdup (tl_store_column_text (stmt, 6));
      entry->source = g_strdup (tl_store_column_text (stmt, 7));

      g_ptr_array_add (entries, entry);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the history of the event"), error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * tl_store_list_places:
 * @self: a #TlStore
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer container) (element-type TlPlace) (nullable): the
 *   gazetteer, by name; the array frees its entries
 */
GPtrArray *
tl_store_list_places (TlStore     *self,
                      GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_places (self->backend, error);
}

static GPtrArray *
sqlite_list_places (TlStoreBackend  *backend,
                    GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) places = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, list_places_sql, error);
  if (stmt == NULL)
    return NULL;

  places = g_ptr_array_new_with_free_func ((GDestroyNotify)tl_place_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlPlace *place = g_new0 (TlPlace, 1);

      place->name = g_strdup (tl_store_column_text (stmt, 0));
      place->kind = g_strdup (tl_store_column_text (stmt, 1));
      place->country = g_strdup (tl_store_column_text (stmt, 2));
      place->latitude = sqlite3_column_double (stmt, 3);
      place->longitude = sqlite3_column_double (stmt, 4);

      g_ptr_array_add (places, place);
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the list of places"), error);
      return NULL;
    }

  return g_steal_pointer (&places);
}

/* Turns what an operator typed into an FTS5 query that cannot be a syntax
 * error: every word a quoted string (quotes doubled), all of them
 * required, the last one a prefix so that results come while typing.
 * Words without a letter or digit would be empty phrases: dropped. */
char *
tl_store_build_match_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f\v", -1);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      for (const char *p = words[i]; *p != '\0' && !has_alnum; p = g_utf8_next_char (p))
        has_alnum = g_unichar_isalnum (g_utf8_get_char (p));

      if (!has_alnum)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');

      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
    }

  if (query->len == 0)
    return NULL;

  g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * tl_store_search_events:
 * @self: a #TlStore
 * @text: words as an operator typed them
 * @error: return location for a #TL_STORE_ERROR
 *
 * Finds the events whose notes, unit or place contain every word of
 * @text (case and accents ignored), the last word as a prefix.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of
 *   the events found, best match first; empty if @text has no word
 */
GArray *
tl_store_search_events (TlStore     *self,
                        const char  *text,
                        GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_search_events (self->backend, text, error);
}

static GArray *
sqlite_search_events (TlStoreBackend  *backend,
                      const char      *text,
                      GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *query = NULL;
  int rc;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  query = tl_store_build_match_query (text);
  if (query == NULL)
    return g_steal_pointer (&ids);

  stmt = tl_store_prepare_cached (self, search_events_sql, error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not search the events"), error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Public API: boxed values */

void
tl_place_free (TlPlace *place)
{
  if (place == NULL)
    return;

  g_free (place->name);
  g_free (place->kind);
  g_free (place->country);
  g_free (place);
}

void
tl_audit_entry_free (TlAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->operator_name);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->source);
  g_free (entry);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_reads (TlStoreBackendClass *klass)
{
  klass->get_event = sqlite_get_event;
  klass->list_events = sqlite_list_events;
  klass->count_events = sqlite_count_events;
  klass->list_audit = sqlite_list_audit;
  klass->list_places = sqlite_list_places;
  klass->search_events = sqlite_search_events;
}
