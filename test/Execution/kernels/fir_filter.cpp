// HLS-style FIR filter: shift register updated by a decreasing loop (k > 0; k--), MAC over taps, int16 samples with int32 accumulation
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 48;
constexpr int TAPS = 8;

[[allo::kernel]] void fir_filter(const int16_t x[N], const int16_t h[TAPS], int32_t y[N], int16_t y16[N]) {
  int16_t sr[TAPS];
  for (int k = 0; k < TAPS; k++)
    sr[k] = 0;
  for (int n = 0; n < N; n++) {
    for (int k = TAPS - 1; k > 0; k--)
      sr[k] = sr[k - 1];
    sr[0] = x[n];
    int32_t acc = 0;
    for (int k = 0; k < TAPS; k++)
      acc += sr[k] * h[k];
    y[n] = acc;
    y16[n] = (int16_t)(acc >> 4);
  }
}
ALLO_DIFFTEST(fir_filter)
