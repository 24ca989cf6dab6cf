// seidel-2d (PolyBench stencils/seidel-2d): TSTEPS in-place Gauss-Seidel sweeps of a 9-point
// stencil, in float. A[i][j] reads the values just written at A[i][j-1] and A[i-1][*], so the
// sweep carries dependences in both i and j.
#include <allo/allo.h>

constexpr int N = 32, TSTEPS = 2;

[[allo::kernel]] void seidel_2d(float A[N][N]) {
  sweep:
  for (int t = 0; t < TSTEPS; t++) {
    row:
    for (int i = 1; i <= N - 2; i++) {
      col:
      for (int j = 1; j <= N - 2; j++)
        A[i][j] = (A[i - 1][j - 1] + A[i - 1][j] + A[i - 1][j + 1] + A[i][j - 1] + A[i][j] +
                   A[i][j + 1] + A[i + 1][j - 1] + A[i + 1][j] + A[i + 1][j + 1]) /
                  9.0f;
    }
  }
}
