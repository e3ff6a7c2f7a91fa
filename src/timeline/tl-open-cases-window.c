/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coordinates.h"
#include "tl-open-cases-window.h"
#include "tl-time.h"
#include "tl-units.h"

/* The open-cases board: what needs action now. One row per open case, the
 * most urgent first (tl_open_cases_sort()); an overdue case is
 * highlighted and announced once through the "overdue" signal, which the
 * main window turns into a desktop notification. Arrows move between
 * rows, Enter opens the case's latest report ("open-report"). It refreshes
 * when the database changes and every half minute, since a case becomes
 * overdue by the clock alone. */

#define REFRESH_SECONDS 30

struct _TlOpenCasesWindow
{
  AdwWindow    parent_instance;

  /* template widgets */
  GtkStack    *stack;
  GtkListBox  *list;

  /* owned */
  TlStore     *store;
  GCancellable *reading;    /* a server's read of the cases, or NULL */
  GTimeZone   *zone;
  GPtrArray   *cases;       /* of TlOpenCase, as shown */
  GHashTable  *announced;   /* case ids announced overdue */
  guint        refresh_id;

  TlClockFunc      clock;
  gpointer         clock_data;
  TlOverdueLimits  limits;
};

G_DEFINE_FINAL_TYPE (TlOpenCasesWindow, tl_open_cases_window, ADW_TYPE_WINDOW)

enum {
  OPEN_REPORT,
  OVERDUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* helpers */

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
format_duration (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 0) / 60;

  if (minutes < 60)
    /* Translators: time since the last contact, in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  /* Translators: time since the last contact, in hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static char *
describe_boat (const TlOpenCase *c)
{
  g_autofree char *people = c->people >= 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d people", c->people), c->people)
    : g_strdup (_("people not counted"));

  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);

  if (c->title != NULL && *c->title != '\0')
    /* Translators: a case on the board: its number, its title, how many people */
    return g_strdup_printf (_("Case %s · %s · %s"), number, c->title, people);
  /* Translators: a case on the board: its number, how many people */
  return g_strdup_printf (_("Case %s · %s"), number, people);
}

static GtkWidget *
build_row (TlOpenCasesWindow *self,
           const TlOpenCase  *c,
           gint64             now,
           gboolean           overdue)
{
  g_autofree char *title = describe_boat (c);
  g_autofree char *since = format_duration (now - c->last_contact);
  g_autofree char *contact = tl_time_format (self->zone, c->last_contact, "%H:%M");
  g_autofree char *position = NULL;
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *unit = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (tl_case_status_get_label (c->status));

  if (c->has_position)
    {
      g_autofree char *at = tl_time_format (self->zone, c->position_time, "%H:%M");
      g_autofree char *pos = tl_coordinates_format (c->latitude, c->longitude, TL_COORDINATE_FORMAT_DDM);

      /* Translators: the last known position of a case and its time */
      where = g_strdup_printf (_("Last position %s at %s"), pos, at);
    }
  else
    where = g_strdup (_("No position reported"));

  /* Translators: the lines under a case on the board: where it was last
   * seen; the last contact's time and how long ago it was; the unit
   * assigned; what to expect or do next */
  unit = tl_units_describe (c->unit);
  subtitle = g_strdup_printf (_("%s\nLast contact %s, %s ago · Unit: %s\nNext: %s"),
                              where, contact, since,
                              unit != NULL ? unit : _("none assigned"),
                              tl_open_case_get_next_step (c));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), c->last_event_id > 0);

  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  if (c->status == TL_CASE_STATUS_DISTRESS)
    gtk_widget_add_css_class (status, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

  if (overdue)
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "error");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "tl-overdue");
      /* Translators: what a screen reader says of an overdue case */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Overdue: no contact for longer than its interval"), -1);
    }

  return row;
}

static gboolean
refresh_cb (gpointer user_data)
{
  tl_open_cases_window_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

/* callbacks */

static void
row_activated_cb (TlOpenCasesWindow *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  int index = gtk_list_box_row_get_index (row);
  const TlOpenCase *c;

  if (self->cases == NULL || index < 0 || (guint) index >= self->cases->len)
    return;
  c = g_ptr_array_index (self->cases, index);
  if (c->last_event_id > 0)
    g_signal_emit (self, signals[OPEN_REPORT], 0, c->last_event_id);
}

static void
store_changed_cb (TlOpenCasesWindow *self,
                  TlStore           *store)
{
  tl_open_cases_window_refresh (self);
}

/* GObject overrides */

static void
tl_open_cases_window_dispose (GObject *object)
{
  TlOpenCasesWindow *self = TL_OPEN_CASES_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_OPEN_CASES_WINDOW);

  G_OBJECT_CLASS (tl_open_cases_window_parent_class)->dispose (object);
}

static void
tl_open_cases_window_finalize (GObject *object)
{
  TlOpenCasesWindow *self = TL_OPEN_CASES_WINDOW (object);

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (tl_open_cases_window_parent_class)->finalize (object);
}

static void
tl_open_cases_window_class_init (TlOpenCasesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_open_cases_window_dispose;
  object_class->finalize = tl_open_cases_window_finalize;

  /**
   * TlOpenCasesWindow::open-report:
   * @event_id: the case's latest report
   *
   * The user chose a case (Enter, or a click).
   */
  signals[OPEN_REPORT] =
    g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * TlOpenCasesWindow::overdue:
   * @case_id: the case
   * @text: one line saying which case and since when, for a notification
   *
   * A case became overdue; emitted once per case.
   */
  signals[OVERDUE] =
    g_signal_new ("overdue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/timeline/tl-open-cases-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlOpenCasesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TlOpenCasesWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_open_cases_window_init (TlOpenCasesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->announced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->clock = real_clock;
  self->limits.distress_minutes = TL_OVERDUE_DISTRESS_DEFAULT;
  self->limits.other_minutes = TL_OVERDUE_OTHER_DEFAULT;
}

/* public API */

/**
 * tl_open_cases_window_new:
 * @store: the database
 * @zone: the display zone
 *
 * Returns: (transfer full): the board, hidden; closing it hides it, so it
 *   keeps watching for overdue cases
 */
TlOpenCasesWindow *
tl_open_cases_window_new (TlStore   *store,
                          GTimeZone *zone)
{
  TlOpenCasesWindow *self;

  g_return_val_if_fail (TL_IS_STORE (store), NULL);

  self = g_object_new (TL_TYPE_OPEN_CASES_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->zone = g_time_zone_ref (zone);
  g_signal_connect_object (store, "events-changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  /* Not read yet: the caller connects to "overdue" first, then calls
   * tl_open_cases_window_refresh() (or sets the limits or the clock). */
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);

  return self;
}

/**
 * tl_open_cases_window_set_clock:
 * @func: (nullable): the clock to judge overdue cases by; %NULL for the
 *   real one
 */
void
tl_open_cases_window_set_clock (TlOpenCasesWindow *self,
                                TlClockFunc        func,
                                gpointer           user_data)
{
  g_return_if_fail (TL_IS_OPEN_CASES_WINDOW (self));

  self->clock = func != NULL ? func : real_clock;
  self->clock_data = user_data;
  tl_open_cases_window_refresh (self);
}

/**
 * tl_open_cases_window_set_limits:
 *
 * Sets the minutes without contact after which a case is overdue (the
 * settings "overdue-distress-minutes" and "overdue-minutes").
 */
void
tl_open_cases_window_set_limits (TlOpenCasesWindow *self,
                                 int                distress_minutes,
                                 int                other_minutes)
{
  g_return_if_fail (TL_IS_OPEN_CASES_WINDOW (self));

  self->limits.distress_minutes = distress_minutes;
  self->limits.other_minutes = other_minutes;
  tl_open_cases_window_refresh (self);
}

void
tl_open_cases_window_set_time_zone (TlOpenCasesWindow *self,
                                    GTimeZone         *zone)
{
  g_return_if_fail (TL_IS_OPEN_CASES_WINDOW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  tl_open_cases_window_refresh (self);
}

static void show_cases (TlOpenCasesWindow *self,
                        GPtrArray         *cases,
                        gint64             now);

static void
cases_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TlOpenCasesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = tl_store_list_open_cases_finish (TL_STORE (object), result, &error);

  if (cases != NULL && self->store == NULL)
    {
      /* Answered as the board went. */
      g_ptr_array_unref (cases);
      return;
    }
  if (cases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the open cases: %s", error->message);
      return;
    }
  show_cases (self, cases, self->clock (self->clock_data));
}

/**
 * tl_open_cases_window_refresh:
 *
 * Reads the open cases again, sorts them by urgency, and announces those
 * newly overdue.
 */
void
tl_open_cases_window_refresh (TlOpenCasesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  gint64 now;

  g_return_if_fail (TL_IS_OPEN_CASES_WINDOW (self));

  if (self->store == NULL)
    return;

  now = self->clock (self->clock_data);
  /* A server answers on the store's worker, never on the window's
   * thread; a newer read replaces an older one. A file answers at once. */
  if (tl_store_is_server (self->store))
    {
      if (self->reading != NULL)
        g_cancellable_cancel (self->reading);
      g_set_object (&self->reading, g_cancellable_new ());
      g_object_unref (self->reading);
      tl_store_list_open_cases_async (self->store, now, self->reading, cases_read_cb,
                                      g_object_ref (self));
      return;
    }

  cases = tl_store_list_open_cases (self->store, now, &error);
  if (cases == NULL)
    {
      g_warning ("Could not read the open cases: %s", error->message);
      return;
    }
  show_cases (self, g_steal_pointer (&cases), now);
}

/* The cases read, sorted by urgency, shown, and those newly overdue
 * announced. */
static void
show_cases (TlOpenCasesWindow *self,
            GPtrArray         *cases,
            gint64             now)
{
  int selected = -1;

  tl_open_cases_sort (cases, now, &self->limits);

  if (gtk_list_box_get_selected_row (self->list) != NULL)
    selected = gtk_list_box_row_get_index (gtk_list_box_get_selected_row (self->list));
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < cases->len; i++)
    {
      const TlOpenCase *c = g_ptr_array_index (cases, i);
      gboolean overdue = tl_open_case_is_overdue (c, now, &self->limits);

      gtk_list_box_append (self->list, build_row (self, c, now, overdue));
      if (overdue && !g_hash_table_contains (self->announced, &c->id))
        {
          g_autofree char *boat = describe_boat (c);
          g_autofree char *since = format_duration (now - c->last_contact);
          /* Translators: a desktop notification: a case, then how long
           * nothing has been heard of it */
          g_autofree char *text = g_strdup_printf (_("%s: no contact for %s"), boat, since);

          g_hash_table_add (self->announced, g_memdup2 (&c->id, sizeof c->id));
          g_signal_emit (self, signals[OVERDUE], 0, c->id, text);
        }
      else if (!overdue)
        /* Heard from again: announce it if it falls silent again. */
        g_hash_table_remove (self->announced, &c->id);
    }

  g_clear_pointer (&self->cases, g_ptr_array_unref);
  self->cases = g_steal_pointer (&cases);
  gtk_stack_set_visible_child_name (self->stack, self->cases->len > 0 ? "cases" : "empty");
  if (self->cases->len > 0)
    gtk_list_box_select_row (self->list,
                             gtk_list_box_get_row_at_index (self->list, CLAMP (selected, 0, (int) self->cases->len - 1)));
}

/**
 * tl_open_cases_window_get_cases:
 *
 * Returns: (transfer none) (element-type TlOpenCase): the cases shown, in
 *   the board's order
 */
GPtrArray *
tl_open_cases_window_get_cases (TlOpenCasesWindow *self)
{
  g_return_val_if_fail (TL_IS_OPEN_CASES_WINDOW (self), NULL);

  return self->cases;
}
