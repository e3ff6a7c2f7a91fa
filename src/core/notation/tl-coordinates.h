/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TL_COORDINATES_ERROR (tl_coordinates_error_quark ())

typedef enum {
  TL_COORDINATES_ERROR_EMPTY,        /* nothing but white space */
  TL_COORDINATES_ERROR_SYNTAX,       /* not a position we can read */
  TL_COORDINATES_ERROR_OUT_OF_RANGE, /* latitude, longitude, minutes or seconds too big */
  TL_COORDINATES_ERROR_AMBIGUOUS,    /* more than one reading: we refuse to guess */
} TlCoordinatesError;

GQuark tl_coordinates_error_quark (void);

/* Values are stored by name (tl_coordinate_format_to_string), never by
 * number. DDM is the default: it is what charts and VHF reports use. */
typedef enum {
  TL_COORDINATE_FORMAT_DDM,  /* 50°57.520′N 001°35.200′E */
  TL_COORDINATE_FORMAT_DD,   /* 50.95867°, 1.58667° */
  TL_COORDINATE_FORMAT_DMS,  /* 50°57′31.2″N 001°35′12.0″E */
} TlCoordinateFormat;

const char *tl_coordinate_format_to_string   (TlCoordinateFormat  format);
gboolean    tl_coordinate_format_from_string (const char         *str,
                                              TlCoordinateFormat *out_format);

gboolean    tl_coordinates_parse             (const char         *text,
                                              double             *out_lat,
                                              double             *out_lon,
                                              GError            **error);
char       *tl_coordinates_format            (double              lat,
                                              double              lon,
                                              TlCoordinateFormat  format);

G_END_DECLS
