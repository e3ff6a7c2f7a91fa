/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "tl-store.h"
#include "tl-test-store.h"

/* pg-desks-8-saves-per-s and pg-desks-8-lost: 8 desk processes save
 * new reports to one server as fast as they can for 30 s; every save a
 * desk was told succeeded must be on the server (lost = told − found).
 * The peer in the same run is one desk alone (pg-desks-1-saves-per-s).
 * Runs under build-aux/with-pg-server; the desks are this program run
 * again with --desk. */

#define SECONDS 30
/* 2024-05-01 00:00:00 UTC */
#define DAY0 G_GINT64_CONSTANT (1714521600)

/* One desk: saves until the time is up, prints how many it was told
 * were saved. */
static int
run_desk (const char *address,
          const char *name,
          int         seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlStore) store = tl_store_open (address, &error);
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint n_saved = 0;

  if (store == NULL)
    g_error ("%s", error->message);

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);
      g_autofree char *notes = g_strdup_printf ("%s %u", name, n_saved);

      tl_event_set_time (event, DAY0 + n_saved);
      tl_event_set_people (event, 10);
      tl_event_set_notes (event, notes);
      if (!tl_store_add_event_or_keep (store, event, name, NULL, &error))
        g_error ("%s", error->message);
      n_saved++;
    }
  /* Whatever was kept is sent before the desk says it is done. */
  if (!tl_store_send_outbox (store, NULL, &error))
    g_error ("%s", error->message);

  printf ("%u\n", n_saved);
  return EXIT_SUCCESS;
}

static gint64
count_on_server (const char *address)
{
  PGconn *conn = PQconnectdb (address);
  PGresult *result = PQexec (conn, "SELECT count (*) FROM events");
  gint64 count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);

  PQclear (result);
  PQfinish (conn);
  return count;
}

/* @n desks at once; returns saves per second, and sets *out_lost. */
static double
run_desks (const char *self_path,
           const char *address,
           guint       n,
           gint64     *out_lost)
{
  g_autoptr(GPtrArray) desks = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 before = count_on_server (address);
  gint64 told = 0;
  gint64 started = g_get_monotonic_time ();
  double elapsed;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("desk%u-of-%u", i, n);
      g_autofree char *seconds = g_strdup_printf ("%d", SECONDS);
      GSubprocess *desk = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path,
                                            "--desk", address, name, seconds, NULL);

      g_assert_no_error (error);
      g_ptr_array_add (desks, desk);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_subprocess_communicate_utf8 (desks->pdata[i], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (desks->pdata[i]));
      told += g_ascii_strtoll (out, NULL, 10);
    }
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  *out_lost = told - (count_on_server (address) - before);
  return told / elapsed;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *address = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lost_1 = 0, lost_8 = 0;
  double rate_1, rate_8;

  if (argc == 5 && g_str_equal (argv[1], "--desk"))
    return run_desk (argv[2], argv[3], atoi (argv[4]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!tl_test_store_is_server ())
    {
      printf ("skipped: needs build-aux/with-pg-server\n");
      return 77;
    }

  /* Set up once, before the desks race to open it. */
  address = tl_test_store_address ("desks");
  store = tl_store_open (address, &error);
  g_assert_no_error (error);

  rate_1 = run_desks (argv[0], address, 1, &lost_1);
  rate_8 = run_desks (argv[0], address, 8, &lost_8);
  printf ("pg-desks-1-saves-per-s: %.0f\n", rate_1);
  printf ("pg-desks-8-saves-per-s: %.0f\n", rate_8);
  printf ("pg-desks-8-lost: %" G_GINT64_FORMAT "\n", lost_8 + lost_1);

  return EXIT_SUCCESS;
}
