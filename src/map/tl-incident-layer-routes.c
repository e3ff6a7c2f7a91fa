/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The incident layer's patrol routes (lines with direction arrows, from
 * Mercator polylines built once per model change) and its tooltips. */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-incident-layer-private.h"
#include "tl-route.h"
#include "tl-symbols.h"
#include "tl-time.h"

#define ROUTE_ARROW_GAP  90.0   /* pixels between direction arrows */

void
tl_incident_layer_add_route (TlIncidentLayer *self,
                             guint            position,
                             TlEvent         *event)
{
  g_autoptr(GArray) lonlat = g_array_new (FALSE, FALSE, sizeof (double));
  Route route = { position, self->route_pts->len / 2, 0,
                  { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };

  if (!tl_route_parse (tl_event_get_details (event), lonlat))
    return;

  for (guint i = 0; i + 1 < lonlat->len; i += 2)
    {
      double x = lon_to_mx (g_array_index (lonlat, double, i));
      double y = lat_to_my (g_array_index (lonlat, double, i + 1));

      g_array_append_val (self->route_pts, x);
      g_array_append_val (self->route_pts, y);
      route.box.minx = MIN (route.box.minx, x);
      route.box.miny = MIN (route.box.miny, y);
      route.box.maxx = MAX (route.box.maxx, x);
      route.box.maxy = MAX (route.box.maxy, y);
      route.n++;
    }
  g_array_append_val (self->routes, route);
}

void
tl_incident_layer_snapshot_routes (TlIncidentLayer *self,
                                   GtkSnapshot     *snapshot,
                                   double           ox,
                                   double           oy,
                                   double           world)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  TlClusterBox view = { ox / world, oy / world, (ox + width) / world, (oy + height) / world };
  cairo_t *cr = NULL;
  double r, g, b;

  if (!self->show_routes || (self->visible_kinds & (1u << TL_EVENT_KIND_PATROL)) == 0)
    return;

  tl_symbol_get_colour (TL_EVENT_KIND_PATROL, &r, &g, &b);
  for (guint i = 0; i < self->routes->len; i++)
    {
      const Route *route = &g_array_index (self->routes, Route, i);
      const double *pts = &g_array_index (self->route_pts, double, route->start * 2);
      double since_arrow = ROUTE_ARROW_GAP / 2;

      if (route->box.maxx < view.minx || route->box.minx > view.maxx ||
          route->box.maxy < view.miny || route->box.miny > view.maxy)
        continue;

      if (cr == NULL)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        }

      for (guint k = 0; k < route->n; k++)
        {
          double x = pts[2 * k] * world - ox, y = pts[2 * k + 1] * world - oy;

          if (k == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);

      /* Arrows along the way show which way the patrol went. */
      for (guint k = 1; k < route->n; k++)
        {
          double x0 = pts[2 * k - 2] * world - ox, y0 = pts[2 * k - 1] * world - oy;
          double x1 = pts[2 * k] * world - ox, y1 = pts[2 * k + 1] * world - oy;
          double len = hypot (x1 - x0, y1 - y0), angle = atan2 (y1 - y0, x1 - x0);
          double at = ROUTE_ARROW_GAP - since_arrow;

          for (; at < len; at += ROUTE_ARROW_GAP)
            tl_symbol_arrow_path (cr, x0 + (x1 - x0) * at / len, y0 + (y1 - y0) * at / len, angle,
                                  6, 4, 5);
          since_arrow = len - (at - ROUTE_ARROW_GAP);
        }
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  g_clear_pointer (&cr, cairo_destroy);
}

char *
tl_incident_layer_cluster_tooltip (TlIncidentLayer *self,
                                   guint            cluster)
{
  guint counts[TL_CLUSTER_MAX_CATEGORIES];
  const TlCluster *clusters;
  GString *s = g_string_new (NULL);
  guint n;

  clusters = tl_cluster_index_get_clusters (self->index, tl_incident_layer_current_level (self), &n);
  tl_cluster_index_get_members (self->index, tl_incident_layer_current_level (self), cluster, NULL, NULL, counts);
  {
    g_autofree char *title = g_strdup_printf (ngettext ("%u report", "%u reports", clusters[cluster].count),
                                              clusters[cluster].count);
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    g_string_append_printf (s, "<b>%s</b>", escaped);
  }
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    if (counts[k] > 0)
      {
        g_autofree char *line = g_markup_printf_escaped ("\n%s: %u", tl_event_kind_get_label (k), counts[k]);

        g_string_append (s, line);
      }
  g_string_append_printf (s, "\n<i>%s</i>", _("Click to zoom in"));
  return g_string_free (s, FALSE);
}

char *
tl_incident_layer_marker_tooltip (TlIncidentLayer *self,
                                  guint            position)
{
  g_autoptr(TlEvent) event = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  g_autofree char *time_text = NULL;
  g_autofree char *where = NULL;
  const char *kind = tl_event_kind_get_label (tl_event_get_kind (event));
  const char *status = tl_event_status_get_label (tl_event_get_status (event));
  int people;

  /* Translators: date and time in a map tooltip, see strftime */
  time_text = tl_time_format (self->zone, tl_event_get_time (event), _("%-d %b %H:%M"));
  where = tl_coordinates_format (tl_event_get_latitude (event), tl_event_get_longitude (event),
                                 self->format);
  people = tl_event_get_people (event);
  if (people < 0 && tl_event_get_rescued (event) > 0)
    people = tl_event_get_rescued (event);

  if (people >= 0)
    {
      g_autofree char *people_text = g_strdup_printf (ngettext ("%d person", "%d people", people), people);

      return g_markup_printf_escaped ("<b>%s</b> %s (%s)\n%s\n%s", time_text, kind, status,
                                      people_text, where);
    }
  return g_markup_printf_escaped ("<b>%s</b> %s (%s)\n%s", time_text, kind, status, where);
}

