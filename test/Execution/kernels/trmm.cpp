// PolyBench trmm: B = alpha * A^T * B with unit lower-triangular A, inner loop k = i+1 .. M-1
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int M = 12;
constexpr int N = 10;

[[allo::kernel]] void trmm(float alpha, const float A[M][M], float B[M][N]) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      for (int k = i + 1; k < M; k++)
        B[i][j] += A[k][i] * B[k][j];
      B[i][j] = alpha * B[i][j];
    }
}
ALLO_DIFFTEST(trmm)
