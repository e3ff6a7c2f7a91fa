/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-pg-private.h"

/* Addresses of servers, as a user types them and as Tideline remembers
 * them: checked before a connection is tried, and remembered without a
 * password, whatever form it came in (postgresql://user:secret@host/db,
 * ?password=secret, or password=secret in libpq's key=value form). */

/* Helpers */

static gboolean
is_uri (const char *address)
{
  return g_str_has_prefix (address, "postgresql://") || g_str_has_prefix (address, "postgres://");
}

/* A query parameter's keyword as libpq reads it: percent-decoded. */
static gboolean
is_password_parameter (const char *parameter)
{
  g_autofree char *raw = g_strndup (parameter, strcspn (parameter, "="));
  g_autofree char *keyword = g_uri_unescape_string (raw, NULL);

  return keyword != NULL ? g_str_equal (keyword, "password") : g_str_equal (raw, "password");
}

static char *
uri_without_password (const char *address)
{
  const char *start = strstr (address, "://") + 3;
  gsize authority_length = strcspn (start, "/?");
  const char *at = g_strrstr_len (start, authority_length, "@");
  const char *query = strchr (start + authority_length, '?');
  GString *out = g_string_new_len (address, start - address);
  const char *rest = start;

  /* user:password@ → user@ */
  if (at != NULL)
    {
      const char *colon = memchr (start, ':', at - start);

      g_string_append_len (out, start, (colon != NULL ? colon : at) - start);
      rest = at;
    }

  if (query == NULL)
    {
      g_string_append (out, rest);
      return g_string_free (out, FALSE);
    }

  g_string_append_len (out, rest, query - rest);
  {
    g_auto(GStrv) parameters = g_strsplit (query + 1, "&", -1);
    gboolean first = TRUE;

    for (guint i = 0; parameters[i] != NULL; i++)
      {
        if (*parameters[i] == '\0' || is_password_parameter (parameters[i]))
          continue;
        g_string_append_c (out, first ? '?' : '&');
        g_string_append (out, parameters[i]);
        first = FALSE;
      }
  }

  return g_string_free (out, FALSE);
}

/* libpq's key=value form, in the user's order, without its password:
 * each "key = value" kept as written (libpq has read the whole string
 * already, so its quoting is sound). */
static char *
keywords_without_password (const char *address)
{
  GString *out = g_string_new (NULL);
  const char *c = address;

  while (*c != '\0')
    {
      const char *start;
      gsize key_length;
      gboolean is_password;

      while (g_ascii_isspace (*c))
        c++;
      if (*c == '\0')
        break;

      start = c;
      key_length = strcspn (c, "= \t\n\r\f\v");
      is_password = key_length == strlen ("password") && strncmp (c, "password", key_length) == 0;
      c += key_length;
      while (g_ascii_isspace (*c) || *c == '=')
        c++;
      if (*c == '\'')
        {
          for (c++; *c != '\0' && *c != '\''; c++)
            if (*c == '\\' && c[1] != '\0')
              c++;
          if (*c == '\'')
            c++;
        }
      else
        {
          for (; *c != '\0' && !g_ascii_isspace (*c); c++)
            if (*c == '\\' && c[1] != '\0')
              c++;
        }

      if (is_password)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, c - start);
    }

  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * tl_store_address_without_password:
 * @address: a file's path or a server's address
 *
 * What Tideline may remember of @address: a server's address without any
 * password it holds (in a URI's user information, as a URI's `password`
 * parameter, or as libpq's `password=`); a file's path as it is.
 *
 * Returns: (transfer full) (nullable): the address to remember, or %NULL
 *   for a server address libpq cannot read (nothing of it is kept)
 */
char *
tl_store_address_without_password (const char *address)
{
  PQconninfoOption *options;

  g_return_val_if_fail (address != NULL, NULL);

  if (!tl_store_is_server_address (address))
    return g_strdup (address);

  /* A URI keeps its form, as the user wrote it; one libpq cannot read is
   * not kept at all. */
  if ((options = PQconninfoParse (address, NULL)) == NULL)
    return NULL;
  PQconninfoFree (options);

  return is_uri (address) ? uri_without_password (address) : keywords_without_password (address);
}

/**
 * tl_store_check_server_address:
 * @address: what a user typed as a server's address
 * @error: return location for a #TL_STORE_ERROR
 *
 * Checks @address before any connection is tried: a postgresql:// URI or
 * libpq's key=value form (`service=ops`) that libpq can read, with no
 * password in it (a password is typed apart, or kept in ~/.pgpass).
 *
 * Returns: %TRUE if @address may be tried
 */
gboolean
tl_store_check_server_address (const char  *address,
                               GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options;
  gboolean has_password = FALSE;

  g_return_val_if_fail (address != NULL, FALSE);

  if (!tl_store_is_server_address (address))
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                   _("Give a server as postgresql://HOST/DATABASE or as service=NAME"));
      return FALSE;
    }

  if ((options = PQconninfoParse (address, &message)) == NULL)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                   _("This is not an address libpq understands: %s"),
                   message != NULL ? g_strstrip (message) : "?");
      PQfreemem (message);
      return FALSE;
    }
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, "password") && option->val != NULL && *option->val != '\0')
      has_password = TRUE;
  PQconninfoFree (options);

  if (has_password)
    {
      g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID,
                   _("The address holds a password, and Tideline remembers addresses: "
                     "type the password in its own field, or put it in ~/.pgpass"));
      return FALSE;
    }

  return TRUE;
}

static const char *
option_value (const PQconninfoOption *options,
              const char             *keyword)
{
  for (const PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword) && option->val != NULL && *option->val != '\0')
      return option->val;
  return NULL;
}

/**
 * tl_store_address_get_login:
 * @address: a server's address, as tl_store_check_server_address() takes
 *
 * Where a password for @address belongs: its host, port, database and
 * user as libpq would take them without connecting (what the address
 * says, else libpq's environment and defaults: PGHOST, PGPORT, PGUSER,
 * the login name), and its service name, if it names one (a service's
 * own settings are read only when it connects). Nothing is looked up on
 * the network.
 *
 * Returns: (transfer full) (nullable): "host", "port", "database",
 *   "user" and "service" (empty when none) as strings, or %NULL for a
 *   file or an address libpq cannot read
 */
GHashTable *
tl_store_address_get_login (const char *address)
{
  PQconninfoOption *options;
  PQconninfoOption *defaults;
  GHashTable *login;
  const char *host, *port, *user, *database, *service;

  g_return_val_if_fail (address != NULL, NULL);

  if (!tl_store_is_server_address (address) || (options = PQconninfoParse (address, NULL)) == NULL)
    return NULL;
  defaults = PQconndefaults ();

  host = option_value (options, "host");
  if (host == NULL)
    host = option_value (options, "hostaddr");
  if (host == NULL)
    host = option_value (defaults, "host");
  port = option_value (options, "port");
  if (port == NULL)
    port = option_value (defaults, "port");
  user = option_value (options, "user");
  if (user == NULL)
    user = option_value (defaults, "user");
  database = option_value (options, "dbname");
  if (database == NULL)
    database = option_value (defaults, "dbname");
  service = option_value (options, "service");

  login = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  /* libpq's own default host is its Unix socket, on this computer. */
  g_hash_table_insert (login, "host", g_strdup (host != NULL ? host : "localhost"));
  g_hash_table_insert (login, "port", g_strdup (port != NULL ? port : "5432"));
  g_hash_table_insert (login, "user", g_strdup (user != NULL ? user : g_get_user_name ()));
  /* The database is named after the user unless the address says. */
  g_hash_table_insert (login, "database",
                       g_strdup (database != NULL ? database
                                                  : g_hash_table_lookup (login, "user")));
  g_hash_table_insert (login, "service", g_strdup (service != NULL ? service : ""));

  PQconninfoFree (defaults);
  PQconninfoFree (options);
  return login;
}
