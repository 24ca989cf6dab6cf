#include <cstdio>
#include "kernel.h"

int main() {
  cpx_t in[FFT_N], out[FFT_N];
  for (int t = 0; t < 2; t++) {
    for (int i = 0; i < FFT_N; i++) {
      in[i].re = t == 0 ? (i == 1 ? 1.0f : 0.0f) : (float)((i * 7) % 11 - 5) * 0.25f;
      in[i].im = t == 0 ? 0.0f : (float)((i * 3) % 5 - 2) * 0.5f;
    }
    fft(in, out);
    for (int i = 0; i < FFT_N; i++)
      printf("test %d X[%d] = %a %a\n", t, i, out[i].re, out[i].im);
  }
  return 0;
}
