// MachSuite spmv/crs as a Vitis kernel: every array an m_axi pointer with its
// depth, the inner loop bounded by the row delimiters (data-dependent).
#include "kernel.h"

extern "C" void spmv(const TYPE *val, const int *cols, const int *rowDelimiters, const TYPE *vec,
                     TYPE *out) {
#pragma HLS INTERFACE m_axi port=val offset=slave bundle=gmem0 depth=NNZ
#pragma HLS INTERFACE m_axi port=cols offset=slave bundle=gmem1 depth=NNZ
#pragma HLS INTERFACE m_axi port=rowDelimiters offset=slave bundle=gmem2 depth=N+1
#pragma HLS INTERFACE m_axi port=vec offset=slave bundle=gmem3 depth=N
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem3 depth=N
#pragma HLS INTERFACE s_axilite port=return
  int i, j;
  TYPE sum, Si;

spmv_1:
  for (i = 0; i < N; i++) {
    sum = 0;
    Si = 0;
    int tmp_begin = rowDelimiters[i];
    int tmp_end = rowDelimiters[i + 1];
  spmv_2:
    for (j = tmp_begin; j < tmp_end; j++) {
#pragma HLS pipeline II=1
      Si = val[j] * vec[cols[j]];
      sum = sum + Si;
    }
    out[i] = sum;
  }
}
