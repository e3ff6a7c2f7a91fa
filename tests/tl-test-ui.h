/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-application.h"
#include "tl-store.h"
#include "tl-window.h"

G_BEGIN_DECLS

/* What every widget test needs: scratch user dirs, GTK and libadwaita,
 * one registered application, and a fresh store per test. */

typedef struct {
  char          *path;
  TlApplication *app;
  TlStore       *store;
} TlTestFixture;

void           tl_test_ui_init        (int            *argc,
                                       char         ***argv);
int            tl_test_ui_run         (void);
TlApplication *tl_test_ui_get_app     (void);
void           tl_test_iterate        (guint           ms);
void           tl_test_fixture_set_up (TlTestFixture  *fixture,
                                       gconstpointer   data);
void           tl_test_fixture_tear_down (TlTestFixture *fixture,
                                       gconstpointer   data);
TlWindow      *tl_test_present_window (TlTestFixture  *fixture);
void           tl_test_close_window   (TlWindow       *window);
GtkWindow     *tl_test_wait_for_report_form (TlWindow *window);
GtkWidget     *tl_test_find_widget    (GtkWidget      *root,
                                       GType           type);
GtkWidget     *tl_test_find_row       (GtkWidget      *root,
                                       const char     *title);

#define tl_test_add(path, func) \
  g_test_add ((path), TlTestFixture, NULL, tl_test_fixture_set_up, (func), tl_test_fixture_tear_down)

G_END_DECLS
