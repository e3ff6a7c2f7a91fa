/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-review-private.h"
#include "tl-time.h"

G_DEFINE_FINAL_TYPE (TlReview, tl_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_PRESET,
  PROP_CURSOR,
  PROP_SEEN_BEFORE,
  PROP_TIME_ZONE,
  N_PROPS
};

enum {
  SUMMARY_CHANGED,
  ROWS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* helpers */

static gboolean
before_cursor (gpointer item,
               gpointer user_data)
{
  TlReview *self = user_data;

  return tl_event_get_time (item) <= self->cursor;
}

static void
apply_range (TlReview *self,
             gint64    from,
             gint64    to)
{
  gint64 old_from = tl_event_list_get_from (self->events);
  gint64 old_to = tl_event_list_get_to (self->events);

  if (old_from == from && old_to == to)
    return;

  /* A new window starts live, not half replayed. */
  tl_review_set_cursor (self, G_MAXINT64);
  tl_event_list_set_range (self->events, from, to);
  tl_review_queue_summary (self, TRUE);

  g_object_freeze_notify (G_OBJECT (self));
  if (old_from != from)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  if (old_to != to)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_preset (TlReview       *self,
            TlWindowPreset  preset)
{
  if (self->preset == preset)
    return;

  self->preset = preset;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
}

/* callbacks */

static void
model_items_changed_cb (TlReview   *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  tl_review_queue_summary (self, FALSE);
  /* Rows after a change may now start an hour, or no longer. */
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

static void
store_changed_cb (TlReview *self,
                  TlStore  *store)
{
  tl_review_queue_summary (self, TRUE);
}

/* GObject overrides */

static void
tl_review_dispose (GObject *object)
{
  TlReview *self = TL_REVIEW (object);

  g_clear_handle_id (&self->summary_idle, g_source_remove);
  if (self->summary_counting != NULL)
    g_cancellable_cancel (self->summary_counting);
  g_clear_object (&self->summary_counting);
  g_clear_object (&self->model);
  g_clear_object (&self->cursor_filter);
  g_clear_object (&self->events);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tl_review_parent_class)->dispose (object);
}

static void
tl_review_finalize (GObject *object)
{
  TlReview *self = TL_REVIEW (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->criteria, tl_filter_free);
  g_free (self->operator_name);

  G_OBJECT_CLASS (tl_review_parent_class)->finalize (object);
}

static void
tl_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TlReview *self = TL_REVIEW (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_int64 (value, tl_review_get_from (self));
      break;
    case PROP_TO:
      g_value_set_int64 (value, tl_review_get_to (self));
      break;
    case PROP_PRESET:
      g_value_set_int (value, self->preset);
      break;
    case PROP_CURSOR:
      g_value_set_int64 (value, self->cursor);
      break;
    case PROP_SEEN_BEFORE:
      g_value_set_int64 (value, self->seen_before);
      break;
    case PROP_TIME_ZONE:
      g_value_set_boxed (value, self->zone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_review_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TlReview *self = TL_REVIEW (object);

  switch (prop_id)
    {
    case PROP_CURSOR:
      tl_review_set_cursor (self, g_value_get_int64 (value));
      break;
    case PROP_SEEN_BEFORE:
      tl_review_set_seen_before (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_review_class_init (TlReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tl_review_dispose;
  object_class->finalize = tl_review_finalize;
  object_class->get_property = tl_review_get_property;
  object_class->set_property = tl_review_set_property;

  properties[PROP_FROM] =
    g_param_spec_int64 ("from", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_int64 ("to", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESET] =
    g_param_spec_int ("preset", NULL, NULL, 0, TL_WINDOW_PRESET_CUSTOM, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR] =
    g_param_spec_int64 ("cursor", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEEN_BEFORE] =
    g_param_spec_int64 ("seen-before", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE] =
    g_param_spec_boxed ("time-zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TlReview::summary-changed:
   *
   * The figures of the window, or of the previous one, changed.
   */
  signals[SUMMARY_CHANGED] =
    g_signal_new ("summary-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TlReview::rows-changed:
   *
   * Rows should look again at what marks them: whether they start an
   * hour, whether they are new to the user.
   */
  signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tl_review_init (TlReview *self)
{
  self->cursor = G_MAXINT64;
  self->criteria = tl_filter_new (0, 0);
}

/* private API */

void
tl_review_emit_summary_changed (TlReview *self)
{
  g_signal_emit (self, signals[SUMMARY_CHANGED], 0);
}

/* public API */

/**
 * tl_review_new:
 * @store: the database
 * @zone: the display zone, whose local days the day windows are
 * @operator_name: (nullable): reports this operator wrote are never new
 *   to them
 *
 * Returns: (transfer full): a review of today
 */
TlReview *
tl_review_new (TlStore    *store,
               GTimeZone  *zone,
               const char *operator_name)
{
  TlReview *self;
  gint64 from, to;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (TL_TYPE_REVIEW, NULL);
  self->store = g_object_ref (store);
  self->zone = g_time_zone_ref (zone);
  self->operator_name = g_strdup (operator_name);

  tl_window_preset_range (TL_WINDOW_PRESET_DAY, zone, g_get_real_time () / G_USEC_PER_SEC, &from, &to);
  self->events = tl_event_list_new (store, from, to);
  self->cursor_filter = gtk_custom_filter_new (before_cursor, self, NULL);
  self->model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->events)), NULL);

  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "events-changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  tl_review_queue_summary (self, TRUE);

  return self;
}

/**
 * tl_review_get_events:
 *
 * Returns: (transfer none): the filtered events of the whole window
 */
TlEventList *
tl_review_get_events (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), NULL);

  return self->events;
}

/**
 * tl_review_get_model:
 *
 * Returns: (transfer none): the events shown: filtered, up to the cursor
 */
GListModel *
tl_review_get_model (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * tl_review_get_zone:
 *
 * Returns: (transfer none): the display zone
 */
GTimeZone *
tl_review_get_zone (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), NULL);

  return self->zone;
}

/**
 * tl_review_set_time_zone:
 * @zone: the new display zone
 *
 * Days are local days in the display zone, so the window follows: a day
 * becomes the new zone's local day around the middle of the old one
 * (today stays today), "last N hours" are taken again up to now, and a
 * custom range, being instants, is kept.
 */
void
tl_review_set_time_zone (TlReview  *self,
                         GTimeZone *zone)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 middle, from, to;
  gboolean was_now;

  g_return_if_fail (TL_IS_REVIEW (self));
  g_return_if_fail (zone != NULL);

  if (g_strcmp0 (g_time_zone_get_identifier (self->zone), g_time_zone_get_identifier (zone)) == 0)
    return;

  middle = tl_review_get_from (self) + (tl_review_get_to (self) - tl_review_get_from (self)) / 2;
  was_now = tl_review_is_now (self);
  g_time_zone_unref (self->zone);
  self->zone = g_time_zone_ref (zone);

  if (self->preset == TL_WINDOW_PRESET_DAY && !was_now)
    {
      tl_time_day_range_at (zone, middle, &from, &to);
      apply_range (self, from, to);
    }
  else if (self->preset != TL_WINDOW_PRESET_CUSTOM)
    {
      tl_window_preset_range (self->preset, zone, now, &from, &to);
      apply_range (self, from, to);
    }
  /* The previous window and the hours rows start are the zone's too. */
  tl_review_queue_summary (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

/**
 * tl_review_set_operator_name:
 * @operator_name: (nullable): the operator now at the desk, whose own
 *   reports are never new to them
 */
void
tl_review_set_operator_name (TlReview   *self,
                             const char *operator_name)
{
  g_return_if_fail (TL_IS_REVIEW (self));

  if (g_strcmp0 (self->operator_name, operator_name) == 0)
    return;

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

/**
 * tl_review_get_store:
 *
 * Returns: (transfer none): the database reviewed
 */
TlStore *
tl_review_get_store (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), NULL);

  return self->store;
}

TlWindowPreset
tl_review_get_preset (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), TL_WINDOW_PRESET_DAY);

  return self->preset;
}

/**
 * tl_review_set_preset:
 *
 * Shows the window @preset gives now; %TL_WINDOW_PRESET_CUSTOM keeps the
 * current range and only marks it as custom.
 */
void
tl_review_set_preset (TlReview       *self,
                      TlWindowPreset  preset)
{
  gint64 from, to;

  g_return_if_fail (TL_IS_REVIEW (self));

  if (preset != TL_WINDOW_PRESET_CUSTOM)
    {
      tl_window_preset_range (preset, self->zone, g_get_real_time () / G_USEC_PER_SEC, &from, &to);
      apply_range (self, from, to);
    }
  set_preset (self, preset);
}

/**
 * tl_review_set_range:
 * @from: first second, UTC
 * @to: the second after the range, UTC
 *
 * Shows a custom range.
 */
void
tl_review_set_range (TlReview *self,
                     gint64    from,
                     gint64    to)
{
  g_return_if_fail (TL_IS_REVIEW (self));
  g_return_if_fail (from < to);

  apply_range (self, from, to);
  set_preset (self, TL_WINDOW_PRESET_CUSTOM);
}

/**
 * tl_review_show_day:
 * @utc: an instant of the local day to show
 */
void
tl_review_show_day (TlReview *self,
                    gint64    utc)
{
  gint64 from, to;

  g_return_if_fail (TL_IS_REVIEW (self));

  tl_time_day_range_at (self->zone, utc, &from, &to);
  apply_range (self, from, to);
  set_preset (self, TL_WINDOW_PRESET_DAY);
}

/**
 * tl_review_shift:
 * @direction: -1 for the window before, 1 for the one after
 *
 * Moves to the neighbouring window of equal length: the day before for a
 * day, the 6 hours before for 6 hours. Forward stops at the window that
 * holds now (tl_review_can_go_forward()).
 */
void
tl_review_shift (TlReview *self,
                 int       direction)
{
  gint64 from, to;

  g_return_if_fail (TL_IS_REVIEW (self));

  /* Day navigation stops at the window holding now: after it there is
   * nothing yet to review. */
  if (direction > 0 && tl_review_get_to (self) > g_get_real_time () / G_USEC_PER_SEC)
    return;

  tl_window_shift (self->zone, tl_review_get_from (self), tl_review_get_to (self),
                   direction, &from, &to);
  apply_range (self, from, to);
  /* "Last 6 hours" moved back is no longer the last 6 hours. */
  if (self->preset != TL_WINDOW_PRESET_DAY)
    set_preset (self, TL_WINDOW_PRESET_CUSTOM);
}

/**
 * tl_review_is_now:
 *
 * Returns: whether the window contains the present moment
 */
gboolean
tl_review_is_now (TlReview *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (TL_IS_REVIEW (self), FALSE);

  return tl_review_get_from (self) <= now && now < tl_review_get_to (self);
}

gint64
tl_review_get_from (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), 0);

  return tl_event_list_get_from (self->events);
}

gint64
tl_review_get_to (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), 0);

  return tl_event_list_get_to (self->events);
}

/**
 * tl_review_get_filter:
 *
 * Returns: (transfer none): the criteria, with the window's range
 */
const TlFilter *
tl_review_get_filter (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), NULL);

  self->criteria->from = tl_review_get_from (self);
  self->criteria->to = tl_review_get_to (self);
  return self->criteria;
}

/**
 * tl_review_set_filter:
 * @criteria: kinds, statuses, unit and words; the range is ignored
 */
void
tl_review_set_filter (TlReview       *self,
                      const TlFilter *criteria)
{
  g_return_if_fail (TL_IS_REVIEW (self));
  g_return_if_fail (criteria != NULL);

  g_clear_pointer (&self->criteria, tl_filter_free);
  self->criteria = tl_filter_copy (criteria);
  tl_event_list_set_filter (self->events, self->criteria);
  tl_review_queue_summary (self, TRUE);
}

gint64
tl_review_get_cursor (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), G_MAXINT64);

  return self->cursor;
}

/**
 * tl_review_set_cursor:
 * @cursor: show the events up to this second, UTC; at or after the end of
 *   the window (%G_MAXINT64) everything is shown
 */
void
tl_review_set_cursor (TlReview *self,
                      gint64    cursor)
{
  gboolean was_replaying;
  GtkFilterChange change;

  g_return_if_fail (TL_IS_REVIEW (self));

  if (cursor >= tl_review_get_to (self) - 1)
    cursor = G_MAXINT64;
  if (cursor == self->cursor)
    return;

  was_replaying = tl_review_is_replaying (self);
  change = cursor > self->cursor ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT;
  self->cursor = cursor;

  /* Not replaying: no filter at all, so the list costs nothing extra. */
  if (!tl_review_is_replaying (self))
    gtk_filter_list_model_set_filter (self->model, NULL);
  else if (!was_replaying)
    gtk_filter_list_model_set_filter (self->model, GTK_FILTER (self->cursor_filter));
  else
    gtk_filter_changed (GTK_FILTER (self->cursor_filter), change);

  /* The figures follow the cursor, even where no event is passed. */
  tl_review_queue_summary (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

gboolean
tl_review_is_replaying (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), FALSE);

  return self->cursor != G_MAXINT64;
}

gint64
tl_review_get_seen_before (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), 0);

  return self->seen_before;
}

/**
 * tl_review_set_seen_before:
 * @seen_before: reports created after this time, UTC, are new to the user;
 *   0 if the user never looked, when nothing is new
 */
void
tl_review_set_seen_before (TlReview *self,
                           gint64    seen_before)
{
  g_return_if_fail (TL_IS_REVIEW (self));

  if (self->seen_before == seen_before)
    return;

  self->seen_before = seen_before;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEN_BEFORE]);
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

/**
 * tl_review_mark_seen:
 *
 * The user has looked: nothing received up to now is new any more.
 */
void
tl_review_mark_seen (TlReview *self)
{
  g_return_if_fail (TL_IS_REVIEW (self));

  tl_review_set_seen_before (self, g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * tl_review_can_go_forward:
 *
 * Returns: whether tl_review_shift() can move forward: the window ends
 *   before now
 */
gboolean
tl_review_can_go_forward (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), FALSE);

  return tl_review_get_to (self) <= g_get_real_time () / G_USEC_PER_SEC;
}
