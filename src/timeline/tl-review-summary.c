/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-review-private.h"
#include "tl-store-watch.h"
#include "tl-time.h"

/* What a review's window adds up to (its figures and the previous
 * window's), and which of its events are new to the user. */

/* helpers */

/* The figures of @filter's window: counted by the store in SQL, or, when
 * words filter the events (which only the event query matches), over
 * @events found with them, open cases still from the cases table. */
static void
summarize (TlReview   *self,
           TlFilter   *filter,
           GListModel *events,
           TlSummary  *out_summary)
{
  g_autoptr(GError) error = NULL;

  if (filter->text == NULL)
    {
      if (!tl_store_summarize (self->store, filter, out_summary, &error))
        g_warning ("Could not count the figures: %s", error->message);
      return;
    }

  if (events != NULL)
    tl_summary_compute_model (events, out_summary);
  else
    {
      g_autoptr(GPtrArray) found = tl_store_query_events (self->store, filter, &error);

      if (found == NULL)
        {
          g_warning ("Could not read the previous window: %s", error->message);
          return;
        }
      tl_summary_compute (found, out_summary);
    }
  out_summary->values[TL_SUMMARY_OPEN_CASES] = MAX (0, tl_store_count_open_cases (self->store, filter->to, NULL));
}

/* A server's figures come from its worker; newer ones cancel older. */
typedef struct {
  TlReview  *review;
  TlSummary *target;   /* in review */
} Counting;

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Counting *counting = user_data;
  g_autoptr(TlReview) self = counting->review;
  g_autoptr(GError) error = NULL;
  TlSummary summary;

  if (!tl_store_summarize_finish (TL_STORE (object), result, &summary, &error))
    {
      /* A server that cannot be reached is the window's banner to say. */
      if (g_error_matches (error, TL_STORE_ERROR, TL_STORE_ERROR_IO))
        g_debug ("Could not count the figures: %s", error->message);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not count the figures: %s", error->message);
      return;
    }

  *counting->target = summary;
  if (counting->target == &self->previous)
    self->previous_counting = FALSE;
  else
    self->current_counting = FALSE;
  tl_review_emit_summary_changed (self);
}

static void
count_on_server (TlReview  *self,
                 TlFilter  *filter,
                 TlSummary *target)
{
  Counting *counting = g_new0 (Counting, 1);

  counting->review = g_object_ref (self);
  counting->target = target;
  if (target == &self->current)
    self->current_counting = TRUE;
  tl_store_summarize_async (self->store, filter, self->summary_counting, counted_cb, counting);
}

static gboolean
update_summary (gpointer user_data)
{
  TlReview *self = user_data;
  g_autoptr(TlFilter) filter = tl_filter_copy (self->criteria);
  gboolean server = tl_store_is_server (self->store);

  self->summary_idle = 0;
  if (server)
    {
      if (self->summary_counting != NULL)
        g_cancellable_cancel (self->summary_counting);
      /* What was cancelled is counted again. */
      self->previous_stale |= self->previous_counting;
      self->previous_counting = self->previous_stale;
      g_clear_object (&self->summary_counting);
      self->summary_counting = g_cancellable_new ();
    }

  /* During a replay, what had happened by the cursor. */
  filter->from = tl_event_list_get_from (self->events);
  filter->to = tl_event_list_get_to (self->events);
  if (tl_review_is_replaying (self))
    filter->to = MIN (filter->to, self->cursor + 1);
  if (server)
    count_on_server (self, filter, &self->current);
  else
    summarize (self, filter, G_LIST_MODEL (self->model), &self->current);

  if (self->previous_stale)
    {
      tl_window_shift (self->zone, tl_event_list_get_from (self->events),
                       tl_event_list_get_to (self->events), -1, &filter->from, &filter->to);
      /* During a replay, compare like with like: the same stretch of the
       * previous window. */
      if (tl_review_is_replaying (self))
        filter->to = MIN (filter->to, filter->from + (self->cursor - tl_event_list_get_from (self->events)) + 1);
      if (server)
        count_on_server (self, filter, &self->previous);
      else
        summarize (self, filter, NULL, &self->previous);
      self->previous_stale = tl_review_is_replaying (self);
    }

  if (!server)
    tl_review_emit_summary_changed (self);
  return G_SOURCE_REMOVE;
}

/* private API */

/*
 * tl_review_queue_summary:
 * @previous_too: whether the previous window's figures changed too
 *
 * Counts the figures again on idle, once per burst of changes.
 */
void
tl_review_queue_summary (TlReview *self,
                         gboolean  previous_too)
{
  self->previous_stale |= previous_too;
  if (self->summary_idle == 0)
    self->summary_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_summary, self, NULL);
}

/* public API */

/**
 * tl_review_get_summary:
 * @out_current: (out) (optional): the figures of what is shown
 * @out_previous: (out) (optional): the same for the previous window
 */
void
tl_review_get_summary (TlReview  *self,
                       TlSummary *out_current,
                       TlSummary *out_previous)
{
  g_return_if_fail (TL_IS_REVIEW (self));

  if (self->summary_idle != 0)
    {
      g_source_remove (self->summary_idle);
      update_summary (self);
    }
  if (out_current != NULL)
    *out_current = self->current;
  if (out_previous != NULL)
    *out_previous = self->previous;
}

/**
 * tl_review_is_counting:
 *
 * Returns: whether the window's figures are still to be counted (on
 *   idle), or on their way from a server
 */
gboolean
tl_review_is_counting (TlReview *self)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), FALSE);

  return self->summary_idle != 0 || self->current_counting;
}

/**
 * tl_review_is_unseen:
 *
 * Returns: whether @event arrived since the user last looked (and was not
 *   written by the user); before a first look nothing is new, since
 *   everything would be
 */
gboolean
tl_review_is_unseen (TlReview *self,
                     TlEvent  *event)
{
  g_return_val_if_fail (TL_IS_REVIEW (self), FALSE);

  return self->seen_before > 0 &&
         tl_event_get_created_at (event) > self->seen_before &&
         g_strcmp0 (tl_event_get_created_by (event), self->operator_name) != 0;
}

/**
 * tl_review_count_unseen:
 * @out_first: (out) (optional): position of the first unseen event
 *
 * Returns: how many events shown are new to the user
 */
guint
tl_review_count_unseen (TlReview *self,
                        guint    *out_first)
{
  guint n, count = 0, first = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (TL_IS_REVIEW (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (tl_review_is_unseen (self, event))
        {
          if (count++ == 0)
            first = i;
        }
    }

  if (out_first != NULL)
    *out_first = first;
  return count;
}

