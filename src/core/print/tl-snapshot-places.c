/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Place names on an exported map, by the window's rules
 * (src/map/tl-place-layer.c): the gazetteer's ports from the scale of the
 * whole Channel, headlands, canals and beaches closer in; placed by
 * tl_labels_place() around the markers so that no name hides a symbol
 * and no symbol eats a name; dark text on a white halo, a dot at the
 * place. */

#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "tl-labels.h"
#include "tl-snapshot-private.h"

#define LABEL_SIZE_PT 6.5
#define LABEL_GAP_PT  2.0
#define DOT_RADIUS_PT 1.1

typedef struct {
  char   *name;
  double  latitude, longitude;
  int     priority;   /* 0 port, 1 headland, 2 canal, 3 beach and the rest */
  double  min_zoom;
} Place;

/* ---- helpers ----------------------------------------------------------- */

/* The gazetteer, read once per process; never freed (like the coastline). */
static GArray *
places (void)
{
  static GArray *list;

  if (g_once_init_enter (&list))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/places.csv", 0, NULL);
      g_auto(GStrv) lines = NULL;
      GArray *found = g_array_new (FALSE, TRUE, sizeof (Place));

      if (bytes != NULL)
        lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      /* name,kind,country,lat,lon; the first line is the header. */
      for (guint i = 1; lines != NULL && lines[i] != NULL; i++)
        {
          g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
          Place place = { 0 };

          if (g_strv_length (f) < 5)
            continue;
          place.latitude = g_ascii_strtod (f[3], NULL);
          place.longitude = g_ascii_strtod (f[4], NULL);
          place.priority = g_str_equal (f[1], "port") ? 0 : g_str_equal (f[1], "headland") ? 1
                           : g_str_equal (f[1], "canal") ? 2 : 3;
          place.min_zoom = place.priority == 0 ? 6 : 8.5;
          place.name = g_strdup (f[0]);
          g_array_append_val (found, place);
        }
      g_once_init_leave (&list, found);
    }
  return list;
}

/* ---- private API ------------------------------------------------------- */

/* Draws the names of the places inside the frame, around @obstacles (the
 * markers' boxes, in the page's units). Returns how many were placed. */
guint
tl_snapshot_draw_places (TlSnapshotPage        *page,
                         const TlLabelObstacle *obstacles,
                         guint                  n_obstacles)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  GArray *all = places ();
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (TlLabel));
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) shifted = g_array_sized_new (FALSE, FALSE, sizeof (TlLabelObstacle), n_obstacles);
  /* A point of paper read as a pixel of the window's map: its zoom. */
  double zoom = log2 (l->scale / l->u / 256.0);
  cairo_t *cr = page->cr;
  guint n_placed;

  for (guint i = 0; i < all->len; i++)
    {
      const Place *place = &g_array_index (all, Place, i);
      TlLabel label = { 0 };
      PangoLayout *layout;
      PangoRectangle logical;

      if (zoom < place->min_zoom)
        continue;
      tl_snapshot_layout_project (l, place->longitude, place->latitude, &label.x, &label.y);
      if (label.x < f->x || label.y < f->y || label.x > f->x + f->width || label.y > f->y + f->height)
        continue;
      layout = tl_snapshot_text_layout (page, place->name, LABEL_SIZE_PT, G_MAXINT / PANGO_SCALE / 2, 0);
      pango_layout_set_width (layout, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      /* tl_labels_place() works in the frame's own coordinates. */
      label.x -= f->x;
      label.y -= f->y;
      label.width = (double) logical.width / PANGO_SCALE;
      label.height = (double) logical.height / PANGO_SCALE;
      label.priority = place->priority;
      g_array_append_val (labels, label);
      g_array_append_val (chosen, i);
      g_ptr_array_add (layouts, layout);
    }
  if (labels->len == 0)
    return 0;

  for (guint i = 0; i < n_obstacles; i++)
    {
      TlLabelObstacle o = obstacles[i];

      o.x -= f->x;
      o.y -= f->y;
      g_array_append_val (shifted, o);
    }
  n_placed = tl_labels_place ((TlLabel *) (void *) labels->data, labels->len,
                              (const TlLabelObstacle *) (const void *) shifted->data, shifted->len,
                              f->width, f->height, LABEL_GAP_PT * l->u);

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  for (guint i = 0; i < labels->len; i++)
    {
      const TlLabel *label = &g_array_index (labels, TlLabel, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      if (!label->placed)
        continue;
      /* The dot, then the name: a white halo under dark ink, which reads
       * on sea and land and in greyscale. */
      tl_snapshot_set_ink (cr, &page->palette->ink, 1);
      cairo_new_path (cr);
      cairo_arc (cr, f->x + label->x, f->y + label->y, DOT_RADIUS_PT * l->u, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_move_to (cr, f->x + label->left, f->y + label->top);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 1.6 * l->u);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      tl_snapshot_set_ink (cr, &page->palette->ink, 1);
      cairo_move_to (cr, f->x + label->left, f->y + label->top);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
  return n_placed;
}
