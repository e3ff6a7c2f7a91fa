/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tl-coordinates.h"
#include "tl-report.h"
#include "tl-sitrep.h"

/* How the paragraphs are filled, from the case's reports in time order:
 *
 * - A, identity: the boat type and number of boats and the people on
 *   board, each from the latest report that states it, since later
 *   reports correct earlier estimates;
 * - B, position: the latest report with a position, and its time;
 * - C, situation: one line per report;
 * - D, persons: people on board, rescued, deceased and missing, each the
 *   latest figure stated (the same rule as A);
 * - E, assistance: every unit named on any report, once, in the order
 *   they were first named;
 * - F, the coordinating centre. */

/* helpers */

/* Date-time groups are a fixed international notation: the month is
 * always the English three letters, whatever the language of the rest. */
static const char *const months[] = {
  "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
};

/* Stored in GSettings and given to `tideline sitrep --language`. */
static const char *const language_names[] = {
  [TL_SITREP_LANGUAGE_ENGLISH] = "en",
  [TL_SITREP_LANGUAGE_INTERFACE] = "ui",
};

/* The one door to gettext. Every fixed phrase is marked NC_() and its
 * English msgid is the IAMSAR text itself, so English never looks it up:
 * the SITREP reads the same in Calais and in Dover. */
static const char *
tr (TlSitrepLanguage  language,
    const char       *context,
    const char       *msgid) G_GNUC_FORMAT (3);

static const char *
tr (TlSitrepLanguage  language,
    const char       *context,
    const char       *msgid)
{
  if (language == TL_SITREP_LANGUAGE_INTERFACE)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  return msgid;
}

/* A stable name (an event kind or status, a report choice id) is a
 * lower-case English word, so in English it is the word itself, upper-cased
 * without regard to the locale (a Turkish one would dot the I). */
static char *
english_word (const char *stable_name)
{
  return g_strdelimit (g_ascii_strup (stable_name, -1), "_", ' ');
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  TlEvent *ea = *(TlEvent **) a;
  TlEvent *eb = *(TlEvent **) b;
  gint64 ta = tl_event_get_time (ea), tb = tl_event_get_time (eb);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return tl_event_get_id (ea) < tl_event_get_id (eb) ? -1 : tl_event_get_id (ea) > tl_event_get_id (eb);
}

/* The latest known value of a count, or TL_COUNT_UNKNOWN. */
static int
latest_count (GPtrArray *sorted,
              int      (*get) (TlEvent *))
{
  for (guint i = sorted->len; i > 0; i--)
    {
      int value = get (g_ptr_array_index (sorted, i - 1));

      if (value >= 0)
        return value;
    }
  return TL_COUNT_UNKNOWN;
}

static char *
upper (const char *text)
{
  return g_utf8_strup (text, -1);
}

static TlSitrepStage
decide_stage (GPtrArray             *sorted,
              const TlSitrepOptions *options)
{
  gboolean all_closed = sorted->len > 0;

  if (options->stage != TL_SITREP_STAGE_AUTO)
    return options->stage;
  for (guint i = 0; i < sorted->len; i++)
    if (tl_event_get_status (g_ptr_array_index (sorted, i)) != TL_EVENT_STATUS_CLOSED)
      all_closed = FALSE;
  if (all_closed)
    return TL_SITREP_STAGE_FINAL;
  return options->number <= 1 ? TL_SITREP_STAGE_INITIAL : TL_SITREP_STAGE_SUBSEQUENT;
}

static const char *
stage_label (TlSitrepStage    stage,
             TlSitrepLanguage language)
{
  switch (stage)
    {
    case TL_SITREP_STAGE_INITIAL:
      /* Translators: the stage of a SAR SITREP, as the IAMSAR Manual writes it */
      return tr (language, "SITREP stage", NC_("SITREP stage", "INITIAL"));
    case TL_SITREP_STAGE_FINAL:
      return tr (language, "SITREP stage", NC_("SITREP stage", "FINAL"));
    case TL_SITREP_STAGE_SUBSEQUENT:
    case TL_SITREP_STAGE_AUTO:
    default:
      return tr (language, "SITREP stage", NC_("SITREP stage", "SUBSEQUENT"));
    }
}

/* An event's kind and status, as paragraph C writes them. */
static char *
kind_word (TlEvent          *event,
           TlSitrepLanguage  language)
{
  if (language == TL_SITREP_LANGUAGE_INTERFACE)
    return upper (tl_event_kind_get_label (tl_event_get_kind (event)));
  return english_word (tl_event_kind_to_string (tl_event_get_kind (event)));
}

static char *
status_word (TlEvent          *event,
             TlSitrepLanguage  language)
{
  if (language == TL_SITREP_LANGUAGE_INTERFACE)
    return upper (tl_event_status_get_label (tl_event_get_status (event)));
  return english_word (tl_event_status_to_string (tl_event_get_status (event)));
}

static void
append_identity (GString          *out,
                 GPtrArray        *reports,
                 GPtrArray        *sorted,
                 TlSitrepLanguage  language)
{
  int boats = latest_count (sorted, tl_event_get_boats);
  int people = latest_count (sorted, tl_event_get_people);
  g_autofree char *what = NULL;

  for (guint i = reports->len; i > 0 && what == NULL; i--)
    {
      const char *id = tl_report_get (g_ptr_array_index (reports, i - 1), TL_REPORT_FIELD_BOAT_TYPE);
      int choice;

      if (id == NULL || id[0] == '\0')
        continue;
      choice = tl_report_choice_find (TL_REPORT_FIELD_BOAT_TYPE, id);
      if (choice < 0)
        what = upper (id);
      else if (language == TL_SITREP_LANGUAGE_INTERFACE)
        what = upper (tl_report_choice_get_label (TL_REPORT_FIELD_BOAT_TYPE, choice));
      else
        what = english_word (id);
    }
  if (what == NULL)
    /* Translators: SITREP paragraph A when the type of boat is not known */
    what = upper (tr (language, "SITREP", NC_("SITREP", "small boat")));

  /* Translators: SITREP paragraph A heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tr (language, "SITREP", NC_("SITREP", "A. IDENTITY OF CASUALTY:")));
  if (boats > 1)
    /* Translators: SITREP paragraph A: number of boats, then their type */
    g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "%d BOATS, %s")), boats, what);
  else
    g_string_append (out, what);
  if (people >= 0)
    /* Translators: SITREP paragraph A: people on board, an estimate */
    g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", ", APPROX %d POB")), people);
  else
    g_string_append (out, tr (language, "SITREP", NC_("SITREP", ", POB UNKNOWN")));
  g_string_append_c (out, '\n');
}

static void
append_position (GString          *out,
                 GPtrArray        *sorted,
                 TlSitrepLanguage  language)
{
  /* Translators: SITREP paragraph B heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tr (language, "SITREP", NC_("SITREP", "B. POSITION:")));
  for (guint i = sorted->len; i > 0; i--)
    {
      TlEvent *event = g_ptr_array_index (sorted, i - 1);
      g_autofree char *position = NULL;
      g_autofree char *dtg = NULL;

      if (!tl_event_has_position (event))
        continue;
      position = tl_coordinates_format (tl_event_get_latitude (event), tl_event_get_longitude (event),
                                        TL_COORDINATE_FORMAT_DDM);
      dtg = tl_sitrep_format_dtg (tl_event_get_time (event));
      /* Translators: SITREP paragraph B: a position at a date-time group */
      g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "%s AT %s")), position, dtg);
      if (tl_event_get_place (event) != NULL && tl_event_get_place (event)[0] != '\0')
        {
          g_autofree char *place = upper (tl_event_get_place (event));

          /* Translators: SITREP paragraph B: the named place near the position */
          g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", " (NEAR %s)")), place);
        }
      g_string_append_c (out, '\n');
      return;
    }
  g_string_append_printf (out, "%s\n", tr (language, "SITREP", NC_("SITREP", "NOT KNOWN")));
}

static void
append_situation (GString          *out,
                  GPtrArray        *sorted,
                  TlSitrepLanguage  language)
{
  /* Translators: SITREP paragraph C heading (IAMSAR) */
  g_string_append_printf (out, "%s\n", tr (language, "SITREP", NC_("SITREP", "C. SITUATION:")));
  for (guint i = 0; i < sorted->len; i++)
    {
      TlEvent *event = g_ptr_array_index (sorted, i);
      g_autofree char *dtg = tl_sitrep_format_dtg (tl_event_get_time (event));
      g_autofree char *kind = kind_word (event, language);
      g_autofree char *status = status_word (event, language);
      const char *notes = tl_event_get_notes (event);

      g_string_append_printf (out, "   %s %s (%s)", dtg, kind, status);
      if (notes != NULL && notes[0] != '\0')
        {
          g_autofree char *one_line = g_strdelimit (g_strstrip (g_strdup (notes)), "\r\n", ' ');

          g_string_append_printf (out, ": %s", one_line);
        }
      g_string_append_c (out, '\n');
    }
  if (sorted->len == 0)
    g_string_append_printf (out, "   %s\n", tr (language, "SITREP", NC_("SITREP", "NO REPORTS")));
}

static void
append_count (GString    *out,
              int         value,
              const char *text)
{
  if (value < 0)
    return;
  if (out->str[out->len - 1] != ' ')
    g_string_append (out, ", ");
  g_string_append (out, text);
}

static void
append_persons (GString          *out,
                GPtrArray        *sorted,
                TlSitrepLanguage  language)
{
  int people = latest_count (sorted, tl_event_get_people);
  int rescued = latest_count (sorted, tl_event_get_rescued);
  int deceased = latest_count (sorted, tl_event_get_deceased);
  int missing = latest_count (sorted, tl_event_get_missing);
  /* Translators: SITREP paragraph D: people on board */
  g_autofree char *p = g_strdup_printf (tr (language, "SITREP", NC_("SITREP", "%d POB")), people);
  g_autofree char *r = g_strdup_printf (tr (language, "SITREP", NC_("SITREP", "%d RESCUED")), rescued);
  g_autofree char *d = g_strdup_printf (tr (language, "SITREP", NC_("SITREP", "%d DECEASED")), deceased);
  g_autofree char *m = g_strdup_printf (tr (language, "SITREP", NC_("SITREP", "%d MISSING")), missing);

  /* Translators: SITREP paragraph D heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tr (language, "SITREP", NC_("SITREP", "D. PERSONS INVOLVED:")));
  append_count (out, people, p);
  append_count (out, rescued, r);
  append_count (out, deceased, d);
  append_count (out, missing, m);
  if (people < 0 && rescued < 0 && deceased < 0 && missing < 0)
    g_string_append (out, tr (language, "SITREP", NC_("SITREP", "NOT KNOWN")));
  g_string_append_c (out, '\n');
}

static void
append_assistance (GString          *out,
                   GPtrArray        *reports,
                   TlSitrepLanguage  language)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < reports->len; i++)
    {
      const char *list = tl_report_get (g_ptr_array_index (reports, i), TL_REPORT_FIELD_UNITS);
      /* The form writes one unit per line; an event's unit joins them with commas. */
      g_auto(GStrv) names = g_strsplit_set (list != NULL ? list : "", "\n,", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autofree char *name = upper (g_strstrip (names[j]));

          if (name[0] != '\0' && !g_ptr_array_find_with_equal_func (units, name, g_str_equal, NULL))
            g_ptr_array_add (units, g_steal_pointer (&name));
        }
    }

  /* Translators: SITREP paragraph E heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tr (language, "SITREP", NC_("SITREP", "E. ASSISTANCE GIVEN:")));
  if (units->len == 0)
    g_string_append (out, tr (language, "SITREP", NC_("SITREP", "NONE REPORTED")));
  for (guint i = 0; i < units->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (units, i));
  g_string_append_c (out, '\n');
}

/* public API */

/**
 * tl_sitrep_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Number 1, stage decided from the reports, the default centre, no case,
 * dated now, in English.
 */
void
tl_sitrep_options_init (TlSitrepOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TlSitrepOptions) {
    .number = 1,
    .stage = TL_SITREP_STAGE_AUTO,
    .language = TL_SITREP_LANGUAGE_ENGLISH,
  };
}

/**
 * tl_sitrep_language_to_string:
 * @language: a #TlSitrepLanguage
 *
 * Returns: (transfer none): the stable name of @language, “en” or “ui”, as
 *   stored in GSettings and given on the command line
 */
const char *
tl_sitrep_language_to_string (TlSitrepLanguage language)
{
  g_return_val_if_fail (language <= TL_SITREP_LANGUAGE_INTERFACE, language_names[0]);

  return language_names[language];
}

/**
 * tl_sitrep_language_from_string:
 * @str: (nullable): a name from tl_sitrep_language_to_string()
 * @out_language: (out): where to store the language
 *
 * On failure @out_language is set to %TL_SITREP_LANGUAGE_ENGLISH, the
 * default, and the caller should say that @str is not a language.
 *
 * Returns: %TRUE if @str is a known name
 */
gboolean
tl_sitrep_language_from_string (const char       *str,
                                TlSitrepLanguage *out_language)
{
  g_return_val_if_fail (out_language != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    {
      if (g_strcmp0 (str, language_names[i]) == 0)
        {
          *out_language = (TlSitrepLanguage) i;
          return TRUE;
        }
    }

  *out_language = TL_SITREP_LANGUAGE_ENGLISH;
  return FALSE;
}

/**
 * tl_sitrep_format_dtg:
 * @utc: a time, UTC seconds
 *
 * Returns: (transfer full): the date-time group, “DDHHMMZ MON YY”, like
 *   “261430Z NOV 26”
 */
char *
tl_sitrep_format_dtg (gint64 utc)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  if (dt == NULL)
    return g_strdup ("??????Z ??? ??");
  return g_strdup_printf ("%02d%02d%02dZ %s %02d",
                          g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt) % 100);
}

/**
 * tl_sitrep_build:
 * @events: (element-type TlEvent): the reports of a case, or one report,
 *   in any order
 * @options: the number, stage, centre and language
 *
 * Returns: (transfer full): the SITREP as plain text, lines ending in
 *   “\n”, ready to paste into a message
 */
char *
tl_sitrep_build (GPtrArray             *events,
                 const TlSitrepOptions *options)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree char *dtg = NULL;
  g_autofree char *centre = NULL;
  TlSitrepLanguage language;
  GString *out;

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  language = options->language;
  sorted = g_ptr_array_copy (events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (sorted, g_object_unref);
  g_ptr_array_sort (sorted, compare_time);

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_report_free);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      g_ptr_array_add (reports, tl_report_new_from_event (g_ptr_array_index (sorted, i), utc,
                                                          TL_COORDINATE_FORMAT_DDM));
    }

  dtg = tl_sitrep_format_dtg (options->created_at != 0 ? options->created_at
                                                       : g_get_real_time () / G_USEC_PER_SEC);
  centre = upper (options->centre != NULL && options->centre[0] != '\0'
                  ? options->centre : TL_SITREP_DEFAULT_CENTRE);

  out = g_string_new (NULL);
  /* Translators: the SITREP's first line (IAMSAR): its stage and number */
  g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "SAR SITREP (%s) NO. %u")),
                          stage_label (decide_stage (sorted, options), language), MAX (options->number, 1));
  g_string_append_c (out, '\n');
  /* Translators: the SITREP's date-time group line */
  g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "DTG: %s")), dtg);
  g_string_append_c (out, '\n');
  /* Translators: the SITREP's sender line */
  g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "FROM: %s")), centre);
  g_string_append_c (out, '\n');
  if (options->case_id > 0)
    {
      g_autofree char *title = options->case_title && options->case_title[0]
                               ? upper (options->case_title) : NULL;

      /* Translators: the SITREP's reference: the case number */
      g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "CASE %" PRId64)), options->case_id);
      if (title != NULL)
        g_string_append_printf (out, " — %s", title);
      g_string_append_c (out, '\n');
    }
  else if (sorted->len == 1)
    {
      /* Translators: the SITREP's reference: one report's number */
      g_string_append_printf (out, tr (language, "SITREP", NC_("SITREP", "REPORT %" PRId64)),
                              tl_event_get_id (g_ptr_array_index (sorted, 0)));
      g_string_append_c (out, '\n');
    }

  append_identity (out, reports, sorted, language);
  append_position (out, sorted, language);
  append_situation (out, sorted, language);
  append_persons (out, sorted, language);
  append_assistance (out, reports, language);
  /* Translators: SITREP paragraph F heading (IAMSAR) */
  g_string_append_printf (out, "%s %s\n", tr (language, "SITREP", NC_("SITREP", "F. COORDINATING CENTRE:")), centre);

  return g_string_free (out, FALSE);
}
