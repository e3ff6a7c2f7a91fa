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

/* Draws the page into an image of its own pixel size, without a file. */
static cairo_surface_t *
render_image (const TlSnapshotOptions *options,
              GPtrArray               *events)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (options->paper, ==, TL_SNAPSHOT_PAPER_NONE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width_px, options->height_px);
  cr = cairo_create (surface);
  g_assert_true (tl_snapshot_render (cr, options->width_px, options->height_px, options, events, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The share of the pixels of @rect that have the colour @c. */
static double
share_of_colour (cairo_surface_t      *surface,
                 const TlSnapshotRect *rect,
                 const TlBasemapColor *c)
{
  guint n = 0, matching = 0;

  for (int y = (int) ceil (rect->y); y < (int) floor (rect->y + rect->height); y++)
    for (int x = (int) ceil (rect->x); x < (int) floor (rect->x + rect->width); x++)
      {
        int r, g, b;

        pixel_rgb (surface, x, y, &r, &g, &b);
        n++;
        matching += abs (r - (int) lround (c->red * 255)) <= 3 &&
                    abs (g - (int) lround (c->green * 255)) <= 3 &&
                    abs (b - (int) lround (c->blue * 255)) <= 3;
      }
  g_assert_cmpuint (n, >, 0);
  return (double) matching / n;
}

/* The smallest rectangle holding every pixel that differs between two
 * images of one size; FALSE if none does. */
static gboolean
difference_bounds (cairo_surface_t *a,
                   cairo_surface_t *b,
                   TlSnapshotRect  *out)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  int x0 = width, y0 = height, x1 = -1, y1 = -1;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * stride);
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * stride);

      for (int x = 0; x < width; x++)
        if (ra[x] != rb[x])
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
    }
  if (x1 < 0)
    return FALSE;
  *out = (TlSnapshotRect) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return TRUE;
}

static void
assert_rect_inside (const TlSnapshotRect *inner,
                    const TlSnapshotRect *outer)
{
  if (inner->x < outer->x - 0.5 || inner->y < outer->y - 0.5 ||
      inner->x + inner->width > outer->x + outer->width + 0.5 ||
      inner->y + inner->height > outer->y + outer->height + 0.5)
    g_error ("%.1f,%.1f %.1f×%.1f is not inside %.1f,%.1f %.1f×%.1f",
             inner->x, inner->y, inner->width, inner->height,
             outer->x, outer->y, outer->width, outer->height);
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

  GStatBuf st;

  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_GUESS, options, events, &error));
  g_assert_no_error (error);
  /* Private like the database, whatever the umask. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
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

  /* Inland of Calais (near Ardres), off Folkestone inside the English
   * inshore zone (clear of the lines in the Strait), and the Kent Downs:
   * all off the graticule lines, which fall on round minutes. */
  g_assert_true (tl_snapshot_map_point (&options, 1200, 900, 2.06, 50.83, &land_x, &land_y));
  g_assert_true (tl_snapshot_map_point (&options, 1200, 900, 1.26, 51.06, &sea_x, &sea_y));
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

  /* A kind filtered out leaves the map as it is with no reports (the sea,
   * under the traffic lane drawn there). */
  options.event_kinds = TL_SNAPSHOT_ALL_KINDS & ~TL_SNAPSHOT_KIND (TL_EVENT_KIND_SIGHTING);
  surface = write_and_load_png (f, &options, events);
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    cairo_surface_t *empty = write_and_load_png (f, &options, none);
    double x, y;
    int r, g, b;

    g_assert_true (tl_snapshot_map_point (&options, 1600, 1000, cases[1].lon, cases[1].lat, &x, &y));
    pixel_rgb (empty, x, y, &r, &g, &b);
    assert_colour_at (surface, x, y, r / 255.0, g / 255.0, b / 255.0);
    cairo_surface_destroy (empty);
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

/* Parses the SVG at @path, which must be well-formed with an <svg>
 * root, counting into @check. Returns its text. */
static char *
parse_svg (const char *path,
           SvgCheck   *check)
{
  const GMarkupParser parser = { svg_start, svg_end };
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, check, NULL);
  gsize len;
  char *contents = read_file (path, &len);

  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check->root, ==, "svg");
  g_assert_cmpint (check->depth, ==, 0);
  g_clear_pointer (&check->root, g_free);
  return contents;
}

/* The gazetteer's names are on the exported map, as in the window: text
 * a reader (and pdftotext) finds, ports and beaches alike. */
static void
test_place_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "places.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, path, "-", NULL };
  TlSnapshotOptions options;
  int status;

  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  TlEvent *sighting, *arrival;

  /* A rescue on Calais: its name goes around the marker, not under it. */
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 50.9660, 1.8500, 40));
  /* A case's track, with the times of its ends. */
  sighting = event_at (TL_EVENT_KIND_SIGHTING, 50.90, 1.45, 40);
  arrival = event_at (TL_EVENT_KIND_ARRIVAL, 51.10, 1.30, 40);
  tl_event_set_case_id (sighting, 5);
  tl_event_set_case_id (arrival, 5);
  tl_event_set_time (sighting, 1795651200 + 4 * 3600 + 40 * 60);
  tl_event_set_time (arrival, 1795651200 + 9 * 3600 + 12 * 60);
  g_ptr_array_add (events, arrival);
  g_ptr_array_add (events, sighting);
  tl_snapshot_options_init (&options);
  options.time_zone = utc;
  options.paper = TL_SNAPSHOT_PAPER_A4;
  options.from = 1795651200;
  options.to = options.from + 24 * 3600;
  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_PDF, &options, events, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  argv[0] = pdftotext;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char * const *name = (const char * const[]) { "Dover (port)", "Calais (port)", "Boulogne-sur-Mer",
                                                           "Cap Gris-Nez", "Dunkerque (port)", NULL };
       *name != NULL; name++)
    {
      g_test_message ("looking for %s", *name);
      g_assert_nonnull (strstr (text, *name));
    }
  g_assert_nonnull (strstr (text, "04:40"));
  g_assert_nonnull (strstr (text, "09:12"));
  g_assert_nonnull (strstr (text, "People on board:"));
  g_clear_pointer (&text, g_free);

  /* Counted in hexagons on request, with their key, and no tracks; the
   * names stay. */
  options.aggregate = TL_SNAPSHOT_AGGREGATE_ALWAYS;
  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_PDF, &options, events, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Reports per hexagon:"));
  g_assert_nonnull (strstr (text, "Dover (port)"));
  g_assert_null (strstr (text, "09:12"));
  g_assert_null (strstr (text, "People on board:"));
}

/* A crowd at one place, too many to spread around it, is one counted
 * symbol, as the window's map clusters it, and the legend says so;
 * a few reports elsewhere are still spread, each with its line. */
static void
test_crowded (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "crowded.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *argv[] = { NULL, path, "-", NULL };
  TlSnapshotOptions options;
  int status;

  /* 150 at Dover (of two kinds, so that no legend row says 150), and
   * 8 at one point off Wimereux. */
  for (guint i = 0; i < 150; i++)
    g_ptr_array_add (events, event_at (i < 120 ? TL_EVENT_KIND_ARRIVAL : TL_EVENT_KIND_RESCUE,
                                       51.1200 + (i % 5) * 0.0004, 1.3300 + (i % 7) * 0.0004, 40));
  for (guint i = 0; i < 8; i++)
    g_ptr_array_add (events, event_at (TL_EVENT_KIND_SIGHTING, 50.77, 1.55, 20));
  tl_snapshot_options_init (&options);
  options.time_zone = utc;
  options.paper = TL_SNAPSHOT_PAPER_A4;
  options.aggregate = TL_SNAPSHOT_AGGREGATE_NEVER;
  options.from = 1795651200;
  options.to = options.from + 24 * 3600;
  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_PDF, &options, events, &error));
  g_assert_no_error (error);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  argv[0] = pdftotext;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "150"));
  g_assert_nonnull (strstr (text, "At 1 place too crowded to draw each report"));
  g_assert_nonnull (strstr (text, "8 symbols are drawn beside their positions"));
  g_assert_nonnull (strstr (text, "Dover (port)"));
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "map.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  SvgCheck check = { 0 };
  TlSnapshotOptions options;

  tl_snapshot_options_init (&options);
  options.paper = TL_SNAPSHOT_PAPER_A4;
  options.title = "Test <map> & “quotes”";
  options.marking = "OFFICIAL";
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_SIGHTING, 51.0, 1.5, 12));
  g_assert_true (tl_snapshot_write_file (path, TL_SNAPSHOT_FORMAT_SVG, &options, events, &error));
  g_assert_no_error (error);

  contents = parse_svg (path, &check);
  g_assert_cmpuint (check.n_images, ==, 0);
  g_assert_cmpuint (check.n_elements, >, 100);
  g_assert_nonnull (strstr (contents, "595.28pt"));
}

/* Without a legend its room goes to the map: on a tall page the map
 * reaches down over where the legend was, on a wide one across. */
static void
test_no_legend (void)
{
  static const struct { int width, height; } pages[] = {
    { 900, 1200 },  /* legend and details under the map */
    { 1600, 900 },  /* beside it */
  };
  const TlBasemapStyle *light = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 51.0, 1.5, 12));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      TlSnapshotOptions options;
      TlSnapshotLayout with, without;
      TlSnapshotRect legend;
      cairo_surface_t *shown, *left_out;
      double u;

      /* A plain sea, with nothing else drawn over the legend's place. */
      tl_snapshot_options_init (&options);
      options.width_px = pages[i].width;
      options.height_px = pages[i].height;
      options.created_at = 1795680000;
      options.show_coastline = FALSE;
      options.show_borders = FALSE;
      options.show_scale = FALSE;
      options.show_north_arrow = FALSE;

      tl_snapshot_layout_compute (&options, options.width_px, options.height_px, &with);
      shown = render_image (&options, events);
      options.show_legend = FALSE;
      tl_snapshot_layout_compute (&options, options.width_px, options.height_px, &without);
      left_out = render_image (&options, events);
      u = with.u;

      g_assert_cmpint (with.side_panel, ==, without.side_panel);
      g_assert_cmpint (with.side_panel, ==, i == 1);
      if (with.side_panel)
        {
          /* The legend's rows, left of where the narrower panel starts. */
          g_assert_cmpfloat (without.map.width, >, with.map.width + 40 * u);
          g_assert_cmpfloat (without.map.height, ==, with.map.height);
          legend = (TlSnapshotRect) { with.panel.x + 2 * u, with.panel.y + 14 * u,
                                      without.map.x + without.map.width - with.panel.x - 4 * u, 70 * u };
        }
      else
        {
          /* The top of the legend, in the left half of the old panel. */
          g_assert_cmpfloat (without.map.height, >, with.map.height + 40 * u);
          g_assert_cmpfloat (without.map.width, ==, with.map.width);
          legend = (TlSnapshotRect) { with.map.x + 2 * u, with.panel.y,
                                      with.panel.width / 2 - with.map.x - 16 * u, 36 * u };
        }
      assert_rect_inside (&legend, &without.map);

      /* Paper and legend where the legend is, not a pixel of sea; sea
       * (but for the graticule's thin lines) once it is left out. */
      g_assert_cmpfloat (share_of_colour (shown, &legend, &light->sea), ==, 0);
      g_assert_cmpfloat (share_of_colour (left_out, &legend, &light->sea), >, 0.9);

      cairo_surface_destroy (shown);
      cairo_surface_destroy (left_out);
    }
}

/* Leaving out the scale bar, the north arrow or the credits changes
 * their corner of the page and nothing else. */
static void
test_no_furniture (void)
{
  TlSnapshotOptions options;
  TlSnapshotLayout l;
  TlSnapshotRect changed, scale_corner, arrow_corner;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  const TlBasemapStyle *light = tl_basemap_style_get (TL_BASEMAP_THEME_LIGHT);
  cairo_surface_t *all, *other;
  double u;

  g_ptr_array_add (events, event_at (TL_EVENT_KIND_RESCUE, 51.0, 1.5, 12));
  g_ptr_array_add (events, event_at (TL_EVENT_KIND_DEPARTURE, 50.8, 1.6, 40));

  /* Every part of the page is on unless a caller says otherwise, so
   * that maps made before the switches existed come out the same. */
  tl_snapshot_options_init (&options);
  g_assert_true (options.show_legend && options.show_scale);
  g_assert_true (options.show_north_arrow && options.show_credits);
  options.width_px = 1200;
  options.height_px = 900;
  options.created_at = 1795680000;
  options.operator_name = "Ada Lovelace";
  options.show_coastline = FALSE;
  tl_snapshot_layout_compute (&options, 1200, 900, &l);
  u = l.u;
  scale_corner = (TlSnapshotRect) { l.map.x, l.map.y + l.map.height - 60 * u, l.map.width / 2, 60 * u };
  arrow_corner = (TlSnapshotRect) { l.map.x + l.map.width - 40 * u, l.map.y, 40 * u, 45 * u };
  all = render_image (&options, events);

  options.show_scale = FALSE;
  other = render_image (&options, events);
  g_assert_true (difference_bounds (all, other, &changed));
  assert_rect_inside (&changed, &scale_corner);
  /* The bar's first segment is filled with ink; without the bar, sea. */
  {
    TlSnapshotRect bar = { l.map.x + 16 * u, l.map.y + l.map.height - 35.5 * u, 3 * u, 1.5 * u };

    g_assert_cmpfloat (share_of_colour (all, &bar, &light->sea), ==, 0);
    g_assert_cmpfloat (share_of_colour (other, &bar, &light->sea), >, 0.5);
  }
  cairo_surface_destroy (other);

  options.show_scale = TRUE;
  options.show_north_arrow = FALSE;
  other = render_image (&options, events);
  g_assert_true (difference_bounds (all, other, &changed));
  assert_rect_inside (&changed, &arrow_corner);
  cairo_surface_destroy (other);

  options.show_north_arrow = TRUE;
  options.show_credits = FALSE;
  other = render_image (&options, events);
  g_assert_true (difference_bounds (all, other, &changed));
  assert_rect_inside (&changed, &l.panel);
  cairo_surface_destroy (other);

  cairo_surface_destroy (all);
}

/* With everything left out the vector files are still whole, and a PDF
 * without credits does not name its maker in its metadata either. */
static void
test_no_parts_vector (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pdf = g_build_filename (f->dir, "map.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "map.svg", NULL);
  TlSnapshotOptions options;

  g_ptr_array_add (events, event_at (TL_EVENT_KIND_SIGHTING, 51.0, 1.5, 12));

  for (int credits = 1; credits >= 0; credits--)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len;

      tl_snapshot_options_init (&options);
      options.paper = TL_SNAPSHOT_PAPER_A4;
      options.operator_name = "Ada Lovelace";
      options.show_credits = credits;
      options.show_legend = credits;
      options.show_scale = credits;
      options.show_north_arrow = credits;
      g_assert_true (tl_snapshot_write_file (pdf, TL_SNAPSHOT_FORMAT_GUESS, &options, events, &error));
      g_assert_no_error (error);
      contents = read_file (pdf, &len);
      g_assert_true (len > 5 && memcmp (contents, "%PDF-", 5) == 0);
      g_assert_nonnull (memmem (contents, len, "%%EOF", 5));
      if (credits)
        g_assert_nonnull (memmem (contents, len, "Ada Lovelace", strlen ("Ada Lovelace")));
      else
        g_assert_null (memmem (contents, len, "Ada Lovelace", strlen ("Ada Lovelace")));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    SvgCheck check = { 0 };

    g_assert_true (tl_snapshot_write_file (svg, TL_SNAPSHOT_FORMAT_GUESS, &options, events, &error));
    g_assert_no_error (error);
    contents = parse_svg (svg, &check);
    g_assert_cmpuint (check.n_elements, >, 50);
  }
  g_assert_cmpuint (count_files (f->dir), ==, 2);
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
  g_test_add ("/snapshot/place-names", Fixture, NULL, fixture_set_up, test_place_names, fixture_tear_down);
  g_test_add ("/snapshot/crowded", Fixture, NULL, fixture_set_up, test_crowded, fixture_tear_down);
  g_test_add ("/snapshot/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add_func ("/snapshot/no-legend", test_no_legend);
  g_test_add_func ("/snapshot/no-furniture", test_no_furniture);
  g_test_add ("/snapshot/no-parts-vector", Fixture, NULL, fixture_set_up, test_no_parts_vector, fixture_tear_down);
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
