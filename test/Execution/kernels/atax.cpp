// PolyBench atax: y = A^T * (A * x) with a local temporary vector and an output zeroed in its own loop
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int M = 14;
constexpr int N = 18;

[[allo::kernel]] void atax(const float A[M][N], const float x[N], float y[N]) {
  float tmp[M];
  for (int j = 0; j < N; j++)
    y[j] = 0.0f;
  for (int i = 0; i < M; i++) {
    tmp[i] = 0.0f;
    for (int j = 0; j < N; j++)
      tmp[i] = tmp[i] + A[i][j] * x[j];
    for (int j = 0; j < N; j++)
      y[j] = y[j] + A[i][j] * tmp[i];
  }
}
ALLO_DIFFTEST(atax)
