#include <cstdio>
#include "kernel.h"

int main() {
  act_t x[SEQ][HIDDEN], y[SEQ][HIDDEN], mean[SEQ];
  for (int t = 0; t < SEQ; t++)
    for (int i = 0; i < HIDDEN; i++)
      x[t][i] = t == 0 ? 3.0f : (float)((i * (t + 2) * 7) % 23 - 11) / (t + 1);
  layer_norm(x, y, mean);
  for (int t = 0; t < SEQ; t++) {
    printf("token %d mean %a:", t, mean[t]);
    for (int i = 0; i < HIDDEN; i++)
      printf(" %a", y[t][i]);
    printf("\n");
  }
  return 0;
}
