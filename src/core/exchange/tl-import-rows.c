/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include "tl-coordinates.h"
#include "tl-export-fields.h"
#include "tl-import-private.h"
#include "tl-json-check.h"
#include "tl-sha256.h"
#include "tl-time.h"

/* Validation: each row of a source becomes an event, or a problem that
 * says what is wrong with it. Nothing is guessed: a value that could mean
 * two things is a problem for the operator to fix in the file. */

/* A kind or status name, folded (lower-case ASCII, '_' for spaces), in
 * English or French. */
static const struct {
  const char  *name;
  TlEventKind  kind;
} kind_names[] = {
  { "depart", TL_EVENT_KIND_DEPARTURE }, { "departed", TL_EVENT_KIND_DEPARTURE },
  { "launch", TL_EVENT_KIND_DEPARTURE },
  { "observation", TL_EVENT_KIND_SIGHTING }, { "sighted", TL_EVENT_KIND_SIGHTING },
  { "intercepted", TL_EVENT_KIND_INTERCEPTION },
  { "sauvetage", TL_EVENT_KIND_RESCUE }, { "secours", TL_EVENT_KIND_RESCUE },
  { "rescued", TL_EVENT_KIND_RESCUE },
  { "arrivee", TL_EVENT_KIND_ARRIVAL }, { "landing", TL_EVENT_KIND_ARRIVAL },
  { "debarquement", TL_EVENT_KIND_ARRIVAL }, { "arrived", TL_EVENT_KIND_ARRIVAL },
  { "patrouille", TL_EVENT_KIND_PATROL },
};

static const struct {
  const char    *name;
  TlEventStatus  status;
} status_names[] = {
  { "signale", TL_EVENT_STATUS_REPORTED }, { "new", TL_EVENT_STATUS_REPORTED },
  { "nouveau", TL_EVENT_STATUS_REPORTED },
  { "confirme", TL_EVENT_STATUS_CONFIRMED },
  { "en_cours", TL_EVENT_STATUS_ONGOING }, { "in_progress", TL_EVENT_STATUS_ONGOING },
  { "clos", TL_EVENT_STATUS_CLOSED }, { "cloture", TL_EVENT_STATUS_CLOSED },
  { "ferme", TL_EVENT_STATUS_CLOSED }, { "termine", TL_EVENT_STATUS_CLOSED },
  { "done", TL_EVENT_STATUS_CLOSED },
};

/* Details texts already found to be JSON objects, per thread: exported
 * files repeat a few shapes ({"kind":"shore"}) thousands of times, and
 * parsing each was most of a big import's validation. */
#define MAX_KNOWN_DETAILS 4096

/* A content key ends with its row's number among identical rows, which
 * only the whole file in order can say: validators write ":0", and
 * tl_import_number_content_keys() renumbers copies as the rows come in
 * file order (tl-import-run.c). */
#define CONTENT_KEY_PREFIX "c1:"
/* "i1:" or "c1:" and the hex digits of a SHA-256 */
#define KEY_LENGTH (3 + 2 * TL_SHA256_SIZE)

struct _TlImportValidator
{
  TlImportSource *source;
  GTimeZone      *zone;
  const char     *operator_name;                 /* nullable */
  int             columns[TL_IMPORT_N_FIELDS];   /* -1: not mapped */
  GString        *problem;                       /* this row's, "; "-joined */
  GString        *scratch;
  TlJsonCheck    *json;
  GHashTable     *known_details;                 /* set of valid details texts */

  /* Where the rows being validated go, as in TlImportResult but with
   * content keys not numbered yet. */
  GPtrArray      *events;
  GPtrArray      *keys;
  GByteArray     *key_digests;
  GPtrArray      *problems;
};

typedef TlImportValidator Validator;

/* Helpers */

static void
add_problem (Validator  *v,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (Validator  *v,
             const char *format,
             ...)
{
  va_list args;

  if (v->problem->len > 0)
    g_string_append (v->problem, "; ");
  va_start (args, format);
  g_string_append_vprintf (v->problem, format, args);
  va_end (args);
}

/* Returns: (nullable): the row's cell for @field; NULL when the field is
 *   not mapped or the cell is empty. */
static const char *
cell (Validator     *v,
      TlImportRow   *row,
      TlImportField  field)
{
  int column = v->columns[field];
  const char *text;

  if (column < 0 || (guint) column >= row->n_cells)
    return NULL;
  text = row->cells[column];
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  char *folded = g_ascii_strdown (ascii, -1);

  for (char *p = folded; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  return folded;
}

static gboolean
parse_kind (const char  *text,
            TlEventKind *out_kind)
{
  g_autofree char *folded = NULL;

  if (tl_event_kind_from_string (text, out_kind))
    return TRUE;

  folded = fold (text);
  if (tl_event_kind_from_string (folded, out_kind))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (folded, kind_names[i].name) == 0)
      {
        *out_kind = kind_names[i].kind;
        return TRUE;
      }
  for (guint k = 0; k < TL_EVENT_N_KINDS; k++)
    {
      g_autofree char *label = fold (tl_event_kind_get_label (k));

      if (strcmp (folded, label) == 0)
        {
          *out_kind = k;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_status (const char    *text,
              TlEventStatus *out_status)
{
  g_autofree char *folded = NULL;

  if (tl_event_status_from_string (text, out_status))
    return TRUE;

  folded = fold (text);
  if (tl_event_status_from_string (folded, out_status))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (folded, status_names[i].name) == 0)
      {
        *out_status = status_names[i].status;
        return TRUE;
      }
  for (guint s = 0; s < TL_EVENT_N_STATUSES; s++)
    {
      g_autofree char *label = fold (tl_event_status_get_label (s));

      if (strcmp (folded, label) == 0)
        {
          *out_status = s;
          return TRUE;
        }
    }

  return FALSE;
}

static gint64
days_from_civil (gint64 y,
                 gint64 m,
                 gint64 d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* The common case, fast: "2026-11-26T14:05:00Z" or with an offset, as
 * Tideline and GIS tools write it. Anything else goes to tl_time_parse(). */
static gboolean
parse_iso_utc (const char *text,
               gint64     *out_utc)
{
  const char *p = text;
  int y, mo, d, h, mi, s = 0, oh = 0, om = 0, sign = 0;

  if (!read_digits (&p, 4, &y) || *p++ != '-' || !read_digits (&p, 2, &mo) || *p++ != '-' ||
      !read_digits (&p, 2, &d) || (*p != 'T' && *p != ' ') || !(p++, read_digits (&p, 2, &h)) ||
      *p++ != ':' || !read_digits (&p, 2, &mi))
    return FALSE;
  if (*p == ':' && !(p++, read_digits (&p, 2, &s)))
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  if (*p == 'Z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      sign = *p++ == '-' ? -1 : 1;
      if (!read_digits (&p, 2, &oh))
        return FALSE;
      if (*p == ':')
        p++;
      if (!read_digits (&p, 2, &om))
        return FALSE;
    }
  else
    return FALSE;   /* local time: needs the zone */

  if (*p != '\0' || mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) ||
      h > 23 || mi > 59 || s > 60 || oh > 14 || om > 59)
    return FALSE;

  *out_utc = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + MIN (s, 59)
             - sign * (oh * 3600 + om * 60);
  return TRUE;
}

/* "26/11/2026", "26.11.2026", "26-11-2026" (day first, as in France and
 * Britain) become "26/11/2026"; "2026-11-26" and "2026/11/26" become
 * ISO; a date alone gets midnight. */
static gboolean
normalise_date (const char *text,
                GString    *out)
{
  gsize n = strcspn (text, " T");
  int a, b, c;
  char s1, s2, rest;
  g_autofree char *date = g_strndup (text, n);

  g_string_truncate (out, 0);
  if (sscanf (date, "%4d%c%2d%c%2d%c", &a, &s1, &b, &s2, &c, &rest) == 5 && strlen (date) >= 8 &&
      g_ascii_isdigit (date[3]) && s1 == s2 && (s1 == '-' || s1 == '/'))
    g_string_printf (out, "%04d-%02d-%02d", a, b, c);
  else if (sscanf (date, "%2d%c%2d%c%4d%c", &a, &s1, &b, &s2, &c, &rest) == 5 &&
           s1 == s2 && (s1 == '/' || s1 == '.' || s1 == '-') && c >= 1000)
    g_string_printf (out, "%02d/%02d/%04d", a, b, c);
  else
    return FALSE;

  if (text[n] == '\0')
    g_string_append (out, " 00:00");
  else
    g_string_append (out, text + n);
  return TRUE;
}

/* @what is untranslated ("time", "end"): only a problem needs it, and
 * looking up its translation for every row was a fiftieth of the
 * validation's time. */
static gboolean
parse_time (Validator  *v,
            const char *what,
            const char *text,
            gint64     *out_utc)
{
  g_autoptr(GError) error = NULL;

  if (parse_iso_utc (text, out_utc))
    return TRUE;

  if (!normalise_date (text, v->scratch))
    {
      /* Translators: "the time “14:05” has no date (write …)"; %s is
       * "time" or "end" */
      add_problem (v, _("the %s “%s” has no date or is not a date (write 2026-11-26 14:05 or 26/11/2026 14:05)"),
                   _(what), text);
      return FALSE;
    }

  if (!tl_time_parse (v->zone, v->scratch->str, 0, out_utc, &error))
    {
      add_problem (v, _("the %s “%s” cannot be read: %s"), _(what), text, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Decimal commas ("50,9586", as French spreadsheets write numbers) become
 * points; a comma between digits in a cell with no point is taken as one. */
static const char *
decimal_points (Validator  *v,
                const char *text)
{
  if (strchr (text, ',') == NULL || strchr (text, '.') != NULL)
    return text;

  g_string_assign (v->scratch, text);
  for (gsize i = 1; i + 1 < v->scratch->len; i++)
    if (v->scratch->str[i] == ',' && g_ascii_isdigit (v->scratch->str[i - 1]) &&
        g_ascii_isdigit (v->scratch->str[i + 1]))
      v->scratch->str[i] = '.';
  return v->scratch->str;
}

static gboolean
parse_plain_number (const char *text,
                    double      limit,
                    double     *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(fabs (value) <= limit))
    return FALSE;
  *out = value;
  return TRUE;
}

static void
parse_position (Validator   *v,
                TlImportRow *row,
                TlEventData *d)
{
  const char *position = cell (v, row, TL_IMPORT_FIELD_POSITION);
  const char *lat = cell (v, row, TL_IMPORT_FIELD_LATITUDE);
  const char *lon = cell (v, row, TL_IMPORT_FIELD_LONGITUDE);
  g_autoptr(GError) error = NULL;
  g_autofree char *both = NULL;

  d->latitude = d->longitude = NAN;

  if (position == NULL && lat == NULL && lon == NULL)
    return;

  if (position == NULL && (lat == NULL || lon == NULL))
    {
      add_problem (v, "%s", lat != NULL ? _("the latitude is given but not the longitude")
                                        : _("the longitude is given but not the latitude"));
      return;
    }

  if (position == NULL)
    {
      g_autofree char *lat_text = g_strdup (decimal_points (v, lat));
      const char *lon_text = decimal_points (v, lon);

      if (parse_plain_number (lat_text, 90, &d->latitude) &&
          parse_plain_number (lon_text, 180, &d->longitude))
        return;
      /* Degrees and minutes, hemispheres: the position parser reads the
       * pair and checks each part. */
      position = both = g_strconcat (lat_text, " ", lon_text, NULL);
    }
  else
    position = both = g_strdup (decimal_points (v, position));

  if (!tl_coordinates_parse (position, &d->latitude, &d->longitude, &error))
    {
      add_problem (v, _("the position “%s” cannot be read: %s"), position, error->message);
      d->latitude = d->longitude = NAN;
    }
}

static int
parse_count (Validator     *v,
             TlImportRow   *row,
             TlImportField  field)
{
  const char *text = cell (v, row, field);
  gint64 value;
  char *end = NULL;

  if (text == NULL)
    return TL_COUNT_UNKNOWN;

  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    {
      /* Translators: "people: “about 40” is not a whole number …" */
      add_problem (v, _("%s: “%s” is not a whole number (leave the cell empty when it is not known)"),
                   tl_import_field_get_label (field), text);
      return TL_COUNT_UNKNOWN;
    }
  if (value < 0 || value > 1000000)
    {
      add_problem (v, _("%s: %s cannot be a number of boats or people"),
                   tl_import_field_get_label (field), text);
      return TL_COUNT_UNKNOWN;
    }

  return (int) value;
}

static const char *
parse_details (Validator  *v,
               const char *text)
{
  if (text == NULL || g_hash_table_contains (v->known_details, text))
    return text;

  if (!tl_json_check_is_object (v->json, text))
    {
      add_problem (v, "%s", _("the details are not a JSON object"));
      return NULL;
    }

  /* The source outlives the validator: its text can be the key. */
  if (g_hash_table_size (v->known_details) < MAX_KNOWN_DETAILS)
    g_hash_table_add (v->known_details, (gpointer) text);

  return text;
}

/* The parts of a key are joined by this: no text field holds it. */
#define KEY_SEPARATOR '\x1f'

static void
append_text (GString    *message,
             const char *text)
{
  if (text != NULL)
    g_string_append (message, text);
  g_string_append_c (message, KEY_SEPARATOR);
}

/* As printf's "%" G_GINT64_FORMAT, without its cost. */
static void
append_int (GString *message,
            gint64   value)
{
  char digits[24];
  int n = 0;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    digits[n++] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) != 0);
  if (value < 0)
    g_string_append_c (message, '-');
  while (n > 0)
    g_string_append_c (message, digits[--n]);
}

/* As "%.7f" in the C locale, exactly. x·10⁷ computed in doubles is within
 * 2·10⁻⁷ of the exact product for |x| < 10⁹, so unless it is within 10⁻⁶
 * of a half its nearest integer is the one printf rounds to; near a half
 * (or for what is not a coordinate) printf decides. */
static void
append_fixed7 (GString *message,
               double   x)
{
  double scaled = x * 1e7;
  double rounded, fraction;
  guint64 units;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (x) || fabs (x) >= 1e9 ||
      fabs ((fraction = scaled - floor (scaled)) - 0.5) <= 1e-6)
    {
      g_string_append (message, g_ascii_formatd (buf, sizeof buf, "%.7f", x));
      return;
    }

  rounded = fraction < 0.5 ? floor (scaled) : floor (scaled) + 1;
  units = (guint64) fabs (rounded);
  /* -0.00000001 prints as "-0.0000000". */
  if (signbit (x))
    g_string_append_c (message, '-');
  append_int (message, (gint64) (units / 10000000));
  g_string_append_c (message, '.');
  for (guint64 unit = 1000000; unit > 0; unit /= 10)
    g_string_append_c (message, (char) ('0' + units / unit % 10));
}

/* The import key: from the source's id when it has one (with the kind and
 * time, so that two files whose ids both count from 1 do not collide),
 * else from the row's content as read, numbered among identical rows so
 * that two identical rows are two events. Either way, the same row read
 * again, from the same file or another format, in any locale, gives the
 * same key. */
static char *
make_key (Validator         *v,
          TlImportRow       *row,
          const TlEventData *d)
{
  const char *id = cell (v, row, TL_IMPORT_FIELD_ID);
  GString *message = v->scratch;
  guint8 hash[TL_SHA256_SIZE];
  char *key;

  g_string_truncate (message, 0);
  if (id != NULL)
    {
      append_text (message, "id");
      append_text (message, id);
      append_text (message, tl_event_kind_to_string (d->kind));
      append_int (message, d->time);
      g_string_append_c (message, KEY_SEPARATOR);
    }
  else
    {
      append_text (message, tl_event_kind_to_string (d->kind));
      append_int (message, d->time);
      g_string_append_c (message, ',');
      append_int (message, d->end_time);
      g_string_append_c (message, KEY_SEPARATOR);
      append_fixed7 (message, d->latitude);
      g_string_append_c (message, ',');
      append_fixed7 (message, d->longitude);
      g_string_append_c (message, KEY_SEPARATOR);
      for (guint i = 0; i < 5; i++)
        {
          int count = (int[]) { d->boats, d->people, d->rescued, d->deceased, d->missing }[i];

          if (i > 0)
            g_string_append_c (message, ',');
          append_int (message, count);
        }
      g_string_append_c (message, KEY_SEPARATOR);
      append_text (message, d->place);
      append_text (message, d->unit);
      append_text (message, tl_event_status_to_string (d->status));
      append_text (message, d->notes);
      append_text (message, d->details);
    }

  tl_sha256 (message->str, message->len, hash);

  /* A content key is numbered by number_content_keys(): its first copy
   * keeps ":0". */
  key = g_malloc (KEY_LENGTH + 3);
  memcpy (key, id != NULL ? "i1:" : CONTENT_KEY_PREFIX, 3);
  tl_sha256_hex (hash, key + 3);
  if (id == NULL)
    memcpy (key + KEY_LENGTH, ":0", 3);

  return key;
}

/* Gives each content key of @keys, the next rows in file order, its
 * row's number among identical rows: "c1:<hash>:0", "c1:<hash>:1", …,
 * and its digest in @key_digests the new key's. @copies remembers the
 * rows before: the first copy's key (borrowed, so the keys must outlive
 * it) → how many copies so far. Most rows are unique and keep the ":0"
 * they were made with. */
void
tl_import_number_content_keys (GHashTable *copies,
                               GPtrArray  *keys,
                               GByteArray *key_digests)
{
  for (guint i = 0; i < keys->len; i++)
    {
      char *key = g_ptr_array_index (keys, i);
      gpointer first = NULL, n = NULL;

      if (!g_str_has_prefix (key, CONTENT_KEY_PREFIX))
        continue;

      if (!g_hash_table_lookup_extended (copies, key, &first, &n))
        {
          g_hash_table_insert (copies, key, GUINT_TO_POINTER (1));
          continue;
        }

      g_hash_table_insert (copies, first, GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
      /* "…:0" becomes "…:n" */
      keys->pdata[i] = g_strdup_printf ("%.*s%u", (int) strlen (key) - 1, key, GPOINTER_TO_UINT (n));
      g_free (key);
      tl_store_import_key_digest (keys->pdata[i], key_digests->data + (gsize) i * TL_STORE_IMPORT_KEY_SIZE);
    }
}

static void
validate_row (Validator   *v,
              TlImportRow *row)
{
  TlEventData d = { 0 };
  const char *text;
  char *key;
  guint8 digest[TL_STORE_IMPORT_KEY_SIZE];
  guint n_columns = v->source->columns->len;

  g_string_truncate (v->problem, 0);
  if ((text = g_hash_table_lookup (v->source->row_problems, row)) != NULL)
    add_problem (v, "%s", text);

  if (v->source->format == TL_EXCHANGE_FORMAT_CSV && row->n_cells != n_columns)
    {
      gboolean extra_empty = row->n_cells > n_columns;

      for (guint i = n_columns; i < row->n_cells && extra_empty; i++)
        extra_empty = row->cells[i][0] == '\0';
      if (!extra_empty)
        add_problem (v, _("it has %u fields where the header has %u: check its separators and quotes"),
                     row->n_cells, n_columns);
    }

  d.kind = TL_EVENT_KIND_SIGHTING;
  if (v->columns[TL_IMPORT_FIELD_KIND] >= 0)
    {
      if ((text = cell (v, row, TL_IMPORT_FIELD_KIND)) == NULL)
        add_problem (v, "%s", _("the kind is missing"));
      else if (!parse_kind (text, &d.kind))
        add_problem (v, _("the kind “%s” is unknown (use departure, sighting, interception, rescue, arrival or patrol)"),
                     text);
    }

  if (v->columns[TL_IMPORT_FIELD_DATE] >= 0 && v->columns[TL_IMPORT_FIELD_CLOCK] >= 0 &&
      cell (v, row, TL_IMPORT_FIELD_DATE) != NULL && cell (v, row, TL_IMPORT_FIELD_CLOCK) != NULL)
    {
      g_autofree char *joined = g_strconcat (cell (v, row, TL_IMPORT_FIELD_DATE), " ",
                                             cell (v, row, TL_IMPORT_FIELD_CLOCK), NULL);
      parse_time (v, N_("time"), joined, &d.time);
    }
  else if ((text = cell (v, row, TL_IMPORT_FIELD_TIME)) != NULL ||
           (text = cell (v, row, TL_IMPORT_FIELD_DATE)) != NULL)
    parse_time (v, N_("time"), text, &d.time);
  else
    add_problem (v, "%s", _("the time is missing"));

  d.end_time = TL_TIME_NONE;
  if ((text = cell (v, row, TL_IMPORT_FIELD_END_TIME)) != NULL &&
      parse_time (v, N_("end"), text, &d.end_time) && d.end_time < d.time)
    add_problem (v, _("it ends (%s) before it starts"), text);

  parse_position (v, row, &d);
  d.place = cell (v, row, TL_IMPORT_FIELD_PLACE);
  d.boats = parse_count (v, row, TL_IMPORT_FIELD_BOATS);
  d.people = parse_count (v, row, TL_IMPORT_FIELD_PEOPLE);
  d.rescued = parse_count (v, row, TL_IMPORT_FIELD_RESCUED);
  d.deceased = parse_count (v, row, TL_IMPORT_FIELD_DECEASED);
  d.missing = parse_count (v, row, TL_IMPORT_FIELD_MISSING);
  d.unit = cell (v, row, TL_IMPORT_FIELD_UNIT);

  d.status = TL_EVENT_STATUS_REPORTED;
  if ((text = cell (v, row, TL_IMPORT_FIELD_STATUS)) != NULL && !parse_status (text, &d.status))
    add_problem (v, _("the status “%s” is unknown (use reported, confirmed, ongoing or closed)"), text);

  d.notes = cell (v, row, TL_IMPORT_FIELD_NOTES);
  d.details = parse_details (v, cell (v, row, TL_IMPORT_FIELD_DETAILS));

  if (v->problem->len > 0)
    {
      TlImportProblem *problem = g_new (TlImportProblem, 1);

      problem->line = row->line;
      problem->message = g_strdup (v->problem->str);
      g_ptr_array_add (v->problems, problem);
      return;
    }

  key = make_key (v, row, &d);
  tl_store_import_key_digest (key, digest);
  g_ptr_array_add (v->keys, key);
  g_byte_array_append (v->key_digests, digest, sizeof digest);
  d.created_by = d.updated_by = v->operator_name;
  g_ptr_array_add (v->events, tl_event_new_from_data (&d));
}

/* Internal API */

/* @operator_name: (nullable): who imports, when the rows are checked to
 * be written: each event is made with the names its saving gives it
 * (tl_event_set_saved() then has nothing to copy, a hundred thousand
 * times on the writer's thread); %NULL when they are only checked. */
TlImportValidator *
tl_import_validator_new (TlImportSource *source,
                         GTimeZone      *zone,
                         const char     *operator_name)
{
  Validator *v = g_new0 (Validator, 1);

  v->source = source;
  v->zone = zone;
  v->operator_name = operator_name;
  for (guint f = 0; f < TL_IMPORT_N_FIELDS; f++)
    v->columns[f] = -1;
  for (guint c = 0; c < source->fields->len; c++)
    {
      TlImportField field = g_array_index (source->fields, TlImportField, c);

      if (field != TL_IMPORT_FIELD_NONE)
        v->columns[field] = (int) c;
    }

  v->problem = g_string_new (NULL);
  v->scratch = g_string_new (NULL);
  v->json = tl_json_check_new ();
  v->known_details = g_hash_table_new (g_str_hash, g_str_equal);

  return v;
}

void
tl_import_validator_free (TlImportValidator *v)
{
  if (v == NULL)
    return;

  g_string_free (v->problem, TRUE);
  g_string_free (v->scratch, TRUE);
  tl_json_check_free (v->json);
  g_hash_table_unref (v->known_details);
  g_free (v);
}

/* Validates rows [@first, @end) of the source, adding to @events and
 * @keys (content keys not numbered yet) and @problems. */
void
tl_import_validator_run (TlImportValidator *v,
                         guint              first,
                         guint              end,
                         GPtrArray         *events,
                         GPtrArray         *keys,
                         GByteArray        *key_digests,
                         GPtrArray         *problems)
{
  v->events = events;
  v->keys = keys;
  v->key_digests = key_digests;
  v->problems = problems;

  for (guint i = first; i < end; i++)
    validate_row (v, g_ptr_array_index (v->source->rows, i));

  v->events = v->keys = v->problems = NULL;
  v->key_digests = NULL;
}
