/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib.h>
#include <math.h>

#include "tl-labels.h"
#include "tl-spread.h"

static gboolean
rects_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* Ten arrivals at Dover: one point, ten symbols to see. */
static void
test_same_point (void)
{
  TlSpreadSymbol symbols[10];
  guint a, b;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    symbols[i] = (TlSpreadSymbol) { .x = 200, .y = 100, .radius = 3 + (i % 3) };

  g_assert_true (tl_spread_find_overlap (symbols, G_N_ELEMENTS (symbols), NULL, NULL));
  g_assert_cmpuint (tl_spread_symbols (symbols, G_N_ELEMENTS (symbols), 1.0, 36), ==, 10);
  g_assert_false (tl_spread_find_overlap (symbols, G_N_ELEMENTS (symbols), &a, &b));
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      double d = hypot (symbols[i].draw_x - 200, symbols[i].draw_y - 100);

      g_assert_true (symbols[i].moved);
      g_assert_false (symbols[i].crowded);
      /* Around the point, near it: a wheel, not a scatter. */
      g_assert_cmpfloat (d, >, 3);
      g_assert_cmpfloat (d, <, 40);
    }
}

/* A symbol alone stays on its point; two apart stay too. */
static void
test_alone (void)
{
  TlSpreadSymbol symbols[] = {
    { .x = 10, .y = 10, .radius = 3 },
    { .x = 30, .y = 10, .radius = 3 },
    { .x = 100, .y = 100, .radius = 4 },
    { .x = 103, .y = 101, .radius = 4 },
  };

  g_assert_cmpuint (tl_spread_symbols (symbols, G_N_ELEMENTS (symbols), 1.0, 36), ==, 2);
  g_assert_false (symbols[0].moved);
  g_assert_cmpfloat (symbols[0].draw_x, ==, 10);
  g_assert_false (symbols[1].moved);
  g_assert_true (symbols[2].moved && symbols[3].moved);
  g_assert_false (tl_spread_find_overlap (symbols, G_N_ELEMENTS (symbols), NULL, NULL));
  /* Each on the side of its own point. */
  g_assert_cmpfloat (symbols[3].draw_x, >, symbols[2].draw_x);
}

/* A busy stretch of coast: groups that, spread, touch their neighbours
 * are merged and spread again until nothing overlaps. */
static void
test_busy_coast (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  TlSpreadSymbol symbols[60];
  guint a = 0, b = 0;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    symbols[i] = (TlSpreadSymbol) {
      .x = g_rand_double_range (rand, 0, 240),
      .y = g_rand_double_range (rand, 0, 160),
      .radius = g_rand_double_range (rand, 2.6, 4.4),
    };

  tl_spread_symbols (symbols, G_N_ELEMENTS (symbols), 0.6, 36);
  if (tl_spread_find_overlap (symbols, G_N_ELEMENTS (symbols), &a, &b))
    g_error ("symbols %u and %u overlap at (%g, %g) and (%g, %g)", a, b,
             symbols[a].draw_x, symbols[a].draw_y, symbols[b].draw_x, symbols[b].draw_y);
}

/* Too many for one wheel: left on their points, for the caller to count. */
static void
test_crowded (void)
{
  TlSpreadSymbol symbols[50];

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    symbols[i] = (TlSpreadSymbol) { .x = 50 + i * 0.1, .y = 50, .radius = 3 };

  g_assert_cmpuint (tl_spread_symbols (symbols, G_N_ELEMENTS (symbols), 1.0, 36), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      g_assert_true (symbols[i].crowded);
      g_assert_cmpfloat (symbols[i].draw_x, ==, symbols[i].x);
    }
}

/* Names around spread symbols, as a printed map places them: every name
 * is placed (some with a leader line), and no name overlaps another or a
 * symbol. */
static void
test_labels_lead (void)
{
  TlSpreadSymbol symbols[10];
  TlLabelObstacle obstacles[G_N_ELEMENTS (symbols)];
  /* Dover, Folkestone and others, the names all wanting the same place. */
  TlLabel labels[8];
  guint n_leaders = 0;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    symbols[i] = (TlSpreadSymbol) { .x = 200, .y = 100, .radius = 4 };
  tl_spread_symbols (symbols, G_N_ELEMENTS (symbols), 0.6, 36);
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    obstacles[i] = (TlLabelObstacle) { symbols[i].draw_x - 4, symbols[i].draw_y - 4, 8, 8 };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    labels[i] = (TlLabel) {
      .x = 200 + (i % 4) * 3.0, .y = 100 + (i / 4) * 3.0,
      .width = 40, .height = 9, .priority = (int) i, .may_lead = TRUE,
    };

  g_assert_cmpuint (tl_labels_place (labels, G_N_ELEMENTS (labels), obstacles, G_N_ELEMENTS (obstacles),
                                     400, 200, 2.0), ==, G_N_ELEMENTS (labels));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const TlLabel *l = &labels[i];

      g_assert_true (l->placed);
      n_leaders += l->leader;
      g_assert_cmpfloat (l->left, >=, 0);
      g_assert_cmpfloat (l->top, >=, 0);
      g_assert_cmpfloat (l->left + l->width, <=, 400);
      g_assert_cmpfloat (l->top + l->height, <=, 200);
      for (guint j = i + 1; j < G_N_ELEMENTS (labels); j++)
        g_assert_false (rects_overlap (l->left, l->top, l->width, l->height,
                                       labels[j].left, labels[j].top, labels[j].width, labels[j].height));
      for (guint k = 0; k < G_N_ELEMENTS (obstacles); k++)
        g_assert_false (rects_overlap (l->left, l->top, l->width, l->height,
                                       obstacles[k].x, obstacles[k].y, obstacles[k].width, obstacles[k].height));
    }
  /* Eight names on one spot: most have to move out. */
  g_assert_cmpuint (n_leaders, >, 0);
}

/* Without may_lead, a name with no free spot beside its point is left
 * out, as the window's map does. */
static void
test_labels_no_lead (void)
{
  TlLabel labels[8];
  guint n_placed;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    labels[i] = (TlLabel) { .x = 200, .y = 100, .width = 40, .height = 9, .priority = (int) i };

  n_placed = tl_labels_place (labels, G_N_ELEMENTS (labels), NULL, 0, 400, 200, 2.0);
  g_assert_cmpuint (n_placed, <, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_assert_false (labels[i].leader);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/spread/same-point", test_same_point);
  g_test_add_func ("/spread/alone", test_alone);
  g_test_add_func ("/spread/busy-coast", test_busy_coast);
  g_test_add_func ("/spread/crowded", test_crowded);
  g_test_add_func ("/spread/labels-lead", test_labels_lead);
  g_test_add_func ("/spread/labels-no-lead", test_labels_no_lead);

  return g_test_run ();
}
