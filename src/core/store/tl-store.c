/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-store-private.h"

/* The store that callers see: it opens a database file or a server
 * through its backend (tl-store-sqlite.c, pg/tl-store-pg.c), hands
 * every call to it, and watches for writes made by other connections.
 * The records themselves are read and written in tl-store-events.c. */

enum {
  EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlStore, tl_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tl-store-error-quark, tl_store_error)

/* Why the schema refused a value, by constraint name (see
 * tl-store-schema.c) or by the column of a NOT NULL failure. */
static const struct {
  const char *constraint;
  const char *reason;
} constraint_reasons[] = {
  { "kind_known", N_("the kind of event is not one Tideline knows") },
  { "events.kind", N_("the kind of event is not one Tideline knows") },
  { "status_known", N_("the status is not one Tideline knows") },
  { "events.status", N_("the status is not one Tideline knows") },
  { "end_after_start", N_("the end is before the start") },
  { "latitude_in_range", N_("the latitude must be between -90° and 90°") },
  { "longitude_in_range", N_("the longitude must be between -180° and 180°") },
  { "position_complete", N_("a position needs both a latitude and a longitude") },
  { "boats_not_negative", N_("the number of boats cannot be negative") },
  { "people_not_negative", N_("the number of people cannot be negative") },
  { "rescued_not_negative", N_("the number of people rescued cannot be negative") },
  { "deceased_not_negative", N_("the number of people dead cannot be negative") },
  { "missing_not_negative", N_("the number of people missing cannot be negative") },
  { "details_is_json", N_("the details are not valid JSON") },
  { "iso_week", N_("the week is not an ISO week from Monday to Sunday") },
  { "FOREIGN KEY", N_("the case it belongs to does not exist") },
  { "events.id", N_("an event with the same number already exists") },
  { "_by", N_("no operator name was given") },
  { "audit", N_("the audit log cannot be changed") },
};

/* Callbacks */

static gboolean
on_poll_timeout (gpointer user_data)
{
  TlStore *self = user_data;

  /* A server is asked from the worker, never from the window's thread;
   * one question at a time. */
  if (tl_store_is_server (self))
    {
      if (!self->polling && !tl_store_is_listening (self))
        tl_store_poll_server (self);
      return G_SOURCE_CONTINUE;
    }

  tl_store_check_for_changes (self);

  return G_SOURCE_CONTINUE;
}

/* Opens @path (a file, or a server with @password if one was typed),
 * without watching it yet: safe in a worker thread. */
TlStore *
tl_store_open_unwatched (const char    *path,
                         const char    *password,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(TlStore) self = g_object_new (TL_TYPE_STORE, NULL);

  self->path = g_strdup (path);

  if (tl_store_is_server_address (path))
    {
      self->backend = tl_store_pg_open (path, password, cancellable, error);
      if (self->backend == NULL)
        return NULL;
      tl_store_backend_set_store (self->backend, self);
      self->schema_version = TL_STORE_SCHEMA_VERSION;
    }
  else
    {
      self->backend = tl_store_sqlite_open (path, error);
      if (self->backend == NULL)
        return NULL;
      tl_store_backend_set_store (self->backend, self);
      /* Migrated, or refused as too new. */
      self->schema_version = TL_STORE_SCHEMA_VERSION;
    }

  return g_steal_pointer (&self);
}

/* Watches for the writes of others from the caller's thread-default
 * main context. */
void
tl_store_start_watching (TlStore *self)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  if (tl_store_is_server (self))
    tl_store_pg_listen (self->backend);

  /* SQLite has no change notification across processes; data_version is
   * cheap to poll (it reads a counter in shared memory). A server's
   * backend polls a counter of its own until LISTEN/NOTIFY replaces it. */
  self->poll_source = g_timeout_source_new_seconds (1);
  g_source_set_static_name (self->poll_source, "[tideline] store poll");
  g_source_set_callback (self->poll_source, on_poll_timeout, self, NULL);
  g_source_attach (self->poll_source, context);
}

/* GObject overrides */

static void
tl_store_dispose (GObject *object)
{
  TlStore *self = (TlStore *)object;

  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }

  G_OBJECT_CLASS (tl_store_parent_class)->dispose (object);
}

static void
tl_store_finalize (GObject *object)
{
  TlStore *self = (TlStore *)object;

  g_clear_pointer (&self->worker, tl_store_worker_free);
  g_clear_object (&self->backend);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tl_store_parent_class)->finalize (object);
}

static void
tl_store_class_init (TlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  tl_store_configure_sqlite ();

  object_class->dispose = tl_store_dispose;
  object_class->finalize = tl_store_finalize;

  /**
   * TlStore::events-changed:
   * @self: the store
   *
   * Emitted after a write that changed events was committed: by this
   * store, once per call (a bulk add emits once), or by another connection
   * to the same file, noticed by tl_store_check_for_changes() within a
   * second. For writes from elsewhere it may also be emitted when only
   * other tables changed. Handlers re-read what they show.
   */
  signals[EVENTS_CHANGED] =
    g_signal_new ("events-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tl_store_init (TlStore *self)
{
}

/* Private API, shared with the backends */

/* Why the schema refused a value, from what the database said (a
 * constraint's name, or the column of a NOT NULL failure), translated;
 * NULL if it is not one the schema names. The server backend says the
 * same words as the file. */
const char *
tl_store_constraint_reason (const char *detail)
{
  for (guint i = 0; i < G_N_ELEMENTS (constraint_reasons); i++)
    if (strstr (detail, constraint_reasons[i].constraint) != NULL)
      return _(constraint_reasons[i].reason);

  return NULL;
}

void
tl_store_set_too_new_error (const char  *path,
                            int          version,
                            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TL_STORE_ERROR, TL_STORE_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Tideline (schema %d); "
                 "this version reads up to schema %d"),
               display, version, TL_STORE_SCHEMA_VERSION);
}

void
tl_store_emit_events_changed (TlStore *self)
{
  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
}

gint64
tl_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Public API */

/**
 * tl_store_open:
 * @path: (type filename): the database file; it and its folders are
 *   created if missing. Or a PostgreSQL server: a `postgresql://` or
 *   `postgres://` URI, or libpq's `key=value` form (`service=ops`); its
 *   password comes from `~/.pgpass` or libpq's other sources, never from
 *   @path
 * @error: return location for a #TL_STORE_ERROR
 *
 * Opens a Tideline database, creating it (mode 0600) or migrating it to
 * the current schema as needed. A file that is not a SQLite database, is
 * damaged, belongs to another program or was written by a newer Tideline
 * is refused before anything is written to it, and is left byte for byte
 * as it was.
 *
 * The store watches the file for writes by other programs from the
 * thread-default main context of the caller.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TlStore *
tl_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(TlStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((self = tl_store_open_unwatched (path, NULL, NULL, error)) == NULL)
    return NULL;
  tl_store_start_watching (self);

  return g_steal_pointer (&self);
}

/**
 * tl_store_get_path:
 * @self: a #TlStore
 *
 * Returns: (type filename): the path the store was opened with
 */
const char *
tl_store_get_path (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  return self->path;
}

/**
 * tl_store_get_schema_version:
 * @self: a #TlStore
 *
 * Returns: the schema of the open file, TL_STORE_SCHEMA_VERSION once open
 */
int
tl_store_get_schema_version (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * tl_store_check_for_changes:
 * @self: a #TlStore
 *
 * Looks once whether another connection (another window or program)
 * committed a write to the file since the last look, and if so emits
 * #TlStore::events-changed. The store does this every second by itself;
 * call it to look now.
 *
 * Returns: %TRUE if the file changed
 */
gboolean
tl_store_check_for_changes (TlStore *self)
{
  g_return_val_if_fail (TL_IS_STORE (self), FALSE);

  return tl_store_backend_check_for_changes (self->backend);
}

