// jacobi-2d (PolyBench stencils/jacobi-2d): TSTEPS sweeps of a 5-point stencil, ping-ponging
// between A and B, in float. The loops are unlabeled on purpose: schedules address them by
// their induction variables, numbered in source order (i#0, j#0 for the first sweep, i#1, j#1
// for the second).
#include <allo/allo.h>

constexpr int N = 32, TSTEPS = 4;

[[allo::kernel]] void jacobi_2d(float A[N][N], float B[N][N]) {
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        B[i][j] = 0.2f * (A[i][j] + A[i][j - 1] + A[i][j + 1] + A[i + 1][j] + A[i - 1][j]);
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        A[i][j] = 0.2f * (B[i][j] + B[i][j - 1] + B[i][j + 1] + B[i + 1][j] + B[i - 1][j]);
  }
}
