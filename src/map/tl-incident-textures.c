/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The textures of the incident layer. A frame only places textures; each
 * one is drawn with cairo the first time it is needed and kept: symbols per
 * (kind, status, size, selected), cluster bubbles per (shown count, kind). */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tl-incident-layer-private.h"
#include "tl-symbols.h"

/* Cluster bubbles show at most this many distinct labels before the
 * cache is emptied; counts above 999 are rounded so few labels exist. */
#define CLUSTER_CACHE_MAX 1024

struct _TlMarkerTextures {
  int         scale;
  GdkTexture *symbols[TL_EVENT_N_KINDS][TL_EVENT_N_STATUSES][TL_MARKER_N_SIZES][2];
  GHashTable *clusters; /* (shown count << 4 | kind) → GdkTexture */
};

/* helpers */

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  /* The texture keeps the surface's pixels, without a copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static GdkTexture *
make_symbol (TlEventKind   kind,
             TlEventStatus status,
             guint         size_bucket,
             gboolean      selected,
             int           scale)
{
  int size = TL_MARKER_TEXTURE_SIZE * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  double c = TL_MARKER_TEXTURE_SIZE / 2.0;
  double radius = tl_marker_radius (size_bucket);
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);

  /* Status changes how loud a symbol is, never its shape or hue, so the
   * kind stays readable: what is under way gets a ring in its colour,
   * what is closed fades back. */
  if (status == TL_EVENT_STATUS_ONGOING && !selected)
    {
      double r, g, b;

      tl_symbol_get_colour (kind, &r, &g, &b);
      cairo_arc (cr, c, c, radius + 4.5, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, r, g, b, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  if (status == TL_EVENT_STATUS_CLOSED && !selected)
    cairo_push_group (cr);
  tl_symbol_draw (cr, kind, c, c, radius, selected);
  if (status == TL_EVENT_STATUS_CLOSED && !selected)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.5);
    }

  /* Only reported, not yet confirmed: a dot in the middle says "unsure". */
  if (status == TL_EVENT_STATUS_REPORTED)
    {
      cairo_arc (cr, c, c, MAX (radius * 0.22, 1.5), 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

static guint
shown_count (guint count)
{
  /* 1234 shows as "1.2k": round so that labels repeat and cache well. */
  if (count < 1000)
    return count;
  if (count < 10000)
    return count / 100 * 100;
  return count / 1000 * 1000;
}

static char *
count_text (guint count)
{
  if (count < 1000)
    return g_strdup_printf ("%u", count);
  if (count < 10000)
    /* Translators: a count of reports in thousands on a map cluster, e.g. 1.2k */
    return g_strdup_printf (_("%.1fk"), count / 1000.0);
  /* Translators: a count of reports in thousands on a map cluster, e.g. 12k */
  return g_strdup_printf (_("%uk"), count / 1000);
}

static GdkTexture *
make_cluster (guint       count,
              TlEventKind kind,
              int         scale,
              double     *out_size)
{
  double radius = tl_marker_cluster_radius (count);
  double logical = ceil (2 * radius + 6);
  int size = (int) logical * scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *text = count_text (count);
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoRectangle ink;
  double c = logical / 2, r, g, b;
  GdkTexture *texture;

  cairo_scale (cr, scale, scale);
  tl_symbol_get_colour (kind, &r, &g, &b);

  /* A dark disc reads on land and sea in both styles; its rim takes the
   * colour of the kind most of its reports have. */
  cairo_arc (cr, c, c + 1, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_arc (cr, c, c, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.14, 0.16, 0.2, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (font, (radius < 14 ? 10 : 11) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  cairo_move_to (cr, c - ink.x - ink.width / 2.0, c - ink.y - ink.height / 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);

  cairo_destroy (cr);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  *out_size = logical;
  return texture;
}

static void
clear (TlMarkerTextures *self)
{
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    for (guint s = 0; s < TL_EVENT_N_STATUSES; s++)
      for (guint z = 0; z < TL_MARKER_N_SIZES; z++)
        for (guint sel = 0; sel < 2; sel++)
          g_clear_object (&self->symbols[k][s][z][sel]);
  g_hash_table_remove_all (self->clusters);
}

/* API */

TlMarkerTextures *
tl_marker_textures_new (void)
{
  TlMarkerTextures *self = g_new0 (TlMarkerTextures, 1);

  self->scale = 1;
  self->clusters = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  return self;
}

void
tl_marker_textures_free (TlMarkerTextures *self)
{
  if (self == NULL)
    return;
  clear (self);
  g_hash_table_unref (self->clusters);
  g_free (self);
}

/* Textures are drawn for the screen's scale; a new scale redraws them. */
void
tl_marker_textures_set_scale (TlMarkerTextures *self,
                              int               scale)
{
  if (self->scale == scale)
    return;
  clear (self);
  self->scale = scale;
}

guint
tl_marker_size_bucket (int people)
{
  if (people < 10)
    return 0;
  if (people < 30)
    return 1;
  if (people < 60)
    return 2;
  return 3;
}

double
tl_marker_radius (guint size_bucket)
{
  static const double radii[TL_MARKER_N_SIZES] = { 7.5, 9.0, 10.5, 12.5 };

  return radii[MIN (size_bucket, TL_MARKER_N_SIZES - 1)];
}

/* Bubbles grow with the log of their count, up to a point. */
double
tl_marker_cluster_radius (guint count)
{
  return MIN (11.0 + 3.0 * log10 (MAX (count, 1)), 24.0);
}

/**
 * tl_marker_textures_get_symbol:
 *
 * Returns: (transfer none): the symbol texture, TL_MARKER_TEXTURE_SIZE
 *   logical pixels square, centred on the point
 */
GdkTexture *
tl_marker_textures_get_symbol (TlMarkerTextures *self,
                               TlEventKind       kind,
                               TlEventStatus     status,
                               guint             size_bucket,
                               gboolean          selected)
{
  GdkTexture **slot;

  kind = MIN (kind, TL_EVENT_N_KINDS - 1);
  status = MIN (status, TL_EVENT_N_STATUSES - 1);
  size_bucket = MIN (size_bucket, TL_MARKER_N_SIZES - 1);
  slot = &self->symbols[kind][status][size_bucket][selected ? 1 : 0];
  if (*slot == NULL)
    *slot = make_symbol (kind, status, size_bucket, selected, self->scale);
  return *slot;
}

/**
 * tl_marker_textures_get_cluster:
 * @out_size: (out): the texture's logical size, centred on the cluster
 *
 * Returns: (transfer none): the bubble of a cluster of @count reports
 */
GdkTexture *
tl_marker_textures_get_cluster (TlMarkerTextures *self,
                                guint             count,
                                TlEventKind       kind,
                                double           *out_size)
{
  guint shown = shown_count (count);
  gpointer key = GUINT_TO_POINTER ((shown << 4) | MIN (kind, 15));
  GdkTexture *texture = g_hash_table_lookup (self->clusters, key);

  if (texture != NULL)
    {
      *out_size = gdk_texture_get_width (texture) / (double) self->scale;
      return texture;
    }

  if (g_hash_table_size (self->clusters) >= CLUSTER_CACHE_MAX)
    g_hash_table_remove_all (self->clusters);
  texture = make_cluster (shown, kind, self->scale, out_size);
  g_hash_table_insert (self->clusters, key, texture);
  return texture;
}
