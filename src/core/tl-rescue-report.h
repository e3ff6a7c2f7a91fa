/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-event.h"

G_BEGIN_DECLS

/* The rescue form's state as plain values, validated by a pure function so
 * that the rules are tested without widgets. */

typedef enum {
  TL_RESCUE_FIELD_TIME,
  TL_RESCUE_FIELD_POSITION,
  TL_RESCUE_FIELD_UNIT,
  TL_RESCUE_FIELD_PEOPLE,
  TL_RESCUE_FIELD_RESCUED,
  TL_RESCUE_FIELD_DECEASED,
  TL_RESCUE_FIELD_MISSING,
  TL_RESCUE_FIELD_NOTES,
  TL_RESCUE_N_FIELDS
} TlRescueField;

typedef struct {
  char *time_text;       /* as typed, in the display zone */
  char *position_text;   /* as typed, any format the parser reads */
  char *unit;
  char *people_text;     /* people on board; empty when not known */
  int   rescued;
  int   deceased;
  int   missing;
  char *notes;
} TlRescueReport;

typedef struct {
  /* A message per field, or NULL: errors block saving, warnings do not. */
  char   *errors[TL_RESCUE_N_FIELDS];
  char   *warnings[TL_RESCUE_N_FIELDS];
  /* The values read, valid where the field has no error. */
  gint64  time;
  double  latitude;
  double  longitude;
  int     people;
} TlRescueCheck;

void      tl_rescue_report_clear    (TlRescueReport       *report);
void      tl_rescue_check_clear     (TlRescueCheck        *check);
gboolean  tl_rescue_report_validate (const TlRescueReport *report,
                                     GTimeZone            *zone,
                                     gint64                reference_day_start,
                                     gint64                now,
                                     TlRescueCheck        *out_check);
TlEvent  *tl_rescue_report_to_event (const TlRescueReport *report,
                                     const TlRescueCheck  *check);

G_END_DECLS
