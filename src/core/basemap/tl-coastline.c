/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading, projecting, simplifying and indexing the bundled GSHHG data.
 * Drawing lives in tl-coastline-render.c. */

#include "config.h"

#include <math.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tl-coastline-private.h"

/* Maximal deviation of simplified shorelines, in pixels of a 256 px tile
 * at the level's effective zoom. Under a pixel nobody sees it, and every
 * point dropped is a segment less to stroke, the bulk of a tile's cost.
 * Dashed borders hide detail and get twice that. */
#define SIMPLIFY_PX 0.75

/* GeoJSON coordinates are rounded to 1e-5 degree and the box edges are
 * round numbers, so anything closer than this is on the edge. */
#define EDGE_EPSILON 1e-7


typedef struct {
  const char *name;
  const char *resource;
  int         min_zoom;
  double      simplify_px;
  double      west, south, east, north; /* used when the file has no bbox */
} DatasetInfo;

/* Coarsest first. The zoom bands decide which dataset is drawn where its
 * box allows; the coarser ones still fill in around a finer box. */
static const DatasetInfo land_info[TL_N_LAND_DATASETS] = {
  [TL_DATASET_WORLD]     = { "world-low", "/coastline/world-low.geojson", 0, SIMPLIFY_PX, -180, -85, 180, 85 },
  [TL_DATASET_NW_EUROPE] = { "nw-europe-high", "/coastline/nw-europe-high.geojson", 6, SIMPLIFY_PX, -12, 42, 12, 62 },
  [TL_DATASET_CHANNEL]   = { "channel-full", "/coastline/channel-full.geojson", 9, SIMPLIFY_PX, -6, 48.5, 4, 52.5 },
};

static const DatasetInfo borders_info =
  { "nw-europe-borders", "/coastline/nw-europe-borders.geojson", 5, 2 * SIMPLIFY_PX, -12, 42, 12, 62 };

G_DEFINE_QUARK (tl-coastline-error-quark, tl_coastline_error)
G_DEFINE_BOXED_TYPE (TlCoastline, tl_coastline, tl_coastline_ref, tl_coastline_unref)

static void
src_run_free (gpointer data)
{
  SrcRun *run = data;

  g_free (run->pts);
  g_free (run->coast);
  g_free (run);
}

static TlBox
box_from_lonlat (double west,
                 double south,
                 double east,
                 double north)
{
  TlBox box;

  tl_coastline_project (west, north, &box.minx, &box.miny);
  tl_coastline_project (east, south, &box.maxx, &box.maxy);
  return box;
}

/* ---- reading ---------------------------------------------------------- */

static gboolean
on_box_edge (double lon,
             double lat,
             double prev_lon,
             double prev_lat,
             const double bbox[4])
{
  for (int i = 0; i < 4; i++)
    {
      /* bbox is west, south, east, north: even entries are longitudes */
      double a = (i % 2 == 0) ? lon : lat;
      double b = (i % 2 == 0) ? prev_lon : prev_lat;

      if (fabs (a - bbox[i]) < EDGE_EPSILON && fabs (b - bbox[i]) < EDGE_EPSILON)
        return TRUE;
    }
  return FALSE;
}

static SrcRun *
read_run (JsonArray    *coords,
          gboolean      closed,
          gboolean      is_hole,
          const double  bbox[4])
{
  guint len = json_array_get_length (coords);
  g_autoptr(GArray) pts = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * len);
  g_autoptr(GArray) coast = g_array_sized_new (FALSE, FALSE, 1, len);
  double prev_lon = 0, prev_lat = 0;
  SrcRun *run;
  double area = 0;

  for (guint i = 0; i < len; i++)
    {
      JsonArray *pos = json_array_get_array_element (coords, i);
      double lon, lat, x, y;
      guint8 is_coast;

      if (pos == NULL || json_array_get_length (pos) < 2)
        continue;
      lon = json_array_get_double_element (pos, 0);
      lat = json_array_get_double_element (pos, 1);
      tl_coastline_project (lon, lat, &x, &y);

      if (pts->len > 0)
        {
          double px = g_array_index (pts, double, pts->len - 2);
          double py = g_array_index (pts, double, pts->len - 1);

          /* Repeated points make zero-length segments: noise for the
           * simplifier and the stroker alike. */
          if (px == x && py == y)
            continue;
          is_coast = !on_box_edge (lon, lat, prev_lon, prev_lat, bbox);
          g_array_append_val (coast, is_coast);
        }
      g_array_append_val (pts, x);
      g_array_append_val (pts, y);
      prev_lon = lon;
      prev_lat = lat;
    }

  if (closed && pts->len >= 4 &&
      g_array_index (pts, double, 0) == g_array_index (pts, double, pts->len - 2) &&
      g_array_index (pts, double, 1) == g_array_index (pts, double, pts->len - 1))
    {
      /* Store rings open: the segment back to the start is implicit, and
       * its type is that of the last segment read. */
      g_array_set_size (pts, pts->len - 2);
    }
  else if (closed && pts->len >= 2)
    {
      guint8 is_coast = TRUE;
      g_array_append_val (coast, is_coast);
    }

  if (pts->len < (closed ? 6u : 4u))
    return NULL;

  run = g_new0 (SrcRun, 1);
  run->n = pts->len / 2;
  run->closed = closed;
  g_array_set_size (coast, closed ? run->n : run->n - 1);
  run->pts = (double *) g_array_free (g_steal_pointer (&pts), FALSE);
  run->coast = (guint8 *) g_array_free (g_steal_pointer (&coast), FALSE);

  tl_box_init (&run->box);
  for (guint i = 0; i < run->n; i++)
    {
      guint j = (i + 1) % run->n;

      tl_box_add (&run->box, run->pts[2 * i], run->pts[2 * i + 1]);
      area += run->pts[2 * i] * run->pts[2 * j + 1] - run->pts[2 * j] * run->pts[2 * i + 1];
    }

  /* Land is filled with the non-zero rule, which needs holes to turn the
   * other way round from outer rings whatever order the file used. */
  if (closed && ((area < 0) != is_hole))
    {
      for (guint i = 0, j = run->n - 1; i < j; i++, j--)
        {
          double tx = run->pts[2 * i], ty = run->pts[2 * i + 1];

          run->pts[2 * i] = run->pts[2 * j];
          run->pts[2 * i + 1] = run->pts[2 * j + 1];
          run->pts[2 * j] = tx;
          run->pts[2 * j + 1] = ty;
        }
      /* Segment i (i -> i+1) becomes segment n-2-i; the closing one stays. */
      for (guint i = 0, j = run->n - 2; i < j; i++, j--)
        {
          guint8 t = run->coast[i];

          run->coast[i] = run->coast[j];
          run->coast[j] = t;
        }
    }

  return run;
}

static void
read_polygon (JsonArray    *rings,
              const double  bbox[4],
              GPtrArray    *out)
{
  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      JsonArray *ring = json_array_get_array_element (rings, r);
      SrcRun *run = ring ? read_run (ring, TRUE, r > 0, bbox) : NULL;

      if (run != NULL)
        g_ptr_array_add (out, run);
    }
}

static GPtrArray *
read_file (const DatasetInfo  *info,
           TlBox              *out_box,
           GError            **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, info->resource, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (src_run_free);
  double bbox[4] = { info->west, info->south, info->east, info->north };
  JsonObject *root, *props;
  JsonArray *features;
  const char *data;
  gsize len;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
       ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  features = root && json_object_has_member (root, "features")
           ? json_object_get_array_member (root, "features") : NULL;
  if (features == NULL)
    {
      g_set_error (error, TL_COASTLINE_ERROR, TL_COASTLINE_ERROR_INVALID_DATA,
                   "%s is not a GeoJSON feature collection", info->resource);
      return NULL;
    }

  /* The file's own bbox is the box it was clipped to: trust it over ours. */
  props = json_object_has_member (root, "properties")
        ? json_object_get_object_member (root, "properties") : NULL;
  if (props && json_object_has_member (props, "bbox"))
    {
      JsonArray *b = json_object_get_array_member (props, "bbox");

      if (b && json_array_get_length (b) == 4)
        for (int i = 0; i < 4; i++)
          bbox[i] = json_array_get_double_element (b, i);
    }
  *out_box = box_from_lonlat (bbox[0], bbox[1], bbox[2], bbox[3]);

  for (guint f = 0; f < json_array_get_length (features); f++)
    {
      JsonObject *feature = json_array_get_object_element (features, f);
      JsonObject *geometry;
      JsonArray *coords;
      const char *type;

      if (feature == NULL || !json_object_has_member (feature, "geometry"))
        continue;
      geometry = json_object_get_object_member (feature, "geometry");
      if (geometry == NULL || !json_object_has_member (geometry, "coordinates"))
        continue;
      type = json_object_get_string_member_with_default (geometry, "type", "");
      coords = json_object_get_array_member (geometry, "coordinates");
      if (coords == NULL)
        continue;

      if (g_str_equal (type, "Polygon"))
        read_polygon (coords, bbox, runs);
      else if (g_str_equal (type, "MultiPolygon"))
        for (guint p = 0; p < json_array_get_length (coords); p++)
          read_polygon (json_array_get_array_element (coords, p), bbox, runs);
      else if (g_str_equal (type, "LineString"))
        {
          SrcRun *run = read_run (coords, FALSE, FALSE, bbox);
          if (run)
            g_ptr_array_add (runs, run);
        }
      else if (g_str_equal (type, "MultiLineString"))
        for (guint l = 0; l < json_array_get_length (coords); l++)
          {
            SrcRun *run = read_run (json_array_get_array_element (coords, l), FALSE, FALSE, bbox);
            if (run)
              g_ptr_array_add (runs, run);
          }
    }

  return g_steal_pointer (&runs);
}

static gboolean
dataset_load (TlDataset          *set,
              const DatasetInfo  *info,
              GError            **error)
{
  g_autoptr(GPtrArray) src = NULL;
  TlGeometry *full;
  guint n_full;

  set->name = info->name;
  set->min_zoom = info->min_zoom;
  set->box = box_from_lonlat (info->west, info->south, info->east, info->north);
  set->unbounded = info->west <= -180 && info->east >= 180;

  src = read_file (info, &set->box, error);
  if (src == NULL)
    return FALSE;

  full = tl_geometry_build (src, &set->box, 0);
  n_full = tl_geometry_n_points (full);
  set->levels[TL_LEVEL_FULL] = full;

  /* Only the levels where simplifying saves something get their own
   * copy; above them tl_dataset_get_level () falls through to full. */
  for (int level = info->min_zoom; level < TL_LEVEL_FULL; level++)
    {
      double tol = info->simplify_px / (256.0 * (double) (1 << level));
      TlGeometry *geom = tl_geometry_build (src, &set->box, tol);

      if (tl_geometry_n_points (geom) > n_full * 0.9)
        {
          tl_geometry_free (geom);
          break;
        }
      set->levels[level] = geom;
    }
  return TRUE;
}

static void
dataset_clear (TlDataset *set)
{
  for (int level = 0; level < TL_N_LEVELS; level++)
    g_clear_pointer (&set->levels[level], tl_geometry_free);
}

/* ---- public API -------------------------------------------------------- */

/**
 * tl_coastline_project:
 * @lon: longitude in degrees
 * @lat: latitude in degrees, clamped to the Web Mercator range
 * @out_x: (out): world x, 0 at 180°W and 1 at 180°E
 * @out_y: (out): world y, 0 at 85.05°N and 1 at 85.05°S
 *
 * Projects a WGS 84 position to Web Mercator world units, the unit square
 * the tiles divide: tile (x, y, z) spans [x, x + 1] / 2^z.
 */
void
tl_coastline_project (double  lon,
                      double  lat,
                      double *out_x,
                      double *out_y)
{
  double phi = CLAMP (lat, -85.0511287798, 85.0511287798) * G_PI / 180.0;

  *out_x = (lon + 180.0) / 360.0;
  *out_y = 0.5 - log (tan (G_PI / 4 + phi / 2)) / (2 * G_PI);
}

/**
 * tl_coastline_new:
 *
 * Creates a coastline model. Nothing is read until the first tile is
 * rendered or tl_coastline_ensure_loaded() is called. Most callers want
 * the shared tl_coastline_get_default() instead.
 *
 * Returns: (transfer full): a new model
 */
TlCoastline *
tl_coastline_new (void)
{
  TlCoastline *self = g_new0 (TlCoastline, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

/**
 * tl_coastline_get_default:
 *
 * Returns the process-wide model, so the data is parsed and indexed once
 * however many map sources and exporters draw from it.
 *
 * Returns: (transfer none): the shared model
 */
TlCoastline *
tl_coastline_get_default (void)
{
  static TlCoastline *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, tl_coastline_new ());
  return instance;
}

/**
 * tl_coastline_ref:
 * @self: a model
 *
 * Returns: (transfer full): @self
 */
TlCoastline *
tl_coastline_ref (TlCoastline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tl_coastline_unref:
 * @self: (transfer full): a model
 *
 * Drops a reference, freeing the model with the last one.
 */
void
tl_coastline_unref (TlCoastline *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (int i = 0; i < TL_N_LAND_DATASETS; i++)
    dataset_clear (&self->land[i]);
  dataset_clear (&self->borders);
  g_clear_error (&self->load_error);
  g_free (self);
}

/**
 * tl_coastline_ensure_loaded:
 * @self: a model
 * @error: return location for an error
 *
 * Parses, projects, simplifies and indexes the bundled data, once. Safe
 * to call from any thread: concurrent callers wait for the first one.
 * A dataset that fails to load is left out (its area is drawn from the
 * coarser ones) and the first such failure is reported, every time.
 *
 * Returns: %TRUE if every dataset loaded
 */
gboolean
tl_coastline_ensure_loaded (TlCoastline  *self,
                            GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (g_once_init_enter (&self->loaded))
    {
      for (int i = 0; i < TL_N_LAND_DATASETS; i++)
        {
          g_autoptr(GError) local = NULL;

          if (!dataset_load (&self->land[i], &land_info[i], &local) && self->load_error == NULL)
            self->load_error = g_steal_pointer (&local);
        }
      {
        g_autoptr(GError) local = NULL;

        if (!dataset_load (&self->borders, &borders_info, &local) && self->load_error == NULL)
          self->load_error = g_steal_pointer (&local);
      }
      g_once_init_leave (&self->loaded, 1);
    }

  if (self->load_error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->load_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * tl_coastline_get_credit:
 *
 * Returns: the attribution the data's licence asks for, translated
 */
const char *
tl_coastline_get_credit (void)
{
  /* Translators: GSHHG is the name of a dataset, Wessel and Smith its
   * authors, LGPL-3.0 its licence: keep all three as they are. */
  return _("Coastline: GSHHG (Wessel & Smith), LGPL-3.0");
}
