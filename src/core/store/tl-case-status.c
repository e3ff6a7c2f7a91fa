/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store.h"

/* A case's statuses: their names in the database and their labels. */

static const char * const case_statuses[] = {
  [TL_CASE_STATUS_POSSIBLE] = "possible",
  [TL_CASE_STATUS_CONFIRMED] = "confirmed",
  [TL_CASE_STATUS_DISTRESS] = "distress",
  [TL_CASE_STATUS_RESPONDING] = "responding",
  [TL_CASE_STATUS_RESCUED] = "rescued",
  [TL_CASE_STATUS_LANDED] = "landed",
  [TL_CASE_STATUS_RETURNED] = "returned",
  [TL_CASE_STATUS_CLOSED] = "closed",
};

static const char * const case_status_labels[] = {
  [TL_CASE_STATUS_POSSIBLE] = NC_("case status", "Possible"),
  [TL_CASE_STATUS_CONFIRMED] = NC_("case status", "Confirmed"),
  [TL_CASE_STATUS_DISTRESS] = NC_("case status", "In distress"),
  [TL_CASE_STATUS_RESPONDING] = NC_("case status", "Responding"),
  [TL_CASE_STATUS_RESCUED] = NC_("case status", "Rescued"),
  [TL_CASE_STATUS_LANDED] = NC_("case status", "Landed"),
  [TL_CASE_STATUS_RETURNED] = NC_("case status", "Returned"),
  [TL_CASE_STATUS_CLOSED] = NC_("case status", "Closed"),
};

/* Public API: statuses */

const char *
tl_case_status_to_string (TlCaseStatus status)
{
  g_return_val_if_fail ((guint) status < TL_CASE_N_STATUSES, NULL);
  return case_statuses[status];
}

gboolean
tl_case_status_from_string (const char   *str,
                            TlCaseStatus *out_status)
{
  for (guint i = 0; i < TL_CASE_N_STATUSES && str != NULL; i++)
    if (g_str_equal (case_statuses[i], str))
      {
        *out_status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * tl_case_status_get_label:
 *
 * Returns: the translated name of @status
 */
const char *
tl_case_status_get_label (TlCaseStatus status)
{
  g_return_val_if_fail ((guint) status < TL_CASE_N_STATUSES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "case status", case_status_labels[status]);
}

void
tl_case_free (TlCase *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self);
}
