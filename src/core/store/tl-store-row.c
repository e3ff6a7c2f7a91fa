/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tl-store-sqlite-private.h"

/* Between TlEvent and a row: binding an event to a statement and building
 * one from a result row, shared by every file of the store. */

static const char * const audit_actions[] = {
  [TL_AUDIT_ACTION_CREATE] = "create",
  [TL_AUDIT_ACTION_UPDATE] = "update",
  [TL_AUDIT_ACTION_DELETE] = "delete",
  [TL_AUDIT_ACTION_RESTORE] = "restore",
};

/* Binders that stop at the first failure, so a whole row is bound and the
 * result checked once. */

void
tl_store_bind_int64 (sqlite3_stmt *stmt,
                     int           column,
                     gint64        value,
                     int          *rc)
{
  if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_int64 (stmt, column, value);
}

void
tl_store_bind_null (sqlite3_stmt *stmt,
                    int           column,
                    int          *rc)
{
  if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_null (stmt, column);
}

/* Strings are bound SQLITE_STATIC: they outlive the sqlite3_step(). */
void
tl_store_bind_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *value,
                    int          *rc)
{
  if (value == NULL)
    tl_store_bind_null (stmt, column, rc);
  else if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           column,
             double        value,
             int          *rc)
{
  if (isnan (value))
    tl_store_bind_null (stmt, column, rc);
  else if (*rc == SQLITE_OK)
    *rc = sqlite3_bind_double (stmt, column, value);
}

/* Unknown counts, unset times and "no case" are NULL in the database. */
static void
bind_optional (sqlite3_stmt *stmt,
               int           column,
               gint64        value,
               gint64        none,
               int          *rc)
{
  if (value == none)
    tl_store_bind_null (stmt, column, rc);
  else
    tl_store_bind_int64 (stmt, column, value, rc);
}

/* Binds ?1 … ?22 in the order of TL_STORE_EVENT_COLUMNS. An id of 0 lets
 * SQLite choose one. */
int
tl_store_bind_event (sqlite3_stmt      *stmt,
                     const TlEventData *data)
{
  gboolean has_position = !isnan (data->latitude) && !isnan (data->longitude);
  int rc = SQLITE_OK;

  bind_optional (stmt, 1, data->id, 0, &rc);
  tl_store_bind_text (stmt, 2, tl_event_kind_to_string (data->kind), &rc);
  tl_store_bind_int64 (stmt, 3, data->time, &rc);
  bind_optional (stmt, 4, data->end_time, TL_TIME_NONE, &rc);
  bind_double (stmt, 5, has_position ? data->latitude : NAN, &rc);
  bind_double (stmt, 6, has_position ? data->longitude : NAN, &rc);
  tl_store_bind_text (stmt, 7, data->place, &rc);
  bind_optional (stmt, 8, data->boats, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 9, data->people, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 10, data->rescued, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 11, data->deceased, TL_COUNT_UNKNOWN, &rc);
  bind_optional (stmt, 12, data->missing, TL_COUNT_UNKNOWN, &rc);
  tl_store_bind_text (stmt, 13, data->unit, &rc);
  tl_store_bind_text (stmt, 14, tl_event_status_to_string (data->status), &rc);
  tl_store_bind_text (stmt, 15, data->notes, &rc);
  bind_optional (stmt, 16, data->case_id, 0, &rc);
  tl_store_bind_text (stmt, 17, data->details, &rc);
  tl_store_bind_int64 (stmt, 18, data->revision, &rc);
  tl_store_bind_text (stmt, 19, data->created_by, &rc);
  tl_store_bind_int64 (stmt, 20, data->created_at, &rc);
  tl_store_bind_text (stmt, 21, data->updated_by, &rc);
  tl_store_bind_int64 (stmt, 22, data->updated_at, &rc);

  return rc;
}

static gint64
column_optional (sqlite3_stmt *stmt,
                 int           column,
                 gint64        none)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return none;

  return sqlite3_column_int64 (stmt, column);
}

static double
column_coordinate (sqlite3_stmt *stmt,
                   int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, column);
}

const char *
tl_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* Reads a row of TL_STORE_EVENT_COLUMNS. */
TlEvent *
tl_store_read_event (sqlite3_stmt *stmt)
{
  TlEventData data;

  data.id = sqlite3_column_int64 (stmt, 0);
  /* The schema only admits known names; a newer schema is refused. */
  if (!tl_event_kind_from_string (tl_store_column_text (stmt, 1), &data.kind))
    data.kind = TL_EVENT_KIND_SIGHTING;
  data.time = sqlite3_column_int64 (stmt, 2);
  data.end_time = column_optional (stmt, 3, TL_TIME_NONE);
  data.latitude = column_coordinate (stmt, 4);
  data.longitude = column_coordinate (stmt, 5);
  data.place = tl_store_column_text (stmt, 6);
  data.boats = (int)column_optional (stmt, 7, TL_COUNT_UNKNOWN);
  data.people = (int)column_optional (stmt, 8, TL_COUNT_UNKNOWN);
  data.rescued = (int)column_optional (stmt, 9, TL_COUNT_UNKNOWN);
  data.deceased = (int)column_optional (stmt, 10, TL_COUNT_UNKNOWN);
  data.missing = (int)column_optional (stmt, 11, TL_COUNT_UNKNOWN);
  data.unit = tl_store_column_text (stmt, 12);
  if (!tl_event_status_from_string (tl_store_column_text (stmt, 13), &data.status))
    data.status = TL_EVENT_STATUS_REPORTED;
  data.notes = tl_store_column_text (stmt, 14);
  data.case_id = column_optional (stmt, 15, 0);
  data.details = tl_store_column_text (stmt, 16);
  data.revision = sqlite3_column_int64 (stmt, 17);
  data.created_by = tl_store_column_text (stmt, 18);
  data.created_at = sqlite3_column_int64 (stmt, 19);
  data.updated_by = tl_store_column_text (stmt, 20);
  data.updated_at = sqlite3_column_int64 (stmt, 21);

  return tl_event_new_from_data (&data);
}

/* Runs a statement that returns no row. */
int
tl_store_step_done (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

const char *
tl_store_audit_action_to_string (TlAuditAction action)
{
  g_return_val_if_fail ((guint)action < G_N_ELEMENTS (audit_actions), NULL);

  return audit_actions[action];
}

TlAuditAction
tl_store_audit_action_from_string (const char *str)
{
  for (guint i = 0; i < G_N_ELEMENTS (audit_actions); i++)
    if (g_strcmp0 (str, audit_actions[i]) == 0)
      return i;

  /* The schema admits no other value. */
  return TL_AUDIT_ACTION_UPDATE;
}
