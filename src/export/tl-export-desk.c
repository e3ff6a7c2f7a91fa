/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "tl-accessible.h"
#include "tl-briefing.h"
#include "tl-export.h"
#include "tl-export-desk-private.h"
#include "tl-map-export-dialog.h"
#include "tl-handover.h"
#include "tl-sitrep-dialog.h"
#include "tl-snapshot-job.h"
#include "tl-time.h"

G_DEFINE_FINAL_TYPE (TlExportDesk, tl_export_desk, G_TYPE_OBJECT)

typedef struct {
  TlBriefingOptions  options;
  char              *title;
  char              *marking;
  char              *operator_name;
  GTimeZone         *zone;
  GPtrArray         *events;
  GPtrArray         *changes;       /* element-type TlAuditEntry, or NULL */
  char              *path;
} BriefingJob;

/* A briefing waiting for its hand-over note's changes. */
typedef struct {
  TlExportDesk      *desk;
  BriefingJob       *job;
} BriefingWait;

/* helpers */

static void
briefing_job_free (BriefingJob *job)
{
  g_free (job->title);
  g_free (job->marking);
  g_free (job->operator_name);
  g_clear_pointer (&job->zone, g_time_zone_unref);
  g_clear_pointer (&job->events, g_ptr_array_unref);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_free (job->path);
  g_free (job);
}

char *
tl_export_desk_get_operator_name (TlExportDesk *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "operator-name");

  return g_strdup (name[0] != '\0' ? name : g_get_real_name ());
}

/* The reports as the review shows them, copied for a worker thread. */
GPtrArray *
tl_export_desk_copy_shown_events (TlExportDesk *self)
{
  g_autoptr(GPtrArray) shown = tl_snapshot_job_copy_events (tl_review_get_model (self->review));
  GPtrArray *copies = g_ptr_array_new_full (shown->len, g_object_unref);

  for (guint i = 0; i < shown->len; i++)
    g_ptr_array_add (copies, tl_event_copy (g_ptr_array_index (shown, i)));
  return copies;
}

void
tl_export_desk_show_error (TlExportDesk *self,
            const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  /* A failed export must be seen: it stays until dismissed. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Cannot open the file: %s", error->message);
}

static void
open_file_cb (AdwToast   *toast,
              const char *uri)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkAppLaunchContext) context = display ? gdk_display_get_app_launch_context (display) : NULL;

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launched_cb, NULL);
}

/* "Saved brief.pdf", with a button to look at it. */
void
tl_export_desk_toast_saved (TlExportDesk *self,
             const char   *path,
             const char   *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb), g_file_get_uri (file),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
tl_export_desk_set_dialog (TlExportDesk *self,
            GtkWindow    *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

GtkFileChooserNative *
tl_export_desk_new_chooser (TlExportDesk         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window), action,
                                                               accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

char *
tl_export_desk_chooser_take_path (GtkNativeDialog *chooser,
                   int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  return file ? g_file_get_path (file) : NULL;
}

/* callbacks: map */

static void
map_saved_cb (TlExportDesk      *self,
              const char        *path,
              TlMapExportDialog *dialog)
{
  g_autofree char *base = g_filename_display_basename (path);
  /* Translators: a toast after saving a map; %s is the file's name */
  g_autofree char *message = g_strdup_printf (_("Saved %s"), base);

  tl_export_desk_toast_saved (self, path, message);
}

static TlMapExportDialog *
open_map_dialog (TlExportDesk *self)
{
  g_autofree char *operator_name = tl_export_desk_get_operator_name (self);
  TlMapExportDialog *dialog;
  TlGeoBox bbox;

  tl_export_desk_get_map_area (self, &bbox);
  dialog = tl_map_export_dialog_new (GTK_WINDOW (self->window), tl_review_get_model (self->review),
                                     tl_review_get_filter (self->review), tl_review_get_zone (self->review),
                                     &bbox, operator_name);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (map_saved_cb), self, G_CONNECT_SWAPPED);
  tl_export_desk_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
export_map_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  open_map_dialog (user_data);
}

static void
print_map_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  TlMapExportDialog *dialog = open_map_dialog (user_data);

  /* The page turns as the remembered size says (landscape unless an
   * upright paper size was chosen); choosing it here would change what
   * the next Export Map opens with. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.print", NULL);
}

/* This database's last hand-over, as the hand-over window keeps it;
 * without one, the start of the window shown. */
static gint64
default_since (TlExportDesk *self)
{
  g_autoptr(GVariant) marks = g_settings_get_value (self->settings, "handover-times");
  g_autofree char *key = tl_handover_database_key (self->store);
  gint64 at = 0;

  if (key != NULL && g_variant_lookup (marks, key, "x", &at) && at > 0)
    return at;
  return tl_review_get_filter (self->review)->from;
}

static gboolean
read_since (TlExportDesk  *self,
            gint64        *out_since,
            GError       **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->briefing_since_row));
  GTimeZone *zone = tl_review_get_zone (self->review);
  gint64 since;

  if (!tl_time_parse (zone, text, tl_review_get_filter (self->review)->from, &since, error))
    return FALSE;
  if (out_since != NULL)
    *out_since = since;
  return TRUE;
}

/* callbacks: briefing */

static void
briefing_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  BriefingJob *job = task_data;
  GError *error = NULL;

  if (tl_briefing_write_file (job->path, &job->options, job->events, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
briefing_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TlExportDesk *self = TL_EXPORT_DESK (source);
  BriefingJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tl_export_desk_show_error (self, error->message);
      return;
    }
  base = g_filename_display_basename (job->path);
  /* Translators: a toast after saving a briefing; %s is the file's name */
  message = g_strdup_printf (_("Saved %s"), base);
  tl_export_desk_toast_saved (self, job->path, message);
}

static void
start_briefing_thread (TlExportDesk *self,
                       BriefingJob  *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, briefing_written_cb, NULL);

  g_task_set_source_tag (task, start_briefing_thread);
  g_task_set_task_data (task, job, (GDestroyNotify) briefing_job_free);
  g_task_run_in_thread (task, briefing_thread);
}

/* The hand-over note's changes arrived from the store's worker: the
 * briefing is drawn with them. */
static void
briefing_changes_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree BriefingWait *wait = user_data;
  g_autoptr(TlExportDesk) self = wait->desk;
  BriefingJob *job = wait->job;
  g_autoptr(GError) error = NULL;

  job->changes = tl_store_list_changes_since_finish (TL_STORE (source), result, &error);
  if (job->changes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !g_cancellable_is_cancelled (self->cancellable))
        tl_export_desk_show_error (self, error->message);
      briefing_job_free (job);
      return;
    }
  job->options.changes = job->changes;
  start_briefing_thread (self, job);
}

static void
briefing_chooser_cb (GtkNativeDialog *chooser,
                     int              response,
                     TlExportDesk    *self)
{
  g_autofree char *path = tl_export_desk_chooser_take_path (chooser, response);
  const TlFilter *filter = tl_review_get_filter (self->review);
  gint64 *since = g_object_get_data (G_OBJECT (chooser), "handover-since");
  BriefingWait *wait;
  BriefingJob *job;
  TlGeoBox bbox;

  if (path == NULL)
    return;

  job = g_new0 (BriefingJob, 1);
  tl_briefing_options_init (&job->options);
  tl_export_desk_get_map_area (self, &bbox);
  job->title = g_strdup (g_object_get_data (G_OBJECT (chooser), "title"));
  job->marking = g_strdup (g_object_get_data (G_OBJECT (chooser), "marking"));
  job->operator_name = tl_export_desk_get_operator_name (self);
  job->zone = g_time_zone_ref (tl_review_get_zone (self->review));
  job->events = tl_export_desk_copy_shown_events (self);
  job->path = g_steal_pointer (&path);
  job->options.title = job->title && job->title[0] ? job->title : NULL;
  job->options.marking = job->marking && job->marking[0] ? job->marking : NULL;
  job->options.operator_name = job->operator_name;
  job->options.time_zone = job->zone;
  job->options.from = filter->from;
  job->options.to = filter->to;
  job->options.bbox = bbox;
  if (filter->kinds != 0)
    job->options.event_kinds = filter->kinds;
  job->options.position_format = g_settings_get_enum (self->settings, "coordinate-format");
  if (since == NULL)
    {
      start_briefing_thread (self, job);
      return;
    }
  /* On a server the audit is read off the main thread first. */
  job->options.handover_since = *since;
  wait = g_new0 (BriefingWait, 1);
  wait->desk = g_object_ref (self);
  wait->job = job;
  tl_store_list_changes_since_async (self->store, *since, self->cancellable, briefing_changes_cb, wait);
}

static void
briefing_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      TlExportDesk     *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  /* Translators: the file name offered for a briefing, see strftime */
  g_autofree char *name = tl_time_format (tl_review_get_zone (self->review),
                                          tl_review_get_filter (self->review)->from, _("briefing-%Y-%m-%d.pdf"));

  gint64 since;

  if (!g_str_equal (response, "save"))
    return;
  /* Save is enabled only while the time reads. */
  if (gtk_switch_get_active (self->briefing_handover_switch) && !read_since (self, &since, NULL))
    return;

  chooser = tl_export_desk_new_chooser (self, _("Save Briefing"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  g_object_set_data_full (G_OBJECT (chooser), "title",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->briefing_title_row))), g_free);
  g_object_set_data_full (G_OBJECT (chooser), "marking",
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->briefing_marking_row))), g_free);
  if (gtk_switch_get_active (self->briefing_handover_switch))
    g_object_set_data_full (G_OBJECT (chooser), "handover-since", g_memdup2 (&since, sizeof since), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (briefing_chooser_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Says next to the hand-over's time what is wrong with it, and keeps
 * Save disabled until it reads. */
static void
check_since (TlExportDesk *self)
{
  g_autoptr(GError) error = NULL;
  gboolean wanted = gtk_switch_get_active (self->briefing_handover_switch);
  gboolean valid = !wanted || read_since (self, NULL, &error);
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->briefing_since_row), ADW_TYPE_PREFERENCES_GROUP);
  g_autofree char *why = NULL;

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->briefing_since_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->briefing_since_row), "error");
  if (!valid)
    /* Translators: under the briefing's hand-over time when it cannot be read */
    why = g_strdup_printf (_("Hand-over note: %s"), error->message);
  if (group != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), why);
  if (self->dialog != NULL && ADW_IS_MESSAGE_DIALOG (self->dialog))
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self->dialog), "save", valid);
}

static void
export_briefing_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  TlExportDesk *self = user_data;
  GtkWidget *dialog, *group, *handover_row;
  g_autofree char *since = NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Export Briefing"),
                                   _("A PDF of the reports shown: the map and the figures, "
                                     "the table of reports and the trend."));
  group = adw_preferences_group_new ();
  self->briefing_title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->briefing_title_row), _("Title"));
  self->briefing_marking_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->briefing_marking_row),
                                 _("Protective marking, like OFFICIAL-SENSITIVE"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->briefing_title_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->briefing_marking_row));

  /* As `export-briefing --handover-since T`: what changed since a time,
   * by default this database's last hand-over. */
  handover_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (handover_row), _("_Hand-over Note"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (handover_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (handover_row),
                               _("What changed in the records since a time, before the map"));
  self->briefing_handover_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->briefing_handover_switch), GTK_ALIGN_CENTER);
  tl_accessible_set_label (GTK_WIDGET (self->briefing_handover_switch), _("Hand-over Note"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (handover_row), GTK_WIDGET (self->briefing_handover_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (handover_row), GTK_WIDGET (self->briefing_handover_switch));
  self->briefing_since_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the time a briefing's hand-over note starts from */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->briefing_since_row),
                                 _("Changes since, like 2026-11-26 19:00"));
  since = tl_time_format (tl_review_get_zone (self->review), default_since (self), "%Y-%m-%d %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->briefing_since_row), since);
  g_object_bind_property (self->briefing_handover_switch, "active", self->briefing_since_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), handover_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->briefing_since_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (briefing_response_cb), self, 0);
  tl_export_desk_set_dialog (self, GTK_WINDOW (dialog));
  g_signal_connect_object (self->briefing_handover_switch, "notify::active", G_CALLBACK (check_since), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->briefing_since_row, "changed", G_CALLBACK (check_since), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* callbacks: SITREP */

/* What a SITREP needs, read on the store's worker one step after
 * another; the dialog opens when all of it has arrived. */
typedef struct {
  TlExportDesk *desk;
  TlEvent      *event;
  TlCase       *found;
} SitrepLoad;

static void
sitrep_load_free (SitrepLoad *load)
{
  g_object_unref (load->desk);
  g_clear_object (&load->event);
  g_clear_pointer (&load->found, tl_case_free);
  g_free (load);
}

/* Tells why a step failed, unless the window closed meanwhile, and
 * drops the load. */
static void
sitrep_load_fail (SitrepLoad *load,
                  GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (load->desk->cancellable))
    tl_export_desk_show_error (load->desk, error->message);
  sitrep_load_free (load);
}

static void
sitrep_present (SitrepLoad *load,
                GPtrArray  *events)
{
  TlExportDesk *self = load->desk;
  TlCase *found = load->found;
  TlSitrepDialog *dialog;

  dialog = tl_sitrep_dialog_new (GTK_WINDOW (self->window), events,
                                 found ? found->id : 0, found ? found->title : NULL);
  if (found != NULL)
    tl_sitrep_dialog_set_case_status (dialog, found->status);
  tl_export_desk_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  sitrep_load_free (load);
}

static void
sitrep_case_events_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SitrepLoad *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = tl_store_list_case_events_finish (TL_STORE (source), result, &error);

  if (events == NULL)
    sitrep_load_fail (load, error);
  else
    sitrep_present (load, events);
}

static void
sitrep_case_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SitrepLoad *load = user_data;
  g_autoptr(GError) error = NULL;

  load->found = tl_store_get_case_finish (TL_STORE (source), result, &error);
  if (load->found == NULL)
    {
      sitrep_load_fail (load, error);
      return;
    }
  tl_store_list_case_events_async (TL_STORE (source), load->found->id, load->desk->cancellable,
                                   sitrep_case_events_cb, load);
}

static void
sitrep_event_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SitrepLoad *load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  load->event = tl_store_get_event_finish (TL_STORE (source), result, &error);
  if (load->event == NULL)
    {
      sitrep_load_fail (load, error);
      return;
    }
  /* A report that belongs to a case speaks for the whole case. */
  if (tl_event_get_case_id (load->event) > 0)
    {
      tl_store_get_case_async (TL_STORE (source), tl_event_get_case_id (load->event), load->desk->cancellable,
                               sitrep_case_cb, load);
      return;
    }
  events = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (events, g_object_ref (load->event));
  sitrep_present (load, events);
}

/* On a server the reads run off the main thread; the desk's
 * cancellable drops them when the window closes. */
static void
open_sitrep (TlExportDesk *self,
             gint64        event_id)
{
  SitrepLoad *load = g_new0 (SitrepLoad, 1);

  load->desk = g_object_ref (self);
  tl_store_get_event_async (self->store, event_id, self->cancellable, sitrep_event_cb, load);
}

static void
sitrep_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  open_sitrep (user_data, g_variant_get_int64 (param));
}

static void
sitrep_selected_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  TlExportDesk *self = user_data;
  TlEvent *selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL)
    open_sitrep (self, tl_event_get_id (selected));
}

static void
selection_changed_cb (TlExportDesk *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->window), "sitrep-selected");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static const GActionEntry actions[] = {
  { .name = "export-map", .activate = export_map_action },
  { .name = "print-map", .activate = print_map_action },
  { .name = "export-briefing", .activate = export_briefing_action },
  { .name = "export-data", .activate = tl_export_desk_export_data_action },
  { .name = "import-data", .activate = tl_export_desk_import_data_action },
  { .name = "sitrep", .activate = sitrep_action, .parameter_type = "x" },
  { .name = "sitrep-selected", .activate = sitrep_selected_action },
};

/* GObject overrides */

static void
tl_export_desk_dispose (GObject *object)
{
  TlExportDesk *self = TL_EXPORT_DESK (object);

  g_cancellable_cancel (self->cancellable);
  if (self->window != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      g_action_map_remove_action (G_ACTION_MAP (self->window), actions[i].name);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  tl_export_desk_set_dialog (self, NULL);
  self->window = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->review);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tl_export_desk_parent_class)->dispose (object);
}

static void
tl_export_desk_class_init (TlExportDeskClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tl_export_desk_dispose;
}

static void
tl_export_desk_init (TlExportDesk *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
}

/* public API */

/**
 * tl_export_desk_new:
 * @window: the main window; its action map gets the desk's win.* actions
 * @toasts: where results and failures are told
 * @store: the database
 * @review: what the window shows: its filter is what is exported
 * @map_view: the map, whose visible area a map snapshot shows
 * @selection: the list's selection, for the SITREP of the selected report
 *
 * Returns: (transfer full): the desk, for @window to own
 */
TlExportDesk *
tl_export_desk_new (GtkApplicationWindow *window,
                    AdwToastOverlay      *toasts,
                    TlStore              *store,
                    TlReview             *review,
                    TlMapView            *map_view,
                    GtkSingleSelection   *selection)
{
  TlExportDesk *self = g_object_new (TL_TYPE_EXPORT_DESK, NULL);
  GtkEventController *shortcuts;

  self->window = window;
  self->toasts = toasts;
  self->map_view = map_view;
  self->store = g_object_ref (store);
  self->review = g_object_ref (review);
  self->selection = g_object_ref (selection);

  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.export-map")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.print-map")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  return self;
}

/**
 * tl_export_desk_get_map_area:
 * @out_bbox: (out): the area the map shows now
 *
 * The map's visible area, read from its viewport; the Strait of Dover
 * before the map has a size.
 */
void
tl_export_desk_get_map_area (TlExportDesk *self,
                             TlGeoBox     *out_bbox)
{
  GtkWidget *map = tl_map_view_get_map (self->map_view);
  TlSnapshotOptions defaults;
  int width = map ? gtk_widget_get_width (map) : 0;
  int height = map ? gtk_widget_get_height (map) : 0;

  tl_snapshot_options_init (&defaults);
  *out_bbox = defaults.bbox;
  if (SHUMATE_IS_MAP (map) && width > 0 && height > 0)
    {
      ShumateViewport *viewport = shumate_map_get_viewport (SHUMATE_MAP (map));
      double north, west, south, east;

      shumate_viewport_widget_coords_to_location (viewport, map, 0, 0, &north, &west);
      shumate_viewport_widget_coords_to_location (viewport, map, width, height, &south, &east);
      /* The renderer refuses boxes across the antimeridian; the Channel
       * never needs one. */
      if (west < east && south < north)
        *out_bbox = (TlGeoBox) { west, MAX (south, -80), east, MIN (north, 80) };
    }
}

/**
 * tl_export_desk_get_dialog:
 *
 * Returns: (transfer none) (nullable): the export, import or SITREP
 *   dialog last opened, while it is open
 */
GtkWindow *
tl_export_desk_get_dialog (TlExportDesk *self)
{
  g_return_val_if_fail (TL_IS_EXPORT_DESK (self), NULL);

  return self->dialog;
}
