/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tl-cli.h"

/* `tideline copy --from A --to B`: moving a
 * database between a file and a shared server, and preparing a server. */

/* A file to copy from must exist: opening it would create an empty one. */
static gboolean
is_missing_file (const char *address)
{
  return !g_str_has_prefix (address, "postgres") && strchr (address, '=') == NULL &&
         !g_file_test (address, G_FILE_TEST_IS_REGULAR);
}

/**
 * tl_cli_copy:
 *
 * `tideline copy --from A --to B`: every record of A (a file or a server)
 * into B, which must be new or empty, in one transaction.
 *
 * Returns: the exit status.
 */
int
tl_cli_copy (int    argc,
             char **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(TlStore) source = NULL;
  g_autoptr(TlStore) target = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0, n_audit = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("The database to copy: a file, or a server (postgresql://HOST/DB, service=NAME)"), N_("ADDRESS") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to,
      N_("The new, empty database to copy into: a file, or a server"), N_("ADDRESS") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Copy a whole database, audit included, "
                                           "from a file to a server or back"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return TL_CLI_EXIT_BAD_ARGS;
    }
  if (argc > 1 || from == NULL || to == NULL)
    {
      g_printerr (_("Give the database to copy with --from and the new one with --to\n"));
      return TL_CLI_EXIT_BAD_ARGS;
    }
  if (g_str_equal (from, to))
    {
      g_printerr (_("--from and --to name the same database\n"));
      return TL_CLI_EXIT_BAD_ARGS;
    }
  if (is_missing_file (from))
    {
      g_printerr (_("Could not copy %s: there is no such file\n"), from);
      return TL_CLI_EXIT_FAILED;
    }

  if (!(source = tl_store_open (from, &error)) ||
      !(target = tl_store_open (to, &error)) ||
      !tl_store_copy (source, target, &n_events, &n_audit, &error))
    {
      g_printerr (_("Could not copy %s to %s: %s\n"), from, to, error->message);
      return TL_CLI_EXIT_FAILED;
    }

  /* Translators: the first %u is a number of events, the second of rows
   * of the audit log */
  g_print (ngettext ("Copied %u event and %u audit entries\n",
                     "Copied %u events and %u audit entries\n", n_events),
           n_events, n_audit);
  return 0;
}
