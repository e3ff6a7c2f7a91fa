/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-store.h"

G_BEGIN_DECLS

/* What needs action now: the open cases, each as the board shows it, and
 * how urgent it is. The store fills them (tl_store_list_open_cases());
 * urgency, overdue and the next step are plain functions of a case and of
 * "now", so that a test can give any clock. */
typedef struct {
  gint64        id;
  TlCaseStatus  status;
  char         *title;          /* nullable */
  int           boats;          /* TL_COUNT_UNKNOWN if no report gives it */
  int           people;         /* the most any of its reports counts */
  gint64        opened_at;
  gint64        last_contact;   /* its latest report's time, else opened_at */
  gint64        last_event_id;  /* 0: no report */
  gboolean      has_position;
  double        latitude;
  double        longitude;
  gint64        position_time;
  char         *unit;           /* nullable: the latest report's unit */
} TlOpenCase;

void tl_open_case_free (TlOpenCase *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlOpenCase, tl_open_case_free)

/* Minutes without contact after which a case is overdue. */
typedef struct {
  int distress_minutes;
  int other_minutes;
} TlOverdueLimits;

#define TL_OVERDUE_DISTRESS_DEFAULT 30
#define TL_OVERDUE_OTHER_DEFAULT 120

gboolean    tl_open_case_is_overdue     (const TlOpenCase      *self,
                                         gint64                 now,
                                         const TlOverdueLimits *limits);
const char *tl_open_case_get_next_step  (const TlOpenCase      *self);
void        tl_open_cases_sort          (GPtrArray             *cases,
                                         gint64                 now,
                                         const TlOverdueLimits *limits);

GPtrArray  *tl_store_list_open_cases    (TlStore               *self,
                                         gint64                 now,
                                         GError               **error);
/* The same, off the caller's thread on a server (tl-store-async.c). */
void        tl_store_list_open_cases_async  (TlStore             *self,
                                             gint64               now,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray  *tl_store_list_open_cases_finish (TlStore             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
