/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tl-sha256.h"
#include "tl-store.h"

/* tl_sha256() gives GChecksum's SHA-256 exactly, on every length around
 * the block and padding boundaries: the store keeps these hashes (import
 * keys), so a machine with the SHA instructions and one without must
 * agree. */

static void
expect_as_gchecksum (const guint8 *data,
                     gsize         len)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 ours[TL_SHA256_SIZE], theirs[TL_SHA256_SIZE];
  char hex[2 * TL_SHA256_SIZE + 1];
  gsize theirs_len = sizeof theirs;

  g_checksum_update (checksum, data, len);
  g_checksum_get_digest (checksum, theirs, &theirs_len);
  tl_sha256 (data, len, ours);

  g_assert_cmpmem (ours, sizeof ours, theirs, theirs_len);
  tl_sha256_hex (ours, hex);
  g_assert_cmpstr (hex, ==, g_checksum_get_string (checksum));
}

static void
test_known_values (void)
{
  guint8 digest[TL_SHA256_SIZE];
  char hex[2 * TL_SHA256_SIZE + 1];

  /* FIPS 180-4's examples. */
  tl_sha256 ("abc", 3, digest);
  tl_sha256_hex (digest, hex);
  g_assert_cmpstr (hex, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  tl_sha256 ("", 0, digest);
  tl_sha256_hex (digest, hex);
  g_assert_cmpstr (hex, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  tl_sha256 ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, digest);
  tl_sha256_hex (digest, hex);
  g_assert_cmpstr (hex, ==, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_every_length (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint8 data[1100];

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);

  for (gsize len = 0; len <= 300; len++)
    expect_as_gchecksum (data, len);
  /* Unaligned starts, and a long one. */
  for (gsize offset = 1; offset < 8; offset++)
    expect_as_gchecksum (data + offset, 200);
  expect_as_gchecksum (data, sizeof data);
}

static void
test_import_key_digest (void)
{
  const char *key = "i1:4f0b1b7ce0d0d8e4a0f3c56e0f6f1a9c1d2e3f405162738495a6b7c8d9eaf0b1";
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 ours[TL_STORE_IMPORT_KEY_SIZE], theirs[TL_SHA256_SIZE];
  gsize theirs_len = sizeof theirs;

  /* What schema 3 stored: the first 16 bytes of the key's SHA-256. */
  g_checksum_update (checksum, (const guchar *) key, -1);
  g_checksum_get_digest (checksum, theirs, &theirs_len);
  tl_store_import_key_digest (key, ours);
  g_assert_cmpmem (ours, sizeof ours, theirs, TL_STORE_IMPORT_KEY_SIZE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sha256/known-values", test_known_values);
  g_test_add_func ("/sha256/every-length", test_every_length);
  g_test_add_func ("/sha256/import-key-digest", test_import_key_digest);

  return g_test_run ();
}
