/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-event-private.h"
#include "tl-import.h"

G_BEGIN_DECLS

/* Shared by tl-import.c (sources, mapping, commit), tl-import-csv.c,
 * tl-import-geojson.c, tl-import-xml.c (KML, GPX) and tl-import-rows.c
 * (validation). */

/* One row: its cells live in the same allocation as the row, because a
 * 100k-row file would otherwise cost two million small allocations. */
typedef struct {
  guint  line;
  guint  n_cells;
  char  *cells[];    /* NULL: the source had no such cell */
} TlImportRow;

struct _TlImportSource
{
  TlExchangeFormat  format;
  char             *display_name;
  char              separator;      /* CSV only */
  gboolean          by_feature;     /* rows are numbered, not lines */
  GPtrArray        *columns;        /* (element-type utf8) */
  GArray           *fields;         /* TlImportField per column */
  GHashTable       *column_index;   /* name → index + 1 */
  GPtrArray        *rows;           /* (element-type TlImportRow) */
  gboolean          rows_released;  /* each freed once checked: NULL */
  guint64           n_cells;        /* in all rows: TL_IMPORT_MAX_CELLS */
  guint             n_null_geometry; /* GeoJSON features with a null geometry */
  GHashTable       *row_problems;   /* TlImportRow → what the reader could
                                     * not take (a line where a point is
                                     * expected), reported by validation */
};

TlImportSource *tl_import_source_new        (TlExchangeFormat    format,
                                             const char         *display_name);
GBytes         *tl_import_load_file         (const char         *path,
                                             TlExchangeFormat   *out_format,
                                             char              **out_display_name,
                                             GError            **error);
const char     *tl_import_decode_text       (GBytes             *bytes,
                                             const char         *display_name,
                                             const char         *encoding,
                                             gsize              *out_len,
                                             char              **out_owned,
                                             GError            **error);
TlImportSource *tl_import_source_new_from_text (const char      *text,
                                             gsize               len,
                                             TlExchangeFormat    format,
                                             const char         *display_name,
                                             GError            **error);
/* "“x.json”, line 3: over the limit of 64 levels of nesting that Tideline
 * reads"; @where is "line 3" or "feature 3", @what the limit's noun. */
void            tl_import_set_limit_error   (GError            **error,
                                             const char         *display_name,
                                             const char         *where,
                                             guint64             limit,
                                             const char         *what);
char           *tl_import_source_where      (TlImportSource     *self,
                                             guint               line);
void            tl_import_source_reserve_rows (TlImportSource   *self,
                                             guint               n_rows);
guint           tl_import_source_add_column (TlImportSource     *self,
                                             const char         *name);
gboolean        tl_import_source_add_row    (TlImportSource     *self,
                                             guint               line,
                                             const char * const *cells,
                                             guint               n_cells,
                                             GError            **error);
void            tl_import_source_guess_mapping (TlImportSource  *self);
/* For readers that build rows by column name: @cells has g_free as free
 * function and grows as needed; @value is taken. */
void            tl_import_cells_set         (TlImportSource     *self,
                                             GPtrArray          *cells,
                                             const char         *column,
                                             char               *value);
gboolean        tl_import_source_add_cells  (TlImportSource     *self,
                                             guint               line,
                                             GPtrArray          *cells,
                                             char               *problem,
                                             GError            **error);

/* Readers: fill @self from the whole file text (UTF-8, NUL-terminated). */
/* tl-import-csv.c: a CSV file read a part at a time. */
typedef struct _TlCsvReader TlCsvReader;

TlCsvReader    *tl_csv_reader_new           (TlImportSource     *self,
                                             const char         *text,
                                             gsize               len);
gboolean        tl_csv_reader_read          (TlCsvReader        *r,
                                             guint               until_rows,
                                             gboolean           *out_done,
                                             GError            **error);
void            tl_csv_reader_free          (TlCsvReader        *r);

gboolean        tl_import_read_csv          (TlImportSource     *self,
                                             const char         *text,
                                             gsize               len,
                                             GError            **error);
gboolean        tl_import_read_geojson      (TlImportSource     *self,
                                             const char         *text,
                                             gsize               len,
                                             GError            **error);
gboolean        tl_import_read_kml          (TlImportSource     *self,
                                             const char         *text,
                                             gsize               len,
                                             GError            **error);
gboolean        tl_import_read_gpx          (TlImportSource     *self,
                                             const char         *text,
                                             gsize               len,
                                             GError            **error);

/* tl-import-rows.c: one thread's validation of rows. */
typedef struct _TlImportValidator TlImportValidator;

TlImportValidator *tl_import_validator_new  (TlImportSource     *source,
                                             GTimeZone          *zone,
                                             const char         *operator_name);
void            tl_import_validator_free    (TlImportValidator  *v);
void            tl_import_validator_run     (TlImportValidator  *v,
                                             guint               first,
                                             guint               end,
                                             GPtrArray          *events,
                                             GPtrArray          *keys,
                                             GByteArray         *key_digests,
                                             GPtrArray          *problems);
void            tl_import_number_content_keys (GHashTable       *copies,
                                             GPtrArray          *keys,
                                             GByteArray         *key_digests);

TlImportResult *tl_import_result_new        (void);
/* "3 rows of 120 cannot be read; nothing was imported" */
void            tl_import_set_bad_rows_error (TlImportResult    *result,
                                             GError            **error);
void            tl_import_problem_free      (gpointer            problem);
void            tl_import_set_too_many_rows (GError            **error,
                                             const char         *display_name);

G_END_DECLS
