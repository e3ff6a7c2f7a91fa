/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tl-coordinates.h"
#include "tl-report.h"
#include "tl-sitrep-private.h"
#include "tl-units.h"

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
const char *
tl_sitrep_tr (TlSitrepLanguage  language,
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
char *
tl_sitrep_english_word (const char *stable_name)
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
int
tl_sitrep_latest_count (GPtrArray *sorted,
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

char *
tl_sitrep_upper (const char *text)
{
  return g_utf8_strup (text, -1);
}

static const char *
stage_label (TlSitrepStage    stage,
             TlSitrepLanguage language)
{
  switch (stage)
    {
    case TL_SITREP_STAGE_INITIAL:
      /* Translators: the stage of a SAR SITREP, as the IAMSAR Manual writes it */
      return tl_sitrep_tr (language, "SITREP stage", NC_("SITREP stage", "INITIAL"));
    case TL_SITREP_STAGE_FINAL:
      return tl_sitrep_tr (language, "SITREP stage", NC_("SITREP stage", "FINAL"));
    case TL_SITREP_STAGE_SUBSEQUENT:
    case TL_SITREP_STAGE_AUTO:
    default:
      return tl_sitrep_tr (language, "SITREP stage", NC_("SITREP stage", "SUBSEQUENT"));
    }
}

/* A unit as a report stores it, as the SITREP names it: upper case, and
 * a built-in unit in the interface language when the SITREP is written
 * in it (in English, its key is its English name). */
char *
tl_sitrep_unit_name (const char       *stored,
                     TlSitrepLanguage  language)
{
  if (language == TL_SITREP_LANGUAGE_INTERFACE)
    return tl_sitrep_upper (tl_unit_get_label (stored));
  return tl_sitrep_upper (stored);
}

/* Every unit named on any report, once, upper case, in the order they
 * were first named. */
GPtrArray *
tl_sitrep_units (GPtrArray        *reports,
                 TlSitrepLanguage  language)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < reports->len; i++)
    {
      const char *list = tl_report_get (g_ptr_array_index (reports, i), TL_REPORT_FIELD_UNITS);
      /* The form writes one unit per line; an event's unit joins them with commas. */
      g_auto(GStrv) names = g_strsplit_set (list != NULL ? list : "", "\n,", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autofree char *name = tl_sitrep_unit_name (g_strstrip (names[j]), language);

          if (name[0] != '\0' && !g_ptr_array_find_with_equal_func (units, name, g_str_equal, NULL))
            g_ptr_array_add (units, g_steal_pointer (&name));
        }
    }
  return units;
}

/* A case is concluded once its people are ashore on either side, or it
 * is closed: that ends SAR action, and the SITREP is the FINAL. */
static gboolean
case_concluded (TlCaseStatus status)
{
  return status == TL_CASE_STATUS_LANDED || status == TL_CASE_STATUS_RETURNED ||
         status == TL_CASE_STATUS_CLOSED;
}

static gboolean
all_closed (GPtrArray *events)
{
  for (guint i = 0; i < events->len; i++)
    if (tl_event_get_status (g_ptr_array_index (events, i)) != TL_EVENT_STATUS_CLOSED)
      return FALSE;
  return events->len > 0;
}

static TlSitrepPriority
decide_priority (const TlSitrepContext *ctx)
{
  int missing = tl_sitrep_latest_count (ctx->sorted, tl_event_get_missing);

  if (ctx->options->priority != TL_SITREP_PRIORITY_AUTO)
    return ctx->options->priority;
  if (ctx->stage == TL_SITREP_STAGE_FINAL)
    return TL_SITREP_PRIORITY_ROUTINE;
  if ((ctx->options->has_case_status && ctx->options->case_status == TL_CASE_STATUS_DISTRESS) || missing > 0)
    return TL_SITREP_PRIORITY_DISTRESS;
  return TL_SITREP_PRIORITY_URGENCY;
}

static const char *
priority_label (TlSitrepPriority priority,
                TlSitrepLanguage language)
{
  switch (priority)
    {
    case TL_SITREP_PRIORITY_DISTRESS:
      /* Translators: a SITREP's transmission priority (IAMSAR) */
      return tl_sitrep_tr (language, "SITREP priority", NC_("SITREP priority", "DISTRESS"));
    case TL_SITREP_PRIORITY_SAFETY:
      return tl_sitrep_tr (language, "SITREP priority", NC_("SITREP priority", "SAFETY"));
    case TL_SITREP_PRIORITY_ROUTINE:
      return tl_sitrep_tr (language, "SITREP priority", NC_("SITREP priority", "ROUTINE"));
    case TL_SITREP_PRIORITY_URGENCY:
    case TL_SITREP_PRIORITY_AUTO:
    default:
      return tl_sitrep_tr (language, "SITREP priority", NC_("SITREP priority", "URGENCY"));
    }
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
 * tl_sitrep_form_from_string:
 * @str: (nullable): “short” or “full”
 * @out_form: (out): where to store the form; %TL_SITREP_FORM_SHORT on failure
 *
 * Returns: %TRUE if @str names a form
 */
gboolean
tl_sitrep_form_from_string (const char   *str,
                            TlSitrepForm *out_form)
{
  g_return_val_if_fail (out_form != NULL, FALSE);

  *out_form = g_strcmp0 (str, "full") == 0 ? TL_SITREP_FORM_FULL : TL_SITREP_FORM_SHORT;
  return g_strcmp0 (str, "full") == 0 || g_strcmp0 (str, "short") == 0;
}

/**
 * tl_sitrep_priority_from_string:
 * @str: (nullable): “auto”, “distress”, “urgency”, “safety” or “routine”
 * @out_priority: (out): where to store it; %TL_SITREP_PRIORITY_AUTO on failure
 *
 * Returns: %TRUE if @str names a priority
 */
gboolean
tl_sitrep_priority_from_string (const char       *str,
                                TlSitrepPriority *out_priority)
{
  static const char *const names[] = {
    [TL_SITREP_PRIORITY_AUTO] = "auto",
    [TL_SITREP_PRIORITY_DISTRESS] = "distress",
    [TL_SITREP_PRIORITY_URGENCY] = "urgency",
    [TL_SITREP_PRIORITY_SAFETY] = "safety",
    [TL_SITREP_PRIORITY_ROUTINE] = "routine",
  };

  g_return_val_if_fail (out_priority != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *out_priority = (TlSitrepPriority) i;
        return TRUE;
      }
  *out_priority = TL_SITREP_PRIORITY_AUTO;
  return FALSE;
}

/**
 * tl_sitrep_decide_stage:
 * @events: (element-type TlEvent): the reports
 * @options: the options
 *
 * The stage asked for, or else the case's: FINAL once the case is
 * concluded (landed, returned or closed), else INITIAL for number 1 and
 * SUBSEQUENT after it. Without a case status, FINAL once every report is
 * closed.
 *
 * Returns: never %TL_SITREP_STAGE_AUTO
 */
TlSitrepStage
tl_sitrep_decide_stage (GPtrArray             *events,
                        const TlSitrepOptions *options)
{
  gboolean concluded;

  g_return_val_if_fail (events != NULL && options != NULL, TL_SITREP_STAGE_INITIAL);

  if (options->stage != TL_SITREP_STAGE_AUTO)
    return options->stage;
  concluded = options->has_case_status ? case_concluded (options->case_status) : all_closed (events);
  if (concluded)
    return TL_SITREP_STAGE_FINAL;
  return options->number <= 1 ? TL_SITREP_STAGE_INITIAL : TL_SITREP_STAGE_SUBSEQUENT;
}

/**
 * tl_sitrep_final_is_premature:
 * @events: (element-type TlEvent): the reports
 * @options: the options
 *
 * A FINAL says that SAR action has ended. One asked for while the case
 * is still open is issued (the coordinator may know more than the
 * database), but the caller should warn, and paragraph N says so.
 *
 * Returns: %TRUE if @options ask for a FINAL on a case not concluded
 */
gboolean
tl_sitrep_final_is_premature (GPtrArray             *events,
                              const TlSitrepOptions *options)
{
  g_return_val_if_fail (events != NULL && options != NULL, FALSE);

  if (options->stage != TL_SITREP_STAGE_FINAL)
    return FALSE;
  return options->has_case_status ? !case_concluded (options->case_status) : !all_closed (events);
}

/**
 * tl_sitrep_build:
 * @events: (element-type TlEvent): the reports of a case, or one report,
 *   in any order
 * @options: the form, priority, addressees, number, stage, centre and
 *   language
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
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *dtg = NULL;
  g_autofree char *centre = NULL;
  g_autofree char *to = NULL;
  TlSitrepLanguage language;
  TlSitrepContext ctx;
  GString *out;

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  language = options->language;
  sorted = g_ptr_array_copy (events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (sorted, g_object_unref);
  g_ptr_array_sort (sorted, compare_time);

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_report_free);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (reports, tl_report_new_from_event (g_ptr_array_index (sorted, i), utc,
                                                        TL_COORDINATE_FORMAT_DDM));

  dtg = tl_sitrep_format_dtg (options->created_at != 0 ? options->created_at
                                                       : g_get_real_time () / G_USEC_PER_SEC);
  centre = tl_sitrep_upper (options->centre != NULL && options->centre[0] != '\0'
                            ? options->centre : TL_SITREP_DEFAULT_CENTRE);
  to = tl_sitrep_upper (options->to != NULL && options->to[0] != '\0'
                        ? options->to : TL_SITREP_DEFAULT_ADDRESSEES);
  ctx = (TlSitrepContext) {
    .sorted = sorted,
    .reports = reports,
    .options = options,
    .language = language,
    .stage = tl_sitrep_decide_stage (sorted, options),
    .centre = centre,
  };

  /* The IAMSAR header: priority, date-time group, FROM, TO, number. */
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s\n", priority_label (decide_priority (&ctx), language));
  /* Translators: the SITREP's date-time group line */
  g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "DTG: %s")), dtg);
  g_string_append_c (out, '\n');
  /* Translators: the SITREP's sender line */
  g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "FROM: %s")), centre);
  g_string_append_c (out, '\n');
  /* Translators: the SITREP's addressees line */
  g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "TO: %s")), to);
  g_string_append_c (out, '\n');
  /* Translators: the SITREP's title line (IAMSAR): its stage and number */
  g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "SAR SITREP (%s) NO. %u")),
                          stage_label (ctx.stage, language), MAX (options->number, 1));
  g_string_append_c (out, '\n');
  if (options->case_id > 0)
    {
      g_autofree char *title = options->case_title && options->case_title[0]
                               ? tl_sitrep_upper (options->case_title) : NULL;

      /* Translators: the SITREP's reference: the case number */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "CASE %" PRId64)), options->case_id);
      if (title != NULL)
        g_string_append_printf (out, " — %s", title);
      g_string_append_c (out, '\n');
    }
  else if (sorted->len == 1)
    {
      /* Translators: the SITREP's reference: one report's number */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "REPORT %" PRId64)),
                              tl_event_get_id (g_ptr_array_index (sorted, 0)));
      g_string_append_c (out, '\n');
    }

  tl_sitrep_append_identity (out, &ctx);
  tl_sitrep_append_position (out, &ctx);
  tl_sitrep_append_situation (out, &ctx);
  tl_sitrep_append_persons (out, &ctx);
  tl_sitrep_append_assistance (out, &ctx);
  /* Translators: SITREP paragraph F heading (IAMSAR) */
  g_string_append_printf (out, "%s %s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "F. COORDINATING RCC:")), centre);
  if (options->form == TL_SITREP_FORM_FULL)
    tl_sitrep_append_full_form (out, &ctx);

  return g_string_free (out, FALSE);
}
