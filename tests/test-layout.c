/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <shumate/shumate.h>

#include "tl-connect-dialog.h"
#include "tl-handover-window.h"
#include "tl-import-dialog.h"
#include "tl-map-export-dialog.h"
#include "tl-open-cases-window.h"
#include "tl-preferences-window.h"
#include "tl-sitrep-dialog.h"
#include "tl-statistics-dialog.h"
#include "tl-test-ui.h"
#include "tl-map-view.h"
#include "tl-report-editor.h"
#include "tl-scale-bar.h"
#include "tl-window.h"

/* The main window at the sizes a desk has: the map keeps at least half
 * the window's height, Trends open or not, and its controls keep off the
 * scale and the attribution. The report editor of every kind, in English
 * and in French (the build's catalogue), opens at the same width, fits
 * the smallest window a desk has, and cuts off none of its labels. So
 * do the other windows (export, import, SITREP, preferences, database,
 * hand-over, open cases, official figures, about), at their own size and
 * at a narrow one. */

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
      GtkWidget *button = find_toggle_with_tooltip (GTK_WIDGET (window), _("Show Counts per Day over 30 Days"));
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

/* The editor */

#define SMALLEST_WIDTH 1024

static gboolean
is_shown (gpointer data)
{
  Sized *s = data;

  return gtk_widget_get_mapped (s->window) && gtk_widget_get_width (s->window) > 0;
}

/* The editor reads its lists on the store's worker, then builds its form. */
static gboolean
form_loaded (gpointer data)
{
  return g_strcmp0 (tl_report_editor_get_page (data), "form") == 0;
}

/* Every label of @root that shows, and that is cut off: ellipsized, or
 * wider than it was given. */
static void
collect_cut_labels (GtkWidget *root,
                    GPtrArray *cut)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return;
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      gtk_label_get_text (GTK_LABEL (root))[0] != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (root));
      int min, nat;

      gtk_widget_measure (root, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      /* An ellipsizing label says whether it cut its text; another is
       * cut when it has less than it needs. (A header bar's title asks
       * for five characters at least, and shows a shorter one whole.) */
      if (gtk_label_get_ellipsize (GTK_LABEL (root)) != PANGO_ELLIPSIZE_NONE
          ? pango_layout_is_ellipsized (layout)
          : min > gtk_widget_get_width (root))
        g_ptr_array_add (cut, g_strdup_printf ("%s (in %s, %d px of %d)", gtk_label_get_text (GTK_LABEL (root)),
                                               G_OBJECT_TYPE_NAME (gtk_widget_get_parent (root)),
                                               gtk_widget_get_width (root), min));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, cut);
}

/* Names the widgets whose minimum width is over @limit, the deepest
 * first: the one that makes the window wide. */
static void
describe_wide (GtkWidget *root,
               int        limit,
               GString   *out)
{
  int min;

  gtk_widget_measure (root, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= limit)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    describe_wide (child, limit, out);
  g_string_append_printf (out, "%s %d px%s%s\n", G_OBJECT_TYPE_NAME (root), min,
                          GTK_IS_LABEL (root) ? ": " : "",
                          GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root)) : "");
}

/* Each choice row shows its longest choice: the one most likely cut. */
static void
choose_longest (GtkWidget *root)
{
  if (ADW_IS_COMBO_ROW (root))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (root));
      guint longest = GTK_INVALID_LIST_POSITION;
      gsize longest_len = 0;

      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          const char *text = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "";

          if (g_utf8_strlen (text, -1) > (glong) longest_len)
            longest = i, longest_len = g_utf8_strlen (text, -1);
        }
      if (longest != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (ADW_COMBO_ROW (root), longest);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    choose_longest (child);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets @widget lay out and draw again: three frames. */
static void
wait_frames (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + DEADLINE_US;
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  gtk_widget_queue_resize (widget);
  while (frames < 3)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gtk_widget_remove_tick_callback (widget, id);
}

/* Opens the editor of @kind, empty, and returns its width once shown. */
static int
check_editor (TlTestFixture *fixture,
              TlEventKind    kind,
              const char    *language)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  TlReportEditor *editor;
  g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) wide = g_string_new (NULL);
  Sized sized = { NULL, 0, 0, NULL };
  GtkWidget *content;
  int min, width;

  editor = tl_report_editor_new (fixture->store, kind, NULL, "test", zone,
                                 TL_COORDINATE_FORMAT_DDM, g_get_real_time () / G_USEC_PER_SEC);
  g_object_ref (editor);
  gtk_window_get_default_size (GTK_WINDOW (editor), &sized.width, &sized.height);
  sized.window = GTK_WIDGET (editor);
  gtk_window_present (GTK_WINDOW (editor));
  wait_until (is_shown, &sized, "the editor at its default width");
  wait_until (form_loaded, editor, "the editor's form");
  choose_longest (GTK_WIDGET (editor));
  wait_frames (GTK_WIDGET (editor));

  /* the content: the window's width counts the shadow around it */
  content = adw_window_get_content (ADW_WINDOW (editor));
  width = gtk_widget_get_width (content);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  describe_wide (content, sized.width, wide);
  collect_cut_labels (GTK_WIDGET (editor), cut);
  g_test_message ("%s editor in %s: %d px wide, at least %d", tl_event_kind_to_string (kind),
                  language, width, min);
  for (guint i = 0; i < cut->len; i++)
    g_test_message ("cut off: %s", (char *) cut->pdata[i]);
  if (wide->len > 0)
    g_test_message ("wider than the window:\n%s", wide->str);

  /* it opens at its own width, whatever the language, and fits the
   * smallest window */
  g_assert_cmpint (min, <=, sized.width);
  g_assert_cmpint (min, <=, width);
  g_assert_cmpint (min, <=, SMALLEST_WIDTH);
  g_assert_cmpuint (cut->len, ==, 0);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &sized.window);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  {
    gint64 end = g_get_monotonic_time () + DEADLINE_US;

    while (sized.window != NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (sized.window);
  }
  return width;
}

static void
test_layout_editor (TlTestFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *catalogue = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  int english[TL_EVENT_N_KINDS];

  for (TlEventKind kind = 0; kind < TL_EVENT_N_KINDS; kind++)
    english[kind] = check_editor (fixture, kind, "English");

  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the French catalogue is not built");
      return;
    }
  /* as main.c does: the widgets use the default domain */
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (_("Mid-Channel"), ==, "Milieu de la Manche");
  for (TlEventKind kind = 0; kind < TL_EVENT_N_KINDS; kind++)
    g_assert_cmpint (check_editor (fixture, kind, "French"), ==, english[kind]);
  g_unsetenv ("LANGUAGE");
}

/* The other windows */

/* The narrow width every other window fits: half the smallest screen a
 * desk has, beside the main window. */
#define NARROW_WIDTH 512

typedef struct {
  TlTestFixture *fixture;
  GtkWindow     *parent;
  char          *dir;
} Windows;

typedef GtkWindow *(*OpenFunc) (Windows *w);

static GtkWindow *
open_map_export (Windows *w)
{
  g_autoptr(GListStore) events = g_list_store_new (TL_TYPE_EVENT);
  g_autoptr(TlFilter) filter = tl_filter_new (0, 86400);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  TlGeoBox bbox = { 1.0, 50.5, 2.2, 51.3 };

  return GTK_WINDOW (tl_map_export_dialog_new (w->parent, G_LIST_MODEL (events), filter, zone, &bbox, "test"));
}

static GtkWindow *
open_import (Windows *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (w->dir, "reports.csv", NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  TlImportSource *source;

  /* a good row and a bad one: the window lists both */
  g_file_set_contents (csv,
                       "id,kind,time,latitude,longitude,people,unit,notes\n"
                       "a1,rescue,2026-03-01 04:10,50.75,1.60,52,RNLI Dover lifeboat,Boat taking on water off Wissant\n"
                       "a2,departure,not a time,50.95,1.55,40,,\n",
                       -1, &error);
  g_assert_no_error (error);
  source = tl_import_source_new_from_file (csv, &error);
  g_assert_no_error (error);
  g_remove (csv);
  return GTK_WINDOW (tl_import_dialog_new (w->parent, w->fixture->store, source, zone, "test"));
}

static GtkWindow *
open_sitrep (Windows *w)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  TlEvent *rescue = tl_event_new (TL_EVENT_KIND_RESCUE);

  tl_event_set_id (rescue, 1);
  tl_event_set_time (rescue, g_get_real_time () / G_USEC_PER_SEC);
  tl_event_set_position (rescue, 50.958, 1.587);
  tl_event_set_place (rescue, "Off Wimereux");
  tl_event_set_unit (rescue, "RNLI Dover lifeboat, Helicopter Dauphin");
  tl_event_set_people (rescue, 40);
  g_ptr_array_add (events, rescue);
  return GTK_WINDOW (tl_sitrep_dialog_new (w->parent, events, 0, NULL));
}

static GtkWindow *
open_preferences (Windows *w)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return GTK_WINDOW (tl_preferences_window_new (w->parent, settings));
}

static GtkWindow *
open_connect (Windows *w)
{
  return GTK_WINDOW (tl_connect_dialog_new (w->parent));
}

static GtkWindow *
open_handover (Windows *w)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  GtkWindow *window = GTK_WINDOW (tl_handover_window_new (w->fixture->store, settings, zone));

  gtk_window_set_transient_for (window, w->parent);
  tl_handover_window_refresh (TL_HANDOVER_WINDOW (window));
  return window;
}

static GtkWindow *
open_open_cases (Windows *w)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  GtkWindow *window = GTK_WINDOW (tl_open_cases_window_new (w->fixture->store, zone));

  gtk_window_set_transient_for (window, w->parent);
  tl_open_cases_window_refresh (TL_OPEN_CASES_WINDOW (window));
  return window;
}

static GtkWindow *
open_statistics (Windows *w)
{
  static const char csv[] = "date,people,boats\n2026-03-01,412,8\n2026-03-02,0,0\n";
  g_autoptr(GBytes) contents = g_bytes_new_static (csv, sizeof csv - 1);
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWindow *window;

  g_object_ref_sink (toasts);
  window = GTK_WINDOW (tl_statistics_dialog_new (w->parent, w->fixture->store, toasts, contents, "figures.csv"));
  g_object_unref (toasts);
  return window;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static GtkWindow *
open_about (Windows *w)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (w->fixture->app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  return about;
}

/* With TL_TEST_SCREENSHOTS set to a folder, each window checked is saved
 * there as a PNG, to look at. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("TL_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
window_content (GtkWindow *window)
{
  /* the content: the window's width counts the shadow around it */
  GtkWidget *content = ADW_IS_WINDOW (window) ? adw_window_get_content (ADW_WINDOW (window))
                                              : gtk_window_get_child (window);

  return content != NULL ? content : GTK_WIDGET (window);
}

/* Checks that @window needs no more width than it has (and than
 * @narrow, if not 0), and cuts off no label. */
static void
check_window_at (GtkWindow  *window,
                 const char *name,
                 const char *language,
                 int         narrow)
{
  g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autofree char *shot = NULL;
  GtkWidget *content = window_content (window);
  int min, width;

  width = gtk_widget_get_width (content);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  describe_wide (content, narrow > 0 ? narrow : width, wide);
  collect_cut_labels (GTK_WIDGET (window), cut);
  g_test_message ("%s in %s%s: %d px wide, at least %d", name, language,
                  narrow > 0 ? ", narrow" : "", width, min);
  for (guint i = 0; i < cut->len; i++)
    g_test_message ("cut off: %s", (char *) cut->pdata[i]);
  if (wide->len > 0)
    g_test_message ("wider than the window:\n%s", wide->str);
  shot = g_strdup_printf ("%s-%s%s.png", name, language, narrow > 0 ? "-narrow" : "");
  save_screenshot (GTK_WIDGET (window), shot);

  g_assert_cmpint (min, <=, width);
  if (narrow > 0)
    g_assert_cmpint (min, <=, narrow);
  g_assert_cmpuint (cut->len, ==, 0);
}

static gboolean
is_narrowed (gpointer data)
{
  Sized *s = data;
  GtkWidget *content = window_content (GTK_WINDOW (s->window));
  int min;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return gtk_widget_get_width (content) <= MAX (s->width, min);
}

/* Opens a window at its own size, checks it, then narrows it to
 * @narrow px and checks it again. */
static void
check_window (Windows    *w,
              const char *name,
              OpenFunc    open,
              const char *language,
              int         narrow)
{
  GtkWindow *window = open (w);
  Sized sized = { GTK_WIDGET (window), narrow, 0, NULL };
  int width, height;

  g_object_ref (window);
  gtk_window_present (window);
  wait_until (is_shown, &sized, name);
  wait_frames (GTK_WIDGET (window));
  check_window_at (window, name, language, 0);

  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, narrow, height);
  wait_until (is_narrowed, &sized, name);
  wait_frames (GTK_WIDGET (window));
  check_window_at (window, name, language, narrow);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &sized.window);
  gtk_window_destroy (window);
  g_object_unref (window);
  {
    gint64 end = g_get_monotonic_time () + DEADLINE_US;

    while (sized.window != NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (sized.window);
  }
}

/* The map export shows its preview beside its settings: it is narrow
 * at 800 px, within the smallest screen a desk has. */
static const struct {
  const char *name;
  OpenFunc    open;
  int         narrow;
} windows[] = {
  { "map-export", open_map_export, 800 },
  { "import", open_import, NARROW_WIDTH },
  { "sitrep", open_sitrep, NARROW_WIDTH },
  { "preferences", open_preferences, NARROW_WIDTH },
  { "connect", open_connect, NARROW_WIDTH },
  { "handover", open_handover, NARROW_WIDTH },
  { "open-cases", open_open_cases, NARROW_WIDTH },
  { "statistics", open_statistics, NARROW_WIDTH },
  { "about", open_about, NARROW_WIDTH },
};

static void
check_windows (Windows    *w,
               const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    check_window (w, windows[i].name, windows[i].open, language, windows[i].narrow);
}

/* An open case with the longest of the built-in units, so that the open
 * cases and the hand-over have rows to show; heard from 20 minutes ago,
 * not overdue (which would send a desktop notification). */
static void
add_open_case (TlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlEvent) sighting = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(TlEvent) rescue = tl_event_new (TL_EVENT_KIND_RESCUE);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 case_id = tl_store_create_case (store, TL_CASE_STATUS_RESPONDING, NULL, &error);

  g_assert_no_error (error);
  tl_event_set_time (sighting, now - 3600);
  tl_event_set_case_id (sighting, case_id);
  tl_event_set_people (sighting, 52);
  tl_event_set_position (sighting, 50.87, 1.58);
  tl_event_set_place (sighting, "Wissant");
  tl_event_set_unit (sighting, "HMC Valiant (Border Force cutter)");
  g_assert_true (tl_store_add_event (store, sighting, "desk-1", &error));
  g_assert_no_error (error);
  tl_event_set_time (rescue, now - 20 * 60);
  tl_event_set_case_id (rescue, case_id);
  tl_event_set_people (rescue, 52);
  tl_event_set_position (rescue, 50.93, 1.52);
  tl_event_set_unit (rescue, "RNLI Ramsgate lifeboat, Coastguard helicopter 163");
  g_assert_true (tl_store_add_event (store, rescue, "desk-1", &error));
  g_assert_no_error (error);
}

static void
test_layout_windows (TlTestFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *catalogue = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  TlWindow *parent = tl_test_present_window (fixture);
  Windows w = { fixture, GTK_WINDOW (parent), g_path_get_dirname (fixture->path) };

  add_open_case (fixture->store);

  check_windows (&w, "English");
  if (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_setenv ("LANGUAGE", "fr", TRUE);
      g_assert_cmpstr (_("Mid-Channel"), ==, "Milieu de la Manche");
      check_windows (&w, "French");
      g_unsetenv ("LANGUAGE");
    }
  else
    g_test_message ("the French catalogue is not built: English only");

  g_free (w.dir);
  tl_test_close_window (parent);
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
  tl_test_add ("/layout/editor", test_layout_editor);
  tl_test_add ("/layout/windows", test_layout_windows);

  return tl_test_ui_run ();
}
