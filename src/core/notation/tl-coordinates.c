/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tl-coordinates-private.h"

/* Parsing runs in three steps:
 *
 *  1. tokenize (tl-coordinates-tokens.c): numbers, signs, hemisphere
 *     letters, unit marks and separators;
 *  2. split the tokens into two parts (latitude and longitude) by trying
 *     every split point and keeping the ones where both parts read as a
 *     coordinate (an explicit separator fixes the split);
 *  3. resolve: decide which part is the latitude, then check minutes,
 *     seconds, signs and ranges.
 *
 * Step 2 looks only at the shape of the input, never at the values, so
 * that "50 75 1 35" reports "minutes must be below 60" instead of quietly
 * reading 50°, 75°01′35″. */

#define MAX_TEXT_BYTES 256

typedef struct {
  guint       first;       /* token index of the field's number */
  TlCoordUnit unit;
  gboolean    marked;      /* the unit was written, not implied */
} Field;

typedef struct {
  gsize    start, end;     /* byte range of the part in the text */
  int      sign;           /* 0 when no sign was typed */
  char     hemisphere;     /* 0 when no letter was typed */
  Field    fields[3];
  guint    n_fields;
  gboolean compact;        /* one DDMM.mm / DDMMSS number */
} Part;

G_DEFINE_QUARK (tl-coordinates-error-quark, tl_coordinates_error)

/* step 2: parts and split */

typedef enum {
  SHAPE_OK,
  SHAPE_BAD,            /* generic: not a latitude or longitude */
  SHAPE_FRACTION,       /* decimals before the last number */
  SHAPE_EMPTY,          /* no number at all */
} Shape;

/* Reads tokens [from, to) as one coordinate: [sign] [letter] numbers with
 * optional marks [letter]. On failure *out_bad is the first token that
 * does not fit. */
static Shape
read_part (const TlCoordReading *reading,
           guint                 from,
           guint                 to,
           Part                 *part,
           guint                *out_bad)
{
  const TlCoordToken *t = reading->tokens;
  guint i = from;
  TlCoordUnit next_unit = TL_COORD_UNIT_DEGREES;

  memset (part, 0, sizeof *part);
  *out_bad = from;
  if (from >= to)
    return SHAPE_EMPTY;
  part->start = t[from].start;
  part->end = t[to - 1].end;

  for (; i < to && t[i].kind != TL_COORD_TOKEN_NUMBER; i++)
    {
      *out_bad = i;
      if (t[i].kind == TL_COORD_TOKEN_SIGN && part->sign == 0 && part->hemisphere == 0)
        part->sign = t[i].sign;
      else if (t[i].kind == TL_COORD_TOKEN_HEMISPHERE && part->hemisphere == 0)
        part->hemisphere = t[i].hemisphere;
      else
        return SHAPE_BAD;
    }
  if (i == to)
    return SHAPE_EMPTY;

  while (i < to && t[i].kind == TL_COORD_TOKEN_NUMBER)
    {
      Field *field;
      gboolean marked = i + 1 < to && t[i + 1].kind == TL_COORD_TOKEN_MARK;
      TlCoordUnit unit = marked ? t[i + 1].unit : next_unit;

      *out_bad = i;
      if (part->n_fields > 0 && t[part->fields[part->n_fields - 1].first].has_fraction)
        return SHAPE_FRACTION;
      /* Units come in order, none skipped: 50°31″ is a typo, not 50°00′31″. */
      if (unit != next_unit || part->n_fields == 3)
        return SHAPE_BAD;

      field = &part->fields[part->n_fields++];
      field->first = i;
      field->unit = unit;
      field->marked = marked;
      next_unit = unit + 1;
      i += marked ? 2 : 1;
    }

  if (i < to && t[i].kind == TL_COORD_TOKEN_HEMISPHERE && part->hemisphere == 0)
    part->hemisphere = t[i++].hemisphere;

  *out_bad = i;
  if (i < to)
    return SHAPE_BAD;

  /* "5057.52N", "00135.20E", "505731N": NMEA-style packed degrees and
   * minutes. Plain degrees never need more than three digits. */
  if (part->n_fields == 1 && !part->fields[0].marked &&
      t[part->fields[0].first].int_digits >= 4)
    {
      guint digits = t[part->fields[0].first].int_digits;

      if (digits > 7)
        return SHAPE_BAD;
      part->compact = TRUE;
    }

  return SHAPE_OK;
}

static gboolean
split_is_valid (const TlCoordReading *reading,
                guint                 first_end,
                guint                 second,
                guint                *out_fields_1,
                guint                *out_fields_2)
{
  Part p1, p2;
  guint bad;

  if (read_part (reading, 0, first_end, &p1, &bad) != SHAPE_OK ||
      read_part (reading, second, reading->n_tokens, &p2, &bad) != SHAPE_OK)
    return FALSE;

  *out_fields_1 = p1.n_fields;
  *out_fields_2 = p2.n_fields;
  return TRUE;
}

static void
set_part_error (GError               **error,
                const char            *text,
                const TlCoordReading  *reading,
                guint                  from,
                guint                  to)
{
  Part part;
  guint bad;
  Shape shape = read_part (reading, from, to, &part, &bad);
  const TlCoordToken *t = reading->tokens;

  if (shape == SHAPE_FRACTION)
    {
      g_autofree char *what = tl_coordinates_excerpt (text, t[from].start, t[to - 1].end);

      g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_SYNTAX,
                   /* Translators: %s is what the user typed */
                   _("Only the last number of a latitude or longitude can have decimals (in “%s”)"),
                   what);
    }
  else if (shape == SHAPE_BAD && bad > from && bad < to)
    tl_coordinates_set_unexpected_error (error, text, t[bad].start, t[to - 1].end);
  else
    tl_coordinates_set_example_error (error);
}

/* Finds where latitude ends and longitude begins. */
static gboolean
choose_split (const char      *text,
              TlCoordReading  *reading,
              gboolean         report_trailing,
              GError         **error)
{
  const TlCoordToken *t = reading->tokens;
  guint n = reading->n_tokens;
  guint separator = G_MAXUINT;
  struct {
    guint    at;
    gboolean balanced;
    gboolean same_side;
  } candidates[TL_COORD_MAX_TOKENS];
  guint n_candidates = 0, n_balanced = 0;
  gboolean prefix_letters;

  for (guint i = 0; i < n; i++)
    {
      if (reading->tokens[i].kind != TL_COORD_TOKEN_SEPARATOR)
        continue;
      if (separator != G_MAXUINT)
        {
          tl_coordinates_set_unexpected_error (error, text, reading->tokens[i].start, reading->tokens[n - 1].end);
          return FALSE;
        }
      separator = i;
    }

  if (separator != G_MAXUINT)
    {
      guint f1, f2;

      if (split_is_valid (reading, separator, separator + 1, &f1, &f2))
        {
          reading->split_first_end = separator;
          reading->split_second = separator + 1;
          return TRUE;
        }
      if (separator == 0 || separator + 1 == n)
        tl_coordinates_set_example_error (error);
      else
        {
          Part part;
          guint bad;

          if (read_part (reading, 0, separator, &part, &bad) != SHAPE_OK)
            set_part_error (error, text, reading, 0, separator);
          else
            set_part_error (error, text, reading, separator + 1, n);
        }
      return FALSE;
    }

  /* Several splits may read: "50 57 1 35" (1+3, 2+2, 3+1) or "1.5E 50.5"
   * (the E ends the first part or starts the second). Prefer the split
   * that shares the numbers evenly, then the one that puts letters on the
   * same side as the first part does (before: "N50 E1"; after: "50N 1E"). */
  prefix_letters = t[0].kind == TL_COORD_TOKEN_HEMISPHERE ||
                   (n > 1 && t[0].kind == TL_COORD_TOKEN_SIGN && t[1].kind == TL_COORD_TOKEN_HEMISPHERE);
  for (guint p = 1; p < n; p++)
    {
      guint f1, f2;

      if (!split_is_valid (reading, p, p, &f1, &f2))
        continue;
      candidates[n_candidates].at = p;
      candidates[n_candidates].balanced = f1 == f2;
      candidates[n_candidates].same_side = prefix_letters ? t[p].kind == TL_COORD_TOKEN_HEMISPHERE
                                                          : t[p - 1].kind == TL_COORD_TOKEN_HEMISPHERE;
      n_candidates++;
      n_balanced += f1 == f2;
    }

  for (guint pass = 0; pass < 2 && n_candidates > 1; pass++)
    {
      guint kept = 0;

      for (guint i = 0; i < n_candidates; i++)
        {
          gboolean keep = pass == 0 ? (n_balanced == 0 || candidates[i].balanced)
                                    : candidates[i].same_side;
          if (keep)
            candidates[kept++] = candidates[i];
        }
      if (kept > 0)
        n_candidates = kept;
    }

  if (n_candidates == 1)
    {
      reading->split_first_end = reading->split_second = candidates[0].at;
      return TRUE;
    }

  if (n_candidates > 1)
    {
      g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_AMBIGUOUS,
                           _("Can't tell where the latitude ends and the longitude begins: put a comma between them"));
      return FALSE;
    }

  /* Decimals in the wrong place: "50.5 57 N 1 E". */
  for (guint p = 1; p < n && report_trailing; p++)
    {
      Part p1, p2;
      guint bad;
      Shape s1 = read_part (reading, 0, p, &p1, &bad);
      Shape s2 = read_part (reading, p, n, &p2, &bad);

      if ((s1 == SHAPE_FRACTION && s2 == SHAPE_OK) || (s1 == SHAPE_OK && s2 == SHAPE_FRACTION))
        {
          if (s1 == SHAPE_FRACTION)
            set_part_error (error, text, reading, 0, p);
          else
            set_part_error (error, text, reading, p, n);
          return FALSE;
        }
    }

  /* Trailing garbage: a valid position followed by something else. */
  if (report_trailing)
    {
      for (guint k = n - 1; k >= 2; k--)
        {
          TlCoordReading prefix = *reading;

          /* "50°57'31" with a mark after: not garbage, a longer part */
          if (t[k].kind == TL_COORD_TOKEN_MARK)
            continue;
          prefix.n_tokens = k;
          if (choose_split (text, &prefix, FALSE, NULL))
            {
              tl_coordinates_set_unexpected_error (error, text, reading->tokens[k].start, reading->tokens[n - 1].end);
              return FALSE;
            }
        }
    }

  tl_coordinates_set_example_error (error);
  return FALSE;
}

static gboolean
analyse (const char      *text,
         gboolean         decimal_comma,
         TlCoordReading  *reading,
         GError         **error)
{
  if (!tl_coordinates_tokenize (text, decimal_comma, reading, error))
    return FALSE;
  return choose_split (text, reading, TRUE, error);
}

/* step 3: values */

static gboolean
check_below_60 (const char          *text,
                const TlCoordToken  *token,
                double               value,
                TlCoordUnit          unit,
                GError             **error)
{
  g_autofree char *found = NULL;

  if (value < 60)
    return TRUE;

  found = tl_coordinates_excerpt (text, token->start, token->end);
  if (unit == TL_COORD_UNIT_MINUTES)
    g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_OUT_OF_RANGE,
                 /* Translators: %s is the number the user typed */
                 _("Minutes must be below 60 (found %s)"), found);
  else
    g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_OUT_OF_RANGE,
                 /* Translators: %s is the number the user typed */
                 _("Seconds must be below 60 (found %s)"), found);
  return FALSE;
}

/* Degrees of one part, without its sign, checking minutes and seconds. */
static gboolean
part_magnitude (const char            *text,
                const TlCoordReading  *reading,
                const Part            *part,
                double                *out_degrees,
                GError               **error)
{
  const TlCoordToken *t = reading->tokens;
  double deg = 0, min = 0, sec = 0;

  if (part->compact)
    {
      const TlCoordToken *token = &t[part->fields[0].first];
      double fraction = token->value - (double) token->int_value;

      if (token->int_digits <= 5)
        {
          deg = (double) (token->int_value / 100);
          min = (double) (token->int_value % 100) + fraction;
        }
      else
        {
          deg = (double) (token->int_value / 10000);
          min = (double) (token->int_value / 100 % 100);
          sec = (double) (token->int_value % 100) + fraction;
        }
      if (min >= 60 || sec >= 60)
        {
          g_autofree char *found = tl_coordinates_excerpt (text, token->start, token->end);

          g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_OUT_OF_RANGE,
                       /* Translators: %s is the number the user typed, like 5075.2 */
                       _("Minutes and seconds must be below 60 (found %s, read as degrees then minutes)"),
                       found);
          return FALSE;
        }
    }
  else
    {
      for (guint i = 0; i < part->n_fields; i++)
        {
          const TlCoordToken *token = &t[part->fields[i].first];

          switch (part->fields[i].unit)
            {
            case TL_COORD_UNIT_DEGREES:
              deg = token->value;
              break;
            case TL_COORD_UNIT_MINUTES:
              min = token->value;
              if (!check_below_60 (text, token, min, TL_COORD_UNIT_MINUTES, error))
                return FALSE;
              break;
            case TL_COORD_UNIT_SECONDS:
              sec = token->value;
              if (!check_below_60 (text, token, sec, TL_COORD_UNIT_SECONDS, error))
                return FALSE;
              break;
            case TL_COORD_UNIT_NONE:
            default:
              g_assert_not_reached ();
            }
        }
    }

  *out_degrees = deg + min / 60.0 + sec / 3600.0;
  return TRUE;
}

static gboolean
is_latitude_letter (char hemisphere)
{
  return hemisphere == 'N' || hemisphere == 'S';
}

static gboolean
signed_value (const char            *text,
              const TlCoordReading  *reading,
              const Part            *part,
              gboolean               latitude,
              double                *out_value,
              GError               **error)
{
  double magnitude;
  int hemisphere_sign = 0;
  double limit = latitude ? 90.0 : 180.0;
  double value;

  if (!part_magnitude (text, reading, part, &magnitude, error))
    return FALSE;

  if (part->hemisphere != 0)
    hemisphere_sign = (part->hemisphere == 'S' || part->hemisphere == 'W') ? -1 : 1;

  if (part->sign != 0 && hemisphere_sign != 0 && part->sign != hemisphere_sign && magnitude != 0)
    {
      g_autofree char *what = tl_coordinates_excerpt (text, part->start, part->end);

      g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_AMBIGUOUS,
                   /* Translators: %s is what the user typed, like -50 N */
                   _("The sign and the letter in “%s” disagree: use either a minus sign or S/W, not both"),
                   what);
      return FALSE;
    }

  value = magnitude * (hemisphere_sign != 0 ? hemisphere_sign : (part->sign != 0 ? part->sign : 1));

  if (magnitude > limit)
    {
      g_autofree char *amount = g_strdup_printf ("%.6g°%s%s", magnitude,
                                                 value < 0 || part->hemisphere != 0 ? " " : "",
                                                 value < 0 ? (latitude ? "S" : "W") :
                                                 part->hemisphere != 0 ? (latitude ? "N" : "E") : "");
      if (latitude)
        g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_OUT_OF_RANGE,
                     /* Translators: %s is an angle like 91° or 91° S */
                     _("Latitude %s is out of range: it must be between 90° S and 90° N"), amount);
      else
        g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_OUT_OF_RANGE,
                     /* Translators: %s is an angle like 181° or 181° W */
                     _("Longitude %s is out of range: it must be between 180° W and 180° E"), amount);
      return FALSE;
    }

  *out_value = value + 0.0;  /* no -0 */
  return TRUE;
}

static gboolean
resolve (const char            *text,
         const TlCoordReading  *reading,
         double                *out_lat,
         double                *out_lon,
         GError               **error)
{
  Part first, second;
  const Part *lat_part, *lon_part;
  guint bad;
  gboolean first_lat, first_lon, second_lat, second_lon;
  double lat, lon;

  if (read_part (reading, 0, reading->split_first_end, &first, &bad) != SHAPE_OK ||
      read_part (reading, reading->split_second, reading->n_tokens, &second, &bad) != SHAPE_OK)
    g_assert_not_reached ();

  first_lat = first.hemisphere != 0 && is_latitude_letter (first.hemisphere);
  first_lon = first.hemisphere != 0 && !first_lat;
  second_lat = second.hemisphere != 0 && is_latitude_letter (second.hemisphere);
  second_lon = second.hemisphere != 0 && !second_lat;

  if ((first_lat && second_lat) || (first_lon && second_lon))
    {
      g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_AMBIGUOUS,
                           first_lat ?
                           _("Both parts are latitudes (N or S): the longitude needs E or W") :
                           _("Both parts are longitudes (E or W): the latitude needs N or S"));
      return FALSE;
    }

  if (first_lon && second_lat)
    {
      lat_part = &second;
      lon_part = &first;
    }
  else if (first_lon || second_lat)
    {
      g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_AMBIGUOUS,
                           _("Can't tell latitude from longitude: write N/S and E/W or put latitude first"));
      return FALSE;
    }
  else
    {
      lat_part = &first;
      lon_part = &second;
    }

  if (!signed_value (text, reading, lat_part, TRUE, &lat, error) ||
      !signed_value (text, reading, lon_part, FALSE, &lon, error))
    return FALSE;

  *out_lat = lat;
  *out_lon = lon;
  return TRUE;
}


/* public API */

/**
 * tl_coordinates_parse:
 * @text: what the user typed
 * @out_lat: (out): latitude in degrees, north positive
 * @out_lon: (out): longitude in degrees, east positive
 * @error: return location for a #TL_COORDINATES_ERROR
 *
 * Reads a position written the way desk officers write them: decimal
 * degrees (`51.02, 1.55`), degrees and decimal minutes
 * (`50°57.52'N 001°35.20'E`, `N50 57.52 E001 35.20`, NMEA-style
 * `5057.52N 00135.20E`) or degrees, minutes and seconds
 * (`50°57'31"N 1°35'12"E`, `50d57m31s N`). Degree, minute and second
 * marks may be ASCII or typographic (° º ˚ ' ′ ’ " ″) or the letters d, m
 * and s; N, S, E and W (and O, French "Ouest", for West) go before or
 * after each part, in either case. Latitude and longitude are separated
 * by white space, a comma, a semicolon or a slash. If both parts have
 * letters, longitude may come first; otherwise latitude comes first.
 * A minus sign means South or West; a sign that disagrees with the letter
 * (`-50 N`) is an error.
 *
 * Commas are read by these rules, chosen so that a misread position is
 * an error rather than a wrong place:
 *
 * - a comma not between two digits (`50.95, 1.58`, `50N,1E`) separates;
 * - a comma between two digits is a decimal comma when the text still
 *   reads as a position that way (`50,95 1,58`, `50,95; 1,58`,
 *   `50,95, 1,58`, `50°57,5'N 1°35,2'E`);
 * - otherwise it separates, but only if the text uses a decimal point
 *   elsewhere (`51.02,1.55`, `50,1.5`);
 * - anything that reads both ways (`51,2`: 51.2 or 51 then 2; `50,5 1.5`)
 *   or where a number has two decimal commas (`50,95,1,58`) is
 *   %TL_COORDINATES_ERROR_AMBIGUOUS.
 *
 * Without marks or a separator, the numbers are shared out evenly
 * (`50 57.5 1 35.2` is 50°57.5′, 1°35.2′); an uneven count that could be
 * split two ways is ambiguous.
 *
 * Error messages are translated and say what is wrong in words a desk
 * officer can act on.
 *
 * Returns: %TRUE if @text is a position; on failure @out_lat and
 *   @out_lon are left untouched
 */
gboolean
tl_coordinates_parse (const char  *text,
                      double      *out_lat,
                      double      *out_lon,
                      GError     **error)
{
  TlCoordReading decimal = { 0 }, separating = { 0 };
  g_autoptr(GError) decimal_error = NULL;
  g_autoptr(GError) separating_error = NULL;
  gboolean has_point;
  gboolean tight_comma = FALSE;
  gboolean decimal_ok, separating_ok;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_lat != NULL && out_lon != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      tl_coordinates_set_example_error (error);
      return FALSE;
    }

  for (p = text; *p != '\0' && g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    ;
  if (*p == '\0')
    {
      g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_EMPTY,
                           /* Translators: keep the example position as it is */
                           _("Type a position, e.g. 50°57.5′N 1°35.2′E"));
      return FALSE;
    }
  if (strlen (text) > MAX_TEXT_BYTES)
    {
      tl_coordinates_set_example_error (error);
      return FALSE;
    }

  for (gsize i = 0; text[i] != '\0'; i++)
    tight_comma |= tl_coordinates_is_tight_comma (text, i);

  if (!tight_comma)
    {
      if (!analyse (text, FALSE, &separating, error))
        return FALSE;
      return resolve (text, &separating, out_lat, out_lon, error);
    }

  has_point = strchr (text, '.') != NULL;
  decimal_ok = analyse (text, TRUE, &decimal, &decimal_error);
  separating_ok = analyse (text, FALSE, &separating, &separating_error);

  if (decimal_ok && !separating_ok)
    return resolve (text, &decimal, out_lat, out_lon, error);

  if (!decimal_ok && separating_ok && has_point)
    return resolve (text, &separating, out_lat, out_lon, error);

  if (decimal_ok || separating_ok)
    {
      g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_AMBIGUOUS,
                           /* Translators: keep the examples' punctuation */
                           _("Can't tell whether a comma is a decimal comma or separates latitude from longitude: write 51.2 or 51, 2"));
      return FALSE;
    }

  /* Neither reading works: explain the one the writer more likely meant. */
  g_propagate_error (error, has_point ? g_steal_pointer (&separating_error)
                                      : g_steal_pointer (&decimal_error));
  return FALSE;
}
