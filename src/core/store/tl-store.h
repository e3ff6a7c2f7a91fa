/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-event.h"
#include "tl-filter.h"
#include "tl-statistics.h"
#include "tl-trend.h"
#include "tl-trend-period.h"

G_BEGIN_DECLS

#define TL_STORE_ERROR (tl_store_error_quark ())

typedef enum {
  TL_STORE_ERROR_NOT_DATABASE,   /* the file is not a Tideline/SQLite database */
  TL_STORE_ERROR_CORRUPT,        /* quick_check failed */
  TL_STORE_ERROR_TOO_NEW,        /* written by a newer Tideline */
  TL_STORE_ERROR_IO,             /* cannot create, open, read or write */
  TL_STORE_ERROR_CONFLICT,       /* the record changed since it was read */
  TL_STORE_ERROR_NOT_FOUND,
  TL_STORE_ERROR_INVALID,        /* a value the schema refuses */
  TL_STORE_ERROR_FAILED,
  TL_STORE_ERROR_NEEDS_UPGRADE,  /* an older schema, for a command that only reads */
  TL_STORE_ERROR_READ_ONLY,      /* the file or its folder may not be written */
  TL_STORE_ERROR_FULL,           /* no space left on the disk holding the file */
  TL_STORE_ERROR_BUSY,           /* locked by another program beyond the busy timeout */
} TlStoreError;

GQuark tl_store_error_quark (void);
const char *tl_store_error_get_title (const GError *error);

/* The newest schema this build reads and writes. */
#define TL_STORE_SCHEMA_VERSION 5

typedef struct {
  char   *name;
  char   *kind;      /* port, beach, headland, canal, ... */
  char   *country;   /* ISO 3166 alpha-2 */
  double  latitude;
  double  longitude;
} TlPlace;

void tl_place_free (TlPlace *place);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlPlace, tl_place_free)

typedef enum {
  TL_AUDIT_ACTION_CREATE,
  TL_AUDIT_ACTION_UPDATE,
  TL_AUDIT_ACTION_DELETE,
  TL_AUDIT_ACTION_RESTORE,
} TlAuditAction;

typedef struct {
  gint64         id;
  gint64         event_id;
  TlAuditAction  action;
  char          *operator_name;
  gint64         at;        /* UTC seconds */
  char          *before;    /* JSON of the record before, or NULL */
  char          *after;     /* JSON of the record after, or NULL */
  char          *source;    /* for a bulk add's 'create': the file it came
                             * from, or NULL */
} TlAuditEntry;

void tl_audit_entry_free (TlAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlAuditEntry, tl_audit_entry_free)

#define TL_TYPE_STORE (tl_store_get_type ())
G_DECLARE_FINAL_TYPE (TlStore, tl_store, TL, STORE, GObject)

TlStore    *tl_store_open               (const char  *path,
                                         GError     **error);
TlStore    *tl_store_open_existing      (const char  *path,
                                         GError     **error);
gboolean    tl_store_upgrade_file       (const char  *path,
                                         int         *out_old_version,
                                         char       **out_backup_path,
                                         GError     **error);
gboolean    tl_store_is_server_address  (const char  *address);
const char *tl_store_get_path           (TlStore     *self);
int         tl_store_get_schema_version (TlStore     *self);
gint64      tl_store_count_events       (TlStore     *self,
                                         GError     **error);

gboolean    tl_store_add_event          (TlStore     *self,
                                         TlEvent     *event,
                                         const char  *operator_name,
                                         GError     **error);
gboolean    tl_store_add_events         (TlStore     *self,
                                         GPtrArray   *events,
                                         const char  *operator_name,
                                         GError     **error);
gboolean    tl_store_update_event       (TlStore     *self,
                                         TlEvent     *event,
                                         const char  *operator_name,
                                         GError     **error);
gboolean    tl_store_delete_event       (TlStore     *self,
                                         gint64       event_id,
                                         gint64       expected_revision,
                                         const char  *operator_name,
                                         GError     **error);
gboolean    tl_store_restore_event      (TlStore     *self,
                                         TlEvent     *event,
                                         const char  *operator_name,
                                         GError     **error);
TlEvent    *tl_store_get_event          (TlStore     *self,
                                         gint64       event_id,
                                         GError     **error);
GPtrArray  *tl_store_list_events        (TlStore     *self,
                                         gint64       from,
                                         gint64       to,
                                         GError     **error);
GPtrArray  *tl_store_list_audit         (TlStore     *self,
                                         gint64       event_id,
                                         GError     **error);
GPtrArray  *tl_store_list_places        (TlStore     *self,
                                         GError     **error);
GArray     *tl_store_search_events      (TlStore     *self,
                                         const char  *text,
                                         GError     **error);
gboolean    tl_store_check_for_changes  (TlStore     *self);

/* Data exchange (tl-store-import.c, tl-store-bulk.c): imports of CSV, GeoJSON, KML and
 * GPX files, duplicate-free by import key. */
gboolean    tl_store_add_events_with_keys (TlStore     *self,
                                           GPtrArray   *events,
                                           GPtrArray   *import_keys,
                                           const char  *operator_name,
                                           const char  *source,
                                           guint       *out_n_added,
                                           guint       *out_n_skipped,
                                           GError     **error);
gboolean    tl_store_count_import_keys    (TlStore     *self,
                                           GPtrArray   *import_keys,
                                           guint       *out_n_known,
                                           GError     **error);

/* What the store keeps of an import key: the first 16 bytes of its
 * SHA-256. Importers make them while they read (in threads). */
#define TL_STORE_IMPORT_KEY_SIZE 16
void        tl_store_import_key_digest    (const char  *key,
                                           guint8       digest[TL_STORE_IMPORT_KEY_SIZE]);

/* As tl_store_add_events_with_keys(), given in parts as a file is read,
 * with the keys' digests (one transaction). */
typedef struct _TlStoreBulk TlStoreBulk;

TlStoreBulk *tl_store_bulk_begin  (TlStore      *self,
                                   const char   *operator_name,
                                   const char   *source,
                                   GError      **error);
gboolean     tl_store_bulk_add    (TlStoreBulk  *bulk,
                                   GPtrArray    *events,
                                   const guint8 *key_digests,
                                   GError      **error);
gboolean     tl_store_bulk_commit (TlStoreBulk  *bulk,
                                   guint        *out_n_added,
                                   guint        *out_n_skipped,
                                   GError      **error);
void         tl_store_bulk_abort  (TlStoreBulk  *bulk);
/* The same off the caller's thread (tl-store-bulk-async.c): on a server
 * on the store's worker, with its connection. */
void         tl_store_bulk_import_async  (TlStore             *self,
                                          GPtrArray           *events,
                                          const guint8        *key_digests,
                                          const char          *operator_name,
                                          const char          *source,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     tl_store_bulk_import_finish (TlStore             *self,
                                          GAsyncResult        *result,
                                          guint               *out_n_added,
                                          guint               *out_n_skipped,
                                          GError             **error);

/* Reviewing: filtered queries (tl-store-query.c) and official daily
 * statistics (tl-store-statistics.c). */
GPtrArray  *tl_store_query_events       (TlStore         *self,
                                         const TlFilter  *filter,
                                         GError         **error);
gboolean    tl_store_import_statistics  (TlStore         *self,
                                         GArray          *days,
                                         const char      *source,
                                         GError         **error);
GArray     *tl_store_list_statistics    (TlStore         *self,
                                         const char      *first_date,
                                         const char      *last_date,
                                         GError         **error);
gboolean    tl_store_import_statistics_weeks (TlStore    *self,
                                         GArray          *weeks,
                                         const char      *source,
                                         GError         **error);
GArray     *tl_store_list_statistics_weeks (TlStore      *self,
                                         const char      *first_date,
                                         const char      *last_date,
                                         GError         **error);
TlTrend    *tl_store_daily_counts       (TlStore         *self,
                                         gint64           from,
                                         gint64           to,
                                         GTimeZone       *zone,
                                         GError         **error);

/* Reports at the desk: user-extended lists, drafts and cases.
 * (tl-store-units.c, tl-store-drafts.c, tl-store-cases.c) */

GStrv       tl_store_list_units         (TlStore     *self,
                                         GError     **error);
gboolean    tl_store_add_unit           (TlStore     *self,
                                         const char  *name,
                                         GError     **error);
gboolean    tl_store_add_place          (TlStore     *self,
                                         const char  *name,
                                         double       latitude,
                                         double       longitude,
                                         GError     **error);

typedef struct {
  gint64       id;
  TlEventKind  kind;
  gint64       event_id;      /* 0 for a report not saved yet */
  char        *operator_name;
  char        *content;       /* JSON, as the editor wrote it */
  gint64       updated_at;    /* UTC seconds */
} TlDraft;

void tl_draft_free (TlDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlDraft, tl_draft_free)

gboolean    tl_store_save_draft         (TlStore     *self,
                                         TlEventKind  kind,
                                         gint64       event_id,
                                         const char  *operator_name,
                                         const char  *content,
                                         GError     **error);
TlDraft    *tl_store_get_draft          (TlStore     *self,
                                         TlEventKind  kind,
                                         gint64       event_id,
                                         GError     **error);
gboolean    tl_store_delete_draft       (TlStore     *self,
                                         TlEventKind  kind,
                                         gint64       event_id,
                                         GError     **error);

/* Stored by name (tl_case_status_to_string), never by number. */
typedef enum {
  TL_CASE_STATUS_POSSIBLE,
  TL_CASE_STATUS_CONFIRMED,
  TL_CASE_STATUS_DISTRESS,
  TL_CASE_STATUS_RESPONDING,
  TL_CASE_STATUS_RESCUED,
  TL_CASE_STATUS_LANDED,
  TL_CASE_STATUS_RETURNED,
  TL_CASE_STATUS_CLOSED,
  TL_CASE_N_STATUSES
} TlCaseStatus;

const char *tl_case_status_to_string    (TlCaseStatus  status);
gboolean    tl_case_status_from_string  (const char   *str,
                                         TlCaseStatus *out_status);
const char *tl_case_status_get_label    (TlCaseStatus  status);

typedef struct {
  gint64        id;
  TlCaseStatus  status;
  char         *title;        /* may be NULL */
  gint64        created_at;
  gint64        updated_at;
  guint         n_events;
} TlCase;

void tl_case_free (TlCase *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlCase, tl_case_free)

gint64      tl_store_create_case        (TlStore      *self,
                                         TlCaseStatus  status,
                                         const char   *title,
                                         GError      **error);
TlCase     *tl_store_get_case           (TlStore      *self,
                                         gint64        case_id,
                                         GError      **error);
GPtrArray  *tl_store_list_cases         (TlStore      *self,
                                         GError      **error);
gboolean    tl_store_set_case_status    (TlStore      *self,
                                         gint64        case_id,
                                         TlCaseStatus  status,
                                         GError      **error);
gboolean    tl_store_link_event         (TlStore      *self,
                                         gint64        event_id,
                                         gint64        case_id,
                                         const char   *operator_name,
                                         GError      **error);
gboolean    tl_store_unlink_event       (TlStore      *self,
                                         gint64        event_id,
                                         const char   *operator_name,
                                         GError      **error);
GPtrArray  *tl_store_list_case_events   (TlStore      *self,
                                         gint64        case_id,
                                         GError      **error);

/* Many events (the sample data's boats) with the cases they go into, in
 * one transaction. */
gboolean    tl_store_add_events_in_cases (TlStore            *self,
                                          GPtrArray          *events,
                                          const int          *case_of_event,
                                          const TlCaseStatus *case_statuses,
                                          guint               n_cases,
                                          const char         *operator_name,
                                          GError            **error);

/* A report saved into a case created for it: the case, the event and its
 * audit row in one transaction, so a failed save leaves no empty case. */
gboolean    tl_store_add_event_in_new_case    (TlStore      *self,
                                               TlEvent      *event,
                                               TlCaseStatus  case_status,
                                               const char   *case_title,
                                               const char   *operator_name,
                                               GError      **error);
gboolean    tl_store_update_event_in_new_case (TlStore      *self,
                                               TlEvent      *event,
                                               TlCaseStatus  case_status,
                                               const char   *case_title,
                                               const char   *operator_name,
                                               GError      **error);
/* A report saved with a new status for its existing case: both in one
 * transaction, so a refused save leaves the status as it was. */
gboolean    tl_store_add_event_with_case_status    (TlStore      *self,
                                                    TlEvent      *event,
                                                    gint64        case_id,
                                                    TlCaseStatus  case_status,
                                                    const char   *operator_name,
                                                    GError      **error);
gboolean    tl_store_update_event_with_case_status (TlStore      *self,
                                                    TlEvent      *event,
                                                    gint64        case_id,
                                                    TlCaseStatus  case_status,
                                                    const char   *operator_name,
                                                    GError      **error);

/* A whole database into an empty one, file or server (tl-store-copy.c). */
gboolean    tl_store_copy               (TlStore     *self,
                                         TlStore     *target,
                                         guint       *out_n_events,
                                         guint       *out_n_audit,
                                         GError     **error);

/* What the connected database role may do (tl-store-roles.c). On a
 * server the server decides, by its roles; a file may do everything. */
typedef enum {
  TL_STORE_CAN_READ          = 1 << 0,
  TL_STORE_CAN_EDIT_REPORTS  = 1 << 1,   /* create and edit reports */
  TL_STORE_CAN_DELETE        = 1 << 2,   /* delete reports */
  TL_STORE_CAN_MANAGE_CASES  = 1 << 3,   /* cases and their statuses */
  TL_STORE_CAN_IMPORT        = 1 << 4,   /* statistics and files */
} TlStoreCapabilities;

#define TL_STORE_CAN_ALL (TL_STORE_CAN_READ | TL_STORE_CAN_EDIT_REPORTS | TL_STORE_CAN_DELETE | \
                          TL_STORE_CAN_MANAGE_CASES | TL_STORE_CAN_IMPORT)

TlStoreCapabilities tl_store_get_capabilities (TlStore             *self);
gboolean    tl_store_can                (TlStore             *self,
                                         TlStoreCapabilities  capabilities);
/* Why @capabilities are not allowed, in words for a tooltip; NULL when
 * they are. */
char       *tl_store_explain_refusal    (TlStore             *self,
                                         TlStoreCapabilities  capabilities);
/* TRUE while the store hears the other desks' writes as the server makes
 * them (a server's LISTEN/NOTIFY), FALSE while it only polls. */
gboolean    tl_store_is_listening       (TlStore             *self);
/* TRUE for a shared server, FALSE for a file. */
gboolean    tl_store_is_server          (TlStore             *self);

/* The outbox (tl-store-outbox.c): new reports, edits and deletions kept
 * on this desk while the server cannot be reached, sent in order when it
 * can. */
gboolean    tl_store_add_event_or_keep  (TlStore     *self,
                                         TlEvent     *event,
                                         const char  *operator_name,
                                         gboolean    *out_kept,
                                         GError     **error);
gboolean    tl_store_update_event_or_keep (TlStore   *self,
                                         TlEvent     *event,
                                         const char  *operator_name,
                                         gboolean    *out_kept,
                                         GError     **error);
gboolean    tl_store_delete_event_or_keep (TlStore   *self,
                                         TlEvent     *event,
                                         const char  *operator_name,
                                         gboolean    *out_kept,
                                         GError     **error);

/* A kept edit (or deletion) that the server refused because another
 * desk changed the report meanwhile. */
typedef struct {
  TlEvent  *mine;      /* the report as this desk saved it, with the revision it was made from */
  gboolean  deleted;   /* the desk had deleted it */
} TlOutboxRefusal;

TlOutboxRefusal *tl_store_take_outbox_refusal (TlStore *self);
void        tl_outbox_refusal_free      (TlOutboxRefusal *refusal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlOutboxRefusal, tl_outbox_refusal_free)
guint       tl_store_count_unsent       (TlStore     *self);
gboolean    tl_store_send_outbox        (TlStore     *self,
                                         guint       *out_n_sent,
                                         GError     **error);

/* Choosing the database (tl-store.c, pg/tl-store-pg-address.c): opening
 * one off the caller's thread, and what a window shows and remembers of
 * it. */
void        tl_store_open_async         (const char           *address,
                                         const char           *password,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
TlStore    *tl_store_open_finish        (GAsyncResult         *result,
                                         GError              **error);
char       *tl_store_address_without_password (const char *address);
gboolean    tl_store_check_server_address     (const char  *address,
                                               GError     **error);
GHashTable *tl_store_address_get_login        (const char  *address);

/* Where a store on a server writes, as read when it connected. */
typedef struct {
  char     *host;       /* "localhost" for a Unix socket */
  char     *database;
  char     *user;
  char     *role;       /* the Tideline role it acts as (tideline_desk, …),
                         * else the user */
  gboolean  tls;        /* the connection is encrypted */
} TlStoreServer;

void           tl_store_server_free     (TlStoreServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlStoreServer, tl_store_server_free)
TlStoreServer *tl_store_get_server      (TlStore       *self);
/* The window's calls, off its thread (tl-store-async.c): on a server
 * they run on the store's worker; on a file at once. */
typedef enum {
  TL_STORE_SAVE_PLAIN       = 0,
  TL_STORE_SAVE_NEW_CASE    = 1 << 0,  /* into a new case of the status given */
  TL_STORE_SAVE_CASE_STATUS = 1 << 1,  /* its case to the status given, if it differs */
  TL_STORE_SAVE_UNCHANGED   = 1 << 2,  /* as it was read: written only for its case */
} TlStoreSaveFlags;

gboolean    tl_store_save_event         (TlStore             *self,
                                         TlEvent             *event,
                                         TlStoreSaveFlags     flags,
                                         TlCaseStatus         case_status,
                                         const char * const  *units,
                                         const char          *operator_name,
                                         gboolean            *out_kept,
                                         TlEvent            **out_theirs,
                                         GError             **error);
void        tl_store_list_events_async  (TlStore             *self,
                                         gint64               from,
                                         gint64               to,
                                         const TlFilter      *filter,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *tl_store_list_events_finish (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_save_event_async   (TlStore             *self,
                                         TlEvent             *event,
                                         TlStoreSaveFlags     flags,
                                         TlCaseStatus         case_status,
                                         const char * const  *units,
                                         const char          *operator_name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    tl_store_save_event_finish  (TlStore             *self,
                                         GAsyncResult        *result,
                                         gboolean            *out_kept,
                                         TlEvent            **out_theirs,
                                         GError             **error);

/* tl-store-outbox-async.c */
void        tl_store_delete_report_async   (TlStore             *self,
                                            TlEvent             *event,
                                            const char          *operator_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    tl_store_delete_report_finish  (TlStore             *self,
                                            GAsyncResult        *result,
                                            gboolean            *out_kept,
                                            GError             **error);
void        tl_store_restore_report_async  (TlStore             *self,
                                            TlEvent             *event,
                                            const char          *operator_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    tl_store_restore_report_finish (TlStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void        tl_store_send_outbox_async     (TlStore             *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    tl_store_send_outbox_finish    (TlStore             *self,
                                            GAsyncResult        *result,
                                            guint               *out_n_sent,
                                            GError             **error);
/* The rest of a window's calls, on the store's worker (tl-store-jobs.c). */

/* What the report editor offers and shows, read in one go. */
typedef struct {
  GStrv      units;     /* remembered by the desks */
  GPtrArray *places;    /* TlPlace */
  GPtrArray *cases;     /* TlCase */
  TlDraft   *draft;     /* nullable: left for the same form */
  GPtrArray *audit;     /* nullable: the record's history, when a draft of
                         * an edit is left (the version it was typed over) */
} TlFormData;

void tl_form_data_free (TlFormData *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlFormData, tl_form_data_free)

void        tl_store_load_form_async    (TlStore             *self,
                                         TlEventKind          kind,
                                         gint64               event_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
TlFormData *tl_store_load_form_finish   (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_save_draft_async   (TlStore             *self,
                                         TlEventKind          kind,
                                         gint64               event_id,
                                         const char          *operator_name,
                                         const char          *content,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    tl_store_save_draft_finish  (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_get_event_async    (TlStore             *self,
                                         gint64               event_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
TlEvent    *tl_store_get_event_finish   (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_list_audit_async   (TlStore             *self,
                                         gint64               event_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *tl_store_list_audit_finish  (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_add_unit_async     (TlStore             *self,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    tl_store_add_unit_finish    (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_list_case_events_async (TlStore         *self,
                                         gint64               case_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GPtrArray  *tl_store_list_case_events_finish (TlStore        *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_get_case_async     (TlStore             *self,
                                         gint64               case_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
TlCase     *tl_store_get_case_finish    (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_count_trend_async  (TlStore             *self,
                                         gint64               from,
                                         gint64               to,
                                         GTimeZone           *zone,
                                         TlTrendPeriod        period,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
TlTrend    *tl_store_count_trend_finish (TlStore             *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void        tl_store_import_statistics_async  (TlStore             *self,
                                               GArray              *rows,
                                               gboolean             weekly,
                                               const char          *source,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    tl_store_import_statistics_finish (TlStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
