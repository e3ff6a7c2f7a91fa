/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Bulk adds: the sample data and imports of exchange files (CSV, GeoJSON,
 * KML, GPX). All events or none, in one transaction, fast enough for a
 * million.
 *
 * An add is begun, given its events in one part or several (an import
 * writes each chunk of a file as soon as it is validated: tl-import-run.c),
 * and committed or aborted (TlStoreBulk). The events move into events
 * straight from memory, IMPORT_CHUNK at a time, with one INSERT … SELECT
 * per chunk from tl_bulk_rows() (tl-store-bulk-rows.c): the CHECK
 * constraints of events and AUTOINCREMENT's counter then cost once per
 * statement what row by row was a third of an import's time. An imported
 * event carries its import key (where it came from, as a 16-byte
 * digest); a row whose key a previous import wrote, or that came earlier
 * in the same list, meets the UNIQUE index and is left out (ON CONFLICT
 * DO NOTHING), so importing the same file twice adds nothing the second
 * time. Ids are given here, inside the
 * write lock, so each event's id is known without reading it back: event
 * i of the list gets the i-th id of one fresh range, and a row left out
 * leaves its id unused (AUTOINCREMENT never gives an id twice, so a gap
 * is harmless, and numbering only the rows kept would cost a window
 * function over every chunk).
 *
 * Inside a bulk add the connection's triggers are off when they are the
 * ones tl-store-bulk-triggers.c knows, and one INSERT … SELECT over the
 * new ids fills the full-text index as the trigger would have, at the
 * commit: FTS5 writes out what it holds at every statement's savepoint,
 * so indexing part after part wrote a small segment each time, and then
 * merged them (a part's indexing and merging cost a third more than the
 * whole add's at once).
 *
 * The audit log gets one row in imports for the whole add (who, when,
 * from which file, which ids), not a 'create' row per event: see schema 2
 * in tl-store-schema.c and tl_store_list_audit().
 *
 * The commit makes the add durable in the WAL; copying the WAL into the
 * database (SQLite's automatic checkpoint, which would run inside the
 * commit) is left to a background connection. */

/* One event, to find which one the schema refuses. ?1 … ?22 are bound by
 * tl_store_bind_event(). */
static const char insert_sql[] =
  "INSERT INTO events (" TL_STORE_EVENT_COLUMNS ", import_key)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
  " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)"
  " ON CONFLICT (import_key) DO NOTHING";
/* (WHERE true: an upsert after a SELECT needs a WHERE, or its ON would
 * read as a join's.) */
static const char move_sql[] =
  "INSERT INTO events (" TL_STORE_EVENT_COLUMNS ", import_key)"
  " SELECT " TL_STORE_EVENT_COLUMNS ", import_key FROM tl_bulk_rows (?1, ?2, ?3)"
  " WHERE true ON CONFLICT (import_key) DO NOTHING";
static const char list_added_sql[] =
  "SELECT id FROM events WHERE id >= ?1 AND id < ?2";

/* Rows per INSERT … SELECT: when the schema refuses one, its rows are
 * tried one by one to say which it is. */
#define IMPORT_CHUNK 8192

/* The next id AUTOINCREMENT would give. */
static const char next_id_sql[] =
  "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
  "            coalesce ((SELECT max (id) FROM events), 0)) + 1";
static const char audit_import_sql[] =
  "INSERT INTO imports (operator, at, source, first_event_id, end_event_id)"
  " VALUES (?1, ?2, ?3, ?4, ?5)";

/* What the trigger does, for the ids [?1, ?2) at once. */
static const char index_fts_sql[] =
  "INSERT INTO events_fts (rowid, notes, unit, place)"
  " SELECT id, notes, unit, place FROM events WHERE id >= ?1 AND id < ?2 ORDER BY id";
/* What cases_opened_insert (schema 4) does, for the ids [?1, ?2) at once. */
static const char cases_opened_sql[] =
  "UPDATE cases SET opened_at = (SELECT min (time) FROM events WHERE case_id = cases.id)"
  " WHERE id IN (SELECT case_id FROM events WHERE id >= ?1 AND id < ?2 AND case_id IS NOT NULL)";

/* The events of one tl_store_bulk_add(), kept until the commit gives
 * them their ids. */
typedef struct {
  GPtrArray   *events;
  gint64       first_id;        /* event i gets first_id + i */
  gboolean    *skipped;         /* left out: its key was there already */
  gint64      *case_ids;        /* nullable: event i goes into case_ids[i] */
} Part;

/* What tl_store_bulk_begin() hands out: the backend's own add, which
 * only the backend reads. */
struct _TlStoreBulk
{
  TlStore     *store;
  gpointer     backend_add;
  gboolean     keyed;
  gboolean     failed;          /* a part was refused: only abort is left */
};

/* The SQLite backend's add. */
typedef struct _TlSqliteBulk TlSqliteBulk;

struct _TlSqliteBulk
{
  TlStoreSqlite *store;
  char        *operator_name;
  char        *source;          /* nullable */
  gint64       now;
  const char  *what;            /* the error's first words */
  gboolean     keyed;           /* an import: events carry keys, not cases */
  gboolean     triggers_off;
  gboolean     failed;          /* a part was refused: only abort is left */
  int          wal_frames;      /* the WAL's length after the commit */

  gint64       next_id;         /* the id of the next event given */
  gint64       first_id;
  gint64       end_id;          /* one past the last id added */
  gint64       n_added;
  guint        n_given;
  GPtrArray   *parts;           /* of Part */
};

/* What tl_bulk_rows() reads from while a part goes in. */
typedef struct {
  TlSqliteBulk *bulk;
  Part         *part;
  const guint8 *digests;        /* nullable: the keys' */
} PartRows;

/* Helpers */

static void
part_free (gpointer data)
{
  Part *part = data;

  g_ptr_array_unref (part->events);
  g_free (part->skipped);
  g_free (part->case_ids);
  g_free (part);
}

/* Runs @sql, which reads rows [@first, @end) of @rows through
 * tl_bulk_rows (?1, ?2, ?3), or, with no @rows, the events with ids in
 * [@first, @end) as ?1 and ?2. */
static int
step_range (TlStoreSqlite     *self,
            const char        *sql,
            const TlBulkRows  *rows,
            gint64             first,
            gint64             end,
            GError           **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (self, sql, error);
  int rc = SQLITE_OK;
  int index = 1;

  if (stmt == NULL)
    return SQLITE_ERROR;
  if (rows != NULL)
    rc = tl_store_bind_bulk_rows (stmt, index++, rows);
  tl_store_bind_int64 (stmt, index++, first, &rc);
  tl_store_bind_int64 (stmt, index, end, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);

  return rc;
}

/* The WAL hook while a bulk add is open: in place of the automatic
 * checkpoint, which would copy the whole add into the database before
 * the commit returns. tl_store_bulk_commit() starts one in the
 * background instead. */
static int
note_wal_frames (gpointer    user_data,
                 sqlite3    *db,
                 const char *schema,
                 int         n_frames)
{
  TlSqliteBulk *bulk = user_data;

  bulk->wal_frames = n_frames;
  return SQLITE_OK;
}

/* Undoes what bulk_begin() set on the connection, in or out of the
 * transaction. */
static void
restore_connection (TlSqliteBulk *bulk)
{
  TlStoreSqlite *self = bulk->store;

  sqlite3_exec (self->db, "PRAGMA cache_size = " TL_STORE_CACHE_SIZE, NULL, NULL, NULL);
  /* Puts SQLite's automatic checkpoint back in place of note_wal_frames(). */
  sqlite3_wal_autocheckpoint (self->db, TL_STORE_WAL_AUTOCHECKPOINT);
}

static void
bulk_free (TlSqliteBulk *bulk)
{
  g_object_unref (bulk->store);
  g_free (bulk->operator_name);
  g_free (bulk->source);
  g_ptr_array_unref (bulk->parts);
  g_free (bulk);
}

static void sqlite_bulk_abort (TlStoreBackend *backend,
                               gpointer        backend_add);

/* A bulk add: its backend does the work. */
static TlStoreBulk *
backend_bulk_begin (TlStore     *self,
                    gboolean     keyed,
                    const char  *operator_name,
                    const char  *source,
                    GError     **error)
{
  gpointer backend_add = tl_store_backend_bulk_begin (self->backend, keyed, operator_name, source, error);
  TlStoreBulk *bulk;

  if (backend_add == NULL)
    return NULL;

  bulk = g_new0 (TlStoreBulk, 1);
  bulk->store = g_object_ref (self);
  bulk->backend_add = backend_add;
  bulk->keyed = keyed;

  return bulk;
}

static void
backend_bulk_free (TlStoreBulk *bulk)
{
  g_object_unref (bulk->store);
  g_free (bulk);
}

static TlSqliteBulk *
bulk_begin (TlStoreSqlite  *self,
            gboolean        keyed,
            const char     *operator_name,
            const char     *source,
            const char     *what,
            GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  TlSqliteBulk *bulk;
  int rc;

  bulk = g_new0 (TlSqliteBulk, 1);
  bulk->store = g_object_ref (self);
  bulk->keyed = keyed;
  bulk->operator_name = g_strdup (operator_name);
  bulk->source = g_strdup (source);
  bulk->now = tl_store_now ();
  bulk->what = what;
  bulk->parts = g_ptr_array_new_with_free_func (part_free);

  /* An import rewrites index pages over and over; a page cache that holds
   * them saves writing each many times to the WAL (a quarter off a
   * million-row import). Only a hint: a failure is harmless. */
  sqlite3_exec (self->db, "PRAGMA cache_size = " TL_STORE_IMPORT_CACHE_SIZE, NULL, NULL, NULL);
  sqlite3_wal_hook (self->db, note_wal_frames, bulk);

  if (!tl_store_begin (self, error))
    goto failed;
  if (!tl_store_bulk_triggers_off (self, &bulk->triggers_off, error))
    goto failed_in_transaction;

  stmt = tl_store_prepare_cached (self, next_id_sql, error);
  if (stmt == NULL)
    goto failed_in_transaction;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, what, error);
      goto failed_in_transaction;
    }
  bulk->first_id = bulk->next_id = bulk->end_id = sqlite3_column_int64 (stmt, 0);

  return bulk;

failed_in_transaction:
  tl_store_bulk_triggers_on (self);
  tl_store_rollback (self);
failed:
  restore_connection (bulk);
  bulk_free (bulk);
  return NULL;
}

/* Event @i of @part is @data. */
static void
fill_bookkeeping (TlSqliteBulk *bulk,
                  Part         *part,
                  guint         i,
                  TlEventData  *data)
{
  data->id = part->first_id + i;
  data->revision = 1;
  data->created_by = bulk->operator_name;
  data->created_at = bulk->now;
  data->updated_by = bulk->operator_name;
  data->updated_at = bulk->now;
  if (bulk->keyed)
    data->case_id = 0;   /* cases are not exchanged: the id means nothing here */
  else if (part->case_ids != NULL)
    data->case_id = part->case_ids[i];
}

/* TlBulkRows: row @i of tl_bulk_rows() */
static void
get_row (gpointer       user_data,
         guint          i,
         TlEventData   *data,
         const guint8 **key)
{
  PartRows *rows = user_data;

  tl_event_get_data (g_ptr_array_index (rows->part->events, i), data);
  fill_bookkeeping (rows->bulk, rows->part, i, data);
  *key = rows->digests != NULL ? rows->digests + (gsize) i * TL_STORE_IMPORT_KEY_SIZE : NULL;
}

/* After the INSERT … SELECT of events [@first, @end) of a part failed:
 * only that statement was undone, so insert the same rows one by one,
 * with the same ids, to find the one the schema refuses and say which it
 * is. Returns FALSE with @error set, or TRUE if every row went in (then
 * the failure was not a row's). */
static gboolean
explain_refusal (TlSqliteBulk  *bulk,
                 PartRows      *rows,
                 guint          first,
                 guint          end,
                 GError       **error)
{
  TlStoreSqlite *self = bulk->store;
  g_autoptr(TlCachedStatement) insert = tl_store_prepare_cached (self, insert_sql, error);

  if (insert == NULL)
    return FALSE;

  for (guint i = first; i < end; i++)
    {
      TlEventData data;
      const guint8 *key;
      int rc;

      get_row (rows, i, &data, &key);
      rc = tl_store_bind_event (insert, &data);
      if (rc == SQLITE_OK)
        rc = key == NULL
             ? sqlite3_bind_null (insert, 23)
             : sqlite3_bind_blob (insert, 23, key, TL_STORE_IMPORT_KEY_SIZE, SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (insert);
      if (rc != SQLITE_OK)
        {
          /* Translators: "Could not save event 3 of 120", said of an import */
          g_autofree char *what = g_strdup_printf (_("Could not save event %u of %u"),
                                                   bulk->n_given + i + 1,
                                                   bulk->n_given + rows->part->events->len);

          tl_store_set_error (self, rc, what, error);
          return FALSE;
        }
      sqlite3_reset (insert);
    }

  return TRUE;
}

/* Moves events [@first, @end) of the part into events but those whose
 * key is there already, and marks those as skipped. */
static int
move_chunk (TlSqliteBulk      *bulk,
            PartRows          *part_rows,
            const TlBulkRows  *rows,
            guint              first,
            guint              end,
            GError           **error)
{
  TlStoreSqlite *self = bulk->store;
  Part *part = part_rows->part;
  g_autoptr(TlCachedStatement) list = NULL;
  gint64 n_moved;
  int rc = step_range (self, move_sql, rows, first, end, error);

  if (rc != SQLITE_OK)
    return rc;

  n_moved = sqlite3_changes64 (self->db);
  bulk->n_added += n_moved;
  if (n_moved == end - first)
    return SQLITE_OK;

  /* Some were left out: those whose id is not there. */
  for (guint i = first; i < end; i++)
    part->skipped[i] = TRUE;
  if ((list = tl_store_prepare_cached (self, list_added_sql, error)) == NULL)
    return SQLITE_ERROR;
  tl_store_bind_int64 (list, 1, part->first_id + first, &rc);
  tl_store_bind_int64 (list, 2, part->first_id + end, &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      part->skipped[sqlite3_column_int64 (list, 0) - part->first_id] = FALSE;
      rc = SQLITE_OK;
    }

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Adds @events (with their keys' @digests, or into the cases @case_ids),
 * taking the next ids, IMPORT_CHUNK at a time, and indexes their text. */
static gboolean
add_part (TlSqliteBulk  *bulk,
          GPtrArray     *events,
          const guint8  *digests,
          gint64        *case_ids,
          GError       **error)
{
  TlStoreSqlite *self = bulk->store;
  Part *part = g_new0 (Part, 1);
  PartRows part_rows = { bulk, part, digests };
  TlBulkRows rows = { events->len, get_row, &part_rows };
  gint64 n_added_before = bulk->n_added;
  int rc;

  part->events = g_ptr_array_ref (events);
  part->first_id = bulk->next_id;
  part->skipped = g_new0 (gboolean, events->len);
  part->case_ids = case_ids;
  g_ptr_array_add (bulk->parts, part);

  for (guint first = 0; first < events->len; first += IMPORT_CHUNK)
    {
      guint end = MIN (first + IMPORT_CHUNK, events->len);

      rc = move_chunk (bulk, &part_rows, &rows, first, end, error);
      if (rc != SQLITE_OK)
        {
          bulk->failed = TRUE;
          if (error != NULL && *error != NULL)
            return FALSE;
          /* Refused together but accepted one by one: not a row's fault. */
          if (explain_refusal (bulk, &part_rows, first, end, error))
            tl_store_set_error (self, rc, bulk->what, error);
          return FALSE;
        }
    }

  bulk->next_id += events->len;
  bulk->n_given += events->len;
  if (bulk->n_added == n_added_before)
    return TRUE;

  for (guint i = events->len; i-- > 0;)
    if (!part->skipped[i])
      {
        bulk->end_id = part->first_id + i + 1;
        break;
      }

  rc = SQLITE_OK;
  /* An import's events are in no case (fill_bookkeeping()): none opens. */
  if (bulk->triggers_off && !bulk->keyed && self->schema_version >= 4)
    rc = step_range (self, cases_opened_sql, NULL, part->first_id, part->first_id + events->len, error);
  if (rc != SQLITE_OK)
    {
      bulk->failed = TRUE;
      if (error == NULL || *error == NULL)
        tl_store_set_error (self, rc, bulk->what, error);
      return FALSE;
    }

  return TRUE;
}

static int
audit_import (TlSqliteBulk  *bulk,
              GError       **error)
{
  g_autoptr(TlCachedStatement) stmt = tl_store_prepare_cached (bulk->store, audit_import_sql, error);
  int rc = SQLITE_OK;

  if (stmt == NULL)
    return SQLITE_ERROR;
  tl_store_bind_text (stmt, 1, bulk->operator_name, &rc);
  tl_store_bind_int64 (stmt, 2, bulk->now, &rc);
  tl_store_bind_text (stmt, 3, bulk->source, &rc);
  tl_store_bind_int64 (stmt, 4, bulk->first_id, &rc);
  tl_store_bind_int64 (stmt, 5, bulk->end_id, &rc);
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);

  return rc;
}

/* Gives every event added its id and bookkeeping, once they are saved. */
static void
update_events (TlSqliteBulk *bulk)
{
  for (guint p = 0; p < bulk->parts->len; p++)
    {
      Part *part = g_ptr_array_index (bulk->parts, p);

      for (guint i = 0; i < part->events->len; i++)
        {
          TlEvent *event = g_ptr_array_index (part->events, i);

          if (part->skipped[i])
            continue;

          gint64 case_id = bulk->keyed ? 0
                           : part->case_ids != NULL ? part->case_ids[i]
                           : tl_event_get_case_id (event);

          tl_event_set_saved (event, part->first_id + i, case_id, 1, bulk->operator_name, bulk->now);
        }
    }
}

/* Private API */

/* The sample data's boats: @n_cases new cases, created in the add's
 * transaction, and the events, event i in case @case_of_event[i] (-1:
 * none). On failure nothing is left to do but tl_store_bulk_abort(). */
gboolean
tl_store_bulk_add_in_cases (TlStoreBulk         *bulk,
                            GPtrArray           *events,
                            const int           *case_of_event,
                            const TlCaseStatus  *case_statuses,
                            guint                n_cases,
                            GError             **error)
{
  g_return_val_if_fail (bulk != NULL && !bulk->failed && !bulk->keyed, FALSE);

  bulk->failed = !tl_store_backend_bulk_add_in_cases (bulk->store->backend, bulk->backend_add, events,
                                                      case_of_event, case_statuses, n_cases,
                                                      error);
  return !bulk->failed;
}

static gboolean
sqlite_bulk_add_in_cases (TlStoreBackend      *backend,
                          gpointer             backend_add,
                          GPtrArray           *events,
                          const int           *case_of_event,
                          const TlCaseStatus  *case_statuses,
                          guint                n_cases,
                          GError             **error)
{
  TlSqliteBulk *bulk = backend_add;
  g_autofree gint64 *new_case_ids = g_new0 (gint64, MAX (n_cases, 1));
  gint64 *case_ids = NULL;

  /* The cases first, so their ids are known. */
  for (guint c = 0; c < n_cases; c++)
    {
      int rc = tl_store_insert_case (bulk->store, case_statuses[c], NULL, bulk->now, &new_case_ids[c], error);

      if (rc != SQLITE_OK)
        {
          bulk->failed = TRUE;
          if (error == NULL || *error == NULL)
            tl_store_set_error (bulk->store, rc, bulk->what, error);
          return FALSE;
        }
    }
  if (case_of_event != NULL)
    {
      case_ids = g_new0 (gint64, events->len);
      for (guint i = 0; i < events->len; i++)
        case_ids[i] = case_of_event[i] >= 0 ? new_case_ids[case_of_event[i]] : 0;
    }

  /* The part owns case_ids from here. */
  return add_part (bulk, events, NULL, case_ids, error);
}

/* tl_store_bulk_begin() for events that carry no import key: the sample
 * data. */
TlStoreBulk *
tl_store_bulk_begin_unkeyed (TlStore     *self,
                             const char  *operator_name,
                             GError     **error)
{
  return backend_bulk_begin (self, FALSE, operator_name, NULL, error);
}

/* Public API */

/**
 * tl_store_bulk_begin:
 * @self: a #TlStore
 * @operator_name: who imports, for the audit log
 * @source: (nullable): what is imported, for the audit log: a file's name
 * @error: return location for a #TL_STORE_ERROR
 *
 * Starts an import given in parts, as they are read: what
 * tl_store_add_events_with_keys() does in one call, so that a file's
 * first rows go in while its last are still being checked. The store
 * holds the write lock until tl_store_bulk_commit() or
 * tl_store_bulk_abort(), and its connection is for the import alone
 * meanwhile: use it from one thread, for nothing else.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL
 */
TlStoreBulk *
tl_store_bulk_begin (TlStore     *self,
                     const char  *operator_name,
                     const char  *source,
                     GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (operator_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return backend_bulk_begin (self, TRUE, operator_name, source, error);
}

static gpointer
sqlite_bulk_begin (TlStoreBackend  *backend,
                   gboolean         keyed,
                   const char      *operator_name,
                   const char      *source,
                   GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);

  return bulk_begin (self, keyed, operator_name, source,
                     keyed ? _("Could not import the events") : _("Could not save the events"),
                     error);
}

/**
 * tl_store_bulk_add:
 * @bulk: an import
 * @events: (element-type TlEvent): the next events, with ids that follow
 *   the previous part's; kept until the commit gives them their ids
 * @key_digests: (array): for each of @events, the digest of its import key
 *   (tl_store_import_key_digest()), TL_STORE_IMPORT_KEY_SIZE bytes each; a
 *   key that an earlier part gave leaves its event out too
 * @error: return location for a #TL_STORE_ERROR
 *
 * Writes @events into the import's transaction. On failure nothing is
 * left to do but tl_store_bulk_abort().
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_bulk_add (TlStoreBulk  *bulk,
                   GPtrArray    *events,
                   const guint8 *key_digests,
                   GError      **error)
{
  g_return_val_if_fail (bulk != NULL && !bulk->failed, FALSE);
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (key_digests != NULL || events->len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bulk->failed = !tl_store_backend_bulk_add (bulk->store->backend, bulk->backend_add, events,
                                             key_digests, error);
  return !bulk->failed;
}

static gboolean
sqlite_bulk_add (TlStoreBackend  *backend,
                 gpointer         backend_add,
                 GPtrArray       *events,
                 const guint8    *key_digests,
                 GError         **error)
{
  return add_part (backend_add, events, key_digests, NULL, error);
}

/**
 * tl_store_bulk_commit:
 * @bulk: (transfer full): an import
 * @out_n_added: (out) (optional): events written
 * @out_n_skipped: (out) (optional): events left out, imported before
 * @error: return location for a #TL_STORE_ERROR
 *
 * Saves every part, audited as one import; on failure, none. Either way
 * @bulk is freed. On success the events get their ids and bookkeeping
 * fields and #TlStore::events-changed is emitted if any was saved.
 *
 * Returns: %TRUE if the import was saved
 */
gboolean
tl_store_bulk_commit (TlStoreBulk  *bulk,
                      guint        *out_n_added,
                      guint        *out_n_skipped,
                      GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (bulk != NULL && !bulk->failed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The backend frees its add, committed or not. */
  ok = tl_store_backend_bulk_commit (bulk->store->backend, g_steal_pointer (&bulk->backend_add),
                                     out_n_added, out_n_skipped, error);
  backend_bulk_free (bulk);
  return ok;
}

static gboolean
sqlite_bulk_commit (TlStoreBackend  *backend,
                    gpointer         backend_add,
                    guint           *out_n_added,
                    guint           *out_n_skipped,
                    GError         **error)
{
  TlSqliteBulk *bulk = backend_add;
  TlStoreSqlite *self;
  int rc = SQLITE_OK;

  self = bulk->store;
  /* The full-text index of every part at once (see the top). */
  if (bulk->n_added > 0 && bulk->triggers_off)
    rc = step_range (self, index_fts_sql, NULL, bulk->first_id, bulk->end_id, error);
  if (rc == SQLITE_OK && bulk->n_added > 0)
    rc = audit_import (bulk, error);
  if (rc != SQLITE_OK)
    {
      if (error == NULL || *error == NULL)
        tl_store_set_error (self, rc, bulk->what, error);
      sqlite_bulk_abort (backend, bulk);
      return FALSE;
    }

  tl_store_bulk_triggers_on (self);
  if (!tl_store_commit (self, error))
    {
      sqlite_bulk_abort (backend, bulk);
      return FALSE;
    }
  restore_connection (bulk);

  update_events (bulk);
  if (out_n_added != NULL)
    *out_n_added = (guint) bulk->n_added;
  if (out_n_skipped != NULL)
    *out_n_skipped = bulk->n_given - (guint) bulk->n_added;
  if (bulk->n_added > 0)
    tl_store_backend_emit_changed (TL_STORE_BACKEND (self));
  if (bulk->wal_frames >= TL_STORE_WAL_AUTOCHECKPOINT)
    tl_store_checkpoint_in_background (self);

  bulk_free (bulk);
  return TRUE;
}

/**
 * tl_store_bulk_abort:
 * @bulk: (transfer full): an import
 *
 * Leaves the store as it was before tl_store_bulk_begin(), and frees
 * @bulk.
 */
void
tl_store_bulk_abort (TlStoreBulk *bulk)
{
  g_return_if_fail (bulk != NULL);

  tl_store_backend_bulk_abort (bulk->store->backend, g_steal_pointer (&bulk->backend_add));
  backend_bulk_free (bulk);
}

static void
sqlite_bulk_abort (TlStoreBackend *backend,
                   gpointer        backend_add)
{
  TlSqliteBulk *bulk = backend_add;

  tl_store_bulk_triggers_on (bulk->store);
  tl_store_rollback (bulk->store);
  restore_connection (bulk);
  bulk_free (bulk);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_bulk (TlStoreBackendClass *klass)
{
  klass->bulk_begin = sqlite_bulk_begin;
  klass->bulk_add = sqlite_bulk_add;
  klass->bulk_add_in_cases = sqlite_bulk_add_in_cases;
  klass->bulk_commit = sqlite_bulk_commit;
  klass->bulk_abort = sqlite_bulk_abort;
}
