// Mixed-width integer arithmetic: int8/int16/uint8 promotion to int, wrap-around on narrowing, sign extension, ~ on uint8
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 24;

[[allo::kernel]] int64_t int_promotion(const int8_t a[N], const int8_t b[N], const uint8_t u[N], const uint8_t v[N],
                                       const int16_t w[N], int8_t wrap8[N], int16_t prod16[N], uint8_t wrapu8[N],
                                       int diff[N], int notu[N], bool cmp[N], unsigned sext[N], int16_t wrap16[N],
                                       uint16_t wrapu16[N]) {
  int64_t sum = 0;
  for (int i = 0; i < N; i++) {
    wrap8[i] = (int8_t)(a[i] + b[i]);        // computed in int, wraps when narrowed to int8
    prod16[i] = (int16_t)(a[i] * b[i]);      // int8*int8 promoted, fits int16
    wrapu8[i] = (uint8_t)(u[i] + v[i]);      // wraps modulo 256
    diff[i] = u[i] - v[i];                   // uint8 - uint8 is a (possibly negative) int, not unsigned
    notu[i] = ~u[i];                         // ~ applies to the promoted int: negative
    cmp[i] = (uint8_t)a[i] > u[i];           // int8 reinterpreted as uint8 then compared as int
    sext[i] = (unsigned)a[i] >> 24;          // sign extension: 0xFF for negatives
    wrap16[i] = (int16_t)(w[i] * 400);       // up to +-40000 wraps in int16
    wrapu16[i] = (uint16_t)(u[i] * v[i] * 2);  // up to 80000 wraps modulo 65536
    int8_t c = a[i];
    c += b[i];                               // compound assignment narrows back to int8
    uint8_t d = u[i];
    d -= v[i];                               // wraps below zero
    d++;
    sum += (int64_t)c * 1000000007 + (int64_t)d * 3 + (int64_t)(int16_t)(w[i] * w[i] * 4);
  }
  return sum;
}
ALLO_DIFFTEST(int_promotion)
