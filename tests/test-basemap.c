/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The offline basemap: land where land is, sea where sea is, and no trace
 * of the boxes the data files were clipped to. */

#include <math.h>

#include "tl-coastline.h"

typedef enum { SEA, LAND, OTHER } Kind;

typedef struct {
  cairo_surface_t *surface;
  int tx, ty;     /* the tile */
  double px, py;  /* the point in it, in pixels */
} TileAt;

static guint32
color_to_pixel (const TlBasemapColor *c)
{
  return 0xff000000u | ((guint32) lround (c->red * 255) << 16) |
         ((guint32) lround (c->green * 255) << 8) | (guint32) lround (c->blue * 255);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

static Kind
kind_at (cairo_surface_t      *surface,
         int                   x,
         int                   y,
         const TlBasemapStyle *style)
{
  guint32 p = pixel_at (surface, x, y);

  if (p == color_to_pixel (&style->sea))
    return SEA;
  if (p == color_to_pixel (&style->land))
    return LAND;
  return OTHER;
}

/* Renders the tile holding (lat, lon) and says where the point falls. */
static TileAt
render_at (double lat,
           double lon,
           int    zoom,
           int    size)
{
  TlCoastline *coast = tl_coastline_get_default ();
  double wx, wy, n = ldexp (1, zoom);
  TileAt at;

  tl_coastline_project (lon, lat, &wx, &wy);
  at.tx = (int) floor (wx * n);
  at.ty = (int) floor (wy * n);
  at.px = (wx * n - at.tx) * size;
  at.py = (wy * n - at.ty) * size;
  at.surface = tl_coastline_render_tile_surface (coast, at.tx, at.ty, zoom, size,
                                                 tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT));
  g_assert_cmpint (cairo_surface_status (at.surface), ==, CAIRO_STATUS_SUCCESS);
  return at;
}

static Kind
kind_of_point (double lat,
               double lon,
               int    zoom)
{
  TileAt at = render_at (lat, lon, zoom, 256);
  Kind kind = kind_at (at.surface, (int) at.px, (int) at.py, tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT));

  cairo_surface_destroy (at.surface);
  return kind;
}

static void
test_loads (void)
{
  g_autoptr(GError) error = NULL;

  gboolean loaded = tl_coastline_ensure_loaded (tl_coastline_get_default (), &error);

  g_assert_no_error (error);
  g_assert_true (loaded);
  g_assert_nonnull (strstr (tl_coastline_get_credit (), "GSHHG"));
}

static void
test_strait (void)
{
  const TlBasemapStyle *style = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  /* Cap Gris-Nez, at zoom 10: the French shore with the strait off it. */
  TileAt at = render_at (50.8717, 1.5833, 10, 256);
  guint counts[3] = { 0 };

  for (int y = 0; y < 256; y++)
    for (int x = 0; x < 256; x++)
      counts[kind_at (at.surface, x, y, style)]++;
  g_assert_cmpuint (counts[SEA], >, 256 * 256 / 10);
  g_assert_cmpuint (counts[LAND], >, 256 * 256 / 10);
  g_assert_cmpuint (counts[OTHER], >, 0); /* the coastline itself */
  cairo_surface_destroy (at.surface);

  g_assert_cmpint (kind_of_point (50.905, 1.900, 10), ==, LAND); /* inland of Calais */
  g_assert_cmpint (kind_of_point (51.160, 1.250, 10), ==, LAND); /* inland of Dover */
  g_assert_cmpint (kind_of_point (50.800, 1.700, 12), ==, LAND); /* Marquise */
  g_assert_cmpint (kind_of_point (51.020, 1.480, 10), ==, SEA);  /* mid-strait */
  g_assert_cmpint (kind_of_point (50.950, 1.450, 14), ==, SEA);
  g_assert_cmpint (kind_of_point (50.300, -0.500, 6), ==, SEA);  /* mid-Channel */
  g_assert_cmpint (kind_of_point (47.000, 2.000, 5), ==, LAND);  /* central France */
}

/* Pixels of exactly the shoreline colour in the tile holding (lat, lon). */
static guint
count_shoreline (double lat,
                 double lon,
                 int    zoom,
                 int    size)
{
  const TlBasemapStyle *style = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  TileAt at = render_at (lat, lon, zoom, size);
  guint32 coast = color_to_pixel (&style->coast);
  guint n = 0;

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      n += pixel_at (at.surface, x, y) == coast;
  cairo_surface_destroy (at.surface);
  return n;
}

/* Overview tiles (zoom 6 and out) have no shoreline stroke, their land's
 * edge is antialiased; from zoom 7 (or a HiDPI tile of zoom 6, as
 * detailed) the shore is drawn. */
static void
test_shoreline_by_zoom (void)
{
  g_assert_cmpuint (count_shoreline (51.0, 1.45, 5, 256), ==, 0);
  g_assert_cmpuint (count_shoreline (51.0, 1.45, 6, 256), ==, 0);
  g_assert_cmpuint (count_shoreline (51.0, 1.45, 7, 256), >, 100);
  g_assert_cmpuint (count_shoreline (51.0, 1.45, 6, 512), >, 100);
  g_assert_cmpint (kind_of_point (51.020, 1.480, 5), ==, SEA);
  g_assert_cmpint (kind_of_point (52.000, 0.500, 5), ==, LAND);   /* Essex */
}

static void
test_open_sea (void)
{
  const TlBasemapStyle *style = tl_basemap_style_get (TL_BASEMAP_THEME_DARK);
  TlCoastline *coast = tl_coastline_get_default ();
  double wx, wy;
  cairo_surface_t *surface;
  guint32 sea = color_to_pixel (&style->sea);

  /* Mid-Atlantic, 45°N 30°W, at zoom 8. */
  tl_coastline_project (-30, 45, &wx, &wy);
  surface = tl_coastline_render_tile_surface (coast, (int) (wx * 256), (int) (wy * 256), 8, 256, style);
  for (int y = 0; y < 256; y++)
    for (int x = 0; x < 256; x++)
      g_assert_cmphex (pixel_at (surface, x, y), ==, sea);
  cairo_surface_destroy (surface);
}

static void
test_hidpi (void)
{
  const TlBasemapStyle *style = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  TileAt lo = render_at (50.8717, 1.5833, 10, 256);
  TileAt hi = render_at (50.8717, 1.5833, 10, 512);
  guint compared = 0, differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (hi.surface), ==, 512);
  g_assert_cmpint (cairo_image_surface_get_height (hi.surface), ==, 512);
  g_assert_cmpint (lo.tx, ==, hi.tx);
  g_assert_cmpint (lo.ty, ==, hi.ty);

  /* Same place, same colours: compare wherever both are plain land or sea
   * (the shoreline moves by a fraction of a pixel between the two). */
  for (int y = 0; y < 256; y++)
    for (int x = 0; x < 256; x++)
      {
        Kind a = kind_at (lo.surface, x, y, style);
        Kind b = kind_at (hi.surface, 2 * x, 2 * y, style);

        if (a == OTHER || b == OTHER)
          continue;
        compared++;
        differ += a != b;
      }
  g_assert_cmpuint (compared, >, 256 * 256 * 8 / 10);
  g_assert_cmpuint (differ, <, compared / 100);
  cairo_surface_destroy (lo.surface);
  cairo_surface_destroy (hi.surface);
}

/* Along a box edge where land goes on, the pixels on both sides of the
 * edge must be land: no sea line, no stroke. */
static void
check_seam (double lat,
            double lon,
            int    zoom,
            gboolean vertical)
{
  const TlBasemapStyle *style = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  TileAt at = render_at (lat, lon, zoom, 256);
  int edge = (int) floor (vertical ? at.px : at.py);

  g_assert_cmpint (edge, >=, 2);
  g_assert_cmpint (edge, <, 254);
  for (int i = 0; i < 256; i++)
    for (int d = -2; d <= 2; d++)
      {
        int x = vertical ? edge + d : i;
        int y = vertical ? i : edge + d;

        if (kind_at (at.surface, x, y, style) != LAND)
          g_error ("tile %d/%d/%d: pixel (%d, %d) at the box edge is %08x, not land",
                   zoom, at.tx, at.ty, x, y, pixel_at (at.surface, x, y));
      }
  cairo_surface_destroy (at.surface);
}

static void
test_no_seam (void)
{
  /* channel-full ends at 4°E in Flanders and at 48.5°N in Normandy */
  check_seam (51.0, 4.0, 10, TRUE);
  check_seam (51.0, 4.0, 9, TRUE);
  check_seam (51.0, 4.0, 13, TRUE);
  check_seam (48.5, -1.0, 10, FALSE);
  check_seam (48.5, 0.5, 11, FALSE);
  /* nw-europe-high ends at 42°N in Spain */
  check_seam (42.0, -4.0, 7, FALSE);
}

typedef struct {
  TlCoastline     *coast;
  int              x, y, z;
  cairo_surface_t *result;
} RenderJob;

static gpointer
render_thread (gpointer data)
{
  RenderJob *job = data;

  job->result = tl_coastline_render_tile_surface (job->coast, job->x, job->y, job->z, 256, NULL);
  return NULL;
}

static void
test_threads (void)
{
  /* A fresh model: both threads race to load it, then draw side by side. */
  TlCoastline *coast = tl_coastline_new ();
  RenderJob jobs[2] = { { coast, 516, 342, 10 }, { coast, 516, 342, 10 } };
  GThread *threads[2];
  cairo_surface_t *reference;
  int stride;

  for (int i = 0; i < 2; i++)
    threads[i] = g_thread_new ("render", render_thread, &jobs[i]);
  for (int i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  reference = tl_coastline_render_tile_surface (tl_coastline_get_default (), 516, 342, 10, 256, NULL);
  stride = cairo_image_surface_get_stride (reference);
  for (int i = 0; i < 2; i++)
    {
      g_assert_cmpmem (cairo_image_surface_get_data (jobs[i].result), stride * 256,
                       cairo_image_surface_get_data (reference), stride * 256);
      cairo_surface_destroy (jobs[i].result);
    }
  cairo_surface_destroy (reference);
  tl_coastline_unref (coast);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/basemap/loads", test_loads);
  g_test_add_func ("/basemap/strait", test_strait);
  g_test_add_func ("/basemap/shoreline-by-zoom", test_shoreline_by_zoom);
  g_test_add_func ("/basemap/open-sea", test_open_sea);
  g_test_add_func ("/basemap/hidpi", test_hidpi);
  g_test_add_func ("/basemap/no-seam", test_no_seam);
  g_test_add_func ("/basemap/threads", test_threads);

  return g_test_run ();
}
