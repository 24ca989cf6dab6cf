// PolyBench jacobi-1d: time-stepped 3-point stencil ping-ponging between two in/out arrays
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int TSTEPS = 8;
constexpr int N = 32;

[[allo::kernel]] void jacobi_1d(float A[N], float B[N]) {
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++)
      B[i] = 0.33333f * (A[i - 1] + A[i] + A[i + 1]);
    for (int i = 1; i < N - 1; i++)
      A[i] = 0.33333f * (B[i - 1] + B[i] + B[i + 1]);
  }
}
ALLO_DIFFTEST(jacobi_1d)
