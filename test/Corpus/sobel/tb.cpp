#include <cstdio>
#include "kernel.h"

int main() {
  for (int t = 0; t < 2; t++) {
    hls::stream<spix_t> in("in"), out("out");
    for (int r = 0; r < SB_H; r++)
      for (int c = 0; c < SB_W; c++) {
        int v = t == 0 ? (c >= SB_W / 2 ? 200 : 20) : ((r - 5) * (r - 5) + (c - 8) * (c - 8)) * 6;
        in.write(v > 255 ? 255 : v);
      }
    sobel(in, out, t == 0 ? 1 : 100);
    for (int r = 0; r < SB_H; r++) {
      for (int c = 0; c < SB_W; c++)
        printf("%3u ", (unsigned)out.read());
      printf("\n");
    }
  }
  return 0;
}
