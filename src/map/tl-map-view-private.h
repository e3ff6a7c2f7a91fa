/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "tl-case-chain-layer.h"
#include "tl-coordinates.h"
#include "tl-incident-layer.h"
#include "tl-map-legend.h"
#include "tl-map-view.h"
#include "tl-measure-layer.h"
#include "tl-place-layer.h"
#include "tl-pulse-layer.h"
#include "tl-scale-bar.h"
#include "tl-sea-layer.h"

G_BEGIN_DECLS

struct _TlMapView
{
  GtkWidget           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  ShumateMap         *map;
  TlScaleBar         *scale_bar;
  GtkLabel           *attribution_label;
  GtkLabel           *pointer_label;
  GtkLabel           *measure_label;
  GtkPopoverMenu     *context_popover;
  GtkWidget          *pick_bar;
  GtkLabel           *pick_label;
  GtkWidget          *pick_done_button;

  /* owned */
  GSettings          *settings;
  ShumateMapSource   *basemap;
  GSimpleActionGroup *layer_actions;
  GtkNativeDialog    *file_chooser;

  /* borrowed: children of the map */
  ShumateMapLayer    *basemap_layer;
  TlPlaceLayer       *place_layer;
  TlIncidentLayer    *incident_layer;
  TlMeasureLayer     *measure_layer;
  TlCaseChainLayer   *chain_layer;
  TlPulseLayer       *pulse_layer;
  TlSeaLayer         *sea_layer;
  TlMeasureLayer     *pick_layer;       /* the points being picked */

  TlCoordinateFormat  format;
  gboolean            measuring;
  guint               basemap_idle;      /* replaces the basemap soon */
  TlMapPickMode       pick_mode;
  gint64              emphasis_time;     /* TL_TIME_NONE: no replay */
  guint               fit_tick_id;       /* fits the reports once sized */
  guint               fitting;           /* > 0: the map moves, not the user */
  gboolean            view_kept;         /* the user's view, not the reports' */

  /* the pointer, in map coordinates, for zooming around it */
  double              pointer_x;
  double              pointer_y;
  gboolean            has_pointer;

  /* where the context menu was opened */
  double              context_latitude;
  double              context_longitude;
};

enum {
  TL_MAP_VIEW_SIGNAL_NEW_REPORT_HERE,
  TL_MAP_VIEW_SIGNAL_SOURCE_ERROR,
  TL_MAP_VIEW_SIGNAL_PICKED,
  TL_MAP_VIEW_SIGNAL_PICK_FINISHED,
  TL_MAP_VIEW_SIGNAL_PICK_CANCELLED,
  TL_MAP_VIEW_N_SIGNALS
};

extern guint tl_map_view_signals[TL_MAP_VIEW_N_SIGNALS];

/* tl-map-view-layers.c */
void tl_map_view_layers_init       (TlMapView     *self);
void tl_map_view_layers_class_init (GtkWidgetClass *widget_class);
void tl_map_view_set_basemap       (TlMapView     *self);
void tl_map_view_report_error      (TlMapView     *self,
                                    const char    *message);

/* tl-map-view-fit.c */
void tl_map_view_fit_init          (TlMapView      *self);
void tl_map_view_fit_dispose       (TlMapView      *self);
void tl_map_view_fit_class_init    (GtkWidgetClass *widget_class);
void tl_map_view_set_view          (TlMapView      *self,
                                    double          latitude,
                                    double          longitude,
                                    double          zoom);

/* tl-map-view-pick.c */
void tl_map_view_pick_init         (TlMapView      *self);
void tl_map_view_pick_class_init   (GtkWidgetClass *widget_class);
gboolean tl_map_view_pick_undo     (TlMapView      *self);
gboolean tl_map_view_pick_cancel   (TlMapView      *self);

G_END_DECLS
