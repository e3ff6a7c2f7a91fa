/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tl-handover.h"
#include "tl-store-private.h"

/* The audit rows since a time, by the audit_at index (schema 4), and a
 * bulk add's one row in imports as the 'create' it stands for. */
static const char changes_since_sql[] =
  "SELECT id, event_id, action, operator, at, before, after, NULL FROM audit WHERE at >= ?1"
  " UNION ALL"
  " SELECT 0, first_event_id, 'create', operator, at, NULL, NULL, source FROM imports WHERE at >= ?1"
  " ORDER BY 5, 1";

/* What the store stamps on every save: not a change anyone made. */
static const char * const bookkeeping[] = {
  "revision", "updated_by", "updated_at", "created_by", "created_at", NULL
};

/* helpers */

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    /* Translators: a field that had no value, in "people: — → 52" */
    return g_strdup (_("—"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static const char *
member_status (JsonObject *object)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, "status") : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* public API */

const char *
tl_change_kind_get_label (TlChangeKind kind)
{
  switch (kind)
    {
    case TL_CHANGE_CREATED: return C_("change", "Created");
    case TL_CHANGE_EDITED: return C_("change", "Edited");
    case TL_CHANGE_CLOSED: return C_("change", "Closed");
    case TL_CHANGE_DELETED: return C_("change", "Deleted");
    case TL_CHANGE_RESTORED: return C_("change", "Restored");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tl_handover_classify:
 *
 * Returns: what @entry did: an update that took a report's status to
 *   closed is a closing, any other update an edit
 */
TlChangeKind
tl_handover_classify (const TlAuditEntry *entry)
{
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  const char *before, *after;

  g_return_val_if_fail (entry != NULL, TL_CHANGE_EDITED);

  switch (entry->action)
    {
    case TL_AUDIT_ACTION_CREATE: return TL_CHANGE_CREATED;
    case TL_AUDIT_ACTION_DELETE: return TL_CHANGE_DELETED;
    case TL_AUDIT_ACTION_RESTORE: return TL_CHANGE_RESTORED;
    case TL_AUDIT_ACTION_UPDATE:
    default:
      break;
    }

  before = member_status (parse_object (before_parser, entry->before));
  after = member_status (parse_object (after_parser, entry->after));
  if (g_strcmp0 (after, "closed") == 0 && g_strcmp0 (before, "closed") != 0)
    return TL_CHANGE_CLOSED;
  return TL_CHANGE_EDITED;
}

/**
 * tl_handover_describe_changes:
 * @before_json: (nullable): the record before, as the audit keeps it
 * @after_json: (nullable): the record after
 *
 * Returns: (transfer container) (element-type utf8): one line per field
 *   that changed, "people: 40 → 52", in the order of @after_json's keys
 *   (then fields only @before_json had); the store's own stamps
 *   (revision, who and when) are left out
 */
GPtrArray *
tl_handover_describe_changes (const char *before_json,
                              const char *after_json)
{
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  JsonObject *before = parse_object (before_parser, before_json);
  JsonObject *after = parse_object (after_parser, after_json);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  JsonObject *objects[2] = { after, before };

  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(GList) members = objects[o] != NULL ? json_object_get_members (objects[o]) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *a = before != NULL ? json_object_get_member (before, key) : NULL;
          JsonNode *b = after != NULL ? json_object_get_member (after, key) : NULL;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (g_strv_contains (bookkeeping, key) || (o == 1 && b != NULL))
            continue;
          from = node_text (a);
          to = node_text (b);
          if (g_strcmp0 (from, to) == 0)
            continue;
          /* Translators: a field an edit changed: its name, the value
           * before, the value after */
          g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), key, from, to));
        }
    }

  return lines;
}

/**
 * tl_store_list_changes_since:
 * @since: UTC seconds: the start of the shift being handed over
 *
 * Returns: (transfer container) (element-type TlAuditEntry) (nullable):
 *   what was created, edited, closed, deleted or put back since @since,
 *   oldest first; a bulk add or import is one 'create' entry naming its
 *   first event and its source
 */
GPtrArray *
tl_store_list_changes_since (TlStore  *self,
                             gint64    since,
                             GError  **error)
{
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  if (self->backend != NULL)
    return tl_store_backend_list_changes_since (self->backend, since, error);
  stmt = tl_store_prepare_cached (self, changes_since_sql, error);
  if (stmt == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_audit_entry_free);
  tl_store_bind_int64 (stmt, 1, since, &rc);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlAuditEntry *entry = g_new0 (TlAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->event_id = sqlite3_column_int64 (stmt, 1);
      entry->action = tl_store_audit_action_from_string (tl_store_column_text (stmt, 2));
      entry->operator_name = g_strdup (tl_store_column_text (stmt, 3));
      entry->at = sqlite3_column_int64 (stmt, 4);
      entry->before = g_strdup (tl_store_column_text (stmt, 5));
      entry->after = g_strdup (tl_store_column_text (stmt, 6));
      entry->source = g_strdup (tl_store_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      tl_store_set_error (self, rc, _("Could not read the audit log"), error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
