/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Export Map dialog remembers from one map to the next: a
 * briefer who sends the same A4 landscape PDF every morning chooses it
 * once. Each row is bound to its key both ways, so the next dialog, and
 * the next run of the application, opens as the last one was left. The
 * title (it names the day) and the kinds (they follow the window's
 * filter) are not remembered. */

#include "config.h"

#include "tl-map-export-dialog-private.h"
#include "tl-map-export-settings.h"

/* The values of the rows' keys, in the order of the rows' items. */
static const char * const format_nicks[] = { "png", "pdf", "svg", NULL };
static const char * const dpi_nicks[] = { "150", "300", NULL };

/* The values of export-map-size, as in the schema. */
typedef enum {
  KEY_SIZE_SCREEN,
  KEY_SIZE_HD,
  KEY_SIZE_A4,
  KEY_SIZE_A3,
  KEY_SIZE_CUSTOM,
} KeySize;

/* The values of export-map-orientation, as in the schema. */
typedef enum {
  KEY_PORTRAIT,
  KEY_LANDSCAPE,
} KeyOrientation;

/* helpers */

static gboolean
nick_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  /* The key's default is used instead. */
  return FALSE;
}

static GVariant *
nick_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (i == selected)
      return g_variant_new_string (nicks[i]);
  /* Nothing selected: the key keeps what it had. */
  return NULL;
}

static gboolean
is_side (int pixels)
{
  return pixels >= 1 && pixels <= TL_SNAPSHOT_MAX_SIDE_PX;
}

/* callbacks */

static void
size_keys_changed_cb (TlMapExportDialog *self)
{
  gboolean landscape = g_settings_get_enum (self->settings, "export-map-orientation") == KEY_LANDSCAPE;
  TlMapExportSize size;

  if (self->syncing_settings)
    return;

  switch ((KeySize) g_settings_get_enum (self->settings, "export-map-size"))
    {
    case KEY_SIZE_HD:
      size = TL_MAP_EXPORT_SIZE_HD;
      break;
    case KEY_SIZE_A4:
      size = landscape ? TL_MAP_EXPORT_SIZE_A4_LANDSCAPE : TL_MAP_EXPORT_SIZE_A4_PORTRAIT;
      break;
    case KEY_SIZE_A3:
      size = landscape ? TL_MAP_EXPORT_SIZE_A3_LANDSCAPE : TL_MAP_EXPORT_SIZE_A3_PORTRAIT;
      break;
    case KEY_SIZE_CUSTOM:
      size = TL_MAP_EXPORT_SIZE_CUSTOM;
      break;
    case KEY_SIZE_SCREEN:
    default:
      size = TL_MAP_EXPORT_SIZE_SCREEN;
      break;
    }
  self->syncing_settings = TRUE;
  adw_combo_row_set_selected (self->size_row, size);
  self->syncing_settings = FALSE;
}

/* One row, two keys: the orientation is only told by a paper size, so
 * choosing 1920 × 1080 keeps the page turned as it was. */
static void
size_row_changed_cb (TlMapExportDialog *self)
{
  static const KeySize sizes[] = {
    [TL_MAP_EXPORT_SIZE_SCREEN] = KEY_SIZE_SCREEN,
    [TL_MAP_EXPORT_SIZE_HD] = KEY_SIZE_HD,
    [TL_MAP_EXPORT_SIZE_A4_PORTRAIT] = KEY_SIZE_A4,
    [TL_MAP_EXPORT_SIZE_A4_LANDSCAPE] = KEY_SIZE_A4,
    [TL_MAP_EXPORT_SIZE_A3_PORTRAIT] = KEY_SIZE_A3,
    [TL_MAP_EXPORT_SIZE_A3_LANDSCAPE] = KEY_SIZE_A3,
    [TL_MAP_EXPORT_SIZE_CUSTOM] = KEY_SIZE_CUSTOM,
  };
  guint size = adw_combo_row_get_selected (self->size_row);

  if (self->syncing_settings || size >= G_N_ELEMENTS (sizes))
    return;

  self->syncing_settings = TRUE;
  g_settings_set_enum (self->settings, "export-map-size", sizes[size]);
  if (sizes[size] == KEY_SIZE_A4 || sizes[size] == KEY_SIZE_A3)
    g_settings_set_enum (self->settings, "export-map-orientation",
                         size == TL_MAP_EXPORT_SIZE_A4_LANDSCAPE || size == TL_MAP_EXPORT_SIZE_A3_LANDSCAPE
                         ? KEY_LANDSCAPE : KEY_PORTRAIT);
  self->syncing_settings = FALSE;
}

static void
custom_size_keys_changed_cb (TlMapExportDialog *self)
{
  int width = g_settings_get_int (self->settings, "export-map-custom-width");
  int height = g_settings_get_int (self->settings, "export-map-custom-height");
  g_autofree char *text = NULL;

  if (self->syncing_settings)
    return;

  /* 0 is none typed yet; half a size is none at all. */
  if (is_side (width) && is_side (height))
    text = g_strdup_printf ("%d × %d", width, height);
  self->syncing_settings = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->custom_size_row), text != NULL ? text : "");
  self->syncing_settings = FALSE;
}

static void
custom_size_row_changed_cb (TlMapExportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->custom_size_row));
  int width, height;

  /* While a size is half typed, or emptied to type another, the last
   * whole one is kept. */
  if (self->syncing_settings || !tl_snapshot_job_parse_size (text, &width, &height))
    return;

  self->syncing_settings = TRUE;
  g_settings_set_int (self->settings, "export-map-custom-width", width);
  g_settings_set_int (self->settings, "export-map-custom-height", height);
  self->syncing_settings = FALSE;
}

/* public API */

/**
 * tl_map_export_settings_bind:
 * @self: a dialog whose template is built and whose settings are set
 *
 * Gives the remembered rows the values of their keys, and has every
 * later change of either follow the other.
 */
void
tl_map_export_settings_bind (TlMapExportDialog *self)
{
  static const struct {
    const char *key;
    gsize       offset;
  } switches[] = {
    { "export-map-coastline", G_STRUCT_OFFSET (TlMapExportDialog, coastline_switch) },
    { "export-map-borders", G_STRUCT_OFFSET (TlMapExportDialog, borders_switch) },
    { "export-map-legend", G_STRUCT_OFFSET (TlMapExportDialog, legend_switch) },
    { "export-map-scale-bar", G_STRUCT_OFFSET (TlMapExportDialog, scale_switch) },
    { "export-map-north-arrow", G_STRUCT_OFFSET (TlMapExportDialog, north_arrow_switch) },
    { "export-map-credits", G_STRUCT_OFFSET (TlMapExportDialog, credits_switch) },
    { "export-map-dark", G_STRUCT_OFFSET (TlMapExportDialog, dark_switch) },
  };

  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_SETTINGS (self->settings));

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_settings_bind (self->settings, switches[i].key,
                     G_STRUCT_MEMBER (GtkSwitch *, self, switches[i].offset), "active",
                     G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-map-marking", self->marking_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "export-map-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_get_mapping, nick_set_mapping,
                                (gpointer) format_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "export-map-dpi", self->dpi_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_get_mapping, nick_set_mapping,
                                (gpointer) dpi_nicks, NULL);

  size_keys_changed_cb (self);
  custom_size_keys_changed_cb (self);
  g_signal_connect_swapped (self->settings, "changed::export-map-size", G_CALLBACK (size_keys_changed_cb), self);
  g_signal_connect_swapped (self->settings, "changed::export-map-orientation",
                            G_CALLBACK (size_keys_changed_cb), self);
  g_signal_connect_swapped (self->settings, "changed::export-map-custom-width",
                            G_CALLBACK (custom_size_keys_changed_cb), self);
  g_signal_connect_swapped (self->settings, "changed::export-map-custom-height",
                            G_CALLBACK (custom_size_keys_changed_cb), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (size_row_changed_cb), self);
  g_signal_connect_swapped (self->custom_size_row, "changed", G_CALLBACK (custom_size_row_changed_cb), self);
}

/**
 * tl_map_export_settings_unbind:
 *
 * Lets go of the keys before the rows are torn down, so that a row
 * emptied as it goes does not empty its key.
 */
void
tl_map_export_settings_unbind (TlMapExportDialog *self)
{
  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));

  if (self->settings == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->settings, self);
  g_signal_handlers_disconnect_by_func (self->size_row, size_row_changed_cb, self);
  g_signal_handlers_disconnect_by_func (self->custom_size_row, custom_size_row_changed_cb, self);
  g_settings_unbind (self->coastline_switch, "active");
  g_settings_unbind (self->borders_switch, "active");
  g_settings_unbind (self->legend_switch, "active");
  g_settings_unbind (self->scale_switch, "active");
  g_settings_unbind (self->north_arrow_switch, "active");
  g_settings_unbind (self->credits_switch, "active");
  g_settings_unbind (self->dark_switch, "active");
  g_settings_unbind (self->marking_row, "text");
  g_settings_unbind (self->format_row, "selected");
  g_settings_unbind (self->dpi_row, "selected");
}
