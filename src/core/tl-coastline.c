/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading, projecting, simplifying and indexing the bundled GSHHG data.
 * Drawing lives in tl-coastline-render.c. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tl-coastline-private.h"

/* Cells per side of a dataset's grid: at 64 a cell of the Channel box is
 * about the size of a zoom 11 tile, enough to skip most rings. */
#define GRID_CELLS 64

/* Maximal deviation of simplified shorelines, in pixels of a 256 px tile
 * at the level's effective zoom. Under a pixel nobody sees it, and every
 * point dropped is a segment less to stroke, the bulk of a tile's cost.
 * Dashed borders hide detail and get twice that. */
#define SIMPLIFY_PX 0.75

/* GeoJSON coordinates are rounded to 1e-5 degree and the box edges are
 * round numbers, so anything closer than this is on the edge. */
#define EDGE_EPSILON 1e-7

/* A ring or line read from a file, at full resolution. */
typedef struct {
  double *pts;    /* x, y pairs in world units */
  guint8 *coast;  /* per segment: TRUE if true shoreline, FALSE on the box edge */
  guint   n;      /* vertices; rings are stored open (last != first) */
  gboolean closed;
  TlBox   box;
} SrcRun;

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

static void
box_init (TlBox *box)
{
  box->minx = box->miny = G_MAXDOUBLE;
  box->maxx = box->maxy = -G_MAXDOUBLE;
}

static void
box_add (TlBox  *box,
         double  x,
         double  y)
{
  box->minx = MIN (box->minx, x);
  box->miny = MIN (box->miny, y);
  box->maxx = MAX (box->maxx, x);
  box->maxy = MAX (box->maxy, y);
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

  box_init (&run->box);
  for (guint i = 0; i < run->n; i++)
    {
      guint j = (i + 1) % run->n;

      box_add (&run->box, run->pts[2 * i], run->pts[2 * i + 1]);
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

/* ---- simplification ---------------------------------------------------- */

static double
segment_distance2 (const double *p,
                   const double *a,
                   const double *b)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0.0, 1.0);
  ex = a[0] + t * dx - p[0];
  ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/* Douglas-Peucker between vertices @first and @last (indices may run past
 * the end of a ring: they are taken modulo n), marking kept ones. */
static void
douglas_peucker (const SrcRun *run,
                 guint         first,
                 guint         last,
                 double        tol2,
                 guint8       *keep,
                 GArray       *stack)
{
  g_array_set_size (stack, 0);
  g_array_append_val (stack, first);
  g_array_append_val (stack, last);

  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      const double *pa = &run->pts[2 * (a % run->n)];
      const double *pb = &run->pts[2 * (b % run->n)];
      double best = -1;
      guint best_i = a;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double d = segment_distance2 (&run->pts[2 * (i % run->n)], pa, pb);
          if (d > best)
            {
              best = d;
              best_i = i;
            }
        }
      if (best > tol2)
        {
          keep[best_i % run->n] = TRUE;
          g_array_append_val (stack, a);
          g_array_append_val (stack, best_i);
          g_array_append_val (stack, best_i);
          g_array_append_val (stack, b);
        }
    }
}

typedef struct {
  GArray *pts;    /* double */
  GArray *chunks; /* TlBox */
  GArray *rings;  /* TlRun */
  GArray *lines;  /* TlRun */
} Builder;

/* Appends the vertices @idx[0 .. n) of @src (modulo its length) as a run. */
static void
builder_add_run (Builder      *b,
                 GArray       *runs,
                 const SrcRun *src,
                 const guint  *idx,
                 guint         n)
{
  TlRun run = { b->pts->len / 2, n, b->chunks->len, { 0 } };

  box_init (&run.box);
  for (guint i = 0; i < n; i++)
    {
      const double *p = &src->pts[2 * (idx[i] % src->n)];

      g_array_append_vals (b->pts, p, 2);
      box_add (&run.box, p[0], p[1]);
    }
  for (guint c = 0; c * TL_CHUNK + 1 < n; c++)
    {
      guint end = MIN ((c + 1) * TL_CHUNK, n - 1);
      TlBox box;

      box_init (&box);
      for (guint i = c * TL_CHUNK; i <= end; i++)
        box_add (&box, src->pts[2 * (idx[i] % src->n)], src->pts[2 * (idx[i] % src->n) + 1]);
      g_array_append_val (b->chunks, box);
    }
  g_array_append_val (runs, run);
}

static void
simplify_run (Builder      *b,
              const SrcRun *src,
              double        tol,
              GArray       *stack,
              GArray       *idx)
{
  g_autofree guint8 *keep = g_new0 (guint8, src->n);
  guint n_segments = src->closed ? src->n : src->n - 1;
  guint anchor = 0;
  gboolean has_break = FALSE;
  guint n_kept;

  /* Anything smaller than a pixel is not worth a path of its own. */
  if (tol > 0 && src->box.maxx - src->box.minx < 2 * tol && src->box.maxy - src->box.miny < 2 * tol)
    return;

  /* Vertices where shoreline meets box edge are kept at every level, so
   * fill and stroke agree and box edges stay exactly on the box. */
  for (guint i = 1; i < n_segments; i++)
    if (src->coast[i] != src->coast[i - 1])
      {
        keep[i] = TRUE;
        if (!has_break)
          anchor = i;
        has_break = TRUE;
      }
  if (src->closed && src->coast[0] != src->coast[n_segments - 1])
    {
      keep[0] = TRUE;
      anchor = 0;
      has_break = TRUE;
    }
  keep[anchor] = TRUE;

  if (!src->closed)
    {
      /* Lines are simplified from end to end whatever they cross. */
      anchor = 0;
      keep[0] = keep[src->n - 1] = TRUE;
    }
  else if (!has_break)
    {
      /* A whole island: split it at the vertex farthest from the anchor so
       * each half is an open line for the simplifier. */
      double best = -1;
      for (guint i = 1; i < src->n; i++)
        {
          double dx = src->pts[2 * i] - src->pts[0], dy = src->pts[2 * i + 1] - src->pts[1];
          if (dx * dx + dy * dy > best)
            {
              best = dx * dx + dy * dy;
              anchor = i;
            }
        }
      keep[anchor] = TRUE;
      keep[0] = TRUE;
      anchor = 0;
    }

  if (tol <= 0)
    memset (keep, TRUE, src->n);
  else
    {
      guint last = anchor, end = src->closed ? anchor + src->n : src->n - 1;

      for (guint i = anchor + 1; i <= end; i++)
        if (keep[i % src->n])
          {
            /* Box edges are straight: only their corners matter, and
             * moving them by a tolerance would open a gap at the box. */
            gboolean coast = src->coast[last % src->n];
            douglas_peucker (src, last, i, coast ? tol * tol : 1e-24, keep, stack);
            last = i;
          }
    }

  g_array_set_size (idx, 0);
  for (guint i = anchor; i < anchor + src->n; i++)
    if (keep[i % src->n])
      g_array_append_val (idx, i);
  n_kept = idx->len;
  if (n_kept < (src->closed ? 3u : 2u))
    return;

  if (!src->closed)
    {
      builder_add_run (b, b->lines, src, (guint *) idx->data, n_kept);
      return;
    }

  /* Rings repeat their first vertex so the closing segment belongs to a
   * chunk like any other. */
  g_array_append_val (idx, anchor);
  builder_add_run (b, b->rings, src, (guint *) idx->data, n_kept + 1);

  /* Strokes follow the shoreline only, never the box edge. */
  for (guint i = 0; i < n_kept;)
    {
      guint j = i;

      if (!src->coast[g_array_index (idx, guint, i) % src->n])
        {
          i++;
          continue;
        }
      while (j < n_kept && src->coast[g_array_index (idx, guint, j) % src->n])
        j++;
      builder_add_run (b, b->lines, src, &g_array_index (idx, guint, i), j - i + 1);
      i = j;
    }
}

/* ---- indexing ---------------------------------------------------------- */

static int
grid_cell (double v,
           double min,
           double max,
           int    n)
{
  int c = (int) floor ((v - min) / (max - min) * n);
  return CLAMP (c, 0, n - 1);
}

static void
grid_build (TlGrid      *grid,
            const TlBox *box,
            const TlRun *runs,
            guint        n_runs)
{
  g_autofree guint *fill = NULL;
  guint n_cells = GRID_CELLS * GRID_CELLS;

  grid->box = *box;
  grid->nx = grid->ny = GRID_CELLS;
  grid->cells = g_new0 (guint, n_cells + 1);

  /* Two passes: count, then place, so the items are one flat array. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint r = 0; r < n_runs; r++)
        {
          int x0 = grid_cell (runs[r].box.minx, box->minx, box->maxx, grid->nx);
          int x1 = grid_cell (runs[r].box.maxx, box->minx, box->maxx, grid->nx);
          int y0 = grid_cell (runs[r].box.miny, box->miny, box->maxy, grid->ny);
          int y1 = grid_cell (runs[r].box.maxy, box->miny, box->maxy, grid->ny);

          for (int cy = y0; cy <= y1; cy++)
            for (int cx = x0; cx <= x1; cx++)
              {
                guint c = cy * grid->nx + cx;
                if (pass == 0)
                  grid->cells[c + 1]++;
                else
                  grid->items[fill[c]++] = r;
              }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < n_cells; c++)
            grid->cells[c + 1] += grid->cells[c];
          grid->items = g_new (guint, MAX (grid->cells[n_cells], 1));
          fill = g_memdup2 (grid->cells, sizeof (guint) * n_cells);
        }
    }
}

static TlGeometry *
geometry_build (GPtrArray   *src,
                const TlBox *box,
                double       tol)
{
  Builder b = {
    g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (TlBox)),
    g_array_new (FALSE, FALSE, sizeof (TlRun)),
    g_array_new (FALSE, FALSE, sizeof (TlRun)),
  };
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) idx = g_array_new (FALSE, FALSE, sizeof (guint));
  TlGeometry *geom = g_new0 (TlGeometry, 1);

  for (guint i = 0; i < src->len; i++)
    simplify_run (&b, g_ptr_array_index (src, i), tol, stack, idx);

  geom->n_rings = b.rings->len;
  geom->n_lines = b.lines->len;
  geom->pts = (double *) g_array_free (b.pts, FALSE);
  geom->chunks = (TlBox *) g_array_free (b.chunks, FALSE);
  geom->rings = (TlRun *) g_array_free (b.rings, FALSE);
  geom->lines = (TlRun *) g_array_free (b.lines, FALSE);
  grid_build (&geom->ring_grid, box, geom->rings, geom->n_rings);
  grid_build (&geom->line_grid, box, geom->lines, geom->n_lines);
  return geom;
}

static void
geometry_free (TlGeometry *geom)
{
  g_free (geom->pts);
  g_free (geom->chunks);
  g_free (geom->rings);
  g_free (geom->lines);
  g_free (geom->ring_grid.cells);
  g_free (geom->ring_grid.items);
  g_free (geom->line_grid.cells);
  g_free (geom->line_grid.items);
  g_free (geom);
}

static guint
geometry_n_points (const TlGeometry *geom)
{
  guint n = 0;

  for (guint i = 0; i < geom->n_rings; i++)
    n += geom->rings[i].n;
  for (guint i = 0; i < geom->n_lines; i++)
    n += geom->lines[i].n;
  return n;
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

  full = geometry_build (src, &set->box, 0);
  n_full = geometry_n_points (full);
  set->levels[TL_LEVEL_FULL] = full;

  /* Only the levels where simplifying saves something get their own
   * copy; above them tl_dataset_get_level () falls through to full. */
  for (int level = info->min_zoom; level < TL_LEVEL_FULL; level++)
    {
      double tol = info->simplify_px / (256.0 * (double) (1 << level));
      TlGeometry *geom = geometry_build (src, &set->box, tol);

      if (geometry_n_points (geom) > n_full * 0.9)
        {
          geometry_free (geom);
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
    g_clear_pointer (&set->levels[level], geometry_free);
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
