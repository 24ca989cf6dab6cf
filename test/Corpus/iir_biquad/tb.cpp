#include <cstdio>
#include "kernel.h"

int main() {
  sample_t in[LEN], out[LEN];
  for (int call = 0; call < 3; call++) {
    for (int i = 0; i < LEN; i++)
      in[i] = (float)(((i * 37 + call * 11) % 23) - 11) / 8.0f;
    int clipped = -1;
    iir(in, out, clipped);
    for (int i = 0; i < LEN; i++)
      printf("call %d out[%d] = %a\n", call, i, out[i]);
    printf("call %d clipped = %d\n", call, clipped);
  }
  return 0;
}
