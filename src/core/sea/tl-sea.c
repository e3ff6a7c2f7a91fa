/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tl-coastline.h"
#include "tl-geo.h"
#include "tl-sea-private.h"

/* The lines are read once, then immutable: any thread may ask them. */

G_DEFINE_BOXED_TYPE (TlSea, tl_sea, tl_sea_ref, tl_sea_unref)
G_DEFINE_QUARK (tl-sea-error-quark, tl_sea_error)

/* helpers */

void
tl_sea_path_free (gpointer data)
{
  TlSeaPath *path = data;

  g_array_unref (path->points);
  g_free (path);
}

TlSeaPath *
tl_sea_path_new (TlSeaLineKind kind,
                 gboolean      closed)
{
  TlSeaPath *path = g_new0 (TlSeaPath, 1);

  path->kind = kind;
  path->closed = closed;
  path->points = g_array_new (FALSE, FALSE, sizeof (double));
  return path;
}

static gboolean
in_area (double latitude,
         double longitude)
{
  return latitude >= TL_SEA_SOUTH && latitude <= TL_SEA_NORTH &&
         longitude >= TL_SEA_WEST && longitude <= TL_SEA_EAST;
}

/* [longitude, latitude] pairs into @out as latitude, longitude. */
static gboolean
read_positions (JsonArray *coords,
                GArray    *out)
{
  for (guint i = 0; i < json_array_get_length (coords); i++)
    {
      JsonArray *pair = json_array_get_array_element (coords, i);
      double ll[2];

      if (pair == NULL || json_array_get_length (pair) < 2)
        return FALSE;
      ll[0] = json_array_get_double_element (pair, 1);
      ll[1] = json_array_get_double_element (pair, 0);
      g_array_append_vals (out, ll, 2);
    }
  return out->len >= 4;
}

static JsonArray *
read_features (JsonParser  *parser,
               GBytes      *bytes,
               const char  *what,
               GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "features"))
    {
      g_set_error (error, TL_SEA_ERROR, TL_SEA_ERROR_INVALID_DATA,
                   "%s is not a GeoJSON feature collection", what);
      return NULL;
    }
  return json_object_get_array_member (json_node_get_object (root), "features");
}

static gboolean
load_tss (TlSea   *self,
          GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *features = read_features (parser, self->tss_data, "dover-tss.geojson", error);
  const char *parts[] = {
    [TL_SEA_LANE_SOUTH_WEST] = "south-west-lane",
    [TL_SEA_LANE_SEPARATION] = "separation-zone",
    [TL_SEA_LANE_NORTH_EAST] = "north-east-lane",
  };

  if (features == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *props = json_object_get_object_member (feature, "properties");
      JsonObject *geometry = json_object_get_object_member (feature, "geometry");
      const char *part = props ? json_object_get_string_member_with_default (props, "part", "") : "";
      JsonArray *rings = geometry ? json_object_get_array_member (geometry, "coordinates") : NULL;

      for (int lane = TL_SEA_LANE_SOUTH_WEST; lane < TL_SEA_N_LANES; lane++)
        {
          TlSeaPath *path;

          if (!g_str_equal (part, parts[lane]) || rings == NULL || json_array_get_length (rings) < 1)
            continue;
          path = tl_sea_path_new (TL_SEA_LINE_TSS, TRUE);
          path->lane = lane;
          g_ptr_array_add (self->paths, path);
          if (!read_positions (json_array_get_array_element (rings, 0), path->points))
            break;
          /* Rings are stored open. */
          g_array_set_size (path->points, path->points->len - 2);
          self->lanes[lane] = path;
        }
    }

  for (int lane = TL_SEA_LANE_SOUTH_WEST; lane < TL_SEA_N_LANES; lane++)
    if (self->lanes[lane] == NULL || self->lanes[lane]->points->len < 6)
      {
        g_set_error (error, TL_SEA_ERROR, TL_SEA_ERROR_INVALID_DATA,
                     "dover-tss.geojson has no usable “%s”", parts[lane]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_srr (TlSea   *self,
          GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *features = read_features (parser, self->srr_data, "srr-boundary.geojson", error);
  TlSeaPath *path;
  JsonObject *geometry;

  if (features == NULL)
    return FALSE;
  path = tl_sea_path_new (TL_SEA_LINE_SRR, FALSE);
  g_ptr_array_add (self->paths, path);
  geometry = json_array_get_length (features) > 0
           ? json_object_get_object_member (json_array_get_object_element (features, 0), "geometry")
           : NULL;
  if (geometry == NULL ||
      !read_positions (json_object_get_array_member (geometry, "coordinates"), path->points))
    {
      g_set_error (error, TL_SEA_ERROR, TL_SEA_ERROR_INVALID_DATA,
                   "srr-boundary.geojson has no line");
      return FALSE;
    }
  self->srr = path;
  return TRUE;
}

static gboolean
load (TlSea   *self,
      GError **error)
{
  g_autoptr(GArray) uk = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fr = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) be = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shore = NULL;

  if (self->tss_data == NULL)
    {
      g_autofree char *tss = g_strconcat (RESOURCE_PATH, "/sea/dover-tss.geojson", NULL);
      g_autofree char *srr = g_strconcat (RESOURCE_PATH, "/sea/srr-boundary.geojson", NULL);

      self->tss_data = g_resources_lookup_data (tss, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (self->tss_data == NULL)
        return FALSE;
      self->srr_data = g_resources_lookup_data (srr, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (self->srr_data == NULL)
        return FALSE;
    }
  if (!load_tss (self, error) || !load_srr (self, error))
    return FALSE;

  if (self->shore_data != NULL)
    shore = g_array_ref (self->shore_data);
  else
    {
      TlCoastline *coastline = tl_coastline_get_default ();
      TlGeoBox box = { TL_SEA_WEST - 1.0, TL_SEA_SOUTH - 0.5, TL_SEA_EAST + 0.6, TL_SEA_NORTH + 0.3 };

      if (!tl_coastline_ensure_loaded (coastline, error))
        return FALSE;
      shore = tl_coastline_get_shore (coastline, &box);
    }
  tl_sea_split_shore (shore, uk, fr, be);
  tl_shore_grid_init (&self->uk_shore, uk);
  tl_shore_grid_init (&self->fr_shore, fr);
  tl_shore_grid_init (&self->be_shore, be);
  tl_sea_derive_lines (self);
  if (self->median->points->len < 4)
    {
      g_set_error (error, TL_SEA_ERROR, TL_SEA_ERROR_INVALID_DATA,
                   "The coastline gives no median line in the Strait");
      return FALSE;
    }

  g_clear_pointer (&self->tss_data, g_bytes_unref);
  g_clear_pointer (&self->srr_data, g_bytes_unref);
  g_clear_pointer (&self->shore_data, g_array_unref);
  return TRUE;
}

static TlSea *
sea_new (void)
{
  TlSea *self = g_new0 (TlSea, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->paths = g_ptr_array_new_with_free_func (tl_sea_path_free);
  return self;
}

/* public API */

/**
 * tl_sea_get_default:
 *
 * The lines from the shipped data and coastline, read on first use
 * (tl_sea_ensure_loaded()).
 *
 * Returns: (transfer none): the shared lines
 */
TlSea *
tl_sea_get_default (void)
{
  static TlSea *sea;

  if (g_once_init_enter (&sea))
    g_once_init_leave (&sea, sea_new ());
  return sea;
}

/**
 * tl_sea_new_from_data:
 * @tss_geojson: the scheme's three parts, as dover-tss.geojson
 * @srr_geojson: the SRR boundary, as srr-boundary.geojson
 * @shore: (element-type double): latitude, longitude pairs of the shore
 *
 * Lines from other data than the shipped files: for tests.
 *
 * Returns: (transfer full): loaded lines, or %NULL with @error set
 */
TlSea *
tl_sea_new_from_data (GBytes  *tss_geojson,
                      GBytes  *srr_geojson,
                      GArray  *shore,
                      GError **error)
{
  g_autoptr(TlSea) self = sea_new ();

  g_return_val_if_fail (tss_geojson != NULL && srr_geojson != NULL && shore != NULL, NULL);

  self->tss_data = g_bytes_ref (tss_geojson);
  self->srr_data = g_bytes_ref (srr_geojson);
  self->shore_data = g_array_ref (shore);
  if (!tl_sea_ensure_loaded (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

TlSea *
tl_sea_ref (TlSea *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tl_sea_unref (TlSea *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->tss_data, g_bytes_unref);
  g_clear_pointer (&self->srr_data, g_bytes_unref);
  g_clear_pointer (&self->shore_data, g_array_unref);
  g_clear_error (&self->load_error);
  g_ptr_array_unref (self->paths);
  tl_shore_grid_clear (&self->uk_shore);
  tl_shore_grid_clear (&self->fr_shore);
  tl_shore_grid_clear (&self->be_shore);
  g_free (self);
}

/**
 * tl_sea_ensure_loaded:
 *
 * Reads the data and derives the lines, once; safe from any thread.
 *
 * Returns: %TRUE if the lines can be used
 */
gboolean
tl_sea_ensure_loaded (TlSea   *self,
                      GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (g_once_init_enter (&self->loaded))
    {
      GError *local = NULL;

      if (!load (self, &local))
        self->load_error = local;
      g_once_init_leave (&self->loaded, 1);
    }
  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * tl_sea_get_paths:
 *
 * Returns: (transfer none) (element-type TlSeaPath): every drawn part of
 *   every line, or an empty array if the lines could not be loaded
 */
GPtrArray *
tl_sea_get_paths (TlSea *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!tl_sea_ensure_loaded (self, NULL))
    return self->paths;
  return self->paths;
}

/**
 * tl_sea_line_get_label:
 *
 * Returns: the line's name as drawn on maps and in their legends, with
 *   how far to trust it
 */
const char *
tl_sea_line_get_label (TlSeaLineKind kind)
{
  switch (kind)
    {
    case TL_SEA_LINE_SRR:
      return _("French/UK SRR boundary (approximate)");
    case TL_SEA_LINE_MEDIAN:
      return _("Median line (approximate, equidistant from the shipped coastline)");
    case TL_SEA_LINE_TERRITORIAL:
      return _("12 NM limit (approximate: from the shipped coastline, not the legal baselines)");
    case TL_SEA_LINE_TSS:
      return _("Dover Strait TSS (approximate)");
    case TL_SEA_N_LINES:
    default:
      g_return_val_if_reached ("");
    }
}

void
tl_sea_line_get_style (TlSeaLineKind   kind,
                       TlSeaLineStyle *out_style)
{
  static const TlSeaLineStyle styles[TL_SEA_N_LINES] = {
    [TL_SEA_LINE_SRR] = { 0.85, 0.40, 0.00, 2.5, { 12, 4, 2, 4 }, 4 },
    [TL_SEA_LINE_MEDIAN] = { 0.10, 0.20, 0.55, 1.5, { 8, 4 }, 2 },
    [TL_SEA_LINE_TERRITORIAL] = { 0.00, 0.50, 0.50, 1.2, { 2, 3 }, 2 },
    [TL_SEA_LINE_TSS] = { 0.70, 0.00, 0.55, 1.2, { 0 }, 0 },
  };

  g_return_if_fail (kind < TL_SEA_N_LINES && out_style != NULL);

  *out_style = styles[kind];
}

/**
 * tl_sea_line_get_source:
 *
 * Returns: where the line comes from, for the About window
 */
const char *
tl_sea_line_get_source (TlSeaLineKind kind)
{
  switch (kind)
    {
    case TL_SEA_LINE_SRR:
      return _("French/UK SRR boundary: drawn along the median line in the Strait, "
               "where the boundary runs; not the published description");
    case TL_SEA_LINE_MEDIAN:
      return _("Median line: equidistant from the GSHHG coastline shipped with Tideline");
    case TL_SEA_LINE_TERRITORIAL:
      return _("12 NM limits: 12 NM from the GSHHG coastline, which stands in for the legal baselines");
    case TL_SEA_LINE_TSS:
      return _("Dover Strait TSS: the scheme of IMO COLREG.2/Circ.59 (2007), annex 8, "
               "drawn approximately from charts; not the published coordinates");
    case TL_SEA_N_LINES:
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
tl_sea_line_is_approximate (TlSeaLineKind kind)
{
  /* Nothing shipped yet is from published coordinates. */
  return kind < TL_SEA_N_LINES;
}

/**
 * tl_sea_median_offset:
 *
 * Returns: metres from the median line, positive on the English side, or
 *   NAN outside the area or if the lines could not be loaded
 */
double
tl_sea_median_offset (TlSea  *self,
                      double  latitude,
                      double  longitude)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (!in_area (latitude, longitude) || !tl_sea_ensure_loaded (self, NULL))
    return NAN;
  return tl_sea_polyline_offset (self->median->points, latitude, longitude);
}

/**
 * tl_sea_get_side:
 *
 * Which search-and-rescue region a position is in: the boundary's
 * English side is the UK SRR. Within TL_SEA_ON_LINE_M of the boundary a
 * position is on it.
 */
TlSeaSide
tl_sea_get_side (TlSea  *self,
                 double  latitude,
                 double  longitude)
{
  double offset;

  g_return_val_if_fail (self != NULL, TL_SEA_SIDE_UNKNOWN);

  if (!in_area (latitude, longitude) || !tl_sea_ensure_loaded (self, NULL))
    return TL_SEA_SIDE_UNKNOWN;
  offset = tl_sea_polyline_offset (self->srr->points, latitude, longitude);
  if (fabs (offset) <= TL_SEA_ON_LINE_M)
    return TL_SEA_SIDE_BOUNDARY;
  return offset > 0 ? TL_SEA_SIDE_UK : TL_SEA_SIDE_FRENCH;
}

/**
 * tl_sea_get_waters:
 *
 * Whose territorial sea a position is in: within 12 NM of a coast (the
 * limit itself included) and on that coast's side of the median line.
 * Both approximate: see tl_sea_line_get_label().
 */
TlSeaWaters
tl_sea_get_waters (TlSea  *self,
                   double  latitude,
                   double  longitude)
{
  double limit = tl_geo_nm_to_metres (TL_SEA_TERRITORIAL_NM) + TL_SEA_ON_LINE_M;
  double offset;
  gboolean near_uk, near_fr;

  g_return_val_if_fail (self != NULL, TL_SEA_WATERS_UNKNOWN);

  if (!in_area (latitude, longitude) || !tl_sea_ensure_loaded (self, NULL))
    return TL_SEA_WATERS_UNKNOWN;

  offset = tl_sea_polyline_offset (self->median->points, latitude, longitude);
  near_uk = tl_shore_grid_nearest (&self->uk_shore, latitude, longitude, limit) <= limit;
  near_fr = tl_shore_grid_nearest (&self->fr_shore, latitude, longitude, limit) <= limit;
  if (fabs (offset) <= TL_SEA_ON_LINE_M)
    return near_uk && near_fr ? TL_SEA_WATERS_MEDIAN : TL_SEA_WATERS_INTERNATIONAL;
  if (offset > 0)
    return near_uk ? TL_SEA_WATERS_UK : TL_SEA_WATERS_INTERNATIONAL;
  return near_fr ? TL_SEA_WATERS_FRENCH : TL_SEA_WATERS_INTERNATIONAL;
}

/**
 * tl_sea_get_lane:
 *
 * Which part of the traffic separation scheme a position is in. The
 * separation zone's edges are the separation lines and belong to it; a
 * lane's outer edge belongs to the lane.
 */
TlSeaLane
tl_sea_get_lane (TlSea  *self,
                 double  latitude,
                 double  longitude)
{
  const TlSeaLane order[] = { TL_SEA_LANE_SEPARATION, TL_SEA_LANE_SOUTH_WEST, TL_SEA_LANE_NORTH_EAST };

  g_return_val_if_fail (self != NULL, TL_SEA_LANE_NONE);

  if (!in_area (latitude, longitude) || !tl_sea_ensure_loaded (self, NULL))
    return TL_SEA_LANE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const GArray *ring = self->lanes[order[i]]->points;

      if (tl_sea_ring_contains (ring, latitude, longitude) ||
          tl_sea_ring_edge_distance (ring, latitude, longitude) <= TL_SEA_ON_LINE_M)
        return order[i];
    }
  return TL_SEA_LANE_NONE;
}

void
tl_sea_classify (TlSea     *self,
                 double     latitude,
                 double     longitude,
                 TlSeaZone *out_zone)
{
  g_return_if_fail (out_zone != NULL);

  out_zone->side = tl_sea_get_side (self, latitude, longitude);
  out_zone->waters = tl_sea_get_waters (self, latitude, longitude);
  out_zone->lane = tl_sea_get_lane (self, latitude, longitude);
}

const char *
tl_sea_side_get_label (TlSeaSide side)
{
  switch (side)
    {
    case TL_SEA_SIDE_FRENCH:
      return _("French SRR");
    case TL_SEA_SIDE_UK:
      return _("UK SRR");
    case TL_SEA_SIDE_BOUNDARY:
      return _("On the SRR boundary");
    case TL_SEA_SIDE_UNKNOWN:
      return _("Outside the Strait");
    case TL_SEA_N_SIDES:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
tl_sea_waters_get_label (TlSeaWaters waters)
{
  switch (waters)
    {
    case TL_SEA_WATERS_FRENCH:
      return _("French territorial sea");
    case TL_SEA_WATERS_UK:
      return _("UK territorial sea");
    case TL_SEA_WATERS_INTERNATIONAL:
      return _("International waters");
    case TL_SEA_WATERS_MEDIAN:
      return _("On the median line");
    case TL_SEA_WATERS_UNKNOWN:
      return "";
    case TL_SEA_N_WATERS:
    default:
      g_return_val_if_reached ("");
    }
}

const char *
tl_sea_lane_get_label (TlSeaLane lane)
{
  switch (lane)
    {
    case TL_SEA_LANE_SOUTH_WEST:
      return _("in the south-west lane");
    case TL_SEA_LANE_SEPARATION:
      return _("in the separation zone");
    case TL_SEA_LANE_NORTH_EAST:
      return _("in the north-east lane");
    case TL_SEA_LANE_NONE:
      return "";
    case TL_SEA_N_LANES:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * tl_sea_zone_describe:
 *
 * Returns: (transfer full): the side, waters and lane in one line, e.g.
 *   "UK SRR · International waters · in the south-west lane"
 */
char *
tl_sea_zone_describe (const TlSeaZone *zone)
{
  GString *text;
  const char *parts[3];

  g_return_val_if_fail (zone != NULL, NULL);

  if (zone->side == TL_SEA_SIDE_UNKNOWN)
    return g_strdup (tl_sea_side_get_label (zone->side));
  text = g_string_new (NULL);
  parts[0] = tl_sea_side_get_label (zone->side);
  parts[1] = tl_sea_waters_get_label (zone->waters);
  parts[2] = tl_sea_lane_get_label (zone->lane);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
    }
  return g_string_free (text, FALSE);
}
