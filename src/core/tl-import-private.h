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
  GHashTable       *row_problems;   /* TlImportRow → what the reader could
                                     * not take (a line where a point is
                                     * expected), reported by validation */
};

TlImportSource *tl_import_source_new        (TlExchangeFormat    format,
                                             const char         *display_name);
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

TlImportResult *tl_import_result_new        (void);
void            tl_import_problem_free      (gpointer            problem);
void            tl_import_set_too_many_rows (GError            **error,
                                             const char         *display_name);

G_END_DECLS
