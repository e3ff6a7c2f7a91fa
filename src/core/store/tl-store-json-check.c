/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "tl-json-check.h"
#include "tl-store-sqlite-private.h"

/* An in-memory connection of its own, so that threads validating an
 * import side by side each ask theirs. SQLite's parser does not build a
 * tree of nodes as json-glib's does: checking the details of a 100k-row
 * import this way took a fifth of the time. */

struct _TlJsonCheck
{
  sqlite3      *db;
  sqlite3_stmt *stmt;
};

/* CASE, not AND: json_type() raises an error on what is not JSON. */
static const char is_object_sql[] =
  "SELECT CASE WHEN json_valid (?1) THEN json_type (?1) = 'object' ELSE 0 END";

TlJsonCheck *
tl_json_check_new (void)
{
  TlJsonCheck *self = g_new0 (TlJsonCheck, 1);

  tl_store_configure_sqlite ();

  if (sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (self->db, is_object_sql, -1, SQLITE_PREPARE_PERSISTENT, &self->stmt, NULL) != SQLITE_OK)
    g_error ("Could not prepare a JSON check: %s", sqlite3_errmsg (self->db));

  return self;
}

void
tl_json_check_free (TlJsonCheck *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->stmt);
  sqlite3_close (self->db);
  g_free (self);
}

gboolean
tl_json_check_is_object (TlJsonCheck *self,
                         const char  *text)
{
  gboolean is_object;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  is_object = sqlite3_bind_text (self->stmt, 1, text, -1, SQLITE_STATIC) == SQLITE_OK &&
              sqlite3_step (self->stmt) == SQLITE_ROW &&
              sqlite3_column_int (self->stmt, 0) == 1;
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);

  return is_object;
}
