/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking and filling in tile server address templates. Kept apart from
 * the downloader so the rules can be tested without a network or a
 * display. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-tile-url.h"

G_DEFINE_QUARK (tl-tile-url-error-quark, tl_tile_url_error)

/**
 * tl_tile_url_expand:
 * @url_template: a template, valid or not
 * @x: tile column
 * @y: tile row, from the north (XYZ, not TMS)
 * @zoom: zoom level
 *
 * Replaces every {x}, {y} and {z} of @url_template.
 *
 * Returns: (transfer full): the address of the tile
 */
char *
tl_tile_url_expand (const char *url_template,
                    int         x,
                    int         y,
                    int         zoom)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (url_template != NULL, NULL);

  for (const char *p = url_template; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}' && strchr ("xyz", p[1]) != NULL)
        {
          g_string_append_printf (s, "%d", p[1] == 'x' ? x : p[1] == 'y' ? y : zoom);
          p += 2;
        }
      else
        g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

/**
 * tl_tile_url_validate:
 * @url_template: what the officer typed
 * @error: where to say what is wrong, in words fit for the form
 *
 * A template is valid when it is an http or https address with a host
 * and holds {z}, {x} and {y}. Tiles are never fetched from anything else:
 * file:// or other schemes could read local files.
 *
 * Returns: whether @url_template can be used
 */
gboolean
tl_tile_url_validate (const char  *url_template,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *sample = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  stripped = g_strstrip (g_strdup (url_template != NULL ? url_template : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, TL_TILE_URL_ERROR, TL_TILE_URL_ERROR_EMPTY,
                           _("Type the address of the tile server"));
      return FALSE;
    }

  if (g_ascii_strncasecmp (stripped, "http://", 7) != 0 &&
      g_ascii_strncasecmp (stripped, "https://", 8) != 0)
    {
      g_set_error_literal (error, TL_TILE_URL_ERROR, TL_TILE_URL_ERROR_SCHEME,
                           _("The address must start with https:// or http://"));
      return FALSE;
    }

  if (strstr (stripped, "{z}") == NULL || strstr (stripped, "{x}") == NULL ||
      strstr (stripped, "{y}") == NULL)
    {
      g_set_error_literal (error, TL_TILE_URL_ERROR, TL_TILE_URL_ERROR_PLACEHOLDER,
                           /* Translators: {z}, {x} and {y} must stay as they are */
                           _("The address must contain {z}, {x} and {y} where the zoom level, column and row go"));
      return FALSE;
    }

  /* Braces are not allowed in a URI: check the address a real tile gets. */
  sample = tl_tile_url_expand (stripped, 1, 2, 3);
  uri = g_uri_parse (sample, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL || strpbrk (stripped, " \t\n\r") != NULL || g_uri_get_host (uri) == NULL ||
      *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error_literal (error, TL_TILE_URL_ERROR, TL_TILE_URL_ERROR_INVALID,
                           _("This is not a valid web address"));
      return FALSE;
    }

  return TRUE;
}
