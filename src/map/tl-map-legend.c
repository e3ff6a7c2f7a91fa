/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-map-legend.h"
#include "tl-sea.h"
#include "tl-symbols.h"

/* The map's key: one line per kind of report shown, the case track, the
 * patrol routes and each line in the Strait that is switched on, each
 * drawn as the map draws it (tl_symbol_draw(), the sea lines' styles) and
 * named in words, so that a screen reader reads the same key. It follows
 * the layer settings, and "show-map-legend" switches it off. */

#define SWATCH_WIDTH 28
#define SWATCH_HEIGHT 16

typedef enum {
  ENTRY_KIND,
  ENTRY_CASE_TRACK,
  ENTRY_ROUTE,
  ENTRY_SEA_LINE,
} EntryType;

struct _TlMapLegend
{
  GtkBox      parent_instance;

  /* owned */
  GSettings  *settings;
  GPtrArray  *rows;       /* every entry, in order, shown or not */

  /* borrowed: children */
  GtkGrid    *grid;
  GtkWidget  *kind_rows[TL_EVENT_N_KINDS];
  GtkWidget  *route_row;
  GtkWidget  *sea_rows[TL_SEA_N_LINES];
};

G_DEFINE_FINAL_TYPE (TlMapLegend, tl_map_legend, GTK_TYPE_BOX)

static const char * const sea_keys[TL_SEA_N_LINES] = {
  [TL_SEA_LINE_SRR] = "show-sea-srr",
  [TL_SEA_LINE_MEDIAN] = "show-sea-median",
  [TL_SEA_LINE_TERRITORIAL] = "show-sea-territorial",
  [TL_SEA_LINE_TSS] = "show-sea-tss",
};

/* helpers */

static const char *
sea_line_short_label (TlSeaLineKind kind)
{
  switch (kind)
    {
    /* Translators: map legend entries, kept short; the tooltip says more */
    case TL_SEA_LINE_SRR: return _("SRR boundary (approx.)");
    case TL_SEA_LINE_MEDIAN: return _("Median line (approx.)");
    case TL_SEA_LINE_TERRITORIAL: return _("12 NM limit (approx.)");
    case TL_SEA_LINE_TSS: return _("Traffic lanes (approx.)");
    case TL_SEA_N_LINES:
    default:
      g_return_val_if_reached ("");
    }
}

static void
draw_line (cairo_t *cr,
           int      width,
           int      height,
           double   red,
           double   green,
           double   blue,
           double   line_width,
           const double *dash,
           int      n_dash)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, 2, height / 2.0);
  cairo_line_to (cr, width - 2, height / 2.0);
  /* A pale casing, as on the map, so a dark line reads on any background. */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_set_line_width (cr, line_width + 3);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_set_line_width (cr, line_width);
  cairo_set_dash (cr, dash, n_dash, 0);
  cairo_stroke (cr);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  EntryType type = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "entry-type"));
  int index = GPOINTER_TO_INT (user_data);

  switch (type)
    {
    case ENTRY_KIND:
      tl_symbol_draw (cr, (TlEventKind) index, width / 2.0, height / 2.0, 6.0, FALSE);
      break;
    case ENTRY_CASE_TRACK:
      /* As the case chain layer draws it. */
      draw_line (cr, width, height, 0.15, 0.16, 0.24, 2.0, (double[]) { 6, 4 }, 2);
      break;
    case ENTRY_ROUTE:
      {
        double r, g, b;

        tl_symbol_get_colour (TL_EVENT_KIND_PATROL, &r, &g, &b);
        draw_line (cr, width, height, r, g, b, 2.0, NULL, 0);
      }
      break;
    case ENTRY_SEA_LINE:
      {
        TlSeaLineStyle style;

        tl_sea_line_get_style ((TlSeaLineKind) index, &style);
        draw_line (cr, width, height, style.red, style.green, style.blue,
                   MAX (style.width, 1.5), style.dash, style.n_dash);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
add_entry (TlMapLegend *self,
           EntryType    type,
           int          index,
           const char  *label,
           const char  *tooltip)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The swatch only repeats the words beside it. */
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "content-width", SWATCH_WIDTH,
                                    "content-height", SWATCH_HEIGHT,
                                    NULL);
  GtkWidget *text = gtk_label_new (label);

  g_object_set_data (G_OBJECT (swatch), "entry-type", GINT_TO_POINTER (type));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GINT_TO_POINTER (index), NULL);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "caption");
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), text);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (row, tooltip);
  g_ptr_array_add (self->rows, g_object_ref_sink (row));
  return row;
}

/* Two columns of the entries shown, in order, with no gaps where hidden
 * ones would be. */
static void
lay_out (TlMapLegend *self)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_parent (row) != NULL)
        gtk_grid_remove (self->grid, row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (!gtk_widget_get_visible (row))
        continue;
      gtk_grid_attach (self->grid, row, n % 2, n / 2, 1, 1);
      n++;
    }
}

/* callbacks */

static void
settings_changed_cb (TlMapLegend *self,
                     const char  *key,
                     GSettings   *settings)
{
  if (g_str_equal (key, "visible-kinds"))
    {
      g_auto(GStrv) kinds = g_settings_get_strv (settings, "visible-kinds");

      for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
        gtk_widget_set_visible (self->kind_rows[k],
                                g_strv_contains ((const char * const *) kinds, tl_event_kind_to_string (k)));
    }
  else if (g_str_equal (key, "show-routes"))
    gtk_widget_set_visible (self->route_row, g_settings_get_boolean (settings, key));
  else
    for (guint k = 0; k < TL_SEA_N_LINES; k++)
      if (g_str_equal (key, sea_keys[k]))
        gtk_widget_set_visible (self->sea_rows[k], g_settings_get_boolean (settings, key));
  lay_out (self);
}

/* GObject overrides */

static void
tl_map_legend_dispose (GObject *object)
{
  TlMapLegend *self = TL_MAP_LEGEND (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tl_map_legend_parent_class)->dispose (object);
}

static void
tl_map_legend_class_init (TlMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_map_legend_dispose;

  gtk_widget_class_set_css_name (widget_class, "tl-map-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_map_legend_init (TlMapLegend *self)
{
  GtkWidget *heading = gtk_label_new (_("Legend"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "tl-map-chip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map legend"), -1);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_box_append (GTK_BOX (self), heading);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grid));
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    self->kind_rows[k] = add_entry (self, ENTRY_KIND, k, tl_event_kind_get_label (k), NULL);
  /* Translators: map legend: the dashed line joining a case's reports */
  add_entry (self, ENTRY_CASE_TRACK, 0, _("Case track"),
             _("The reports of the selected case, joined in time order"));
  /* Translators: map legend: the line of a patrol's route */
  self->route_row = add_entry (self, ENTRY_ROUTE, 0, _("Patrol route"), NULL);
  for (guint k = 0; k < TL_SEA_N_LINES; k++)
    self->sea_rows[k] = add_entry (self, ENTRY_SEA_LINE, k, sea_line_short_label (k),
                                   tl_sea_line_get_label (k));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "show-map-legend", self, "visible", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  settings_changed_cb (self, "visible-kinds", self->settings);
  settings_changed_cb (self, "show-routes", self->settings);
  for (guint k = 0; k < TL_SEA_N_LINES; k++)
    settings_changed_cb (self, sea_keys[k], self->settings);
}

/* public API */

GtkWidget *
tl_map_legend_new (void)
{
  return g_object_new (TL_TYPE_MAP_LEGEND, NULL);
}
