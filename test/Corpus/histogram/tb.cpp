#include <cstdio>
#include "kernel.h"

int main() {
  pix_t data[NPIX];
  count_t hist[NBINS];
  unsigned s = 7;
  for (int t = 0; t < 2; t++) {
    for (int i = 0; i < NPIX; i++) {
      s = s * 1664525u + 1013904223u;
      // runs of equal pixels exercise the forwarding path
      data[i] = (t == 0) ? (s >> 24) : ((i / 5) * 37 + (s >> 30)) & 255;
    }
    int max_bin = -1, max_count = -1;
    histogram(data, hist, max_bin, max_count);
    for (int b = 0; b < NBINS; b++)
      printf("test %d hist[%d] = %u\n", t, b, (unsigned)hist[b]);
    printf("test %d max_bin = %d max_count = %d\n", t, max_bin, max_count);
  }
  return 0;
}
