/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tl-store-private.h"

G_BEGIN_DECLS

/* The SQLite backend (tl-store-sqlite.c), shared by the files that hold
 * its operations: tl-store-sqlite.c (opening, connection, transactions),
 * tl-store-row.c (events to rows and back), tl-store-events.c (writes),
 * tl-store-bulk*.c and tl-store-import.c (bulk adds and imports),
 * tl-store-read.c (reads), tl-store-schema.c (migrations) and the others
 * that include this header. SQLite types never leave these files. */

/* How long a connection waits for another one's lock before it fails. */
#define TL_STORE_BUSY_TIMEOUT_MS 5000

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

/* The page size of a new database (tl-store-sqlite.c). */
#define TL_STORE_PAGE_SIZE 16384
/* Page cache sizes (negative: KiB): everyday, and during a bulk import. */
#define TL_STORE_CACHE_SIZE "-32768"
#define TL_STORE_IMPORT_CACHE_SIZE "-262144"
/* SQLite's own default: a checkpoint once the WAL has this many pages. */
#define TL_STORE_WAL_AUTOCHECKPOINT 1000

/* "Tide" in ASCII: PRAGMA application_id tells our files from other
 * programs' SQLite files. */
#define TL_STORE_APPLICATION_ID 0x54696465

struct _TlStoreSqlite
{
  TlStoreBackend parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* static SQL text → sqlite3_stmt */

  int         schema_version;
  gint64      data_version;
  GThread    *checkpoint_thread;   /* nullable */
  /* What opening created, removed again if opening fails: the file, and
   * the highest of the folders made for it (nullable). */
  gboolean    created_file;
  char       *created_dir;
};

/* Each of the backend's files installs the operations it holds. */
void          tl_store_sqlite_install_reads      (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_events     (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_cases      (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_drafts     (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_import     (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_bulk       (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_query      (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_statistics (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_units      (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_watch      (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_handover   (TlStoreBackendClass *klass);
void          tl_store_sqlite_install_copy       (TlStoreBackendClass *klass);

/* tl-store-sqlite.c: the connection. */
sqlite3_stmt *tl_store_prepare_cached   (TlStoreSqlite  *self,
                                         const char     *sql,
                                         GError        **error);
gboolean      tl_store_begin            (TlStoreSqlite  *self,
                                         GError        **error);
gboolean      tl_store_commit           (TlStoreSqlite  *self,
                                         GError        **error);
void          tl_store_rollback         (TlStoreSqlite *self);
void          tl_store_set_error        (TlStoreSqlite  *self,
                                         int             rc,
                                         const char     *what,
                                         GError        **error);
TlStoreError  tl_store_describe_failure  (const char   *path,
                                         sqlite3      *db,
                                         int           rc,
                                         char        **out_reason);
/* Copies the WAL into the database from another connection, in a thread,
 * so that the writer that filled it does not wait for that. */
void          tl_store_checkpoint_in_background (TlStoreSqlite *self);

/* tl-store-file.c: the file before it is opened for writing. */
gboolean      tl_store_check_file_version (TlStoreSqlite  *self,
                                           gboolean        whole,
                                           int            *out_version,
                                           GError        **error);
gboolean      tl_store_check_file       (TlStoreSqlite  *self,
                                         GError        **error);
gboolean      tl_store_query_int        (sqlite3     *db,
                                         const char  *sql,
                                         gint64      *out_value,
                                         int         *out_rc);
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

/* tl-store-events.c */
void          tl_store_fail_write       (TlStoreSqlite  *self,
                                         int             rc,
                                         const char     *what,
                                         GError        **error);
/* The writes of tl_store_add_event() and tl_store_update_event(), audit
 * row included, inside the caller's transaction, for a write that changes
 * more than the event (tl-store-cases.c: a report saved into a case it
 * creates, or with a new status for its case). @case_id > 0 puts the
 * event in that case. On failure they roll back and set @error; on
 * success the caller commits, then calls tl_store_event_added() or
 * tl_store_event_updated(), which give @event what was written and tell
 * the views. */
gboolean      tl_store_write_added_event   (TlStoreSqlite  *self,
                                            TlEvent        *event,
                                            gint64          case_id,
                                            const char     *operator_name,
                                            gint64          now,
                                            gint64         *out_id,
                                            GError        **error);
void          tl_store_event_added         (TlStoreSqlite *self,
                                            TlEvent       *event,
                                            gint64         id,
                                            gint64         case_id,
                                            const char    *operator_name,
                                            gint64         now);
gboolean      tl_store_write_updated_event (TlStoreSqlite  *self,
                                            TlEvent        *event,
                                            gint64          case_id,
                                            const char     *operator_name,
                                            gint64          now,
                                            GError        **error);
void          tl_store_event_updated       (TlStoreSqlite *self,
                                            TlEvent       *event,
                                            gint64         case_id,
                                            const char    *operator_name,
                                            gint64         now);

/* tl-store-cases.c: inserts a case in the caller's transaction; returns a
 * SQLite code. */
int           tl_store_insert_case      (TlStoreSqlite  *self,
                                         TlCaseStatus    status,
                                         const char     *title,
                                         gint64          now,
                                         gint64         *out_id,
                                         GError        **error);

/* tl-store-bulk-triggers.c: whether the triggers are the ones a bulk add
 * stands in for (for the tests: a new trigger makes bulk adds slow, not
 * wrong); switching them off for the connection inside a bulk add's
 * transaction (only if they are those), and on again. */
gboolean      tl_store_bulk_can_skip_triggers (TlStoreSqlite  *self,
                                               GError        **error);
gboolean      tl_store_bulk_triggers_off      (TlStoreSqlite  *self,
                                               gboolean       *out_off,
                                               GError        **error);
void          tl_store_bulk_triggers_on       (TlStoreSqlite *self);
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

/* tl-store-schema.c: brings the file up to TL_STORE_SCHEMA_VERSION and
 * sets self->schema_version. */
gboolean      tl_store_schema_migrate   (TlStoreSqlite  *self,
                                         GError        **error);

/* A backend on @path that is not opened: for looking at a file
 * (tl-store-upgrade.c). */
TlStoreSqlite *tl_store_sqlite_new_probe (const char *path);

G_END_DECLS
