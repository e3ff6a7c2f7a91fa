/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The generator's random numbers: xoshiro256** seeded through splitmix64,
 * so that a seed gives the same days on every machine. */

#include "config.h"

#include "tl-demo-private.h"

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* Internal API */

/**
 * tl_demo_mix: (skip)
 * @value: any value
 *
 * Returns: @value scrambled by the splitmix64 finaliser, to derive
 *   independent seeds from a seed and a number
 */
guint64
tl_demo_mix (guint64 value)
{
  guint64 z = value + G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return z ^ (z >> 31);
}

/**
 * tl_demo_rng_seed: (skip)
 * @rng: the generator
 * @seed: any value, zero included
 */
void
tl_demo_rng_seed (TlDemoRng *rng,
                  guint64    seed)
{
  /* splitmix64 output is never all-zero over four steps, which is the
   * one state xoshiro cannot leave */
  for (guint i = 0; i < 4; i++)
    rng->s[i] = tl_demo_mix (seed + i * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
}

/**
 * tl_demo_rng_next: (skip)
 * @rng: the generator
 *
 * Returns: the next 64 random bits (xoshiro256**)
 */
guint64
tl_demo_rng_next (TlDemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}
