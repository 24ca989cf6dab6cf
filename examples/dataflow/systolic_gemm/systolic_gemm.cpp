// Output-stationary systolic GEMM on a (M + 2) x (N + 2) PE grid: the left
// column loads rows of A, the top row loads columns of B, the interior
// multiplies and forwards, the right column and bottom row drain the
// forwarded values. One call instantiates the grid; identical PEs share one
// function (M x N interior PEs, one function).
#include <allo/allo.h>

#ifndef M
#define M 4
#endif
#ifndef N
#define N 4
#endif
#ifndef K
#define K 16
#endif

typedef float data_t;

[[allo::kernel(mapping(M + 2, N + 2))]]
void gemm(const data_t A[M][K], const data_t B[K][N], data_t C[M][N],
          allo::stream<data_t> fifo_A[M + 2][N + 2], allo::stream<data_t> fifo_B[M + 2][N + 2]) {
  auto [i, j] = allo::get_pid<2>();
  if ((i == 0 || i == M + 1) && (j == 0 || j == N + 1))
    return; // corners: nothing
  if (j == 0) { // left edge: load A
    for (int k = 0; k < K; k++)
      fifo_A[i][j + 1].put(A[i - 1][k]);
  } else if (i == 0) { // top edge: load B
    for (int k = 0; k < K; k++)
      fifo_B[i + 1][j].put(B[k][j - 1]);
  } else if (j == N + 1) { // right edge: drain A
    for (int k = 0; k < K; k++)
      fifo_A[i][j].get();
  } else if (i == M + 1) { // bottom edge: drain B
    for (int k = 0; k < K; k++)
      fifo_B[i][j].get();
  } else { // interior: compute and forward
    data_t c = 0;
    for (int k = 0; k < K; k++) {
      data_t a = fifo_A[i][j].get(), b = fifo_B[i][j].get();
      c += a * b;
      fifo_A[i][j + 1].put(a);
      fifo_B[i + 1][j].put(b);
    }
    C[i - 1][j - 1] = c;
  }
}

[[allo::region]]
void top(const data_t A[M][K], const data_t B[K][N], data_t C[M][N]) {
  [[allo::stream(depth = 4)]] allo::stream<data_t> fifo_A[M + 2][N + 2];
  [[allo::stream(depth = 4)]] allo::stream<data_t> fifo_B[M + 2][N + 2];
  gemm(A, B, C, fifo_A, fifo_B);
}
