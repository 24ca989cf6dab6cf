// buffer_at: a GEMM row buffer of C (read and written: copy-in and write-back), a row
// written completely (write-back only), a tile written only in part (copy-in kept), a
// 2-D tile whose origin moves with a split loop, and a 1-element buffer
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 6;
constexpr int M = 5;
constexpr int K = 4;

[[allo::kernel]] void sched_buffer_at(const int A[N][K], const int B[K][M], int C[N][M], int D[N][M],
                                      int E[8][10], int F[8][10]) {
  gemm:
  for (int i = 0; i < N; i++)
    for (int k = 0; k < K; k++)
      for (int j = 0; j < M; j++)
        C[i][j] += A[i][k] * B[k][j];
  rows:
  for (int r = 0; r < N; r++)
    for (int c = 0; c < M; c++)
      D[r][c] = A[r][c % K] - c;
  tiles:
  for (int t = 0; t < 4; t++)
    for (int u = 0; u < 2; u++)
      for (int v = 0; v < 10; v += 2)
        E[2 * t + u][v] = t + u * v;
  scale:
  for (int p = 0; p < 8; p++)
    for (int q = 0; q < 10; q++)
      F[p][q] = F[p][q] * 2 + F[p][9 - q] + p;
}
ALLO_DIFFTEST(sched_buffer_at)
