/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* The desk's lists on a server: units and places the operators added,
 * drafts of reports being typed, and official daily and weekly statistics. The
 * same statements as tl-store-units.c, tl-store-drafts.c and
 * tl-store-statistics.c. */

static const char list_units_sql[] =
  "SELECT name FROM units ORDER BY lower (name), name";
static const char add_unit_sql[] =
  "INSERT INTO units (name) VALUES ($1) ON CONFLICT (name) DO NOTHING";
static const char add_place_sql[] =
  "INSERT INTO places (name, kind, country, latitude, longitude, user_added)"
  " VALUES ($1, 'user', '', $2, $3, 1)"
  " ON CONFLICT (name) DO UPDATE SET latitude = $2, longitude = $3"
  " WHERE places.user_added = 1";

static const char delete_draft_sql[] =
  "DELETE FROM drafts WHERE kind = $1 AND event_id IS NOT DISTINCT FROM $2::bigint";
static const char insert_draft_sql[] =
  "INSERT INTO drafts (kind, event_id, operator, content, updated_at)"
  " VALUES ($1, $2, $3, $4, $5)";
static const char get_draft_sql[] =
  "SELECT id, operator, content, updated_at FROM drafts"
  " WHERE kind = $1 AND event_id IS NOT DISTINCT FROM $2::bigint"
  " ORDER BY updated_at DESC, id DESC LIMIT 1";

static const char upsert_statistics_sql[] =
  "INSERT INTO statistics (date, people, boats, source, imported_at)"
  " VALUES ($1, $2, $3, $4, $5)"
  " ON CONFLICT (date) DO UPDATE SET people = excluded.people,"
  " boats = excluded.boats, source = excluded.source,"
  " imported_at = excluded.imported_at";
static const char list_statistics_sql[] =
  "SELECT date, people, boats FROM statistics"
  " WHERE date >= $1 AND date <= $2 ORDER BY date";
static const char upsert_week_sql[] =
  "INSERT INTO statistics_weeks (week, first_date, last_date, people, boats, source, imported_at)"
  " VALUES ($1, $2, $3, $4, $5, $6, $7)"
  " ON CONFLICT (week) DO UPDATE SET people = excluded.people,"
  " boats = excluded.boats, source = excluded.source,"
  " imported_at = excluded.imported_at";
static const char list_weeks_sql[] =
  "SELECT week, first_date, last_date, people, boats FROM statistics_weeks"
  " WHERE last_date >= $1 AND first_date <= $2 ORDER BY first_date";

/* Helpers */

/* A draft of a new report has no event. */
static void
params_draft_key (TlPgParams  *params,
                  TlEventKind  kind,
                  gint64       event_id)
{
  tl_pg_params_text (params, tl_event_kind_to_string (kind));
  if (event_id > 0)
    tl_pg_params_int64 (params, event_id);
  else
    tl_pg_params_text (params, NULL);
}

/* Vfuncs: units and places */

static GStrv
pg_list_units (TlStoreBackend  *backend,
               GError         **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  result = tl_pg_exec (TL_STORE_PG (backend), list_units_sql, NULL,
                       _("Could not read the list of units"), error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    g_strv_builder_add (names, tl_pg_get_text (result, i, 0));

  return g_strv_builder_end (names);
}

static gboolean
pg_add_unit (TlStoreBackend  *backend,
             const char      *name,
             GError         **error)
{
  g_auto(TlPgParams) params = { NULL };

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, name);
  return tl_pg_exec_command (TL_STORE_PG (backend), add_unit_sql, &params,
                             _("Could not add the unit"), error);
}

static gboolean
pg_add_place (TlStoreBackend  *backend,
              const char      *name,
              double           latitude,
              double           longitude,
              GError         **error)
{
  g_auto(TlPgParams) params = { NULL };

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, name);
  tl_pg_params_double (&params, latitude);
  tl_pg_params_double (&params, longitude);
  return tl_pg_exec_command (TL_STORE_PG (backend), add_place_sql, &params,
                             _("Could not add the place"), error);
}

/* Vfuncs: drafts */

static gboolean
pg_save_draft (TlStoreBackend  *backend,
               TlEventKind      kind,
               gint64           event_id,
               const char      *operator_name,
               const char      *content,
               GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not keep a copy of the report being typed");
  g_auto(TlPgParams) key = { NULL };
  g_auto(TlPgParams) params = { NULL };

  tl_pg_params_init (&key);
  params_draft_key (&key, kind, event_id);
  tl_pg_params_init (&params);
  params_draft_key (&params, kind, event_id);
  tl_pg_params_text (&params, operator_name);
  tl_pg_params_text (&params, content);
  tl_pg_params_int64 (&params, tl_store_now ());

  if (!tl_pg_begin (self, error))
    return FALSE;
  if (!tl_pg_exec_command (self, delete_draft_sql, &key, what, error) ||
      !tl_pg_exec_command (self, insert_draft_sql, &params, what, error) ||
      !tl_pg_commit (self, what, error))
    {
      tl_pg_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static TlDraft *
pg_get_draft (TlStoreBackend  *backend,
              TlEventKind      kind,
              gint64           event_id,
              GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  TlDraft *draft;

  tl_pg_params_init (&params);
  params_draft_key (&params, kind, event_id);
  result = tl_pg_exec (TL_STORE_PG (backend), get_draft_sql, &params,
                       _("Could not read the unsaved report"), error);
  if (result == NULL || PQntuples (result) == 0)
    return NULL;

  draft = g_new0 (TlDraft, 1);
  draft->id = tl_pg_get_int64 (result, 0, 0, 0);
  draft->kind = kind;
  draft->event_id = event_id > 0 ? event_id : 0;
  draft->operator_name = g_strdup (tl_pg_get_text (result, 0, 1));
  draft->content = g_strdup (tl_pg_get_text (result, 0, 2));
  draft->updated_at = tl_pg_get_int64 (result, 0, 3, 0);
  return draft;
}

static gboolean
pg_delete_draft (TlStoreBackend  *backend,
                 TlEventKind      kind,
                 gint64           event_id,
                 GError         **error)
{
  g_auto(TlPgParams) params = { NULL };

  tl_pg_params_init (&params);
  params_draft_key (&params, kind, event_id);
  return tl_pg_exec_command (TL_STORE_PG (backend), delete_draft_sql, &params,
                             _("Could not remove the unsaved report"), error);
}

/* Vfuncs: statistics */

static gboolean
pg_import_statistics (TlStoreBackend  *backend,
                      GArray          *days,
                      const char      *source,
                      GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not import the statistics");
  gint64 now = tl_store_now ();

  if (!tl_pg_begin (self, error))
    return FALSE;

  for (guint i = 0; i < days->len; i++)
    {
      const TlStatisticsDay *day = &g_array_index (days, TlStatisticsDay, i);
      g_auto(TlPgParams) params = { NULL };

      tl_pg_params_init (&params);
      tl_pg_params_text (&params, day->date);
      tl_pg_params_optional (&params, MAX (day->people, -1), -1);
      tl_pg_params_optional (&params, MAX (day->boats, -1), -1);
      tl_pg_params_text (&params, source);
      tl_pg_params_int64 (&params, now);
      if (!tl_pg_exec_command (self, upsert_statistics_sql, &params, what, error))
        {
          tl_pg_rollback (self);
          return FALSE;
        }
    }

  if (!tl_pg_commit (self, what, error))
    return FALSE;

  tl_store_backend_emit_changed (backend);
  return TRUE;
}

static GArray *
pg_list_statistics (TlStoreBackend  *backend,
                    const char      *first_date,
                    const char      *last_date,
                    GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  GArray *days;

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, first_date);
  tl_pg_params_text (&params, last_date);
  result = tl_pg_exec (TL_STORE_PG (backend), list_statistics_sql, &params,
                       _("Could not read the statistics"), error);
  if (result == NULL)
    return NULL;

  days = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));
  for (int i = 0; i < PQntuples (result); i++)
    {
      TlStatisticsDay day = { "", -1, -1 };

      g_strlcpy (day.date, tl_pg_get_text (result, i, 0), sizeof day.date);
      day.people = (int) tl_pg_get_int64 (result, i, 1, -1);
      day.boats = (int) tl_pg_get_int64 (result, i, 2, -1);
      g_array_append_val (days, day);
    }

  return days;
}

static gboolean
pg_import_statistics_weeks (TlStoreBackend  *backend,
                            GArray          *weeks,
                            const char      *source,
                            GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *what = _("Could not import the statistics");
  gint64 now = tl_store_now ();

  if (!tl_pg_begin (self, error))
    return FALSE;

  for (guint i = 0; i < weeks->len; i++)
    {
      const TlStatisticsWeek *week = &g_array_index (weeks, TlStatisticsWeek, i);
      g_auto(TlPgParams) params = { NULL };

      tl_pg_params_init (&params);
      tl_pg_params_text (&params, week->week);
      tl_pg_params_text (&params, week->first_date);
      tl_pg_params_text (&params, week->last_date);
      tl_pg_params_optional (&params, MAX (week->people, -1), -1);
      tl_pg_params_optional (&params, MAX (week->boats, -1), -1);
      tl_pg_params_text (&params, source);
      tl_pg_params_int64 (&params, now);
      if (!tl_pg_exec_command (self, upsert_week_sql, &params, what, error))
        {
          tl_pg_rollback (self);
          return FALSE;
        }
    }

  if (!tl_pg_commit (self, what, error))
    return FALSE;

  tl_store_backend_emit_changed (backend);
  return TRUE;
}

static GArray *
pg_list_statistics_weeks (TlStoreBackend  *backend,
                          const char      *first_date,
                          const char      *last_date,
                          GError         **error)
{
  g_auto(TlPgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  GArray *weeks;

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, first_date);
  tl_pg_params_text (&params, last_date);
  result = tl_pg_exec (TL_STORE_PG (backend), list_weeks_sql, &params,
                       _("Could not read the statistics"), error);
  if (result == NULL)
    return NULL;

  weeks = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));
  for (int i = 0; i < PQntuples (result); i++)
    {
      TlStatisticsWeek week = { "", "", "", -1, -1 };

      g_strlcpy (week.week, tl_pg_get_text (result, i, 0), sizeof week.week);
      g_strlcpy (week.first_date, tl_pg_get_text (result, i, 1), sizeof week.first_date);
      g_strlcpy (week.last_date, tl_pg_get_text (result, i, 2), sizeof week.last_date);
      week.people = (int) tl_pg_get_int64 (result, i, 3, -1);
      week.boats = (int) tl_pg_get_int64 (result, i, 4, -1);
      g_array_append_val (weeks, week);
    }

  return weeks;
}

/* Private API */

void
tl_pg_units_class_init (TlStoreBackendClass *klass)
{
  klass->list_units = pg_list_units;
  klass->add_unit = pg_add_unit;
  klass->add_place = pg_add_place;
  klass->save_draft = pg_save_draft;
  klass->get_draft = pg_get_draft;
  klass->delete_draft = pg_delete_draft;
  klass->import_statistics = pg_import_statistics;
  klass->list_statistics = pg_list_statistics;
  klass->import_statistics_weeks = pg_import_statistics_weeks;
  klass->list_statistics_weeks = pg_list_statistics_weeks;
}
