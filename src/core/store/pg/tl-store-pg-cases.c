/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* Cases on a server: the same writes as tl-store-cases.c. Linking a
 * report locks it and is audited as an update of it. */

static const char create_case_sql[] =
  "INSERT INTO cases (status, title, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id";
static const char get_case_sql[] =
  "SELECT c.id, c.status, c.title, c.created_at, c.updated_at,"
  " (SELECT count(*) FROM events e WHERE e.case_id = c.id)"
  " FROM cases c WHERE c.id = $1";
static const char list_cases_sql[] =
  "SELECT c.id, c.status, c.title, c.created_at, c.updated_at,"
  " (SELECT count(*) FROM events e WHERE e.case_id = c.id)"
  " FROM cases c ORDER BY c.updated_at DESC, c.id DESC";
static const char set_status_sql[] =
  "UPDATE cases SET status = $2, updated_at = $3 WHERE id = $1";
static const char touch_case_sql[] =
  "UPDATE cases SET updated_at = $2 WHERE id = $1";
static const char case_events_sql[] =
  "SELECT " TL_STORE_EVENT_COLUMNS " FROM events WHERE case_id = $1 ORDER BY time, id";

/* Helpers */

static TlCase *
read_case (PGresult *result,
           int       row)
{
  TlCase *c = g_new0 (TlCase, 1);

  c->id = tl_pg_get_int64 (result, row, 0, 0);
  if (!tl_case_status_from_string (tl_pg_get_text (result, row, 1), &c->status))
    c->status = TL_CASE_STATUS_POSSIBLE;
  c->title = g_strdup (tl_pg_get_text (result, row, 2));
  c->created_at = tl_pg_get_int64 (result, row, 3, 0);
  c->updated_at = tl_pg_get_int64 (result, row, 4, 0);
  c->n_events = (guint) tl_pg_get_int64 (result, row, 5, 0);
  return c;
}

/* Sets @status (or, with NULL, only the time) of case @case_id; FALSE
 * with a not-found error if there is no such case. */
static gboolean
update_case (TlStorePg   *self,
             gint64       case_id,
             const char  *status,
             gint64       now,
             const char  *what,
             GError     **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, case_id);
  if (status != NULL)
    tl_pg_params_text (&params, status);
  tl_pg_params_int64 (&params, now);
  result = tl_pg_exec (self, status != NULL ? set_status_sql : touch_case_sql, &params, what, error);
  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQcmdTuples (result), "0"))
    {
      tl_store_set_not_found_error (what, error);
      return FALSE;
    }

  return TRUE;
}

/* Vfuncs */

static gint64
pg_create_case (TlStoreBackend  *backend,
                TlCaseStatus     status,
                const char      *title,
                GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  gint64 id = 0;

  if (!tl_pg_insert_case (self, status, title, tl_store_now (), &id, error))
    return 0;

  tl_store_backend_emit_changed (backend);
  return id;
}

static TlCase *
pg_get_case (TlStoreBackend  *backend,
             gint64           case_id,
             GError         **error)
{
  const char *what = _("Could not open the case");
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, case_id);
  result = tl_pg_exec (TL_STORE_PG (backend), get_case_sql, &params, what, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      tl_store_set_not_found_error (what, error);
      return NULL;
    }

  return read_case (result, 0);
}

static GPtrArray *
pg_list_cases (TlStoreBackend  *backend,
               GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *cases;

  result = tl_pg_exec (TL_STORE_PG (backend), list_cases_sql, NULL,
                       _("Could not read the cases"), error);
  if (result == NULL)
    return NULL;

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_case_free);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (cases, read_case (result, i));

  return cases;
}

static gboolean
pg_set_case_status (TlStoreBackend  *backend,
                    gint64           case_id,
                    TlCaseStatus     status,
                    GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);

  if (!update_case (self, case_id, tl_case_status_to_string (status), tl_store_now (),
                    _("Could not change the status of the case"), error))
    return FALSE;

  tl_store_backend_emit_changed (backend);
  return TRUE;
}

static gboolean
pg_link_event (TlStoreBackend  *backend,
               gint64           event_id,
               gint64           case_id,
               const char      *operator_name,
               GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = case_id > 0 ? _("Could not add the report to the case")
                                 : _("Could not take the report out of its case");
  g_autoptr(TlEvent) event = NULL;
  gint64 now = tl_store_now ();
  gint64 old_case, id = 0;

  if (!tl_pg_begin (self, error))
    return FALSE;

  event = tl_pg_read_locked (self, event_id, what, error);
  if (event == NULL)
    goto failed;

  old_case = tl_event_get_case_id (event);
  if (old_case == case_id)
    {
      tl_pg_rollback (self);
      return TRUE;
    }

  /* Out of its case: the write below keeps the event's own case_id. */
  tl_event_set_case_id (event, case_id);
  if (!tl_pg_write_event (self, event, FALSE, 0, operator_name, now, &id, error))
    goto failed;
  /* Both cases changed: the one left (unless deleted meanwhile) and the
   * one joined. */
  if (case_id > 0 && !update_case (self, case_id, NULL, now, what, error))
    goto failed;
  if (old_case > 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (!update_case (self, old_case, NULL, now, what, &local_error) &&
          !g_error_matches (local_error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
    }
  if (!tl_pg_commit (self, what, error))
    goto failed;

  tl_store_backend_emit_changed (backend);
  return TRUE;

failed:
  tl_pg_rollback (self);
  return FALSE;
}

static GPtrArray *
pg_list_case_events (TlStoreBackend  *backend,
                     gint64           case_id,
                     GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *events;

  tl_pg_params_init (&params);
  tl_pg_params_int64 (&params, case_id);
  result = tl_pg_exec (TL_STORE_PG (backend), case_events_sql, &params,
                       _("Could not read the events"), error);
  if (result == NULL)
    return NULL;

  events = g_ptr_array_new_full (PQntuples (result), g_object_unref);
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (events, tl_pg_read_event (result, i));

  return events;
}

/* A report saved with its case in one transaction: into a new case
 * (@case_id 0), or with a new status for its case. */
static gboolean
pg_save_event_in_case (TlStoreBackend  *backend,
                       TlEvent         *event,
                       gboolean         is_new,
                       gint64           case_id,
                       TlCaseStatus     case_status,
                       const char      *case_title,
                       const char      *operator_name,
                       GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not save the event");
  gint64 now = tl_store_now ();
  gint64 id = 0;

  if (!tl_pg_begin (self, error))
    return FALSE;

  if (case_id == 0)
    {
      if (!tl_pg_insert_case (self, case_status, case_title, now, &case_id, error))
        goto failed;
    }
  else if (!update_case (self, case_id, tl_case_status_to_string (case_status), now,
                         _("Could not change the status of the case"), error))
    goto failed;

  if (!tl_pg_write_event (self, event, is_new, case_id, operator_name, now, &id, error) ||
      !tl_pg_commit (self, what, error))
    goto failed;

  tl_pg_event_saved (self, event, is_new, id, case_id, operator_name, now);
  return TRUE;

failed:
  tl_pg_rollback (self);
  return FALSE;
}

/* Private API */

gboolean
tl_pg_insert_case (TlStorePg     *self,
                   TlCaseStatus   status,
                   const char    *title,
                   gint64         now,
                   gint64        *out_id,
                   GError       **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, tl_case_status_to_string (status));
  tl_pg_params_text (&params, title);
  tl_pg_params_int64 (&params, now);
  result = tl_pg_exec (self, create_case_sql, &params, _("Could not create the case"), error);
  if (result == NULL)
    return FALSE;

  *out_id = tl_pg_get_int64 (result, 0, 0, 0);
  return TRUE;
}

void
tl_pg_cases_class_init (TlStoreBackendClass *klass)
{
  klass->create_case = pg_create_case;
  klass->get_case = pg_get_case;
  klass->list_cases = pg_list_cases;
  klass->set_case_status = pg_set_case_status;
  klass->link_event = pg_link_event;
  klass->list_case_events = pg_list_case_events;
  klass->save_event_in_case = pg_save_event_in_case;
}
