// PolyBench jacobi-2d: time-stepped 5-point stencil on the interior of two in/out matrices
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int TSTEPS = 4;
constexpr int N = 12;

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
ALLO_DIFFTEST(jacobi_2d)
