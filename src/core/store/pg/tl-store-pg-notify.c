/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* Live updates from the other desks: a second connection of its own
 * LISTENs on "tl_events" (the server's triggers announce every write to
 * events there, tl-store-pg-roles.c), and its socket is watched by a
 * GSource on the store's main context. Nothing here ever waits for the
 * network: the connection is made with PQconnectStart()/PQconnectPoll(),
 * and input is read only when the socket has some.
 *
 * A write announced by this store's own connection is skipped (the store
 * has announced it already). A lost connection is made again, after 1,
 * 2, 4 … up to 30 seconds; meanwhile the store's one-second poll of
 * tl_changes still notices writes. Once it listens again after an
 * outage, the store's own connection is made again too, the same way
 * (PQresetStart()/PQresetPoll(), its socket watched), and what the desk
 * kept is sent from the store's worker. */

#define CHANNEL_SQL "LISTEN tl_events"
#define MAX_BACKOFF_S 30

typedef enum {
  RESET_NONE,
  RESET_CONNECTING,
  RESET_ENCODING,       /* SET client_encoding sent */
} ResetState;

typedef enum {
  LISTENER_WAITING,     /* for the next attempt */
  LISTENER_CONNECTING,
  LISTENER_SUBSCRIBING, /* LISTEN sent */
  LISTENER_LISTENING,
} ListenerState;

struct _TlPgListener
{
  /* borrowed */
  TlStorePg      *store;

  /* owned */
  char           *conninfo;
  PGconn         *conn;
  GSource        *source;
  GMainContext   *context;

  ListenerState   state;
  gboolean        was_lost;       /* since the last time it listened */
  /* the store's own connection, made again after an outage */
  GSource        *reset_source;
  ResetState      reset;
  guint           backoff_s;
  guint64         n_heard;
};

static gboolean on_socket (int fd, GIOCondition condition, gpointer user_data);
static gboolean on_reset_socket (int fd, GIOCondition condition, gpointer user_data);
static void     start_connecting (TlPgListener *self);

/* Helpers */

static void
clear_source (TlPgListener *self)
{
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
}

static void
watch (TlPgListener *self,
       GIOCondition  condition)
{
  clear_source (self);
  self->source = g_unix_fd_source_new (PQsocket (self->conn), condition | G_IO_ERR | G_IO_HUP);
  g_source_set_static_name (self->source, "[tideline] server notifications");
  g_source_set_callback (self->source, G_SOURCE_FUNC (on_socket), self, NULL);
  g_source_attach (self->source, self->context);
}

static gboolean
on_retry (gpointer user_data)
{
  TlPgListener *self = user_data;

  g_clear_pointer (&self->source, g_source_unref);
  start_connecting (self);
  return G_SOURCE_REMOVE;
}

static void
fail (TlPgListener *self)
{
  g_debug ("Not listening to %s: %s; trying again in %u s", self->store->display_name,
           self->conn != NULL ? PQerrorMessage (self->conn) : "no connection", self->backoff_s);

  clear_source (self);
  g_clear_pointer (&self->conn, PQfinish);
  self->state = LISTENER_WAITING;
  self->was_lost = TRUE;

  self->source = g_timeout_source_new_seconds (self->backoff_s);
  g_source_set_static_name (self->source, "[tideline] listen again");
  g_source_set_callback (self->source, on_retry, self, NULL);
  g_source_attach (self->source, self->context);
  self->backoff_s = MIN (self->backoff_s * 2, MAX_BACKOFF_S);
}

static void
start_connecting (TlPgListener *self)
{
  self->conn = PQconnectStart (self->conninfo);
  if (self->conn == NULL || PQstatus (self->conn) == CONNECTION_BAD)
    {
      fail (self);
      return;
    }

  self->state = LISTENER_CONNECTING;
  /* PQconnectStart() behaves as if PQconnectPoll() asked to write. */
  watch (self, G_IO_OUT);
}

static void
kept_sent_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_sent = 0;

  if (!tl_store_send_outbox_finish (TL_STORE (object), result, &n_sent, &error))
    g_debug ("Sent %u kept reports to %s, then: %s", n_sent,
             tl_store_get_path (TL_STORE (object)), error->message);
}

/* The server is back: the store's worker connects again, and what this
 * desk kept goes first (connecting can wait for the network; this is
 * the window's thread). */
static void
send_kept (TlPgListener *self)
{
  TlStore *store = tl_store_backend_get_store (TL_STORE_BACKEND (self->store));

  if (store != NULL)
    tl_store_send_outbox_async (store, NULL, kept_sent_cb, NULL);
}

static void
clear_reset_source (TlPgListener *self)
{
  if (self->reset_source != NULL)
    {
      g_source_destroy (self->reset_source);
      g_clear_pointer (&self->reset_source, g_source_unref);
    }
}

static void
watch_reset (TlPgListener *self,
             GIOCondition  condition)
{
  clear_reset_source (self);
  self->reset_source = g_unix_fd_source_new (PQsocket (self->store->conn), condition | G_IO_ERR | G_IO_HUP);
  g_source_set_static_name (self->reset_source, "[tideline] server connection again");
  g_source_set_callback (self->reset_source, G_SOURCE_FUNC (on_reset_socket), self, NULL);
  g_source_attach (self->reset_source, self->context);
}

static void
end_reset (TlPgListener *self)
{
  clear_reset_source (self);
  self->reset = RESET_NONE;
  if (PQstatus (self->store->conn) != CONNECTION_OK)
    g_debug ("Could not connect to %s again: %s", self->store->display_name,
             PQerrorMessage (self->store->conn));
}

/* The store's own connection, for its synchronous calls, made again
 * without waiting on this thread. Until it is, they fail at once. */
static void
start_reset (TlPgListener *self)
{
  if (self->reset == RESET_CONNECTING || self->store->conn == NULL)
    return;
  clear_reset_source (self);
  self->reset = RESET_NONE;
  if (!PQresetStart (self->store->conn))
    return;
  self->reset = RESET_CONNECTING;
  watch_reset (self, G_IO_OUT);
}

/* Reads the notifications that arrived; TRUE if one came from another
 * connection. */
static gboolean
take_notifications (TlPgListener *self)
{
  int own_pid = self->store->conn != NULL ? PQbackendPID (self->store->conn) : 0;
  gboolean from_others = FALSE;
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      self->n_heard++;
      if (notify->be_pid != own_pid)
        from_others = TRUE;
      PQfreemem (notify);
    }

  return from_others;
}

/* Drains the results of LISTEN; FALSE on a failure. */
static gboolean
read_results (TlPgListener *self)
{
  while (!PQisBusy (self->conn))
    {
      g_autoptr(PGresult) result = PQgetResult (self->conn);

      if (result == NULL)
        {
          if (self->state == LISTENER_SUBSCRIBING)
            {
              /* The poll stops here: what was written since its last
               * look is announced now. */
              self->state = LISTENER_LISTENING;
              self->backoff_s = 1;
              tl_store_backend_emit_changed (TL_STORE_BACKEND (self->store));
              if (self->was_lost)
                {
                  start_reset (self);
                  send_kept (self);
                }
              self->was_lost = FALSE;
            }
          return TRUE;
        }
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        return FALSE;
    }

  return TRUE;
}

/* Callbacks */

static gboolean
on_socket (int           fd,
           GIOCondition  condition,
           gpointer      user_data)
{
  TlPgListener *self = user_data;

  if (self->state == LISTENER_CONNECTING)
    {
      switch (PQconnectPoll (self->conn))
        {
        case PGRES_POLLING_READING:
          watch (self, G_IO_IN);
          return G_SOURCE_REMOVE;
        case PGRES_POLLING_WRITING:
          watch (self, G_IO_OUT);
          return G_SOURCE_REMOVE;
        case PGRES_POLLING_OK:
          if (PQsetnonblocking (self->conn, 1) != 0 || !PQsendQuery (self->conn, CHANNEL_SQL))
            {
              fail (self);
              return G_SOURCE_REMOVE;
            }
          self->state = LISTENER_SUBSCRIBING;
          PQflush (self->conn);
          watch (self, G_IO_IN);
          return G_SOURCE_REMOVE;
        case PGRES_POLLING_FAILED:
        case PGRES_POLLING_ACTIVE:
        default:
          fail (self);
          return G_SOURCE_REMOVE;
        }
    }

  if (!PQconsumeInput (self->conn) || !read_results (self) ||
      PQstatus (self->conn) != CONNECTION_OK)
    {
      fail (self);
      return G_SOURCE_REMOVE;
    }

  if (take_notifications (self))
    tl_store_backend_emit_changed (TL_STORE_BACKEND (self->store));

  return G_SOURCE_CONTINUE;
}

static gboolean
on_reset_socket (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  TlPgListener *self = user_data;
  PGconn *conn = self->store->conn;

  if (self->reset == RESET_CONNECTING)
    {
      switch (PQresetPoll (conn))
        {
        case PGRES_POLLING_READING:
          watch_reset (self, G_IO_IN);
          return G_SOURCE_REMOVE;
        case PGRES_POLLING_WRITING:
          watch_reset (self, G_IO_OUT);
          return G_SOURCE_REMOVE;
        case PGRES_POLLING_OK:
          /* As the store's first connection does (PQsetClientEncoding()),
           * without waiting for the answer here. */
          if (!PQsendQuery (conn, "SET client_encoding TO 'UTF8'"))
            break;
          self->reset = RESET_ENCODING;
          watch_reset (self, G_IO_IN);
          return G_SOURCE_REMOVE;
        case PGRES_POLLING_FAILED:
        case PGRES_POLLING_ACTIVE:
        default:
          break;
        }
      end_reset (self);
      return G_SOURCE_REMOVE;
    }

  if (!PQconsumeInput (conn))
    {
      end_reset (self);
      return G_SOURCE_REMOVE;
    }
  while (!PQisBusy (conn))
    {
      PGresult *result = PQgetResult (conn);

      if (result == NULL)
        {
          end_reset (self);
          return G_SOURCE_REMOVE;
        }
      PQclear (result);
    }

  return G_SOURCE_CONTINUE;
}

/* Private API */

/* The settings of @conn as a conninfo string, for a second connection
 * to the same database as the same user. */
static char *
copy_conninfo (PGconn *conn)
{
  PQconninfoOption *options = PQconninfo (conn);
  GString *text = g_string_new (NULL);

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    {
      if (option->val == NULL || *option->val == '\0')
        continue;
      g_string_append_printf (text, "%s='", option->keyword);
      for (const char *c = option->val; *c != '\0'; c++)
        {
          if (*c == '\'' || *c == '\\')
            g_string_append_c (text, '\\');
          g_string_append_c (text, *c);
        }
      g_string_append (text, "' ");
    }
  PQconninfoFree (options);

  return g_string_free (text, FALSE);
}

TlPgListener *
tl_pg_listener_new (TlStorePg *store)
{
  TlPgListener *self = g_new0 (TlPgListener, 1);

  self->store = store;
  self->conninfo = copy_conninfo (store->conn);
  self->context = g_main_context_ref_thread_default ();
  self->backoff_s = 1;
  start_connecting (self);

  return self;
}

void
tl_pg_listener_free (TlPgListener *self)
{
  clear_source (self);
  clear_reset_source (self);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->conninfo);
  g_free (self);
}

gboolean
tl_pg_listener_is_resetting (TlPgListener *self)
{
  /* Once connected, a synchronous call may take the answer to SET
   * client_encoding itself (PQexec() reads what came before its own). */
  return self != NULL && self->reset == RESET_CONNECTING;
}

gboolean
tl_pg_listener_is_listening (TlPgListener *self)
{
  return self != NULL && self->state == LISTENER_LISTENING;
}

/* Makes a lost connection again, at most once per backoff (1, 2, 4 …
 * up to 30 seconds): a worker with many jobs queued while the server is
 * gone fails them at once instead of waiting for a connection each. */
gboolean
tl_pg_reconnect (TlStoreBackend  *backend,
                 GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);
  gint64 now = g_get_monotonic_time ();

  if (PQstatus (self->conn) == CONNECTION_OK && !tl_pg_listener_is_resetting (self->listener))
    return TRUE;

  /* Being made again by the listener, without waiting: not twice. */
  if (now < self->reconnect_after_us || tl_pg_listener_is_resetting (self->listener))
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not connect to %s again: the server cannot be reached"),
                   self->display_name);
      return FALSE;
    }

  PQreset (self->conn);
  /* A new session: its statements are prepared again. */
  self->prepared_queries = 0;
  if (PQstatus (self->conn) != CONNECTION_OK ||
      PQsetClientEncoding (self->conn, "UTF8") != 0)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (self->conn));

      self->reconnect_backoff_s = CLAMP (self->reconnect_backoff_s * 2, 1, MAX_BACKOFF_S);
      self->reconnect_after_us = g_get_monotonic_time () + self->reconnect_backoff_s * G_USEC_PER_SEC;
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not connect to %s again: %s"), self->display_name, g_strstrip (message));
      return FALSE;
    }

  self->reconnect_backoff_s = 0;
  self->reconnect_after_us = 0;
  return TRUE;
}

/* The server is known to be back (the listener hears it): the next
 * tl_pg_reconnect() tries at once. */
void
tl_store_pg_reconnect_soon (TlStoreBackend *backend)
{
  TL_STORE_PG (backend)->reconnect_after_us = 0;
}
