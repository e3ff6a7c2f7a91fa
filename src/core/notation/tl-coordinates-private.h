/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-coordinates.h"

G_BEGIN_DECLS

/* Shared by the position tokenizer (tl-coordinates-tokens.c) and parser
 * (tl-coordinates.c); nothing else should use it. */

#define TL_COORD_MAX_TOKENS 32

typedef enum {
  TL_COORD_TOKEN_NUMBER,
  TL_COORD_TOKEN_SIGN,
  TL_COORD_TOKEN_HEMISPHERE,
  TL_COORD_TOKEN_MARK,
  TL_COORD_TOKEN_SEPARATOR,
} TlCoordTokenKind;

typedef enum {
  TL_COORD_UNIT_DEGREES,
  TL_COORD_UNIT_MINUTES,
  TL_COORD_UNIT_SECONDS,
  TL_COORD_UNIT_NONE,
} TlCoordUnit;

typedef struct {
  TlCoordTokenKind kind;
  gsize            start;         /* byte offsets into the text */
  gsize            end;
  double           value;         /* NUMBER */
  guint            int_digits;    /* NUMBER: digits before the decimal mark */
  guint64          int_value;
  gboolean         has_fraction;
  int              sign;          /* SIGN: -1 or +1 */
  char             hemisphere;    /* HEMISPHERE: 'N', 'S', 'E' or 'W' */
  TlCoordUnit      unit;          /* MARK */
  gboolean         letter_m;      /* MARK written as the letter m */
} TlCoordToken;

typedef struct {
  TlCoordToken tokens[TL_COORD_MAX_TOKENS];
  guint        n_tokens;
  guint        split_first_end;  /* part 1 is tokens [0, split_first_end) */
  guint        split_second;     /* part 2 is tokens [split_second, n_tokens) */
} TlCoordReading;

gboolean tl_coordinates_tokenize               (const char     *text,
                                                gboolean        decimal_comma,
                                                TlCoordReading *reading,
                                                GError        **error);
gboolean tl_coordinates_is_tight_comma         (const char     *text,
                                                gsize           i);
char    *tl_coordinates_excerpt                (const char     *text,
                                                gsize           start,
                                                gsize           end);
void     tl_coordinates_set_example_error      (GError        **error);
void     tl_coordinates_set_unexpected_error   (GError        **error,
                                                const char     *text,
                                                gsize           start,
                                                gsize           end);

G_END_DECLS
