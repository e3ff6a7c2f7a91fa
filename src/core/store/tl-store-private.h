/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tl-event-private.h"
#include "tl-store-backend.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* How long a connection waits for another one's lock before it fails. */
#define TL_STORE_BUSY_TIMEOUT_MS 5000

/* Shared by the files of the store: tl-store.c (opening, connection,
 * transactions), tl-store-row.c (events to rows and back),
 * tl-store-events.c (writes), tl-store-bulk*.c and tl-store-import.c
 * (bulk adds and imports), tl-store-read.c (reads) and tl-store-schema.c
 * (migrations). SQLite types never leave these files. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A string SQLite allocated (sqlite3_mprintf, sqlite3_expanded_sql). */
typedef char TlSqliteString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSqliteString, sqlite3_free)

/* A statement borrowed from the store's cache: g_autoptr() resets it when
 * it goes out of scope, so that no read transaction stays open behind a
 * half-stepped query. */
typedef sqlite3_stmt TlCachedStatement;
void tl_cached_statement_release (TlCachedStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlCachedStatement, tl_cached_statement_release)

/* Page cache sizes (negative: KiB): everyday, and during a bulk import. */
#define TL_STORE_CACHE_SIZE "-32768"
#define TL_STORE_IMPORT_CACHE_SIZE "-262144"
/* SQLite's own default: a checkpoint once the WAL has this many pages. */
#define TL_STORE_WAL_AUTOCHECKPOINT 1000

/* "Tide" in ASCII: PRAGMA application_id tells our files from other
 * programs' SQLite files. */
#define TL_STORE_APPLICATION_ID 0x54696465

typedef struct _TlStoreWorker TlStoreWorker;

struct _TlStore
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* static SQL text → sqlite3_stmt */
  GSource    *poll_source;

  int         schema_version;
  gint64      data_version;
  GThread    *checkpoint_thread;   /* nullable */
  /* What opening created, removed again if opening fails: the file, and
   * the highest of the folders made for it (nullable). */
  gboolean    created_file;
  char       *created_dir;

  /* owned, nullable: a shared server's backend. When set, every public
   * call goes to it and db stays NULL. */
  TlStoreBackend *backend;

  /* owned, nullable: where a server's async calls run
   * (tl-store-worker.c), made at the first one. */
  TlStoreWorker  *worker;
  gboolean        polling;   /* a poll of the server is on its way */
};

/* The columns of an event, in the order tl-store-row.c binds and reads
 * them. */
#define TL_STORE_EVENT_COLUMNS \
  "id, kind, time, end_time, latitude, longitude, place, boats, people, " \
  "rescued, deceased, missing, unit, status, notes, case_id, details, " \
  "revision, created_by, created_at, updated_by, updated_at"

/* The JSON of an events row, as audit rows keep it. Built by SQLite so a
 * bulk import of a million rows does not go through json-glib; the keys and
 * formats are those of tl_event_to_json(). */
#define TL_STORE_ISO_TIME(col) "strftime('%Y-%m-%dT%H:%M:%SZ', " col ", 'unixepoch')"
#define TL_STORE_EVENT_JSON \
  TL_STORE_EVENT_JSON_STAMPED (TL_STORE_ISO_TIME ("created_at"), TL_STORE_ISO_TIME ("updated_at"))
/* The same with the created_at and updated_at values given as SQL
 * expressions: a bulk add, whose rows all share one time, formats it once. */
#define TL_STORE_EVENT_JSON_STAMPED(created_at, updated_at) \
  "json_object('id', id, 'kind', kind, " \
  "'time', " TL_STORE_ISO_TIME ("time") ", " \
  "'end_time', " TL_STORE_ISO_TIME ("end_time") ", " \
  "'latitude', latitude, 'longitude', longitude, 'place', place, " \
  "'boats', boats, 'people', people, 'rescued', rescued, " \
  "'deceased', deceased, 'missing', missing, 'unit', unit, " \
  "'status', status, 'notes', notes, 'case_id', case_id, " \
  "'details', json(details), 'revision', revision, " \
  "'created_by', created_by, 'created_at', " created_at ", " \
  "'updated_by', updated_by, 'updated_at', " updated_at ")"

sqlite3_stmt *tl_store_prepare_cached   (TlStore     *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      tl_store_begin            (TlStore     *self,
                                         GError     **error);
gboolean      tl_store_commit           (TlStore     *self,
                                         GError     **error);
void          tl_store_rollback         (TlStore     *self);
void          tl_store_set_error        (TlStore     *self,
                                         int          rc,
                                         const char  *what,
                                         GError     **error);
const char   *tl_store_constraint_reason (const char *detail);
TlStoreError  tl_store_describe_failure  (const char   *path,
                                         sqlite3      *db,
                                         int           rc,
                                         char        **out_reason);
char         *tl_store_describe_file_failure (const char   *path,
                                              TlStoreError  code,
                                              gboolean      folder);
void          tl_store_set_file_error    (const char   *path,
                                          TlStoreError  code,
                                          gboolean      folder,
                                          const char   *what,
                                          GError      **error);
void          tl_store_set_errno_error   (const char   *path,
                                          int           saved_errno,
                                          const char   *what,
                                          GError      **error);
void          tl_store_remove_created    (const char   *path,
                                          const char   *created_dir);
void          tl_store_set_too_new_error (const char *path,
                                         int          version,
                                         GError     **error);
void          tl_store_emit_events_changed (TlStore  *self);
/* Copies the WAL into the database from another connection, in a thread,
 * so that the writer that filled it does not wait for that. */
void          tl_store_checkpoint_in_background (TlStore *self);

/* tl-store-file.c: the file before it is opened for writing. */
gboolean      tl_store_check_file_version (TlStore   *self,
                                         int         *out_version,
                                         GError     **error);
gboolean      tl_store_check_file       (TlStore     *self,
                                         GError     **error);
char         *tl_store_build_uri        (const char  *path,
                                         const char  *query);
gboolean      tl_store_query_int        (sqlite3     *db,
                                         const char  *sql,
                                         gint64      *out_value,
                                         int         *out_rc);
void          tl_store_configure_sqlite (void);
gint64        tl_store_now              (void);

/* tl-store-row.c: binders stop at the first failure (*rc), so a whole
 * row is bound and the result checked once; strings are bound
 * SQLITE_STATIC and must outlive the sqlite3_step(). */
void          tl_store_bind_int64       (sqlite3_stmt      *stmt,
                                         int                column,
                                         gint64             value,
                                         int               *rc);
void          tl_store_bind_null        (sqlite3_stmt      *stmt,
                                         int                column,
                                         int               *rc);
void          tl_store_bind_text        (sqlite3_stmt      *stmt,
                                         int                column,
                                         const char        *value,
                                         int               *rc);
int           tl_store_bind_event       (sqlite3_stmt      *stmt,
                                         const TlEventData *data);
TlEvent      *tl_store_read_event       (sqlite3_stmt      *stmt);
const char   *tl_store_column_text      (sqlite3_stmt      *stmt,
                                         int                column);
int           tl_store_step_done        (sqlite3_stmt      *stmt);
const char   *tl_store_audit_action_to_string   (TlAuditAction  action);
TlAuditAction tl_store_audit_action_from_string (const char    *str);

/* tl-store-events.c */
void          tl_store_fail_write       (TlStore     *self,
                                         int          rc,
                                         const char  *what,
                                         GError     **error);
void          tl_store_set_not_found_error (const char  *what,
                                            GError     **error);
/* The writes of tl_store_add_event() and tl_store_update_event(), audit
 * row included, inside the caller's transaction, for a write that changes
 * more than the event (tl-store-cases.c: a report saved into a case it
 * creates, or with a new status for its case). @case_id > 0 puts the
 * event in that case. On failure they roll back and set @error; on
 * success the caller commits, then calls tl_store_event_added() or
 * tl_store_event_updated(), which give @event what was written and tell
 * the views. */
gboolean      tl_store_write_added_event   (TlStore     *self,
                                            TlEvent     *event,
                                            gint64       case_id,
                                            const char  *operator_name,
                                            gint64       now,
                                            gint64      *out_id,
                                            GError     **error);
void          tl_store_event_added         (TlStore     *self,
                                            TlEvent     *event,
                                            gint64       id,
                                            gint64       case_id,
                                            const char  *operator_name,
                                            gint64       now);
gboolean      tl_store_write_updated_event (TlStore     *self,
                                            TlEvent     *event,
                                            gint64       case_id,
                                            const char  *operator_name,
                                            gint64       now,
                                            GError     **error);
void          tl_store_event_updated       (TlStore     *self,
                                            TlEvent     *event,
                                            gint64       case_id,
                                            const char  *operator_name,
                                            gint64       now);

/* tl-store-cases.c: inserts a case in the caller's transaction; returns a
 * SQLite code. */
int           tl_store_insert_case      (TlStore       *self,
                                         TlCaseStatus   status,
                                         const char    *title,
                                         gint64         now,
                                         gint64        *out_id,
                                         GError       **error);

/* tl-store-bulk-triggers.c: whether the triggers are the ones a bulk add
 * stands in for (for the tests: a new trigger makes bulk adds slow, not
 * wrong); switching them off for the connection inside a bulk add's
 * transaction (only if they are those), and on again. */
gboolean      tl_store_bulk_can_skip_triggers (TlStore   *self,
                                               GError   **error);
gboolean      tl_store_bulk_triggers_off      (TlStore   *self,
                                               gboolean  *out_off,
                                               GError   **error);
void          tl_store_bulk_triggers_on       (TlStore   *self);
/* tl-store-bulk.c: the sample data's bulk add, with new cases. */
TlStoreBulk  *tl_store_bulk_begin_unkeyed (TlStore            *self,
                                           const char         *operator_name,
                                           GError            **error);
gboolean      tl_store_bulk_add_in_cases  (TlStoreBulk        *bulk,
                                           GPtrArray          *events,
                                           const int          *case_of_event,
                                           const TlCaseStatus *case_statuses,
                                           guint               n_cases,
                                           GError            **error);

/* tl-store-bulk-rows.c: the rows of a bulk add as the table-valued
 * function tl_bulk_rows (rows, first, end), for INSERT … SELECT. */
typedef struct {
  guint    n_rows;
  /* Fills @data with row @i, and @key with its import key's digest or
   * NULL; what they point to must last as long as the statement. */
  void   (*get_row) (gpointer       user_data,
                     guint          i,
                     TlEventData   *data,
                     const guint8 **key);
  gpointer user_data;
} TlBulkRows;

int           tl_store_register_bulk_rows (sqlite3          *db);
int           tl_store_bind_bulk_rows     (sqlite3_stmt     *stmt,
                                           int               index,
                                           const TlBulkRows *rows);

/* tl-store-read.c: what an operator typed as an FTS5 query that cannot
 * be a syntax error, or NULL if it has no word. */
char         *tl_store_build_match_query (const char *text);

/* tl-store-query.c: @text's words as the full-text index reads them
 * (lower case, without accents), each after one space; the server
 * backend indexes and matches the same form. */
void          tl_store_fold_text        (const char  *text,
                                         GString     *out);

/* tl-store.c: opening @path (a file, or a server with @password if one
 * was typed) without watching it for the writes of others yet, which is
 * safe in a worker thread; then watching it from the caller's
 * thread-default main context. tl_store_open() is both. */
TlStore      *tl_store_open_unwatched   (const char    *path,
                                         const char    *password,
                                         GCancellable  *cancellable,
                                         GError       **error);
void          tl_store_start_watching   (TlStore       *self);

/* tl-store-pg.c: opening a server (see tl_store_is_server_address()). */
TlStoreBackend *tl_store_pg_open           (const char    *address,
                                            const char    *password,
                                            GCancellable  *cancellable,
                                            GError       **error);
void            tl_store_pg_listen         (TlStoreBackend *backend);
TlStoreServer  *tl_store_pg_describe       (TlStoreBackend *backend);
TlStoreBackend *tl_store_pg_open_quiet     (const char    *address,
                                            const char    *password,
                                            GError       **error);
const char     *tl_store_pg_get_typed_password (TlStoreBackend *backend);

/* tl-store-worker.c: a server's calls off the caller's thread. A job
 * runs on the worker's thread, in the order given, with a store of its
 * own on the same server (its own connection, made and made again there,
 * never on the caller's thread), and returns @task. A file store runs
 * the job at once on itself: SQLite on a local disk does not wait for a
 * network. */
typedef void (*TlStoreJobFunc) (TlStore      *store,
                                GTask        *task,
                                gpointer      task_data,
                                GCancellable *cancellable);

void          tl_store_worker_run       (TlStore        *self,
                                         GTask          *task,
                                         TlStoreJobFunc  func);
void          tl_store_worker_run_write (TlStore        *self,
                                         GTask          *outer,
                                         TlStoreJobFunc  func);
void          tl_store_worker_free      (TlStoreWorker  *worker);
/* tl-store-jobs.c: a task for a job, its data owned by the task. */
GTask        *tl_store_job_new          (TlStore             *self,
                                         gpointer             source_tag,
                                         gpointer             data,
                                         GDestroyNotify       data_free,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gpointer      tl_store_job_finish       (TlStore             *self,
                                         GAsyncResult        *result,
                                         gpointer             source_tag,
                                         GError             **error);
gboolean      tl_store_job_finish_boolean (TlStore           *self,
                                         GAsyncResult        *result,
                                         gpointer             source_tag,
                                         GError             **error);
/* tl-store-async.c: looks for the other desks' writes from the worker,
 * and emits events-changed if there were. */
void          tl_store_poll_server      (TlStore        *self);

/* tl-store-schema.c */
GStrv         tl_store_split_csv_line   (const char  *line);
/* Brings the file up to TL_STORE_SCHEMA_VERSION and sets
 * self->schema_version. */
gboolean      tl_store_schema_migrate   (TlStore     *self,
                                         GError     **error);

/* tl-store-query.c */
void          tl_store_filter_name_sets (const TlFilter  *filter,
                                         char           **out_kinds,
                                         char           **out_statuses);

G_END_DECLS
