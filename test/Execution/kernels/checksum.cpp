// Returns an int64_t checksum: Adler-style sums modulo 65521 over signed data, a uint64 FNV-1a hash with wrap-around
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int R = 8;
constexpr int C = 16;
constexpr int64_t MOD = 65521;

[[allo::kernel]] int64_t checksum(const int32_t A[R][C], const uint16_t B[C]) {
  int64_t s1 = 1;
  int64_t s2 = 0;
  uint64_t h = 14695981039346656037ull;
  for (int r = 0; r < R; r++)
    for (int c = 0; c < C; c++) {
      int64_t v = (int64_t)A[r][c] * B[c];
      s1 = ((s1 + v) % MOD + MOD) % MOD;
      s2 = (s2 + s1) % MOD;
      h ^= (uint64_t)(uint32_t)A[r][c];
      h *= 1099511628211ull;
    }
  int64_t adler = (s2 << 16) | s1;
  int64_t mixed = (int64_t)(h >> 1);  // fits in int64_t
  return adler ^ mixed;
}
ALLO_DIFFTEST(checksum)
