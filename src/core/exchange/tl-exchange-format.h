/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exchange formats: the files other tools (spreadsheets, QGIS, Google
 * Earth, chart plotters) read and write. Stored by name, never by number. */
typedef enum {
  TL_EXCHANGE_FORMAT_CSV,
  TL_EXCHANGE_FORMAT_GEOJSON,
  TL_EXCHANGE_FORMAT_KML,
  TL_EXCHANGE_FORMAT_GPX,
  TL_EXCHANGE_N_FORMATS
} TlExchangeFormat;

const char *tl_exchange_format_to_string    (TlExchangeFormat  format);
gboolean    tl_exchange_format_from_string  (const char       *str,
                                             TlExchangeFormat *out_format);
const char *tl_exchange_format_get_extension (TlExchangeFormat format);
const char *tl_exchange_format_get_label    (TlExchangeFormat  format);
const char *tl_exchange_format_get_mime_type (TlExchangeFormat format);
gboolean    tl_exchange_format_guess        (const char       *filename,
                                             TlExchangeFormat *out_format);

#define TL_EXPORT_ERROR (tl_export_error_quark ())

typedef enum {
  TL_EXPORT_ERROR_IO,        /* the file could not be written */
  TL_EXPORT_ERROR_FAILED,    /* the events could not be read */
} TlExportError;

GQuark      tl_export_error_quark           (void);

G_END_DECLS
