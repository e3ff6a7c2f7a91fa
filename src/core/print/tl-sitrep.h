/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tl-event.h"

G_BEGIN_DECLS

/* A search and rescue situation report (SITREP) in the layout of the
 * IAMSAR Manual, Volume II: an identity line, then the short-form
 * paragraphs A to F. It is a pure function of the events, so the text
 * can be checked word for word in tests and is the same in the window
 * and from the command line. No personal data goes in: a casualty is a
 * boat and a number of people. */

typedef enum {
  TL_SITREP_STAGE_AUTO,        /* INITIAL for number 1, FINAL once every report is closed */
  TL_SITREP_STAGE_INITIAL,
  TL_SITREP_STAGE_SUBSEQUENT,
  TL_SITREP_STAGE_FINAL,
} TlSitrepStage;

/* IAMSAR traffic between centres is in English, the Manual's standard
 * format; a SITREP for local use may follow the interface instead. */
typedef enum {
  TL_SITREP_LANGUAGE_ENGLISH,    /* whatever the locale */
  TL_SITREP_LANGUAGE_INTERFACE,  /* through gettext */
} TlSitrepLanguage;

/* The centres that coordinate Channel crossings; overridable. */
#define TL_SITREP_DEFAULT_CENTRE "CROSS Gris-Nez / HMCG Dover"

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
} TlSitrepOptions;

void         tl_sitrep_options_init         (TlSitrepOptions       *options);
const char  *tl_sitrep_language_to_string   (TlSitrepLanguage       language);
gboolean     tl_sitrep_language_from_string (const char            *str,
                                             TlSitrepLanguage      *out_language);
char        *tl_sitrep_format_dtg           (gint64                 utc);
char        *tl_sitrep_build                (GPtrArray             *events,
                                             const TlSitrepOptions *options);

G_END_DECLS
