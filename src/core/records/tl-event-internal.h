/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-event-private.h"

G_BEGIN_DECLS

/* Shared by tl-event.c (the GObject) and tl-event-accessors.c (getters and
 * setters) only: nothing else sees the record's fields. */

/* One record of the log: something that happened at sea or on the coast.
 * It counts people, it never identifies them: there is no name field, and
 * there must never be one. */
struct _TlEvent
{
  GObject        parent_instance;

  gint64         id;
  TlEventKind    kind;
  gint64         time;
  gint64         end_time;
  double         latitude;
  double         longitude;
  int            boats;
  int            people;
  int            rescued;
  int            deceased;
  int            missing;
  TlEventStatus  status;
  gint64         case_id;
  gint64         revision;
  gint64         created_at;
  gint64         updated_at;

  /* owned: each alone, or inside strings */
  char          *place;
  char          *unit;
  char          *notes;
  char          *details;
  char          *created_by;
  char          *updated_by;

  /* The strings an event was made with, in one block (@strings_size
   * bytes): an import makes a hundred thousand events, and one
   * allocation each, not six, saves the threads that check a file the
   * allocator's time, and the next import the small blocks they left. */
  char          *strings;
  gsize          strings_size;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TIME,
  PROP_END_TIME,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_HAS_POSITION,
  PROP_PLACE,
  PROP_BOATS,
  PROP_PEOPLE,
  PROP_RESCUED,
  PROP_DECEASED,
  PROP_MISSING,
  PROP_UNIT,
  PROP_STATUS,
  PROP_NOTES,
  PROP_CASE_ID,
  PROP_DETAILS,
  PROP_REVISION,
  PROP_CREATED_BY,
  PROP_CREATED_AT,
  PROP_UPDATED_BY,
  PROP_UPDATED_AT,
  TL_EVENT_N_PROPS
};

extern GParamSpec *tl_event_properties[TL_EVENT_N_PROPS];

/* tl-event-fields.c */
void     tl_event_fields_class_init  (void);
gboolean tl_event_has_notify_handler (TlEvent     *self);
/* NaN never equals itself, but two unknown coordinates are the same. */
gboolean tl_event_same_double        (double       a,
                                      double       b);
void tl_event_notify           (TlEvent     *self,
                                guint        prop_id);
void tl_event_set_int64_field  (TlEvent     *self,
                                gint64      *field,
                                gint64       value,
                                guint        prop_id);
void tl_event_set_int_field    (TlEvent     *self,
                                int         *field,
                                int          value,
                                guint        prop_id);
void tl_event_free_string      (TlEvent     *self,
                                char        *value);
void tl_event_set_string_field (TlEvent     *self,
                                char       **field,
                                const char  *value,
                                guint        prop_id);
void tl_event_set_double_field (TlEvent     *self,
                                double      *field,
                                double       value,
                                guint        prop_id);

G_END_DECLS
