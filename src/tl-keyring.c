/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "tl-keyring.h"
#include "tl-store.h"

/* Passwords for shared servers, kept in the desktop's keyring (the
 * Secret Service, through libsecret) when the officer asks, never in
 * GSettings nor in a file of Tideline's own. An item is keyed by the
 * server's host, port, database and user (and service name), as
 * tl_store_address_get_login() reads them from the address, so that one
 * password serves every address that reaches the same login.
 *
 * A keyring made by tl_keyring_new_in_memory() keeps them in this
 * process only: tests use it, so that none depends on a Secret Service
 * being on the bus, and none writes to the desk's real keyring. */

struct _TlKeyring
{
  GObject     parent_instance;

  /* owned */
  GHashTable *memory;   /* key of the attributes → password; NULL: libsecret */
};

G_DEFINE_FINAL_TYPE (TlKeyring, tl_keyring, G_TYPE_OBJECT)

static TlKeyring *default_keyring;

/* Helpers */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".ServerPassword", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* One string for the attributes, for the in-memory keyring. */
static char *
memory_key (GHashTable *attributes)
{
  return g_strdup_printf ("%s\n%s\n%s\n%s\n%s",
                          (char *) g_hash_table_lookup (attributes, "host"),
                          (char *) g_hash_table_lookup (attributes, "port"),
                          (char *) g_hash_table_lookup (attributes, "database"),
                          (char *) g_hash_table_lookup (attributes, "user"),
                          (char *) g_hash_table_lookup (attributes, "service"));
}

static GTask *
new_task (TlKeyring           *self,
          const char          *address,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          GHashTable         **out_attributes)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  *out_attributes = tl_keyring_dup_attributes (address);
  if (*out_attributes == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Only a server’s password can be kept in the keyring"));
      g_clear_object (&task);
    }
  return task;
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Nothing to forget is no failure. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* GObject overrides */

static void
tl_keyring_finalize (GObject *object)
{
  TlKeyring *self = TL_KEYRING (object);

  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (tl_keyring_parent_class)->finalize (object);
}

static void
tl_keyring_class_init (TlKeyringClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tl_keyring_finalize;
}

static void
tl_keyring_init (TlKeyring *self)
{
}

/* Public API */

/**
 * tl_keyring_get_default:
 *
 * Returns: (transfer none): the desktop's keyring, or the one given to
 *   tl_keyring_set_default()
 */
TlKeyring *
tl_keyring_get_default (void)
{
  if (default_keyring == NULL)
    default_keyring = g_object_new (TL_TYPE_KEYRING, NULL);
  return default_keyring;
}

/**
 * tl_keyring_set_default:
 * @keyring: (nullable): the keyring dialogs use from now on, or %NULL
 *   for the desktop's
 */
void
tl_keyring_set_default (TlKeyring *keyring)
{
  g_set_object (&default_keyring, keyring);
}

/**
 * tl_keyring_new_in_memory:
 *
 * Returns: (transfer full): a keyring kept in this process only
 */
TlKeyring *
tl_keyring_new_in_memory (void)
{
  TlKeyring *self = g_object_new (TL_TYPE_KEYRING, NULL);

  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) tl_keyring_password_free);
  return self;
}

/**
 * tl_keyring_dup_attributes:
 * @address: a server's address
 *
 * Returns: (transfer full) (nullable): the attributes of the keyring item
 *   for @address's login (tl_store_address_get_login()), or %NULL for a
 *   file
 */
GHashTable *
tl_keyring_dup_attributes (const char *address)
{
  g_return_val_if_fail (address != NULL, NULL);
  return tl_store_address_get_login (address);
}

/**
 * tl_keyring_lookup_async:
 *
 * Looks for the password kept for @address's login.
 */
void
tl_keyring_lookup_async (TlKeyring           *self,
                         const char          *address,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (TL_IS_KEYRING (self));

  task = new_task (self, address, tl_keyring_lookup_async, cancellable, callback, user_data, &attributes);
  if (task == NULL)
    return;
  if (self->memory != NULL)
    {
      g_autofree char *key = memory_key (attributes);
      const char *password = g_hash_table_lookup (self->memory, key);

      g_task_return_pointer (task, g_strdup (password), (GDestroyNotify) tl_keyring_password_free);
      g_object_unref (task);
      return;
    }
  secret_password_lookupv (get_schema (), attributes, cancellable, lookup_cb, task);
}

/**
 * tl_keyring_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password (free it with
 *   tl_keyring_password_free()), or %NULL if none is kept (@error unset)
 *   or the keyring could not be read (@error set: no Secret Service)
 */
char *
tl_keyring_lookup_finish (TlKeyring     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  char *password;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  password = g_task_propagate_pointer (G_TASK (result), error);
  /* libsecret's copy is in non-pageable memory: ours is an ordinary one. */
  if (password != NULL && self->memory == NULL)
    {
      char *copy = g_strdup (password);

      secret_password_free (password);
      password = copy;
    }
  return password;
}

/**
 * tl_keyring_store_async:
 *
 * Keeps @password for @address's login, replacing one kept before.
 */
void
tl_keyring_store_async (TlKeyring           *self,
                        const char          *address,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (TL_IS_KEYRING (self));
  g_return_if_fail (password != NULL);

  task = new_task (self, address, tl_keyring_store_async, cancellable, callback, user_data, &attributes);
  if (task == NULL)
    return;
  if (self->memory != NULL)
    {
      g_hash_table_replace (self->memory, memory_key (attributes), g_strdup (password));
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  /* Translators: the keyring's name for a password: user, host, port and
   * database, as in “desk1 on ops-server:5432/ops” */
  label = g_strdup_printf (_("Tideline: %s on %s:%s/%s"),
                           (char *) g_hash_table_lookup (attributes, "user"),
                           (char *) g_hash_table_lookup (attributes, "host"),
                           (char *) g_hash_table_lookup (attributes, "port"),
                           (char *) g_hash_table_lookup (attributes, "database"));
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, stored_cb, task);
}

gboolean
tl_keyring_store_finish (TlKeyring     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tl_keyring_forget_async:
 *
 * Drops the password kept for @address's login, if any.
 */
void
tl_keyring_forget_async (TlKeyring           *self,
                         const char          *address,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (TL_IS_KEYRING (self));

  task = new_task (self, address, tl_keyring_forget_async, cancellable, callback, user_data, &attributes);
  if (task == NULL)
    return;
  if (self->memory != NULL)
    {
      g_autofree char *key = memory_key (attributes);

      g_hash_table_remove (self->memory, key);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  secret_password_clearv (get_schema (), attributes, cancellable, cleared_cb, task);
}

gboolean
tl_keyring_forget_finish (TlKeyring     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tl_keyring_password_free:
 * @password: (nullable): a password
 *
 * Overwrites a password, then frees it.
 */
void
tl_keyring_password_free (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}
