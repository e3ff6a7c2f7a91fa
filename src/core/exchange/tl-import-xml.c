/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "tl-export-fields.h"
#include "tl-import-private.h"

/* KML and GPX, read with libxml2's streaming reader (never from the
 * network, no document type and so no entity at all), one record at a
 * time: each Placemark, wpt, trk or rte is expanded into a tree alone,
 * made into a row numbered by the line its element starts on, and
 * dropped. The markup is first scanned, building nothing, against the
 * limits on nesting and on elements in the file and in one record: a
 * tree costs some thirty times the text of an empty element.
 *
 * KML: each Placemark is a row: name, description, TimeStamp or TimeSpan,
 * ExtendedData (Data and SchemaData, as Tideline writes it) and its Point,
 * alone or in a MultiGeometry. A MultiGeometry's first LineString is the
 * event's route (details.route), unless ExtendedData gave the details,
 * which then hold the route already (Tideline writes both).
 *
 * GPX: each waypoint is a row: lat/lon, time, name, desc and every element
 * of its <extensions> by name. A track Tideline wrote as a patrol's route
 * is skipped (the waypoint carries the route in its details); another
 * track becomes a patrol: its first point and time, its last time as the
 * end, and the points as details.route. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

/* Helpers */

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* Returns: (transfer full) (nullable): the text of the element */
static char *
text_of (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text;
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *text = g_strdup ((const char *) value);

  xmlFree (value);
  return text;
}

static void
set_xml_error (TlImportSource  *self,
               GError         **error)
{
  const xmlError *last = xmlGetLastError ();
  g_autofree char *message = g_strstrip (g_strdup (last != NULL && last->message ? last->message : ""));

  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
               /* Translators: "Line 12 of “x.kml” is not valid XML: …" */
               _("Line %d of “%s” is not valid XML: %s"),
               last != NULL ? last->line : 0, self->display_name, message);
}

static gboolean
prescan_limit (TlImportSource  *self,
               const char      *text,
               const char      *at,
               guint64          limit,
               const char      *what,
               GError         **error)
{
  guint line = 1;
  g_autofree char *where = NULL;

  for (const char *q = text; (q = memchr (q, '\n', at - q)) != NULL; q++)
    line++;
  where = tl_import_source_where (self, line);
  tl_import_set_limit_error (error, self->display_name, where, limit, what);
  return FALSE;
}

static const char *
find (const char *p,
      const char *end,
      const char *needle)
{
  const char *found = g_strstr_len (p, end - p, needle);

  return found != NULL ? found + strlen (needle) : end;
}

/* Whether the element named @name (@len bytes, maybe prefixed) at @depth
 * is a record: a row of its own. */
static gboolean
is_record (const char *name,
           gsize       len,
           guint       depth,
           gboolean    kml)
{
  const char *colon = memchr (name, ':', len);

  if (colon != NULL)
    {
      len -= (gsize) (colon + 1 - name);
      name = colon + 1;
    }
#define NAME_IS(s) (len == strlen (s) && memcmp (name, s, len) == 0)
  if (kml)
    return NAME_IS ("Placemark");
  return depth == 1 && (NAME_IS ("wpt") || NAME_IS ("trk") || NAME_IS ("rte"));
#undef NAME_IS
}

/* Checks the markup against the limits, and refuses a document type: a
 * DTD declares entities, and an external one reads a file or the network
 * into the events. Malformed markup is left to libxml2 to describe. */
static gboolean
prescan (TlImportSource  *self,
         const char      *text,
         gsize            len,
         gboolean         kml,
         GError         **error)
{
  const char *p = text, *end = text + len;
  guint depth = 0, record_depth = 0;
  guint64 n_elements = 0, row_elements = 0;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *name, *q;
      char quote = 0;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = find (p + 4, end, "-->");
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = find (p + 9, end, "]]>");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        p = find (p + 2, end, "?>");
      else if (end - p >= 2 && p[1] == '!')
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                       _("“%s” declares a document type (<!DOCTYPE …>), which KML and GPX files "
                         "do not need: Tideline does not read them, since their entities can "
                         "bring in other files"),
                       self->display_name);
          return FALSE;
        }
      else if (end - p >= 2 && p[1] == '/')
        {
          depth = depth > 0 ? depth - 1 : 0;
          if (record_depth > 0 && depth < record_depth)
            record_depth = 0;
          p = memchr (p, '>', end - p) ?: end;
        }
      else
        {
          name = ++p;
          while (p < end && !g_ascii_isspace (*p) && *p != '/' && *p != '>')
            p++;
          for (q = p; q < end; q++)
            {
              if (quote != 0)
                quote = *q == quote ? 0 : quote;
              else if (*q == '"' || *q == '\'')
                quote = *q;
              else if (*q == '>')
                break;
            }
          if (q >= end)
            break;

          if (++n_elements > TL_IMPORT_MAX_ELEMENTS)
            return prescan_limit (self, text, name, TL_IMPORT_MAX_ELEMENTS, _("elements in a file"), error);
          if (record_depth > 0 && ++row_elements > TL_IMPORT_MAX_ROW_ELEMENTS)
            return prescan_limit (self, text, name, TL_IMPORT_MAX_ROW_ELEMENTS,
                                  _("elements in one placemark, waypoint or track"), error);
          if (record_depth == 0 && is_record (name, (gsize) (p - name), depth, kml))
            {
              record_depth = depth + 1;
              row_elements = 1;
            }
          if (q[-1] != '/' && ++depth > TL_IMPORT_MAX_DEPTH)
            return prescan_limit (self, text, name, TL_IMPORT_MAX_DEPTH, _("levels of nesting"), error);
          if (q[-1] == '/' && record_depth == depth + 1)
            record_depth = 0;
          p = q;
        }
      if (p < end)
        p++;
    }

  return TRUE;
}

typedef gboolean (*ReadRecord) (TlImportSource *self, GPtrArray *cells, xmlNode *node, GError **error);

/* Reads @text as a stream, handing each record to @read_record. */
static gboolean
read_records (TlImportSource  *self,
              const char      *text,
              gsize            len,
              const char      *root_name,
              ReadRecord       read_record,
              GError         **error)
{
  gboolean kml = strcmp (root_name, "kml") == 0;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gboolean root_seen = FALSE;
  int ret;

  if (!prescan (self, text, len, kml, error))
    return FALSE;

  xmlResetLastError ();
  reader = xmlReaderForMemory (text, (int) len, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      set_xml_error (self, error);
      return FALSE;
    }

  ret = xmlTextReaderRead (reader);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      xmlNode *node;

      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
          type == XML_READER_TYPE_ENTITY)
        {
          g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                       _("“%s” declares a document type (<!DOCTYPE …>), which KML and GPX files "
                         "do not need: Tideline does not read them, since their entities can "
                         "bring in other files"),
                       self->display_name);
          return FALSE;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        {
          ret = xmlTextReaderRead (reader);
          continue;
        }

      if (!root_seen)
        {
          if (g_strcmp0 (name, root_name) != 0)
            {
              g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                           /* Translators: "“x.gpx” is XML but not a KML file" */
                           _("“%s” is XML but not a %s file"), self->display_name, kml ? "KML" : "GPX");
              return FALSE;
            }
          root_seen = TRUE;
          ret = xmlTextReaderRead (reader);
          continue;
        }

      if (is_record (name, strlen (name), (guint) depth, kml))
        {
          if ((node = xmlTextReaderExpand (reader)) == NULL)
            {
              ret = -1;
              break;
            }
          if (!read_record (self, cells, node, error))
            return FALSE;
          ret = xmlTextReaderNext (reader);
        }
      else if (!kml && depth == 1)
        ret = xmlTextReaderNext (reader);
      else
        ret = xmlTextReaderRead (reader);
    }

  if (ret < 0)
    {
      set_xml_error (self, error);
      return FALSE;
    }
  if (!root_seen)
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_FORMAT,
                   _("“%s” is XML but not a %s file"), self->display_name, kml ? "KML" : "GPX");
      return FALSE;
    }
  return TRUE;
}

static gboolean
valid_position (double lat,
                double lon)
{
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/* @points: pairs of doubles (lon, lat)
 * Returns: (transfer full): details as JSON, {"route": [[lon, lat], …]} */
static char *
details_from_route (GArray *points)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "route");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < points->len; i += 2)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, g_array_index (points, double, i));
      json_builder_add_double_value (builder, g_array_index (points, double, i + 1));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* KML */

/* Sets details from a LineString's "lon,lat[,alt] …" tuples.
 * Returns: (transfer full) (nullable): what is wrong with them */
static char *
read_kml_route (TlImportSource *self,
                GPtrArray      *cells,
                xmlNode        *line)
{
  g_autofree char *coordinates = text_of (child (line, "coordinates")) ?: g_strdup ("");
  g_auto(GStrv) tuples = g_strsplit_set (coordinates, " \t\r\n", -1);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; tuples[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      char *end_lon = NULL, *end_lat = NULL;
      double lon, lat;

      if (*tuples[i] == '\0')
        continue;
      parts = g_strsplit (tuples[i], ",", 3);
      if (g_strv_length (parts) < 2)
        /* Translators: KML writes a route's points as "longitude,latitude" */
        return g_strdup_printf (_("a point of its route, “%s”, is not “longitude,latitude”"), tuples[i]);
      lon = g_ascii_strtod (parts[0], &end_lon);
      lat = g_ascii_strtod (parts[1], &end_lat);
      if (end_lon == parts[0] || *end_lon != '\0' || end_lat == parts[1] || *end_lat != '\0' ||
          !valid_position (lat, lon))
        return g_strdup_printf (_("a point of its route, “%s”, is not “longitude,latitude”"), tuples[i]);
      g_array_append_val (points, lon);
      g_array_append_val (points, lat);
    }

  if (points->len < 4)
    return g_strdup (_("its route has fewer than two points"));

  tl_import_cells_set (self, cells, "details", details_from_route (points));
  return NULL;
}

/* @want_route: whether a LineString beside the Point is the route
 * Returns: (transfer full) (nullable): what is wrong with the geometry */
static char *
read_kml_geometry (TlImportSource *self,
                   GPtrArray      *cells,
                   xmlNode        *placemark,
                   gboolean        want_route)
{
  xmlNode *point = child (placemark, "Point");
  xmlNode *multi = child (placemark, "MultiGeometry");
  xmlNode *line = NULL;
  g_autofree char *coordinates = NULL;
  g_auto(GStrv) parts = NULL;

  if (point == NULL && multi != NULL)
    {
      point = child (multi, "Point");
      line = child (multi, "LineString");
    }
  if (point == NULL)
    {
      if (child (placemark, "LineString") != NULL || child (placemark, "Polygon") != NULL ||
          child (placemark, "LinearRing") != NULL || multi != NULL)
        return g_strdup (_("it is a line or an area: Tideline imports one point per event"));
      return NULL;
    }

  coordinates = g_strstrip (text_of (child (point, "coordinates")) ?: g_strdup (""));
  parts = g_strsplit (coordinates, ",", 3);
  if (g_strv_length (parts) < 2)
    /* Translators: KML writes points as "longitude,latitude" */
    return g_strdup_printf (_("its point “%s” is not “longitude,latitude”"), coordinates);

  tl_import_cells_set (self, cells, "longitude", g_strdup (g_strstrip (parts[0])));
  tl_import_cells_set (self, cells, "latitude", g_strdup (g_strstrip (parts[1])));

  if (line != NULL && want_route)
    return read_kml_route (self, cells, line);
  return NULL;
}

static gboolean
read_placemark (TlImportSource  *self,
                GPtrArray       *cells,
                xmlNode         *placemark,
                GError         **error)
{
  xmlNode *node, *data;
  gboolean has_details = FALSE;
  char *problem;

  if ((node = child (placemark, "name")) != NULL)
    tl_import_cells_set (self, cells, "name", text_of (node));
  if ((node = child (placemark, "description")) != NULL)
    tl_import_cells_set (self, cells, "description", text_of (node));
  if ((node = child (placemark, "TimeStamp")) != NULL)
    tl_import_cells_set (self, cells, "time", text_of (child (node, "when")));
  if ((node = child (placemark, "TimeSpan")) != NULL)
    {
      tl_import_cells_set (self, cells, "time", text_of (child (node, "begin")));
      tl_import_cells_set (self, cells, "end_time", text_of (child (node, "end")));
    }

  if ((data = child (placemark, "ExtendedData")) != NULL)
    for (xmlNode *c = data->children; c != NULL; c = c->next)
      {
        if (is (c, "Data"))
          {
            g_autofree char *name = attribute (c, "name");

            if (name != NULL)
              {
                has_details |= g_str_equal (name, "details");
                tl_import_cells_set (self, cells, name, text_of (child (c, "value")));
              }
          }
        else if (is (c, "SchemaData"))
          for (xmlNode *s = c->children; s != NULL; s = s->next)
            {
              g_autofree char *name = is (s, "SimpleData") ? attribute (s, "name") : NULL;

              if (name != NULL)
                {
                  has_details |= g_str_equal (name, "details");
                  tl_import_cells_set (self, cells, name, text_of (s));
                }
            }
      }

  problem = read_kml_geometry (self, cells, placemark, !has_details);
  return tl_import_source_add_cells (self, (guint) xmlGetLineNo (placemark), cells, problem, error);
}

/* GPX */

static void
read_extensions (TlImportSource *self,
                 GPtrArray      *cells,
                 xmlNode        *node)
{
  xmlNode *extensions = child (node, "extensions");

  if (extensions == NULL)
    return;
  for (xmlNode *c = extensions->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->children != NULL && c->children->type == XML_TEXT_NODE &&
        c->children->next == NULL)
      tl_import_cells_set (self, cells, (const char *) c->name, text_of (c));
}

static gboolean
read_waypoint (TlImportSource  *self,
               GPtrArray       *cells,
               xmlNode         *wpt,
               GError         **error)
{
  tl_import_cells_set (self, cells, "latitude", attribute (wpt, "lat"));
  tl_import_cells_set (self, cells, "longitude", attribute (wpt, "lon"));
  tl_import_cells_set (self, cells, "time", text_of (child (wpt, "time")));
  tl_import_cells_set (self, cells, "name", text_of (child (wpt, "name")));
  tl_import_cells_set (self, cells, "desc", text_of (child (wpt, "desc")));
  /* GPX types are free text ("Dot", "Waypoint"), not event kinds: a column
   * of its own, left out unless the operator maps it. */
  tl_import_cells_set (self, cells, "gpx_type", text_of (child (wpt, "type")));
  read_extensions (self, cells, wpt);

  return tl_import_source_add_cells (self, (guint) xmlGetLineNo (wpt), cells, NULL, error);
}

/* The next point of a track (<trkpt> in its <trkseg>s) or a route
 * (<rtept>), after @pt, or the first if @pt is NULL. */
static xmlNode *
next_point (xmlNode *path,
            xmlNode *pt)
{
  gboolean route = is (path, "rte");
  xmlNode *seg = pt != NULL ? (route ? path : pt->parent) : NULL;

  if (pt == NULL)
    {
      if (route)
        pt = path->children;
      else
        {
          for (seg = path->children; seg != NULL && !is (seg, "trkseg"); seg = seg->next)
            ;
          pt = seg != NULL ? seg->children : NULL;
        }
    }
  else
    pt = pt->next;

  for (;;)
    {
      for (; pt != NULL; pt = pt->next)
        if (is (pt, route ? "rtept" : "trkpt"))
          return pt;
      /* A route has one list of points; a track without a <trkseg> has none. */
      if (route || seg == NULL)
        return NULL;
      do
        seg = seg->next;
      while (seg != NULL && !is (seg, "trkseg"));
      if (seg == NULL)
        return NULL;
      pt = seg->children;
    }
}

/* A track (<trk>) or a route (<rte>, as planning tools write a patrol's
 * way): a patrol along it. */
static gboolean
read_track (TlImportSource  *self,
            GPtrArray       *cells,
            xmlNode         *trk,
            GError         **error)
{
  gboolean route = is (trk, "rte");
  g_autoptr(GArray) points = NULL;
  g_autofree char *first_time = NULL, *last_time = NULL, *first_lat = NULL, *first_lon = NULL;
  xmlNode *extensions = child (trk, "extensions");
  char *problem = NULL;
  guint n_points = 0;

  /* A route or a case's track Tideline wrote beside its events: the
   * events themselves are the waypoints. */
  if (extensions != NULL && (child (extensions, "route_of") != NULL ||
                             child (extensions, "track_of_case") != NULL))
    return TRUE;

  points = g_array_new (FALSE, FALSE, sizeof (double));
  for (xmlNode *pt = next_point (trk, NULL); pt != NULL; pt = next_point (trk, pt))
    {
      g_autofree char *lat = NULL, *lon = NULL, *time = NULL;
      char *end_lat = NULL, *end_lon = NULL;
      double la, lo;

      lat = attribute (pt, "lat");
      lon = attribute (pt, "lon");
      la = lat ? g_ascii_strtod (lat, &end_lat) : 0;
      lo = lon ? g_ascii_strtod (lon, &end_lon) : 0;
      if (lat == NULL || lon == NULL || *end_lat != '\0' || *end_lon != '\0' ||
          !valid_position (la, lo))
        {
          if (problem == NULL && route)
            problem = g_strdup_printf (_("the route point on line %d has no valid position"),
                                       (int) xmlGetLineNo (pt));
          else if (problem == NULL)
            problem = g_strdup_printf (_("the track point on line %d has no valid position"),
                                       (int) xmlGetLineNo (pt));
          continue;
        }
      g_array_append_val (points, lo);
      g_array_append_val (points, la);

      if ((time = text_of (child (pt, "time"))) != NULL)
        {
          if (first_time == NULL)
            first_time = g_strdup (time);
          g_free (last_time);
          last_time = g_steal_pointer (&time);
        }
      if (n_points++ == 0)
        {
          first_lat = g_steal_pointer (&lat);
          first_lon = g_steal_pointer (&lon);
        }
    }

  if (n_points < 2 && problem == NULL)
    problem = g_strdup (route ? _("the route has fewer than two points")
                              : _("the track has fewer than two points"));

  tl_import_cells_set (self, cells, "kind", g_strdup ("patrol"));
  tl_import_cells_set (self, cells, "time", g_steal_pointer (&first_time));
  if (last_time != NULL && n_points > 1)
    tl_import_cells_set (self, cells, "end_time", g_steal_pointer (&last_time));
  tl_import_cells_set (self, cells, "latitude", g_steal_pointer (&first_lat));
  tl_import_cells_set (self, cells, "longitude", g_steal_pointer (&first_lon));
  tl_import_cells_set (self, cells, "name", text_of (child (trk, "name")));
  tl_import_cells_set (self, cells, "desc", text_of (child (trk, "desc")));
  tl_import_cells_set (self, cells, "details", details_from_route (points));

  return tl_import_source_add_cells (self, (guint) xmlGetLineNo (trk), cells, problem, error);
}

/* Internal API */

static gboolean
read_gpx_record (TlImportSource  *self,
                 GPtrArray       *cells,
                 xmlNode         *node,
                 GError         **error)
{
  if (is (node, "wpt"))
    return read_waypoint (self, cells, node, error);
  return read_track (self, cells, node, error);
}

gboolean
tl_import_read_kml (TlImportSource  *self,
                    const char      *text,
                    gsize            len,
                    GError         **error)
{
  return read_records (self, text, len, "kml", read_placemark, error);
}

gboolean
tl_import_read_gpx (TlImportSource  *self,
                    const char      *text,
                    gsize            len,
                    GError         **error)
{
  return read_records (self, text, len, "gpx", read_gpx_record, error);
}
