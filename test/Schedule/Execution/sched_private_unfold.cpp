// unfold over loops with private scalars: each PE gets its own accumulator,
// also when the next loop nest uses the same variable (declared at the top,
// PolyBench style); a split loop unfolded into PEs that each keep a temporary
#include <allo/allo.h>
#include "DiffTest.h"

#define N 4

[[allo::kernel]] void sched_private_unfold(const int A[N][N], int C[N], int D[N], int E[N][8]) {
  int i, j, acc;
  for (i = 0; i < N; i++) {
    acc = 0;
    for (j = 0; j < N; j++)
      acc += A[i][j] * (j + 1);
    C[i] = acc;
  }
  for (i = 0; i < N; i++) {
    acc = 1;
    for (j = 0; j < N; j++)
      acc = acc * 3 + A[j][i];
    D[i] = acc;
  }
  for (i = 0; i < N; i++)
    for (j = 0; j < 8; j++) {
      int t = A[i][j % N] - j;
      E[i][j] = t * t;
    }
}
ALLO_DIFFTEST_RANGE(sched_private_unfold, -50, 50)
