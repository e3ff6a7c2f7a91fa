/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Case tracks with their times, and place names, on an exported map.
 *
 * Place names go on by the window's rules
 * (src/map/tl-place-layer.c): the gazetteer's ports from the scale of the
 * whole Channel, headlands, canals and beaches closer in; placed by
 * tl_labels_place() around the markers so that no name hides a symbol
 * and no symbol eats a name; dark text on a white halo, a dot at the
 * place. */

#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "tl-labels.h"
#include "tl-time.h"
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

static int
compare_case_time (gconstpointer a,
                   gconstpointer b)
{
  TlEvent *ea = *(TlEvent **) a, *eb = *(TlEvent **) b;
  gint64 ca = tl_event_get_case_id (ea), cb = tl_event_get_case_id (eb);
  gint64 ta = tl_event_get_time (ea), tb = tl_event_get_time (eb);

  if (ca != cb)
    return ca < cb ? -1 : 1;
  return ta < tb ? -1 : ta > tb;
}

/* ---- private API ------------------------------------------------------- */

/* Each case's reports joined in time order: the boat's track, a dark
 * line under the markers, with the time of its first and last report.
 * Returns the time labels, for tl_snapshot_draw_track_times(). */
GArray *
tl_snapshot_draw_tracks (TlSnapshotPage *page)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  g_autoptr(GPtrArray) cased = g_ptr_array_new ();
  GArray *ends = g_array_new (FALSE, TRUE, sizeof (TlSnapshotTrackEnd));
  cairo_t *cr = page->cr;

  for (guint i = 0; page->events != NULL && i < page->events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (page->events, i);
      TlEventKind kind = tl_event_get_kind (event);

      if (tl_event_get_case_id (event) > 0 && tl_event_has_position (event) && kind < TL_EVENT_N_KINDS &&
          (page->options->event_kinds & TL_SNAPSHOT_KIND (kind)))
        g_ptr_array_add (cased, event);
    }
  g_ptr_array_sort (cased, compare_case_time);

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.9 * l->u);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < cased->len;)
    {
      gint64 case_id = tl_event_get_case_id (g_ptr_array_index (cased, i));
      guint j = i;

      while (j < cased->len && tl_event_get_case_id (g_ptr_array_index (cased, j)) == case_id)
        j++;
      if (j - i >= 2)
        {
          cairo_new_path (cr);
          for (guint k = i; k < j; k++)
            {
              TlEvent *event = g_ptr_array_index (cased, k);
              double x, y;

              tl_snapshot_layout_project (l, tl_event_get_longitude (event), tl_event_get_latitude (event), &x, &y);
              cairo_line_to (cr, x, y);
              if (k == i || k == j - 1)
                {
                  TlSnapshotTrackEnd end = { x, y, tl_event_get_time (event) };

                  g_array_append_val (ends, end);
                }
            }
          tl_snapshot_set_ink (cr, &page->palette->ink, 0.75);
          cairo_stroke (cr);
        }
      i = j;
    }
  cairo_restore (cr);
  return ends;
}

/* The times at the ends of the tracks, placed around the markers and
 * the place names, which come first: a port's name matters more. */
void
tl_snapshot_draw_track_times (TlSnapshotPage *page,
                              GArray         *ends,
                              GArray         *obstacles)
{
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (TlLabel));
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) shifted = g_array_new (FALSE, FALSE, sizeof (TlLabelObstacle));
  cairo_t *cr = page->cr;

  for (guint i = 0; i < ends->len; i++)
    {
      const TlSnapshotTrackEnd *end = &g_array_index (ends, TlSnapshotTrackEnd, i);
      /* Times carry their zone in the panel's time window line. */
      g_autofree char *text = tl_time_format (page->zone, end->time, "%H:%M");
      PangoLayout *layout = tl_snapshot_text_layout (page, text, 5.5, 100 * l->u, TL_SNAPSHOT_TEXT_ITALIC);
      PangoRectangle logical;
      TlLabel label = { 0 };

      pango_layout_get_extents (layout, NULL, &logical);
      label.x = end->x - f->x;
      label.y = end->y - f->y;
      label.width = (double) logical.width / PANGO_SCALE;
      label.height = (double) logical.height / PANGO_SCALE;
      label.right_last = TRUE;
      g_array_append_val (labels, label);
      g_ptr_array_add (layouts, layout);
    }
  if (labels->len == 0)
    return;
  for (guint i = 0; i < obstacles->len; i++)
    {
      TlLabelObstacle o = g_array_index (obstacles, TlLabelObstacle, i);

      o.x -= f->x;
      o.y -= f->y;
      g_array_append_val (shifted, o);
    }
  tl_labels_place ((TlLabel *) (void *) labels->data, labels->len,
                   (const TlLabelObstacle *) (const void *) shifted->data, shifted->len,
                   f->width, f->height, 1.0 * l->u);

  cairo_save (cr);
  cairo_rectangle (cr, f->x, f->y, f->width, f->height);
  cairo_clip (cr);
  for (guint i = 0; i < labels->len; i++)
    {
      const TlLabel *label = &g_array_index (labels, TlLabel, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      TlLabelObstacle taken = { f->x + label->left, f->y + label->top, label->width, label->height };

      if (!label->placed)
        continue;
      cairo_new_path (cr);
      cairo_move_to (cr, taken.x, taken.y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 1.4 * l->u);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      tl_snapshot_set_ink (cr, &page->palette->ink, 1);
      cairo_move_to (cr, taken.x, taken.y);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
      g_array_append_val (obstacles, taken);
    }
  cairo_restore (cr);
}

/* Draws the names of the places inside the frame, around @obstacles (the
 * markers' boxes, in the page's units), to which it adds the names'.
 * Returns how many were placed. */
guint
tl_snapshot_draw_places (TlSnapshotPage *page,
                         GArray         *obstacles)
{
  guint n_obstacles = obstacles->len;
  const TlSnapshotLayout *l = &page->layout;
  const TlSnapshotRect *f = &l->map;
  GArray *all = places ();
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (TlLabel));
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) shifted = g_array_sized_new (FALSE, FALSE, sizeof (TlLabelObstacle), obstacles->len);
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
      label.may_lead = TRUE;
      g_array_append_val (labels, label);
      g_array_append_val (chosen, i);
      g_ptr_array_add (layouts, layout);
    }
  if (labels->len == 0)
    return 0;

  for (guint i = 0; i < n_obstacles; i++)
    {
      TlLabelObstacle o = g_array_index (obstacles, TlLabelObstacle, i);

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
      {
        TlLabelObstacle taken = { f->x + label->left, f->y + label->top, label->width, label->height };

        g_array_append_val (obstacles, taken);
      }
      /* The dot, then the name: a white halo under dark ink, which reads
       * on sea and land and in greyscale. */
      tl_snapshot_set_ink (cr, &page->palette->ink, 1);
      cairo_new_path (cr);
      if (label->leader)
        {
          /* From the dot to the nearest point of the name's box. */
          double px = f->x + label->x, py = f->y + label->y;
          double lx = CLAMP (px, f->x + label->left, f->x + label->left + label->width);
          double ly = CLAMP (py, f->y + label->top, f->y + label->top + label->height);

          cairo_set_line_width (cr, 0.45 * l->u);
          cairo_move_to (cr, px, py);
          cairo_line_to (cr, lx, ly);
          cairo_stroke (cr);
        }
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
