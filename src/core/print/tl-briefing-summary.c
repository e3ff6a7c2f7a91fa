/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The briefing's first pages: the title, the key points in sentences,
 * the open cases with their last contact, and the map: under them, or
 * on a page of its own after the hand-over note. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tl-briefing-private.h"
#include "tl-snapshot.h"
#include "tl-summary.h"
#include "tl-time.h"

/* How many open cases the first page lists before “and N more”. */
#define MAX_OPEN_CASES 14
/* The map takes the bottom of the first page. */
#define MAP_HEIGHT 400.0

typedef struct {
  gint64   key;        /* the case id, or minus the report's id */
  TlEvent *last;       /* borrowed: the latest report */
  guint    n_reports;
} OpenCase;

/* helpers */

static gboolean
is_local_midnight (TlBriefing *b,
                   gint64      utc)
{
  gint64 from, to;

  tl_time_day_range_at (b->zone, utc, &from, &to);
  return from == utc;
}

/* “the previous 24 hours”, “the previous 30 days”. */
static char *
previous_window_text (TlBriefing *b)
{
  gint64 length = b->options->to - b->options->from;
  guint days = (guint) ((length + 12 * 3600) / (24 * 3600));

  if (length <= 24 * 3600 + 3600)
    {
      guint hours = (guint) ((length + 1800) / 3600);

      /* Translators: what a briefing compares with: the same length of time before it */
      return g_strdup_printf (ngettext ("the previous hour", "the previous %u hours", hours), hours);
    }
  /* Translators: what a briefing compares with: the same length of time before it */
  return g_strdup_printf (ngettext ("the previous day", "the previous %u days", days), days);
}

static void
add_sentence (GPtrArray  *sentences,
              char       *sentence)
{
  g_ptr_array_add (sentences, sentence);
}

/* The summary of the window in sentences, each with its comparison when
 * the previous window's reports were given. */
static GPtrArray *
key_points (TlBriefing *b)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const TlBriefingOptions *o = b->options;
  gboolean compare = o->previous_events != NULL;
  g_autofree char *previous_text = previous_window_text (b);
  TlSummary now, before = { { 0 } };
  gint64 *v = now.values, *p = before.values;

  tl_summary_compute (b->events, &now);
  if (compare)
    tl_summary_compute (o->previous_events, &before);

  {
    g_autofree char *main = g_strdup_printf (ngettext ("%" PRId64 " boat went to sea, carrying %" PRId64 " people",
                                                       "%" PRId64 " boats went to sea, carrying %" PRId64 " people",
                                                       v[TL_SUMMARY_BOATS_AT_SEA]),
                                             v[TL_SUMMARY_BOATS_AT_SEA], v[TL_SUMMARY_PEOPLE_AT_SEA]);

    if (compare)
      /* Translators: a key point: the sentence above, then the previous window's figures */
      add_sentence (out, g_strdup_printf (_("%s, against %" PRId64 " boats and %" PRId64 " people in %s."),
                                          main, p[TL_SUMMARY_BOATS_AT_SEA], p[TL_SUMMARY_PEOPLE_AT_SEA],
                                          previous_text));
    else
      add_sentence (out, g_strdup_printf ("%s.", main));
  }

  if (compare)
    /* Translators: a key point of a briefing */
    add_sentence (out, g_strdup_printf (_("%" PRId64 " launches were prevented or turned back on the beach "
                                          "(%" PRId64 " in %s)."),
                                        v[TL_SUMMARY_PREVENTED], p[TL_SUMMARY_PREVENTED], previous_text));
  else
    /* Translators: a key point of a briefing */
    add_sentence (out, g_strdup_printf (_("%" PRId64 " launches were prevented or turned back on the beach."),
                                        v[TL_SUMMARY_PREVENTED]));

  if (compare)
    /* Translators: a key point of a briefing */
    add_sentence (out, g_strdup_printf (_("%" PRId64 " people landed in the UK and %" PRId64 " were returned "
                                          "to France (%" PRId64 " and %" PRId64 " in %s)."),
                                        v[TL_SUMMARY_LANDED_UK], v[TL_SUMMARY_RETURNED_FR],
                                        p[TL_SUMMARY_LANDED_UK], p[TL_SUMMARY_RETURNED_FR], previous_text));
  else
    /* Translators: a key point of a briefing */
    add_sentence (out, g_strdup_printf (_("%" PRId64 " people landed in the UK and %" PRId64 " were returned "
                                          "to France."),
                                        v[TL_SUMMARY_LANDED_UK], v[TL_SUMMARY_RETURNED_FR]));

  if (v[TL_SUMMARY_DECEASED] == 0 && v[TL_SUMMARY_MISSING] == 0)
    /* Translators: a key point of a briefing */
    add_sentence (out, g_strdup_printf (ngettext ("%" PRId64 " person was rescued; no deaths and no missing people were reported.",
                                                  "%" PRId64 " people were rescued; no deaths and no missing people were reported.",
                                                  v[TL_SUMMARY_RESCUED]),
                                        v[TL_SUMMARY_RESCUED]));
  else
    /* Translators: a key point of a briefing: rescued, deceased, missing */
    add_sentence (out, g_strdup_printf (_("%" PRId64 " people were rescued, %" PRId64 " died and %" PRId64 " are missing%s."),
                                        v[TL_SUMMARY_RESCUED], v[TL_SUMMARY_DECEASED], v[TL_SUMMARY_MISSING],
                                        compare && p[TL_SUMMARY_DECEASED] + p[TL_SUMMARY_MISSING] == 0
                                        /* Translators: appended to the sentence above */
                                        ? _(", where the previous window had none") : ""));

  if (v[TL_SUMMARY_OPEN_CASES] == 0)
    add_sentence (out, g_strdup (_("No case is still open.")));
  else
    add_sentence (out, g_strdup_printf (ngettext ("%" PRId64 " case is still open (below).",
                                                  "%" PRId64 " cases are still open (below).",
                                                  v[TL_SUMMARY_OPEN_CASES]),
                                        v[TL_SUMMARY_OPEN_CASES]));
  return out;
}

static int
compare_last_contact (gconstpointer a,
                      gconstpointer b)
{
  const OpenCase *ca = *(OpenCase **) a, *cb = *(OpenCase **) b;
  gint64 ta = tl_event_get_time (ca->last), tb = tl_event_get_time (cb->last);

  /* The one silent longest first: it needs attention most. */
  return ta < tb ? -1 : ta > tb;
}

/* Open cases by the summary's rule: reports not closed, not patrols,
 * grouped by case (a report without a case is its own). */
static GPtrArray *
open_cases (TlBriefing *b)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < b->events->len; i++)
    {
      TlEvent *event = g_ptr_array_index (b->events, i);
      gint64 key;
      OpenCase *open;

      if (tl_event_get_status (event) == TL_EVENT_STATUS_CLOSED || tl_event_get_kind (event) == TL_EVENT_KIND_PATROL)
        continue;
      key = tl_event_get_case_id (event) > 0 ? tl_event_get_case_id (event) : -tl_event_get_id (event);
      open = g_hash_table_lookup (by_key, &key);
      if (open == NULL)
        {
          open = g_new0 (OpenCase, 1);
          open->key = key;
          g_ptr_array_add (cases, open);
          g_hash_table_insert (by_key, &open->key, open);
        }
      /* Sorted by time: the last one seen is the latest. */
      open->last = event;
      open->n_reports++;
    }
  g_ptr_array_sort (cases, compare_last_contact);
  return cases;
}

static char *
open_case_line (TlBriefing *b,
                OpenCase   *open)
{
  TlEvent *last = open->last;
  /* Translators: the time of a last contact, with its zone, see strftime */
  g_autofree char *when = tl_time_format (b->zone, tl_event_get_time (last), _("%-d %b %H:%M %Z"));
  g_autofree char *name = open->key > 0
                          /* Translators: an open case in the briefing */
                          ? g_strdup_printf (_("Case %" PRId64), open->key)
                          /* Translators: a report not linked to a case, in the briefing */
                          : g_strdup_printf (_("Report %" PRId64), -open->key);
  const char *place = tl_event_get_place (last);
  g_autofree char *where = place != NULL && place[0] != '\0'
                           /* Translators: where a last contact was, in the briefing */
                           ? g_strdup_printf (_(" near %s"), place) : g_strdup ("");
  g_autofree char *people = tl_event_get_people (last) >= 0
                            ? g_strdup_printf (ngettext (", %d person", ", %d people", tl_event_get_people (last)),
                                               tl_event_get_people (last))
                            : g_strdup ("");

  /* Translators: an open case: name, last contact time, kind, place, people, status */
  return g_strdup_printf (_("%s — last contact %s: %s%s%s (%s)"), name, when,
                          tl_event_kind_get_label (tl_event_get_kind (last)), where, people,
                          tl_event_status_get_label (tl_event_get_status (last)));
}

static gboolean
draw_map (TlBriefing  *b,
          double       y,
          GError     **error)
{
  cairo_t *cr = b->cr;
  const TlBriefingOptions *o = b->options;
  TlSnapshotOptions map;
  double height = TL_BRIEFING_CONTENT_BOTTOM - 4 - y;

  /* The map keeps its own legend and scale; the marking is the page's. */
  tl_snapshot_options_init (&map);
  map.bbox = o->bbox;
  map.width_px = (int) TL_BRIEFING_CONTENT_WIDTH;
  map.height_px = (int) height;
  map.from = o->from;
  map.to = o->to;
  map.event_kinds = o->event_kinds;
  map.operator_name = o->operator_name;
  map.created_at = o->created_at;
  map.time_zone = b->zone;
  cairo_save (cr);
  cairo_translate (cr, TL_BRIEFING_MARGIN, y);
  cairo_rectangle (cr, 0, 0, map.width_px, map.height_px);
  cairo_clip (cr);
  if (!tl_snapshot_render (cr, map.width_px, map.height_px, &map, b->events, error))
    {
      cairo_restore (cr);
      return FALSE;
    }
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, TL_BRIEFING_MARGIN, y, map.width_px, map.height_px);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  return TRUE;
}

/* private API */

/**
 * tl_briefing_default_title:
 *
 * Returns: (transfer full): “Channel small-boat activity — 6 Dec 2026,
 *   00:00–24:00 Europe/London”, or the window's dates and times
 */
char *
tl_briefing_default_title (TlBriefing *b)
{
  const TlBriefingOptions *o = b->options;
  const char *zone = tl_briefing_zone_name (b);
  g_autofree char *when = NULL;

  if (is_local_midnight (b, o->from) && is_local_midnight (b, o->to))
    {
      gint64 last_day = tl_time_shift_days (b->zone, o->to, -1);
      /* Translators: a date in a briefing's title, see strftime */
      g_autofree char *first = tl_time_format (b->zone, o->from, _("%-d %b %Y"));
      g_autofree char *last = tl_time_format (b->zone, last_day, _("%-d %b %Y"));

      if (last_day == o->from)
        /* Translators: a one-day window in a briefing's title: the date, then the zone */
        when = g_strdup_printf (_("%s, 00:00–24:00 %s"), first, zone);
      else
        {
          guint n_days = b->n_days;
          g_autofree char *year_from = tl_time_format (b->zone, o->from, "%Y");
          g_autofree char *year_to = tl_time_format (b->zone, last_day, "%Y");

          /* The year once when both ends share it. */
          if (g_str_equal (year_from, year_to))
            {
              g_free (first);
              /* Translators: a date without its year in a briefing's title, see strftime */
              first = tl_time_format (b->zone, o->from, _("%-d %b"));
            }
          /* Translators: whole days in a briefing's title: first and last date, how many days, the zone */
          when = g_strdup_printf (ngettext ("%s – %s (%u day), %s", "%s – %s (%u days), %s", n_days),
                                  first, last, n_days, zone);
        }
    }
  else
    {
      /* Translators: a time in a briefing's title, see strftime */
      g_autofree char *first = tl_time_format (b->zone, o->from, _("%-d %b %Y %H:%M"));
      g_autofree char *last = tl_time_format (b->zone, o->to, _("%-d %b %Y %H:%M"));

      /* Translators: any window in a briefing's title: from, to, the zone */
      when = g_strdup_printf (_("%s – %s %s"), first, last, zone);
    }
  /* Translators: a briefing's title: what, then when */
  return g_strdup_printf (_("Channel small-boat activity — %s"), when);
}

gboolean
tl_briefing_draw_summary (TlBriefing  *b,
                          GError     **error)
{
  const TlBriefingOptions *o = b->options;
  g_autofree char *title = tl_briefing_default_title (b);
  g_autoptr(GPtrArray) points = key_points (b);
  g_autoptr(GPtrArray) cases = open_cases (b);
  double x = TL_BRIEFING_MARGIN, w = TL_BRIEFING_CONTENT_WIDTH;
  double y = TL_BRIEFING_CONTENT_TOP + 4;
  /* With a hand-over note, the map follows it on a page of its own. */
  gboolean with_map = o->changes == NULL;
  double map_top = with_map ? TL_BRIEFING_CONTENT_BOTTOM - MAP_HEIGHT : TL_BRIEFING_CONTENT_BOTTOM;
  guint cases_max = with_map ? MAX_OPEN_CASES : 2 * MAX_OPEN_CASES;
  guint shown;

  /* A title of the user's own keeps the standard one under it: the
   * reader still needs to know what and when. */
  if (o->title != NULL && o->title[0] != '\0')
    {
      y += tl_briefing_text (b, o->title, 18, TRUE, x, y, w, TL_BRIEFING_ALIGN_LEFT, TRUE) + 2;
      y += tl_briefing_text (b, title, 11, FALSE, x, y, w, TL_BRIEFING_ALIGN_LEFT, TRUE) + 2;
    }
  else
    y += tl_briefing_text (b, title, 14.5, TRUE, x, y, w, TL_BRIEFING_ALIGN_LEFT, TRUE) + 2;
  if (o->subtitle != NULL && o->subtitle[0] != '\0')
    y += tl_briefing_text (b, o->subtitle, 10, FALSE, x, y, w, TL_BRIEFING_ALIGN_LEFT, TRUE);
  y += 14;

  y = tl_briefing_heading (b, _("Key points"), y);
  for (guint i = 0; i < points->len; i++)
    {
      tl_briefing_text (b, "•", 10, FALSE, x + 4, y, 10, TL_BRIEFING_ALIGN_LEFT, FALSE);
      y += tl_briefing_text (b, g_ptr_array_index (points, i), 10, FALSE, x + 16, y, w - 16,
                             TL_BRIEFING_ALIGN_LEFT, TRUE) + 4;
    }
  y += 12;

  y = tl_briefing_heading (b, _("Open cases"), y);
  if (cases->len == 0)
    y += tl_briefing_text (b, _("None: every report of the window is closed."), 9.5, FALSE, x, y, w,
                           TL_BRIEFING_ALIGN_LEFT, TRUE);
  for (shown = 0; shown < MIN (cases->len, cases_max); shown++)
    {
      g_autofree char *line = open_case_line (b, g_ptr_array_index (cases, shown));
      g_autoptr(PangoLayout) layout = tl_briefing_layout (b, line, 9, FALSE, w, TL_BRIEFING_ALIGN_LEFT, TRUE);
      int lw, lh;

      /* Keep a line for “and N more” above the map. */
      pango_layout_get_size (layout, &lw, &lh);
      if (y + 2.0 * lh / PANGO_SCALE + 6 > map_top - 12 && shown + 1 < cases->len)
        break;
      y += tl_briefing_text (b, line, 9, FALSE, x, y, w, TL_BRIEFING_ALIGN_LEFT, TRUE) + 3;
    }
  if (shown < cases->len)
    {
      /* Only the list of every report has them all. */
      gboolean listed = b->n_days <= TL_BRIEFING_LIST_MAX_DAYS || o->annex;
      g_autofree char *more = listed
                              ? g_strdup_printf (ngettext ("… and %u more, in the table.",
                                                           "… and %u more, in the table.",
                                                           cases->len - shown),
                                                 cases->len - shown)
                              : g_strdup_printf (ngettext ("… and %u more.", "… and %u more.",
                                                           cases->len - shown),
                                                 cases->len - shown);

      tl_briefing_text (b, more, 9, FALSE, x, y, w, TL_BRIEFING_ALIGN_LEFT, TRUE);
    }
  return with_map ? draw_map (b, map_top, error) : TRUE;
}

/* The map's own page, after the hand-over note: the whole page for it. */
gboolean
tl_briefing_draw_map_page (TlBriefing  *b,
                           GError     **error)
{
  /* Translators: the heading of a briefing's map page */
  double y = tl_briefing_heading (b, _("Map"), TL_BRIEFING_CONTENT_TOP + 4);

  return draw_map (b, y + 2, error);
}

