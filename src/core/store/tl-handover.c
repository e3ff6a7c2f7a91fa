/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "tl-handover.h"
#include "tl-store-sqlite-private.h"

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

static gboolean
is_closed (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return g_strcmp0 (member_status (parse_object (parser, json)), "closed") == 0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* "Rescue · 40 people · Wimereux", from a record as the audit keeps it. */
static char *
describe_record (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = parse_object (parser, json);
  GString *title = g_string_new (NULL);
  const char *kind_name = member_string (object, "kind");
  const char *place = member_string (object, "place");
  JsonNode *people = object != NULL ? json_object_get_member (object, "people") : NULL;
  TlEventKind kind;

  if (kind_name != NULL && tl_event_kind_from_string (kind_name, &kind))
    g_string_append (title, tl_event_kind_get_label (kind));
  else
    g_string_append (title, _("Report"));
  if (people != NULL && JSON_NODE_HOLDS_VALUE (people) && json_node_get_value_type (people) == G_TYPE_INT64)
    {
      int n = (int) json_node_get_int (people);

      /* Translators: joins the parts of a report's one-line description */
      g_string_append (title, _(" · "));
      g_string_append_printf (title, g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", n), n);
    }
  if (place != NULL && *place != '\0')
    {
      g_string_append (title, _(" · "));
      g_string_append (title, place);
    }

  return g_string_free (title, FALSE);
}

/* What the fold keeps of one report while it reads its changes. */
typedef struct {
  TlHandoverItem *item;
  const char     *first_before;
  const char     *last_after;
  const char     *last_record;   /* the newest JSON of it there is */
  gboolean        created;
  gboolean        closed;
  gboolean        restored;
  TlAuditAction   last_action;
} Fold;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const TlHandoverItem *x = *(TlHandoverItem * const *) a;
  const TlHandoverItem *y = *(TlHandoverItem * const *) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  /* Newest first within a group. */
  if (x->at != y->at)
    return x->at > y->at ? -1 : 1;
  return x->event_id > y->event_id ? -1 : x->event_id < y->event_id;
}

static TlHandoverItem *
item_new (const TlAuditEntry *entry)
{
  TlHandoverItem *item = g_new0 (TlHandoverItem, 1);

  item->event_id = entry->event_id;
  item->lines = g_ptr_array_new_with_free_func (g_free);
  return item;
}

/* public API */

void
tl_handover_item_free (TlHandoverItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->operator_name);
  g_free (item->source);
  g_clear_pointer (&item->lines, g_ptr_array_unref);
  g_free (item);
}

/**
 * tl_handover_fold:
 * @entries: (element-type TlAuditEntry): changes, oldest first, as
 *   tl_store_list_changes_since() gives them
 *
 * Folds each report's changes into one item: created in the period (with
 * the edits that followed), edited (what changed, from its first "before"
 * to its last "after"), closed, put back, or deleted (whatever happened
 * before). An import, or any bulk add, is one item of its own, naming
 * its first report.
 *
 * Returns: (transfer container) (element-type TlHandoverItem): by group
 *   (the order of #TlChangeKind), newest first within each
 */
GPtrArray *
tl_handover_fold (GPtrArray *entries)
{
  g_autoptr(GHashTable) folds = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_handover_item_free);
  GHashTableIter iter;
  Fold *fold;

  g_return_val_if_fail (entries != NULL, items);

  for (guint i = 0; i < entries->len; i++)
    {
      const TlAuditEntry *entry = g_ptr_array_index (entries, i);

      /* A bulk add (an import, the sample data, a copy): the imports
       * table's row, with no audit id of its own. */
      if (entry->id == 0 || entry->source != NULL)
        {
          TlHandoverItem *item = item_new (entry);

          item->kind = TL_CHANGE_CREATED;
          if (entry->source != NULL)
            /* Translators: a hand-over item: reports added from a file */
            item->title = g_strdup_printf (_("Imported from %s"), entry->source);
          else
            /* Translators: a hand-over item: many reports added in one go */
            item->title = g_strdup (_("Reports added together (sample data or a copy)"));
          item->source = g_strdup (entry->source);
          item->operator_name = g_strdup (entry->operator_name);
          item->at = entry->at;
          item->n_changes = 1;
          g_ptr_array_add (items, item);
          continue;
        }

      fold = g_hash_table_lookup (folds, &entry->event_id);
      if (fold == NULL)
        {
          fold = g_new0 (Fold, 1);
          fold->item = item_new (entry);
          fold->first_before = entry->before;
          fold->created = entry->action == TL_AUDIT_ACTION_CREATE;
          g_ptr_array_add (items, fold->item);
          g_hash_table_insert (folds, &fold->item->event_id, fold);
        }
      fold->item->n_changes++;
      fold->item->at = entry->at;
      g_free (fold->item->operator_name);
      fold->item->operator_name = g_strdup (entry->operator_name);
      fold->last_after = entry->after;
      fold->last_action = entry->action;
      if (entry->after != NULL || entry->before != NULL)
        fold->last_record = entry->after != NULL ? entry->after : entry->before;
      switch (tl_handover_classify (entry))
        {
        case TL_CHANGE_CLOSED: fold->closed = TRUE; break;
        case TL_CHANGE_RESTORED: fold->restored = TRUE; break;
        case TL_CHANGE_CREATED:
        case TL_CHANGE_EDITED:
        case TL_CHANGE_DELETED:
        default: break;
        }
    }

  g_hash_table_iter_init (&iter, folds);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &fold))
    {
      TlHandoverItem *item = fold->item;

      item->title = describe_record (fold->last_record);
      if (fold->last_action == TL_AUDIT_ACTION_DELETE)
        item->kind = TL_CHANGE_DELETED;
      else if (fold->created)
        item->kind = TL_CHANGE_CREATED;
      else if (fold->closed && is_closed (fold->last_after))
        item->kind = TL_CHANGE_CLOSED;
      else if (fold->restored)
        item->kind = TL_CHANGE_RESTORED;
      else
        item->kind = TL_CHANGE_EDITED;

      if (item->kind == TL_CHANGE_EDITED || item->kind == TL_CHANGE_CLOSED)
        {
          g_autoptr(GPtrArray) lines = tl_handover_describe_changes (fold->first_before, fold->last_after);

          g_ptr_array_extend_and_steal (item->lines, g_steal_pointer (&lines));
        }
    }

  g_ptr_array_sort (items, compare_items);
  return items;
}

/**
 * tl_handover_database_key:
 * @store: a database
 *
 * Returns: (transfer full): what names @store among the databases this
 *   user opens, for what is kept per database (the time of the last
 *   hand-over): a file by its real absolute path, a server by its
 *   address (which names its role)
 */
char *
tl_handover_database_key (TlStore *store)
{
  g_autofree char *absolute = NULL;
  g_autofree char *real = NULL;
  const char *path;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);

  path = tl_store_get_path (store);
  if (tl_store_is_server (store))
    {
      /* A settings key never holds a password. */
      g_autofree char *address = tl_store_address_without_password (path);

      return g_strconcat ("server:", address, NULL);
    }
  absolute = g_canonicalize_filename (path, NULL);
  real = realpath (absolute, NULL);
  return g_strconcat ("file:", real != NULL ? real : absolute, NULL);
}


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
  g_return_val_if_fail (TL_IS_STORE (self), NULL);

  return tl_store_backend_list_changes_since (self->backend, since, error);
}

static GPtrArray *
sqlite_list_changes_since (TlStoreBackend  *backend,
                           gint64           since,
                           GError         **error)
{
  TlStoreSqlite *self = TL_STORE_SQLITE (backend);
  g_autoptr(TlCachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc = SQLITE_OK;

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

/* The SQLite backend (tl-store-sqlite.c) */

void
tl_store_sqlite_install_handover (TlStoreBackendClass *klass)
{
  klass->list_changes_since = sqlite_list_changes_since;
}
