/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* The triggers during a bulk add (tl-store-bulk.c).
 *
 * Row by row, the full-text trigger would make every INSERT a statement
 * savepoint at which SQLite 3.40's FTS5 writes out its pending index (a
 * million-row import took minutes). So inside a bulk add the connection's
 * triggers are off (SQLITE_DBCONFIG_ENABLE_TRIGGER: this connection only,
 * nothing written to the file, other connections keep theirs), and one
 * INSERT … SELECT over the new ids, at the commit, fills the full-text
 * index exactly as the trigger would have. That is only done while the triggers are the ones this file
 * knows: after a migration that adds or changes one, bulk adds keep the
 * triggers on (slower, never wrong) until this file learns the new one.
 */

/* The trigger that fires on an INSERT into events, exactly as schema 1
 * stored it (sqlite_schema keeps the text from CREATE to END). */
static const char fts_insert_trigger_sql[] =
  "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
  "  INSERT INTO events_fts (rowid, notes, unit, place)"
  "    VALUES (new.id, new.notes, new.unit, new.place);"
  "END";
/* True if it is there as above, and every other trigger is one that a
 * bulk add does not fire (an UPDATE or DELETE trigger of schemas 1, 2
 * and 4), or schema 4's cases_opened_insert, which cases_opened_sql does
 * for a whole part: then switching triggers off loses nothing that
 * index_fts_sql and cases_opened_sql do not do. */
static const char triggers_known_sql[] =
  "SELECT EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'trigger'"
  "               AND name = 'events_fts_insert' AND sql = ?1)"
  " AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'trigger'"
  "   AND name NOT IN ('events_fts_insert', 'cases_opened_insert')"
  "   AND (name NOT IN ('events_fts_update', 'events_fts_delete',"
  "                     'audit_no_update', 'audit_no_delete',"
  "                     'imports_no_update', 'imports_no_delete',"
  "                     'cases_opened_update', 'cases_opened_delete')"
  "        OR CASE instr (upper (sql), ' BEGIN') WHEN 0 THEN sql"
  "           ELSE substr (sql, 1, instr (upper (sql), ' BEGIN')) END LIKE '%INSERT%'))"
  " AND NOT EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE type = 'trigger')";

/* Helpers */

static gboolean
triggers_known (TlStoreSqlite  *self,
                gboolean       *out_known,
                GError        **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, triggers_known_sql, error);
  if (stmt == NULL)
    return FALSE;

  tl_store_bind_text (stmt, 1, fts_insert_trigger_sql, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }

  *out_known = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Private API */

/* Switches the triggers off for this connection if they are the known
 * ones. Inside the transaction, under the write lock: no migration can
 * come in between. */
gboolean
tl_store_bulk_triggers_off (TlStoreSqlite  *self,
                            gboolean       *out_off,
                            GError        **error)
{
  gboolean known = FALSE;
  int rc;

  *out_off = FALSE;
  if (!triggers_known (self, &known, error))
    return FALSE;
  if (!known)
    {
      g_debug ("Unknown triggers on the events: bulk add with triggers on");
      return TRUE;
    }

  rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  if (rc != SQLITE_OK)
    {
      /* Triggers still on: slow but right. */
      g_debug ("Could not switch triggers off: %s", sqlite3_errstr (rc));
      return TRUE;
    }

  *out_off = TRUE;
  return TRUE;
}

/* Switches the triggers back on; harmless if they are on. Before the
 * commit or the rollback, so that nothing else ever runs without them. */
void
tl_store_bulk_triggers_on (TlStoreSqlite *self)
{
  int rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);

  /* Only fails for an unknown option, which this one is not. */
  if (rc != SQLITE_OK)
    g_critical ("Could not switch triggers back on: %s", sqlite3_errstr (rc));
}

gboolean
tl_store_bulk_can_skip_triggers (TlStoreSqlite  *self,
                                 GError        **error)
{
  gboolean known = FALSE;

  return triggers_known (self, &known, error) && known;
}
