/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-export.h"
#include "tl-import-source.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* Reading events from CSV, GeoJSON, KML and GPX files, in three steps:
 *
 *  1. read the file into a table of text cells (TlImportSource): one row
 *     per CSV record, GeoJSON feature, KML placemark or GPX waypoint;
 *  2. map columns to event fields (guessed from the header names, English
 *     and French, and changeable), then validate every row into an event
 *     or a problem (TlImportResult);
 *  3. commit: all rows or none, unless the caller chooses to leave the bad
 *     rows out; rows imported before are recognised by their import key
 *     and skipped. */


TlImportSource *tl_import_source_new_from_file  (const char        *path,
                                                 GError           **error);
TlImportSource *tl_import_source_new_from_bytes (GBytes            *bytes,
                                                 TlExchangeFormat   format,
                                                 const char        *display_name,
                                                 GError           **error);
TlImportSource *tl_import_source_new_from_file_with_encoding (const char *path,
                                                 const char        *encoding,
                                                 GError           **error);
TlImportSource *tl_import_source_new_from_bytes_with_encoding (GBytes *bytes,
                                                 TlExchangeFormat   format,
                                                 const char        *display_name,
                                                 const char        *encoding,
                                                 GError           **error);
TlImportSource *tl_import_source_new_from_file_guessing (const char *path,
                                                 char             **out_encoding,
                                                 GError           **error);

/**
 * TlImportProblem:
 * @line: where the row starts: the line for CSV, KML and GPX, the
 *   feature's number for GeoJSON
 * @message: what is wrong, translated, in words the operator can act on
 */
typedef struct {
  guint  line;
  char  *message;
} TlImportProblem;

/**
 * TlImportResult:
 * @events: (element-type TlEvent): the rows that were read, in file order
 * @keys: (element-type utf8): the import key of each of @events
 * @key_digests: what the store keeps of each of @keys
 *   (tl_store_import_key_digest()), TL_STORE_IMPORT_KEY_SIZE bytes each
 * @problems: (element-type TlImportProblem): the rows that were not
 * @n_rows: rows in the file
 * @n_added: after tl_import_result_commit(): events written (or, for a
 *   dry run, that would be)
 * @n_already: after tl_import_result_commit(): rows imported before,
 *   skipped
 * @by_feature: whether @problems count features (GeoJSON) rather than
 *   lines
 * @source_name: the file's name, as the audit log keeps it
 */
typedef struct {
  GPtrArray  *events;
  GPtrArray  *keys;
  GByteArray *key_digests;
  GPtrArray  *problems;
  guint       n_rows;
  guint       n_added;
  guint       n_already;
  gboolean    by_feature;
  char       *source_name;   /* the file's name, for the audit log */
} TlImportResult;

TlImportResult *tl_import_source_validate       (TlImportSource    *self,
                                                 GTimeZone         *zone,
                                                 GError           **error);
gboolean        tl_import_file                  (const char        *path,
                                                 GTimeZone         *zone,
                                                 TlStore           *store,
                                                 gboolean           skip_bad_rows,
                                                 const char        *operator_name,
                                                 TlImportSource   **out_source,
                                                 TlImportResult   **out_result,
                                                 GError           **error);
gboolean        tl_import_file_with_encoding    (const char        *path,
                                                 const char        *encoding,
                                                 GTimeZone         *zone,
                                                 TlStore           *store,
                                                 gboolean           skip_bad_rows,
                                                 const char        *operator_name,
                                                 TlImportSource   **out_source,
                                                 TlImportResult   **out_result,
                                                 GError           **error);
gboolean        tl_import_source_import         (TlImportSource    *self,
                                                 GTimeZone         *zone,
                                                 TlStore           *store,
                                                 gboolean           skip_bad_rows,
                                                 const char        *operator_name,
                                                 TlImportResult   **out_result,
                                                 GError           **error);
void            tl_import_result_free           (TlImportResult    *result);
char           *tl_import_result_format_problems (TlImportResult   *result,
                                                 guint              max_problems);
gboolean        tl_import_result_commit         (TlImportResult    *result,
                                                 TlStore           *store,
                                                 gboolean           skip_bad_rows,
                                                 gboolean           dry_run,
                                                 const char        *operator_name,
                                                 GError           **error);
/* The same off the caller's thread, by the store's own connection
 * (tl-import-async.c). */
void            tl_import_result_commit_async   (TlImportResult    *result,
                                                 TlStore           *store,
                                                 gboolean           skip_bad_rows,
                                                 const char        *operator_name,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
gboolean        tl_import_result_commit_finish  (TlStore           *store,
                                                 GAsyncResult      *result,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlImportResult, tl_import_result_free)

G_END_DECLS
