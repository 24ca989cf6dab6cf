// Bit reversal: 32-bit loop reversal, byte reversal by mask-and-shift swaps (uint8 promotion), bit-reversed index permutation
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 16;
constexpr int LOGN = 4;

[[allo::kernel]] void bit_reverse(const uint32_t A[N], const uint8_t B[N], const float X[N], uint32_t rev32[N],
                                  uint8_t rev8[N], float perm[N]) {
  for (int i = 0; i < N; i++) {
    uint32_t x = A[i] * 0x9E3779B9u + 12345u;
    uint32_t r = 0u;
    for (int b = 0; b < 32; b++) {
      r = (r << 1) | (x & 1u);
      x >>= 1;
    }
    rev32[i] = r;

    uint8_t v = B[i];
    v = (uint8_t)(((v & 0xF0) >> 4) | ((v & 0x0F) << 4));
    v = (uint8_t)(((v & 0xCC) >> 2) | ((v & 0x33) << 2));
    v = (uint8_t)(((v & 0xAA) >> 1) | ((v & 0x55) << 1));
    rev8[i] = v;
  }
  // FFT-style bit-reversed reordering: the index is reversed over LOGN bits, always in range.
  for (unsigned i = 0; i < (unsigned)N; i++) {
    unsigned j = 0;
    unsigned t = i;
    for (int b = 0; b < LOGN; b++) {
      j = (j << 1) | (t & 1u);
      t >>= 1;
    }
    perm[j] = X[i];
  }
}
ALLO_DIFFTEST(bit_reverse)
