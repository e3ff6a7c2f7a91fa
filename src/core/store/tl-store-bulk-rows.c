/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tl-sha256.h"
#include "tl-store-sqlite-private.h"

/* tl_bulk_rows (rows, first, end): the events of a bulk add as a table,
 * so that one INSERT … SELECT moves them into events straight from
 * memory. Staged through a table first, every row was written twice: a
 * quarter of an import's time.
 *
 * A table-valued function, as SQLite's carray: @rows is a TlBulkRows
 * bound with sqlite3_bind_pointer() under the type "tl-bulk-rows" (only C
 * can make one: SQL cannot forge a pointer), and [@first, @end) the rows
 * to give. Each row is n, the event's TL_STORE_EVENT_COLUMNS, and its
 * import key (a digest, as tl_store_import_key_digest() makes it).
 * Direct-only: no trigger or view in a file can use it. */

#define POINTER_TYPE "tl-bulk-rows"

enum {
  COLUMN_N,
  COLUMN_FIRST_EVENT,   /* id: the columns of TL_STORE_EVENT_COLUMNS */
  COLUMN_IMPORT_KEY = COLUMN_FIRST_EVENT + 22,
  COLUMN_ROWS,          /* hidden arguments */
  COLUMN_FIRST,
  COLUMN_END,
};

static const char declare_sql[] =
  "CREATE TABLE x (n, " TL_STORE_EVENT_COLUMNS ", import_key,"
  " rows HIDDEN, first HIDDEN, end HIDDEN)";

typedef struct {
  sqlite3_vtab_cursor  base;
  const TlBulkRows    *rows;
  gint64               i;
  gint64               end;
  TlEventData          data;
  const guint8        *key;
} Cursor;

static void
load_row (Cursor *cursor)
{
  if (cursor->i < cursor->end)
    cursor->rows->get_row (cursor->rows->user_data, (guint) cursor->i, &cursor->data, &cursor->key);
}

static int
bulk_rows_connect (sqlite3             *db,
                   void                *aux,
                   int                  argc,
                   const char * const  *argv,
                   sqlite3_vtab       **out_vtab,
                   char               **out_error)
{
  int rc = sqlite3_declare_vtab (db, declare_sql);

  if (rc != SQLITE_OK)
    return rc;
  sqlite3_vtab_config (db, SQLITE_VTAB_DIRECTONLY);

  *out_vtab = sqlite3_malloc (sizeof (sqlite3_vtab));
  if (*out_vtab == NULL)
    return SQLITE_NOMEM;
  memset (*out_vtab, 0, sizeof (sqlite3_vtab));

  return SQLITE_OK;
}

static int
bulk_rows_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

/* Only one plan: all three arguments given. */
static int
bulk_rows_best_index (sqlite3_vtab       *vtab,
                      sqlite3_index_info *info)
{
  int arguments[3] = { -1, -1, -1 };

  for (int c = 0; c < info->nConstraint; c++)
    {
      const struct sqlite3_index_constraint *constraint = &info->aConstraint[c];

      if (constraint->iColumn < COLUMN_ROWS || constraint->op != SQLITE_INDEX_CONSTRAINT_EQ)
        continue;
      if (!constraint->usable)
        return SQLITE_CONSTRAINT;
      arguments[constraint->iColumn - COLUMN_ROWS] = c;
    }

  for (int a = 0; a < 3; a++)
    {
      if (arguments[a] < 0)
        {
          vtab->zErrMsg = sqlite3_mprintf ("tl_bulk_rows takes three arguments: rows, first, end");
          return SQLITE_ERROR;
        }
      info->aConstraintUsage[arguments[a]].argvIndex = a + 1;
      info->aConstraintUsage[arguments[a]].omit = 1;
    }

  /* Rows come out in the order of n. */
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == COLUMN_N && !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  info->estimatedCost = 1.0;
  info->estimatedRows = 8192;

  return SQLITE_OK;
}

static int
bulk_rows_open (sqlite3_vtab         *vtab,
                sqlite3_vtab_cursor **out_cursor)
{
  Cursor *cursor = sqlite3_malloc (sizeof (Cursor));

  if (cursor == NULL)
    return SQLITE_NOMEM;
  memset (cursor, 0, sizeof (Cursor));
  *out_cursor = &cursor->base;

  return SQLITE_OK;
}

static int
bulk_rows_close (sqlite3_vtab_cursor *base)
{
  sqlite3_free (base);
  return SQLITE_OK;
}

static int
bulk_rows_filter (sqlite3_vtab_cursor  *base,
                  int                   plan,
                  const char           *plan_text,
                  int                   argc,
                  sqlite3_value       **argv)
{
  Cursor *cursor = (Cursor *) base;
  gint64 first, end;

  cursor->rows = argc == 3 ? sqlite3_value_pointer (argv[0], POINTER_TYPE) : NULL;
  if (cursor->rows == NULL)
    {
      base->pVtab->zErrMsg = sqlite3_mprintf ("tl_bulk_rows: no rows given");
      return SQLITE_ERROR;
    }

  first = sqlite3_value_int64 (argv[1]);
  end = sqlite3_value_int64 (argv[2]);
  if (first < 0 || end < first || end > cursor->rows->n_rows)
    {
      base->pVtab->zErrMsg = sqlite3_mprintf ("tl_bulk_rows: rows out of range");
      return SQLITE_ERROR;
    }

  cursor->i = first;
  cursor->end = end;
  load_row (cursor);

  return SQLITE_OK;
}

static int
bulk_rows_next (sqlite3_vtab_cursor *base)
{
  Cursor *cursor = (Cursor *) base;

  cursor->i++;
  load_row (cursor);

  return SQLITE_OK;
}

static int
bulk_rows_eof (sqlite3_vtab_cursor *base)
{
  Cursor *cursor = (Cursor *) base;

  return cursor->i >= cursor->end;
}

static void
result_optional (sqlite3_context *context,
                 gint64           value,
                 gint64           none)
{
  if (value == none)
    sqlite3_result_null (context);
  else
    sqlite3_result_int64 (context, value);
}

static void
result_text (sqlite3_context *context,
             const char      *text)
{
  /* The row provider keeps its strings for the whole statement. */
  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, SQLITE_STATIC);
}

static void
result_coordinate (sqlite3_context   *context,
                   const TlEventData *data,
                   double             value)
{
  if (isnan (data->latitude) || isnan (data->longitude))
    sqlite3_result_null (context);
  else
    sqlite3_result_double (context, value);
}

/* The values tl_store_bind_event() binds, column by column. */
static int
bulk_rows_column (sqlite3_vtab_cursor *base,
                  sqlite3_context     *context,
                  int                  column)
{
  Cursor *cursor = (Cursor *) base;
  const TlEventData *d = &cursor->data;

  switch (column)
    {
    case COLUMN_N: sqlite3_result_int64 (context, cursor->i); break;
    case COLUMN_FIRST_EVENT + 0: result_optional (context, d->id, 0); break;
    case COLUMN_FIRST_EVENT + 1: result_text (context, tl_event_kind_to_string (d->kind)); break;
    case COLUMN_FIRST_EVENT + 2: sqlite3_result_int64 (context, d->time); break;
    case COLUMN_FIRST_EVENT + 3: result_optional (context, d->end_time, TL_TIME_NONE); break;
    case COLUMN_FIRST_EVENT + 4: result_coordinate (context, d, d->latitude); break;
    case COLUMN_FIRST_EVENT + 5: result_coordinate (context, d, d->longitude); break;
    case COLUMN_FIRST_EVENT + 6: result_text (context, d->place); break;
    case COLUMN_FIRST_EVENT + 7: result_optional (context, d->boats, TL_COUNT_UNKNOWN); break;
    case COLUMN_FIRST_EVENT + 8: result_optional (context, d->people, TL_COUNT_UNKNOWN); break;
    case COLUMN_FIRST_EVENT + 9: result_optional (context, d->rescued, TL_COUNT_UNKNOWN); break;
    case COLUMN_FIRST_EVENT + 10: result_optional (context, d->deceased, TL_COUNT_UNKNOWN); break;
    case COLUMN_FIRST_EVENT + 11: result_optional (context, d->missing, TL_COUNT_UNKNOWN); break;
    case COLUMN_FIRST_EVENT + 12: result_text (context, d->unit); break;
    case COLUMN_FIRST_EVENT + 13: result_text (context, tl_event_status_to_string (d->status)); break;
    case COLUMN_FIRST_EVENT + 14: result_text (context, d->notes); break;
    case COLUMN_FIRST_EVENT + 15: result_optional (context, d->case_id, 0); break;
    case COLUMN_FIRST_EVENT + 16: result_text (context, d->details); break;
    case COLUMN_FIRST_EVENT + 17: sqlite3_result_int64 (context, d->revision); break;
    case COLUMN_FIRST_EVENT + 18: result_text (context, d->created_by); break;
    case COLUMN_FIRST_EVENT + 19: sqlite3_result_int64 (context, d->created_at); break;
    case COLUMN_FIRST_EVENT + 20: result_text (context, d->updated_by); break;
    case COLUMN_FIRST_EVENT + 21: sqlite3_result_int64 (context, d->updated_at); break;
    case COLUMN_IMPORT_KEY:
      if (cursor->key == NULL)
        sqlite3_result_null (context);
      else
        sqlite3_result_blob (context, cursor->key, TL_STORE_IMPORT_KEY_SIZE, SQLITE_STATIC);
      break;
    default: sqlite3_result_null (context); break;
    }

  return SQLITE_OK;
}

static int
bulk_rows_rowid (sqlite3_vtab_cursor *base,
                 sqlite_int64        *out_rowid)
{
  *out_rowid = ((Cursor *) base)->i;
  return SQLITE_OK;
}

static const sqlite3_module bulk_rows_module = {
  .iVersion = 0,
  .xCreate = NULL,      /* eponymous only */
  .xConnect = bulk_rows_connect,
  .xBestIndex = bulk_rows_best_index,
  .xDisconnect = bulk_rows_disconnect,
  .xDestroy = bulk_rows_disconnect,
  .xOpen = bulk_rows_open,
  .xClose = bulk_rows_close,
  .xFilter = bulk_rows_filter,
  .xNext = bulk_rows_next,
  .xEof = bulk_rows_eof,
  .xColumn = bulk_rows_column,
  .xRowid = bulk_rows_rowid,
};

/* Private API */

int
tl_store_register_bulk_rows (sqlite3 *db)
{
  return sqlite3_create_module_v2 (db, "tl_bulk_rows", &bulk_rows_module, NULL, NULL);
}

int
tl_store_bind_bulk_rows (sqlite3_stmt     *stmt,
                         int               index,
                         const TlBulkRows *rows)
{
  return sqlite3_bind_pointer (stmt, index, (void *) rows, POINTER_TYPE, NULL);
}

void
tl_store_import_key_digest (const char *key,
                            guint8      digest[TL_STORE_IMPORT_KEY_SIZE])
{
  guint8 full[TL_SHA256_SIZE];

  tl_sha256 (key, strlen (key), full);
  memcpy (digest, full, TL_STORE_IMPORT_KEY_SIZE);
}
