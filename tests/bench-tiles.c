/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long a basemap tile takes from request to texture.
 *
 * Ours: TlCoastlineSource.fill_tile_async on a fresh source (no cached
 * texture), timed until the callback runs on the main thread, so the hop
 * to the worker thread and back is included. The coastline model is
 * loaded (parsed, simplified, indexed) before timing starts: that happens
 * once per process, on the first tile.
 *
 * Peer: what the cheapest tile costs libshumate 1.0's raster renderer, a
 * cache hit: decoding PNG bytes with a GdkPixbufLoader and wrapping the
 * pixbuf in a texture (gdk_texture_new_for_pixbuf), on the main thread.
 * The bytes are our own tiles encoded to PNG beforehand, so they have the
 * same content; a real OSM tile has more colours and text and decodes
 * slower, so this peer is the harder one to beat. The cache's SQLite
 * lookup and file read are left out of the peer, also in its favour. */

#include <math.h>

#include "tl-coastline.h"
#include "tl-coastline-source.h"

#define ROUNDS 3

typedef struct {
  guint x, y, z;
} TileId;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
pct (GArray *samples,
     double  p)
{
  guint i;

  g_array_sort (samples, compare_doubles);
  i = (guint) ceil (p * samples->len);
  return g_array_index (samples, double, CLAMP (i, 1, samples->len) - 1);
}

/* Around the Strait of Dover, zoom 5 to 16: 3 by 3 tiles up to zoom 8,
 * 4 by 3 above, centred between Dover and Cap Gris-Nez. */
static GArray *
make_tiles (void)
{
  GArray *tiles = g_array_new (FALSE, FALSE, sizeof (TileId));
  double wx, wy;

  tl_coastline_project (1.45, 51.0, &wx, &wy);
  for (guint z = 5; z <= 16; z++)
    {
      int cx = (int) floor (ldexp (wx, z)), cy = (int) floor (ldexp (wy, z));
      int w = z <= 8 ? 3 : 4;

      for (int j = -1; j <= 1; j++)
        for (int i = -w / 2; i < w - w / 2; i++)
          {
            TileId t = { (guint) (cx + i), (guint) (cy + j), z };
            g_array_append_val (tiles, t);
          }
    }
  return tiles;
}

static void
filled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &error))
    g_error ("tile failed: %s", error->message);
  *done = TRUE;
}

static double
time_fill (TlCoastlineSource *source,
           const TileId      *id)
{
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (id->x, id->y, 256, id->z);
  gboolean done = FALSE;
  gint64 start = g_get_monotonic_time ();

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, filled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (shumate_tile_get_paintable (tile));
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The work alone, on this thread: no hop to a worker and back. */
static double
time_render (const TileId *id,
             int           size)
{
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = tl_coastline_render_tile_surface (tl_coastline_get_default (),
                                                               id->x, id->y, id->z, size, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                        (gsize) cairo_image_surface_get_stride (surface) * size,
                                                        (GDestroyNotify) cairo_surface_destroy, surface);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                                          cairo_image_surface_get_stride (surface));

  return (g_get_monotonic_time () - start) / 1000.0;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
encode_png (const TileId *id,
            int           size)
{
  cairo_surface_t *surface = tl_coastline_render_tile_surface (tl_coastline_get_default (),
                                                               id->x, id->y, id->z, size, NULL);
  GByteArray *png = g_byte_array_new ();

  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static double
time_decode (GBytes *png)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!gdk_pixbuf_loader_write_bytes (loader, png, &error) || !gdk_pixbuf_loader_close (loader, &error))
    g_error ("decode failed: %s", error->message);
  texture = gdk_texture_new_for_pixbuf (gdk_pixbuf_loader_get_pixbuf (loader));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
run (GArray *tiles,
     int     scale,
     double *out_p50,
     double *out_p95,
     double *out_warm_p95,
     double *out_peer_p95,
     double *out_render_p95,
     gsize  *out_png_bytes)
{
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peer = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) pngs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gsize png_bytes = 0;

  for (guint i = 0; i < tiles->len; i++)
    {
      GBytes *png = encode_png (&g_array_index (tiles, TileId, i), 256 * scale);

      png_bytes += g_bytes_get_size (png);
      g_ptr_array_add (pngs, png);
    }

  /* Ours and the peer take turns tile by tile, so a busy machine slows
   * both alike instead of whichever happened to run at the wrong time. */
  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(TlCoastlineSource) source = tl_coastline_source_new ();

      tl_coastline_source_set_scale_factor (source, scale);
      for (guint i = 0; i < tiles->len; i++)
        {
          double ours = time_fill (source, &g_array_index (tiles, TileId, i));
          double theirs = time_decode (g_ptr_array_index (pngs, i));
          double render = time_render (&g_array_index (tiles, TileId, i), 256 * scale);

          g_array_append_val (cold, ours);
          g_array_append_val (peer, theirs);
          g_array_append_val (work, render);
        }
      for (guint i = 0; i < tiles->len; i++)
        {
          double ms = time_fill (source, &g_array_index (tiles, TileId, i));
          g_array_append_val (warm, ms);
        }
    }

  *out_p50 = pct (cold, 0.50);
  *out_p95 = pct (cold, 0.95);
  *out_warm_p95 = pct (warm, 0.95);
  *out_peer_p95 = pct (peer, 0.95);
  *out_render_p95 = pct (work, 0.95);
  *out_png_bytes = png_bytes / tiles->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) tiles = make_tiles ();
  g_autoptr(GError) error = NULL;
  double p50, p95, warm95, peer95, render95;
  gsize png_bytes;
  gint64 start = g_get_monotonic_time ();

  /* Parse, simplify and index up front: timed separately, not per tile. */
  if (!tl_coastline_ensure_loaded (tl_coastline_get_default (), &error))
    g_error ("%s", error->message);
  g_print ("coastline-load-ms: %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_print ("tiles: %u x %d rounds, zoom 5-16\n", tiles->len, ROUNDS);

  run (tiles, 1, &p50, &p95, &warm95, &peer95, &render95, &png_bytes);
  g_print ("tile-p50-ms: %.3f\n", p50);
  g_print ("tile-p95-ms: %.3f\n", p95);
  g_print ("tile-warm-p95-ms: %.3f\n", warm95);
  g_print ("tile-peer-p95-ms: %.3f\n", peer95);
  g_print ("tile-render-only-p95-ms: %.3f\n", render95);
  g_print ("tile-peer-png-bytes: %" G_GSIZE_FORMAT "\n", png_bytes);
  g_print ("tile-ratio: %.2f\n", p95 / peer95);

  /* The same at scale 2: 512 px tiles for HiDPI screens. */
  run (tiles, 2, &p50, &p95, &warm95, &peer95, &render95, &png_bytes);
  g_print ("tile-hidpi-p50-ms: %.3f\n", p50);
  g_print ("tile-hidpi-p95-ms: %.3f\n", p95);
  g_print ("tile-hidpi-render-only-p95-ms: %.3f\n", render95);
  g_print ("tile-hidpi-peer-p95-ms: %.3f\n", peer95);
  g_print ("tile-hidpi-ratio: %.2f\n", p95 / peer95);

  return 0;
}
