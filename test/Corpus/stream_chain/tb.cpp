#include <cstdio>
#include "kernel.h"

int main() {
  const double scales[2] = {0.125, 0.5};
  for (int t = 0; t < 2; t++) {
    hls::stream<raw_t> in("in");
    hls::stream<val_t> out("out");
    for (int i = 0; i < SC_N; i++)
      in.write((i * 211) % 4096 - 2048);
    int clipped = -1;
    stream_chain(in, out, val_t(scales[t]), clipped);
    printf("scale %g clipped %d:", scales[t], clipped);
    for (int i = 0; i < SC_N; i++)
      printf(" %.17g", out.read().to_double());
    printf("\n");
  }
  return 0;
}
