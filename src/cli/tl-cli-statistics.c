/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-cli.h"
#include "tl-statistics.h"

/**
 * tl_cli_import_statistics_with_mapping:
 * @path: the CSV file of daily figures
 * @mapping: (nullable): which columns hold the date, people and boats;
 *   %NULL to recognise them by their names
 * @dry_run: check and report, write nothing
 * @options: the database to write to
 *
 * The work of `tideline import --statistics FILE [--dry-run]`: reads the
 * whole file, refuses it if a row cannot be read (listing those rows by
 * line number) and otherwise writes every day in one transaction.
 *
 * Returns: the exit status: 0 on success, 1 if the file was refused or
 *   could not be written.
 */
int
tl_cli_import_statistics_with_mapping (const char                *path,
                                       const TlStatisticsMapping *mapping,
                                       gboolean                   dry_run,
                                       TlCliDatabaseOptions      *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStatisticsFile) file = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *source = NULL;
  const TlStatisticsDay *first, *last;
  gsize length;

  g_return_val_if_fail (path != NULL, 2);
  g_return_val_if_fail (options != NULL, 2);

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !(file = tl_statistics_parse (contents, length, mapping, &error)) ||
      !tl_statistics_file_check (file, &error))
    {
      /* Translators: %s is a file name, then why it was refused */
      g_printerr (_("Could not import %s: %s\n"), path, error->message);
      return 1;
    }

  first = &g_array_index (file->days, TlStatisticsDay, 0);
  last = &g_array_index (file->days, TlStatisticsDay, file->days->len - 1);

  /* Translators: the columns found; %s are column names or "none" */
  g_print (_("Columns: date “%s”, people “%s”, boats “%s”\n"),
           file->header[file->mapping.date],
           file->mapping.people >= 0 ? file->header[file->mapping.people] : _("none"),
           file->mapping.boats >= 0 ? file->header[file->mapping.boats] : _("none"));

  if (dry_run)
    {
      g_print (ngettext ("Would import %u day, %s to %s (dry run: nothing written)\n",
                         "Would import %u days, %s to %s (dry run: nothing written)\n",
                         file->days->len),
               file->days->len, first->date, last->date);
      return 0;
    }

  source = g_path_get_basename (path);
  if (!(store = tl_cli_open_store (options, &error)) ||
      !tl_store_import_statistics (store, file->days, source, &error))
    {
      g_printerr (_("Could not import %s: %s\n"), path, error->message);
      return 1;
    }

  g_print (ngettext ("Imported %u day, %s to %s\n", "Imported %u days, %s to %s\n",
                     file->days->len),
           file->days->len, first->date, last->date);
  return 0;
}

/**
 * tl_cli_import_statistics:
 * @path: the CSV file of daily figures, its columns recognised by name
 * @dry_run: check and report, write nothing
 * @options: the database to write to
 *
 * `tideline import --statistics FILE [--dry-run]`; see
 * tl_cli_import_statistics_with_mapping().
 *
 * Returns: the exit status.
 */
int
tl_cli_import_statistics (const char           *path,
                          gboolean              dry_run,
                          TlCliDatabaseOptions *options)
{
  return tl_cli_import_statistics_with_mapping (path, NULL, dry_run, options);
}
