/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* The lists officers extend as they work: named units, and places that
 * are not in the shipped gazetteer. Adding a name twice is not an error:
 * the form adds every unit it saves, known or not. */

static const char list_units_sql[] =
  "SELECT name FROM units ORDER BY name COLLATE NOCASE";
static const char add_unit_sql[] =
  "INSERT INTO units (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
static const char add_place_sql[] =
  "INSERT INTO places (name, kind, country, latitude, longitude, user_added)"
  " VALUES (?1, 'user', '', ?2, ?3, 1)"
  " ON CONFLICT (name) DO UPDATE SET latitude = ?2, longitude = ?3"
  " WHERE user_added = 1";

/* Runs one single-row write in its own transaction. */
static gboolean
run_write (TlStoreSqlite  *self,
           sqlite3_stmt   *stmt,
           const char     *what,
           GError        **error)
{
  int rc;

  if (!tl_store_begin (self, error))
    return FALSE;

  rc = tl_store_step_done (stmt);
  if (rc != SQLITE_OK)
    {
      tl_store_fail_write (self, rc, what, error);
      return FALSE;
    }

  if (!tl_store_commit (self, error))
    {
      tl_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * tl_store_list_units:
 * @self: a #TlStore
 * @error: return location for a #TL_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the units officers added, by name
 */
GStrv
tl_store_list_units (TlStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tl_store_backend_list_units (self->backend, error);
}

static GStrv
sqlite_list_units (TlStoreBackend  *backend,
                   GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) names = NULL;
  int rc;

  stmt = tl_store_prepare_cached (self, list_units_sql, error);
  if (stmt == NULL)
    return NULL;

  names = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, tl_store_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the list of units"), error);
      return NULL;
    }

  return g_strv_builder_end (names);
}

/**
 * tl_store_add_unit:
 * @self: a #TlStore
 * @name: a unit's name, as it should be offered
 * @error: return location for a #TL_STORE_ERROR
 *
 * Remembers a unit; nothing happens if it is known already.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_add_unit (TlStore     *self,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = g_strstrip (g_strdup (name));
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                           _("A unit needs a name"));
      return FALSE;
    }

  return tl_store_backend_add_unit (self->backend, clean, error);
}

static gboolean
sqlite_add_unit (TlStoreBackend  *backend,
                 const char      *clean,
                 GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, add_unit_sql, error);
  if (stmt == NULL)
    return FALSE;
  tl_store_bind_text (stmt, 1, clean, &rc);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not add the unit"), error);
      return FALSE;
    }

  return run_write (self, stmt, _("Could not add the unit"), error);
}

/**
 * tl_store_add_place:
 * @self: a #TlStore
 * @name: the place's name
 * @latitude: degrees north
 * @longitude: degrees east
 * @error: return location for a #TL_STORE_ERROR
 *
 * Adds a place to the gazetteer, marked as added by a user, or moves a
 * place a user added before. Shipped places are never changed.
 *
 * Returns: %TRUE on success
 */
gboolean
tl_store_add_place (TlStore     *self,
                    const char  *name,
                    double       latitude,
                    double       longitude,
                    GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = g_strstrip (g_strdup (name));
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                           _("A place needs a name"));
      return FALSE;
    }

  return tl_store_backend_add_place (self->backend, clean, latitude, longitude, error);
}

static gboolean
sqlite_add_place (TlStoreBackend  *backend,
                  const char      *clean,
                  double           latitude,
                  double           longitude,
                  GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tl_store_prepare_cached (self, add_place_sql, error);
  if (stmt == NULL)
    return FALSE;
  tl_store_bind_text (stmt, 1, clean, &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_double (stmt, 2, latitude);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_double (stmt, 3, longitude);
  if (rc != SQLITE_OK)
    {
      tl_store_set_error (self, rc, _("Could not add the place"), error);
      return FALSE;
    }

  return run_write (self, stmt, _("Could not add the place"), error);
}

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_units (TlStoreBackendClass *klass)
{
  klass->list_units = sqlite_list_units;
  klass->add_unit = sqlite_add_unit;
  klass->add_place = sqlite_add_place;
}
