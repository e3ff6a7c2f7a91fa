/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What GTK 4.8 leaves out for a screen reader: names for icon buttons and
 * the buttons inside menu buttons and drop-downs, names that do not read
 * a mnemonic twice, and AT-SPI actions for check buttons and choice rows
 * (4.8 gives them none, so a form could not be filled through AT-SPI). */

void tl_accessible_name_tree          (GtkWidget   *root);
void tl_accessible_name_choice_menu  (GtkWidget      *menu_button,
                                      const char     *name,
                                      const char     *chosen);
void tl_accessible_name_menu_button   (GtkWidget   *menu_button);
void tl_accessible_name_drop_down     (GtkWidget   *drop_down,
                                       const char  *name);
void tl_accessible_add_check_action   (GtkCheckButton *check);
void tl_accessible_add_choice_actions (GtkWidget   *combo_row);
void tl_accessible_set_label          (GtkWidget   *widget,
                                       const char  *label);

G_END_DECLS
