// reuse_at: a 3-wide window along the inner dimension, a window with a gap and a
// negative offset on a loop not starting at 0, and a window along the outer dimension
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_reuse_at(const int A[4][12], int B[4][10], const int V[20], int W[16],
                                     const int G[9][3], int H[8][3]) {
  for (int y = 0; y < 4; y++)
    for (int x = 0; x < 10; x++)
      B[y][x] = A[y][x] + 2 * A[y][x + 1] - A[y][x + 2] * y;
  for (int w = 2; w < 18; w++)
    W[w - 2] = V[w - 2] * 3 + V[w + 1] - V[w];
  for (int col = 0; col < 3; col++)
    for (int row = 0; row < 8; row++)
      H[row][col] = G[row][col] * G[row + 1][col] + col;
}
ALLO_DIFFTEST(sched_reuse_at)
