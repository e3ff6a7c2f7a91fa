/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "tl-export-fields.h"

/* KML 2.2 and GPX 1.1, written with libxml2's xmlTextWriter so that every
 * text is escaped as XML wants it.
 *
 * KML: one Placemark per event, with its time (TimeStamp, or TimeSpan
 * when it has an end) and every field in ExtendedData, typed by a Schema
 * so that GIS tools see numbers as numbers. A patrol's route is drawn as
 * well: its Placemark's geometry is a MultiGeometry of the Point and a
 * LineString. A second Placemark for the route would draw the same, but
 * GDAL and every GIS reading the file would count it as one more feature
 * (an event) with empty fields; in one MultiGeometry, OGR gives the event
 * a GEOMETRYCOLLECTION and the count stays one feature per event. The
 * route stays in ExtendedData's details too, with the rest of them.
 *
 * GPX: one waypoint per event that has a position (a GPX waypoint must
 * have one), with Tideline's fields in <extensions>; a patrol's route
 * (details.route) is also written as a route (<rte>), and each case's
 * reports, in time order, as a track (<trk>) with their times: GDAL's
 * "routes" and "tracks" layers, and planning tools, read them. Both say
 * in their <extensions> whose they are, so that Tideline's importer
 * does not take them for events of their own. */

#define KML_NS "http://www.opengis.net/kml/2.2"
#define GPX_NS "http://www.topografix.com/GPX/1/1"
#define SCHEMA_ID "tideline_event"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)

/* Helpers */

/* Keeps the first failure of a run of libxml2 calls (they return < 0 on
 * failure). A function, not MIN(): each call must run exactly once. */
static inline int
worst (int rc,
       int next)
{
  return next < 0 ? next : rc;
}

static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  TlExportWriter *writer = context;

  tl_export_writer_append (writer, buffer, len);
  return writer->error == NULL ? len : -1;
}

static xmlTextWriter *
new_xml_writer (TlExportWriter *writer)
{
  xmlOutputBuffer *out = xmlOutputBufferCreateIO (write_cb, NULL, writer, NULL);
  xmlTextWriter *xml;

  if (out == NULL)
    return NULL;

  xml = xmlNewTextWriter (out);
  if (xml == NULL)
    {
      xmlOutputBufferClose (out);
      return NULL;
    }

  xmlTextWriterSetIndent (xml, 1);
  xmlTextWriterSetIndentString (xml, BAD_CAST "  ");
  return xml;
}

static void
set_xml_failed (TlExportWriter *writer)
{
  if (writer->error == NULL)
    g_set_error (&writer->error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_IO,
                 _("Could not write “%s”: out of memory"), writer->display_name);
}

/* Writes <name>text</name>, or nothing when text is NULL. Returns < 0 on
 * failure, as libxml2 does. */
static int
element (xmlTextWriter *xml,
         const char    *name,
         const char    *text)
{
  if (text == NULL)
    return 0;
  return xmlTextWriterWriteElement (xml, BAD_CAST name, BAD_CAST text);
}

static const char *
field_type (TlExportField field)
{
  switch (field)
    {
    case TL_EXPORT_FIELD_ID:
    case TL_EXPORT_FIELD_BOATS:
    case TL_EXPORT_FIELD_PEOPLE:
    case TL_EXPORT_FIELD_RESCUED:
    case TL_EXPORT_FIELD_DECEASED:
    case TL_EXPORT_FIELD_MISSING:
    case TL_EXPORT_FIELD_CASE_ID:
      return "int";
    case TL_EXPORT_FIELD_LATITUDE:
    case TL_EXPORT_FIELD_LONGITUDE:
      return "double";
    default:
      return "string";
    }
}

static int
write_kml_schema (xmlTextWriter *xml)
{
  int rc = xmlTextWriterStartElement (xml, BAD_CAST "Schema");

  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "name", BAD_CAST SCHEMA_ID));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "id", BAD_CAST SCHEMA_ID));
  for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
    {
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "SimpleField"));
      rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "name", BAD_CAST tl_export_field_names[f]));
      rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "type", BAD_CAST field_type (f)));
      rc = worst (rc, xmlTextWriterEndElement (xml));
    }
  return worst (rc, xmlTextWriterEndElement (xml));
}

static int
write_kml_point (xmlTextWriter     *xml,
                 const TlEventData *d)
{
  char lon[TL_EXPORT_TEXT_SIZE], lat[TL_EXPORT_TEXT_SIZE];
  g_autofree char *coordinates = g_strconcat (tl_export_format_double (d->longitude, lon), ",",
                                              tl_export_format_double (d->latitude, lat), NULL);
  int rc;

  rc = xmlTextWriterStartElement (xml, BAD_CAST "Point");
  rc = worst (rc, element (xml, "coordinates", coordinates));
  return worst (rc, xmlTextWriterEndElement (xml));
}

/* @route: pairs of doubles (lon, lat), as tl_export_parse_route () gives */
static int
write_kml_line (xmlTextWriter *xml,
                GArray        *route)
{
  g_autoptr(GString) coordinates = g_string_new (NULL);
  int rc;

  /* KML tuples are "lon,lat" separated by spaces. */
  for (guint i = 0; i + 1 < route->len; i += 2)
    {
      char lon[TL_EXPORT_TEXT_SIZE], lat[TL_EXPORT_TEXT_SIZE];

      g_string_append_printf (coordinates, "%s%s,%s", i > 0 ? " " : "",
                              tl_export_format_double (g_array_index (route, double, i), lon),
                              tl_export_format_double (g_array_index (route, double, i + 1), lat));
    }

  rc = xmlTextWriterStartElement (xml, BAD_CAST "LineString");
  rc = worst (rc, element (xml, "coordinates", coordinates->str));
  return worst (rc, xmlTextWriterEndElement (xml));
}

static int
write_placemark (xmlTextWriter     *xml,
                 const TlEventData *d)
{
  g_autofree char *title = tl_export_event_title (d);
  char buf[TL_EXPORT_TEXT_SIZE];
  int rc;

  rc = xmlTextWriterStartElement (xml, BAD_CAST "Placemark");
  rc = worst (rc, element (xml, "name", title));
  rc = worst (rc, element (xml, "description", d->notes));

  if (d->end_time == TL_TIME_NONE)
    {
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "TimeStamp"));
      rc = worst (rc, element (xml, "when", tl_export_format_time (d->time, buf)));
    }
  else
    {
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "TimeSpan"));
      rc = worst (rc, element (xml, "begin", tl_export_format_time (d->time, buf)));
      rc = worst (rc, element (xml, "end", tl_export_format_time (d->end_time, buf)));
    }
  rc = worst (rc, xmlTextWriterEndElement (xml));

  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "ExtendedData"));
  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "SchemaData"));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "schemaUrl", BAD_CAST "#" SCHEMA_ID));
  for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
    {
      const char *text = tl_export_field_text (d, f, buf);

      if (text == NULL)
        continue;
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "SimpleData"));
      rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "name", BAD_CAST tl_export_field_names[f]));
      rc = worst (rc, xmlTextWriterWriteString (xml, BAD_CAST text));
      rc = worst (rc, xmlTextWriterEndElement (xml));
    }
  rc = worst (rc, xmlTextWriterEndElement (xml));
  rc = worst (rc, xmlTextWriterEndElement (xml));

  /* As in GPX, a route is drawn only from an event that has a position:
   * a Placemark that is only a line is not an event to the importer. */
  if (!isnan (d->latitude) && !isnan (d->longitude))
    {
      g_autoptr(GArray) route = tl_export_parse_route (d->details);

      if (route != NULL)
        {
          rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "MultiGeometry"));
          rc = worst (rc, write_kml_point (xml, d));
          rc = worst (rc, write_kml_line (xml, route));
          rc = worst (rc, xmlTextWriterEndElement (xml));
        }
      else
        rc = worst (rc, write_kml_point (xml, d));
    }

  return worst (rc, xmlTextWriterEndElement (xml));
}

static int
write_waypoint (xmlTextWriter     *xml,
                const TlEventData *d)
{
  g_autofree char *title = tl_export_event_title (d);
  char buf[TL_EXPORT_TEXT_SIZE];
  int rc;

  rc = xmlTextWriterStartElement (xml, BAD_CAST "wpt");
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "lat", BAD_CAST tl_export_format_double (d->latitude, buf)));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "lon", BAD_CAST tl_export_format_double (d->longitude, buf)));
  rc = worst (rc, element (xml, "time", tl_export_format_time (d->time, buf)));
  rc = worst (rc, element (xml, "name", title));
  rc = worst (rc, element (xml, "desc", d->notes));
  rc = worst (rc, element (xml, "type", tl_event_kind_to_string (d->kind)));

  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "extensions"));
  for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
    {
      const char *text;

      /* Already the waypoint's own attributes. */
      if (f == TL_EXPORT_FIELD_LATITUDE || f == TL_EXPORT_FIELD_LONGITUDE)
        continue;
      if ((text = tl_export_field_text (d, f, buf)) == NULL)
        continue;
      rc = worst (rc, xmlTextWriterWriteElementNS (xml, BAD_CAST "tl", BAD_CAST tl_export_field_names[f],
                                                 NULL, BAD_CAST text));
    }
  rc = worst (rc, xmlTextWriterEndElement (xml));

  return worst (rc, xmlTextWriterEndElement (xml));
}

static int
write_point (xmlTextWriter *xml,
             const char    *element_name,
             double         longitude,
             double         latitude,
             gint64         time)
{
  char buf[TL_EXPORT_TEXT_SIZE];
  int rc;

  rc = xmlTextWriterStartElement (xml, BAD_CAST element_name);
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "lat", BAD_CAST tl_export_format_double (latitude, buf)));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "lon", BAD_CAST tl_export_format_double (longitude, buf)));
  if (time != TL_TIME_NONE)
    rc = worst (rc, element (xml, "time", tl_export_format_time (time, buf)));
  return worst (rc, xmlTextWriterEndElement (xml));
}

/* A patrol's planned way as a GPX route (<rte>), which planning tools and
 * GDAL's "routes" layer read as a route to follow. */
static int
write_route (xmlTextWriter     *xml,
             const TlEventData *d,
             GArray            *route)
{
  g_autofree char *title = tl_export_event_title (d);
  char buf[TL_EXPORT_TEXT_SIZE];
  int rc;

  rc = xmlTextWriterStartElement (xml, BAD_CAST "rte");
  rc = worst (rc, element (xml, "name", title));
  rc = worst (rc, element (xml, "type", tl_event_kind_to_string (d->kind)));
  /* Tells the importer this route is the route of a waypoint above, not
   * an event of its own. */
  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "extensions"));
  rc = worst (rc, xmlTextWriterWriteElementNS (xml, BAD_CAST "tl", BAD_CAST "route_of", NULL,
                                             BAD_CAST (tl_export_field_text (d, TL_EXPORT_FIELD_ID, buf) ?: "")));
  rc = worst (rc, xmlTextWriterEndElement (xml));

  for (guint i = 0; i + 1 < route->len; i += 2)
    rc = worst (rc, write_point (xml, "rtept", g_array_index (route, double, i),
                                 g_array_index (route, double, i + 1), TL_TIME_NONE));

  return worst (rc, xmlTextWriterEndElement (xml));
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
  return (ta > tb) - (ta < tb);
}

/* Each case's reports with a position, in time order, as a GPX track
 * (<trk>): the way the boat went, with the time at each point, for GDAL's
 * "tracks" layer. The reports themselves are the waypoints above. */
static int
write_case_tracks (TlExportWriter *writer,
                   xmlTextWriter  *xml,
                   GPtrArray      *events)
{
  g_autoptr(GPtrArray) cased = g_ptr_array_new ();
  int rc = 0;

  for (guint i = 0; i < events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (events, i);

      if (tl_event_get_case_id (event) > 0 && tl_event_has_position (event))
        g_ptr_array_add (cased, event);
    }
  g_ptr_array_sort (cased, compare_case_time);

  for (guint i = 0, j; i < cased->len && rc >= 0 && writer->error == NULL; i = j)
    {
      gint64 case_id = tl_event_get_case_id (g_ptr_array_index (cased, i));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
      /* Translators: the name of a case's track in a GPX file */
      g_autofree char *name = g_strdup_printf (_("Case %" PRId64), case_id);

      for (j = i + 1; j < cased->len && tl_event_get_case_id (g_ptr_array_index (cased, j)) == case_id; j++)
        ;
      if (j - i < 2)
        continue;
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "trk"));
      rc = worst (rc, element (xml, "name", name));
      rc = worst (rc, element (xml, "type", "case"));
      /* Tells the importer this track is a case's reports drawn again. */
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "extensions"));
      rc = worst (rc, xmlTextWriterWriteElementNS (xml, BAD_CAST "tl", BAD_CAST "track_of_case", NULL, BAD_CAST id));
      rc = worst (rc, xmlTextWriterEndElement (xml));
      rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "trkseg"));
      for (guint k = i; k < j; k++)
        {
          TlEvent *event = g_ptr_array_index (cased, k);

          rc = worst (rc, write_point (xml, "trkpt", tl_event_get_longitude (event),
                                       tl_event_get_latitude (event), tl_event_get_time (event)));
        }
      rc = worst (rc, xmlTextWriterEndElement (xml));
      rc = worst (rc, xmlTextWriterEndElement (xml));
    }

  return rc;
}

static void
finish (TlExportWriter *writer,
        xmlTextWriter  *xml,
        int             rc)
{
  rc = worst (rc, xmlTextWriterEndDocument (xml));
  rc = worst (rc, xmlTextWriterFlush (xml));
  if (rc < 0)
    set_xml_failed (writer);
}

/* Internal API */

void
tl_export_write_kml (TlExportWriter *writer,
                     GPtrArray      *events)
{
  g_autoptr(xmlTextWriter) xml = new_xml_writer (writer);
  int rc;

  if (xml == NULL)
    {
      set_xml_failed (writer);
      return;
    }

  rc = xmlTextWriterStartDocument (xml, NULL, "UTF-8", NULL);
  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "kml"));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns", BAD_CAST KML_NS));
  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "Document"));
  rc = worst (rc, element (xml, "name", _("Tideline events")));
  rc = worst (rc, write_kml_schema (xml));

  for (guint i = 0; i < events->len && rc >= 0 && writer->error == NULL; i++)
    {
      TlEventData data;

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      rc = worst (rc, write_placemark (xml, &data));
    }

  finish (writer, xml, rc);
}

void
tl_export_write_gpx (TlExportWriter *writer,
                     GPtrArray      *events)
{
  g_autoptr(xmlTextWriter) xml = new_xml_writer (writer);
  int rc;

  if (xml == NULL)
    {
      set_xml_failed (writer);
      return;
    }

  rc = xmlTextWriterStartDocument (xml, NULL, "UTF-8", NULL);
  rc = worst (rc, xmlTextWriterStartElement (xml, BAD_CAST "gpx"));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "version", BAD_CAST "1.1"));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "creator", BAD_CAST "Tideline " PACKAGE_VERSION));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns", BAD_CAST GPX_NS));
  rc = worst (rc, xmlTextWriterWriteAttribute (xml, BAD_CAST "xmlns:tl", BAD_CAST TL_EXPORT_GPX_NS));

  /* GPX wants every waypoint before the first track. */
  for (guint i = 0; i < events->len && rc >= 0 && writer->error == NULL; i++)
    {
      TlEventData data;

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      if (!isnan (data.latitude) && !isnan (data.longitude))
        rc = worst (rc, write_waypoint (xml, &data));
    }

  /* Then the routes, then the tracks, in GPX's order. */
  for (guint i = 0; i < events->len && rc >= 0 && writer->error == NULL; i++)
    {
      g_autoptr(GArray) route = NULL;
      TlEventData data;

      tl_event_get_data (g_ptr_array_index (events, i), &data);
      if (!isnan (data.latitude) && (route = tl_export_parse_route (data.details)) != NULL)
        rc = worst (rc, write_route (xml, &data, route));
    }
  if (rc >= 0 && writer->error == NULL)
    rc = worst (rc, write_case_tracks (writer, xml, events));

  finish (writer, xml, rc);
}
