/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tl-case-chain-layer.h"
#include "tl-event.h"
#include "tl-incident-layer-private.h"
#include "tl-labels.h"
#include "tl-symbols.h"
#include "tl-time.h"

/* Legs shorter than this on screen get no arrow: it would hide them. */
#define MIN_ARROW_LEG 36.0
/* Between a marker and the time beside it, and around each time. */
#define LABEL_GAP     4.0
/* The light box behind a time, around its text. */
#define LABEL_PAD_X   4.0
#define LABEL_PAD_Y   1.0

typedef struct
{
  double       mx;      /* Web Mercator, 0..1 */
  double       my;
  gint64       time;
  char        *label;   /* owned: the time as shown, or NULL before a zone is set */
  PangoLayout *layout;  /* owned: of label, made on first draw */
} ChainPoint;

struct _TlCaseChainLayer
{
  ShumateLayer     parent_instance;

  /* owned */
  GArray          *points;     /* ChainPoint, oldest first */
  GArray          *labels;     /* TlLabel, one per point: the last frame's */
  PangoAttrList   *attrs;      /* of the times */
  GTimeZone       *zone;
  TlIncidentLayer *incidents;  /* drawn over this layer: the times avoid its markers */
  TlPlaceLayer    *places;     /* drawn under it: the times avoid its names */
  GArray          *obstacles;  /* TlLabelObstacle, scratch for a frame */
};

G_DEFINE_FINAL_TYPE (TlCaseChainLayer, tl_case_chain_layer, SHUMATE_TYPE_LAYER)

/* helpers */

static void
clear_point (gpointer data)
{
  ChainPoint *point = data;

  g_clear_object (&point->layout);
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

      g_clear_object (&p->layout);
      g_free (p->label);
      p->label = tl_time_format (self->zone, p->time, one_day ? time_only : day_and_time);
    }
}

static void markers_changed_cb (TlCaseChainLayer *self,
                                TlIncidentLayer  *incidents);

static void
watch_incident_layer (TlCaseChainLayer *self,
                      TlIncidentLayer  *incidents)
{
  if (self->incidents != NULL)
    g_signal_handlers_disconnect_by_data (self->incidents, self);
  g_set_object (&self->incidents, incidents);
  if (incidents != NULL)
    g_signal_connect_object (incidents, "markers-changed", G_CALLBACK (markers_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/* Each report's time goes beside its marker, never over it: the markers
 * are drawn over this layer and a time under one would hide the symbol a
 * coordinator reads, or lose its own digits. Times are placed newest
 * first, so when they crowd the latest report keeps its time; one with
 * no free spot is left out rather than drawn over a marker.
 *
 * Runs every frame while the view moves: the layouts are made once per
 * chain, the labels array is reused, and the markers come as the
 * incident layer's rectangles for this view, looked up once per view and
 * shared with the place names. */
static void
draw_labels (TlCaseChainLayer *self,
             cairo_t          *cr,
             const double     *xy,
             int               width,
             int               height)
{
  const TlLabelObstacle *obstacles = NULL;
  guint n = self->points->len, n_obstacles = 0;

  g_array_set_size (self->labels, 0);
  /* No times until the zone they are written in is known. */
  if (self->zone == NULL)
    return;

  for (guint k = 0; k < n; k++)
    {
      ChainPoint *p = &g_array_index (self->points, ChainPoint, k);
      TlLabel label = { 0 };
      int w, h;

      if (p->layout == NULL)
        {
          p->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), p->label);
          pango_layout_set_attributes (p->layout, self->attrs);
        }
      pango_layout_get_pixel_size (p->layout, &w, &h);
      label.x = xy[2 * k];
      label.y = xy[2 * k + 1];
      label.width = w + 2 * LABEL_PAD_X;
      label.height = h + 2 * LABEL_PAD_Y;
      label.priority = (int) (n - 1 - k);
      /* Most reports of a chain are at a named beach or port, whose name
       * takes the right of the marker first: the time goes anywhere else
       * first. */
      label.right_last = TRUE;
      g_array_append_val (self->labels, label);
    }

  /* Clear of the markers, and of the place names drawn this frame (the
   * place layer is under this one, so it has placed them already): a
   * time that would cover either is left out. */
  g_array_set_size (self->obstacles, 0);
  if (self->incidents != NULL && gtk_widget_get_visible (GTK_WIDGET (self->incidents)))
    {
      obstacles = tl_incident_layer_get_obstacles (self->incidents, &n_obstacles);
      g_array_append_vals (self->obstacles, obstacles, n_obstacles);
    }
  if (self->places != NULL && gtk_widget_get_visible (GTK_WIDGET (self->places)))
    {
      obstacles = tl_place_layer_get_label_rects (self->places, &n_obstacles);
      g_array_append_vals (self->obstacles, obstacles, n_obstacles);
    }
  tl_labels_place ((TlLabel *) self->labels->data, n,
                   (const TlLabelObstacle *) (void *) self->obstacles->data, self->obstacles->len,
                   width, height, LABEL_GAP);

  for (guint k = 0; k < n; k++)
    {
      const ChainPoint *p = &g_array_index (self->points, ChainPoint, k);
      const TlLabel *label = &g_array_index (self->labels, TlLabel, k);
      double left = round (label->left), top = round (label->top);

      if (!label->placed)
        continue;

      cairo_new_path (cr);
      cairo_rectangle (cr, left, top, label->width, label->height);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_fill (cr);
      cairo_move_to (cr, left + LABEL_PAD_X, top + LABEL_PAD_Y);
      cairo_set_source_rgb (cr, 0.15, 0.16, 0.24);
      pango_cairo_show_layout (cr, p->layout);
    }
}

/* callbacks */

static void
markers_changed_cb (TlCaseChainLayer *self,
                    TlIncidentLayer  *incidents)
{
  if (self->points->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

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

  /* Without a chain, no times: none left from the last one. */
  g_array_set_size (self->labels, 0);
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
        tl_symbol_arrow_path (cr, (x0 + x1) / 2, (y0 + y1) / 2, atan2 (y1 - y0, x1 - x0), 7, 5, 6);
    }
  cairo_set_source_rgb (cr, 0.15, 0.16, 0.24);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  draw_labels (self, cr, xy, width, height);
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
tl_case_chain_layer_dispose (GObject *object)
{
  TlCaseChainLayer *self = TL_CASE_CHAIN_LAYER (object);

  watch_incident_layer (self, NULL);
  tl_case_chain_layer_set_place_layer (self, NULL);

  G_OBJECT_CLASS (tl_case_chain_layer_parent_class)->dispose (object);
}

static void
tl_case_chain_layer_finalize (GObject *object)
{
  TlCaseChainLayer *self = TL_CASE_CHAIN_LAYER (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->obstacles, g_array_unref);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_case_chain_layer_parent_class)->finalize (object);
}

static void
tl_case_chain_layer_class_init (TlCaseChainLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_case_chain_layer_constructed;
  object_class->dispose = tl_case_chain_layer_dispose;
  object_class->finalize = tl_case_chain_layer_finalize;
  widget_class->snapshot = tl_case_chain_layer_snapshot;
}

static void
tl_case_chain_layer_init (TlCaseChainLayer *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (ChainPoint));
  g_array_set_clear_func (self->points, clear_point);
  self->labels = g_array_new (FALSE, TRUE, sizeof (TlLabel));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (TlLabelObstacle));
  /* Small, with digits of one width so that times line up. */
  self->attrs = pango_attr_list_new ();
  pango_attr_list_insert (self->attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (self->attrs, pango_attr_font_features_new ("tnum=1"));
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
  g_array_set_size (self->labels, 0);
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

/**
 * tl_case_chain_layer_set_incident_layer:
 * @incidents: (nullable): the layer of markers drawn over this one
 *
 * The times are placed clear of @incidents' markers and cluster bubbles,
 * and placed again whenever they change. Without one, they only avoid
 * each other.
 */
void
tl_case_chain_layer_set_incident_layer (TlCaseChainLayer *self,
                                        TlIncidentLayer  *incidents)
{
  g_return_if_fail (TL_IS_CASE_CHAIN_LAYER (self));
  g_return_if_fail (incidents == NULL || TL_IS_INCIDENT_LAYER (incidents));

  if (self->incidents == incidents)
    return;

  watch_incident_layer (self, incidents);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_case_chain_layer_set_place_layer:
 * @places: (nullable): the layer of place names drawn under this one
 *
 * The times are placed clear of the names @places drew in the same
 * frame, while it is shown.
 */
void
tl_case_chain_layer_set_place_layer (TlCaseChainLayer *self,
                                     TlPlaceLayer     *places)
{
  g_return_if_fail (TL_IS_CASE_CHAIN_LAYER (self));
  g_return_if_fail (places == NULL || TL_IS_PLACE_LAYER (places));

  if (self->places == places)
    return;

  if (self->places != NULL)
    g_signal_handlers_disconnect_by_data (self->places, self);
  g_set_object (&self->places, places);
  /* Names shown or hidden: the times may move. */
  if (places != NULL)
    g_signal_connect_object (places, "notify::visible", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tl_case_chain_layer_get_labels:
 * @out_n: (out): how many labels are returned
 *
 * Where the last frame put the reports' times: one label per report of
 * the chain, oldest first, each with whether it was shown and where, in
 * widget coordinates. None before the first frame or without a time zone.
 *
 * Returns: (transfer none) (array length=out_n) (nullable): the labels,
 *   valid until the next frame
 */
const TlLabel *
tl_case_chain_layer_get_labels (TlCaseChainLayer *self,
                                guint            *out_n)
{
  g_return_val_if_fail (TL_IS_CASE_CHAIN_LAYER (self), NULL);
  g_return_val_if_fail (out_n != NULL, NULL);

  *out_n = self->labels->len;
  return self->labels->len > 0 ? (const TlLabel *) self->labels->data : NULL;
}
