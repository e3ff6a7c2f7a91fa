/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tl-incident-layer-private.h"
#include "tl-sea-layer.h"

/* Between a label and the point it names. */
#define LABEL_GAP 6.0

typedef struct
{
  TlSeaLineKind kind;
  TlSeaLane     lane;
  gboolean      closed;
  guint         start;   /* first vertex in merc / 2 */
  guint         n;
} LayerPath;

struct _TlSeaLayer
{
  ShumateLayer   parent_instance;

  /* owned */
  GArray        *paths;          /* LayerPath */
  GArray        *merc;           /* double: Web Mercator x, y pairs, 0..1 */
  PangoLayout   *labels[TL_SEA_N_LINES];
  PangoLayout   *estimate_label;
  GArray        *cone;           /* double: Mercator pairs, closed */
  GArray        *track;          /* double: Mercator pairs: fix, +30, +60, +120 */

  guint          visible;        /* 1 << TlSeaLineKind */
  gboolean       has_estimate;
  TlSeaEstimate  estimate;
};

G_DEFINE_FINAL_TYPE (TlSeaLayer, tl_sea_layer, SHUMATE_TYPE_LAYER)

/* helpers */

static void
set_line_style (cairo_t       *cr,
                TlSeaLineKind  kind)
{
  TlSeaLineStyle style;

  tl_sea_line_get_style (kind, &style);
  cairo_set_source_rgb (cr, style.red, style.green, style.blue);
  cairo_set_line_width (cr, style.width);
  cairo_set_dash (cr, style.dash, style.n_dash, 0);
}

static void
load_paths (TlSeaLayer *self)
{
  TlSea *sea = tl_sea_get_default ();
  g_autoptr(GError) error = NULL;
  GPtrArray *paths;

  if (!tl_sea_ensure_loaded (sea, &error))
    {
      g_warning ("The lines in the Strait cannot be drawn: %s", error->message);
      return;
    }
  paths = tl_sea_get_paths (sea);
  for (guint i = 0; i < paths->len; i++)
    {
      const TlSeaPath *path = g_ptr_array_index (paths, i);
      LayerPath lp = { path->kind, path->lane, path->closed, self->merc->len / 2, path->points->len / 2 };

      for (guint k = 0; k + 1 < path->points->len; k += 2)
        {
          double m[2] = {
            lon_to_mx (g_array_index (path->points, double, k + 1)),
            lat_to_my (g_array_index (path->points, double, k)),
          };

          g_array_append_vals (self->merc, m, 2);
        }
      g_array_append_val (self->paths, lp);
    }
}

static void
append_merc (GArray *array,
             double  lat,
             double  lon)
{
  double m[2] = { lon_to_mx (lon), lat_to_my (lat) };

  g_array_append_vals (array, m, 2);
}

static void
trace (cairo_t         *cr,
       const double    *m,
       guint            n,
       gboolean         closed,
       double           world,
       double           ox,
       double           oy)
{
  cairo_move_to (cr, m[0] * world - ox, m[1] * world - oy);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, m[2 * i] * world - ox, m[2 * i + 1] * world - oy);
  if (closed)
    cairo_close_path (cr);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_pattern_t *ink = cairo_pattern_reference (cairo_get_source (cr));

  /* A light halo keeps the text legible over lines and land. */
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  cairo_set_source (cr, ink);
  pango_cairo_show_layout (cr, layout);
  cairo_pattern_destroy (ink);
}

/* Each line's label goes by its vertex nearest the middle of the view,
 * stacked by kind so that labels of lines that run together do not
 * cover each other. */
static gboolean
overlaps (const graphene_rect_t *placed,
          guint                  n_placed,
          const graphene_rect_t *rect)
{
  for (guint i = 0; i < n_placed; i++)
    if (graphene_rect_intersection (&placed[i], rect, NULL))
      return TRUE;
  return FALSE;
}

static void
draw_label (TlSeaLayer      *self,
            cairo_t         *cr,
            TlSeaLineKind    kind,
            double           world,
            double           ox,
            double           oy,
            int              width,
            int              height,
            graphene_rect_t *placed,
            guint           *n_placed)
{
  graphene_rect_t rect;
  double best = G_MAXDOUBLE, bx = 0, by = 0;
  int tw, th;

  for (guint p = 0; p < self->paths->len; p++)
    {
      const LayerPath *lp = &g_array_index (self->paths, LayerPath, p);
      const double *m = &g_array_index (self->merc, double, 2 * lp->start);

      if (lp->kind != kind)
        continue;
      for (guint i = 0; i < lp->n; i++)
        {
          double x = m[2 * i] * world - ox, y = m[2 * i + 1] * world - oy;
          /* Each kind prefers its own band of the view. */
          double d = hypot (x - width * (0.3 + 0.12 * kind), y - height * (0.25 + 0.15 * kind));

          if (x < 0 || y < 0 || x > width || y > height || d >= best)
            continue;
          best = d;
          bx = x;
          by = y;
        }
    }
  if (best == G_MAXDOUBLE)
    return;

  if (self->labels[kind] == NULL)
    {
      self->labels[kind] = gtk_widget_create_pango_layout (GTK_WIDGET (self), tl_sea_line_get_label (kind));
      pango_layout_set_width (self->labels[kind], 260 * PANGO_SCALE);
      pango_layout_set_wrap (self->labels[kind], PANGO_WRAP_WORD);
    }
  pango_layout_get_pixel_size (self->labels[kind], &tw, &th);
  bx = CLAMP (bx + LABEL_GAP, 2, width - tw - 2);
  by = CLAMP (by + LABEL_GAP, 2, height - th - 2);
  /* Down the view, clear of the labels already placed. */
  rect = GRAPHENE_RECT_INIT (bx, by, tw, th);
  while (overlaps (placed, *n_placed, &rect) && rect.origin.y + th < height)
    rect.origin.y += 4;
  placed[(*n_placed)++] = rect;
  set_line_style (cr, kind);
  bx = rect.origin.x;
  by = rect.origin.y;
  draw_text (cr, self->labels[kind], bx, by);
}

static void
draw_lines (TlSeaLayer *self,
            cairo_t    *cr,
            double      world,
            double      ox,
            double      oy,
            int         width,
            int         height)
{
  graphene_rect_t placed[TL_SEA_N_LINES];
  guint n_placed = 0;

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint p = 0; p < self->paths->len; p++)
    {
      const LayerPath *lp = &g_array_index (self->paths, LayerPath, p);
      const double *m = &g_array_index (self->merc, double, 2 * lp->start);

      if ((self->visible & (1u << lp->kind)) == 0)
        continue;
      trace (cr, m, lp->n, lp->closed, world, ox, oy);
      if (lp->kind == TL_SEA_LINE_TSS)
        {
          /* The separation zone is where no one should be: darker. */
          cairo_set_source_rgba (cr, 0.70, 0.0, 0.55, lp->lane == TL_SEA_LANE_SEPARATION ? 0.28 : 0.07);
          cairo_fill_preserve (cr);
        }
      set_line_style (cr, lp->kind);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
  for (int kind = 0; kind < TL_SEA_N_LINES; kind++)
    if (self->visible & (1u << kind))
      draw_label (self, cr, kind, world, ox, oy, width, height, placed, &n_placed);
}

static void
draw_estimate (TlSeaLayer *self,
               cairo_t    *cr,
               double      world,
               double      ox,
               double      oy)
{
  const double *t = (const double *) self->track->data;
  guint n = self->track->len / 2;
  double ex = t[2 * (n - 1)] * world - ox, ey = t[2 * (n - 1) + 1] * world - oy;

  /* The cone: where the boat may be if its course is a little off. */
  trace (cr, (const double *) self->cone->data, self->cone->len / 2, TRUE, world, ox, oy);
  cairo_set_source_rgba (cr, 0.80, 0.10, 0.10, 0.12);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.80, 0.10, 0.10, 0.6);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
  cairo_stroke (cr);

  trace (cr, t, n, FALSE, world, ox, oy);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_set_line_width (cr, 4.5);
  cairo_set_dash (cr, (double[]) { 7, 5 }, 2, 0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.80, 0.10, 0.10);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 1; i < n; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, t[2 * i] * world - ox, t[2 * i + 1] * world - oy, 3.5, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.80, 0.10, 0.10);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.60, 0.05, 0.05);
  draw_text (cr, self->estimate_label, ex + LABEL_GAP, ey + LABEL_GAP);
}

static char *
estimate_text (const TlSeaEstimate *est)
{
  GString *text = g_string_new (NULL);
  const TlSeaLane lanes[] = { TL_SEA_LANE_NORTH_EAST, TL_SEA_LANE_SEPARATION, TL_SEA_LANE_SOUTH_WEST };

  /* Translators: the label of a dead-reckoning track on the map:
   * course in degrees, speed in knots; minutes ahead follow */
  g_string_append_printf (text, _("estimate: %03.0f° at %.1f kn, +30/+60/+120 min"),
                          est->motion.course, est->motion.speed);
  if (est->minutes_to_median > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("median line in %.0f min"), est->minutes_to_median);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    if (est->minutes_to_lane[lanes[i]] > 0)
      {
        g_string_append_c (text, '\n');
        /* Translators: e.g. "in the north-east lane in 25 min" */
        g_string_append_printf (text, _("%s in %.0f min"), tl_sea_lane_get_label (lanes[i]),
                                est->minutes_to_lane[lanes[i]]);
      }
  return g_string_free (text, FALSE);
}

/* callbacks */

static void
viewport_notify_cb (TlSeaLayer      *self,
                    GParamSpec      *pspec,
                    ShumateViewport *viewport)
{
  if (self->visible != 0 || self->has_estimate)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject overrides */

static void
tl_sea_layer_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  TlSeaLayer *self = TL_SEA_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateLocation *location = SHUMATE_LOCATION (viewport);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double world = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));
  double ox = lon_to_mx (shumate_location_get_longitude (location)) * world - width / 2.0;
  double oy = lat_to_my (shumate_location_get_latitude (location)) * world - height / 2.0;
  cairo_t *cr;

  if ((self->visible == 0 && !self->has_estimate) || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->visible != 0)
    draw_lines (self, cr, world, ox, oy, width, height);
  if (self->has_estimate)
    draw_estimate (self, cr, world, ox, oy);
  cairo_destroy (cr);
}

static void
tl_sea_layer_constructed (GObject *object)
{
  TlSeaLayer *self = TL_SEA_LAYER (object);

  G_OBJECT_CLASS (tl_sea_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
tl_sea_layer_finalize (GObject *object)
{
  TlSeaLayer *self = TL_SEA_LAYER (object);

  g_clear_pointer (&self->paths, g_array_unref);
  g_clear_pointer (&self->merc, g_array_unref);
  g_clear_pointer (&self->cone, g_array_unref);
  g_clear_pointer (&self->track, g_array_unref);
  for (int k = 0; k < TL_SEA_N_LINES; k++)
    g_clear_object (&self->labels[k]);
  g_clear_object (&self->estimate_label);

  G_OBJECT_CLASS (tl_sea_layer_parent_class)->finalize (object);
}

static void
tl_sea_layer_class_init (TlSeaLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_sea_layer_constructed;
  object_class->finalize = tl_sea_layer_finalize;
  widget_class->snapshot = tl_sea_layer_snapshot;
}

static void
tl_sea_layer_init (TlSeaLayer *self)
{
  self->paths = g_array_new (FALSE, FALSE, sizeof (LayerPath));
  self->merc = g_array_new (FALSE, FALSE, sizeof (double));
  self->cone = g_array_new (FALSE, FALSE, sizeof (double));
  self->track = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  load_paths (self);
}

/* public API */

/**
 * tl_sea_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer floating): a new layer, with no line shown
 */
TlSeaLayer *
tl_sea_layer_new (ShumateViewport *viewport)
{
  return g_object_new (TL_TYPE_SEA_LAYER, "viewport", viewport, NULL);
}

void
tl_sea_layer_set_line_visible (TlSeaLayer    *self,
                               TlSeaLineKind  kind,
                               gboolean       visible)
{
  guint visible_before;

  g_return_if_fail (TL_IS_SEA_LAYER (self));
  g_return_if_fail (kind < TL_SEA_N_LINES);

  visible_before = self->visible;
  if (visible)
    self->visible |= 1u << kind;
  else
    self->visible &= ~(1u << kind);
  if (self->visible != visible_before)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tl_sea_layer_get_line_visible (TlSeaLayer    *self,
                               TlSeaLineKind  kind)
{
  g_return_val_if_fail (TL_IS_SEA_LAYER (self), FALSE);

  return (self->visible & (1u << kind)) != 0;
}

/**
 * tl_sea_layer_set_estimate:
 * @estimate: (nullable): the dead-reckoning estimate to draw, or %NULL
 *   for none
 */
void
tl_sea_layer_set_estimate (TlSeaLayer          *self,
                           const TlSeaEstimate *estimate)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TL_IS_SEA_LAYER (self));

  g_array_set_size (self->cone, 0);
  g_array_set_size (self->track, 0);
  self->has_estimate = estimate != NULL;
  if (estimate != NULL)
    {
      TlSeaMotion left = estimate->motion, right = estimate->motion;

      self->estimate = *estimate;
      append_merc (self->track, estimate->latitude, estimate->longitude);
      for (int i = 0; i < TL_SEA_N_STEPS; i++)
        append_merc (self->track, estimate->step_latitude[i], estimate->step_longitude[i]);

      /* The cone widens with time: the course could be off either way. */
      left.course -= TL_SEA_ESTIMATE_SPREAD_DEG;
      right.course += TL_SEA_ESTIMATE_SPREAD_DEG;
      append_merc (self->cone, estimate->latitude, estimate->longitude);
      for (int m = 10; m <= tl_sea_estimate_minutes[TL_SEA_N_STEPS - 1]; m += 10)
        {
          double lat, lon;

          tl_sea_reckon (estimate->latitude, estimate->longitude, &left, m, &lat, &lon);
          append_merc (self->cone, lat, lon);
        }
      for (int m = tl_sea_estimate_minutes[TL_SEA_N_STEPS - 1]; m >= 10; m -= 10)
        {
          double lat, lon;

          tl_sea_reckon (estimate->latitude, estimate->longitude, &right, m, &lat, &lon);
          append_merc (self->cone, lat, lon);
        }

      text = estimate_text (estimate);
      g_clear_object (&self->estimate_label);
      self->estimate_label = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tl_sea_layer_has_estimate (TlSeaLayer *self)
{
  g_return_val_if_fail (TL_IS_SEA_LAYER (self), FALSE);

  return self->has_estimate;
}
