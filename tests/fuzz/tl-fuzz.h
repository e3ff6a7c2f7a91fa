/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

/* libFuzzer's entry point, declared for -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The input as a NUL-terminated string (a parser of typed text never
 * sees a NUL). */
static inline char *
tl_fuzz_text (const uint8_t *data,
              size_t         size)
{
  return g_strndup ((const char *) data, size);
}
