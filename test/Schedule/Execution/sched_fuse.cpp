// fuse: a 2-deep nest, a 3-deep nest around an inner loop (with a non-zero start and a
// stride), and the two halves of a split loop
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_fuse(const int A[6][7], int B[6][7], int C[4][3][5], int D[12]) {
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 7; j++)
      B[i][j] = A[i][j] * (i + 1) - j;
  for (int p = 2; p < 10; p += 2)
    for (int q = 0; q < 3; q++)
      for (int r = 0; r < 5; r++) {
        int s = 0;
        for (int t = 0; t <= r; t++)
          s += A[(p - 2) / 2][t] + q;
        C[p / 2 - 1][q][r] = s;
      }
  for (int x = 0; x < 12; x++)
    D[x] = A[x % 6][x % 7] + x;
}
ALLO_DIFFTEST(sched_fuse)
