// The Allo tutorial's GEMM for systolic arrays: int8 inputs, int16 results
// accumulated into C. The algorithm stays this plain; the three schedule
// files next to it turn it into three different PE grids (see README.md).
#include <allo/allo.h>
#include <cstdint>

constexpr int M = 4, N = 4, K = 16;

[[allo::kernel]] void systolic_gemm(const int8_t A[M][K], const int8_t B[K][N], int16_t C[M][N]) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      for (int k = 0; k < K; k++)
        C[i][j] += A[i][k] * B[k][j];
}
