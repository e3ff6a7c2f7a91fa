/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-event-list.h"
#include "tl-event-private.h"
#include "tl-store-private.h"

/* The events of a time range, following the store. On every change it
 * reads the range again and reports only the span that differs, keeping
 * the TlEvent objects of rows that did not change and updating in place
 * the objects of rows that did: a list view then keeps its selection and
 * scroll position, and bindings on a row follow its record.
 *
 * On a server the range is read on the store's worker
 * (tl_store_list_events_async()), never on the window's thread: the
 * list keeps what it shows, with :loading set, until the answer comes,
 * and a newer range, filter or change cancels an older read, so a late
 * answer never replaces a newer one. A file is read at once. A report
 * whose deletion waits in the outbox (the server is away) is left out,
 * as the server will once it is sent, even while the list cannot be
 * read again. */
struct _TlEventList
{
  GObject    parent_instance;

  /* owned */
  TlStore   *store;
  GPtrArray *items;
  TlFilter  *filter;   /* criteria beyond the range, or NULL */
  GCancellable *loading;   /* the server's read on its way, or NULL */

  gint64     from;
  gint64     to;
  gboolean   replace_all;  /* the read on its way is of a new range */
};

static void tl_event_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlEventList, tl_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tl_event_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FROM,
  PROP_TO,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
same_record (TlEvent *a,
             TlEvent *b)
{
  return tl_event_get_id (a) == tl_event_get_id (b) &&
         tl_event_get_revision (a) == tl_event_get_revision (b);
}

static GPtrArray *
query (TlEventList *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  if (self->filter != NULL)
    {
      self->filter->from = self->from;
      self->filter->to = self->to;
      events = tl_store_query_events (self->store, self->filter, &error);
    }
  else
    events = tl_store_list_events (self->store, self->from, self->to, &error);
  if (events == NULL)
    g_warning ("Could not read the events of %s: %s",
               tl_store_get_path (self->store), error->message);

  return events;
}

static guint
event_id_hash (gconstpointer event)
{
  gint64 id = tl_event_get_id ((TlEvent *)event);

  return g_int64_hash (&id);
}

static gboolean
event_id_equal (gconstpointer a,
                gconstpointer b)
{
  return tl_event_get_id ((TlEvent *)a) == tl_event_get_id ((TlEvent *)b);
}

static void
replace_item (GPtrArray *array,
              guint      position,
              TlEvent   *event)
{
  TlEvent *previous = g_ptr_array_index (array, position);

  array->pdata[position] = g_object_ref (event);
  g_object_unref (previous);
}

/* Makes @fresh use the list's objects for the records the list already
 * shows: as they are in the unchanged head (@prefix rows) and tail
 * (@suffix rows), brought up to date in the changed span. */
static void
adopt_existing_objects (TlEventList *self,
                        GPtrArray   *fresh,
                        guint        prefix,
                        guint        suffix)
{
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *items = self->items;

  for (guint i = 0; i < prefix; i++)
    replace_item (fresh, i, g_ptr_array_index (items, i));

  for (guint i = 1; i <= suffix; i++)
    replace_item (fresh, fresh->len - i, g_ptr_array_index (items, items->len - i));

  by_id = g_hash_table_new (event_id_hash, event_id_equal);
  for (guint i = prefix; i < items->len - suffix; i++)
    g_hash_table_add (by_id, g_ptr_array_index (items, i));

  for (guint i = prefix; i < fresh->len - suffix; i++)
    {
      TlEvent *event = g_ptr_array_index (fresh, i);
      TlEvent *existing = g_hash_table_lookup (by_id, event);

      if (existing == NULL)
        continue;

      if (!same_record (existing, event))
        tl_event_assign (existing, event);

      replace_item (fresh, i, existing);
    }
}

/* Takes @fresh and emits one items-changed for the span between the
 * unchanged head and tail, if anything changed. */
static void
apply_changes (TlEventList *self,
               GPtrArray   *fresh_events)
{
  g_autoptr(GPtrArray) fresh = fresh_events;
  g_autoptr(GPtrArray) old = NULL;
  guint n_old, n_new, prefix = 0, suffix = 0;

  n_old = self->items->len;
  n_new = fresh->len;

  while (prefix < n_old && prefix < n_new &&
         same_record (g_ptr_array_index (self->items, prefix),
                      g_ptr_array_index (fresh, prefix)))
    prefix++;

  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         same_record (g_ptr_array_index (self->items, n_old - 1 - suffix),
                      g_ptr_array_index (fresh, n_new - 1 - suffix)))
    suffix++;

  if (prefix == n_old && prefix == n_new)
    return;

  adopt_existing_objects (self, fresh, prefix, suffix);

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&fresh);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              n_old - prefix - suffix,
                              n_new - prefix - suffix);
}

/* Takes @fresh as the new range's events, in one items-changed. */
static void
apply_range (TlEventList *self,
             GPtrArray   *fresh_events)
{
  g_autoptr(GPtrArray) fresh = fresh_events;
  g_autoptr(GPtrArray) old = NULL;

  if (fresh == NULL)
    fresh = g_ptr_array_new_with_free_func (g_object_unref);

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&fresh);

  if (old->len > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);
}

/* Removes from @events those whose deletion is kept on this desk. */
static void
leave_out_kept_deletions (TlEventList *self,
                          GPtrArray   *events)
{
  g_autoptr(GArray) kept = tl_store_list_kept_deletions (self->store);

  for (guint k = 0; k < kept->len; k++)
    for (guint i = 0; i < events->len; i++)
      if (tl_event_get_id (g_ptr_array_index (events, i)) == g_array_index (kept, gint64, k))
        {
          g_ptr_array_remove_index (events, i);
          break;
        }
}

static void
set_loading (TlEventList  *self,
             GCancellable *loading)
{
  gboolean was_loading = self->loading != NULL;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, loading);
  if (was_loading != (loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TlEventList) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *fresh = tl_store_list_events_finish (TL_STORE (object), result, &error);
  gboolean replace_all = self->replace_all;

  /* A newer read replaced this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->replace_all = FALSE;
  set_loading (self, NULL);
  if (fresh == NULL)
    {
      /* The list shows what it had, but what this desk deleted; the next
       * change reads again. A server that cannot be reached is the
       * window's banner to say, not a warning. */
      if (g_error_matches (error, TL_STORE_ERROR, TL_STORE_ERROR_IO))
        g_debug ("Could not read the events of %s: %s",
                 tl_store_get_path (self->store), error->message);
      else
        g_warning ("Could not read the events of %s: %s",
                   tl_store_get_path (self->store), error->message);
      if (replace_all)
        apply_range (self, NULL);
      else
        {
          fresh = g_ptr_array_new_full (self->items->len, g_object_unref);
          for (guint i = 0; i < self->items->len; i++)
            g_ptr_array_add (fresh, g_object_ref (g_ptr_array_index (self->items, i)));
          leave_out_kept_deletions (self, fresh);
          apply_changes (self, fresh);
        }
      return;
    }

  leave_out_kept_deletions (self, fresh);

  if (replace_all)
    apply_range (self, fresh);
  else
    apply_changes (self, fresh);
}

/* Reads the range again: at once from a file, from the worker on a
 * server. @replace_all: the range is a new one. */
static void
reload (TlEventList *self,
        gboolean     replace_all)
{
  g_autoptr(GCancellable) cancellable = NULL;

  if (!tl_store_is_server (self->store))
    {
      GPtrArray *fresh = query (self);

      if (replace_all)
        apply_range (self, fresh);
      else if (fresh != NULL)
        apply_changes (self, fresh);
      return;
    }

  self->replace_all |= replace_all;
  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);
  tl_store_list_events_async (self->store, self->from, self->to, self->filter, cancellable,
                              loaded_cb, g_object_ref (self));
}

/* Callbacks */

static void
on_events_changed (TlEventList *self,
                   TlStore     *store)
{
  reload (self, FALSE);
}

/* GListModel */

static GType
tl_event_list_get_item_type (GListModel *model)
{
  return TL_TYPE_EVENT;
}

static guint
tl_event_list_get_n_items (GListModel *model)
{
  TlEventList *self = TL_EVENT_LIST (model);

  return self->items->len;
}

static gpointer
tl_event_list_get_item (GListModel *model,
                        guint       position)
{
  TlEventList *self = TL_EVENT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
tl_event_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tl_event_list_get_item_type;
  iface->get_n_items = tl_event_list_get_n_items;
  iface->get_item = tl_event_list_get_item;
}

/* GObject overrides */

static void
tl_event_list_constructed (GObject *object)
{
  TlEventList *self = (TlEventList *)object;
  g_autoptr(GPtrArray) events = NULL;

  G_OBJECT_CLASS (tl_event_list_parent_class)->constructed (object);

  g_return_if_fail (TL_IS_STORE (self->store));

  g_signal_connect_object (self->store, "events-changed",
                           G_CALLBACK (on_events_changed), self,
                           G_CONNECT_SWAPPED);

  if (tl_store_is_server (self->store))
    {
      reload (self, TRUE);
      return;
    }

  /* Nobody can be listening yet: no items-changed for the first load. */
  events = query (self);
  if (events != NULL)
    {
      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&events);
    }
}

static void
tl_event_list_dispose (GObject *object)
{
  TlEventList *self = (TlEventList *)object;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tl_event_list_parent_class)->dispose (object);
}

static void
tl_event_list_finalize (GObject *object)
{
  TlEventList *self = (TlEventList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, tl_filter_free);

  G_OBJECT_CLASS (tl_event_list_parent_class)->finalize (object);
}

static void
tl_event_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TlEventList *self = TL_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FROM:
      g_value_set_int64 (value, self->from);
      break;

    case PROP_TO:
      g_value_set_int64 (value, self->to);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_event_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TlEventList *self = TL_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    /* Before construction the range is only recorded; constructed() loads
     * it once. */
    case PROP_FROM:
      if (self->store == NULL)
        self->from = g_value_get_int64 (value);
      else
        tl_event_list_set_range (self, g_value_get_int64 (value), self->to);
      break;

    case PROP_TO:
      if (self->store == NULL)
        self->to = g_value_get_int64 (value);
      else
        tl_event_list_set_range (self, self->from, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_event_list_class_init (TlEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tl_event_list_constructed;
  object_class->dispose = tl_event_list_dispose;
  object_class->finalize = tl_event_list_finalize;
  object_class->get_property = tl_event_list_get_property;
  object_class->set_property = tl_event_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TlEventList:loading:
   *
   * Whether a read of the server is on its way: the list shows what it
   * showed before until it comes.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_event_list_init (TlEventList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

/**
 * tl_event_list_new:
 * @store: the store to follow
 * @from: the first second of the range, UTC
 * @to: the second after the range, UTC
 *
 * Returns: (transfer full): a list of the events in [@from, @to)
 */
TlEventList *
tl_event_list_new (TlStore *store,
                   gint64   from,
                   gint64   to)
{
  g_return_val_if_fail (TL_IS_STORE (store), NULL);

  return g_object_new (TL_TYPE_EVENT_LIST,
                       "store", store,
                       "from", from,
                       "to", to,
                       NULL);
}

/**
 * tl_event_list_get_store:
 * @self: a #TlEventList
 *
 * Returns: (transfer none): the store
 */
TlStore *
tl_event_list_get_store (TlEventList *self)
{
  g_return_val_if_fail (TL_IS_EVENT_LIST (self), NULL);

  return self->store;
}

/**
 * tl_event_list_set_range:
 * @self: a #TlEventList
 * @from: the first second of the range, UTC
 * @to: the second after the range, UTC
 *
 * Shows another range: the list is read again and replaced in one
 * items-changed (on a server, when the answer comes).
 */
void
tl_event_list_set_range (TlEventList *self,
                         gint64       from,
                         gint64       to)
{
  gboolean from_changed, to_changed;

  g_return_if_fail (TL_IS_EVENT_LIST (self));

  from_changed = self->from != from;
  to_changed = self->to != to;
  if (!from_changed && !to_changed)
    return;

  self->from = from;
  self->to = to;

  reload (self, TRUE);

  g_object_freeze_notify (G_OBJECT (self));
  if (from_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  if (to_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
tl_event_list_get_from (TlEventList *self)
{
  g_return_val_if_fail (TL_IS_EVENT_LIST (self), 0);

  return self->from;
}

gint64
tl_event_list_get_to (TlEventList *self)
{
  g_return_val_if_fail (TL_IS_EVENT_LIST (self), 0);

  return self->to;
}

/**
 * tl_event_list_find:
 * @self: a #TlEventList
 * @event_id: an event id
 *
 * Returns: the position of the event, or %G_MAXUINT if it is not listed
 */
guint
tl_event_list_find (TlEventList *self,
                    gint64       event_id)
{
  g_return_val_if_fail (TL_IS_EVENT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (tl_event_get_id (g_ptr_array_index (self->items, i)) == event_id)
      return i;

  return G_MAXUINT;
}

/**
 * tl_event_list_set_filter:
 * @self: a #TlEventList
 * @filter: (nullable): kinds, statuses, unit and words the events must
 *   match; its window is ignored (the list's range is); %NULL for none
 *
 * Lists only the events of the range that @filter keeps. The list is
 * read again and only the span that differs is reported, so rows that
 * stay keep their objects and the view its selection.
 */
void
tl_event_list_set_filter (TlEventList    *self,
                          const TlFilter *filter)
{
  g_autoptr(TlFilter) fresh = NULL;

  g_return_if_fail (TL_IS_EVENT_LIST (self));

  if (filter != NULL && tl_filter_has_criteria (filter))
    {
      fresh = tl_filter_copy (filter);
      fresh->from = self->from;
      fresh->to = self->to;
    }

  if (tl_filter_equal (fresh, self->filter))
    return;

  g_clear_pointer (&self->filter, tl_filter_free);
  self->filter = g_steal_pointer (&fresh);

  reload (self, FALSE);
}

/**
 * tl_event_list_get_filter:
 * @self: a #TlEventList
 *
 * Returns: (transfer none) (nullable): the criteria set with
 *   tl_event_list_set_filter(), %NULL if none
 */
const TlFilter *
tl_event_list_get_filter (TlEventList *self)
{
  g_return_val_if_fail (TL_IS_EVENT_LIST (self), NULL);

  return self->filter;
}

/**
 * tl_event_list_is_loading:
 * @self: a #TlEventList
 *
 * Returns: whether a read of the server is on its way (#TlEventList:loading)
 */
gboolean
tl_event_list_is_loading (TlEventList *self)
{
  g_return_val_if_fail (TL_IS_EVENT_LIST (self), FALSE);

  return self->loading != NULL;
}
