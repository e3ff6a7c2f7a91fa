/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-store-pg-private.h"

/* A room step (tl-store-pg-roles.c) of its own: what every row of a
 * large import cost the server, as a profile of a 100k-row COPY into
 * events showed it, made cheaper with the same guarantees.
 *
 * - The details check: tl_json_valid()'s regular expression cost more
 *   per row than parsing the value (PostgreSQL builds a regular
 *   expression's automaton again at every call). The check is now the
 *   parse: a value that is not JSON is still refused, by the server's
 *   JSON parser (SQLSTATE 22P02, which the client reads as this
 *   constraint: tl_pg_set_result_error()).
 *
 * - Four statement triggers after an insert into events (cases opened,
 *   audit, notification, the poll's counter), each a PL/pgSQL call and a
 *   pass over the inserted rows, are one: one call and one pass, doing
 *   the same things in the same order. Updates and deletes keep theirs.
 *
 * - events_case was events_case_time's first column with the same
 *   predicate: every case's report written twice for nothing.
 *
 * - The foreign key from events.case_id to cases queued an event per
 *   inserted row and read each row back from the table at the end of
 *   the statement, even for the imported rows, which have no case. The
 *   statement trigger now checks the cases of all the rows at once, as
 *   the key did: each one there, and locked (FOR KEY SHARE) so that no
 *   other transaction deletes it before this one ends; refused with the
 *   key's SQLSTATE and name. Triggers on cases do the rest of what the
 *   key did: a deleted case leaves its reports without one (ON DELETE
 *   SET NULL), and neither a changed id nor a TRUNCATE may leave a
 *   report in a case that is gone. */
const char tl_pg_room_import_sql[] =
  "ALTER TABLE events DROP CONSTRAINT details_is_json,"
  "  ADD CONSTRAINT details_is_json CHECK (details IS NULL OR details::json IS NOT NULL);"

  "DROP INDEX events_case;"

  "ALTER TABLE events DROP CONSTRAINT events_case_id_fkey;"
  /* @ids: distinct, not null. Definer's rights: FOR KEY SHARE needs more
   * than a desk may do on cases, as the key's own check had. */
  "CREATE FUNCTION tl_cases_must_exist (ids bigint[]) RETURNS void LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  DECLARE found bigint;"
  "  BEGIN"
  "    SELECT count (*) INTO found FROM (SELECT 1 FROM cases WHERE id = ANY (ids) FOR KEY SHARE) AS c;"
  "    IF found < cardinality (ids) THEN"
  "      RAISE foreign_key_violation USING"
  "        MESSAGE = 'insert or update on table \"events\" violates foreign key constraint"
  " \"events_case_id_fkey\"',"
  "        DETAIL = format ('Key (case_id)=(%s) is not present in table \"cases\".',"
  "                         (SELECT min (i) FROM unnest (ids) AS i"
  "                          WHERE NOT EXISTS (SELECT 1 FROM cases WHERE id = i))),"
  "        CONSTRAINT = 'events_case_id_fkey', TABLE = 'events', COLUMN = 'case_id';"
  "    END IF;"
  "  END $$;"
  "CREATE FUNCTION tl_events_cases_updated () RETURNS trigger LANGUAGE plpgsql AS $$"
  "  DECLARE ids bigint[];"
  "  BEGIN"
  "    SELECT array_agg (DISTINCT n.case_id) INTO ids FROM new_rows n"
  "      WHERE n.case_id IS NOT NULL"
  "        AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.id = n.id AND o.case_id = n.case_id);"
  "    IF ids IS NOT NULL THEN PERFORM tl_cases_must_exist (ids); END IF;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER events_cases_exist AFTER UPDATE ON events"
  "  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_events_cases_updated ();"
  "CREATE FUNCTION tl_cases_deleted () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  BEGIN"
  "    UPDATE events SET case_id = NULL WHERE case_id IN (SELECT id FROM old_rows);"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER cases_deleted AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_cases_deleted ();"
  "CREATE FUNCTION tl_cases_ids_kept () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  DECLARE gone bigint;"
  "  BEGIN"
  "    IF TG_OP = 'TRUNCATE' THEN"
  "      SELECT case_id INTO gone FROM events WHERE case_id IS NOT NULL LIMIT 1;"
  "    ELSE"
  "      SELECT o.id INTO gone FROM old_rows o"
  "        WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)"
  "          AND EXISTS (SELECT 1 FROM events e WHERE e.case_id = o.id) LIMIT 1;"
  "    END IF;"
  "    IF gone IS NOT NULL THEN"
  "      RAISE foreign_key_violation USING"
  "        MESSAGE = 'update or delete on table \"cases\" violates foreign key constraint"
  " \"events_case_id_fkey\" on table \"events\"',"
  "        DETAIL = format ('Key (id)=(%s) is still referenced from table \"events\".', gone),"
  "        CONSTRAINT = 'events_case_id_fkey', TABLE = 'events', COLUMN = 'case_id';"
  "    END IF;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER cases_ids_kept AFTER UPDATE ON cases"
  "  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_cases_ids_kept ();"
  "CREATE TRIGGER cases_not_truncated BEFORE TRUNCATE ON cases"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_cases_ids_kept ();"

  "DROP TRIGGER cases_opened_insert ON events;"
  "DROP TRIGGER events_audit_insert ON events;"
  "DROP TRIGGER events_notify_insert ON events;"
  "DROP TRIGGER events_changed ON events;"
  "CREATE TRIGGER events_changed AFTER UPDATE OR DELETE ON events"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_count_change ();"
  /* What tl_cases_opened_insert (), tl_audit_events_insert (),
   * tl_notify_events () and tl_count_change () did, in that order (the
   * order of their triggers' names). */
  "CREATE FUNCTION tl_events_inserted () RETURNS trigger LANGUAGE plpgsql"
  "  SECURITY DEFINER SET search_path FROM CURRENT AS $$"
  "  DECLARE"
  "    added bigint;"
  "    first_id bigint;"
  "    last_id bigint;"
  "    case_ids bigint[];"
  "  BEGIN"
  "    SELECT count (*), min (id), max (id),"
  "           array_agg (DISTINCT case_id) FILTER (WHERE case_id IS NOT NULL)"
  "      INTO added, first_id, last_id, case_ids FROM new_rows;"
  "    IF case_ids IS NOT NULL THEN"
  "      PERFORM tl_cases_must_exist (case_ids);"
  "      PERFORM tl_cases_reopen (case_ids);"
  "    END IF;"
  "    IF NOT tl_copying () THEN"
  "      IF coalesce (current_setting ('tl.import', true), '') = 'on' THEN"
  "        IF added > 0 THEN"
  "          INSERT INTO tl_import_pending (txid, first_event_id, end_event_id)"
  "            VALUES (txid_current (), first_id, last_id + 1);"
  "        END IF;"
  "      ELSE"
  "        INSERT INTO audit (event_id, action, operator, at, after)"
  "          SELECT n.id, CASE WHEN EXISTS (SELECT 1 FROM audit a"
  "                                         WHERE a.event_id = n.id AND a.action = 'delete')"
  "                       THEN 'restore' ELSE 'create' END,"
  "                 tl_audit_operator (n.updated_by), tl_audit_now (), tl_event_json (n)"
  "          FROM new_rows n ORDER BY n.id;"
  "      END IF;"
  "    END IF;"
  "    IF added > 100 THEN"
  "      PERFORM pg_notify ('tl_events', 'insert *');"
  "    ELSE"
  "      PERFORM pg_notify ('tl_events', 'insert ' || id) FROM new_rows;"
  "    END IF;"
  "    UPDATE tl_changes SET version = version + 1;"
  "    RETURN NULL;"
  "  END $$;"
  "CREATE TRIGGER events_inserted AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows"
  "  FOR EACH STATEMENT EXECUTE FUNCTION tl_events_inserted ();"
  /* Definer's rights are the owner's, whoever migrates (as the other
   * steps' OWN_EVERYTHING_SQL does it). */
  "ALTER FUNCTION tl_events_inserted () OWNER TO tideline_admin;"
  "ALTER FUNCTION tl_cases_must_exist (bigint[]) OWNER TO tideline_admin;"
  "ALTER FUNCTION tl_events_cases_updated () OWNER TO tideline_admin;"
  "ALTER FUNCTION tl_cases_deleted () OWNER TO tideline_admin;"
  "ALTER FUNCTION tl_cases_ids_kept () OWNER TO tideline_admin;";
