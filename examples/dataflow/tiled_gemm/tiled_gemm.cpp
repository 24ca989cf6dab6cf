// Tiled GEMM on a 2 x 2 PE grid: PE (pi, pj) computes the (pi, pj) tile of
// C from a block row of A and a block column of B. The four PEs do the same
// thing at different offsets, so they share one function taking pi and pj.
#include <allo/allo.h>
#include <cstdint>

constexpr int M = 8, N = 8, K = 12;
constexpr int P0 = 2, P1 = 2;
constexpr int TM = M / P0, TN = N / P1;

[[allo::kernel(mapping(P0, P1))]]
void gemm(const int16_t A[M][K], const int16_t B[K][N], int32_t C[M][N]) {
  auto [pi, pj] = allo::get_pid<2>();
  for (int i = 0; i < TM; i++)
    for (int j = 0; j < TN; j++) {
      int32_t acc = 0;
      for (int k = 0; k < K; k++)
        acc += A[pi * TM + i][k] * B[k][pj * TN + j];
      C[pi * TM + i][pj * TN + j] = acc;
    }
}

[[allo::region]]
void top(const int16_t A[M][K], const int16_t B[K][N], int32_t C[M][N]) {
  gemm(A, B, C);
}
