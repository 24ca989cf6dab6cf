// reorder over loops whose body has a private scalar: a matrix product with its
// accumulator declared in the body and `int i, j, k;` declared at the top
// (i, j interchanged), and a band whose temporary is written on both branches
// of an if (j, i interchanged after splitting i)
#include <allo/allo.h>
#include "DiffTest.h"

#define N 6
#define M 8

[[allo::kernel]] void sched_private_reorder(const float A[N][M], const float B[M][N], float C[N][N],
                                            const int P[M][M], int Q[M][M]) {
  int i, j, k;
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++) {
      float acc = 0;
      for (k = 0; k < M; k++)
        acc += A[i][k] * B[k][j];
      C[i][j] = acc;
    }
  int t;
  for (i = 0; i < M; i++)
    for (j = 0; j < M; j++) {
      if (P[i][j] > 0)
        t = P[i][j] * 2;
      else
        t = -P[i][j];
      Q[i][j] = t + i - j;
    }
}
ALLO_DIFFTEST(sched_private_reorder)
