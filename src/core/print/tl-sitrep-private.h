/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-sitrep.h"

G_BEGIN_DECLS

/* What every paragraph reads: the reports in time order (as events and
 * as report forms), the options, and what the header decided. */
typedef struct {
  GPtrArray             *sorted;    /* TlEvent, oldest first */
  GPtrArray             *reports;   /* TlReport, the same order */
  const TlSitrepOptions *options;
  TlSitrepLanguage       language;
  TlSitrepStage          stage;
  const char            *centre;    /* upper case */
} TlSitrepContext;

const char *tl_sitrep_tr           (TlSitrepLanguage  language,
                                    const char       *context,
                                    const char       *msgid) G_GNUC_FORMAT (3);
char       *tl_sitrep_upper        (const char       *text);
char       *tl_sitrep_english_word (const char       *stable_name);
int         tl_sitrep_latest_count (GPtrArray        *sorted,
                                    int             (*get) (TlEvent *));
char       *tl_sitrep_unit_name    (const char       *stored,
                                    TlSitrepLanguage  language);
GPtrArray  *tl_sitrep_units        (GPtrArray        *reports,
                                    TlSitrepLanguage  language);

void tl_sitrep_append_identity     (GString *out, const TlSitrepContext *ctx);
void tl_sitrep_append_position     (GString *out, const TlSitrepContext *ctx);
void tl_sitrep_append_situation    (GString *out, const TlSitrepContext *ctx);
void tl_sitrep_append_persons      (GString *out, const TlSitrepContext *ctx);
void tl_sitrep_append_assistance   (GString *out, const TlSitrepContext *ctx);
void tl_sitrep_append_full_form    (GString *out, const TlSitrepContext *ctx);

G_END_DECLS
