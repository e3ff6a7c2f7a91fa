/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-time.h"

/* "Wall" seconds are what a clock on the wall shows, counted like UTC
 * seconds from 1970-01-01 00:00: they run at one per second except at
 * offset changes, and a calendar day is always 86400 of them. Converting
 * wall seconds to UTC is where gaps (spring forward) and overlaps (fall
 * back) are dealt with, in local_to_utc() only. */

#define SECONDS_PER_DAY 86400

typedef enum {
  WALL_EXACT,
  WALL_OVERLAP,   /* happened twice: the first is returned */
  WALL_GAP,       /* never happened: the instant of the jump is returned */
} WallKind;

typedef struct {
  int year, month, day;
  int hour, minute, second;
  gboolean has_date;
  gboolean has_year;
  gboolean has_offset;
  int offset;     /* seconds east of UTC */
} Parsed;

G_DEFINE_QUARK (tl-time-error-quark, tl_time_error)

/* helpers */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = floor_div (y, 400);
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *out_y,
                 int    *out_m,
                 int    *out_d)
{
  gint64 z = days + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *out_d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *out_m = m;
  *out_y = (int) (yoe + era * 400 + (m <= 2));
}

static gint64
wall_seconds (int y, int m, int d, int hour, int minute, int second)
{
  return days_from_civil (y, m, d) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

static int
offset_at (GTimeZone *zone,
           gint64     utc)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);

  return g_time_zone_get_offset (zone, interval);
}

/* Offsets are within ±26 h, so every offset that can apply to a wall time
 * is in force within a day of it; real zones never change twice in two
 * days. */
static WallKind
local_to_utc (GTimeZone *zone,
              gint64     wall,
              gint64    *out_utc)
{
  int offsets[3] = {
    offset_at (zone, wall - SECONDS_PER_DAY),
    offset_at (zone, wall),
    offset_at (zone, wall + SECONDS_PER_DAY),
  };
  gint64 best = G_MAXINT64;
  guint n_valid = 0;
  gint64 lo, hi;
  int before, after;

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 utc = wall - offsets[i];

      if ((i > 0 && offsets[i] == offsets[i - 1]) || (i == 2 && offsets[2] == offsets[0]))
        continue;
      if (offset_at (zone, utc) == offsets[i])
        {
          n_valid++;
          best = MIN (best, utc);
        }
    }

  if (n_valid > 0)
    {
      *out_utc = best;
      return n_valid > 1 ? WALL_OVERLAP : WALL_EXACT;
    }

  /* A gap: the clocks jumped from `before` to `after` (after > before)
   * somewhere in (wall - after, wall - before]. Find the instant. */
  before = offset_at (zone, wall - SECONDS_PER_DAY);
  after = offset_at (zone, wall + SECONDS_PER_DAY);
  lo = wall - after;      /* still the old offset */
  hi = wall - before;     /* already the new offset */
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (zone, mid) == before)
        lo = mid;
      else
        hi = mid;
    }
  *out_utc = hi;
  return WALL_GAP;
}

/* The wall time of the midnight that starts the local day containing utc. */
static gint64
local_day_of (GTimeZone *zone,
              gint64     utc)
{
  gint64 wall = utc + offset_at (zone, utc);

  return floor_div (wall, SECONDS_PER_DAY) * SECONDS_PER_DAY;
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

/* parsing */

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Reads 1 to max_digits digits; returns how many were read. */
static int
read_digits (const char **p,
             int          max_digits,
             int         *out_value)
{
  int n = 0, value = 0;

  while (g_ascii_isdigit ((*p)[n]) && n < max_digits)
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  *p += n;
  *out_value = value;
  return n;
}

static int
count_digits (const char *p)
{
  int n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  return n;
}

static gboolean
set_syntax_error (GError **error)
{
  g_set_error_literal (error, TL_TIME_ERROR, TL_TIME_ERROR_SYNTAX,
                       /* Translators: keep HH:MM and YYYY-MM-DD as they are,
                        * or use your language's usual letters */
                       _("Write the time as HH:MM or YYYY-MM-DD HH:MM"));
  return FALSE;
}

static gboolean
parse_date (const char **p,
            Parsed      *parsed)
{
  const char *s = *p;
  int n = count_digits (s);

  if (n == 4 && s[4] == '-')
    {
      read_digits (&s, 4, &parsed->year);
      s++;
      if (read_digits (&s, 2, &parsed->month) == 0 || *s++ != '-' ||
          read_digits (&s, 2, &parsed->day) == 0)
        return FALSE;
      parsed->has_year = TRUE;
    }
  else if ((n == 1 || n == 2) && s[n] == '/')
    {
      read_digits (&s, 2, &parsed->day);
      s++;
      if (read_digits (&s, 2, &parsed->month) == 0)
        return FALSE;
      if (*s == '/')
        {
          s++;
          if (count_digits (s) != 4)
            return FALSE;
          read_digits (&s, 4, &parsed->year);
          parsed->has_year = TRUE;
        }
    }
  else
    return TRUE;   /* no date */

  if (g_ascii_isdigit (*s))
    return FALSE;
  parsed->has_date = TRUE;
  if (*s == 'T' || *s == 't')
    s++;
  else if (skip_space (s) == s)
    return FALSE;
  *p = skip_space (s);
  return TRUE;
}

static gboolean
parse_clock (const char **p,
             Parsed      *parsed)
{
  const char *s = *p;
  int n = count_digits (s);

  if (n == 4)
    {
      /* 1405 */
      read_digits (&s, 2, &parsed->hour);
      read_digits (&s, 2, &parsed->minute);
    }
  else if (n == 1 || n == 2)
    {
      read_digits (&s, 2, &parsed->hour);
      if (*s == 'h' || *s == 'H')
        {
          /* French 14h05, or 14h for 14:00 */
          s++;
          if (g_ascii_isdigit (*s) && read_digits (&s, 2, &parsed->minute) != 2)
            return FALSE;
        }
      else if (*s == ':')
        {
          s++;
          if (count_digits (s) != 2)
            return FALSE;
          read_digits (&s, 2, &parsed->minute);
          if (*s == ':')
            {
              s++;
              if (count_digits (s) != 2)
                return FALSE;
              read_digits (&s, 2, &parsed->second);
              /* fractions of a second are dropped, not rounded */
              if ((*s == '.' || *s == ',') && g_ascii_isdigit (s[1]))
                for (s++; g_ascii_isdigit (*s); s++)
                  ;
            }
        }
      else
        return FALSE;
    }
  else
    return FALSE;

  if (g_ascii_isdigit (*s))
    return FALSE;
  *p = s;
  return TRUE;
}

/* Z, UTC, GMT, +01:00, +0100, +01, −05:00 */
static gboolean
parse_offset (const char **p,
              Parsed      *parsed,
              GError     **error)
{
  const char *start = skip_space (*p);
  const char *s = start;
  int sign, hours, minutes = 0, n;

  if (*s == 'Z' || *s == 'z')
    s++;
  else if (g_ascii_strncasecmp (s, "UTC", 3) == 0 || g_ascii_strncasecmp (s, "GMT", 3) == 0)
    s += 3;
  else if (*s == '+' || *s == '-' || g_str_has_prefix (s, "−"))
    {
      sign = *s == '+' ? 1 : -1;
      s = g_utf8_next_char (s);
      n = count_digits (s);
      if (n != 2 && n != 4)
        return set_syntax_error (error);
      read_digits (&s, 2, &hours);
      if (n == 4)
        read_digits (&s, 2, &minutes);
      else if (*s == ':')
        {
          s++;
          if (count_digits (s) != 2)
            return set_syntax_error (error);
          read_digits (&s, 2, &minutes);
        }
      if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
          g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is the offset typed, like +15:00 */
                       _("A time zone offset must be between −14:00 and +14:00 (found %.*s)"),
                       (int) (s - start), start);
          return FALSE;
        }
      parsed->offset = sign * (hours * 3600 + minutes * 60);
    }
  else
    {
      *p = s;
      return TRUE;   /* no offset */
    }

  parsed->has_offset = TRUE;
  *p = s;
  return TRUE;
}

static gboolean
check_ranges (const Parsed *parsed,
              GError      **error)
{
  if (parsed->year < 1 || parsed->year > 9999)
    g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                 _("Year must be 1–9999 (found %d)"), parsed->year);
  else if (parsed->month < 1 || parsed->month > 12)
    g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                 _("Month must be 1–12 (found %d)"), parsed->month);
  else if (parsed->day < 1 || parsed->day > days_in_month (parsed->year, parsed->month))
    g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                 /* Translators: "Day must be 1–28 in 2026-02 (found 30)" */
                 _("Day must be 1–%d in %04d-%02d (found %d)"),
                 days_in_month (parsed->year, parsed->month), parsed->year, parsed->month,
                 parsed->day);
  else if (parsed->hour > 23)
    g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                 _("Hour must be 0–23 (found %d)"), parsed->hour);
  else if (parsed->minute > 59)
    g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                 _("Minutes must be 0–59 (found %d)"), parsed->minute);
  else if (parsed->second > 59)
    g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_OUT_OF_RANGE,
                 _("Seconds must be 0–59 (found %d)"), parsed->second);
  else
    return TRUE;

  return FALSE;
}

/* public API */

/**
 * tl_time_zone_new:
 * @identifier: (nullable): a tz database name ("Europe/Paris", "UTC"),
 *   or %NULL or "" for the system's zone
 *
 * Unlike g_time_zone_new(), an unknown name is not silently UTC: the
 * caller decides what to do (the preferences fall back to the system
 * zone and say so).
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL if @identifier
 *   is not a zone this system knows
 */
GTimeZone *
tl_time_zone_new (const char *identifier)
{
  if (identifier == NULL || *identifier == '\0')
    return g_time_zone_new_local ();

  return g_time_zone_new_identifier (identifier);
}

/**
 * tl_time_day_range:
 * @zone: the display zone
 * @year: year
 * @month: month, 1–12
 * @day: day of the month
 * @out_from: (out): the first second of the local day, UTC
 * @out_to: (out): the first second of the next local day, UTC
 *
 * The local day as a half-open UTC range [@out_from, @out_to). It lasts
 * 23 or 25 hours on days the clocks change. If midnight does not exist
 * (zones that spring forward at midnight) the day starts when the clocks
 * jump; if it happens twice, at the first.
 */
void
tl_time_day_range (GTimeZone *zone,
                   int        year,
                   int        month,
                   int        day,
                   gint64    *out_from,
                   gint64    *out_to)
{
  gint64 wall;

  g_return_if_fail (zone != NULL);
  g_return_if_fail (g_date_valid_dmy (day, month, year));
  g_return_if_fail (out_from != NULL && out_to != NULL);

  wall = wall_seconds (year, month, day, 0, 0, 0);
  local_to_utc (zone, wall, out_from);
  local_to_utc (zone, wall + SECONDS_PER_DAY, out_to);
}

/**
 * tl_time_day_range_at:
 * @zone: the display zone
 * @utc: an instant, UTC seconds
 * @out_from: (out): the first second of the local day containing @utc
 * @out_to: (out): the first second of the next local day
 *
 * Like tl_time_day_range() for the local day that contains @utc;
 * @out_from <= @utc < @out_to.
 */
void
tl_time_day_range_at (GTimeZone *zone,
                      gint64     utc,
                      gint64    *out_from,
                      gint64    *out_to)
{
  gint64 wall;

  g_return_if_fail (zone != NULL);
  g_return_if_fail (out_from != NULL && out_to != NULL);

  wall = local_day_of (zone, utc);
  local_to_utc (zone, wall, out_from);
  local_to_utc (zone, wall + SECONDS_PER_DAY, out_to);

  /* Only in zones that fall back across midnight can the wall date of
   * an instant differ from the day range it falls in. */
  if (utc >= *out_to)
    {
      *out_from = *out_to;
      local_to_utc (zone, wall + 2 * SECONDS_PER_DAY, out_to);
    }
}

/**
 * tl_time_shift_days:
 * @zone: the display zone
 * @day_start: an instant in the day to start from, usually its start
 * @days: how many calendar days to move; negative goes back
 *
 * Moves by calendar days, not by multiples of 24 hours, so that "next
 * day" across a clock change still lands on a midnight.
 *
 * Returns: the start of the local day @days after the one containing
 *   @day_start, UTC seconds
 */
gint64
tl_time_shift_days (GTimeZone *zone,
                    gint64     day_start,
                    int        days)
{
  gint64 from, to, utc;

  g_return_val_if_fail (zone != NULL, day_start);

  /* the middle of the day is safely on its wall date, even in zones
   * that repeat an hour across midnight */
  tl_time_day_range_at (zone, day_start, &from, &to);
  local_to_utc (zone, local_day_of (zone, from + (to - from) / 2) + (gint64) days * SECONDS_PER_DAY, &utc);
  return utc;
}

/**
 * tl_time_format:
 * @zone: the display zone
 * @utc: an instant, UTC seconds
 * @format: a g_date_time_format() format, like "%Y-%m-%d %H:%M"
 *
 * Returns: (transfer full) (nullable): @utc as local time in @zone, or
 *   %NULL if @format is invalid or @utc is beyond year 9999
 */
char *
tl_time_format (GTimeZone  *zone,
                gint64      utc,
                const char *format)
{
  g_autoptr(GDateTime) dt_utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  dt_utc = g_date_time_new_from_unix_utc (utc);
  if (dt_utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (dt_utc, zone);
  if (local == NULL)
    return NULL;
  return g_date_time_format (local, format);
}

/**
 * tl_time_parse:
 * @zone: the zone the time is written in, unless it carries an offset
 * @text: what the user typed
 * @reference_day_start: an instant in the local day a bare time is on,
 *   usually the start of the day shown
 * @out_utc: (out): the instant, UTC seconds
 * @error: return location for a #TL_TIME_ERROR
 *
 * Reads a time as desk officers type it:
 *
 * - a time on the reference day: `14:05`, `1405`, `14h05`, `14h`,
 *   `14:05:30`;
 * - a date and time: `2026-11-26 14:05`, `2026-11-26T14:05`,
 *   `26/11/2026 14:05`, `26/11 14:05` (the reference day's year);
 * - either with an offset, which makes it exact and ignores @zone:
 *   `2026-11-26T13:05:00Z`, `2026-11-26 14:05+01:00`, `14:05 UTC`.
 *   Fractions of a second are dropped.
 *
 * A local time that does not exist because the clocks went forward
 * (02:30 on 29 March 2026 in Paris) is a %TL_TIME_ERROR_NONEXISTENT
 * error. A local time that happened twice because the clocks went back
 * (02:30 on 25 October 2026 in Paris) is taken as its first occurrence,
 * in summer time: reports are written as events happen, so the earlier
 * reading is the one a desk officer most likely means; to name the
 * second, add the offset (`02:30+01:00`).
 *
 * Returns: %TRUE if @text is a time; on failure @out_utc is untouched
 */
gboolean
tl_time_parse (GTimeZone  *zone,
               const char *text,
               gint64      reference_day_start,
               gint64     *out_utc,
               GError    **error)
{
  Parsed parsed = { 0 };
  const char *p;
  gint64 wall, utc;
  WallKind kind;

  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_utc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return set_syntax_error (error);

  p = skip_space (text);
  if (*p == '\0')
    {
      g_set_error_literal (error, TL_TIME_ERROR, TL_TIME_ERROR_EMPTY,
                           _("Type a time, e.g. 14:05"));
      return FALSE;
    }

  if (!parse_date (&p, &parsed) || !parse_clock (&p, &parsed))
    return set_syntax_error (error);
  if (!parse_offset (&p, &parsed, error))
    return FALSE;
  if (*skip_space (p) != '\0')
    return set_syntax_error (error);

  if (!parsed.has_date || !parsed.has_year)
    {
      int y, m, d;

      civil_from_days (local_day_of (zone, reference_day_start) / SECONDS_PER_DAY, &y, &m, &d);
      parsed.year = y;
      if (!parsed.has_date)
        {
          parsed.month = m;
          parsed.day = d;
        }
    }

  if (!check_ranges (&parsed, error))
    return FALSE;

  wall = wall_seconds (parsed.year, parsed.month, parsed.day,
                       parsed.hour, parsed.minute, parsed.second);

  if (parsed.has_offset)
    {
      *out_utc = wall - parsed.offset;
      return TRUE;
    }

  kind = local_to_utc (zone, wall, &utc);
  if (kind == WALL_GAP)
    {
      const char *zone_name = g_time_zone_get_identifier (zone);

      g_set_error (error, TL_TIME_ERROR, TL_TIME_ERROR_NONEXISTENT,
                   /* Translators: "02:30 on 2026-03-29 does not exist in
                    * Europe/Paris: the clocks went forward at that time" */
                   _("%02d:%02d on %04d-%02d-%02d does not exist in %s: the clocks went forward at that time"),
                   parsed.hour, parsed.minute, parsed.year, parsed.month, parsed.day, zone_name);
      return FALSE;
    }

  *out_utc = utc;
  return TRUE;
}
