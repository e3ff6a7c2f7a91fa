/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-filter.h"
#include "tl-time.h"

#define HOUR G_GINT64_CONSTANT (3600)

/* helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* public API: window presets */

/**
 * tl_window_preset_get_label:
 *
 * Returns: the translated name of @preset, for menus and chips.
 */
const char *
tl_window_preset_get_label (TlWindowPreset preset)
{
  switch (preset)
    {
    case TL_WINDOW_PRESET_DAY:
      return _("Day");
    case TL_WINDOW_PRESET_LAST_6_HOURS:
      return _("Last 6 Hours");
    case TL_WINDOW_PRESET_LAST_24_HOURS:
      return _("Last 24 Hours");
    case TL_WINDOW_PRESET_LAST_3_DAYS:
      return _("Last 3 Days");
    case TL_WINDOW_PRESET_CUSTOM:
      return _("Custom Range");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *preset_names[] = {
  "day", "last-6-hours", "last-24-hours", "last-3-days", "custom",
};

/**
 * tl_window_preset_to_string:
 *
 * Returns: the stable name of @preset, as action targets use it.
 */
const char *
tl_window_preset_to_string (TlWindowPreset preset)
{
  g_return_val_if_fail (preset <= TL_WINDOW_PRESET_CUSTOM, NULL);

  return preset_names[preset];
}

gboolean
tl_window_preset_from_string (const char     *str,
                              TlWindowPreset *out_preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (preset_names); i++)
    if (g_strcmp0 (str, preset_names[i]) == 0)
      {
        *out_preset = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * tl_window_preset_range:
 * @preset: a preset other than %TL_WINDOW_PRESET_CUSTOM
 * @zone: the display zone, whose local days the day presets use
 * @now: the current time, UTC seconds
 * @out_from: (out): first second of the window, UTC
 * @out_to: (out): the second after the window, UTC
 *
 * Hour presets end one second after @now, so that a report entered this
 * very second is in them. %TL_WINDOW_PRESET_CUSTOM has no range of its
 * own: it gives today, as the starting point of the range editor.
 */
void
tl_window_preset_range (TlWindowPreset  preset,
                        GTimeZone      *zone,
                        gint64          now,
                        gint64         *out_from,
                        gint64         *out_to)
{
  gint64 day_from, day_to;

  g_return_if_fail (zone != NULL);
  g_return_if_fail (out_from != NULL && out_to != NULL);

  tl_time_day_range_at (zone, now, &day_from, &day_to);

  switch (preset)
    {
    case TL_WINDOW_PRESET_LAST_6_HOURS:
      *out_from = now + 1 - 6 * HOUR;
      *out_to = now + 1;
      break;

    case TL_WINDOW_PRESET_LAST_24_HOURS:
      *out_from = now + 1 - 24 * HOUR;
      *out_to = now + 1;
      break;

    case TL_WINDOW_PRESET_LAST_3_DAYS:
      /* Calendar days, not 72 hours: a shift reads "since Tuesday". */
      *out_from = tl_time_shift_days (zone, day_from, -2);
      *out_to = day_to;
      break;

    case TL_WINDOW_PRESET_DAY:
    case TL_WINDOW_PRESET_CUSTOM:
    default:
      *out_from = day_from;
      *out_to = day_to;
      break;
    }
}

/**
 * tl_window_is_whole_days:
 * @zone: the display zone
 * @from: first second of a window, UTC
 * @to: the second after it
 * @out_n_days: (out) (optional): how many local days it spans
 *
 * Returns: whether [@from, @to) starts and ends at local midnights.
 */
gboolean
tl_window_is_whole_days (GTimeZone *zone,
                         gint64     from,
                         gint64     to,
                         int       *out_n_days)
{
  gint64 day_from, day_to, t;
  int n = 0;

  g_return_val_if_fail (zone != NULL, FALSE);

  if (to <= from)
    return FALSE;

  tl_time_day_range_at (zone, from, &day_from, &day_to);
  if (day_from != from)
    return FALSE;

  /* A window is at most a few months long: walking it day by day is
   * cheap and exact across clock changes. */
  for (t = from; t < to && n <= 3660; n++)
    t = tl_time_shift_days (zone, t, 1);

  if (t != to)
    return FALSE;

  if (out_n_days != NULL)
    *out_n_days = n;

  return TRUE;
}

/**
 * tl_window_shift:
 * @zone: the display zone
 * @from: first second of the window, UTC
 * @to: the second after it
 * @direction: -1 for the window before, 1 for the window after
 * @out_from: (out): the neighbouring window's first second
 * @out_to: (out): the second after it
 *
 * The window of equal length next to [@from, @to): for a window of whole
 * local days, the same number of calendar days (yesterday is the day
 * before today even when one of them lasts 23 hours); otherwise the same
 * number of seconds.
 */
void
tl_window_shift (GTimeZone *zone,
                 gint64     from,
                 gint64     to,
                 int        direction,
                 gint64    *out_from,
                 gint64    *out_to)
{
  int n_days;

  g_return_if_fail (zone != NULL);
  g_return_if_fail (direction == -1 || direction == 1);
  g_return_if_fail (out_from != NULL && out_to != NULL);

  if (tl_window_is_whole_days (zone, from, to, &n_days))
    {
      *out_from = tl_time_shift_days (zone, from, direction * n_days);
      *out_to = tl_time_shift_days (zone, to, direction * n_days);
      return;
    }

  *out_from = from + direction * (to - from);
  *out_to = to + direction * (to - from);
}

/* public API: filters */

G_DEFINE_BOXED_TYPE (TlFilter, tl_filter, tl_filter_copy, tl_filter_free)

/**
 * tl_filter_new:
 * @from: first second of the window, UTC
 * @to: the second after the window, UTC
 *
 * Returns: (transfer full): a filter that keeps every event of the window
 */
TlFilter *
tl_filter_new (gint64 from,
               gint64 to)
{
  TlFilter *filter = g_new0 (TlFilter, 1);

  filter->from = from;
  filter->to = to;

  return filter;
}

/**
 * tl_filter_copy:
 *
 * Returns: (transfer full): a deep copy of @filter
 */
TlFilter *
tl_filter_copy (const TlFilter *filter)
{
  TlFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->unit = g_strdup (filter->unit);
  copy->text = g_strdup (filter->text);

  return copy;
}

void
tl_filter_free (TlFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->unit);
  g_free (filter->text);
  g_free (filter);
}

/**
 * tl_filter_equal:
 *
 * Returns: whether @a and @b keep the same events.
 */
gboolean
tl_filter_equal (const TlFilter *a,
                 const TlFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->from == b->from && a->to == b->to &&
         a->kinds == b->kinds && a->statuses == b->statuses &&
         g_strcmp0 (a->unit, b->unit) == 0 &&
         g_strcmp0 (a->text, b->text) == 0;
}

/**
 * tl_filter_set_unit:
 * @unit: (nullable): a unit name; %NULL or "" for every unit
 */
void
tl_filter_set_unit (TlFilter   *filter,
                    const char *unit)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->unit);
  filter->unit = (unit != NULL && *unit != '\0') ? g_strdup (unit) : NULL;
}

/**
 * tl_filter_set_text:
 * @text: (nullable): words as typed; blank means no text criterion
 */
void
tl_filter_set_text (TlFilter   *filter,
                    const char *text)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->text);
  filter->text = is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

gboolean
tl_filter_has_text (const TlFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->text != NULL;
}

/**
 * tl_filter_has_criteria:
 *
 * Returns: whether @filter keeps fewer than all the events of its window
 *   (what the "Clear all" button clears).
 */
gboolean
tl_filter_has_criteria (const TlFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->kinds != 0 || filter->statuses != 0 ||
         filter->unit != NULL || filter->text != NULL;
}

/**
 * tl_filter_matches_kind_status:
 *
 * Returns: whether @event passes the kind and status criteria; the
 *   window, unit and words are the store's to check.
 */
gboolean
tl_filter_matches_kind_status (const TlFilter *filter,
                               TlEvent        *event)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (TL_IS_EVENT (event), FALSE);

  if (filter->kinds != 0 && !(filter->kinds & (1u << tl_event_get_kind (event))))
    return FALSE;
  if (filter->statuses != 0 && !(filter->statuses & (1u << tl_event_get_status (event))))
    return FALSE;

  return TRUE;
}
