/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-event-private.h"
#include "tl-export.h"

G_BEGIN_DECLS

/* tl-export-fields.c, shared by tl-export.c (files, dispatch), tl-export-csv.c,
 * tl-export-geojson.c and tl-export-xml.c (KML and GPX), and read by the
 * importer, which takes back the same names. */

/* The fields every format carries, in the order of the CSV header. */
typedef enum {
  TL_EXPORT_FIELD_ID,
  TL_EXPORT_FIELD_KIND,
  TL_EXPORT_FIELD_TIME,
  TL_EXPORT_FIELD_END_TIME,
  TL_EXPORT_FIELD_LATITUDE,
  TL_EXPORT_FIELD_LONGITUDE,
  TL_EXPORT_FIELD_PLACE,
  TL_EXPORT_FIELD_BOATS,
  TL_EXPORT_FIELD_PEOPLE,
  TL_EXPORT_FIELD_RESCUED,
  TL_EXPORT_FIELD_DECEASED,
  TL_EXPORT_FIELD_MISSING,
  TL_EXPORT_FIELD_UNIT,
  TL_EXPORT_FIELD_STATUS,
  TL_EXPORT_FIELD_NOTES,
  TL_EXPORT_FIELD_CASE_ID,
  TL_EXPORT_FIELD_DETAILS,
  TL_EXPORT_N_FIELDS
} TlExportField;

/* Stable, untranslated: other programs read files by these names. */
extern const char * const tl_export_field_names[TL_EXPORT_N_FIELDS];

/* Big enough for any field but the strings, which are returned as is. */
#define TL_EXPORT_TEXT_SIZE 40

/* Namespace of Tideline's fields in GPX <extensions>. */
#define TL_EXPORT_GPX_NS "https://tideline.github.io/xmlns/gpx/1"

/* Blocks written to the file at once. */
#define TL_EXPORT_FLUSH_SIZE (256 * 1024)

/* Where output goes: a memory buffer, or a file descriptor it is flushed
 * to in blocks. The first failure is kept and later writes are dropped,
 * so writers need not check every call. */
typedef struct {
  GString    *buf;
  int         fd;          /* -1: keep everything in buf */
  GError     *error;
  const char *display_name;
} TlExportWriter;

void        tl_export_writer_append  (TlExportWriter    *writer,
                                      const char        *data,
                                      gssize             len);
void        tl_export_writer_flush   (TlExportWriter    *writer);

const char *tl_export_field_text     (const TlEventData *data,
                                      TlExportField      field,
                                      char               buf[TL_EXPORT_TEXT_SIZE]);
const char *tl_export_format_double  (double             value,
                                      char               buf[TL_EXPORT_TEXT_SIZE]);
const char *tl_export_format_time    (gint64             utc,
                                      char               buf[TL_EXPORT_TEXT_SIZE]);
char       *tl_export_event_title    (const TlEventData *data);
GArray     *tl_export_parse_route    (const char        *details);

void        tl_export_write_csv      (TlExportWriter    *writer,
                                      GPtrArray         *events);
char       *tl_export_csvt_text      (void);
void        tl_export_write_geojson  (TlExportWriter    *writer,
                                      GPtrArray         *events);
void        tl_export_write_kml      (TlExportWriter    *writer,
                                      GPtrArray         *events);
void        tl_export_write_gpx      (TlExportWriter    *writer,
                                      GPtrArray         *events);

G_END_DECLS
