/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-event.h"

G_BEGIN_DECLS

/* Only the store sets these: they describe what is in the database. */
void tl_event_set_revision   (TlEvent    *self,
                              gint64      revision);
void tl_event_set_created    (TlEvent    *self,
                              const char *by,
                              gint64      at);
void tl_event_set_updated    (TlEvent    *self,
                              const char *by,
                              gint64      at);
/* All that a store gives an event it has just saved, in one go: a bulk add
 * gives it to 100k fresh events, which nothing listens to yet. */
void tl_event_set_saved      (TlEvent    *self,
                              gint64      id,
                              gint64      case_id,
                              gint64      revision,
                              const char *by,
                              gint64      at);

/* Every field as plain values. The store fills one per row and builds the
 * event in one go, because a query may return 100k rows and going through
 * properties (or even the notifying setters) would dominate its cost.
 * Strings are borrowed: tl_event_new_from_data() copies them,
 * tl_event_get_data() points into the event. */
typedef struct {
  gint64         id;
  TlEventKind    kind;
  gint64         time;
  gint64         end_time;
  double         latitude;
  double         longitude;
  const char    *place;
  int            boats;
  int            people;
  int            rescued;
  int            deceased;
  int            missing;
  const char    *unit;
  TlEventStatus  status;
  const char    *notes;
  gint64         case_id;
  const char    *details;
  gint64         revision;
  const char    *created_by;
  gint64         created_at;
  const char    *updated_by;
  gint64         updated_at;
} TlEventData;

TlEvent *tl_event_new_from_data (const TlEventData *data);
void     tl_event_get_data      (TlEvent           *self,
                                 TlEventData       *out_data);

/* Gives @self every field of @other, notifying what changed. The event
 * list uses it so that a row shown on screen stays the same object when
 * its record is edited (selection and bindings follow it). */
void     tl_event_assign        (TlEvent           *self,
                                 TlEvent           *other);

G_END_DECLS
