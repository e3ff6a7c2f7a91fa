/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-event.h"
#include "tl-store.h"

G_BEGIN_DECLS

/* A search and rescue situation report (SITREP) in the layout of the
 * IAMSAR Manual, Volume II: transmission priority, date-time group, FROM,
 * TO and the SITREP's number, then the short-form paragraphs A to F and,
 * in the full form, G to N (IAMSAR skips I). It is a pure function of the events, so the text
 * can be checked word for word in tests and is the same in the window
 * and from the command line. No personal data goes in: a casualty is a
 * boat and a number of people. */

typedef enum {
  TL_SITREP_STAGE_AUTO,        /* FINAL once the case is concluded, else INITIAL for number 1 */
  TL_SITREP_STAGE_INITIAL,
  TL_SITREP_STAGE_SUBSEQUENT,
  TL_SITREP_STAGE_FINAL,
} TlSitrepStage;

/* The short form passes the urgent essentials (A to F); the full form
 * adds the amplifying paragraphs G to N. */
typedef enum {
  TL_SITREP_FORM_SHORT,
  TL_SITREP_FORM_FULL,
} TlSitrepForm;

typedef enum {
  TL_SITREP_PRIORITY_AUTO,     /* DISTRESS, URGENCY or ROUTINE from the case */
  TL_SITREP_PRIORITY_DISTRESS,
  TL_SITREP_PRIORITY_URGENCY,
  TL_SITREP_PRIORITY_SAFETY,
  TL_SITREP_PRIORITY_ROUTINE,
} TlSitrepPriority;

/* IAMSAR traffic between centres is in English, the Manual's standard
 * format; a SITREP for local use may follow the interface instead. */
typedef enum {
  TL_SITREP_LANGUAGE_ENGLISH,    /* whatever the locale */
  TL_SITREP_LANGUAGE_INTERFACE,  /* through gettext */
} TlSitrepLanguage;

/* The centres that coordinate Channel crossings; overridable. */
#define TL_SITREP_DEFAULT_CENTRE "CROSS Gris-Nez / HMCG Dover"
/* A SITREP on a Channel crossing goes to both sides' centres. */
#define TL_SITREP_DEFAULT_ADDRESSEES "CROSS Gris-Nez, MRCC Dover"

/**
 * TlSitrepOptions:
 * @number: the SITREP's number in the series for this case, from 1
 * @stage: initial, subsequent or final; %TL_SITREP_STAGE_AUTO decides from
 *   @number and the reports' status
 * @centre: (nullable): the coordinating centre; %NULL is
 *   %TL_SITREP_DEFAULT_CENTRE
 * @case_id: the case the events belong to, or 0 for a single report
 * @case_title: (nullable): the case's title
 * @created_at: the message's date-time group, UTC seconds; 0 is now
 * @language: English (the default) or the interface language
 * @form: short (A to F, the default) or full (A to N)
 * @priority: the transmission priority; %TL_SITREP_PRIORITY_AUTO decides
 *   from the case
 * @to: (nullable): the addressees; %NULL is %TL_SITREP_DEFAULT_ADDRESSEES
 * @assistance: (nullable): what assistance is required (paragraph E)
 * @has_case_status: whether @case_status is known
 * @case_status: the case's status, which decides the stage when
 *   @has_case_status
 *
 * Strings are borrowed. Initialise with tl_sitrep_options_init().
 */
typedef struct {
  guint             number;
  TlSitrepStage     stage;
  const char       *centre;
  gint64            case_id;
  const char       *case_title;
  gint64            created_at;
  TlSitrepLanguage  language;
  TlSitrepForm      form;
  TlSitrepPriority  priority;
  const char       *to;
  const char       *assistance;
  gboolean          has_case_status;
  TlCaseStatus      case_status;
} TlSitrepOptions;

void         tl_sitrep_options_init         (TlSitrepOptions       *options);
const char  *tl_sitrep_language_to_string   (TlSitrepLanguage       language);
gboolean     tl_sitrep_language_from_string (const char            *str,
                                             TlSitrepLanguage      *out_language);
char        *tl_sitrep_format_dtg           (gint64                 utc);
gboolean     tl_sitrep_form_from_string     (const char            *str,
                                             TlSitrepForm          *out_form);
gboolean     tl_sitrep_priority_from_string (const char            *str,
                                             TlSitrepPriority      *out_priority);
TlSitrepStage tl_sitrep_decide_stage        (GPtrArray             *events,
                                             const TlSitrepOptions *options);
gboolean     tl_sitrep_final_is_premature   (GPtrArray             *events,
                                             const TlSitrepOptions *options);
char        *tl_sitrep_build                (GPtrArray             *events,
                                             const TlSitrepOptions *options);

G_END_DECLS
