/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coordinates.h"
#include "tl-preferences-window.h"
#include "tl-time.h"

struct _TlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *operator_group;
  AdwEntryRow          *operator_row;
  AdwComboRow          *zone_row;
  AdwComboRow          *format_row;
  GtkSpinButton        *overdue_distress_spin;
  GtkSpinButton        *overdue_spin;

  /* owned */
  GSettings            *settings;
  GPtrArray            *zone_ids;   /* of char *, one per item of zone_row */
};

G_DEFINE_FINAL_TYPE (TlPreferencesWindow, tl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The zones offered: the Channel's two sides, UTC as used at sea, and the
 * computer's own. Tz database names are not translated. */
static const char * const offered_zones[] = { "", "UTC", "Europe/London", "Europe/Paris" };

/* Where the example position of the format row is: off Cap Blanc-Nez,
 * 50°57.520′N 001°35.200′E. */
#define EXAMPLE_LATITUDE  (50.0 + 57.52 / 60.0)
#define EXAMPLE_LONGITUDE (1.0 + 35.2 / 60.0)

/* helpers */

static char *
describe_system_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *name = g_time_zone_get_identifier (local);

  /* TZ may name a file (":/etc/localtime"), which tells the user nothing. */
  if (name == NULL || name[0] == '\0' || name[0] == ':' || name[0] == '/')
    /* Translators: the computer's own time zone, in the preferences */
    return g_strdup (_("System"));

  /* Translators: the computer's own time zone, in the preferences;
   * %s is its tz database name, such as “Europe/Paris” */
  return g_strdup_printf (_("System (%s)"), name);
}

/* The offered zones, and the one in the settings if it is none of them
 * (set with gsettings, say): the row shows what is in force. */
static void
fill_zones (TlPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "time-zone");
  gboolean offered = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (offered_zones); i++)
    {
      g_autofree char *label = i == 0 ? describe_system_zone () : g_strdup (offered_zones[i]);

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->zone_ids, g_strdup (offered_zones[i]));
      offered |= g_str_equal (current, offered_zones[i]);
    }

  if (!offered)
    {
      g_autoptr(GTimeZone) zone = tl_time_zone_new (current);
      g_autofree char *label = NULL;

      if (zone != NULL)
        label = g_strdup (current);
      else
        /* Translators: %s is a time zone name this computer does not know */
        label = g_strdup_printf (_("%s (unknown: the system’s zone is used)"), current);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->zone_ids, g_steal_pointer (&current));
    }

  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (labels));
}

static void
fill_formats (TlPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  /* In the order of TlCoordinateFormat, which the row's positions are. */
  for (TlCoordinateFormat format = TL_COORDINATE_FORMAT_DDM; format <= TL_COORDINATE_FORMAT_DMS; format++)
    {
      g_autofree char *example = tl_coordinates_format (EXAMPLE_LATITUDE, EXAMPLE_LONGITUDE, format);

      gtk_string_list_append (labels, example);
    }

  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
}

static void
describe_operator (TlPreferencesWindow *self)
{
  g_autofree char *description = NULL;

  /* Translators: %s is the user name the computer knows the user by */
  description = g_strdup_printf (_("Your name is written into the audit log with every report "
                                   "you create, change or delete. Leave it empty to use this "
                                   "computer’s user name, “%s”."),
                                 g_get_user_name ());
  adw_preferences_group_set_description (self->operator_group, description);
}

/* callbacks */

static gboolean
zone_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  TlPreferencesWindow *self = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < self->zone_ids->len; i++)
    if (g_str_equal (id, g_ptr_array_index (self->zone_ids, i)))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  /* Changed to a zone not listed while the window is open: GSettings
   * then shows the default, the system zone. */
  return FALSE;
}

static GVariant *
zone_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  TlPreferencesWindow *self = user_data;
  guint i = g_value_get_uint (value);

  if (i >= self->zone_ids->len)
    return NULL;

  return g_variant_new_string (g_ptr_array_index (self->zone_ids, i));
}

static gboolean
format_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  TlCoordinateFormat format;

  if (!tl_coordinate_format_from_string (g_variant_get_string (variant, NULL), &format))
    return FALSE;

  g_value_set_uint (value, format);
  return TRUE;
}

static GVariant *
format_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i > TL_COORDINATE_FORMAT_DMS)
    return NULL;

  return g_variant_new_string (tl_coordinate_format_to_string (i));
}

/* GObject overrides */

static void
tl_preferences_window_constructed (GObject *object)
{
  TlPreferencesWindow *self = TL_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (tl_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  describe_operator (self);
  fill_zones (self);
  fill_formats (self);

  g_settings_bind (self->settings, "operator-name", self->operator_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "time-zone", self->zone_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, zone_get_mapping, zone_set_mapping,
                                self, NULL);
  g_settings_bind_with_mapping (self->settings, "coordinate-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, format_get_mapping, format_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "overdue-distress-minutes", self->overdue_distress_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "overdue-minutes", self->overdue_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
tl_preferences_window_dispose (GObject *object)
{
  TlPreferencesWindow *self = TL_PREFERENCES_WINDOW (object);

  /* The zone mapping reads zone_ids: no binding may outlive it. */
  if (self->zone_row != NULL)
    {
      g_settings_unbind (self->operator_row, "text");
      g_settings_unbind (self->zone_row, "selected");
      g_settings_unbind (self->format_row, "selected");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (tl_preferences_window_parent_class)->dispose (object);
}

static void
tl_preferences_window_finalize (GObject *object)
{
  TlPreferencesWindow *self = TL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (tl_preferences_window_parent_class)->finalize (object);
}

static void
tl_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TlPreferencesWindow *self = TL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TlPreferencesWindow *self = TL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_preferences_window_class_init (TlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tl_preferences_window_constructed;
  object_class->dispose = tl_preferences_window_dispose;
  object_class->finalize = tl_preferences_window_finalize;
  object_class->get_property = tl_preferences_window_get_property;
  object_class->set_property = tl_preferences_window_set_property;

  /**
   * TlPreferencesWindow:settings:
   *
   * The application's settings, which the rows are bound to.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/tl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, operator_group);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, zone_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, overdue_distress_spin);
  gtk_widget_class_bind_template_child (widget_class, TlPreferencesWindow, overdue_spin);
}

static void
tl_preferences_window_init (TlPreferencesWindow *self)
{
  self->zone_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * tl_preferences_window_new:
 * @parent: (nullable): the window the preferences are opened over
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new preferences window, owned by GTK's list
 *   of toplevels until it is closed.
 */
TlPreferencesWindow *
tl_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (TL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
