/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-case-board.h"

/* Urgency, from the most urgent: an overdue case before any other; then,
 * among the overdue and among the others, by status, a boat in distress
 * before one being responded to, before one only seen, before people
 * rescued; then the longest silence first. */

typedef struct {
  gint64                 now;
  const TlOverdueLimits *limits;
} SortData;

/* helpers */

static int
status_rank (TlCaseStatus status)
{
  switch (status)
    {
    case TL_CASE_STATUS_DISTRESS: return 0;
    case TL_CASE_STATUS_RESPONDING: return 1;
    case TL_CASE_STATUS_CONFIRMED: return 2;
    case TL_CASE_STATUS_POSSIBLE: return 3;
    case TL_CASE_STATUS_RESCUED: return 4;
    case TL_CASE_STATUS_LANDED:
    case TL_CASE_STATUS_RETURNED:
    case TL_CASE_STATUS_CLOSED:
    case TL_CASE_N_STATUSES:
    default:
      return 5;
    }
}

static int
compare_urgency (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const TlOpenCase *x = *(const TlOpenCase * const *) a;
  const TlOpenCase *y = *(const TlOpenCase * const *) b;
  const SortData *data = user_data;
  gboolean x_late = tl_open_case_is_overdue (x, data->now, data->limits);
  gboolean y_late = tl_open_case_is_overdue (y, data->now, data->limits);

  if (x_late != y_late)
    return x_late ? -1 : 1;
  if (status_rank (x->status) != status_rank (y->status))
    return status_rank (x->status) - status_rank (y->status);
  if (x->last_contact != y->last_contact)
    return x->last_contact < y->last_contact ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* public API */

void
tl_open_case_free (TlOpenCase *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->unit);
  g_free (self);
}

/**
 * tl_open_case_is_overdue:
 * @now: the time to judge by, UTC (a test's fake clock, or the real one)
 *
 * Returns: whether nothing was heard of the case for longer than its
 *   limit: @limits' distress minutes for a case in distress, its other
 *   minutes for any other open case
 */
gboolean
tl_open_case_is_overdue (const TlOpenCase      *self,
                         gint64                 now,
                         const TlOverdueLimits *limits)
{
  int minutes;

  g_return_val_if_fail (self != NULL && limits != NULL, FALSE);

  minutes = self->status == TL_CASE_STATUS_DISTRESS ? limits->distress_minutes : limits->other_minutes;
  return now - self->last_contact > (gint64) minutes * 60;
}

/**
 * tl_open_case_get_next_step:
 *
 * Returns: what the coordinator should expect or do next for a case of
 *   this status, translated
 */
const char *
tl_open_case_get_next_step (const TlOpenCase *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->status)
    {
    case TL_CASE_STATUS_POSSIBLE: return _("Confirm the sighting");
    case TL_CASE_STATUS_CONFIRMED: return _("Keep the boat in sight; expect the next sighting");
    case TL_CASE_STATUS_DISTRESS: return _("Task a unit to the boat");
    case TL_CASE_STATUS_RESPONDING: return _("Expect the unit on scene and its rescue report");
    case TL_CASE_STATUS_RESCUED: return _("Expect the landing or the return to France");
    case TL_CASE_STATUS_LANDED:
    case TL_CASE_STATUS_RETURNED:
    case TL_CASE_STATUS_CLOSED:
    case TL_CASE_N_STATUSES:
    default:
      return _("Close the case");
    }
}

/**
 * tl_open_cases_sort:
 * @cases: (element-type TlOpenCase): open cases
 * @now: the time to judge overdue cases by, UTC
 *
 * Sorts @cases by urgency, the most urgent first.
 */
void
tl_open_cases_sort (GPtrArray             *cases,
                    gint64                 now,
                    const TlOverdueLimits *limits)
{
  SortData data = { now, limits };

  g_return_if_fail (cases != NULL && limits != NULL);

  g_ptr_array_sort_with_data (cases, compare_urgency, &data);
}
