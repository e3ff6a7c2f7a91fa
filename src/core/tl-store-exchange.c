/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* Imports of exchange files (CSV, GeoJSON, KML, GPX): bulk adds that
 * remember where each event came from (events.import_key), so that
 * importing the same file again adds nothing. All in one transaction. */

/* Every column of TL_STORE_EVENT_COLUMNS but the id, which is given when
 * the staged rows move into events. */
#define STAGED_COLUMNS \
  "kind, time, end_time, latitude, longitude, place, boats, people, " \
  "rescued, deceased, missing, unit, status, notes, case_id, details, " \
  "revision, created_by, created_at, updated_by, updated_at"

static const char create_staging_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS tl_exchange (n INTEGER PRIMARY KEY, "
  TL_STORE_EVENT_COLUMNS ", import_key TEXT NOT NULL)";
static const char clear_staging_sql[] =
  "DELETE FROM temp.tl_exchange";
/* ?1 … ?22 are bound by tl_store_bind_event(). */
static const char stage_sql[] =
  "INSERT INTO temp.tl_exchange (n, " TL_STORE_EVENT_COLUMNS ", import_key)"
  " VALUES (?24, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
  " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";
/* The UNIQUE index on import_key makes each probe a lookup. */
static const char drop_known_sql[] =
  "DELETE FROM temp.tl_exchange WHERE EXISTS"
  " (SELECT 1 FROM main.events e WHERE e.import_key = temp.tl_exchange.import_key)";
static const char count_staged_sql[] =
  "SELECT count(*) FROM temp.tl_exchange";
static const char list_staged_sql[] =
  "SELECT n FROM temp.tl_exchange ORDER BY n";
static const char move_staged_sql[] =
  "INSERT INTO events (id, " STAGED_COLUMNS ", import_key)"
  " SELECT ?1 + row_number () OVER (ORDER BY n) - 1, " STAGED_COLUMNS ", import_key"
  " FROM temp.tl_exchange ORDER BY n";
static const char next_id_sql[] =
  "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
  "            coalesce ((SELECT max (id) FROM events), 0)) + 1";
static const char key_exists_sql[] =
  "SELECT 1 FROM events WHERE import_key = ?";

/* Helpers */

static int
run_cached (TlStore     *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return SQLITE_ERROR;

  return tl_store_step_done (stmt);
}

static gint64
query_int64 (TlStore     *self,
             const char  *sql,
             int         *rc,
             GError     **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;

  if (*rc != SQLITE_OK)
    return 0;
  if ((stmt = tl_store_prepare_cached (self, sql, error)) == NULL)
    {
      *rc = SQLITE_ERROR;
      return 0;
    }
  if ((*rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return 0;

  *rc = SQLITE_OK;
  return sqlite3_column_int64 (stmt, 0);
}

/* Stages the events whose key is not repeated earlier in @keys; marks the
 * others as already there in @skipped. */
static int
stage_events (TlStore     *self,
              GPtrArray   *events,
              GPtrArray   *keys,
              const char  *operator_name,
              gint64       now,
              gboolean    *skipped,
              GError     **error)
{
  g_autoptr(TlCachedStatement) stage = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  stage = tl_store_prepare_cached (self, stage_sql, error);
  if (stage == NULL)
    return SQLITE_ERROR;

  for (guint i = 0; i < events->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      TlEventData data;

      if (!g_hash_table_add (seen, (gpointer) key))
        {
          skipped[i] = TRUE;
          continue;
        }

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      data.id = 0;
      data.case_id = 0;   /* cases are not exchanged: the id means nothing here */
      data.revision = 1;
      data.created_by = operator_name;
      data.created_at = now;
      data.updated_by = operator_name;
      data.updated_at = now;

      rc = tl_store_bind_event (stage, &data);
      tl_store_bind_text (stage, 23, key, &rc);
      tl_store_bind_int64 (stage, 24, i, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stage);
      if (rc != SQLITE_OK)
        return rc;
      sqlite3_reset (stage);
    }

  return SQLITE_OK;
}

/* Marks the staged rows that a previous import wrote as skipped. Returns
 * how many are left. */
static int
drop_known (TlStore     *self,
            guint        n_events,
            gboolean    *skipped,
            gint64      *out_n_left,
            GError     **error)
{
  g_autoptr(TlCachedStatement) list = NULL;
  g_autofree gboolean *staged = g_new0 (gboolean, n_events);
  int rc = run_cached (self, drop_known_sql, error);

  *out_n_left = query_int64 (self, count_staged_sql, &rc, error);
  if (rc != SQLITE_OK)
    return rc;

  if ((list = tl_store_prepare_cached (self, list_staged_sql, error)) == NULL)
    return SQLITE_ERROR;
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    staged[sqlite3_column_int64 (list, 0)] = TRUE;
  if (rc != SQLITE_DONE)
    return rc;

  for (guint i = 0; i < n_events; i++)
    if (!staged[i])
      skipped[i] = TRUE;

  return SQLITE_OK;
}

static gboolean
add_in_transaction (TlStore     *self,
                    GPtrArray   *events,
                    GPtrArray   *keys,
                    const char  *operator_name,
                    gint64       now,
                    gboolean    *skipped,
                    gint64      *out_first_id,
                    gint64      *out_n_added,
                    GError     **error)
{
  const char *what = _("Could not import the events");
  g_autoptr(TlCachedStatement) move = NULL;
  gboolean fast = FALSE;
  gint64 first_id, n_added = 0;
  int rc;

  /* With the triggers off when they are the known ones: the R*Tree, the
   * full-text index and the audit rows are written by
   * tl_store_bulk_finish(), three statements for the whole import. */
  if (!tl_store_bulk_begin (self, &fast, error))
    return FALSE;

  rc = run_cached (self, clear_staging_sql, error);
  if (rc == SQLITE_OK)
    rc = stage_events (self, events, keys, operator_name, now, skipped, error);
  if (rc == SQLITE_OK)
    rc = drop_known (self, events->len, skipped, &n_added, error);
  /* Ids are given inside the write lock, so each event's id is known
   * without reading it back, and the new events are one range. */
  first_id = query_int64 (self, next_id_sql, &rc, error);
  if (rc != SQLITE_OK)
    goto failed;

  if (n_added > 0)
    {
      if ((move = tl_store_prepare_cached (self, move_staged_sql, error)) == NULL)
        {
          rc = SQLITE_ERROR;
          goto failed;
        }
      tl_store_bind_int64 (move, 1, first_id, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (move);
      if (rc == SQLITE_OK)
        rc = tl_store_bulk_finish (self, fast, first_id, first_id + n_added,
                                   operator_name, now, error);
      if (rc != SQLITE_OK)
        goto failed;
    }

  rc = run_cached (self, clear_staging_sql, error);
  if (rc != SQLITE_OK)
    goto failed;

  tl_store_bulk_end (self);
  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  *out_first_id = first_id;
  *out_n_added = n_added;
  return TRUE;

failed:
  tl_store_bulk_end (self);
  tl_store_fail_write (self, rc, what, error);
  return FALSE;
}

/* Public API: data exchange */

/**
 * tl_store_add_events_with_keys:
 * @self: a #TlStore
 * @events: (element-type TlEvent): new events; their ids and case ids are
 *   ignored
 * @import_keys: (element-type utf8): where each event comes from, e.g. a
 *   hash of its source row; as many as @events
 * @operator_name: who imports them, for the audit log
 * @out_n_added: (out) (optional): events written
 * @out_n_skipped: (out) (optional): events left out because a previous
 *   import wrote their key, or because the key comes twice in @import_keys
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves the events whose import key the store has not seen, each with its
 * audit row, in one transaction: all of them or none. On success each
 * saved event gets its id and bookkeeping fields (the skipped ones keep an
 * id of 0), and #TlStore::events-changed is emitted if any was saved.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_add_events_with_keys (TlStore     *self,
                               GPtrArray   *events,
                               GPtrArray   *import_keys,
                               const char  *operator_name,
                               guint       *out_n_added,
                               guint       *out_n_skipped,
                               GError     **error)
{
  g_autofree gboolean *skipped = NULL;
  gint64 now = tl_store_now ();
  gint64 first_id = 0, n_added = 0, next;
  gboolean big, ok;
  int rc;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (import_keys != NULL && import_keys->len == events->len, FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_added != NULL)
    *out_n_added = 0;
  if (out_n_skipped != NULL)
    *out_n_skipped = 0;
  if (events->len == 0)
    return TRUE;

  rc = sqlite3_exec (self->db, create_staging_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not import the events"), error);
      return FALSE;
    }

  /* As tl_store_add_events(): a bigger page cache for a big import. */
  big = events->len > 8192;
  if (big)
    sqlite3_exec (self->db, "PRAGMA cache_size = " TL_STORE_IMPORT_CACHE_SIZE, NULL, NULL, NULL);

  skipped = g_new0 (gboolean, events->len);
  ok = add_in_transaction (self, events, import_keys, operator_name, now, skipped,
                           &first_id, &n_added, error);

  if (big)
    sqlite3_exec (self->db, "PRAGMA cache_size = " TL_STORE_CACHE_SIZE, NULL, NULL, NULL);
  run_cached (self, clear_staging_sql, NULL);

  if (!ok)
    return FALSE;

  next = first_id;
  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);

      if (skipped[i])
        continue;

      g_object_freeze_notify (G_OBJECT (event));
      tl_event_set_id (event, next++);
      tl_event_set_case_id (event, 0);
      tl_event_set_revision (event, 1);
      tl_event_set_created (event, operator_name, now);
      tl_event_set_updated (event, operator_name, now);
      g_object_thaw_notify (G_OBJECT (event));
    }

  if (out_n_added != NULL)
    *out_n_added = (guint) n_added;
  if (out_n_skipped != NULL)
    *out_n_skipped = events->len - (guint) n_added;
  if (n_added > 0)
    tl_store_emit_events_changed (self);

  return TRUE;
}

/**
 * tl_store_count_import_keys:
 * @self: a #TlStore
 * @import_keys: (element-type utf8): keys of rows about to be imported
 * @out_n_known: (out): how many of them tl_store_add_events_with_keys()
 *   would skip: written by a previous import, or repeated in the list
 * @error: return location for a #TL_STORE_ERROR
 *
 * For a dry run: writes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_count_import_keys (TlStore     *self,
                            GPtrArray   *import_keys,
                            guint       *out_n_known,
                            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TlCachedStatement) stmt = NULL;
  guint n_known = 0;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (import_keys != NULL, FALSE);
  g_return_val_if_fail (out_n_known != NULL, FALSE);

  stmt = tl_store_prepare_cached (self, key_exists_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < import_keys->len; i++)
    {
      const char *key = g_ptr_array_index (import_keys, i);
      int rc = SQLITE_OK;

      if (!g_hash_table_add (seen, (gpointer) key))
        {
          n_known++;
          continue;
        }

      tl_store_bind_text (stmt, 1, key, &rc);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        n_known++;
      else if (rc != SQLITE_DONE)
        {
          tl_store_set_error (self, rc, _("Could not read the events"), error);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  *out_n_known = n_known;
  return TRUE;
}
