// 2mm (PolyBench linear-algebra/kernels/2mm): D = alpha * A * B * C + beta * D, with int data.
// Written the naive way, with each product in its own perfectly nested i, j, k band so that a
// schedule may reorder it (see two_mm.json).
#include <allo/allo.h>

constexpr int NI = 32, NJ = 32, NK = 32, NL = 32;

[[allo::kernel]] void two_mm(int alpha, int beta, const int A[NI][NK], const int B[NK][NJ],
                             const int C[NJ][NL], int D[NI][NL]) {
  int tmp[NI][NJ];
  zero_i:
  for (int i = 0; i < NI; i++) {
    zero_j:
    for (int j = 0; j < NJ; j++)
      tmp[i][j] = 0;
  }
  // tmp = alpha * A * B
  mm1_i:
  for (int i = 0; i < NI; i++) {
    mm1_j:
    for (int j = 0; j < NJ; j++) {
      mm1_k:
      for (int k = 0; k < NK; k++)
        tmp[i][j] += alpha * A[i][k] * B[k][j];
    }
  }
  scale_i:
  for (int i = 0; i < NI; i++) {
    scale_j:
    for (int j = 0; j < NL; j++)
      D[i][j] *= beta;
  }
  // D += tmp * C
  mm2_i:
  for (int i = 0; i < NI; i++) {
    mm2_j:
    for (int j = 0; j < NL; j++) {
      mm2_k:
      for (int k = 0; k < NJ; k++)
        D[i][j] += tmp[i][k] * C[k][j];
    }
  }
}
