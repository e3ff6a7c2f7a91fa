/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-statistics.h"

G_BEGIN_DECLS

/* A file's records (tl-statistics-csv.c): fields separated by commas,
 * semicolons or tabs, whichever the header line uses. */
typedef struct {
  const char *p;
  const char *end;
  guint       line;   /* of p, from 1 */
  char        separator;
} TlStatisticsReader;

void        tl_statistics_reader_init          (TlStatisticsReader     *reader,
                                                const char             *data,
                                                gsize                   length);
/* The next record, or NULL at the end. */
GStrv       tl_statistics_read_record          (TlStatisticsReader     *reader);
gboolean    tl_statistics_is_blank_record      (GStrv                   record);

/* Shared by the daily reader (tl-statistics.c) and the weekly one
 * (tl-statistics-week.c). */

void        tl_statistics_add_problem          (TlStatisticsFile       *file,
                                                guint                   line,
                                                char                   *message);
gboolean    tl_statistics_parse_count          (const char             *text,
                                                int                    *out_count);
gboolean    tl_statistics_name_has             (const char             *name,
                                                const char             *word);
gboolean    tl_statistics_is_cumulative_name   (const char             *name);
const char *tl_statistics_column_name          (const TlStatisticsFile *file,
                                                int                     column);

/* Sets @mapping's year and week columns from names such as "Year",
 * "Année", "Week", "Semaine", "Wk", "ISO week"; -1 where none. */
void        tl_statistics_detect_week_columns  (const char * const     *header,
                                                TlStatisticsMapping    *mapping);
/* Reads one row of a weekly series into @file's weeks, or a problem;
 * @seen holds the weeks read so far. */
void        tl_statistics_read_week            (TlStatisticsFile       *file,
                                                GStrv                   record,
                                                guint                   line,
                                                GHashTable             *seen);

G_END_DECLS
