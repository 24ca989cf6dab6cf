// PolyBench syrk: lower-triangular C = alpha*A*A^T + beta*C with triangular loops j <= i
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 12;
constexpr int M = 10;

[[allo::kernel]] void syrk(float alpha, float beta, const float A[N][M], float C[N][N]) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j <= i; j++)
      C[i][j] *= beta;
    for (int k = 0; k < M; k++)
      for (int j = 0; j <= i; j++)
        C[i][j] += alpha * A[i][k] * A[j][k];
  }
}
ALLO_DIFFTEST(syrk)
