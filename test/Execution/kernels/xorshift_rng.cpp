// Unsigned wrap-around and shifts: xorshift32/xorshift64 generators, 32-bit LCG, variable shift amounts masked to the width
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 32;

[[allo::kernel]] uint64_t xorshift_rng(uint32_t seed, const uint32_t S[N], uint32_t x32[N], uint64_t x64[N],
                                       uint32_t lcg[N], uint32_t vshift[N]) {
  uint32_t a = seed | 1u;
  uint64_t b = ((uint64_t)seed << 32) | 0x9E3779B9u;
  uint32_t c = seed;
  for (int i = 0; i < N; i++) {
    a ^= a << 13;
    a ^= a >> 17;
    a ^= a << 5;
    x32[i] = a;

    b ^= b << 13;
    b ^= b >> 7;
    b ^= b << 17;
    x64[i] = b;

    c = c * 1664525u + 1013904223u;
    lcg[i] = c;

    uint32_t sh = S[i] & 31u;
    vshift[i] = (a << sh) ^ (c >> sh) ^ (sh == 0u ? 0u : (a >> (32u - sh)));
  }
  return b ^ ((uint64_t)a * c);
}
ALLO_DIFFTEST(xorshift_rng)
