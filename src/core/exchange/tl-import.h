/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-export.h"
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

#define TL_IMPORT_ERROR (tl_import_error_quark ())

typedef enum {
  TL_IMPORT_ERROR_IO,             /* the file cannot be read */
  TL_IMPORT_ERROR_TOO_BIG,        /* over TL_IMPORT_MAX_BYTES */
  TL_IMPORT_ERROR_TOO_MANY_ROWS,  /* over TL_IMPORT_MAX_ROWS */
  TL_IMPORT_ERROR_FORMAT,         /* not a file of the format it claims */
  TL_IMPORT_ERROR_EMPTY,          /* no row at all */
  TL_IMPORT_ERROR_UNMAPPED,       /* no column gives the time */
  TL_IMPORT_ERROR_BAD_ROWS,       /* some rows cannot be read; see the problems */
} TlImportError;

GQuark tl_import_error_quark (void);

/* Limits that keep a mistaken choice of file (a disk image, a log) from
 * freezing the program; a real event log is far smaller. */
#define TL_IMPORT_MAX_BYTES (100 * 1000 * 1000)   /* "100.0 MB", as file managers say */
#define TL_IMPORT_MAX_ROWS 1000000

typedef enum {
  TL_IMPORT_FIELD_NONE,        /* column left out */
  TL_IMPORT_FIELD_ID,          /* the source's own id: makes the import key */
  TL_IMPORT_FIELD_KIND,
  TL_IMPORT_FIELD_TIME,        /* date and time */
  TL_IMPORT_FIELD_DATE,        /* date alone, with FIELD_CLOCK */
  TL_IMPORT_FIELD_CLOCK,       /* time of day alone, with FIELD_DATE */
  TL_IMPORT_FIELD_END_TIME,
  TL_IMPORT_FIELD_LATITUDE,
  TL_IMPORT_FIELD_LONGITUDE,
  TL_IMPORT_FIELD_POSITION,    /* latitude and longitude in one column */
  TL_IMPORT_FIELD_PLACE,
  TL_IMPORT_FIELD_BOATS,
  TL_IMPORT_FIELD_PEOPLE,
  TL_IMPORT_FIELD_RESCUED,
  TL_IMPORT_FIELD_DECEASED,
  TL_IMPORT_FIELD_MISSING,
  TL_IMPORT_FIELD_UNIT,
  TL_IMPORT_FIELD_STATUS,
  TL_IMPORT_FIELD_NOTES,
  TL_IMPORT_FIELD_DETAILS,     /* a JSON object */
  TL_IMPORT_N_FIELDS
} TlImportField;

const char     *tl_import_field_get_label    (TlImportField field);
TlImportField   tl_import_field_guess        (const char   *column_name);

typedef struct _TlImportSource TlImportSource;

TlImportSource *tl_import_source_new_from_file  (const char        *path,
                                                 GError           **error);
TlImportSource *tl_import_source_new_from_bytes (GBytes            *bytes,
                                                 TlExchangeFormat   format,
                                                 const char        *display_name,
                                                 GError           **error);
void            tl_import_source_free           (TlImportSource    *self);

TlExchangeFormat tl_import_source_get_format    (TlImportSource    *self);
const char     *tl_import_source_get_display_name (TlImportSource  *self);
char            tl_import_source_get_separator  (TlImportSource    *self);
guint           tl_import_source_get_n_columns  (TlImportSource    *self);
const char     *tl_import_source_get_column_name (TlImportSource   *self,
                                                 guint              column);
guint           tl_import_source_get_n_rows     (TlImportSource    *self);
const char     *tl_import_source_get_cell       (TlImportSource    *self,
                                                 guint              row,
                                                 guint              column);
guint           tl_import_source_get_row_line   (TlImportSource    *self,
                                                 guint              row);
TlImportField   tl_import_source_get_column_field (TlImportSource  *self,
                                                 guint              column);
void            tl_import_source_set_column_field (TlImportSource  *self,
                                                 guint              column,
                                                 TlImportField      field);
gboolean        tl_import_source_check_mapping  (TlImportSource    *self,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlImportSource, tl_import_source_free)

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlImportResult, tl_import_result_free)

G_END_DECLS
