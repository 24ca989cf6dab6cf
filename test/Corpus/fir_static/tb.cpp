#include <cstdio>
#include "kernel.h"

int main() {
  data_t in[MAX_SAMPLES], out[MAX_SAMPLES];
  unsigned seed = 12345;
  const int blocks[3] = {20, MAX_SAMPLES, 7};
  for (int b = 0; b < 3; b++) {
    for (int i = 0; i < MAX_SAMPLES; i++) {
      seed = seed * 1103515245u + 12345u;
      in[i] = data_t((int)((seed >> 16) % 2001) - 1000) / 8;
      out[i] = 0;
    }
    fir(in, out, blocks[b]);
    for (int i = 0; i < blocks[b]; i++)
      printf("block %d out[%d] = %.17g\n", b, i, out[i].to_double());
  }
  return 0;
}
