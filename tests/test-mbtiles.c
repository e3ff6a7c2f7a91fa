/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tl-mbtiles.h"

/* Builds an MBTiles file in the test's temporary directory. Each tile's
 * data is the text "z/x/tile_row", so a flipped row is easy to see. */
static char *
make_fixture (const char *name,
              const char *format,
              gboolean    with_tiles)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  sqlite3 *db = NULL;
  char *sql;

  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE metadata (name TEXT, value TEXT)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sql = sqlite3_mprintf ("INSERT INTO metadata VALUES ('name', 'Channel test'), "
                         "('format', %Q), ('minzoom', '1'), ('maxzoom', '3'), "
                         "('bounds', '-2.5,49.5,2.5,51.5'), "
                         "('attribution', '© Test Charts')", format);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);

  if (with_tiles)
    {
      g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                                         "tile_row INTEGER, tile_data BLOB)", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      for (int z = 1; z <= 3; z++)
        for (int x = 0; x < (1 << z); x++)
          for (int row = 0; row < (1 << z); row++)
            {
              /* Leave one hole, for the missing-tile case. */
              if (z == 3 && x == 4 && row == 4)
                continue;
              sql = sqlite3_mprintf ("INSERT INTO tiles VALUES (%d, %d, %d, CAST('%d/%d/%d' AS BLOB))",
                                     z, x, row, z, x, row);
              g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
              sqlite3_free (sql);
            }
      g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);
  return path;
}

static void
test_read (void)
{
  g_autofree char *path = make_fixture ("good.mbtiles", "png", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlMbtiles) tiles = tl_mbtiles_open (path, &error);
  g_autoptr(GBytes) bytes = NULL;
  TlGeoBox bounds;

  g_assert_no_error (error);
  g_assert_nonnull (tiles);
  g_assert_cmpstr (tl_mbtiles_get_name (tiles), ==, "Channel test");
  g_assert_cmpstr (tl_mbtiles_get_format (tiles), ==, "png");
  g_assert_cmpstr (tl_mbtiles_get_attribution (tiles), ==, "© Test Charts");
  g_assert_cmpint (tl_mbtiles_get_min_zoom (tiles), ==, 1);
  g_assert_cmpint (tl_mbtiles_get_max_zoom (tiles), ==, 3);
  g_assert_true (tl_mbtiles_get_bounds (tiles, &bounds));
  g_assert_cmpfloat (bounds.west, ==, -2.5);
  g_assert_cmpfloat (bounds.north, ==, 51.5);

  /* XYZ row 1 at zoom 3 is TMS row 8 - 1 - 1 = 6. */
  bytes = tl_mbtiles_read_tile (tiles, 2, 1, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "3/2/6", 5);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Zoom 1 row 0 is TMS row 1. */
  bytes = tl_mbtiles_read_tile (tiles, 0, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "1/0/1", 5);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A missing tile is no error: the caller draws a placeholder. */
  bytes = tl_mbtiles_read_tile (tiles, 4, 3, 3, &error);
  g_assert_no_error (error);
  g_assert_null (bytes);
  bytes = tl_mbtiles_read_tile (tiles, 9, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_null (bytes);
  bytes = tl_mbtiles_read_tile (tiles, 0, 0, 9, &error);
  g_assert_no_error (error);
  g_assert_null (bytes);

  g_unlink (path);
}

static void
test_refused (void)
{
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "nowhere.mbtiles", NULL);
  g_autofree char *text = g_build_filename (g_get_tmp_dir (), "notes.mbtiles", NULL);
  g_autofree char *no_tiles = make_fixture ("empty.mbtiles", "png", FALSE);
  g_autofree char *vector = make_fixture ("vector.mbtiles", "pbf", TRUE);
  g_autofree char *tiff = make_fixture ("tiff.mbtiles", "tiff", TRUE);
  struct {
    const char *path;
    int         code;
  } cases[] = {
    { missing, TL_MBTILES_ERROR_NOT_FOUND },
    { text, TL_MBTILES_ERROR_NOT_MBTILES },
    { no_tiles, TL_MBTILES_ERROR_NOT_MBTILES },
    { vector, TL_MBTILES_ERROR_UNSUPPORTED },
    { tiff, TL_MBTILES_ERROR_UNSUPPORTED },
  };

  g_assert_true (g_file_set_contents (text, "These are not map tiles, but they are long enough "
                                      "to look like a file header of some sort.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TlMbtiles) tiles = tl_mbtiles_open (cases[i].path, &error);

      g_test_message ("%s: %s", cases[i].path, error ? error->message : "opened");
      g_assert_null (tiles);
      g_assert_error (error, TL_MBTILES_ERROR, cases[i].code);
    }

  g_unlink (text);
  g_unlink (no_tiles);
  g_unlink (vector);
  g_unlink (tiff);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/mbtiles/read", test_read);
  g_test_add_func ("/mbtiles/refused", test_refused);

  return g_test_run ();
}
