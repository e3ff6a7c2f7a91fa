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
 *   predicate: every case's report written twice for nothing. */
const char tl_pg_room_import_sql[] =
  "ALTER TABLE events DROP CONSTRAINT details_is_json,"
  "  ADD CONSTRAINT details_is_json CHECK (details IS NULL OR details::json IS NOT NULL);"

  "DROP INDEX events_case;"

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
  "    IF case_ids IS NOT NULL THEN PERFORM tl_cases_reopen (case_ids); END IF;"
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
  "ALTER FUNCTION tl_events_inserted () OWNER TO tideline_admin;";
