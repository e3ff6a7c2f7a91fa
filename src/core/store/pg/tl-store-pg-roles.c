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
 * The audit is written by the server's triggers (room step 2) and names
 * the database user (session_user) of whoever wrote the row, whatever
 * name the client sent; only the owner (tideline_admin, which `tideline
 * copy` needs to carry a file's audit over) writes names of its own. No
 * role but the owner may insert an audit row, and none may update or
 * delete one: its append-only trigger refuses everyone, the owner
 * included.
 *
 * Every write to events is announced on the channel "tl_events" to the
 * desks that listen (tl-store-pg-notify.c): "insert 12", "update 12",
 * "delete 12", or "insert *" for a large import.
 *
 * These steps are counted in tl_room_schema, apart from the numbered
 * migrations that the file shares (tl-store-pg-schema.c), so that a
 * database keeps the same schema number on both backends. */

#define ROOM_LOCK "7375460002"
#define ROOM_SCHEMA_VERSION 6

/* Gives every table, view and function of Tideline to tideline_admin,
 * whoever made them: definer's rights then are the owner's. */
#define OWN_EVERYTHING_SQL \
  /* Since PostgreSQL 15 only the database's owner may create in public; \
   * tideline_admin must, to own what is there. */ \
  "GRANT USAGE, CREATE ON SCHEMA public TO tideline_admin;" \
  "DO $$ DECLARE item record; BEGIN" \
  "  FOR item IN SELECT c.relname, c.relkind FROM pg_class c" \
  "      JOIN pg_namespace n ON n.oid = c.relnamespace" \
  "      WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'v')" \
  "        AND c.relname <> 'spatial_ref_sys'" \
  /* PostGIS's own views (geometry_columns, …) stay its owner's: only a \
   * superuser may hand them over, and the extension needs them as they are. */ \
  "        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass" \
  "          AND d.objid = c.oid AND d.deptype = 'e') LOOP" \
  "    EXECUTE format (CASE item.relkind WHEN 'v' THEN 'ALTER VIEW %I OWNER TO tideline_admin'" \
  "                    ELSE 'ALTER TABLE %I OWNER TO tideline_admin' END, item.relname);" \
  "  END LOOP;" \
  "  FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p" \
  "      JOIN pg_namespace n ON n.oid = p.pronamespace" \
  "      WHERE n.nspname = current_schema () AND p.proname LIKE 'tl\\_%' LOOP" \
  "    EXECUTE format ('ALTER FUNCTION %s OWNER TO tideline_admin', item.name);" \
  "  END LOOP;" \
  "END $$;"

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
   * like an import (until room step 2, which takes back audit and
   * imports). */
  "GRANT INSERT ON audit, units, places, imports TO tideline_desk;"
  "GRANT INSERT, UPDATE ON cases, statistics TO tideline_coordinator;"
  "GRANT DELETE ON events TO tideline_coordinator;"
  "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tideline_desk;"

  /* The owner. */
  OWN_EVERYTHING_SQL;

/* Room step 2: the server writes the audit, so that no client can skip
 * or forge a row. Triggers on events write what tl-store-events.c writes
 * on a file: a 'create', 'update', 'delete' or 'restore' row per report,
 * with the report as JSON in the keys and formats of tl_event_to_json(),
 * or, for a bulk add (the transaction says so: tl.import), one row of
 * imports for the whole add, written at commit by a deferred trigger
 * whatever the client does next. Who is session_user; only the owner
 * names someone else (its tl.operator, or the report's updated_by), as
 * the file's operator name. When is the server's clock.
 *
 * `tideline copy` carries a file's own audit rows over: in a transaction
 * that sets tl.copy the triggers write nothing, and only the owner may
 * set it (anyone else's write is refused). No role but the owner may
 * insert into audit or imports: the triggers do it with the owner's
 * rights. Tables made later by the owner (or by whoever migrates) are
 * readable by the readers without a grant of their own. */
static const char room_2_sql[] =
  "CREATE FUNCTION tl_audit_operator (given text) RETURNS text LANGUAGE sql STABLE AS"
  "  $$ SELECT CASE WHEN tl_is_owner () THEN coalesce (nullif (given, ''), session_user::text)"
  "             ELSE session_user::text END $$;"
  "CREATE FUNCTION tl_audit_now () RETURNS bigint LANGUAGE sql STABLE AS"
  "  $$ SELECT floor (extract (epoch FROM statement_timestamp ()))::bigint $$;"
  "CREATE FUNCTION tl_copying () RETURNS boolean LANGUAGE plpgsql STABLE AS $$"
  "  BEGIN"
  "    IF coalesce (current_setting ('tl.copy', true), '') <> 'on' THEN RETURN false; END IF;"
  "    IF NOT tl_is_owner () THEN"
  "      RAISE EXCEPTION 'only the owner of the database may copy records with their audit'"
  "        USING ERRCODE = '42501';"
  "    END IF;"
  "    RETURN true;"
  "  END $$;"

  /* tl_event_to_json()'s text: keys in its order, times as ISO 8601 UTC,
   * unknown values null, details embedded as stored. */
  "CREATE FUNCTION tl_json_value (value anyelement) RETURNS text LANGUAGE sql IMMUTABLE AS"
  "  $$ SELECT coalesce (to_json (value)::text, 'null') $$;"
  "CREATE FUNCTION tl_json_time (utc bigint) RETURNS text LANGUAGE sql IMMUTABLE AS"
  "  $$ SELECT tl_json_value (to_char (to_timestamp (utc) AT TIME ZONE 'UTC',"
  "                                    'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) $$;"
  "CREATE FUNCTION tl_event_json (e events) RETURNS text LANGUAGE sql STABLE AS $$"
  "  SELECT '{\"id\":' || e.id || ',\"kind\":' || tl_json_value (e.kind)"
  "    || ',\"time\":' || tl_json_time (e.time) || ',\"end_time\":' || tl_json_time (e.end_time)"
  "    || ',\"latitude\":' || tl_json_value (e.latitude)"
  "    || ',\"longitude\":' || tl_json_value (e.longitude)"
  "    || ',\"place\":' || tl_json_value (e.place) || ',\"boats\":' || tl_json_value (e.boats)"
  "    || ',\"people\":' || tl_json_value (e.people) || ',\"rescued\":' || tl_json_value (e.rescued)"
  "    || ',\"deceased\":' || tl_json_value (e.deceased)"
  "    || ',\"missing\":' || tl_json_value (e.missing) || ',\"unit\":' || tl_json_value (e.unit)"
  "    || ',\"status\":' || tl_json_value (e.status) || ',\"notes\":' || tl_json_value (e.notes)"
  "    || ',\"case_id\":' || tl_json_value (e.case_id)"
  "    || ',\"details\":' || coalesce (e.details, 'null') || ',\"revision\":' || e.revision"
  "    || ',\"created_by\":' || tl_json_value (e.created_by)"
  "    || ',\"created_at\":' || tl_json_time (e.created_at)"
  "    || ',\"updated_by\":' || tl_json_value (e.updated_by)"
  "    || ',\"updated_at\":' || tl_json_time (e.updated_at) || '}' $$;"

  /* A bulk add's ranges, one per statement, until its commit. */
  "CREATE TABLE tl_import_pending ("
  "  txid bigint NOT NULL,"
  "  first_event_id bigint NOT NULL,"
  "  end_event_id bigint NOT NULL"
  ");"
  "CREATE FUNCTION tl_audit_import_close () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  BEGIN"
  "    INSERT INTO imports (operator, at, source, first_event_id, end_event_id)"
  "      SELECT tl_audit_operator (current_setting ('tl.operator', true)), tl_audit_now (),"
  "             nullif (current_setting ('tl.import_source', true), ''),"
  "             min (first_event_id), max (end_event_id)"
  "      FROM tl_import_pending WHERE txid = txid_current () HAVING count (*) > 0;"
  "    DELETE FROM tl_import_pending WHERE txid = txid_current ();"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE CONSTRAINT TRIGGER import_close AFTER INSERT ON tl_import_pending"
  "  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tl_audit_import_close ();"

  "CREATE FUNCTION tl_audit_events_insert () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  BEGIN"
  "    IF tl_copying () THEN RETURN NULL; END IF;"
  "    IF coalesce (current_setting ('tl.import', true), '') = 'on' THEN"
  "      INSERT INTO tl_import_pending (txid, first_event_id, end_event_id)"
  "        SELECT txid_current (), min (id), max (id) + 1 FROM new_rows HAVING count (*) > 0;"
  "    ELSE"
  "      INSERT INTO audit (event_id, action, operator, at, after)"
  "        SELECT n.id, CASE WHEN EXISTS (SELECT 1 FROM audit a"
  "                                       WHERE a.event_id = n.id AND a.action = 'delete')"
  "                     THEN 'restore' ELSE 'create' END,"
  "               tl_audit_operator (n.updated_by), tl_audit_now (), tl_event_json (n)"
  "        FROM new_rows n ORDER BY n.id;"
  "    END IF;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER events_audit_insert AFTER INSERT ON events"
  "  REFERENCING NEW TABLE AS new_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_audit_events_insert ();"
  "CREATE FUNCTION tl_audit_events_update () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  BEGIN"
  "    IF NOT tl_copying () THEN"
  "      INSERT INTO audit (event_id, action, operator, at, before, after)"
  "        VALUES (NEW.id, 'update', tl_audit_operator (NEW.updated_by), tl_audit_now (),"
  "                tl_event_json (OLD), tl_event_json (NEW));"
  "    END IF;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER events_audit_update AFTER UPDATE ON events"
  "  FOR EACH ROW EXECUTE FUNCTION tl_audit_events_update ();"
  "CREATE FUNCTION tl_audit_events_delete () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  BEGIN"
  "    IF NOT tl_copying () THEN"
  "      INSERT INTO audit (event_id, action, operator, at, before)"
  "        VALUES (OLD.id, 'delete', tl_audit_operator (current_setting ('tl.operator', true)),"
  "                tl_audit_now (), tl_event_json (OLD));"
  "    END IF;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER events_audit_delete AFTER DELETE ON events"
  "  FOR EACH ROW EXECUTE FUNCTION tl_audit_events_delete ();"

  /* Only the owner writes the audit itself; everyone else through the
   * triggers. Every grant but SELECT goes, whoever was given it. */
  /* The outbox's idempotency keys (tl-store-outbox.c): a save sent
   * again after its answer was lost finds its key and is skipped. */
  "CREATE TABLE tl_sent ("
  "  key uuid PRIMARY KEY,"
  "  at bigint NOT NULL DEFAULT floor (extract (epoch FROM statement_timestamp ()))::bigint"
  ");"
  "REVOKE ALL ON tl_import_pending, tl_sent FROM PUBLIC;"
  "GRANT SELECT ON tl_sent TO tideline_reader;"
  "GRANT INSERT ON tl_sent TO tideline_desk;"
  "DO $$ DECLARE item record; BEGIN"
  "  FOR item IN SELECT DISTINCT c.relname,"
  "        CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident (r.rolname) END AS who"
  "      FROM pg_class c CROSS JOIN LATERAL aclexplode (c.relacl) g"
  "      LEFT JOIN pg_roles r ON r.oid = g.grantee"
  "      WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema ())"
  "        AND c.relname IN ('audit', 'imports', 'tl_import_pending')"
  "        AND g.grantee <> c.relowner AND g.privilege_type <> 'SELECT' LOOP"
  "    EXECUTE format ('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER"
  "                     ON %I FROM %s', item.relname, item.who);"
  "  END LOOP;"
  /* New tables: readable by the readers, their identities usable by the
   * desks; any write is granted by the migration that makes them. */
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE tideline_admin IN SCHEMA %I"
  "                   GRANT SELECT ON TABLES TO tideline_reader', current_schema ());"
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES FOR ROLE tideline_admin IN SCHEMA %I"
  "                   GRANT USAGE ON SEQUENCES TO tideline_desk', current_schema ());"
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I"
  "                   GRANT SELECT ON TABLES TO tideline_reader', current_schema ());"
  "  EXECUTE format ('ALTER DEFAULT PRIVILEGES IN SCHEMA %I"
  "                   GRANT USAGE ON SEQUENCES TO tideline_desk', current_schema ());"
  "END $$;"
  "GRANT SELECT ON tl_import_pending TO tideline_reader;"
  OWN_EVERYTHING_SQL;

/* Room step 3: a case's reports by time. tl_cases_reopen() (schema 4)
 * asks each changed case for its first report's time; with no better
 * index the planner may walk events_time from the first report ever until
 * it meets one of the case's, which on a large server made every save
 * into a case, and a sample day's cases, cost a walk of the table. */
static const char room_3_sql[] =
  "CREATE INDEX events_case_time ON events (case_id, time) WHERE case_id IS NOT NULL;";

/* Room step 4: what every row of a large import paid for.
 *
 * tl_json_valid() caught the cast's error in a PL/pgSQL block, a
 * subtransaction for each value checked: the details of every report,
 * and both sides of every audit row. A value that a strict subset of
 * JSON matches (a flat object of strings without escapes, numbers,
 * true, false and null: what Tideline writes) is valid without it;
 * anything else is still parsed, so the answer is the same. As one
 * SQL expression it is inlined into the checks.
 *
 * events_who ran a PL/pgSQL function for every row written; it now runs
 * only for a row it would change (a name that is not the writer's, from
 * a writer that is not the owner), which the trigger's WHEN decides
 * without calling it. */
#define JSON_STRING "\"[^\"\\\\[:cntrl:]]*\""
#define JSON_SCALAR \
  "(" JSON_STRING "|-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][-+]?[0-9]+)?|true|false|null)"
#define JSON_MEMBER JSON_STRING ":" JSON_SCALAR

static const char room_4_sql[] =
  "CREATE FUNCTION tl_json_parses (value text) RETURNS boolean"
  "  LANGUAGE plpgsql IMMUTABLE AS $$"
  "  BEGIN PERFORM value::json; RETURN true;"
  "  EXCEPTION WHEN others THEN RETURN false; END $$;"
  "CREATE OR REPLACE FUNCTION tl_json_valid (value text) RETURNS boolean"
  "  LANGUAGE sql IMMUTABLE AS $$"
  "  SELECT CASE WHEN value ~ '^[{](" JSON_MEMBER "(," JSON_MEMBER ")*)?[}]$' THEN true"
  "              ELSE tl_json_parses (value) END $$;"

  "DROP TRIGGER events_who ON events;"
  "CREATE TRIGGER events_who BEFORE INSERT ON events FOR EACH ROW"
  "  WHEN ((NEW.created_by IS DISTINCT FROM session_user::text"
  "         OR NEW.updated_by IS DISTINCT FROM session_user::text) AND NOT tl_is_owner ())"
  "  EXECUTE FUNCTION tl_events_who ();"
  "CREATE TRIGGER events_who_update BEFORE UPDATE ON events FOR EACH ROW"
  "  WHEN ((NEW.updated_by IS DISTINCT FROM session_user::text"
  "         OR NEW.created_by IS DISTINCT FROM OLD.created_by) AND NOT tl_is_owner ())"
  "  EXECUTE FUNCTION tl_events_who ();"
  OWN_EVERYTHING_SQL;

/* Room step 5: the weekly figures (schema 5) are written by whoever may
 * write the daily ones, the coordinators, and read by everyone. A step
 * of its own rather than a grant in the migration: on a new server the
 * roles are made after the numbered migrations. */
static const char room_5_sql[] =
  "REVOKE ALL ON statistics_weeks FROM PUBLIC;"
  "GRANT SELECT ON statistics_weeks TO tideline_reader;"
  "GRANT INSERT, UPDATE ON statistics_weeks TO tideline_coordinator;"
  OWN_EVERYTHING_SQL;

static const char *const room_steps[] = {
  room_1_sql,
  room_2_sql,
  room_3_sql,
  room_4_sql,
  room_5_sql,
  tl_pg_room_import_sql,
};

G_STATIC_ASSERT (G_N_ELEMENTS (room_steps) == ROOM_SCHEMA_VERSION);

/* The last step opening takes: ROOM_SCHEMA_VERSION but in a test that
 * makes a database of an older step to upgrade it
 * (tl_pg_roles_set_last_step()). */
static int last_room_step = ROOM_SCHEMA_VERSION;

/* What the connected role may do, and as which of the four roles. */
static const char capabilities_sql[] =
  "SELECT has_table_privilege ('events', 'SELECT'),"
  "       has_table_privilege ('events', 'INSERT') AND has_table_privilege ('events', 'UPDATE'),"
  "       has_table_privilege ('events', 'DELETE'),"
  "       has_table_privilege ('cases', 'INSERT') AND has_table_privilege ('cases', 'UPDATE'),"
  "       has_table_privilege ('statistics', 'INSERT')"
  "         AND has_table_privilege ('statistics_weeks', 'INSERT'),"
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

/* May this connection take the room from @version on? The roles need a
 * role that may create roles; the steps after them, their owner. */
static gboolean
can_set_up (TlStorePg *self,
            int        version)
{
  g_autoptr(PGresult) result = PQexec (self->conn, version == 0
    ? "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    : "SELECT rolsuper OR rolcreaterole OR pg_has_role (current_user, 'tideline_admin', 'MEMBER')"
      " FROM pg_roles WHERE rolname = current_user");

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
      if (version < 0 || version >= last_room_step)
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
  int version = read_room_version (self);

  if (version >= 0 && version < last_room_step && can_set_up (self, version) &&
      !migrate_room (self, error))
    return FALSE;

  /* Before room step 2 the server would not audit what this desk
   * writes: no write is sent until its administrator migrates it. */
  self->audited = read_room_version (self) >= 2;

  return read_capabilities (self, error);
}

/* For the tests of an upgrade: stores opened from now on take the room
 * steps up to @step only; -1 for all of them. */
void
tl_pg_roles_set_last_step (int step)
{
  last_room_step = step < 0 ? ROOM_SCHEMA_VERSION : MIN (step, ROOM_SCHEMA_VERSION);
}

void
tl_pg_roles_class_init (TlStoreBackendClass *klass)
{
  klass->get_capabilities = pg_get_capabilities;
  klass->get_role_name = pg_get_role_name;
  klass->is_listening = pg_is_listening;
  klass->reconnect = tl_pg_reconnect;
}
