/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tl-map-export-dialog.h"

G_BEGIN_DECLS

/* Shared by tl-map-export-dialog.c (the form, its preview and what it
 * writes) and tl-map-export-settings.c (what the form remembers). */

struct _TlMapExportDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkDrawingArea    *preview;
  GtkSpinner        *preview_spinner;
  AdwComboRow       *format_row;
  AdwComboRow       *size_row;
  AdwComboRow       *dpi_row;
  AdwEntryRow       *custom_size_row;
  AdwEntryRow       *title_row;
  AdwEntryRow       *subtitle_row;
  AdwEntryRow       *marking_row;
  AdwEntryRow       *operator_row;
  GtkSwitch         *coastline_switch;
  GtkSwitch         *borders_switch;
  GtkSwitch         *legend_switch;
  GtkSwitch         *scale_switch;
  GtkSwitch         *north_arrow_switch;
  GtkSwitch         *credits_switch;
  GtkSwitch         *dark_switch;
  AdwExpanderRow    *kinds_row;

  /* owned */
  GtkSwitch         *kind_switches[TL_EVENT_N_KINDS];  /* children of kinds_row */
  GSettings         *settings;
  GPtrArray         *events;          /* element-type TlEvent: the selection when opened */
  GTimeZone         *zone;
  TlFilter          *filter;
  GCancellable      *preview_cancellable;
  GCancellable      *cancellable;     /* cancelled on close */
  cairo_surface_t   *preview_surface;
  char              *preview_error;

  TlGeoBox           bbox;
  int                screen_width;
  int                screen_height;
  guint              preview_id;
  guint              n_previews;
  gboolean           syncing_settings; /* a row and its keys are being made to agree */
};

G_END_DECLS
