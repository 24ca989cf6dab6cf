// Hand-tiled matrix multiply in the MachSuite/PolyBench manner: every loop
// variable is declared at the top, tiles of A and B are copied into local
// buffers partitioned with a macro factor, the result is rescaled and wraps.
#include "kernel.h"

void gemm_tiled(const a_t A[M][K], const b_t B[K][N], c_t C[M][N], int shift) {
  int i, j, k, ii, jj, kk;
  a_t a_buf[TILE][TILE];
  b_t b_buf[TILE][TILE];
  acc_t c_buf[TILE][TILE];
#pragma HLS array_partition variable=a_buf type=complete dim=2
#pragma HLS array_partition variable=b_buf type=cyclic factor=TILE dim=1
#pragma HLS array_partition variable=c_buf type=complete dim=2

tile_i:
  for (ii = 0; ii < M; ii += TILE) {
  tile_j:
    for (jj = 0; jj < N; jj += TILE) {
    clear:
      for (i = 0; i < TILE; i++)
        for (j = 0; j < TILE; j++)
          c_buf[i][j] = 0;
    tile_k:
      for (kk = 0; kk < K; kk += TILE) {
      load:
        for (i = 0; i < TILE; i++) {
          for (k = 0; k < TILE; k++) {
#pragma HLS pipeline II=1
            a_buf[i][k] = A[ii + i][kk + k];
            b_buf[i][k] = B[kk + i][jj + k];
          }
        }
      compute:
        for (i = 0; i < TILE; i++) {
          for (j = 0; j < TILE; j++) {
#pragma HLS pipeline II=1
            acc_t sum = c_buf[i][j];
            for (k = 0; k < TILE; k++) {
#pragma HLS unroll
              sum += a_buf[i][k] * b_buf[k][j];
            }
            c_buf[i][j] = sum;
          }
        }
      }
    store:
      for (i = 0; i < TILE; i++)
        for (j = 0; j < TILE; j++)
          C[ii + i][jj + j] = c_buf[i][j] >> shift;
    }
  }
}
