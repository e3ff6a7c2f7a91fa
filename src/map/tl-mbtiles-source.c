/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "tl-coastline.h"
#include "tl-mbtiles-source.h"

struct _TlMbtilesSource
{
  ShumateDataSource  parent_instance;

  /* owned; after construction only the worker thread touches tiles */
  TlMbtiles         *tiles;
  GThreadPool       *pool;    /* one thread: SQLite reads stay serial */
  char              *attribution;
  char              *name;
  int                min_zoom;
  int                max_zoom;
  gboolean           check_images;  /* PNG or JPEG tiles: decoded once here */
  gboolean           reported;      /* a bad tile was said: once is enough */
};

enum {
  SOURCE_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlMbtilesSource, tl_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct {
  int     x, y, zoom;
  GBytes *bytes;     /* owned, the result */
  char   *problem;   /* owned: why the tile is not drawn, or NULL */
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_pointer (&request->bytes, g_bytes_unref);
  g_free (request->problem);
  g_free (request);
}

/* helpers */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * tl_map_placeholder_tile:
 *
 * A plain tile in the offline basemap's sea colour, for where a source has
 * no tile: libshumate never retries a failed tile, and a hole in the map
 * reads as "nothing here" when it means "no data here".
 *
 * Returns: (transfer none): PNG bytes, made once
 */
GBytes *
tl_map_placeholder_tile (void)
{
  static GBytes *bytes;

  if (g_once_init_enter (&bytes))
    {
      const TlBasemapStyle *style = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
      cairo_t *cr = cairo_create (surface);
      GByteArray *png = g_byte_array_new ();

      cairo_set_source_rgb (cr, style->sea.red, style->sea.green, style->sea.blue);
      cairo_paint (cr);
      /* A faint hatch tells "no tile here" from open sea. */
      cairo_set_source_rgba (cr, 1, 1, 1, 0.35);
      cairo_set_line_width (cr, 1);
      for (int i = -256; i < 256; i += 16)
        {
          cairo_move_to (cr, i, 256);
          cairo_line_to (cr, i + 256, 0);
        }
      cairo_stroke (cr);
      cairo_destroy (cr);
      cairo_surface_write_to_png_stream (surface, append_png, png);
      cairo_surface_destroy (surface);
      g_once_init_leave (&bytes, g_byte_array_free_to_bytes (png));
    }
  return bytes;
}

/* Whether @bytes are a whole image. libshumate draws a tile it cannot
 * decode as a white square and says nothing. */
static gboolean
decodes (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  gboolean ok = gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);

  /* Closed even after a failed write, as the loader asks. */
  return gdk_pixbuf_loader_close (loader, NULL) && ok;
}

/* callbacks */

static gboolean
request_done_cb (gpointer data)
{
  GTask *task = data;
  TlMbtilesSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  GBytes *bytes = request->bytes != NULL ? request->bytes : tl_map_placeholder_tile ();

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  if (request->problem != NULL && !self->reported)
    {
      self->reported = TRUE;
      g_signal_emit (self, signals[SOURCE_ERROR], 0, request->problem);
    }

  /* The raster renderer decodes only what this signal hands it. */
  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  return G_SOURCE_REMOVE;
}

static void
read_worker (gpointer data,
             gpointer user_data)
{
  GTask *task = data;
  TlMbtilesSource *self = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      request->bytes = tl_mbtiles_read_tile (self->tiles, request->x, request->y, request->zoom, &error);
      if (error != NULL)
        {
          g_debug ("MBTiles tile %d/%d/%d: %s", request->zoom, request->x, request->y, error->message);
          /* Translators: %s says why, e.g. "database disk image is malformed" */
          request->problem = g_strdup_printf (_("Some tiles of the MBTiles file cannot be read (%s): "
                                                "they are drawn hatched"), error->message);
        }
      else if (request->bytes != NULL && self->check_images && !decodes (request->bytes))
        {
          /* Translators: %d/%d/%d is a tile's zoom/column/row */
          request->problem = g_strdup_printf (_("Tile %d/%d/%d of the MBTiles file is damaged, and maybe "
                                                "others: they are drawn hatched"),
                                              request->zoom, request->x, request->y);
          g_clear_pointer (&request->bytes, g_bytes_unref);
        }
    }

  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              request_done_cb, task, g_object_unref);
}

/* GObject overrides */

static void
tl_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                       int                  x,
                                       int                  y,
                                       int                  zoom,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  TlMbtilesSource *self = TL_MBTILES_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, tl_mbtiles_source_get_tile_data_async);
  request->x = x;
  request->y = y;
  request->zoom = zoom;
  g_task_set_task_data (task, request, request_free);
  g_thread_pool_push (self->pool, task, NULL);
}

static GBytes *
tl_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
tl_mbtiles_source_finalize (GObject *object)
{
  TlMbtilesSource *self = TL_MBTILES_SOURCE (object);

  /* Every queued task holds a reference: the pool is idle by now. */
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, TRUE, TRUE);
  g_clear_pointer (&self->tiles, tl_mbtiles_free);
  g_free (self->attribution);
  g_free (self->name);

  G_OBJECT_CLASS (tl_mbtiles_source_parent_class)->finalize (object);
}

static void
tl_mbtiles_source_class_init (TlMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = tl_mbtiles_source_finalize;
  source_class->get_tile_data_async = tl_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = tl_mbtiles_source_get_tile_data_finish;

  /**
   * TlMbtilesSource::source-error:
   * @message: what went wrong, for the officer
   *
   * A tile could not be read or decoded, and is drawn as "no tile here".
   * Emitted once per source, not per tile.
   */
  signals[SOURCE_ERROR] =
    g_signal_new ("source-error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tl_mbtiles_source_init (TlMbtilesSource *self)
{
}

/* public API */

/**
 * tl_mbtiles_source_new:
 * @path: an MBTiles file of raster tiles
 * @error: why the file cannot be used
 *
 * Opens and checks the file now, so that a bad file is refused before the
 * map shows it.
 *
 * Returns: (transfer full) (nullable): a new data source
 */
TlMbtilesSource *
tl_mbtiles_source_new (const char  *path,
                       GError     **error)
{
  g_autoptr(TlMbtiles) tiles = tl_mbtiles_open (path, error);
  TlMbtilesSource *self;

  if (tiles == NULL)
    return NULL;

  self = g_object_new (TL_TYPE_MBTILES_SOURCE, NULL);
  self->attribution = g_strdup (tl_mbtiles_get_attribution (tiles));
  self->name = g_strdup (tl_mbtiles_get_name (tiles));
  self->min_zoom = tl_mbtiles_get_min_zoom (tiles);
  self->max_zoom = tl_mbtiles_get_max_zoom (tiles);
  /* WebP and vector tiles are left to libshumate; gdk-pixbuf may have
   * no loader for them. */
  self->check_images = g_strcmp0 (tl_mbtiles_get_format (tiles), "png") == 0 ||
                       g_strcmp0 (tl_mbtiles_get_format (tiles), "jpg") == 0 ||
                       g_strcmp0 (tl_mbtiles_get_format (tiles), "jpeg") == 0;
  self->tiles = g_steal_pointer (&tiles);
  self->pool = g_thread_pool_new (read_worker, self, 1, FALSE, NULL);
  return self;
}

/**
 * tl_mbtiles_source_get_attribution:
 *
 * Returns: (nullable): the credit line the file carries
 */
const char *
tl_mbtiles_source_get_attribution (TlMbtilesSource *self)
{
  g_return_val_if_fail (TL_IS_MBTILES_SOURCE (self), NULL);

  return self->attribution;
}

/**
 * tl_mbtiles_source_get_name:
 *
 * Returns: (nullable): the tileset's name
 */
const char *
tl_mbtiles_source_get_name (TlMbtilesSource *self)
{
  g_return_val_if_fail (TL_IS_MBTILES_SOURCE (self), NULL);

  return self->name;
}

int
tl_mbtiles_source_get_min_zoom (TlMbtilesSource *self)
{
  g_return_val_if_fail (TL_IS_MBTILES_SOURCE (self), 0);

  return self->min_zoom;
}

int
tl_mbtiles_source_get_max_zoom (TlMbtilesSource *self)
{
  g_return_val_if_fail (TL_IS_MBTILES_SOURCE (self), 18);

  return self->max_zoom;
}
