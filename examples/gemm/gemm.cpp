// GEMM, the running example of the Allo tutorial: C = A * B with int8 inputs
// and int32 accumulation. Optimizations live in schedule files next to this
// file, not in the algorithm.
#include <allo/allo.h>
#include <cstdint>

constexpr int M = 16, N = 16, K = 32;

[[allo::kernel]] void gemm(const int8_t A[M][K], const int8_t B[K][N], int32_t C[M][N]) {
  row:
  for (int i = 0; i < M; i++) {
    col:
    for (int j = 0; j < N; j++) {
      int32_t acc = 0;
      red:
      for (int k = 0; k < K; k++)
        acc += A[i][k] * B[k][j];
      C[i][j] = acc;
    }
  }
}
