/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tl-store.h"

G_BEGIN_DECLS

/* Importing a CSV file of official daily figures: which column is which,
 * the first rows as the file has them, the rows that cannot be read with
 * their line numbers, and the import itself: every row, or, when asked,
 * the good ones only. */
#define TL_TYPE_STATISTICS_DIALOG (tl_statistics_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TlStatisticsDialog, tl_statistics_dialog, TL, STATISTICS_DIALOG, AdwWindow)

TlStatisticsDialog *tl_statistics_dialog_new    (GtkWindow          *parent,
                                                 TlStore            *store,
                                                 AdwToastOverlay    *toasts,
                                                 GBytes             *contents,
                                                 const char         *source);
gboolean            tl_statistics_dialog_can_import (TlStatisticsDialog *self);

G_END_DECLS
