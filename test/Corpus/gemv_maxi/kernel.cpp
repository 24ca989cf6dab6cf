// Vitis kernel: flat m_axi pointers indexed row-major, the vector copied into a
// partitioned local buffer, a bias from the control registers.
#include "kernel.h"

extern "C" void gemv(const mat_t *A, const vec_t *x, res_t *y, int bias) {
#pragma HLS interface m_axi port=A offset=slave bundle=gmem0 depth=ROWS*COLS
#pragma HLS interface m_axi port=x offset=slave bundle=gmem1 depth=COLS
#pragma HLS interface m_axi port=y offset=slave bundle=gmem1 depth=ROWS
#pragma HLS interface s_axilite port=bias
#pragma HLS interface s_axilite port=return
  vec_t x_local[COLS];
#pragma HLS array_partition variable=x_local type=cyclic factor=UNROLL
  int r, c;
read_x:
  for (c = 0; c < COLS; c++) {
#pragma HLS pipeline II=1
    x_local[c] = x[c];
  }
rows:
  for (r = 0; r < ROWS; r++) {
    res_t acc = bias;
  cols:
    for (c = 0; c < COLS; c++) {
#pragma HLS pipeline II=1
#pragma HLS unroll factor=UNROLL
      acc += A[r * COLS + c] * x_local[c];
    }
    y[r] = acc;
  }
}
