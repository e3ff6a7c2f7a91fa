/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tl-report-editor-private.h"

/* What the map gives the editor: a position picked on it, and the points
 * of a patrol's route clicked one by one. */

/**
 * tl_report_editor_set_position:
 *
 * Fills the position, as when a report is started or picked on the map.
 */
void
tl_report_editor_set_position (TlReportEditor *self,
                               double          latitude,
                               double          longitude)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TL_IS_REPORT_EDITOR (self));

  text = tl_coordinates_format (latitude, longitude, self->format);
  if (!self->loaded)
    {
      /* Put in the form once it is built. */
      g_free (self->pending_position);
      self->pending_position = g_steal_pointer (&text);
      return;
    }
  tl_report_editor_fill_field (self, TL_REPORT_FIELD_POSITION, text);
  tl_report_editor_changed (self);
}

/**
 * tl_report_editor_add_route_point:
 *
 * Extends the patrol's route by one point clicked on the map.
 */
void
tl_report_editor_add_route_point (TlReportEditor *self,
                                  double          latitude,
                                  double          longitude)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  JsonArray *points, *point;

  g_return_if_fail (TL_IS_REPORT_EDITOR (self));
  g_return_if_fail (self->loaded);

  root = self->route[0] ? json_from_string (self->route, NULL) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_clear_pointer (&root, json_node_unref);
      root = json_node_init_array (json_node_alloc (), json_array_new ());
    }
  points = json_node_get_array (root);
  point = json_array_new ();
  /* GeoJSON order, as the routes table and the map read it. */
  json_array_add_double_element (point, longitude);
  json_array_add_double_element (point, latitude);
  json_array_add_array_element (points, point);

  json = json_to_string (root, FALSE);
  tl_report_editor_fill_field (self, TL_REPORT_FIELD_ROUTE, json);
  tl_report_editor_changed (self);
}
