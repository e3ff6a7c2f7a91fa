/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Official daily figures (such as the UK Home Office's series of people
 * detected crossing in small boats), read from a CSV file for the trend
 * chart. A file is read whole and checked whole: a bad row refuses the
 * file, so that a chart never mixes half an import with the old figures. */

#define TL_STATISTICS_ERROR (tl_statistics_error_quark ())

typedef enum {
  TL_STATISTICS_ERROR_EMPTY,        /* no header line */
  TL_STATISTICS_ERROR_ENCODING,     /* not UTF-8 text */
  TL_STATISTICS_ERROR_NO_DATE,      /* no date column found or given */
  TL_STATISTICS_ERROR_NO_FIGURES,   /* neither a people nor a boats column */
  TL_STATISTICS_ERROR_BAD_COLUMN,   /* a mapping names a column the file lacks */
  TL_STATISTICS_ERROR_BAD_ROWS,     /* some rows cannot be read: see the message */
  TL_STATISTICS_ERROR_NO_ROWS,      /* a header and nothing else */
  TL_STATISTICS_ERROR_BAD_MAPPING,  /* a mapping mixes dates and weeks */
} TlStatisticsError;

GQuark tl_statistics_error_quark (void);

/* A count nobody gave is -1 and is stored as NULL. */
typedef struct {
  char date[11];   /* YYYY-MM-DD */
  int  people;
  int  boats;
} TlStatisticsDay;

/* Official weekly figures (tl-statistics-week.c): an ISO 8601 week,
 * Monday to Sunday, with the figures for the whole week. */
typedef struct {
  char week[9];        /* YYYY-Www, the ISO year and week */
  char first_date[11]; /* its Monday, YYYY-MM-DD */
  char last_date[11];  /* its Sunday */
  int  people;
  int  boats;
} TlStatisticsWeek;

/* Columns by index from 0, -1 for "not in the file". A daily series has
 * a date column; a weekly one has a week column instead, with the ISO
 * year in a column of its own or in the week's cells ("2026-W49"). Set
 * every field: TL_STATISTICS_MAPPING_INIT is a mapping of no column. */
typedef struct {
  int date;
  int people;
  int boats;
  int year;
  int week;
} TlStatisticsMapping;

#define TL_STATISTICS_MAPPING_INIT { -1, -1, -1, -1, -1 }

/* How a weekly series names its weeks: by ISO week ("2026-W49", or a
 * year and a number), or by a date in a column whose name says which
 * day of the week it is ("Week ending", "Semaine du"). */
typedef enum {
  TL_STATISTICS_WEEKS_ISO,        /* 2026-W49, or year and week columns */
  TL_STATISTICS_WEEKS_ENDING,     /* each week's Sunday */
  TL_STATISTICS_WEEKS_COMMENCING, /* each week's Monday */
} TlStatisticsWeekDates;

typedef struct {
  guint line;      /* where the row starts, from 1 */
  char *message;   /* translated, without the line number */
} TlStatisticsProblem;

/* Running totals ("Cumulative people", "Boats to date") are not daily
 * figures: they are recognised by their names and never read as one.
 * What they say is used: a day whose daily cell is empty while the
 * total did not move had none (0, not "not given"), one whose total
 * moved since the day before had the difference, and days a file
 * leaves out between two rows of the same total had none either. */
typedef struct {
  GStrv                header;    /* the column names as written */
  TlStatisticsMapping  mapping;   /* the columns read */
  int                  cumulative_people; /* running totals' columns, -1 if none */
  int                  cumulative_boats;
  TlStatisticsWeekDates week_dates; /* for a weekly series: what its
                                   * week column holds */
  GArray              *days;      /* of TlStatisticsDay, in file order (by
                                   * date when a running total filled some in) */
  GArray              *weeks;     /* of TlStatisticsWeek, in file order: a
                                   * weekly series has weeks and no days */
  GArray              *problems;  /* of TlStatisticsProblem */
  GPtrArray           *rows;      /* of GStrv: the first rows as written, for a preview */
} TlStatisticsFile;

void              tl_statistics_file_free      (TlStatisticsFile          *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlStatisticsFile, tl_statistics_file_free)

void              tl_statistics_detect_mapping (const char * const        *header,
                                                TlStatisticsMapping       *out_mapping);
TlStatisticsFile *tl_statistics_parse          (const char                *data,
                                                gssize                     length,
                                                const TlStatisticsMapping *mapping,
                                                GError                   **error);
gboolean          tl_statistics_file_check     (const TlStatisticsFile    *file,
                                                GError                   **error);
GStrv             tl_statistics_read_header    (const char                *data,
                                                gssize                     length);
gboolean          tl_statistics_parse_date     (const char                *text,
                                                char                       out_iso[11]);
gboolean          tl_statistics_file_is_weekly (const TlStatisticsFile    *file);
guint             tl_statistics_file_get_n_rows (const TlStatisticsFile   *file);

/* ISO weeks (tl-statistics-week.c). */
gboolean          tl_statistics_parse_iso_week (const char                *text,
                                                int                       *out_year,
                                                int                       *out_week);
guint             tl_statistics_weeks_in_year  (int                        year);
TlStatisticsWeekDates tl_statistics_week_dates_from_name (const char      *name);
gboolean          tl_statistics_week_init      (TlStatisticsWeek          *week,
                                                int                        year,
                                                int                        number);

G_END_DECLS
