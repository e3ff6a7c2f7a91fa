/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* `tideline copy`: a whole database from one store to another, a file
 * to a server or back. Every table that holds records moves with its
 * ids, so that the audit, the imports' id ranges and the cases still
 * point at the right events: the target must be empty. The source is
 * read in one snapshot, the target written in one transaction. Places
 * move only if an operator added them: each database has the shipped
 * gazetteer already. This file holds the SQLite side; the server's is
 * tl-store-pg-copy.c. */

static const TlCopyTable tables[] = {
  { "cases", "id, status, title, created_at, updated_at, opened_at", "ittiii", NULL },
  { "events", TL_STORE_EVENT_COLUMNS ", import_key", "itiirrtiiiiitttitititib", NULL },
  { "routes", "id, event_id, kind, geometry", "iitt", NULL },
  { "audit", "id, event_id, action, operator, at, before, after", "iittitt", NULL },
  { "imports", "id, operator, at, source, first_event_id, end_event_id", "ititii", NULL },
  { "places", "name, kind, country, latitude, longitude, user_added", "tttrri", "user_added = 1" },
  { "units", "name", "t", NULL },
  { "drafts", "kind, event_id, operator, content, updated_at", "titti", NULL },
  { "statistics", "date, people, boats, source, imported_at", "tiiti", NULL },
  { "statistics_weeks", "week, first_date, last_date, people, boats, source, imported_at", "tttiiti", NULL },
};

/* Anything in these, and the target is not a new database. */
static const char target_empty_sql[] =
  "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM cases)"
  " + (SELECT count(*) FROM audit) + (SELECT count(*) FROM imports)"
  " + (SELECT count(*) FROM statistics) + (SELECT count(*) FROM statistics_weeks)";

/* Helpers */

static char *
hex_encode (const guint8 *data,
            gsize         size)
{
  GString *hex = g_string_sized_new (2 * size);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", data[i]);

  return g_string_free (hex, FALSE);
}

static GBytes *
hex_decode (const char *hex)
{
  gsize size = strlen (hex) / 2;
  guint8 *data = g_malloc (MAX (size, 1));

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));

  return g_bytes_new_take (data, size);
}

static gboolean
read_table (TlStoreSqlite      *self,
            const TlCopyTable  *table,
            GPtrArray          *values,
            GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s%s%s ORDER BY 1", table->columns,
                                          table->name, table->where ? " WHERE " : "",
                                          table->where ? table->where : "");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  int n_columns = (int) strlen (table->types);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
            g_ptr_array_add (values, NULL);
          else if (table->types[c] == 'r')
            g_ptr_array_add (values, g_strdup (g_ascii_dtostr (buffer, sizeof buffer,
                                                               sqlite3_column_double (stmt, c))));
          else if (table->types[c] == 'b')
            g_ptr_array_add (values, hex_encode (sqlite3_column_blob (stmt, c),
                                                 (gsize) sqlite3_column_bytes (stmt, c)));
          else
            g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
        }
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* @copy_tables are this file's tables. */
static gboolean
sqlite_read_tables (TlStoreBackend     *backend,
                    const TlCopyTable  *copy_tables,
                    guint               n_tables,
                    GPtrArray         **out_values,
                    GError            **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  gboolean ok = TRUE;
  int rc;

  /* One read transaction: one snapshot of every table. */
  rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }
  for (guint t = 0; t < G_N_ELEMENTS (tables) && ok; t++)
    {
      out_values[t] = g_ptr_array_new_with_free_func (g_free);
      ok = read_table (self, &tables[t], out_values[t], error);
    }
  tl_store_rollback (self);

  return ok;
}

static int
write_table (TlStoreSqlite     *self,
             const TlCopyTable *table,
             GPtrArray         *values)
{
  int n_columns = (int) strlen (table->types);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_string_printf (sql, "INSERT INTO %s (%s) VALUES (?", table->name, table->columns);
  for (int c = 1; c < n_columns; c++)
    g_string_append (sql, ", ?");
  /* The gazetteer a new file was given may already have the name. */
  g_string_append (sql, ") ON CONFLICT DO NOTHING");

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < values->len; i += n_columns)
    {
      for (int c = 0; rc == SQLITE_OK && c < n_columns; c++)
        {
          const char *value = g_ptr_array_index (values, i + c);

          if (value == NULL)
            rc = sqlite3_bind_null (stmt, c + 1);
          else if (table->types[c] == 'i')
            rc = sqlite3_bind_int64 (stmt, c + 1, g_ascii_strtoll (value, NULL, 10));
          else if (table->types[c] == 'r')
            rc = sqlite3_bind_double (stmt, c + 1, g_ascii_strtod (value, NULL));
          else if (table->types[c] == 'b')
            {
              g_autoptr(GBytes) bytes = hex_decode (value);

              rc = sqlite3_bind_blob (stmt, c + 1, g_bytes_get_data (bytes, NULL),
                                      (int) g_bytes_get_size (bytes), SQLITE_TRANSIENT);
            }
          else
            rc = sqlite3_bind_text (stmt, c + 1, value, -1, SQLITE_STATIC);
        }
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      sqlite3_reset (stmt);
    }

  return rc;
}

static gboolean
sqlite_write_tables (TlStoreBackend     *backend,
                     const TlCopyTable  *copy_tables,
                     guint               n_tables,
                     GPtrArray         **values,
                     GError            **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  const char *what = _("Could not copy into the database");
  gint64 n_records = 0;
  int rc = SQLITE_OK;

  if (!tl_store_begin (self, error))
    return FALSE;

  if (!tl_store_query_int (self->db, target_empty_sql, &n_records, &rc))
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }
  if (n_records > 0)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      tl_store_rollback (self);
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                   _("%s: “%s” already holds records; copy into a new, empty database"),
                   what, display);
      return FALSE;
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables) && rc == SQLITE_OK; t++)
    rc = write_table (self, &tables[t], values[t]);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * tl_store_copy:
 * @self: the store to copy from
 * @target: an empty store (a new file, or a new database on a server)
 * @out_n_events: (out) (optional): how many events were copied
 * @out_n_audit: (out) (optional): how many audit and import rows were
 *   copied
 * @error: return location for a #TL_STORE_ERROR
 *
 * Copies every record of @self into @target with its ids: events, their
 * audit and imports, cases, drafts, daily and weekly statistics, units and the places
 * operators added. @self is read in one snapshot and @target written in
 * one transaction: on failure nothing is written. A database that holds
 * records already is refused.
 *
 * Returns: %TRUE if everything was copied
 */
gboolean
tl_store_copy (TlStore  *self,
               TlStore  *target,
               guint    *out_n_events,
               guint    *out_n_audit,
               GError  **error)
{
  GPtrArray *values[G_N_ELEMENTS (tables)] = { NULL };
  guint n_columns_events = (guint) strlen (tables[1].types);
  gboolean ok;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (TL_IS_STORE (target), FALSE);
  g_return_val_if_fail (self != target, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = tl_store_backend_read_tables (self->backend, tables, G_N_ELEMENTS (tables), values, error);
  if (ok)
    ok = tl_store_backend_write_tables (target->backend, tables, G_N_ELEMENTS (tables), values, error);

  if (ok && out_n_events != NULL)
    *out_n_events = values[1]->len / n_columns_events;
  if (ok && out_n_audit != NULL)
    *out_n_audit = values[3]->len / (guint) strlen (tables[3].types) +
                   values[4]->len / (guint) strlen (tables[4].types);
  if (ok)
    tl_store_emit_events_changed (target);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    g_clear_pointer (&values[t], g_ptr_array_unref);

  return ok;
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_copy (TlStoreBackendClass *klass)
{
  klass->read_tables = sqlite_read_tables;
  klass->write_tables = sqlite_write_tables;
}
