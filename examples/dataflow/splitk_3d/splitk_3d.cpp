// Split-K GEMM on a 2 x 2 x KP grid: PE (i, j, k) multiplies the (i, j)
// tile over the k-th slice of K and adds the partial sums coming from PE
// (i, j, k - 1); the last PE of each reduction chain writes the tile of C.
#include <allo/allo.h>
#include <cstdint>

constexpr int M = 4, N = 4, K = 12;
constexpr int P0 = 2, P1 = 2, KP = 3;
constexpr int TM = M / P0, TN = N / P1, TK = K / KP;

[[allo::kernel(mapping(P0, P1, KP))]]
void splitk(const int32_t A[M][K], const int32_t B[K][N], int32_t C[M][N],
            allo::stream<int32_t> partial[P0][P1][KP + 1]) {
  auto [pi, pj, pk] = allo::get_pid<3>();
  for (int i = 0; i < TM; i++)
    for (int j = 0; j < TN; j++) {
      int32_t acc = 0;
      if (pk > 0)
        acc = partial[pi][pj][pk].get();
      for (int k = 0; k < TK; k++)
        acc += A[pi * TM + i][pk * TK + k] * B[pk * TK + k][pj * TN + j];
      if (pk < KP - 1)
        partial[pi][pj][pk + 1].put(acc);
      else
        C[pi * TM + i][pj * TN + j] = acc;
    }
}

[[allo::region]]
void top(const int32_t A[M][K], const int32_t B[K][N], int32_t C[M][N]) {
  [[allo::stream(depth = 2)]] allo::stream<int32_t> partial[P0][P1][KP + 1];
  splitk(A, B, C, partial);
}
