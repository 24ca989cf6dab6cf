#include <cstdio>
#include "kernel.h"

int main() {
  const int lens[3] = {40, RLE_MAX_IN, 0};
  for (int t = 0; t < 3; t++) {
    hls::stream<sym_t> in("in");
    hls::stream<run_t> out("out");
    for (int i = 0; i < lens[t]; i++)
      in.write(t == 1 ? (i / 3) & 7 : (i < 20 ? 7 : (i / 4) % 3));
    int runs = -1;
    rle_encode(in, lens[t], out, &runs);
    printf("test %d runs %d:", t, runs);
    while (!out.empty()) {
      run_t w = out.read();
      printf(" %ux%u", (unsigned)w.range(11, 8), (unsigned)w.range(7, 0));
    }
    int left = 0;
    while (!in.empty()) {
      in.read();
      left++;
    }
    printf(" (unread %d)\n", left);
  }
  return 0;
}
