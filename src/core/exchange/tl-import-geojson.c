/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include <glib/gi18n-lib.h>

#include "tl-export-fields.h"
#include "tl-import-private.h"

/* GeoJSON (RFC 7946): a FeatureCollection, or a single Feature. Each
 * feature is a row: its properties are the columns, its Point gives the
 * latitude and longitude columns. Rows are numbered by feature, since
 * json-glib does not tell lines.
 *
 * json-glib builds a tree of the whole text, by recursion: a file nested
 * 80,000 deep overflows the stack, and a file of small values takes forty
 * times its size. So the text is first scanned here, without building
 * anything, against the limits (nesting, values, string length), finding
 * where each feature starts and ends; json-glib then reads one feature at
 * a time. */

/* Helpers */

typedef struct {
  const char     *text;
  const char     *p;
  const char     *end;
  TlImportSource *self;
  guint64         n_values;     /* in the file */
  guint64         row_values;   /* in the feature being scanned */
  guint           feature;      /* its number, for messages, or 0 */
} Scan;

static gboolean
scan_error (Scan        *s,
            const char  *what,
            GError     **error)
{
  guint line = 1;

  for (const char *q = s->text; (q = memchr (q, '\n', s->p - q)) != NULL; q++)
    line++;
  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
               /* Translators: "“x.json” is not valid JSON: line 3: a string is never closed" */
               _("“%s” is not valid JSON: line %u: %s"), s->self->display_name, line, what);
  return FALSE;
}

static gboolean
scan_limit (Scan        *s,
            guint64      limit,
            const char  *what,
            GError     **error)
{
  g_autofree char *where = NULL;

  if (s->feature > 0)
    where = tl_import_source_where (s->self, s->feature);
  else
    {
      guint line = 1;

      for (const char *q = s->text; (q = memchr (q, '\n', s->p - q)) != NULL; q++)
        line++;
      /* Translators: where in a file a limit was hit */
      where = g_strdup_printf (_("line %u"), line);
    }
  tl_import_set_limit_error (error, s->self->display_name, where, limit, what);
  return FALSE;
}

static void
skip_space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

/* At a '"': past the closing quote. json-glib checks escapes later. */
static gboolean
scan_string (Scan    *s,
             GError **error)
{
  const char *start = ++s->p;

  for (;;)
    {
      const char *q = s->p;

      while (q < s->end && *q != '"' && *q != '\\')
        q++;
      s->p = q;
      if (q >= s->end)
        return scan_error (s, _("a string is never closed"), error);
      if (*q == '"')
        break;
      s->p += 2;
      if (s->p > s->end)
        {
          s->p = s->end;
          return scan_error (s, _("a string is never closed"), error);
        }
    }
  if ((gsize) (s->p - start) > TL_IMPORT_MAX_STRING_BYTES)
    return scan_limit (s, TL_IMPORT_MAX_STRING_BYTES, _("bytes in one string"), error);
  s->p++;
  return TRUE;
}

static gboolean scan_value (Scan *s, guint depth, GError **error);

/* At a '{' or '[': past the closing one. The depth is bounded before the
 * recursion, so that the stack is. */
static gboolean
scan_container (Scan    *s,
                guint    depth,
                GError **error)
{
  char close = *s->p == '{' ? '}' : ']';
  gboolean object = close == '}';
  gboolean first = TRUE;

  if (depth >= TL_IMPORT_MAX_DEPTH)
    return scan_limit (s, TL_IMPORT_MAX_DEPTH, _("levels of nesting"), error);

  s->p++;
  for (;;)
    {
      skip_space (s);
      if (s->p < s->end && *s->p == close && first)
        break;
      if (!first)
        {
          if (s->p < s->end && *s->p == close)
            break;
          if (s->p >= s->end || *s->p != ',')
            return scan_error (s, object ? _("a ',' or '}' is missing") : _("a ',' or ']' is missing"), error);
          s->p++;
          skip_space (s);
        }
      first = FALSE;
      if (object)
        {
          if (s->p >= s->end || *s->p != '"')
            return scan_error (s, _("a member name is missing"), error);
          if (!scan_string (s, error))
            return FALSE;
          skip_space (s);
          if (s->p >= s->end || *s->p != ':')
            return scan_error (s, _("a ':' is missing"), error);
          s->p++;
        }
      if (!scan_value (s, depth + 1, error))
        return FALSE;
    }
  s->p++;
  return TRUE;
}

static gboolean
scan_value (Scan    *s,
            guint    depth,
            GError **error)
{
  const char *start;

  if (++s->n_values > TL_IMPORT_MAX_ELEMENTS)
    return scan_limit (s, TL_IMPORT_MAX_ELEMENTS, _("values in a file"), error);
  if (++s->row_values > TL_IMPORT_MAX_ROW_ELEMENTS)
    return scan_limit (s, TL_IMPORT_MAX_ROW_ELEMENTS, _("values in one feature"), error);

  skip_space (s);
  if (s->p >= s->end)
    return scan_error (s, _("the text ends where a value is expected"), error);
  if (*s->p == '{' || *s->p == '[')
    return scan_container (s, depth, error);
  if (*s->p == '"')
    return scan_string (s, error);

  /* A number, true, false or null: json-glib checks which. */
  start = s->p;
  while (s->p < s->end && (g_ascii_isalnum (*s->p) || *s->p == '-' || *s->p == '+' || *s->p == '.'))
    s->p++;
  if (s->p == start)
    return scan_error (s, _("a value is expected"), error);
  return TRUE;
}

static gboolean
member_is (const char *key,
           const char *key_end,
           const char *name)
{
  gsize len = strlen (name);

  return (gsize) (key_end - key) == len + 2 && memcmp (key + 1, name, len) == 0;
}

/* Scans the whole text, with the root object's "type" and, for each
 * element of its "features" array, where it starts and ends.
 * @features: (element-type gsize): start and end of each feature */
static gboolean
scan_root (Scan        *s,
           const char **out_type,
           gsize       *out_type_len,
           GArray      *features,
           gboolean    *out_has_features,
           GError     **error)
{
  gboolean first = TRUE;

  *out_type = NULL;
  *out_has_features = FALSE;
  skip_space (s);
  if (s->p >= s->end || *s->p != '{')
    {
      if (!scan_value (s, 0, error))
        return FALSE;
      goto trailing;
    }

  s->n_values++;
  for (s->p++;;)
    {
      const char *key, *key_end;

      skip_space (s);
      if (s->p < s->end && *s->p == '}')
        break;
      if (!first)
        {
          if (s->p >= s->end || *s->p != ',')
            return scan_error (s, _("a ',' or '}' is missing"), error);
          s->p++;
          skip_space (s);
        }
      first = FALSE;
      if (s->p >= s->end || *s->p != '"')
        return scan_error (s, _("a member name is missing"), error);
      key = s->p;
      if (!scan_string (s, error))
        return FALSE;
      key_end = s->p;
      skip_space (s);
      if (s->p >= s->end || *s->p != ':')
        return scan_error (s, _("a ':' is missing"), error);
      s->p++;
      skip_space (s);

      if (member_is (key, key_end, "features") && s->p < s->end && *s->p == '[')
        {
          gboolean first_feature = TRUE;
          guint64 root_values = s->row_values;

          *out_has_features = TRUE;
          g_array_set_size (features, 0);
          s->n_values++;
          for (s->p++;;)
            {
              gsize start, stop;

              skip_space (s);
              if (s->p < s->end && *s->p == ']')
                break;
              if (!first_feature)
                {
                  if (s->p >= s->end || *s->p != ',')
                    return scan_error (s, _("a ',' or ']' is missing"), error);
                  s->p++;
                  skip_space (s);
                }
              first_feature = FALSE;
              if (features->len / 2 >= TL_IMPORT_MAX_ROWS)
                {
                  tl_import_set_too_many_rows (error, s->self->display_name);
                  return FALSE;
                }
              s->feature = features->len / 2 + 1;
              s->row_values = 0;
              start = (gsize) (s->p - s->text);
              if (!scan_value (s, 2, error))
                return FALSE;
              stop = (gsize) (s->p - s->text);
              g_array_append_val (features, start);
              g_array_append_val (features, stop);
            }
          s->p++;
          s->feature = 0;
          s->row_values = root_values;
          continue;
        }

      {
        gboolean is_type = member_is (key, key_end, "type") && s->p < s->end && *s->p == '"';
        const char *value = s->p;

        if (!scan_value (s, 1, error))
          return FALSE;
        if (is_type)
          {
            *out_type = value;
            *out_type_len = (gsize) (s->p - value);
          }
      }
    }
  s->p++;

trailing:
  skip_space (s);
  if (s->p < s->end)
    return scan_error (s, _("there is more text after the end"), error);
  return TRUE;
}

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
    {
      /* An event with no position, as Tideline writes it: the import
       * says how many (tl_import_source_get_n_null_geometry()). */
      self->n_null_geometry++;
      return NULL;
    }
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
  g_autoptr(GArray) features = g_array_new (FALSE, FALSE, sizeof (gsize));
  Scan scan = { text, text, text + len, self, 0, 0, 0 };
  const char *type = NULL;
  gsize type_len = 0;
  gboolean has_features = FALSE;

  if (!scan_root (&scan, &type, &type_len, features, &has_features, error))
    return FALSE;

  if (type != NULL && type_len == strlen ("\"Feature\"") && memcmp (type, "\"Feature\"", type_len) == 0)
    {
      /* One feature: the scan bounded the whole text as it bounds one. */
      g_autoptr(GError) local_error = NULL;

      if (!json_parser_load_from_data (parser, text, (gssize) len, &local_error))
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                       _("“%s” is not valid JSON: %s"), self->display_name, local_error->message);
          return FALSE;
        }
      return read_feature (self, cells, json_parser_get_root (parser), 1, error);
    }

  if (type == NULL || !has_features ||
      type_len != strlen ("\"FeatureCollection\"") || memcmp (type, "\"FeatureCollection\"", type_len) != 0)
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                   _("“%s” is JSON but not a GeoJSON FeatureCollection or Feature"),
                   self->display_name);
      return FALSE;
    }

  for (guint i = 0; i + 1 < features->len; i += 2)
    {
      gsize start = g_array_index (features, gsize, i);
      gsize stop = g_array_index (features, gsize, i + 1);
      g_autoptr(GError) local_error = NULL;

      if (!json_parser_load_from_data (parser, text + start, (gssize) (stop - start), &local_error))
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                       /* Translators: "“x.json” is not valid JSON: feature 3: …" */
                       _("“%s” is not valid JSON: feature %u: %s"), self->display_name,
                       i / 2 + 1, local_error->message);
          return FALSE;
        }
      if (!read_feature (self, cells, json_parser_get_root (parser), i / 2 + 1, error))
        return FALSE;
    }
  return TRUE;
}
