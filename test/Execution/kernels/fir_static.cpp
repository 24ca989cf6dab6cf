// Stateful HLS kernels: a FIR filter whose shift register is a `static`
// array (a register chain in hardware, persisting across calls), a
// `static const` coefficient ROM, a `static` call counter and an ap_int
// accumulator that persist, a `static constexpr` scale, and namespace-scope
// `const` tables of ap_uint and ap_fixed (their initializers evaluated with
// the types' own conversions: 300 wraps to 44, 3.1 truncates to 3.09765625).
// The differential harness runs the trials in order on the native build, one
// JIT engine and one csim process, so the state is compared exactly.
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

#define TAPS 8
#define N 16

const ap_uint<8> gain_tbl[4] = {1, 2, 300, 4};
const ap_fixed<16, 8> bias_tbl[3] = {0.5, -1.25, 3.1};
const ap_fixed<8, 4> K = 1.5;

static int32_t fir_step(int32_t x) {
  static int32_t shift_reg[TAPS];
  static const int32_t coeffs[TAPS] = {3, -1, 4, 1, -5, 9, 2, -6};
#pragma HLS array_partition variable = shift_reg complete
  int32_t acc = 0;
shift:
  for (int i = TAPS - 1; i > 0; i--) {
#pragma HLS unroll
    shift_reg[i] = shift_reg[i - 1];
    acc += shift_reg[i] * coeffs[i];
  }
  shift_reg[0] = x;
  acc += x * coeffs[0];
  return acc;
}

void fir_static(const int32_t in[N], int32_t out[N], int32_t stats[3]) {
  static int32_t calls = 0;
  static ap_int<12> running = 5;
  static constexpr int scale = 3;
  calls++;
  for (int i = 0; i < N; i++) {
    int32_t y = fir_step(in[i]);
    running += in[i];
    ap_fixed<16, 8> b = bias_tbl[(calls + i) % 3] * K;
    out[i] = y * scale + gain_tbl[i & 3] + b.to_int();
  }
  stats[0] = calls;
  stats[1] = running.to_int();
  stats[2] = out[N - 1];
}

ALLO_DIFFTEST(fir_static)
