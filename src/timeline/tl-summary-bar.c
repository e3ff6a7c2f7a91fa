/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "tl-summary-bar.h"

typedef struct {
  GtkLabel *value;
  GtkLabel *change;
} Cell;

struct _TlSummaryBar
{
  GtkWidget  parent_instance;

  /* owned */
  TlReview  *review;

  /* children, owned by the widget tree */
  Cell       cells[TL_SUMMARY_N_FIGURES];
};

G_DEFINE_FINAL_TYPE (TlSummaryBar, tl_summary_bar, GTK_TYPE_WIDGET)

/* callbacks */

static void
summary_changed_cb (TlSummaryBar *self,
                    TlReview     *review)
{
  TlSummary current, previous;

  tl_review_get_summary (review, &current, &previous);

  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, current.values[i]);
      g_autofree char *change = tl_summary_format_change (current.values[i], previous.values[i]);
      g_autofree char *tooltip = NULL;
      GtkWidget *change_label = GTK_WIDGET (self->cells[i].change);
      gboolean up = current.values[i] > previous.values[i];
      gboolean down = current.values[i] < previous.values[i];

      gtk_label_set_text (self->cells[i].value, value);
      gtk_label_set_text (self->cells[i].change, change);

      /* Only deaths and missing people rising are bad news; other
       * figures are not better or worse for rising. */
      gtk_widget_remove_css_class (change_label, "warning");
      gtk_widget_remove_css_class (change_label, "dim-label");
      if (up && tl_summary_figure_is_bad_up (i))
        gtk_widget_add_css_class (change_label, "warning");
      else if (!up && !down)
        gtk_widget_add_css_class (change_label, "dim-label");

      /* Translators: tooltip of a summary figure: its name, then the
       * same figure in the previous window of equal length, then what
       * the figure counts */
      tooltip = g_strdup_printf (_("%s: %s (previous window: %" PRId64 ")\n%s"),
                                 tl_summary_figure_get_label (i), value, previous.values[i],
                                 tl_summary_figure_get_definition (i));
      gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->cells[i].value)), tooltip);
    }
}

/* GObject overrides */

static void
tl_summary_bar_dispose (GObject *object)
{
  TlSummaryBar *self = TL_SUMMARY_BAR (object);

  tl_summary_bar_set_review (self, NULL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tl_summary_bar_parent_class)->dispose (object);
}

static void
tl_summary_bar_class_init (TlSummaryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_summary_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-summary-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_summary_bar_init (TlSummaryBar *self)
{
  /* Nine figures of the same shape: built in a loop rather than written
   * out nine times in a template. */
  for (guint i = 0; i < TL_SUMMARY_N_FIGURES; i++)
    {
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *caption = gtk_label_new (tl_summary_figure_get_label (i));

      self->cells[i].value = GTK_LABEL (gtk_label_new ("0"));
      self->cells[i].change = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->cells[i].value), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->cells[i].value), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->cells[i].change), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->cells[i].change), "numeric");
      gtk_widget_set_valign (GTK_WIDGET (self->cells[i].change), GTK_ALIGN_BASELINE);
      gtk_widget_set_valign (GTK_WIDGET (self->cells[i].value), GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      /* Two lines before anything is cut: "Débarqués au Royaume-Uni"
       * in a narrow window. */
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (caption), 2);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_set_valign (caption, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (caption, tl_summary_figure_get_label (i));

      gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->cells[i].value));
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->cells[i].change));
      gtk_box_append (GTK_BOX (cell), row);
      gtk_box_append (GTK_BOX (cell), caption);
      gtk_widget_set_hexpand (cell, TRUE);
      gtk_widget_add_css_class (cell, "tl-summary-cell");
      gtk_widget_set_parent (cell, GTK_WIDGET (self));
    }
}

/* public API */

TlSummaryBar *
tl_summary_bar_new (void)
{
  return g_object_new (TL_TYPE_SUMMARY_BAR, NULL);
}

/**
 * tl_summary_bar_set_review:
 * @review: (nullable): the review whose figures to show
 */
void
tl_summary_bar_set_review (TlSummaryBar *self,
                           TlReview     *review)
{
  g_return_if_fail (TL_IS_SUMMARY_BAR (self));

  if (self->review == review)
    return;

  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  g_set_object (&self->review, review);
  if (review == NULL)
    return;

  g_signal_connect_object (review, "summary-changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
  summary_changed_cb (self, review);
}

/**
 * tl_summary_bar_get_value_text:
 *
 * Returns: (transfer none): the figure as shown, for tests
 */
const char *
tl_summary_bar_get_value_text (TlSummaryBar    *self,
                               TlSummaryFigure  figure)
{
  g_return_val_if_fail (TL_IS_SUMMARY_BAR (self), NULL);
  g_return_val_if_fail (figure < TL_SUMMARY_N_FIGURES, NULL);

  return gtk_label_get_text (self->cells[figure].value);
}
