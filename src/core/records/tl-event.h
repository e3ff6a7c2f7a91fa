/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Values are stored by name (tl_event_kind_to_string), never by number,
 * so the order here may change. */
typedef enum {
  TL_EVENT_KIND_DEPARTURE,
  TL_EVENT_KIND_SIGHTING,
  TL_EVENT_KIND_INTERCEPTION,
  TL_EVENT_KIND_RESCUE,
  TL_EVENT_KIND_ARRIVAL,
  TL_EVENT_KIND_PATROL,
  TL_EVENT_N_KINDS
} TlEventKind;

typedef enum {
  TL_EVENT_STATUS_REPORTED,
  TL_EVENT_STATUS_CONFIRMED,
  TL_EVENT_STATUS_ONGOING,
  TL_EVENT_STATUS_CLOSED,
  TL_EVENT_N_STATUSES
} TlEventStatus;

/* A count nobody knows (an estimate not given) is TL_COUNT_UNKNOWN and is
 * stored as NULL; 0 means "none". */
#define TL_COUNT_UNKNOWN (-1)
/* A time that is not set (an open-ended event has no end). */
#define TL_TIME_NONE G_MININT64

/* GEnum types, whose value nicks are the stable strings below. */
#define TL_TYPE_EVENT_KIND (tl_event_kind_get_type ())
GType       tl_event_kind_get_type     (void) G_GNUC_CONST;
#define TL_TYPE_EVENT_STATUS (tl_event_status_get_type ())
GType       tl_event_status_get_type   (void) G_GNUC_CONST;

const char *tl_event_kind_to_string    (TlEventKind kind);
gboolean    tl_event_kind_from_string  (const char  *str,
                                        TlEventKind *out_kind);
const char *tl_event_kind_get_label    (TlEventKind kind);
const char *tl_event_kind_get_icon_name (TlEventKind kind);

const char *tl_event_status_to_string   (TlEventStatus status);
gboolean    tl_event_status_from_string (const char    *str,
                                         TlEventStatus *out_status);
const char *tl_event_status_get_label   (TlEventStatus status);

#define TL_TYPE_EVENT (tl_event_get_type ())
G_DECLARE_FINAL_TYPE (TlEvent, tl_event, TL, EVENT, GObject)

TlEvent      *tl_event_new              (TlEventKind kind);
TlEvent      *tl_event_copy             (TlEvent *self);
gboolean      tl_event_equal_content    (TlEvent *a,
                                         TlEvent *b);

gint64        tl_event_get_id           (TlEvent *self);
void          tl_event_set_id           (TlEvent *self, gint64 id);
TlEventKind   tl_event_get_kind         (TlEvent *self);
void          tl_event_set_kind         (TlEvent *self, TlEventKind kind);
/* Times are seconds since the Unix epoch, UTC. */
gint64        tl_event_get_time         (TlEvent *self);
void          tl_event_set_time         (TlEvent *self, gint64 time);
gint64        tl_event_get_end_time     (TlEvent *self);
void          tl_event_set_end_time     (TlEvent *self, gint64 end_time);
gboolean      tl_event_has_position     (TlEvent *self);
double        tl_event_get_latitude     (TlEvent *self);
double        tl_event_get_longitude    (TlEvent *self);
void          tl_event_set_position     (TlEvent *self, double latitude, double longitude);
void          tl_event_clear_position   (TlEvent *self);
const char   *tl_event_get_place        (TlEvent *self);
void          tl_event_set_place        (TlEvent *self, const char *place);
int           tl_event_get_boats        (TlEvent *self);
void          tl_event_set_boats        (TlEvent *self, int boats);
int           tl_event_get_people       (TlEvent *self);
void          tl_event_set_people       (TlEvent *self, int people);
int           tl_event_get_rescued      (TlEvent *self);
void          tl_event_set_rescued      (TlEvent *self, int rescued);
int           tl_event_get_deceased     (TlEvent *self);
void          tl_event_set_deceased     (TlEvent *self, int deceased);
int           tl_event_get_missing      (TlEvent *self);
void          tl_event_set_missing      (TlEvent *self, int missing);
const char   *tl_event_get_unit         (TlEvent *self);
void          tl_event_set_unit         (TlEvent *self, const char *unit);
TlEventStatus tl_event_get_status       (TlEvent *self);
void          tl_event_set_status       (TlEvent *self, TlEventStatus status);
const char   *tl_event_get_notes        (TlEvent *self);
void          tl_event_set_notes        (TlEvent *self, const char *notes);
gint64        tl_event_get_case_id      (TlEvent *self);
void          tl_event_set_case_id      (TlEvent *self, gint64 case_id);
/* Kind-specific fields as a JSON object (text), or NULL. */
const char   *tl_event_get_details      (TlEvent *self);
void          tl_event_set_details      (TlEvent *self, const char *details_json);

/* Set by the store; read-only to everyone else. */
gint64        tl_event_get_revision     (TlEvent *self);
const char   *tl_event_get_created_by   (TlEvent *self);
gint64        tl_event_get_created_at   (TlEvent *self);
const char   *tl_event_get_updated_by   (TlEvent *self);
gint64        tl_event_get_updated_at   (TlEvent *self);

/* A JSON object of every field, used for audit rows and drafts. */
char         *tl_event_to_json          (TlEvent *self);

G_END_DECLS
