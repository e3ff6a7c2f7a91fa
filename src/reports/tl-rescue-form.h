/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-rescue-report.h"
#include "tl-store.h"

G_BEGIN_DECLS

#define TL_TYPE_RESCUE_FORM (tl_rescue_form_get_type ())
G_DECLARE_FINAL_TYPE (TlRescueForm, tl_rescue_form, TL, RESCUE_FORM, AdwWindow)

TlRescueForm *tl_rescue_form_new              (TlStore       *store,
                                               const char    *operator_name,
                                               GTimeZone     *zone,
                                               gint64         day_start);
void          tl_rescue_form_set_position     (TlRescueForm  *self,
                                               double         latitude,
                                               double         longitude);
GtkWidget    *tl_rescue_form_get_field_widget (TlRescueForm  *self,
                                               TlRescueField  field);
const char   *tl_rescue_form_get_message      (TlRescueForm  *self,
                                               TlRescueField  field);

G_END_DECLS
