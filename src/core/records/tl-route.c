/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Patrol routes carried in an event's details:
 * {"route": [[lon, lat], [lon, lat], ...]}, GeoJSON order. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tl-route.h"

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

/**
 * tl_route_parse:
 * @details_json: (nullable): an event's details
 * @out_lonlat: (element-type double): receives longitude, latitude pairs
 *
 * Reads the route of a patrol. Points that are not two numbers in range
 * are skipped; a route needs two points left to be drawn.
 *
 * Returns: whether a route of at least two points was found
 */
gboolean
tl_route_parse (const char *details_json,
                GArray     *out_lonlat)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonArray *route;
  guint start = out_lonlat->len;

  /* Most events have no route: skip the parser for them. */
  if (details_json == NULL || strstr (details_json, "\"route\"") == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, details_json, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  {
    JsonObject *object = json_node_get_object (root);
    JsonNode *node = json_object_get_member (object, "route");

    if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
      return FALSE;
    route = json_node_get_array (node);
  }

  for (guint i = 0; i < json_array_get_length (route); i++)
    {
      JsonNode *node = json_array_get_element (route, i);
      JsonArray *pair;
      double lon, lat;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;
      pair = json_node_get_array (node);
      if (json_array_get_length (pair) < 2 ||
          !is_number (json_array_get_element (pair, 0)) ||
          !is_number (json_array_get_element (pair, 1)))
        continue;
      lon = json_array_get_double_element (pair, 0);
      lat = json_array_get_double_element (pair, 1);
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
        continue;
      g_array_append_val (out_lonlat, lon);
      g_array_append_val (out_lonlat, lat);
    }

  if (out_lonlat->len - start < 4)
    {
      g_array_set_size (out_lonlat, start);
      return FALSE;
    }
  return TRUE;
}
