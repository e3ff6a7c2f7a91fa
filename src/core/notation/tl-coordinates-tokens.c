/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-coordinates-private.h"

/* Step 1 of reading a position: numbers, signs, hemisphere letters, unit
 * marks and separators. White space only separates tokens. */

/* What the user typed between two byte offsets, trimmed and shortened
 * for quoting in a message. */
char *
tl_coordinates_excerpt (const char *text,
                        gsize       start,
                        gsize       end)
{
  g_autofree char *s = g_strndup (text + start, end - start);

  g_strstrip (s);
  if (g_utf8_strlen (s, -1) > 16)
    {
      g_autofree char *head = g_utf8_substring (s, 0, 15);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&s);
}

static glong
char_position (const char *text,
               gsize       byte_offset)
{
  return g_utf8_pointer_to_offset (text, text + byte_offset) + 1;
}

/* The catch-all: says how to write a position. */
void
tl_coordinates_set_example_error (GError **error)
{
  g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_SYNTAX,
                       /* Translators: keep the example position as it is,
                        * with its degree sign and prime (′) */
                       _("Write the position as latitude then longitude, e.g. 50°57.5′N 1°35.2′E"));
}

/* Points at what could not be read, counting characters from 1. */
void
tl_coordinates_set_unexpected_error (GError     **error,
                                     const char  *text,
                                     gsize        start,
                                     gsize        end)
{
  g_autofree char *what = tl_coordinates_excerpt (text, start, end);

  g_set_error (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_SYNTAX,
               /* Translators: %s is what the user typed, %ld a position
                * in the text counted in characters from 1 */
               _("Unexpected “%s” at character %ld"),
               what, char_position (text, start));
}

static gboolean
is_digit_at (const char *text,
             gsize       i)
{
  return g_ascii_isdigit (text[i]);
}

static gboolean
digit_follows (const char *text,
               gsize       i)
{
  while (text[i] == ' ' || text[i] == '\t')
    i++;
  return is_digit_at (text, i);
}

/* A comma with a digit on both sides: "50,95" (decimal comma) or
 * "51,2" (maybe a separator). */
gboolean
tl_coordinates_is_tight_comma (const char *text,
                               gsize       i)
{
  return text[i] == ',' && i > 0 && is_digit_at (text, i - 1) && is_digit_at (text, i + 1);
}

static TlCoordToken *
push_token (TlCoordReading   *reading,
            TlCoordTokenKind  kind,
            gsize             start,
            gsize             end)
{
  TlCoordToken *token;

  if (reading->n_tokens == TL_COORD_MAX_TOKENS)
    return NULL;

  token = &reading->tokens[reading->n_tokens++];
  memset (token, 0, sizeof *token);
  token->kind = kind;
  token->start = start;
  token->end = end;
  token->unit = TL_COORD_UNIT_NONE;
  return token;
}

static gsize
read_number (const char   *text,
             gsize         i,
             gboolean      decimal_comma,
             TlCoordToken *token)
{
  gsize start = i;
  g_autofree char *copy = NULL;

  while (is_digit_at (text, i))
    {
      if (token->int_digits < 18)
        token->int_value = token->int_value * 10 + (guint64) (text[i] - '0');
      token->int_digits++;
      i++;
    }

  if ((text[i] == '.' || (text[i] == ',' && decimal_comma)) && is_digit_at (text, i + 1))
    {
      token->has_fraction = TRUE;
      i++;
      while (is_digit_at (text, i))
        i++;
    }

  copy = g_strndup (text + start, i - start);
  g_strdelimit (copy, ",", '.');
  token->value = g_ascii_strtod (copy, NULL);
  token->end = i;
  return i;
}

static gboolean
mark_for_char (gunichar     c,
               gunichar     next,
               TlCoordUnit *out_unit,
               gboolean    *out_double)
{
  *out_double = FALSE;
  switch (c)
    {
    case 0x00B0: /* ° */
    case 0x00BA: /* º masculine ordinal, next to ° on many keyboards */
    case 0x02DA: /* ˚ ring above */
      *out_unit = TL_COORD_UNIT_DEGREES;
      return TRUE;
    case '\'':
    case 0x2032: /* ′ */
    case 0x2019: /* ’ what word processors turn ' into */
    case 0x2018:
    case 0x00B4: /* ´ */
      *out_double = (next == c);
      *out_unit = *out_double ? TL_COORD_UNIT_SECONDS : TL_COORD_UNIT_MINUTES;
      return TRUE;
    case '"':
    case 0x2033: /* ″ */
    case 0x201D: /* ” */
    case 0x201C: /* “ */
      *out_unit = TL_COORD_UNIT_SECONDS;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
read_letters (const char      *text,
              gsize            start,
              gsize            end,
              gboolean         space_before,
              TlCoordReading  *reading,
              GError         **error)
{
  if (end - start == 3 && g_ascii_strncasecmp (text + start, "deg", 3) == 0)
    {
      TlCoordToken *token = push_token (reading, TL_COORD_TOKEN_MARK, start, end);
      if (token == NULL)
        goto too_long;
      token->unit = TL_COORD_UNIT_DEGREES;
      return TRUE;
    }

  for (gsize i = start; i < end; i++)
    {
      char c = text[i];
      char upper = g_ascii_toupper (c);
      TlCoordToken *prev = reading->n_tokens > 0 ? &reading->tokens[reading->n_tokens - 1] : NULL;
      TlCoordToken *before_prev = reading->n_tokens > 1 ? &reading->tokens[reading->n_tokens - 2] : NULL;
      TlCoordToken *token;

      /* "50d57m31s": a lowercase s glued to the seconds after a minutes
       * "m" is a unit, not South. With a prime (50°57′31S) it is South. */
      if (c == 's' && i == start && !space_before &&
          prev != NULL && prev->kind == TL_COORD_TOKEN_NUMBER &&
          before_prev != NULL && before_prev->kind == TL_COORD_TOKEN_MARK && before_prev->letter_m)
        {
          if ((token = push_token (reading, TL_COORD_TOKEN_MARK, i, i + 1)) == NULL)
            goto too_long;
          token->unit = TL_COORD_UNIT_SECONDS;
          continue;
        }

      switch (upper)
        {
        case 'N': case 'S': case 'E': case 'W': case 'O':
          /* French "O" (Ouest) is West, but an O glued to a digit and
           * followed by more digits ("5O 57N") is more likely a mistyped
           * zero: refuse to guess. */
          if (upper == 'O' && end - start == 1 && start > 0 &&
              is_digit_at (text, start - 1) && digit_follows (text, end))
            break;
          if ((token = push_token (reading, TL_COORD_TOKEN_HEMISPHERE, i, i + 1)) == NULL)
            goto too_long;
          token->hemisphere = upper == 'O' ? 'W' : upper;
          continue;
        case 'D':
        case 'M':
          if ((token = push_token (reading, TL_COORD_TOKEN_MARK, i, i + 1)) == NULL)
            goto too_long;
          token->unit = upper == 'D' ? TL_COORD_UNIT_DEGREES : TL_COORD_UNIT_MINUTES;
          token->letter_m = upper == 'M';
          continue;
        default:
          break;
        }

      tl_coordinates_set_unexpected_error (error, text, start, end);
      return FALSE;
    }

  return TRUE;

too_long:
  tl_coordinates_set_example_error (error);
  return FALSE;
}

static gboolean
tokenize (const char      *text,
          gboolean         decimal_comma,
          TlCoordReading  *reading,
          GError         **error)
{
  gsize i = 0;
  gboolean space_before = FALSE;

  reading->n_tokens = 0;

  while (text[i] != '\0')
    {
      gunichar c = g_utf8_get_char (text + i);
      gsize next = g_utf8_next_char (text + i) - text;
      gunichar after = g_utf8_get_char (text + next);
      gboolean twice;
      TlCoordUnit unit;
      TlCoordToken *token = NULL;

      if (g_unichar_isspace (c))
        {
          space_before = TRUE;
          i = next;
          continue;
        }

      if (g_ascii_isdigit (text[i]))
        {
          if ((token = push_token (reading, TL_COORD_TOKEN_NUMBER, i, i)) == NULL)
            goto too_long;
          i = read_number (text, i, decimal_comma, token);
          /* "50,95,1,58": which comma separates? */
          if (decimal_comma && token->has_fraction && tl_coordinates_is_tight_comma (text, i))
            {
              g_set_error_literal (error, TL_COORDINATES_ERROR, TL_COORDINATES_ERROR_AMBIGUOUS,
                                   /* Translators: keep the examples' punctuation */
                                   _("Can't tell decimal commas from the comma between latitude and longitude: write 50,95; 1,58 or 50.95, 1.58"));
              return FALSE;
            }
          if (token->int_digits > 9)
            {
              tl_coordinates_set_unexpected_error (error, text, token->start, token->end);
              return FALSE;
            }
        }
      else if (c == '-' || c == '+' || c == 0x2212 /* − */)
        {
          if ((token = push_token (reading, TL_COORD_TOKEN_SIGN, i, next)) == NULL)
            goto too_long;
          token->sign = c == '+' ? 1 : -1;
          i = next;
        }
      else if (c == ',' || c == ';' || c == '/')
        {
          if ((token = push_token (reading, TL_COORD_TOKEN_SEPARATOR, i, next)) == NULL)
            goto too_long;
          i = next;
        }
      else if (mark_for_char (c, after, &unit, &twice))
        {
          gsize end = twice ? (gsize) (g_utf8_next_char (text + next) - text) : next;

          if ((token = push_token (reading, TL_COORD_TOKEN_MARK, i, end)) == NULL)
            goto too_long;
          token->unit = unit;
          i = end;
        }
      else if (g_ascii_isalpha (text[i]))
        {
          gsize end = i;

          while (g_ascii_isalpha (text[end]))
            end++;
          if (!read_letters (text, i, end, space_before, reading, error))
            return FALSE;
          i = end;
        }
      else
        {
          tl_coordinates_set_unexpected_error (error, text, i, next);
          return FALSE;
        }

      space_before = FALSE;
    }

  return TRUE;

too_long:
  tl_coordinates_set_example_error (error);
  return FALSE;
}


/* NMEA sentences put the letter in its own field: "5057.52,N,00135.20,E".
 * A separator between a number and a letter that ends its field is not the
 * one between latitude and longitude. */
static void
drop_field_separators (TlCoordReading *reading)
{
  TlCoordToken *t = reading->tokens;
  guint out = 0;

  for (guint i = 0; i < reading->n_tokens; i++)
    {
      if (t[i].kind == TL_COORD_TOKEN_SEPARATOR && i > 0 && i + 1 < reading->n_tokens &&
          (t[i - 1].kind == TL_COORD_TOKEN_NUMBER || t[i - 1].kind == TL_COORD_TOKEN_MARK) &&
          t[i + 1].kind == TL_COORD_TOKEN_HEMISPHERE &&
          (i + 2 == reading->n_tokens || t[i + 2].kind == TL_COORD_TOKEN_SEPARATOR))
        continue;
      t[out++] = t[i];
    }
  reading->n_tokens = out;
}


/**
 * tl_coordinates_tokenize:
 * @text: valid UTF-8
 * @decimal_comma: whether a comma between two digits is a decimal comma
 * @reading: (out caller-allocates): the tokens
 * @error: return location for a #TL_COORDINATES_ERROR
 *
 * Returns: %FALSE if @text has something that is no part of a position
 */
gboolean
tl_coordinates_tokenize (const char      *text,
                         gboolean         decimal_comma,
                         TlCoordReading  *reading,
                         GError         **error)
{
  if (!tokenize (text, decimal_comma, reading, error))
    return FALSE;
  drop_field_separators (reading);
  return TRUE;
}
