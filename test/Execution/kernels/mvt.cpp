// PolyBench mvt: x1 += A*y1 and x2 += A^T*y2, outputs that are also inputs (row- vs column-wise access)
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 20;

[[allo::kernel]] void mvt(const float A[N][N], const float y1[N], const float y2[N], float x1[N], float x2[N]) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      x1[i] = x1[i] + A[i][j] * y1[j];
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      x2[i] = x2[i] + A[j][i] * y2[j];
}
ALLO_DIFFTEST(mvt)
