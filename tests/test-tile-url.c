/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "tl-tile-url.h"

static void
test_valid (void)
{
  const char *good[] = {
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "http://tiles.example.org:8080/base/{z}/{y}/{x}.jpg?key=abc",
    "  https://a.example/{x}-{y}-{z}  ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (tl_tile_url_validate (good[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_invalid (void)
{
  struct {
    const char *url;
    int         code;
  } bad[] = {
    { NULL, TL_TILE_URL_ERROR_EMPTY },
    { "   ", TL_TILE_URL_ERROR_EMPTY },
    { "file:///etc/{z}/{x}/{y}", TL_TILE_URL_ERROR_SCHEME },
    { "ftp://example.org/{z}/{x}/{y}", TL_TILE_URL_ERROR_SCHEME },
    { "tile.example.org/{z}/{x}/{y}.png", TL_TILE_URL_ERROR_SCHEME },
    { "https://example.org/{z}/{x}.png", TL_TILE_URL_ERROR_PLACEHOLDER },
    { "https://example.org/{Z}/{X}/{Y}.png", TL_TILE_URL_ERROR_PLACEHOLDER },
    { "https:///{z}/{x}/{y}.png", TL_TILE_URL_ERROR_INVALID },
    { "https://exa mple.org/{z}/{x}/{y}.png", TL_TILE_URL_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i].url ? bad[i].url : "(null)");
      g_assert_false (tl_tile_url_validate (bad[i].url, &error));
      g_assert_error (error, TL_TILE_URL_ERROR, bad[i].code);
      g_assert_nonnull (error->message);
    }
}

static void
test_expand (void)
{
  g_autofree char *a = tl_tile_url_expand ("https://t.example/{z}/{x}/{y}.png", 5, 7, 4);
  g_autofree char *b = tl_tile_url_expand ("https://t.example/{y}{x}{z}/{q}{x", 1, 2, 3);

  g_assert_cmpstr (a, ==, "https://t.example/4/5/7.png");
  g_assert_cmpstr (b, ==, "https://t.example/213/{q}{x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tile-url/valid", test_valid);
  g_test_add_func ("/tile-url/invalid", test_invalid);
  g_test_add_func ("/tile-url/expand", test_expand);

  return g_test_run ();
}
