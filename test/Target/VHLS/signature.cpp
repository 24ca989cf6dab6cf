// The top function keeps its name and exact parameter types; callees come first.
// RUN: allo-rewrite %s --target vhls | FileCheck %s
#include <allo/allo.h>
#include <cstdint>

// CHECK: static const int16_t table[4] = {3, -1, 4, 1};
constexpr int16_t table[4] = {3, -1, 4, 1};

// CHECK: static uint8_t clampu8(int x) {
static uint8_t clampu8(int x) { return x < 0 ? 0 : (x > 255 ? 255 : x); }

// CHECK: int64_t top(const uint8_t in[8], uint8_t out[8], unsigned int shift, bool flag) {
// CHECK: clampu8(
// CHECK: return
[[allo::kernel]] int64_t top(const uint8_t in[8], uint8_t out[8], unsigned shift, bool flag) {
  int64_t sum = 0;
  for (int i = 0; i < 8; i++) {
    out[i] = clampu8((in[i] >> shift) * table[i & 3]);
    sum += flag ? out[i] : -out[i];
  }
  return sum;
}
