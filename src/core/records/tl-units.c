/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-units.h"

/* The units Tideline knows before anyone adds one: those the report form
 * offers, and those of the sample day. A report stores a unit by its key,
 * the English name below, which never changes (files, exports and other
 * desks read it); each desk shows it in its own language. A unit an
 * officer types is stored and shown as typed. */

/* Offered by the form, in this order. */
static const char * const offered[] = {
  /* Translators: the name of a rescue or patrol unit. Keep proper names
   * (Dover, Valiant, Border Force, RNLI, SNSM…) as they are and translate
   * only what describes the unit ("lifeboat", "patrol vessel", "crew"). */
  NC_ ("unit", "RNLI Dover lifeboat"),
  NC_ ("unit", "RNLI Ramsgate lifeboat"),
  NC_ ("unit", "HMC Valiant (Border Force cutter)"),
  NC_ ("unit", "HMC Seeker (Border Force cutter)"),
  NC_ ("unit", "Coastguard helicopter 163"),
  NC_ ("unit", "Royal Navy patrol vessel"),
  /* proper names, the same in every language */
  "SNSM Calais",
  "SNSM Boulogne-sur-Mer",
  "Abeille Normandie",
  "Gendarmerie maritime",
  NC_ ("unit", "Volunteer crew"),
  NULL
};

/* The sample day's, which the form does not offer. */
static const char * const sample[] = {
  NC_ ("unit", "Helicopter Dauphin"),
  NC_ ("unit", "Helicopter Coastguard 163"),
  NULL
};

static const char * const * const lists[] = { offered, sample };

static const char *
translate (const char *key)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "unit", key);
}

/**
 * tl_units_get_offered:
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys of the
 *   units the report form offers before any are added.
 */
const char * const *
tl_units_get_offered (void)
{
  return offered;
}

/**
 * tl_unit_get_label:
 * @key: a unit as a report stores it
 *
 * Returns: (transfer none): how to show @key: a built-in unit in the
 *   user's language, any other as it is.
 */
const char *
tl_unit_get_label (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      if (g_str_equal (lists[l][i], key))
        return translate (key);
  return key;
}

/**
 * tl_unit_find_key:
 * @text: a unit's name as an officer typed it
 *
 * Returns: (transfer none) (nullable): the key of the built-in unit that
 *   @text names, in English or in the user's language, whatever the case;
 *   %NULL if it names none.
 */
const char *
tl_unit_find_key (const char *text)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        g_autofree char *key = g_utf8_casefold (lists[l][i], -1);
        g_autofree char *label = g_utf8_casefold (translate (lists[l][i]), -1);

        if (g_str_equal (folded, key) || g_str_equal (folded, label))
          return lists[l][i];
      }
  return NULL;
}

/**
 * tl_units_describe:
 * @units: (nullable): an event's units, joined by ", "
 *
 * Returns: (transfer full) (nullable): @units as tl_unit_get_label() shows
 *   each of them, still joined by ", "; %NULL if @units is %NULL or empty.
 */
char *
tl_units_describe (const char *units)
{
  g_auto(GStrv) parts = NULL;

  if (units == NULL || units[0] == '\0')
    return NULL;

  parts = g_strsplit (units, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *label = tl_unit_get_label (parts[i]);

      if (label != parts[i])
        {
          g_free (parts[i]);
          parts[i] = g_strdup (label);
        }
    }
  return g_strjoinv (", ", parts);
}

/* The words of @text as a search folds them: letters and digits, lower
 * case, without their accents. */
static GPtrArray *
fold_words (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
    }
  if (word->len > 0)
    g_ptr_array_add (words, g_strdup (word->str));
  return words;
}

static gboolean
has_word (GPtrArray  *words,
          const char *wanted,
          gboolean    prefix)
{
  for (guint i = 0; i < words->len; i++)
    if (prefix ? g_str_has_prefix (words->pdata[i], wanted) : g_str_equal (words->pdata[i], wanted))
      return TRUE;
  return FALSE;
}

/**
 * tl_units_find_named:
 * @text: words an officer searches for, the last one maybe half typed
 *
 * A report stores a built-in unit by its English key, which is what a
 * search of the stored text finds; this gives the units that @text names
 * in the user's language instead, so that a search can find them too
 * ("canot" finds the lifeboats in French). Every word of @text is a word
 * of the unit's name, the last one the start of one, in any case and
 * with or without accents.
 *
 * Returns: (transfer full) (nullable): the keys of the built-in units
 *   whose translated name has the words of @text, one a line; %NULL if
 *   none does, or no name is translated.
 */
char *
tl_units_find_named (const char *text)
{
  g_autoptr(GPtrArray) typed = NULL;
  g_autoptr(GString) keys = NULL;

  if (text == NULL)
    return NULL;
  typed = fold_words (text);
  if (typed->len == 0)
    return NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        const char *label = translate (lists[l][i]);
        g_autoptr(GPtrArray) words = NULL;
        gboolean all = TRUE;

        /* An untranslated name is the stored text, found as it is. */
        if (g_str_equal (label, lists[l][i]))
          continue;
        words = fold_words (label);
        for (guint t = 0; all && t < typed->len; t++)
          all = has_word (words, typed->pdata[t], t + 1 == typed->len);
        if (!all)
          continue;
        if (keys == NULL)
          keys = g_string_new (NULL);
        else
          g_string_append_c (keys, '\n');
        g_string_append (keys, lists[l][i]);
      }
  return keys != NULL ? g_string_free (g_steal_pointer (&keys), FALSE) : NULL;
}
