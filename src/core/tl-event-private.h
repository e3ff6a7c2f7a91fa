/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-event.h"

G_BEGIN_DECLS

/* Only the store sets these: they describe what is in the database. */
void tl_event_set_revision   (TlEvent    *self,
                              gint64      revision);
void tl_event_set_created    (TlEvent    *self,
                              const char *by,
                              gint64      at);
void tl_event_set_updated    (TlEvent    *self,
                              const char *by,
                              gint64      at);

G_END_DECLS
