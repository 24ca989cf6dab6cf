// Dense GEMM C = alpha*A*B + beta*C: non-square sizes, float scalar parameters, read-modify-write output
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int NI = 12;
constexpr int NJ = 14;
constexpr int NK = 10;

[[allo::kernel]] void gemm(float alpha, float beta, const float A[NI][NK], const float B[NK][NJ],
                           float C[NI][NJ]) {
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) {
      float acc = 0.0f;
      for (int k = 0; k < NK; k++)
        acc += A[i][k] * B[k][j];
      C[i][j] = alpha * acc + beta * C[i][j];
    }
}
ALLO_DIFFTEST(gemm)
