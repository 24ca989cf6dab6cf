#ifndef KMEANS_STEP_H
#define KMEANS_STEP_H

#define NPOINTS 64
#define NCLUSTERS 4

struct point_t {
  float x;
  float y;
};

struct step_result {
  float cost;
  int moved;
};

step_result kmeans_step(const point_t points[NPOINTS], point_t centroids[NCLUSTERS],
                        int assign[NPOINTS]);
#endif
