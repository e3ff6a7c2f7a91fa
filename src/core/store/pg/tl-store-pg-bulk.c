/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* Bulk adds on a server (imports, the sample data), as tl-store-bulk.c
 * does them on a file: all events or none, in one transaction, audited
 * as one row of imports, a row whose import key is known left out. The
 * server writes that row at commit (tl-store-pg-roles.c): the
 * transaction only says it is an import (tl.import), from where, and,
 * for the owner, in whose name.
 *
 * Each part goes to the server in one COPY straight into events (the
 * fastest way in: no statement per row, and each row written once, with
 * every constraint, index and trigger of the table). The rows whose
 * import key the table already has are asked first, in one query per
 * part, and left out of the COPY; the add holds a lock that keeps other
 * writers of events waiting (readers go on), so that no row can come in
 * between, and so that the ids, given here as on the file from one fresh
 * range, are the add's alone; the identity moves past them at the end.
 * If the server refuses a row, the COPY's context says which line it was,
 * and the whole add is rolled back.
 *
 * Asking for the known keys cost the server a probe of the keys' index
 * per row, and the add a round trip per part, for a file whose rows are
 * usually all new. So a part is first sent without asking, in a
 * savepoint: if the unique index meets a known key, the part is undone
 * to the savepoint, and that part and the add's next ones ask first. */

static const char lock_sql[] =
  "LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE";
static const char next_id_sql[] =
  "SELECT greatest ((SELECT coalesce (max (id), 0) FROM events),"
  "                 (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END"
  "                  FROM events_id_seq)) + 1";
static const char copy_sql[] =
  "COPY events (" TL_STORE_EVENT_COLUMNS ", import_key, search_words) FROM STDIN";
/* Which of the keys (hex) the table has. */
static const char known_keys_sql[] =
  "SELECT encode (import_key, 'hex') FROM events WHERE import_key = ANY ("
  "  ARRAY (SELECT decode (k, 'hex') FROM unnest ($1::text[]) AS k))";
/* A part of an import is at most 8192 rows (tl-import-run.c), about
 * 5 MB as the server keeps them for its insert trigger. */
#define BULK_WORK_MEM "32MB"

static const char savepoint_sql[] = "SAVEPOINT tl_part";
static const char release_sql[] = "RELEASE SAVEPOINT tl_part";
static const char back_sql[] = "ROLLBACK TO SAVEPOINT tl_part";
static const char move_identity_sql[] =
  "SELECT setval ('events_id_seq', greatest ($1::bigint,"
  "  (SELECT CASE WHEN is_called THEN last_value ELSE 1 END FROM events_id_seq)))";

/* $1 the statuses as an array, in the order of the cases. The ids are
 * drawn once (given is read twice, so it is computed once), and read
 * back from given with their order: looking each inserted row up in
 * given would cost the square of the cases. */
static const char insert_cases_sql[] =
  "WITH given AS ("
  "  SELECT nextval (pg_get_serial_sequence ('cases', 'id')) AS id, status, n"
  "  FROM unnest ($1::text[]) WITH ORDINALITY AS s (status, n)),"
  " added AS (INSERT INTO cases (id, status, created_at, updated_at)"
  "  SELECT id, status, $2, $2 FROM given RETURNING id)"
  " SELECT given.id, given.n FROM given JOIN added USING (id)";

typedef struct {
  GPtrArray *events;
  gint64     first_id;      /* event i gets first_id + i */
  gboolean  *skipped;
  gint64    *case_ids;      /* nullable */
} Part;

typedef struct {
  gboolean   keyed;
  char      *operator_name;
  char      *source;
  gint64     now;
  const char *what;

  gint64     first_id;
  gint64     next_id;
  gint64     end_id;        /* one past the last id added */
  gint64     n_added;
  guint      n_given;
  gboolean   ask_keys;      /* a part met a known key: ask before sending */
  GPtrArray *parts;         /* of Part */
  GHashTable *keys;         /* the keys of the rows added, in hex */
} PgBulk;

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

static void
pg_bulk_free (PgBulk *bulk)
{
  g_free (bulk->operator_name);
  g_free (bulk->source);
  g_ptr_array_unref (bulk->parts);
  g_hash_table_unref (bulk->keys);
  g_free (bulk);
}

/* COPY's text format: \N for NULL, and backslash, tab, newline and
 * carriage return escaped. */
static void
copy_text (GString    *line,
           const char *value)
{
  if (value == NULL)
    {
      g_string_append (line, "\\N");
      return;
    }

  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      default: g_string_append_c (line, *p); break;
      }
}

/* Tens of values a row, a hundred thousand rows: written by hand, not
 * through printf. */
static void
copy_int (GString *line,
          gint64   value,
          gint64   none)
{
  char digits[24];
  guint n = 0;
  guint64 magnitude;

  if (value == none)
    {
      g_string_append (line, "\\N");
      return;
    }

  magnitude = value < 0 ? 0 - (guint64) value : (guint64) value;
  do
    {
      digits[sizeof digits - 1 - n++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    digits[sizeof digits - 1 - n++] = '-';

  g_string_append_len (line, digits + sizeof digits - n, n);
}

/* @size bytes as lowercase hex digits. */
static void
append_hex (GString      *line,
            const guint8 *bytes,
            gsize         size)
{
  static const char hex[] = "0123456789abcdef";

  for (gsize b = 0; b < size; b++)
    {
      g_string_append_c (line, hex[bytes[b] >> 4]);
      g_string_append_c (line, hex[bytes[b] & 0xf]);
    }
}

static void
copy_double (GString *line,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (line, "\\N");
  else
    g_string_append (line, g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* One line of tl_bulk for @data and its key's @digest. */
static void
copy_row (GString           *line,
          const TlEventData *data,
          const guint8      *digest)
{
  gboolean has_position = !isnan (data->latitude) && !isnan (data->longitude);
  g_autofree char *words = tl_pg_search_words (data->notes, data->unit, data->place);

  copy_int (line, data->id, 0);                                   g_string_append_c (line, '\t');
  copy_text (line, tl_event_kind_to_string (data->kind));         g_string_append_c (line, '\t');
  copy_int (line, data->time, G_MININT64);                        g_string_append_c (line, '\t');
  copy_int (line, data->end_time, TL_TIME_NONE);                  g_string_append_c (line, '\t');
  copy_double (line, has_position ? data->latitude : NAN);        g_string_append_c (line, '\t');
  copy_double (line, has_position ? data->longitude : NAN);       g_string_append_c (line, '\t');
  copy_text (line, data->place);                                  g_string_append_c (line, '\t');
  copy_int (line, data->boats, TL_COUNT_UNKNOWN);                 g_string_append_c (line, '\t');
  copy_int (line, data->people, TL_COUNT_UNKNOWN);                g_string_append_c (line, '\t');
  copy_int (line, data->rescued, TL_COUNT_UNKNOWN);               g_string_append_c (line, '\t');
  copy_int (line, data->deceased, TL_COUNT_UNKNOWN);              g_string_append_c (line, '\t');
  copy_int (line, data->missing, TL_COUNT_UNKNOWN);               g_string_append_c (line, '\t');
  copy_text (line, data->unit);                                   g_string_append_c (line, '\t');
  copy_text (line, tl_event_status_to_string (data->status));     g_string_append_c (line, '\t');
  copy_text (line, data->notes);                                  g_string_append_c (line, '\t');
  copy_int (line, data->case_id, 0);                              g_string_append_c (line, '\t');
  copy_text (line, data->details);                                g_string_append_c (line, '\t');
  copy_int (line, data->revision, 0);                             g_string_append_c (line, '\t');
  copy_text (line, data->created_by);                             g_string_append_c (line, '\t');
  copy_int (line, data->created_at, G_MININT64);                  g_string_append_c (line, '\t');
  copy_text (line, data->updated_by);                             g_string_append_c (line, '\t');
  copy_int (line, data->updated_at, G_MININT64);                  g_string_append_c (line, '\t');
  if (digest == NULL)
    g_string_append (line, "\\N");
  else
    {
      /* bytea's hex form, its backslash escaped for COPY. */
      g_string_append (line, "\\\\x");
      append_hex (line, digest, TL_STORE_IMPORT_KEY_SIZE);
    }
  g_string_append_c (line, '\t');
  copy_text (line, words);
  g_string_append_c (line, '\n');
}

static void
fill_row (PgBulk      *bulk,
          Part        *part,
          guint        i,
          TlEventData *data)
{
  tl_event_get_data (g_ptr_array_index (part->events, i), data);
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

static char *
digest_hex (const guint8 *digest)
{
  GString *hex = g_string_sized_new (2 * TL_STORE_IMPORT_KEY_SIZE);

  append_hex (hex, digest, TL_STORE_IMPORT_KEY_SIZE);
  return g_string_free (hex, FALSE);
}

/* Marks the rows of @part whose key an earlier row of the add has, or,
 * if @ask, the table: they are left out. The keys of the others are
 * added to the add's, and listed in @out_added (borrowed from there). */
static gboolean
skip_known_keys (TlStorePg     *self,
                 PgBulk        *bulk,
                 Part          *part,
                 const guint8  *digests,
                 gboolean       ask,
                 GPtrArray     *out_added,
                 GError       **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GString) array = g_string_new ("{");
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) hexes = g_ptr_array_new_full (part->events->len, g_free);

  /* Hex digits only: nothing in the array literal needs quoting. */
  for (guint i = 0; i < part->events->len; i++)
    {
      char *hex = digest_hex (digests + (gsize) i * TL_STORE_IMPORT_KEY_SIZE);

      g_ptr_array_add (hexes, hex);
      if (i > 0)
        g_string_append_c (array, ',');
      g_string_append (array, hex);
    }
  g_string_append_c (array, '}');

  if (ask)
    {
      tl_pg_params_init (&params);
      tl_pg_params_text (&params, array->str);
      result = tl_pg_exec (self, known_keys_sql, &params, bulk->what, error);
      if (result == NULL)
        return FALSE;
      for (int r = 0; r < PQntuples (result); r++)
        g_hash_table_add (known, PQgetvalue (result, r, 0));
    }

  for (guint i = 0; i < part->events->len; i++)
    {
      char *hex = g_ptr_array_index (hexes, i);

      part->skipped[i] = g_hash_table_contains (known, hex) ||
                         g_hash_table_contains (bulk->keys, hex);
      if (!part->skipped[i])
        {
          g_ptr_array_add (out_added, hex);
          g_hash_table_add (bulk->keys, g_steal_pointer (&hexes->pdata[i]));
        }
    }

  return TRUE;
}

/* The server refused the COPY: which row, from its context ("COPY
 * events, line 2: …", after the context of what refused it, such as
 * "JSON data, line 1: …"), and why. */
static void
set_refusal (TlStorePg   *self,
             PgBulk      *bulk,
             Part        *part,
             GArray      *lines,
             PGresult    *result,
             GError     **error)
{
  const char *context = PQresultErrorField (result, PG_DIAG_CONTEXT);
  const char *line = context != NULL ? strstr (context, "COPY events, line ") : NULL;
  guint64 n = line != NULL ? g_ascii_strtoull (line + strlen ("COPY events, line "), NULL, 10) : 0;
  g_autoptr(GError) row_error = NULL;
  g_autofree char *what = NULL;
  const char *reason;

  tl_pg_set_result_error (self, result, bulk->what, &row_error);
  if (n == 0 || n > lines->len)
    {
      g_propagate_error (error, g_steal_pointer (&row_error));
      return;
    }

  /* Translators: "Could not save event 3 of 120", said of an import */
  what = g_strdup_printf (_("Could not save event %u of %u"),
                          bulk->n_given + g_array_index (lines, guint, n - 1) + 1,
                          bulk->n_given + part->events->len);
  reason = strstr (row_error->message, ": ");
  g_set_error (error, TL_STORE_ERROR, row_error->code, "%s%s", what,
               reason != NULL ? reason : "");
}

/* Whether the server refused a row for a key the table has. */
static gboolean
is_known_key (PGresult *result)
{
  return g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "23505") == 0 &&
         g_strcmp0 (PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME),
                    "events_import_key_key") == 0;
}

/* The rows of @part not skipped, in one COPY. With @out_known_key, a
 * row refused for a key the table has sets it instead of @error. */
static gboolean
copy_part (TlStorePg     *self,
           PgBulk        *bulk,
           Part          *part,
           const guint8  *digests,
           gboolean      *out_known_key,
           GError       **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, copy_sql);
  g_autoptr(GString) buffer = g_string_sized_new (1 << 17);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean sent = TRUE;
  gboolean refused = FALSE;

  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      g_clear_pointer (&result, PQclear);
      return tl_pg_exec_command (self, copy_sql, NULL, bulk->what, error);
    }

  for (guint i = 0; i < part->events->len && sent; i++)
    {
      TlEventData data;

      if (!part->skipped[i])
        {
          fill_row (bulk, part, i, &data);
          copy_row (buffer, &data, digests != NULL ? digests + (gsize) i * TL_STORE_IMPORT_KEY_SIZE : NULL);
          g_array_append_val (lines, i);
        }
      if (buffer->len >= (1 << 16) || (i + 1 == part->events->len && buffer->len > 0))
        {
          sent = PQputCopyData (self->conn, buffer->str, (int) buffer->len) == 1;
          g_string_truncate (buffer, 0);
        }
    }

  if (PQputCopyEnd (self->conn, sent ? NULL : "Tideline could not send the rows") != 1)
    sent = FALSE;
  g_clear_pointer (&result, PQclear);
  /* The COPY's own result, then the end of the command. */
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && sent && !refused)
        {
          if (out_known_key != NULL && is_known_key (result))
            *out_known_key = TRUE;
          else
            set_refusal (self, bulk, part, lines, result, error);
          refused = TRUE;
        }
      g_clear_pointer (&result, PQclear);
    }

  if (!sent && error != NULL && *error == NULL)
    g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO, "%s: %s",
                 bulk->what, PQerrorMessage (self->conn));
  return sent && !refused;
}

static gboolean
add_part (TlStorePg     *self,
          PgBulk        *bulk,
          GPtrArray     *events,
          const guint8  *digests,
          gint64        *case_ids,
          GError       **error)
{
  Part *part = g_new0 (Part, 1);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  part->events = g_ptr_array_ref (events);
  part->first_id = bulk->next_id;
  part->skipped = g_new0 (gboolean, MAX (events->len, 1));
  part->case_ids = case_ids;
  g_ptr_array_add (bulk->parts, part);

  if (events->len == 0)
    return TRUE;

  if (digests == NULL || bulk->ask_keys)
    {
      if ((digests != NULL && !skip_known_keys (self, bulk, part, digests, TRUE, added, error)) ||
          !copy_part (self, bulk, part, digests, NULL, error))
        return FALSE;
    }
  else
    {
      gboolean known_key = FALSE;

      if (!skip_known_keys (self, bulk, part, digests, FALSE, added, error) ||
          !tl_pg_exec_command (self, savepoint_sql, NULL, bulk->what, error) ||
          (!copy_part (self, bulk, part, digests, &known_key, error) && !known_key))
        return FALSE;

      if (!known_key && !tl_pg_exec_command (self, release_sql, NULL, bulk->what, error))
        return FALSE;
      if (known_key)
        {
          /* The table has some of these keys: this part again, asking
           * first, and so the next parts. */
          for (guint k = 0; k < added->len; k++)
            g_hash_table_remove (bulk->keys, g_ptr_array_index (added, k));
          g_ptr_array_set_size (added, 0);
          bulk->ask_keys = TRUE;
          if (!tl_pg_exec_command (self, back_sql, NULL, bulk->what, error) ||
              !skip_known_keys (self, bulk, part, digests, TRUE, added, error) ||
              !copy_part (self, bulk, part, digests, NULL, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < events->len; i++)
    if (!part->skipped[i])
      {
        bulk->end_id = part->first_id + i + 1;
        bulk->n_added++;
      }
  bulk->next_id += events->len;
  bulk->n_given += events->len;

  return TRUE;
}

/* Vfuncs */

static gpointer
pg_bulk_begin (TlStoreBackend  *backend,
               gboolean         keyed,
               const char      *operator_name,
               const char      *source,
               GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  g_autoptr(PGresult) result = NULL;
  PgBulk *bulk = g_new0 (PgBulk, 1);

  bulk->keyed = keyed;
  bulk->operator_name = g_strdup (operator_name);
  bulk->source = g_strdup (source);
  bulk->now = tl_store_now ();
  bulk->what = keyed ? _("Could not import the events") : _("Could not save the events");
  bulk->parts = g_ptr_array_new_with_free_func (part_free);
  bulk->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!tl_pg_check_audited (self, bulk->what, error) || !tl_pg_begin (self, error))
    goto failed;
  if (!tl_pg_set_local (self, "tl.import", "on", bulk->what, error) ||
      !tl_pg_set_local (self, "tl.import_source", source, bulk->what, error) ||
      !tl_pg_set_local (self, "tl.operator", operator_name, bulk->what, error) ||
      /* The rows of a part, kept for the insert trigger (room step 5),
       * then fit in memory: past work_mem's 4 MB they went to a
       * temporary file and were read back (3% of an import). */
      !tl_pg_set_local (self, "work_mem", BULK_WORK_MEM, bulk->what, error) ||
      !tl_pg_exec_command (self, lock_sql, NULL, bulk->what, error) ||
      (result = tl_pg_exec (self, next_id_sql, NULL, bulk->what, error)) == NULL)
    {
      tl_pg_rollback (self);
      goto failed;
    }

  bulk->first_id = bulk->next_id = bulk->end_id = tl_pg_get_int64 (result, 0, 0, 1);
  self->in_bulk = TRUE;
  return bulk;

failed:
  pg_bulk_free (bulk);
  return NULL;
}

static gboolean
pg_bulk_add (TlStoreBackend  *backend,
             gpointer         data,
             GPtrArray       *events,
             const guint8    *key_digests,
             GError         **error)
{
  return add_part (TL_STORE_PG (backend), data, events, key_digests, NULL, error);
}

static gboolean
pg_bulk_add_in_cases (TlStoreBackend      *backend,
                      gpointer             data,
                      GPtrArray           *events,
                      const int           *case_of_event,
                      const TlCaseStatus  *case_statuses,
                      guint                n_cases,
                      GError             **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  PgBulk *bulk = data;
  g_autofree gint64 *new_case_ids = g_new0 (gint64, MAX (n_cases, 1));
  gint64 *case_ids = NULL;

  /* All the cases in one statement (the sample data has thousands), with
   * ids taken from the identity first so that case c gets the c-th. */
  if (n_cases > 0)
    {
      g_auto(TlPgParams) params = { NULL };
      g_autoptr(PGresult) result = NULL;
      g_autoptr(GString) statuses = g_string_new ("{");

      for (guint c = 0; c < n_cases; c++)
        g_string_append_printf (statuses, "%s%s", c > 0 ? "," : "",
                                tl_case_status_to_string (case_statuses[c]));
      g_string_append_c (statuses, '}');

      tl_pg_params_init (&params);
      tl_pg_params_text (&params, statuses->str);
      tl_pg_params_int64 (&params, bulk->now);
      result = tl_pg_exec (self, insert_cases_sql, &params, bulk->what, error);
      if (result == NULL || PQntuples (result) != (int) n_cases)
        return FALSE;
      for (int r = 0; r < PQntuples (result); r++)
        new_case_ids[tl_pg_get_int64 (result, r, 1, 1) - 1] = tl_pg_get_int64 (result, r, 0, 0);
    }

  if (case_of_event != NULL)
    {
      case_ids = g_new0 (gint64, MAX (events->len, 1));
      for (guint i = 0; i < events->len; i++)
        case_ids[i] = case_of_event[i] >= 0 ? new_case_ids[case_of_event[i]] : 0;
    }

  /* The part owns case_ids from here. */
  return add_part (self, bulk, events, NULL, case_ids, error);
}

static void
pg_bulk_abort (TlStoreBackend *backend,
               gpointer        data)
{
  TlStorePg *self = TL_STORE_PG (backend);

  tl_pg_rollback (self);
  self->in_bulk = FALSE;
  pg_bulk_free (data);
}

static gboolean
pg_bulk_commit (TlStoreBackend  *backend,
                gpointer         data,
                guint           *out_n_added,
                guint           *out_n_skipped,
                GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  PgBulk *bulk = data;
  g_auto(TlPgParams) identity = { NULL };

  tl_pg_params_init (&identity);
  tl_pg_params_int64 (&identity, bulk->next_id - 1);

  /* The server writes the import's audit row as this commits. */
  if ((bulk->n_added > 0 &&
       !tl_pg_exec_command (self, move_identity_sql, &identity, bulk->what, error)) ||
      !tl_pg_commit (self, bulk->what, error))
    {
      pg_bulk_abort (backend, bulk);
      return FALSE;
    }
  self->in_bulk = FALSE;

  for (guint p = 0; p < bulk->parts->len; p++)
    {
      Part *part = g_ptr_array_index (bulk->parts, p);

      for (guint i = 0; i < part->events->len; i++)
        {
          TlEvent *event = g_ptr_array_index (part->events, i);
          gint64 case_id;

          if (part->skipped[i])
            continue;
          case_id = bulk->keyed ? 0
                    : part->case_ids != NULL ? part->case_ids[i]
                    : tl_event_get_case_id (event);
          tl_event_set_saved (event, part->first_id + i, case_id, 1, bulk->operator_name, bulk->now);
        }
    }

  if (out_n_added != NULL)
    *out_n_added = (guint) bulk->n_added;
  if (out_n_skipped != NULL)
    *out_n_skipped = bulk->n_given - (guint) bulk->n_added;
  if (bulk->n_added > 0)
    tl_store_backend_emit_changed (backend);

  pg_bulk_free (bulk);
  return TRUE;
}

/* Private API */

void
tl_pg_bulk_class_init (TlStoreBackendClass *klass)
{
  klass->bulk_begin = pg_bulk_begin;
  klass->bulk_add = pg_bulk_add;
  klass->bulk_add_in_cases = pg_bulk_add_in_cases;
  klass->bulk_commit = pg_bulk_commit;
  klass->bulk_abort = pg_bulk_abort;
}
