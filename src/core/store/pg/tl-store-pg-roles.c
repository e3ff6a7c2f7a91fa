/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* The operations room on a shared server: who may do what, decided by
 * the server and not by the window.
 *
 * Four group roles, each with the rights of the one before:
 *   tideline_reader       reads everything (a briefer, a liaison officer);
 *   tideline_desk         also creates and edits reports, and their drafts;
 *   tideline_coordinator  also manages cases and their statuses, deletes,
 *                         and imports statistics and files;
 *   tideline_admin        owns the tables and migrates them.
 * A desk's login role is made a member of one of them
 * (GRANT tideline_desk TO alice).
 *
 * Row-level security: a draft belongs to the database user who wrote it,
 * and only that user sees or changes it.
 *
 * The audit names the database user (session_user) of whoever wrote the
 * row, set by a trigger whatever name the client sent; only the owner
 * (tideline_admin, which `tideline copy` needs to carry a file's audit
 * over) writes names of its own. No role may update or delete an audit
 * row: the only grants on it are SELECT and INSERT, and its
 * append-only trigger refuses everyone else, the owner included.
 *
 * Every write to events is announced on the channel "tl_events" to the
 * desks that listen (tl-store-pg-notify.c): "insert 12", "update 12",
 * "delete 12", or "insert *" for a large import.
 *
 * These steps are counted in tl_room_schema, apart from the numbered
 * migrations that the file shares (tl-store-pg-schema.c), so that a
 * database keeps the same schema number on both backends. */

#define ROOM_LOCK "7375460002"
#define ROOM_SCHEMA_VERSION 1

/* Room step 1. Role creation needs CREATEROLE: the first connection by
 * such a role (the administrator's `tideline migrate`) makes them. */
static const char room_1_sql[] =
  "DO $$ BEGIN"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tideline_reader') THEN"
  "    CREATE ROLE tideline_reader NOLOGIN; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tideline_desk') THEN"
  "    CREATE ROLE tideline_desk NOLOGIN IN ROLE tideline_reader; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tideline_coordinator') THEN"
  "    CREATE ROLE tideline_coordinator NOLOGIN IN ROLE tideline_desk; END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tideline_admin') THEN"
  "    CREATE ROLE tideline_admin NOLOGIN IN ROLE tideline_coordinator; END IF;"
  "  IF NOT pg_has_role (current_user, 'tideline_admin', 'MEMBER') THEN"
  "    GRANT tideline_admin TO CURRENT_USER; END IF;"
  "END $$;"

  "CREATE FUNCTION tl_is_owner () RETURNS boolean LANGUAGE sql STABLE AS"
  "  $$ SELECT pg_has_role (session_user, 'tideline_admin', 'MEMBER') $$;"

  /* Who wrote it is who logged in. */
  "CREATE FUNCTION tl_audit_who () RETURNS trigger LANGUAGE plpgsql AS $$"
  "  BEGIN IF NOT tl_is_owner () THEN NEW.operator := session_user; END IF;"
  "  RETURN NEW; END $$;"
  "CREATE TRIGGER audit_who BEFORE INSERT ON audit"
  "  FOR EACH ROW EXECUTE FUNCTION tl_audit_who ();"
  "CREATE TRIGGER imports_who BEFORE INSERT ON imports"
  "  FOR EACH ROW EXECUTE FUNCTION tl_audit_who ();"
  "CREATE FUNCTION tl_events_who () RETURNS trigger LANGUAGE plpgsql AS $$"
  "  BEGIN IF NOT tl_is_owner () THEN"
  "    NEW.updated_by := session_user;"
  "    IF TG_OP = 'INSERT' THEN NEW.created_by := session_user;"
  "    ELSE NEW.created_by := OLD.created_by; END IF;"
  "  END IF; RETURN NEW; END $$;"
  "CREATE TRIGGER events_who BEFORE INSERT OR UPDATE ON events"
  "  FOR EACH ROW EXECUTE FUNCTION tl_events_who ();"

  /* Live updates: one notification per changed report, delivered at
   * commit; a large import is one. */
  "CREATE FUNCTION tl_notify_events () RETURNS trigger LANGUAGE plpgsql AS $$"
  "  DECLARE changed bigint;"
  "  BEGIN"
  "    SELECT count (*) INTO changed FROM changed_rows;"
  "    IF changed > 100 THEN"
  "      PERFORM pg_notify ('tl_events', lower (TG_OP) || ' *');"
  "    ELSE"
  "      PERFORM pg_notify ('tl_events', lower (TG_OP) || ' ' || id) FROM changed_rows;"
  "    END IF;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER events_notify_insert AFTER INSERT ON events"
  "  REFERENCING NEW TABLE AS changed_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_notify_events ();"
  "CREATE TRIGGER events_notify_update AFTER UPDATE ON events"
  "  REFERENCING NEW TABLE AS changed_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_notify_events ();"
  "CREATE TRIGGER events_notify_delete AFTER DELETE ON events"
  "  REFERENCING OLD TABLE AS changed_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_notify_events ();"

  /* The poll's counter is bumped for any writer. */
  "ALTER FUNCTION tl_count_change () SECURITY DEFINER SET search_path = public;"

  /* Drafts are each desk's own. */
  "ALTER TABLE drafts ADD COLUMN owner name NOT NULL DEFAULT session_user;"
  "ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY drafts_own ON drafts"
  "  USING (owner = session_user) WITH CHECK (owner = session_user);"

  "REVOKE ALL ON cases, events, routes, places, drafts, statistics, units, audit,"
  "  imports, tl_changes, tl_schema, tl_room_schema, events_map FROM PUBLIC;"
  "GRANT SELECT ON cases, events, routes, places, drafts, statistics, units, audit,"
  "  imports, tl_changes, tl_schema, tl_room_schema, events_map TO tideline_reader;"
  "GRANT INSERT, UPDATE ON events TO tideline_desk;"
  "GRANT INSERT, UPDATE, DELETE ON routes, drafts TO tideline_desk;"
  /* Imports: a desk's kept reports are sent with their keys, audited
   * like an import. */
  "GRANT INSERT ON audit, units, places, imports TO tideline_desk;"
  "GRANT INSERT, UPDATE ON cases, statistics TO tideline_coordinator;"
  "GRANT DELETE ON events TO tideline_coordinator;"
  "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tideline_desk;"

  /* The owner. Since PostgreSQL 15 only the database's owner may create in
   * public; tideline_admin must, to own what is there. */
  "GRANT USAGE, CREATE ON SCHEMA public TO tideline_admin;"
  "DO $$ DECLARE item record; BEGIN"
  "  FOR item IN SELECT c.relname, c.relkind FROM pg_class c"
  "      JOIN pg_namespace n ON n.oid = c.relnamespace"
  "      WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'v')"
  "        AND c.relname <> 'spatial_ref_sys'"
  /* PostGIS's own views (geometry_columns, …) stay its owner's: only a
   * superuser may hand them over, and the extension needs them as they are. */
  "        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
  "          AND d.objid = c.oid AND d.deptype = 'e') LOOP"
  "    EXECUTE format (CASE item.relkind WHEN 'v' THEN 'ALTER VIEW %I OWNER TO tideline_admin'"
  "                    ELSE 'ALTER TABLE %I OWNER TO tideline_admin' END, item.relname);"
  "  END LOOP;"
  "  FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p"
  "      JOIN pg_namespace n ON n.oid = p.pronamespace"
  "      WHERE n.nspname = current_schema () AND p.proname LIKE 'tl\\_%' LOOP"
  "    EXECUTE format ('ALTER FUNCTION %s OWNER TO tideline_admin', item.name);"
  "  END LOOP;"
  "END $$;";

static const char *const room_steps[] = {
  room_1_sql,
};

G_STATIC_ASSERT (G_N_ELEMENTS (room_steps) == ROOM_SCHEMA_VERSION);

/* What the connected role may do, and as which of the four roles. */
static const char capabilities_sql[] =
  "SELECT has_table_privilege ('events', 'SELECT'),"
  "       has_table_privilege ('events', 'INSERT') AND has_table_privilege ('events', 'UPDATE')"
  "         AND has_table_privilege ('audit', 'INSERT'),"
  "       has_table_privilege ('events', 'DELETE'),"
  "       has_table_privilege ('cases', 'INSERT') AND has_table_privilege ('cases', 'UPDATE'),"
  "       has_table_privilege ('statistics', 'INSERT'),"
  /* The highest of the four this role is a member of (none on a server
   * set up before them). */
  "       (SELECT rolname FROM pg_roles WHERE rolname IN ('tideline_admin',"
  "          'tideline_coordinator', 'tideline_desk', 'tideline_reader')"
  "          AND pg_has_role (oid, 'MEMBER')"
  "        ORDER BY array_position (ARRAY['tideline_admin', 'tideline_coordinator',"
  "          'tideline_desk', 'tideline_reader']::name[], rolname) LIMIT 1),"
  "       current_user";

/* Helpers */

static gboolean
exec_fixed (TlStorePg   *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_autofree char *message = g_strdup (PQresultErrorMessage (result));

      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FAILED,
                   _("Could not set up the roles of %s: %s"),
                   self->display_name, g_strstrip (message));
      return FALSE;
    }

  return TRUE;
}

static int
read_room_version (TlStorePg *self)
{
  g_autoptr(PGresult) exists = PQexec (self->conn, "SELECT to_regclass ('tl_room_schema') IS NOT NULL");
  g_autoptr(PGresult) result = NULL;

  if (PQresultStatus (exists) != PGRES_TUPLES_OK || PQntuples (exists) != 1)
    return -1;
  if (g_str_equal (PQgetvalue (exists, 0, 0), "f"))
    return 0;

  result = PQexec (self->conn, "SELECT coalesce (max (version), 0) FROM tl_room_schema");
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    return -1;

  return (int) tl_pg_get_int64 (result, 0, 0, 0);
}

/* May this connection migrate: create roles and change owners? */
static gboolean
can_set_up (TlStorePg *self)
{
  g_autoptr(PGresult) result = PQexec (self->conn,
                                       "SELECT rolsuper OR rolcreaterole FROM pg_roles"
                                       " WHERE rolname = current_user");

  return PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 &&
         g_str_equal (PQgetvalue (result, 0, 0), "t");
}

static gboolean
migrate_room (TlStorePg  *self,
              GError    **error)
{
  while (TRUE)
    {
      g_autofree char *record = NULL;
      int version;

      if (!tl_pg_begin (self, error))
        return FALSE;
      if (!exec_fixed (self, "SELECT pg_advisory_xact_lock (" ROOM_LOCK ")", error))
        {
          tl_pg_rollback (self);
          return FALSE;
        }

      version = read_room_version (self);
      if (version < 0 || version >= ROOM_SCHEMA_VERSION)
        {
          tl_pg_rollback (self);
          return TRUE;
        }

      record = g_strdup_printf ("DELETE FROM tl_room_schema; INSERT INTO tl_room_schema VALUES (%d)",
                                version + 1);
      if ((version == 0 &&
           !exec_fixed (self, "CREATE TABLE tl_room_schema (version integer NOT NULL)", error)) ||
          !exec_fixed (self, room_steps[version], error) ||
          !exec_fixed (self, record, error) ||
          !tl_pg_commit (self, _("Could not set up the roles"), error))
        {
          tl_pg_rollback (self);
          return FALSE;
        }
    }
}

static gboolean
read_capabilities (TlStorePg  *self,
                   GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  guint capabilities = 0;

  result = tl_pg_exec (self, capabilities_sql, NULL, _("Could not read what this role may do"), error);
  if (result == NULL)
    return FALSE;

  for (int column = 0; column < 5; column++)
    if (g_str_equal (PQgetvalue (result, 0, column), "t"))
      capabilities |= 1u << column;

  self->capabilities = capabilities;
  g_free (self->role_name);
  self->role_name = g_strdup (tl_pg_get_text (result, 0, 5));
  g_free (self->user_name);
  self->user_name = g_strdup (tl_pg_get_text (result, 0, 6));
  return TRUE;
}

/* TlStoreBackend */

static guint
pg_get_capabilities (TlStoreBackend *backend)
{
  return TL_STORE_PG (backend)->capabilities;
}

static const char *
pg_get_role_name (TlStoreBackend *backend)
{
  TlStorePg *self = TL_STORE_PG (backend);

  return self->role_name != NULL ? self->role_name : self->user_name;
}

static gboolean
pg_is_listening (TlStoreBackend *backend)
{
  return tl_pg_listener_is_listening (TL_STORE_PG (backend)->listener);
}

/* Private API */

/* After the numbered migrations: the roles, if this connection may set
 * them up and they are not yet, then what this role may do. */
gboolean
tl_pg_roles_open (TlStorePg  *self,
                  GError    **error)
{
  if (read_room_version (self) < ROOM_SCHEMA_VERSION && can_set_up (self) &&
      !migrate_room (self, error))
    return FALSE;

  return read_capabilities (self, error);
}

void
tl_pg_roles_class_init (TlStoreBackendClass *klass)
{
  klass->get_capabilities = pg_get_capabilities;
  klass->get_role_name = pg_get_role_name;
  klass->is_listening = pg_is_listening;
  klass->reconnect = tl_pg_reconnect;
}
