/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "tl-store.h"

/* What Tideline remembers of a database's address: never a password,
 * whatever form it came in; and what the Open Database dialog accepts. */

static void
test_strip (void)
{
  static const struct {
    const char *address;
    const char *kept;
  } cases[] = {
    { "postgresql://ops-server/ops", "postgresql://ops-server/ops" },
    { "postgresql://desk1:s3cret@ops-server:5432/ops", "postgresql://desk1@ops-server:5432/ops" },
    { "postgres://desk1:p%40ss@db.example/ops?sslmode=verify-full",
      "postgres://desk1@db.example/ops?sslmode=verify-full" },
    { "postgresql://:onlypass@db.example/ops", "postgresql://@db.example/ops" },
    { "postgresql://db.example/ops?password=s3cret&sslmode=require",
      "postgresql://db.example/ops?sslmode=require" },
    { "postgresql://db.example/ops?sslmode=require&password=s3cret",
      "postgresql://db.example/ops?sslmode=require" },
    { "postgresql://db.example/ops?pass%77ord=s3cret", "postgresql://db.example/ops" },
    { "postgresql://u:x@h1,h2/ops?target_session_attrs=read-write",
      "postgresql://u@h1,h2/ops?target_session_attrs=read-write" },
    { "service=ops", "service=ops" },
    { "service=ops password=s3cret", "service=ops" },
    { "host=db.example dbname=ops user=desk1 password='s3 cret' sslmode=verify-full",
      "host=db.example dbname=ops user=desk1 sslmode=verify-full" },
    { "host=db.example password = 'it\\'s'  port = 5433", "host=db.example port = 5433" },
    { "service=ops password='a b\\' c' sslmode=require", "service=ops sslmode=require" },
    { "host=/tmp/x dbname='my ops'", "host=/tmp/x dbname='my ops'" },
    { "/home/desk/tideline.db", "/home/desk/tideline.db" },
    { "./password=1.db", "./password=1.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = tl_store_address_without_password (cases[i].address);

      g_test_message ("%s", cases[i].address);
      g_assert_cmpstr (kept, ==, cases[i].kept);
      g_assert_null (strstr (kept, "s3cret"));
      g_assert_null (strstr (kept, "onlypass"));
    }

  /* An address libpq cannot read is not remembered at all. */
  g_assert_null (tl_store_address_without_password ("host='unterminated password=s3cret"));
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_store_check_server_address ("postgresql://db.example/ops?sslmode=verify-full", NULL));
  g_assert_true (tl_store_check_server_address ("service=ops", NULL));

  g_assert_false (tl_store_check_server_address ("db.example/ops", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "postgresql://"));
  g_clear_error (&error);

  g_assert_false (tl_store_check_server_address ("postgresql://desk1:s3cret@db.example/ops", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);

  g_assert_false (tl_store_check_server_address ("host=db.example nonsense=1", &error));
  g_assert_error (error, TL_STORE_ERROR, TL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nonsense"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store-address/strip", test_strip);
  g_test_add_func ("/store-address/check", test_check);

  return g_test_run ();
}
