/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Official daily figures, beside Tideline's own counts. A date imported
 * again takes the newer figures: sources revise their series. */

static const char upsert_statistics_sql[] =
  "INSERT INTO statistics (date, people, boats, source, imported_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5)"
  " ON CONFLICT (date) DO UPDATE SET people = excluded.people,"
  " boats = excluded.boats, source = excluded.source,"
  " imported_at = excluded.imported_at";

static const char list_statistics_sql[] =
  "SELECT date, people, boats FROM statistics"
  " WHERE date >= ?1 AND date <= ?2 ORDER BY date";

/* Weekly figures (schema 5): a week imported again takes the newer ones. */
static const char upsert_week_sql[] =
  "INSERT INTO statistics_weeks (week, first_date, last_date, people, boats, source, imported_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
  " ON CONFLICT (week) DO UPDATE SET people = excluded.people,"
  " boats = excluded.boats, source = excluded.source,"
  " imported_at = excluded.imported_at";

/* The weeks that overlap the dates. */
static const char list_weeks_sql[] =
  "SELECT week, first_date, last_date, people, boats FROM statistics_weeks"
  " WHERE last_date >= ?1 AND first_date <= ?2 ORDER BY first_date";

/* helpers */

static void
bind_count (sqlite3_stmt *stmt,
            int           column,
            int           count,
            int          *rc)
{
  if (count < 0)
    tl_store_bind_null (stmt, column, rc);
  else
    tl_store_bind_int64 (stmt, column, count, rc);
}

/* public API */

/**
 * tl_store_import_statistics:
 * @self: a #TlStore
 * @days: (element-type TlStatisticsDay): the figures, one per date
 * @source: (nullable): where they come from, such as the file's name
 * @error: return location for a #TL_STORE_ERROR
 *
 * Writes every day of @days in one transaction: all of them, or none if
 * one is refused.
 *
 * Returns: whether the figures were written
 */
gboolean
tl_store_import_statistics (TlStore     *self,
                            GArray      *days,
                            const char  *source,
                            GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_import_statistics (self->backend, days, source, error);
}

static gboolean
sqlite_import_statistics (TlStoreBackend  *backend,
                          GArray          *days,
                          const char      *source,
                          GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  gint64 now = tl_store_now ();

  stmt = tl_store_prepare_cached (self, upsert_statistics_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (!tl_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < days->len; i++)
    {
      const TlStatisticsDay *day = &g_array_index (days, TlStatisticsDay, i);
      int rc = SQLITE_OK;

      tl_store_bind_text (stmt, 1, day->date, &rc);
      bind_count (stmt, 2, day->people, &rc);
      bind_count (stmt, 3, day->boats, &rc);
      tl_store_bind_text (stmt, 4, source, &rc);
      tl_store_bind_int64 (stmt, 5, now, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      sqlite3_reset (stmt);

      if (rc != SQLITE_OK)
        {
          tl_store_fail_write (self, rc, _("Could not import the statistics"), error);
          return FALSE;
        }
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  /* Views of this connection redraw now; other connections see the
   * change through PRAGMA data_version. */
  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));

  return TRUE;
}

/**
 * tl_store_list_statistics:
 * @self: a #TlStore
 * @first_date: the first date, YYYY-MM-DD
 * @last_date: the last date, YYYY-MM-DD, included
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (element-type TlStatisticsDay) (nullable): the
 *   figures imported for those dates, by date; dates without figures are
 *   absent
 */
GArray *
tl_store_list_statistics (TlStore     *self,
                          const char  *first_date,
                          const char  *last_date,
                          GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (first_date != NULL && last_date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_statistics (self->backend, first_date, last_date, error);
}

static GArray *
sqlite_list_statistics (TlStoreBackend  *backend,
                        const char      *first_date,
                        const char      *last_date,
                        GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GArray) days = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, list_statistics_sql, error);
  if (stmt == NULL)
    return NULL;

  days = g_array_new (FALSE, FALSE, sizeof (TlStatisticsDay));

  tl_store_bind_text (stmt, 1, first_date, &rc);
  tl_store_bind_text (stmt, 2, last_date, &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlStatisticsDay day = { "", -1, -1 };

      g_strlcpy (day.date, tl_store_column_text (stmt, 0), sizeof day.date);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        day.people = sqlite3_column_int (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        day.boats = sqlite3_column_int (stmt, 2);
      g_array_append_val (days, day);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the statistics"), error);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/**
 * tl_store_import_statistics_weeks:
 * @self: a #TlStore
 * @weeks: (element-type TlStatisticsWeek): the figures, one per ISO week
 * @source: (nullable): where they come from, such as the file's name
 * @error: return location for a #TL_STORE_ERROR
 *
 * Writes every week of @weeks in one transaction: all of them, or none if
 * one is refused. A week imported again takes the newer figures.
 *
 * Returns: whether the figures were written
 */
gboolean
tl_store_import_statistics_weeks (TlStore     *self,
                                  GArray      *weeks,
                                  const char  *source,
                                  GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (weeks != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tl_store_backend_import_statistics_weeks (self->backend, weeks, source, error);
}

static gboolean
sqlite_import_statistics_weeks (TlStoreBackend  *backend,
                                GArray          *weeks,
                                const char      *source,
                                GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  gint64 now = tl_store_now ();

  stmt = tl_store_prepare_cached (self, upsert_week_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (!tl_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < weeks->len; i++)
    {
      const TlStatisticsWeek *week = &g_array_index (weeks, TlStatisticsWeek, i);
      int rc = SQLITE_OK;

      tl_store_bind_text (stmt, 1, week->week, &rc);
      tl_store_bind_text (stmt, 2, week->first_date, &rc);
      tl_store_bind_text (stmt, 3, week->last_date, &rc);
      bind_count (stmt, 4, week->people, &rc);
      bind_count (stmt, 5, week->boats, &rc);
      tl_store_bind_text (stmt, 6, source, &rc);
      tl_store_bind_int64 (stmt, 7, now, &rc);
      if (rc == SQLITE_OK)
        rc = tl_store_step_done (stmt);
      sqlite3_reset (stmt);

      if (rc != SQLITE_OK)
        {
          tl_store_fail_write (self, rc, _("Could not import the statistics"), error);
          return FALSE;
        }
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  tl_store_backend_emit_changed (TL_STORE_BACKEND (self));

  return TRUE;
}

/**
 * tl_store_list_statistics_weeks:
 * @self: a #TlStore
 * @first_date: the first date, YYYY-MM-DD
 * @last_date: the last date, YYYY-MM-DD, included
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (element-type TlStatisticsWeek) (nullable): the
 *   weekly figures imported for the weeks that overlap those dates, by
 *   date
 */
GArray *
tl_store_list_statistics_weeks (TlStore     *self,
                                const char  *first_date,
                                const char  *last_date,
                                GError     **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (first_date != NULL && last_date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_statistics_weeks (self->backend, first_date, last_date, error);
}

static GArray *
sqlite_list_statistics_weeks (TlStoreBackend  *backend,
                              const char      *first_date,
                              const char      *last_date,
                              GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GArray) weeks = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, list_weeks_sql, error);
  if (stmt == NULL)
    return NULL;

  weeks = g_array_new (FALSE, FALSE, sizeof (TlStatisticsWeek));

  tl_store_bind_text (stmt, 1, first_date, &rc);
  tl_store_bind_text (stmt, 2, last_date, &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlStatisticsWeek week = { "", "", "", -1, -1 };

      g_strlcpy (week.week, tl_store_column_text (stmt, 0), sizeof week.week);
      g_strlcpy (week.first_date, tl_store_column_text (stmt, 1), sizeof week.first_date);
      g_strlcpy (week.last_date, tl_store_column_text (stmt, 2), sizeof week.last_date);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        week.people = sqlite3_column_int (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        week.boats = sqlite3_column_int (stmt, 4);
      g_array_append_val (weeks, week);
      rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the statistics"), error);
      return NULL;
    }

  return g_steal_pointer (&weeks);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_statistics (TlStoreBackendClass *klass)
{
  klass->import_statistics = sqlite_import_statistics;
  klass->list_statistics = sqlite_list_statistics;
  klass->import_statistics_weeks = sqlite_import_statistics_weeks;
  klass->list_statistics_weeks = sqlite_list_statistics_weeks;
}
