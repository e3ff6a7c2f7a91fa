/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SITREP's paragraphs, from the case's reports in time order:
 *
 * - A, identity: the boat type and number of boats and the people on
 *   board, each from the latest report that states it, since later
 *   reports correct earlier estimates;
 * - B, position: the latest report with a position, and its time;
 * - C, situation: one line per report;
 * - D, persons at risk: those on board not yet rescued or dead (at least
 *   the missing), then the latest figure of each count (the rule of A);
 * - E, assistance required: what the operator says is needed, and the
 *   units already engaged;
 * - F, the coordinating centre (written by tl-sitrep.c);
 * - full form: G description (type, condition, where from), H weather
 *   (Tideline records none), J initial actions (each unit's first
 *   report), K search area (none is planned here: the box of the reported
 *   positions), L coordinating instructions (SMC and units), M future
 *   plans, N the case's status and conclusion. IAMSAR has no paragraph I,
 *   so that it cannot be read as a 1. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-coordinates.h"
#include "tl-report.h"
#include "tl-sitrep-private.h"

/* helpers */

/* An event's kind and status, as paragraph C writes them. */
static char *
kind_word (TlEvent          *event,
           TlSitrepLanguage  language)
{
  if (language == TL_SITREP_LANGUAGE_INTERFACE)
    return tl_sitrep_upper (tl_event_kind_get_label (tl_event_get_kind (event)));
  return tl_sitrep_english_word (tl_event_kind_to_string (tl_event_get_kind (event)));
}

static char *
status_word (TlEvent          *event,
             TlSitrepLanguage  language)
{
  if (language == TL_SITREP_LANGUAGE_INTERFACE)
    return tl_sitrep_upper (tl_event_status_get_label (tl_event_get_status (event)));
  return tl_sitrep_english_word (tl_event_status_to_string (tl_event_get_status (event)));
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

/* Between the items of a paragraph. */
static const char *
separator (TlSitrepLanguage language)
{
  /* Translators: between the items of a SITREP paragraph (French puts a space before it) */
  return tl_sitrep_tr (language, "SITREP", NC_("SITREP", "; "));
}

/* A report's choice (or choices, comma-separated) in the SITREP's language. */
static void
append_choices (GString          *out,
                TlReportField     field,
                const char       *ids,
                TlSitrepLanguage  language)
{
  g_auto(GStrv) each = g_strsplit (ids, ",", -1);

  for (guint i = 0; each[i] != NULL; i++)
    {
      const char *id = g_strstrip (each[i]);
      int choice = tl_report_choice_find (field, id);
      g_autofree char *word = NULL;

      if (id[0] == '\0')
        continue;
      if (choice >= 0 && language == TL_SITREP_LANGUAGE_INTERFACE)
        word = tl_sitrep_upper (tl_report_choice_get_label (field, choice));
      else
        word = tl_sitrep_english_word (id);
      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", word);
    }
}

/* The latest non-empty value of a report field, or NULL. */
static const char *
latest_field (GPtrArray     *reports,
              TlReportField  field)
{
  for (guint i = reports->len; i > 0; i--)
    {
      const char *value = tl_report_get (g_ptr_array_index (reports, i - 1), field);

      if (value != NULL && value[0] != '\0')
        return value;
    }
  return NULL;
}

/* paragraphs */

void
tl_sitrep_append_identity (GString               *out,
                           const TlSitrepContext *ctx)
{
  GPtrArray *reports = ctx->reports, *sorted = ctx->sorted;
  TlSitrepLanguage language = ctx->language;
  int boats = tl_sitrep_latest_count (sorted, tl_event_get_boats);
  int people = tl_sitrep_latest_count (sorted, tl_event_get_people);
  g_autofree char *what = NULL;

  for (guint i = reports->len; i > 0 && what == NULL; i--)
    {
      const char *id = tl_report_get (g_ptr_array_index (reports, i - 1), TL_REPORT_FIELD_BOAT_TYPE);
      int choice;

      if (id == NULL || id[0] == '\0')
        continue;
      choice = tl_report_choice_find (TL_REPORT_FIELD_BOAT_TYPE, id);
      if (choice < 0)
        what = tl_sitrep_upper (id);
      else if (language == TL_SITREP_LANGUAGE_INTERFACE)
        what = tl_sitrep_upper (tl_report_choice_get_label (TL_REPORT_FIELD_BOAT_TYPE, choice));
      else
        what = tl_sitrep_english_word (id);
    }
  if (what == NULL)
    /* Translators: SITREP paragraph A when the type of boat is not known */
    what = tl_sitrep_upper (tl_sitrep_tr (language, "SITREP", NC_("SITREP", "small boat")));

  /* Translators: SITREP paragraph A heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "A. IDENTITY OF CASUALTY:")));
  if (boats > 1)
    /* Translators: SITREP paragraph A: number of boats, then their type */
    g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "%d BOATS, %s")), boats, what);
  else
    g_string_append (out, what);
  if (people >= 0)
    /* Translators: SITREP paragraph A: people on board, an estimate */
    g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", ", APPROX %d POB")), people);
  else
    g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", ", POB UNKNOWN")));
  g_string_append_c (out, '\n');
}

void
tl_sitrep_append_position (GString               *out,
                           const TlSitrepContext *ctx)
{
  GPtrArray *sorted = ctx->sorted;
  TlSitrepLanguage language = ctx->language;

  /* Translators: SITREP paragraph B heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "B. POSITION:")));
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
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "%s AT %s")), position, dtg);
      if (tl_event_get_place (event) != NULL && tl_event_get_place (event)[0] != '\0')
        {
          g_autofree char *place = tl_sitrep_upper (tl_event_get_place (event));

          /* Translators: SITREP paragraph B: the named place near the position */
          g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", " (NEAR %s)")), place);
        }
      g_string_append_c (out, '\n');
      return;
    }
  g_string_append_printf (out, "%s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NOT KNOWN")));
}

void
tl_sitrep_append_situation (GString               *out,
                            const TlSitrepContext *ctx)
{
  GPtrArray *sorted = ctx->sorted;
  TlSitrepLanguage language = ctx->language;

  /* Translators: SITREP paragraph C heading (IAMSAR) */
  g_string_append_printf (out, "%s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "C. SITUATION:")));
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
    g_string_append_printf (out, "   %s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NO REPORTS")));
}

void
tl_sitrep_append_persons (GString               *out,
                          const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  int people = tl_sitrep_latest_count (ctx->sorted, tl_event_get_people);
  int rescued = tl_sitrep_latest_count (ctx->sorted, tl_event_get_rescued);
  int deceased = tl_sitrep_latest_count (ctx->sorted, tl_event_get_deceased);
  int missing = tl_sitrep_latest_count (ctx->sorted, tl_event_get_missing);
  /* Translators: SITREP paragraph D: people on board */
  g_autofree char *p = g_strdup_printf (tl_sitrep_tr (language, "SITREP", NC_("SITREP", "%d POB")), people);
  g_autofree char *r = g_strdup_printf (tl_sitrep_tr (language, "SITREP", NC_("SITREP", "%d RESCUED")), rescued);
  g_autofree char *d = g_strdup_printf (tl_sitrep_tr (language, "SITREP", NC_("SITREP", "%d DECEASED")), deceased);
  g_autofree char *m = g_strdup_printf (tl_sitrep_tr (language, "SITREP", NC_("SITREP", "%d MISSING")), missing);
  g_autoptr(GString) counts = g_string_new (" ");
  int at_risk = -1;

  /* Those aboard not yet accounted for, and never fewer than the missing;
   * once SAR action has ended, only the missing. */
  if (ctx->stage == TL_SITREP_STAGE_FINAL && !tl_sitrep_final_is_premature (ctx->sorted, ctx->options))
    at_risk = MAX (missing, 0);
  else if (people >= 0)
    at_risk = MAX (0, people - MAX (rescued, 0) - MAX (deceased, 0));
  if (missing >= 0)
    at_risk = MAX (at_risk, missing);

  /* Translators: SITREP paragraph D heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "D. NUMBER OF PERSONS AT RISK:")));
  if (at_risk >= 0)
    g_string_append_printf (out, "%d", at_risk);
  else
    g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NOT KNOWN")));
  append_count (counts, people, p);
  append_count (counts, rescued, r);
  append_count (counts, deceased, d);
  append_count (counts, missing, m);
  if (counts->len > 1)
    g_string_append_printf (out, " (%s)", counts->str + 1);
  g_string_append_c (out, '\n');
}

void
tl_sitrep_append_assistance (GString               *out,
                             const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  g_autoptr(GPtrArray) units = tl_sitrep_units (ctx->reports, language);
  const char *asked = ctx->options->assistance;

  /* Translators: SITREP paragraph E heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "E. ASSISTANCE REQUIRED:")));
  if (asked != NULL && asked[0] != '\0')
    {
      g_autofree char *text = tl_sitrep_upper (asked);

      g_string_append (out, text);
    }
  else if (ctx->stage == TL_SITREP_STAGE_FINAL)
    /* Translators: SITREP: nothing (IAMSAR's word) */
    g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NIL")));
  else
    /* Translators: SITREP paragraph E when the operator gave no request */
    g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NONE STATED")));
  if (units->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (units, NULL);
      list = g_strjoinv (", ", (char **) units->pdata);
      /* Translators: SITREP paragraph E: the units already at work */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "; UNITS ENGAGED: %s")), list);
    }
  g_string_append_c (out, '\n');
}

static void
append_description (GString               *out,
                    const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  const char *type = latest_field (ctx->reports, TL_REPORT_FIELD_BOAT_TYPE);
  const char *conditions = latest_field (ctx->reports, TL_REPORT_FIELD_CONDITIONS);
  const char *from = NULL;
  gsize start;

  /* Translators: SITREP paragraph G heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "G. DESCRIPTION OF CASUALTY:")));
  start = out->len;
  if (type != NULL)
    append_choices (out, TL_REPORT_FIELD_BOAT_TYPE, type, language);
  if (conditions != NULL)
    {
      if (out->len > start)
        g_string_append (out, separator (language));
      /* Translators: SITREP paragraph G: the boat's condition follows */
      g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "CONDITION: ")));
      append_choices (out, TL_REPORT_FIELD_CONDITIONS, conditions, language);
    }
  for (guint i = 0; i < ctx->sorted->len && from == NULL; i++)
    {
      TlEvent *event = g_ptr_array_index (ctx->sorted, i);

      if (tl_event_get_kind (event) == TL_EVENT_KIND_DEPARTURE && tl_event_get_place (event) != NULL &&
          tl_event_get_place (event)[0] != '\0')
        from = tl_event_get_place (event);
    }
  if (from != NULL)
    {
      g_autofree char *place = tl_sitrep_upper (from);

      if (out->len > start)
        g_string_append (out, separator (language));
      /* Translators: SITREP paragraph G: where the boat left from */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "PASSAGE FROM %s")), place);
    }
  if (out->len == start)
    g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NOT KNOWN")));
  g_string_append_c (out, '\n');
}

/* Each unit's first report: who went, when, to do what. */
static void
append_initial_actions (GString               *out,
                        const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  /* Translators: SITREP paragraph J heading (IAMSAR) */
  g_string_append_printf (out, "%s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "J. INITIAL ACTIONS TAKEN:")));
  for (guint i = 0; i < ctx->reports->len; i++)
    {
      const char *list = tl_report_get (g_ptr_array_index (ctx->reports, i), TL_REPORT_FIELD_UNITS);
      g_auto(GStrv) names = g_strsplit_set (list != NULL ? list : "", "\n,", -1);
      TlEvent *event = g_ptr_array_index (ctx->sorted, i);

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autofree char *name = tl_sitrep_unit_name (g_strstrip (names[j]), language);
          g_autofree char *dtg = NULL;
          g_autofree char *kind = NULL;

          if (name[0] == '\0' || g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
            continue;
          dtg = tl_sitrep_format_dtg (tl_event_get_time (event));
          kind = kind_word (event, language);
          g_string_append_printf (out, "   %s %s: %s\n", dtg, name, kind);
          g_ptr_array_add (seen, g_steal_pointer (&name));
        }
    }
  if (seen->len == 0)
    g_string_append_printf (out, "   %s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NONE REPORTED")));
}

static void
append_search_area (GString               *out,
                    const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  double south = 90, north = -90, west = 180, east = -180;
  guint n = 0;

  for (guint i = 0; i < ctx->sorted->len; i++)
    {
      TlEvent *event = g_ptr_array_index (ctx->sorted, i);

      if (!tl_event_has_position (event))
        continue;
      south = MIN (south, tl_event_get_latitude (event));
      north = MAX (north, tl_event_get_latitude (event));
      west = MIN (west, tl_event_get_longitude (event));
      east = MAX (east, tl_event_get_longitude (event));
      n++;
    }

  /* Translators: SITREP paragraph K heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "K. SEARCH AREA:")));
  /* Translators: SITREP paragraph K: Tideline plans no search */
  g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NONE ASSIGNED")));
  if (n >= 2)
    {
      g_autofree char *sw = tl_coordinates_format (south, west, TL_COORDINATE_FORMAT_DDM);
      g_autofree char *ne = tl_coordinates_format (north, east, TL_COORDINATE_FORMAT_DDM);

      /* Translators: SITREP paragraph K: the box of the reported positions, SW then NE corner */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "; REPORTED POSITIONS BETWEEN %s AND %s")),
                              sw, ne);
    }
  g_string_append_c (out, '\n');
}

static void
append_coordination (GString               *out,
                     const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  g_autoptr(GPtrArray) units = tl_sitrep_units (ctx->reports, language);

  /* Translators: SITREP paragraph L heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "L. COORDINATING INSTRUCTIONS:")));
  /* Translators: SITREP paragraph L: the SAR mission coordinator */
  g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "SMC %s")), ctx->centre);
  if (units->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (units, NULL);
      list = g_strjoinv (", ", (char **) units->pdata);
      /* Translators: SITREP paragraph L: the units taking part */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "; UNITS PARTICIPATING: %s")), list);
    }
  g_string_append_c (out, '\n');
}

static void
append_conclusion (GString               *out,
                   const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;
  const char *outcome = latest_field (ctx->reports, TL_REPORT_FIELD_OUTCOME);
  gsize start;

  /* Translators: SITREP paragraph N heading (IAMSAR) */
  g_string_append_printf (out, "%s ", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "N. ADDITIONAL INFORMATION/CONCLUSION:")));
  start = out->len;
  if (ctx->options->has_case_status)
    {
      TlCaseStatus status = ctx->options->case_status;
      g_autofree char *word = language == TL_SITREP_LANGUAGE_INTERFACE
                              ? tl_sitrep_upper (tl_case_status_get_label (status))
                              : tl_sitrep_english_word (tl_case_status_to_string (status));

      /* Translators: SITREP paragraph N: the case's status */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "CASE STATUS %s")), word);
    }
  if (outcome != NULL)
    {
      if (out->len > start)
        g_string_append (out, separator (language));
      /* Translators: SITREP paragraph N: the outcome follows */
      g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "OUTCOME: ")));
      append_choices (out, TL_REPORT_FIELD_OUTCOME, outcome, language);
    }
  if (tl_sitrep_final_is_premature (ctx->sorted, ctx->options))
    {
      if (out->len > start)
        g_string_append (out, separator (language));
      /* Translators: SITREP paragraph N when a FINAL was asked for an open case */
      g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "CASE NOT CONCLUDED, FINAL ISSUED ON REQUEST")));
    }
  else if (ctx->stage == TL_SITREP_STAGE_FINAL && ctx->sorted->len > 0)
    {
      TlEvent *last = g_ptr_array_index (ctx->sorted, ctx->sorted->len - 1);
      g_autofree char *dtg = tl_sitrep_format_dtg (tl_event_get_time (last));

      if (out->len > start)
        g_string_append (out, separator (language));
      /* Translators: SITREP paragraph N: when SAR action ended */
      g_string_append_printf (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "SAR ACTION TERMINATED %s")), dtg);
    }
  if (out->len == start)
    g_string_append (out, tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NIL")));
  g_string_append_c (out, '\n');
}

/**
 * tl_sitrep_append_full_form:
 * @out: the SITREP so far, A to F
 * @ctx: the reports and options
 *
 * Appends paragraphs G to N.
 */
void
tl_sitrep_append_full_form (GString               *out,
                            const TlSitrepContext *ctx)
{
  TlSitrepLanguage language = ctx->language;

  append_description (out, ctx);
  /* Translators: SITREP paragraph H heading (IAMSAR) */
  g_string_append_printf (out, "%s %s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "H. WEATHER ON SCENE:")),
                          /* Translators: SITREP: Tideline records no weather */
                          tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NOT REPORTED")));
  append_initial_actions (out, ctx);
  append_search_area (out, ctx);
  append_coordination (out, ctx);
  /* Translators: SITREP paragraph M heading (IAMSAR) */
  g_string_append_printf (out, "%s %s\n", tl_sitrep_tr (language, "SITREP", NC_("SITREP", "M. FUTURE PLANS:")),
                          ctx->stage == TL_SITREP_STAGE_FINAL
                          ? tl_sitrep_tr (language, "SITREP", NC_("SITREP", "NIL"))
                          /* Translators: SITREP paragraph M while the case is open */
                          : tl_sitrep_tr (language, "SITREP", NC_("SITREP", "FURTHER SITREP TO FOLLOW")));
  append_conclusion (out, ctx);
}
