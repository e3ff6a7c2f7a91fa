/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-map-export-dialog-private.h"
#include "tl-map-export-settings.h"
#include "tl-time.h"

/* How long the options must rest before the preview is drawn again:
 * typing a title redraws once, not once per letter. */
#define PREVIEW_DELAY_MS 150
/* The clipboard gets a picture a chat or mail client can take. */
#define COPY_MAX_SIDE_PX 4096

G_DEFINE_FINAL_TYPE (TlMapExportDialog, tl_map_export_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static const char *
format_extension (TlSnapshotFormat format)
{
  return format == TL_SNAPSHOT_FORMAT_PDF ? "pdf" : format == TL_SNAPSHOT_FORMAT_SVG ? "svg" : "png";
}

static TlSnapshotFormat
get_format (TlMapExportDialog *self)
{
  return TL_SNAPSHOT_FORMAT_PNG + adw_combo_row_get_selected (self->format_row);
}

static const char *
text_or_null (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
update_rows (TlMapExportDialog *self)
{
  guint size = adw_combo_row_get_selected (self->size_row);
  gboolean paper = size >= TL_MAP_EXPORT_SIZE_A4_PORTRAIT && size <= TL_MAP_EXPORT_SIZE_A3_LANDSCAPE;

  /* Resolution is that of a printed page; a pixel size has its own. */
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), paper);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_size_row), size == TL_MAP_EXPORT_SIZE_CUSTOM);
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TlMapExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = tl_snapshot_job_render_image_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A newer preview is on its way: this one is out of date. */
  if (g_task_get_cancellable (G_TASK (result)) != self->preview_cancellable)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }

  gtk_spinner_stop (self->preview_spinner);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  g_clear_pointer (&self->preview_error, g_free);
  self->preview_surface = surface;
  if (error != NULL)
    self->preview_error = g_strdup (error->message);
  self->n_previews++;
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
render_preview_cb (gpointer data)
{
  TlMapExportDialog *self = data;
  g_autoptr(GError) error = NULL;
  TlSnapshotJob *job;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->preview));
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview)) - 24;
  int height = gtk_widget_get_height (GTK_WIDGET (self->preview)) - 24;

  self->preview_id = 0;
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);

  if (!(job = tl_map_export_dialog_build_job (self, &error)))
    {
      g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
      g_free (self->preview_error);
      self->preview_error = g_strdup (error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview));
      return G_SOURCE_REMOVE;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", TRUE);

  /* Before the first allocation, draw at a size that looks right. */
  if (width < 100 || height < 100)
    {
      width = 640;
      height = 640;
    }
  self->preview_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->preview_spinner);
  tl_snapshot_job_render_image_async (job, (double) width * scale, (double) height * scale,
                                      self->preview_cancellable, preview_ready_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (TlMapExportDialog *self)
{
  update_rows (self);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, render_preview_cb, self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TlMapExportDialog *self = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  double w, h, x, y;

  cairo_set_source_rgb (cr, 0.45, 0.47, 0.5);
  cairo_paint (cr);

  if (self->preview_error != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), self->preview_error);

      pango_layout_set_width (layout, (width - 48) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, 24, height / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  if (self->preview_surface == NULL)
    return;

  /* Fit the page in the area; it was drawn for the size it had. */
  w = cairo_image_surface_get_width (self->preview_surface) / (double) scale;
  h = cairo_image_surface_get_height (self->preview_surface) / (double) scale;
  if (w > width - 24 || h > height - 24)
    {
      double fit = MIN ((width - 24) / w, (height - 24) / h);

      w *= fit;
      h *= fit;
    }
  x = (width - w) / 2;
  y = (height - h) / 2;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_rectangle (cr, x + 2, y + 3, w, h);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, w / cairo_image_surface_get_width (self->preview_surface),
               h / cairo_image_surface_get_height (self->preview_surface));
  cairo_set_source_surface (cr, self->preview_surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
show_error (TlMapExportDialog *self,
            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* callbacks */

static void
job_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TlMapExportDialog *self = g_task_get_source_object (task);
  GError *error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", TRUE);
  if (tl_snapshot_job_write_file_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TlMapExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_task_get_task_data (G_TASK (result));

  if (!tl_map_export_dialog_save_to_file_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     TlMapExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        tl_map_export_dialog_save_to_file_async (self, path, self->cancellable, saved_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TlMapExportDialog *self = TL_MAP_EXPORT_DIALOG (widget);
  TlSnapshotFormat format = get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  /* Translators: the file name offered for a map, see strftime */
  g_autofree char *stem = tl_time_format (self->zone, self->filter->from, _("map-%Y-%m-%d"));
  g_autofree char *name = g_strdup_printf ("%s.%s", stem, format_extension (format));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_add_suffix (filter, format_extension (format));
  gtk_file_filter_set_name (filter, format == TL_SNAPSHOT_FORMAT_PDF ? _("PDF documents")
                                    : format == TL_SNAPSHOT_FORMAT_SVG ? _("SVG drawings") : _("PNG images"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              TlSnapshotJob     *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(GError) error = NULL;

  /* Laid out as paper, whatever size was chosen for the file. */
  job->options.paper = TL_SNAPSHOT_PAPER_A4;
  job->options.landscape = width > height;
  if (!tl_snapshot_render (gtk_print_context_get_cairo_context (context), width, height,
                           &job->options, job->events, &error))
    g_warning ("Cannot print the map: %s", error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TlMapExportDialog *self = TL_MAP_EXPORT_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  TlSnapshotJob *job;
  guint size = adw_combo_row_get_selected (self->size_row);

  if (!(job = tl_map_export_dialog_build_job (self, &error)))
    {
      show_error (self, error->message);
      return;
    }
  gtk_page_setup_set_orientation (setup, size == TL_MAP_EXPORT_SIZE_A4_PORTRAIT || size == TL_MAP_EXPORT_SIZE_A3_PORTRAIT
                                         ? GTK_PAGE_ORIENTATION_PORTRAIT : GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Tideline map"));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) tl_snapshot_job_free, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TlMapExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface = tl_snapshot_job_render_image_finish (result, &error);
  int width, height, stride;

  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* cairo's ARGB32 is GDK's default memory format: premultiplied, native order. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Map copied")));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TlMapExportDialog *self = TL_MAP_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  TlSnapshotJob *job;

  if (!(job = tl_map_export_dialog_build_job (self, &error)))
    {
      show_error (self, error->message);
      return;
    }
  tl_snapshot_job_render_image_async (job, COPY_MAX_SIDE_PX, COPY_MAX_SIDE_PX, self->cancellable,
                                      copied_cb, g_object_ref (self));
}

/* GObject overrides */

static void
tl_map_export_dialog_dispose (GObject *object)
{
  TlMapExportDialog *self = TL_MAP_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->preview_id, g_source_remove);

  tl_map_export_settings_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_MAP_EXPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  g_clear_pointer (&self->preview_error, g_free);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->filter, tl_filter_free);

  G_OBJECT_CLASS (tl_map_export_dialog_parent_class)->dispose (object);
}

static void
tl_map_export_dialog_class_init (TlMapExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_map_export_dialog_dispose;

  /**
   * TlMapExportDialog::saved:
   * @path: the file written
   *
   * The map was written; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/export/tl-map-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, custom_size_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, marking_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, coastline_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, borders_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, scale_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, north_arrow_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, credits_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, dark_switch);
  gtk_widget_class_bind_template_child (widget_class, TlMapExportDialog, kinds_row);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
}

static void
tl_map_export_dialog_init (TlMapExportDialog *self)
{
  GObject *choices[3];
  GObject *switches[7];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->screen_width = 1920;
  self->screen_height = 1080;
  /* The form opens as it was last left: see tl-map-export-settings.c. */
  tl_map_export_settings_bind (self);

  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tl_event_kind_get_label (k));
      adw_action_row_add_suffix (row, toggle);
      adw_action_row_set_activatable_widget (row, toggle);
      adw_expander_row_add_row (self->kinds_row, GTK_WIDGET (row));
      self->kind_switches[k] = GTK_SWITCH (toggle);
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (schedule_preview), self);
    }

  /* The widgets are the form's state: any change redraws the preview. */
  choices[0] = G_OBJECT (self->format_row);
  choices[1] = G_OBJECT (self->size_row);
  choices[2] = G_OBJECT (self->dpi_row);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    g_signal_connect_swapped (choices[i], "notify::selected", G_CALLBACK (schedule_preview), self);
  switches[0] = G_OBJECT (self->coastline_switch);
  switches[1] = G_OBJECT (self->borders_switch);
  switches[2] = G_OBJECT (self->legend_switch);
  switches[3] = G_OBJECT (self->scale_switch);
  switches[4] = G_OBJECT (self->north_arrow_switch);
  switches[5] = G_OBJECT (self->credits_switch);
  switches[6] = G_OBJECT (self->dark_switch);
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_signal_connect_swapped (switches[i], "notify::active", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->custom_size_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->subtitle_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->marking_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->operator_row, "changed", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->preview, "resize", G_CALLBACK (schedule_preview), self);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}

/* public API */

/**
 * tl_map_export_dialog_new:
 * @parent: the main window
 * @events: the reports the map shows: the review's, window and filter applied
 * @filter: the filter they were chosen by, for the subtitle and the kinds
 * @zone: the zone of the times printed
 * @bbox: (nullable): the area to show, usually the map's visible area
 * @operator_name: (nullable): who is making the map
 *
 * Returns: (transfer full): a new dialog, transient for @parent
 */
TlMapExportDialog *
tl_map_export_dialog_new (GtkWindow      *parent,
                          GListModel     *events,
                          const TlFilter *filter,
                          GTimeZone      *zone,
                          const TlGeoBox *bbox,
                          const char     *operator_name)
{
  TlMapExportDialog *self;
  TlSnapshotOptions defaults;
  GdkSurface *surface;

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);
  g_return_val_if_fail (filter != NULL && zone != NULL, NULL);

  self = g_object_new (TL_TYPE_MAP_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->events = tl_snapshot_job_copy_events (events);
  self->filter = tl_filter_copy (filter);
  self->zone = g_time_zone_ref (zone);
  tl_snapshot_options_init (&defaults);
  self->bbox = bbox != NULL ? *bbox : defaults.bbox;

  /* "Screen size" is the size of the monitor the window is on. */
  if (parent != NULL && (surface = gtk_native_get_surface (GTK_NATIVE (parent))) != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
      GdkRectangle geometry;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &geometry);
          self->screen_width = geometry.width * gdk_monitor_get_scale_factor (monitor);
          self->screen_height = geometry.height * gdk_monitor_get_scale_factor (monitor);
        }
    }

  if (operator_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->operator_row), operator_name);
  if (tl_filter_has_criteria (filter))
    {
      g_autofree char *subtitle = tl_snapshot_job_describe_filter (filter, zone);

      gtk_editable_set_text (GTK_EDITABLE (self->subtitle_row), subtitle);
    }
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    gtk_switch_set_active (self->kind_switches[k], filter->kinds == 0 || (filter->kinds & (1u << k)));

  schedule_preview (self);
  return self;
}

void
tl_map_export_dialog_set_format (TlMapExportDialog *self,
                                 TlSnapshotFormat   format)
{
  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));
  g_return_if_fail (format >= TL_SNAPSHOT_FORMAT_PNG && format <= TL_SNAPSHOT_FORMAT_SVG);

  adw_combo_row_set_selected (self->format_row, format - TL_SNAPSHOT_FORMAT_PNG);
}

void
tl_map_export_dialog_set_size (TlMapExportDialog *self,
                               TlMapExportSize    size)
{
  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->size_row, size);
}

void
tl_map_export_dialog_set_marking (TlMapExportDialog *self,
                                  const char        *marking)
{
  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->marking_row), marking ? marking : "");
}

void
tl_map_export_dialog_set_map_title (TlMapExportDialog *self,
                                    const char        *title)
{
  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title ? title : "");
}

void
tl_map_export_dialog_set_kind_shown (TlMapExportDialog *self,
                                     TlEventKind        kind,
                                     gboolean           shown)
{
  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));
  g_return_if_fail (kind < TL_EVENT_N_KINDS);

  gtk_switch_set_active (self->kind_switches[kind], shown);
}

/**
 * tl_map_export_dialog_build_job:
 * @error: return location for a %TL_SNAPSHOT_ERROR_INVALID error, in
 *   words for the person filling the form
 *
 * Returns: (transfer full) (nullable): the options as the form stands,
 *   with copies of the events, or %NULL if they cannot make a map
 */
TlSnapshotJob *
tl_map_export_dialog_build_job (TlMapExportDialog  *self,
                                GError            **error)
{
  TlSnapshotOptions options;
  guint size;

  g_return_val_if_fail (TL_IS_MAP_EXPORT_DIALOG (self), NULL);

  tl_snapshot_options_init (&options);
  options.bbox = self->bbox;
  options.from = self->filter->from;
  options.to = self->filter->to;
  options.time_zone = self->zone;
  options.title = text_or_null (self->title_row);
  options.subtitle = text_or_null (self->subtitle_row);
  options.marking = text_or_null (self->marking_row);
  options.operator_name = text_or_null (self->operator_row);
  options.show_coastline = gtk_switch_get_active (self->coastline_switch);
  options.show_borders = gtk_switch_get_active (self->borders_switch);
  options.show_legend = gtk_switch_get_active (self->legend_switch);
  options.show_scale = gtk_switch_get_active (self->scale_switch);
  options.show_north_arrow = gtk_switch_get_active (self->north_arrow_switch);
  options.show_credits = gtk_switch_get_active (self->credits_switch);
  options.theme = gtk_switch_get_active (self->dark_switch) ? TL_BASEMAP_THEME_DARK : TL_BASEMAP_THEME_LIGHT;
  options.dpi = adw_combo_row_get_selected (self->dpi_row) == 1 ? 300 : 150;
  options.event_kinds = 0;
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    if (gtk_switch_get_active (self->kind_switches[k]))
      options.event_kinds |= TL_SNAPSHOT_KIND (k);

  size = adw_combo_row_get_selected (self->size_row);
  switch (size)
    {
    case TL_MAP_EXPORT_SIZE_SCREEN:
      options.width_px = self->screen_width;
      options.height_px = self->screen_height;
      break;
    case TL_MAP_EXPORT_SIZE_A4_PORTRAIT:
    case TL_MAP_EXPORT_SIZE_A4_LANDSCAPE:
      options.paper = TL_SNAPSHOT_PAPER_A4;
      options.landscape = size == TL_MAP_EXPORT_SIZE_A4_LANDSCAPE;
      break;
    case TL_MAP_EXPORT_SIZE_A3_PORTRAIT:
    case TL_MAP_EXPORT_SIZE_A3_LANDSCAPE:
      options.paper = TL_SNAPSHOT_PAPER_A3;
      options.landscape = size == TL_MAP_EXPORT_SIZE_A3_LANDSCAPE;
      break;
    case TL_MAP_EXPORT_SIZE_CUSTOM:
      if (!tl_snapshot_job_parse_size (gtk_editable_get_text (GTK_EDITABLE (self->custom_size_row)),
                              &options.width_px, &options.height_px))
        {
          g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID,
                       _("Type the size as width × height in pixels, like 2400 × 1600, "
                         "each at most %d"), TL_SNAPSHOT_MAX_SIDE_PX);
          return NULL;
        }
      break;
    case TL_MAP_EXPORT_SIZE_HD:
    default:
      options.width_px = 1920;
      options.height_px = 1080;
      break;
    }

  if (!tl_snapshot_options_validate (&options, error))
    return NULL;
  return tl_snapshot_job_new (&options, self->events);
}

/**
 * tl_map_export_dialog_get_n_previews:
 *
 * Returns: how many previews have been drawn: tests wait on it
 */
guint
tl_map_export_dialog_get_n_previews (TlMapExportDialog *self)
{
  g_return_val_if_fail (TL_IS_MAP_EXPORT_DIALOG (self), 0);

  return self->n_previews;
}

/**
 * tl_map_export_dialog_save_to_file_async:
 * @path: the file to write, in the format the form chose
 *
 * Writes the map as the form stands in a worker thread. This is what the
 * Save button does once a file is chosen.
 */
void
tl_map_export_dialog_save_to_file_async (TlMapExportDialog   *self,
                                         const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  TlSnapshotJob *job;

  g_return_if_fail (TL_IS_MAP_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tl_map_export_dialog_save_to_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  if (!(job = tl_map_export_dialog_build_job (self, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", FALSE);
  tl_snapshot_job_write_file_async (job, path, get_format (self), cancellable,
                                    job_written_cb, g_steal_pointer (&task));
}

gboolean
tl_map_export_dialog_save_to_file_finish (TlMapExportDialog  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tl_map_export_dialog_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
