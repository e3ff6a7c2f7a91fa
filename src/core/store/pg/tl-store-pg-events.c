/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* Records on a server: the same writes as tl-store-events.c, each one
 * transaction, and the same reads. A write locks the row it changes
 * (SELECT … FOR UPDATE) and compares the revision the operator saw, so
 * that of two desks saving one report the second gets the conflict, as
 * with the file. The audit row is the server's to write, in the same
 * transaction (its triggers, tl-store-pg-roles.c): the client only says
 * who deletes, which only the owner's name may change. */

#define EVENT_COLUMNS TL_STORE_EVENT_COLUMNS

/* $1 … $22 as TL_STORE_EVENT_COLUMNS, $23 the search words. A new event
 * has no id: the identity gives one. */
static const char insert_event_sql[] =
  "INSERT INTO events (" EVENT_COLUMNS ", search_words)"
  " VALUES (coalesce ($1::bigint, nextval (pg_get_serial_sequence ('events', 'id'))),"
  " $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
  " $19, $20, $21, $22, $23)"
  " RETURNING id";
/* created_by and created_at ($19, $20) are written back as they were. */
static const char update_event_sql[] =
  "UPDATE events SET kind = $2, time = $3, end_time = $4, latitude = $5,"
  " longitude = $6, place = $7, boats = $8, people = $9, rescued = $10,"
  " deceased = $11, missing = $12, unit = $13, status = $14, notes = $15,"
  " case_id = $16, details = $17, revision = $18, created_by = $19,"
  " created_at = $20, updated_by = $21, updated_at = $22, search_words = $23"
  " WHERE id = $1";
static const char lock_event_sql[] =
  "SELECT " EVENT_COLUMNS " FROM events WHERE id = $1 FOR UPDATE";
static const char delete_event_sql[] =
  "DELETE FROM events WHERE id = $1";

static const char get_event_sql[] =
  "SELECT " EVENT_COLUMNS " FROM events WHERE id = $1";
static const char list_events_sql[] =
  "SELECT " EVENT_COLUMNS " FROM events WHERE time >= $1 AND time < $2 ORDER BY time, id";
static const char count_events_sql[] =
  "SELECT count(*) FROM events";
static const char import_of_event_sql[] =
  "SELECT operator, at, source FROM imports"
  " WHERE first_event_id <= $1 AND $1 < end_event_id"
  " ORDER BY first_event_id DESC LIMIT 1";
static const char list_audit_sql[] =
  "SELECT id, event_id, action, operator, at, before, after FROM audit"
  " WHERE event_id = $1 ORDER BY id";
static const char claim_key_sql[] =
  "INSERT INTO tl_sent (key) VALUES ($1::uuid) ON CONFLICT DO NOTHING RETURNING key";

/* Helpers */

/* In the write's transaction: takes the write's idempotency key, if it
 * has one. *out_new is FALSE when the server has it already: the write
 * was made, its answer lost, and is not made again. */
static gboolean
claim_key (TlStorePg   *self,
           gboolean    *out_new,
           const char  *what,
           GError     **error)
{
  g_autofree char *key = g_steal_pointer (&self->write_key);
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  *out_new = TRUE;
  if (key == NULL)
    return TRUE;

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, key);
  result = tl_pg_exec (self, claim_key_sql, &params, what, error);
  if (result == NULL)
    return FALSE;

  *out_new = PQntuples (result) == 1;
  return TRUE;
}

TlEvent *
tl_pg_read_locked (TlStorePg   *self,
                   gint64       id,
                   const char  *what,
                   GError     **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, id);
  result = tl_pg_exec (self, lock_event_sql, &params, what, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      tl_store_set_not_found_error (what, error);
      return NULL;
    }

  return tl_pg_read_event (result, 0);
}

static void
set_conflict_error (const char  *what,
                    TlEvent     *stored,
                    GError     **error)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (tl_event_get_updated_at (stored));
  g_autofree char *when = dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : NULL;
  const char *updated_by = tl_event_get_updated_by (stored);

  /* Translators: the first %s is what could not be done, the second an
   * operator's name, the third a date and time */
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT,
               _("%s: it was changed by %s at %s since you opened it"),
               what, updated_by ? updated_by : "?", when ? when : "?");
}

/* Inserts @data (its id kept if > 0); the server audits it as a
 * 'create', or a 'restore' of a deleted report. */
static gboolean
insert_row (TlStorePg     *self,
            TlEventData   *data,
            const char    *what,
            GError       **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_event (&params, data);
  result = tl_pg_exec (self, insert_event_sql, &params, what, error);
  if (result == NULL)
    return FALSE;

  data->id = tl_pg_get_int64 (result, 0, 0, 0);
  return TRUE;
}

GPtrArray *
tl_pg_read_events (PGresult *result)
{
  GPtrArray *events = g_ptr_array_new_full (PQntuples (result), g_object_unref);

  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (events, tl_pg_read_event (result, i));

  return events;
}

/* Vfuncs: writes */

static gboolean
pg_add_event (TlStoreBackend  *backend,
              TlEvent         *event,
              const char      *operator_name,
              GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not save the event");
  gint64 now = tl_store_now ();
  gint64 id = 0;
  gboolean is_new_key;

  if (!tl_pg_begin (self, error))
    return FALSE;
  if (!claim_key (self, &is_new_key, what, error))
    {
      tl_pg_rollback (self);
      return FALSE;
    }
  if (!is_new_key)
    {
      tl_pg_rollback (self);
      return TRUE;
    }
  if (!tl_pg_write_event (self, event, TRUE, 0, operator_name, now, &id, error) ||
      !tl_pg_commit (self, what, error))
    {
      tl_pg_rollback (self);
      return FALSE;
    }

  tl_pg_event_saved (self, event, TRUE, id, 0, operator_name, now);
  return TRUE;
}

static gboolean
pg_update_event (TlStoreBackend  *backend,
                 TlEvent         *event,
                 const char      *operator_name,
                 GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not save the event");
  gint64 now = tl_store_now ();
  gint64 id = 0;
  gboolean is_new_key;

  if (!tl_pg_begin (self, error))
    return FALSE;
  if (!claim_key (self, &is_new_key, what, error))
    {
      tl_pg_rollback (self);
      return FALSE;
    }
  if (!is_new_key)
    {
      tl_pg_rollback (self);
      return TRUE;
    }
  if (!tl_pg_write_event (self, event, FALSE, 0, operator_name, now, &id, error) ||
      !tl_pg_commit (self, what, error))
    {
      tl_pg_rollback (self);
      return FALSE;
    }

  tl_pg_event_saved (self, event, FALSE, id, 0, operator_name, now);
  return TRUE;
}

static gboolean
pg_delete_event (TlStoreBackend  *backend,
                 gint64           event_id,
                 gint64           expected_revision,
                 const char      *operator_name,
                 GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not delete the event");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(TlEvent) stored = NULL;
  gboolean is_new_key;

  if (!tl_pg_check_audited (self, what, error) || !tl_pg_begin (self, error))
    return FALSE;

  if (!claim_key (self, &is_new_key, what, error))
    goto failed;
  if (!is_new_key)
    {
      tl_pg_rollback (self);
      return TRUE;
    }
  stored = tl_pg_read_locked (self, event_id, what, error);
  if (stored == NULL)
    goto failed;
  if (expected_revision != 0 && tl_event_get_revision (stored) != expected_revision)
    {
      set_conflict_error (what, stored, error);
      goto failed;
    }

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, event_id);
  if (!tl_pg_set_local (self, "tl.operator", operator_name, what, error) ||
      !tl_pg_exec_command (self, delete_event_sql, &params, what, error) ||
      !tl_pg_commit (self, what, error))
    goto failed;

  tl_store_backend_emit_changed (backend);
  return TRUE;

failed:
  tl_pg_rollback (self);
  return FALSE;
}

static gboolean
pg_restore_event (TlStoreBackend  *backend,
                  TlEvent         *event,
                  const char      *operator_name,
                  GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not restore the event");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  gint64 now = tl_store_now ();
  TlEventData data;

  if (!tl_pg_check_audited (self, what, error) || !tl_pg_begin (self, error))
    return FALSE;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, tl_event_get_id (event));
  result = tl_pg_exec (self, lock_event_sql, &params, what, error);
  if (result == NULL)
    goto failed;
  if (PQntuples (result) > 0)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_CONFLICT,
                   _("%s: it is not deleted, or was restored already"), what);
      goto failed;
    }

  tl_event_get_data (event, &data);
  data.revision = tl_event_get_revision (event) + 1;
  if (data.created_by == NULL)
    {
      data.created_by = operator_name;
      data.created_at = now;
    }
  data.updated_by = operator_name;
  data.updated_at = now;
  if (!insert_row (self, &data, what, error) ||
      !tl_pg_commit (self, what, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (event));
  tl_event_set_revision (event, data.revision);
  if (tl_event_get_created_by (event) == NULL)
    tl_event_set_created (event, operator_name, now);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_backend_emit_changed (backend);
  return TRUE;

failed:
  tl_pg_rollback (self);
  return FALSE;
}

/* Vfuncs: reads */

static TlEvent *
pg_get_event (TlStoreBackend  *backend,
              gint64           event_id,
              GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not open the event");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, event_id);
  result = tl_pg_exec (self, get_event_sql, &params, what, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      tl_store_set_not_found_error (what, error);
      return NULL;
    }

  return tl_pg_read_event (result, 0);
}

static GPtrArray *
pg_list_events (TlStoreBackend  *backend,
                gint64           from,
                gint64           to,
                GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, from);
  tl_pg_params_int64 (&params, to);
  result = tl_pg_exec (TL_STORE_PG (backend), list_events_sql, &params,
                       _("Could not read the events"), error);

  return result != NULL ? tl_pg_read_events (result) : NULL;
}

static gint64
pg_count_events (TlStoreBackend  *backend,
                 GError         **error)
{
  g_autoptr(PGresult) result = tl_pg_exec (TL_STORE_PG (backend), count_events_sql, NULL,
                                           _("Could not read the events"), error);

  return result != NULL ? tl_pg_get_int64 (result, 0, 0, 0) : -1;
}

/* As the file's: an event added in bulk has no 'create' row of its own;
 * its import's row stands for it, with the event as it came in. */
static GPtrArray *
pg_list_audit (TlStoreBackend  *backend,
               gint64           event_id,
               GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not read the history of the event");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) import = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gboolean has_create = FALSE;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, event_id);
  if (!tl_pg_begin (self, error))
    return NULL;
  import = tl_pg_exec (self, import_of_event_sql, &params, what, error);
  if (import != NULL)
    result = tl_pg_exec (self, list_audit_sql, &params, what, error);
  tl_pg_rollback (self);
  if (result == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_audit_entry_free);
  for (int i = 0; i < PQntuples (result); i++)
    has_create |= g_strcmp0 (tl_pg_get_text (result, i, 2), "create") == 0;

  if (PQntuples (import) == 1 && !has_create)
    {
      TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);

      entry->event_id = event_id;
      entry->action = TL_AUDIT_ACTION_CREATE;
      entry->operator_name = g_strdup (tl_pg_get_text (import, 0, 0));
      entry->at = tl_pg_get_int64 (import, 0, 1, 0);
      entry->source = g_strdup (tl_pg_get_text (import, 0, 2));
      if (PQntuples (result) > 0)
        entry->after = g_strdup (tl_pg_get_text (result, 0, 5));
      else
        {
          g_autoptr(TlEvent) event = pg_get_event (backend, event_id, NULL);

          entry->after = event != NULL ? tl_event_to_json (event) : NULL;
        }
      g_ptr_array_add (entries, entry);
    }

  for (int i = 0; i < PQntuples (result); i++)
    {
      TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);

      entry->id = tl_pg_get_int64 (result, i, 0, 0);
      entry->event_id = tl_pg_get_int64 (result, i, 1, 0);
      entry->action = tl_store_audit_action_from_string (tl_pg_get_text (result, i, 2));
      entry->operator_name = g_strdup (tl_pg_get_text (result, i, 3));
      entry->at = tl_pg_get_int64 (result, i, 4, 0);
      entry->before = g_strdup (tl_pg_get_text (result, i, 5));
      entry->after = g_strdup (tl_pg_get_text (result, i, 6));
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

static void
pg_set_write_key (TlStoreBackend *backend,
                  const char     *key)
{
  TlStorePg *self = TL_STORE_PG (backend);

  g_free (self->write_key);
  self->write_key = g_strdup (key);
}

/* Private API */

TlEvent *
tl_pg_read_event (PGresult *result,
                  int       row)
{
  TlEventData data;

  data.id = tl_pg_get_int64 (result, row, 0, 0);
  if (!tl_event_kind_from_string (tl_pg_get_text (result, row, 1), &data.kind))
    data.kind = TL_EVENT_KIND_SIGHTING;
  data.time = tl_pg_get_int64 (result, row, 2, 0);
  data.end_time = tl_pg_get_int64 (result, row, 3, TL_TIME_NONE);
  data.latitude = tl_pg_get_double (result, row, 4);
  data.longitude = tl_pg_get_double (result, row, 5);
  data.place = tl_pg_get_text (result, row, 6);
  data.boats = (int) tl_pg_get_int64 (result, row, 7, TL_COUNT_UNKNOWN);
  data.people = (int) tl_pg_get_int64 (result, row, 8, TL_COUNT_UNKNOWN);
  data.rescued = (int) tl_pg_get_int64 (result, row, 9, TL_COUNT_UNKNOWN);
  data.deceased = (int) tl_pg_get_int64 (result, row, 10, TL_COUNT_UNKNOWN);
  data.missing = (int) tl_pg_get_int64 (result, row, 11, TL_COUNT_UNKNOWN);
  data.unit = tl_pg_get_text (result, row, 12);
  if (!tl_event_status_from_string (tl_pg_get_text (result, row, 13), &data.status))
    data.status = TL_EVENT_STATUS_REPORTED;
  data.notes = tl_pg_get_text (result, row, 14);
  data.case_id = tl_pg_get_int64 (result, row, 15, 0);
  data.details = tl_pg_get_text (result, row, 16);
  data.revision = tl_pg_get_int64 (result, row, 17, 1);
  data.created_by = tl_pg_get_text (result, row, 18);
  data.created_at = tl_pg_get_int64 (result, row, 19, 0);
  data.updated_by = tl_pg_get_text (result, row, 20);
  data.updated_at = tl_pg_get_int64 (result, row, 21, 0);

  return tl_event_new_from_data (&data);
}

/* A binary value of @size bytes, big-endian, as a host integer. */
static guint64
read_be (const char *value,
         int         size)
{
  guint64 bits = 0;

  for (int i = 0; i < size; i++)
    bits = (bits << 8) | (guint8) value[i];

  return bits;
}

/* An int2, int4 or int8 column of a binary result; @none for NULL. */
static gint64
get_binary_int (PGresult *result,
                int       row,
                int       column,
                gint64    none)
{
  int size = PQgetlength (result, row, column);
  guint64 bits;

  if (PQgetisnull (result, row, column))
    return none;

  bits = read_be (PQgetvalue (result, row, column), size);
  switch (size)
    {
    case 2: return (gint16) bits;
    case 4: return (gint32) bits;
    case 8: return (gint64) bits;
    default: return none;
    }
}

/* A float8 column of a binary result; NaN for NULL. */
static double
get_binary_double (PGresult *result,
                   int       row,
                   int       column)
{
  guint64 bits;
  double value;

  if (PQgetisnull (result, row, column) || PQgetlength (result, row, column) != 8)
    return NAN;

  bits = read_be (PQgetvalue (result, row, column), 8);
  memcpy (&value, &bits, sizeof value);
  return value;
}

GPtrArray *
tl_pg_read_events_binary (PGresult *result)
{
  int n_rows = PQntuples (result);
  GPtrArray *events = g_ptr_array_new_full (n_rows, g_object_unref);

  /* A text value in binary is its bytes, which libpq ends with a zero
   * byte as it does in text. */
  for (int row = 0; row < n_rows; row++)
    {
      TlEventData data;

      data.id = get_binary_int (result, row, 0, 0);
      if (!tl_event_kind_from_string (tl_pg_get_text (result, row, 1), &data.kind))
        data.kind = TL_EVENT_KIND_SIGHTING;
      data.time = get_binary_int (result, row, 2, 0);
      data.end_time = get_binary_int (result, row, 3, TL_TIME_NONE);
      data.latitude = get_binary_double (result, row, 4);
      data.longitude = get_binary_double (result, row, 5);
      data.place = tl_pg_get_text (result, row, 6);
      data.boats = (int) get_binary_int (result, row, 7, TL_COUNT_UNKNOWN);
      data.people = (int) get_binary_int (result, row, 8, TL_COUNT_UNKNOWN);
      data.rescued = (int) get_binary_int (result, row, 9, TL_COUNT_UNKNOWN);
      data.deceased = (int) get_binary_int (result, row, 10, TL_COUNT_UNKNOWN);
      data.missing = (int) get_binary_int (result, row, 11, TL_COUNT_UNKNOWN);
      data.unit = tl_pg_get_text (result, row, 12);
      if (!tl_event_status_from_string (tl_pg_get_text (result, row, 13), &data.status))
        data.status = TL_EVENT_STATUS_REPORTED;
      data.notes = tl_pg_get_text (result, row, 14);
      data.case_id = get_binary_int (result, row, 15, 0);
      data.details = tl_pg_get_text (result, row, 16);
      data.revision = get_binary_int (result, row, 17, 1);
      data.created_by = tl_pg_get_text (result, row, 18);
      data.created_at = get_binary_int (result, row, 19, 0);
      data.updated_by = tl_pg_get_text (result, row, 20);
      data.updated_at = get_binary_int (result, row, 21, 0);

      g_ptr_array_add (events, tl_event_new_from_data (&data));
    }

  return events;
}

void
tl_pg_params_event (TlPgParams        *params,
                    const TlEventData *data)
{
  gboolean has_position = !isnan (data->latitude) && !isnan (data->longitude);

  tl_pg_params_optional (params, data->id, 0);
  tl_pg_params_text (params, tl_event_kind_to_string (data->kind));
  tl_pg_params_int64 (params, data->time);
  tl_pg_params_optional (params, data->end_time, TL_TIME_NONE);
  tl_pg_params_double (params, has_position ? data->latitude : NAN);
  tl_pg_params_double (params, has_position ? data->longitude : NAN);
  tl_pg_params_text (params, data->place);
  tl_pg_params_optional (params, data->boats, TL_COUNT_UNKNOWN);
  tl_pg_params_optional (params, data->people, TL_COUNT_UNKNOWN);
  tl_pg_params_optional (params, data->rescued, TL_COUNT_UNKNOWN);
  tl_pg_params_optional (params, data->deceased, TL_COUNT_UNKNOWN);
  tl_pg_params_optional (params, data->missing, TL_COUNT_UNKNOWN);
  tl_pg_params_text (params, data->unit);
  tl_pg_params_text (params, tl_event_status_to_string (data->status));
  tl_pg_params_text (params, data->notes);
  tl_pg_params_optional (params, data->case_id, 0);
  tl_pg_params_text (params, data->details);
  tl_pg_params_int64 (params, data->revision);
  tl_pg_params_text (params, data->created_by);
  tl_pg_params_int64 (params, data->created_at);
  tl_pg_params_text (params, data->updated_by);
  tl_pg_params_int64 (params, data->updated_at);
  g_ptr_array_add (params->values, tl_pg_search_words (data->notes, data->unit, data->place));
}

gboolean
tl_pg_write_event (TlStorePg    *self,
                   TlEvent      *event,
                   gboolean      is_new,
                   gint64        case_id,
                   const char   *operator_name,
                   gint64        now,
                   gint64       *out_id,
                   GError      **error)
{
  const char *what = _("Could not save the event");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(TlEvent) stored = NULL;
  TlEventData data;

  if (!tl_pg_check_audited (self, what, error))
    return FALSE;

  tl_event_get_data (event, &data);
  if (case_id > 0)
    data.case_id = case_id;
  data.updated_by = operator_name;
  data.updated_at = now;

  if (is_new)
    {
      data.id = 0;
      data.revision = 1;
      data.created_by = operator_name;
      data.created_at = now;
      if (!insert_row (self, &data, what, error))
        return FALSE;
      *out_id = data.id;
      return TRUE;
    }

  /* Locked until the commit: no other desk can write in between. */
  stored = tl_pg_read_locked (self, data.id, what, error);
  if (stored == NULL)
    return FALSE;
  if (tl_event_get_revision (stored) != data.revision)
    {
      set_conflict_error (what, stored, error);
      return FALSE;
    }

  data.revision++;
  data.created_by = tl_event_get_created_by (stored);
  data.created_at = tl_event_get_created_at (stored);
  tl_pg_params_init (&params);
  tl_pg_params_event (&params, &data);
  if (!tl_pg_exec_command (self, update_event_sql, &params, what, error))
    return FALSE;

  *out_id = data.id;
  return TRUE;
}

void
tl_pg_event_saved (TlStorePg   *self,
                   TlEvent     *event,
                   gboolean     is_new,
                   gint64       id,
                   gint64       case_id,
                   const char  *operator_name,
                   gint64       now)
{
  g_object_freeze_notify (G_OBJECT (event));
  if (is_new)
    {
      tl_event_set_id (event, id);
      tl_event_set_revision (event, 1);
      tl_event_set_created (event, operator_name, now);
    }
  else
    tl_event_set_revision (event, tl_event_get_revision (event) + 1);
  if (case_id > 0)
    tl_event_set_case_id (event, case_id);
  tl_event_set_updated (event, operator_name, now);
  g_object_thaw_notify (G_OBJECT (event));

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));
}

void
tl_pg_events_class_init (TlStoreBackendClass *klass)
{
  klass->add_event = pg_add_event;
  klass->update_event = pg_update_event;
  klass->delete_event = pg_delete_event;
  klass->restore_event = pg_restore_event;
  klass->get_event = pg_get_event;
  klass->list_events = pg_list_events;
  klass->count_events = pg_count_events;
  klass->list_audit = pg_list_audit;
  klass->set_write_key = pg_set_write_key;
}
