/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The briefing's hand-over note: what changed in the records since a
 * time (the start of the watch being handed over), from the audit log,
 * oldest first: what was created, edited (and how), closed, deleted or
 * put back, when and by whom. One page: a watch that changed more than
 * fits says how many more were left out. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "tl-briefing-private.h"
#include "tl-handover.h"
#include "tl-report.h"
#include "tl-time.h"

/* The edit lines listed under one change; the rest are counted. */
#define MAX_EDIT_LINES 4

/* helpers */

static char *
describe_entry (const TlAuditEntry *entry)
{
  const char *kind = tl_change_kind_get_label (tl_handover_classify (entry));

  if (entry->source != NULL)
    /* Translators: a hand-over note's line: a file imported, with all
     * its reports */
    return g_strdup_printf (_("Imported from %s"), entry->source);
  /* A bulk add's one row (its id is 0): many reports, the first named. */
  if (entry->id == 0 && entry->action == TL_AUDIT_ACTION_CREATE)
    /* Translators: a hand-over note's line: reports added together, such
     * as generated sample reports */
    return g_strdup_printf (_("Added in bulk, from report %" PRId64), entry->event_id);
  /* Translators: a hand-over note's line: what was done (Created, Edited,
   * Closed, Deleted, Restored) to which report */
  return g_strdup_printf (_("%s: report %" PRId64), kind, entry->event_id);
}

/* A record's status as the audit keeps it, or NULL. */
static char *
status_member (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  return g_strdup (json_object_get_string_member_with_default (object, "status", NULL));
}

/* What an edit changed, in the words and formats of the report editor's
 * history: its field labels ("People", "Position"), times in the
 * briefing's zone, positions as the user writes them; and the status,
 * which no form field holds. A record the forms cannot read (no kind)
 * keeps the store's plain description rather than saying nothing. */
static GPtrArray *
describe_edit (TlBriefing         *b,
               const TlAuditEntry *entry)
{
  GPtrArray *lines = tl_report_describe_changes (entry->before, entry->after, b->zone,
                                                 b->options->position_format);
  g_autofree char *before = status_member (entry->before);
  g_autofree char *after = status_member (entry->after);
  TlEventStatus from, to;

  if (lines->len == 0 && entry->before != NULL && entry->after != NULL)
    {
      g_autoptr(TlReport) readable = tl_report_new_from_event_json (entry->after, b->zone,
                                                                    b->options->position_format, NULL);

      if (readable == NULL)
        {
          g_ptr_array_unref (lines);
          return tl_handover_describe_changes (entry->before, entry->after);
        }
    }
  if (before != NULL && after != NULL && !g_str_equal (before, after) &&
      tl_event_status_from_string (before, &from) && tl_event_status_from_string (after, &to))
    /* Translators: a line of a report's history: its status before and
     * after the change, as in “Status: Ongoing → Closed” */
    g_ptr_array_add (lines, g_strdup_printf (_("Status: %s → %s"), tl_event_status_get_label (from),
                                             tl_event_status_get_label (to)));
  return lines;
}

/* private API */

/* Draws the note; returns the y under it. */
double
tl_briefing_draw_handover (TlBriefing *b,
                           double      y)
{
  const TlBriefingOptions *o = b->options;
  double bottom = TL_BRIEFING_CONTENT_BOTTOM - 14;
  double time_w = 78, who_w = 110, what_w = TL_BRIEFING_CONTENT_WIDTH - time_w - who_w;
  g_autofree char *since = NULL;
  g_autofree char *intro = NULL;
  guint n = o->changes != NULL ? o->changes->len : 0;
  guint shown = 0;

  y = tl_briefing_heading (b, _("Hand-over Note"), y);
  /* Translators: the time a hand-over note starts from, see strftime */
  since = tl_time_format (b->zone, o->handover_since, _("%-d %b %Y %H:%M"));
  if (n == 0)
    /* Translators: a hand-over note with nothing in it; %s is a time, then the zone */
    intro = g_strdup_printf (_("No report was created, changed or deleted since %s %s."),
                             since, tl_briefing_zone_name (b));
  else
    intro = g_strdup_printf (ngettext ("%u change to the records since %s %s, oldest first:",
                                       "%u changes to the records since %s %s, oldest first:", n),
                             n, since, tl_briefing_zone_name (b));
  y += tl_briefing_text (b, intro, 9, FALSE, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH,
                         TL_BRIEFING_ALIGN_LEFT, TRUE) + 6;

  for (guint i = 0; i < n; i++)
    {
      const TlAuditEntry *entry = g_ptr_array_index (o->changes, i);
      /* Translators: when a change was made, in a hand-over note, see strftime */
      g_autofree char *when = tl_time_format (b->zone, entry->at, _("%a %-d %b %H:%M"));
      g_autofree char *what = describe_entry (entry);
      g_autoptr(GString) text = g_string_new (what);
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      /* An edit or a closing: what it changed. */
      if (entry->action == TL_AUDIT_ACTION_UPDATE && entry->source == NULL)
        {
          lines = describe_edit (b, entry);
          for (guint k = 0; k < lines->len && k < MAX_EDIT_LINES; k++)
            g_string_append_printf (text, "\n  %s", (const char *) g_ptr_array_index (lines, k));
          if (lines->len > MAX_EDIT_LINES)
            {
              g_string_append (text, "\n  ");
              g_string_append_printf (text, ngettext ("…and %u more field", "…and %u more fields",
                                                      lines->len - MAX_EDIT_LINES),
                                      lines->len - MAX_EDIT_LINES);
            }
        }

      layout = tl_briefing_layout (b, text->str, 8, FALSE, what_w, TL_BRIEFING_ALIGN_LEFT, TRUE);
      pango_layout_get_size (layout, &w, &h);
      if (y + (double) h / PANGO_SCALE > bottom)
        break;
      tl_briefing_text (b, when != NULL ? when : "", 8, FALSE, TL_BRIEFING_MARGIN, y, time_w - 4,
                        TL_BRIEFING_ALIGN_LEFT, FALSE);
      cairo_move_to (b->cr, TL_BRIEFING_MARGIN + time_w, y);
      pango_cairo_show_layout (b->cr, layout);
      tl_briefing_text (b, entry->operator_name, 8, FALSE, TL_BRIEFING_MARGIN + time_w + what_w + 4, y,
                        who_w - 4, TL_BRIEFING_ALIGN_LEFT, FALSE);
      y += (double) h / PANGO_SCALE + 3;
      shown++;
    }

  if (shown < n)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("…and %u more change, not listed.",
                                                         "…and %u more changes, not listed.",
                                                         n - shown),
                                               n - shown);

      y += tl_briefing_text (b, more, 8, FALSE, TL_BRIEFING_MARGIN, y, TL_BRIEFING_CONTENT_WIDTH,
                             TL_BRIEFING_ALIGN_LEFT, TRUE);
    }
  return y;
}
