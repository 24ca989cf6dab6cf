#include <cstdio>
#include "kernel.h"

int main() {
  static a_t A[M][K];
  static b_t B[K][N];
  static c_t C[M][N];
  for (int i = 0; i < M; i++)
    for (int k = 0; k < K; k++)
      A[i][k] = (i * 7 + k * 13) % 255 - 127;
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++)
      B[k][j] = (k * 11 - j * 5 + 3) % 256 - 128;
  for (int shift = 0; shift < 3; shift += 2) {
    gemm_tiled(A, B, C, shift);
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < N; j++)
        printf("%d ", C[i][j].to_int());
      printf("\n");
    }
  }
  return 0;
}
