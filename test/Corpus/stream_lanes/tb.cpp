#include <cstdio>
#include "kernel.h"

int main() {
  lane_t in[TOTAL];
  ap_int<32> out[TOTAL];
  for (int i = 0; i < TOTAL; i++)
    in[i] = (i * 4099) % 65536 - 32768;
  const int gains[2] = {3, -70000};
  for (int g = 0; g < 2; g++) {
    stream_lanes(in, out, gains[g]);
    printf("gain %d:", gains[g]);
    for (int i = 0; i < TOTAL; i++)
      printf(" %d", out[i].to_int());
    printf("\n");
  }
  return 0;
}
