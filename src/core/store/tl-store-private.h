/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-event-private.h"
#include "tl-store-backend.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* Shared by the files of the store and its backends, with no backend's
 * types: the SQLite backend's files share tl-store-sqlite-private.h,
 * the server's pg/tl-store-pg-private.h. */

typedef struct _TlStoreWorker TlStoreWorker;

struct _TlStore
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  GSource    *poll_source;
  int         schema_version;

  /* owned: the file's backend (TlStoreSqlite) or a shared server's;
   * every public call goes to it. */
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

const char   *tl_store_constraint_reason (const char *detail);
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

/* tl-store-file.c: the file before it is opened for writing. */
char         *tl_store_build_uri        (const char  *path,
                                         const char  *query);
void          tl_store_configure_sqlite (void);
gint64        tl_store_now              (void);

const char   *tl_store_audit_action_to_string   (TlAuditAction  action);
TlAuditAction tl_store_audit_action_from_string (const char    *str);

/* tl-store-events.c */
void          tl_store_set_not_found_error (const char  *what,
                                            GError     **error);
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
void            tl_store_pg_reconnect_soon (TlStoreBackend *backend);

/* tl-store-sqlite.c: the backend of a file, opened (see tl_store_open()). */
#define TL_TYPE_STORE_SQLITE (tl_store_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (TlStoreSqlite, tl_store_sqlite, TL, STORE_SQLITE, TlStoreBackend)

TlStoreBackend *tl_store_sqlite_open       (const char    *path,
                                            GError       **error);

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

/* tl-store-outbox.c: the kept deletions not sent yet, and taking one
 * back (Undo) before it is sent. */
GArray       *tl_store_list_kept_deletions (TlStore     *self);
gboolean      tl_store_withdraw_kept_deletion (TlStore  *self,
                                            gint64       event_id,
                                            gboolean    *out_withdrawn,
                                            GError     **error);

/* tl-store-schema.c */
GStrv         tl_store_split_csv_line   (const char  *line);

/* tl-store-query.c */
void          tl_store_filter_name_sets (const TlFilter  *filter,
                                         char           **out_kinds,
                                         char           **out_statuses);

G_END_DECLS
