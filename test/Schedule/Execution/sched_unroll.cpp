// unroll in the IR: by a factor with a remainder loop (10 by 4), fully (a loop holding
// another loop), by a dividing factor, by a factor larger than the trip count, and
// with a single remaining main iteration (6 by 4)
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_unroll(const int A[10], int B[10], int C[3][4], int D[8], int E[6]) {
  for (int i = 0; i < 10; i++)
    B[i] = A[i] * A[i] - i;
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 4; c++)
      C[r][c] = A[r + c] + r * c;
  int acc = 0;
  for (int k = 0; k < 8; k++) {
    acc = acc * 3 + A[k];
    D[k] = acc;
  }
  for (int m = 1; m < 6; m++)
    E[m] = E[m - 1] + A[m];
  for (int z = 0; z < 6; z++)
    E[z] += z;
}
ALLO_DIFFTEST(sched_unroll)
