// The tutorial's systolic GEMM (int8 x int8 -> int16), spatial mapping "j":
// see sched_systolic_j.json (buffer_at, unfold into a PE grid, relay).
#include "DiffTest.h"
#include <cstdint>

constexpr int M = 3, N = 4, K = 5;

void sched_systolic_j(const int8_t A[M][K], const int8_t B[K][N], int16_t C[M][N]) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j)
      for (int k = 0; k < K; ++k)
        C[i][j] += A[i][k] * B[k][j];
}
ALLO_DIFFTEST_RANGE(sched_systolic_j, -128, 127)
