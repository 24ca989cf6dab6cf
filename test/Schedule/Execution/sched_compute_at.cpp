// compute_at: a producer nest fused into the consumer's outer loop (a row at a time),
// one fused at the innermost level (an element at a time), and a producer whose slice
// covers a 3-wide neighbourhood of each consumer iteration
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_compute_at(const int A[5][6], int B[5][6], int C[5][6], const int V[12],
                                       int W[10]) {
  int T[5][6];
  prod:
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 6; j++)
      T[i][j] = A[i][j] * 3 - i;
  cons:
  for (int r = 0; r < 5; r++)
    for (int c = 0; c < 6; c++)
      B[r][c] = T[r][c] + T[r][5 - c];
  int U[5][6];
  prod2:
  for (int p = 0; p < 5; p++)
    for (int q = 0; q < 6; q++)
      U[p][q] = A[p][q] + q;
  cons2:
  for (int x = 0; x < 5; x++)
    for (int y = 0; y < 6; y++)
      C[x][y] = U[x][y] * U[x][y];
  int S[12];
  prod3:
  for (int k = 0; k < 12; k++)
    S[k] = V[k] * 2 + 1;
  cons3:
  for (int w = 0; w < 10; w++)
    W[w] = S[w] + S[w + 1] - S[w + 2];
}
ALLO_DIFFTEST(sched_compute_at)
