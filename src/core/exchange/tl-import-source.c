/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tl-export-fields.h"
#include "tl-import-private.h"

/* TlImportSource: the table of text cells a reader fills from a file, one
 * row per record, and the mapping of its columns to event fields. The
 * readers (tl-import-csv.c, tl-import-geojson.c, tl-import-xml.c) build it
 * through this file; tl-import.c picks the reader. */

G_DEFINE_QUARK (tl-import-error-quark, tl_import_error)

static const char * const field_labels[TL_IMPORT_N_FIELDS] = {
  [TL_IMPORT_FIELD_NONE] = N_("Leave out"),
  [TL_IMPORT_FIELD_ID] = N_("Identifier"),
  [TL_IMPORT_FIELD_KIND] = N_("Kind"),
  [TL_IMPORT_FIELD_TIME] = N_("Date and time"),
  [TL_IMPORT_FIELD_DATE] = N_("Date"),
  [TL_IMPORT_FIELD_CLOCK] = N_("Time of day"),
  [TL_IMPORT_FIELD_END_TIME] = N_("End"),
  [TL_IMPORT_FIELD_LATITUDE] = N_("Latitude"),
  [TL_IMPORT_FIELD_LONGITUDE] = N_("Longitude"),
  [TL_IMPORT_FIELD_POSITION] = N_("Position (latitude and longitude)"),
  [TL_IMPORT_FIELD_PLACE] = N_("Place"),
  [TL_IMPORT_FIELD_BOATS] = N_("Boats"),
  [TL_IMPORT_FIELD_PEOPLE] = N_("People"),
  [TL_IMPORT_FIELD_RESCUED] = N_("Rescued"),
  [TL_IMPORT_FIELD_DECEASED] = N_("Deceased"),
  [TL_IMPORT_FIELD_MISSING] = N_("Missing"),
  [TL_IMPORT_FIELD_UNIT] = N_("Unit"),
  [TL_IMPORT_FIELD_STATUS] = N_("Status"),
  [TL_IMPORT_FIELD_NOTES] = N_("Notes"),
  [TL_IMPORT_FIELD_DETAILS] = N_("Details (JSON)"),
};

/* Header names, English and French, as spreadsheets and GIS tools write
 * them; compared after folding to lower-case ASCII with '_' for spaces, so
 * "Unité", "unite" and "UNITE" are the same. */
static const struct {
  const char    *name;
  TlImportField  field;
} aliases[] = {
  { "id", TL_IMPORT_FIELD_ID }, { "identifier", TL_IMPORT_FIELD_ID },
  { "identifiant", TL_IMPORT_FIELD_ID }, { "uid", TL_IMPORT_FIELD_ID },
  { "ref", TL_IMPORT_FIELD_ID }, { "reference", TL_IMPORT_FIELD_ID },
  { "event_id", TL_IMPORT_FIELD_ID },
  { "kind", TL_IMPORT_FIELD_KIND }, { "type", TL_IMPORT_FIELD_KIND },
  { "event_type", TL_IMPORT_FIELD_KIND }, { "category", TL_IMPORT_FIELD_KIND },
  { "categorie", TL_IMPORT_FIELD_KIND }, { "nature", TL_IMPORT_FIELD_KIND },
  { "time", TL_IMPORT_FIELD_TIME }, { "datetime", TL_IMPORT_FIELD_TIME },
  { "date_time", TL_IMPORT_FIELD_TIME }, { "timestamp", TL_IMPORT_FIELD_TIME },
  { "when", TL_IMPORT_FIELD_TIME }, { "start", TL_IMPORT_FIELD_TIME },
  { "start_time", TL_IMPORT_FIELD_TIME }, { "date_heure", TL_IMPORT_FIELD_TIME },
  { "horodatage", TL_IMPORT_FIELD_TIME }, { "debut", TL_IMPORT_FIELD_TIME },
  { "date", TL_IMPORT_FIELD_DATE }, { "jour", TL_IMPORT_FIELD_DATE }, { "day", TL_IMPORT_FIELD_DATE },
  { "heure", TL_IMPORT_FIELD_CLOCK }, { "hour", TL_IMPORT_FIELD_CLOCK },
  { "time_of_day", TL_IMPORT_FIELD_CLOCK },
  { "end_time", TL_IMPORT_FIELD_END_TIME }, { "end", TL_IMPORT_FIELD_END_TIME },
  { "fin", TL_IMPORT_FIELD_END_TIME }, { "heure_fin", TL_IMPORT_FIELD_END_TIME },
  { "date_fin", TL_IMPORT_FIELD_END_TIME }, { "until", TL_IMPORT_FIELD_END_TIME },
  { "lat", TL_IMPORT_FIELD_LATITUDE }, { "latitude", TL_IMPORT_FIELD_LATITUDE },
  { "y", TL_IMPORT_FIELD_LATITUDE },
  { "lon", TL_IMPORT_FIELD_LONGITUDE }, { "lng", TL_IMPORT_FIELD_LONGITUDE },
  { "long", TL_IMPORT_FIELD_LONGITUDE }, { "longitude", TL_IMPORT_FIELD_LONGITUDE },
  { "x", TL_IMPORT_FIELD_LONGITUDE },
  { "position", TL_IMPORT_FIELD_POSITION }, { "pos", TL_IMPORT_FIELD_POSITION },
  { "coordinates", TL_IMPORT_FIELD_POSITION }, { "coords", TL_IMPORT_FIELD_POSITION },
  { "coordonnees", TL_IMPORT_FIELD_POSITION }, { "lat_lon", TL_IMPORT_FIELD_POSITION },
  { "latlon", TL_IMPORT_FIELD_POSITION },
  { "place", TL_IMPORT_FIELD_PLACE }, { "lieu", TL_IMPORT_FIELD_PLACE },
  { "location", TL_IMPORT_FIELD_PLACE }, { "localisation", TL_IMPORT_FIELD_PLACE },
  { "site", TL_IMPORT_FIELD_PLACE },
  { "boats", TL_IMPORT_FIELD_BOATS }, { "boat", TL_IMPORT_FIELD_BOATS },
  { "bateaux", TL_IMPORT_FIELD_BOATS }, { "bateau", TL_IMPORT_FIELD_BOATS },
  { "embarcations", TL_IMPORT_FIELD_BOATS }, { "small_boats", TL_IMPORT_FIELD_BOATS },
  { "people", TL_IMPORT_FIELD_PEOPLE }, { "persons", TL_IMPORT_FIELD_PEOPLE },
  { "personnes", TL_IMPORT_FIELD_PEOPLE }, { "pob", TL_IMPORT_FIELD_PEOPLE },
  { "passengers", TL_IMPORT_FIELD_PEOPLE }, { "migrants", TL_IMPORT_FIELD_PEOPLE },
  { "rescued", TL_IMPORT_FIELD_RESCUED }, { "secourus", TL_IMPORT_FIELD_RESCUED },
  { "saved", TL_IMPORT_FIELD_RESCUED },
  { "deceased", TL_IMPORT_FIELD_DECEASED }, { "dead", TL_IMPORT_FIELD_DECEASED },
  { "deaths", TL_IMPORT_FIELD_DECEASED }, { "deces", TL_IMPORT_FIELD_DECEASED },
  { "decedes", TL_IMPORT_FIELD_DECEASED }, { "morts", TL_IMPORT_FIELD_DECEASED },
  { "missing", TL_IMPORT_FIELD_MISSING }, { "disparus", TL_IMPORT_FIELD_MISSING },
  { "unit", TL_IMPORT_FIELD_UNIT }, { "unite", TL_IMPORT_FIELD_UNIT },
  { "vessel", TL_IMPORT_FIELD_UNIT }, { "asset", TL_IMPORT_FIELD_UNIT },
  { "moyen", TL_IMPORT_FIELD_UNIT }, { "navire", TL_IMPORT_FIELD_UNIT },
  { "status", TL_IMPORT_FIELD_STATUS }, { "statut", TL_IMPORT_FIELD_STATUS },
  { "etat", TL_IMPORT_FIELD_STATUS }, { "state", TL_IMPORT_FIELD_STATUS },
  { "notes", TL_IMPORT_FIELD_NOTES }, { "note", TL_IMPORT_FIELD_NOTES },
  { "comment", TL_IMPORT_FIELD_NOTES }, { "comments", TL_IMPORT_FIELD_NOTES },
  { "commentaire", TL_IMPORT_FIELD_NOTES }, { "commentaires", TL_IMPORT_FIELD_NOTES },
  { "description", TL_IMPORT_FIELD_NOTES }, { "desc", TL_IMPORT_FIELD_NOTES },
  { "remarks", TL_IMPORT_FIELD_NOTES }, { "remarques", TL_IMPORT_FIELD_NOTES },
  { "observations", TL_IMPORT_FIELD_NOTES },
  { "details", TL_IMPORT_FIELD_DETAILS },
};

/* Helpers */

static char *
fold_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  char *folded = g_ascii_strdown (g_strstrip (ascii), -1);
  char *paren = strchr (folded, '(');

  /* "Latitude (WGS84)", "People (estimate)" */
  if (paren != NULL)
    *paren = '\0';
  g_strstrip (folded);
  for (char *p = folded; *p != '\0'; p++)
    if (*p == ' ' || *p == '-' || *p == '.')
      *p = '_';

  return folded;
}

/* Internal API */

/* Makes room for @n_rows rows, so that adding them never moves the row
 * array (readers and validators share it: tl-import-run.c). */
void
tl_import_source_reserve_rows (TlImportSource *self,
                               guint           n_rows)
{
  g_return_if_fail (self->rows->len == 0);

  g_ptr_array_unref (self->rows);
  self->rows = g_ptr_array_new_full (n_rows, g_free);
}

TlImportSource *
tl_import_source_new (TlExchangeFormat  format,
                      const char       *display_name)
{
  TlImportSource *self = g_new0 (TlImportSource, 1);

  self->format = format;
  self->display_name = g_strdup (display_name);
  self->by_feature = format == TL_EXCHANGE_FORMAT_GEOJSON;
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_array_new (FALSE, TRUE, sizeof (TlImportField));
  self->column_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->row_problems = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  return self;
}

/* Returns the index of the column named @name, adding it if needed. */
guint
tl_import_source_add_column (TlImportSource *self,
                             const char     *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->column_index, name));
  TlImportField none = TL_IMPORT_FIELD_NONE;
  char *copy;

  if (index > 0)
    return index - 1;

  copy = g_strdup (name);
  g_ptr_array_add (self->columns, copy);
  g_array_append_val (self->fields, none);
  /* A CSV header may name two columns the same: the first one wins the
   * lookup, both stay columns. */
  g_hash_table_insert (self->column_index, copy, GUINT_TO_POINTER (self->columns->len));

  return self->columns->len - 1;
}

void
tl_import_set_too_many_rows (GError     **error,
                             const char  *display_name)
{
  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_TOO_MANY_ROWS,
               _("“%s” has more than %d rows; Tideline imports up to %d at a time. "
                 "Split the file and import each part."),
               display_name, TL_IMPORT_MAX_ROWS, TL_IMPORT_MAX_ROWS);
}

void
tl_import_set_limit_error (GError     **error,
                           const char  *display_name,
                           const char  *where,
                           guint64      limit,
                           const char  *what)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, limit);

  g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_LIMIT,
               /* Translators: "“x.json”, line 3: over the limit of 64 levels of
                * nesting that Tideline reads; check the file, or split it" */
               _("“%s”, %s: over the limit of %s %s that Tideline reads; "
                 "check the file, or split it"),
               display_name, where, number, what);
}

/* Returns: (transfer full): "line 12", or "feature 12" for GeoJSON */
char *
tl_import_source_where (TlImportSource *self,
                        guint           line)
{
  /* Translators: where in a file a limit was hit */
  return g_strdup_printf (self->by_feature ? _("feature %u") : _("line %u"), line);
}

gboolean
tl_import_source_add_row (TlImportSource      *self,
                          guint                line,
                          const char * const  *cells,
                          guint                n_cells,
                          GError             **error)
{
  gsize size = 0;
  TlImportRow *row;
  char *p;

  if (self->rows->len >= TL_IMPORT_MAX_ROWS)
    {
      tl_import_set_too_many_rows (error, self->display_name);
      return FALSE;
    }

  /* Cells are kept trimmed: spreadsheets pad them, and no field of an
   * event starts or ends with spaces on purpose. */
  for (guint i = 0; i < n_cells; i++)
    if (cells[i] != NULL)
      {
        gsize len = strlen (cells[i]);

        if (len > TL_IMPORT_MAX_STRING_BYTES)
          {
            g_autofree char *where = tl_import_source_where (self, line);

            tl_import_set_limit_error (error, self->display_name, where, TL_IMPORT_MAX_STRING_BYTES,
                                       _("bytes in one cell"));
            return FALSE;
          }
        size += len + 1;
      }
  if ((self->n_cells += n_cells) > TL_IMPORT_MAX_CELLS || n_cells > TL_IMPORT_MAX_COLUMNS)
    {
      g_autofree char *where = tl_import_source_where (self, line);

      if (n_cells > TL_IMPORT_MAX_COLUMNS)
        tl_import_set_limit_error (error, self->display_name, where, TL_IMPORT_MAX_COLUMNS,
                                   _("fields in one row"));
      else
        tl_import_set_limit_error (error, self->display_name, where, TL_IMPORT_MAX_CELLS,
                                   _("cells in a file"));
      return FALSE;
    }

  row = g_malloc (sizeof (TlImportRow) + n_cells * sizeof (char *) + size);
  row->line = line;
  row->n_cells = n_cells;
  p = (char *) &row->cells[n_cells];
  for (guint i = 0; i < n_cells; i++)
    {
      if (cells[i] == NULL)
        {
          row->cells[i] = NULL;
          continue;
        }
      const char *start = cells[i];
      const char *stop = start + strlen (start);

      while (g_ascii_isspace (*start))
        start++;
      while (stop > start && g_ascii_isspace (stop[-1]))
        stop--;
      row->cells[i] = p;
      memcpy (p, start, stop - start);
      p += stop - start;
      *p++ = '\0';
    }
  g_ptr_array_add (self->rows, row);

  return TRUE;
}

void
tl_import_cells_set (TlImportSource *self,
                     GPtrArray      *cells,
                     const char     *column,
                     char           *value)
{
  guint index = tl_import_source_add_column (self, column);

  if (index >= cells->len)
    g_ptr_array_set_size (cells, (int) index + 1);
  g_free (cells->pdata[index]);
  cells->pdata[index] = value;
}

/* Adds the row @cells holds and empties @cells; @problem (taken) is what
 * the reader found wrong with it. */
gboolean
tl_import_source_add_cells (TlImportSource  *self,
                            guint            line,
                            GPtrArray       *cells,
                            char            *problem,
                            GError         **error)
{
  gboolean ok = tl_import_source_add_row (self, line, (const char * const *) cells->pdata,
                                          cells->len, error);

  if (ok && problem != NULL)
    g_hash_table_insert (self->row_problems, g_ptr_array_index (self->rows, self->rows->len - 1),
                         g_steal_pointer (&problem));
  g_free (problem);
  g_ptr_array_set_size (cells, 0);
  return ok;
}

static gboolean
is_export_name (const char *folded)
{
  for (guint f = 0; f < TL_EXPORT_N_FIELDS; f++)
    if (strcmp (folded, tl_export_field_names[f]) == 0)
      return TRUE;
  return FALSE;
}

/* Guesses each column's field from its name; a field goes to the first
 * column that names it, and Tideline's own names (as exports write them)
 * come before aliases: a KML file's "notes" beats its "description". */
void
tl_import_source_guess_mapping (TlImportSource *self)
{
  gboolean taken[TL_IMPORT_N_FIELDS] = { FALSE };
  int time_column = -1, date_column = -1, clock_column = -1;

  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < self->columns->len; c++)
      {
        const char *name = g_ptr_array_index (self->columns, c);
        g_autofree char *folded = fold_name (name);
        TlImportField field;

        if (is_export_name (folded) != (pass == 0))
          continue;

        field = tl_import_field_guess (name);
        if (field == TL_IMPORT_FIELD_NONE || taken[field])
          field = TL_IMPORT_FIELD_NONE;
        taken[field] = field != TL_IMPORT_FIELD_NONE;
        g_array_index (self->fields, TlImportField, c) = field;
        if (field == TL_IMPORT_FIELD_TIME)
          time_column = (int) c;
        else if (field == TL_IMPORT_FIELD_DATE)
          date_column = (int) c;
        else if (field == TL_IMPORT_FIELD_CLOCK)
          clock_column = (int) c;
      }

  /* "date" and "time" columns: the time column is the time of day. A lone
   * "date" or "heure" column holds the whole date and time. */
  if (date_column >= 0 && time_column >= 0 && clock_column < 0)
    g_array_index (self->fields, TlImportField, time_column) = TL_IMPORT_FIELD_CLOCK;
  else if (date_column >= 0 && time_column < 0 && clock_column < 0)
    g_array_index (self->fields, TlImportField, date_column) = TL_IMPORT_FIELD_TIME;
  else if (clock_column >= 0 && date_column < 0 && time_column < 0)
    g_array_index (self->fields, TlImportField, clock_column) = TL_IMPORT_FIELD_TIME;
}

/* Public API */

/**
 * tl_import_field_get_label:
 * @field: a #TlImportField
 *
 * Returns: (transfer none): the translated name of @field, for the column
 *   mapping step
 */
const char *
tl_import_field_get_label (TlImportField field)
{
  g_return_val_if_fail (field < TL_IMPORT_N_FIELDS, NULL);
  return _(field_labels[field]);
}

/**
 * tl_import_field_guess:
 * @column_name: a header, in English or French
 *
 * Returns: the field a column of that name most likely holds
 */
TlImportField
tl_import_field_guess (const char *column_name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (column_name != NULL, TL_IMPORT_FIELD_NONE);

  folded = fold_name (column_name);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (folded, aliases[i].name) == 0)
      return aliases[i].field;

  return TL_IMPORT_FIELD_NONE;
}

void
tl_import_source_free (TlImportSource *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_hash_table_unref (self->column_index);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->fields);
  g_hash_table_unref (self->row_problems);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

TlExchangeFormat
tl_import_source_get_format (TlImportSource *self)
{
  return self->format;
}

const char *
tl_import_source_get_display_name (TlImportSource *self)
{
  return self->display_name;
}

/* Returns: the CSV separator found (',', ';' or '\t'), or 0. */
char
tl_import_source_get_separator (TlImportSource *self)
{
  return self->separator;
}

guint
tl_import_source_get_n_columns (TlImportSource *self)
{
  return self->columns->len;
}

const char *
tl_import_source_get_column_name (TlImportSource *self,
                                  guint           column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

/* Returns: how many GeoJSON features had a null geometry: events with no
 * position, which the import says. */
guint
tl_import_source_get_n_null_geometry (TlImportSource *self)
{
  return self->n_null_geometry;
}

guint
tl_import_source_get_n_rows (TlImportSource *self)
{
  return self->rows->len;
}

/* Returns: (nullable): the cell's text, for the preview; %NULL when the
 *   row has no such cell. */
const char *
tl_import_source_get_cell (TlImportSource *self,
                           guint           row,
                           guint           column)
{
  TlImportRow *r;

  g_return_val_if_fail (row < self->rows->len, NULL);

  r = g_ptr_array_index (self->rows, row);
  if (r == NULL)   /* released by tl_import_file() */
    return NULL;
  return column < r->n_cells ? r->cells[column] : NULL;
}

guint
tl_import_source_get_row_line (TlImportSource *self,
                               guint           row)
{
  TlImportRow *r;

  g_return_val_if_fail (row < self->rows->len, 0);

  r = g_ptr_array_index (self->rows, row);
  return r != NULL ? r->line : 0;
}

TlImportField
tl_import_source_get_column_field (TlImportSource *self,
                                   guint           column)
{
  g_return_val_if_fail (column < self->fields->len, TL_IMPORT_FIELD_NONE);
  return g_array_index (self->fields, TlImportField, column);
}

/**
 * tl_import_source_set_column_field:
 * @self: a source
 * @column: a column
 * @field: what it holds
 *
 * Overrides the guessed mapping. A field other than
 * %TL_IMPORT_FIELD_NONE belongs to one column: a column that held it
 * before is left out.
 */
void
tl_import_source_set_column_field (TlImportSource *self,
                                   guint           column,
                                   TlImportField   field)
{
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < TL_IMPORT_N_FIELDS);

  if (field != TL_IMPORT_FIELD_NONE)
    for (guint c = 0; c < self->fields->len; c++)
      if (g_array_index (self->fields, TlImportField, c) == field)
        g_array_index (self->fields, TlImportField, c) = TL_IMPORT_FIELD_NONE;

  g_array_index (self->fields, TlImportField, column) = field;
}

/**
 * tl_import_source_check_mapping:
 * @self: a source
 * @error: return location for a %TL_IMPORT_ERROR_UNMAPPED error
 *
 * Returns: whether the mapping gives every event a time and, if any, a
 *   whole position
 */
gboolean
tl_import_source_check_mapping (TlImportSource  *self,
                                GError         **error)
{
  gboolean has[TL_IMPORT_N_FIELDS] = { FALSE };

  for (guint c = 0; c < self->fields->len; c++)
    has[g_array_index (self->fields, TlImportField, c)] = TRUE;

  if (!has[TL_IMPORT_FIELD_TIME] && !has[TL_IMPORT_FIELD_DATE])
    {
      g_set_error (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNMAPPED,
                   _("No column of “%s” gives the date and time of the events: "
                     "name it “time” or “date”, or choose it in the import dialog"),
                   self->display_name);
      return FALSE;
    }
  if (has[TL_IMPORT_FIELD_CLOCK] && !has[TL_IMPORT_FIELD_DATE])
    {
      g_set_error_literal (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNMAPPED,
                           _("A column gives the time of day but none gives the date"));
      return FALSE;
    }
  if (has[TL_IMPORT_FIELD_LATITUDE] != has[TL_IMPORT_FIELD_LONGITUDE])
    {
      g_set_error_literal (error, TL_IMPORT_ERROR, TL_IMPORT_ERROR_UNMAPPED,
                           has[TL_IMPORT_FIELD_LATITUDE]
                           ? _("A column gives the latitude but none gives the longitude")
                           : _("A column gives the longitude but none gives the latitude"));
      return FALSE;
    }

  return TRUE;
}
