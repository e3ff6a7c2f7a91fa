/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-event.h"

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
} TlStoreError;

GQuark tl_store_error_quark (void);

/* The newest schema this build reads and writes. */
#define TL_STORE_SCHEMA_VERSION 1

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
} TlAuditEntry;

void tl_audit_entry_free (TlAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlAuditEntry, tl_audit_entry_free)

#define TL_TYPE_STORE (tl_store_get_type ())
G_DECLARE_FINAL_TYPE (TlStore, tl_store, TL, STORE, GObject)

TlStore    *tl_store_open               (const char  *path,
                                         GError     **error);
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

G_END_DECLS
