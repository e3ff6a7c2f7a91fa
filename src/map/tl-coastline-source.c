/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The offline basemap as a libshumate map source. Tiles are drawn by
 * TlCoastline on worker threads and handed over as memory textures: no
 * PNG encode or decode anywhere, unlike a ShumateRasterRenderer. */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coastline.h"
#include "tl-coastline-source.h"

/* Recent tiles are kept so panning back is free. Both limits apply: at
 * scale 2 a tile is 1 MiB, and 512 of those would be too much memory. */
#define CACHE_MAX_ENTRIES 512
#define CACHE_MAX_BYTES   (128 * 1024 * 1024)

#define TILE_SIZE 256

typedef struct {
  GList       link;    /* in TlCoastlineSource.lru, data points back here */
  guint64     key;
  GdkTexture *texture; /* owned */
  gsize       bytes;
} CacheEntry;

typedef struct {
  TlCoastline          *coastline; /* owned */
  ShumateTile          *tile;      /* owned */
  TlBasemapStyle        style;
  int                   x, y, zoom, size;
  guint64               key;
  GdkTexture           *texture;   /* owned, the result */
} RenderJob;

struct _TlCoastlineSource
{
  ShumateMapSource  parent_instance;

  /* owned */
  TlCoastline      *coastline;
  GHashTable       *cache;  /* guint64 key → CacheEntry, main thread only */

  GQueue            lru;    /* CacheEntry, most recently used first */
  gsize             cache_bytes;
  gboolean          dark;
  gboolean          show_borders;
  int               scale_factor;
};

G_DEFINE_FINAL_TYPE (TlCoastlineSource, tl_coastline_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_DARK,
  PROP_SCALE_FACTOR,
  PROP_SHOW_BORDERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* helpers */

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_clear_pointer (&job->coastline, tl_coastline_unref);
  g_clear_object (&job->tile);
  g_clear_object (&job->texture);
  g_free (job);
}

static guint64
cache_key (guint    x,
           guint    y,
           guint    zoom,
           int      scale,
           gboolean dark,
           gboolean borders)
{
  /* Zoom stays below 32 and x, y below 2^zoom: 25 bits each is zoom 25. */
  return ((guint64) zoom << 59) | ((guint64) (scale & 0xf) << 55) | ((guint64) (dark != 0) << 54) |
         ((guint64) (borders != 0) << 53) |
         ((guint64) (x & 0x1ffffff) << 25) | (guint64) (y & 0x1ffffff);
}

static GdkTexture *
cache_lookup (TlCoastlineSource *self,
              guint64            key)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, &key);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);
  return entry->texture;
}

static void
cache_insert (TlCoastlineSource *self,
              guint64            key,
              GdkTexture        *texture)
{
  CacheEntry *entry;

  if (g_hash_table_contains (self->cache, &key))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->link.data = entry;
  entry->key = key;
  entry->texture = g_object_ref (texture);
  entry->bytes = 4 * (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture);
  g_queue_push_head_link (&self->lru, &entry->link);
  g_hash_table_insert (self->cache, &entry->key, entry);
  self->cache_bytes += entry->bytes;

  while (self->lru.length > CACHE_MAX_ENTRIES || self->cache_bytes > CACHE_MAX_BYTES)
    {
      CacheEntry *old = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &old->link);
      self->cache_bytes -= old->bytes;
      g_hash_table_remove (self->cache, &old->key);
    }
}

/* A one-pixel texture of the sea colour, which the tile stretches: what a
 * tile shows when drawing failed, since a failed tile is never retried. */
static GdkTexture *
sea_texture (const TlBasemapStyle *style)
{
  guint8 pixel[4] = {
    (guint8) (style->sea.blue * 255 + 0.5),
    (guint8) (style->sea.green * 255 + 0.5),
    (guint8) (style->sea.red * 255 + 0.5),
    255,
  };
  g_autoptr(GBytes) bytes = g_bytes_new (pixel, sizeof pixel);

  return gdk_memory_texture_new (1, 1, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes, 4);
}

/* Runs on a worker thread; only reads the immutable model. */
static GdkTexture *
render_texture (RenderJob *job)
{
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  int stride;

  surface = tl_coastline_render_tile_surface (job->coastline, job->x, job->y, job->zoom,
                                              job->size, &job->style);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not draw basemap tile %d/%d/%d: %s", job->zoom, job->x, job->y,
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return sea_texture (&job->style);
    }

  /* The texture takes the surface's pixels as they are, without a copy:
   * cairo's ARGB32 is premultiplied native-endian ARGB, which is what
   * GDK_MEMORY_DEFAULT means. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * job->size,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (job->size, job->size, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
finish_tile (ShumateTile *tile,
             GdkTexture  *texture)
{
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
}

/* callbacks */

static gboolean
job_done_cb (gpointer data)
{
  GTask *task = data;
  TlCoastlineSource *self = g_task_get_source_object (task);
  RenderJob *job = g_task_get_task_data (task);

  /* A tile drawn just before it was cancelled is kept: the user may well
   * scroll back to it. */
  if (job->texture != NULL)
    cache_insert (self, job->key, job->texture);
  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  finish_tile (job->tile, job->texture);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static void
render_worker (gpointer data,
               gpointer user_data)
{
  GTask *task = data;
  RenderJob *job = g_task_get_task_data (task);

  /* Tiles scrolled out of view before their turn are not drawn at all. */
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    job->texture = render_texture (job);

  /* The tile and the task belong to the main thread: finish there, and let
   * the last reference to the task go there too. */
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              job_done_cb, task, g_object_unref);
}

static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  /* One pool for every source, at most two threads: the map stays fluid
   * on the two cores a desk officer's machine may have. */
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (render_worker, NULL,
                                                 CLAMP ((int) g_get_num_processors (), 1, 2),
                                                 FALSE, NULL));
  return pool;
}

/* GObject overrides */

static void
tl_coastline_source_fill_tile_async (ShumateMapSource    *source,
                                     ShumateTile         *tile,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  TlCoastlineSource *self = TL_COASTLINE_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  GdkTexture *cached;
  guint64 key;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_coastline_source_fill_tile_async);

  key = cache_key (shumate_tile_get_x (tile), shumate_tile_get_y (tile),
                   shumate_tile_get_zoom_level (tile), self->scale_factor, self->dark,
                   self->show_borders);
  cached = cache_lookup (self, key);
  if (cached != NULL)
    {
      finish_tile (tile, cached);
      g_task_return_boolean (task, TRUE);
      return;
    }

  job = g_new0 (RenderJob, 1);
  job->coastline = tl_coastline_ref (self->coastline);
  job->tile = g_object_ref (tile);
  job->style = *tl_basemap_style_get (self->dark ? TL_BASEMAP_THEME_DARK : TL_BASEMAP_THEME_LIGHT);
  /* The renderer skips borders of no opacity. */
  if (!self->show_borders)
    job->style.border.alpha = 0;
  job->x = (int) shumate_tile_get_x (tile);
  job->y = (int) shumate_tile_get_y (tile);
  job->zoom = (int) shumate_tile_get_zoom_level (tile);
  job->size = TILE_SIZE * self->scale_factor;
  job->key = key;
  g_task_set_task_data (task, job, render_job_free);

  g_thread_pool_push (get_pool (), g_steal_pointer (&task), NULL);
}

static gboolean
tl_coastline_source_fill_tile_finish (ShumateMapSource  *source,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
tl_coastline_source_finalize (GObject *object)
{
  TlCoastlineSource *self = TL_COASTLINE_SOURCE (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->coastline, tl_coastline_unref);

  G_OBJECT_CLASS (tl_coastline_source_parent_class)->finalize (object);
}

static void
tl_coastline_source_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TlCoastlineSource *self = TL_COASTLINE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_SCALE_FACTOR:
      g_value_set_int (value, self->scale_factor);
      break;
    case PROP_SHOW_BORDERS:
      g_value_set_boolean (value, self->show_borders);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_coastline_source_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TlCoastlineSource *self = TL_COASTLINE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_DARK:
      tl_coastline_source_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_SCALE_FACTOR:
      tl_coastline_source_set_scale_factor (self, g_value_get_int (value));
      break;
    case PROP_SHOW_BORDERS:
      tl_coastline_source_set_show_borders (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_coastline_source_class_init (TlCoastlineSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = tl_coastline_source_finalize;
  object_class->get_property = tl_coastline_source_get_property;
  object_class->set_property = tl_coastline_source_set_property;
  source_class->fill_tile_async = tl_coastline_source_fill_tile_async;
  source_class->fill_tile_finish = tl_coastline_source_fill_tile_finish;

  /**
   * TlCoastlineSource:dark:
   *
   * Whether tiles use the dark style. Tiles already shown keep theirs:
   * libshumate 1.0 cannot refresh a layer, so replace the layer.
   */
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TlCoastlineSource:scale-factor:
   *
   * Device pixels per logical pixel: tiles are drawn at 256 times this
   * many pixels and shown at 256, so they stay crisp on HiDPI screens.
   * libshumate 1.0 does not tell a source the scale: bind it to the map
   * widget's #GtkWidget:scale-factor.
   */
  properties[PROP_SCALE_FACTOR] =
    g_param_spec_int ("scale-factor", NULL, NULL, 1, 4, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TlCoastlineSource:show-borders:
   *
   * Whether tiles show national borders. Like #TlCoastlineSource:dark,
   * it applies to tiles filled from then on.
   */
  properties[PROP_SHOW_BORDERS] =
    g_param_spec_boolean ("show-borders", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_coastline_source_init (TlCoastlineSource *self)
{
  self->coastline = tl_coastline_ref (tl_coastline_get_default ());
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cache_entry_free);
  g_queue_init (&self->lru);
  self->scale_factor = 1;
  self->show_borders = TRUE;
}

/* public API */

/**
 * tl_coastline_source_new:
 *
 * Creates the offline basemap source: land, sea and borders from the
 * bundled GSHHG data, zoom 0 to 18, light style at scale 1.
 *
 * Returns: (transfer full): a new map source
 */
TlCoastlineSource *
tl_coastline_source_new (void)
{
  /* ShumateMapSource's properties are construct properties: set in init()
   * they would be reset to their defaults right after. */
  return g_object_new (TL_TYPE_COASTLINE_SOURCE,
                       "id", "tideline-coastline",
                       "name", _("Coastline (offline)"),
                       "license", tl_coastline_get_credit (),
                       "license-uri", "https://www.soest.hawaii.edu/pwessel/gshhg/",
                       "min-zoom-level", 0,
                       "max-zoom-level", 18,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
}

/**
 * tl_coastline_source_get_dark:
 * @self: a source
 *
 * Returns: whether new tiles use the dark style
 */
gboolean
tl_coastline_source_get_dark (TlCoastlineSource *self)
{
  g_return_val_if_fail (TL_IS_COASTLINE_SOURCE (self), FALSE);

  return self->dark;
}

/**
 * tl_coastline_source_set_dark:
 * @self: a source
 * @dark: whether to use the dark style
 *
 * Switches the style of tiles filled from now on.
 */
void
tl_coastline_source_set_dark (TlCoastlineSource *self,
                              gboolean           dark)
{
  g_return_if_fail (TL_IS_COASTLINE_SOURCE (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

/**
 * tl_coastline_source_get_show_borders:
 * @self: a source
 *
 * Returns: whether new tiles show national borders
 */
gboolean
tl_coastline_source_get_show_borders (TlCoastlineSource *self)
{
  g_return_val_if_fail (TL_IS_COASTLINE_SOURCE (self), TRUE);

  return self->show_borders;
}

/**
 * tl_coastline_source_set_show_borders:
 * @self: a source
 * @show_borders: whether to draw national borders
 *
 * Turns borders on or off for tiles filled from now on.
 */
void
tl_coastline_source_set_show_borders (TlCoastlineSource *self,
                                      gboolean           show_borders)
{
  g_return_if_fail (TL_IS_COASTLINE_SOURCE (self));

  show_borders = !!show_borders;
  if (self->show_borders == show_borders)
    return;
  self->show_borders = show_borders;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BORDERS]);
}

/**
 * tl_coastline_source_get_scale_factor:
 * @self: a source
 *
 * Returns: device pixels per logical pixel of new tiles
 */
int
tl_coastline_source_get_scale_factor (TlCoastlineSource *self)
{
  g_return_val_if_fail (TL_IS_COASTLINE_SOURCE (self), 1);

  return self->scale_factor;
}

/**
 * tl_coastline_source_set_scale_factor:
 * @self: a source
 * @scale_factor: 1 to 4, usually the map widget's scale factor
 *
 * Sets the pixel density of tiles filled from now on.
 */
void
tl_coastline_source_set_scale_factor (TlCoastlineSource *self,
                                      int                scale_factor)
{
  g_return_if_fail (TL_IS_COASTLINE_SOURCE (self));

  scale_factor = CLAMP (scale_factor, 1, 4);
  if (self->scale_factor == scale_factor)
    return;
  self->scale_factor = scale_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_FACTOR]);
}

/**
 * tl_coastline_source_clear_cache:
 * @self: a source
 *
 * Drops every finished tile kept for reuse, to give the memory back.
 */
void
tl_coastline_source_clear_cache (TlCoastlineSource *self)
{
  g_return_if_fail (TL_IS_COASTLINE_SOURCE (self));

  g_hash_table_remove_all (self->cache);
  g_queue_init (&self->lru);
  self->cache_bytes = 0;
}
