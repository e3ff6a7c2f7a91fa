/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coordinates.h"
#include "tl-import-dialog.h"
#include "tl-time.h"
#include "tl-units.h"

/* The middle of an import: the file is read, the columns are mapped (a
 * CSV only: the other formats name their fields), every row is checked,
 * and nothing is written until the officer has seen what will be. */

#define PREVIEW_ROWS  8
#define MAX_PROBLEMS  200

struct _TlImportDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *status_label;
  GtkWidget       *good_rows_button;
  AdwPreferencesGroup *file_group;
  AdwComboRow     *encoding_row;
  AdwPreferencesGroup *mapping_group;
  GtkGrid         *preview_grid;
  AdwPreferencesGroup *problems_group;
  GtkListBox      *problems_list;

  /* owned */
  TlStore         *store;
  TlImportSource  *source;      /* NULL while the file cannot be read */
  char            *path;        /* nullable: the file, to read it again */
  char            *encoding;    /* nullable: as read, NULL for Unicode */
  char            *guessed_encoding;
  char            *read_error;  /* why the file cannot be read */
  TlImportResult  *result;      /* NULL while the mapping cannot be read */
  TlImportResult  *committing_result; /* being written, taken from result */
  GTimeZone       *zone;
  char            *operator_name;
  GCancellable    *cancellable;
  GPtrArray       *column_rows; /* element-type AdwComboRow, borrowed children */

  gboolean         committing;
};

G_DEFINE_FINAL_TYPE (TlImportDialog, tl_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The encodings offered: NULL is Unicode, told by the file itself. */
static const struct {
  const char *encoding;
  const char *label;
} encodings[] = {
  { NULL, N_("Unicode (UTF-8, UTF-16)") },
  /* Translators: encodings of text, by their names and a hint */
  { "windows-1252", N_("Windows-1252 (Western)") },
  { "ISO-8859-15", N_("ISO-8859-15 (Western, €)") },
  { "ISO-8859-1", N_("ISO-8859-1 (Latin-1)") },
};

/* helpers */

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static void
add_cell (TlImportDialog *self,
          const char     *text,
          int             column,
          int             row,
          gboolean        heading)
{
  GtkWidget *label = gtk_label_new (text ? text : "");

  /* Wrapped, never cut: a cut value could hide the very mistake the
   * preview is there to show. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->preview_grid, label, column, row, 1, 1);
}

/* The values as read, not as typed: a wrong column shows at once. */
static void
update_preview (TlImportDialog *self)
{
  const char *headings[] = {
    N_("Time"), N_("Kind"), N_("Position"), N_("Place"), N_("People"), N_("Unit"),
  };

  clear_children (GTK_WIDGET (self->preview_grid));
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    add_cell (self, _(headings[c]), c, 0, TRUE);
  if (self->result == NULL)
    return;

  for (guint i = 0; i < MIN (self->result->events->len, PREVIEW_ROWS); i++)
    {
      TlEvent *event = g_ptr_array_index (self->result->events, i);
      /* Translators: a time in the import preview, see strftime */
      g_autofree char *time = tl_time_format (self->zone, tl_event_get_time (event), _("%-d %b %Y %H:%M"));
      g_autofree char *position = tl_event_has_position (event)
        ? tl_coordinates_format (tl_event_get_latitude (event), tl_event_get_longitude (event),
                                 TL_COORDINATE_FORMAT_DDM)
        : NULL;
      g_autofree char *people = tl_event_get_people (event) >= 0
        ? g_strdup_printf ("%d", tl_event_get_people (event)) : NULL;
      /* a built-in unit as the list shows it */
      g_autofree char *unit = tl_units_describe (tl_event_get_unit (event));

      add_cell (self, time, 0, i + 1, FALSE);
      add_cell (self, tl_event_kind_get_label (tl_event_get_kind (event)), 1, i + 1, FALSE);
      add_cell (self, position, 2, i + 1, FALSE);
      add_cell (self, tl_event_get_place (event), 3, i + 1, FALSE);
      add_cell (self, people, 4, i + 1, FALSE);
      add_cell (self, unit, 5, i + 1, FALSE);
    }
}

static void
update_problems (TlImportDialog *self)
{
  guint n = self->result ? self->result->problems->len : 0;

  clear_children (GTK_WIDGET (self->problems_list));
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
  for (guint i = 0; i < MIN (n, MAX_PROBLEMS); i++)
    {
      TlImportProblem *problem = g_ptr_array_index (self->result->problems, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *where = self->result->by_feature
        /* Translators: where a bad row is in a GeoJSON file */
        ? g_strdup_printf (_("Feature %u"), problem->line)
        /* Translators: where a bad row is in a file */
        : g_strdup_printf (_("Line %u"), problem->line);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (row, problem->message);
      gtk_list_box_append (self->problems_list, GTK_WIDGET (row));
    }
  if (n > MAX_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more row", "And %u more rows", n - MAX_PROBLEMS),
                                               n - MAX_PROBLEMS);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->problems_list, GTK_WIDGET (row));
    }
}

static void
revalidate (TlImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  guint n_bad = 0, n_good = 0;

  g_clear_pointer (&self->result, tl_import_result_free);
  if (self->source == NULL)
    status = g_strdup (self->read_error);
  else
    self->result = tl_import_source_validate (self->source, self->zone, &error);
  if (self->result != NULL)
    {
      n_bad = self->result->problems->len;
      n_good = self->result->events->len;
      if (n_bad == 0)
        status = g_strdup_printf (ngettext ("%u report is ready to import.", "%u reports are ready to import.",
                                            n_good), n_good);
      else
        {
          g_autofree char *good = g_strdup_printf (ngettext ("%u report can be read", "%u reports can be read",
                                                             n_good), n_good);
          g_autofree char *bad = g_strdup_printf (ngettext ("%u row cannot", "%u rows cannot", n_bad), n_bad);

          /* Translators: "3 reports can be read" and "1 row cannot" */
          status = g_strdup_printf (_("%s; %s. Correct the file, or import the good rows only."), good, bad);
        }
    }
  gtk_label_set_text (self->status_label, status ? status : error->message);

  /* All or nothing by default: a file with bad rows needs a choice. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit",
                                 !self->committing && self->result != NULL && n_bad == 0 && n_good > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit-good",
                                 !self->committing && self->result != NULL && n_bad > 0 && n_good > 0);
  gtk_widget_set_visible (self->good_rows_button, self->result != NULL && n_bad > 0 && n_good > 0);
  update_preview (self);
  update_problems (self);
}

static void
column_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    TlImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  tl_import_source_set_column_field (self->source, column, adw_combo_row_get_selected (row));
  revalidate (self);
}

static void
build_mapping (TlImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  guint n_columns;

  for (guint c = 0; c < self->column_rows->len; c++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->column_rows, c));
  g_ptr_array_set_size (self->column_rows, 0);
  if (self->source == NULL)
    return;
  n_columns = tl_import_source_get_n_columns (self->source);

  for (guint f = 0; f < TL_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (fields, tl_import_field_get_label (f));

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group),
                          tl_import_source_get_format (self->source) == TL_EXCHANGE_FORMAT_CSV);
  for (guint c = 0; c < n_columns; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *sample = tl_import_source_get_n_rows (self->source) > 0
                           ? tl_import_source_get_cell (self->source, 0, c) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tl_import_source_get_column_name (self->source, c));
      if (sample != NULL && sample[0] != '\0')
        {
          /* Translators: the first value of a column, under its name */
          g_autofree char *subtitle = g_strdup_printf (_("First row: %s"), sample);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, tl_import_source_get_column_field (self->source, c));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self, 0);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

typedef struct {
  char *path;
  char *encoding;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_free (data->path);
  g_free (data->encoding);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  TlImportSource *source = tl_import_source_new_from_file_with_encoding (data->path, data->encoding, &error);

  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) tl_import_source_free);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TlImportDialog *self = TL_IMPORT_DIALOG (object);
  ReadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  TlImportSource *source = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GArray) mapping = g_array_new (FALSE, FALSE, sizeof (guint));

  if (source == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The columns as the officer mapped them, kept if the file still has
   * as many. */
  for (guint c = 0; self->source != NULL && c < tl_import_source_get_n_columns (self->source); c++)
    {
      guint field = tl_import_source_get_column_field (self->source, c);
      g_array_append_val (mapping, field);
    }

  g_clear_pointer (&self->source, tl_import_source_free);
  g_clear_pointer (&self->read_error, g_free);
  g_free (self->encoding);
  self->encoding = g_strdup (data->encoding);
  self->source = source;
  if (source == NULL)
    self->read_error = g_strdup (error->message);
  else if (tl_import_source_get_n_columns (source) == mapping->len)
    for (guint c = 0; c < mapping->len; c++)
      tl_import_source_set_column_field (source, c, g_array_index (mapping, guint, c));
  build_mapping (self);
  revalidate (self);
}

static void
encoding_selected_cb (TlImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  if (self->path == NULL || selected >= G_N_ELEMENTS (encodings) ||
      g_strcmp0 (encodings[selected].encoding, self->encoding) == 0)
    return;

  data = g_new0 (ReadData, 1);
  data->path = g_strdup (self->path);
  data->encoding = g_strdup (encodings[selected].encoding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit-good", FALSE);
  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, encoding_selected_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

static void
update_encoding_subtitle (TlImportDialog *self)
{
  if (self->guessed_encoding != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row),
                                 _("The file is not Unicode text: check its accents in the preview"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), NULL);
}

/* The store has shown the new reports already: it emitted
 * events-changed before this, on a server from its worker's commit
 * without another round trip. */
static void
committed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TlImportDialog) self = user_data;
  g_autoptr(TlImportResult) import = g_steal_pointer (&self->committing_result);
  g_autoptr(GError) error = NULL;

  self->committing = FALSE;
  if (!tl_import_result_commit_finish (TL_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwToast *toast = adw_toast_new (error->message);

          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
          revalidate (self);
        }
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, import->n_added, import->n_already);
  gtk_window_close (GTK_WINDOW (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TlImportDialog *self = TL_IMPORT_DIALOG (widget);

  if (self->result == NULL || self->committing)
    return;

  /* The window's own store writes, with its connection: on a server one
   * made with the password the officer typed, which a second store opened
   * by the address alone would not have. */
  self->committing = TRUE;
  self->committing_result = g_steal_pointer (&self->result);
  gtk_widget_action_set_enabled (widget, "import.commit", FALSE);
  gtk_widget_action_set_enabled (widget, "import.commit-good", FALSE);
  tl_import_result_commit_async (self->committing_result, self->store,
                                 g_str_equal (action_name, "import.commit-good"), self->operator_name,
                                 self->cancellable, committed_cb, g_object_ref (self));
}

/* GObject overrides */

static void
tl_import_dialog_dispose (GObject *object)
{
  TlImportDialog *self = TL_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->result, tl_import_result_free);
  g_clear_pointer (&self->source, tl_import_source_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->guessed_encoding, g_free);
  g_clear_pointer (&self->read_error, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tl_import_dialog_parent_class)->dispose (object);
}

static void
tl_import_dialog_class_init (TlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_import_dialog_dispose;

  /**
   * TlImportDialog::imported:
   * @n_added: reports written
   * @n_already: rows skipped because an earlier import wrote them
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/export/tl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, good_rows_button);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, TlImportDialog, problems_list);

  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.commit-good", NULL, commit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_import_dialog_init (TlImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->column_rows = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (labels, _(encodings[i].label));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (labels));
}

/* public API */

/**
 * tl_import_dialog_new:
 * @parent: the main window
 * @store: where the reports go
 * @source: (transfer full): the file, read
 * @zone: the zone of times the file gives without an offset
 * @operator_name: who imports, for the audit log
 *
 * Returns: (transfer full): a new dialog, transient for @parent
 */
TlImportDialog *
tl_import_dialog_new (GtkWindow      *parent,
                      TlStore        *store,
                      TlImportSource *source,
                      GTimeZone      *zone,
                      const char     *operator_name)
{
  TlImportDialog *self;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);
  g_return_val_if_fail (source != NULL && zone != NULL && operator_name != NULL, NULL);

  self = g_object_new (TL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->source = source;
  self->zone = g_time_zone_ref (zone);
  self->operator_name = g_strdup (operator_name);
  adw_window_title_set_subtitle (self->window_title, tl_import_source_get_display_name (source));
  build_mapping (self);
  revalidate (self);
  return self;
}

/**
 * tl_import_dialog_get_result:
 *
 * Returns: (transfer none) (nullable): the rows as the mapping reads them
 */
TlImportResult *
tl_import_dialog_get_result (TlImportDialog *self)
{
  g_return_val_if_fail (TL_IS_IMPORT_DIALOG (self), NULL);

  return self->result;
}

void
tl_import_dialog_set_column_field (TlImportDialog *self,
                                   guint           column,
                                   TlImportField   field)
{
  g_return_if_fail (TL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

/**
 * tl_import_dialog_set_file:
 * @path: (type filename): the file the source was read from
 * @encoding: (nullable): the encoding it was read as
 *   (tl_import_source_new_from_file_guessing()), %NULL for Unicode
 *
 * Offers the file's text encoding, as `tideline import --encoding` does:
 * the one it was read as is chosen, and choosing another reads the file
 * again and shows the rows as they then read.
 */
void
tl_import_dialog_set_file (TlImportDialog *self,
                           const char     *path,
                           const char     *encoding)
{
  guint selected = 0;

  g_return_if_fail (TL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  g_free (self->guessed_encoding);
  self->guessed_encoding = g_strdup (encoding);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_strcmp0 (encodings[i].encoding, encoding) == 0)
      selected = i;
  adw_combo_row_set_selected (self->encoding_row, selected);
  update_encoding_subtitle (self);
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), TRUE);
  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (encoding_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * tl_import_dialog_get_encoding:
 *
 * Returns: (nullable): the encoding the file is read as, %NULL for Unicode
 */
const char *
tl_import_dialog_get_encoding (TlImportDialog *self)
{
  g_return_val_if_fail (TL_IS_IMPORT_DIALOG (self), NULL);

  return self->encoding;
}
