// Loop names that become unique after a step (gemm:j#1 split: gemm:j.inner, gemm:j.outer;
// k#0 fused with its inner loop: k.l.fused) and variables recovered from fused loops
// (named i, j in the emitted code): the scheduled design computes the same.
#include <allo/allo.h>
#include "DiffTest.h"

#define M 6
#define N 10

[[allo::kernel]] void sched_names(const int A[M][N], int bias[N], int C[M][N], int D[M][N]) {
  for (int j = 0; j < N; j++)
    bias[j] = bias[j] * 3 - j;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      C[i][j] = A[i][j] + bias[j] * i;
  for (int k = 0; k < M; k++)
    for (int l = 0; l < N; l++)
      D[k][l] = C[k][l] - A[k][N - 1 - l];
  for (int k = 0; k < N; k++)
    bias[k] += 1;
}
ALLO_DIFFTEST(sched_names)
