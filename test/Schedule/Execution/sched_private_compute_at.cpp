// compute_at with a private scalar: the producer's temporary, which the
// consumer uses as well (one variable for both nests, declared at the top)
#include <allo/allo.h>
#include "DiffTest.h"

#define N 6

[[allo::kernel]] void sched_private_compute_at(const float A[N][N], float C[N][N]) {
  float T[N][N];
  float t;
  int i, j;
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++) {
      t = A[i][j] * 2;
      T[i][j] = t + 1;
    }
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++) {
      t = T[i][j];
      C[i][j] = t * t - T[i][N - 1 - j];
    }
}
ALLO_DIFFTEST(sched_private_compute_at)
