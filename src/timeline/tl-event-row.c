/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coordinates.h"
#include "tl-event-row.h"
#include "tl-review.h"
#include "tl-time.h"

struct _TlEventRow
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkImage  *kind_image;
  GtkLabel  *time_label;
  GtkLabel  *kind_label;
  GtkLabel  *status_label;
  GtkLabel  *place_label;
  GtkLabel  *detail_label;
  GtkLabel  *hour_label;
  GtkLabel  *new_label;

  /* owned */
  TlEvent   *event;
  TlCoordinateFormat format;    /* of the place, when it has no name */

  /* borrowed, while bound: the list item and the review it shows */
  GtkListItem *item;
  TlReview    *review;
  gulong       rows_changed_id;
};

G_DEFINE_FINAL_TYPE (TlEventRow, tl_event_row, GTK_TYPE_WIDGET)

/* helpers */

static void
append_count (GString    *str,
              const char *text)
{
  if (str->len > 0)
    /* Translators: separates facts in a report's summary line */
    g_string_append (str, _(" · "));
  g_string_append (str, text);
}

static char *
describe_counts (TlEvent *event)
{
  g_autoptr(GString) str = g_string_new (NULL);
  int people = tl_event_get_people (event);
  int rescued = tl_event_get_rescued (event);
  int deceased = tl_event_get_deceased (event);
  int missing = tl_event_get_missing (event);
  int boats = tl_event_get_boats (event);
  const char *unit = tl_event_get_unit (event);
  char buf[128];

  if (boats > 1)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d boat", "%d boats", boats), boats);
      append_count (str, buf);
    }
  if (people >= 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d person", "%d people", people), people);
      append_count (str, buf);
    }
  if (rescued > 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d rescued", "%d rescued", rescued), rescued);
      append_count (str, buf);
    }
  if (deceased > 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d deceased", "%d deceased", deceased), deceased);
      append_count (str, buf);
    }
  if (missing > 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d missing", "%d missing", missing), missing);
      append_count (str, buf);
    }
  if (unit != NULL && unit[0] != '\0')
    append_count (str, unit);

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
set_kind_class (TlEventRow *self,
                TlEvent    *event)
{
  GtkWidget *image = GTK_WIDGET (self->kind_image);

  for (guint i = 0; i < TL_EVENT_N_KINDS; i++)
    {
      g_autofree char *name = g_strconcat ("tl-kind-", tl_event_kind_to_string (i), NULL);

      if (event != NULL && tl_event_get_kind (event) == i)
        gtk_widget_add_css_class (image, name);
      else
        gtk_widget_remove_css_class (image, name);
    }
}

static char *
describe_place (TlEventRow *self,
                TlEvent    *event)
{
  if (tl_event_get_place (event) != NULL && tl_event_get_place (event)[0] != '\0')
    return g_strdup (tl_event_get_place (event));
  if (tl_event_has_position (event))
    return tl_coordinates_format (tl_event_get_latitude (event),
                                  tl_event_get_longitude (event),
                                  self->format);
  return g_strdup (_("No position"));
}

static gboolean
is_open (TlEvent *event)
{
  return tl_event_get_status (event) != TL_EVENT_STATUS_CLOSED &&
         tl_event_get_kind (event) != TL_EVENT_KIND_PATROL;
}

/* GTK 4.8 list views have no sections: the first row of each hour
 * carries the hour above itself. Looked at again whenever the rows
 * around may have changed, as a list item is not rebound then. */
static void
update_marks (TlEventRow *self)
{
  GListModel *model;
  GTimeZone *zone;
  guint position;
  gboolean first_of_hour = TRUE;
  g_autofree char *hour_key = NULL;

  if (self->item == NULL || self->review == NULL || self->event == NULL)
    return;

  model = tl_review_get_model (self->review);
  zone = tl_review_get_zone (self->review);
  position = gtk_list_item_get_position (self->item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  hour_key = tl_time_format (zone, tl_event_get_time (self->event), "%Y%m%d%H");
  if (position > 0)
    {
      g_autoptr(TlEvent) before = g_list_model_get_item (model, position - 1);
      g_autofree char *before_key = NULL;

      if (before != NULL)
        before_key = tl_time_format (zone, tl_event_get_time (before), "%Y%m%d%H");
      first_of_hour = g_strcmp0 (before_key, hour_key) != 0;
    }

  if (first_of_hour)
    {
      /* Translators: heading over the reports of one hour, see strftime */
      g_autofree char *text = tl_time_format (zone, tl_event_get_time (self->event), _("%H:00"));

      gtk_label_set_text (self->hour_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hour_label), first_of_hour);
  gtk_widget_set_visible (GTK_WIDGET (self->new_label),
                          tl_review_is_unseen (self->review, self->event));
}

/* GObject overrides */

static void
tl_event_row_dispose (GObject *object)
{
  TlEventRow *self = TL_EVENT_ROW (object);

  tl_event_row_bind (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_EVENT_ROW);
  /* Unbound template children (the layout box) are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (tl_event_row_parent_class)->dispose (object);
}

static void
tl_event_row_class_init (TlEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_event_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/timeline/tl-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, hour_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, new_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-event-row");
}

static void
tl_event_row_init (TlEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

TlEventRow *
tl_event_row_new (void)
{
  return g_object_new (TL_TYPE_EVENT_ROW, NULL);
}

/**
 * tl_event_row_set_event:
 * @event: (nullable): the event to show
 * @zone: (nullable): the display time zone; required with @event
 */
void
tl_event_row_set_event (TlEventRow *self,
                        TlEvent    *event,
                        GTimeZone  *zone)
{
  g_autofree char *time_text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *tooltip = NULL;
  TlEventKind kind;

  g_return_if_fail (TL_IS_EVENT_ROW (self));
  g_return_if_fail (event == NULL || zone != NULL);

  if (!g_set_object (&self->event, event))
    return;

  set_kind_class (self, event);
  if (event == NULL)
    return;

  kind = tl_event_get_kind (event);
  /* Translators: time of a report in the day's list, see strftime */
  time_text = tl_time_format (zone, tl_event_get_time (event), _("%H:%M"));
  place = describe_place (self, event);
  counts = describe_counts (event);

  gtk_image_set_from_icon_name (self->kind_image, tl_event_kind_get_icon_name (kind));
  gtk_label_set_text (self->time_label, time_text);
  gtk_label_set_text (self->kind_label, tl_event_kind_get_label (kind));
  gtk_label_set_text (self->status_label, tl_event_status_get_label (tl_event_get_status (event)));
  /* Open cases stand out from closed ones at a glance. */
  if (is_open (event))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "tl-status-open");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "tl-status-open");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  gtk_label_set_text (self->place_label, place);
  gtk_label_set_text (self->detail_label, counts);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), counts[0] != '\0');

  tooltip = g_strdup_printf ("%s %s\n%s", time_text, tl_event_kind_get_label (kind),
                             tl_event_get_notes (event) ? tl_event_get_notes (event) : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), g_strstrip (tooltip));
}

/**
 * tl_event_row_set_coordinate_format:
 * @format: how a position is written when the report names no place
 */
void
tl_event_row_set_coordinate_format (TlEventRow         *self,
                                    TlCoordinateFormat  format)
{
  g_autofree char *place = NULL;

  g_return_if_fail (TL_IS_EVENT_ROW (self));

  if (self->format == format)
    return;

  self->format = format;
  if (self->event != NULL)
    {
      place = describe_place (self, self->event);
      gtk_label_set_text (self->place_label, place);
    }
}

/**
 * tl_event_row_bind:
 * @item: (nullable): the list item this row is the child of
 * @review: (nullable): the review whose model @item belongs to
 *
 * Shows @item's event, marked with its hour when it is the first of an
 * hour and as new when the user has not seen it yet; both follow the
 * review. %NULL unbinds.
 */
void
tl_event_row_bind (TlEventRow  *self,
                   GtkListItem *item,
                   TlReview    *review)
{
  g_return_if_fail (TL_IS_EVENT_ROW (self));
  g_return_if_fail ((item == NULL) == (review == NULL));

  if (self->review != NULL)
    g_clear_signal_handler (&self->rows_changed_id, self->review);
  self->item = item;
  self->review = review;

  if (review == NULL)
    {
      tl_event_row_set_event (self, NULL, NULL);
      return;
    }

  tl_event_row_set_event (self, gtk_list_item_get_item (item), tl_review_get_zone (review));
  self->rows_changed_id = g_signal_connect_swapped (review, "rows-changed",
                                                    G_CALLBACK (update_marks), self);
  update_marks (self);
}
