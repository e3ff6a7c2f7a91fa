/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-store.h"
#include "tl-summary.h"

G_BEGIN_DECLS

/* What a store does, behind TlStore's public API: TlStore chooses its
 * backend at open and hands every call to it. A database file has the
 * SQLite backend (TlStoreSqlite, tl-store-sqlite.c, its operations
 * installed by the store's files: tl-store-read.c, tl-store-events.c,
 * ...), a shared PostgreSQL server its own (pg/tl-store-pg*.c). An
 * operation a backend does not have yet (a NULL vfunc) fails with a
 * TL_STORE_ERROR that says so: never a crash, never a silent no-op.
 *
 * Backend types (sqlite3, PGconn, PGresult) never leave the backend's
 * files. */

/* A table as tl_store_copy() moves it: the columns both backends have,
 * with one type letter each (i integer, r real, t text, b bytes), and
 * which rows (a condition on them, or NULL for all). Values travel as
 * text, one GPtrArray of n_rows × n_columns nullable strings per table:
 * reals in their shortest exact form, bytes in hex. */
typedef struct {
  const char *name;
  const char *columns;    /* "id, status, ..." */
  const char *types;      /* one letter per column */
  const char *where;      /* nullable */
} TlCopyTable;

#define TL_TYPE_STORE_BACKEND (tl_store_backend_get_type ())
G_DECLARE_DERIVABLE_TYPE (TlStoreBackend, tl_store_backend, TL, STORE_BACKEND, GObject)

struct _TlStoreBackendClass
{
  GObjectClass parent_class;

  /* Each may be NULL: the operation is then refused as not available
   * on this backend yet (tl_store_backend_set_unavailable()). Each sets
   * @error (a TL_STORE_ERROR) on failure. */
  gint64 (*count_events) (TlStoreBackend *self, GError **error);
  gboolean (*add_event) (TlStoreBackend *self, TlEvent *event, const char *operator_name, GError **error);
  gboolean (*update_event) (TlStoreBackend *self, TlEvent *event, const char *operator_name, GError **error);
  gboolean (*delete_event) (TlStoreBackend *self, gint64 event_id, gint64 expected_revision, const char *operator_name, GError **error);
  gboolean (*restore_event) (TlStoreBackend *self, TlEvent *event, const char *operator_name, GError **error);
  TlEvent *(*get_event) (TlStoreBackend *self, gint64 event_id, GError **error);
  GPtrArray *(*list_events) (TlStoreBackend *self, gint64 from, gint64 to, GError **error);
  GPtrArray *(*list_audit) (TlStoreBackend *self, gint64 event_id, GError **error);
  GPtrArray *(*list_places) (TlStoreBackend *self, GError **error);
  GArray *(*search_events) (TlStoreBackend *self, const char *text, GError **error);
  gboolean (*count_import_keys) (TlStoreBackend *self, GPtrArray *import_keys, guint *out_n_known, GError **error);
  gpointer (*bulk_begin) (TlStoreBackend *self, gboolean keyed, const char *operator_name, const char *source, GError **error);
  gboolean (*bulk_add) (TlStoreBackend *self, gpointer bulk, GPtrArray *events, const guint8 *key_digests, GError **error);
  gboolean (*bulk_add_in_cases) (TlStoreBackend *self, gpointer bulk, GPtrArray *events, const int *case_of_event, const TlCaseStatus *case_statuses, guint n_cases, GError **error);
  gboolean (*bulk_commit) (TlStoreBackend *self, gpointer bulk, guint *out_n_added, guint *out_n_skipped, GError **error);
  GPtrArray *(*query_events) (TlStoreBackend *self, const TlFilter *filter, GError **error);
  gboolean (*import_statistics) (TlStoreBackend *self, GArray *days, const char *source, GError **error);
  GArray *(*list_statistics) (TlStoreBackend *self, const char *first_date, const char *last_date, GError **error);
  TlTrend *(*daily_counts) (TlStoreBackend *self, gint64 from, gint64 to, GTimeZone *zone, GError **error);
  GStrv (*list_units) (TlStoreBackend *self, GError **error);
  gboolean (*add_unit) (TlStoreBackend *self, const char *name, GError **error);
  gboolean (*add_place) (TlStoreBackend *self, const char *name, double latitude, double longitude, GError **error);
  gboolean (*save_draft) (TlStoreBackend *self, TlEventKind kind, gint64 event_id, const char *operator_name, const char *content, GError **error);
  TlDraft *(*get_draft) (TlStoreBackend *self, TlEventKind kind, gint64 event_id, GError **error);
  gboolean (*delete_draft) (TlStoreBackend *self, TlEventKind kind, gint64 event_id, GError **error);
  gint64 (*create_case) (TlStoreBackend *self, TlCaseStatus status, const char *title, GError **error);
  TlCase *(*get_case) (TlStoreBackend *self, gint64 case_id, GError **error);
  GPtrArray *(*list_cases) (TlStoreBackend *self, GError **error);
  gboolean (*set_case_status) (TlStoreBackend *self, gint64 case_id, TlCaseStatus status, GError **error);
  gboolean (*link_event) (TlStoreBackend *self, gint64 event_id, gint64 case_id, const char *operator_name, GError **error);
  GPtrArray *(*list_case_events) (TlStoreBackend *self, gint64 case_id, GError **error);
  gboolean (*save_event_in_case) (TlStoreBackend *self, TlEvent *event, gboolean is_new, gint64 case_id, TlCaseStatus case_status, const char *case_title, const char *operator_name, GError **error);
  void (*bulk_abort) (TlStoreBackend *self, gpointer bulk);
  /* All of @tables in one snapshot; and all of them into an empty
   * database in one transaction. */
  gboolean (*read_tables) (TlStoreBackend *self, const TlCopyTable *tables, guint n_tables, GPtrArray **out_values, GError **error);
  gboolean (*write_tables) (TlStoreBackend *self, const TlCopyTable *tables, guint n_tables, GPtrArray **values, GError **error);
  gboolean (*check_for_changes) (TlStoreBackend *self);
  const char *(*get_display_name) (TlStoreBackend *self);
  /* What the connected role may do (TlStoreCapabilities), and its name;
   * NULL: everything, as the owner of a file. */
  guint (*get_capabilities) (TlStoreBackend *self);
  const char *(*get_role_name) (TlStoreBackend *self);
  gboolean (*is_listening) (TlStoreBackend *self);
  /* Connects again if the connection was lost; IO error if it cannot. */
  gboolean (*reconnect) (TlStoreBackend *self, GError **error);
  /* The next add_event, update_event or delete_event is made once for
   * @key (nullable: no key): if the server has made it already, it
   * changes nothing and succeeds. */
  void (*set_write_key) (TlStoreBackend *self, const char *key);
  /* The watch (tl-store-watch.c, tl-handover.c). */
  gboolean (*summarize) (TlStoreBackend *self, const TlFilter *filter, TlSummary *out_summary, GError **error);
  gint64 (*count_open_cases) (TlStoreBackend *self, gint64 before, GError **error);
  gint64 (*count_in_window) (TlStoreBackend *self, gint64 from, gint64 to, GError **error);
  GPtrArray *(*list_open_cases) (TlStoreBackend *self, gint64 now, GError **error);
  GPtrArray *(*list_changes_since) (TlStoreBackend *self, gint64 since, GError **error);
  /* Official weekly figures (tl-store-statistics.c). */
  gboolean (*import_statistics_weeks) (TlStoreBackend *self, GArray *weeks, const char *source, GError **error);
  GArray *(*list_statistics_weeks) (TlStoreBackend *self, const char *first_date, const char *last_date, GError **error);

  gpointer padding[3];
};

/* For the store that owns the backend: writes are announced through it.
 * Borrowed, set once at open. */
void        tl_store_backend_set_store        (TlStoreBackend  *self,
                                               TlStore         *store);
TlStore    *tl_store_backend_get_store        (TlStoreBackend  *self);
void        tl_store_backend_emit_changed     (TlStoreBackend  *self);
void        tl_store_backend_set_unavailable  (TlStoreBackend  *self,
                                               const char      *what,
                                               GError         **error);
gboolean    tl_store_backend_check_for_changes (TlStoreBackend *self);
const char *tl_store_backend_get_display_name (TlStoreBackend  *self);


gint64 tl_store_backend_count_events (TlStoreBackend *self, GError **error);
gboolean tl_store_backend_add_event (TlStoreBackend *self, TlEvent *event, const char *operator_name, GError **error);
gboolean tl_store_backend_update_event (TlStoreBackend *self, TlEvent *event, const char *operator_name, GError **error);
gboolean tl_store_backend_delete_event (TlStoreBackend *self, gint64 event_id, gint64 expected_revision, const char *operator_name, GError **error);
gboolean tl_store_backend_restore_event (TlStoreBackend *self, TlEvent *event, const char *operator_name, GError **error);
TlEvent *tl_store_backend_get_event (TlStoreBackend *self, gint64 event_id, GError **error);
GPtrArray *tl_store_backend_list_events (TlStoreBackend *self, gint64 from, gint64 to, GError **error);
GPtrArray *tl_store_backend_list_audit (TlStoreBackend *self, gint64 event_id, GError **error);
GPtrArray *tl_store_backend_list_places (TlStoreBackend *self, GError **error);
GArray *tl_store_backend_search_events (TlStoreBackend *self, const char *text, GError **error);
gboolean tl_store_backend_count_import_keys (TlStoreBackend *self, GPtrArray *import_keys, guint *out_n_known, GError **error);
gpointer tl_store_backend_bulk_begin (TlStoreBackend *self, gboolean keyed, const char *operator_name, const char *source, GError **error);
gboolean tl_store_backend_bulk_add (TlStoreBackend *self, gpointer bulk, GPtrArray *events, const guint8 *key_digests, GError **error);
gboolean tl_store_backend_bulk_add_in_cases (TlStoreBackend *self, gpointer bulk, GPtrArray *events, const int *case_of_event, const TlCaseStatus *case_statuses, guint n_cases, GError **error);
gboolean tl_store_backend_bulk_commit (TlStoreBackend *self, gpointer bulk, guint *out_n_added, guint *out_n_skipped, GError **error);
GPtrArray *tl_store_backend_query_events (TlStoreBackend *self, const TlFilter *filter, GError **error);
gboolean tl_store_backend_import_statistics (TlStoreBackend *self, GArray *days, const char *source, GError **error);
GArray *tl_store_backend_list_statistics (TlStoreBackend *self, const char *first_date, const char *last_date, GError **error);
gboolean tl_store_backend_import_statistics_weeks (TlStoreBackend *self, GArray *weeks, const char *source, GError **error);
GArray *tl_store_backend_list_statistics_weeks (TlStoreBackend *self, const char *first_date, const char *last_date, GError **error);
TlTrend *tl_store_backend_daily_counts (TlStoreBackend *self, gint64 from, gint64 to, GTimeZone *zone, GError **error);
GStrv tl_store_backend_list_units (TlStoreBackend *self, GError **error);
gboolean tl_store_backend_add_unit (TlStoreBackend *self, const char *name, GError **error);
gboolean tl_store_backend_add_place (TlStoreBackend *self, const char *name, double latitude, double longitude, GError **error);
gboolean tl_store_backend_save_draft (TlStoreBackend *self, TlEventKind kind, gint64 event_id, const char *operator_name, const char *content, GError **error);
TlDraft *tl_store_backend_get_draft (TlStoreBackend *self, TlEventKind kind, gint64 event_id, GError **error);
gboolean tl_store_backend_delete_draft (TlStoreBackend *self, TlEventKind kind, gint64 event_id, GError **error);
gint64 tl_store_backend_create_case (TlStoreBackend *self, TlCaseStatus status, const char *title, GError **error);
TlCase *tl_store_backend_get_case (TlStoreBackend *self, gint64 case_id, GError **error);
GPtrArray *tl_store_backend_list_cases (TlStoreBackend *self, GError **error);
gboolean tl_store_backend_set_case_status (TlStoreBackend *self, gint64 case_id, TlCaseStatus status, GError **error);
gboolean tl_store_backend_link_event (TlStoreBackend *self, gint64 event_id, gint64 case_id, const char *operator_name, GError **error);
GPtrArray *tl_store_backend_list_case_events (TlStoreBackend *self, gint64 case_id, GError **error);
gboolean tl_store_backend_save_event_in_case (TlStoreBackend *self, TlEvent *event, gboolean is_new, gint64 case_id, TlCaseStatus case_status, const char *case_title, const char *operator_name, GError **error);
void tl_store_backend_bulk_abort (TlStoreBackend *self, gpointer bulk);

gboolean tl_store_backend_read_tables (TlStoreBackend *self, const TlCopyTable *tables, guint n_tables, GPtrArray **out_values, GError **error);
/* tl-store-backend-watch.c */
gboolean tl_store_backend_summarize (TlStoreBackend *self, const TlFilter *filter, TlSummary *out_summary, GError **error);
gint64 tl_store_backend_count_open_cases (TlStoreBackend *self, gint64 before, GError **error);
gint64 tl_store_backend_count_in_window (TlStoreBackend *self, gint64 from, gint64 to, GError **error);
GPtrArray *tl_store_backend_list_open_cases (TlStoreBackend *self, gint64 now, GError **error);
GPtrArray *tl_store_backend_list_changes_since (TlStoreBackend *self, gint64 since, GError **error);

gboolean tl_store_backend_write_tables (TlStoreBackend *self, const TlCopyTable *tables, guint n_tables, GPtrArray **values, GError **error);

G_END_DECLS
