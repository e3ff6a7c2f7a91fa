/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-backend.h"

/* The backend interface's dispatch for the watch: the summary's figures,
 * the open cases and the hand-over (tl-store-watch.c, tl-handover.c). */

gboolean
tl_store_backend_summarize (TlStoreBackend  *self,
                            const TlFilter  *filter,
                            TlSummary       *out_summary,
                            GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->summarize == NULL)
    {
      tl_store_backend_set_unavailable (self, _("This operation"), error);
      return FALSE;
    }

  return klass->summarize (self, filter, out_summary, error);
}

gint64
tl_store_backend_count_open_cases (TlStoreBackend  *self,
                                   gint64           before,
                                   GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->count_open_cases == NULL)
    {
      tl_store_backend_set_unavailable (self, _("This operation"), error);
      return -1;
    }

  return klass->count_open_cases (self, before, error);
}

gint64
tl_store_backend_count_in_window (TlStoreBackend  *self,
                                  gint64           from,
                                  gint64           to,
                                  GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->count_in_window == NULL)
    {
      tl_store_backend_set_unavailable (self, _("This operation"), error);
      return -1;
    }

  return klass->count_in_window (self, from, to, error);
}

GPtrArray *
tl_store_backend_list_open_cases (TlStoreBackend  *self,
                                  gint64           now,
                                  GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_open_cases == NULL)
    {
      tl_store_backend_set_unavailable (self, _("This operation"), error);
      return NULL;
    }

  return klass->list_open_cases (self, now, error);
}

GPtrArray *
tl_store_backend_list_changes_since (TlStoreBackend  *self,
                                     gint64           since,
                                     GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_changes_since == NULL)
    {
      tl_store_backend_set_unavailable (self, _("This operation"), error);
      return NULL;
    }

  return klass->list_changes_since (self, since, error);
}
