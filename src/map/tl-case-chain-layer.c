/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tl-case-chain-layer.h"
#include "tl-event.h"
#include "tl-incident-layer-private.h"
#include "tl-time.h"

/* Legs shorter than this on screen get no arrow: it would hide them. */
#define MIN_ARROW_LEG 36.0

typedef struct
{
  double  mx;     /* Web Mercator, 0..1 */
  double  my;
  gint64  time;
  char   *label;  /* the time as shown, or NULL before a zone is set */
} ChainPoint;

struct _TlCaseChainLayer
{
  ShumateLayer  parent_instance;

  /* owned */
  GArray       *points;  /* ChainPoint, oldest first */
  GTimeZone    *zone;
};

G_DEFINE_FINAL_TYPE (TlCaseChainLayer, tl_case_chain_layer, SHUMATE_TYPE_LAYER)

/* helpers */

static void
clear_point (gpointer data)
{
  ChainPoint *point = data;

  g_clear_pointer (&point->label, g_free);
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  gint64 ta = ((const ChainPoint *) a)->time, tb = ((const ChainPoint *) b)->time;

  return ta < tb ? -1 : ta > tb;
}

static void
update_labels (TlCaseChainLayer *self)
{
  gboolean one_day = TRUE;
  gint64 day_start = 0, day_end = 0;
  /* Translators: the time of a report of a case, on the map; see strftime */
  const char *time_only = _("%H:%M");
  /* Translators: the day and time of a report of a case, on the map; see strftime */
  const char *day_and_time = _("%a %H:%M");

  if (self->zone == NULL || self->points->len == 0)
    return;

  /* A case within a day shows bare times; one spanning days names them. */
  tl_time_day_range_at (self->zone, g_array_index (self->points, ChainPoint, 0).time,
                        &day_start, &day_end);
  for (guint i = 0; i < self->points->len; i++)
    if (g_array_index (self->points, ChainPoint, i).time >= day_end)
      one_day = FALSE;

  for (guint i = 0; i < self->points->len; i++)
    {
      ChainPoint *p = &g_array_index (self->points, ChainPoint, i);

      g_free (p->label);
      p->label = tl_time_format (self->zone, p->time, one_day ? time_only : day_and_time);
    }
}

static void
draw_arrow (cairo_t *cr,
            double   x,
            double   y,
            double   angle)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 7, 0);
  cairo_line_to (cr, -5, -6);
  cairo_line_to (cr, -2, 0);
  cairo_line_to (cr, -5, 6);
  cairo_close_path (cr);
  cairo_restore (cr);
}

static void
draw_labels (TlCaseChainLayer *self,
             cairo_t          *cr,
             const double     *xy)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  /* Newest first, so that when labels crowd the latest one is kept. */
  for (guint k = self->points->len; k-- > 0;)
    {
      const ChainPoint *p = &g_array_index (self->points, ChainPoint, k);
      graphene_rect_t box;
      gboolean overlaps = FALSE;
      int w, h;

      if (p->label == NULL)
        continue;
      pango_layout_set_text (layout, p->label, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      graphene_rect_init (&box, xy[2 * k] + 12, xy[2 * k + 1] - h - 8, w + 8, h + 2);
      for (guint i = 0; i < drawn->len && !overlaps; i++)
        overlaps = graphene_rect_intersection (&box, &g_array_index (drawn, graphene_rect_t, i), NULL);
      if (overlaps)
        continue;
      g_array_append_val (drawn, box);

      cairo_new_path (cr);
      cairo_rectangle (cr, box.origin.x, box.origin.y, box.size.width, box.size.height);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_fill (cr);
      cairo_move_to (cr, box.origin.x + 4, box.origin.y + 1);
      cairo_set_source_rgb (cr, 0.15, 0.16, 0.24);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
}

/* callbacks */

static void
viewport_notify_cb (TlCaseChainLayer *self,
                    GParamSpec       *pspec,
                    ShumateViewport  *viewport)
{
  if (self->points->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject overrides */

static void
tl_case_chain_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  TlCaseChainLayer *self = TL_CASE_CHAIN_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double world = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));
  double ox = lon_to_mx (shumate_location_get_longitude (location)) * world - width / 2.0;
  double oy = lat_to_my (shumate_location_get_latitude (location)) * world - height / 2.0;
  g_autofree double *xy = NULL;
  guint n = self->points->len;
  cairo_t *cr;

  if (n == 0)
    return;

  xy = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      const ChainPoint *p = &g_array_index (self->points, ChainPoint, i);

      xy[2 * i] = p->mx * world - ox;
      xy[2 * i + 1] = p->my * world - oy;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.15, 0.16, 0.24);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* One arrow halfway along each leg: which report came next. */
  for (guint i = 1; i < n; i++)
    {
      double x0 = xy[2 * i - 2], y0 = xy[2 * i - 1], x1 = xy[2 * i], y1 = xy[2 * i + 1];

      if (hypot (x1 - x0, y1 - y0) >= MIN_ARROW_LEG)
        draw_arrow (cr, (x0 + x1) / 2, (y0 + y1) / 2, atan2 (y1 - y0, x1 - x0));
    }
  cairo_set_source_rgb (cr, 0.15, 0.16, 0.24);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  draw_labels (self, cr, xy);
  cairo_destroy (cr);
}

static void
tl_case_chain_layer_constructed (GObject *object)
{
  TlCaseChainLayer *self = TL_CASE_CHAIN_LAYER (object);

  G_OBJECT_CLASS (tl_case_chain_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
tl_case_chain_layer_finalize (GObject *object)
{
  TlCaseChainLayer *self = TL_CASE_CHAIN_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_case_chain_layer_parent_class)->finalize (object);
}

static void
tl_case_chain_layer_class_init (TlCaseChainLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_case_chain_layer_constructed;
  object_class->finalize = tl_case_chain_layer_finalize;
  widget_class->snapshot = tl_case_chain_layer_snapshot;
}

static void
tl_case_chain_layer_init (TlCaseChainLayer *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (ChainPoint));
  g_array_set_clear_func (self->points, clear_point);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* public API */

/**
 * tl_case_chain_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer
 */
TlCaseChainLayer *
tl_case_chain_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TL_TYPE_CASE_CHAIN_LAYER, "viewport", viewport, NULL);
}

/**
 * tl_case_chain_layer_set_events:
 * @events: (nullable) (element-type TlEvent) (transfer none): the
 *   reports of one case, in any order; %NULL or empty clears the chain
 *
 * Reports without a position are left out of the chain.
 */
void
tl_case_chain_layer_set_events (TlCaseChainLayer *self,
                                GPtrArray        *events)
{
  g_return_if_fail (TL_IS_CASE_CHAIN_LAYER (self));

  if (self->points->len == 0 && (events == NULL || events->len == 0))
    return;

  g_array_set_size (self->points, 0);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);
      ChainPoint p = { 0 };

      if (!tl_event_has_position (event))
        continue;
      p.mx = lon_to_mx (tl_event_get_longitude (event));
      p.my = lat_to_my (tl_event_get_latitude (event));
      p.time = tl_event_get_time (event);
      g_array_append_val (self->points, p);
    }
  /* A single report is no chain. */
  if (self->points->len < 2)
    g_array_set_size (self->points, 0);
  g_array_sort (self->points, compare_time);
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_case_chain_layer_set_time_zone:
 * @zone: (nullable): the zone the times are written in
 */
void
tl_case_chain_layer_set_time_zone (TlCaseChainLayer *self,
                                   GTimeZone        *zone)
{
  g_return_if_fail (TL_IS_CASE_CHAIN_LAYER (self));

  if (zone != NULL)
    g_time_zone_ref (zone);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone;
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_case_chain_layer_get_n_points:
 *
 * Returns: how many reports the chain joins (0 when none is shown)
 */
guint
tl_case_chain_layer_get_n_points (TlCaseChainLayer *self)
{
  g_return_val_if_fail (TL_IS_CASE_CHAIN_LAYER (self), 0);

  return self->points->len;
}
