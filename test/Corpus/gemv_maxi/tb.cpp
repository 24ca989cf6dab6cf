#include <cstdio>
#include "kernel.h"

int main() {
  static mat_t A[ROWS * COLS];
  vec_t x[COLS];
  res_t y[ROWS];
  for (int i = 0; i < ROWS * COLS; i++)
    A[i] = (i * 2654435761u >> 20) % 4096 - 2048;
  for (int i = 0; i < COLS; i++)
    x[i] = (i * 97) % 1024 - 512;
  int biases[2] = {0, -123456};
  for (int b = 0; b < 2; b++) {
    gemv(A, x, y, biases[b]);
    for (int i = 0; i < ROWS; i++)
      printf("bias %d y[%d] = %d\n", biases[b], i, y[i].to_int());
  }
  return 0;
}
