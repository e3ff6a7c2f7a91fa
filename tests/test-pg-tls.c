/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "tl-store.h"
#include "tl-test-store.h"

/* TLS to the shared server, with a CA the test made itself
 * (build-aux/with-pg-server --tls): sslmode=verify-full connects and
 * says so, another CA is refused in words an operator can act on, and
 * the store works over it. Also: a server that never answers is given
 * up on, by Cancel or by its timeout, and never hangs the caller. */

/* 2024-05-01 06:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1714543200)

/* The test's database, over TCP to localhost with @ca. */
static char *
tls_address (const char *ca)
{
  g_autofree char *base = tl_test_store_address ("tls");

  /* The later of two settings wins: localhost over the socket folder. */
  return g_strdup_printf ("%s host=localhost port=%s sslmode=verify-full sslrootcert=%s",
                          base, g_getenv ("TL_TEST_PG_PORT"), ca);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Opens @address with tl_store_open_async(), waiting at most 60 s. */
static TlStore *
open_async (const char    *address,
            GCancellable  *cancellable,
            gint64         cancel_after_us,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 started = g_get_monotonic_time ();

  tl_store_open_async (address, NULL, cancellable, opened_cb, &result);
  while (result == NULL)
    {
      gint64 now = g_get_monotonic_time ();

      g_assert_cmpint (now - started, <, 60 * G_USEC_PER_SEC);
      if (cancellable != NULL && now - started > cancel_after_us)
        g_cancellable_cancel (cancellable);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return tl_store_open_finish (result, error);
}

static void
test_verify_full (void)
{
  g_autofree char *address = tls_address (g_getenv ("TL_TEST_PG_TLS_CA"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_async (address, NULL, 0, &error);
  g_autoptr(TlStoreServer) server = NULL;
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(TlEvent) read = NULL;

  g_assert_no_error (error);
  g_assert_true (tl_store_is_server (store));

  server = tl_store_get_server (store);
  g_assert_nonnull (server);
  g_assert_true (server->tls);
  g_assert_cmpstr (server->host, ==, "localhost");
  g_assert_cmpstr (server->user, ==, "tideline");
  g_assert_true (g_str_has_prefix (server->database, "tl_"));

  /* The store works over it: a report written and read back. */
  tl_event_set_time (event, T0);
  tl_event_set_position (event, 50.95, 1.58);
  tl_event_set_people (event, 47);
  tl_event_set_notes (event, "Grey inflatable, seen over TLS");
  g_assert_true (tl_store_add_event (store, event, "Desk 1", &error));
  g_assert_no_error (error);
  read = tl_store_get_event (store, tl_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tl_event_get_notes (read), ==, "Grey inflatable, seen over TLS");
  g_assert_cmpint (tl_store_count_events (store, NULL), ==, 1);
}

static void
test_plain_socket (void)
{
  g_autoptr(TlStore) store = tl_test_store_open ("tls");
  g_autoptr(TlStoreServer) server = tl_store_get_server (store);

  /* The Unix socket is not encrypted, and the window says so. */
  g_assert_nonnull (server);
  g_assert_false (server->tls);
  g_assert_cmpstr (server->host, ==, "localhost");
}

static void
test_wrong_ca (void)
{
  g_autofree char *address = tls_address (g_getenv ("TL_TEST_PG_TLS_WRONG_CA"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_async (address, NULL, 0, &error);

  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "not signed by the authority"));
  g_assert_nonnull (strstr (error->message, "certificate verify failed"));
}

static void
test_missing_ca (void)
{
  g_autofree char *address = tls_address ("/nonexistent/root.crt");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (address, &error);

  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "sslrootcert"));
}

/* A listening socket that never answers: the TCP handshake completes
 * (the kernel does it), then nothing. */
static GSocket *
silent_server (guint16 *out_port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *out_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

static void
test_cancel (void)
{
  guint16 port;
  g_autoptr(GSocket) socket = silent_server (&port);
  g_autofree char *address = g_strdup_printf ("host=127.0.0.1 port=%u dbname=ops user=desk1 "
                                              "sslmode=disable connect_timeout=120", port);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  g_autoptr(TlStore) store = open_async (address, cancellable, G_USEC_PER_SEC / 5, &error);

  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Given up on at once, not after the timeout. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 30 * G_USEC_PER_SEC);
}

static void
test_timeout (void)
{
  guint16 port;
  g_autoptr(GSocket) socket = silent_server (&port);
  g_autofree char *address = g_strdup_printf ("host=127.0.0.1 port=%u dbname=ops user=desk1 "
                                              "sslmode=disable connect_timeout=1", port);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = open_async (address, NULL, 0, &error);

  g_assert_null (store);
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "did not answer within 1 s"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("TL_TEST_PG_TLS_CA") == NULL)
    {
      g_test_skip ("Runs under build-aux/with-pg-server --tls only");
      return g_test_run ();
    }

  g_test_add_func ("/pg-tls/verify-full", test_verify_full);
  g_test_add_func ("/pg-tls/plain-socket", test_plain_socket);
  g_test_add_func ("/pg-tls/wrong-ca", test_wrong_ca);
  g_test_add_func ("/pg-tls/missing-ca", test_missing_ca);
  g_test_add_func ("/pg-tls/cancel", test_cancel);
  g_test_add_func ("/pg-tls/timeout", test_timeout);

  return g_test_run ();
}
