/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "tl-event-internal.h"

/* The field setters behind every public setter: each notifies only on a
 * real change. Kept apart from the GObject (tl-event.c) and the public
 * accessors (tl-event-accessors.c), which both build on them. */

GParamSpec *tl_event_properties[TL_EVENT_N_PROPS];
static guint notify_signal_id;

void
tl_event_fields_class_init (void)
{
  notify_signal_id = g_signal_lookup ("notify", G_TYPE_OBJECT);
}

gboolean
tl_event_has_notify_handler (TlEvent *self)
{
  /* Any "notify" handler, whatever its detail. */
  return g_signal_handler_find (self, G_SIGNAL_MATCH_ID, notify_signal_id,
                                0, NULL, NULL, NULL) != 0;
}

gboolean
tl_event_same_double (double a,
                      double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);

  return a == b;
}

/* The store builds and updates events by the hundred thousand, most with
 * nobody watching: skip the notify machinery when no handler is connected
 * (GLib 2.74 does not do this by itself). */
void
tl_event_notify (TlEvent *self,
                 guint    prop_id)
{
  GParamSpec *pspec = tl_event_properties[prop_id];

  /* A handler of "notify" and one of "notify::name" are found apart. */
  if (g_signal_has_handler_pending (self, notify_signal_id, 0, TRUE) ||
      g_signal_has_handler_pending (self, notify_signal_id,
                                    g_param_spec_get_name_quark (pspec), TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
tl_event_set_int64_field (TlEvent *self,
                 gint64  *field,
                 gint64   value,
                 guint    prop_id)
{
  if (*field == value)
    return;

  *field = value;
  tl_event_notify (self, prop_id);
}

void
tl_event_set_int_field (TlEvent *self,
               int     *field,
               int      value,
               guint    prop_id)
{
  if (*field == value)
    return;

  *field = value;
  tl_event_notify (self, prop_id);
}

/* Frees one of @self's string fields, unless it is in the block it was
 * made with. */
void
tl_event_free_string (TlEvent *self,
                      char    *value)
{
  guintptr at = (guintptr) value, start = (guintptr) self->strings;

  if (self->strings != NULL && at >= start && at < start + self->strings_size)
    return;
  g_free (value);
}

void
tl_event_set_string_field (TlEvent    *self,
                  char      **field,
                  const char *value,
                  guint       prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  tl_event_free_string (self, *field);
  *field = g_strdup (value);
  tl_event_notify (self, prop_id);
}

void
tl_event_set_double_field (TlEvent *self,
                  double  *field,
                  double   value,
                  guint    prop_id)
{
  gboolean had_position;

  if (tl_event_same_double (*field, value))
    return;

  had_position = !isnan (self->latitude) && !isnan (self->longitude);
  *field = value;
  tl_event_notify (self, prop_id);

  if (had_position != (!isnan (self->latitude) && !isnan (self->longitude)))
    tl_event_notify (self, PROP_HAS_POSITION);
}
