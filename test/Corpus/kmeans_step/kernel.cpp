// One Lloyd iteration: points and centroids as arrays of structs, the nearest
// centroid by squared distance, the centroids recomputed in place, the total
// cost and the number of re-assigned points returned as a struct.
#include "kernel.h"

static float dist2(point_t a, point_t b) {
  float dx = a.x - b.x;
  float dy = a.y - b.y;
  return dx * dx + dy * dy;
}

step_result kmeans_step(const point_t points[NPOINTS], point_t centroids[NCLUSTERS],
                        int assign[NPOINTS]) {
  point_t sum[NCLUSTERS];
  int count[NCLUSTERS];
  int i, c;
  step_result res;
  res.cost = 0.0f;
  res.moved = 0;
  for (c = 0; c < NCLUSTERS; c++) {
    sum[c].x = 0.0f;
    sum[c].y = 0.0f;
    count[c] = 0;
  }
assign_loop:
  for (i = 0; i < NPOINTS; i++) {
#pragma HLS pipeline II=1
    point_t p = points[i];
    int best = 0;
    float best_d = dist2(p, centroids[0]);
    for (c = 1; c < NCLUSTERS; c++) {
      float d = dist2(p, centroids[c]);
      if (d < best_d) {
        best_d = d;
        best = c;
      }
    }
    if (assign[i] != best)
      res.moved++;
    assign[i] = best;
    sum[best].x += p.x;
    sum[best].y += p.y;
    count[best]++;
    res.cost += best_d;
  }
update:
  for (c = 0; c < NCLUSTERS; c++) {
    if (count[c] > 0) {
      centroids[c].x = sum[c].x / count[c];
      centroids[c].y = sum[c].y / count[c];
    }
  }
  return res;
}
