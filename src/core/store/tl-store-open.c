/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-store-private.h"

/* Choosing the database from a window: opening one in a worker thread, so
 * that a server that is slow or does not answer never blocks the window,
 * and what the window shows of where it writes. */

/* Helpers */

typedef struct {
  char *address;
  char *password;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->address);
  /* Not left in freed memory either. */
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

/* Callbacks */

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  TlStore *store = tl_store_open_unwatched (data->address, data->password, cancellable, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Public API */

/**
 * tl_store_open_async:
 * @address: a file's path or a server's address, as for tl_store_open()
 * @password: (nullable): a password typed for this connection only: it
 *   is never written anywhere, and cleared from memory once the
 *   connection is made
 * @cancellable: (nullable): stops a connection that takes too long
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Opens a database as tl_store_open() does, in a worker thread: a
 * server that is slow or does not answer never blocks the caller.
 */
void
tl_store_open_async (const char          *address,
                     const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (address != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_store_open_async);
  data = g_new0 (OpenData, 1);
  data->address = g_strdup (address);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * tl_store_open_finish:
 * @result: the result given to the callback of tl_store_open_async()
 * @error: return location for a #TL_STORE_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * The store then watches for the writes of others from the thread-default
 * main context of the caller of this function.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TlStore *
tl_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  TlStore *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_store_open_async, NULL);

  if ((self = g_task_propagate_pointer (G_TASK (result), error)) != NULL)
    tl_store_start_watching (self);

  return self;
}

void
tl_store_server_free (TlStoreServer *server)
{
  if (server == NULL)
    return;

  g_free (server->host);
  g_free (server->database);
  g_free (server->user);
  g_free (server->role);
  g_free (server);
}

/**
 * tl_store_get_server:
 * @self: a #TlStore
 *
 * Returns: (transfer full) (nullable): where @self writes, for a store on
 *   a server; %NULL for a file (see tl_store_get_path())
 */
TlStoreServer *
tl_store_get_server (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  if (!tl_store_is_server (self))
    return NULL;

  return tl_store_pg_describe (self->backend);
}
