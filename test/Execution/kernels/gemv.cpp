// Matrix-vector product y = A*x + b and its transpose z = A^T*w on a rectangular matrix
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int M = 20;
constexpr int N = 12;

[[allo::kernel]] void gemv(const float A[M][N], const float x[N], const float b[M], const float w[M],
                           float y[M], float z[N]) {
  for (int i = 0; i < M; i++) {
    float acc = b[i];
    for (int j = 0; j < N; j++)
      acc += A[i][j] * x[j];
    y[i] = acc;
  }
  for (int j = 0; j < N; j++)
    z[j] = 0.0f;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      z[j] += A[i][j] * w[i];
}
ALLO_DIFFTEST(gemv)
