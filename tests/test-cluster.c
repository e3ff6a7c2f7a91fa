/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "tl-cluster.h"
#include "tl-labels.h"
#include "tl-route.h"

static void
project (double          lat,
         double          lon,
         TlClusterPoint *p)
{
  double s = sin (lat * G_PI / 180.0);

  p->x = (lon + 180.0) / 360.0;
  p->y = 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);
}

/* A dense cloud off Calais and a lone point off Brest. */
static GArray *
make_points (guint n_cloud)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (TlClusterPoint));
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n_cloud; i++)
    {
      TlClusterPoint p = { 0 };

      project (50.9 + g_rand_double_range (rand, -0.1, 0.1),
               1.6 + g_rand_double_range (rand, -0.1, 0.1), &p);
      p.id = i;
      p.category = i % 10 == 0 ? 3 : 1;
      g_array_append_val (points, p);
    }
  {
    TlClusterPoint p = { 0 };

    project (48.4, -4.5, &p);
    p.id = n_cloud;
    p.category = 5;
    g_array_append_val (points, p);
  }
  g_rand_free (rand);
  return points;
}

static guint
total_count (const TlClusterIndex *index,
             int                   level)
{
  const TlCluster *clusters;
  guint n, total = 0;

  clusters = tl_cluster_index_get_clusters (index, level, &n);
  for (guint i = 0; i < n; i++)
    total += clusters[i].count;
  return total;
}

static void
test_levels (void)
{
  g_autoptr(GArray) points = make_points (1000);
  g_autoptr(TlClusterIndex) index = NULL;
  const TlCluster *clusters;
  guint n, n_prev = 0;

  index = tl_cluster_index_new ((TlClusterPoint *) points->data, points->len, 17, 48);
  g_assert_cmpuint (tl_cluster_index_get_max_zoom (index), ==, 17);

  /* Every level holds every point exactly once. */
  for (int l = 0; l <= 17; l++)
    g_assert_cmpuint (total_count (index, l), ==, 1001);

  /* At zoom 5 the cloud is one cluster, Brest another. */
  clusters = tl_cluster_index_get_clusters (index, 5, &n);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      if (clusters[i].count == 1)
        {
          g_assert_cmpuint (clusters[i].first, ==, 1000);
          g_assert_cmpuint (clusters[i].category, ==, 5);
        }
      else
        {
          g_assert_cmpuint (clusters[i].count, ==, 1000);
          g_assert_cmpuint (clusters[i].category, ==, 1);
        }
    }

  /* Clusters split as the map zooms in, and never merge. */
  for (int l = 0; l <= 17; l++)
    {
      tl_cluster_index_get_clusters (index, l, &n);
      g_assert_cmpuint (n, >=, n_prev);
      n_prev = n;
    }
  g_assert_cmpuint (n_prev, >, 500);

  g_assert_cmpint (tl_cluster_index_level_for_zoom (index, 9.7), ==, 9);
  g_assert_cmpint (tl_cluster_index_level_for_zoom (index, 30), ==, 17);
  g_assert_cmpint (tl_cluster_index_level_for_zoom (index, -1), ==, 0);
}

static void
test_query (void)
{
  g_autoptr(GArray) points = make_points (5000);
  g_autoptr(TlClusterIndex) index = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  const TlCluster *clusters;
  TlClusterPoint centre;
  TlClusterBox box;
  double world = 256.0 * exp2 (12);
  guint n, inside = 0, found_inside = 0;

  index = tl_cluster_index_new ((TlClusterPoint *) points->data, points->len, 17, 48);
  clusters = tl_cluster_index_get_clusters (index, 12, &n);

  /* An 800 × 600 view over the cloud at zoom 12. */
  project (50.9, 1.6, &centre);
  box.minx = centre.x - 400 / world;
  box.maxx = centre.x + 400 / world;
  box.miny = centre.y - 300 / world;
  box.maxy = centre.y + 300 / world;
  tl_cluster_index_query (index, 12, &box, found);

  for (guint i = 0; i < n; i++)
    if (clusters[i].x >= box.minx && clusters[i].x <= box.maxx &&
        clusters[i].y >= box.miny && clusters[i].y <= box.maxy)
      inside++;
  for (guint i = 0; i < found->len; i++)
    {
      const TlCluster *c = &clusters[g_array_index (found, guint, i)];

      if (c->x >= box.minx && c->x <= box.maxx && c->y >= box.miny && c->y <= box.maxy)
        found_inside++;
    }
  /* Everything visible is found, and not much more. */
  g_assert_cmpuint (inside, >, 0);
  g_assert_cmpuint (found_inside, ==, inside);
  g_assert_cmpuint (found->len, <, n);

  /* Brest is not near the view. */
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpuint (clusters[g_array_index (found, guint, i)].first, !=, 5000);

  /* A box off the world finds nothing. */
  g_array_set_size (found, 0);
  box = (TlClusterBox) { 2, 2, 3, 3 };
  tl_cluster_index_query (index, 12, &box, found);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_hit_and_members (void)
{
  g_autoptr(GArray) points = make_points (1000);
  g_autoptr(TlClusterIndex) index = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  const TlCluster *clusters;
  guint n, hit, counts[TL_CLUSTER_MAX_CATEGORIES];
  TlClusterBox box;
  double world = 256.0 * exp2 (5.5), zoom;

  index = tl_cluster_index_new ((TlClusterPoint *) points->data, points->len, 17, 48);
  clusters = tl_cluster_index_get_clusters (index, 5, &n);

  /* Hit the big cluster a few pixels off its centre. */
  for (guint i = 0; i < n; i++)
    if (clusters[i].count == 1000)
      {
        g_assert_true (tl_cluster_index_hit (index, 5, world,
                                             clusters[i].x * world + 5,
                                             clusters[i].y * world - 5, 10, 18, &hit));
        g_assert_cmpuint (hit, ==, i);
        g_assert_false (tl_cluster_index_hit (index, 5, world,
                                              clusters[i].x * world + 30,
                                              clusters[i].y * world, 10, 18, &hit));
      }

  g_assert_true (tl_cluster_index_hit (index, 5, world, 0, 0, 1e9, 1e9, &hit));
  tl_cluster_index_get_members (index, 5, hit, members, &box, counts);
  g_assert_cmpuint (members->len, ==, clusters[hit].count);
  g_assert_cmpuint (counts[1] + counts[3] + counts[5], ==, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      const TlClusterPoint *p = tl_cluster_index_get_point (index, g_array_index (members, guint, i));

      g_assert_cmpfloat (p->x, >=, box.minx);
      g_assert_cmpfloat (p->x, <=, box.maxx);
    }

  /* Zooming to fit the cloud goes deeper than the level it clustered at,
   * so clicking a cluster splits it. */
  for (guint i = 0; i < n; i++)
    if (clusters[i].count == 1000)
      {
        tl_cluster_index_get_members (index, 5, i, NULL, &box, NULL);
        zoom = tl_cluster_zoom_to_fit (&box, 800, 600, 40, 17);
        g_assert_cmpfloat (zoom, >, 6);
        g_assert_cmpfloat (zoom, <, 12);
      }

  /* A single point fits at the deepest zoom. */
  box = (TlClusterBox) { 0.5, 0.5, 0.5, 0.5 };
  g_assert_cmpfloat (tl_cluster_zoom_to_fit (&box, 800, 600, 40, 16), ==, 16);
}

static void
test_empty (void)
{
  g_autoptr(TlClusterIndex) index = tl_cluster_index_new (NULL, 0, 17, 48);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  TlClusterBox box = { 0, 0, 1, 1 };
  guint n, hit;

  tl_cluster_index_get_clusters (index, 3, &n);
  g_assert_cmpuint (n, ==, 0);
  tl_cluster_index_query (index, 3, &box, found);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_false (tl_cluster_index_hit (index, 3, 2048, 100, 100, 10, 10, &hit));
}

static void
test_labels (void)
{
  TlLabel labels[] = {
    /* A beach right next to a port: the port wins the right side. */
    { .x = 100, .y = 100, .width = 80, .height = 14, .priority = 3 },
    { .x = 100, .y = 104, .width = 80, .height = 14, .priority = 0 },
    /* Far away, alone. */
    { .x = 400, .y = 300, .width = 60, .height = 14, .priority = 3 },
    /* Off screen. */
    { .x = -500, .y = 300, .width = 60, .height = 14, .priority = 0 },
  };
  guint placed = tl_labels_place (labels, G_N_ELEMENTS (labels), NULL, 0, 640, 480, 4);

  g_assert_cmpuint (placed, ==, 3);
  g_assert_true (labels[1].placed);
  g_assert_cmpfloat (labels[1].left, ==, 104);
  g_assert_true (labels[0].placed);
  g_assert_cmpfloat (labels[0].left, <, 100);   /* pushed to the left */
  g_assert_true (labels[2].placed);
  g_assert_false (labels[3].placed);

  /* No two placed labels overlap. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (labels); j++)
      if (labels[i].placed && labels[j].placed)
        g_assert_false (labels[i].left < labels[j].left + labels[j].width &&
                        labels[j].left < labels[i].left + labels[i].width &&
                        labels[i].top < labels[j].top + labels[j].height &&
                        labels[j].top < labels[i].top + labels[i].height);
}

/* The label's box, with the gap the placement keeps around it, is clear
 * of every obstacle. */
static void
assert_clear_of (const TlLabel         *label,
                 const TlLabelObstacle *obstacles,
                 guint                  n_obstacles,
                 double                 gap)
{
  g_assert_true (label->placed);
  for (guint k = 0; k < n_obstacles; k++)
    {
      const TlLabelObstacle *o = &obstacles[k];

      g_assert_false (label->left - gap / 2 < o->x + o->width &&
                      o->x < label->left + label->width + gap / 2 &&
                      label->top - gap / 2 < o->y + o->height &&
                      o->y < label->top + label->height + gap / 2);
    }
}

static void
test_labels_avoid_obstacles (void)
{
  /* A cluster bubble right of a port, where its name would go first. */
  TlLabelObstacle bubble[] = { { .x = 108, .y = 90, .width = 30, .height = 30 } };
  TlLabel label = { .x = 100, .y = 105, .width = 60, .height = 14 };

  g_assert_cmpuint (tl_labels_place (&label, 1, bubble, G_N_ELEMENTS (bubble), 640, 480, 4), ==, 1);
  assert_clear_of (&label, bubble, G_N_ELEMENTS (bubble), 4);
  /* The next side in order: the left. */
  g_assert_cmpfloat (label.left, ==, 100 - 4 - 60);
  g_assert_cmpfloat (label.top, ==, 105 - 7);
}

static void
test_labels_fall_back (void)
{
  /* Markers right, left and above the point: the name goes below. */
  TlLabelObstacle sides[] = {
    { .x = 123, .y = 96, .width = 23, .height = 18 },
    { .x = 54, .y = 96, .width = 23, .height = 18 },
    { .x = 60, .y = 60, .width = 80, .height = 28 },
  };
  /* Below and three corners blocked too: only the corner below right is
   * free. */
  TlLabelObstacle boxed[] = {
    { .x = 130, .y = 96, .width = 16, .height = 9 },
    { .x = 54, .y = 96, .width = 16, .height = 9 },
    { .x = 60, .y = 60, .width = 80, .height = 28 },
    { .x = 78, .y = 115, .width = 22, .height = 10 },
  };
  TlLabel label = { .x = 100, .y = 105, .width = 40, .height = 14 };

  g_assert_cmpuint (tl_labels_place (&label, 1, sides, G_N_ELEMENTS (sides), 640, 480, 4), ==, 1);
  assert_clear_of (&label, sides, G_N_ELEMENTS (sides), 4);
  g_assert_cmpfloat (label.left, ==, 100 - 20);
  g_assert_cmpfloat (label.top, ==, 105 + 4);

  g_assert_cmpuint (tl_labels_place (&label, 1, boxed, G_N_ELEMENTS (boxed), 640, 480, 4), ==, 1);
  assert_clear_of (&label, boxed, G_N_ELEMENTS (boxed), 4);
  g_assert_cmpfloat_with_epsilon (label.left, 100 + 4 * G_SQRT2 / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (label.top, 105 + 4 * G_SQRT2 / 2, 1e-9);
}

static void
test_labels_around_covered_point (void)
{
  /* A port under a cluster bubble is named next to the bubble. */
  TlLabelObstacle bubble[] = { { .x = 85, .y = 90, .width = 30, .height = 30 } };
  TlLabel label = { .x = 100, .y = 105, .width = 60, .height = 14 };

  g_assert_cmpuint (tl_labels_place (&label, 1, bubble, G_N_ELEMENTS (bubble), 640, 480, 4), ==, 1);
  assert_clear_of (&label, bubble, G_N_ELEMENTS (bubble), 4);
  g_assert_cmpfloat (label.left, ==, 115 + 4);
  g_assert_cmpfloat (label.top, ==, 105 - 7);
}

static void
test_labels_dropped (void)
{
  /* Markers all around the point, and a label of higher priority that
   * takes the one gap left: nothing fits, the name is not shown. */
  TlLabelObstacle ring[] = {
    { .x = 0, .y = 0, .width = 640, .height = 98 },
    { .x = 0, .y = 112, .width = 640, .height = 368 },
    { .x = 0, .y = 98, .width = 90, .height = 14 },
  };
  TlLabel labels[] = {
    { .x = 100, .y = 105, .width = 60, .height = 10, .priority = 3 },
    { .x = 96, .y = 105, .width = 400, .height = 10, .priority = 0 },
  };

  g_assert_cmpuint (tl_labels_place (labels, G_N_ELEMENTS (labels), ring, G_N_ELEMENTS (ring),
                                     640, 480, 0), ==, 1);
  g_assert_true (labels[1].placed);
  g_assert_false (labels[0].placed);

  /* With no label in the way, the same name fits in the gap. */
  g_assert_cmpuint (tl_labels_place (labels, 1, ring, G_N_ELEMENTS (ring), 640, 480, 0), ==, 1);
  assert_clear_of (&labels[0], ring, G_N_ELEMENTS (ring), 0);

  /* A wall of markers across the whole view drops every label. */
  {
    TlLabelObstacle wall = { .x = 0, .y = 0, .width = 640, .height = 480 };

    g_assert_cmpuint (tl_labels_place (labels, G_N_ELEMENTS (labels), &wall, 1, 640, 480, 4), ==, 0);
    g_assert_false (labels[0].placed);
    g_assert_false (labels[1].placed);
  }
}

static void
test_labels_right_last (void)
{
  const double d = 4 * G_SQRT2 / 2;
  /* Thin marks left, above and below the point, each in the way of one
   * side but of no corner above. */
  TlLabelObstacle three_sides[] = {
    { .x = 80, .y = 106, .width = 10, .height = 6 },
    { .x = 99, .y = 80, .width = 2, .height = 6 },
    { .x = 99, .y = 120, .width = 2, .height = 6 },
  };
  /* Everything but the right of the point taken. */
  TlLabelObstacle gap_on_right[] = {
    { .x = 0, .y = 0, .width = 640, .height = 96 },
    { .x = 0, .y = 114, .width = 640, .height = 366 },
    { .x = 0, .y = 96, .width = 90, .height = 18 },
  };
  TlLabelObstacle on_left = { .x = 40, .y = 100, .width = 20, .height = 10 };
  TlLabel label = { .x = 100, .y = 105, .width = 40, .height = 14, .right_last = TRUE };
  TlLabel plain = { .x = 100, .y = 105, .width = 40, .height = 14 };

  /* Alone, it goes to the left... */
  g_assert_cmpuint (tl_labels_place (&label, 1, NULL, 0, 640, 480, 4), ==, 1);
  g_assert_cmpfloat (label.left, ==, 100 - 4 - 40);
  g_assert_cmpfloat (label.top, ==, 105 - 7);

  /* ...above when the left is taken... */
  g_assert_cmpuint (tl_labels_place (&label, 1, &on_left, 1, 640, 480, 4), ==, 1);
  assert_clear_of (&label, &on_left, 1, 4);
  g_assert_cmpfloat (label.left, ==, 100 - 20);
  g_assert_cmpfloat (label.top, ==, 105 - 4 - 14);

  /* ...in the corner above on the left rather than on the free right,
   * which a label without the flag takes... */
  g_assert_cmpuint (tl_labels_place (&label, 1, three_sides, G_N_ELEMENTS (three_sides),
                                     640, 480, 4), ==, 1);
  assert_clear_of (&label, three_sides, G_N_ELEMENTS (three_sides), 4);
  g_assert_cmpfloat_with_epsilon (label.left, 100 - d - 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (label.top, 105 - d - 14, 1e-9);
  g_assert_cmpuint (tl_labels_place (&plain, 1, three_sides, G_N_ELEMENTS (three_sides),
                                     640, 480, 4), ==, 1);
  g_assert_cmpfloat (plain.left, ==, 100 + 4);

  /* ...and on the right when nothing else is free. */
  g_assert_cmpuint (tl_labels_place (&label, 1, gap_on_right, G_N_ELEMENTS (gap_on_right),
                                     640, 480, 4), ==, 1);
  assert_clear_of (&label, gap_on_right, G_N_ELEMENTS (gap_on_right), 4);
  g_assert_cmpfloat (label.left, ==, 100 + 4);
  g_assert_cmpfloat (label.top, ==, 105 - 7);

  /* A place name and a time on the same point share it: the name on the
   * right, the time on the left, whichever is placed first. */
  for (int first = 0; first < 2; first++)
    {
      TlLabel both[] = { plain, label };

      both[0].priority = first;
      both[1].priority = 1 - first;
      g_assert_cmpuint (tl_labels_place (both, 2, NULL, 0, 640, 480, 4), ==, 2);
      g_assert_cmpfloat (both[0].left, ==, 100 + 4);
      g_assert_cmpfloat (both[1].left, ==, 100 - 4 - 40);
    }
}

static void
test_route (void)
{
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_false (tl_route_parse (NULL, pts));
  g_assert_false (tl_route_parse ("{\"boat_ref\":\"A1\"}", pts));
  g_assert_false (tl_route_parse ("{\"route\": [[1.5, 50.9]]}", pts));
  g_assert_false (tl_route_parse ("{\"route\": \"north\"}", pts));
  g_assert_false (tl_route_parse ("{\"route\": [", pts));
  g_assert_cmpuint (pts->len, ==, 0);

  g_assert_true (tl_route_parse ("{\"route\": [[1.5, 50.9], \"x\", [\"1\", 2], [400, 1], [1, 51]]}", pts));
  g_assert_cmpuint (pts->len, ==, 4);
  g_assert_cmpfloat (g_array_index (pts, double, 0), ==, 1.5);
  g_assert_cmpfloat (g_array_index (pts, double, 1), ==, 50.9);
  g_assert_cmpfloat (g_array_index (pts, double, 3), ==, 51);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cluster/levels", test_levels);
  g_test_add_func ("/cluster/query", test_query);
  g_test_add_func ("/cluster/hit-and-members", test_hit_and_members);
  g_test_add_func ("/cluster/empty", test_empty);
  g_test_add_func ("/labels/place", test_labels);
  g_test_add_func ("/labels/avoid-obstacles", test_labels_avoid_obstacles);
  g_test_add_func ("/labels/fall-back", test_labels_fall_back);
  g_test_add_func ("/labels/around-covered-point", test_labels_around_covered_point);
  g_test_add_func ("/labels/dropped", test_labels_dropped);
  g_test_add_func ("/labels/right-last", test_labels_right_last);
  g_test_add_func ("/route/parse", test_route);

  return g_test_run ();
}
