/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* The PostgreSQL/PostGIS backend: a shared server that several desks
 * write to. This file owns the connection, runs statements (always with
 * bound parameters) and turns the server's answers into TL_STORE_ERRORs.
 *
 * The connection is made with the caller's libpq settings: a URI, a
 * key=value string or a service from pg_service.conf, TLS as it asks
 * (sslmode=verify-full with the user's CA), and a password only from
 * ~/.pgpass or libpq's other sources. Tideline never stores one: an
 * address that carries a password is refused. */

G_DEFINE_FINAL_TYPE (TlStorePg, tl_store_pg, TL_TYPE_STORE_BACKEND)

/* Bumped by a statement trigger on every write to events (schema 1),
 * so that another desk's write is seen by the next poll. */
static const char data_version_sql[] =
  "SELECT version FROM tl_changes";

/* Helpers */

/* The host an operator knows: a socket folder says nothing to one. */
static const char *
shown_host (PGconn *conn)
{
  const char *host = PQhost (conn);

  if (host == NULL || *host == '\0' || *host == '/')
    return "localhost";

  return host;
}

/* user@host/database, for titles and errors. */
static char *
build_display_name (PGconn *conn)
{
  return g_strdup_printf ("%s@%s/%s", PQuser (conn), shown_host (conn), PQdb (conn));
}

static gboolean
has_password (const char  *address,
              gboolean    *out_has,
              GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (address, &message);

  if (options == NULL)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("“%s” is not a PostgreSQL address Tideline understands: %s"),
                   address, message != NULL ? g_strstrip (message) : "?");
      PQfreemem (message);
      return FALSE;
    }

  *out_has = FALSE;
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "password") && option->val != NULL && *option->val != '\0')
      *out_has = TRUE;
  PQconninfoFree (options);

  return TRUE;
}

/* Private API, but needed above tl_pg_exec() */

void
tl_pg_set_result_error (TlStorePg   *self,
                        PGresult    *result,
                        const char  *what,
                        GError     **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *reason = NULL;
  TlStoreError code = TL_STORE_ERROR_FAILED;

  if (message == NULL)
    message = PQerrorMessage (self->conn);

  /* A server shutting down (57P01 as pg_ctl stops it, 57P02, 57P03) or
   * a connection exception (08…) is a server gone, as a closed socket
   * is: what the desk saves then is kept, not refused. libpq may still
   * call the connection good until it reads the end of the stream. */
  if (PQstatus (self->conn) != CONNECTION_OK ||
      (state != NULL && (g_str_has_prefix (state, "57P") || g_str_has_prefix (state, "08"))))
    {
      g_autofree char *detail = g_strstrip (g_strdup (message));

      code = TL_STORE_ERROR_IO;
      reason = g_strdup_printf (_("the connection to %s was lost (%s); "
                                  "check the network and that the server is running"),
                                self->display_name, detail);
    }
  else if (state != NULL && g_str_has_prefix (state, "23"))
    {
      const char *constraint = PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME);
      const char *table = PQresultErrorField (result, PG_DIAG_TABLE_NAME);
      const char *column = PQresultErrorField (result, PG_DIAG_COLUMN_NAME);
      g_autofree char *detail = NULL;

      code = TL_STORE_ERROR_INVALID;
      /* The names tl_store_constraint_reason() knows from SQLite. */
      if (g_str_equal (state, "23503"))
        detail = g_strdup ("FOREIGN KEY");
      else if (g_str_equal (state, "23505") && g_strcmp0 (constraint, "events_pkey") == 0)
        detail = g_strdup ("events.id");
      else if (g_str_equal (state, "23502"))
        detail = g_strdup_printf ("%s.%s", table ? table : "", column ? column : "");
      else
        detail = g_strdup (constraint != NULL ? constraint : message);
      reason = g_strdup (tl_store_constraint_reason (detail));
      if (reason == NULL)
        reason = g_strdup_printf (_("a value is not allowed (%s)"), message);
    }
  /* details_is_json is checked by parsing the value (room step 5): a
   * value that is not JSON is refused by the parser, not by a CHECK. */
  else if (state != NULL && g_str_equal (state, "22P02") && strstr (message, "type json") != NULL)
    {
      code = TL_STORE_ERROR_INVALID;
      reason = g_strdup (tl_store_constraint_reason ("details_is_json"));
    }
  else if (state != NULL && (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
                             g_str_equal (state, "55P03")))
    reason = g_strdup (_("another desk is writing the same records; try again in a moment"));
  else if (state != NULL && g_str_has_prefix (state, "42501"))
    reason = g_strdup_printf (_("the server refused it to %s (%s)"),
                              PQuser (self->conn), message);
  else if (state != NULL && g_str_equal (state, "P0001") &&
           strstr (message, "audit") != NULL)
    {
      code = TL_STORE_ERROR_INVALID;
      reason = g_strdup (tl_store_constraint_reason ("audit"));
    }
  else
    reason = g_strdup (message);

  g_set_error (error, TL_STORE_ERROR, code, "%s: %s", what, g_strstrip (reason));
}

/* The server's notices (an extension already there, …) are for
 * debugging, not for a desk's terminal. */
static void
log_notice (void       *user_data,
            const char *message)
{
  g_debug ("Server notice: %s", message);
}

/* GObject overrides */

static void
tl_store_pg_finalize (GObject *object)
{
  TlStorePg *self = (TlStorePg *)object;

  g_clear_pointer (&self->listener, tl_pg_listener_free);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->write_key, g_free);
  g_clear_pointer (&self->server.host, g_free);
  g_clear_pointer (&self->server.database, g_free);
  g_clear_pointer (&self->server.user, g_free);

  G_OBJECT_CLASS (tl_store_pg_parent_class)->finalize (object);
}

static gboolean
tl_store_pg_check_for_changes (TlStoreBackend *backend)
{
  TlStorePg *self = TL_STORE_PG (backend);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  gint64 version;

  /* A bulk add holds the connection's transaction. */
  if (self->in_bulk)
    return FALSE;
  /* The server tells of every write (tl-store-pg-notify.c). */
  if (tl_pg_listener_is_listening (self->listener))
    return FALSE;

  result = tl_pg_exec (self, data_version_sql, NULL, _("Could not read the database"), &error);
  if (result == NULL || PQntuples (result) != 1)
    {
      /* Unreachable for a moment: the next poll looks again. */
      g_debug ("Could not poll %s: %s", self->display_name, error ? error->message : "no row");
      return FALSE;
    }

  version = tl_pg_get_int64 (result, 0, 0, 0);
  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  tl_store_backend_emit_changed (backend);
  return TRUE;
}

static const char *
tl_store_pg_get_display_name (TlStoreBackend *backend)
{
  return TL_STORE_PG (backend)->display_name;
}

static void
tl_store_pg_class_init (TlStorePgClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TlStoreBackendClass *backend_class = TL_STORE_BACKEND_CLASS (klass);

  object_class->finalize = tl_store_pg_finalize;

  backend_class->check_for_changes = tl_store_pg_check_for_changes;
  backend_class->get_display_name = tl_store_pg_get_display_name;
  tl_pg_events_class_init (backend_class);
  tl_pg_query_class_init (backend_class);
  tl_pg_cases_class_init (backend_class);
  tl_pg_units_class_init (backend_class);
  tl_pg_bulk_class_init (backend_class);
  tl_pg_copy_class_init (backend_class);
  tl_pg_roles_class_init (backend_class);
  tl_pg_watch_class_init (backend_class);
}

static void
tl_store_pg_init (TlStorePg *self)
{
}

/* Private API */

void
tl_pg_params_init (TlPgParams *params)
{
  params->values = g_ptr_array_new_with_free_func (g_free);
}

void
tl_pg_params_clear (TlPgParams *params)
{
  g_clear_pointer (&params->values, g_ptr_array_unref);
}

void
tl_pg_params_text (TlPgParams *params,
                   const char *value)
{
  g_ptr_array_add (params->values, g_strdup (value));
}

void
tl_pg_params_int64 (TlPgParams *params,
                    gint64      value)
{
  g_ptr_array_add (params->values, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
tl_pg_params_optional (TlPgParams *params,
                       gint64      value,
                       gint64      none)
{
  if (value == none)
    g_ptr_array_add (params->values, NULL);
  else
    tl_pg_params_int64 (params, value);
}

void
tl_pg_params_double (TlPgParams *params,
                     double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_ptr_array_add (params->values, NULL);
  else
    g_ptr_array_add (params->values, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

/* As bytea's hex input form. */
void
tl_pg_params_bytea (TlPgParams   *params,
                    const guint8 *data,
                    gsize         size)
{
  GString *hex;

  if (data == NULL)
    {
      g_ptr_array_add (params->values, NULL);
      return;
    }

  hex = g_string_sized_new (2 + 2 * size);
  g_string_append (hex, "\\x");
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", data[i]);
  g_ptr_array_add (params->values, g_string_free (hex, FALSE));
}

PGresult *
tl_pg_exec (TlStorePg   *self,
            const char  *sql,
            TlPgParams  *params,
            const char  *what,
            GError     **error)
{
  int n = params != NULL ? (int) params->values->len : 0;
  const char *const *values = params != NULL ? (const char *const *) params->values->pdata : NULL;
  PGresult *result = PQexecParams (self->conn, sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  tl_pg_set_result_error (self, result, what, error);
  PQclear (result);
  return NULL;
}

gboolean
tl_pg_exec_command (TlStorePg   *self,
                    const char  *sql,
                    TlPgParams  *params,
                    const char  *what,
                    GError     **error)
{
  g_autoptr(PGresult) result = tl_pg_exec (self, sql, params, what, error);

  return result != NULL;
}

/* Read committed is enough: every write checks the revision it read in
 * its own UPDATE … WHERE revision = $n, and locks what it reads back. */
gboolean
tl_pg_begin (TlStorePg  *self,
             GError    **error)
{
  return tl_pg_exec_command (self, "BEGIN", NULL, _("Could not write to the database"), error);
}

gboolean
tl_pg_commit (TlStorePg   *self,
              const char  *what,
              GError     **error)
{
  g_autoptr(PGresult) version = NULL;

  /* The count of writes as this transaction leaves it: its own write is
   * announced by the store at once, not again by the next poll. No other
   * writer can move it until the commit (the write holds its row). */
  version = tl_pg_exec (self, data_version_sql, NULL, what, error);
  if (version == NULL)
    {
      tl_pg_rollback (self);
      return FALSE;
    }
  if (PQntuples (version) == 1)
    self->data_version = tl_pg_get_int64 (version, 0, 0, 0);

  if (!tl_pg_exec_command (self, "COMMIT", NULL, what, error))
    {
      tl_pg_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
tl_pg_rollback (TlStorePg *self)
{
  g_autoptr(PGresult) result = NULL;

  if (PQtransactionStatus (self->conn) == PQTRANS_IDLE)
    return;

  result = PQexec (self->conn, "ROLLBACK");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_debug ("Could not roll back on %s: %s", self->display_name, PQerrorMessage (self->conn));
}

gboolean
tl_pg_set_local (TlStorePg    *self,
                 const char   *name,
                 const char   *value,
                 const char   *what,
                 GError      **error)
{
  g_auto(TlPgParams) params = { NULL };

  tl_pg_params_init (&params);
  tl_pg_params_text (&params, name);
  tl_pg_params_text (&params, value != NULL ? value : "");
  return tl_pg_exec_command (self, "SELECT set_config ($1, $2, true)", &params, what, error);
}

gboolean
tl_pg_check_audited (TlStorePg    *self,
                     const char   *what,
                     GError      **error)
{
  if (self->audited)
    return TRUE;

  /* Translators: %s is what could not be done; “tideline migrate” is a command */
  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_FAILED,
               _("%s: this server does not keep its audit itself yet; its administrator "
                 "must first run “tideline migrate” with a role that may create roles"),
               what);
  return FALSE;
}

gint64
tl_pg_get_int64 (PGresult *result,
                 int       row,
                 int       column,
                 gint64    none)
{
  if (PQgetisnull (result, row, column))
    return none;

  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

double
tl_pg_get_double (PGresult *result,
                  int       row,
                  int       column)
{
  if (PQgetisnull (result, row, column))
    return NAN;

  return g_ascii_strtod (PQgetvalue (result, row, column), NULL);
}

const char *
tl_pg_get_text (PGresult *result,
                int       row,
                int       column)
{
  if (PQgetisnull (result, row, column))
    return NULL;

  return PQgetvalue (result, row, column);
}

/**
 * tl_store_is_server_address:
 * @address: what --database or the open dialog was given
 *
 * Returns: whether @address names a PostgreSQL server (a postgresql:// or
 *   postgres:// URI, or libpq's key=value form such as service=ops)
 *   rather than a file
 */
gboolean
tl_store_is_server_address (const char *address)
{
  /* libpq's key=value form starts with a keyword; a file's name that
   * does (a file called "host=…") can be given as ./host=… */
  static const char *const prefixes[] = {
    "postgresql://", "postgres://", "service=", "host=", "hostaddr=", "dbname=", "user=", "port=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (address, prefixes[i]))
      return TRUE;

  return FALSE;
}

/* Why a connection failed, with what to do about the usual causes: libpq
 * says what happened, not what an operator should check. */
static void
set_connect_error (PGconn      *conn,
                   GError     **error)
{
  g_autofree char *message = g_strstrip (g_strdup (conn != NULL ? PQerrorMessage (conn)
                                                                : "out of memory"));
  const char *hint = NULL;

  if (strstr (message, "certificate verify failed") != NULL)
    hint = _("The server’s certificate is not signed by the authority Tideline was given "
             "(sslrootcert, or ~/.postgresql/root.crt): ask the server’s administrator "
             "for the right CA certificate");
  else if (strstr (message, "does not match host name") != NULL)
    hint = _("The server’s certificate is for another host name: connect with the name "
             "the certificate was made for");
  else if (strstr (message, "root certificate file") != NULL)
    hint = _("sslmode=verify-full needs the CA certificate: give it with sslrootcert=FILE "
             "or put it in ~/.postgresql/root.crt");
  else if (strstr (message, "no password supplied") != NULL)
    hint = _("The server asks for a password: type it, or put it in ~/.pgpass");
  else if (strstr (message, "password authentication failed") != NULL)
    hint = _("The server refused the user name or the password");
  else if (strstr (message, "Connection refused") != NULL)
    hint = _("Nothing answers at that address: check the host and the port, and that the "
             "server is running");
  else if (strstr (message, "could not translate host name") != NULL)
    hint = _("The host name is not known: check its spelling and the network");

  if (hint != NULL)
    g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                 _("Could not connect to the server: %s (%s)"), hint, message);
  else
    g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                 _("Could not connect to the server: %s"), message);
}

/* How long a connection may take when the address does not say
 * (connect_timeout): PQconnectPoll() leaves the waiting to its caller. */
#define DEFAULT_CONNECT_TIMEOUT_S 30

static int
connect_timeout_ms (PGconn *conn)
{
  PQconninfoOption *options = PQconninfo (conn);
  int seconds = DEFAULT_CONNECT_TIMEOUT_S;

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "connect_timeout") && option->val != NULL &&
        atoi (option->val) > 0)
      seconds = atoi (option->val);
  PQconninfoFree (options);

  return seconds * 1000;
}

/* Makes @conn's connection, waiting for its socket and for
 * @cancellable: a window can give up on a server that does not answer. */
static gboolean
connect_polling (PGconn        *conn,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  gint64 deadline;

  if (conn == NULL || PQstatus (conn) == CONNECTION_BAD)
    {
      set_connect_error (conn, error);
      return FALSE;
    }

  deadline = g_get_monotonic_time () + (gint64) connect_timeout_ms (conn) * 1000;
  while (status != PGRES_POLLING_OK)
    {
      GPollFD fds[2] = { { PQsocket (conn), status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT, 0 } };
      gboolean cancellable_fd = g_cancellable_make_pollfd (cancellable, &fds[1]);
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;

      if (left_ms <= 0)
        {
          g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                       _("Could not connect to the server: it did not answer within %d s; "
                         "check the network and that the server is running"),
                       connect_timeout_ms (conn) / 1000);
          if (cancellable_fd)
            g_cancellable_release_fd (cancellable);
          return FALSE;
        }
      g_poll (fds, cancellable_fd ? 2 : 1, (int) MIN (left_ms, G_MAXINT));
      if (cancellable_fd)
        g_cancellable_release_fd (cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (fds[0].revents == 0)
        continue;

      status = PQconnectPoll (conn);
      if (status == PGRES_POLLING_FAILED)
        {
          set_connect_error (conn, error);
          return FALSE;
        }
    }

  return TRUE;
}

/* Opens @address (with @password, when one was typed: it is kept in
 * memory for this connection and the listener's, never written) and
 * migrates it. Blocking: run it off the main thread in a window;
 * @cancellable stops the connection's wait. */
TlStoreBackend *
tl_store_pg_open (const char    *address,
                  const char    *password,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(TlStorePg) self = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *keywords[] = { "dbname", NULL, NULL };
  const char *values[] = { address, NULL, NULL };
  gboolean has = FALSE;

  if (!has_password (address, &has, error))
    return NULL;
  if (has)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("The address of the server holds a password; Tideline never keeps one. "
                     "Remove it and put it in ~/.pgpass instead"));
      return NULL;
    }

  /* After the address, so that it wins over ~/.pgpass (the last value of
   * a keyword is the one libpq uses). */
  if (password != NULL && *password != '\0')
    {
      keywords[1] = "password";
      values[1] = password;
    }

  self = g_object_new (TL_TYPE_STORE_PG, NULL);
  self->typed_password = keywords[1] != NULL;
  self->conn = PQconnectStartParams (keywords, values, TRUE);
  if (!connect_polling (self->conn, cancellable, error))
    return NULL;
  self->display_name = build_display_name (self->conn);
  self->server.host = g_strdup (shown_host (self->conn));
  self->server.database = g_strdup (PQdb (self->conn));
  self->server.user = g_strdup (PQuser (self->conn));
  self->server.tls = PQsslInUse (self->conn);
  PQsetNoticeProcessor (self->conn, log_notice, NULL);

  /* Times are seconds since the epoch everywhere; text in UTF-8. */
  if (PQsetClientEncoding (self->conn, "UTF8") != 0)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_IO,
                   _("Could not open %s: the server cannot speak UTF-8"), self->display_name);
      return NULL;
    }

  if (!tl_pg_schema_migrate (self, error) ||
      !tl_pg_roles_open (self, error))
    return NULL;

  result = tl_pg_exec (self, data_version_sql, NULL, _("Could not open the database"), error);
  if (result == NULL)
    return NULL;
  self->data_version = PQntuples (result) == 1 ? tl_pg_get_int64 (result, 0, 0, 0) : 0;

  return TL_STORE_BACKEND (g_steal_pointer (&self));
}

/* Starts hearing the other desks' writes, from the caller's
 * thread-default main context: the thread that will use the store. */
void
tl_store_pg_listen (TlStoreBackend *backend)
{
  TlStorePg *self = TL_STORE_PG (backend);

  if (self->listener == NULL)
    self->listener = tl_pg_listener_new (self);
}

/* Where @backend writes, as read when it connected. */
TlStoreServer *
tl_store_pg_describe (TlStoreBackend *backend)
{
  TlStorePg *self = TL_STORE_PG (backend);
  const char *role = self->role_name;
  TlStoreServer *server = g_new0 (TlStoreServer, 1);

  server->host = g_strdup (self->server.host);
  server->database = g_strdup (self->server.database);
  server->user = g_strdup (self->server.user);
  server->role = g_strdup (role != NULL ? role : self->server.user);
  server->tls = self->server.tls;

  return server;
}

/* The password @backend connected with, if one was typed (not from
 * ~/.pgpass nor the address): for a second connection of the same
 * store, in its worker. */
const char *
tl_store_pg_get_typed_password (TlStoreBackend *backend)
{
  return TL_STORE_PG (backend)->typed_password ? PQpass (TL_STORE_PG (backend)->conn) : NULL;
}

/* Opens @address for a store's worker thread (tl-store-worker.c): a
 * connection of its own, which does not listen (its store does). */
TlStoreBackend *
tl_store_pg_open_quiet (const char  *address,
                        const char  *password,
                        GError     **error)
{
  return tl_store_pg_open (address, password, NULL, error);
}
