// reuse_at in two steps, a line buffer at the row loop then a window at the column loop: a
// 3x3 int convolution (taps unrolled in the IR first), a float 3x3 blur on loops starting at
// 1, a window with gaps (rows -2..1, columns -1..2) on loops starting at 2 and 1, and a 3x2
// float window taken straight at the column loop (no line buffer). No size is a multiple of
// the window's.
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_reuse_2d(const int A[13][11], const int K[3][3], int C[11][9],
                                     const float F[9][14], float G[9][14], const int P[10][13],
                                     int Q[10][13], const float S[7][12], float T[7][12]) {
conv_i:
  for (int i = 0; i < 11; i++)
  conv_j:
    for (int j = 0; j < 9; j++) {
      int acc = 0;
    conv_p:
      for (int p = 0; p < 3; p++)
      conv_q:
        for (int q = 0; q < 3; q++)
          acc += A[i + p][j + q] * K[p][q];
      C[i][j] = acc;
    }
blur_y:
  for (int y = 1; y < 8; y++)
  blur_x:
    for (int x = 1; x < 13; x++)
      G[y][x] = (F[y - 1][x - 1] + F[y - 1][x] + F[y - 1][x + 1] + F[y][x - 1] + F[y][x] +
                 F[y][x + 1] + F[y + 1][x - 1] + F[y + 1][x] + F[y + 1][x + 1]) /
                9.0f;
gap_r:
  for (int r = 2; r < 9; r++)
  gap_s:
    for (int s = 1; s < 11; s++)
      Q[r][s] = P[r - 2][s + 2] * 3 - P[r + 1][s - 1] + P[r][s] * r;
box_y:
  for (int y = 1; y < 6; y++)
  box_x:
    for (int x = 3; x < 11; x++)
      T[y][x] = S[y - 1][x + 1] * 0.5f - S[y + 1][x] + S[y - 1][x];
}
ALLO_DIFFTEST(sched_reuse_2d)
