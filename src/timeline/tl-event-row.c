/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coordinates.h"
#include "tl-event-row.h"
#include "tl-review.h"
#include "tl-sea.h"
#include "tl-time.h"
#include "tl-units.h"

/* A list row is rebound several times a frame while the list scrolls, so
 * binding only touches what changes: a label's text when it differs, a
 * style class when the kind or the state changes. The tooltip is written
 * when asked for (setting one on each bind makes GTK look for the pointer
 * on the display, a round trip to the X server per row). */

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
  GTimeZone *zone;
  TlCoordinateFormat format;    /* of the place, when it has no name */

  /* what the widgets show now, so that a bind changes only the rest */
  int        shown_kind;        /* -1: none */
  int        shown_open;        /* -1: not set yet */
  gint64     shown_revision;    /* of the event, when its text was written */
  gint64     shown_hour;        /* local hour of the heading; G_MININT64: none */
  char      *shown_sentence;    /* the accessible name */

  /* borrowed, while bound: the list item and the review it shows */
  GtkListItem *item;
  TlReview    *review;
  gulong       rows_changed_id;
};

G_DEFINE_FINAL_TYPE (TlEventRow, tl_event_row, GTK_TYPE_WIDGET)

/* helpers */

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  /* gtk_label_set_text() lays the label out again even for the same text. */
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
append_fact (GString    *str,
             const char *separator,
             const char *text)
{
  if (str->len > 0)
    g_string_append (str, separator);
  g_string_append (str, text);
}

/* The counts and the unit, each after @separator. */
static char *
describe_counts_with (TlEvent    *event,
                      const char *separator)
{
  g_autoptr(GString) str = g_string_new (NULL);
  int people = tl_event_get_people (event);
  int rescued = tl_event_get_rescued (event);
  int deceased = tl_event_get_deceased (event);
  int missing = tl_event_get_missing (event);
  int boats = tl_event_get_boats (event);
  g_autofree char *unit = tl_units_describe (tl_event_get_unit (event));
  char buf[128];

  if (boats > 1)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d boat", "%d boats", boats), boats);
      append_fact (str, separator, buf);
    }
  if (people >= 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d person", "%d people", people), people);
      append_fact (str, separator, buf);
    }
  if (rescued > 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d rescued", "%d rescued", rescued), rescued);
      append_fact (str, separator, buf);
    }
  if (deceased > 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d deceased", "%d deceased", deceased), deceased);
      append_fact (str, separator, buf);
    }
  if (missing > 0)
    {
      g_snprintf (buf, sizeof buf, ngettext ("%d missing", "%d missing", missing), missing);
      append_fact (str, separator, buf);
    }
  if (unit != NULL && unit[0] != '\0')
    append_fact (str, separator, unit);
  /* Which side of the Strait, whose waters, which lane. */
  if (tl_event_has_position (event))
    {
      TlSeaZone zone;

      tl_sea_classify (tl_sea_get_default (), tl_event_get_latitude (event),
                       tl_event_get_longitude (event), &zone);
      if (zone.side != TL_SEA_SIDE_UNKNOWN)
        {
          g_autofree char *where = tl_sea_zone_describe (&zone);

          append_fact (str, separator, where);
        }
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
describe_counts (TlEvent *event)
{
  /* Translators: separates facts in a report's summary line */
  return describe_counts_with (event, _(" · "));
}

static void
set_kind (TlEventRow *self,
          int         kind)
{
  GtkWidget *image = GTK_WIDGET (self->kind_image);
  char name[64];

  if (self->shown_kind == kind)
    return;

  if (self->shown_kind >= 0)
    {
      g_snprintf (name, sizeof name, "tl-kind-%s", tl_event_kind_to_string (self->shown_kind));
      gtk_widget_remove_css_class (image, name);
    }
  if (kind >= 0)
    {
      g_snprintf (name, sizeof name, "tl-kind-%s", tl_event_kind_to_string (kind));
      gtk_widget_add_css_class (image, name);
      gtk_image_set_from_icon_name (self->kind_image, tl_event_kind_get_icon_name (kind));
    }
  self->shown_kind = kind;
}

static gboolean
is_open (TlEvent *event)
{
  return tl_event_get_status (event) != TL_EVENT_STATUS_CLOSED &&
         tl_event_get_kind (event) != TL_EVENT_KIND_PATROL;
}

/* Open cases stand out from closed ones at a glance. */
static void
set_open (TlEventRow *self,
          gboolean    open)
{
  GtkWidget *status = GTK_WIDGET (self->status_label);

  if (self->shown_open == open)
    return;

  if (open)
    {
      gtk_widget_add_css_class (status, "tl-status-open");
      gtk_widget_remove_css_class (status, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (status, "tl-status-open");
      gtk_widget_add_css_class (status, "dim-label");
    }
  self->shown_open = open;
}

static char *
describe_place_in (TlEvent            *event,
                   TlCoordinateFormat  format)
{
  if (tl_event_get_place (event) != NULL && tl_event_get_place (event)[0] != '\0')
    return g_strdup (tl_event_get_place (event));
  if (tl_event_has_position (event))
    return tl_coordinates_format (tl_event_get_latitude (event),
                                  tl_event_get_longitude (event),
                                  format);
  return g_strdup (_("No position"));
}

static char *
describe_place (TlEventRow *self,
                TlEvent    *event)
{
  return describe_place_in (event, self->format);
}

/* The row read as one sentence by a screen reader: the list item holding
 * the row is what has the focus. */
static void
update_accessible_name (TlEventRow *self)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autofree char *sentence = NULL;

  if (self->event == NULL || self->zone == NULL)
    return;
  sentence = tl_event_row_describe (self->event, self->zone, self->format);
  if (gtk_widget_get_visible (GTK_WIDGET (self->new_label)))
    {
      char *marked = g_strdup_printf (_("New: %s"), sentence);

      g_free (sentence);
      sentence = marked;
    }
  if (g_strcmp0 (sentence, self->shown_sentence) == 0)
    return;
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
  g_free (self->shown_sentence);
  self->shown_sentence = g_steal_pointer (&sentence);
}

/* Writes the event's own facts; update_marks() writes what depends on
 * the rows around. */
static void
show_event (TlEventRow *self)
{
  TlEvent *event = self->event;
  TlEventKind kind = tl_event_get_kind (event);
  g_autofree char *time_text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *counts = NULL;

  /* Translators: time of a report in the day's list, see strftime */
  time_text = tl_time_format (self->zone, tl_event_get_time (event), _("%H:%M"));
  place = describe_place (self, event);
  counts = describe_counts (event);

  set_kind (self, kind);
  set_label_text (self->time_label, time_text);
  set_label_text (self->kind_label, tl_event_kind_get_label (kind));
  set_label_text (self->status_label, tl_event_status_get_label (tl_event_get_status (event)));
  set_open (self, is_open (event));
  set_label_text (self->place_label, place);
  set_label_text (self->detail_label, counts);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), counts[0] != '\0');
  self->shown_revision = tl_event_get_revision (event);
}

/* The local hour @utc falls in, as a number of hours: comparing two is
 * comparing their "%Y%m%d%H", without formatting either. */
static gint64
local_hour (GTimeZone *zone,
            gint64     utc)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);
  gint64 local = utc + (interval >= 0 ? g_time_zone_get_offset (zone, interval) : 0);

  /* Floor, not truncation, for instants before 1970. */
  return local >= 0 ? local / 3600 : -((-local + 3599) / 3600);
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
  gint64 hour, heading = G_MININT64;

  if (self->item == NULL || self->review == NULL || self->event == NULL)
    return;

  model = tl_review_get_model (self->review);
  zone = tl_review_get_zone (self->review);
  position = gtk_list_item_get_position (self->item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  hour = local_hour (zone, tl_event_get_time (self->event));
  if (position > 0)
    {
      g_autoptr(TlEvent) before = g_list_model_get_item (model, position - 1);

      if (before == NULL || local_hour (zone, tl_event_get_time (before)) != hour)
        heading = hour;
    }
  else
    heading = hour;

  /* The same local hour number is the same "%H:00", in any zone. */
  if (heading != G_MININT64 && heading != self->shown_hour)
    {
      /* Translators: heading over the reports of one hour, see strftime */
      g_autofree char *text = tl_time_format (zone, tl_event_get_time (self->event), _("%H:00"));

      set_label_text (self->hour_label, text);
      self->shown_hour = heading;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hour_label), heading != G_MININT64);
  gtk_widget_set_visible (GTK_WIDGET (self->new_label),
                          tl_review_is_unseen (self->review, self->event));
  update_accessible_name (self);
}

/* callbacks */

/* The list changed around the row: its event may have been edited in
 * place, and it may start an hour now, or no longer. */
static void
rows_changed_cb (TlEventRow *self)
{
  if (self->event != NULL && tl_event_get_revision (self->event) != self->shown_revision)
    show_event (self);
  update_marks (self);
}

/* GObject overrides */

static gboolean
tl_event_row_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  TlEventRow *self = TL_EVENT_ROW (widget);
  g_autofree char *time_text = NULL;
  g_autofree char *text = NULL;
  const char *notes;

  if (self->event == NULL || self->zone == NULL)
    return FALSE;

  /* Translators: time of a report in the day's list, see strftime */
  time_text = tl_time_format (self->zone, tl_event_get_time (self->event), _("%H:%M"));
  notes = tl_event_get_notes (self->event);
  text = g_strdup_printf ("%s %s\n%s", time_text,
                          tl_event_kind_get_label (tl_event_get_kind (self->event)),
                          notes != NULL ? notes : "");
  gtk_tooltip_set_text (tooltip, g_strstrip (text));

  return TRUE;
}

static void
tl_event_row_dispose (GObject *object)
{
  TlEventRow *self = TL_EVENT_ROW (object);

  tl_event_row_bind (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_EVENT_ROW);
  g_clear_pointer (&self->shown_sentence, g_free);
  /* Whatever the template left parented is ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_event_row_parent_class)->dispose (object);
}

static void
tl_event_row_class_init (TlEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_event_row_dispose;
  widget_class->query_tooltip = tl_event_row_query_tooltip;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/timeline/tl-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, hour_label);
  gtk_widget_class_bind_template_child (widget_class, TlEventRow, new_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tl-event-row");
}

static void
tl_event_row_init (TlEventRow *self)
{
  GtkGridLayout *layout;

  self->shown_kind = -1;
  self->shown_open = -1;
  self->shown_revision = -1;
  self->shown_hour = G_MININT64;
  gtk_widget_init_template (GTK_WIDGET (self));
  layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_grid_layout_set_column_spacing (layout, 6);
  gtk_grid_layout_set_row_spacing (layout, 2);
  /* Always on: the text is made in query_tooltip, when it is wanted. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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
  gboolean changed;

  g_return_if_fail (TL_IS_EVENT_ROW (self));
  g_return_if_fail (event == NULL || zone != NULL);

  changed = g_set_object (&self->event, event);
  if (zone != self->zone)
    {
      g_clear_pointer (&self->zone, g_time_zone_unref);
      self->zone = zone != NULL ? g_time_zone_ref (zone) : NULL;
      changed = TRUE;
    }

  if (event != NULL && (changed || tl_event_get_revision (event) != self->shown_revision))
    show_event (self);
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
      set_label_text (self->place_label, place);
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

  /* An unbound row keeps its widgets as they are: the next bind changes
   * only what differs, and a row is unbound only to be bound again or
   * dropped. */
  if (review == NULL)
    {
      g_clear_object (&self->event);
      return;
    }

  tl_event_row_set_event (self, gtk_list_item_get_item (item), tl_review_get_zone (review));
  self->rows_changed_id = g_signal_connect_swapped (review, "rows-changed",
                                                    G_CALLBACK (rows_changed_cb), self);
  update_marks (self);
}

/**
 * tl_event_row_describe:
 * @zone: the display time zone
 * @format: how a position is written when the report names no place
 *
 * Returns: (transfer full): @event as one sentence, as a screen reader
 *   reads its row: "02:40, Rescue, Ongoing, Off Wissant, 40 people,
 *   38 rescued, 2 missing, RNLI Dover"
 */
char *
tl_event_row_describe (TlEvent            *event,
                       GTimeZone          *zone,
                       TlCoordinateFormat  format)
{
  /* Translators: separates the facts of a report read out as a sentence */
  const char *separator = _(", ");
  g_autofree char *time_text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *counts = NULL;
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (TL_IS_EVENT (event), NULL);

  time_text = tl_time_format (zone, tl_event_get_time (event), _("%H:%M"));
  place = describe_place_in (event, format);
  counts = describe_counts_with (event, separator);
  append_fact (str, separator, time_text);
  append_fact (str, separator, tl_event_kind_get_label (tl_event_get_kind (event)));
  append_fact (str, separator, tl_event_status_get_label (tl_event_get_status (event)));
  append_fact (str, separator, place);
  if (counts[0] != '\0')
    append_fact (str, separator, counts);
  return g_string_free (str, FALSE);
}
