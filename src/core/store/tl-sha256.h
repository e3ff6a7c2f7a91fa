/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SHA-256, as GChecksum computes it, with the processor's SHA
 * instructions where it has them: an import hashes every row twice (its
 * key, then the key's digest), and GLib's portable code was a third of
 * an import's validation. */
#define TL_SHA256_SIZE 32

void tl_sha256     (const void *data,
                    gsize       len,
                    guint8      digest[TL_SHA256_SIZE]);
/* Writes 64 lower-case hex digits and a '\0' into @hex (room for
 * 2 * TL_SHA256_SIZE + 1 chars), as g_checksum_get_string() gives them.
 * A pointer, not an array parameter: GCC's sanitizer builds then lose
 * the size of a buffer from g_malloc() and refuse the call. */
void tl_sha256_hex (const guint8 digest[TL_SHA256_SIZE],
                    char        *hex);

G_END_DECLS
