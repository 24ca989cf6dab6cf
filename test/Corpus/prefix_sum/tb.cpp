#include <cstdio>
#include "kernel.h"

int main() {
  ap_int<12> in[PS_N];
  psum_t out[PS_N];
  for (int call = 0; call < 5; call++) {
    for (int i = 0; i < PS_N; i++)
      in[i] = ((call + 1) * (i * 97 + 13)) % 4096 - 2048;
    int total = 0;
    prefix_sum(in, out, call == 0 || call == 3, total);
    printf("call %d total %d:", call, total);
    for (int i = 0; i < PS_N; i++)
      printf(" %d", out[i].to_int());
    printf("\n");
  }
  return 0;
}
