/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-cli.h"

/* Public API */

/**
 * tl_cli_migrate:
 *
 * `tideline migrate [--database DATABASE | DATABASE]`: upgrades a database
 * of an older Tideline to the current schema. A file is kept as it was
 * beside it; a shared server (postgresql://HOST/DB, service=NAME) is
 * migrated in one transaction by a role allowed to, typically its owner
 * before the desks connect. Commands that only read never upgrade a
 * file: older versions still at work on it would then be locked out.
 *
 * Returns: the exit status: 0 done (or nothing to do), 1 failed, 2 bad
 *   arguments.
 */
int
tl_cli_migrate (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  TlCliDatabaseOptions db = { 0 };
  int old_version = 0;
  int status = 0;
  const GOptionEntry entries[] = { { NULL } };

  if (!tl_cli_parse_options (_("[DATABASE]"), _("Upgrade a database to this version: a file, keeping a copy of it as it was, or a shared server (postgresql://HOST/DB, service=NAME)."),
                             entries, &db, &argc, &argv, TRUE))
    status = TL_CLI_EXIT_BAD_ARGS;
  else if (argc > 2 || (argc == 2 && (db.database != NULL || db.demo)))
    {
      g_printerr ("%s\n", _("Name one database, as DATABASE or with --database"));
      status = TL_CLI_EXIT_BAD_ARGS;
    }
  else
    {
      path = argc == 2 ? g_strdup (argv[1])
           : db.demo ? tl_cli_demo_database_path ()
           : db.database != NULL ? g_strdup (db.database)
           : tl_cli_default_database_path ();

      if (tl_store_is_server_address (path))
        {
          g_autoptr(TlStore) store = tl_store_open (path, &error);

          if (store == NULL)
            {
              g_printerr (_("Could not migrate %s: %s\n"), path, error->message);
              status = TL_CLI_EXIT_FAILED;
            }
          else
            g_print (_("%s is at schema %d\n"), path, tl_store_get_schema_version (store));
        }
      else if (!tl_store_upgrade_file (path, &old_version, &backup, &error))
        {
          g_printerr ("%s\n", error->message);
          status = TL_CLI_EXIT_FAILED;
        }
      else if (backup == NULL)
        g_print (_("%s is at schema %d already: nothing to do\n"), path, old_version);
      else
        g_print (_("Upgraded %s from schema %d to %d; the file as it was is kept as %s\n"),
                 path, old_version, TL_STORE_SCHEMA_VERSION, backup);
    }

  tl_cli_database_options_clear (&db);
  return status;
}
