#include <cstdio>
#include "kernel.h"

int main() {
  ma_data_t in[MA_CHUNK], out[MA_CHUNK];
  const int chunks[4] = {5, MA_CHUNK, 1, 13};
  int k = 0;
  for (int c = 0; c < 4; c++) {
    for (int i = 0; i < chunks[c]; i++, k++)
      in[i] = ma_data_t((k * 73) % 200 - 100) / 4;
    int seen = 0;
    moving_average(in, out, chunks[c], &seen);
    printf("chunk %d seen %d:", c, seen);
    for (int i = 0; i < chunks[c]; i++)
      printf(" %.17g", out[i].to_double());
    printf("\n");
  }
  return 0;
}
