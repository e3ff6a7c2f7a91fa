/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>

#include "tl-test-ui.h"
#include "tl-map-view.h"
#include "tl-scale-bar.h"
#include "tl-window.h"

/* The main window at the sizes a desk has: the map keeps at least half
 * the window's height, Trends open or not, and its controls keep off the
 * scale and the attribution. */

#define DEADLINE_US (30 * G_USEC_PER_SEC)

typedef struct {
  GtkWidget *window;
  int        width;
  int        height;
  GtkWidget *revealer;
} Sized;

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 end = g_get_monotonic_time () + DEADLINE_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        {
          Sized *sz = data;

          g_error ("timed out waiting for %s (%dx%d)", what,
                   gtk_widget_get_width (sz->window), gtk_widget_get_height (sz->window));
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_sized (gpointer data)
{
  Sized *s = data;

  /* The default size counts the client-side decorations' margin. */
  return ABS (gtk_widget_get_width (s->window) - s->width) <= 16 &&
         ABS (gtk_widget_get_height (s->window) - s->height) <= 16 &&
         (s->revealer == NULL || gtk_revealer_get_child_revealed (GTK_REVEALER (s->revealer)));
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *root)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &r));
  return r;
}

static GtkWidget *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The box of map controls: the one holding the zoom buttons, at the
 * map's top end. */
static GtkWidget *
find_controls (GtkWidget *map_view)
{
  GtkWidget *menu_button = tl_test_find_widget (map_view, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (menu_button);
  return gtk_widget_get_parent (menu_button);
}

static GtkWidget *
find_toggle_with_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle_with_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_size (TlTestFixture *fixture,
            int            width,
            int            height,
            gboolean       trends)
{
  TlWindow *window = tl_window_new (GTK_APPLICATION (fixture->app), fixture->store);
  GtkWidget *map_view, *map, *controls, *scale, *attribution;
  graphene_rect_t m, c, sc, a;
  Sized sized = { GTK_WIDGET (window), width, height, NULL };

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  map_view = tl_test_find_widget (GTK_WIDGET (window), TL_TYPE_MAP_VIEW);
  map = tl_test_find_widget (map_view, SHUMATE_TYPE_MAP);
  controls = find_controls (map_view);
  scale = tl_test_find_widget (map_view, TL_TYPE_SCALE_BAR);
  attribution = find_label_with_class (map_view, "tl-attribution");
  g_assert_nonnull (map);
  g_assert_nonnull (scale);
  g_assert_nonnull (attribution);

  if (trends)
    {
      GtkWidget *button = find_toggle_with_tooltip (GTK_WIDGET (window), "Show Counts per Day over 30 Days");
      GtkWidget *chart = tl_test_find_widget (GTK_WIDGET (window), g_type_from_name ("TlTrendChart"));

      g_assert_nonnull (button);
      g_assert_nonnull (chart);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      sized.revealer = gtk_widget_get_ancestor (chart, GTK_TYPE_REVEALER);
    }
  wait_until (is_sized, &sized, "the window at its size");

  m = bounds_in (map, GTK_WIDGET (window));
  c = bounds_in (controls, GTK_WIDGET (window));
  sc = bounds_in (scale, GTK_WIDGET (window));
  a = bounds_in (attribution, GTK_WIDGET (window));
  g_test_message ("%dx%d%s: map %.0fx%.0f, controls %.0f,%.0f %.0fx%.0f, attribution %.0f,%.0f",
                  width, height, trends ? " with trends" : "", m.size.width, m.size.height,
                  c.origin.x, c.origin.y, c.size.width, c.size.height, a.origin.x, a.origin.y);

  g_assert_cmpfloat (m.size.height, >=, gtk_widget_get_height (GTK_WIDGET (window)) / 2.0);
  g_assert_false (graphene_rect_intersection (&c, &a, NULL));
  g_assert_false (graphene_rect_intersection (&c, &sc, NULL));
  /* The controls are on the map, whole. */
  g_assert_true (graphene_rect_contains_rect (&m, &c));

  tl_test_close_window (window);
}

static void
test_layout_small (TlTestFixture *fixture,
                   gconstpointer  data)
{
  check_size (fixture, 1024, 700, FALSE);
}

static void
test_layout_small_trends (TlTestFixture *fixture,
                          gconstpointer  data)
{
  check_size (fixture, 1024, 700, TRUE);
}

static void
test_layout_large_trends (TlTestFixture *fixture,
                          gconstpointer  data)
{
  check_size (fixture, 1920, 1080, TRUE);
}

static void
test_layout_large (TlTestFixture *fixture,
                   gconstpointer  data)
{
  check_size (fixture, 1920, 1080, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  tl_test_ui_init (&argc, &argv);

  tl_test_add ("/layout/1024x700", test_layout_small);
  tl_test_add ("/layout/1920x1080", test_layout_large);
  tl_test_add ("/layout/1024x700/trends", test_layout_small_trends);
  tl_test_add ("/layout/1920x1080/trends", test_layout_large_trends);

  return tl_test_ui_run ();
}
