/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-coastline.h"
#include "tl-coordinates.h"
#include "tl-event.h"
#include "tl-store.h"
#include "tl-units.h"

G_BEGIN_DECLS

/* A report as the editor holds it: every field as the text an officer
 * typed or picked, indexed by field. Keeping one representation for all
 * kinds makes drafts, history, conflicts and merges one generic loop, and
 * the rules are pure functions tested without widgets (STYLE.md, Forms). */

typedef enum {
  TL_REPORT_FIELD_TIME,
  TL_REPORT_FIELD_ON_SCENE_TIME,
  TL_REPORT_FIELD_END_TIME,
  TL_REPORT_FIELD_PLACE,
  TL_REPORT_FIELD_POSITION,
  TL_REPORT_FIELD_ROUTE,
  TL_REPORT_FIELD_PATROL_KIND,
  TL_REPORT_FIELD_UNITS,
  TL_REPORT_FIELD_SOURCE,
  TL_REPORT_FIELD_CONFIDENCE,
  TL_REPORT_FIELD_BOATS,
  TL_REPORT_FIELD_PEOPLE,
  TL_REPORT_FIELD_RESCUED,
  TL_REPORT_FIELD_LANDED_UK,
  TL_REPORT_FIELD_RETURNED_FR,
  TL_REPORT_FIELD_DECEASED,
  TL_REPORT_FIELD_MISSING,
  TL_REPORT_FIELD_MEDEVAC,
  TL_REPORT_FIELD_TAXI_BOAT,
  TL_REPORT_FIELD_SHORE_ACTION,
  TL_REPORT_FIELD_BOAT_TYPE,
  TL_REPORT_FIELD_CONDITIONS,
  TL_REPORT_FIELD_OUTCOME,
  TL_REPORT_FIELD_LANDED_AT,
  TL_REPORT_FIELD_OBSERVED,
  TL_REPORT_FIELD_LINKED,
  TL_REPORT_FIELD_CASE,
  TL_REPORT_FIELD_NOTES,
  TL_REPORT_N_FIELDS
} TlReportField;

/* How a field's text is read. */
typedef enum {
  TL_REPORT_TYPE_TEXT,
  TL_REPORT_TYPE_TIME,      /* as typed, in the display zone */
  TL_REPORT_TYPE_POSITION,  /* any format tl_coordinates_parse() reads */
  TL_REPORT_TYPE_COUNT,     /* a whole number; empty when not known */
  TL_REPORT_TYPE_CHOICE,    /* one choice id, or empty */
  TL_REPORT_TYPE_CHOICES,   /* choice ids separated by commas */
  TL_REPORT_TYPE_FLAG,      /* "true" or empty */
  TL_REPORT_TYPE_LIST,      /* names, one per line */
  TL_REPORT_TYPE_ROUTE,     /* a JSON array of [longitude, latitude] */
  TL_REPORT_TYPE_IDS,       /* event numbers separated by commas or spaces */
  TL_REPORT_TYPE_ID,        /* a case number, or empty */
} TlReportType;

typedef struct {
  TlEventKind  kind;
  gint64       event_id;  /* 0 for a report not saved yet */
  gint64       revision;  /* the revision it was read at */
  char        *values[TL_REPORT_N_FIELDS]; /* never NULL */
} TlReport;

/* Fields and their choices */
TlReportType tl_report_field_get_type      (TlReportField  field);
const char  *tl_report_field_get_key       (TlReportField  field);
const char  *tl_report_field_get_label     (TlReportField  field,
                                            TlEventKind    kind);
gboolean     tl_report_field_applies       (TlReportField  field,
                                            TlEventKind    kind);
gboolean     tl_report_field_is_required   (TlReportField  field,
                                            TlEventKind    kind);
guint        tl_report_choice_count        (TlReportField  field);
const char  *tl_report_choice_get_id       (TlReportField  field,
                                            guint          index);
const char  *tl_report_choice_get_label    (TlReportField  field,
                                            guint          index);
int          tl_report_choice_find         (TlReportField  field,
                                            const char    *id);
const char * const *tl_report_default_units (void);

/* Reports */
TlReport    *tl_report_new                 (TlEventKind    kind);
TlReport    *tl_report_copy                (const TlReport *report);
void         tl_report_free                (TlReport      *report);
const char  *tl_report_get                 (const TlReport *report,
                                            TlReportField  field);
void         tl_report_set                 (TlReport      *report,
                                            TlReportField  field,
                                            const char    *value);
gboolean     tl_report_field_equal         (const TlReport *a,
                                            const TlReport *b,
                                            TlReportField  field);
gboolean     tl_report_equal               (const TlReport *a,
                                            const TlReport *b);
GArray      *tl_report_diff                (const TlReport *a,
                                            const TlReport *b);
TlReport    *tl_report_merge               (const TlReport *base,
                                            const TlReport *theirs,
                                            const TlReport *mine);
char        *tl_report_format_value        (const TlReport *report,
                                            TlReportField  field);
char        *tl_report_to_text             (const TlReport *report);

/* Drafts */
char        *tl_report_to_json             (const TlReport *report);
TlReport    *tl_report_new_from_json       (const char    *json,
                                            GError       **error);

/* Events (tl-report-event.c) */
TlReport    *tl_report_new_from_event      (TlEvent            *event,
                                            GTimeZone          *zone,
                                            TlCoordinateFormat  format);
TlReport    *tl_report_new_from_event_json (const char         *json,
                                            GTimeZone          *zone,
                                            TlCoordinateFormat  format,
                                            GError            **error);
TlReport    *tl_report_new_from_audit      (GPtrArray          *audit,
                                            gint64              revision,
                                            GTimeZone          *zone,
                                            TlCoordinateFormat  format);
GPtrArray   *tl_report_describe_changes    (const char         *before_json,
                                            const char         *after_json,
                                            GTimeZone          *zone,
                                            TlCoordinateFormat  format);

/* Validation (tl-report-validate.c) */
typedef struct {
  /* A message per field, or NULL: errors block saving, warnings do not. */
  char     *errors[TL_REPORT_N_FIELDS];
  char     *warnings[TL_REPORT_N_FIELDS];
  /* The values read, valid where the field has no error. */
  gint64    time;
  gint64    on_scene_time;          /* TL_TIME_NONE when empty */
  gint64    end_time;               /* TL_TIME_NONE when empty */
  gboolean  has_position;
  double    latitude;
  double    longitude;
  int       counts[TL_REPORT_N_FIELDS]; /* TL_COUNT_UNKNOWN when empty */
  gint64    case_id;                /* 0 for none */
} TlReportCheck;

void         tl_report_check_clear         (TlReportCheck  *check);
gboolean     tl_report_validate            (const TlReport *report,
                                            GTimeZone      *zone,
                                            gint64          reference_day_start,
                                            gint64          now,
                                            TlCoastline    *coastline,
                                            TlReportCheck  *out_check);
TlEvent     *tl_report_to_event            (const TlReport      *report,
                                            const TlReportCheck *check,
                                            TlEvent             *base);
TlEvent     *tl_report_to_event_from       (const TlReport      *report,
                                            const TlReport      *loaded,
                                            const TlReportCheck *check,
                                            TlEvent             *base);
char        *tl_report_check_describe      (const TlReport      *report,
                                            const TlReportCheck *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlReport, tl_report_free)

G_END_DECLS
