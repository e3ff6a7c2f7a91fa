/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-symbols.h"
#include "tl-time.h"
#include "tl-time-strip.h"

/* Window seconds replayed per real second, as the speed menu lists them. */
static const double speeds[] = { 600, 3600, 3 * 3600 };

/* Hours between marks on the axis, the first that leaves room. */
static const int hour_steps[] = { 1, 2, 3, 6, 12, 24 };

/* Events this close before the cursor (as a share of the window) are
 * drawn larger: what just happened stands out during a replay. */
#define RECENT_SHARE (1.0 / 24)

typedef struct {
  gint64      time;
  TlEventKind kind;
} Tick;

struct _TlTimeStrip
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkButton       *play_button;
  GtkDrawingArea  *axis;
  GtkLabel        *cursor_label;
  GtkDropDown     *speed_dropdown;

  /* owned */
  TlReview        *review;
  GArray          *ticks;          /* of Tick, by time */

  guint            tick_id;        /* frame clock, while playing */
  gint64           last_frame_us;
  double           carry;          /* fraction of a second not yet moved */
};

G_DEFINE_FINAL_TYPE (TlTimeStrip, tl_time_strip, GTK_TYPE_WIDGET)

/* helpers */

static gint64
window_from (TlTimeStrip *self)
{
  return tl_review_get_from (self->review);
}

static gint64
window_to (TlTimeStrip *self)
{
  return tl_review_get_to (self->review);
}

/* The cursor as drawn: at the end of the window when not replaying. */
static gint64
shown_cursor (TlTimeStrip *self)
{
  gint64 cursor = tl_review_get_cursor (self->review);

  return cursor == G_MAXINT64 ? window_to (self) : cursor;
}

static void
rebuild_ticks (TlTimeStrip *self)
{
  GListModel *events = G_LIST_MODEL (tl_review_get_events (self->review));
  guint n = g_list_model_get_n_items (events);

  g_array_set_size (self->ticks, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = g_list_model_get_item (events, i);
      Tick tick = { tl_event_get_time (event), tl_event_get_kind (event) };

      g_array_append_val (self->ticks, tick);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->axis));
}

static void
update_label (TlTimeStrip *self)
{
  g_autofree char *text = NULL;
  gint64 cursor;

  if (self->review == NULL)
    return;

  cursor = tl_review_get_cursor (self->review);
  if (cursor == G_MAXINT64)
    /* Translators: the replay cursor is at the end: everything is shown */
    text = g_strdup (_("All"));
  else
    /* Translators: the replay cursor's time, see strftime */
    text = tl_time_format (tl_review_get_zone (self->review), cursor, _("%a %H:%M"));

  gtk_label_set_text (self->cursor_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->axis),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) window_from (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) window_to (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) shown_cursor (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
set_cursor (TlTimeStrip *self,
            gint64       cursor)
{
  cursor = CLAMP (cursor, window_from (self), window_to (self));
  tl_review_set_cursor (self->review, cursor);
}

static gint64
time_at_x (TlTimeStrip *self,
           double       x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->axis));
  gint64 from = window_from (self), to = window_to (self);

  if (width <= 0)
    return to;

  return from + (gint64) ((to - from) * CLAMP (x / width, 0.0, 1.0));
}

/* A step of the arrow keys: a 96th of the window, in whole minutes. */
static gint64
step_seconds (TlTimeStrip *self)
{
  gint64 step = (window_to (self) - window_from (self)) / 96;

  return MAX (60, step - step % 60);
}

static void
set_playing (TlTimeStrip *self,
             gboolean     playing);

static gboolean
on_frame (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  TlTimeStrip *self = TL_TIME_STRIP (widget);
  gint64 now_us = gdk_frame_clock_get_frame_time (clock);
  double elapsed = (now_us - self->last_frame_us) / (double) G_USEC_PER_SEC;
  guint speed = gtk_drop_down_get_selected (self->speed_dropdown);
  gint64 cursor = shown_cursor (self);
  double advance;

  self->last_frame_us = now_us;
  advance = self->carry + MIN (elapsed, 0.25) * speeds[MIN (speed, G_N_ELEMENTS (speeds) - 1)];
  self->carry = advance - (gint64) advance;
  cursor += (gint64) advance;

  if (cursor >= window_to (self))
    {
      set_cursor (self, window_to (self));
      self->tick_id = 0;
      set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  set_cursor (self, cursor);
  return G_SOURCE_CONTINUE;
}

static void
set_playing (TlTimeStrip *self,
             gboolean     playing)
{
  if (playing == (self->tick_id != 0))
    return;

  if (playing)
    {
      /* Playing from the end starts over. */
      if (!tl_review_is_replaying (self->review))
        set_cursor (self, window_from (self));
      self->last_frame_us = g_get_monotonic_time ();
      self->carry = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_frame, NULL, NULL);
    }
  else if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (Space)") : _("Replay the Window (Space)"));
}

static void
draw_axis (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  TlTimeStrip *self = TL_TIME_STRIP (user_data);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  GdkRGBA fg;
  gint64 from, to, cursor, recent, step, t;
  double span, cursor_x;
  gboolean replaying;

  if (self->review == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  from = window_from (self);
  to = window_to (self);
  span = MAX (1, to - from);
  replaying = tl_review_is_replaying (self->review);
  cursor = shown_cursor (self);
  recent = (gint64) (span * RECENT_SHARE);

  /* the track */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
  cairo_rectangle (cr, 0, 18, width, height - 18);
  cairo_fill (cr);

  /* hour marks, spaced to leave room for their labels */
  step = 24 * 3600;
  for (guint i = 0; i < G_N_ELEMENTS (hour_steps); i++)
    if (width * (hour_steps[i] * 3600 / span) >= 44)
      {
        step = hour_steps[i] * 3600;
        break;
      }
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  for (t = from + (3600 - ((from % 3600) + 3600) % 3600) % 3600; t < to; t += 3600)
    {
      g_autofree char *hour = tl_time_format (tl_review_get_zone (self->review), t, "%H");
      int h = (int) g_ascii_strtoll (hour, NULL, 10);
      double x = (t - from) / span * width;

      if (h % (step / 3600) != 0)
        continue;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, h == 0 ? 0.5 : 0.2);
      cairo_rectangle (cr, floor (x), 18, 1, height - 18);
      cairo_fill (cr);

      {
        g_autofree char *label = h == 0 ? tl_time_format (tl_review_get_zone (self->review), t, _("%a %-d"))
                                        : g_strdup_printf ("%02d", h);

        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
        cairo_move_to (cr, x + 2, 12);
        cairo_show_text (cr, label);
      }
    }

  /* a tick per event; events after the cursor are faint, the ones just
   * before it tall */
  for (guint i = 0; i < self->ticks->len; i++)
    {
      const Tick *tick = &g_array_index (self->ticks, Tick, i);
      double x = (tick->time - from) / span * width;
      gboolean future = replaying && tick->time > cursor;
      gboolean is_recent = replaying && !future && tick->time > cursor - recent;
      double r, g, b, tick_h = is_recent ? height - 20 : (height - 18) * 0.55;

      tl_symbol_get_colour (tick->kind, &r, &g, &b);
      cairo_set_source_rgba (cr, r, g, b, future ? 0.2 : 0.9);
      cairo_rectangle (cr, floor (x), height - tick_h, is_recent ? 3 : 2, tick_h);
      cairo_fill (cr);
    }

  /* the cursor */
  cursor_x = (cursor - from) / span * width;
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1.0);   /* the accent blue */
  cairo_rectangle (cr, CLAMP (cursor_x - 1, 0, width - 2), 16, 2, height - 16);
  cairo_fill (cr);
  cairo_arc (cr, CLAMP (cursor_x, 5, width - 5), 18, 5, 0, 2 * G_PI);
  cairo_fill (cr);

  if (gtk_widget_has_focus (GTK_WIDGET (area)))
    {
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
}

/* callbacks */

static void
cursor_changed_cb (TlTimeStrip *self)
{
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->axis));
}

static void
range_changed_cb (TlTimeStrip *self)
{
  set_playing (self, FALSE);
  cursor_changed_cb (self);
}

static void
drag_cb (GtkGestureDrag *gesture,
         double          offset_x,
         double          offset_y,
         TlTimeStrip    *self)
{
  double start_x, start_y;

  if (self->review == NULL)
    return;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  set_cursor (self, time_at_x (self, start_x + offset_x));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TlTimeStrip    *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->axis));
  drag_cb (gesture, 0, 0, self);
}

static void
focus_changed_cb (TlTimeStrip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->axis));
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TlTimeStrip *self = TL_TIME_STRIP (widget);

  if (self->review != NULL)
    set_playing (self, self->tick_id == 0);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  tl_time_strip_step (TL_TIME_STRIP (widget), g_variant_get_int32 (param));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TlTimeStrip *self = TL_TIME_STRIP (widget);

  if (self->review != NULL)
    set_cursor (self, window_from (self));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  TlTimeStrip *self = TL_TIME_STRIP (widget);

  if (self->review != NULL)
    {
      set_playing (self, FALSE);
      set_cursor (self, window_to (self));
    }
}

/* GObject overrides */

static void
tl_time_strip_dispose (GObject *object)
{
  TlTimeStrip *self = TL_TIME_STRIP (object);

  set_playing (self, FALSE);
  tl_time_strip_set_review (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_TIME_STRIP);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tl_time_strip_parent_class)->dispose (object);
}

static void
tl_time_strip_finalize (GObject *object)
{
  TlTimeStrip *self = TL_TIME_STRIP (object);

  g_clear_pointer (&self->ticks, g_array_unref);

  G_OBJECT_CLASS (tl_time_strip_parent_class)->finalize (object);
}

static void
tl_time_strip_class_init (TlTimeStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_time_strip_dispose;
  object_class->finalize = tl_time_strip_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/timeline/tl-time-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, TlTimeStrip, play_button);
  gtk_widget_class_bind_template_child (widget_class, TlTimeStrip, axis);
  gtk_widget_class_bind_template_child (widget_class, TlTimeStrip, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, TlTimeStrip, speed_dropdown);

  gtk_widget_class_install_action (widget_class, "strip.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "strip.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "strip.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "strip.end", NULL, end_action);

  /* Arrows, Home and End as on any slider; Space plays and pauses. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "strip.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "strip.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "strip.step", "i", -8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "strip.step", "i", 8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "strip.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "strip.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "strip.play", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-time-strip");
}

static void
tl_time_strip_init (TlTimeStrip *self)
{
  GtkGesture *drag;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->ticks = g_array_new (FALSE, FALSE, sizeof (Tick));

  gtk_drawing_area_set_draw_func (self->axis, draw_axis, self, NULL);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->axis), GTK_EVENT_CONTROLLER (drag));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->axis), focus);
}

/* public API */

TlTimeStrip *
tl_time_strip_new (void)
{
  return g_object_new (TL_TYPE_TIME_STRIP, NULL);
}

/**
 * tl_time_strip_set_review:
 * @review: (nullable): the review whose window and cursor to show
 */
void
tl_time_strip_set_review (TlTimeStrip *self,
                          TlReview    *review)
{
  g_return_if_fail (TL_IS_TIME_STRIP (self));

  if (self->review == review)
    return;

  if (self->review != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->review, self);
      g_signal_handlers_disconnect_by_data (tl_review_get_events (self->review), self);
    }
  g_set_object (&self->review, review);
  if (review == NULL)
    return;

  g_signal_connect_object (review, "notify::cursor", G_CALLBACK (cursor_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "notify::from", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "notify::to", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tl_review_get_events (review), "items-changed",
                           G_CALLBACK (rebuild_ticks), self, G_CONNECT_SWAPPED);
  rebuild_ticks (self);
  update_label (self);
}

gboolean
tl_time_strip_get_playing (TlTimeStrip *self)
{
  g_return_val_if_fail (TL_IS_TIME_STRIP (self), FALSE);

  return self->tick_id != 0;
}

void
tl_time_strip_set_playing (TlTimeStrip *self,
                           gboolean     playing)
{
  g_return_if_fail (TL_IS_TIME_STRIP (self));
  g_return_if_fail (self->review != NULL);

  set_playing (self, playing);
}

/**
 * tl_time_strip_step:
 * @steps: how many steps (a 96th of the window each) to move the cursor;
 *   negative moves back
 */
void
tl_time_strip_step (TlTimeStrip *self,
                    int          steps)
{
  g_return_if_fail (TL_IS_TIME_STRIP (self));

  if (self->review != NULL)
    set_cursor (self, shown_cursor (self) + steps * step_seconds (self));
}
