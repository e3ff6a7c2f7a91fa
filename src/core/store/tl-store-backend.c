/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-backend.h"
#include "tl-store-private.h"

/* The backend interface's dispatch: one function per operation, which
 * refuses the operations a backend does not have yet in words an
 * operator understands. */

typedef struct
{
  /* borrowed: the store owns the backend */
  TlStore *store;
} TlStoreBackendPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TlStoreBackend, tl_store_backend, G_TYPE_OBJECT)

static void
tl_store_backend_class_init (TlStoreBackendClass *klass)
{
}

static void
tl_store_backend_init (TlStoreBackend *self)
{
}

void
tl_store_backend_set_store (TlStoreBackend *self,
                            TlStore        *store)
{
  TlStoreBackendPrivate *priv = tl_store_backend_get_instance_private (self);

  priv->store = store;
}

TlStore *
tl_store_backend_get_store (TlStoreBackend *self)
{
  TlStoreBackendPrivate *priv = tl_store_backend_get_instance_private (self);

  return priv->store;
}

/* After a committed write: the views re-read what they show. */
void
tl_store_backend_emit_changed (TlStoreBackend *self)
{
  TlStoreBackendPrivate *priv = tl_store_backend_get_instance_private (self);

  if (priv->store != NULL)
    tl_store_emit_events_changed (priv->store);
}

/* @what: the operation, translated, as the start of a sentence. */
void
tl_store_backend_set_unavailable (TlStoreBackend  *self,
                                  const char      *what,
                                  GError         **error)
{
  /* Translators: %s is an operation such as "Importing official
   * statistics" */
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FAILED,
               _("%s is not available on a shared server yet; "
                 "use a database file for it"), what);
}

gboolean
tl_store_backend_check_for_changes (TlStoreBackend *self)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  return klass->check_for_changes != NULL && klass->check_for_changes (self);
}

const char *
tl_store_backend_get_display_name (TlStoreBackend *self)
{
  return TL_STORE_BACKEND_GET_CLASS (self)->get_display_name (self);
}

/* Operations */

gint64
tl_store_backend_count_events (TlStoreBackend  *self,
                               GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->count_events == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Counting the reports"), error);
      return -1;
    }

  return klass->count_events (self, error);
}

gboolean
tl_store_backend_add_event (TlStoreBackend  *self,
                            TlEvent         *event,
                            const char      *operator_name,
                            GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->add_event == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Saving a report"), error);
      return FALSE;
    }

  return klass->add_event (self, event, operator_name, error);
}

gboolean
tl_store_backend_update_event (TlStoreBackend  *self,
                               TlEvent         *event,
                               const char      *operator_name,
                               GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->update_event == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Saving a report"), error);
      return FALSE;
    }

  return klass->update_event (self, event, operator_name, error);
}

gboolean
tl_store_backend_delete_event (TlStoreBackend  *self,
                               gint64           event_id,
                               gint64           expected_revision,
                               const char      *operator_name,
                               GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->delete_event == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Deleting a report"), error);
      return FALSE;
    }

  return klass->delete_event (self, event_id, expected_revision, operator_name, error);
}

gboolean
tl_store_backend_restore_event (TlStoreBackend  *self,
                                TlEvent         *event,
                                const char      *operator_name,
                                GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->restore_event == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Restoring a report"), error);
      return FALSE;
    }

  return klass->restore_event (self, event, operator_name, error);
}

TlEvent *
tl_store_backend_get_event (TlStoreBackend  *self,
                            gint64           event_id,
                            GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->get_event == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Opening a report"), error);
      return NULL;
    }

  return klass->get_event (self, event_id, error);
}

GPtrArray *
tl_store_backend_list_events (TlStoreBackend  *self,
                              gint64           from,
                              gint64           to,
                              GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_events == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading the reports"), error);
      return NULL;
    }

  return klass->list_events (self, from, to, error);
}

GPtrArray *
tl_store_backend_list_audit (TlStoreBackend  *self,
                             gint64           event_id,
                             GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_audit == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading the history of a report"), error);
      return NULL;
    }

  return klass->list_audit (self, event_id, error);
}

GPtrArray *
tl_store_backend_list_places (TlStoreBackend  *self,
                              GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_places == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading the list of places"), error);
      return NULL;
    }

  return klass->list_places (self, error);
}

GArray *
tl_store_backend_search_events (TlStoreBackend  *self,
                                const char      *text,
                                GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->search_events == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Searching the reports"), error);
      return NULL;
    }

  return klass->search_events (self, text, error);
}

gboolean
tl_store_backend_count_import_keys (TlStoreBackend  *self,
                                    GPtrArray       *import_keys,
                                    guint           *out_n_known,
                                    GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->count_import_keys == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Checking an import"), error);
      return FALSE;
    }

  return klass->count_import_keys (self, import_keys, out_n_known, error);
}

gpointer
tl_store_backend_bulk_begin (TlStoreBackend  *self,
                             gboolean         keyed,
                             const char      *operator_name,
                             const char      *source,
                             GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->bulk_begin == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Importing reports"), error);
      return NULL;
    }

  return klass->bulk_begin (self, keyed, operator_name, source, error);
}

gboolean
tl_store_backend_bulk_add (TlStoreBackend  *self,
                           gpointer         bulk,
                           GPtrArray       *events,
                           const guint8    *key_digests,
                           GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->bulk_add == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Importing reports"), error);
      return FALSE;
    }

  return klass->bulk_add (self, bulk, events, key_digests, error);
}

gboolean
tl_store_backend_bulk_add_in_cases (TlStoreBackend      *self,
                                    gpointer             bulk,
                                    GPtrArray           *events,
                                    const int           *case_of_event,
                                    const TlCaseStatus  *case_statuses,
                                    guint                n_cases,
                                    GError             **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->bulk_add_in_cases == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Importing reports"), error);
      return FALSE;
    }

  return klass->bulk_add_in_cases (self, bulk, events, case_of_event, case_statuses, n_cases, error);
}

gboolean
tl_store_backend_bulk_commit (TlStoreBackend  *self,
                              gpointer         bulk,
                              guint           *out_n_added,
                              guint           *out_n_skipped,
                              GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->bulk_commit == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Importing reports"), error);
      return FALSE;
    }

  return klass->bulk_commit (self, bulk, out_n_added, out_n_skipped, error);
}

GPtrArray *
tl_store_backend_query_events (TlStoreBackend  *self,
                               const TlFilter  *filter,
                               GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->query_events == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Filtering the reports"), error);
      return NULL;
    }

  return klass->query_events (self, filter, error);
}

gboolean
tl_store_backend_import_statistics (TlStoreBackend  *self,
                                    GArray          *days,
                                    const char      *source,
                                    GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->import_statistics == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Importing official statistics"), error);
      return FALSE;
    }

  return klass->import_statistics (self, days, source, error);
}

GArray *
tl_store_backend_list_statistics (TlStoreBackend  *self,
                                  const char      *first_date,
                                  const char      *last_date,
                                  GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_statistics == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading official statistics"), error);
      return NULL;
    }

  return klass->list_statistics (self, first_date, last_date, error);
}

gboolean
tl_store_backend_import_statistics_weeks (TlStoreBackend  *self,
                                          GArray          *weeks,
                                          const char      *source,
                                          GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->import_statistics_weeks == NULL)
    {
      tl_store_backend_set_unavailable (self, _("Importing official statistics"), error);
      return FALSE;
    }

  return klass->import_statistics_weeks (self, weeks, source, error);
}

GArray *
tl_store_backend_list_statistics_weeks (TlStoreBackend  *self,
                                        const char      *first_date,
                                        const char      *last_date,
                                        GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_statistics_weeks == NULL)
    {
      tl_store_backend_set_unavailable (self, _("Reading official statistics"), error);
      return NULL;
    }

  return klass->list_statistics_weeks (self, first_date, last_date, error);
}

TlTrend *
tl_store_backend_daily_counts (TlStoreBackend  *self,
                               gint64           from,
                               gint64           to,
                               GTimeZone       *zone,
                               GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->daily_counts == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Counting the reports of each day"), error);
      return NULL;
    }

  return klass->daily_counts (self, from, to, zone, error);
}

GStrv
tl_store_backend_list_units (TlStoreBackend  *self,
                             GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_units == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading the list of units"), error);
      return NULL;
    }

  return klass->list_units (self, error);
}

gboolean
tl_store_backend_add_unit (TlStoreBackend  *self,
                           const char      *name,
                           GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->add_unit == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Adding a unit"), error);
      return FALSE;
    }

  return klass->add_unit (self, name, error);
}

gboolean
tl_store_backend_add_place (TlStoreBackend  *self,
                            const char      *name,
                            double           latitude,
                            double           longitude,
                            GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->add_place == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Adding a place"), error);
      return FALSE;
    }

  return klass->add_place (self, name, latitude, longitude, error);
}

gboolean
tl_store_backend_save_draft (TlStoreBackend  *self,
                             TlEventKind      kind,
                             gint64           event_id,
                             const char      *operator_name,
                             const char      *content,
                             GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->save_draft == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Keeping a draft"), error);
      return FALSE;
    }

  return klass->save_draft (self, kind, event_id, operator_name, content, error);
}

TlDraft *
tl_store_backend_get_draft (TlStoreBackend  *self,
                            TlEventKind      kind,
                            gint64           event_id,
                            GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->get_draft == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading a draft"), error);
      return NULL;
    }

  return klass->get_draft (self, kind, event_id, error);
}

gboolean
tl_store_backend_delete_draft (TlStoreBackend  *self,
                               TlEventKind      kind,
                               gint64           event_id,
                               GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->delete_draft == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Deleting a draft"), error);
      return FALSE;
    }

  return klass->delete_draft (self, kind, event_id, error);
}

gint64
tl_store_backend_create_case (TlStoreBackend  *self,
                              TlCaseStatus     status,
                              const char      *title,
                              GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->create_case == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Creating a case"), error);
      return 0;
    }

  return klass->create_case (self, status, title, error);
}

TlCase *
tl_store_backend_get_case (TlStoreBackend  *self,
                           gint64           case_id,
                           GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->get_case == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Opening a case"), error);
      return NULL;
    }

  return klass->get_case (self, case_id, error);
}

GPtrArray *
tl_store_backend_list_cases (TlStoreBackend  *self,
                             GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_cases == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading the cases"), error);
      return NULL;
    }

  return klass->list_cases (self, error);
}

gboolean
tl_store_backend_set_case_status (TlStoreBackend  *self,
                                  gint64           case_id,
                                  TlCaseStatus     status,
                                  GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->set_case_status == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Changing the status of a case"), error);
      return FALSE;
    }

  return klass->set_case_status (self, case_id, status, error);
}

gboolean
tl_store_backend_link_event (TlStoreBackend  *self,
                             gint64           event_id,
                             gint64           case_id,
                             const char      *operator_name,
                             GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->link_event == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Putting a report into a case"), error);
      return FALSE;
    }

  return klass->link_event (self, event_id, case_id, operator_name, error);
}

GPtrArray *
tl_store_backend_list_case_events (TlStoreBackend  *self,
                                   gint64           case_id,
                                   GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->list_case_events == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Reading the reports of a case"), error);
      return NULL;
    }

  return klass->list_case_events (self, case_id, error);
}

gboolean
tl_store_backend_save_event_in_case (TlStoreBackend  *self,
                                     TlEvent         *event,
                                     gboolean         is_new,
                                     gint64           case_id,
                                     TlCaseStatus     case_status,
                                     const char      *case_title,
                                     const char      *operator_name,
                                     GError         **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->save_event_in_case == NULL)
    {
      /* Translators: an operation, in “%s is not available on a shared
       * server yet” */
      tl_store_backend_set_unavailable (self, _("Saving a report with its case"), error);
      return FALSE;
    }

  return klass->save_event_in_case (self, event, is_new, case_id, case_status, case_title, operator_name, error);
}

void
tl_store_backend_bulk_abort (TlStoreBackend *self,
                             gpointer        bulk)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->bulk_abort != NULL)
    klass->bulk_abort (self, bulk);
}

gboolean
tl_store_backend_read_tables (TlStoreBackend     *self,
                              const TlCopyTable  *tables,
                              guint               n_tables,
                              GPtrArray         **out_values,
                              GError            **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->read_tables == NULL)
    {
      tl_store_backend_set_unavailable (self, _("Copying a database"), error);
      return FALSE;
    }

  return klass->read_tables (self, tables, n_tables, out_values, error);
}

gboolean
tl_store_backend_write_tables (TlStoreBackend     *self,
                               const TlCopyTable  *tables,
                               guint               n_tables,
                               GPtrArray         **values,
                               GError            **error)
{
  TlStoreBackendClass *klass = TL_STORE_BACKEND_GET_CLASS (self);

  if (klass->write_tables == NULL)
    {
      tl_store_backend_set_unavailable (self, _("Copying a database"), error);
      return FALSE;
    }

  return klass->write_tables (self, tables, n_tables, values, error);
}
