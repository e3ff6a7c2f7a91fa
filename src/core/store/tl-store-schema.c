/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tl-store-sqlite-private.h"

/* Numbered migrations. migrations[n] takes a file from schema n to n + 1
 * inside a transaction the caller opens and commits, so that a file is
 * either at schema n or at n + 1, never in between. A released migration
 * is never edited: a change is a new migration. */

typedef gboolean (*TlMigration) (TlStoreSqlite  *self,
                                 GError        **error);

/* Schema 1. Records count people, they never identify them: no table has
 * a field for a person's name, and none may get one. */
static const char schema_1_sql[] =
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  status TEXT NOT NULL DEFAULT 'possible'"
  "    CONSTRAINT case_status_known CHECK (status IN ('possible', 'confirmed',"
  "      'distress', 'responding', 'rescued', 'landed', 'returned', 'closed')),"
  "  title TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"

  /* Constraint names are looked up by tl_store_set_error() to tell the
   * operator which value was refused. */
  "CREATE TABLE events ("
  /* AUTOINCREMENT: an id is never given twice, so the audit rows of a
   * deleted event never mix with a new one's, and Undo can put a deleted
   * event back under its own id. */
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL CONSTRAINT kind_known CHECK (kind IN"
  "    ('departure', 'sighting', 'interception', 'rescue', 'arrival', 'patrol')),"
  "  time INTEGER NOT NULL,"
  "  end_time INTEGER"
  "    CONSTRAINT end_after_start CHECK (end_time IS NULL OR end_time >= time),"
  "  latitude REAL CONSTRAINT latitude_in_range CHECK (latitude BETWEEN -90 AND 90),"
  "  longitude REAL CONSTRAINT longitude_in_range CHECK (longitude BETWEEN -180 AND 180),"
  "  place TEXT,"
  "  boats INTEGER CONSTRAINT boats_not_negative CHECK (boats >= 0),"
  "  people INTEGER CONSTRAINT people_not_negative CHECK (people >= 0),"
  "  rescued INTEGER CONSTRAINT rescued_not_negative CHECK (rescued >= 0),"
  "  deceased INTEGER CONSTRAINT deceased_not_negative CHECK (deceased >= 0),"
  "  missing INTEGER CONSTRAINT missing_not_negative CHECK (missing >= 0),"
  "  unit TEXT,"
  "  status TEXT NOT NULL CONSTRAINT status_known CHECK (status IN"
  "    ('reported', 'confirmed', 'ongoing', 'closed')),"
  "  notes TEXT,"
  "  case_id INTEGER REFERENCES cases (id) ON DELETE SET NULL,"
  "  details TEXT"
  "    CONSTRAINT details_is_json CHECK (details IS NULL OR json_valid (details)),"
  "  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),"
  "  created_by TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  /* Where an imported event came from (a hash of the source row), so
   * importing the same file twice adds nothing the second time. */
  "  import_key TEXT UNIQUE,"
  "  CONSTRAINT position_complete CHECK ((latitude IS NULL) = (longitude IS NULL))"
  ");"
  /* The index on time also orders by id (the rowid ends every index), so
   * a day's events come out sorted without a sort step. */
  "CREATE INDEX events_time ON events (time);"
  /* Deleting a case sets its events' case_id to NULL: without this index
   * that is a scan of every event. */
  "CREATE INDEX events_case ON events (case_id) WHERE case_id IS NOT NULL;"

  "CREATE TABLE routes ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CONSTRAINT route_kind_known CHECK (kind IN ('route', 'area')),"
  /* A JSON array of [longitude, latitude] pairs, GeoJSON order. */
  "  geometry TEXT NOT NULL CONSTRAINT geometry_is_array CHECK ("
  "    CASE WHEN json_valid (geometry) THEN json_type (geometry) = 'array' ELSE 0 END)"
  ");"
  "CREATE INDEX routes_event ON routes (event_id);"

  "CREATE TABLE places ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),"
  "  longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),"
  "  user_added INTEGER NOT NULL DEFAULT 0 CHECK (user_added IN (0, 1))"
  ");"

  /* Form content saved while typing, offered back after a crash or a
   * close: one per form (a new report, or an edit of event_id). */
  "CREATE TABLE drafts ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  event_id INTEGER,"
  "  operator TEXT NOT NULL,"
  "  content TEXT NOT NULL CONSTRAINT draft_is_json CHECK (json_valid (content)),"
  "  updated_at INTEGER NOT NULL"
  ");"

  /* Official daily figures (such as the Home Office's small-boat series),
   * imported beside Tideline's own counts for the trend chart. */
  "CREATE TABLE statistics ("
  "  date TEXT PRIMARY KEY CONSTRAINT statistics_date_is_iso CHECK ("
  "    date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  people INTEGER CONSTRAINT statistics_people_not_negative CHECK (people >= 0),"
  "  boats INTEGER CONSTRAINT statistics_boats_not_negative CHECK (boats >= 0),"
  "  source TEXT,"
  "  imported_at INTEGER NOT NULL"
  ");"

  "CREATE TABLE units ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE"
  ");"

  /* The audit log outlives the events it describes, so event_id is not a
   * foreign key. */
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),"
  "  operator TEXT NOT NULL,"
  "  at INTEGER NOT NULL,"
  "  before TEXT CHECK (before IS NULL OR json_valid (before)),"
  "  after TEXT CHECK (after IS NULL OR json_valid (after))"
  ");"
  "CREATE INDEX audit_event ON audit (event_id);"
  /* Append-only: what was recorded stays recorded, whoever asks. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log cannot be changed');"
  "END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log cannot be changed');"
  "END;"

  /* Events by area, for the map. Only events with a position are in it. */
  "CREATE VIRTUAL TABLE events_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);"
  "CREATE TRIGGER events_rtree_insert AFTER INSERT ON events"
  "  WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN"
  "  INSERT INTO events_rtree VALUES"
  "    (new.id, new.latitude, new.latitude, new.longitude, new.longitude);"
  "END;"
  "CREATE TRIGGER events_rtree_update AFTER UPDATE OF latitude, longitude ON events BEGIN"
  "  DELETE FROM events_rtree WHERE id = old.id;"
  "  INSERT INTO events_rtree"
  "    SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude"
  "    WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;"
  "END;"
  "CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN"
  "  DELETE FROM events_rtree WHERE id = old.id;"
  "END;"

  /* Full-text search over what operators type. External content: the text
   * is stored once, in events, and the index follows it by triggers. */
  "CREATE VIRTUAL TABLE events_fts USING fts5 (notes, unit, place,"
  "  content = 'events', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
  "  INSERT INTO events_fts (rowid, notes, unit, place)"
  "    VALUES (new.id, new.notes, new.unit, new.place);"
  "END;"
  "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
  "  INSERT INTO events_fts (events_fts, rowid, notes, unit, place)"
  "    VALUES ('delete', old.id, old.notes, old.unit, old.place);"
  "END;"
  "CREATE TRIGGER events_fts_update AFTER UPDATE OF notes, unit, place ON events BEGIN"
  "  INSERT INTO events_fts (events_fts, rowid, notes, unit, place)"
  "    VALUES ('delete', old.id, old.notes, old.unit, old.place);"
  "  INSERT INTO events_fts (rowid, notes, unit, place)"
  "    VALUES (new.id, new.notes, new.unit, new.place);"
  "END;";

/* Splits one line of the gazetteer. Fields may be double-quoted (a quote
 * inside doubled), as spreadsheets write them. */
static GStrv
split_csv_line (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *++p);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_strv_builder_add (fields, field->str);

  return g_strv_builder_end (fields);
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *out_value)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(value >= -limit && value <= limit))
    return FALSE;

  *out_value = value;
  return TRUE;
}

/* The gazetteer is shipped in the resource; a user adds places later
 * (user_added = 1), and a future migration may add shipped ones. */
static gboolean
seed_places (TlStoreSqlite  *self,
             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  int rc;

  bytes = g_resources_lookup_data (RESOURCE_PATH "/places.csv",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO places (name, kind, country, latitude, longitude)"
                           " VALUES (?, ?, ?, ?, ?)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the list of places"), error);
      return FALSE;
    }

  /* lines[0] is the header: name,kind,country,lat,lon */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      double latitude, longitude;

      if (*g_strstrip (lines[i]) == '\0')
        continue;

      fields = split_csv_line (lines[i]);
      if (g_strv_length (fields) != 5 ||
          !parse_coordinate (fields[3], 90, &latitude) ||
          !parse_coordinate (fields[4], 180, &longitude))
        {
          /* A broken build, not something a user can fix. */
          g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FAILED,
                       "Line %u of the built-in list of places is malformed", i + 1);
          return FALSE;
        }

      sqlite3_bind_text (stmt, 1, fields[0], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, fields[1], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, fields[2], -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 4, latitude);
      sqlite3_bind_double (stmt, 5, longitude);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          tl_store_set_error (self, rc, _("Could not prepare the list of places"), error);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
migrate_to_1 (TlStoreSqlite  *self,
              GError        **error)
{
  g_autoptr(TlSqliteString) message = NULL;
  g_autofree char *pragma = NULL;
  int rc;

  rc = sqlite3_exec (self->db, schema_1_sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  pragma = g_strdup_printf ("PRAGMA application_id = %d", TL_STORE_APPLICATION_ID);
  rc = sqlite3_exec (self->db, pragma, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  return seed_places (self, error);
}

/* Schema 2.
 *
 * The R*Tree over positions goes: nothing ever read it (a map, a list or
 * an export reads a time window through events_time, at most a few
 * thousand rows, and keeps those in a box in memory), yet every saved
 * position paid for it, and it was most of a big import's time.
 *
 * A bulk add (an import, the sample data) is audited as one row of
 * imports rather than a 'create' row per event: who, when, from which
 * file, and the range of ids it gave. What each event was when it came in
 * is still known: the event itself while at revision 1, the 'before' of
 * its first audit row after that. tl_store_list_audit() gives it as the
 * event's 'create' entry, so the history reads as before. */
static const char schema_2_sql[] =
  "DROP TRIGGER events_rtree_insert;"
  "DROP TRIGGER events_rtree_update;"
  "DROP TRIGGER events_rtree_delete;"
  "DROP TABLE events_rtree;"

  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  operator TEXT NOT NULL,"
  "  at INTEGER NOT NULL,"
  /* What the operator imported, as shown to them: a file's name. */
  "  source TEXT,"
  /* The events it added have ids in [first_event_id, end_event_id);
   * a row it left out (imported before) left its id unused. */
  "  first_event_id INTEGER NOT NULL,"
  "  end_event_id INTEGER NOT NULL CHECK (end_event_id > first_event_id)"
  ");"
  "CREATE INDEX imports_events ON imports (first_event_id);"
  "CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log cannot be changed');"
  "END;"
  "CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log cannot be changed');"
  "END;";

static gboolean
migrate_to_2 (TlStoreSqlite  *self,
              GError        **error)
{
  int rc = sqlite3_exec (self->db, schema_2_sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* Schema 3, for imports a third faster.
 *
 * events.import_key holds the first 16 bytes of the SHA-256 of the import
 * key (tl_store_import_key_digest()) instead of the key's 70 characters.
 * The UNIQUE index over them is a quarter of the size, and keeping it up
 * was a quarter of an import's time. 128 bits keep two different rows
 * from ever meeting by chance: a collision would leave a row out as
 * imported before. The column is still declared TEXT (SQLite keeps a
 * BLOB as it is in a TEXT column): changing that would rebuild the table
 * for nothing.
 *
 * The kind and status CHECKs become chains of "=": the same test, but
 * SQLite looks each value up in a temporary index for "IN (…)", which
 * was a fifth of the time an import spends writing. Constraints that mean
 * the same for every row are changed in place in the schema, as SQLite's
 * documentation allows for CHECK constraints ("Making Other Kinds Of
 * Table Schema Changes"): no row is copied.
 *
 * The full-text index no longer keeps each event's column sizes
 * (columnsize=0): a table of its own written row by row, a third of what
 * indexing an import cost. Only ranking (bm25) reads them, and it counts
 * them again from the matching events' text instead; the window filters
 * by words and orders by time. The index is rebuilt from the events. */
static const char kind_in_sql[] =
  "CHECK (kind IN    ('departure', 'sighting', 'interception', 'rescue', 'arrival', 'patrol'))";
static const char kind_or_sql[] =
  "CHECK (kind = 'departure' OR kind = 'sighting' OR kind = 'interception' OR kind = 'rescue'"
  " OR kind = 'arrival' OR kind = 'patrol')";
static const char status_in_sql[] =
  "CHECK (status IN    ('reported', 'confirmed', 'ongoing', 'closed'))";
static const char status_or_sql[] =
  "CHECK (status = 'reported' OR status = 'confirmed' OR status = 'ongoing' OR status = 'closed')";
static const char schema_3_fts_sql[] =
  "DROP TABLE events_fts;"
  "CREATE VIRTUAL TABLE events_fts USING fts5 (notes, unit, place,"
  "  content = 'events', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0);"
  "INSERT INTO events_fts (events_fts) VALUES ('rebuild');";
static const char rewrite_checks_sql[] =
  "UPDATE sqlite_schema SET sql = replace (replace (sql, ?1, ?2), ?3, ?4)"
  " WHERE type = 'table' AND name = 'events' AND instr (sql, ?1) > 0 AND instr (sql, ?3) > 0";

static void
import_key_digest_func (sqlite3_context  *context,
                        int               argc,
                        sqlite3_value   **argv)
{
  guint8 digest[TL_STORE_IMPORT_KEY_SIZE];

  tl_store_import_key_digest ((const char *) sqlite3_value_text (argv[0]), digest);
  sqlite3_result_blob (context, digest, sizeof digest, SQLITE_TRANSIENT);
}

/* In the caller's transaction. Leaves the table as it is if its CHECKs
 * are not the ones schema 1 wrote, word for word. */
static int
rewrite_event_checks (TlStoreSqlite *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *bump = NULL;
  gint64 version = 0;
  int rc = SQLITE_OK;

  if (!tl_store_query_int (self->db, "PRAGMA schema_version", &version, &rc))
    return rc;

  rc = sqlite3_exec (self->db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, rewrite_checks_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      tl_store_bind_text (stmt, 1, kind_in_sql, &rc);
      tl_store_bind_text (stmt, 2, kind_or_sql, &rc);
      tl_store_bind_text (stmt, 3, status_in_sql, &rc);
      tl_store_bind_text (stmt, 4, status_or_sql, &rc);
    }
  if (rc == SQLITE_OK)
    rc = tl_store_step_done (stmt);
  if (rc == SQLITE_OK && sqlite3_changes (self->db) == 1)
    {
      /* Every connection reads the schema again. */
      bump = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT, version + 1);
      rc = sqlite3_exec (self->db, bump, NULL, NULL, NULL);
    }
  else if (rc == SQLITE_OK)
    g_debug ("The CHECKs of events are not schema 1's: left as they are");
  sqlite3_exec (self->db, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);

  return rc;
}

static gboolean
migrate_to_3 (TlStoreSqlite  *self,
              GError        **error)
{
  int rc;

  rc = sqlite3_create_function_v2 (self->db, "tl_import_key_digest", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                   NULL, import_key_digest_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db,
                       "UPDATE events SET import_key = tl_import_key_digest (import_key)"
                       " WHERE typeof (import_key) = 'text'",
                       NULL, NULL, NULL);
  /* Only this migration needs it. */
  sqlite3_create_function_v2 (self->db, "tl_import_key_digest", 1, SQLITE_UTF8,
                              NULL, NULL, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = rewrite_event_checks (self);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, schema_3_fts_sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* Schema 4, for the summary's open cases and the hand-over.
 *
 * cases.opened_at: when a case opened, its first report's time, or its
 * creation's while it has none; cases_open indexes it for the cases not
 * landed, returned or closed (a few among hundreds of thousands), so that
 * the open cases of any window are counted from one small index instead
 * of each case's reports. A new case gets its creation time (the insert
 * writes it); the triggers keep it as reports come, move and go, and a
 * bulk add, which runs with triggers off, does the same for its rows
 * (tl-store-bulk.c). A query names the index's condition word for word. */
static const char schema_4_sql[] =
  "ALTER TABLE cases ADD COLUMN opened_at INTEGER;"
  "UPDATE cases SET opened_at = coalesce ((SELECT min (time) FROM events"
  "  WHERE case_id = cases.id), created_at);"
  "CREATE TRIGGER cases_opened_insert AFTER INSERT ON events WHEN new.case_id IS NOT NULL BEGIN"
  "  UPDATE cases SET opened_at = (SELECT min (time) FROM events WHERE case_id = new.case_id)"
  "    WHERE id = new.case_id;"
  "END;"
  "CREATE TRIGGER cases_opened_update AFTER UPDATE OF time, case_id ON events BEGIN"
  "  UPDATE cases SET opened_at = coalesce ((SELECT min (time) FROM events"
  "    WHERE case_id = cases.id), created_at) WHERE id IN (old.case_id, new.case_id);"
  "END;"
  "CREATE TRIGGER cases_opened_delete AFTER DELETE ON events WHEN old.case_id IS NOT NULL BEGIN"
  "  UPDATE cases SET opened_at = coalesce ((SELECT min (time) FROM events"
  "    WHERE case_id = cases.id), created_at) WHERE id = old.case_id;"
  "END;"
  "CREATE INDEX cases_open ON cases (opened_at)"
  "  WHERE status NOT IN ('landed', 'returned', 'closed');"
  /* "Since the last shift" reads the audit by time. */
  "CREATE INDEX audit_at ON audit (at);";

static gboolean
migrate_to_4 (TlStoreSqlite  *self,
              GError        **error)
{
  int rc = sqlite3_exec (self->db, schema_4_sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* Schema 5: official weekly figures, a series of ISO weeks beside the
 * daily one. A week is kept with its Monday and Sunday, so that a chart
 * finds the weeks over its days by their dates; the constraints keep the
 * three in step (the week's number itself is checked by the reader,
 * tl-statistics-week.c: SQLite's strftime has no ISO week). */
static const char schema_5_sql[] =
  "CREATE TABLE statistics_weeks ("
  "  week TEXT PRIMARY KEY CONSTRAINT statistics_weeks_iso_week CHECK ("
  "    week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),"
  "  first_date TEXT NOT NULL CONSTRAINT statistics_weeks_iso_week_monday CHECK ("
  "    first_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
  "    AND strftime ('%w', first_date) = '1'),"
  "  last_date TEXT NOT NULL CONSTRAINT statistics_weeks_iso_week_sunday CHECK ("
  "    last_date = date (first_date, '+6 days')),"
  "  people INTEGER CONSTRAINT statistics_weeks_people_not_negative CHECK (people >= 0),"
  "  boats INTEGER CONSTRAINT statistics_weeks_boats_not_negative CHECK (boats >= 0),"
  "  source TEXT,"
  "  imported_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX statistics_weeks_dates ON statistics_weeks (first_date);";

static gboolean
migrate_to_5 (TlStoreSqlite  *self,
              GError        **error)
{
  int rc = sqlite3_exec (self->db, schema_5_sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  return TRUE;
}

static const TlMigration migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  migrate_to_4,
  migrate_to_5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TL_STORE_SCHEMA_VERSION);

static gboolean
read_user_version (TlStoreSqlite  *self,
                   int            *out_version,
                   GError        **error)
{
  gint64 version = 0;
  int rc = SQLITE_OK;

  if (!tl_store_query_int (self->db, "PRAGMA user_version", &version, &rc))
    {
      tl_store_set_error (self, rc, _("Could not read the database"), error);
      return FALSE;
    }

  *out_version = (int) version;
  return TRUE;
}

static gboolean
write_user_version (TlStoreSqlite  *self,
                    int             version,
                    GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not prepare the database"), error);
      return FALSE;
    }

  return TRUE;
}

/* All the steps in one transaction: a failed upgrade leaves the file as
 * it was, never half-way at a schema that no version wrote. */
gboolean
tl_store_schema_migrate (TlStoreSqlite  *self,
                         GError        **error)
{
  int version;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version < TL_STORE_SCHEMA_VERSION)
    {
      if (!tl_store_begin (self, error))
        return FALSE;

      /* Another Tideline may have migrated the file while this one waited
       * for the write lock: read the version again under the lock. */
      if (!read_user_version (self, &version, error))
        {
          tl_store_rollback (self);
          return FALSE;
        }

      for (; version < TL_STORE_SCHEMA_VERSION; version++)
        if (!migrations[version] (self, error) ||
            !write_user_version (self, version + 1, error))
          {
            tl_store_rollback (self);
            return FALSE;
          }

      if (!tl_store_commit (self, error))
        {
          tl_store_rollback (self);
          return FALSE;
        }
    }

  if (version > TL_STORE_SCHEMA_VERSION)
    {
      tl_store_set_too_new_error (self->path, version, error);
      return FALSE;
    }

  self->schema_version = version;

  return TRUE;
}

/* The shipped gazetteer's lines, for the server backend's own seeding. */
GStrv
tl_store_split_csv_line (const char *line)
{
  return split_csv_line (line);
}
