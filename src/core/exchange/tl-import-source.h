/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tl-exchange-format.h"

G_BEGIN_DECLS

/* The table a file is read into (TlImportSource), the event fields its
 * columns map to, and the import error domain that every reader and the
 * validation report through. */

#define TL_IMPORT_ERROR (tl_import_error_quark ())

typedef enum {
  TL_IMPORT_ERROR_IO,             /* the file cannot be read */
  TL_IMPORT_ERROR_TOO_BIG,        /* over TL_IMPORT_MAX_BYTES */
  TL_IMPORT_ERROR_TOO_MANY_ROWS,  /* over TL_IMPORT_MAX_ROWS */
  TL_IMPORT_ERROR_FORMAT,         /* not a file of the format it claims */
  TL_IMPORT_ERROR_EMPTY,          /* no row at all */
  TL_IMPORT_ERROR_UNMAPPED,       /* no column gives the time */
  TL_IMPORT_ERROR_BAD_ROWS,       /* some rows cannot be read; see the problems */
  TL_IMPORT_ERROR_LIMIT,          /* over one of the TL_IMPORT_MAX_… limits below */
  TL_IMPORT_ERROR_ENCODING,       /* not UTF-8 (or UTF-16 with a byte order mark) */
} TlImportError;

GQuark tl_import_error_quark (void);

/* Limits that keep a mistaken choice of file (a disk image, a log) from
 * freezing the program; a real event log is far smaller. */
#define TL_IMPORT_MAX_BYTES (100 * 1000 * 1000)   /* "100.0 MB", as file managers say */
#define TL_IMPORT_MAX_ROWS 1000000
/* Limits on the shape of a file, each named in the message of the error
 * that refuses a file over it. With them, reading a file up to
 * TL_IMPORT_MAX_BYTES takes at most about three times its size in memory,
 * whatever it holds: readers stream, and what they keep of a row is
 * bounded by what the row took in the file. */
#define TL_IMPORT_MAX_DEPTH 64                      /* JSON arrays and objects, XML elements, one in another */
#define TL_IMPORT_MAX_ELEMENTS 10000000             /* JSON values, XML elements in a file */
#define TL_IMPORT_MAX_ROW_ELEMENTS 200000           /* JSON values, XML elements in one feature or placemark */
#define TL_IMPORT_MAX_CELLS 20000000                /* cells of all rows */
#define TL_IMPORT_MAX_COLUMNS 10000                 /* fields of one CSV record, properties of a feature */
#define TL_IMPORT_MAX_LINE_BYTES (8 * 1024 * 1024)  /* one CSV record */
#define TL_IMPORT_MAX_STRING_BYTES (4 * 1024 * 1024) /* one cell, JSON string or XML text */

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
guint           tl_import_source_get_n_null_geometry (TlImportSource *self);
gboolean        tl_import_source_check_mapping  (TlImportSource    *self,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlImportSource, tl_import_source_free)

G_END_DECLS
