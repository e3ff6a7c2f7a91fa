/* SPDX-License-Identifier: GPL-3.0-or-later */
/* placeholder: being written */
typedef int tl_placeholder_tl_time;
