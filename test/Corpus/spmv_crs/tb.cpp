#include <cstdio>
#include "kernel.h"

int main() {
  TYPE val[NNZ], vec[N], out[N];
  int cols[NNZ], rows[N + 1];
  // rows of varying length (some empty), NNZ entries in total
  int k = 0;
  for (int i = 0; i < N; i++) {
    rows[i] = k;
    int len = (i % 7 == 3) ? 0 : (i * 5) % 9 + 1;
    for (int e = 0; e < len && k < NNZ; e++, k++) {
      cols[k] = (i * 3 + e * 7) % N;
      val[k] = (TYPE)((k * 31) % 17 - 8) / 3.0;
    }
  }
  rows[N] = k;
  for (int i = k; i < NNZ; i++) {
    cols[i] = 0;
    val[i] = 0;
  }
  for (int i = 0; i < N; i++)
    vec[i] = 1.0 / (i + 1);
  spmv(val, cols, rows, vec, out);
  printf("nnz used %d\n", k);
  for (int i = 0; i < N; i++)
    printf("out[%d] = %a\n", i, out[i]);
  return 0;
}
