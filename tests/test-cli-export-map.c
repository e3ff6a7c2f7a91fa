/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `tideline export-map` as a script runs it: no display, a database made
 * by `tideline generate`, exit 0 and a valid file; bad arguments exit 2
 * with a message and write nothing; failures exit 1. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  char *dir;
  char *database;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

/* helpers */

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
tideline_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "tideline", NULL);
}

/* Runs tideline with @args (NULL-terminated) and no display at all: if
 * it touched GTK it would fail to open one. */
static void
run_tideline (Run         *run,
              const char  *first,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (argv, tideline_path ());
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  /* A crash (a sanitizer's report ends in abort) says why on stderr. */
  if (!g_subprocess_get_if_exited (process))
    g_error ("tideline %s was killed by signal %d:\n%s", first,
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-export-map-XXXXXX", &error);
  g_assert_no_error (error);
  f->database = g_build_filename (f->dir, "demo.db", NULL);
  run_tideline (&run, "generate", "--database", f->database, "--from", "2026-11-26", NULL);
  if (run.status != 0)
    g_error ("tideline generate failed (%d): %s", run.status, run.err);
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
  g_free (f->database);
}

static gboolean
starts_with (const char *path,
             const char *magic)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return len >= strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

static void
assert_svg (const char *path)
{
  const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_markup_parse_context_parse (context, contents, len, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));
}

/* tests */

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "map.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "map.svg", NULL);

  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "--database", f->database, "--from", "2026-11-26",
                  "--size", "1280x800", "--marking", "OFFICIAL-SENSITIVE", "-o", png, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (starts_with (png, "\x89PNG\r\n"));
  }
  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "-d", f->database, "--from", "2026-11-26",
                  "--paper", "a4", "--landscape", "--dpi", "300", "--title", "Night brief", "-o", pdf, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (starts_with (pdf, "%PDF-"));
  }
  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "-d", f->database, "--from", "2026-11-26T06:00",
                  "--to", "2026-11-26T18:00", "--bbox", "1,50.5,2.2,51.3", "--paper", "a3",
                  "--kinds", "departure,rescue", "--dark", "-o", svg, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_svg (svg);
  }
}

static void
test_bad_arguments (Fixture       *f,
                    gconstpointer  data)
{
  static const char *cases[][6] = {
    { "--paper", "a5" },
    { "--paper", "a4", "--dpi", "0" },
    { "--paper", "a4", "--dpi", "1201" },
    { "--dpi", "many" },
    { "--size", "10x" },
    { "--size", "x10" },
    { "--size", "800x600", "--paper", "a4" },
    { "--landscape" },
    { "--bbox", "2.6,50.3,0.6,51.5" },
    { "--bbox", "0.6,51.5,2.6,50.3" },
    { "--bbox", "0.6,50.3,200,51.5" },
    { "--bbox", "0.6,50.3,2.6" },
    { "--from", "2026-11-27", "--to", "2026-11-26" },
    { "--from", "yesterday-ish" },
    { "--kinds", "parade" },
    { "--time-zone", "Mars/Olympus_Mons" },
    { "--no-compass" },
    { "--legend" },
  };
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *bmp = g_build_filename (f->dir, "map.bmp", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char **c = cases[i];

      run_tideline (&run, "export-map", "-d", f->database, "-o", png,
                    c[0], c[1], c[2], c[3], c[4], c[5], NULL);
      if (run.status != 2)
        g_error ("%s %s: exit %d, expected 2", c[0], c[1] ? c[1] : "", run.status);
      g_assert_cmpuint (strlen (run.err), >, 0);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "-d", f->database, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "-o"));
  }
  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "-d", f->database, "-o", bmp, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, ".png"));
    g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
  }
}

/* The parts of the page that can be left out: each flag is taken, and
 * changes the map; without credits a PDF does not name its maker. */
static void
test_page_parts (Fixture       *f,
                 gconstpointer  data)
{
  static const char *flags[] = { "--no-legend", "--no-scale", "--no-north-arrow", "--no-credits" };
  g_autofree char *full = g_build_filename (f->dir, "full.png", NULL);
  g_autofree char *full_bytes = NULL;
  gsize full_len;

  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "-d", f->database, "--from", "2026-11-26", "--size", "1000x800",
                  "--operator", "Ada Lovelace", "-o", full, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (full, &full_bytes, &full_len, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *name = g_strdup_printf ("part-%u.png", i);
      g_autofree char *png = g_build_filename (f->dir, name, NULL);
      g_autofree char *bytes = NULL;
      gsize len;

      run_tideline (&run, "export-map", "-d", f->database, "--from", "2026-11-26", "--size", "1000x800",
                    "--operator", "Ada Lovelace", flags[i], "-o", png, NULL);
      if (run.status != 0)
        g_error ("%s: exit %d: %s", flags[i], run.status, run.err);
      g_assert_true (starts_with (png, "\x89PNG\r\n"));
      g_assert_true (g_file_get_contents (png, &bytes, &len, NULL));
      if (len == full_len && memcmp (bytes, full_bytes, len) == 0)
        g_error ("%s made the same map as without it", flags[i]);
    }

  {
    g_auto(Run) with = { 0 };
    g_auto(Run) without = { 0 };
    g_autofree char *credits = g_build_filename (f->dir, "credits.pdf", NULL);
    g_autofree char *plain = g_build_filename (f->dir, "plain.pdf", NULL);
    g_autofree char *bytes = NULL;
    gsize len;

    run_tideline (&with, "export-map", "-d", f->database, "--from", "2026-11-26", "--paper", "a4",
                  "--operator", "Ada Lovelace", "--no-legend", "--no-scale", "--no-north-arrow",
                  "-o", credits, NULL);
    g_assert_cmpint (with.status, ==, 0);
    g_assert_true (starts_with (credits, "%PDF-"));
    g_assert_true (g_file_get_contents (credits, &bytes, &len, NULL));
    g_assert_nonnull (memmem (bytes, len, "Ada Lovelace", strlen ("Ada Lovelace")));
    g_clear_pointer (&bytes, g_free);

    run_tideline (&without, "export-map", "-d", f->database, "--from", "2026-11-26", "--paper", "a4",
                  "--operator", "Ada Lovelace", "--no-legend", "--no-scale", "--no-north-arrow",
                  "--no-credits", "-o", plain, NULL);
    g_assert_cmpint (without.status, ==, 0);
    g_assert_true (starts_with (plain, "%PDF-"));
    g_assert_true (g_file_get_contents (plain, &bytes, &len, NULL));
    g_assert_null (memmem (bytes, len, "Ada Lovelace", strlen ("Ada Lovelace")));
  }

  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
      g_assert_nonnull (strstr (run.out, flags[i]));
  }
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *not_db = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *no_dir = g_build_filename (f->dir, "no", "such", "dir", "map.png", NULL);

  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (not_db, "Shift notes: nothing to report, all quiet on the coast.", -1, NULL));
    run_tideline (&run, "export-map", "-d", not_db, "-o", png, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (strlen (run.err), >, 0);
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *typo = g_build_filename (f->dir, "dmeo.db", NULL);

    /* A mistyped database name must not become a new, empty database. */
    run_tideline (&run, "export-map", "-d", typo, "-o", png, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "dmeo.db"));
    g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    run_tideline (&run, "export-map", "-d", f->database, "-o", no_dir, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "map.png"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/export-map/formats", Fixture, NULL, fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/cli/export-map/bad-arguments", Fixture, NULL, fixture_set_up, test_bad_arguments, fixture_tear_down);
  g_test_add ("/cli/export-map/page-parts", Fixture, NULL, fixture_set_up, test_page_parts, fixture_tear_down);
  g_test_add ("/cli/export-map/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);

  return g_test_run ();
}
