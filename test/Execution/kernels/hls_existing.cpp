// Existing Vitis HLS style: loop labels, #pragma HLS directives, ap_int/ap_uint
// arithmetic with its widening rules and wrap-around on assignment.
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 32;
constexpr int TAPS = 8;

static ap_int<20> mac(ap_int<20> acc, ap_int<12> x, ap_int<8> c) {
#pragma HLS inline
  return acc + x * c;
}

void hls_existing(const int16_t in[N], const int8_t coef[TAPS], int32_t out[N], uint16_t sum[1]) {
  ap_int<12> shift_reg[TAPS];
  ap_int<8> c[TAPS];
#pragma HLS array_partition variable=shift_reg complete
#pragma HLS array_partition variable=c type=cyclic factor=2 dim=1
init:
  for (int i = 0; i < TAPS; i++) {
#pragma HLS unroll
    shift_reg[i] = 0;
    c[i] = coef[i];
  }
  ap_uint<10> total = 0;
samples:
  for (int n = 0; n < N; n++) {
#pragma HLS pipeline II=1
#pragma HLS loop_tripcount min=32 max=32
    ap_int<12> x = in[n];  // wraps to 12 bits
  shift:
    for (int i = TAPS - 1; i > 0; i--)
      shift_reg[i] = shift_reg[i - 1];
    shift_reg[0] = x;
    ap_int<20> acc = 0;
  taps:
    for (int i = 0; i < TAPS; i++)
      acc = mac(acc, shift_reg[i], c[i]);
    ap_uint<4> low = x;          // unsigned wrap
    total += low * 3 - (x >> 9); // widening arithmetic, then wrap to 10 bits
    out[n] = acc.to_int() + (acc > 1000 ? 1 : 0) + (x / 3).to_int() + (x % 5).to_int();
  }
  sum[0] = total;
}
ALLO_DIFFTEST(hls_existing)
