/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tl-event-list.h"
#include "tl-store.h"
#include "tl-test-store.h"

/* pg-notify-p95-ms: from the commit of a report at desk A to the row in
 * desk B's list model, p95 over 200 saves. Its peer in the same run is
 * the save itself at desk A (pg-save-p95-ms): what a desk waits for its
 * own report. Both desks are two connections in this process, B's main
 * context iterated as a window's would be. Runs under
 * build-aux/with-pg-server. */

#define N_SAVES 200
/* 2024-05-01 00:00:00 UTC */
#define DAY0 G_GINT64_CONSTANT (1714521600)

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
p95 (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (ms->len * 0.95)));
}

/* Saves @n reports at @a and measures when each is in @list (of @b). */
static GArray *
measure (TlStore     *a,
         TlEventList *list,
         guint        n,
         GArray      *save_ms)
{
  GArray *ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);
      g_autoptr(GError) error = NULL;
      guint expected = g_list_model_get_n_items (G_LIST_MODEL (list)) + 1;
      gint64 started, committed, deadline;
      double elapsed;

      tl_event_set_time (event, DAY0 + i * 30);
      tl_event_set_position (event, 50.9, 1.5);
      tl_event_set_people (event, 10);
      started = g_get_monotonic_time ();
      if (!tl_store_add_event (a, event, "Bench", &error))
        g_error ("%s", error->message);
      committed = g_get_monotonic_time ();
      elapsed = (committed - started) / 1000.0;
      g_array_append_val (save_ms, elapsed);
      deadline = committed + 10 * G_USEC_PER_SEC;

      while (g_list_model_get_n_items (G_LIST_MODEL (list)) < expected)
        {
          if (g_get_monotonic_time () > deadline)
            g_error ("Report %u never reached the other desk", i);
          g_main_context_iteration (NULL, TRUE);
        }
      elapsed = (g_get_monotonic_time () - committed) / 1000.0;
      g_array_append_val (ms, elapsed);
    }

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *address = NULL;
  g_autoptr(TlStore) a = NULL;
  g_autoptr(TlStore) b = NULL;
  g_autoptr(TlEventList) list = NULL;
  g_autoptr(GArray) notified = NULL;
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!tl_test_store_is_server ())
    {
      printf ("skipped: needs build-aux/with-pg-server\n");
      return 77;
    }

  address = tl_test_store_address ("notify");
  a = tl_store_open (address, &error);
  g_assert_no_error (error);
  b = tl_store_open (address, &error);
  g_assert_no_error (error);
  list = tl_event_list_new (b, DAY0, DAY0 + 86400);

  /* B listens once its own connection is set up. */
  while (!tl_store_is_listening (b))
    g_main_context_iteration (NULL, TRUE);

  notified = measure (a, list, N_SAVES, saved);
  printf ("pg-notify-p95-ms: %.1f\n", p95 (notified));
  printf ("pg-notify-max-ms: %.1f\n", g_array_index (notified, double, notified->len - 1));
  printf ("pg-save-p95-ms: %.1f\n", p95 (saved));

  return EXIT_SUCCESS;
}
