/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "tl-report-editor-private.h"
#include "tl-time.h"

/* The editor's drafts: the form written to the store once typing pauses,
 * so that a crash or a closed window loses nothing, and offered back the
 * next time the same form opens. A draft of an edit keeps the revision it
 * was typed over, so that restoring it late cannot overwrite a change
 * saved meanwhile. */

/* How long typing must pause before the draft is written. */
#define DRAFT_DELAY_MS 1000

/* Helpers */

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TlReportEditor) self = tl_report_editor_from_weak (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (tl_store_save_draft_finish (TL_STORE (object), result, &error))
    return;
  /* Written as the editor went: no window left to tell. */
  if (self == NULL || self->toast_overlay == NULL)
    {
      g_warning ("Could not keep a report's draft: %s", error->message);
      return;
    }
  /* The officer must know the safety net is gone: save soon. */
  message = g_strdup_printf (_("Your typing is not being kept: %s"), error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* On the store's worker, in order with the save that drops it: typing
 * never waits for a server. */
static void
write_draft (TlReportEditor *self)
{
  g_autoptr(TlReport) report = tl_report_editor_collect (self);
  g_autofree char *json = NULL;

  /* Typed back to what it was: nothing to keep (NULL drops the draft). */
  if (!tl_report_equal (report, self->base))
    json = tl_report_to_json (report);
  tl_store_save_draft_async (self->store, self->kind, self->base->event_id, self->operator_name,
                             json, NULL, draft_written_cb, tl_report_editor_weak (self));
}

static gboolean
draft_timeout_cb (gpointer data)
{
  TlReportEditor *self = data;

  self->draft_timeout_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* A draft of an edit was typed over the record as it was then, at
 * @revision: that version (from the history, read with the form) becomes
 * the form's base, so that saving over a record changed since is a
 * conflict (never a silent overwrite) and a merge applies only what the
 * officer changed. */
static void
rebase_on_draft (TlReportEditor *self,
                 gint64          revision)
{
  TlReport *base = NULL;

  if (self->form->audit != NULL)
    base = tl_report_new_from_audit (self->form->audit, revision, self->zone, self->format);
  if (base == NULL)
    {
      /* Without the old version the merge is coarser, but the revision
       * alone still stops the overwrite. */
      base = tl_report_copy (self->base);
      base->revision = revision;
    }
  tl_report_free (self->base);
  self->base = base;

  if (tl_event_get_revision (self->event) > revision)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("This report was changed since your unsaved version: saving will show both")));
}

/* Internal API */

/* Puts the draft read with the form back in it; the actions are the
 * caller's to update. */
void
tl_report_editor_restore_draft (TlReportEditor *self)
{
  g_autoptr(GError) error = NULL;
  TlDraft *draft = self->form != NULL ? self->form->draft : NULL;
  g_autoptr(TlReport) report = draft ? tl_report_new_from_json (draft->content, &error) : NULL;
  gint64 revision;

  self->draft_time = 0;
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  if (report == NULL)
    {
      /* The draft stays in the store: nothing is lost by saying so. */
      g_autofree char *message = g_strdup_printf (_("The unsaved report could not be restored: %s"),
                                                  error != NULL ? error->message : "");
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  /* Every draft records its revision; one that did not is taken as typed
   * over the first, so that any change since shows as a conflict. */
  revision = report->revision > 0 ? report->revision : 1;
  if (self->event != NULL && revision != self->base->revision)
    rebase_on_draft (self, revision);
  tl_report_editor_fill (self, report);
  tl_report_editor_changed (self);
}

void
tl_report_editor_discard_draft (TlReportEditor *self)
{
  self->draft_time = 0;
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  tl_report_editor_drop_draft (self);
}

/* Drops the form's draft, in order with the other writes. */
void
tl_report_editor_drop_draft (TlReportEditor *self)
{
  tl_store_save_draft_async (self->store, self->kind, self->base->event_id, NULL, NULL,
                             NULL, draft_written_cb, tl_report_editor_weak (self));
}

/* Keeps a draft once typing pauses. */
void
tl_report_editor_schedule_draft (TlReportEditor *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

/* A draft left by a crash or a closed window (read with the form) is
 * offered in a banner, never filled in unasked: the officer may have
 * meant to start over. */
void
tl_report_editor_offer_draft (TlReportEditor *self)
{
  TlDraft *draft = self->form->draft;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (draft == NULL)
    return;

  when = tl_time_format (self->zone, draft->updated_at, "%H:%M");
  self->draft_time = draft->updated_at;
  /* Translators: %s is the time the unsaved report was last typed in */
  text = g_strdup_printf (_("Restore unsaved report from %s?"), when);
  gtk_label_set_text (self->draft_label, text);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
}

/* Public API (tl-report-editor.h) */

/**
 * tl_report_editor_flush_draft:
 *
 * Writes the pending draft now, instead of when typing pauses: on a
 * file at once, on a server queued on the store's worker.
 */
void
tl_report_editor_flush_draft (TlReportEditor *self)
{
  g_return_if_fail (TL_IS_REPORT_EDITOR (self));

  if (self->draft_timeout_id == 0 || self->finished || self->store == NULL || !self->loaded)
    return;
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  write_draft (self);
}
