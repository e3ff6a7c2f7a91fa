/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Briefing map snapshots: land and sea where they are, markers in their
 * kind's colour, pages of the right size, vectors that stay vectors, and
 * no file at all when an export fails. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tl-snapshot.h"
#include "tl-snapshot-private.h"
#include "tl-symbols.h"
#include "tl-time.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-snapshot-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* helpers */

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;
  return n;
}

static void
pixel_rgb (cairo_surface_t *surface,
           double           x,
           double           y,
           int             *r,
           int             *g,
           int             *b)
{
  int px = (int) floor (x), py = (int) floor (y);
  const guint8 *row;
  guint32 p;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + py * cairo_image_surface_get_stride (surface);
  p = ((const guint32 *) row)[px];
  *r = (p >> 16) & 0xff;
  *g = (p >> 8) & 0xff;
  *b = p & 0xff;
}

static void
assert_colour_at (cairo_surface_t *surface,
                  double           x,
                  double           y,
                  double           er,
                  double           eg,
                  double           eb)
{
  int r, g, b;

  pixel_rgb (surface, x, y, &r, &g, &b);
  if (abs (r - (int) lround (er * 255)) > 3 || abs (g - (int) lround (eg * 255)) > 3 ||
      abs (b - (int) lround (eb * 255)) > 3)
    g_error ("pixel at %.1f, %.1f is #%02x%02x%02x, expected #%02x%02x%02x", x, y, r, g, b,
             (int) lround (er * 255), (int) lround (eg * 255), (int) lround (eb * 255));
}

static void
assert_basemap_colour_at (cairo_surface_t      *surface,
                          double                x,
                          double                y,
                          const TlBasemapColor *c)
{
  assert_colour_at (surface, x, y, c->red, c->green, c->blue);
}

static TlEvent *
event_at (TlEventKind kind,
          double      lat,
          double      lon,
          int         people)
{
  TlEvent *event = tl_event_new (kind);

  tl_event_set_time (event, 1795680000);
  tl_event_set_position (event, lat, lon);
  tl_event_set_people (event, people);
  return event;
}

/* Writes a PNG with tl_snapshot_write_file() and reads it back. */
static cairo_surface_t *
write_and_load_png (Fixture                 *f,
                    const TlSnapshotOptions *options,
                    GPtrArray               *events)
{
  g_autofree char *path = g_build_filename (f->dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_GUESS, options, events, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static char *
read_file (const char *path,
           gsize      *out_len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, out_len, &error));
  g_assert_no_error (error);
  return contents;
}

/* The numbers of the first /MediaBox in a PDF: cairo writes the page
 * dictionary uncompressed, so the text is there to read. */
static void
pdf_media_box (const char *data,
               gsize       len,
               double      box[4])
{
  /* memmem: compressed streams before it hold NUL bytes. */
  const char *p = memmem (data, len, "/MediaBox", strlen ("/MediaBox"));
  char *end;

  g_assert_nonnull (p);
  p = strchr (p, '[');
  g_assert_nonnull (p);
  p++;
  for (int i = 0; i < 4; i++)
    {
      box[i] = g_ascii_strtod (p, &end);
      g_assert_true (end != p);
      p = end;
    }
}

/* tests */

static void
test_land_and_sea (Fixture       *f,
                   gconstpointer  data)
{
  TlSnapshotOptions options;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  const TlBasemapStyle *light = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  const TlBasemapStyle *dark = tl_basemap_style_get (TL_BASEMAP_THEME_DARK);
  cairo_surface_t *surface;
  double land_x, land_y, sea_x, sea_y, kent_x, kent_y;

  tl_snapshot_options_init (&options);
  options.width_px = 1200;
  options.height_px = 900;

  /* Inland of Calais (near Ardres), mid-strait, and the Kent Downs: all
   * off the graticule lines, which fall on round minutes. */
  g_assert_true (tl_snapshot_map_point (&options, 1200, 900, 2.06, 50.83, &land_x, &land_y));
  g_assert_true (tl_snapshot_map_point (&options, 1200, 900, 1.43, 51.04, &sea_x, &sea_y));
  g_assert_true (tl_snapshot_map_point (&options, 1200, 900, 1.08, 51.21, &kent_x, &kent_y));

  surface = write_and_load_png (f, &options, events);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 900);
  assert_basemap_colour_at (surface, land_x, land_y, &light->land);
  assert_basemap_colour_at (surface, kent_x, kent_y, &light->land);
  assert_basemap_colour_at (surface, sea_x, sea_y, &light->sea);
  cairo_surface_destroy (surface);

  options.theme = TL_BASEMAP_THEME_DARK;
  surface = write_and_load_png (f, &options, events);
  assert_basemap_colour_at (surface, land_x, land_y, &dark->land);
  assert_basemap_colour_at (surface, sea_x, sea_y, &dark->sea);
  cairo_surface_destroy (surface);

  /* Without the coastline layer, land is drawn as sea. */
  options.theme = TL_BASEMAP_THEME_LIGHT;
  options.show_coastline = FALSE;
  surface = write_and_load_png (f, &options, events);
  assert_basemap_colour_at (surface, land_x, land_y, &light->sea);
  cairo_surface_destroy (surface);
}

static void
test_markers (Fixture       *f,
              gconstpointer  data)
{
  static const struct { TlEventKind kind; double lat, lon; } cases[] = {
    { TL_EVENT_KIND_DEPARTURE, 50.92, 1.20 },
    { TL_EVENT_KIND_SIGHTING, 51.02, 1.35 },
    { TL_EVENT_KIND_INTERCEPTION, 51.12, 1.55 },
    { TL_EVENT_KIND_RESCUE, 51.06, 1.70 },
    { TL_EVENT_KIND_ARRIVAL, 51.30, 2.00 },
    { TL_EVENT_KIND_PATROL, 50.80, 1.10 },
  };
  TlSnapshotOptions options;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  const TlBasemapStyle *light = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  cairo_surface_t *surface;

  tl_snapshot_options_init (&options);
  options.width_px = 1600;
  options.height_px = 1000;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (events, event_at (cases[i].kind, cases[i].lat, cases[i].lon, 60));

  surface = write_and_load_png (f, &options, events);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double x, y, r, g, b;

      g_assert_true (tl_snapshot_map_point (&options, 1600, 1000, cases[i].lon, cases[i].lat, &x, &y));
      tl_symbol_get_colour (cases[i].kind, &r, &g, &b);
      /* A rescue has a white cross on its centre: look beside it. */
      if (cases[i].kind == TL_EVENT_KIND_RESCUE)
        {
          x += 2;
          y += 2;
        }
      assert_colour_at (surface, x, y, r, g, b);
    }
  cairo_surface_destroy (surface);

  /* A kind filtered out leaves the sea as it was. */
  options.event_kinds = TL_SNAPSHOT_ALL_KINDS & ~TL_SNAPSHOT_KIND (TL_EVENT_KIND_SIGHTING);
  surface = write_and_load_png (f, &options, events);
  {
    double x, y;

    g_assert_true (tl_snapshot_map_point (&options, 1600, 1000, cases[1].lon, cases[1].lat, &x, &y));
    assert_basemap_colour_at (surface, x, y, &light->sea);
  }
  cairo_surface_destroy (surface);
}

static void
test_odd_events (void)
{
  TlSnapshotOptions options;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  TlEvent *nowhere = tl_event_new (TL_EVENT_KIND_RESCUE);

  tl_snapshot_options_init (&options);
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 51.0, 1.5, 12));
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 51.1, 1.6, TL_COUNT_UNKNOWN));
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 48.0, -4.0, 3)); /* Brest: off the map */
  g_ptr_array_add (events, nowhere);

  /* Events off the map, with no position or no count of people are
   * left out or drawn small, never a failure; on a recording surface,
   * which is vector like a PDF. */
  g_assert_true (tl_snapshot_render (cr, 1920, 1080, &options, events, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf_pages (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    TlSnapshotPaper paper;
    gboolean        landscape;
    double          width, height;
  } cases[] = {
    { TL_SNAPSHOT_PAPER_A4, FALSE, 595.28, 841.89 },
    { TL_SNAPSHOT_PAPER_A4, TRUE, 841.89, 595.28 },
    { TL_SNAPSHOT_PAPER_A3, FALSE, 841.89, 1190.55 },
    { TL_SNAPSHOT_PAPER_A3, TRUE, 1190.55, 841.89 },
  };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "map.pdf", NULL);

  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 51.0, 1.5, 12));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TlSnapshotOptions options;
      g_autoptr(GError) error = NULL;
      g_autofree char *data_ = NULL;
      gsize len;
      double box[4];

      tl_snapshot_options_init (&options);
      options.paper = cases[i].paper;
      options.landscape = cases[i].landscape;
      options.dpi = 300;
      options.marking = "OFFICIAL-SENSITIVE";
      g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_GUESS, &options, events, &error));
      g_assert_no_error (error);

      data_ = read_file (path, &len);
      g_assert_true (len > 5 && memcmp (data_, "%PDF-", 5) == 0);
      pdf_media_box (data_, len, box);
      g_assert_cmpfloat_with_epsilon (box[0], 0, 0.01);
      g_assert_cmpfloat_with_epsilon (box[1], 0, 0.01);
      g_assert_cmpfloat_with_epsilon (box[2], cases[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (box[3], cases[i].height, 0.01);
      /* Vectors stay vectors: not a single image on the page. */
      g_assert_null (memmem (data_, len, "/Image", strlen ("/Image")));
    }
  /* Nothing left behind but the file itself. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

typedef struct {
  int      depth;
  char    *root;
  guint    n_images;
  guint    n_elements;
} SvgCheck;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgCheck *check = user_data;

  if (check->depth++ == 0)
    check->root = g_strdup (element);
  if (g_str_equal (element, "image"))
    check->n_images++;
  check->n_elements++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ((SvgCheck *) user_data)->depth--;
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  const GMarkupParser parser = { svg_start, svg_end };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "map.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *contents = NULL;
  SvgCheck check = { 0 };
  TlSnapshotOptions options;
  gsize len;

  tl_snapshot_options_init (&options);
  options.paper = TL_SNAPSHOT_PAPER_A4;
  options.title = "Test <map> & “quotes”";
  options.marking = "OFFICIAL";
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_SIGHTING, 51.0, 1.5, 12));
  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_SVG, &options, events, &error));
  g_assert_no_error (error);

  contents = read_file (path, &len);
  context = g_markup_parse_context_new (&parser, 0, &check, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check.root, ==, "svg");
  g_assert_cmpint (check.depth, ==, 0);
  g_assert_cmpuint (check.n_images, ==, 0);
  g_assert_cmpuint (check.n_elements, >, 100);
  g_assert_nonnull (strstr (contents, "595.28pt"));
  g_free (check.root);
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *keep = g_build_filename (f->dir, "keep.png", NULL);
  g_autofree char *bmp = g_build_filename (f->dir, "map.bmp", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no", "such", "dir", "map.pdf", NULL);
  g_autofree char *contents = NULL;
  TlSnapshotOptions options;
  GError *error = NULL;

  tl_snapshot_options_init (&options);
  options.bbox = (TlGeoBox) { 2.6, 50.3, 0.6, 51.5 };  /* west east of east */
  g_assert_false (tl_snapshot_write_file (png, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);

  options.bbox = (TlGeoBox) { 0.6, 51.5, 2.6, 50.3 };  /* south north of north */
  g_assert_false (tl_snapshot_write_file (png, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);

  options.bbox = (TlGeoBox) { -190, 50.3, 2.6, 51.5 };
  g_assert_false (tl_snapshot_write_file (png, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);

  tl_snapshot_options_init (&options);
  options.dpi = 5000;
  g_assert_false (tl_snapshot_write_file (png, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);

  tl_snapshot_options_init (&options);
  options.width_px = 10;
  g_assert_false (tl_snapshot_write_file (png, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);

  tl_snapshot_options_init (&options);
  options.from = 1000;
  options.to = 1000;
  g_assert_false (tl_snapshot_write_file (png, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);

  tl_snapshot_options_init (&options);
  g_assert_false (tl_snapshot_write_file (bmp, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  g_assert_false (tl_snapshot_write_file (nowhere, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_cmpuint (count_files (f->dir), ==, 0);

  /* A failure after the temporary file exists (an A3 image at 1200 dpi
   * is too large) leaves neither it nor damage to an earlier export. */
  g_assert_true (g_file_set_contents (keep, "earlier export", -1, NULL));
  options.paper = TL_SNAPSHOT_PAPER_A3;
  options.dpi = 1200;
  g_assert_false (tl_snapshot_write_file (keep, TL_SNAPSHOT_FORMAT_GUESS, &options, NULL, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
  g_assert_true (g_file_get_contents (keep, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier export");
}

static void
test_default_title (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autofree char *title = NULL;
  g_autofree char *window = NULL;
  g_autofree char *multi = NULL;
  g_autofree char *elsewhere = NULL;
  TlSnapshotOptions options;

  tl_snapshot_options_init (&options);
  options.time_zone = zone;
  tl_time_day_range (zone, 2026, 11, 26, &options.from, &options.to);

  title = tl_snapshot_default_title (&options, zone);
  g_assert_cmpstr (title, ==, "Strait of Dover — Thursday 26 November 2026");
  window = tl_snapshot_time_window_text (&options, zone);
  g_assert_cmpstr (window, ==, "Thu 26 Nov 2026, 00:00 to 24:00 CET");

  options.to = tl_time_shift_days (zone, options.from, 3);
  multi = tl_snapshot_default_title (&options, zone);
  g_assert_cmpstr (multi, ==, "Strait of Dover — 26 November 2026 to 28 November 2026");

  options.bbox = (TlGeoBox) { -30, 10, -20, 20 };
  elsewhere = tl_snapshot_default_title (&options, zone);
  g_assert_true (g_str_has_prefix (elsewhere, "10.00°N 30.00°W to 20.00°N 20.00°W — "));
}

static void
test_format_from_path (void)
{
  TlSnapshotFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_snapshot_format_from_path ("a.PNG", &format, NULL));
  g_assert_cmpint (format, ==, TL_SNAPSHOT_FORMAT_PNG);
  g_assert_true (tl_snapshot_format_from_path ("/x/y.pdf", &format, NULL));
  g_assert_cmpint (format, ==, TL_SNAPSHOT_FORMAT_PDF);
  g_assert_true (tl_snapshot_format_from_path ("b.Svg", &format, NULL));
  g_assert_cmpint (format, ==, TL_SNAPSHOT_FORMAT_SVG);
  g_assert_false (tl_snapshot_format_from_path ("b.jpeg", &format, &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_UNKNOWN_FORMAT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/snapshot/land-and-sea", Fixture, NULL, fixture_set_up, test_land_and_sea, fixture_tear_down);
  g_test_add ("/snapshot/markers", Fixture, NULL, fixture_set_up, test_markers, fixture_tear_down);
  g_test_add_func ("/snapshot/odd-events", test_odd_events);
  g_test_add ("/snapshot/pdf-pages", Fixture, NULL, fixture_set_up, test_pdf_pages, fixture_tear_down);
  g_test_add ("/snapshot/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/snapshot/bad-options", Fixture, NULL, fixture_set_up, test_bad_options, fixture_tear_down);
  g_test_add_func ("/snapshot/default-title", test_default_title);
  g_test_add_func ("/snapshot/format-from-path", test_format_from_path);

  status = g_test_run ();

  /* Pango and fontconfig keep fonts cached for the process: let them go
   * so that leak checkers see only what is ours. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
