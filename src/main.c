/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tl-application.h"
#include "tl-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TlApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK: they run with no display. */
  if (argc > 1 && tl_cli_is_command (argv[1]))
    return tl_cli_main (argc, argv);

  app = tl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
