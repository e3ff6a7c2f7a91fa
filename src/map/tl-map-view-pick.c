/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Picking on the map for another widget: one position, or the points of
 * a route or an area. The map keeps working (pan, zoom) while clicks
 * place points; Enter, Backspace and Escape finish, undo and cancel
 * wherever the focus is in the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-map-view-private.h"

/* helpers */

static guint
min_points (TlMapPickMode mode)
{
  switch (mode)
    {
    case TL_MAP_PICK_POINT:
      return 1;
    case TL_MAP_PICK_ROUTE:
      return 2;
    case TL_MAP_PICK_AREA:
      return 3;
    case TL_MAP_PICK_NONE:
    default:
      return G_MAXUINT;
    }
}

static const char *
hint_for (TlMapPickMode mode)
{
  switch (mode)
    {
    case TL_MAP_PICK_POINT:
      return _("Click the position");
    case TL_MAP_PICK_ROUTE:
      return _("Click the route’s points; Enter to finish, Backspace to undo, Escape to cancel");
    case TL_MAP_PICK_AREA:
      return _("Click the area’s corners; Enter to finish, Backspace to undo, Escape to cancel");
    case TL_MAP_PICK_NONE:
    default:
      return "";
    }
}

static void
update_pick (TlMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = tl_measure_layer_get_n_points (self->pick_layer);
  gboolean picking = self->pick_mode != TL_MAP_PICK_NONE;

  gtk_widget_set_visible (self->pick_bar, picking);
  gtk_label_set_text (self->pick_label, hint_for (self->pick_mode));
  gtk_widget_set_visible (self->pick_done_button,
                          self->pick_mode == TL_MAP_PICK_ROUTE || self->pick_mode == TL_MAP_PICK_AREA);
  gtk_widget_action_set_enabled (widget, "map.pick-finish", picking && n >= min_points (self->pick_mode));
  gtk_widget_action_set_enabled (widget, "map.pick-undo", picking && n > 0);
  gtk_widget_action_set_enabled (widget, "map.pick-cancel", picking);
  /* One tool at a time: measuring waits until the pick is over. */
  gtk_widget_action_set_enabled (widget, "map.measure", !picking);
}

/* The points as a(dd), latitude then longitude. */
static GVariant *
points_variant (TlMapView *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(dd)"));
  for (guint i = 0; i < tl_measure_layer_get_n_points (self->pick_layer); i++)
    {
      double latitude, longitude;

      tl_measure_layer_get_point (self->pick_layer, i, &latitude, &longitude);
      g_variant_builder_add (&builder, "(dd)", latitude, longitude);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* callbacks */

static gboolean
finish_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  TlMapView *self = TL_MAP_VIEW (widget);

  if (self->pick_mode == TL_MAP_PICK_NONE)
    return FALSE;
  /* Too few points yet: Enter is swallowed, not passed to the window. */
  tl_map_view_finish_pick (self);
  return TRUE;
}

static gboolean
undo_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return tl_map_view_pick_undo (TL_MAP_VIEW (widget));
}

static gboolean
cancel_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  return tl_map_view_pick_cancel (TL_MAP_VIEW (widget));
}

static void
pick_finish_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  tl_map_view_finish_pick (TL_MAP_VIEW (widget));
}

static void
pick_undo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  tl_map_view_pick_undo (TL_MAP_VIEW (widget));
}

static void
pick_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  tl_map_view_pick_cancel (TL_MAP_VIEW (widget));
}

/* internal API */

gboolean
tl_map_view_pick_undo (TlMapView *self)
{
  if (self->pick_mode == TL_MAP_PICK_NONE)
    return FALSE;
  tl_measure_layer_remove_last (self->pick_layer);
  update_pick (self);
  return TRUE;
}

/* Escape: the pick ends with nothing picked. */
gboolean
tl_map_view_pick_cancel (TlMapView *self)
{
  if (self->pick_mode == TL_MAP_PICK_NONE)
    return FALSE;
  tl_map_view_end_pick (self);
  g_signal_emit (self, tl_map_view_signals[TL_MAP_VIEW_SIGNAL_PICK_CANCELLED], 0);
  return TRUE;
}

void
tl_map_view_pick_init (TlMapView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const struct {
    guint         key;
    GtkShortcutFunc func;
  } keys[] = {
    { GDK_KEY_Return, finish_key_cb },
    { GDK_KEY_KP_Enter, finish_key_cb },
    { GDK_KEY_ISO_Enter, finish_key_cb },
    { GDK_KEY_BackSpace, undo_key_cb },
    { GDK_KEY_Escape, cancel_key_cb },
  };

  /* Global and in the capture phase: the keys work wherever the focus is
   * in the window, before an entry's Backspace or the window's default
   * Enter, and pass through (the callbacks return FALSE) when nothing is
   * being picked. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_callback_action_new (keys[i].func, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->pick_mode = TL_MAP_PICK_NONE;
  update_pick (self);
}

void
tl_map_view_pick_class_init (GtkWidgetClass *widget_class)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  /**
   * TlMapView::picked:
   * @latitude: where the officer clicked
   * @longitude: where the officer clicked
   *
   * A point was picked, during any pick.
   */
  tl_map_view_signals[TL_MAP_VIEW_SIGNAL_PICKED] =
    g_signal_new ("picked", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * TlMapView::pick-finished:
   * @points: a `a(dd)` #GVariant: the points picked, latitude and
   *   longitude, in the order clicked
   *
   * The pick is over (one click for a position; Enter or Done for a
   * route or an area). The map no longer picks when this is emitted.
   */
  tl_map_view_signals[TL_MAP_VIEW_SIGNAL_PICK_FINISHED] =
    g_signal_new ("pick-finished", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_VARIANT);

  /**
   * TlMapView::pick-cancelled:
   *
   * The officer gave up the pick (Escape or Cancel).
   */
  tl_map_view_signals[TL_MAP_VIEW_SIGNAL_PICK_CANCELLED] =
    g_signal_new ("pick-cancelled", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "map.pick-finish", NULL, pick_finish_action);
  gtk_widget_class_install_action (widget_class, "map.pick-undo", NULL, pick_undo_action);
  gtk_widget_class_install_action (widget_class, "map.pick-cancel", NULL, pick_cancel_action);
}

/* public API */

/**
 * tl_map_view_begin_pick:
 * @mode: what to pick
 *
 * Turns clicks on the map into picked points, with a crosshair and a
 * hint, until the pick finishes (#TlMapView::pick-finished), is cancelled
 * (#TlMapView::pick-cancelled) or is ended with tl_map_view_end_pick().
 * A pick under way is ended without a signal; measuring stops.
 */
void
tl_map_view_begin_pick (TlMapView     *self,
                        TlMapPickMode  mode)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));
  g_return_if_fail (mode >= TL_MAP_PICK_NONE && mode <= TL_MAP_PICK_AREA);

  tl_map_view_end_pick (self);
  if (mode == TL_MAP_PICK_NONE)
    return;

  tl_map_view_set_measuring (self, FALSE);
  self->pick_mode = mode;
  tl_measure_layer_set_closed (self->pick_layer, mode == TL_MAP_PICK_AREA);
  tl_measure_layer_set_interactive (self->pick_layer, TRUE);
  /* A click on a marker picks its position, it does not select it. */
  gtk_widget_set_can_target (GTK_WIDGET (self->incident_layer), FALSE);
  update_pick (self);
}

/**
 * tl_map_view_end_pick:
 *
 * Stops picking, without a signal: for the widget that began the pick
 * and no longer wants it. Does nothing when not picking.
 */
void
tl_map_view_end_pick (TlMapView *self)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  if (self->pick_mode == TL_MAP_PICK_NONE)
    return;

  self->pick_mode = TL_MAP_PICK_NONE;
  tl_measure_layer_clear (self->pick_layer);
  tl_measure_layer_set_interactive (self->pick_layer, FALSE);
  tl_measure_layer_set_closed (self->pick_layer, FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self->incident_layer), !self->measuring);
  update_pick (self);
}

/**
 * tl_map_view_finish_pick:
 *
 * Finishes the pick as Enter does, emitting #TlMapView::pick-finished.
 *
 * Returns: %FALSE, changing nothing, when not picking or when too few
 *   points were picked (two for a route, three for an area)
 */
gboolean
tl_map_view_finish_pick (TlMapView *self)
{
  g_autoptr(GVariant) points = NULL;

  g_return_val_if_fail (TL_IS_MAP_VIEW (self), FALSE);

  if (self->pick_mode == TL_MAP_PICK_NONE ||
      tl_measure_layer_get_n_points (self->pick_layer) < min_points (self->pick_mode))
    return FALSE;

  points = points_variant (self);
  tl_map_view_end_pick (self);
  g_signal_emit (self, tl_map_view_signals[TL_MAP_VIEW_SIGNAL_PICK_FINISHED], 0, points);
  return TRUE;
}

/**
 * tl_map_view_get_pick_mode:
 *
 * Returns: what is being picked, or %TL_MAP_PICK_NONE
 */
TlMapPickMode
tl_map_view_get_pick_mode (TlMapView *self)
{
  g_return_val_if_fail (TL_IS_MAP_VIEW (self), TL_MAP_PICK_NONE);

  return self->pick_mode;
}

/**
 * tl_map_view_add_pick_point:
 * @latitude: the point picked
 * @longitude: the point picked
 *
 * Picks a point as a click there would (a position picked finishes the
 * pick). Does nothing when not picking.
 */
void
tl_map_view_add_pick_point (TlMapView *self,
                            double     latitude,
                            double     longitude)
{
  g_return_if_fail (TL_IS_MAP_VIEW (self));

  if (self->pick_mode == TL_MAP_PICK_NONE)
    return;

  tl_measure_layer_add_point (self->pick_layer, latitude, longitude);
  update_pick (self);
  g_signal_emit (self, tl_map_view_signals[TL_MAP_VIEW_SIGNAL_PICKED], 0, latitude, longitude);
  /* A handler may have ended the pick, or begun another. */
  if (self->pick_mode == TL_MAP_PICK_POINT)
    tl_map_view_finish_pick (self);
}

/**
 * tl_map_view_pick_at:
 * @x: x in the map view, as a click would give it
 * @y: y in the map view
 *
 * Picks the point under (@x, @y) as a primary click there would: the
 * gesture's handler, and a hook for tests.
 */
void
tl_map_view_pick_at (TlMapView *self,
                     double     x,
                     double     y)
{
  double latitude, longitude;

  g_return_if_fail (TL_IS_MAP_VIEW (self));

  if (self->pick_mode == TL_MAP_PICK_NONE)
    return;
  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (self->map),
                                              GTK_WIDGET (self->map), x, y, &latitude, &longitude);
  tl_map_view_add_pick_point (self, latitude, longitude);
}
