/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading MBTiles files.
 *
 * "No SQL outside the store module" is about Tideline's own database. An
 * MBTiles file is a foreign tile file that happens to be SQLite: its SQL
 * stays here, read-only, and never touches the store. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "tl-mbtiles.h"

struct _TlMbtiles {
  sqlite3      *db;
  sqlite3_stmt *tile_stmt;
  char         *name;
  char         *format;
  char         *attribution;
  int           min_zoom;
  int           max_zoom;
  gboolean      has_bounds;
  TlGeoBox      bounds;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_DEFINE_QUARK (tl-mbtiles-error-quark, tl_mbtiles_error)

/* helpers */

static void
set_sqlite_error (GError    **error,
                  sqlite3    *db,
                  int         rc,
                  const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (rc == SQLITE_NOTADB)
    g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_NOT_MBTILES,
                 _("“%s” is not an MBTiles file"), name);
  else if (rc == SQLITE_CORRUPT)
    g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be read"), name);
  else
    g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_NOT_MBTILES,
                 _("“%s” cannot be read as an MBTiles file: %s"), name,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
read_metadata (TlMbtiles *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The metadata table is optional in old files; so is each row. */
  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL) != SQLITE_OK)
    return;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (key == NULL || value == NULL)
        continue;
      if (g_str_equal (key, "name"))
        replace_string (&self->name, value);
      else if (g_str_equal (key, "format"))
        replace_string (&self->format, value);
      else if (g_str_equal (key, "attribution"))
        replace_string (&self->attribution, value);
      else if (g_str_equal (key, "minzoom"))
        self->min_zoom = CLAMP (atoi (value), 0, 30);
      else if (g_str_equal (key, "maxzoom"))
        self->max_zoom = CLAMP (atoi (value), 0, 30);
      else if (g_str_equal (key, "bounds"))
        {
          g_auto(GStrv) parts = g_strsplit (value, ",", -1);

          if (g_strv_length (parts) == 4)
            {
              self->bounds.west = g_ascii_strtod (parts[0], NULL);
              self->bounds.south = g_ascii_strtod (parts[1], NULL);
              self->bounds.east = g_ascii_strtod (parts[2], NULL);
              self->bounds.north = g_ascii_strtod (parts[3], NULL);
              self->has_bounds = TRUE;
            }
        }
    }
}

/* public API */

/**
 * tl_mbtiles_open:
 * @path: the file
 * @error: why it cannot be used, in words an officer can act on
 *
 * Opens an MBTiles file read-only and checks that it holds raster tiles
 * (PNG, JPEG or WebP as gdk-pixbuf may decode them): vector tiles (pbf)
 * cannot be drawn by this build and are refused.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
TlMbtiles *
tl_mbtiles_open (const char  *path,
                 GError     **error)
{
  g_autoptr(TlMbtiles) self = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autofree char *name = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_NOT_FOUND,
                   _("The map file “%s” does not exist"), name);
      return NULL;
    }

  self = g_new0 (TlMbtiles, 1);
  self->max_zoom = -1;
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  /* Reading the schema is what tells a text file from a database. */
  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1",
                           -1, &check, NULL);
  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_ERROR)
        g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_NOT_MBTILES,
                     _("“%s” has no map tiles: it is not an MBTiles file"), name);
      else
        set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db) & 0xff, path);
      return NULL;
    }
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc & 0xff, path);
      return NULL;
    }

  read_metadata (self);
  if (self->format != NULL &&
      g_ascii_strcasecmp (self->format, "png") != 0 &&
      g_ascii_strcasecmp (self->format, "jpg") != 0 &&
      g_ascii_strcasecmp (self->format, "jpeg") != 0 &&
      g_ascii_strcasecmp (self->format, "webp") != 0)
    {
      if (g_ascii_strcasecmp (self->format, "pbf") == 0)
        g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_UNSUPPORTED,
                     _("“%s” holds vector tiles, which Tideline cannot draw: use an MBTiles file of PNG or JPEG images"),
                     name);
      else
        g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_UNSUPPORTED,
                     _("“%s” holds tiles in the “%s” format, which Tideline cannot draw: use PNG or JPEG images"),
                     name, self->format);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT tile_data FROM tiles "
                           "WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                           -1, &self->tile_stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }

  if (self->min_zoom < 0 || self->max_zoom < self->min_zoom)
    {
      self->min_zoom = 0;
      self->max_zoom = 18;
    }

  return g_steal_pointer (&self);
}

void
tl_mbtiles_free (TlMbtiles *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->tile_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->name);
  g_free (self->format);
  g_free (self->attribution);
  g_free (self);
}

/**
 * tl_mbtiles_get_name:
 *
 * Returns: (nullable): the tileset's name from its metadata
 */
const char *
tl_mbtiles_get_name (TlMbtiles *self)
{
  return self->name;
}

/**
 * tl_mbtiles_get_format:
 *
 * Returns: (nullable): the tile format from the metadata ("png", "jpg")
 */
const char *
tl_mbtiles_get_format (TlMbtiles *self)
{
  return self->format;
}

/**
 * tl_mbtiles_get_attribution:
 *
 * Returns: (nullable): the credit line from the metadata, possibly HTML
 */
const char *
tl_mbtiles_get_attribution (TlMbtiles *self)
{
  return self->attribution;
}

int
tl_mbtiles_get_min_zoom (TlMbtiles *self)
{
  return self->min_zoom;
}

int
tl_mbtiles_get_max_zoom (TlMbtiles *self)
{
  return self->max_zoom;
}

/**
 * tl_mbtiles_get_bounds:
 * @out_bounds: (out): the area the tiles cover
 *
 * Returns: whether the metadata gives the bounds
 */
gboolean
tl_mbtiles_get_bounds (TlMbtiles *self,
                       TlGeoBox  *out_bounds)
{
  if (self->has_bounds)
    *out_bounds = self->bounds;
  return self->has_bounds;
}

/**
 * tl_mbtiles_read_tile:
 * @x: column
 * @y: row counted from the north, as libshumate and XYZ servers count
 * @zoom: zoom level
 *
 * MBTiles counts rows from the south (TMS): the row is flipped here.
 *
 * Returns: (transfer full) (nullable): the tile's image, or %NULL when the
 *   file has no such tile (@error unset) or cannot be read (@error set)
 */
GBytes *
tl_mbtiles_read_tile (TlMbtiles  *self,
                      int         x,
                      int         y,
                      int         zoom,
                      GError    **error)
{
  GBytes *bytes = NULL;
  gint64 row;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (zoom < 0 || zoom > 30 || x < 0 || y < 0 || x >= (1 << zoom) || y >= (1 << zoom))
    return NULL;

  row = ((gint64) 1 << zoom) - 1 - y;
  sqlite3_reset (self->tile_stmt);
  sqlite3_bind_int (self->tile_stmt, 1, zoom);
  sqlite3_bind_int (self->tile_stmt, 2, x);
  sqlite3_bind_int64 (self->tile_stmt, 3, row);

  rc = sqlite3_step (self->tile_stmt);
  if (rc == SQLITE_ROW)
    {
      const void *data = sqlite3_column_blob (self->tile_stmt, 0);
      int size = sqlite3_column_bytes (self->tile_stmt, 0);

      if (data != NULL && size > 0)
        bytes = g_bytes_new (data, (gsize) size);
    }
  else if (rc != SQLITE_DONE)
    g_set_error (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_READ,
                 _("A map tile could not be read: %s"), sqlite3_errmsg (self->db));

  sqlite3_reset (self->tile_stmt);
  return bytes;
}
