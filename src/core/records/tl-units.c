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
