// Saturating arithmetic: int8 add, uint8 add/sub, int16 scaled multiply, clamping through wider intermediates
#include <allo/allo.h>
#include <algorithm>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 32;

[[allo::kernel]] void saturating_add(const int8_t a[N], const int8_t b[N], const uint8_t u[N], const uint8_t v[N],
                                     int8_t sadd[N], uint8_t uadd[N], uint8_t usub[N], int16_t smul[N]) {
  for (int i = 0; i < N; i++) {
    int s = a[i] + b[i];  // promoted to int: [-200, 200]
    if (s > 127)
      s = 127;
    else if (s < -128)
      s = -128;
    sadd[i] = (int8_t)s;

    unsigned us = (unsigned)u[i] + (unsigned)v[i];
    uadd[i] = (uint8_t)(us > 255u ? 255u : us);

    usub[i] = u[i] > v[i] ? (uint8_t)(u[i] - v[i]) : (uint8_t)0;

    int p = a[i] * b[i] * 4;  // up to 40000: exceeds int16
    smul[i] = (int16_t)std::min(std::max(p, -32768), 32767);
  }
}
ALLO_DIFFTEST(saturating_add)
