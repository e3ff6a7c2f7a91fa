/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-event.h"

/* What happened and how far it got: stable names (stored in files), GEnum
 * types (for .ui files), translated labels and icons. */

/* The stored names are part of the file format: never change them. */
static const GEnumValue kind_values[] = {
  { TL_EVENT_KIND_DEPARTURE, "TL_EVENT_KIND_DEPARTURE", "departure" },
  { TL_EVENT_KIND_SIGHTING, "TL_EVENT_KIND_SIGHTING", "sighting" },
  { TL_EVENT_KIND_INTERCEPTION, "TL_EVENT_KIND_INTERCEPTION", "interception" },
  { TL_EVENT_KIND_RESCUE, "TL_EVENT_KIND_RESCUE", "rescue" },
  { TL_EVENT_KIND_ARRIVAL, "TL_EVENT_KIND_ARRIVAL", "arrival" },
  { TL_EVENT_KIND_PATROL, "TL_EVENT_KIND_PATROL", "patrol" },
  { 0, NULL, NULL }
};

static const GEnumValue status_values[] = {
  { TL_EVENT_STATUS_REPORTED, "TL_EVENT_STATUS_REPORTED", "reported" },
  { TL_EVENT_STATUS_CONFIRMED, "TL_EVENT_STATUS_CONFIRMED", "confirmed" },
  { TL_EVENT_STATUS_ONGOING, "TL_EVENT_STATUS_ONGOING", "ongoing" },
  { TL_EVENT_STATUS_CLOSED, "TL_EVENT_STATUS_CLOSED", "closed" },
  { 0, NULL, NULL }
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_values) == TL_EVENT_N_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (status_values) == TL_EVENT_N_STATUSES + 1);

/* Icons of Adwaita 43 (Debian 12), so no icon has to be shipped. */
static const char * const kind_icons[] = {
  [TL_EVENT_KIND_DEPARTURE] = "mark-location-symbolic",
  [TL_EVENT_KIND_SIGHTING] = "view-reveal-symbolic",
  [TL_EVENT_KIND_INTERCEPTION] = "security-high-symbolic",
  [TL_EVENT_KIND_RESCUE] = "help-browser-symbolic", /* a lifebuoy */
  [TL_EVENT_KIND_ARRIVAL] = "emoji-flags-symbolic",
  [TL_EVENT_KIND_PATROL] = "find-location-symbolic",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_icons) == TL_EVENT_N_KINDS);

GType
tl_event_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("TlEventKind"),
                                                         kind_values));

  return type_id;
}

GType
tl_event_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("TlEventStatus"),
                                                         status_values));

  return type_id;
}

/* Public API */

/**
 * tl_event_kind_to_string:
 * @kind: a #TlEventKind
 *
 * Returns: (nullable): the stable name stored in files, or %NULL if @kind
 *   is not a kind
 */
const char *
tl_event_kind_to_string (TlEventKind kind)
{
  if ((guint)kind >= TL_EVENT_N_KINDS)
    return NULL;

  return kind_values[kind].value_nick;
}

/**
 * tl_event_kind_from_string:
 * @str: (nullable): a stable kind name
 * @out_kind: (out) (optional): the kind
 *
 * Returns: %TRUE if @str names a kind
 */
gboolean
tl_event_kind_from_string (const char  *str,
                           TlEventKind *out_kind)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < TL_EVENT_N_KINDS; i++)
    {
      if (g_str_equal (str, kind_values[i].value_nick))
        {
          if (out_kind != NULL)
            *out_kind = kind_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tl_event_kind_get_label:
 * @kind: a #TlEventKind
 *
 * Returns: (transfer none): the translated name of @kind
 */
const char *
tl_event_kind_get_label (TlEventKind kind)
{
  switch (kind)
    {
    /* Translators: a kind of event: a boat leaving the coast */
    case TL_EVENT_KIND_DEPARTURE: return C_("event kind", "Departure");
    /* Translators: a kind of event: a boat seen at sea */
    case TL_EVENT_KIND_SIGHTING: return C_("event kind", "Sighting");
    /* Translators: a kind of event: a boat stopped by the authorities */
    case TL_EVENT_KIND_INTERCEPTION: return C_("event kind", "Interception");
    case TL_EVENT_KIND_RESCUE: return C_("event kind", "Rescue");
    /* Translators: a kind of event: a boat reaching the other coast */
    case TL_EVENT_KIND_ARRIVAL: return C_("event kind", "Arrival");
    case TL_EVENT_KIND_PATROL: return C_("event kind", "Patrol");
    case TL_EVENT_N_KINDS:
    default: break;
    }

  g_return_val_if_reached (NULL);
}

/**
 * tl_event_kind_get_icon_name:
 * @kind: a #TlEventKind
 *
 * Returns: (transfer none): a symbolic icon name from the Adwaita theme
 */
const char *
tl_event_kind_get_icon_name (TlEventKind kind)
{
  g_return_val_if_fail ((guint)kind < TL_EVENT_N_KINDS, NULL);

  return kind_icons[kind];
}

/**
 * tl_event_status_to_string:
 * @status: a #TlEventStatus
 *
 * Returns: (nullable): the stable name stored in files, or %NULL if
 *   @status is not a status
 */
const char *
tl_event_status_to_string (TlEventStatus status)
{
  if ((guint)status >= TL_EVENT_N_STATUSES)
    return NULL;

  return status_values[status].value_nick;
}

/**
 * tl_event_status_from_string:
 * @str: (nullable): a stable status name
 * @out_status: (out) (optional): the status
 *
 * Returns: %TRUE if @str names a status
 */
gboolean
tl_event_status_from_string (const char    *str,
                             TlEventStatus *out_status)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < TL_EVENT_N_STATUSES; i++)
    {
      if (g_str_equal (str, status_values[i].value_nick))
        {
          if (out_status != NULL)
            *out_status = status_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tl_event_status_get_label:
 * @status: a #TlEventStatus
 *
 * Returns: (transfer none): the translated name of @status
 */
const char *
tl_event_status_get_label (TlEventStatus status)
{
  switch (status)
    {
    /* Translators: an event's status: known from a single report */
    case TL_EVENT_STATUS_REPORTED: return C_("event status", "Reported");
    /* Translators: an event's status: checked by a second source */
    case TL_EVENT_STATUS_CONFIRMED: return C_("event status", "Confirmed");
    /* Translators: an event's status: still going on */
    case TL_EVENT_STATUS_ONGOING: return C_("event status", "Ongoing");
    case TL_EVENT_STATUS_CLOSED: return C_("event status", "Closed");
    case TL_EVENT_N_STATUSES:
    default: break;
    }

  g_return_val_if_reached (NULL);
}
