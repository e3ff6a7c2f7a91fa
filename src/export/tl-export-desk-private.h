/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "tl-export-desk.h"

G_BEGIN_DECLS

struct _TlExportDesk
{
  GObject               parent_instance;

  /* borrowed: the window owns the desk */
  GtkApplicationWindow *window;
  AdwToastOverlay      *toasts;
  TlMapView            *map_view;

  /* owned */
  TlStore              *store;
  TlReview             *review;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkWindow            *dialog;       /* the one dialog open, if any */
  AdwEntryRow          *briefing_title_row;
  AdwEntryRow          *briefing_marking_row;
  GtkSwitch            *briefing_handover_switch;
  AdwEntryRow          *briefing_since_row;
};

void                  tl_export_desk_show_error        (TlExportDesk *self,
                                                        const char   *message);
void                  tl_export_desk_toast_saved       (TlExportDesk *self,
                                                        const char   *path,
                                                        const char   *message);
void                  tl_export_desk_set_dialog        (TlExportDesk *self,
                                                        GtkWindow    *dialog);
GtkFileChooserNative *tl_export_desk_new_chooser       (TlExportDesk         *self,
                                                        const char           *title,
                                                        GtkFileChooserAction  action,
                                                        const char           *accept);
char                 *tl_export_desk_chooser_take_path (GtkNativeDialog *chooser,
                                                        int              response);
GPtrArray            *tl_export_desk_copy_shown_events (TlExportDesk *self);
char                 *tl_export_desk_get_operator_name (TlExportDesk *self);

void tl_export_desk_export_data_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data);
void tl_export_desk_import_data_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data);

G_END_DECLS
