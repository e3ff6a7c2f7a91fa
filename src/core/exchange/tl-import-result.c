/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tl-import-private.h"

/* What validation made of a source's rows (TlImportResult), the report of
 * its bad rows, and its commit into the store. */

/* Internal API */

void
tl_import_problem_free (gpointer data)
{
  TlImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

TlImportResult *
tl_import_result_new (void)
{
  TlImportResult *result = g_new0 (TlImportResult, 1);

  result->events = g_ptr_array_new_with_free_func (g_object_unref);
  result->keys = g_ptr_array_new_with_free_func (g_free);
  result->key_digests = g_byte_array_new ();
  result->problems = g_ptr_array_new_with_free_func (tl_import_problem_free);

  return result;
}

void
tl_import_set_bad_rows_error (TlImportResult  *result,
                              GError         **error)
{
  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_BAD_ROWS,
               ngettext ("%u row of %u cannot be read; nothing was imported",
                         "%u rows of %u cannot be read; nothing was imported",
                         result->problems->len),
               result->problems->len, result->n_rows);
}

/* Public API */

void
tl_import_result_free (TlImportResult *result)
{
  if (result == NULL)
    return;

  g_ptr_array_unref (result->events);
  g_ptr_array_unref (result->keys);
  g_byte_array_unref (result->key_digests);
  g_ptr_array_unref (result->problems);
  g_free (result->source_name);
  g_free (result);
}

/**
 * tl_import_result_format_problems:
 * @result: a result
 * @max_problems: how many to list at most, 0 for all
 *
 * Returns: (transfer full): one line per bad row, "Line 12: …", and a
 *   last line saying how many more there are, if any
 */
char *
tl_import_result_format_problems (TlImportResult *result,
                                  guint           max_problems)
{
  GString *text = g_string_new (NULL);
  guint n = result->problems->len;
  guint shown = max_problems > 0 ? MIN (n, max_problems) : n;

  for (guint i = 0; i < shown; i++)
    {
      TlImportProblem *problem = g_ptr_array_index (result->problems, i);

      if (result->by_feature)
        /* Translators: a bad GeoJSON feature, "Feature 12: the time is missing" */
        g_string_append_printf (text, _("Feature %u: %s\n"), problem->line, problem->message);
      else
        /* Translators: a bad row, "Line 12: the time is missing" */
        g_string_append_printf (text, _("Line %u: %s\n"), problem->line, problem->message);
    }

  if (shown < n)
    g_string_append_printf (text, ngettext ("… and %u more row\n", "… and %u more rows\n", n - shown),
                            n - shown);

  return g_string_free (text, FALSE);
}

/**
 * tl_import_result_commit:
 * @result: a validated result
 * @store: where to write
 * @skip_bad_rows: import the good rows even if some are bad
 * @dry_run: write nothing, only count what would be written
 * @operator_name: who imports, for the audit log
 * @error: return location for a #TL_IMPORT_ERROR or #TL_STORE_ERROR
 *
 * Writes every good row in one transaction, leaving out the rows a
 * previous import wrote (same import key). A file with bad rows is refused
 * (%TL_IMPORT_ERROR_BAD_ROWS) and nothing is written, unless
 * @skip_bad_rows. Sets @result's n_added and n_already.
 *
 * Returns: %TRUE if the events were written (or would be)
 */
gboolean
tl_import_result_commit (TlImportResult  *result,
                         TlStore         *store,
                         gboolean         skip_bad_rows,
                         gboolean         dry_run,
                         const char      *operator_name,
                         GError         **error)
{
  guint n_existing = 0;
  TlStoreBulk *bulk;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (TL_IS_STORE (store), FALSE);
  g_return_val_if_fail (operator_name != NULL, FALSE);
  g_return_val_if_fail (result->keys->len == result->events->len, FALSE);
  g_return_val_if_fail (result->key_digests->len == (gsize) result->events->len * TL_STORE_IMPORT_KEY_SIZE,
                        FALSE);

  if (result->problems->len > 0 && !skip_bad_rows)
    {
      tl_import_set_bad_rows_error (result, error);
      return FALSE;
    }

  if (dry_run)
    {
      if (!tl_store_count_import_keys (store, result->keys, &n_existing, error))
        return FALSE;
      result->n_already = n_existing;
      result->n_added = result->events->len - n_existing;
      return TRUE;
    }

  if (result->events->len == 0)
    {
      result->n_added = result->n_already = 0;
      return TRUE;
    }
  if ((bulk = tl_store_bulk_begin (store, operator_name, result->source_name, error)) == NULL)
    return FALSE;
  if (!tl_store_bulk_add (bulk, result->events, result->key_digests->data, error))
    {
      tl_store_bulk_abort (bulk);
      return FALSE;
    }

  return tl_store_bulk_commit (bulk, &result->n_added, &result->n_already, error);
}
