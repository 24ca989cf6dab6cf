// reorder: GEMM loops permuted after splitting j (i, k, j.inner, j.outer), and a row-wise
// prefix sum whose dependence is carried by the inner loop, interchanged legally
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int NI = 6;
constexpr int NJ = 8;
constexpr int NK = 5;

[[allo::kernel]] void sched_reorder(const float A[NI][NK], const float B[NK][NJ], float C[NI][NJ],
                                    int D[8][8]) {
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++)
      for (int k = 0; k < NK; k++)
        C[i][j] += A[i][k] * B[k][j];
  for (int r = 0; r < 8; r++)
    for (int c = 1; c < 8; c++)
      D[r][c] += D[r][c - 1];
}
ALLO_DIFFTEST(sched_reorder)
