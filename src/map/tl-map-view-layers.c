/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map's layers and base maps: the "layers.*" actions behind the layers
 * menu, each stored in GSettings, and the choice of tile source. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-coastline-source.h"
#include "tl-map-view-private.h"
#include "tl-mbtiles-source.h"
#include "tl-tile-downloader.h"
#include "tl-tile-url.h"

#define OSM_URL         "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define OSM_LICENSE_URI "https://www.openstreetmap.org/copyright"

/* The settings that show each line in the Strait, by TlSeaLineKind. */
static const char * const sea_keys[TL_SEA_N_LINES] = {
  [TL_SEA_LINE_SRR] = "show-sea-srr",
  [TL_SEA_LINE_MEDIAN] = "show-sea-median",
  [TL_SEA_LINE_TERRITORIAL] = "show-sea-territorial",
  [TL_SEA_LINE_TSS] = "show-sea-tss",
};

/* helpers */

static guint
kinds_from_settings (GSettings *settings)
{
  g_auto(GStrv) names = g_settings_get_strv (settings, "visible-kinds");
  guint mask = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      TlEventKind kind;

      if (tl_event_kind_from_string (names[i], &kind))
        mask |= 1u << kind;
    }
  return mask;
}

static void
update_attribution (TlMapView *self)
{
  const char *license = shumate_map_source_get_license (self->basemap);
  const char *uri = shumate_map_source_get_license_uri (self->basemap);
  g_autofree char *markup = NULL;

  /* Every source on the map is credited where the map is seen. */
  if (license == NULL || *license == '\0')
    markup = g_strdup ("");
  else if (uri != NULL && *uri != '\0')
    markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, license);
  else
    markup = g_markup_escape_text (license, -1);
  gtk_label_set_markup (self->attribution_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->attribution_label), *markup != '\0');
}

static void
source_error_cb (TlMapView  *self,
                 const char *message)
{
  tl_map_view_report_error (self, message);
}

static ShumateMapSource *
make_coastline (TlMapView *self)
{
  TlCoastlineSource *source = tl_coastline_source_new ();

  tl_coastline_source_set_dark (source, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  tl_coastline_source_set_show_borders (source, g_settings_get_boolean (self->settings, "show-borders"));
  /* Tiles are drawn for the screen's scale, so HiDPI stays crisp. */
  g_object_bind_property (self, "scale-factor", source, "scale-factor", G_BINDING_SYNC_CREATE);
  return SHUMATE_MAP_SOURCE (source);
}

static ShumateMapSource *
make_online (TlMapView   *self,
             const char  *basemap,
             GError     **error)
{
  g_autoptr(TlTileDownloader) downloader = NULL;
  g_autofree char *url = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *cache_key = NULL;
  const char *license_uri = NULL;
  const char *name;

  if (g_str_equal (basemap, "osm"))
    {
      url = g_strdup (OSM_URL);
      cache_key = g_strdup ("tideline-osm");
      attribution = g_strdup (_("© OpenStreetMap contributors"));
      license_uri = OSM_LICENSE_URI;
      name = _("OpenStreetMap");
    }
  else
    {
      g_autofree char *sum = NULL;

      url = g_settings_get_string (self->settings, "custom-tile-url");
      if (!tl_tile_url_validate (url, error))
        return NULL;
      /* One cache per server, so tiles of two servers never mix. */
      sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, url, -1);
      cache_key = g_strdup_printf ("tideline-custom-%.12s", sum);
      attribution = g_settings_get_string (self->settings, "custom-tile-attribution");
      name = _("Custom tile server");
    }

  downloader = tl_tile_downloader_new (url, cache_key);
  g_signal_connect_object (downloader, "source-error", G_CALLBACK (source_error_cb), self,
                           G_CONNECT_SWAPPED);
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (cache_key, name, attribution, license_uri,
                                                               0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (downloader)));
}

static ShumateMapSource *
make_mbtiles (TlMapView  *self,
              GError    **error)
{
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-path");
  g_autofree char *attribution = g_settings_get_string (self->settings, "custom-tile-attribution");
  g_autoptr(TlMbtilesSource) source = NULL;

  if (*path == '\0')
    {
      g_set_error_literal (error, TL_MBTILES_ERROR, TL_MBTILES_ERROR_NOT_FOUND,
                           _("No MBTiles file is chosen"));
      return NULL;
    }
  source = tl_mbtiles_source_new (path, error);
  if (source == NULL)
    return NULL;
  g_signal_connect_object (source, "source-error", G_CALLBACK (source_error_cb), self, G_CONNECT_SWAPPED);

  /* The file's own credit wins over the one typed for a custom server. */
  if (tl_mbtiles_source_get_attribution (source) != NULL &&
      *tl_mbtiles_source_get_attribution (source) != '\0')
    {
      g_free (attribution);
      attribution = g_strdup (tl_mbtiles_source_get_attribution (source));
    }
  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full ("tideline-mbtiles",
                                                               tl_mbtiles_source_get_name (source),
                                                               attribution, NULL,
                                                               tl_mbtiles_source_get_min_zoom (source),
                                                               tl_mbtiles_source_get_max_zoom (source),
                                                               256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (source)));
}

static gboolean
basemap_idle_cb (gpointer data)
{
  TlMapView *self = data;

  self->basemap_idle = 0;
  tl_map_view_set_basemap (self);
  return G_SOURCE_REMOVE;
}

/* Several settings may change at once (a dialog sets the address and the
 * choice): replace the layer once, after them all. */
static void
queue_basemap (TlMapView *self)
{
  /* At default priority: tiles arriving at that priority must not
   * starve the change. */
  if (self->basemap_idle == 0)
    self->basemap_idle = g_idle_add_full (G_PRIORITY_DEFAULT, basemap_idle_cb, self, NULL);
}

/* callbacks */

static void
settings_changed_cb (TlMapView  *self,
                     const char *key,
                     GSettings  *settings)
{
  if (g_str_equal (key, "visible-kinds"))
    {
      guint mask = kinds_from_settings (settings);

      tl_incident_layer_set_visible_kinds (self->incident_layer, mask);
      for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
        {
          g_autofree char *name = g_strconcat ("kind-", tl_event_kind_to_string (k), NULL);
          GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), name);

          g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                     g_variant_new_boolean ((mask & (1u << k)) != 0));
        }
    }
  else if (g_str_equal (key, "show-places"))
    gtk_widget_set_visible (GTK_WIDGET (self->place_layer), g_settings_get_boolean (settings, key));
  else if (g_str_equal (key, "show-routes"))
    {
      gboolean show = g_settings_get_boolean (settings, key);

      /* Lines between reports go together: routes and case chains. */
      tl_incident_layer_set_show_routes (self->incident_layer, show);
      gtk_widget_set_visible (GTK_WIDGET (self->chain_layer), show);
    }
  else if (g_str_has_prefix (key, "show-sea-"))
    {
      for (guint k = 0; k < TL_SEA_N_LINES; k++)
        if (g_str_equal (key, sea_keys[k]))
          tl_sea_layer_set_line_visible (self->sea_layer, k, g_settings_get_boolean (settings, key));
    }
  else if (g_str_equal (key, "coordinate-format"))
    {
      g_autofree char *name = g_settings_get_string (settings, key);

      if (!tl_coordinate_format_from_string (name, &self->format))
        self->format = TL_COORDINATE_FORMAT_DDM;
      tl_incident_layer_set_coordinate_format (self->incident_layer, self->format);
      /* The pointer's read-out follows now, not at the next mouse move. */
      if (self->has_pointer)
        {
          g_autofree char *text = NULL;
          double latitude, longitude;

          shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (self->map),
                                                      GTK_WIDGET (self->map),
                                                      self->pointer_x, self->pointer_y,
                                                      &latitude, &longitude);
          text = tl_coordinates_format (latitude, longitude, self->format);
          gtk_label_set_text (self->pointer_label, text);
        }
    }
  else if (g_str_equal (key, "basemap") || g_str_equal (key, "show-borders") ||
           g_str_equal (key, "custom-tile-url") || g_str_equal (key, "custom-tile-attribution") ||
           g_str_equal (key, "mbtiles-path"))
    queue_basemap (self);
}

static void
kind_change_state_cb (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  TlMapView *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action)) + strlen ("kind-");
  g_auto(GStrv) kinds = g_settings_get_strv (self->settings, "visible-kinds");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; kinds[i] != NULL; i++)
    if (!g_str_equal (kinds[i], name))
      g_strv_builder_add (builder, kinds[i]);
  if (g_variant_get_boolean (state))
    g_strv_builder_add (builder, name);
  result = g_strv_builder_end (builder);

  /* The setting is the truth: settings_changed_cb updates the state. */
  g_settings_set_strv (self->settings, "visible-kinds", (const char * const *) result);
}

static void
dark_changed_cb (TlMapView       *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style)
{
  if (TL_IS_COASTLINE_SOURCE (self->basemap))
    queue_basemap (self);
}

static void
custom_dialog_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *url = g_object_get_data (G_OBJECT (dialog), "url");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "error");
  g_autoptr(GError) error = NULL;
  gboolean valid = tl_tile_url_validate (gtk_editable_get_text (url), &error);

  /* Say why, next to the field, once something is typed. */
  gtk_label_set_text (error_label, error != NULL && *gtk_editable_get_text (url) != '\0'
                                   ? error->message : "");
  adw_message_dialog_set_response_enabled (dialog, "use", valid);
}

static void
custom_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           TlMapView        *self)
{
  GtkEditable *url = g_object_get_data (G_OBJECT (dialog), "url");
  GtkEditable *attribution = g_object_get_data (G_OBJECT (dialog), "attribution");
  g_autofree char *stripped = NULL;

  if (!g_str_equal (response, "use"))
    return;

  stripped = g_strstrip (g_strdup (gtk_editable_get_text (url)));
  g_settings_set_string (self->settings, "custom-tile-url", stripped);
  g_settings_set_string (self->settings, "custom-tile-attribution", gtk_editable_get_text (attribution));
  g_settings_set_string (self->settings, "basemap", "custom");
}

static void
custom_tiles_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *url_text = g_settings_get_string (self->settings, "custom-tile-url");
  g_autofree char *attribution_text = g_settings_get_string (self->settings, "custom-tile-attribution");
  GtkWidget *dialog, *box, *url, *attribution, *error_label;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Custom Tile Server"),
                                   _("Tiles are downloaded from this server while it is the base map. "
                                     "Check that its licence allows it, and credit it."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  url = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (url), "https://tiles.example.org/{z}/{x}/{y}.png");
  gtk_editable_set_text (GTK_EDITABLE (url), url_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (url), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tile address"), -1);
  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");
  attribution = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (attribution), _("Credit line, e.g. © Example Charts"));
  gtk_editable_set_text (GTK_EDITABLE (attribution), attribution_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (attribution), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attribution"), -1);
  gtk_box_append (GTK_BOX (box), url);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_box_append (GTK_BOX (box), attribution);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "use", _("_Use Server"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "url", url);
  g_object_set_data (G_OBJECT (dialog), "attribution", attribution);
  g_object_set_data (G_OBJECT (dialog), "error", error_label);
  g_signal_connect_swapped (url, "changed", G_CALLBACK (custom_dialog_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (custom_dialog_response_cb), self, 0);
  custom_dialog_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          TlMapView       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "mbtiles-path", path);
          g_settings_set_string (self->settings, "basemap", "mbtiles");
        }
    }
  g_clear_object (&self->file_chooser);
}

static void
open_mbtiles_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TlMapView *self = TL_MAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Choose an MBTiles File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("MBTiles map files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

/* internal API */

/**
 * tl_map_view_report_error:
 * @message: what went wrong with the map, for the officer
 *
 * Shows @message in the map and emits #TlMapView::source-error.
 */
void
tl_map_view_report_error (TlMapView  *self,
                          const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_signal_emit (self, tl_map_view_signals[TL_MAP_VIEW_SIGNAL_SOURCE_ERROR], 0, message);
}

/* Replaces the base map by the one the settings ask for. A source that
 * cannot be used is reported and the offline coastline shown instead:
 * the map is never left empty. */
void
tl_map_view_set_basemap (TlMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autofree char *basemap = g_settings_get_string (self->settings, "basemap");
  g_autoptr(ShumateMapSource) source = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->basemap_idle, g_source_remove);

  /* Nothing is downloaded unless the officer picked an online source. */
  if (g_str_equal (basemap, "osm") || g_str_equal (basemap, "custom"))
    source = make_online (self, basemap, &error);
  else if (g_str_equal (basemap, "mbtiles"))
    source = make_mbtiles (self, &error);

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The base map cannot be shown: %s. "
                                                    "Showing the offline coastline instead."),
                                                  error->message);

      tl_map_view_report_error (self, message);
      /* The menu shows what the map shows. */
      g_signal_handlers_block_by_func (self->settings, settings_changed_cb, self);
      g_settings_set_string (self->settings, "basemap", "coastline");
      g_signal_handlers_unblock_by_func (self->settings, settings_changed_cb, self);
    }
  if (source == NULL)
    source = make_coastline (self);

  /* libshumate 1.0 cannot refresh a layer's tiles: replace the layer. */
  if (self->basemap_layer != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->basemap_layer));
  g_set_object (&self->basemap, source);

  shumate_viewport_set_reference_map_source (viewport, self->basemap);
  self->basemap_layer = shumate_map_layer_new (self->basemap, viewport);
  /* Under everything: the lines in the Strait are the lowest overlay. */
  if (self->sea_layer != NULL)
    shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->basemap_layer),
                                     SHUMATE_LAYER (self->sea_layer));
  else if (self->place_layer != NULL)
    shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->basemap_layer),
                                     SHUMATE_LAYER (self->place_layer));
  else
    shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap_layer));
  update_attribution (self);
}

void
tl_map_view_layers_init (TlMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  const char *keys[] = { "basemap", "show-places", "show-borders", "show-routes", "show-map-legend" };
  g_autofree char *format = NULL;

  self->place_layer = tl_place_layer_new (viewport);
  self->incident_layer = tl_incident_layer_new (viewport);
  self->measure_layer = tl_measure_layer_new (viewport);
  self->chain_layer = tl_case_chain_layer_new (viewport);
  self->pulse_layer = tl_pulse_layer_new (viewport);
  self->sea_layer = tl_sea_layer_new (viewport);
  self->pick_layer = tl_measure_layer_new (viewport);
  tl_place_layer_set_incident_layer (self->place_layer, self->incident_layer);
  tl_case_chain_layer_set_incident_layer (self->chain_layer, self->incident_layer);
  tl_case_chain_layer_set_place_layer (self->chain_layer, self->place_layer);
  /* Bottom to top: the chain and the rings under the markers they are
   * about, the tools' lines over everything. */
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->sea_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->place_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->chain_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->pulse_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->incident_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->measure_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->pick_layer));
  tl_map_view_set_basemap (self);

  self->layer_actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);

      g_action_map_add_action (G_ACTION_MAP (self->layer_actions), action);
    }
  for (guint k = 0; k < TL_SEA_N_LINES; k++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, sea_keys[k]);

      g_action_map_add_action (G_ACTION_MAP (self->layer_actions), action);
    }
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    {
      g_autofree char *name = g_strconcat ("kind-", tl_event_kind_to_string (k), NULL);
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));

      g_signal_connect (action, "change-state", G_CALLBACK (kind_change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "layers", G_ACTION_GROUP (self->layer_actions));

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Apply the stored values the same way a change would. */
  settings_changed_cb (self, "visible-kinds", self->settings);
  settings_changed_cb (self, "show-places", self->settings);
  settings_changed_cb (self, "show-routes", self->settings);
  settings_changed_cb (self, "coordinate-format", self->settings);
  for (guint k = 0; k < TL_SEA_N_LINES; k++)
    settings_changed_cb (self, sea_keys[k], self->settings);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

void
tl_map_view_layers_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.custom-tiles", NULL, custom_tiles_action);
  gtk_widget_class_install_action (widget_class, "map.open-mbtiles", NULL, open_mbtiles_action);
}
