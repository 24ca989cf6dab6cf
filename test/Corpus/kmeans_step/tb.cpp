#include <cstdio>
#include "kernel.h"

int main() {
  point_t points[NPOINTS];
  point_t centroids[NCLUSTERS] = {{0.0f, 0.0f}, {1.0f, 0.0f}, {0.0f, 1.0f}, {1.0f, 1.0f}};
  int assign[NPOINTS];
  for (int i = 0; i < NPOINTS; i++) {
    int cluster = i % 4;
    points[i].x = (cluster & 1) * 4.0f + (float)((i * 13) % 17) / 17.0f;
    points[i].y = (cluster >> 1) * 3.0f + (float)((i * 7) % 19) / 19.0f;
    assign[i] = -1;
  }
  for (int it = 0; it < 4; it++) {
    step_result r = kmeans_step(points, centroids, assign);
    printf("iter %d cost %a moved %d\n", it, r.cost, r.moved);
    for (int c = 0; c < NCLUSTERS; c++)
      printf("  centroid %d = (%a, %a)\n", c, centroids[c].x, centroids[c].y);
  }
  for (int i = 0; i < NPOINTS; i++)
    printf("%d", assign[i]);
  printf("\n");
  return 0;
}
