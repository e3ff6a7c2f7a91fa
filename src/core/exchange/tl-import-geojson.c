/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include <glib/gi18n-lib.h>

#include "tl-export-fields.h"
#include "tl-import-private.h"

/* GeoJSON (RFC 7946): a FeatureCollection, or a single Feature. Each
 * feature is a row: its properties are the columns, its Point gives the
 * latitude and longitude columns. Rows are numbered by feature, since
 * json-glib does not tell lines. */

/* Helpers */

static char *
value_text (JsonNode *node)
{
  char buf[TL_EXPORT_TEXT_SIZE];

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return NULL;
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return g_strdup (json_node_get_string (node));
        if (type == G_TYPE_INT64)
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        if (type == G_TYPE_DOUBLE)
          return g_strdup (tl_export_format_double (json_node_get_double (node), buf));
        if (type == G_TYPE_BOOLEAN)
          return g_strdup (json_node_get_boolean (node) ? "true" : "false");
        return NULL;
      }
    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
    default:
      return json_to_string (node, FALSE);
    }
}

/* Returns: (nullable): what is wrong with the geometry, or NULL. */
static char *
read_geometry (TlImportSource *self,
               GPtrArray      *cells,
               JsonNode       *node)
{
  JsonObject *geometry;
  const char *type;
  JsonArray *coordinates;
  char buf[TL_EXPORT_TEXT_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (_("its geometry is not a GeoJSON geometry"));

  geometry = json_node_get_object (node);
  type = json_object_get_string_member_with_default (geometry, "type", "");
  if (g_strcmp0 (type, "Point") != 0)
    /* Translators: %s is a GeoJSON geometry type, e.g. "Polygon" */
    return g_strdup_printf (_("its geometry is a %s: Tideline imports one point per event"), type);

  if (!json_object_has_member (geometry, "coordinates") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (geometry, "coordinates")) ||
      json_array_get_length (coordinates = json_object_get_array_member (geometry, "coordinates")) < 2 ||
      json_node_get_value_type (json_array_get_element (coordinates, 0)) == G_TYPE_STRING ||
      json_node_get_value_type (json_array_get_element (coordinates, 1)) == G_TYPE_STRING)
    return g_strdup (_("its point has no longitude and latitude"));

  tl_import_cells_set (self, cells, "longitude",
                       g_strdup (tl_export_format_double (json_array_get_double_element (coordinates, 0), buf)));
  tl_import_cells_set (self, cells, "latitude",
                       g_strdup (tl_export_format_double (json_array_get_double_element (coordinates, 1), buf)));
  return NULL;
}

static gboolean
read_feature (TlImportSource  *self,
              GPtrArray       *cells,
              JsonNode        *node,
              guint            number,
              GError         **error)
{
  JsonObject *feature;
  char *problem = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (json_object_get_string_member_with_default (feature = json_node_get_object (node), "type", ""),
                 "Feature") != 0)
    return tl_import_source_add_cells (self, number, cells, g_strdup (_("it is not a GeoJSON Feature")), error);

  /* The feature's own id, unless its properties have one. */
  if (json_object_has_member (feature, "id"))
    tl_import_cells_set (self, cells, "id", value_text (json_object_get_member (feature, "id")));

  if (json_object_has_member (feature, "properties") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (feature, "properties")))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_object_get_object_member (feature, "properties"));
      while (json_object_iter_next (&iter, &name, &value))
        tl_import_cells_set (self, cells, name, value_text (value));
    }

  problem = read_geometry (self, cells, json_object_get_member (feature, "geometry"));
  return tl_import_source_add_cells (self, number, cells, problem, error);
}

/* Internal API */

gboolean
tl_import_read_geojson (TlImportSource  *self,
                        const char      *text,
                        gsize            len,
                        GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *type;

  if (!json_parser_load_from_data (parser, text, (gssize) len, &local_error))
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                   _("“%s” is not valid JSON: %s"), self->display_name, local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto not_geojson;

  object = json_node_get_object (root);
  type = json_object_get_string_member_with_default (object, "type", "");
  if (g_strcmp0 (type, "Feature") == 0)
    return read_feature (self, cells, root, 1, error);
  if (g_strcmp0 (type, "FeatureCollection") != 0 ||
      !json_object_has_member (object, "features") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "features")))
    goto not_geojson;

  {
    JsonArray *features = json_object_get_array_member (object, "features");

    for (guint i = 0; i < json_array_get_length (features); i++)
      if (!read_feature (self, cells, json_array_get_element (features, i), i + 1, error))
        return FALSE;
  }
  return TRUE;

not_geojson:
  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
               _("“%s” is JSON but not a GeoJSON FeatureCollection or Feature"),
               self->display_name);
  return FALSE;
}
