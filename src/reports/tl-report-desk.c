/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-report-desk.h"

typedef enum {
  PICK_NONE,
  PICK_POSITION,
  PICK_ROUTE,
} PickMode;

struct _TlReportDesk
{
  GObject          parent_instance;

  /* borrowed: the window owns this desk */
  GtkWindow       *window;
  AdwToastOverlay *toasts;

  /* borrowed: the open editor, cleared when it is destroyed */
  TlReportEditor  *editor;
  /* borrowed: the window's map, where positions and routes are picked */
  TlMapView       *map_view;

  /* owned */
  TlStore         *store;
  GTimeZone       *zone;
  char            *operator_name; /* who saves, as the window was told */
  GSettings       *settings;
  GHashTable      *deleted;      /* event id → TlEvent, for Undo */

  PickMode         pick;
};

G_DEFINE_FINAL_TYPE (TlReportDesk, tl_report_desk, G_TYPE_OBJECT)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
dup_operator_name (TlReportDesk *self)
{
  return g_strdup (self->operator_name != NULL ? self->operator_name : g_get_user_name ());
}

static TlCoordinateFormat
coordinate_format (TlReportDesk *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "coordinate-format");
  TlCoordinateFormat format = TL_COORDINATE_FORMAT_DDM;

  tl_coordinate_format_from_string (name, &format);
  return format;
}

static void
show_toast (TlReportDesk *self,
            const char   *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* Callbacks */

static void
editor_destroyed_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  TlReportDesk *self = data;

  self->editor = NULL;
  /* Nobody is left to take the points. */
  if (self->pick != PICK_NONE && self->map_view != NULL)
    tl_map_view_end_pick (self->map_view);
  self->pick = PICK_NONE;
}

static void
editor_saved_cb (TlReportDesk   *self,
                 TlEvent        *event,
                 TlReportEditor *editor)
{
  g_signal_emit (self, signals[SAVED], 0, event);
  show_toast (self, _("Report saved"));
}

static void
editor_delete_cb (TlReportDesk   *self,
                  TlEvent        *event,
                  TlReportEditor *editor)
{
  tl_report_desk_delete_event (self, event);
}

static void
start_picking (TlReportDesk *self,
               PickMode      mode)
{
  if (self->map_view == NULL)
    return;

  /* The editor steps aside so that the map can be clicked; it comes back
   * with the position, or when the route is done or given up. The map
   * says what to click. */
  self->pick = mode;
  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  tl_map_view_begin_pick (self->map_view, mode == PICK_POSITION ? TL_MAP_PICK_POINT : TL_MAP_PICK_ROUTE);
}

static void
end_picking (TlReportDesk *self)
{
  self->pick = PICK_NONE;
  if (self->editor != NULL)
    gtk_window_present (GTK_WINDOW (self->editor));
}

static void
pick_finished_cb (TlReportDesk *self,
                  GVariant     *points,
                  TlMapView    *map_view)
{
  double latitude, longitude;
  GVariantIter iter;

  if (self->editor == NULL || self->pick == PICK_NONE)
    return;

  if (self->pick == PICK_POSITION && g_variant_n_children (points) > 0)
    {
      g_variant_get_child (points, 0, "(dd)", &latitude, &longitude);
      tl_report_editor_set_position (self->editor, latitude, longitude);
    }
  else if (self->pick == PICK_ROUTE)
    {
      /* The route drawn replaces the one the form had. */
      tl_report_editor_set_value (self->editor, TL_REPORT_FIELD_ROUTE, "");
      g_variant_iter_init (&iter, points);
      while (g_variant_iter_next (&iter, "(dd)", &latitude, &longitude))
        tl_report_editor_add_route_point (self->editor, latitude, longitude);
    }
  end_picking (self);
}

static void
pick_cancelled_cb (TlReportDesk *self,
                   TlMapView    *map_view)
{
  if (self->pick != PICK_NONE)
    end_picking (self);
}

static void
pick_position_cb (TlReportDesk   *self,
                  TlReportEditor *editor)
{
  start_picking (self, PICK_POSITION);
}

static void
draw_route_cb (TlReportDesk   *self,
               TlReportEditor *editor)
{
  start_picking (self, PICK_ROUTE);
}

static TlReportEditor *
open_editor (TlReportDesk *self,
             TlEventKind   kind,
             TlEvent      *event,
             gint64        day_start)
{
  g_autofree char *operator_name = NULL;
  TlReportEditor *editor;

  if (self->editor != NULL)
    {
      /* One report at a time: the open one is not abandoned silently. */
      gtk_window_present (GTK_WINDOW (self->editor));
      return NULL;
    }

  operator_name = dup_operator_name (self);
  editor = tl_report_editor_new (self->store, kind, event, operator_name, self->zone,
                                 coordinate_format (self), day_start);
  gtk_window_set_transient_for (GTK_WINDOW (editor), self->window);
  gtk_window_set_modal (GTK_WINDOW (editor), TRUE);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (editor_delete_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "pick-position", G_CALLBACK (pick_position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "draw-route", G_CALLBACK (draw_route_cb), self, G_CONNECT_SWAPPED);

  self->editor = editor;
  g_object_weak_ref (G_OBJECT (editor), editor_destroyed_cb, self);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* GObject overrides */

static void
tl_report_desk_dispose (GObject *object)
{
  TlReportDesk *self = TL_REPORT_DESK (object);

  if (self->editor != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->editor), editor_destroyed_cb, self);
      gtk_window_destroy (GTK_WINDOW (self->editor));
      self->editor = NULL;
    }
  if (self->pick != PICK_NONE && self->map_view != NULL)
    tl_map_view_end_pick (self->map_view);
  self->pick = PICK_NONE;
  self->map_view = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deleted, g_hash_table_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->operator_name, g_free);

  G_OBJECT_CLASS (tl_report_desk_parent_class)->dispose (object);
}

static void
tl_report_desk_class_init (TlReportDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tl_report_desk_dispose;

  /**
   * TlReportDesk::saved:
   * @event: the event as written to the store
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, TL_TYPE_EVENT);
}

static void
tl_report_desk_init (TlReportDesk *self)
{
  self->deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->settings = g_settings_new (APP_ID);
}

/* Public API */

/**
 * tl_report_desk_new:
 * @window: the main window the editor opens over
 * @toasts: where to show Undo and errors
 * @store: the window's store
 * @zone: the display zone
 *
 * Returns: (transfer full): a desk; dispose it with the window
 */
TlReportDesk *
tl_report_desk_new (GtkWindow       *window,
                    AdwToastOverlay *toasts,
                    TlStore         *store,
                    GTimeZone       *zone)
{
  TlReportDesk *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);
  g_return_val_if_fail (TL_IS_STORE (store), NULL);

  self = g_object_new (TL_TYPE_REPORT_DESK, NULL);
  self->window = window;
  self->toasts = toasts;
  self->store = g_object_ref (store);
  self->zone = g_time_zone_ref (zone);
  return self;
}

void
tl_report_desk_new_report (TlReportDesk *self,
                           TlEventKind   kind,
                           gint64        day_start)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));
  open_editor (self, kind, NULL, day_start);
}

/**
 * tl_report_desk_new_report_at:
 *
 * Starts a report at a point of the map, or, while the editor is picking
 * a position or a route, gives it that point.
 */
void
tl_report_desk_new_report_at (TlReportDesk *self,
                              TlEventKind   kind,
                              gint64        day_start,
                              double        latitude,
                              double        longitude)
{
  TlReportEditor *editor;

  g_return_if_fail (TL_IS_REPORT_DESK (self));

  if (tl_report_desk_map_clicked (self, latitude, longitude))
    return;
  editor = open_editor (self, kind, NULL, day_start);
  if (editor != NULL)
    tl_report_editor_set_position (editor, latitude, longitude);
}

typedef struct {
  TlReportDesk *desk;       /* owned */
  gint64        day_start;
  gboolean      history;    /* open on the record's history */
} Opening;

static void
edit_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree Opening *opening = user_data;
  g_autoptr(TlReportDesk) self = opening->desk;
  g_autoptr(TlEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  TlReportEditor *editor;

  event = tl_store_get_event_finish (TL_STORE (object), result, &error);
  /* The window went meanwhile. */
  if (self->store == NULL)
    return;
  if (event == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  editor = open_editor (self, tl_event_get_kind (event), event, opening->day_start);
  if (editor != NULL && opening->history)
    tl_report_editor_open_history (editor);
}

/* Reads the record on the store's worker, then opens it. */
static void
edit (TlReportDesk *self,
      gint64        event_id,
      gint64        day_start,
      gboolean      history)
{
  Opening *opening;

  /* One report at a time: the open one is not abandoned silently. */
  if (self->editor != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->editor));
      return;
    }

  opening = g_new0 (Opening, 1);
  opening->desk = g_object_ref (self);
  opening->day_start = day_start;
  opening->history = history;
  tl_store_get_event_async (self->store, event_id, NULL, edit_read_cb, opening);
}

void
tl_report_desk_edit (TlReportDesk *self,
                     gint64        event_id,
                     gint64        day_start)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));

  edit (self, event_id, day_start, FALSE);
}

/**
 * tl_report_desk_show_refusal:
 * @self: a #TlReportDesk
 * @refusal: a kept edit or deletion the server refused
 * @theirs: (nullable): the report as it is now on the server, read from
 *   the store's worker (tl_store_get_event_async()), or %NULL
 * @error: (nullable): why @theirs could not be read
 * @day_start: the window's day
 *
 * Shows what this desk kept while the server was away beside the report
 * as another desk changed it meanwhile: the conflict view for an edit,
 * the report as it is now for a deletion.
 *
 * Returns: %FALSE if a report is being edited: show it later
 */
gboolean
tl_report_desk_show_refusal (TlReportDesk    *self,
                             TlOutboxRefusal *refusal,
                             TlEvent         *theirs,
                             const GError    *error,
                             gint64           day_start)
{
  TlReportEditor *editor;

  g_return_val_if_fail (TL_IS_REPORT_DESK (self), FALSE);
  g_return_val_if_fail (theirs != NULL || error != NULL, FALSE);

  if (self->editor != NULL)
    return FALSE;

  if (theirs == NULL && g_error_matches (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND))
    {
      show_toast (self, _("An edit kept on this desk while the server was away was not sent: "
                          "another desk deleted the report meanwhile"));
      return TRUE;
    }
  if (theirs == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the report could not be read */
      message = g_strdup_printf (_("A change kept on this desk while the server was away was "
                                   "refused, and the report could not be read to show why: %s"),
                                 error->message);
      show_toast (self, message);
      return TRUE;
    }
  if (refusal->deleted)
    {
      show_toast (self, _("A deletion kept on this desk while the server was away was not made: "
                          "another desk changed the report meanwhile"));
      open_editor (self, tl_event_get_kind (theirs), theirs, day_start);
      return TRUE;
    }

  editor = open_editor (self, tl_event_get_kind (refusal->mine), refusal->mine, day_start);
  if (editor != NULL)
    tl_report_editor_show_theirs (editor, theirs);
  return TRUE;
}

void
tl_report_desk_show_history (TlReportDesk *self,
                             gint64        event_id,
                             gint64        day_start)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));

  if (self->editor != NULL && tl_report_editor_get_event_id (self->editor) == event_id)
    {
      tl_report_editor_open_history (self->editor);
      gtk_window_present (GTK_WINDOW (self->editor));
      return;
    }
  edit (self, event_id, day_start, TRUE);
}

/* A deletion or its Undo on its way: the report as the window had it. */
typedef struct {
  TlReportDesk *self;           /* owned */
  TlEvent      *event;          /* owned; NULL while a deletion reads it */
  char         *operator_name;
} Pending;

static Pending *
pending_new (TlReportDesk *self,
             TlEvent      *event)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  /* The copy an Undo puts back, taken now: the list's object may follow
   * the next read. */
  pending->event = event != NULL ? tl_event_copy (event) : NULL;
  pending->operator_name = dup_operator_name (self);
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_clear_object (&pending->event);
  g_free (pending->operator_name);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

/* The window went while the store answered: its toasts went with it. */
static gboolean
gone (TlReportDesk *self)
{
  return self->store == NULL;
}

/* Offers Undo for what was deleted, or kept on this desk to be deleted
 * on the server when it is back, or says why nothing was. */
static void
deleted (TlReportDesk *self,
         TlEvent      *event,
         gboolean      kept,
         const GError *error)
{
  AdwToast *toast;
  gint64 event_id;

  if (event == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  event_id = tl_event_get_id (event);
  g_hash_table_insert (self->deleted, g_memdup2 (&event_id, sizeof event_id), g_object_ref (event));

  if (kept)
    /* Translators: a toast after deleting a report while the shared
     * server is away */
    toast = adw_toast_new (_("Report deleted on this desk: the server cannot be reached, "
                             "the deletion is sent when it is back"));
  else
    /* Translators: a toast after deleting a report */
    toast = adw_toast_new (_("Report deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (event_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
report_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;
  gboolean kept = FALSE;
  gboolean ok = tl_store_delete_report_finish (TL_STORE (object), result, &kept, &error);

  if (gone (pending->self))
    return;
  deleted (pending->self, ok ? pending->event : NULL, kept, error);
}

/* Deletes from the store's worker (a server's outbox keeps the deletion
 * while the server is away; a file deletes at once). */
static void
delete_report (TlStore *store,
               Pending *pending)
{
  tl_store_delete_report_async (store, pending->event, pending->operator_name, NULL,
                                report_deleted_cb, pending);
}

static void
delete_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;

  pending->event = tl_store_get_event_finish (TL_STORE (object), result, &error);
  if (pending->event == NULL)
    {
      if (!gone (pending->self))
        deleted (pending->self, NULL, FALSE, error);
      return;
    }
  /* At the revision just read, as the officer asked for it: made even
   * if the window went meanwhile. */
  delete_report (TL_STORE (object), g_steal_pointer (&pending));
}

/**
 * tl_report_desk_delete:
 *
 * Deletes a record (audited) and offers Undo in a toast. The record is
 * read on the store's worker first, then deleted as
 * tl_report_desk_delete_event() does; the toast comes with the answer.
 */
void
tl_report_desk_delete (TlReportDesk *self,
                       gint64        event_id)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));

  tl_store_get_event_async (self->store, event_id, NULL, delete_read_cb, pending_new (self, NULL));
}

/**
 * tl_report_desk_delete_event:
 * @event: the report as the window shows it (its id and revision)
 *
 * As tl_report_desk_delete(), from the window's own copy of the report:
 * nothing is read from the server first, so that while it cannot be
 * reached the deletion is kept on this desk and sent when it is back
 * (and Undo takes it back).
 */
void
tl_report_desk_delete_event (TlReportDesk *self,
                             TlEvent      *event)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));
  g_return_if_fail (TL_IS_EVENT (event));

  delete_report (self->store, pending_new (self, event));
}

static void
report_restored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;
  gint64 event_id = tl_event_get_id (pending->event);
  gboolean ok = tl_store_restore_report_finish (TL_STORE (object), result, &error);

  if (gone (pending->self))
    return;
  if (!ok)
    {
      /* Still deleted: Undo may be asked again. */
      g_hash_table_insert (pending->self->deleted, g_memdup2 (&event_id, sizeof event_id),
                           g_object_ref (pending->event));
      show_toast (pending->self, error->message);
      return;
    }
  g_signal_emit (pending->self, signals[SAVED], 0, pending->event);
}

/**
 * tl_report_desk_undo_delete:
 *
 * Puts a record deleted from this desk back, on the store's worker: a
 * deletion still kept on this desk is taken back and never sent; one
 * made is undone. A refused restore says why, and can be asked again.
 */
void
tl_report_desk_undo_delete (TlReportDesk *self,
                            gint64        event_id)
{
  g_autoptr(TlEvent) event = NULL;
  Pending *pending;
  gpointer key = NULL;

  g_return_if_fail (TL_IS_REPORT_DESK (self));

  /* Taken out at once: a second Undo while the first is on its way does
   * nothing. */
  if (!g_hash_table_steal_extended (self->deleted, &event_id, &key, (gpointer *) &event))
    return;
  g_free (key);

  pending = pending_new (self, event);
  tl_store_restore_report_async (self->store, pending->event, pending->operator_name, NULL,
                                 report_restored_cb, pending);
}

/**
 * tl_report_desk_map_clicked:
 *
 * Returns: %TRUE if the editor was picking and took the point
 */
gboolean
tl_report_desk_map_clicked (TlReportDesk *self,
                            double        latitude,
                            double        longitude)
{
  g_return_val_if_fail (TL_IS_REPORT_DESK (self), FALSE);

  if (self->editor == NULL || self->pick == PICK_NONE || self->map_view == NULL)
    return FALSE;

  /* "New Report Here" while picking picks that point, as a click would. */
  tl_map_view_add_pick_point (self->map_view, latitude, longitude);
  return TRUE;
}

gboolean
tl_report_desk_is_picking (TlReportDesk *self)
{
  g_return_val_if_fail (TL_IS_REPORT_DESK (self), FALSE);
  return self->pick != PICK_NONE;
}

void
tl_report_desk_finish_picking (TlReportDesk *self)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));

  if (self->pick == PICK_NONE)
    return;
  /* Done with what was picked so far; too little for a route gives up. */
  if (self->map_view == NULL || !tl_map_view_finish_pick (self->map_view))
    {
      if (self->map_view != NULL)
        tl_map_view_end_pick (self->map_view);
      end_picking (self);
    }
}

/**
 * tl_report_desk_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor open, if any
 */
TlReportEditor *
tl_report_desk_get_editor (TlReportDesk *self)
{
  g_return_val_if_fail (TL_IS_REPORT_DESK (self), NULL);
  return self->editor;
}

/**
 * tl_report_desk_set_time_zone:
 * @zone: the display zone, for the editors opened from now on
 *
 * An editor already open keeps the zone it was opened in, so what the
 * officer is typing does not change meaning halfway.
 */
void
tl_report_desk_set_time_zone (TlReportDesk *self,
                              GTimeZone    *zone)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
}

/**
 * tl_report_desk_set_operator_name:
 * @name: (nullable): who saves from this desk; %NULL for the login name
 *
 * The window follows the operator name setting and tells the desk, so
 * that the desk needs nothing of the application.
 */
void
tl_report_desk_set_operator_name (TlReportDesk *self,
                                  const char   *name)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));

  g_free (self->operator_name);
  self->operator_name = g_strdup (name);
}

/**
 * tl_report_desk_set_map_view:
 * @map_view: (transfer none): the window's map, which must outlive the
 *   desk (the window disposes the desk first)
 *
 * Lets the editor pick its position and draw its route on @map_view.
 */
void
tl_report_desk_set_map_view (TlReportDesk *self,
                             TlMapView    *map_view)
{
  g_return_if_fail (TL_IS_REPORT_DESK (self));
  g_return_if_fail (TL_IS_MAP_VIEW (map_view));
  g_return_if_fail (self->map_view == NULL);

  self->map_view = map_view;
  g_signal_connect_object (map_view, "pick-finished", G_CALLBACK (pick_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (map_view, "pick-cancelled", G_CALLBACK (pick_cancelled_cb), self, G_CONNECT_SWAPPED);
}
