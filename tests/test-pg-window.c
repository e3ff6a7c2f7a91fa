/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include <gio/gunixsocketaddress.h>

#include "tl-report-editor.h"
#include "tl-test-store.h"
#include "tl-test-ui.h"

/* A window on a slow server keeps drawing. The test puts a proxy between
 * the store and the test server that holds every chunk for 200 ms each
 * way (a round trip costs at least 400 ms), opens the window on it, and
 * while the day is read, the window moves to another day and back, a
 * report is saved and one deleted, the deletion undone, a report's
 * history read, and the report editor opened, a unit added and its
 * draft kept as the officer types, it measures the gaps between the
 * frames the window's frame clock draws, and from the history on between
 * the main loop's turns: none may be long enough to hold a round trip to
 * the server. The answers must arrive too. */

/* Under the sanitizers a frame takes several times as long to draw (up
 * to ~500 ms seen), and building the editor's form in one go up to 2.5 s
 * with another test beside it: the build scales the delay, and the gaps
 * are printed but held to the bar in the plain build only, where a round
 * trip on the window's thread is told apart from drawing. The sanitizer
 * build runs the same steps for what it looks for, memory errors. */
#ifndef TL_TEST_TIME_SCALE
#define TL_TEST_TIME_SCALE 1
#endif
#define CHECK_GAPS (TL_TEST_TIME_SCALE == 1)
#define DELAY_US (TL_TEST_TIME_SCALE * 200 * 1000)
/* Less than a round trip through the proxy: a single query on the
 * window's thread would freeze it for 400 ms at least. (A frame itself
 * takes up to ~270 ms here with both cores busy, so the 16 ms of an idle
 * machine cannot be the bar.) */
#define MAX_GAP_US (TL_TEST_TIME_SCALE * 350 * 1000)
#define DEADLINE_S 60

/* The proxy */

typedef struct {
  GSocketListener *listener;
  GCancellable    *cancellable;
  char            *target;        /* the server's Unix socket */
  guint16          port;
  GThread         *thread;
  GMutex           lock;
  GPtrArray       *threads;       /* GThread, of the pumps */
  GPtrArray       *sockets;       /* GSocketConnection */
} Proxy;

typedef struct {
  GSocketConnection *from;
  GSocketConnection *to;
} Pump;

/* Forwards what one side sends, each chunk 200 ms late, as a slow
 * network would; when either side goes, so does the other. */
static gpointer
pump_thread (gpointer data)
{
  g_autofree Pump *pump = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (pump->from));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (pump->to));
  char buffer[16384];

  while (TRUE)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        break;
      /* The latency this proxy is for, not a wait for a condition. */
      g_usleep (DELAY_US);
      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
        break;
    }

  g_socket_shutdown (g_socket_connection_get_socket (pump->from), TRUE, TRUE, NULL);
  g_socket_shutdown (g_socket_connection_get_socket (pump->to), TRUE, TRUE, NULL);
  return NULL;
}

static void
start_pump (Proxy             *proxy,
            GSocketConnection *from,
            GSocketConnection *to)
{
  Pump *pump = g_new0 (Pump, 1);

  pump->from = from;
  pump->to = to;
  g_ptr_array_add (proxy->threads, g_thread_new ("proxy-pump", pump_thread, pump));
}

static gpointer
accept_thread (gpointer data)
{
  Proxy *proxy = data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (proxy->target);

  while (TRUE)
    {
      g_autoptr(GError) error = NULL;
      GSocketConnection *downstream;
      GSocketConnection *upstream;

      downstream = g_socket_listener_accept (proxy->listener, NULL, proxy->cancellable, &error);
      if (downstream == NULL)
        break;
      upstream = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
      g_assert_no_error (error);

      g_mutex_lock (&proxy->lock);
      g_ptr_array_add (proxy->sockets, downstream);
      g_ptr_array_add (proxy->sockets, upstream);
      start_pump (proxy, downstream, upstream);
      start_pump (proxy, upstream, downstream);
      g_mutex_unlock (&proxy->lock);
    }

  return NULL;
}

static Proxy *
proxy_start (const char *socket_folder)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  proxy->target = g_build_filename (socket_folder, ".s.PGSQL.5432", NULL);
  proxy->listener = g_socket_listener_new ();
  proxy->cancellable = g_cancellable_new ();
  proxy->threads = g_ptr_array_new ();
  proxy->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&proxy->lock);
  g_socket_listener_add_address (proxy->listener, any, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  proxy->thread = g_thread_new ("proxy-accept", accept_thread, proxy);

  return proxy;
}

static void
proxy_stop (Proxy *proxy)
{
  g_cancellable_cancel (proxy->cancellable);
  g_thread_join (proxy->thread);
  g_socket_listener_close (proxy->listener);

  /* Connections still open (a store that is gone closed its own). */
  g_mutex_lock (&proxy->lock);
  for (guint i = 0; i < proxy->sockets->len; i++)
    g_socket_shutdown (g_socket_connection_get_socket (g_ptr_array_index (proxy->sockets, i)),
                       TRUE, TRUE, NULL);
  g_mutex_unlock (&proxy->lock);
  for (guint i = 0; i < proxy->threads->len; i++)
    g_thread_join (g_ptr_array_index (proxy->threads, i));

  g_ptr_array_unref (proxy->threads);
  g_ptr_array_unref (proxy->sockets);
  g_mutex_clear (&proxy->lock);
  g_object_unref (proxy->listener);
  g_object_unref (proxy->cancellable);
  g_free (proxy->target);
  g_free (proxy);
}

/* Frames */

typedef struct {
  gint64 last;
  gint64 max_gap;
  guint  n_frames;
  guint  n_long;
} Frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;
  gint64 now = g_get_monotonic_time ();

  if (frames->last != 0)
    {
      gint64 gap = now - frames->last;

      frames->max_gap = MAX (frames->max_gap, gap);
      if (gap > MAX_GAP_US)
        {
          frames->n_long++;
          g_test_message ("A frame %.0f ms after the one before", gap / 1000.0);
        }
    }
  frames->last = now;
  frames->n_frames++;

  return G_SOURCE_CONTINUE;
}

static void
frames_restart (Frames *frames)
{
  frames->last = 0;
  frames->max_gap = 0;
  frames->n_long = 0;
}

/* The main loop's turns, every 10 ms when it is free: the longest gap
 * between two is the longest the window's thread was held. */
static gboolean
turn_cb (gpointer user_data)
{
  Frames *turns = user_data;
  gint64 now = g_get_monotonic_time ();

  if (turns->last != 0)
    {
      gint64 gap = now - turns->last;

      turns->max_gap = MAX (turns->max_gap, gap);
      if (gap > MAX_GAP_US)
        {
          turns->n_long++;
          g_test_message ("The main loop held for %.0f ms", gap / 1000.0);
        }
    }
  turns->last = now;
  turns->n_frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
deadline_cb (gpointer user_data)
{
  g_error ("Waited %d s for %s", DEADLINE_S, (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
wait_for_items (GListModel *model,
                guint       n,
                const char *what)
{
  guint deadline = g_timeout_add_seconds (DEADLINE_S, deadline_cb, (gpointer) what);
  gint64 start = g_get_monotonic_time ();

  while (g_list_model_get_n_items (model) != n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
  g_test_message ("%s after %.1f s", what, (g_get_monotonic_time () - start) / 1e6);
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  guint deadline = g_timeout_add_seconds (DEADLINE_S, deadline_cb, (gpointer) what);
  guint wake = g_timeout_add (50, wake_cb, NULL);
  gint64 start = g_get_monotonic_time ();

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_source_remove (deadline);
  g_test_message ("%s after %.1f s", what, (g_get_monotonic_time () - start) / 1e6);
}

static gboolean
editor_loaded (gpointer data)
{
  return g_strcmp0 (tl_report_editor_get_page (data), "form") == 0;
}

/* Read straight from the server, not through the proxy. */
static gboolean
draft_kept (gpointer data)
{
  g_autoptr(TlDraft) draft = tl_store_get_draft (data, TL_EVENT_KIND_RESCUE, 0, NULL);

  return draft != NULL && strstr (draft->content, "\"17\"") != NULL;
}

static gboolean
history_shown (gpointer data)
{
  GtkWindow *editor = tl_window_get_report_form (data);

  return editor != NULL && g_strcmp0 (tl_report_editor_get_page (TL_REPORT_EDITOR (editor)), "history") == 0;
}

static gboolean
history_read (gpointer data)
{
  return g_strcmp0 (tl_report_editor_get_history_state (data), "loading") != 0;
}

static gboolean
editor_closed (gpointer data)
{
  return tl_window_get_report_form (data) == NULL;
}

static gboolean
unit_known (gpointer data)
{
  g_auto(GStrv) units = tl_store_list_units (data, NULL);

  return units != NULL && g_strv_contains ((const char * const *) units, "Vedette Slow");
}

/* Helpers */

static gint64
today_start (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);

  return g_date_time_to_unix (start);
}

static void
add_event (TlStore *store,
           gint64   time)
{
  g_autoptr(TlEvent) event = tl_event_new (TL_EVENT_KIND_SIGHTING);
  g_autoptr(GError) error = NULL;

  tl_event_set_time (event, time);
  tl_event_set_people (event, 30);
  g_assert_true (tl_store_add_event (store, event, "Desk", &error));
  g_assert_no_error (error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_store_save_event_finish (TL_STORE (object), result, NULL, NULL, &error));
  g_assert_no_error (error);
  *saved = TRUE;
}

/* The open-cases board reads what the server's backend does not have
 * yet (another issue's work): its warning is not this test's failure;
 * every other warning still fails the test. */
static void
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  g_test_message ("%s: %s", log_domain, message);
  /* Expected: the board's reads while the server is away, and a draft
   * the closing editor of the slow-server test was still sending when
   * that test's proxy went. */
  if (strstr (message, "Could not read the open cases") == NULL &&
      !(strstr (message, "Could not keep a report's draft") != NULL &&
        strstr (message, "was lost") != NULL))
    g_test_fail ();
}

/* Tests */

static void
test_slow_server (void)
{
  g_autofree char *direct = tl_test_store_address ("slow.db");
  g_autofree char *slow = NULL;
  g_autoptr(TlStore) filler = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(TlEvent) report = NULL;
  g_autoptr(GError) error = NULL;
  Proxy *proxy = proxy_start (g_getenv ("TL_TEST_PG_HOST"));
  Frames frames = { 0 };
  gint64 day = today_start ();
  gint64 started;
  GListModel *events;
  TlWindow *window;
  gboolean saved = FALSE;
  guint tick_id;
  TlEvent *first;
  gint64 deleted_id;
  gint64 history_id;
  g_autofree char *history = NULL;
  g_autofree char *units = NULL;
  GtkWidget *unit_row;
  Frames turns = { 0 };
  guint turn_id;
  TlReportEditor *editor;

  /* Ten reports today, five yesterday, written straight to the server. */
  filler = tl_store_open (direct, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 10; i++)
    add_event (filler, day + 60 * i);
  for (guint i = 1; i <= 5; i++)
    add_event (filler, day - 3600 * i);
  g_clear_object (&filler);

  /* The same database through the proxy. */
  slow = g_strdup_printf ("host=127.0.0.1 port=%u%s", proxy->port, strstr (direct, " user="));
  store = tl_store_open (slow, &error);
  g_assert_no_error (error);

  window = tl_window_new (GTK_APPLICATION (tl_test_ui_get_app ()), store);
  g_object_ref (window);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &frames, NULL);
  gtk_window_present (GTK_WINDOW (window));
  events = tl_window_get_events (window);

  started = g_get_monotonic_time ();
  /* The day, read through the proxy while the window draws. */
  wait_for_items (events, 10, "today's reports");

  /* Another day and back: each read cancels the one before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  wait_for_items (events, 5, "yesterday's reports");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.today", NULL));
  wait_for_items (events, 10, "today's reports again");

  /* A save, and the list that follows it. */
  report = tl_event_new (TL_EVENT_KIND_RESCUE);
  tl_event_set_time (report, day + 30);
  tl_event_set_people (report, 12);
  tl_store_save_event_async (store, report, TL_STORE_SAVE_PLAIN, 0, NULL, "Desk", NULL, saved_cb, &saved);
  wait_for_items (events, 11, "the saved report");
  g_assert_true (saved);
  g_assert_cmpint (tl_event_get_id (report), >, 0);

  /* A delete from the window, as the desk asks for it. */
  first = g_list_model_get_item (events, 0);
  deleted_id = tl_event_get_id (first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-report", "x", deleted_id));
  g_object_unref (first);
  wait_for_items (events, 10, "the deleted report gone");

  /* Undo: the report comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", deleted_id));
  wait_for_items (events, 11, "the deleted report back");

  /* The server straight, not through the proxy, to see what arrives:
   * opened before the main loop is timed, as the test's own calls are
   * not the window's. */
  filler = tl_store_open (direct, &error);
  g_assert_no_error (error);

  /* A report's history: the editor opens on its history page, which
   * says that it reads until the audit comes from the worker. The main
   * loop itself is timed from here on, as well as the frames. */
  turn_id = g_timeout_add (10, turn_cb, &turns);
  first = g_list_model_get_item (events, 0);
  history_id = tl_event_get_id (first);
  g_object_unref (first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report-history", "x", history_id));
  wait_until (history_shown, window, "the history page");
  editor = TL_REPORT_EDITOR (tl_window_get_report_form (window));
  g_assert_cmpstr (tl_report_editor_get_history_state (editor), ==, "loading");
  wait_until (history_read, editor, "the history");
  g_assert_cmpstr (tl_report_editor_get_history_state (editor), ==, "list");
  history = tl_report_editor_dup_history_text (editor);
  g_assert_nonnull (strstr (history, "Entered by "));
  gtk_window_close (GTK_WINDOW (editor));
  wait_until (editor_closed, window, "the history's editor closed");

  /* The editor shows itself at once and fills in its lists (units,
   * places, cases, a draft) from the server; its draft is kept while the
   * officer types. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", "s", "rescue"));
  editor = TL_REPORT_EDITOR (tl_window_get_report_form (window));
  g_assert_nonnull (editor);
  wait_until (editor_loaded, editor, "the editor's form");

  /* A unit added: in the form at once, remembered on the server from
   * the worker. */
  unit_row = tl_test_find_row (GTK_WIDGET (editor), "Add a unit");
  g_assert_nonnull (unit_row);
  gtk_editable_set_text (GTK_EDITABLE (unit_row), "Vedette Slow");
  g_signal_emit_by_name (unit_row, "apply");
  units = tl_report_editor_dup_value (editor, TL_REPORT_FIELD_UNITS);
  g_assert_nonnull (strstr (units, "Vedette Slow"));
  wait_until (unit_known, filler, "the unit on the server");
  tl_report_editor_set_value (editor, TL_REPORT_FIELD_PEOPLE, "17");
  tl_report_editor_flush_draft (editor);
  wait_until (draft_kept, filler, "the draft on the server");

  g_source_remove (turn_id);
  g_clear_object (&filler);
  g_print ("pg-window-history-unit-longest-main-loop-gap-ms: %.1f (%u over %d ms)\n",
           turns.max_gap / 1000.0, turns.n_long, MAX_GAP_US / 1000);
  g_assert_cmpuint (turns.n_frames, >, 10);
  if (CHECK_GAPS)
    g_assert_cmpuint (turns.n_long, ==, 0);

  g_test_message ("pg-window-frames: %u in %.1f s", frames.n_frames,
                  (g_get_monotonic_time () - started) / 1e6);
  g_test_message ("pg-window-longest-frame-gap-ms: %.1f", frames.max_gap / 1000.0);
  g_print ("pg-window-longest-frame-gap-ms: %.1f (%u frames, %u over %d ms)\n",
           frames.max_gap / 1000.0, frames.n_frames, frames.n_long, MAX_GAP_US / 1000);
  g_assert_cmpuint (frames.n_frames, >, 20);
  if (CHECK_GAPS)
    g_assert_cmpuint (frames.n_long, ==, 0);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&store);
  proxy_stop (proxy);
}

/* The server away */

typedef struct {
  guint n_done;
  guint n_kept;
} Saves;

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Saves *saves = user_data;
  g_autoptr(GError) error = NULL;
  gboolean kept = FALSE;

  tl_store_save_event_finish (TL_STORE (object), result, &kept, NULL, &error);
  g_assert_no_error (error);
  saves->n_done++;
  saves->n_kept += kept;
}

static void
wait_for_unsent (TlStore    *store,
                 guint       n,
                 const char *what)
{
  guint deadline = g_timeout_add_seconds (DEADLINE_S, deadline_cb, (gpointer) what);
  gint64 start = g_get_monotonic_time ();

  /* The outbox is a local file: counting it is no round trip. A short
   * timeout wakes the loop to look again. */
  while (tl_store_count_unsent (store) != n)
    {
      guint wake = g_timeout_add (20, wake_cb, NULL);

      g_main_context_iteration (NULL, TRUE);
      g_source_remove (wake);
    }
  g_source_remove (deadline);
  g_test_message ("%s after %.1f s", what, (g_get_monotonic_time () - start) / 1e6);
}

/* A desk whose server stops: five saves and a deletion are kept on the
 * desk (the row goes from the list at once), a second deletion is
 * undone before it is sent; the server starts again and the outbox is
 * sent from the store's worker while the window keeps drawing; every
 * report arrives once, the deletion once, the undone one never. */
static void
test_server_away (void)
{
  g_autofree char *address = tl_test_store_address ("away.db");
  g_autoptr(TlStore) filler = NULL;
  g_autoptr(TlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gone_sql = NULL;
  g_autofree char *back_sql = NULL;
  Frames frames = { 0 };
  Frames turns = { 0 };
  Saves saves = { 0 };
  guint turn_id;
  gint64 day = today_start ();
  gint64 away_gap, drain_gap;
  guint away_long, drain_long;
  gint64 gone_id, undone_id;
  GListModel *events;
  TlWindow *window;
  guint tick_id;
  TlEvent *item;

  filler = tl_store_open (address, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    add_event (filler, day + 60 * i);
  g_clear_object (&filler);

  store = tl_store_open (address, &error);
  g_assert_no_error (error);
  window = tl_window_new (GTK_APPLICATION (tl_test_ui_get_app ()), store);
  g_object_ref (window);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &frames, NULL);
  gtk_window_present (GTK_WINDOW (window));
  events = tl_window_get_events (window);
  wait_for_items (events, 3, "today's reports");

  tl_test_store_pg_ctl ("stop");
  frames_restart (&frames);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(TlEvent) report = tl_event_new (TL_EVENT_KIND_RESCUE);
      g_autofree char *notes = g_strdup_printf ("Away %u", i);

      tl_event_set_time (report, day + 600 + 60 * i);
      tl_event_set_people (report, 10 + (int) i);
      tl_event_set_notes (report, notes);
      tl_store_save_event_async (store, report, TL_STORE_SAVE_PLAIN, 0, NULL, "Desk", NULL,
                                 kept_cb, &saves);
    }
  wait_for_unsent (store, 5, "five saves kept");

  /* Deleted from the window's own copy: kept, and gone from the list. */
  item = g_list_model_get_item (events, 0);
  gone_id = tl_event_get_id (item);
  g_object_unref (item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-report", "x", gone_id));
  wait_for_items (events, 2, "the deleted report gone from the list");
  g_assert_cmpuint (tl_store_count_unsent (store), ==, 6);

  /* Another deletion, undone before the server is back: never sent. */
  item = g_list_model_get_item (events, 0);
  undone_id = tl_event_get_id (item);
  g_object_unref (item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-report", "x", undone_id));
  wait_for_unsent (store, 7, "the second deletion kept");
  /* Its answer came before the list's next read did. */
  wait_for_items (events, 1, "the second deleted report gone from the list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "x", undone_id));
  wait_for_unsent (store, 6, "the second deletion undone");
  g_assert_cmpuint (saves.n_done, ==, 5);
  g_assert_cmpuint (saves.n_kept, ==, 5);
  away_gap = frames.max_gap;
  away_long = frames.n_long;

  /* While the outbox drains, the main loop itself is timed, the window
   * hidden: drawing a frame on a busy machine can take as long as the
   * bar, and drawing is not what this looks for. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  tl_test_store_pg_ctl ("start");
  turn_id = g_timeout_add (10, turn_cb, &turns);
  /* Sent from the worker, and read back into the list. */
  wait_for_unsent (store, 0, "the outbox sent");
  wait_for_items (events, 7, "the kept reports listed");
  g_source_remove (turn_id);
  drain_gap = turns.max_gap;
  drain_long = turns.n_long;
  g_assert_cmpuint (turns.n_frames, >, 10);

  g_print ("pg-window-away-longest-frame-gap-ms: %.1f (%u over %d ms)\n",
           away_gap / 1000.0, away_long, MAX_GAP_US / 1000);
  g_print ("pg-window-drain-longest-main-loop-gap-ms: %.1f (%u over %d ms)\n",
           drain_gap / 1000.0, drain_long, MAX_GAP_US / 1000);
  /* The bar is for the drain: while the server is away nothing waits
   * for it either, but a first toast's frame may take as long as the
   * bar on a busy machine. */
  if (CHECK_GAPS)
    g_assert_cmpuint (drain_long, ==, 0);

  /* Every report once; the deletion made once; the undone one never. */
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM events"), ==, 7);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM events WHERE notes LIKE 'Away %'"), ==, 5);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (DISTINCT notes) FROM events WHERE notes LIKE 'Away %'"),
                   ==, 5);
  gone_sql = g_strdup_printf ("SELECT count (*) FROM events WHERE id = %" G_GINT64_FORMAT, gone_id);
  g_assert_cmpint (tl_test_store_count_sql (address, gone_sql), ==, 0);
  back_sql = g_strdup_printf ("SELECT count (*) FROM events WHERE id = %" G_GINT64_FORMAT, undone_id);
  g_assert_cmpint (tl_test_store_count_sql (address, back_sql), ==, 1);
  g_assert_cmpint (tl_test_store_count_sql (address, "SELECT count (*) FROM audit WHERE action = 'delete'"), ==, 1);

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&store);
}

int
main (int   argc,
      char *argv[])
{
  /* Drawn by the CPU, as on most desks' virtual machines: GL through
   * Xvfb's software rasterizer costs seconds per frame on a busy core,
   * which would hide what this test looks for. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  tl_test_ui_init (&argc, &argv);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, log_cb, NULL);

  g_test_add_func ("/pg-window/slow-server", test_slow_server);
  g_test_add_func ("/pg-window/server-away", test_server_away);

  return tl_test_ui_run ();
}
