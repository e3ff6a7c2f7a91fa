/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *tl_units_get_offered (void);
const char         *tl_unit_get_label    (const char *key);
const char         *tl_unit_find_key     (const char *text);
char               *tl_units_describe    (const char *units);
char               *tl_units_find_named  (const char *text);

G_END_DECLS
