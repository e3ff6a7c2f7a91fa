/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* The server's side of tl_store_copy() (tl-store-copy.c): every table
 * read in one REPEATABLE READ snapshot, or written in one transaction,
 * each row one INSERT with its values bound. Events get their folded
 * search words as any write does, and the identities move past the ids
 * copied so that the next report gets a fresh one. The table and column
 * names come from tl-store-copy.c's fixed list, never from input. */

static const char target_empty_sql[] =
  "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM cases)"
  " + (SELECT count(*) FROM audit) + (SELECT count(*) FROM imports)"
  " + (SELECT count(*) FROM statistics) + (SELECT count(*) FROM statistics_weeks)";
static const char move_identities_sql[] =
  "SELECT setval (pg_get_serial_sequence ('events', 'id'), greatest ((SELECT max (id) FROM events), 1)),"
  "       setval (pg_get_serial_sequence ('cases', 'id'), greatest ((SELECT max (id) FROM cases), 1)),"
  "       setval (pg_get_serial_sequence ('audit', 'id'), greatest ((SELECT max (id) FROM audit), 1)),"
  "       setval (pg_get_serial_sequence ('imports', 'id'), greatest ((SELECT max (id) FROM imports), 1)),"
  "       setval (pg_get_serial_sequence ('routes', 'id'), greatest ((SELECT max (id) FROM routes), 1))";

/* Helpers */

/* The select list: bytes in hex. */
static char *
select_list (const TlCopyTable *table)
{
  g_auto(GStrv) columns = g_strsplit (table->columns, ",", -1);
  GString *list = g_string_new (NULL);

  for (guint c = 0; columns[c] != NULL; c++)
    {
      const char *name = g_strstrip (columns[c]);

      if (c > 0)
        g_string_append (list, ", ");
      if (table->types[c] == 'b')
        g_string_append_printf (list, "encode (%s, 'hex')", name);
      else
        g_string_append (list, name);
    }

  return g_string_free (list, FALSE);
}

static gboolean
pg_read_tables (TlStoreBackend     *backend,
                const TlCopyTable  *tables,
                guint               n_tables,
                GPtrArray         **out_values,
                GError            **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not read the database");

  if (!tl_pg_exec_command (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL, what, error))
    return FALSE;

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *list = select_list (&tables[t]);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s%s%s ORDER BY 1", list,
                                              tables[t].name, tables[t].where ? " WHERE " : "",
                                              tables[t].where ? tables[t].where : "");
      g_autoptr(PGresult) result = tl_pg_exec (self, sql, NULL, what, error);

      if (result == NULL)
        {
          tl_pg_rollback (self);
          return FALSE;
        }

      out_values[t] = g_ptr_array_new_full (PQntuples (result) * PQnfields (result), g_free);
      for (int r = 0; r < PQntuples (result); r++)
        for (int c = 0; c < PQnfields (result); c++)
          g_ptr_array_add (out_values[t], g_strdup (tl_pg_get_text (result, r, c)));
    }

  tl_pg_rollback (self);
  return TRUE;
}

static gboolean
write_table (TlStorePg          *self,
             const TlCopyTable  *table,
             GPtrArray          *values,
             const char         *what,
             GError            **error)
{
  guint n_columns = (guint) strlen (table->types);
  gboolean is_events = g_str_equal (table->name, "events");
  g_autoptr(GString) sql = g_string_new (NULL);
  int notes = -1, unit = -1, place = -1;

  g_string_printf (sql, "INSERT INTO %s (%s%s) VALUES ($1", table->name, table->columns,
                   is_events ? ", search_words" : "");
  for (guint c = 1; c < n_columns + (is_events ? 1 : 0); c++)
    g_string_append_printf (sql, ", $%u", c + 1);
  /* The gazetteer a new database was given may already have the name. */
  g_string_append (sql, ") ON CONFLICT DO NOTHING");

  if (is_events)
    {
      g_auto(GStrv) columns = g_strsplit (table->columns, ",", -1);

      for (int c = 0; columns[c] != NULL; c++)
        {
          const char *name = g_strstrip (columns[c]);

          notes = g_str_equal (name, "notes") ? c : notes;
          unit = g_str_equal (name, "unit") ? c : unit;
          place = g_str_equal (name, "place") ? c : place;
        }
    }

  for (guint i = 0; i < values->len; i += n_columns)
    {
      g_auto(TlPgParams) params = { NULL };

      tl_pg_params_init (&params);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *value = g_ptr_array_index (values, i + c);

          if (value != NULL && table->types[c] == 'b')
            g_ptr_array_add (params.values, g_strconcat ("\\x", value, NULL));
          else
            tl_pg_params_text (&params, value);
        }
      if (is_events)
        g_ptr_array_add (params.values,
                         tl_pg_search_words (g_ptr_array_index (values, i + notes),
                                             g_ptr_array_index (values, i + unit),
                                             g_ptr_array_index (values, i + place)));
      if (!tl_pg_exec_command (self, sql->str, &params, what, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
pg_write_tables (TlStoreBackend     *backend,
                 const TlCopyTable  *tables,
                 guint               n_tables,
                 GPtrArray         **values,
                 GError            **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not copy into the database");
  g_autoptr(PGresult) result = NULL;

  if (!tl_pg_begin (self, error))
    return FALSE;

  /* The audit comes with the records, as it was: the server's triggers
   * write none of their own, which only the owner may ask for. */
  if (self->audited && !tl_pg_set_local (self, "tl.copy", "on", what, error))
    goto failed;

  result = tl_pg_exec (self, target_empty_sql, NULL, what, error);
  if (result == NULL)
    goto failed;
  if (tl_pg_get_int64 (result, 0, 0, 0) > 0)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                   _("%s: “%s” already holds records; copy into a new, empty database"),
                   what, self->display_name);
      goto failed;
    }

  for (guint t = 0; t < n_tables; t++)
    if (!write_table (self, &tables[t], values[t], what, error))
      goto failed;

  if (!tl_pg_exec_command (self, move_identities_sql, NULL, what, error) ||
      !tl_pg_commit (self, what, error))
    goto failed;

  return TRUE;

failed:
  tl_pg_rollback (self);
  return FALSE;
}

/* Private API */

void
tl_pg_copy_class_init (TlStoreBackendClass *klass)
{
  klass->read_tables = pg_read_tables;
  klass->write_tables = pg_write_tables;
}
