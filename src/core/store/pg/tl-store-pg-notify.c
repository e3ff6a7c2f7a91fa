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
 * tl_changes still notices writes. */

#define CHANNEL_SQL "LISTEN tl_events"
#define MAX_BACKOFF_S 30

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
  guint           backoff_s;
  guint64         n_heard;
};

static gboolean on_socket (int fd, GIOCondition condition, gpointer user_data);
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

/* The server is back: what this desk kept goes first. */
static void
send_kept (TlPgListener *self)
{
  TlStore *store = tl_store_backend_get_store (TL_STORE_BACKEND (self->store));
  g_autoptr(GError) error = NULL;
  guint n_sent = 0;

  if (store == NULL || tl_store_count_unsent (store) == 0)
    return;
  if (!tl_store_send_outbox (store, &n_sent, &error))
    g_debug ("Sent %u kept reports to %s, then: %s", n_sent, self->store->display_name, error->message);
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
                send_kept (self);
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
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->conninfo);
  g_free (self);
}

gboolean
tl_pg_listener_is_listening (TlPgListener *self)
{
  return self != NULL && self->state == LISTENER_LISTENING;
}

gboolean
tl_pg_reconnect (TlStoreBackend  *backend,
                 GError         **error)
{
  TlStorePg *self = TL_STORE_PG (backend);

  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  PQreset (self->conn);
  /* A new session: its statements are prepared again. */
  self->prepared_queries = 0;
  if (PQstatus (self->conn) != CONNECTION_OK ||
      PQsetClientEncoding (self->conn, "UTF8") != 0)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (self->conn));

      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not connect to %s again: %s"), self->display_name, g_strstrip (message));
      return FALSE;
    }

  return TRUE;
}
