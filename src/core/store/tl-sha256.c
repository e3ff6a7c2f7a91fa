/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "tl-sha256.h"

/* SHA-256 (FIPS 180-4) on the SHA extensions of x86-64 processors (Intel
 * since 2016's Goldmont and 2019's Ice Lake, AMD since 2017's Zen), about
 * twenty times GLib's portable code; elsewhere GChecksum. Which one runs
 * is decided once, by CPUID. The hashes are the same either way: the
 * store keeps them (import keys), and tests compare the two. */

#if defined (__x86_64__) && (defined (__GNUC__) || defined (__clang__))
#define HAVE_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

#ifdef HAVE_SHA_NI

#define SHA_NI_TARGET __attribute__ ((target ("sha,sse4.1,ssse3")))

static const guint32 round_constants[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Four rounds, on the message words @x. */
SHA_NI_TARGET static inline void
four_rounds (__m128i *abef,
             __m128i *cdgh,
             __m128i  x,
             guint    group)
{
  __m128i k = _mm_add_epi32 (x, _mm_loadu_si128 ((const __m128i *) &round_constants[4 * group]));

  *cdgh = _mm_sha256rnds2_epu32 (*cdgh, *abef, k);
  *abef = _mm_sha256rnds2_epu32 (*abef, *cdgh, _mm_shuffle_epi32 (k, 0x0e));
}

/* The next four words of the schedule, in place of the oldest four @x:
 * W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]. */
SHA_NI_TARGET static inline __m128i
schedule (__m128i x,
          __m128i older,
          __m128i old,
          __m128i last)
{
  x = _mm_sha256msg1_epu32 (x, older);
  x = _mm_add_epi32 (x, _mm_alignr_epi8 (last, old, 4));
  return _mm_sha256msg2_epu32 (x, last);
}

/* Hashes @n_blocks blocks of 64 bytes into @state (A … H). */
SHA_NI_TARGET static void
sha_ni_blocks (guint32       state[8],
               const guint8 *data,
               gsize         n_blocks)
{
  /* Each 32-bit word of the message is big-endian. */
  const __m128i byte_swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i abef, cdgh, tmp;

  /* The instructions take the state as ABEF and CDGH. */
  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xb1);   /* CDAB */
  cdgh = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1b);  /* EFGH */
  abef = _mm_alignr_epi8 (tmp, cdgh, 8);
  cdgh = _mm_blend_epi16 (cdgh, tmp, 0xf0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef_before = abef, cdgh_before = cdgh;
      /* The schedule's last 16 words, four at a time. */
      __m128i w0 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) data), byte_swap);
      __m128i w1 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16)), byte_swap);
      __m128i w2 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 32)), byte_swap);
      __m128i w3 = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 48)), byte_swap);

      four_rounds (&abef, &cdgh, w0, 0);
      four_rounds (&abef, &cdgh, w1, 1);
      four_rounds (&abef, &cdgh, w2, 2);
      four_rounds (&abef, &cdgh, w3, 3);
      for (guint group = 4; group < 16; group += 4)
        {
          w0 = schedule (w0, w1, w2, w3);
          four_rounds (&abef, &cdgh, w0, group);
          w1 = schedule (w1, w2, w3, w0);
          four_rounds (&abef, &cdgh, w1, group + 1);
          w2 = schedule (w2, w3, w0, w1);
          four_rounds (&abef, &cdgh, w2, group + 2);
          w3 = schedule (w3, w0, w1, w2);
          four_rounds (&abef, &cdgh, w3, group + 3);
        }

      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  tmp = _mm_shuffle_epi32 (abef, 0x1b);   /* FEBA */
  cdgh = _mm_shuffle_epi32 (cdgh, 0xb1);  /* DCHG */
  _mm_storeu_si128 ((__m128i *) &state[0], _mm_blend_epi16 (tmp, cdgh, 0xf0));   /* DCBA */
  _mm_storeu_si128 ((__m128i *) &state[4], _mm_alignr_epi8 (cdgh, tmp, 8));      /* HGFE */
}

static gboolean
have_sha_ni (void)
{
  static gsize answer = 0;   /* 1 + whether */

  if (g_once_init_enter (&answer))
    {
      unsigned int eax, ebx, ecx, edx;
      gboolean sha = FALSE;

      /* SSSE3 and SSE 4.1 (leaf 1, ECX bits 9 and 19), SHA (leaf 7, EBX bit 29). */
      if (__get_cpuid (1, &eax, &ebx, &ecx, &edx) && (ecx & (1u << 9)) && (ecx & (1u << 19)) &&
          __get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx))
        sha = (ebx & (1u << 29)) != 0;
      g_once_init_leave (&answer, 1 + sha);
    }

  return answer == 2;
}

static void
sha_ni (const guint8 *data,
        gsize         len,
        guint8        digest[TL_SHA256_SIZE])
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guint8 tail[128] = { 0 };
  gsize n_full = len / 64, rest = len % 64;
  gsize tail_len = rest < 56 ? 64 : 128;
  guint64 bits = (guint64) len * 8;

  sha_ni_blocks (state, data, n_full);

  /* The last bytes, a 1 bit, zeros, and the length in bits, big-endian. */
  if (rest > 0)
    memcpy (tail, data + n_full * 64, rest);
  tail[rest] = 0x80;
  for (guint i = 0; i < 8; i++)
    tail[tail_len - 1 - i] = (guint8) (bits >> (8 * i));
  sha_ni_blocks (state, tail, tail_len / 64);

  for (guint i = 0; i < 8; i++)
    {
      digest[4 * i] = (guint8) (state[i] >> 24);
      digest[4 * i + 1] = (guint8) (state[i] >> 16);
      digest[4 * i + 2] = (guint8) (state[i] >> 8);
      digest[4 * i + 3] = (guint8) state[i];
    }
}

#endif /* HAVE_SHA_NI */

/* Public API */

/**
 * tl_sha256:
 * @data: (array length=len): bytes to hash
 * @len: how many
 * @digest: (out caller-allocates): their SHA-256
 */
void
tl_sha256 (const void *data,
           gsize       len,
           guint8      digest[TL_SHA256_SIZE])
{
  GChecksum *checksum;
  gsize digest_len = TL_SHA256_SIZE;

  g_return_if_fail (data != NULL || len == 0);

#ifdef HAVE_SHA_NI
  if (have_sha_ni ())
    {
      sha_ni (data, len, digest);
      return;
    }
#endif

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, data, len);
  g_checksum_get_digest (checksum, digest, &digest_len);
  g_checksum_free (checksum);
}

void
tl_sha256_hex (const guint8 digest[TL_SHA256_SIZE],
               char        *hex)
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < TL_SHA256_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * TL_SHA256_SIZE] = '\0';
}
