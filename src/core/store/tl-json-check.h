/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether texts are JSON objects, by the very test the store's CHECK
 * constraints make (SQLite's json_valid), so that what an import accepts
 * the store takes. One per thread. */
typedef struct _TlJsonCheck TlJsonCheck;

TlJsonCheck *tl_json_check_new       (void);
void         tl_json_check_free      (TlJsonCheck *self);
gboolean     tl_json_check_is_object (TlJsonCheck *self,
                                      const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlJsonCheck, tl_json_check_free)

G_END_DECLS
