/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "tl-store-private.h"

G_BEGIN_DECLS

/* Shared by the files of the PostgreSQL backend: tl-store-pg.c
 * (connection, errors, opening), tl-store-pg-schema.c (migrations),
 * tl-store-pg-events.c (records and their audit), tl-store-pg-query.c
 * (filters, words, counts), tl-store-pg-bulk.c
 * (imports) and tl-store-pg-cases.c (cases, drafts, units, places).
 * libpq types never leave these files. Every value is a bound parameter
 * (PQexecParams), never text formatted into SQL. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

typedef struct _TlPgListener TlPgListener;

#define TL_TYPE_STORE_PG (tl_store_pg_get_type ())
G_DECLARE_FINAL_TYPE (TlStorePg, tl_store_pg, TL, STORE_PG, TlStoreBackend)

struct _TlStorePg
{
  TlStoreBackend  parent_instance;

  /* owned */
  PGconn         *conn;
  char           *display_name;   /* user@host/database, never a password */

  TlPgListener   *listener;       /* tl-store-pg-notify.c */
  char           *role_name;      /* tideline_desk, …; NULL for none of them */
  char           *user_name;      /* the database user */
  guint           capabilities;   /* TlStoreCapabilities */

  /* owned: where it writes, as read at connection (tl_store_get_server()) */
  struct {
    char         *host;
    char         *database;
    char         *user;
    gboolean      tls;
  } server;

  gint64          data_version;   /* tl_changes.version as last seen */
  gboolean        in_bulk;        /* a bulk add holds the transaction */
  gboolean        audited;        /* the server's triggers write the audit */
  char           *write_key;      /* nullable: the next write's idempotency key */
  gboolean      typed_password;  /* the connection's password was typed */
  guint64         prepared_queries; /* the event queries prepared on conn, by criteria */
  /* After an outage (tl_pg_reconnect()): the next attempt not before */
  gint64          reconnect_after_us;   /* monotonic */
  guint           reconnect_backoff_s;
};

/* Parameters of one statement, as text: NULL is SQL NULL. */
typedef struct {
  GPtrArray *values;   /* of char *, owned */
} TlPgParams;

void        tl_pg_params_init      (TlPgParams   *params);
void        tl_pg_params_clear     (TlPgParams   *params);
void        tl_pg_params_text      (TlPgParams   *params,
                                    const char   *value);
void        tl_pg_params_int64     (TlPgParams   *params,
                                    gint64        value);
/* NULL when @value is @none. */
void        tl_pg_params_optional  (TlPgParams   *params,
                                    gint64        value,
                                    gint64        none);
void        tl_pg_params_double    (TlPgParams   *params,
                                    double        value);
void        tl_pg_params_bytea     (TlPgParams   *params,
                                    const guint8 *data,
                                    gsize         size);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TlPgParams, tl_pg_params_clear)

/* Runs @sql with @params (may be NULL). Returns the result of a command
 * or a query, or NULL with @error set from the server's answer, in
 * words an operator can act on; @what says what could not be done. */
PGresult   *tl_pg_exec             (TlStorePg    *self,
                                    const char   *sql,
                                    TlPgParams   *params,
                                    const char   *what,
                                    GError      **error);
/* Sets @error from a failed @result: "@what: why", a TL_STORE_ERROR
 * whose code and words say what the server refused. */
void        tl_pg_set_result_error (TlStorePg    *self,
                                    PGresult     *result,
                                    const char   *what,
                                    GError      **error);
gboolean    tl_pg_exec_command     (TlStorePg    *self,
                                    const char   *sql,
                                    TlPgParams   *params,
                                    const char   *what,
                                    GError      **error);
gboolean    tl_pg_begin            (TlStorePg    *self,
                                    GError      **error);
gboolean    tl_pg_commit           (TlStorePg    *self,
                                    const char   *what,
                                    GError      **error);
void        tl_pg_rollback         (TlStorePg    *self);
/* Sets the setting @name to @value until the end of the transaction
 * (set_config (…, true)): what the server's audit triggers read. */
gboolean    tl_pg_set_local        (TlStorePg    *self,
                                    const char   *name,
                                    const char   *value,
                                    const char   *what,
                                    GError      **error);
/* A write is refused on a server whose triggers do not write the audit
 * (its roles not set up to this version): it would not be audited. */
gboolean    tl_pg_check_audited    (TlStorePg    *self,
                                    const char   *what,
                                    GError      **error);

gint64      tl_pg_get_int64        (PGresult     *result,
                                    int           row,
                                    int           column,
                                    gint64        none);
double      tl_pg_get_double       (PGresult     *result,
                                    int           row,
                                    int           column);
/* NULL for SQL NULL; borrowed from @result. */
const char *tl_pg_get_text         (PGresult     *result,
                                    int           row,
                                    int           column);

/* tl-store-pg-schema.c: brings the database up to
 * TL_STORE_SCHEMA_VERSION, or refuses a newer one. */
gboolean    tl_pg_schema_migrate   (TlStorePg    *self,
                                    GError      **error);

/* tl-store-pg-events.c */
/* The columns of TL_STORE_EVENT_COLUMNS, as tl_pg_read_event() reads
 * them. */
TlEvent    *tl_pg_read_event       (PGresult     *result,
                                    int           row);
/* Appends the 22 parameters of an event row, in TL_STORE_EVENT_COLUMNS
 * order, and a 23rd: its words for the full-text index. */
void        tl_pg_params_event     (TlPgParams        *params,
                                    const TlEventData *data);
/* Event @id, locked until the end of the transaction; not-found error
 * if there is none. */
TlEvent    *tl_pg_read_locked      (TlStorePg    *self,
                                    gint64        id,
                                    const char   *what,
                                    GError      **error);
char       *tl_pg_search_words     (const char   *notes,
                                    const char   *unit,
                                    const char   *place);
/* Inserts (@is_new) or updates @event inside the caller's transaction
 * (the server writes its audit row); @case_id > 0 puts it into that case. On failure
 * sets @error; the caller rolls back. On success fills what was
 * written: *out_id, and the revision. */
gboolean    tl_pg_write_event      (TlStorePg    *self,
                                    TlEvent      *event,
                                    gboolean      is_new,
                                    gint64        case_id,
                                    const char   *operator_name,
                                    gint64        now,
                                    gint64       *out_id,
                                    GError      **error);
void        tl_pg_event_saved      (TlStorePg    *self,
                                    TlEvent      *event,
                                    gboolean      is_new,
                                    gint64        id,
                                    gint64        case_id,
                                    const char   *operator_name,
                                    gint64        now);
void        tl_pg_events_class_init (TlStoreBackendClass *klass);

GPtrArray  *tl_pg_read_events      (PGresult     *result);
/* The same from a result in binary (resultFormat 1). */
GPtrArray  *tl_pg_read_events_binary (PGresult   *result);

/* tl-store-pg-query.c */
void        tl_pg_query_class_init (TlStoreBackendClass *klass);
/* @filter's kinds and statuses as text[] literals, NULL for any. */
void        tl_pg_filter_name_arrays (const TlFilter *filter,
                                      char          **out_kinds,
                                      char          **out_statuses);

/* tl-store-pg-watch.c: the summary, the open cases, the hand-over. */
void        tl_pg_watch_class_init (TlStoreBackendClass *klass);

/* tl-store-pg-cases.c */
gboolean    tl_pg_insert_case      (TlStorePg    *self,
                                    TlCaseStatus  status,
                                    const char   *title,
                                    gint64        now,
                                    gint64       *out_id,
                                    GError      **error);
void        tl_pg_cases_class_init (TlStoreBackendClass *klass);

/* tl-store-pg-units.c */
void        tl_pg_units_class_init (TlStoreBackendClass *klass);

/* tl-store-pg-copy.c */
void        tl_pg_copy_class_init  (TlStoreBackendClass *klass);

/* tl-store-pg-roles.c: sets up the roles if they are not and this
 * connection may, then reads what it may do. */
gboolean    tl_pg_roles_open       (TlStorePg    *self,
                                    GError      **error);
void        tl_pg_roles_class_init (TlStoreBackendClass *klass);
void        tl_pg_roles_set_last_step (int        step);

/* tl-store-pg-room-import.c: a room step */
extern const char tl_pg_room_import_sql[];

/* tl-store-pg-notify.c: listens to the other desks' writes from the
 * caller's thread-default main context, never blocking it. */
TlPgListener *tl_pg_listener_new   (TlStorePg    *store);
void        tl_pg_listener_free    (TlPgListener *self);
gboolean    tl_pg_listener_is_listening (TlPgListener *self);
gboolean    tl_pg_listener_is_resetting (TlPgListener *self);
/* PQreset() if the connection was lost. */
gboolean    tl_pg_reconnect        (TlStoreBackend *backend,
                                    GError       **error);

/* tl-store-pg-bulk.c */
void        tl_pg_bulk_class_init  (TlStoreBackendClass *klass);

G_END_DECLS
