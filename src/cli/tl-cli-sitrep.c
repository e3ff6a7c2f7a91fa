/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

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
 * `tideline sitrep --case N | --event N [--form short|full] [--priority P]
 * [--to S] [--number N] [--centre S] [--final] [--assistance S]
 * [--language en|ui] [-o FILE] [--database F | --demo]`: prints (or writes
 * to FILE, 0600) the SAR SITREP of a case (all its reports) or of one
 * report, to paste into a message. The case's status decides INITIAL,
 * SUBSEQUENT or FINAL; `--final` forces a FINAL, with a warning on
 * stderr if the case is still open. It is
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
  g_autofree char *form = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *to = NULL;
  g_autofree char *assistance = NULL;
  g_autofree char *output = NULL;
  gboolean final = FALSE;
  TlSitrepForm sitrep_form;
  TlSitrepPriority sitrep_priority;
  TlCliDatabaseOptions db = { 0 };
  TlSitrepOptions options;
  TlSitrepLanguage sitrep_language;
  gint64 case_id = 0, event_id = 0;
  int number = 1;
  int status = 0;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_INT64, &case_id, N_("The SITREP of case N, from all its reports"), N_("N") },
    { "event", 0, 0, G_OPTION_ARG_INT64, &event_id, N_("The SITREP of report N alone"), N_("N") },
    /* Translators: do not translate “short” and “full”: they are the values to type */
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, N_("The short form, A to F (default), or the full form, A to N"), N_("short|full") },
    /* Translators: do not translate the values after the colon */
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority, N_("Transmission priority: auto (default, from the case), distress, urgency, safety or routine"), N_("PRIORITY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The addressees (default: CROSS Gris-Nez, MRCC Dover)"), N_("NAMES") },
    { "assistance", 0, 0, G_OPTION_ARG_STRING, &assistance, N_("The assistance required, for paragraph E"), N_("TEXT") },
    { "final", 0, 0, G_OPTION_ARG_NONE, &final, N_("Issue the FINAL SITREP even if the case is still open"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the SITREP to FILE (private, mode 0600) instead of printing it"), N_("FILE") },
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

  if (!tl_sitrep_form_from_string (form != NULL ? form : "short", &sitrep_form))
    {
      /* Translators: do not translate “short” and “full”: they are the values to type */
      g_printerr (_("--form: “%s” is not a SITREP form: use “short” or “full”\n"), form);
      status = EXIT_BAD_ARGS;
      goto out;
    }
  if (!tl_sitrep_priority_from_string (priority != NULL ? priority : "auto", &sitrep_priority))
    {
      /* Translators: do not translate the values after the colon */
      g_printerr (_("--priority: “%s” is not a priority: use auto, distress, urgency, safety or routine\n"), priority);
      status = EXIT_BAD_ARGS;
      goto out;
    }

  if (!(store = tl_cli_open_existing_store (&db, &status)))
    goto out;

  tl_sitrep_options_init (&options);
  options.number = number;
  options.centre = centre;
  options.language = sitrep_language;
  options.form = sitrep_form;
  options.priority = sitrep_priority;
  options.to = to;
  options.assistance = assistance;
  if (final)
    options.stage = TL_SITREP_STAGE_FINAL;
  if (case_id > 0)
    {
      if (!(found_case = tl_store_get_case (store, case_id, &error)) ||
          !(events = tl_store_list_case_events (store, case_id, &error)))
        {
          /* A case that never existed is not a conflict with another desk. */
          if (g_error_matches (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND))
            g_printerr (_("No case %" PRId64 "\n"), case_id);
          else
            g_printerr ("%s\n", error->message);
          status = EXIT_FAILED;
          goto out;
        }
      options.case_id = case_id;
      options.case_title = found_case->title;
      options.has_case_status = TRUE;
      options.case_status = found_case->status;
    }
  else
    {
      TlEvent *event = tl_store_get_event (store, event_id, &error);

      if (event == NULL)
        {
          if (g_error_matches (error, TL_STORE_ERROR, TL_STORE_ERROR_NOT_FOUND))
            g_printerr (_("No report %" PRId64 "\n"), event_id);
          else
            g_printerr ("%s\n", error->message);
          status = EXIT_FAILED;
          goto out;
        }
      events = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (events, event);
    }

  if (tl_sitrep_final_is_premature (events, &options))
    {
      if (found_case != NULL)
        /* Translators: a warning; %s is the case's status, like “Possible” */
        g_printerr (_("Warning: case %" PRId64 " is still “%s”: a FINAL SITREP tells other centres that SAR action has ended\n"),
                    case_id, tl_case_status_get_label (found_case->status));
      else
        g_printerr ("%s\n", _("Warning: the report is not closed: a FINAL SITREP tells other centres that SAR action has ended"));
    }

  text = tl_sitrep_build (events, &options);
  if (output == NULL)
    g_print ("%s", text);
  else if (!g_file_set_contents_full (output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILED;
    }

out:
  tl_cli_database_options_clear (&db);
  return status;
}
