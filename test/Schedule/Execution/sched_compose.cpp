// compose: the kernel calls a helper twice; the helper's loops are customized
// by a sub-schedule (sched_compose.tile.json, composed by sched_compose.json):
// a non-dividing split, a pipeline and an unroll of the helper's loops.
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int R = 10;
constexpr int C = 6;

void row_scale(const int A[R][C], int B[R][C], int k) {
  rows:
  for (int i = 0; i < R; i++) {
    cols:
    for (int j = 0; j < C; j++)
      B[i][j] = A[i][j] * k + i - j;
  }
}

[[allo::kernel]] void sched_compose(const int A[R][C], int B[R][C], int D[R][C], int sum[R]) {
  row_scale(A, B, 3);
  row_scale(B, D, -2);
  total:
  for (int i = 0; i < R; i++) {
    int s = 0;
    for (int j = 0; j < C; j++)
      s += D[i][j];
    sum[i] = s;
  }
}
ALLO_DIFFTEST(sched_compose)
