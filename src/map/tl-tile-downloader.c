/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "tl-mbtiles-source.h"
#include "tl-tile-downloader.h"
#include "tl-tile-url.h"

/* ShumateFileCache serves a tile this long without asking the server. */
#define FRESH_SECONDS (7 * 24 * 3600)
#define CACHE_LIMIT   (200 * 1024 * 1024)

struct _TlTileDownloader
{
  ShumateDataSource  parent_instance;

  /* owned */
  char              *url_template;
  SoupSession       *session;
  ShumateFileCache  *cache;

  gboolean           reported;  /* a failure was reported once already */
};

G_DEFINE_FINAL_TYPE (TlTileDownloader, tl_tile_downloader, SHUMATE_TYPE_DATA_SOURCE)

enum {
  SOURCE_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  int          x, y, zoom;
  GBytes      *cached;   /* owned, nullable: a stale copy to fall back on */
  char        *etag;
  SoupMessage *message;  /* owned */
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_pointer (&request->cached, g_bytes_unref);
  g_clear_object (&request->message);
  g_free (request->etag);
  g_free (request);
}

/* helpers */

/* The raster renderer decodes only what this signal hands it: emit it,
 * on the main thread, before completing the task. */
static void
deliver (GTask  *task,
         GBytes *bytes)
{
  TlTileDownloader *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  g_signal_emit_by_name (self, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
fail (GTask        *task,
      const GError *error)
{
  TlTileDownloader *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A stale tile beats a placeholder; a placeholder beats a hole. */
  if (request->cached != NULL)
    {
      deliver (task, request->cached);
      return;
    }

  if (!self->reported)
    {
      g_autofree char *message = g_strdup_printf (_("Map tiles could not be downloaded: %s"),
                                                  error->message);

      self->reported = TRUE;
      g_signal_emit (self, signals[SOURCE_ERROR], 0, message);
    }
  deliver (task, tl_map_placeholder_tile ());
}

/* callbacks */

static void
download_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TlTileDownloader *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      fail (task, error);
      return;
    }

  status = soup_message_get_status (request->message);
  if (status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (self->cache, request->x, request->y, request->zoom);
      deliver (task, request->cached);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) || g_bytes_get_size (bytes) == 0)
    {
      g_autoptr(GError) http_error =
        g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("the server answered “%u %s”"), status,
                     soup_message_get_reason_phrase (request->message));

      fail (task, http_error);
      return;
    }

  shumate_file_cache_store_tile_async (self->cache, request->x, request->y, request->zoom, bytes,
                                       soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                                                     "ETag"),
                                       NULL, NULL, NULL);
  deliver (task, bytes);
}

static void
cache_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TlTileDownloader *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GDateTime) modtime = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *url = NULL;

  request->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object), &request->etag,
                                                        &modtime, result, NULL);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (request->cached != NULL && modtime != NULL &&
      g_date_time_difference (now, modtime) < (GTimeSpan) FRESH_SECONDS * G_TIME_SPAN_SECOND)
    {
      deliver (task, request->cached);
      return;
    }

  url = tl_tile_url_expand (self->url_template, request->x, request->y, request->zoom);
  request->message = soup_message_new (SOUP_METHOD_GET, url);
  if (request->message == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                             _("“%s” is not a valid address"), url);

      fail (task, error);
      return;
    }
  if (request->etag != NULL)
    soup_message_headers_append (soup_message_get_request_headers (request->message),
                                 "If-None-Match", request->etag);

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), download_cb,
                                    g_steal_pointer (&task));
}

/* GObject overrides */

static void
tl_tile_downloader_get_tile_data_async (ShumateDataSource   *source,
                                        int                  x,
                                        int                  y,
                                        int                  zoom,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  TlTileDownloader *self = TL_TILE_DOWNLOADER (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, tl_tile_downloader_get_tile_data_async);
  request->x = x;
  request->y = y;
  request->zoom = zoom;
  g_task_set_task_data (task, request, request_free);

  shumate_file_cache_get_tile_async (self->cache, x, y, zoom, cancellable, cache_cb, task);
}

static GBytes *
tl_tile_downloader_get_tile_data_finish (ShumateDataSource  *source,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
tl_tile_downloader_dispose (GObject *object)
{
  TlTileDownloader *self = TL_TILE_DOWNLOADER (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (tl_tile_downloader_parent_class)->dispose (object);
}

static void
tl_tile_downloader_finalize (GObject *object)
{
  TlTileDownloader *self = TL_TILE_DOWNLOADER (object);

  g_free (self->url_template);

  G_OBJECT_CLASS (tl_tile_downloader_parent_class)->finalize (object);
}

static void
tl_tile_downloader_class_init (TlTileDownloaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->dispose = tl_tile_downloader_dispose;
  object_class->finalize = tl_tile_downloader_finalize;
  source_class->get_tile_data_async = tl_tile_downloader_get_tile_data_async;
  source_class->get_tile_data_finish = tl_tile_downloader_get_tile_data_finish;

  /**
   * TlTileDownloader::source-error:
   * @message: what went wrong, for the officer
   *
   * Tiles could not be downloaded. Emitted once per source, not per tile.
   */
  signals[SOURCE_ERROR] =
    g_signal_new ("source-error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tl_tile_downloader_init (TlTileDownloader *self)
{
}

/* public API */

/**
 * tl_tile_downloader_new:
 * @url_template: a template valid for tl_tile_url_validate()
 * @cache_key: names the cache directory, one per server
 *
 * Returns: (transfer full): a new data source. Nothing is downloaded until
 *   a tile is asked for.
 */
TlTileDownloader *
tl_tile_downloader_new (const char *url_template,
                        const char *cache_key)
{
  TlTileDownloader *self;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_return_val_if_fail (cache_key != NULL, NULL);

  self = g_object_new (TL_TYPE_TILE_DOWNLOADER, NULL);
  self->url_template = g_strstrip (g_strdup (url_template));
  self->session = soup_session_new_with_options ("user-agent", "Tideline/" PACKAGE_VERSION,
                                                 "max-conns-per-host", 2,
                                                 NULL);
  self->cache = shumate_file_cache_new_full (CACHE_LIMIT, cache_key, NULL);
  return self;
}
