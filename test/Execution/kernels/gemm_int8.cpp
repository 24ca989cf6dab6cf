// Quantized GEMM: int8 operands widened to int32 accumulators, per-column int32 bias, requantization shift and int8 clamp
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int M = 8;
constexpr int K = 16;
constexpr int N = 12;

[[allo::kernel]] void gemm_int8(const int8_t A[M][K], const int8_t B[K][N], const int32_t bias[N], int32_t C[M][N],
                                int8_t Q[M][N]) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      int32_t acc = bias[j];
      for (int k = 0; k < K; k++)
        acc += (int32_t)A[i][k] * (int32_t)B[k][j];
      C[i][j] = acc;
      int32_t q = acc >> 7;  // arithmetic shift of a possibly negative accumulator
      Q[i][j] = (int8_t)(q > 127 ? 127 : (q < -128 ? -128 : q));
    }
}
ALLO_DIFFTEST(gemm_int8)
