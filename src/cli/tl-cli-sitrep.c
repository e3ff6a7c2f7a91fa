/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-cli.h"
#include "tl-sitrep.h"

/* Exit statuses, as tl_cli_main() documents them. */
#define EXIT_FAILED   TL_CLI_EXIT_FAILED
#define EXIT_BAD_ARGS TL_CLI_EXIT_BAD_ARGS

/* public API */

/**
 * tl_cli_sitrep:
 * @argc: the argument count, the command itself being argv[0]
 * @argv: (array length=argc): the arguments
 *
 * `tideline sitrep --case N | --event N [--number N] [--centre S]
 * [--language en|ui] [--database F | --demo]`: prints the SAR SITREP of a
 * case (all its reports) or of one report, to paste into a message. It is
 * in English unless `--language ui` asks for the interface language; the
 * window's remembered centre and language are not read here, so a script
 * gets the same text on any computer.
 *
 * Returns: the exit status: 0 done, 1 failed, 2 bad arguments.
 */
int
tl_cli_sitrep (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(TlCase) found_case = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;
  TlCliDatabaseOptions db = { 0 };
  TlSitrepOptions options;
  TlSitrepLanguage sitrep_language;
  gint64 case_id = 0, event_id = 0;
  int number = 1;
  int status = 0;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("The SITREP of case N, from all its reports"), N_("N") },
    { "event", 0, 0, G_OPTION_ARG_INT64, &event_id, N_("The SITREP of report N alone"), N_("N") },
    { "number", 0, 0, G_OPTION_ARG_INT, &number, N_("The SITREP’s number in its series (default: 1)"), N_("N") },
    { "centre", 0, 0, G_OPTION_ARG_STRING, &centre, N_("The coordinating centre (default: CROSS Gris-Nez / HMCG Dover)"), N_("NAME") },
    /* Translators: in the second string, do not translate “en” and “ui”: they are the values to type */
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("English, the IAMSAR format (default), or the interface language"), N_("en|ui") },
    { NULL }
  };

  if (!tl_cli_parse_options (NULL, _("Print the SAR situation report of a case or a report."),
                             entries, &db, &argc, &argv, FALSE))
    {
      status = EXIT_BAD_ARGS;
      goto out;
    }
  if ((case_id > 0) == (event_id > 0) || case_id < 0 || event_id < 0)
    {
      g_printerr ("%s\n", _("Name one case with --case N or one report with --event N"));
      status = EXIT_BAD_ARGS;
      goto out;
    }
  if (number < 1)
    {
      g_printerr ("%s\n", _("--number: a SITREP’s number starts at 1"));
      status = EXIT_BAD_ARGS;
      goto out;
    }

  if (!tl_sitrep_language_from_string (language != NULL ? language : "en", &sitrep_language))
    {
      /* Translators: do not translate “en” and “ui”: they are the values to type */
      g_printerr (_("--language: “%s” is not a SITREP language: use “en” for English or “ui” for the interface language\n"),
                  language);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  if (!(store = tl_cli_open_existing_store (&db, &status)))
    goto out;

  tl_sitrep_options_init (&options);
  options.number = number;
  options.centre = centre;
  options.language = sitrep_language;
  if (case_id > 0)
    {
      if (!(found_case = tl_store_get_case (store, case_id, &error)) ||
          !(events = tl_store_list_case_events (store, case_id, &error)))
        {
          g_printerr ("%s\n", error->message);
          status = EXIT_FAILED;
          goto out;
        }
      options.case_id = case_id;
      options.case_title = found_case->title;
    }
  else
    {
      TlEvent *event = tl_store_get_event (store, event_id, &error);

      if (event == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = EXIT_FAILED;
          goto out;
        }
      events = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (events, event);
    }

  text = tl_sitrep_build (events, &options);
  g_print ("%s", text);

out:
  tl_cli_database_options_clear (&db);
  return status;
}
