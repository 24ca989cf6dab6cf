// PolyBench 2mm: D = alpha*A*B*C + beta*D through a local temporary matrix
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int NI = 8;
constexpr int NJ = 10;
constexpr int NK = 9;
constexpr int NL = 11;

[[allo::kernel]] void two_mm(float alpha, float beta, const float A[NI][NK], const float B[NK][NJ],
                             const float C[NJ][NL], float D[NI][NL]) {
  float tmp[NI][NJ];
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) {
      tmp[i][j] = 0.0f;
      for (int k = 0; k < NK; k++)
        tmp[i][j] += alpha * A[i][k] * B[k][j];
    }
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++) {
      D[i][j] *= beta;
      for (int k = 0; k < NJ; k++)
        D[i][j] += tmp[i][k] * C[k][j];
    }
}
ALLO_DIFFTEST(two_mm)
