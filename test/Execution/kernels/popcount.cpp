// Population count three ways: Kernighan while loop, fixed 32-step shift loop, nibble table; returns the total
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 32;

[[allo::kernel]] int popcount(const uint32_t A[N], int kern[N], int shifted[N], int nibble[N]) {
  int total = 0;
  for (int i = 0; i < N; i++) {
    // Spread the small random inputs over all 32 bits (unsigned wrap-around is well defined).
    uint32_t x = A[i] * 2654435761u ^ (A[i] << 7);
    uint32_t y = x;
    int c = 0;
    while (y != 0u) {
      y &= y - 1u;
      c++;
    }
    kern[i] = c;

    int d = 0;
    for (int b = 0; b < 32; b++)
      d += (int)((x >> b) & 1u);
    shifted[i] = d;

    int e = 0;
    uint32_t z = x;
    for (int k = 0; k < 8; k++) {
      uint32_t nib = z & 0xFu;
      e += (int)((nib & 1u) + ((nib >> 1) & 1u) + ((nib >> 2) & 1u) + ((nib >> 3) & 1u));
      z >>= 4;
    }
    nibble[i] = e;
    total += c;
  }
  return total;
}
ALLO_DIFFTEST(popcount)
