/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "tl-fuzz.h"
#include "tl-mbtiles.h"

/* The MBTiles opener, on any file: metadata, bounds and a few tiles. The
 * input is written to a file of its own in a folder this process makes
 * and removes. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autoptr(TlMbtiles) mbtiles = NULL;
  g_autoptr(GError) error = NULL;
  TlGeoBox bounds;

  if (dir == NULL)
    dir = g_dir_make_tmp ("tideline-fuzz-mbtiles-XXXXXX", NULL);
  path = g_build_filename (dir, "fuzz.mbtiles", NULL);
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  mbtiles = tl_mbtiles_open (path, &error);
  if (mbtiles != NULL)
    {
      tl_mbtiles_get_name (mbtiles);
      tl_mbtiles_get_format (mbtiles);
      tl_mbtiles_get_attribution (mbtiles);
      tl_mbtiles_get_bounds (mbtiles, &bounds);
      for (int zoom = tl_mbtiles_get_min_zoom (mbtiles); zoom <= MIN (tl_mbtiles_get_max_zoom (mbtiles), 2); zoom++)
        {
          GBytes *tile = tl_mbtiles_read_tile (mbtiles, 0, 0, zoom, NULL);

          g_clear_pointer (&tile, g_bytes_unref);
        }
    }
  else
    g_assert (error != NULL);

  g_clear_pointer (&mbtiles, tl_mbtiles_free);
  g_unlink (path);
  return 0;
}
