/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-statistics-dialog.h"

struct _TlStatisticsDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  GtkWidget          *import_button;
  AdwPreferencesGroup *columns_group;
  AdwComboRow        *date_row;
  AdwComboRow        *people_row;
  AdwComboRow        *boats_row;
  GtkStringList      *date_columns;
  GtkStringList      *people_columns;
  GtkStringList      *boats_columns;
  GtkLabel           *message_label;
  AdwPreferencesGroup *problems_group;
  GtkSwitch          *good_only_switch;
  GtkWidget          *preview_group;
  GtkGrid            *preview_grid;

  /* owned */
  TlStore            *store;
  AdwToastOverlay    *toasts;
  GBytes             *contents;
  char               *source;
  TlStatisticsFile   *file;       /* NULL while the mapping cannot be read */
  GPtrArray          *problem_rows;

  gboolean            updating;   /* filling the column choosers */
  int                 week_column; /* a weekly series' weeks and years, as */
  int                 year_column; /* recognised by name; -1: none */
  gboolean            importing;  /* the figures are being written */
};

G_DEFINE_FINAL_TYPE (TlStatisticsDialog, tl_statistics_dialog, ADW_TYPE_WINDOW)

/* helpers */

static void
show_message (TlStatisticsDialog *self,
              const char         *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_actions (TlStatisticsDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.import",
                                 tl_statistics_dialog_can_import (self));
}

static void
fill_preview (TlStatisticsDialog *self)
{
  const TlStatisticsMapping *m = &self->file->mapping;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (int c = 0; self->file->header[c] != NULL; c++)
    {
      GtkWidget *label = gtk_label_new (self->file->header[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      /* The columns read stand out; the others are only context. */
      if (c != m->date && c != m->people && c != m->boats && c != m->year && c != m->week)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->preview_grid, label, c, 0, 1, 1);

      for (guint r = 0; r < self->file->rows->len; r++)
        {
          GStrv row = g_ptr_array_index (self->file->rows, r);
          GtkWidget *cell = gtk_label_new ((guint) c < g_strv_length (row) ? row[c] : "");

          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          if (c != m->date && c != m->people && c != m->boats && c != m->year && c != m->week)
            gtk_widget_add_css_class (cell, "dim-label");
          gtk_grid_attach (self->preview_grid, cell, c, r + 1, 1, 1);
        }
    }
}

static void
fill_problems (TlStatisticsDialog *self)
{
  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  for (guint i = 0; self->file != NULL && i < self->file->problems->len; i++)
    {
      const TlStatisticsProblem *problem = &g_array_index (self->file->problems, TlStatisticsProblem, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a row of the file that cannot be read, by its line number */
      g_autofree char *title = g_strdup_printf (_("Line %u"), problem->line);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), self->problem_rows->len > 0);
}

/* Reads the file again with the columns chosen. */
static void
parse (TlStatisticsDialog *self)
{
  g_autoptr(GError) error = NULL;
  TlStatisticsMapping mapping = TL_STATISTICS_MAPPING_INIT;
  gsize length;
  const char *data = g_bytes_get_data (self->contents, &length);

  mapping.date = adw_combo_row_get_selected (self->date_row);
  /* The weeks recognised, chosen as the dates: a weekly series. */
  if (self->week_column >= 0 && mapping.date == self->week_column)
    {
      mapping.date = -1;
      mapping.week = self->week_column;
      mapping.year = self->year_column;
    }
  /* Position 0 of the people and boats choosers is "None". */
  mapping.people = (int) adw_combo_row_get_selected (self->people_row) - 1;
  mapping.boats = (int) adw_combo_row_get_selected (self->boats_row) - 1;

  g_clear_pointer (&self->file, tl_statistics_file_free);
  self->file = tl_statistics_parse (data, length, &mapping, &error);
  show_message (self, error != NULL ? error->message : NULL);

  gtk_widget_set_visible (self->preview_group, self->file != NULL);
  if (self->file != NULL && tl_statistics_file_is_weekly (self->file))
    {
      g_autofree char *subtitle = NULL;

      if (self->file->mapping.year >= 0)
        /* Translators: under the Dates chooser, for a file of weekly figures; %s is a column name */
        subtitle = g_strdup_printf (_("A weekly series: week numbers, their years in “%s”"),
                                    self->file->header[self->file->mapping.year]);
      else if (self->file->week_dates == TL_STATISTICS_WEEKS_ENDING)
        /* Translators: under the Dates chooser, for a file of weekly figures */
        subtitle = g_strdup (_("A weekly series: each date is the Sunday ending its week"));
      else if (self->file->week_dates == TL_STATISTICS_WEEKS_COMMENCING)
        /* Translators: under the Dates chooser, for a file of weekly figures */
        subtitle = g_strdup (_("A weekly series: each date is the Monday starting its week"));
      else
        /* Translators: under the Dates chooser, for a file of weekly figures */
        subtitle = g_strdup (_("A weekly series: ISO weeks such as 2026-W49"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), subtitle);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->people_row),
                                   _("People detected or arrived that week"));
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->people_row),
                                   _("People detected or arrived that day"));
    }
  if (self->file != NULL)
    fill_preview (self);
  fill_problems (self);
  update_actions (self);
}

static void
fill_choosers (TlStatisticsDialog *self)
{
  gsize length;
  const char *data = g_bytes_get_data (self->contents, &length);
  g_auto(GStrv) header = tl_statistics_read_header (data, length);
  TlStatisticsMapping mapping;

  if (header == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->people_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->boats_row), FALSE);
      gtk_widget_set_visible (self->preview_group, FALSE);
      show_message (self, _("The file is empty, or is not UTF-8 text. Save it from the "
                            "spreadsheet as “CSV UTF-8”."));
      update_actions (self);
      return;
    }

  self->updating = TRUE;
  /* Translators: a column chooser's choice when the file has no such column */
  gtk_string_list_append (self->people_columns, C_("column", "None"));
  gtk_string_list_append (self->boats_columns, C_("column", "None"));
  for (guint i = 0; header[i] != NULL; i++)
    {
      gtk_string_list_append (self->date_columns, header[i]);
      gtk_string_list_append (self->people_columns, header[i]);
      gtk_string_list_append (self->boats_columns, header[i]);
    }

  tl_statistics_detect_mapping ((const char * const *) header, &mapping);
  self->week_column = mapping.week;
  self->year_column = mapping.year;
  adw_combo_row_set_selected (self->date_row, MAX (mapping.week >= 0 ? mapping.week : mapping.date, 0));
  adw_combo_row_set_selected (self->people_row, mapping.people + 1);
  adw_combo_row_set_selected (self->boats_row, mapping.boats + 1);
  self->updating = FALSE;

  parse (self);
}

/* callbacks */

static void
column_chosen_cb (TlStatisticsDialog *self)
{
  if (!self->updating)
    parse (self);
}

/* Import is busy while the figures are written, and the dialog stays
 * open until they are: closing it half-way would hide the outcome. */
static void
set_importing (TlStatisticsDialog *self,
               gboolean            importing)
{
  self->importing = importing;
  /* Translators: the Import button while official figures are written */
  gtk_button_set_label (GTK_BUTTON (self->import_button), importing ? _("Importing…") : _("_Import"));
  gtk_window_set_deletable (GTK_WINDOW (self), !importing);
  /* The file read now is the one being written. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), !importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->good_only_switch), !importing);
  update_actions (self);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TlStatisticsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_days, n_skipped;
  gboolean weekly;

  if (!tl_store_import_statistics_finish (TL_STORE (source), result, &error))
    {
      /* Destroyed with its parent meanwhile: nobody is left to tell. */
      if (self->store == NULL)
        return;
      set_importing (self, FALSE);
      /* The dialog stays open with the file: nothing is lost. */
      show_message (self, error->message);
      return;
    }
  if (self->store == NULL)
    return;
  set_importing (self, FALSE);

  weekly = tl_statistics_file_is_weekly (self->file);
  n_days = tl_statistics_file_get_n_rows (self->file);
  n_skipped = self->file->problems->len;
  if (weekly && n_skipped > 0)
    /* Translators: a toast after importing official weekly figures; the
     * second number counts the rows left out */
    message = g_strdup_printf (ngettext ("Imported figures for %u week, %u rows left out",
                                         "Imported figures for %u weeks, %u rows left out", n_days),
                               n_days, n_skipped);
  else if (weekly)
    /* Translators: a toast after importing official weekly figures */
    message = g_strdup_printf (ngettext ("Imported figures for %u week",
                                         "Imported figures for %u weeks", n_days), n_days);
  else if (n_skipped > 0)
    /* Translators: a toast after importing official figures; the second
     * number counts the rows left out */
    message = g_strdup_printf (ngettext ("Imported figures for %u day, %u rows left out",
                                         "Imported figures for %u days, %u rows left out", n_days),
                               n_days, n_skipped);
  else
    message = g_strdup_printf (ngettext ("Imported figures for %u day",
                                         "Imported figures for %u days", n_days), n_days);
  if (self->toasts != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));

  gtk_window_destroy (GTK_WINDOW (self));
}

/* On a server the write runs on the store's worker. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TlStatisticsDialog *self = TL_STATISTICS_DIALOG (widget);
  gboolean weekly;

  if (!tl_statistics_dialog_can_import (self))
    return;

  weekly = tl_statistics_file_is_weekly (self->file);
  set_importing (self, TRUE);
  tl_store_import_statistics_async (self->store, weekly ? self->file->weeks : self->file->days, weekly,
                                    self->source, NULL, imported_cb, g_object_ref (self));
}

static gboolean
tl_statistics_dialog_close_request (GtkWindow *window)
{
  /* Not while the figures are being written. */
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (tl_statistics_dialog_parent_class);

  if (TL_STATISTICS_DIALOG (window)->importing)
    return TRUE;
  return parent_class->close_request != NULL && parent_class->close_request (window);
}

/* GObject overrides */

static void
tl_statistics_dialog_dispose (GObject *object)
{
  TlStatisticsDialog *self = TL_STATISTICS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_STATISTICS_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->toasts);

  G_OBJECT_CLASS (tl_statistics_dialog_parent_class)->dispose (object);
}

static void
tl_statistics_dialog_finalize (GObject *object)
{
  TlStatisticsDialog *self = TL_STATISTICS_DIALOG (object);

  g_clear_pointer (&self->file, tl_statistics_file_free);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_free (self->source);

  G_OBJECT_CLASS (tl_statistics_dialog_parent_class)->finalize (object);
}

static void
tl_statistics_dialog_class_init (TlStatisticsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_statistics_dialog_dispose;
  object_class->finalize = tl_statistics_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = tl_statistics_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/timeline/tl-statistics-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, people_row);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, boats_row);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, date_columns);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, people_columns);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, boats_columns);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, good_only_switch);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, TlStatisticsDialog, preview_grid);

  gtk_widget_class_install_action (widget_class, "statistics.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_statistics_dialog_init (TlStatisticsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->problem_rows = g_ptr_array_new ();
  self->week_column = self->year_column = -1;
  g_signal_connect_swapped (self->date_row, "notify::selected", G_CALLBACK (column_chosen_cb), self);
  g_signal_connect_swapped (self->people_row, "notify::selected", G_CALLBACK (column_chosen_cb), self);
  g_signal_connect_swapped (self->boats_row, "notify::selected", G_CALLBACK (column_chosen_cb), self);
  g_signal_connect_swapped (self->good_only_switch, "notify::active", G_CALLBACK (update_actions), self);
}

/* public API */

/**
 * tl_statistics_dialog_new:
 * @parent: the window the dialog is modal to
 * @store: where the figures go
 * @toasts: (nullable): where to say that they went
 * @contents: the CSV file
 * @source: (nullable): its name, kept with the figures
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
TlStatisticsDialog *
tl_statistics_dialog_new (GtkWindow       *parent,
                          TlStore         *store,
                          AdwToastOverlay *toasts,
                          GBytes          *contents,
                          const char      *source)
{
  TlStatisticsDialog *self;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  self = g_object_new (TL_TYPE_STATISTICS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  self->contents = g_bytes_ref (contents);
  self->source = g_strdup (source);
  if (source != NULL)
    {
      /* Translators: %s is the name of the file being imported */
      g_autofree char *from = g_strdup_printf (_("From “%s”"), source);

      adw_preferences_group_set_description (self->columns_group, from);
    }

  fill_choosers (self);

  return self;
}

/**
 * tl_statistics_dialog_can_import:
 *
 * Returns: whether Import would write: no import is under way, the file
 *   is read, and either every row is good or the user asked for the good
 *   rows only
 */
gboolean
tl_statistics_dialog_can_import (TlStatisticsDialog *self)
{
  g_return_val_if_fail (TL_IS_STATISTICS_DIALOG (self), FALSE);

  return !self->importing && self->file != NULL && tl_statistics_file_get_n_rows (self->file) > 0 &&
         (self->file->problems->len == 0 || gtk_switch_get_active (self->good_only_switch));
}
