// Triangular solves: forward substitution (j < i) then backward substitution with a decreasing outer loop
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int N = 16;

[[allo::kernel]] void trisolv(const float L[N][N], const float b[N], float x[N], float y[N]) {
  // Solve L' x = b where L' is the lower triangle of L with diagonal 2 + |L[i][i]| (never zero).
  for (int i = 0; i < N; i++) {
    float acc = b[i];
    for (int j = 0; j < i; j++)
      acc -= L[i][j] * x[j];
    x[i] = acc / (2.0f + std::fabs(L[i][i]));
  }
  // Solve L'^T y = x.
  for (int i = N - 1; i >= 0; i--) {
    float acc = x[i];
    for (int j = i + 1; j < N; j++)
      acc -= L[j][i] * y[j];
    y[i] = acc / (2.0f + std::fabs(L[i][i]));
  }
}
ALLO_DIFFTEST(trisolv)
